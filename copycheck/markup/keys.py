"""Which strings of front matter and data files are copy.  Each string has a key path
(``faq[2].answer``, ``seo.description``); the ``frontmatter-keys`` setting names the
copy with plain names (``title``: at the top, in its ``meta_``/``og:``/``seo.`` forms,
and inside ``seo:``/``meta:``/``og:``/``twitter:``/``params:`` maps, as before) and
globs over key paths (``faq.*.answer``; ``*`` is one key or list index, ``**`` any
number of them, ``{a,b}`` either).  Values whose shape is not copy are skipped
(URLs, emails, file paths, colours, numbers and dates; under a glob's wildcard also
slugs, ids and template names, and keys named like dates, images or layouts)."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from claimrules.cache import compiled

# Hugo, Jekyll, Eleventy, Astro and Decap CMS conventions: the page's own title and
# snippets; then the lists that themes and CMS widgets build pages from.
DEFAULT_KEYS = (
    "title", "description", "summary", "excerpt", "subtitle", "lead", "intro", "tagline", "teaser",
    "abstract", "headline", "subheading", "linktitle",
    "seo.*",
    "**.{faq,faqs,questions,qa}.**.{question,answer,q,a,title,text,body,content}",
    "**.{features,benefits,services,treatments,highlights,steps,reasons,results,cards,sections,blocks,"
    "pricing,plans,packages,aftercare}.**.{title,heading,subtitle,text,description,body,content,summary,"
    "blurb,intro,lead,details,label}",
    "**.{testimonials,reviews,quotes}.**.{text,quote,content,body,review,title}",
    "**.{hero,banner,cta,ctas,callout,promo,intro,about}.**.{title,heading,subtitle,text,description,body,"
    "content,lead,button,label}",
)

NESTS = {"meta", "og", "seo", "twitter", "opengraph", "params"}
_PREFIX = compiled(r"^(?:meta|og|seo|twitter|opengraph)[:_.-]?", re.I)
_BARE = compiled(r"[^.\[\]\"'\s]+")


def key_wanted(key, names) -> bool:
    k = str(key).lower()
    return k in names or _PREFIX.sub("", k) in names and _PREFIX.match(k) is not None


def path_text(parts) -> str:
    """A key path as it is shown: ``faq[2].answer``; a key with a dot or a space is quoted."""
    out = []
    for p in parts:
        if isinstance(p, int):
            out.append(f"[{p}]")
        else:
            s = str(p)
            s = s if _BARE.fullmatch(s) else json.dumps(s, ensure_ascii=False)
            out.append("." + s if out else s)
    return "".join(out)


def _braces(pattern: str) -> list:
    m = re.search(r"\{([^{}]*)\}", pattern)
    if not m:
        return [pattern]
    return [x for alt in m.group(1).split(",")
            for x in _braces(pattern[:m.start()] + alt.strip() + pattern[m.end():])]


def _segments(pattern: str) -> tuple:
    pattern = re.sub(r"\[([^\]]*)\]", r".\1", pattern)  # faq[*].answer == faq.*.answer
    return tuple(s for s in pattern.split(".") if s)


_DOTTED_BRACE = re.compile(r"\{[^{}]*\.[^{}]*\}")  # a brace that spans keys is expanded first
SEP = "\x1f"  # between the keys of a path, as the globs' regex reads it: "\x1ffaq\x1f2\x1fanswer"


def _glob_regex(segs) -> str:
    """One glob's segments as a regex over a joined path: ``*`` one key (or part of one), ``**``
    any number of keys, ``?`` one character, ``{a,b}`` either (``[...]`` is a list index, made a
    key by _segments before)."""
    return "".join(f"(?:{SEP}[^{SEP}]*)*" if seg == "**" else SEP + _segment_regex(seg) for seg in segs)


def _segment_regex(seg: str) -> str:
    out, i = [], 0
    while i < len(seg):
        c = seg[i]
        close = seg.find("}", i + 1) if c == "{" else -1
        if c == "*":
            out.append(f"[^{SEP}]*")
        elif c == "?":
            out.append(f"[^{SEP}]")
        elif close > 0:
            out.append("(?:" + "|".join(_segment_regex(alt.strip()) for alt in seg[i + 1:close].split(",")) + ")")
            i = close
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def _alternation(globs):
    """All the globs as one compiled regex (None for none): a path is matched once, not glob by glob."""
    return re.compile("|".join(f"(?:{g})" for g in globs)) if globs else None


EXACT, WILD = 1, 2


class Selector:
    """The configured keys, compiled once: wants(parts) -> 0, EXACT or WILD."""

    def __init__(self, keys):
        self.names = set()
        exact, wild = [], []  # the globs as regexes, with no wildcard and with one
        for k in keys:
            k = str(k).strip().lower()
            if not k:
                continue
            if not any(c in k for c in ".*?[{"):
                self.names.add(k)
                continue
            for one in _braces(k) if _DOTTED_BRACE.search(k) else (k,):  # "{a,b}" stays one regex
                segs = _segments(one)
                (wild if any(c in s for s in segs for c in "*?") else exact).append(_glob_regex(segs))
        self._exact, self._wild = _alternation(exact), _alternation(wild)
        self._seen: dict = {}

    def wants(self, parts) -> int:
        key = tuple(parts)
        got = self._seen.get(key)
        if got is None:
            got = self._decide(key)
            if len(self._seen) < 100_000:  # (a huge data file's list indexes do not grow it without end)
                self._seen[key] = got
        return got

    def _decide(self, parts) -> int:
        if parts and isinstance(parts[-1], str):
            heads = parts[:-1]
            if all(isinstance(h, str) and h.lower() in NESTS for h in heads) and key_wanted(parts[-1], self.names):
                return EXACT
        joined = "".join(SEP + str(p).lower() for p in parts)
        if self._exact is not None and self._exact.fullmatch(joined):
            return EXACT
        if self._wild is not None and self._wild.fullmatch(joined):
            return 0 if not_copy_key(parts) else WILD
        return 0


@lru_cache(maxsize=64)
def selector(keys: tuple) -> Selector:
    return Selector(keys)


def selector_for(keys) -> Selector:
    if isinstance(keys, Selector):
        return keys
    return selector(tuple(sorted(keys)) if isinstance(keys, (set, frozenset)) else tuple(keys or DEFAULT_KEYS))


# -- shapes that are not copy ------------------------------------------------------------------
_DENY = {"date", "dates", "slug", "url", "uri", "permalink", "link", "links", "href", "src", "image", "images", "img",
         "icon", "photo", "thumbnail", "thumb", "cover", "file", "path", "layout", "template", "type", "kind", "id",
         "uuid", "key", "color", "colour", "weight", "order", "draft", "lang", "language", "locale", "author",
         "authors", "tags", "tag", "categories", "category", "keywords", "robots", "canonical", "aliases", "alias",
         "class", "classes", "style", "video", "audio", "width", "height", "email", "phone", "tel", "name",
         "avatar", "logo", "alt", "target", "rel", "anchor", "variant", "theme", "format", "widget", "price"}
_WORDS = compiled(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def not_copy_key(parts) -> bool:
    """The key a wildcard took names something that is not copy (heroImage, pub_date, ctaLink)."""
    last = next((p for p in reversed(parts) if isinstance(p, str)), "")
    words = _WORDS.findall(last)
    return last.lower() in _DENY or bool(words) and words[-1].lower() in _DENY


_URL = compiled(r"(?:[a-z][a-z0-9+.-]*:(?://|[^\s]*$)|//|www\.)\S*", re.I)
_EMAIL = compiled(r"[^\s@]+@[^\s@]+\.[a-z]{2,}", re.I)
_FILE = compiled(r"\S*(?:/|\\)\S*|\S+\.[a-z0-9]{1,5}", re.I)
_COLOUR = compiled(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgba?|hsla?)\([^)]*\)", re.I)
_NUMBERISH = compiled(r"[-+\d\s.,:/%£$€x×TZ]*\d[-+\d\s.,:/%£$€x×TZ]*")
_TEMPLATE = compiled(r"\s*(?:\{\{.*\}\}|\{%.*%\}|<%.*%>)\s*", re.S)
_IDENT_ANY = compiled(r"\w*_\w*|[a-z]+\d\w*|[0-9a-f]{8,}(?:-[0-9a-f]+)*", re.I)  # layout_name, abc123, hashes
_IDENT_WILD = compiled(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*|[a-z]+[A-Z]\w*")  # slugs, one lowercase word, camelCase


def is_copy(value: str, how: int) -> bool:
    """Whether a string's shape can be copy (how: EXACT or WILD, from Selector.wants)."""
    v = value.strip()
    if not v or not any(c.isalpha() for c in v):
        return False
    if " " not in v and "\n" not in v:
        if (_URL.fullmatch(v) or _EMAIL.fullmatch(v) or _FILE.fullmatch(v) or _COLOUR.fullmatch(v)
                or _IDENT_ANY.fullmatch(v) or how == WILD and _IDENT_WILD.fullmatch(v)):
            return False
    return not (_NUMBERISH.fullmatch(v) or _TEMPLATE.fullmatch(v))
