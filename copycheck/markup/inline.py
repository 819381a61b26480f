"""Inline text of one Markdown line (or an HTML text run) into a block:
keeps the words, drops the markup, and maps every character back."""
from __future__ import annotations

from claimrules.cache import compiled

_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"

# One alternation, tried left to right at each special character.
_MD_INLINE = compiled(
    r"(?P<autolink><(?:https?|mailto|ftp):[^>\s]*>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<link>!?\[(?P<label>(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\](?P<target>\([^()\s]*(?:\([^()]*\))?[^()\s]*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)|\[[^\]]*\]))"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()\[\]]+)"
    rf"|(?P<entity>{_ENTITY})"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<emph>\*+|~~+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))"
)
_HAS_SPECIAL = compiled(r"[`<&\\*~_]|!?\[|https?://|www\.")  # where a construct may start
_ENTITY_RE = compiled(_ENTITY)


_TICKS = compiled(r"`+")


def _constructs(raw: str):
    """(kind, start, end, match) of the inline constructs of raw, left to right.
    The big pattern is only tried where a construct can start; code spans are
    found as CommonMark says (a run of n backticks closes at the next run of
    exactly n; a run that never closes is text), in linear time.  A comment runs
    from ``<!--`` to the next ``-->`` on its line; the next close and the next line
    end are looked up once and kept while the scan passes ``<!--`` after ``<!--``
    (a search from each would make a line of them quadratic)."""
    at = 0
    shut = line_end = -1  # the next "-->" and "\n" after the last comment opened (-1: not looked up)
    start = _HAS_SPECIAL.search(raw)
    while start:
        i = start.start()
        if raw.startswith("<!--", i):
            if shut != len(raw) and shut < i + 4:
                shut = raw.find("-->", i + 4) % (len(raw) + 1)  # none: len(raw)
            if line_end != len(raw) and line_end < i + 4:
                line_end = raw.find("\n", i + 4) % (len(raw) + 1)
            if shut < len(raw) and shut < line_end:
                yield "comment", i, shut + 3, raw[i:shut + 3]
                at = shut + 3
            else:
                at = i + 1  # never closed on its line: text
        elif raw[i] == "`":
            run = _TICKS.match(raw, i)
            j = run.end()
            close = _TICKS.search(raw, j)
            while close and len(close.group()) != len(run.group()):
                close = _TICKS.search(raw, close.end())
            if close:
                yield "code", i, close.end(), None
                at = close.end()
            else:
                at = j  # never closed: the backticks are text
        else:
            m = _MD_INLINE.match(raw, i)
            if m and m.end() > m.start():
                yield m.lastgroup, m.start(), m.end(), m
                at = m.end()
            else:
                at = i + 1
        start = _HAS_SPECIAL.search(raw, at)


def add_entities(builder, src_start: int, raw: str, refs=_ENTITY_RE) -> None:
    """Append raw text, decoding the HTML character references that ``refs`` finds
    (a reference without its ";" is decoded as if it had one)."""
    if "&" not in raw:
        builder.copy(src_start, raw)
        return
    pos = 0
    for m in refs.finditer(raw):
        builder.copy(src_start + pos, raw[pos:m.start()])
        ref = m.group()
        decoded = _unescape(ref if ref.endswith(";") else ref + ";")
        builder.replace(src_start + m.start(), m.end() - m.start(), decoded)
        pos = m.end()
    builder.copy(src_start + pos, raw[pos:])


def add_markdown(builder, src_start: int, raw: str, on_comment=None) -> None:
    """Append the text of a Markdown inline run: links keep their text, images
    their alt text; code spans, URLs, tags and comments are left out."""
    if not _HAS_SPECIAL.search(raw):
        builder.copy(src_start, raw)
        return
    pos = 0
    for kind, start, end, m in _constructs(raw):
        builder.copy(src_start + pos, raw[pos:start])
        if kind == "link" or kind == "label" or kind == "target":
            builder.replace(src_start + start, 0, " ")
            add_markdown(builder, src_start + m.start("label"), m.group("label"), on_comment)
            builder.replace(src_start + m.end("label"), 0, " ")
        elif kind == "entity":
            builder.replace(src_start + start, end - start, _unescape(m.group()))
        elif kind == "escape":
            builder.replace(src_start + start, 2, m.group()[1])
        elif kind == "comment":
            if on_comment:
                on_comment(src_start + start, m)
            builder.replace(src_start + start, end - start, " ")
        elif kind in ("code", "tag", "autolink", "url"):
            builder.replace(src_start + start, end - start, " ")
        # emphasis markers are dropped
        pos = end
    builder.copy(src_start + pos, raw[pos:])


def _unescape(reference: str) -> str:
    """One HTML character reference decoded (html's table of 2,000 names is
    imported the first time a page has one, not at start-up)."""
    from html import unescape

    return unescape(reference)
