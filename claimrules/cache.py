"""What the rulebook is built into, remembered: once per process, and between
runs in the user's cache folder, so a pre-commit hook does not parse, validate
and analyse the same YAML on every commit.

- ``remembered(key, build)`` and the ``@memo`` decorator: a value built once per
  process (the rulebook, its lexicons, the claim reader, the compiled scan...).
- ``restore()`` at start-up loads the values a previous run built, if the cache
  file was made from the same files by the same copycheck and Python;
  ``save()`` writes them after a run that built something new.

The cache file is keyed by the content of every file of claimrules/ and
copycheck/, and by the versions of Python and copycheck: a stale file is never
read, only replaced.  Its payload carries a SHA-256 digest that is checked
before anything is unpickled: a corrupt or truncated file is ignored (and
rebuilt), never trusted.  Compiled regular expressions are stored as their
source and compiled again on first use (``LazyPattern``).  Deleting the folder
is always safe.  ``COPYCHECK_NO_CACHE=1`` turns it off; ``COPYCHECK_CACHE_DIR``
moves it.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import sys
from pathlib import Path

MAGIC = b"copycheck-cache 1\n"
KEEP = 4  # cache files kept in the folder (one per copycheck install that shares it)
_MEMO: dict = {}  # key -> value, for this process
_RESTORED: set = set()  # the keys restore() brought in
_TRIED = False  # restore() has looked for the file


def remembered(key, build):
    """The value for key, built by build() the first time (per process, or per cache file)."""
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


def _fingerprint() -> str:
    """A digest of everything the remembered values are built from: the files of
    claimrules/ and copycheck/, and the versions of Python and the cache format."""
    h = hashlib.blake2b(digest_size=16)
    h.update(MAGIC + sys.version.encode())
    here = Path(__file__).resolve().parent
    for package in (here, here.parent / "copycheck"):
        if not package.is_dir():
            continue
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml") and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(package.parent)).encode() + b"\0")
                h.update(path.read_bytes())
    return h.hexdigest()


def _file() -> Path | None:
    where = folder()
    if where is None:
        return None
    try:
        return where / f"rulebook-{_fingerprint()}.pickle"
    except OSError:
        return None


class LazyPattern:
    """A compiled regular expression that a cache file stored as its source: compiled
    on first use, after which its methods are the compiled pattern's own."""

    _METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, engine: str, pattern, flags: int, code=None):
        self.engine, self.pattern, self.flags = engine, pattern, flags
        self.code = code  # the standard library's compiled form (re's engine only): no parsing again

    def _real(self):
        real = self.__dict__.get("_compiled")
        if real is None:
            if self.engine == "re":
                real = _from_code(self.code) if self.code else None
                real = real or re.compile(self.pattern, self.flags)
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


def _code_of(pattern: re.Pattern):
    """What re's compiler hands its C engine for pattern (the arguments of _sre.compile,
    whatever this Python's are), or None.  The cache file is only read by the same
    Python, and the engine checks the code it is given; anything amiss: compiled afresh."""
    try:
        import _sre
        from re import _compiler

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
        # the code is a list of ints, some of them re's named constants: plain ints pickle
        return tuple([int(c) for c in a] if isinstance(a, list) else a for a in got[0])
    except Exception:  # noqa: BLE001 - then the pattern is compiled from source on first use
        return None


def _from_code(code):
    try:
        import _sre

        return _sre.compile(*code)
    except Exception:  # noqa: BLE001
        return None


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern):
            return LazyPattern, ("re", obj.pattern, obj.flags, _code_of(obj))
        if isinstance(obj, LazyPattern) and obj.engine == "re" and obj.code is None:
            real = obj._real()
            return LazyPattern, ("re", obj.pattern, obj.flags, _code_of(real))
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
    path = _file()
    if path is None:
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    head = len(MAGIC) + 32
    if not data.startswith(MAGIC) or hashlib.sha256(data[head:]).digest() != data[len(MAGIC):head]:
        return False  # corrupt or truncated: rebuilt, and replaced by save()
    try:
        values = pickle.loads(data[head:])
    except Exception:  # a class renamed since, say: the digest matched, the content is stale
        return False
    if not isinstance(values, dict):
        return False
    for key, value in values.items():
        _MEMO.setdefault(key, value)
        _RESTORED.add(key)
    return True


def save() -> None:
    """Write what this process remembered, if it built anything the file lacks.
    Never fails a run: a read-only or full disk just means no cache."""
    if not set(_MEMO) - _RESTORED:
        return
    path = _file()
    if path is None:
        return
    import io
    import tempfile  # (only a run that built something writes: not imported at start-up)

    tmp = None
    try:
        buf = io.BytesIO()
        _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(dict(_MEMO))
        payload = buf.getvalue()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".rulebook-", dir=str(path.parent))
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
        _RESTORED.update(_MEMO)
        older = sorted(path.parent.glob("rulebook-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEEP:]:  # other versions' files: a few are kept (several installs), the rest go
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - an unpicklable value, a full disk: no cache, same results
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
