"""evidence: a claim about a treatment's effect (read by copycheck/claims.py),
compared with the strongest claim that the treatment's evidence supports for the
topic.  Two or more steps above it: the rule's level; one step: one level lower."""
from __future__ import annotations

from ..judgement import judge
from ..matching import Hit
from .base import Candidate, Kind


def check_block(rules, ctx):
    if not (ctx.treatments and ctx.verbs):
        return
    for rule in rules:
        for claim in ctx.claims.claims(ctx.text, ctx.sentences, ctx.treatments, ctx.verbs, ctx.named):
            if judge(ctx.text, Hit(rule, claim.start, claim.end), ctx.sentences, ctx.lexicon).dropped:
                continue
            gap, message, suggestion, evidence = ctx.claims.describe(rule, claim)
            yield Candidate(ctx.block, claim.start, claim.end, 0 if gap >= 2 else -1, message, suggestion, evidence,
                            rule=rule)


KIND = Kind(
    name="evidence",
    about="A claim about a treatment's effect, weighed against the evidence rulebook.",
    reads_claims=True,
    claims=True,
    check_block=check_block,
)
