"""Template syntax is code, not copy: Go/Hugo (``{{ .Title }}``, shortcodes ``{{< x >}}``),
Liquid, Jinja and Nunjucks (``{% if %}``, ``{{ page.title }}``, ``{# note #}``) and Handlebars
(``{{#each}}``).  Each tag is blanked to spaces (its line ends kept), so positions in the page
do not move and the words around a tag are read as the visitor would see them; a Hugo
shortcode's caption, alt text or title stays, since a visitor reads it."""
from __future__ import annotations

import re

# a tag that is closed on the page; an unclosed "{{" or "{%" is left as text
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENERS = ("{{", "{%", "{#")
MAX_TAG = 20_000  # characters: a longer "tag" is taken for text with stray braces


# a shortcode's parameters a visitor sees: {{< figure caption="..." alt="..." >}}
_SHOWN = re.compile(r"""\b(?:caption|alt|title|description|text|label|summary)\s*=\s*(["'])(.*?)\1""", re.DOTALL)


NBSP = "\u00a0"  # before a kept caption: white space that Markdown does not take for an indent


def _spaces(text: str, fill: str = " ") -> str:
    return "".join(ch if ch in "\r\n" else fill for ch in text)


def _blank(m: re.Match) -> str:
    tag = m.group()
    if len(tag) > MAX_TAG:
        return tag
    if not tag.startswith(("{{<", "{{%")):
        return _spaces(tag)
    out, at = [], 0  # a shortcode: its visible parameters stay where they stand
    for p in _SHOWN.finditer(tag):
        out.append(_spaces(tag[at:p.start(2)], NBSP) + p.group(2))
        at = p.end(2)
    if not out:
        return _spaces(tag)
    out.append(_spaces(tag[at:]))
    return "".join(out)


def blank(text: str) -> str:
    """text with every template tag turned to spaces (same length, same line breaks)."""
    if not any(o in text for o in _OPENERS):
        return text
    return _TAG.sub(_blank, text)
