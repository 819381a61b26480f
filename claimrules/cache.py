"""What the rulebook is built into, remembered: once per process, and between
runs in the user's cache folder, so a pre-commit hook does not parse, validate
and analyse the same YAML on every commit.

- ``remembered(key, build)`` and the ``@memo`` decorator: a value built once per
  process (the rulebook, its lexicons, the claim reader, the compiled scan...).
- ``restore()`` at start-up loads the values a previous run built, if the cache
  file was made from the same files by the same copycheck and Python;
  ``save()`` writes them after a run that built something new; of a family of
  values remembered with ``keep=N`` (one compiled scan per rule selection) it
  keeps the N built or used last.

The cache file is keyed by every file of claimrules/ and copycheck/ (name,
size and modification time, as Python keys its own bytecode) and by the
versions of Python and of the cache format.  The whole key is written at the
head of the file and compared before anything else is read: a stale file is
never read, only replaced.  The payload's length and CRC-32 are checked before
anything is unpickled: a corrupt or truncated file is ignored (and rebuilt),
never trusted.  Compiled regular expressions are stored with re's compiled
code and handed to its engine on first use (``LazyPattern``; the code is read
and handed on by claimrules/cpython.py, the one module that touches CPython's
internals, with a fallback to compiling from source).  Deleting the folder
is always safe.  ``COPYCHECK_NO_CACHE=1`` turns it off; ``COPYCHECK_CACHE_DIR``
moves it.
"""
from __future__ import annotations

import functools
import gc
import os
import pickle
import re
import sys
import zlib
from pathlib import Path

from .cpython import code_of, from_code  # re's compiled code: CPython internals, kept to one module

MAGIC = b"copycheck-cache 2\n"
KEEP = 4  # cache files kept in the folder (one per copycheck install that shares it)
_MEMO: dict = {}  # key -> value, for this process
_RESTORED: set = set()  # the keys restore() brought in
_TRIED = False  # restore() has looked for the file
_KEEP: dict = {}  # family -> how many of its values the cache file keeps (see remembered)
_MISSING = object()


def remembered(key, build, keep: int | None = None):
    """The value for key, built by build() the first time (per process, or per cache file).
    keep: the cache file holds at most this many values of key's family (its first item), the
    ones runs used last: one compiled scan per rule selection would otherwise pile up."""
    if keep is not None:
        _KEEP[key[0]] = keep
        value = _MEMO.pop(key, _MISSING)  # re-inserted last: the dict's order is the order of use
        _MEMO[key] = build() if value is _MISSING else value
        return _MEMO[key]
    try:
        return _MEMO[key]
    except KeyError:
        pass
    value = _MEMO[key] = build()
    return value


def memo(fn):
    """Like functools.lru_cache, with the values kept in this module (and so in the cache file)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def wrapper(*args):
        return remembered((name, args), lambda: fn(*args))

    def cache_clear():
        for key in [k for k in _MEMO if isinstance(k, tuple) and k[:1] == (name,)]:
            del _MEMO[key]

    wrapper.cache_clear = cache_clear
    return wrapper


def clear() -> None:
    """Forget everything remembered in this process (restore() may look again)."""
    global _TRIED
    _MEMO.clear()
    _RESTORED.clear()
    _TRIED = False


# -- the cache file ------------------------------------------------------------

def folder() -> Path | None:
    """Where the cache file lives, or None when caching is off."""
    if os.environ.get("COPYCHECK_NO_CACHE", "") not in ("", "0"):
        return None
    where = os.environ.get("COPYCHECK_CACHE_DIR")
    if where:
        return Path(where)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "copycheck" / "Cache"
    try:
        base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    except (RuntimeError, KeyError, OSError):  # no home folder (a bare container): no cache
        return None
    return Path(base) / "copycheck"


def _key() -> bytes:
    """What the remembered values are built from, as one line of text: the
    versions of Python and of the cache format, and the name, size and
    modification time of every file of claimrules/ and copycheck/.  (Statting
    them costs a fraction of a millisecond; reading them all cost 7 ms.)"""
    parts = [MAGIC.strip().decode(), sys.version.replace("\n", " ")]
    here = os.path.dirname(os.path.abspath(__file__))
    for package in (here, os.path.join(os.path.dirname(here), "copycheck")):
        for folder, subfolders, names in os.walk(package):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(names):
                if name.endswith((".py", ".yaml", ".yml")):
                    path = os.path.join(folder, name)
                    st = os.stat(path)
                    parts.append(f"{os.path.relpath(path, os.path.dirname(package))}:{st.st_size}:{st.st_mtime_ns}")
    return "\t".join(parts).encode("utf-8", "surrogateescape") + b"\n"


def _file() -> tuple[Path, bytes] | None:
    """(the cache file, the key it must start with), or None: no cache."""
    where = folder()
    if where is None:
        return None
    try:
        key = _key()
    except OSError:
        return None
    return where / f"rulebook-{zlib.crc32(key):08x}.pickle", key


def _framed(key: bytes, payload: bytes) -> bytes:
    """The file's bytes: the key line, then the payload's length and CRC-32, then the payload."""
    return key + len(payload).to_bytes(8, "little") + zlib.crc32(payload).to_bytes(4, "little") + payload


def _payload(data: bytes, key: bytes) -> bytes | None:
    """The payload of a cache file's bytes, or None when the file is stale, truncated or corrupt."""
    if not data.startswith(key):
        return None  # another rulebook, copycheck or Python (or not a cache file at all)
    head = len(key) + 12
    size = int.from_bytes(data[len(key):len(key) + 8], "little")
    crc = int.from_bytes(data[len(key) + 8:head], "little")
    payload = data[head:]
    if len(payload) != size or zlib.crc32(payload) != crc:
        return None
    return payload


class LazyPattern:
    """A compiled regular expression, compiled on first use (from the code stored
    with it, or kept in the cache file, else from its source), after which its
    methods are the compiled pattern's own."""

    _METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, engine: str, pattern, flags: int, code=None):
        self.engine, self.pattern, self.flags = engine, pattern, flags
        self.code = code  # the standard library's compiled form (re's engine only): no parsing again

    def _real(self):
        real = self.__dict__.get("_compiled")
        if real is None:
            if self.engine == "re":
                real = (from_code(self.code) if self.code else None) or _stored(self.pattern, self.flags)
            else:
                import regex

                real = regex.compile(self.pattern, self.flags)
            self.__dict__["_compiled"] = real
            for name in self._METHODS:
                self.__dict__[name] = getattr(real, name)
        return real

    def __getattr__(self, name):  # groups, groupindex, and the methods before first use
        if name.startswith("__") or name in ("engine", "pattern", "flags", "code", "_compiled"):
            raise AttributeError(name)
        return getattr(self._real(), name)

    def __reduce__(self):
        return LazyPattern, (self.engine, self.pattern, self.flags, self.code)


def compiled(pattern: str, flags: int = 0) -> LazyPattern:
    """A module's regular expression (``NAME = compiled(r"...")``): compiled on
    first use, from the code an earlier run kept in the cache file (no parsing),
    else from its source, and its code kept for the next run.  Importing a module
    costs nothing for its patterns (the fifty of copycheck's modules took 12 ms
    of a start-up)."""
    return LazyPattern("re", pattern, flags)


def _stored(pattern: str, flags: int) -> re.Pattern:
    """A pattern compiled from the code the cache file keeps for it, else from its
    source (its code then remembered, for the file)."""
    key = ("re.compile", pattern, flags)
    code = _MEMO.get(key)
    real = from_code(code) if code else None
    if real is None:
        real = re.compile(pattern, flags)
        code = code_of(real)
        if code is not None:
            _MEMO[key] = code
    return real


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern):
            return LazyPattern, ("re", obj.pattern, obj.flags, code_of(obj))
        if isinstance(obj, LazyPattern) and obj.engine == "re" and obj.code is None:
            real = obj._real()
            return LazyPattern, ("re", obj.pattern, obj.flags, code_of(real))
        module = type(obj).__module__
        if module and module.startswith("regex") and type(obj).__name__ == "Pattern":
            return LazyPattern, ("regex", obj.pattern, obj.flags)
        return NotImplemented


def restore() -> bool:
    """Bring in the values a previous run saved, if its file matches (once per
    process; later calls do nothing); False: none."""
    global _TRIED
    if _TRIED:
        return False
    _TRIED = True
    where = _file()
    if where is None:
        return False
    path, key = where
    try:
        data = path.read_bytes()
    except OSError:
        return False
    payload = _payload(data, key)
    if payload is None:
        return False  # stale, corrupt or truncated: rebuilt, and replaced by save()
    was = gc.isenabled()
    gc.disable()  # a hundred thousand long-lived objects: no collector passes while they arrive
    try:
        values = pickle.loads(payload)
    except Exception:  # a class renamed since, say: the digest matched, the content is stale
        return False
    finally:
        if was:
            gc.enable()
    if not isinstance(values, dict):
        return False
    for key, value in values.items():
        _MEMO.setdefault(key, value)
        _RESTORED.add(key)
    return True


def _kept() -> dict:
    """What the cache file keeps: everything, but of a capped family only its last used values."""
    seen: dict = {}
    dropped = set()
    for key in reversed(_MEMO):
        family = key[0] if isinstance(key, tuple) and key and key[0] in _KEEP else None
        if family is not None:
            seen[family] = seen.get(family, 0) + 1
            if seen[family] > _KEEP[family]:
                dropped.add(key)
    return {k: v for k, v in _MEMO.items() if k not in dropped}


def save() -> None:
    """Write what this process remembered, if it built anything the file lacks.
    Never fails a run: a read-only or full disk just means no cache."""
    if not set(_MEMO) - _RESTORED:
        return
    where = _file()
    if where is None:
        return
    path, key = where
    import io

    from .atomic import write_atomic

    try:
        buf = io.BytesIO()
        _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(_kept())
        payload = buf.getvalue()
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, _framed(key, payload), prefix=".rulebook-")
        _RESTORED.update(_MEMO)
        older = sorted(path.parent.glob("rulebook-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEEP:]:  # other versions' files: a few are kept (several installs), the rest go
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - an unpicklable value, a full disk: no cache, same results
        pass
