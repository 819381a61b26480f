"""Every string of a YAML, JSON or TOML text, with its key path and where it stands:
``strings_yaml``, ``strings_json`` and ``strings_toml`` yield (parts, value, start, end,
raw kind), offsets into the text given.  ``add`` turns one into a block whose every
character maps back to the source (escapes too).  Invalid text raises MarkupError
with its line.  No new dependency: PyYAML's composer (the C one where it is built),
json's own scanner with its string parser recorded, tomllib and a small scanner."""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager

from claimrules.cache import compiled
from claimrules.yamllib import pyyaml

from ..source.blocks import BlockBuilder

_WORD = compiled(r"\S+")


class MarkupError(ValueError):
    """Front matter or a data file that is not valid YAML, JSON or TOML: line is 1-based in the
    text the reader was given (the caller adds the lines before it)."""

    def __init__(self, what: str, line: int, column: int, problem: str):
        self.what, self.line, self.column, self.problem = what, line, column, problem
        super().__init__(self.message())

    def message(self) -> str:
        return f"invalid {self.what} (column {self.column}): {self.problem}"


@contextmanager
def no_gc():
    """Composing without the collector's passes over a growing heap of new nodes (which made a
    long front matter superlinear); reference counting frees them, the collector takes cycles after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# -- YAML ----------------------------------------------------------------------------------------
def strings_yaml(text: str, what="YAML", many=False):
    """(parts, value, start, end, style) of every string scalar; each node read once (an alias
    is not read again: no "billion laughs")."""
    yaml, loader = pyyaml()
    try:
        with no_gc():
            roots = list(yaml.compose_all(text, Loader=loader)) if many else [yaml.compose(text, Loader=loader)]
            out = []
            seen = set()
            for root in roots:
                if root is not None:
                    _walk_yaml(yaml, root, (), out, seen)
            del roots
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise MarkupError(what, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1, problem) from None
    return out


def _walk_yaml(yaml, node, parts, out, seen):
    stack = [(node, parts)]
    while stack:
        node, parts = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                if isinstance(k, yaml.ScalarNode):
                    stack.append((v, parts + (k.value,)))
        elif isinstance(node, yaml.SequenceNode):
            for i in range(len(node.value) - 1, -1, -1):
                stack.append((node.value[i], parts + (i,)))
        elif isinstance(node, yaml.ScalarNode):
            if node.tag != "tag:yaml.org,2002:str" and node.style is None:
                continue  # numbers, booleans, dates, null
            if not isinstance(node.value, str) or not node.value.strip():
                continue
            out.append((parts, node.value, node.start_mark.index, node.end_mark.index, node.style or ""))


# -- JSON ----------------------------------------------------------------------------------------
def strings_json(text: str, what="JSON", prefix_only=False):
    """(parts, value, start, end, '"') of every string value, and where the JSON ends.
    prefix_only: the JSON object at the start of text (front matter), the rest not read."""
    import json
    import json.decoder
    import json.scanner

    spans = []
    dec = json.JSONDecoder(object_pairs_hook=lambda pairs: ("\0obj", pairs))
    inner = json.decoder.scanstring

    def parse_string(s, end, strict=True):
        value, stop = inner(s, end, strict)
        spans.append((end - 1, stop))
        return value, stop
    dec.parse_string = parse_string
    dec.scan_once = json.scanner.py_make_scanner(dec)
    try:
        data, end = dec.raw_decode(text)
        if not prefix_only and text[end:].strip():
            raise json.JSONDecodeError("extra data after the JSON value", text, end + len(text[end:]) - len(text[end:].lstrip()))
    except json.JSONDecodeError as exc:
        raise MarkupError(what, exc.lineno, exc.colno, exc.msg) from None
    it = iter(spans)
    out = []
    stack = [(data, ())]
    while stack:  # the values in source order (keys are scanned without parse_string: not recorded)
        v, parts = stack.pop()
        if isinstance(v, tuple) and v and v[0] == "\0obj":
            stack.extend((x, parts + (k,)) for k, x in reversed(v[1]))
        elif isinstance(v, list):
            stack.extend((v[i], parts + (i,)) for i in range(len(v) - 1, -1, -1))
        elif isinstance(v, str):
            s, e = next(it)
            if v.strip():
                out.append((parts, v, s, e, '"'))
    return out, end


# -- TOML ----------------------------------------------------------------------------------------
def strings_toml(text: str, what="TOML"):
    import tomllib

    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        problem = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (text.count("\n") + 1, 1)
        raise MarkupError(what, line, col, problem) from None
    from .toml_scan import scan

    return [row for row in scan(text) if row[1].strip()]


# -- blocks ---------------------------------------------------------------------------------------
_ESC = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "/": "/", "e": "\x1b",
        "0": "\0", "a": "\a", "v": "\v", " ": " ", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
        "'": "'"}


def _unescape(raw: str, at: int):
    """The pieces (text, source start, source length) of a one-line string with backslash escapes
    (JSON, TOML basic, YAML double-quoted); None where it cannot be read here."""
    pieces, i, n = [], 0, len(raw)
    while i < n:
        j = raw.find("\\", i)
        if j < 0:
            pieces.append((raw[i:], at + i, n - i))
            break
        if j > i:
            pieces.append((raw[i:j], at + i, j - i))
        c = raw[j + 1:j + 2]
        width = {"x": 2, "u": 4, "U": 8}.get(c)
        if width:
            hexa = raw[j + 2:j + 2 + width]
            if len(hexa) != width or not re.fullmatch(r"[0-9a-fA-F]+", hexa):
                return None
            ch = chr(int(hexa, 16))
            step = 2 + width
            if c == "u" and 0xD800 <= ord(ch) < 0xDC00 and raw[j + 6:j + 8] == "\\u":  # a JSON surrogate pair
                low = int(raw[j + 8:j + 12], 16)
                ch = chr(0x10000 + (ord(ch) - 0xD800) * 0x400 + (low - 0xDC00))
                step = 12
            pieces.append((ch, at + j, step))
            i = j + step
        elif c in _ESC:
            pieces.append((_ESC[c], at + j, 2))
            i = j + 2
        else:
            return None
    return pieces


def add(parsed, scope, value, start, end, kind, source):
    """Add the block of one string value (source[start:end] is its token, quotes included)."""
    span = source[start:end]
    if kind in ('"', 'basic') and "\\" in span and "\n" not in span:
        q = 1
        pieces = _unescape(span[q:-q], start + q)
        if pieces is not None and "".join(p[0] for p in pieces) == value:
            return _add_pieces(parsed, scope, pieces, source)
    _add_words(parsed, scope, value, start, span)


def _add_pieces(parsed, scope, pieces, source):
    chars = []  # (char, source start, source length, verbatim)
    for text, s, n in pieces:
        if len(text) == n and source[s:s + n] == text:
            chars.extend((ch, s + k, 1, True) for k, ch in enumerate(text))
        else:
            chars.append((text, s, n, False))
    a, z = 0, len(chars)
    while a < z and chars[a][0].isspace():
        a += 1
    while z > a and chars[z - 1][0].isspace():
        z -= 1
    builder = BlockBuilder(scope)
    for ch, s, n, verbatim in chars[a:z]:
        if verbatim:
            builder.copy(s, ch)
        else:
            builder.replace(s, n, ch)
    block = builder.build()
    if block is not None:
        parsed.blocks.append(block)


def _add_words(parsed, scope, value, span_start, span):
    """Map the words of value onto the source span they came from."""
    builder = BlockBuilder(scope)
    cursor = 0
    prev_end = None
    for w in _WORD.finditer(value):
        j = span.find(w.group(), cursor)
        if prev_end is not None:
            gap = value[prev_end:w.start()]
            builder.replace(span_start + cursor, 0 if j < 0 else j - cursor, gap)
        if j < 0:
            builder.replace(span_start + cursor, 0, w.group())
        else:
            builder.copy(span_start + j, w.group())
            cursor = j + len(w.group())
        prev_end = w.end()
    block = builder.build()
    if block is not None:
        parsed.blocks.append(block)
