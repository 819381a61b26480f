"""What a block-stage check of a rule kind reads: one block, its sentences,
what the scan found in it, and its claims, read once on first use."""
from __future__ import annotations

from dataclasses import dataclass

from .advice import Names
from .claim_parts import normal
from .claims import in_reach
from .sentences import Sentences


@dataclass
class BlockContext:
    """What a block-stage check reads: the block, its sentences, what the scan found,
    and (read once, on first use) the block's claims."""

    block: object
    text: str
    lexicon: object
    hits: list  # phrase-rule hits, ignored rules left out
    named: list  # Named (scan.py) of the treatments the block speaks of (not those it compares them with)
    treatments: list  # treatments in reach: named here, or in the heading above
    context: list  # the heading's treatments, else the one the page named last (what a claim falls back on)
    words: list  # WordHit (scan.py) of the claim reader's predicate words
    reader: object  # the claim reader (copycheck/reading/claims.py), or None
    evidence: object  # the evidence base
    wants: dict | None = None  # word class -> how the enabled rules read it (claims.py: read)
    names: Names | None = None  # where the page names each treatment (for the advice's wording)
    _claims: list | None = None
    _norm: str | None = None
    _sentences: Sentences | None = None

    @property
    def sentences(self) -> Sentences:
        """The block's sentences, split on first use (a block whose words no rule reads needs none)."""
        if self._sentences is None:
            self._sentences = Sentences(self.text, self.lexicon.abbreviations)
        return self._sentences

    @property
    def norm(self) -> str:
        if self._norm is None:
            self._norm = normal(self.text)
        return self._norm

    def read(self) -> list:
        """The block's claims (copycheck/reading/claims.py), read once."""
        if self._claims is None:
            self._claims = [] if self.reader is None or not self.words else self.reader.read(
                self.text, self.sentences, self.words, self.named, self.context, self.norm, self.wants)
        return self._claims

    def treatment_at(self, pos) -> str | None:
        """The treatment a phrase at pos is about: the nearest named in its sentence, then
        before it in the block, then the heading's or the page's (claims.py: in_reach)."""
        if not self.named and not self.context:
            return None
        s0, s1 = self.sentences.span(pos)
        reach = in_reach(pos, s0, s1, self.named, self.context)
        return reach[0] if reach else None

    def words_for(self, treatment, pos) -> str | None:
        """The copy's words for treatment near block position pos."""
        if self.names is None or treatment is None:
            return None
        return self.names.words_for(treatment, self.block.source_span(pos, pos)[0])

    def invasive(self, claim) -> bool:
        """Whether the claim's treatment goes through the skin (lexicon/topics.yaml: invasive):
        its sentence speaks of needles or injections, or the treatment it is about does: the
        one its sentence names, else the block's first before it (its subject), else the heading's."""
        topics = self.reader.topics
        s0, s1 = self.sentences.span(claim.start)
        negators = self.reader.m["negators"]
        for m in topics.invasive_words.finditer(self.text, s0, s1):
            if not negators.search(self.norm, max(s0, m.start() - 12), m.start()):  # not "no needles"
                return True
        here = [name for name, at in self.named if s0 <= at < s1]
        if here:
            return any(name in topics.invasive for name in here)
        before = [n for n in self.named if n.start < s0]
        if before:
            return min(before, key=lambda n: n.start).treatment in topics.invasive
        return any(name in topics.invasive for name in self.context)
