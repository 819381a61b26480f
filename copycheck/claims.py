"""The claim reader: each predicate word the scan found, read in its clause as a
claim with parts (predicate, polarity, strength, scope, speech act, what it is
about, the treatment in reach, numbers and their source).

The words live in claimrules/lexicon/words.yaml; the rules that judge claims are
declarative over these parts (copycheck/kinds/claim.py).  The same reader serves
the evidence kind (CC301) and the page-level balance check."""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimrules import load_lexicon
from claimrules.topics import topics
from claimrules.words import STRENGTHS, load_words

_WORD = re.compile(r"[\w'’%-]+")
_WH = frozenset("what why how which who whom whose where when".split())
_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}
_OPENING = re.compile("[" + "".join(_QUOTES) + "]")
CLAUSE = 160  # characters either side of a predicate that its clause may reach
NEAR = 4  # words either side of a predicate in which a booster raises it
REACH = 12  # words before a predicate that a hedge of benefit may stand in, across clause breaks
WINDOW = 12  # words before a predicate in which a negator denies a claim of a class that is not a harm
DENIAL_WINDOW = 3  # words before a word that denies a harm itself in which a negator takes it back ("not painless")


@dataclass(frozen=True)
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
    statistic: bool
    sourced: bool
    clause: tuple  # (start, end) in the block text

    def parts(self) -> dict:
        """The parts a reviewer reads in the JSON report."""
        return {"predicate": self.predicate, "polarity": self.polarity, "strength": STRENGTHS[self.strength],
                "scope": self.scope or "specific", "speech": self.speech, "subject": self.treatment or
                next((a for a in ("treatment", "results", "research", "target") if a in self.about), "unknown")}


def normal(text: str) -> str:
    """The text with curly apostrophes straight (same length: positions hold)."""
    return text.replace("’", "'").replace("‘", "'")


class _Marks:
    """The modifier words of one sentence, each kind found once (on first use) and
    then asked by position: every claim of the sentence reads the same marks."""

    __slots__ = ("m", "norm", "s0", "s1", "_words", "_spans", "_targets")

    def __init__(self, reader, norm, s0, s1):
        self.m, self.norm, self.s0, self.s1 = reader.m, norm, s0, s1
        self._words = None
        self._spans = {}
        self._targets = reader.targets

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

    def within(self, kind, lo, hi):
        """The spans of a kind that lie in [lo, hi)."""
        return [(a, z) for a, z in self.spans(kind) if lo <= a and z <= hi]

    def has(self, kind, lo, hi) -> bool:
        got = self._spans.get(kind)
        if got is None:  # not found over the sentence yet: look in [lo, hi) alone
            pattern = self._targets if kind == "targets" else self.m[kind]
            return pattern.search(self.norm, lo, hi) is not None
        return any(lo <= a and z <= hi for a, z in got)

    def words_in(self, lo, hi):
        return [(a, z) for a, z in self.words if lo <= a and z <= hi]


class ClaimReader:
    def __init__(self):
        from claimrules.words import modifier_regex, modifier_terms

        self.words = load_words()
        self.classes = self.words.classes
        self.m = self.words.modifiers
        self.topics = topics()
        self.efficacy = [t for t in self.topics.topics if t.group == "efficacy"]
        self.benefits = frozenset(self.words.benefits)
        self.openers = load_lexicon().cues["question"].openers  # yes/no question words (lexicon/cues.yaml)
        # what treatments act on: words.yaml's targets and the efficacy topics' terms, one regex
        self.targets = modifier_regex(modifier_terms("target_words") + self.topics.efficacy_terms, self.words.path)

    # -- the pieces of a sentence -------------------------------------------------

    def clause(self, marks, start, end):
        """(start, end) of the clause around [start, end) inside the sentence (at most
        CLAUSE characters either side)."""
        norm, breaks = marks.norm, self.m["clause_breaks"]
        c0 = max(marks.s0, start - CLAUSE)
        for m in breaks.finditer(norm, c0, start):
            c0 = m.start() if norm[m.start():m.start() + 1].isalpha() else m.end()
        m = breaks.search(norm, end, min(marks.s1, end + CLAUSE))
        c1 = m.start() if m else min(marks.s1, end + CLAUSE)
        return c0, c1

    def _negator_before(self, marks, c0, start, harm, window=WINDOW):
        """The start of a negator before start (in the clause) that denies what starts
        there, or None.  harm: only a negator joined to it by bridge words (or words
        for a treatment) counts ("no need for rest", "no injection is risk-free");
        otherwise one within the last `window` words ("not a miracle cure")."""
        lo = c0
        if not harm:
            words = marks.words_in(c0, start)
            lo = words[-window][0] if len(words) > window else c0
        negs = [m.span() for m in self.m["negators"].finditer(marks.norm, lo, start)]
        if not negs:
            return None
        fakes = [m.span() for m in self.m["not_negators"].finditer(marks.norm, c0, min(marks.s1, start + 40))]
        negs = [(a, z) for a, z in negs if not any(fa <= a < fz for fa, fz in fakes)]
        if not negs:
            return None
        a, z = negs[-1]
        if not harm:
            return a
        between = [marks.norm[x:y] for x, y in marks.words_in(z, start)]
        ok = len(between) <= 4 and all(w.lower() in self.m["bridge"] or self.m["treatment_words"].fullmatch(w)
                                       for w in between)
        return a if ok else None

    def _boosted(self, marks, c0, c1, start, end) -> bool:
        """A booster within NEAR words of the predicate, in its clause."""
        before = marks.words_in(c0, start)[-NEAR:]
        after = marks.words_in(end, c1)[:NEAR]
        near_lo = before[0][0] if before else start
        near_hi = after[-1][1] if after else end
        return marks.has("boosters", near_lo, start) or marks.has("boosters", end, near_hi)

    def _strength(self, wc, marks, c0, c1, start, end, boosted):
        s0 = marks.s0
        lo = c0
        if not wc.harm:  # a hedge of benefit reaches back to the last contrast in the sentence
            lo = s0
            for m in self.m["contrasts"].finditer(marks.norm, max(s0, start - CLAUSE), start):
                lo = m.end()
            sub = self.m["subordinators"].match(marks.norm, _skip_space(marks.norm, lo))
            if sub:  # "While it may take time, it removes ...": the main clause starts after the comma
                comma = marks.norm.find(",", sub.end(), start)
                lo = comma + 1 if comma >= 0 else lo
            words = marks.words_in(lo, start)
            lo = max(lo, min(c0, words[-REACH][0])) if len(words) > REACH else lo
        def either(kind):
            return marks.has(kind, lo, start) or marks.has(kind, end, c1)

        benefit = not (wc.harm or wc.minimises)
        weak = benefit and (either("weak_hedges") or marks.has("framing", s0, start))
        minimised = wc.harm and (marks.has("minimisers", c0, start) or marks.has("relative_to", end, min(c1, end + 80)))
        counted = wc.quantified and either("quantifiers")
        s = wc.strength
        if weak or minimised or counted or either("hedges"):
            s = 1 + boosted  # "may completely": still hedged, a step up
        elif boosted:
            s = max(s, 3) + 1  # "can significantly": the booster wins over "can"
        else:
            before = marks.words_in(c0, start)[-NEAR:]
            if before and marks.has("qualifiers", before[0][0], start):
                s = min(s, 2)
        if marks.has("vary", s0, marks.s1):
            s -= 1
        return max(1, min(len(STRENGTHS) - 1, s))

    def _speech(self, marks, c0, start, end):
        norm, s0, s1 = marks.norm, marks.s0, marks.s1
        sentence = norm[s0:s1].strip().rstrip("\"'”’)]*")
        if sentence.endswith("?"):
            # a yes/no question ("Is it painful?") or an elliptical one ("Safe for all skin types?")
            # asks; a wh-question ("What are permanent fillers?") and a declarative one ("It is
            # painless?") still assert what they say
            words = [norm[a:z].lower() for a, z in marks.words]
            if words and (words[0] in self.openers or words[0] not in _WH and not self.openers.intersection(words)):
                return "question"
        first = _skip_space(norm, c0)
        if any(a in (c0, first) for a, _ in marks.spans("conditionals")):
            return "condition"
        if marks.has("expectations", c0, start):
            return "expectation"
        if marks.has("purposes", s0, start):
            return "purpose"
        if self._testimonial(norm, s0, s1, start, end):
            return "testimonial"
        return "assertion"

    def _testimonial(self, norm, s0, s1, start, end):
        """The predicate stands inside quotation marks whose words are in the first person."""
        lo = max(0, s0 - 1)
        for i in range(start - 1, lo - 1, -1):
            close = _QUOTES.get(norm[i])
            if close is None:
                continue
            j = norm.find(close, end, min(len(norm), s1 + 2))
            if j < 0:
                return False
            quoted = _WORD.findall(norm, i + 1, j)
            return any(w.lower() in self.m["first_person"] for w in quoted)
        return False

    def _target_end(self, marks, end, c1):
        """Where the target after a predicate ends ("improves skin texture"), or end."""
        at = end
        for a, z in [m.span() for m in self.targets.finditer(marks.norm, end, min(c1, end + 60))]:
            if marks.norm[at:a].strip(" ") and at != end:
                break  # only targets that follow one another
            if at == end and marks.norm[end:a].count(" ") > 3:
                break  # the predicate's own object: a few words on at most
            at = max(at, z)
        return at

    # -- reading ------------------------------------------------------------------

    def read(self, text, sentences, hits, named, treatments, norm=None, wants=None):
        """The claims of one block.  hits: (class, start, end, denial) from the scan;
        named: (treatment, start) of treatments named in the block; treatments: those
        in reach (named here, or in the heading above).  wants: class -> the
        (polarity, least strength, speech acts) some rule reads it with; a claim no
        rule can use is not read further (None: read every claim)."""
        norm = norm if norm is not None else normal(text)
        out = []
        by_sentence: dict = {}
        denials = [(c, a, z) for c, a, z, d in hits if d]
        for cls, start, end, denial in hits:
            if not denial and any(c == cls and a <= start < z for c, a, z in denials):
                continue  # "risk" inside "risk-free" is read with its denial
            by_sentence.setdefault(sentences.span(start), []).append((cls, start, end, denial))
        for (s0, s1), group in by_sentence.items():
            classes_here = [(self.classes[c], a, z) for c, a, z, _ in group]
            marks = _Marks(self, norm, s0, max([s1] + [z for _, _, z, _ in group]))
            for cls, start, end, denial in group:
                if wants is not None and cls not in wants:
                    continue
                claim = self._read_one(marks, cls, start, end, denial, classes_here, named, treatments,
                                       None if wants is None else wants[cls])
                if claim is not None:
                    out.append(claim)
        return out

    def _unwanted(self, wc, norm, start, end, denial, wants) -> bool:
        """A quick look near the predicate: no rule can read this claim (a harm no
        negator denies, a judgement no booster raises, a quote no one speaks)."""
        lo, hi = max(0, start - 48), min(len(norm), end + 48)
        if all(w[0] == "denied" for w in wants) and wc.harm and not denial:
            return self.m["negators"].search(norm, lo, start) is None
        if all(w[1] > wc.strength or w[2] == ("testimonial",) for w in wants):
            if self.m["boosters"].search(norm, lo, start) or self.m["boosters"].search(norm, end, hi):
                return False
            return not any(w[2] == ("testimonial",) for w in wants) or not _OPENING.search(
                norm, max(0, start - 300), start)
        return False

    def _read_one(self, marks, cls, start, end, denial, classes_here, named, treatments, wants=None):
        wc = self.classes[cls]
        norm, s0, s1 = marks.norm, marks.s0, marks.s1
        if wants is not None and self._unwanted(wc, norm, start, end, denial, wants):
            return None
        if wc.exceptions is not None:
            for m in wc.exceptions.finditer(norm, max(0, start - 60), min(len(norm), end + 60)):
                if m.start() <= start < m.end() or start <= m.start() < end:
                    return None
        c0, c1 = self.clause(marks, start, end)
        in_clause = [(w, a, z) for w, a, z in classes_here if c0 <= a < c1 and a != start]
        negator = self._negator_before(marks, c0, start, wc.harm and not denial,
                                       DENIAL_WINDOW if denial else WINDOW)
        negated = negator is not None
        if wc.harm:
            polarity = "denied" if denial != negated else "asserted"
        else:
            polarity = "denied" if negated else "asserted"
        if wants is not None:
            wants = [w for w in wants if w[0] == polarity]
            if not wants:
                return None
        boosted = self._boosted(marks, c0, c1, start, end)
        if wants is not None:  # the strongest this claim can be read at: is any rule left to read it?
            bound = 4 if boosted else wc.strength
            wants = [w for w in wants if bound >= w[1]]
            if not wants or all(w[2] == ("testimonial",) for w in wants) and not self._testimonial(
                    norm, s0, s1, start, end):
                return None
        strength = self._strength(wc, marks, c0, c1, start, end, boosted)  # read at the predicate itself
        if wants is not None:
            wants = [w for w in wants if strength >= w[1]]
            if not wants:
                return None
        speech = self._speech(marks, c0, start, end)
        if wants is not None and not any(speech in w[2] for w in wants):
            return None
        shown = negator if negated and polarity == "denied" else start  # "no downtime", not "downtime"
        about = set()
        if any(w.harm for w, _, _ in in_clause):
            about.add("harm")
        if marks.has("targets", c0, c1):
            about.add("target")
        if marks.has("result_words", c0, c1):
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
        statistic = wc.name == "statistic" or any(w.name == "statistic" for w, _, _ in in_clause)
        reach = _in_reach(start, s0, s1, named, treatments)
        shown_end = self._target_end(marks, end, c1) if "target" in wc.needs else end
        return Claim(
            start=shown, end=shown_end, predicate=cls, polarity=polarity,
            strength=strength,
            scope="universal" if wc.name == "scope" or marks.has("universal", c0, c1) else "",
            speech=speech, about=frozenset(about),
            treatment=reach[0] if reach else None, statistic=statistic,
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


def _skip_space(text, i):
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _in_reach(pos, s0, s1, named, treatments):
    """The treatments a claim at pos may be about, nearest first: those named in its
    sentence, then those named before it in its block, then the heading's."""
    here = sorted((abs(pos - at), name) for name, at in named or () if s0 <= at < s1)
    before = sorted((pos - at, name) for name, at in named or () if at < s0)
    out = []
    for name in [n for _, n in here] + [n for _, n in before] + list(treatments):
        if name not in out:
            out.append(name)
    return out


_READER = None


def reader() -> ClaimReader:
    """The claim reader, once per process."""
    global _READER
    if _READER is None:
        _READER = ClaimReader()
    return _READER
