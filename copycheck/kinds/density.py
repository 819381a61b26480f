"""density: the rule's words per 1,000 words of the page; above the threshold, a
finding points at the first such word of the paragraph that has most of them."""
from __future__ import annotations

from .base import Candidate, Kind, Option


def check_document(rule, doc, opts):
    threshold, min_words = float(opts["per_1000_words"]), opts["min_words"]
    tally = doc.counted.get(rule.code)
    words, count = doc.word_count(), tally.count if tally else 0
    if words < min_words or count < opts["min_count"] or count * 1000 / words <= threshold:
        return
    block, start, end = tally.worst  # the first word of the block with most (the first of equals)
    fields = dict(count=count, words=words, density=f"{count * 1000 / words:.0f}", threshold=f"{threshold:g}",
                  worst=tally.worst_count)
    yield Candidate(block, start, end, message=rule.message.format(**fields))


KIND = Kind(
    name="density",
    about="Hype words per 1,000 words of the page.",
    options={
        "per_1000_words": Option(float, 10.0, "more than this many per 1,000 words is a finding"),
        "min_words": Option(int, 100, "a page with fewer words is not counted"),
        "min_count": Option(int, 3, "fewer hits than this is never a finding"),
    },
    needs_patterns=True,
    scan="count",
    domain=True,
    check_document=check_document,
)
