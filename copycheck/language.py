"""A page's language, for rules written for English (claimrules/lexicon/languages.yaml):
declared (HTML ``lang``, front matter ``lang``/``language``/``locale``), else told by
the commonest short function words.  ``None``: English, or too little text to tell."""
from __future__ import annotations

import re
from functools import lru_cache

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_FM_LANG = re.compile(r"^[ \t]*[\"']?(?:lang|language|locale)[\"']?[ \t]*[:=][ \t]*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\b",
                      re.M | re.I)
_WORD = re.compile(r"[^\W\d_]+")
_FM = re.compile(r"(?:---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)|\{.*?\n\}", re.S)


@lru_cache(maxsize=1)
def _lexicon():
    from claimrules import HERE
    from claimrules.yamllib import load_yaml

    data = load_yaml(HERE / "lexicon" / "languages.yaml")
    return int(data["min_hits"]), {lang: frozenset(w.lower() for w in words) for lang, words in data["words"].items()}


def of(source: str, fmt: str, texts=()) -> tuple:
    """(language code or None, how it was told: 'declared' or 'detected')."""
    head = source[:4000]
    if fmt == "html":
        m = _HTML_LANG.search(head)
        if m:
            return _norm(m.group(1)), "declared"
    elif fmt == "markdown":
        fm = _FM.match(head)
        if fm:
            m = _FM_LANG.search(fm.group(0))
            if m:
                return _norm(m.group(1)), "declared"
    return detect(" ".join(texts)), "detected"


def detect(text: str):
    min_hits, words = _lexicon()
    counts = dict.fromkeys(words, 0)
    n = 0
    for w in _WORD.findall(text[:40000].lower()):
        for lang, ws in words.items():
            if w in ws:
                counts[lang] += 1
        n += 1
        if n > 5000:
            break
    best = max((lang for lang in counts if lang != "en"), key=lambda lang: counts[lang])
    if counts[best] >= min_hits and counts[best] >= 2 * counts["en"]:
        return best
    return None


def _norm(code: str):
    code = code.lower()
    return None if code in ("en", "eng") else code
