"""Document-level rule kinds: readability, balance and hype density.

Each kind is one function behind the same contract::

    check(rule, doc) -> [(block, start, end, message, suggestion)]

where ``doc`` is a ``Document`` (its blocks, and helpers shared by the kinds).
``KINDS`` is the registry the linter reads.  The words each rule counts live in
its YAML (``patterns``) and its thresholds in ``options``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .sentences import Sentences

PROSE = ("paragraph", "list", "text")  # block scopes that readability reads
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class Document:
    blocks: list
    lines: object  # LineIndex
    abbreviations: frozenset
    benefit: tuple | None = None  # (block, start, end, treatment): the first benefit claim, if the page makes one
    _cache: dict = field(default_factory=dict)

    def word_count(self):
        if "words" not in self._cache:
            self._cache["words"] = sum(len(_WORD.findall(b.text)) for b in self.blocks)
        return self._cache["words"]

    def prose(self):
        return [b for b in self.blocks if b.scope in PROSE]

    def line_of(self, block, pos):
        return self.lines.locate(block.source_span(pos, pos + 1)[0])[0]

    def longest_sentences(self, blocks, n=3):
        """(words, block, start, end) of the n longest sentences, longest first."""
        out = []
        for b in blocks:
            s = Sentences(b.text, self.abbreviations)
            for a, z in zip(s.ends, s.ends[1:]):
                words = len(_WORD.findall(b.text[a:z]))
                if words:
                    lead = len(b.text[a:z]) - len(b.text[a:z].lstrip())
                    out.append((words, b, a + lead, len(b.text[a:z].rstrip()) + a))
        out.sort(key=lambda x: -x[0])
        return out[:n]


def _describe_longest(doc, longest):
    return ", ".join(f"line {doc.line_of(b, a)} ({w} words)" for w, b, a, _ in longest)


def _scores(text):
    import textstat  # imported only when a readability rule runs: 0.7.3, pyphen only, no network

    return (round(textstat.flesch_kincaid_grade(text), 1), round(textstat.flesch_reading_ease(text), 1),
            round(textstat.smog_index(text), 1))


def readability(rule, doc: Document):
    """Flesch-Kincaid grade over the page's prose (scope: document) or one long
    paragraph (scope: paragraph); a finding above the target grade points at the
    longest sentence."""
    opts = rule.options
    target, min_words = float(opts.get("target_grade", 8)), int(opts.get("min_words", 100))
    prose = doc.prose()
    groups = [prose] if opts.get("scope", "document") == "document" else [[b] for b in prose]
    out = []
    for blocks in groups:
        text = "\n\n".join(b.text for b in blocks)
        if len(_WORD.findall(text)) < min_words:
            continue
        grade, ease, smog = _scores(text)
        if grade <= target:
            continue
        longest = doc.longest_sentences(blocks, 3 if len(groups) == 1 and len(blocks) > 1 else 1)
        _, block, start, end = longest[0]
        fields = dict(grade=grade, ease=ease, smog=smog, target=f"{target:g}", longest=_describe_longest(doc, longest))
        out.append((block, start, end, rule.message.format(**fields), rule.suggestion.format(**fields)))
    return out


def balance(rule, doc: Document):
    """A page that makes a benefit claim for a treatment must mention one of the
    rule's patterns (risks, or a consultation) somewhere."""
    if doc.benefit is None or doc.word_count() < int(rule.options.get("min_words", 40)):
        return []
    for b in doc.blocks:
        for p in rule.compiled():
            if p.search(b.text):
                return []
    block, start, end, treatment = doc.benefit
    fields = dict(treatment=treatment, claim=" ".join(block.text[start:end].split()))
    return [(block, start, end, rule.message.format(**fields), rule.suggestion)]


def density(rule, doc: Document):
    """Hype words per 1,000 words over the page; a finding above the threshold
    points at the first hype word of the worst paragraph."""
    opts = rule.options
    threshold, min_words = float(opts.get("per_1000_words", 10)), int(opts.get("min_words", 100))
    words, count, worst = doc.word_count(), 0, None
    for b in doc.blocks:
        found = [m for p in rule.compiled() for m in p.finditer(b.text)]
        count += len(found)
        if found and (worst is None or len(found) > worst[0]):
            first = min(found, key=lambda m: m.start())
            worst = (len(found), b, first.start(), first.end())
    if words < min_words or count < int(opts.get("min_count", 3)) or count * 1000 / words <= threshold:
        return []
    n, block, start, end = worst
    fields = dict(count=count, words=words, density=f"{count * 1000 / words:.0f}", threshold=f"{threshold:g}", worst=n)
    return [(block, start, end, rule.message.format(**fields), rule.suggestion)]


KINDS = {"readability": readability, "balance": balance, "density": density}
