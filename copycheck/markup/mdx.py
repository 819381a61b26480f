"""MDX -> text blocks: Markdown with JSX components, imports and exports, and
``{...}`` expressions.  The page is read as Markdown (markdown.py, on pyromark) from
a copy of it with its code blanked to spaces (offsets kept): ``import``/``export``
blocks and ``{...}`` expressions outside code.  Each component the Markdown parser
finds (an HTML block or inline tag) is read from the page itself by the JSX reader
(jsx.py, tree-sitter): its text children and the props a visitor sees.  A directive
is written as ``{/* copycheck-disable-next-line CC101 */}`` (or an HTML comment)."""
from __future__ import annotations

import re
from bisect import bisect_right

from claimrules.cache import compiled

from . import directives, frontmatter, handed_on, jsx
from .markdown import MarkdownReader

_ESM = compiled(r"^(?:import|export)\b[^\n]*(?:\n(?![ \t]*\r?\n)[^\n]*)*", re.M)
_FENCE = compiled(r"^[ \t]{0,3}(`{3,}|~{3,})", re.M)
_NOT_NEWLINE = compiled(r"[^\r\n]")
_COMMENT = compiled(r"\{\s*/\*(.*?)\*/\s*\}", re.S)


def stream(source: str, parsed, frontmatter_keys=None):
    """The page's blocks in order (markup/__init__.py); directives into parsed."""
    body_start = frontmatter.read(source, parsed, frontmatter_keys)
    yield from handed_on(parsed.blocks)
    masked = _mask(source, body_start, parsed)
    yield from _MdxReader(source, parsed, masked).read(body_start, len(source))
    yield from handed_on(parsed.blocks)


def _fences(source: str, start: int) -> list:
    """[start, end) of each fenced code block (flat list, for bisect)."""
    spans, opened = [], None
    for m in _FENCE.finditer(source, start):
        mark = m.group(1)
        if opened is None:
            opened = (m.start(), mark)
        elif mark[0] == opened[1][0] and len(mark) >= len(opened[1]):
            spans += [opened[0], m.end()]
            opened = None
    if opened is not None:
        spans += [opened[0], len(source)]
    return spans


def _mask(source: str, start: int, parsed) -> str:
    """The page with its code blanked: ESM blocks and {expressions} outside fenced code
    and code spans (an expression that is a copycheck comment is a directive)."""
    fences = _fences(source, start)

    def in_fence(i):
        return bisect_right(fences, i) % 2 == 1

    blanks, esm, quoted = [], [], set()
    for m in _ESM.finditer(source, start):
        if not in_fence(m.start()):
            blanks.append((m.start(), m.end()))
            esm += [m.start(), m.end()]
    i, n = start, len(source)
    while i < n:
        j = min((k for k in (source.find("`", i), source.find("{", i)) if k >= 0), default=-1)
        if j < 0:
            break
        i = j
        if in_fence(i) or bisect_right(esm, i) % 2 == 1:
            i += 1
            continue
        if source[i] == "`":  # a code span: skipped whole
            k = i
            while k < n and source[k] == "`":
                k += 1
            close = source.find(source[i:k], k)
            i = close + (k - i) if close >= 0 else k
            continue
        depth, k, quote = 0, i, None
        while k < n:  # the matching "}", past strings and nested braces
            d = source[k]
            if quote:
                if d == "\\":
                    k += 1
                elif d == quote:
                    quote = None
            elif d in "\"'`":
                quote = d
            elif d == "{":
                depth += 1
            elif d == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        if k >= n:  # never closed: not an expression (MDX would refuse the page), read as text
            i += 1
            continue
        end = k + 1
        m = _COMMENT.fullmatch(source, i, end)
        if m and "copycheck-" in m.group(1):
            d = directives.from_comment(f"<!--{m.group(1)}-->", i)
            if d:
                d.end = end
                parsed.directives.append(d)
        before = source[max(start, i - 40):i].rstrip()
        if before.endswith("="):  # a prop's value: a quoted blank, so the tag stays a tag
            quoted.add(i)
        blanks.append((i, end))
        i = end
    if not blanks:
        return source
    pieces, at = [], 0
    for a, b in sorted(blanks):
        if a < at:
            a = at
        pieces.append(source[at:a])
        blank = _NOT_NEWLINE.sub(" ", source[a:b])
        if a in quoted and b - a >= 2 and "\n" not in blank:
            blank = '"' + blank[2:] + '"'
        pieces.append(blank)
        at = max(at, b)
    pieces.append(source[at:])
    return "".join(pieces)


class _MdxReader(MarkdownReader):
    def inline_html(self, s, e, value):
        if value.startswith("<!--"):
            self.comment(s, e)
        else:
            jsx.read_span(self.source, s, e, self.parsed)

    def html(self, start, ranges):
        if not ranges:
            return
        a, b = ranges[0][0], ranges[-1][1]
        piece = self.source[a:b].strip()
        if piece.startswith("<!--"):
            self.comment(self.source.find("<!--", a, b), b)
            return
        jsx.read_span(self.source, a, b, self.parsed)
