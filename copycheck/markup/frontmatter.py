"""Front matter -> a block for each string of copy in it.  Three kinds, as Hugo, Jekyll,
Eleventy and Astro write them: YAML between ``---`` lines, TOML between ``+++`` lines, and
a JSON object at the top of the file.  Every string in nested maps and lists is found with
its key path (``faq[2].answer``) and exact place (values.py); keys.py decides which are copy
(the ``frontmatter-keys`` setting, by key path, and the value's shape).  A block's scope is
``frontmatter.`` and its key path.  Front matter that is not valid YAML, TOML or JSON raises
values.MarkupError (the page names its file and line)."""
from __future__ import annotations

import re

from claimrules.cache import compiled

from .keys import DEFAULT_KEYS, is_copy, key_wanted, path_text, selector_for  # noqa: F401 - (the public names)
from .values import MarkupError, add, strings_json, strings_toml, strings_yaml

_OPEN = compiled(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = compiled(r"^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)", re.M)
_TOML_OPEN = compiled(r"\+\+\+[ \t]*(?:\r\n|\r|\n)")
_TOML_CLOSE = compiled(r"^\+\+\+[ \t]*(?:\r\n|\r|\n|$)", re.M)
_JSON_START = compiled(r"\{\s*(?:\"|\})")  # a JSON object (not a {{< shortcode >}} or a {% tag %})
# the first line of YAML front matter that is not blank or a comment: a key, or a list item
_YAML_LINE = compiled(r"[ \t]*(?:-(?:[ \t]|$)|\?[ \t]|[\"'][^\n]*?[\"'][ \t]*:(?:[ \t]|$)|[^\s\-?:,\[\]{}#&*!|>'\x22%@`][^:\n]*:(?:[ \t]|$))")  # (a plain key starts with no YAML indicator: "**Bold:**" is Markdown)


def _lines_before(source: str, at: int) -> int:
    return source.count("\n", 0, at) or source.count("\r", 0, at)


def _fail(exc: MarkupError, source: str, start: int, what: str):
    exc.line += _lines_before(source, start)
    exc.what = what
    exc.args = (exc.message(),)
    raise exc


def _blocks(rows, source, base, sel, parsed):
    for parts, value, s, e, kind in rows:
        how = sel.wants(parts)
        if how and is_copy(value, how):
            add(parsed, "frontmatter." + path_text(parts), value, base + s, base + e, kind, source)


def read(source: str, parsed, keys=None) -> int:
    """Add front-matter blocks to parsed; return the offset where the body starts."""
    sel = selector_for(keys)
    if source.startswith("+++"):
        m = _TOML_OPEN.match(source)
        close = _TOML_CLOSE.search(source, m.end()) if m else None
        if not close:
            return 0
        start = m.end()
        try:
            rows = strings_toml(source[start:close.start()])
        except MarkupError as exc:
            _fail(exc, source, start, "TOML front matter")
        _blocks(rows, source, start, sel, parsed)
        return close.end()
    if _JSON_START.match(source):
        try:
            rows, end = strings_json(source, prefix_only=True)
        except MarkupError as exc:
            _fail(exc, source, 0, "JSON front matter")
        except RecursionError:
            raise MarkupError("JSON front matter", 1, 1, "nested too deeply to read") from None
        _blocks(rows, source, 0, sel, parsed)
        return end
    m = _OPEN.match(source)
    if not m:
        return 0
    close = _CLOSE.search(source, m.end())
    if not close:
        return 0  # no closing line: not front matter
    start, end = m.end(), close.start()
    fm = source[start:end]
    if not _yaml_like(fm):
        return 0  # "---" lines around Markdown (a rule above a heading): no front matter
    simple = _simple(fm, sel)
    if simple is not None:  # plain "key: value" lines: read as YAML would, without importing it
        for key, value, at in simple:
            add(parsed, "frontmatter." + path_text((key,)), value, start + at, start + at + len(value), "", source)
        return close.end()
    try:
        rows = strings_yaml(fm)
    except MarkupError as exc:
        _fail(exc, source, start, "YAML front matter")
    except RecursionError:
        raise MarkupError("YAML front matter", 1, 1, "nested too deeply to read") from None
    _blocks(rows, source, start, sel, parsed)
    return close.end()


def _yaml_like(fm: str) -> bool:
    """Whether the text between two "---" lines opens as YAML does: its first line that is not
    blank or a comment is a key or a list item (a Markdown page may open with a rule, a blank
    line and a heading, and close that rule further down)."""
    for line in fm.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return _YAML_LINE.match(line) is not None
    return True


# A line of front matter that YAML reads as one plain key and one plain scalar (or a flow list of
# plain words): no quotes, escapes, anchors, tags, block scalars, comments after a value, nesting.
_SIMPLE_LINE = compiled(r"([A-Za-z_][\w.:-]*?):(?: +(?P<value>[^-?:,\[\]{}#&*!|>'\"%@`\s](?:[^\t#]*?[^\s:])?"
                        r"|\[(?: *[\w.-]+(?: *, *[\w.-]+)* *)?\]))? *")
# A plain scalar YAML 1.1 reads as a string: it starts with a letter and is not a boolean or null.
_NOT_TEXT = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def _simple(fm: str, keys) -> list | None:
    """The wanted (key, value, offset) of front matter made only of simple lines, blank lines
    and whole-line comments; None if any line needs the YAML parser (which then reads it all)."""
    sel = selector_for(keys)
    if "\t" in fm or "\r" in fm or not fm.replace("\n", "").isprintable():
        return None
    found, at = [], 0
    for line in fm.split("\n"):
        if line.strip() and not line.startswith("#"):
            m = _SIMPLE_LINE.fullmatch(line)
            value = m and m.group("value")
            if m is None or value and (": " in value or " #" in value):
                return None
            if value and not value.startswith("["):
                how = sel.wants((m.group(1),))
                if not how:
                    pass
                elif not value[0].isalpha() or value.lower() in _NOT_TEXT:
                    return None  # maybe a number, date or boolean: YAML decides
                elif is_copy(value, how):
                    found.append((m.group(1), value, at + m.start("value")))
        at += len(line) + 1
    return found
