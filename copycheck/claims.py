"""Claims judged against the evidence (rule CC301): a treatment in reach, a claim
verb and a topic -> the claim's strength, compared with the strongest claim the
topic's evidence supports.  The words live in claimrules/lexicon/claims.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimrules.evidence import STRENGTHS, citations
from claimrules.patterns import alternation
from claimrules.yamllib import load_yaml

OBJECT_WINDOW = 60  # characters after the verb in which the topic must be named
_CLAUSE_END = re.compile(r"[.;:!?,]")


@dataclass
class Claim:
    start: int
    end: int
    treatment: str
    topic: str
    strength: int  # 1 hedged .. 4 boosted
    supported: str


class ClaimChecker:
    def __init__(self, evidence_base):
        from claimrules import HERE
        from claimrules.topics import topics

        path = HERE / "lexicon" / "claims.yaml"
        words = load_yaml(path)

        def _alt(key):
            return alternation(words[key], path)

        self.base = evidence_base
        self.topics = topics()
        self.efficacy = [t for t in self.topics.topics if t.group == "efficacy"]
        self.verb_patterns = list(words["verbs"]) + list(words["absolute_verbs"])  # found by the linter's scan
        self.absolute = _alt("absolute_verbs")
        self.hedges = _alt("hedges")
        self.can = _alt("can")
        self.boosters = _alt("boosters")
        self.qualifiers = _alt("qualifiers")
        self.wording = dict(words["wording"])
        self.names = STRENGTHS

    def candidates(self, text: str, sentences, verbs):
        """(start, end, topic, strength) of each benefit claim in a block: a claim
        verb with an efficacy topic named within the next few words.  verbs: the
        (start, end) of the block's claim verbs, as the linter's scan found them."""
        for k, (v_start, v_end) in enumerate(verbs):
            s_start, s_end = sentences.span(v_start)
            stop = min(s_end, v_end + OBJECT_WINDOW)
            if k + 1 < len(verbs):
                stop = min(stop, max(v_end, verbs[k + 1][0]))  # the next verb has its own object
            window = _CLAUSE_END.split(text[v_end:stop], maxsplit=1)[0]
            topic = None
            for t in self.efficacy:
                m = t.terms.search(window)
                if m and (topic is None or m.start() < topic[1].start()):
                    topic = (t, m)
            if topic is None:
                continue
            t, m = topic
            before = text[s_start:v_start]
            strength = 4 if self.absolute.fullmatch(text, v_start, v_end) else 3
            if self.hedges.search(before):
                strength = 1
            elif self.can.search(before):
                strength = min(strength, 2)
            if self.boosters.search(text[s_start:v_end + m.end()]):
                strength += 1
            if self.qualifiers.search(text[s_start:s_end]):
                strength -= 1
            yield v_start, v_end + m.end(), t.name, max(1, min(4, strength))

    def in_reach(self, pos, sentences, named, treatments):
        """The treatments a claim at pos may be about, nearest first: those named in
        its sentence, then those named before it in its block, then the heading's."""
        s_start, s_end = sentences.span(pos)
        here = sorted((abs(pos - at), name) for name, at in named or () if s_start <= at < s_end)
        before = sorted((pos - at, name) for name, at in named or () if at < s_start)
        out = []
        for name in [n for _, n in here] + [n for _, n in before] + list(treatments):
            if name not in out:
                out.append(name)
        return out

    def claims(self, text: str, sentences, treatments, verbs, named=None) -> list:
        """The claims in a block (treatments in reach given) stronger than their evidence."""
        out = []
        for start, end, topic, strength in self.candidates(text, sentences, verbs):
            for treatment in self.in_reach(start, sentences, named, treatments)[:1]:
                supported = self.base.supported(treatment, topic)
                if supported is not None and strength > STRENGTHS.index(supported):
                    out.append(Claim(start, end, treatment, topic, strength, supported))
                    break
        return out

    def describe(self, rule, claim: Claim):
        """(gap, message, suggestion, evidence) for a claim; gap: the steps between
        the claim's strength and what its evidence supports."""
        gap = claim.strength - STRENGTHS.index(claim.supported)
        topic = self.topics.topic(claim.topic)
        message = rule.message.format(
            claim=self.names[claim.strength], topic=claim.topic, treatment=claim.treatment, supported=(
                "no claim" if claim.supported == "none" else f"at most a {claim.supported} one"))
        treatment = claim.treatment[:1].upper() + claim.treatment[1:]
        suggestion = self.wording[claim.supported].format(phrase=topic.phrase, treatment=treatment)
        evidence = [s for s in citations(self.base, [claim.topic], limit=6) if s.treatment == claim.treatment][:3]
        if not evidence:  # nothing on the topic itself: cite the state of the evidence in general
            evidence = [s for s in citations(self.base, ["efficacy"], limit=6) if s.treatment == claim.treatment][:3]
        return gap, message, suggestion, evidence
