"""The scan: the enabled rules' patterns and the claim reader's words, compiled
once into one Matcher; blocks -> what each block holds, in one pass.

Blocks are joined by NUL, which no pattern crosses, and scanned a batch at a
time: one pass per batch, memory bounded on a huge file."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from claimrules.cache import remembered

from .matching import Hit, Matcher, Tag

BATCH = 1 << 18  # characters of block text scanned at once


class WordHit(NamedTuple):
    """A predicate word of the claim reader, found by the scan (positions in block.text)."""

    cls: str  # its word class (lexicon/words.yaml)
    start: int
    end: int
    denial: bool  # one of the class's denials ("painless" for pain), not one of its terms


class Named(NamedTuple):
    """A treatment named in a block."""

    treatment: str
    start: int


@dataclass
class Scanned:
    """What the scan found in one block (positions in block.text)."""

    block: object
    hits: list  # Hit of the phrase rules
    named: list  # Named: each treatment named
    words: list  # WordHit: each predicate word of the claim reader
    counted: list  # (rule code, start, end) of each word a page-level rule counts
    domain: dict  # "health" / "other" -> how many domain words (lexicon/domain.yaml)


class Scanner:
    def __init__(self, rules, kinds, claims=None, domain=None):
        """rules: the enabled rules; kinds: the registry; claims: the claim reader,
        whose treatments and predicate words the scan marks too (None: not needed);
        domain: the domain words to count (None: not needed)."""
        terms = [r for r in rules if kinds[r.kind].scan == "hits"]
        if claims is not None:
            terms += [Tag("treatment", name, t) for name, t in claims.topics.treatment_terms.items()]
            for wc in claims.classes.values():
                terms.append(Tag("word", wc.name, wc.terms))
                if wc.denials:
                    terms.append(Tag("denial", wc.name, wc.denials))
        if domain is not None:
            terms += [Tag("domain", "health", domain.health, True), Tag("domain", "other", domain.other, True)]
        terms += [Tag("count", r.code, r.patterns) for r in rules if kinds[r.kind].scan == "count"]
        self.matcher = Matcher(terms)

    def blocks(self, blocks):
        """Scanned, for each block, in order."""
        batch, size = [], 0
        for block in blocks:
            batch.append(block)
            size += len(block.text) + 1
            if size >= BATCH:
                yield from self._batch(batch)
                batch, size = [], 0
        if batch:
            yield from self._batch(batch)

    def _batch(self, batch):
        joined = "\x00".join(b.text for b in batch)
        starts, at = [], 0
        for b in batch:
            starts.append(at)
            at += len(b.text) + 1
        found = [Scanned(b, [], [], [], [], {}) for b in batch]
        tally = []
        for hit in self.matcher.hits(joined, tally):
            i = bisect_right(starts, hit.start) - 1
            start, end, rule, into = hit.start - starts[i], hit.end - starts[i], hit.rule, found[i]
            if not isinstance(rule, Tag):
                into.hits.append(Hit(rule, start, end))
            elif rule.tag == "treatment":
                into.named.append((rule.name, start, end))
            elif rule.tag == "word" or rule.tag == "denial":
                into.words.append(WordHit(rule.name, start, end, rule.tag == "denial"))
            elif rule.tag == "domain":  # a domain word that is not a plain word
                into.domain[rule.name] = into.domain.get(rule.name, 0) + 1
            else:
                into.counted.append((rule.name, start, end))
        for f in found:
            if f.named:
                f.named, spans = _longest(f.named)
                if f.words:  # a treatment's own name claims nothing ("fat-dissolving injections")
                    f.words = _outside(f.words, spans)
        for pos, rule in tally:  # the plain domain words, counted
            counts = found[bisect_right(starts, pos) - 1].domain
            counts[rule.name] = counts.get(rule.name, 0) + 1
        del joined
        yield from found


def _longest(named):
    """Named: each name that no longer name holds ("radiofrequency
    microneedling" holds "microneedling": one treatment is named, not two), and the
    (start, end) spans of those names, in start order.  One sweep in start order, so a
    block that repeats a name costs linear time."""
    out, spans, reach, span = [], [], -1, None
    for n, a, z in sorted(named, key=lambda h: (h[1], -h[2])):
        if z <= reach and (a, z) != span:
            continue  # inside a longer name
        out.append(Named(n, a))
        if z > reach:
            reach, span = z, (a, z)
            spans.append(span)
    return sorted(out, key=lambda h: h[1]), spans


def _outside(words, spans):
    """The predicate words that do not lie inside a treatment's name."""
    starts = [a for a, _ in spans]
    out = []
    for w in words:
        i = bisect_right(starts, w.start) - 1
        if i < 0 or w.end > spans[i][1]:
            out.append(w)
    return out


SELECTIONS_KEPT = 3  # rule selections whose compiled scan the start-up cache keeps, the last used
_COMPILED: dict = {}  # (rulebook, enabled codes) -> (claim reader, domain words, Scanner): once per process


def compiled_scan(rulebook, codes, kinds):
    """(claim reader, domain words, Scanner) for the enabled rule codes: built once per process,
    and for the built-in rulebook remembered between runs (claimrules/cache.py)."""
    if rulebook.shared:  # the built-in rulebook: remembered between runs too (claimrules/cache.py)
        key = ("copycheck.scan.compiled_scan", codes, tuple(sorted(kinds)))
        return remembered(key, lambda: _build(rulebook, codes, kinds), keep=SELECTIONS_KEPT)
    key = (id(rulebook), codes, id(kinds))
    hit = _COMPILED.get(key)
    if hit is not None and hit[0] is rulebook:
        return hit[1:]
    built = _build(rulebook, codes, kinds)
    _COMPILED[key] = (rulebook, *built)
    return built


def _build(rulebook, codes, kinds):
    rules = [r for r in rulebook.rules.values() if r.code in codes]
    reader = domain = None
    if any(kinds[r.kind].reads_claims for r in rules):
        from .claims import reader as claim_reader

        reader = claim_reader()
    if any(kinds[r.kind].domain for r in rules):
        from claimrules.words import load_domain

        domain = load_domain()
    return reader, domain, Scanner(rules, kinds, reader, domain)
