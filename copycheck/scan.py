"""The scan: the enabled rules' patterns and the claim reader's words, compiled
once into one Matcher; blocks -> what each block holds, in one pass.

Blocks are joined by NUL, which no pattern crosses, and scanned a batch at a
time: one pass per batch, memory bounded on a huge file."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .matching import Hit, Matcher, Tag

BATCH = 1 << 20  # characters of block text scanned at once


@dataclass
class Scanned:
    """What the scan found in one block (positions in block.text)."""

    block: object
    hits: list  # Hit of the phrase rules
    named: list  # (treatment, start) of each treatment named
    verbs: list  # (start, end) of each claim verb
    counted: list  # (rule code, start, end) of each word a page-level rule counts


class Scanner:
    def __init__(self, rules, kinds, claims=None):
        """rules: the enabled rules; kinds: the registry; claims: the claim reader,
        whose treatments and verbs the scan marks too (None: not needed)."""
        terms = [r for r in rules if kinds[r.kind].scan == "hits"]
        if claims is not None:
            terms += [Tag("treatment", name, t) for name, t in claims.topics.treatment_terms.items()]
            terms.append(Tag("verb", "verb", claims.verb_patterns))
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
        found = [Scanned(b, [], [], [], []) for b in batch]
        for hit in self.matcher.hits(joined):
            i = bisect_right(starts, hit.start) - 1
            start, end, rule, into = hit.start - starts[i], hit.end - starts[i], hit.rule, found[i]
            if not isinstance(rule, Tag):
                into.hits.append(Hit(rule, start, end))
            elif rule.tag == "treatment":
                into.named.append((rule.name, start))
            elif rule.tag == "verb":
                into.verbs.append((start, end))
            else:
                into.counted.append((rule.name, start, end))
        del joined
        yield from found
