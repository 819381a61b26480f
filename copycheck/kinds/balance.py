"""balance: a page that makes a benefit claim for a treatment must mention one
of the rule's words (its risks, or a consultation) somewhere.  The words are the
rule's patterns, counted by the one-pass scan; a word inside a claim ("no side
effects") is not a mention.  The finding is about the page: like a linter's
file-level diagnostic it stands at the page's start (line 1, column 1), and its
message quotes the claim and names its line."""
from __future__ import annotations

from .base import Candidate, Kind, Option


def check_document(rule, doc, opts):
    if doc.benefit is None or doc.counted.get(rule.code):
        return
    if doc.word_count() < opts["min_words"]:
        return  # a snippet is not a page
    block, start, end, treatment = doc.benefit
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
)
