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


_SYLLABLES: dict = {}  # word -> syllables, for the whole process


def _syllables(word: str) -> int:
    n = _SYLLABLES.get(word)
    if n is None:
        import textstat  # imported only when a readability rule runs: 0.7.3, pyphen only, no network

        n = _SYLLABLES[word] = max(1, textstat.syllable_count(word))
    return n


@dataclass
class Counts:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0

    def add(self, other):
        self.words += other.words
        self.sentences += other.sentences
        self.syllables += other.syllables
        self.polysyllables += other.polysyllables

    def scores(self):
        """Flesch-Kincaid grade, Flesch reading ease and SMOG, textstat's formulas
        over summed counts (so a page is scored from its paragraphs in one pass)."""
        wps = self.words / max(1, self.sentences)
        spw = self.syllables / max(1, self.words)
        grade = 0.39 * wps + 11.8 * spw - 15.59
        ease = 206.835 - 1.015 * wps - 84.6 * spw
        smog = 1.043 * (self.polysyllables * 30 / max(1, self.sentences)) ** 0.5 + 3.1291
        return round(grade, 1), round(ease, 1), round(smog, 1)


def _counts(doc, block) -> Counts:
    key = ("counts", id(block))
    c = doc._cache.get(key)
    if c is None:
        words = [w.lower() for w in _WORD.findall(block.text)]
        syl = [_syllables(w) for w in words]
        ends = Sentences(block.text, doc.abbreviations).ends
        sentences = sum(1 for a, z in zip(ends, ends[1:]) if block.text[a:z].strip()) if words else 0
        c = doc._cache[key] = Counts(len(words), sentences, sum(syl), sum(1 for n in syl if n >= 3))
    return c


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
        total = Counts()
        for b in blocks:
            total.add(_counts(doc, b))
        if total.words < min_words:
            continue
        grade, ease, smog = total.scores()
        if grade <= target:
            continue
        longest = doc.longest_sentences(blocks, 3 if len(groups) == 1 and len(blocks) > 1 else 1)
        _, block, start, end = longest[0]
        fields = dict(grade=grade, ease=ease, smog=smog, target=f"{target:g}", longest=_describe_longest(doc, longest))
        out.append((block, start, end, rule.message.format(**fields), rule.suggestion.format(**fields)))
    return out


_ALTERNATIONS: dict = {}


def _alternation(rule):
    """A rule's patterns as one regex (one pass per block, however many words)."""
    p = _ALTERNATIONS.get(rule.code)
    if p is None:
        from claimrules.patterns import alternation

        p = _ALTERNATIONS[rule.code] = alternation(rule.patterns, rule.source)
    return p


def balance(rule, doc: Document):
    """A page that makes a benefit claim for a treatment must mention one of the
    rule's patterns (risks, or a consultation) somewhere."""
    if doc.benefit is None or doc.word_count() < int(rule.options.get("min_words", 40)):
        return []
    mention = _alternation(rule)
    for b in doc.blocks:
        if mention.search(b.text):
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
    hype = _alternation(rule)
    for b in doc.blocks:
        found = list(hype.finditer(b.text))
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
