"""Markup readers: each turns a source text into text blocks and suppression
directives.  One module per format; ``reader_for`` picks one by file name."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}


@dataclass
class Directive:
    """A suppression comment: kind is disable-next-line, disable or enable."""

    kind: str
    codes: tuple
    start: int  # source offset where the comment starts
    end: int  # source offset just past its end
    used: bool = False


@dataclass
class Parsed:
    blocks: list = field(default_factory=list)
    directives: list = field(default_factory=list)


def format_for(name: str) -> str:
    return FORMATS.get(PurePath(name).suffix.lower(), "text")


def read(source: str, fmt: str, frontmatter_keys=None) -> Parsed:
    if fmt == "markdown":
        from . import markdown

        return markdown.read(source, frontmatter_keys)
    if fmt == "html":
        from . import html

        return html.read(source)
    from . import text

    return text.read(source)
