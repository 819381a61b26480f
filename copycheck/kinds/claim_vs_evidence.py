"""evidence: a claim about a treatment's effect (read by copycheck/reading/claims.py:
one of the rule's predicate classes, asserted, with an efficacy topic in its
clause), compared with the strongest claim that the treatment's evidence
supports for the topic.  Two or more steps above it: the rule's level; one
step: one level lower.  The suggested wording is at the supported strength
(lexicon/claims.yaml)."""
from __future__ import annotations

from claimrules.cache import memo

from claimrules import HERE
from claimrules.evidence import citations
from claimrules.words import STRENGTHS  # the scale of scales.yaml (the tests check they agree)
from claimrules.yamllib import load_yaml

from .base import Kind
from .claim import CLAIM_KIND, claim_found, holds, one_per_claim


@memo
def _wording() -> dict:
    return dict(load_yaml(HERE / "lexicon" / "claims.yaml")["wording"])


def describe(rule, base, treatment, words, topic, strength, supported):
    """(message, suggestion, evidence) for a claim above its evidence; words: the copy's
    own words for the treatment."""
    message = rule.message.format(
        claim=STRENGTHS[strength], topic=topic.name, treatment=words,
        supported="no claim" if supported == "none" else f"at most a {supported} one")
    name = words[:1].upper() + words[1:]
    suggestion = _wording()[supported].format(phrase=topic.phrase, treatment=words, Treatment=name)
    # the topic's own statements, then the state of the evidence in general
    evidence = citations(base, [topic.name, "efficacy"], treatment, limit=3)
    return message, suggestion, evidence


def claims_above_evidence(rule, ctx):
    """(claim, end, topic, supported) of each claim in the block stronger than its evidence."""
    for claim in ctx.read():
        if claim.treatment is None or not any(holds(spec, claim, ctx) for spec in rule.claim):
            continue
        found = ctx.reader.topic_of(ctx.norm, claim)
        if found is None:
            continue
        _, topic, m = found
        supported = ctx.evidence.supported(claim.treatment, topic.name)
        if supported is not None and claim.strength > STRENGTHS.index(supported):
            yield claim, max(claim.end, m.end()), topic, supported


def check_block(rules, ctx):
    for rule in rules:
        for _, (claim, end, topic, supported) in one_per_claim(rule, ctx, claims_above_evidence(rule, ctx)):
            gap = claim.strength - STRENGTHS.index(supported)
            words = ctx.words_for(claim.treatment, claim.start) or claim.treatment
            message, suggestion, evidence = describe(rule, ctx.evidence, claim.treatment, words, topic,
                                                     claim.strength, supported)
            yield claim_found(ctx, rule, claim, end, 0 if gap >= 2 else -1, message=message, suggestion=suggestion,
                              evidence=tuple(evidence))


KIND = Kind(
    name="evidence",
    about="A claim about a treatment's effect, weighed against the evidence rulebook.",
    check_block=check_block,
    **CLAIM_KIND,
)
