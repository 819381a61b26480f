"""The claim reader: each predicate word the scan found, read in its clause as a
claim with parts (predicate, polarity, strength, scope, speech act, what it is
about, the treatment in reach, numbers and their source).

The words live in claimrules/lexicon/words.yaml; the rules that judge claims are
declarative over these parts (copycheck/kinds/claim.py).  The same reader serves
the evidence kind (CC301) and the page-level balance check."""
from __future__ import annotations

import re
from bisect import bisect_right

from dataclasses import dataclass
from claimrules.cache import memo

from claimrules import load_lexicon
from claimrules.topics import topics
from claimrules.model import BOOSTED, Want  # noqa: F401 - Want: how read() takes wants
from claimrules.words import STRENGTHS, load_words

from .claim_parts import _OPENING, DENIAL_WINDOW, WINDOW, Sentence, denied_after, normal

TESTIMONIAL_ONLY = ("testimonial",)


@dataclass
class Claim:
    start: int  # the predicate word's span in the block text
    end: int
    predicate: str
    polarity: str  # asserted | denied
    strength: int  # index in claimrules.words.STRENGTHS
    scope: str  # universal | ""
    speech: str  # assertion | question | condition | expectation | purpose | testimonial
    about: frozenset  # of: treatment, results, target, research, harm, benefit
    treatment: str | None  # the treatment in reach, nearest first
    sourced: bool
    clause: tuple  # (start, end) in the block text

    def parts(self) -> dict:
        """The parts a reviewer reads in the JSON report."""
        return {"predicate": self.predicate, "polarity": self.polarity, "strength": STRENGTHS[self.strength],
                "scope": self.scope or "specific", "speech": self.speech, "subject": self.treatment or
                next((a for a in ("treatment", "results", "research", "target") if a in self.about), "unknown")}


class ClaimReader:
    def __init__(self):
        from claimrules.words import modifier_regex, modifier_terms

        self.words = load_words()
        self.classes = self.words.classes
        self.m = self.words.modifiers
        self.topics = topics()
        self.efficacy = [t for t in self.topics.topics if t.group == "efficacy"]
        self.benefits = frozenset(self.words.benefits)
        question = load_lexicon().cues["question"]
        self.openers = question.openers  # yes/no question words (lexicon/cues.yaml)
        self.presupposing = question.presupposing  # openings of a question that invites: it claims
        # what treatments act on: words.yaml's targets and the efficacy topics' terms, one regex
        self.targets = modifier_regex(modifier_terms("target_words") + self.topics.efficacy_terms, self.words.path)
        self.compared = re.compile(r"(?:%s)\W+(?:(?:%s)\s+)*$" % (self.m["comparators"].pattern,
                                   self.m["compared_fillers"].pattern), re.IGNORECASE)

    def subjects(self, norm, named):
        """The treatments named in a block that a claim may be about: not those named as what
        another is compared with ("a non-surgical alternative to liposuction")."""
        return [n for n in named if not self.compared.search(norm[max(0, n.start - 60):n.start])]

    # -- reading (the pieces of a sentence: copycheck/reading/claim_parts.py) ---------------

    def read(self, text, sentences, hits, named, treatments, norm=None, wants=None):
        """The claims of one block.  hits: the scan's WordHits (class, start, end, denial);
        named: Named (treatment, start) of treatments named in the block; treatments: what a
        claim with none of its own is about (the heading's, else the page's last named).  wants: class -> the
        Wants some rule reads it with; a claim no rule can use is not read further (None: read every claim)."""
        norm = norm if norm is not None else normal(text)
        keep = None if wants is None else {(c, a) for c, a, z, d in hits if c in wants
                                            and not self._unwanted(self.classes[c], norm, a, z, d, wants[c])}
        if keep is not None and not keep:
            return []  # a quick look finds nothing any rule reads: the block's sentences are not read
        out = []
        by_sentence: dict = {}
        denied = _Covers((c, a, z) for c, a, z, d in hits if d)
        for cls, start, end, denial in hits:
            if not denial and denied.covers(cls, start):
                continue  # "risk" inside "risk-free" is read with its denial
            by_sentence.setdefault(sentences.span(start), []).append((cls, start, end, denial))
        for (s0, s1), group in by_sentence.items():
            classes_here = [(self.classes[c], a, z) for c, a, z, _ in group]
            denials_here = [(a, z) for _, a, z, d in group if d]
            marks = Sentence(self, norm, s0, max([s1] + [z for _, _, z, _ in group]))
            for cls, start, end, denial in group:
                if keep is not None and (cls, start) not in keep:
                    continue
                claim = self._read_one(marks, cls, start, end, denial, classes_here, denials_here, named,
                                       treatments, None if wants is None else wants[cls])
                if claim is not None:
                    out.append(claim)
        return out

    def _unwanted(self, wc, norm, start, end, denial, wants) -> bool:
        """A quick look near the predicate: no rule can read this claim (a harm no
        negator denies, a judgement no booster raises, a quote no one speaks)."""
        lo, hi = max(0, start - 48), min(len(norm), end + 48)
        if all(w.polarity == "denied" for w in wants) and wc.harm and not denial:
            return self.m["negators"].search(norm, lo, start) is None and not denied_after(self.m, norm, end, hi) \
                and "?" not in norm[end:hi]  # a question may be answered ("Does it hurt? Never.")
        if all(w.strength > wc.strength or w.speech == TESTIMONIAL_ONLY for w in wants):
            if self.m["boosters"].search(norm, lo, start) or self.m["boosters"].search(norm, end, hi):
                return False
            return not any(w.speech == TESTIMONIAL_ONLY for w in wants) or not _OPENING.search(
                norm, max(0, start - 300), start)
        return False

    def _read_one(self, marks, cls, start, end, denial, classes_here, denials_here, named, treatments,
                  wants=None):
        wc = self.classes[cls]
        norm, s0, s1 = marks.norm, marks.s0, marks.s1
        if wc.exceptions is not None:
            for m in wc.exceptions.finditer(norm, max(s0, start - 60), min(s1, end + 100)):  # in its sentence
                if m.start() <= start < m.end() or start <= m.start() < end:
                    return None
        c0, c1 = marks.clause(start, end)
        # what the claim is about is read in its clause, or, where the clause is the predicate
        # alone ("Thicker hair, guaranteed.", "Immediately - you leave looking fresher."), in its sentence
        b0, b1 = (s0, s1) if marks.alone(c0, c1, start, end) else (c0, c1)
        in_clause = [(w, a, z) for w, a, z in classes_here if b0 <= a < b1 and a != start]
        # a denial that opens with its own negator ("no downtime") is not taken back by another
        # one before it ("no incisions, no surgery and no downtime")
        own = denial and self.m["negators"].match(norm, start) is not None
        negator = None if own else marks.negator_before(c0, start, wc.harm and not denial,
                                                        DENIAL_WINDOW if denial else WINDOW)
        if negator is not None and any(a <= negator < z for a, z in denials_here if a != start):
            negator = None  # the "no" of another denial ("a no-downtime treatment suitable for all")
        if negator is None and not own:  # "is not painless, scarless or permanent"
            negator = marks.listed_negator(c0, start, wc.harm and not denial)
        negated = negator is not None
        answer = marks.answer()
        if answer == "no" and self.m["presupposing"].intersection(
                w.lower() for w in norm[max(c0, start - 40):start].split()[-2:]):
            answer = None  # "Are these marks scars? No.": the marks are there; what is asked of them is denied
        if wc.harm and not denial and not negated and (marks.denied_after(end, s1) or answer == "no"):
            negated, negator = True, start  # "complications simply don't happen", "Does it hurt? Never."
        if wc.harm:
            polarity = "denied" if denial != negated else "asserted"
        else:
            polarity = "denied" if negated else "asserted"
        if wants is not None:
            wants = [w for w in wants if w.polarity == polarity]
            if not wants:
                return None
        boosted = marks.boosted(c0, c1, start, end)
        if wants is not None:  # the strongest this claim can be read at: is any rule left to read it?
            bound = BOOSTED if boosted else wc.strength
            wants = [w for w in wants if bound >= w.strength]
            if not wants or all(w.speech == TESTIMONIAL_ONLY for w in wants) and not marks.testimonial(start, end):
                return None
        strength = marks.strength(wc, c0, c1, start, end, boosted)  # read at the predicate itself
        if wants is not None:
            wants = [w for w in wants if strength >= w.strength]
            if not wants:
                return None
        speech = marks.speech(c0, start, end, answer == "yes" or answer == "no" and wc.harm and negated)
        if wants is not None and not any(speech in w.speech for w in wants):
            return None
        shown = negator if negated and polarity == "denied" else start  # "no downtime", not "downtime"
        about = set()
        if any(w.harm for w, _, _ in in_clause):
            about.add("harm")
        if marks.has("targets", b0, b1):
            about.add("target")
        if marks.has("result_words", b0, b1):
            about.add("results")
        if any(w.name in self.benefits for w, _, _ in in_clause) or marks.has("result_words", s0, s1):
            about.add("benefit")  # the clause makes a claim of benefit, or the sentence promises a result
        if any(s0 <= at < s1 for _, at in named) or marks.has("treatment_words", s0, s1):
            about.add("treatment")
        if any(c0 <= at < c1 for _, at in named):
            about.add("named")
        if marks.has("research_words", c0, start):
            about.add("research")
        if not self._needs_met(wc, about):
            return None
        reach = in_reach(start, s0, s1, named, treatments, c1)
        shown_end = marks.target_end(end, c1) if "target" in wc.needs else end
        return Claim(
            start=shown, end=shown_end, predicate=cls, polarity=polarity,
            strength=strength,
            scope="universal" if wc.name == "scope" or marks.has("universal", c0, c1) else "",
            speech=speech, about=frozenset(about),
            treatment=reach[0] if reach else None,
            sourced=marks.has("sources", s0, min(len(norm), s1 + 2)), clause=(c0, c1),
        )

    def _needs_met(self, wc, about):
        for need in wc.needs:
            if need == "target" and "target" not in about:
                return False
            if need == "subject" and not about & {"treatment", "results", "target"}:
                return False
            if need == "benefit" and not about & {"results", "target", "benefit", "named"}:
                return False
            if need == "harm" and "harm" not in about:
                return False
        return True

    # -- the evidence kind (CC301) ------------------------------------------------

    def topic_of(self, norm, claim):
        """The efficacy topic named in the claim's clause nearest to its predicate, or None."""
        best = None
        for t in self.efficacy:
            for m in t.terms.finditer(norm, *claim.clause):
                d = abs(m.start() - claim.end)
                if best is None or d < best[0]:
                    best = (d, t, m)
        return best


def in_reach(pos, s0, s1, named, treatments, c1=None):
    """The treatments a claim at pos may be about, nearest first: those named in its
    sentence, then those named before it in its block, then the heading's.  c1: where the
    claim's clause ends; a name after it ("it is safe, since it uses ... fillers") comes last."""
    later = c1 if c1 is not None else s1
    here = sorted((abs(pos - at), name) for name, at in named or () if s0 <= at < later)
    before = sorted((pos - at, name) for name, at in named or () if at < s0)
    after = sorted((at, name) for name, at in named or () if later <= at < s1)
    out = []
    for name in [n for _, n in here] + [n for _, n in before] + list(treatments) + [n for _, n in after]:
        if name not in out:
            out.append(name)
    return out


@memo
def reader() -> ClaimReader:
    """The claim reader, once per process."""
    return ClaimReader()


class _Covers:
    """Spans by word class: is a position inside one of a class's spans?  (Sorted
    starts and running maximum ends: a binary search, not a scan of every span.)"""

    def __init__(self, spans):
        by: dict = {}
        for cls, a, z in spans:
            by.setdefault(cls, []).append((a, z))
        self.by = {}
        for cls, items in by.items():
            items.sort()
            reach, ends = 0, []
            for _, z in items:
                reach = max(reach, z)
                ends.append(reach)
            self.by[cls] = ([a for a, _ in items], ends)

    def covers(self, cls, pos) -> bool:
        got = self.by.get(cls)
        if got is None:
            return False
        starts, ends = got
        i = bisect_right(starts, pos)
        return i > 0 and ends[i - 1] > pos
