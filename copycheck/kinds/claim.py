"""claim: a rule over the parts of a claim (copycheck/reading/claims.py), not over
strings.  It fires where a clause's claim has one of the rule's predicate
classes with the rule's polarity, at least its strength, as one of its speech
acts, about what it asks; judgement's attribution, consensus, quotation and
weighs-evidence cues still apply (and citation, for the rules that list it).
One finding per claim: a rule's findings do not overlap."""
from __future__ import annotations

from bisect import bisect_left, insort

from ..reading.judgement import judge
from ..reading.matching import Hit
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


def one_per_claim(rule, ctx, found):
    """Of found, (claim, end, ...) in block order, the items judgement keeps for rule
    whose span (claim.start, end) overlaps none kept before ("no risk of scarring": one
    denial, read twice), each as (verdict, item): a rule's findings do not overlap."""
    taken = []  # spans of this rule's findings in the block, sorted, never overlapping
    for item in found:
        claim, end = item[0], item[1]
        i = bisect_left(taken, (claim.start,))
        if i and taken[i - 1][1] > claim.start or i < len(taken) and taken[i][0] < end:
            continue
        verdict = judge(ctx.text, Hit(rule, claim.start, end), ctx.sentences, ctx.lexicon)
        if verdict.dropped:
            continue
        insort(taken, (claim.start, end))
        yield verdict, item


def check_block(rules, ctx):
    claims = ctx.read()
    if not claims:
        return
    for rule in rules:
        found = ((c, c.end) for c in claims if any(holds(spec, c, ctx) for spec in rule.claim))
        for verdict, (claim, _) in one_per_claim(rule, ctx, found):
            yield claim_found(ctx, rule, claim, claim.end, verdict.shift, cues=verdict.cues)


def claim_found(ctx, rule, claim, end, shift, **shown) -> Candidate:
    """The Candidate for a claim the rule flags, with the claim's parts; shown: its message,
    suggestion, evidence or cues, where the rule's own are not the ones to show."""
    return Candidate(ctx.block, claim.start, end, shift, parts=claim.parts(), rule=rule, treatment=claim.treatment,
                     **shown)


# what a kind over claims declares: its rules say what claim they fire on (`claim:`),
# read the claim reader's words, count as claims, and stand on copy about health only
CLAIM_KIND = {"needs_claim": True, "reads_claims": True, "claims": True, "domain": True}

KIND = Kind(
    name="claim",
    about="A claim about a treatment, read by its parts (predicate, polarity, strength, scope, speech act).",
    default_cues=("attribution", "consensus", "quotation", "weighs-evidence"),
    check_block=check_block,
    **CLAIM_KIND,
)
