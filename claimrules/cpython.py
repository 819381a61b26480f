"""The one place copycheck relies on CPython's internals.

Each is used for speed alone, has a fallback that gives the same results more
slowly, and is checked by tests/test_cpython.py, which fails loudly on a Python
where one no longer works (so the slow path is never taken unnoticed):

- ``parse`` and ``C``: re's parser and its constants (``re._parser``,
  ``re._constants``; ``sre_parse`` before Python 3.11).  The scan reads what
  each pattern's matches start with from its parse tree (copycheck/reading/prefixes.py).
  Fallback: None, and the pattern runs over the whole text.
- ``code_of`` and ``from_code``: the compiled code that re's compiler hands its
  C engine (``re._compiler``, ``_sre``), kept in the start-up cache
  (claimrules/cache.py) so that a warm start compiles no regular expression.
  Fallback: None, and the pattern is compiled from its source on first use.
  Measured (README, Performance): without it a cold start on a 3 KB page takes
  about a quarter longer.
- ``freeze``: ``gc.freeze`` for a command that owns its process (copycheck/cli.py):
  what is alive after loading lives until the process ends, so the collector's
  passes, and the last one at exit, need not walk it.  Fallback: nothing.
"""
from __future__ import annotations

from array import array

try:
    import re._constants as C
    from re._parser import parse
except ImportError:  # pragma: no cover - a Python whose re is laid out otherwise
    C = parse = None

try:
    import _sre
    from re import _compiler
except ImportError:  # pragma: no cover
    _sre = _compiler = None


def code_of(pattern):
    """What re's compiler hands its C engine for a compiled pattern (the arguments of
    _sre.compile, whatever this Python's are), or None.  The cache file is only read by
    the same Python, and the engine checks the code it is given; anything amiss: None."""
    if _compiler is None:
        return None
    try:
        got = []

        class Spy:
            def __getattr__(self, name):
                return getattr(_sre, name)

            @staticmethod
            def compile(*args):
                got.append(args)
                return _sre.compile(*args)

        saved, _compiler._sre = _compiler._sre, Spy()
        try:
            _compiler.compile(pattern.pattern, pattern.flags)
        finally:
            _compiler._sre = saved
        if len(got) != 1:
            return None
        # the code is a list of ints, some of them re's named constants: stored as an
        # array of 32-bit words (re's own code unit), which unpickles as one bytes copy
        return tuple(array("I", a) if isinstance(a, list) else a for a in got[0])
    except Exception:  # noqa: BLE001 - then the pattern is compiled from source on first use
        return None


def from_code(code):
    """The compiled pattern for code_of's code, or None (then: compile from source)."""
    if _sre is None:
        return None
    try:
        return _sre.compile(*(a.tolist() if isinstance(a, array) else a for a in code))
    except Exception:  # noqa: BLE001
        return None


def freeze() -> None:
    """gc.freeze where the collector has it (a command's process: never the library API)."""
    import gc

    getattr(gc, "freeze", lambda: None)()
