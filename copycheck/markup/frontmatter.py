"""Front matter -> blocks for the values that become titles and search snippets
(title, description, summary, excerpt, subtitle, and their meta/og/seo forms).
Everything else in the front matter is left alone.  Three kinds, as Hugo and
Jekyll write them: YAML between ``---`` lines, TOML between ``+++`` lines, and a
JSON object at the top of the file.  Invalid YAML or TOML falls back to reading
``key: value`` or ``key = "value"`` lines."""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager

from claimrules.cache import compiled
from claimrules.yamllib import pyyaml

from ..source.blocks import BlockBuilder

DEFAULT_KEYS = ("title", "description", "summary", "excerpt", "subtitle")
_PREFIX = compiled(r"^(?:meta|og|seo|twitter|opengraph)[:_.-]?", re.I)
_NESTS = {"meta", "og", "seo", "twitter", "opengraph", "params"}
_OPEN = compiled(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = compiled(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)", re.M)
_KEY_LINE = compiled(r"^[ \t]*([\w:.-]+)[ \t]*:[ \t]*(\S.*?)[ \t]*$", re.M)
_WORD = compiled(r"\S+")


def key_wanted(key, keys) -> bool:
    k = str(key).lower()
    return k in keys or _PREFIX.sub("", k) in keys and _PREFIX.match(k) is not None


_TOML_OPEN = compiled(r"\+\+\+[ \t]*(?:\r\n|\r|\n)")
_TOML_CLOSE = compiled(r"^\+\+\+[ \t]*(?:\r\n|\r|\n|$)", re.M)
_TOML_TABLE = compiled(r"^[ \t]*\[+[ \t]*([\w.\"' -]+?)[ \t]*\]+[ \t]*$", re.M)
_TOML_KEY = compiled(r"^[ \t]*([\w.-]+|\"[^\"]+\")[ \t]*=[ \t]*(\"\"\"|'\'\''|\"|')", re.M)


def _toml(source: str, parsed, keys) -> int:
    """TOML front matter (Hugo's +++): the wanted string values, at their places."""
    m = _TOML_OPEN.match(source)
    close = _TOML_CLOSE.search(source, m.end()) if m else None
    if not close:
        return 0
    start, end = m.end(), close.start()
    fm = source[start:end]
    tables = [(t.start(), t.group(1).strip("\"' ").lower()) for t in _TOML_TABLE.finditer(fm)]
    table, t = "", 0  # the table a key is in: the last header before it (keys and headers both in order)
    for km in _TOML_KEY.finditer(fm):
        while t < len(tables) and tables[t][0] < km.start():
            table = tables[t][1]
            t += 1
        key = km.group(1).strip('"')
        if table and table.split(".")[-1] not in _NESTS:
            continue  # a value inside [[list_of_prices]] or [menu] is not a title
        if not (key_wanted(key, keys) or table and key.lower() in keys):
            continue
        quote = km.group(2)
        close_at = fm.find(quote, km.end())
        while close_at > 0 and len(quote) == 1 and quote == '"' and fm[close_at - 1] == "\\":
            close_at = fm.find(quote, close_at + 1)
        if close_at < 0:
            continue
        raw = fm[km.end():close_at]
        value = raw.replace('\\"', '"') if quote == '"' else raw
        _add(parsed, key, value, start + km.end(), raw)
    return close.end()


def _json(source: str, parsed, keys) -> int:
    """JSON front matter (an object at the top of the file): the wanted string values."""
    import json

    try:
        data, end = json.JSONDecoder().raw_decode(source)
    except (ValueError, RecursionError):
        return 0
    if not isinstance(data, dict) or not re.match(r"[ \t]*(?:\r\n|\r|\n|$)", source[end:]):
        return 0
    fm = source[:end]

    def visit(obj, nested):
        for key, value in obj.items():
            if isinstance(value, dict) and str(key).lower() in _NESTS:
                visit(value, True)
            elif isinstance(value, str) and (key_wanted(key, keys) or nested and str(key).lower() in keys):
                km = re.search(r'"%s"\s*:\s*"' % re.escape(str(key)), fm)
                if km:
                    j = km.end()
                    while j < len(fm) and fm[j] != '"':
                        j += 2 if fm[j] == "\\" else 1
                    _add(parsed, key, value, km.end(), fm[km.end():j])
    visit(data, False)
    return end


def read(source: str, parsed, keys=None) -> int:
    """Add front-matter blocks to parsed; return the offset where the body starts."""
    if source.startswith("+++"):
        return _toml(source, parsed, {k.lower() for k in (keys or DEFAULT_KEYS)})
    if source.startswith("{"):
        return _json(source, parsed, {k.lower() for k in (keys or DEFAULT_KEYS)})
    m = _OPEN.match(source)
    if not m:
        return 0
    close = _CLOSE.search(source, m.end())
    if not close:
        return 0  # no closing line: not front matter
    keys = {k.lower() for k in (keys or DEFAULT_KEYS)}
    start, end = m.end(), close.start()
    fm = source[start:end]
    simple = _simple(fm, keys)
    if simple is not None:  # plain "key: value" lines: read as YAML would, without importing it
        for key, value, at in simple:
            _add(parsed, key, value, start + at, value)
        return close.end()
    yaml, loader = pyyaml()  # imported for the first page with YAML front matter
    try:
        with _no_gc():
            root = yaml.compose(fm, Loader=loader)
            _walk(root, fm, start, keys, parsed, nested=False, seen=set())
            del root  # freed while collection is still off: no pass over the dying tree
    except yaml.YAMLError:
        for km in _KEY_LINE.finditer(fm):
            if key_wanted(km.group(1), keys):
                value = km.group(2).strip("'\"")
                _add(parsed, km.group(1), value, start + km.start(2), km.group(2))
    except RecursionError:
        pass
    return close.end()


# A line of front matter that YAML reads as one plain key and one plain scalar (or a flow list of
# plain words): no quotes, escapes, anchors, tags, block scalars, comments after a value, nesting.
_SIMPLE_LINE = compiled(r"([A-Za-z_][\w.:-]*?):(?: +(?P<value>[^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^\t#]*?[^\s:])?"
                        r"|\[(?: *[\w.-]+(?: *, *[\w.-]+)* *)?\]))? *")
# A plain scalar YAML 1.1 reads as a string: it starts with a letter and is not a boolean or null.
_NOT_TEXT = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def _simple(fm: str, keys) -> list | None:
    """The wanted (key, value, offset) of front matter made only of simple lines, blank lines
    and whole-line comments; None if any line needs the YAML parser (which then reads it all)."""
    if "\t" in fm or "\r" in fm or not fm.replace("\n", "").isprintable():
        return None
    found, at = [], 0
    for line in fm.split("\n"):
        if line.strip() and not line.startswith("#"):
            m = _SIMPLE_LINE.fullmatch(line)
            value = m and m.group("value")
            if m is None or value and (": " in value or " #" in value):
                return None
            if value and not value.startswith("[") and key_wanted(m.group(1), keys):
                if not value[0].isalpha() or value.lower() in _NOT_TEXT:
                    return None  # maybe a number, date or boolean: YAML decides
                found.append((m.group(1), value, at + m.start("value")))
        at += len(line) + 1
    return found


@contextmanager
def _no_gc():
    """Composing and walking without the garbage collector's passes over a growing heap
    of new nodes (which made a long front matter superlinear); it runs again afterwards.
    Reference counting frees the nodes; the collector, back on, takes any cycle (a recursive alias)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _walk(node, fm, base, keys, parsed, nested, seen):
    """The wanted keys' text; each node read once (an alias is not read again: no
    "billion laughs" from a page's front matter)."""
    yaml = pyyaml()[0]
    if not isinstance(node, yaml.MappingNode) or id(node) in seen:
        return
    seen.add(id(node))
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key is None:
            continue
        if isinstance(value_node, yaml.MappingNode) and str(key).lower() in _NESTS:
            _walk(value_node, fm, base, keys, parsed, nested=True, seen=seen)
        elif isinstance(value_node, yaml.ScalarNode) and id(value_node) not in seen and (
                key_wanted(key, keys) or nested and str(key).lower() in keys):
            seen.add(id(value_node))
            if value_node.tag != "tag:yaml.org,2002:str" and value_node.style is None:
                continue  # numbers, booleans, dates
            span = fm[value_node.start_mark.index:value_node.end_mark.index]
            _add(parsed, key, value_node.value, base + value_node.start_mark.index, span)


def _add(parsed, key, value, span_start, span):
    """Map the words of value onto the source span they came from."""
    builder = BlockBuilder(f"frontmatter.{key}")
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
