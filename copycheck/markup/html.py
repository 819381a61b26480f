"""HTML -> text blocks: visible text (split at block-level tags), <title>,
``meta`` description and og:title/og:description, and ``alt``/``title``
attributes.  script, style, template, code and pre are skipped; entities are
decoded.  Built on the standard library's tolerant HTMLParser."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from . import Parsed, directives
from ..blocks import BlockBuilder
from .inline import add_entities

SKIP = {"script", "style", "template", "code", "pre", "noscript", "svg", "math", "textarea"}
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
_ATTR = re.compile(r"""([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_NL = re.compile(r"\n")


def read(source: str) -> Parsed:
    parser = _Parser(source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError, RecursionError):
        pass  # keep what was read before the parser gave up
    parser.flush()
    return parser.parsed


class _Parser(HTMLParser):
    def __init__(self, source):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.nl_starts = [0] + [m.end() for m in _NL.finditer(source)]
        self.parsed = Parsed()
        self.skip_depth = 0
        self.skip_stack = []
        self.block = None

    def _pos(self):
        line, col = self.getpos()
        return self.nl_starts[line - 1] + col

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
    def handle_starttag(self, tag, attrs):
        self._start(tag)
        if tag not in VOID and tag in SKIP:
            self.skip_stack.append(tag)
        self._attributes(tag, dict(attrs))

    def handle_startendtag(self, tag, attrs):
        self._start(tag)
        self._attributes(tag, dict(attrs))

    def _start(self, tag):
        if tag in BLOCK or tag in SKIP:
            self.flush()
        scope = SCOPES.get(tag)
        if scope:
            self.block = BlockBuilder(scope)

    def handle_endtag(self, tag):
        if self.skip_stack and tag in SKIP:
            while self.skip_stack:
                if self.skip_stack.pop() == tag:
                    break
            return
        if tag in BLOCK:
            self.flush()

    def _attributes(self, tag, attrs):
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
        raw = self.get_starttag_text() or ""
        base = self._pos()
        for m in _ATTR.finditer(raw):
            name = m.group(1).lower()
            if name in wanted:
                group = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
                builder = BlockBuilder(f"attribute.{name}" if tag != "meta" else "meta")
                add_entities(builder, base + m.start(group), m.group(group))
                b = builder.build()
                if b is not None:
                    self.parsed.blocks.append(b)

    # -- text ------------------------------------------------------------------
    def handle_data(self, data):
        if self.skip_stack or not data:
            return
        self.text_builder().copy(self._pos(), data)

    def handle_entityref(self, name):
        self._ref(f"&{name}")

    def handle_charref(self, name):
        self._ref(f"&#{name}")

    def _ref(self, raw):
        if self.skip_stack:
            return
        start = self._pos()
        end = start + len(raw)
        if self.source.startswith(";", end):
            end += 1
        self.text_builder().replace(start, end - start, unescape(raw + ";"))

    def handle_comment(self, data):
        d = directives.from_comment(f"<!--{data}-->", self._pos())
        if d:
            self.parsed.directives.append(d)
