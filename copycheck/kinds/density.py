"""density: the rule's words per 1,000 words of the page; above the threshold, a
finding points at the first such word of the paragraph that has most of them."""
from __future__ import annotations

from .base import Candidate, Kind, Option


def check_document(rule, doc, opts):
    threshold, min_words = float(opts["per_1000_words"]), opts["min_words"]
    hits = doc.counted.get(rule.code, ())
    words, count = doc.word_count(), len(hits)
    if words < min_words or count < opts["min_count"] or count * 1000 / words <= threshold:
        return
    per_block: dict = {}
    for hit in hits:
        per_block.setdefault(id(hit[0]), []).append(hit)
    worst = max(per_block.values(), key=len)  # the first of equals, in document order
    block, start, end = worst[0]
    fields = dict(count=count, words=words, density=f"{count * 1000 / words:.0f}", threshold=f"{threshold:g}",
                  worst=len(worst))
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
