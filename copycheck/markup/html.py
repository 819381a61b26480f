"""HTML -> text blocks: visible text (split at block-level tags), <title>,
``meta`` description and og:title/og:description, and ``alt``/``title``
attributes.  script, style, template, code and pre are skipped; entities are
decoded.  One pass over the page (linear time on any input), tokenized as the
HTML standard says (a tag or comment that never closes runs to the end)."""
from __future__ import annotations

import re
from html import unescape

from claimrules.cache import compiled

from . import directives, handed_on
from ..source.blocks import BlockBuilder
from .inline import add_entities

# iframe, noembed, noframes: their text is a fallback no browser of today shows (benchmarks/html_words.py)
SKIP = {"script", "style", "template", "code", "pre", "noscript", "svg", "math", "textarea",
        "iframe", "noembed", "noframes"}
BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "li", "main", "nav", "ol", "option", "p", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "button", "label", "legend",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# the scope of the text a tag opens (the rest is "text"): headings put a treatment in reach of what follows
SCOPES = {"title": "title", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
          "h6": "heading", "p": "paragraph", "li": "list", "td": "table", "th": "table", "blockquote": "paragraph"}
META_NAMES = {"description", "og:title", "og:description", "twitter:title", "twitter:description"}
_ATTR = compiled(r"""([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
# one tag from "<name" to its ">": attribute values in quotes may hold ">"; a tag that
# never closes runs to the end of the page and is dropped, as browsers do (no retry at the
# next "<", so the whole read is one pass: linear time on any page)
_TAG_BODY = compiled(r"""(?:[^>"']+|"[^"]*"|'[^']*')*""")
_ATTRS = compiled(r"""([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_NAME = compiled(r"[A-Za-z][^\s/>]*")
_COMMENT_END = compiled(r"--!?>")  # "--!>" ends a comment too, as the HTML standard says
_CHARREF = compiled(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});?")
RAW = {"script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes", "plaintext"}


def stream(source: str, parsed):
    """The page's blocks in order (markup/__init__.py); directives into parsed."""
    reader = _Reader(source, parsed)
    yield from reader.run()
    reader.flush()
    yield from handed_on(parsed.blocks)


class _Reader:
    """A one-pass tokenizer (tags, comments, text, character references) after the
    HTML standard's tokenization, with the source offset of everything it reads."""

    def __init__(self, source, parsed):
        self.source = source
        self.parsed = parsed
        self.skip_stack = []
        self.block = None
        self._raw_end: dict = {}  # tag -> compiled "</tag" finder

    def run(self):
        src, n, pos = self.source, len(self.source), 0
        outbox = self.parsed.blocks
        while pos < n:
            if outbox:
                yield from handed_on(outbox)
            lt = src.find("<", pos)
            if lt < 0:
                self.data(pos, n)
                return
            if lt > pos:
                self.data(pos, lt)
            nxt = src[lt + 1:lt + 2]
            if nxt.isascii() and nxt.isalpha():
                pos = self.start_tag(lt)
            elif nxt == "/":
                m = _NAME.match(src, lt + 2)
                if m:
                    end = self._tag_end(lt + 2)
                    if end < 0:
                        return  # an end tag that never closes: the rest is dropped
                    self.end_tag(m.group().lower())
                    pos = end
                elif src.startswith(">", lt + 2):
                    pos = lt + 3  # "</>" is nothing
                else:
                    pos = self.bogus_comment(lt + 2)
            elif nxt == "!":
                if src.startswith("--", lt + 2):
                    pos = self.comment(lt)
                else:
                    pos = self.bogus_comment(lt + 2)
            elif nxt == "?":
                pos = self.bogus_comment(lt + 1)
            else:
                self.data(lt, lt + 1)  # a "<" that opens nothing is text
                pos = lt + 1

    def _tag_end(self, at):
        """The offset just past the ">" that closes a tag whose body starts at ``at``; -1: none."""
        end = _TAG_BODY.match(self.source, at).end()
        if end < len(self.source) and self.source[end] != ">":  # a quote that never closes:
            close = self.source.find(">", end)  # the tag ends at the next ">" after all
            return close + 1 if close >= 0 else -1
        return end + 1 if end < len(self.source) else -1

    def start_tag(self, lt):
        src = self.source
        name_m = _NAME.match(src, lt + 1)
        end = self._tag_end(name_m.end())
        if end < 0:
            return len(src)  # never closed: dropped, with the rest of the page
        tag = name_m.group().lower()
        body = src[name_m.end():end - 1]
        attrs = {}
        for m in _ATTRS.finditer(body):
            key = m.group(1).lower()
            if key not in attrs:
                value = next((g for g in m.group(2, 3, 4) if g is not None), None)
                attrs[key] = unescape(value) if value else value
        self._start(tag)
        self._attributes(tag, attrs, src[lt:end], lt)
        if tag in SKIP and tag not in VOID and not body.rstrip().endswith("/"):
            self.skip_stack.append(tag)
        if tag in RAW:
            return self.raw_text(tag, end)
        return end

    def raw_text(self, tag, start):
        """script, style, title...: their text runs to their own end tag."""
        finder = self._raw_end.get(tag)
        if finder is None:
            finder = self._raw_end[tag] = re.compile(rf"</{tag}(?=[\s/>])", re.I)
        m = finder.search(self.source, start)
        stop = m.start() if m else len(self.source)
        if stop > start and not self.skip_stack:
            self.data(start, stop)  # title, for one: its text is copy
        return stop

    def comment(self, lt):
        src = self.source
        if src.startswith(">", lt + 4) or src.startswith("->", lt + 4):  # "<!-->" and "<!--->": empty
            return lt + (5 if src.startswith(">", lt + 4) else 6)
        m = _COMMENT_END.search(src, lt + 4)
        close = m.start() if m else -1
        end = m.end() if m else len(src)
        self.handle_comment(src[lt + 4:max(lt + 4, close)] if close >= 0 else src[lt + 4:], lt)
        return end

    def bogus_comment(self, at):
        close = self.source.find(">", at)
        return len(self.source) if close < 0 else close + 1

    def data(self, start, stop):
        if self.skip_stack or stop <= start:
            return
        add_entities(self.text_builder(), start, self.source[start:stop], _CHARREF)  # "&amp" too, as browsers

    def flush(self):
        if self.block is not None:
            b = self.block.build()
            if b is not None:
                self.parsed.blocks.append(b)
            self.block = None

    def text_builder(self, scope="text"):
        if self.block is None:
            self.block = BlockBuilder(scope)
        return self.block

    # -- tags --------------------------------------------------------------
    def _start(self, tag):
        if tag in BLOCK or tag in SKIP:
            self.flush()
        scope = SCOPES.get(tag)
        if scope:
            self.block = BlockBuilder(scope)

    def end_tag(self, tag):
        if self.skip_stack and tag in SKIP:
            while self.skip_stack:
                if self.skip_stack.pop() == tag:
                    break
            return
        if tag in BLOCK:
            self.flush()

    def _attributes(self, tag, attrs, raw, base):
        if self.skip_stack:
            return
        wanted = []
        if "alt" in attrs:
            wanted.append("alt")
        if "title" in attrs:
            wanted.append("title")
        if tag == "meta":
            name = (attrs.get("name") or attrs.get("property") or "").lower()
            if name in META_NAMES:
                wanted.append("content")
        if not wanted:
            return
        for m in _ATTR.finditer(raw):
            name = m.group(1).lower()
            if name in wanted:
                group = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
                builder = BlockBuilder(f"attribute.{name}" if tag != "meta" else "meta")
                add_entities(builder, base + m.start(group), m.group(group))
                b = builder.build()
                if b is not None:
                    self.parsed.blocks.append(b)

    def handle_comment(self, data, at):
        d = directives.from_comment(f"<!--{data}-->", at)
        if d:
            self.parsed.directives.append(d)
