"""A page's language, for rules written for English (claimrules/lexicon/languages.yaml):
declared (HTML ``lang``, front matter ``lang``/``language``/``locale``), else told by
the commonest short function words.  ``None``: English, or too little text to tell."""
from __future__ import annotations

import re
from collections import Counter
from claimrules.cache import compiled, memo

_HTML_LANG = compiled(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_FM_LANG = compiled(r"^[ \t]*[\"']?(?:lang|language|locale)[\"']?[ \t]*[:=][ \t]*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\b",
                      re.M | re.I)
SAMPLE = 6000  # characters of a page's text read to tell its language (about 1,000 words)
_WORD = compiled(r"[^\W\d_]+")
_FM = compiled(r"(?:---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|$)|\{.*?\n\}", re.S)


@memo
def _lexicon():
    """(min_hits, the languages, word -> the languages it is a function word of)."""
    from claimrules import HERE
    from claimrules.yamllib import load_yaml

    data = load_yaml(HERE / "lexicon" / "languages.yaml")
    index: dict = {}
    for lang, words in data["words"].items():
        for w in {w.lower() for w in words}:
            index[w] = index.get(w, ()) + (lang,)
    return int(data["min_hits"]), tuple(data["words"]), index


def of(source: str, fmt: str, texts=()) -> tuple:
    """(language code or None, how it was told: 'declared' or 'detected').  texts: the
    text of the page's first blocks, about SAMPLE characters (the caller reads no more)."""
    head = source[:4000]
    if fmt == "html":
        m = _HTML_LANG.search(head)
        if m:
            return _norm(m.group(1)), "declared"
    elif fmt in ("markdown", "mdx"):
        fm = _FM.match(head)
        if fm:
            m = _FM_LANG.search(fm.group(0))
            if m:
                return _norm(m.group(1)), "declared"
    return detect(" ".join(texts)), "detected"


def detect(text: str, sample: int = SAMPLE):
    """The language of text's first ``sample`` characters (about 1,000 words), or None for English."""
    min_hits, langs, index = _lexicon()
    counts = dict.fromkeys(langs, 0)
    for w, n in Counter(_WORD.findall(text[:sample].lower())).items():
        for lang in index.get(w, ()):
            counts[lang] += n
    best = max((lang for lang in langs if lang != "en"), key=lambda lang: counts[lang])
    if counts[best] >= min_hits and counts[best] >= 2 * counts["en"]:
        return best
    return None


def _norm(code: str):
    code = code.lower()
    return None if code in ("en", "eng") else code
