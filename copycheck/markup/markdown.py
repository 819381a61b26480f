"""Markdown (CommonMark-ish, GFM tables) -> text blocks.

A line-based block scanner: headings, paragraphs, list items, block quotes and
table cells become blocks; fenced and indented code, HTML comments, raw
<script>/<style>/<pre> blocks, link definitions and thematic breaks are
skipped.  Broken markup degrades to text; nothing here raises.
"""
from __future__ import annotations

import re

from claimrules.cache import compiled

from . import directives, frontmatter, handed_on
from ..source.blocks import BlockBuilder
from ..source.positions import split_lines
from .inline import add_markdown

_FENCE = compiled(r" {0,3}(`{3,}(?=[^`]*$)|~{3,})")  # a backtick fence's info string has no backtick
_ATX = compiled(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = compiled(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_QUOTE = compiled(r" {0,3}> ?")
_LIST = compiled(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_HR = compiled(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = compiled(r" {0,3}(?:=+|-+)[ \t]*$")
_LINKDEF = compiled(r" {0,3}\[[^\]]+\]:\s*\S+")
_TABLE_DELIM = compiled(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_RAW_OPEN = compiled(r"[ \t]*<(script|style|pre|textarea|template)\b", re.I)
_COMMENT_OPEN = compiled(r"[ \t]*<!--")
_CELL_SPLIT = compiled(r"(?<!\\)\|")


def _indent(content: str) -> int:
    width = 0
    for ch in content:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def stream(source: str, parsed, frontmatter_keys=None):
    """The page's blocks in order (markup/__init__.py); directives into parsed."""
    body_start = frontmatter.read(source, parsed, frontmatter_keys)
    yield from _Scanner(source, parsed).run(split_lines(source, body_start))
    yield from handed_on(parsed.blocks)


class _Para:
    """An open paragraph or list item: the source pieces of its lines.  Lines
    that follow each other in the source are read as one run, so inline markup
    may span lines and the block maps back in one piece."""

    __slots__ = ("scope", "pieces")

    def __init__(self, scope):
        self.scope = scope
        self.pieces = []  # [start, end) source offsets of each line's content

    def add(self, start, end):
        self.pieces.append([start, end])


class _Scanner:
    def __init__(self, source, parsed):
        self.source = source
        self.parsed = parsed
        self.para = None  # the open paragraph BlockBuilder
        self.line_no = 0

    # -- blocks ------------------------------------------------------------
    def flush(self, scope=None):
        para = self.para
        if para is None:
            return
        self.para = None
        source = self.source
        runs = []
        for start, end in para.pieces:
            if runs and not source[runs[-1][1]:start].strip():
                runs[-1][1] = end  # only white space between: one run
            else:
                runs.append([start, end])
        builder = BlockBuilder(scope or para.scope)
        for i, (start, end) in enumerate(runs):
            if i:
                builder.replace(start, 0, "\n")
            add_markdown(builder, start, source[start:end], self.comment)
        block = builder.build()
        if block is not None:
            self.parsed.blocks.append(block)

    def inline(self, builder, offset, text):
        add_markdown(builder, offset, text, self.comment)

    def single(self, scope, offset, text):
        builder = BlockBuilder(scope)
        self.inline(builder, offset, text)
        block = builder.build()
        if block is not None:
            self.parsed.blocks.append(block)

    def comment(self, offset, text):
        d = directives.from_comment(text, offset)
        if d:
            self.parsed.directives.append(d)

    # -- the line loop --------------------------------------------------------
    def run(self, lines, fences=True):
        """fences=False: read fence lines as text (the rest of a document whose
        last fence never closes: published text, so it is linted)."""
        fence = None  # the opening fence string while inside a fenced block
        fence_end = 0  # offset just past the line that opened it
        raw_end = None  # closing tag while inside a raw HTML block
        comment_start = None  # offset of an open multi-line HTML comment
        table = False
        list_indent = None  # content indent of the current list item
        prev_blank = True
        lines = iter(lines)
        following = next(lines, None)
        outbox = self.parsed.blocks
        while following is not None:
            if outbox:
                yield from handed_on(outbox)
            off, content = following
            following = next(lines, None)  # one line of lookahead, for table headers
            if fence is not None:
                stripped = content.lstrip(" ")
                if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]).strip():
                    fence = None
                continue
            if comment_start is not None:
                end = content.find("-->")
                if end >= 0:
                    self.comment(comment_start, self.source[comment_start:off + end + 3])
                    comment_start = None
                continue
            if raw_end is not None:
                if raw_end in content.lower():
                    raw_end = None
                continue

            if not content.strip():
                self.flush()
                table = False
                prev_blank = True
                continue

            indent = _indent(content)
            # indented code: after a blank line, outside any list item
            if indent >= 4 and self.para is None and prev_blank and (list_indent is None or indent >= list_indent + 4):
                continue
            if prev_blank and list_indent is not None and indent < list_indent and not _LIST.match(content):
                list_indent = None
            prev_blank = False

            # strip block-quote markers, remembering the offset
            at, q = 0, _QUOTE.match(content)
            while q:  # positions, not slices: a line of a million ">" stays linear
                at = q.end()
                q = _QUOTE.match(content, at)
            if at:
                off += at
                content = content[at:]
            if not content.strip():
                self.flush()
                continue

            first = content.lstrip(" \t")[:1]
            if first.isalpha() and "|" not in content and not (self.para is None and _LINKDEF.match(content)):
                # the common case: a line of prose (a lazy continuation, or a new paragraph)
                if self.para is None:
                    self.para = _Para("paragraph")
                self.para.add(off + len(content) - len(content.lstrip(" \t")), off + len(content))
                continue
            m = _FENCE.match(content) if fences else None
            if m:
                self.flush()
                fence = m.group(1)
                fence_end = off + len(content)
                continue
            if _COMMENT_OPEN.match(content):
                start = content.find("<!--")
                end = content.find("-->", start + 4)
                self.flush()
                if end < 0:
                    comment_start = off + start
                    continue
                self.comment(off + start, content[start:end + 3])
                rest = content[end + 3:]
                if rest.strip():
                    self.para = _Para("paragraph")
                    self.para.add(off + end + 3, off + len(content))
                continue
            m = _RAW_OPEN.match(content)
            if m:
                self.flush()
                closing = f"</{m.group(1).lower()}"
                if closing not in content.lower():
                    raw_end = closing
                continue
            if self.para is not None and _SETEXT.match(content) and not table and self.para.scope == "paragraph":
                self.flush("heading")
                continue
            if _HR.match(content):
                self.flush()
                continue
            m = _ATX.match(content)
            if m:
                self.flush()
                text = content[m.end():]
                close = _ATX_CLOSE.search(text)
                if close:
                    text = text[:close.start()]
                self.single("heading", off + m.end(), text)
                continue
            if _LINKDEF.match(content) and self.para is None:
                continue
            if "|" in content and (table or (following is not None and "-" in following[1] and _TABLE_DELIM.match(following[1]))):
                self.flush()
                table = True
                if _TABLE_DELIM.match(content):
                    continue
                self.table_row(off, content)
                continue
            m = _LIST.match(content)
            if m:
                self.flush()
                list_indent = _indent(content[:m.end()]) if content[m.end():].strip() else indent + 2
                self.para = _Para("list")
                self.para.add(off + m.end(), off + len(content))
                continue
            # paragraph text, or a lazy continuation of the open block
            lead = len(content) - len(content.lstrip(" \t"))
            if self.para is None:
                self.para = _Para("paragraph")
            self.para.add(off + lead, off + len(content))
        self.flush()
        if fence is not None:  # never closed: read what follows it as text
            yield from self.run(split_lines(self.source, fence_end), fences=False)

    def table_row(self, off, content):
        pos = 0
        for m in _CELL_SPLIT.finditer(content + "|"):
            cell = content[pos:m.start()]
            if cell.strip():
                lead = len(cell) - len(cell.lstrip())
                self.single("table", off + pos + lead, cell.strip())
            pos = m.end()
