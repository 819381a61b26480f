"""Markup readers: each turns a source text into text blocks and suppression
directives.  One module per format, each with ``stream(source, parsed, ...)``:
a generator of the page's blocks in order, which fills ``parsed.directives`` as
it goes.  A reader appends each block it builds to ``parsed.blocks`` (its
outbox) and hands them on a few at a time, so a huge page is never held as
blocks all at once; ``read`` collects them all, for callers that want a list.
Front matter or a data file that is not valid YAML, JSON or TOML is an InputError
naming the file and line (exit 2)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".mkd": "markdown",
    ".mdx": "mdx", ".jsx": "jsx", ".tsx": "tsx",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
    ".yaml": "data", ".yml": "data", ".json": "data", ".toml": "data",  # data.py: read by key path
    ".ts": "module", ".mts": "module", ".cts": "module", ".js": "module", ".mjs": "module", ".cjs": "module",  # jsdata.py
    ".docx": "office", ".odt": "office",  # office.py: Word and OpenDocument drafts, one paragraph a line
}


@dataclass
class Directive:
    """A suppression comment: its action is disable-next-line, disable or enable."""

    action: str
    codes: tuple
    start: int  # source offset where the comment starts
    end: int  # source offset just past its end
    used: bool = False


@dataclass
class Parsed:
    blocks: list = field(default_factory=list)  # read() : all the page's blocks; stream(): the outbox
    directives: list = field(default_factory=list)  # complete once the stream is exhausted
    notices: list = field(default_factory=list)  # (message, line): what the reader could not read, not fatal


def format_for(name: str) -> str:
    return FORMATS.get(PurePath(name).suffix.lower(), "text")


def decoder(path):
    """How a file's bytes become its Source, where they are not text (files.read's decoder):
    a Word or OpenDocument draft is unpacked (office.py); None: decoded as text."""
    if format_for(path) != "office":
        return None
    from .office import decode

    return decode


def is_data_file(path) -> bool:
    """Whether path is a YAML, JSON or TOML file a site keeps copy in, by its folder
    (source/sites.py): a folder walk takes it, and data.py reads it."""
    from ..source.sites import is_data_file as data_file

    return data_file(path)


def stream(source: str, fmt: str, parsed: Parsed, frontmatter_keys=None, path=None, scopes=None):
    """The page's blocks, in order; parsed.directives is complete when they run out.
    path: the file (a data file's key paths start from its name; errors name it).
    scopes: a draft's (office.py), the scope of each line."""
    from .values import MarkupError

    try:
        if fmt == "office":
            from . import office

            yield from office.stream(source, parsed, scopes)
            return
        yield from _stream(source, fmt, parsed, frontmatter_keys, path)
    except MarkupError as exc:
        from ..source.files import InputError

        raise InputError(path or "-", f"{exc.message()}; file not checked", line=exc.line) from None


def _stream(source, fmt, parsed, frontmatter_keys, path):
    if fmt == "data":
        from . import data

        return data.stream(source, parsed, frontmatter_keys, path)
    if fmt == "module":
        from . import jsdata

        return jsdata.stream(source, parsed, frontmatter_keys, path)
    if fmt == "markdown":
        from . import markdown

        return markdown.stream(source, parsed, frontmatter_keys)
    if fmt == "mdx":
        from . import mdx

        return mdx.stream(source, parsed, frontmatter_keys)
    if fmt == "jsx" or fmt == "tsx":
        from . import jsx

        return jsx.stream(source, parsed, fmt)
    if fmt == "html":
        from . import html

        return html.stream(source, parsed)
    from . import text

    return text.stream(source, parsed)


def read(source: str, fmt: str, frontmatter_keys=None, path=None, scopes=None) -> Parsed:
    """The whole page at once: all its blocks and directives."""
    parsed = Parsed()
    blocks = list(stream(source, fmt, parsed, frontmatter_keys, path, scopes))
    parsed.blocks = blocks
    return parsed


def handed_on(outbox: list):
    """The blocks a reader built since it last handed them on (and an empty outbox)."""
    yield from outbox
    outbox.clear()
