"""Word (.docx) and OpenDocument (.odt) drafts, read with the standard library
(zipfile and xml.etree: no dependency, no network).

``decode`` turns a draft's bytes into a text with one paragraph a line (headings,
list items and table cells are paragraphs; empty ones are left out), and the scope
of each line.  So a finding's line is the paragraph's number in the draft and its
column the character in the paragraph, in every report format, with nothing after
this stage knowing it was a draft; ``name_headings`` adds the heading each finding
stands under.  A file that is not a draft (not a zip, a broken one, an encrypted
one) is one InputError naming it.  docx.py and odt.py read the XML."""
from __future__ import annotations

import io
import zipfile
import zlib
from bisect import bisect_right
from pathlib import PurePath

from ..source.blocks import BlockBuilder
from ..source.positions import split_lines

SUFFIXES = {".docx": "docx", ".odt": "odt"}
NAMES = {"docx": "Word document", "odt": "OpenDocument text"}
A = {"docx": "a", "odt": "an"}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: Word 97-2003, or an encrypted .docx
MAX_PART = 1 << 29  # bytes one XML part may unpack to (a zip bomb stops here)
_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


class _Bad(Exception):
    pass


def decode(data: bytes, path):
    """A draft's bytes -> a Source (source/files.py) whose text has one paragraph a line and
    whose scopes say what each line is; InputError (exit 2) for a file that is not a readable draft."""
    from xml.etree.ElementTree import ParseError

    from ..source.files import InputError, Source

    kind = SUFFIXES.get(PurePath(str(path)).suffix.lower(), "docx")
    try:
        pairs = _paragraphs(data, kind)
        lines, scopes = [], []
        for scope, text in pairs:
            if text.strip():
                lines.append(text)
                scopes.append(scope)
    except _Bad as exc:
        raise InputError(path, f"{exc}; file not checked") from None
    except ParseError as exc:
        raise InputError(path, f"a broken {NAMES[kind]} (its XML is not well-formed: {exc}); file not checked") from None
    return Source(path, "\n".join(lines), tuple(scopes))


def _paragraphs(data: bytes, kind: str):
    what = NAMES[kind]
    a_what = f"{A[kind]} {what}"
    if not data:
        raise _Bad(f"not {a_what} (an empty file)")
    if data.startswith(OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _Bad(f"a password-protected (encrypted) {what}: copycheck cannot open it "
                       "(check a copy saved without the password)")
        raise _Bad(f"not {a_what} but an OLE compound file (a Word 97-2003 .doc?); save it as .{kind} to check it")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _BROKEN as exc:
        if data.startswith(b"PK"):
            raise _Bad(f"a broken {what} (its zip cannot be read: {exc})") from None
        raise _Bad(f"not {a_what} (not a zip file)") from None
    with zf:
        if kind == "odt":
            from . import odt

            manifest = _part(zf, "META-INF/manifest.xml", a_what, required=False) or b""
            if b"encryption-data" in manifest:
                raise _Bad(f"a password-protected (encrypted) {what}: copycheck cannot open it "
                           "(check a copy saved without the password)")
            return list(odt.paragraphs(_part(zf, "content.xml", a_what)))
        from . import docx

        main = _main_part(zf, a_what)
        styles = _part(zf, main.rsplit("/", 1)[0] + "/styles.xml" if "/" in main else "styles.xml", a_what,
                       required=False)
        return list(docx.paragraphs(_part(zf, main, a_what), styles))


def _main_part(zf, what) -> str:
    """The document part that _rels/.rels names (word/document.xml as Word writes it)."""
    import re

    rels = _part(zf, "_rels/.rels", what, required=False) or b""
    for m in re.finditer(rb"<Relationship\b[^>]*>", rels):
        tag = m.group()
        if tag.find(b"/officeDocument\"") != -1 or tag.find(b"/officeDocument'") != -1:
            target = re.search(rb"""Target\s*=\s*["']([^"']+)""", tag)
            if target:
                return target.group(1).decode("utf-8", "replace").lstrip("/")
    return "word/document.xml"


def _part(zf, name, what, required=True):
    """The bytes of one part of the package (None: not there and not required)."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        if required:
            raise _Bad(f"not {what} (a zip file with no {name})") from None
        return None
    if info.file_size > MAX_PART:
        raise _Bad(f"{name} unpacks to {info.file_size:,} bytes, over the {MAX_PART:,} copycheck reads")
    try:
        with zf.open(info) as fh:
            data = fh.read(MAX_PART + 1)
    except _BROKEN as exc:
        raise _Bad(f"a broken {what.split(' ', 1)[1]} ({name} cannot be unpacked: {exc})") from None
    if len(data) > MAX_PART:
        raise _Bad(f"{name} unpacks to over the {MAX_PART:,} bytes copycheck reads")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # no draft has one; entities could expand without end
        raise _Bad(f"a broken {what.split(' ', 1)[1]} ({name} has a DTD, which Word and Writer never write)")
    return data


def stream(source: str, parsed, scopes=None):
    """One block a line (a paragraph), in order, each with its scope (markup/__init__.py);
    a draft has no suppression directives."""
    for i, (off, content) in enumerate(split_lines(source)):
        builder = BlockBuilder(scopes[i] if scopes and i < len(scopes) else "paragraph")
        builder.copy(off, content)
        block = builder.build()
        if block is not None:
            yield block


def name_headings(findings, source: str, scopes) -> None:
    """Each finding on a paragraph gets the heading it stands under ("": none above it);
    a finding about the whole draft (no match) gets none."""
    heads = [i + 1 for i, scope in enumerate(scopes or ()) if scope == "heading"]
    lines = source.split("\n") if heads else []
    for f in findings:
        if f.match:
            k = bisect_right(heads, f.line) - 1
            f.heading = " ".join(lines[heads[k] - 1].split()) if k >= 0 else ""
