"""The parts of a claim, read from its sentence (for copycheck/reading/claims.py): its modifier
words (claimrules/lexicon/words.yaml), found once and asked by position, and the
pieces of a predicate's claim read from them: the clause, a negator, the
strength (hedges, qualifiers, boosters) and the speech act."""
from __future__ import annotations

import re

from claimrules.cache import compiled
from claimrules.model import BOOSTED, DIRECT, HEDGED, QUALIFIED

_WORD = compiled(r"[\w'’%-]+")
DOUBLE_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}  # opening mark -> its closing mark
QUOTES = {**DOUBLE_QUOTES, "'": "'", "‘": "’"}  # ... and the single ones
_OPENING = compiled("[" + "".join(DOUBLE_QUOTES) + "]")
_LIST_TAIL = compiled(r"\s*(?:(?:[\w'’-]+\s+){0,3}(?:or|and|nor)\s+)?", re.IGNORECASE)  # "", "risk-free or "
_EITHER = compiled(r"\b(?:or|nor)\b", re.IGNORECASE)
_AND = compiled(r"\band\b", re.IGNORECASE)
_WHETHER = compiled(r"\bwhether\b", re.IGNORECASE)
LIST_ITEMS = 3  # list items back that a verb's negator reaches
CLAUSE = 160  # characters either side of a predicate that its clause may reach
NEAR = 4  # words either side of a predicate in which a booster raises it
REACH = 12  # words before a predicate that a hedge of benefit may stand in, across clause breaks
WINDOW = 12  # words before a predicate in which a negator denies a claim of a class that is not a harm
DENIAL_WINDOW = 3  # words before a word that denies a harm itself in which a negator takes it back ("not painless")


def normal(text: str) -> str:
    """The text with curly apostrophes straight (same length: positions hold)."""
    return text.replace("’", "'").replace("‘", "'")


class Sentence:
    """One sentence [s0, s1) of a block's normalised text: its modifier words, each
    kind found once (on first use) and then asked by position, and the pieces of a
    predicate's claim read from them (clause, negation, strength, speech act)."""

    __slots__ = ("m", "norm", "s0", "s1", "_words", "_spans", "_targets", "_openers", "_presupposing")

    def __init__(self, reader, norm, s0, s1):
        self.m, self.norm, self.s0, self.s1 = reader.m, norm, s0, s1
        self._words = None
        self._spans = {}
        self._targets = reader.targets
        self._openers = reader.openers
        self._presupposing = reader.presupposing

    @property
    def words(self):
        if self._words is None:
            self._words = [w.span() for w in _WORD.finditer(self.norm, self.s0, self.s1)]
        return self._words

    def spans(self, kind):
        got = self._spans.get(kind)
        if got is None:
            pattern = self._targets if kind == "targets" else self.m[kind]
            hi = min(len(self.norm), self.s1 + 2) if kind == "sources" else self.s1
            got = self._spans[kind] = [x.span() for x in pattern.finditer(self.norm, self.s0, hi)]
        return got

    def has(self, kind, lo, hi) -> bool:
        got = self._spans.get(kind)
        if got is None:  # not found over the sentence yet: look in [lo, hi) alone
            pattern = self._targets if kind == "targets" else self.m[kind]
            return pattern.search(self.norm, lo, hi) is not None
        return any(lo <= a and z <= hi for a, z in got)

    def words_in(self, lo, hi):
        return [(a, z) for a, z in self.words if lo <= a and z <= hi]

    def clause(self, start, end):
        """(start, end) of the clause around [start, end) inside the sentence (at most
        CLAUSE characters either side)."""
        norm, breaks = self.norm, self.m["clause_breaks"]
        c0 = max(self.s0, start - CLAUSE)
        for m in breaks.finditer(norm, c0, start):
            c0 = m.start() if norm[m.start():m.start() + 1].isalpha() else m.end()
        m = breaks.search(norm, end, min(self.s1, end + CLAUSE))
        c1 = m.start() if m else min(self.s1, end + CLAUSE)
        return c0, c1

    def alone(self, c0, c1, start, end) -> bool:
        """The clause holds no word but the predicate's ("..., guaranteed.")."""
        return _WORD.search(self.norm, c0, start) is None and _WORD.search(self.norm, end, c1) is None

    def negator_before(self, c0, start, harm, window=WINDOW):
        """The start of a negator before start (in the clause) that denies what starts
        there, or None.  harm: only a negator joined to it by bridge words (or words
        for a treatment) counts ("no need for rest", "no injection is risk-free");
        otherwise one within the last `window` words ("not a miracle cure")."""
        lo = c0
        if not harm:
            words = self.words_in(c0, start)
            lo = words[-window][0] if len(words) > window else c0
        negs = [m.span() for m in self.m["negators"].finditer(self.norm, lo, start)]
        if not negs:
            return None
        fakes = [m.span() for m in self.m["not_negators"].finditer(self.norm, c0, min(self.s1, start + 40))]
        negs = [(a, z) for a, z in negs if not any(fa <= a < fz for fa, fz in fakes)]
        if not negs:
            return None
        a, z = negs[-1]
        if not harm:  # a determiner's denial ("no", "without") ends at "and": "tan without the sun and protect ..."
            return None if _AND.search(self.norm, z, start) and not self.m["list_negators"].match(self.norm, a) else a
        between = [self.norm[x:y] for x, y in self.words_in(z, start)]
        ok = len(between) <= 4 and all(w.lower() in self.m["bridge"] or self.m["treatment_words"].fullmatch(w)
                                       for w in between)
        return a if ok else None

    def listed_negator(self, c0, start, harm):
        """The start of a verb's negator (words.yaml: list_negators) before a list that the
        word continues, or None: in "it is not painless, scarless or permanent" each item is
        denied; in "no downtime, safe and effective" only the downtime is.  A determiner's
        ("no", "without") reaches a list joined by "or" ("no needles, pain or downtime")."""
        either = None  # the list is joined by "or" or "nor"
        for tail, (c0, start) in self._items_before(c0, start):
            if either is None:
                either = _EITHER.search(self.norm, *tail) is not None
            neg = self.negator_before(c0, start, harm, WINDOW)  # a verb's negation reaches its list
            if neg is not None:
                return neg if either or self.m["list_negators"].match(self.norm, neg) else None
        return None

    def _items_before(self, c0, start):
        """For each list item before the clause [c0, start) that continues a list ("..., and
        removes"), nearest first, at most LIST_ITEMS: ((c0, start) of the clause that continues
        it, (its clause's start, its last word's start))."""
        norm = self.norm
        for _ in range(LIST_ITEMS):
            if c0 <= self.s0 or norm[c0 - 1] != "," or not _LIST_TAIL.fullmatch(norm, c0, start):
                return
            words = self.words_in(self.s0, c0 - 1)
            if not words:
                return
            item, item_end = words[-1]  # the list's item before this one
            tail = (c0, start)
            c0, start = self.clause(item, item_end)[0], item
            yield tail, (c0, start)

    def listed_qualifier(self, c0, start) -> bool:
        """A qualifier in an earlier item of the list the predicate ends: "can help improve
        texture, even out tone and remove dark spots" is qualified throughout."""
        return any(self.has("qualifiers", a, z) for _, (a, z) in self._items_before(c0, start))

    def coordinated_qualifier(self, c0, start) -> bool:
        """A qualifier before a verb phrase that the predicate's own verb phrase is joined to by
        "and" or "or": "can improve scalp health and boost growth" is qualified in both."""
        words = self.words_in(c0, start)
        if len(words) < 2 or self.norm[words[-1][0]:words[-1][1]].lower() not in ("and", "or"):
            return False
        before = words[-REACH:-1]
        return bool(before) and self.has("qualifiers", before[0][0], words[-1][0])

    def denied_after(self, end, c1) -> bool:
        """Words right after a harm deny it ("bruising simply doesn't happen")."""
        return denied_after(self.m, self.norm, end, c1)

    def boosted(self, c0, c1, start, end) -> bool:
        """A booster within NEAR words of the predicate, in its clause."""
        before = self.words_in(c0, start)[-NEAR:]
        after = self.words_in(end, c1)[:NEAR]
        near_lo = before[0][0] if before else start
        near_hi = after[-1][1] if after else end
        return self.has("boosters", near_lo, start) or self.has("boosters", end, near_hi)

    def strength(self, wc, c0, c1, start, end, boosted):
        s0 = self.s0
        for m in self.m["new_predicate"].finditer(self.norm, c0, start):  # "... and has no side effects"
            c0 = s0 = m.start()
        lo = c0
        if not wc.harm:  # a hedge of benefit reaches back to the last contrast in the sentence
            lo = s0
            for m in self.m["contrasts"].finditer(self.norm, max(s0, start - CLAUSE), start):
                lo = m.end()
            sub = self.m["subordinators"].match(self.norm, _skip_space(self.norm, lo))
            if sub:  # "While it may take time, it removes ...": the main clause starts after the comma
                comma = self.norm.find(",", sub.end(), start)
                lo = comma + 1 if comma >= 0 else lo
            words = self.words_in(lo, start)
            lo = max(lo, min(c0, words[-REACH][0])) if len(words) > REACH else lo
        def either(kind):
            return self.has(kind, lo, start) or self.has(kind, end, c1)
        benefit = not (wc.harm or wc.minimises)
        weak = benefit and (either("weak_hedges") or self.has("framing", s0, start))
        minimised = wc.harm and (self.has("minimisers", c0, start) or self.has("relative_to", end, min(c1, end + 80)))
        counted = wc.quantified and either("quantifiers")
        if counted and (boosted or wc.strength >= BOOSTED or wc.absolute) \
                and self._broad_only(lo, start, end, c1):
            counted = False  # "for most patients, ... completely clear": a scope, not a hedge, of a boosted claim
        s = wc.strength
        if weak or minimised or counted or either("hedges"):
            s = QUALIFIED if boosted else HEDGED  # "may completely": still hedged, a step up
        elif boosted:
            s = max(s, DIRECT) + 1  # "can significantly": the booster wins over "can", a step above direct
        else:
            before = self.words_in(c0, start)[-NEAR:]
            if before and self.has("qualifiers", before[0][0], start) or self.listed_qualifier(c0, start) \
                    or self.coordinated_qualifier(c0, start):
                s = min(s, QUALIFIED)
        if self.has("vary", s0, self.s1):
            s -= 1
        return max(HEDGED, min(BOOSTED, s))  # read at hedged at least (a claim is made), boosted at most

    def _broad_only(self, lo, start, end, c1) -> bool:
        """Every quantifier around the predicate is one that speaks of most people ("most
        patients", "for many"), none of some ("some", "a few", "depending on")."""
        spans = [(a, z) for a, z in self.spans("quantifiers") if lo <= a and z <= start or end <= a and z <= c1]
        broad = self.spans("broad_scope")
        return bool(spans) and all(any(ba <= a and z <= bz for ba, bz in broad) for a, z in spans)

    def answer(self):
        """"no" or "yes" when an emphatic answer follows the sentence, a question ("Does it
        hurt? Not at all."), else None."""
        norm = self.norm
        if not norm[self.s0:self.s1].rstrip().endswith("?"):
            return None
        at = _skip_space(norm, self.s1)
        for kind in ("no", "yes"):
            found = self.m["answers_" + kind].match(norm, at)
            if found is not None:
                return kind
        return None

    def speech(self, c0, start, end, answered=False):
        """answered: an answer after the question makes its claim (Sentence.answer)."""
        norm, s0, s1 = self.norm, self.s0, self.s1
        sentence = norm[s0:s1].strip().rstrip("\"'”’)]*")
        invites = sentence.endswith("?") and self.invites()
        if sentence.endswith("?") and not answered and not invites:
            # a yes/no question ("Is it painful?") or an elliptical one ("Safe for all skin types?")
            # asks; a wh-question ("What are permanent fillers?") and a declarative one ("It is
            # painless?") still assert what they say
            words = [norm[a:z].lower() for a, z in self.words]
            if words and (words[0] in self._openers or words[0] not in self.m["wh_words"] and not self._openers.intersection(words)):
                return "question"
            if words and words[0] == "how" and len(self.words) > 1 and self.words[1][0] == start:
                return "question"  # "How safe is it?", "How painful is a peel?" ask how much, asserting nothing
            # a yes/no question after a lead-in ("Like fillers, is Botox painless?") or one asked
            # inside the sentence ("Curious whether the laser is painless?") asks too
            lead = self.words_in(c0, start)
            if c0 > s0 and lead and norm[lead[0][0]:lead[0][1]].lower() in self._openers:
                return "question"
            if _WHETHER.search(norm, s0, start):
                return "question"
        first = _skip_space(norm, c0)
        if any(a in (c0, first) for a, _ in self.spans("conditionals")):
            return "condition"
        if not invites and self.has("expectations", c0, start):
            return "expectation"
        if self.has("purposes", s0, start):
            return "purpose"
        if self.testimonial(start, end):
            return "testimonial"
        return "assertion"

    def invites(self) -> bool:
        """The sentence opens as an invitation ("Ready for ...", "Are you looking to ...",
        "Why not ..."): a question that takes its claim for granted (cues.yaml: presupposing)."""
        if self._presupposing is None or not self.words:
            return False
        return self._presupposing.match(self.norm, self.words[0][0]) is not None

    def testimonial(self, start, end):
        """The predicate stands inside quotation marks whose words are in the first person."""
        norm, s0, s1 = self.norm, self.s0, self.s1
        lo = max(0, s0 - 1)
        for i in range(start - 1, lo - 1, -1):
            close = DOUBLE_QUOTES.get(norm[i])
            if close is None:
                continue
            j = norm.find(close, end, min(len(norm), s1 + 2))
            if j < 0:
                return False
            quoted = _WORD.findall(norm, i + 1, j)
            return any(w.lower() in self.m["first_person"] for w in quoted)
        return False

    def target_end(self, end, c1):
        """Where the target after a predicate ends ("improves skin texture"), or end."""
        at = end
        for a, z in [m.span() for m in self._targets.finditer(self.norm, end, min(c1, end + 60))]:
            if self.norm[at:a].strip(" ") and at != end:
                break  # only targets that follow one another
            if at == end and self.norm[end:a].count(" ") > 3:
                break  # the predicate's own object: a few words on at most
            at = max(at, z)
        return at


def denied_after(m, norm, end, c1) -> bool:
    """The words right after a harm ending at end, inside [.., c1), deny it (m: the modifiers)."""
    found = m["denied_after"].match(norm, _skip_space(norm, end))
    return found is not None and found.end() <= c1


def _skip_space(text, i):
    while i < len(text) and text[i].isspace():
        i += 1
    return i
