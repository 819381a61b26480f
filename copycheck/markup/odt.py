"""An OpenDocument text's body (content.xml) -> its paragraphs in reading order,
each (scope, text): headings, paragraphs, list items and table cells, as Writer
shows them with tracked changes accepted.

Read: text, spans, links, fields' shown values, ``text:s`` (spaces), tabs, line
breaks (a space: one paragraph is one line), and the paragraphs of text boxes
(after the paragraph that holds them).  Not read: tracked deletions (kept apart in
``text:tracked-changes``), comments (``office:annotation``), footnotes and
endnotes (``text:note``), ruby annotations, generated indexes (a table of contents
repeats the headings), and headers and footers (styles.xml).  White space in the
XML collapses as ODF says (one space, none at a paragraph's start)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
# subtrees that are not the copy as shown
SKIP = {TEXT + "tracked-changes", OFFICE + "annotation", TEXT + "note", TEXT + "ruby-text",
        TEXT + "sequence-decls", TEXT + "variable-decls", TEXT + "user-field-decls", OFFICE + "forms",
        TEXT + "table-of-content", TEXT + "alphabetical-index", TEXT + "illustration-index",
        TEXT + "table-index", TEXT + "object-index", TEXT + "user-index", TEXT + "bibliography",
        OFFICE + "change-info", DRAW + "image", "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc",
        "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title"}
PARAGRAPHS = {TEXT + "p", TEXT + "h"}
_SPACE = re.compile(r"[ \t\r\n]+")
_LINE_ENDS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
HEADING_STYLES = {"Title", "Subtitle"}  # paragraph styles of a title, read as headings


def paragraphs(xml: bytes):
    """Yield (scope, text) for each paragraph of the body, in order (empty ones too)."""
    root = ET.fromstring(xml)
    body = root.find(OFFICE + "body")
    if body is None:
        return
    parents = {st.get(STYLE + "name"): st.get(STYLE + "parent-style-name")
               for st in root.iter(STYLE + "style") if st.get(STYLE + "family") == "paragraph"}
    stack = [(body, "paragraph")]  # (element, the scope of a paragraph in it)
    while stack:
        el, scope = stack.pop()
        tag = el.tag
        if tag in PARAGRAPHS:
            later = []  # paragraphs of text boxes inside this one
            pieces = []
            _text(el, pieces, later)
            style = el.get(TEXT + "style-name")
            heading = tag == TEXT + "h" or style in HEADING_STYLES or parents.get(style) in HEADING_STYLES
            yield ("heading" if heading else scope), _LINE_ENDS.sub(" ", "".join(pieces))
            stack.extend((p, scope) for p in reversed(later))
        elif tag not in SKIP:
            if tag == TABLE + "table-cell":
                scope = "table"
            elif tag == TEXT + "list-item" and scope != "table":
                scope = "list"
            stack.extend((child, scope) for child in reversed(el))


def _text(p, pieces, later):
    """The shown text of paragraph p into pieces; the paragraphs of its text boxes into later."""
    _chars(p.text, pieces)
    stack = list(reversed(p))  # elements, and tails to add after them
    while stack:
        el = stack.pop()
        if isinstance(el, str):
            _chars(el, pieces)
            continue
        tag = el.tag
        if el.tail:
            stack.append(el.tail)
        if tag == TEXT + "s":
            count = el.get(TEXT + "c", "1")
            pieces.append(" " * (int(count) if count.isdigit() and 0 < int(count) < 10_000 else 1))
        elif tag == TEXT + "tab":
            pieces.append("\t")
        elif tag == TEXT + "line-break":
            pieces.append(" ")
        elif tag == DRAW + "text-box":
            later.extend(_top_paragraphs(el))
        elif tag not in SKIP:
            _chars(el.text, pieces)
            stack.extend(reversed(el))


def _chars(text, pieces):
    """Character data, its white space collapsed as ODF does."""
    if not text:
        return
    text = _SPACE.sub(" ", text)
    if text.startswith(" ") and (not pieces or pieces[-1].endswith(" ")):
        text = text[1:]  # no space at a paragraph's start, nor two in a row
    if text:
        pieces.append(text)


def _top_paragraphs(el):
    """The paragraphs directly in a text box, in order (a list or table in it keeps its own)."""
    out, stack = [], list(reversed(el))
    while stack:
        child = stack.pop()
        if child.tag in PARAGRAPHS:
            out.append(child)
        elif child.tag not in SKIP:
            stack.extend(reversed(child))
    return out
