"""Fact sheets: evidence documents written for copycheck, one per treatment
(seeds/facts/).  The front matter names the treatment, the public sources
(title, publisher, address, date) and the wording advice may use (slots of
claimrules/lexicon/topics.yaml: advice_slots), each with its source; each
statement is a list item that ends with its source's key ("... apart. [nhs]"),
under a heading that names its topic ("## Sessions").  The builder
(evidence_build.py) reads the statements like any document's."""
from __future__ import annotations

import re
from pathlib import Path

from claimrules.cache import compiled
from claimrules.topics import Topics
from claimrules.yamllib import LineDict, RulebookError, check_keys, did_you_mean, load_yaml

_FRONT = compiled(r"---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", re.S)
CITE = compiled(r"\s*\[([A-Za-z][\w-]*)\]\s*$")  # "... 4 to 6 weeks apart. [nhs]"
SOURCE_KEYS = ("title", "publisher", "url", "date")


class Sheet:
    """A fact sheet: a document whose front matter names its treatment and its sources,
    each statement a list item ending in its source's key ("[nhs]"), under a heading
    that names its topic ("## Sessions").  advice: slot -> {text, cite}."""

    def __init__(self, treatment, sources, advice, doc_kind):
        self.treatment, self.sources, self.advice, self.doc_kind = treatment, sources, advice, doc_kind

    def cite(self, key) -> str:
        s = self.sources[key]
        return f"{s['publisher']}, \"{s['title']}\" ({s['date']}), {s['url']}"


def read_sheet(path: str, source: str, lex: Topics, slots) -> Sheet | None:
    """The fact sheet's front matter, checked; None when the document is not a fact sheet."""
    m = _FRONT.match(source)
    if not m or not re.search(r"^sources\s*:", m.group(1), re.M):
        return None
    fm = load_yaml(Path(path), "\n" + m.group(1))  # the blank first line keeps line numbers true
    if not isinstance(fm, LineDict):
        raise RulebookError(path, 2, "a fact sheet's front matter must be a mapping")
    check_keys(path, fm, {"title", "treatment", "kind", "sources", "advice"}, ("treatment", "sources"))
    treatment = fm["treatment"]
    if treatment not in lex.treatments:
        raise RulebookError(path, fm.line_of("treatment"),
                            f"unknown treatment '{treatment}' (claimrules/lexicon/topics.yaml){did_you_mean(str(treatment), lex.treatments)}")
    sources = fm["sources"]
    if not isinstance(sources, LineDict) or not sources:
        raise RulebookError(path, fm.line_of("sources"), "sources must map a key to title, publisher, url and date")
    for key, src in sources.items():
        if not isinstance(src, LineDict):
            raise RulebookError(path, sources.line_of(key), f"source '{key}' must map title, publisher, url and date")
        check_keys(path, src, set(SOURCE_KEYS), SOURCE_KEYS)
        if not str(src["url"]).startswith(("https://", "http://")):
            raise RulebookError(path, src.line_of("url"), f"source '{key}': url must be an http(s) address")
    sheet = Sheet(treatment, sources, {}, fm.get("kind", "review"))
    for slot, item in (fm.get("advice") or {}).items():
        line = fm["advice"].line_of(slot)
        if slot not in slots:
            raise RulebookError(path, line, f"unknown advice slot '{slot}'{did_you_mean(slot, slots)}")
        if not isinstance(item, LineDict) or "text" not in item or item.get("source") not in sources:
            raise RulebookError(path, line, f"advice '{slot}' needs a text and the key of one of the sources")
        sheet.advice[slot] = {"text": " ".join(str(item["text"]).split()), "cite": sheet.cite(item["source"])}
    return sheet


