"""balance: a page that makes a benefit claim for a treatment must mention one
of the rule's words (its risks, or a consultation) somewhere.  The words are the
rule's patterns, counted by the one-pass scan; a word inside a claim ("no side
effects") is not a mention.  The finding is about the page: like a linter's
file-level diagnostic it stands at the page's start (line 1, column 1), and its
message quotes the claim and names its line."""
from __future__ import annotations

from claimrules.model import HEDGED, Want

from ..reading.judgement import judge
from ..reading.matching import Hit
from .base import Candidate, Kind, Option, PageSignal


def first_benefit(rule, ctx):
    """(block, start, end, treatment) of the block's first benefit claim about a treatment, or None."""
    benefits = ctx.reader.benefits
    for c in ctx.read():
        if (c.treatment is not None and c.predicate in benefits and c.polarity == "asserted"
                and c.speech == "assertion" and not c.about.isdisjoint(("target", "results"))
                and not judge(ctx.text, Hit(rule, c.start, c.end), ctx.sentences, ctx.lexicon).dropped):
            return ctx.block, c.start, c.end, c.treatment
    return None


def benefit_claims(reader) -> dict:
    """How first_benefit reads the benefit classes: asserted, hedged or stronger, as assertions."""
    return {cls: [Want("asserted", HEDGED, ("assertion",))] for cls in reader.benefits}


def check_document(rule, doc, opts):
    benefit = doc.signals.get(KIND.name)
    if benefit is None or doc.counted.get(rule.code):
        return
    if doc.word_count() < opts["min_words"]:
        return  # a snippet is not a page
    block, start, end, treatment = benefit
    words = doc.names.words_for(treatment, 0) if doc.names is not None else None
    fields = dict(treatment=words or treatment, claim=" ".join(block.text[start:end].split()), line=doc.line_of(block, start))
    yield Candidate(None, 0, 0, message=rule.message.format(**fields), treatment=treatment)


KIND = Kind(
    name="balance",
    about="A page that promotes a treatment must mention its risks, or a consultation.",
    options={"min_words": Option(int, 40, "a page with fewer words is a snippet, not a page")},
    needs_patterns=True,
    scan="count",
    reads_claims=True,
    domain=True,
    check_document=check_document,
    signal=PageSignal(find=first_benefit, wants=benefit_claims),
    count_outside_findings=True,
)
