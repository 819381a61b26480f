"""The start-up cache (claimrules/cache.py): a warm run gives what a cold one
gives; a stale, corrupt or unwritable cache is never trusted and never fails a run."""
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from claimrules import cache

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "pages" / "lip-filler.md"


def run(folder, *args, **env):
    """copycheck in a fresh process, with its cache in folder."""
    environ = {**os.environ, "COPYCHECK_CACHE_DIR": str(folder), **env}
    return subprocess.run([sys.executable, "-m", "copycheck", "check", "--isolated", "--format", "json", *args],
                          capture_output=True, text=True, cwd=ROOT, env=environ)


def test_a_warm_run_gives_what_a_cold_one_gives(tmp_path):
    cold = run(tmp_path, str(PAGE))
    files = list(tmp_path.glob("rulebook-*.pickle"))
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    stamp = files[0].stat().st_mtime_ns
    warm = run(tmp_path, str(PAGE))
    assert cold.returncode == warm.returncode == 1
    assert cold.stdout == warm.stdout and '"CC' in cold.stdout
    assert files[0].stat().st_mtime_ns == stamp  # nothing new was built: the file is not rewritten


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_a_corrupt_cache_is_ignored_and_replaced(tmp_path, damage):
    good = run(tmp_path, str(PAGE)).stdout
    path = next(tmp_path.glob("rulebook-*.pickle"))
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:])
    else:
        path.write_bytes(b"not a cache at all")
    again = run(tmp_path, str(PAGE))
    assert again.stdout == good and "Traceback" not in again.stderr
    rebuilt = path.read_bytes()  # rebuilt whole: its key, length and CRC-32 check out again
    key = cache._key()
    head = len(key) + 12
    assert rebuilt.startswith(key) and len(rebuilt) > 10_000
    assert int.from_bytes(rebuilt[len(key):len(key) + 8], "little") == len(rebuilt) - head
    assert int.from_bytes(rebuilt[len(key) + 8:head], "little") == zlib.crc32(rebuilt[head:])


def test_a_stale_cache_is_never_read(tmp_path, monkeypatch):
    """The file starts with the key of everything it was built from: another
    cache format, or an edited rule file, looks for another file."""
    monkeypatch.setenv("COPYCHECK_CACHE_DIR", str(tmp_path))
    name, key = cache._file()
    monkeypatch.setattr(cache, "MAGIC", b"copycheck-cache 0\n")
    assert cache._file()[0] != name and cache._file()[1] != key
    monkeypatch.undo()
    rule_file = ROOT / "claimrules" / "rules" / "efficacy.yaml"
    st = rule_file.stat()
    try:
        os.utime(rule_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # edited since
        assert cache._key() != key
    finally:
        os.utime(rule_file, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cache._key() == key


def test_a_file_under_the_right_name_with_another_key_is_not_read(tmp_path, monkeypatch):
    """Two keys whose CRC-32 collide share a file name: the key line at the head
    still tells them apart, so the other's values are never unpickled."""
    monkeypatch.setenv("COPYCHECK_CACHE_DIR", str(tmp_path))
    path, key = cache._file()
    other = key.replace(b"copycheck-cache", b"copycheck-cachf")
    path.write_bytes(cache._framed(other, b"never unpickled"))
    assert cache._payload(path.read_bytes(), key) is None
    assert cache._payload(cache._framed(key, b"payload"), key) == b"payload"
    assert cache._payload(cache._framed(key, b"payload")[:-1], key) is None


def test_no_cache_and_an_unwritable_folder_change_nothing(tmp_path):
    good = run(tmp_path / "a", str(PAGE)).stdout
    off = run(tmp_path / "b", str(PAGE), COPYCHECK_NO_CACHE="1")
    assert off.stdout == good and not (tmp_path / "b").exists()
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    r = run(blocked / "cache", str(PAGE))
    assert r.stdout == good and r.stderr == ""


def test_lazy_patterns_match_as_compiled_ones_and_pickle_as_source():
    import pickle
    import re

    import regex

    for engine, compiled in (("re", re.compile(r"pain(?:less|-free)", re.I)),
                             ("regex", regex.compile(r"pain(?:less|-free)", regex.I | regex.V0))):
        lazy = pickle.loads(pickle.dumps(cache.LazyPattern(engine, compiled.pattern, compiled.flags)))
        assert "_compiled" not in lazy.__dict__  # not compiled until used
        text = "Painless and pain-free; painful."
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert lazy.search(text).group() == "Painless" and lazy.groups == compiled.groups
        assert b"pain(?:less" in pickle.dumps(lazy)  # stored as its source, compiled again on load


def test_memo_builds_once_per_process():
    calls = []

    @cache.memo
    def build(n):
        calls.append(n)
        return n * 2

    assert build(3) == 6 and build(3) == 6 and calls == [3]
    build.cache_clear()
    assert build(3) == 6 and calls == [3, 3]


def test_a_cached_pattern_keeps_res_compiled_code_and_matches_the_same():
    import io
    import pickle
    import re

    compiled = re.compile(r"(?<![\w-])(?:no\s+(?:down\s*time|pain)|painless)(?P<tail>!?)", re.I)
    buf = io.BytesIO()
    cache._Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump([compiled])
    [lazy] = pickle.loads(buf.getvalue())
    assert isinstance(lazy, cache.LazyPattern) and lazy.code is not None  # no parsing on the next run
    text = "No downtime, no  pain: PAINLESS! x-painless"
    assert [(m.span(), m.group("tail")) for m in lazy.finditer(text)] == \
           [(m.span(), m.group("tail")) for m in compiled.finditer(text)]
    broken = cache.LazyPattern("re", compiled.pattern, compiled.flags, ("not", "code"))
    assert broken.search(text).span() == compiled.search(text).span()  # bad code: compiled from source


def test_no_home_folder_means_no_cache(monkeypatch):
    monkeypatch.delenv("COPYCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cache.Path, "home", staticmethod(no_home))
    assert cache.folder() is None and cache._file() is None
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert str(cache.folder()) == "/somewhere/copycheck"



def _scans_kept(folder):
    """For each compiled scan the cache file in folder holds, oldest first: the codes it leaves out
    (of all the codes the kept scans hold between them)."""
    import pickle

    path = next(folder.glob("rulebook-*.pickle"))
    values = pickle.loads(cache._payload(path.read_bytes(), cache._key()))
    scans = [set(key[1]) for key in values if isinstance(key, tuple) and key[:1] == ("copycheck.scan.compiled_scan",)]
    every = set().union(*scans)
    return [sorted(every - codes) for codes in scans]


def test_the_cache_keeps_the_scans_of_the_last_used_rule_selections(tmp_path):
    from copycheck.reading.scan import SELECTIONS_KEPT

    outputs = {}
    for ignore in ["CC401", "CC402", "CC401,CC402", "CC101", "CC102"]:
        outputs[ignore] = run(tmp_path, "--ignore", ignore, str(PAGE)).stdout
        assert '"CC' in outputs[ignore] and len(_scans_kept(tmp_path)) <= SELECTIONS_KEPT
    assert SELECTIONS_KEPT == 3 and _scans_kept(tmp_path) == [["CC401", "CC402"], ["CC101"], ["CC102"]]
    path = next(tmp_path.glob("rulebook-*.pickle"))
    stamp = path.stat().st_mtime_ns
    assert run(tmp_path, "--ignore", "CC101", str(PAGE)).stdout == outputs["CC101"]
    assert path.stat().st_mtime_ns == stamp  # a kept selection: nothing built, nothing written
    assert run(tmp_path, "--ignore", "CC401", str(PAGE)).stdout == outputs["CC401"]  # dropped: built again
    assert _scans_kept(tmp_path) == [["CC101"], ["CC102"], ["CC401"]]  # the oldest went
