"""readability: the Flesch-Kincaid grade of the page's prose (scope: document)
or of each long paragraph (scope: paragraph); above the target grade, a finding
points at the longest sentence."""
from __future__ import annotations

from .base import Candidate, Kind, Option


def _describe_longest(doc, longest):
    return ", ".join(f"line {doc.line_of(b, a)} ({w} words)" for w, b, a, _ in longest)


def check_document(rule, doc, opts):
    target, min_words = float(opts["target_grade"]), opts["min_words"]
    prose = doc.prose()
    if opts["scope"] == "document":
        groups = [(prose, doc.prose_counts())]
    elif len(prose) > 1:  # (one paragraph is the page: the document rule speaks for it)
        # a paragraph with fewer spaces than min_words cannot hold min_words words
        groups = [([b], doc.block_counts(b)) for b in prose if b.text.count(" ") + 1 >= min_words]
    else:
        groups = []
    for blocks, total in groups:
        if total.words < min_words:
            continue
        grade, ease, smog = total.scores()
        if grade <= target:
            continue
        longest = doc.longest_sentences(blocks, 3 if len(blocks) > 1 else 1)
        _, block, start, end = longest[0]
        fields = dict(grade=grade, ease=ease, smog=smog, target=f"{target:g}", longest=_describe_longest(doc, longest))
        yield Candidate(block, start, end, message=rule.message.format(**fields),
                        suggestion=rule.suggestion.format(**fields))


KIND = Kind(
    name="readability",
    about="The reading grade of the page, or of each long paragraph.",
    options={
        "scope": Option(("document", "paragraph"), "document", "the whole page's prose, or each paragraph"),
        "target_grade": Option(float, 8.0, "the highest Flesch-Kincaid grade that passes"),
        "min_words": Option(int, 100, "fewer words than this are not scored"),
    },
    check_document=check_document,
)
