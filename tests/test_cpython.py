"""claimrules/cpython.py, the one module that relies on CPython's internals: each
use works on this Python (a loud failure here, not a quietly slower copycheck),
and each fallback gives the same results."""
import gc
import pickle
import re

from claimrules import cache, cpython


def test_re_s_private_parser_works_on_this_python():
    assert cpython.parse is not None and cpython.C is not None, "re._parser / re._constants are gone: port cpython.py"
    tree = list(cpython.parse("no down ?time", re.IGNORECASE))
    assert tree[0] == (cpython.C.LITERAL, ord("n"))


def test_re_s_compiled_code_is_read_and_handed_back_on_this_python():
    pattern = re.compile(r"(?:no|zero) down ?time\b", re.IGNORECASE)
    code = cpython.code_of(pattern)
    assert code is not None, "re._compiler / _sre no longer hand over their code: the start-up cache compiles every pattern"
    again = cpython.from_code(code)
    assert again is not None and again.pattern == pattern.pattern and again.flags == pattern.flags
    text = "No downtime, zero down time, no down-time."
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def test_the_collector_can_freeze_on_this_python():
    assert callable(getattr(gc, "freeze", None))


def test_without_the_compiled_code_a_cached_pattern_compiles_from_its_source(monkeypatch):
    monkeypatch.setattr(cache, "code_of", lambda pattern: None)
    monkeypatch.setattr(cache, "from_code", lambda code: None)
    lazy = cache.LazyPattern("re", r"pain(?:less|-free)", re.IGNORECASE, code=("not", "code"))
    back = pickle.loads(pickle.dumps(lazy))
    assert back.search("Completely Painless.").group() == "Painless"
    assert lazy.search("pain-free").group() == "pain-free"


def test_broken_code_falls_back_to_the_source():
    assert cpython.from_code(("not", "code")) is None
    lazy = cache.LazyPattern("re", r"pain(?:less|-free)", 0, code=("not", "code"))
    assert lazy.search("it is painless").group() == "painless"
