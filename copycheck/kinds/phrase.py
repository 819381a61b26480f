"""phrase: a rule's patterns, found by the one-pass scan, each hit read in its
sentence by judgement (negation, hedges, questions, attribution, citations)."""
from __future__ import annotations

from ..reading.judgement import judge
from ..reading.matching import rule_applies
from .base import Candidate, Kind


def check_block(rules, ctx):
    for hit in ctx.hits:
        rule = hit.rule
        s_start, s_end = ctx.sentences.span(hit.start)
        if not rule_applies(rule, ctx.text, hit, ctx.text[s_start:s_end]):
            continue
        verdict = judge(ctx.text, hit, ctx.sentences, ctx.lexicon)
        if not verdict.dropped:
            yield Candidate(ctx.block, hit.start, hit.end, verdict.shift, cues=verdict.cues, rule=rule,
                            treatment=ctx.treatment_at(hit.start))


KIND = Kind(
    name="phrase",
    about="The rule's patterns, each hit judged in its sentence.",
    needs_patterns=True,
    scan="hits",
    claims=True,
    domain=True,
    check_block=check_block,
)
