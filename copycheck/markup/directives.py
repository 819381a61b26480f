"""Suppression directives, written in HTML comments or, in plain text, after
``copycheck:`` on a line of their own."""
from __future__ import annotations

import re

from claimrules.cache import compiled

from . import Directive

_COMMENT = compiled(r"\s*copycheck-(disable-next-line|disable|enable)(?![\w-])(.*)", re.S)
_TEXT = compiled(r"[ \t]*copycheck:[ \t]*(disable-next-line|disable|enable)(?![\w-])(.*)")


def _codes(rest: str) -> tuple:
    """The codes of a directive; what follows `` -- `` is the reason, not codes (as ESLint writes it)."""
    rest = re.split(r"(?:^|\s)--(?:\s|$)", rest, maxsplit=1)[0]
    return tuple(c for c in re.split(r"[\s,]+", rest.strip()) if c)


def from_comment(comment: str, start: int):
    """A Directive from an HTML comment ``<!-- ... -->`` at offset start, or None."""
    body = comment[4:-3] if comment.endswith("-->") else comment[4:]
    m = _COMMENT.match(body)
    if not m:
        return None
    return Directive(m.group(1), _codes(m.group(2)), start, start + len(comment))


def from_text_line(content: str, start: int):
    """A Directive from a plain-text line ``copycheck: disable ...``, or None."""
    m = _TEXT.fullmatch(content)
    if not m:
        return None
    return Directive(m.group(1), _codes(m.group(2)), start, start + len(content))
