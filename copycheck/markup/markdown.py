"""Markdown (CommonMark, with GFM tables, strikethrough, task lists and footnotes)
-> text blocks, parsed by pyromark (bindings to pulldown-cmark, a CommonMark-correct
pull parser that gives the byte range of every event).

Headings, paragraphs, list items, table cells and footnotes become blocks; link text
and image alt text are kept; code (fenced, indented, inline), URLs and autolinks,
link reference definitions and inline tags are left out.  An HTML block is read by
copycheck's HTML reader (script, style and pre skipped, alt text kept) at its own
offsets.  HTML comments are where suppression directives live, inline or as a
block.  Front matter is read first by frontmatter.py; the body after it is parsed.
A fenced code block that never closes runs to the end of the page in CommonMark,
but it is a mistake on a published page: what follows its opening line is read as
Markdown again, so claims after it are linted.  Nothing here raises on any text.
"""
from __future__ import annotations

from bisect import bisect_left

import pyromark

from claimrules.cache import compiled

from . import Parsed, directives, frontmatter, handed_on
from .fences import closes, unfenced
from ..source.blocks import Block, BlockBuilder

_OPTIONS = (pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
            | pyromark.Options.ENABLE_TASKLISTS | pyromark.Options.ENABLE_FOOTNOTES)
_URL = compiled(r"(?:https?://|www\.)[^\s<>()\[\]]+")  # a bare URL in text: not copy
_WIDE = compiled(r"[^\x00-\x7f]")
_NOT_NEWLINE = compiled(r"[^\r\n]")
_LEAVES = {"Paragraph": "paragraph", "Heading": "heading", "TableCell": "table"}
_SKIP = ("CodeBlock", "MetadataBlock")
_HAND_ON = 64  # events between looks at the outbox


def stream(source: str, parsed, frontmatter_keys=None):
    """The page's blocks in order (markup/__init__.py); directives into parsed."""
    body_start = frontmatter.read(source, parsed, frontmatter_keys)
    yield from handed_on(parsed.blocks)
    yield from MarkdownReader(source, parsed).read(body_start, len(source))
    yield from handed_on(parsed.blocks)


def _name(tag) -> str:
    return tag if isinstance(tag, str) else next(iter(tag))


class MarkdownReader:
    """Reads the events of self.text (the source, or for MDX the source with its code
    blanked: same length, same offsets) into blocks that map back to self.source."""

    def __init__(self, source, parsed, text=None):
        self.source = source
        self.text = source if text is None else text
        self.parsed = parsed
        self.builder = None  # the open block
        self.scope = "paragraph"

    def flush(self):
        builder = self.builder
        if builder is not None:
            self.builder = None
            block = builder.build()
            if block is not None:
                self.parsed.blocks.append(block)

    def open(self, scope):
        self.flush()
        self.builder = BlockBuilder(scope)
        return self.builder

    def comment(self, start, raw_end):
        """An HTML comment at source offset start: a directive, if it is one."""
        end = self.source.find("-->", start + 4, raw_end)
        text = self.source[start:end + 3] if end >= 0 else self.source[start:raw_end]
        d = directives.from_comment(text, start)
        if d:
            self.parsed.directives.append(d)

    def read(self, start, end):
        """The blocks of source[start:end] (parsed on its own), in order."""
        source = self.source
        body = self.text[start:end] if start or end != len(source) else self.text
        if body.isascii():
            starts = None
        else:  # UTF-8 byte offsets -> str offsets: the byte offset of each wide character, bytes added before it
            starts, extra = [], [0]
            for m in _WIDE.finditer(body):
                c = m.start()
                starts.append(c + extra[-1])
                extra.append(extra[-1] + len(body[c].encode("utf-8", "surrogatepass")) - 1)
        outbox = self.parsed.blocks
        stack = []  # open containers: Item, List, BlockQuote, Table, ...
        skip = 0  # inside code
        autolink = 0  # inside an autolink: its text is a URL
        html_block = None  # [start, ranges] of the HTML block being read
        fence = None  # (start, end) of a fenced code block, to see whether it closes
        rest = None  # where the text after a fence that never closes starts
        count = 0
        for event, span in pyromark.events_with_range(body, options=_OPTIONS):
            count += 1
            if outbox and count % _HAND_ON == 0:
                yield from handed_on(outbox)
            s, e = span["start"], span["end"]
            if starts is not None:
                s -= extra[bisect_left(starts, s)]
                e -= extra[bisect_left(starts, e)]
            s += start
            e += start
            if isinstance(event, str):  # SoftBreak, HardBreak, Rule
                if event == "Rule":
                    self.flush()
                elif self.builder is not None and not skip:
                    self.builder.replace(s, 0, "\n")
                continue
            kind, value = next(iter(event.items()))
            if kind == "Text":
                if skip:
                    continue
                builder = self.builder or self.open("list" if stack and stack[-1] == "Item" else "paragraph")
                if autolink:
                    continue
                if source.startswith(value, s) and len(value) == e - s:
                    if "://" in value or "www." in value:
                        _copy_without_urls(builder, s, value)
                    else:
                        builder.copy(s, value)
                elif len(value) == e - s and self.text.startswith(value, s):
                    self.blanked(builder, s, e)
                else:  # an entity or escape: the text stands for its source
                    builder.replace(s, e - s, value)
            elif kind == "Start":
                name = _name(value)
                if name in _LEAVES:
                    scope = _LEAVES[name]
                    if scope == "paragraph" and stack and stack[-1] == "Item":
                        scope = "list"
                    self.open(scope)
                elif name == "Link" or name == "Image":
                    builder = self.builder or self.open("list" if stack and stack[-1] == "Item" else "paragraph")
                    if name == "Link" and value["Link"]["link_type"] in ("Autolink", "Email"):
                        if not autolink:
                            builder.replace(s, e - s, " ")
                        autolink += 1
                    elif not autolink:
                        builder.replace(s, 0, " ")
                elif name in _SKIP:
                    self.flush()
                    skip += 1
                    if name == "CodeBlock" and not isinstance(value[name], str) and "Fenced" in value[name]:
                        fence = (s, e)
                elif name == "HtmlBlock":
                    self.flush()
                    html_block = [s, []]
                elif name not in ("Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"):
                    self.flush()  # a container: Item, List, BlockQuote, Table, TableRow, FootnoteDefinition, ...
                    stack.append(name)
            elif kind == "End":
                name = _name(value)
                if name in _LEAVES:
                    self.flush()
                elif name == "Link" or name == "Image":
                    if autolink and name == "Link":
                        autolink -= 1
                    elif self.builder is not None and not autolink:
                        self.builder.replace(e, 0, " ")
                elif name in _SKIP:
                    skip -= 1
                    if fence is not None:
                        opened_end = source.find("\n", fence[0], e)
                        if opened_end >= 0 and not source[e:end].strip() and not closes(source, fence[0], e):
                            rest = opened_end + 1  # never closed: it ran to the end of the page
                        fence = None
                elif name == "HtmlBlock":
                    if html_block is not None:
                        self.html(*html_block)
                    html_block = None
                elif name not in ("Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"):
                    self.flush()
                    if stack:
                        stack.pop()
            elif kind == "Html":
                if html_block is not None:
                    html_block[1].append((s, e))
            elif kind == "InlineHtml":
                if self.builder is not None and not skip:
                    self.builder.replace(s, e - s, " ")
                self.inline_html(s, e, value)
            elif kind == "Code" or kind == "FootnoteReference" or kind.endswith("Math"):
                if self.builder is not None:
                    self.builder.replace(s, e - s, " ")
        self.flush()
        yield from handed_on(outbox)
        if rest is not None:  # read again with no fence in it (so once: linear on any page)
            text = self.text
            self.text = text[:rest] + unfenced(text[rest:end]) + text[end:]
            yield from self.read(rest, end)

    def blanked(self, builder, s, e):
        """Text with code blanked inside it (MDX): what stands copied, a gap for the rest."""
        source, text = self.source, self.text
        i = s
        while i < e:
            same = source[i] == text[i]
            j = i + 1
            while j < e and (source[j] == text[j]) == same:
                j += 1
            if same:
                builder.copy(i, source[i:j])
            else:  # a gap (two spaces for one character: a piece of equal length reads as a copy)
                builder.replace(i, j - i, " " if j - i > 1 else "  ")
            i = j

    def inline_html(self, s, e, value):
        if value.startswith("<!--"):
            self.comment(s, e)

    def html(self, start, ranges):
        """An HTML block (the source pieces that are HTML, between block-quote or list
        markers) through copycheck's HTML reader, at its own offsets."""
        if not ranges:
            return
        source = self.source
        end = ranges[-1][1]
        if len(ranges) == 1:
            a, b = ranges[0]
            piece = source[a:b].strip()
            if piece.startswith("<!--") and piece.find("<!--", 4) < 0 and piece.endswith("-->"):
                self.comment(source.find("<!--", a, b), b)  # the common case: a comment alone
                return
            start, masked = a, source[a:b]
        else:
            masked = None
        gaps = []  # block-quote markers between the lines: blanked for the HTML reader, never copied
        if masked is None:
            pieces, at = [], start
            for a, b in ranges:
                if a > at:
                    blank = _NOT_NEWLINE.sub(" ", source[at:a])
                    pieces.append(blank)
                    if blank != source[at:a]:
                        gaps.append((at, a))
                pieces.append(source[a:b])
                at = b
            masked = "".join(pieces)
        from . import html

        inner = Parsed()
        for block in html.stream(masked, inner):
            if gaps:
                block = _without_gaps(block, start, source, gaps)
            elif start:
                block = Block(block.text, block.scope, tuple((t, s + start, tl, sl) for t, s, tl, sl in block.segs))
            if block is not None:
                self.parsed.blocks.append(block)
        for d in inner.directives:
            d.start += start
            d.end += start
            self.parsed.directives.append(d)


def _copy_without_urls(builder, start: int, text: str) -> None:
    pos = 0
    for m in _URL.finditer(text):
        builder.copy(start + pos, text[pos:m.start()])
        builder.replace(start + m.start(), m.end() - m.start(), " ")
        pos = m.end()
    builder.copy(start + pos, text[pos:])


def _without_gaps(block, start: int, source: str, gaps) -> Block | None:
    """A block the HTML reader read from a masked piece, shifted to its source offsets,
    with the blanked markers left out of its copies."""
    builder = BlockBuilder(block.scope)
    text = block.text
    for t, s, tl, sl in block.segs:
        s += start
        if tl != sl:
            builder.replace(s, sl, text[t:t + tl])
            continue
        at, end = s, s + sl
        for g0, g1 in gaps:
            if g1 <= at or g0 >= end:
                continue
            builder.copy(at, source[at:max(at, g0)])
            at = max(at, g1)
        if at < end:
            builder.copy(at, source[at:end])
    return builder.build()
