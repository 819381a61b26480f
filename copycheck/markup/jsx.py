"""JSX and TSX -> text blocks: the text a visitor sees, parsed by tree-sitter with
tree-sitter-typescript's TSX grammar (a superset of JSX).

Read: JSX text children (white space as JSX collapses it, entities decoded), a string
literal or a plain template literal standing as a child, and the string props a visitor
sees (title, alt, aria-label, description, placeholder, label, and content of meta).
Code is not copy: imports and exports, ``{...}`` expressions, other props, and every
string outside JSX are left out; the JSX inside an expression is read.  A comment
``// copycheck-disable-next-line CC101`` or ``{/* copycheck-disable */}`` is a
directive.  Where tree-sitter cannot parse a file, the rest is read and a notice names
the place (parsed.notices).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from html import unescape

from claimrules.cache import compiled

from . import directives, handed_on
from ..source.blocks import BlockBuilder
from .html import SCOPES
from .inline import add_entities

PROPS = {"title", "alt", "aria-label", "description", "placeholder", "label"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
          "small", "span", "strong", "sub", "sup", "time", "u", "wbr", "Link", "Trans"}
SKIP = {"code", "pre", "script", "style", "template", "svg", "math", "textarea", "noscript"}
_ENTITY = compiled(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_JS_ESCAPE = compiled(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": "", "\r\n": ""}
_WIDE = compiled(r"[^\x00-\x7f]")
_BARE_AMP = re.compile(rb"(?<!&)&(?![&=]|#?[A-Za-z0-9]{1,32};)")  # "Skin & Laser": text to TypeScript, not to the grammar
MAX_REPAIRS = 200  # bare ampersands mended in one file before it is taken as broken
_PARSER: dict = {}  # grammar -> parser, made on first use


def _parser(grammar="tsx"):
    """tree-sitter's parser for TSX (JSX and TypeScript; also plain JavaScript) or TypeScript
    (``grammar="typescript"``: a .ts file, where ``<T>x`` is a cast, not a tag)."""
    if grammar not in _PARSER:
        import tree_sitter
        import tree_sitter_typescript

        language = tree_sitter_typescript.language_tsx() if grammar == "tsx" else tree_sitter_typescript.language_typescript()
        _PARSER[grammar] = tree_sitter.Parser(tree_sitter.Language(language))
    return _PARSER[grammar]


def stream(source: str, parsed, fmt: str = "tsx"):
    """The page's blocks in order (markup/__init__.py); directives into parsed."""
    reader = JsxReader(source, 0, len(source), parsed)
    reader.note_errors(fmt.upper())
    yield from reader.run()
    yield from handed_on(parsed.blocks)


def read_span(source: str, start: int, end: int, parsed) -> None:
    """The JSX of source[start:end] (an MDX page's component) into parsed, at source
    offsets; what does not parse is read as far as it goes (a tag whose children are
    Markdown stands alone)."""
    for _ in JsxReader(source, start, end, parsed).run(hand_on=False):
        pass


def _parse(code: bytes, grammar="tsx"):
    """The syntax tree of code.  JSX text may hold a bare "&" ("Skin & Laser"), as TypeScript and
    Babel accept, but tree-sitter's grammar takes every "&" in text for a character reference: where
    the first error holds one, it is read as another text character (same length, so offsets stay;
    the words are taken from the source) and the file is parsed again."""
    root = _parser(grammar).parse(code).root_node
    for _ in range(MAX_REPAIRS):
        if not root.has_error:
            break
        node = _first_error(root)
        m = _BARE_AMP.search(code, node.start_byte, max(node.end_byte, node.start_byte + 1))
        if m is None:
            break
        code = code[:m.start()] + b"+" + code[m.end():]
        root = _parser(grammar).parse(code).root_node
    return root


def _first_error(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return node
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return root


def _js_unescape(raw: str) -> str:
    def one(m):
        e = m.group(1)
        if e.startswith("u{"):
            return chr(min(int(e[2:-1], 16), 0x10FFFF))
        if e[0] in "ux" and len(e) > 1:
            return chr(int(e[1:], 16))
        return _SIMPLE.get(e, e)

    return _JS_ESCAPE.sub(one, raw)


class JsxReader:
    def __init__(self, source, start, end, parsed, grammar="tsx"):
        self.source = source
        self.base = start
        piece = source[start:end]
        self.root = _parse(piece.encode("utf-8", "surrogatepass"), grammar)
        self.parsed = parsed
        self.starts = self.extra = None
        if not piece.isascii():  # UTF-8 byte offsets -> str offsets
            self.starts, self.extra = [], [0]
            for m in _WIDE.finditer(piece):
                c = m.start()
                self.starts.append(c + self.extra[-1])
                self.extra.append(self.extra[-1] + len(piece[c].encode("utf-8", "surrogatepass")) - 1)

    def at(self, b: int) -> int:
        if self.starts:
            b -= self.extra[bisect_left(self.starts, b)]
        return b + self.base

    def note_errors(self, language: str) -> None:
        """Where tree-sitter could not parse the file (a syntax error, or TypeScript its grammar
        does not know yet, such as ``x as import("m").T``), the rest is still read and a notice
        names the place: a copy linter does not fail a site's build on its parser's gaps."""
        if self.root.has_error:
            line, column = self.first_error()
            self.parsed.notices.append((f"tree-sitter could not parse it near line {line}, column {column} (not "
                                        f"valid {language}, or syntax its grammar does not know): the copy there "
                                        "was not read", line))

    def first_error(self):
        node = _first_error(self.root)
        if node.child_count and not any(c.has_error or c.is_missing for c in node.children):
            node = node.children[-1]  # where the parser gave up
        s = self.at(node.start_byte)
        return self.source.count("\n", 0, s) + 1, s - (self.source.rfind("\n", 0, s) + 1) + 1

    def run(self, hand_on=True):
        outbox = self.parsed.blocks
        stack = [self.root]
        while stack:  # code, depth first in source order: only the JSX and comments in it are read
            node = stack.pop()
            t = node.type
            if t in ("jsx_element", "jsx_self_closing_element"):
                self.element(node, None)
                if outbox and hand_on:
                    yield from handed_on(outbox)
            elif t == "jsx_opening_element":  # one that never closes (an MDX tag around Markdown)
                self.attributes(node)
            elif t == "comment":
                self.comment(node)
            elif node.child_count:
                stack.extend(reversed(node.children))

    def comment(self, node):
        s, e = self.at(node.start_byte), self.at(node.end_byte)
        raw = self.source[s:e]
        body = raw[2:-2] if raw.startswith("/*") else raw[2:]
        if "copycheck-" in body:
            d = directives.from_comment(f"<!--{body}-->", s)
            if d:
                d.end = e
                self.parsed.directives.append(d)

    def text(self, b, start, end):
        """JSX text: each line trimmed, blank lines dropped, lines joined by a space; entities decoded."""
        raw = self.source[start:end]
        lines = raw.split("\n")
        at = start
        first = True
        for i, line in enumerate(lines):
            lead = 0
            s = line
            if i > 0:
                lead = len(s) - len(s.lstrip())
                s = s.lstrip()
            if i < len(lines) - 1:
                s = s.rstrip()
            if s:
                if not first or (i > 0 and b.n):
                    b.replace(at + lead, 0, " ")
                first = False
                self.entities(b, at + lead, s)
            at += len(line) + 1

    @staticmethod
    def entities(b, start, s):
        add_entities(b, start, s, refs=_ENTITY)  # JSX decodes a reference only with its ";"

    def js_string(self, b, node) -> bool:
        """A JS string, or a template literal without substitutions: its text, escapes decoded."""
        if node.type == "template_string" and any(c.type == "template_substitution" for c in node.children):
            return False
        for c in node.children:
            s, e = self.at(c.start_byte), self.at(c.end_byte)
            if c.type == "string_fragment":
                b.copy(s, self.source[s:e])
            elif c.type == "escape_sequence":
                b.replace(s, e - s, _js_unescape(self.source[s:e]))
        return True

    @staticmethod
    def opening(el):
        return el if el.type in ("jsx_self_closing_element", "jsx_opening_element") else el.child_by_field_name("open_tag")

    def tag(self, el) -> str:
        opening = self.opening(el)
        name = opening.child_by_field_name("name") if opening is not None else None
        return self.source[self.at(name.start_byte):self.at(name.end_byte)] if name is not None else ""

    def attributes(self, opening):
        if opening is None:
            return
        tag = self.tag(opening)
        for a in opening.children:
            if a.type != "jsx_attribute" or a.child_count < 3:
                continue
            key_node = a.children[0]
            key = self.source[self.at(key_node.start_byte):self.at(key_node.end_byte)]
            if not (key in PROPS or key == "content" and tag == "meta"):
                continue
            value = a.children[-1]
            b = BlockBuilder("meta" if tag == "meta" else f"attribute.{key}")
            if value.type == "string":  # a JSX attribute string: entities, no JS escapes
                s, e = self.at(value.start_byte) + 1, self.at(value.end_byte) - 1
                self.entities(b, s, self.source[s:e])
            elif value.type == "jsx_expression" and value.named_child_count == 1 \
                    and value.named_children[0].type in ("string", "template_string"):
                self.js_string(b, value.named_children[0])
            built = b.build()
            if built is not None:
                self.parsed.blocks.append(built)

    def element(self, el, b):
        """An element's text into b, or into a block of its own unless it is inline in its parent."""
        tag = self.tag(el)
        self.attributes(self.opening(el))
        if el.type == "jsx_self_closing_element" or tag in SKIP:
            return
        own = b is None or tag not in INLINE
        if own:
            b = BlockBuilder(SCOPES.get(tag, "text") if tag != "title" else "title")
        for c in el.children:
            t = c.type
            if t == "jsx_text":
                self.text(b, self.at(c.start_byte), self.at(c.end_byte))
            elif t == "html_character_reference":
                s, e = self.at(c.start_byte), self.at(c.end_byte)
                b.replace(s, e - s, unescape(self.source[s:e]))
            elif t in ("jsx_element", "jsx_self_closing_element"):
                if self.tag(c) in INLINE:
                    b.replace(self.at(c.start_byte), 0, " ")
                    self.element(c, b)
                    b.replace(self.at(c.end_byte), 0, " ")
                else:
                    self.element(c, None)
            elif t == "jsx_expression":
                inner = c.named_children
                if len(inner) == 1 and inner[0].type in ("string", "template_string") and self.js_string(b, inner[0]):
                    continue
                s, e = self.at(c.start_byte), self.at(c.end_byte)
                b.replace(s, e - s, " ")  # code: a gap
                stack = list(reversed(inner))
                while stack:  # the JSX inside the code, and its comments
                    node = stack.pop()
                    if node.type in ("jsx_element", "jsx_self_closing_element"):
                        self.element(node, None)
                    elif node.type == "comment":
                        self.comment(node)
                    else:
                        stack.extend(reversed(node.children))
        if own:
            self.flush(b)

    def flush(self, b):
        if b is not None:
            built = b.build()
            if built is not None:
                self.parsed.blocks.append(built)
