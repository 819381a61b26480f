"""claim: a rule over the parts of a claim (copycheck/claims.py), not over
strings.  It fires where a clause's claim has one of the rule's predicate
classes with the rule's polarity, at least its strength, as one of its speech
acts, about what it asks; judgement's attribution, consensus, quotation and
weighs-evidence cues still apply (and citation, for the rules that list it).
One finding per claim: a rule's findings do not overlap."""
from __future__ import annotations

from bisect import bisect_left, insort

from ..judgement import judge
from ..matching import Hit
from .base import Candidate, Kind


def holds(spec, claim, ctx) -> bool:
    """Whether a claim has what a rule's ClaimSpec asks for."""
    if claim.predicate not in spec.predicates or claim.polarity != spec.polarity:
        return False
    if claim.strength < spec.strength or claim.speech not in spec.speech:
        return False
    if spec.about and not claim.about.intersection(spec.about):
        return False
    if spec.sourced is False and claim.sourced:
        return False
    if spec.scope and claim.scope != "universal":
        return False
    return not spec.invasive or ctx.invasive(claim)


def check_block(rules, ctx):
    claims = ctx.read()
    if not claims:
        return
    for rule in rules:
        taken = []  # spans of this rule's findings in the block, sorted, never overlapping
        for claim in claims:
            i = bisect_left(taken, (claim.start,))
            if i and taken[i - 1][1] > claim.start or i < len(taken) and taken[i][0] < claim.end:
                continue  # "no risk of scarring": one denial, read twice
            if not any(holds(spec, claim, ctx) for spec in rule.claim):
                continue
            verdict = judge(ctx.text, Hit(rule, claim.start, claim.end), ctx.sentences, ctx.lexicon)
            if verdict.dropped:
                continue
            insort(taken, (claim.start, claim.end))
            yield Candidate(ctx.block, claim.start, claim.end, verdict.shift, cues=verdict.cues,
                            parts=claim.parts(), rule=rule, treatment=claim.treatment)


KIND = Kind(
    name="claim",
    about="A claim about a treatment, read by its parts (predicate, polarity, strength, scope, speech act).",
    needs_claim=True,
    reads_claims=True,
    claims=True,
    default_cues=("attribution", "consensus", "quotation", "weighs-evidence"),
    domain=True,
    check_block=check_block,
)
