"""A Word document's body (word/document.xml) -> its paragraphs in reading order,
each (scope, text): headings, paragraphs, list items and table cells, as Word shows
them with tracked changes accepted.

Read: the text of runs (``w:t``), tabs, line breaks (a space: one paragraph is one
line), field results, hyperlinks, content controls, insertions, and the paragraphs
of text boxes (after the paragraph that holds them).  Not read: deletions and
moved-away text, field codes, comments (word/comments.xml), headers, footers,
footnotes and endnotes (other parts of the package), and ``mc:Fallback`` (a copy
of the ``mc:Choice`` beside it).  A heading is a paragraph whose style is a
heading (its name "heading N" or "Title", or an outline level, through the styles
it is based on) or that has an outline level of its own; a list item has
numbering (its own or its style's)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# subtrees whose text is not shown: deletions, moved-away text, field codes, a duplicate of mc:Choice
SKIP = {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", MC + "Fallback", W + "footnoteReference",
        W + "endnoteReference", W + "commentReference", W + "tblGrid", W + "bookmarkStart", W + "bookmarkEnd",
        W + "proofErr", W + "lastRenderedPageBreak",
        # properties, not text
        *(W + p for p in ("pPr", "rPr", "sdtPr", "sdtEndPr", "tblPr", "tblPrEx", "trPr", "tcPr", "sectPr"))}
CHARS = {W + "tab": "\t", W + "ptab": "\t", W + "br": " ", W + "cr": " ", W + "noBreakHyphen": "-"}
_HEADING_NAME = re.compile(r"(?i)(heading\s*\d|title|subtitle)\Z")
_LINE_ENDS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _val(el, name):
    child = el.find(W + name) if el is not None else None
    return None if child is None else child.get(W + "val")


def styles(xml: bytes | None) -> tuple:
    """(style ids that are headings, style ids that number their paragraphs), from word/styles.xml."""
    if not xml:
        return set(), set()
    root = ET.fromstring(xml)
    based, heading, numbered = {}, set(), set()
    for st in root.iter(W + "style"):
        sid = st.get(W + "styleId")
        if sid is None or st.get(W + "type", "paragraph") != "paragraph":
            continue
        based[sid] = _val(st, "basedOn")
        level = _val(st.find(W + "pPr"), "outlineLvl")
        if _HEADING_NAME.match(_val(st, "name") or "") or (level is not None and level.isdigit() and int(level) < 9):
            heading.add(sid)
        ppr = st.find(W + "pPr")
        if ppr is not None and ppr.find(W + "numPr") is not None and _val(ppr.find(W + "numPr"), "numId") != "0":
            numbered.add(sid)

    def inherits(sid, found, seen=()):
        while sid is not None and sid not in seen:
            if sid in found:
                return True
            seen = (*seen, sid)
            sid = based.get(sid)
        return False

    return ({s for s in based if inherits(s, heading)}, {s for s in based if inherits(s, numbered)})


def paragraphs(xml: bytes, style_xml: bytes | None = None):
    """Yield (scope, text) for each paragraph of the body, in order (empty ones too)."""
    root = ET.fromstring(xml)
    body = root.find(W + "body")
    if body is None:
        return
    heading, numbered = styles(style_xml)
    stack = [(body, False)]  # (element, inside a table cell): walked depth first, in order
    while stack:
        el, in_cell = stack.pop()
        tag = el.tag
        if tag == W + "p":
            later = []  # paragraphs of text boxes inside this one
            text = "".join(_runs(el, later))
            yield _scope(el, in_cell, heading, numbered), _LINE_ENDS.sub(" ", text)
            stack.extend((p, in_cell) for p in reversed(later))
        elif tag in SKIP:
            continue
        else:
            cell = in_cell or tag == W + "tc"
            stack.extend((child, cell) for child in reversed(el))


def _scope(p, in_cell, heading, numbered) -> str:
    ppr = p.find(W + "pPr")
    style = _val(ppr, "pStyle")
    level = _val(ppr, "outlineLvl")
    if style in heading or (level is not None and level.isdigit() and int(level) < 9):
        return "heading"
    if in_cell:
        return "table"
    num = ppr.find(W + "numPr") if ppr is not None else None
    if (num is not None and _val(num, "numId") != "0") or (num is None and style in numbered):
        return "list"
    return "paragraph"


def _runs(p, later):
    """The shown text of paragraph p, piece by piece; the paragraphs of its text boxes into later."""
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == W + "t":
            if el.text:
                yield el.text
        elif tag in CHARS:
            if tag != W + "br" or el.get(W + "type") in (None, "textWrapping"):
                yield CHARS[tag]
            else:
                yield " "  # a page or column break
        elif tag == W + "txbxContent":
            later.extend(_top_paragraphs(el))
        elif tag not in SKIP:
            stack.extend(reversed(el))


def _top_paragraphs(el):
    """The paragraphs directly in a text box (a table in it keeps its own)."""
    out, stack = [], list(reversed(el))
    while stack:
        child = stack.pop()
        if child.tag == W + "p":
            out.append(child)
        elif child.tag not in SKIP:
            stack.extend(reversed(child))
    return out
