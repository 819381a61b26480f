"""Walk paths, read bytes, detect binary, decode.  Every input problem becomes
one InputError with a one-line message naming the file."""
from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from . import sites
from .sites import is_data_file as _is_data_file  # a site's data files are copy (markup/data.py reads them)

DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdx", "*.jsx", "*.tsx", "*.html", "*.htm", "*.txt", "*.docx", "*.odt")
ALWAYS_SKIP_DIRS = {".git", "node_modules", ".hg", ".svn", "__pycache__"}
MAX_BYTES = 1 << 31


# Characters that would let a file name or a line of copy move the terminal, forge an output
# line or break XML: C0 and C1 controls, DEL, line and paragraph separators, bidi overrides.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """text with each control character written as an escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown(path: str) -> str:
    """A path as reports show it: bytes of a file name that are not UTF-8 escaped
    (``caf\\xe9.md``), and control characters too, so every output stays valid UTF-8
    and no file name can forge a line of it."""
    if not path.isascii():
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return printable(path)


class InputError(Exception):
    """A path or file copycheck cannot read; str() is the one-line message."""

    def __init__(self, path, message, fatal=True, line=0, language=None):
        path = shown(str(path))
        self.path = path  # the file (reports locate it by this)
        self.message = message  # what is wrong, without the path
        self.line = line  # where in it, when known
        self.fatal = fatal  # False: a notice (a skipped file), not a failure
        self.language = language  # a page skipped as not English: its language
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")

    def __reduce__(self):  # pickled whole (a worker process sends it back to the parent)
        return (type(self), (self.path, self.message, self.fatal, self.line, self.language))


@dataclass
class Source:
    path: str  # as shown in reports
    text: str
    scopes: tuple = ()  # a Word or OpenDocument draft (markup/office.py): each line's scope


def _excluded(rel: str, name: str, exclude) -> bool:
    return any(fnmatch(rel, pat) or fnmatch(name, pat) or fnmatch(rel, pat.rstrip("/") + "/*") for pat in exclude)


# Files a folder walk never takes, though their names match the include globs: they are not copy
# (a file named on the command line is still checked); ~$*: the owner file Word keeps beside an open document.
NOT_COPY = ("license*", "licence*", "copying*", "notice", "notice.*", "requirements*.txt", "constraints*.txt",
            "robots.txt", "humans.txt", "security.txt", "codeowners", "authors*", "contributors*", "~$*")


def _ignores_above(root: Path):
    """The .gitignore specs that apply inside root from its ancestors, up to the repository's top."""
    import pathspec

    out = []
    d = root.resolve()
    for folder in (d, *d.parents):
        gi = folder / ".gitignore"
        if folder != d and os.path.isfile(gi):  # (os.path's tests say False where a folder cannot be read)
            out.append((folder, _spec(gi, pathspec)))
        if os.path.exists(folder / ".git"):
            break
    return out[::-1]


GITIGNORE_BYTES = 20_000_000  # a .gitignore larger than this is refused


def _spec(path, pathspec):
    """A .gitignore's patterns; one that cannot be read is an InputError naming it."""
    from claimrules.yamllib import read_bytes

    try:
        lines = read_bytes(path, GITIGNORE_BYTES).decode("utf-8", errors="replace").splitlines()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, str(exc) if not exc.strerror else exc.strerror) from None
    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, TypeError):  # a pattern pathspec cannot read ("\\" alone): git skips it, and so do we
        return pathspec.GitIgnoreSpec.from_lines([line for line in lines if _valid_pattern(line, pathspec)])


def _valid_pattern(line, pathspec) -> bool:
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
        return True
    except (ValueError, TypeError):
        return False


def _ignored(specs, path: str, is_dir: bool) -> bool:
    full = os.path.abspath(path)
    hit = False
    for base, spec in specs:
        rel = os.path.relpath(full, base).replace(os.sep, "/")
        if rel.startswith(".."):
            continue
        result = spec.check_file(rel + ("/" if is_dir else ""))
        if result.include is not None:
            hit = result.include  # a later, nearer .gitignore decides (negations too)
    return hit


def discover(paths, include=DEFAULT_INCLUDE, exclude=(), gitignore=True, outside=False):
    """Yield (path, explicit) for each file to check, in a stable order, and
    InputError for each path that cannot be walked."""
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except FileNotFoundError:
            if p.is_symlink():
                yield InputError(raw, "broken symbolic link")
            else:
                yield InputError(raw, "no such file or directory")
            continue
        except OSError as exc:
            yield InputError(raw, exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(p, include, exclude, gitignore, outside)
        elif stat.S_ISREG(st.st_mode):
            yield (str(raw), True)
        else:
            yield InputError(raw, "not a regular file (a FIFO, socket or device)")  # named: an error


def _walk(root: Path, include, exclude, gitignore=True, outside=False):
    """Files under root that the include globs take, skipping hidden and build folders,
    exclude globs, what .gitignore excludes (as git does, with pathspec), and NOT_COPY.
    A symbolic link that leaves root is skipped with a notice unless outside is set."""
    seen = set()
    top = root.resolve()
    if gitignore:
        import pathspec
    try:
        above = _ignores_above(root) if gitignore else []
    except InputError as exc:
        yield exc
        return
    if above and _ignored(above, str(root), True):
        above = []  # a folder named on the command line is walked even if ignored, as ripgrep does
    stack = [(root, above)]
    pruned = {}  # folders a site generator's config says are build output or templates -> why
    while stack:
        d, specs = stack.pop()
        if gitignore and os.path.isfile(d / ".gitignore"):
            try:
                specs = specs + [(d.resolve(), _spec(d / ".gitignore", pathspec))]
            except InputError as exc:
                yield exc  # and the folder is walked without it
        try:
            st = d.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue  # a symlink loop
            seen.add(key)
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except PermissionError:
            yield InputError(d, "permission denied")
            continue
        except OSError as exc:
            yield InputError(d, exc.strerror or str(exc))
            continue
        subdirs = []
        pruned.update(sites.pruned(d, [e.name for e in entries]))
        for e in entries:
            path = os.path.join(d, e.name) if str(d) != "." else e.name
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            try:
                is_dir = e.is_dir()
                is_file = e.is_file()
                link = e.is_symlink()
            except OSError:
                continue
            if link and (is_dir or is_file) and not outside:
                target = Path(path).resolve()
                if target != top and top not in target.parents:
                    if is_dir or any(fnmatch(e.name, pat) for pat in include):
                        yield InputError(path, f"a symbolic link out of the checked folder (to {target}); skipped "
                                               "(--allow-outside follows it)", fatal=False)
                    continue
            if is_dir:
                if e.name.startswith(".") or e.name in ALWAYS_SKIP_DIRS or _excluded(rel, e.name, exclude):
                    continue
                if specs and _ignored(specs, path, True):
                    continue
                if path in pruned:  # a site's build output or templates: not copy
                    yield InputError(path, f"{pruned[path]}; skipped (name the folder to check it)", fatal=False)
                    continue
                subdirs.append((Path(path), specs))
            elif is_file:
                if (any(fnmatch(e.name, pat) for pat in include) or _is_data_file(path)) and not _excluded(rel, e.name, exclude):
                    if any(fnmatch(e.name.lower(), pat) for pat in NOT_COPY):
                        continue
                    if specs and _ignored(specs, path, False):
                        continue
                    yield (path, False)
            elif link and any(fnmatch(e.name, pat) for pat in include):
                why = "a symbolic link to a FIFO, socket or device" if os.path.exists(path) else "broken symbolic link"
                yield InputError(path, f"{why}; skipped", fatal=False)
            elif any(fnmatch(e.name, pat) for pat in include) and not _excluded(rel, e.name, exclude):
                yield InputError(path, "not a regular file (a FIFO, socket or device); skipped", fatal=False)
        stack.extend(reversed(subdirs))


def _binary(data) -> bool:
    """NUL bytes in the first 8 KB (UTF-16 text, which has them, is told by its BOM first)."""
    return b"\x00" in data[:8192]


def decode(data: bytes, path) -> str:
    """Bytes -> text: BOMs honoured, binary refused, invalid UTF-8 located."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}") from None
    if _binary(data):
        raise InputError(path, "binary file (contains NUL bytes); skipped", fatal=False)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(path, f"invalid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}); file not checked", line=line) from None


def _too_large(path, size=None):
    limit = f"{MAX_BYTES / 2**30:g} GB" if MAX_BYTES >= 2**30 else f"{MAX_BYTES:,} bytes"
    what = f"{size:,} bytes" if size is not None else "more"
    return InputError(path, f"{what}: over the {limit} copycheck reads from one file; not checked")


def read(path: str, decoder=None) -> Source:
    """A file's text; its bytes are let go as soon as they are decoded (by decoder(data, path) when
    given: markup.decoder says which files are not text)."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_BYTES:
                raise _too_large(path, size)
            data = fh.read()
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return decoder(data, path) if decoder else Source(path, decode(data, path))


def read_stream(stream, name: str, decoder=None) -> Source:
    """Standard input's text (shown as name), read up to MAX_BYTES like a file."""
    data = bytearray()  # grown in place: no second copy of what was read
    while len(data) <= MAX_BYTES:
        chunk = stream.read(1 << 20)
        if not chunk:
            break
        data += chunk
        if not decoder and len(data) - len(chunk) < 8192 and _binary(data) and not data.startswith(
                (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            break  # decode refuses it as binary: /dev/zero after its first megabyte, not its second gigabyte
    if len(data) > MAX_BYTES:
        raise _too_large(name)  # (how much more is not read)
    return decoder(bytes(data), name) if decoder else Source(name, decode(data, name))


def write_atomic(path, text: str) -> None:
    """Write text to path (UTF-8, line ends as given) whole or not at all (claimrules/atomic.py)."""
    from claimrules.atomic import write_atomic as write

    write(path, text.encode("utf-8"))
