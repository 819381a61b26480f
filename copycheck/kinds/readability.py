"""readability: the Flesch-Kincaid grade of the page's prose (scope: document)
or of each long paragraph (scope: paragraph); above the target grade, a finding
points at the longest sentence.  Both read the page block by block (see_block)."""
from __future__ import annotations

from ..reading.prose import PROSE, Prose, block_counts, block_ends, longest_sentence
from .base import Candidate, Kind, Option


def _describe_longest(doc, longest):
    return ", ".join(f"line {doc.line_of(b, a)} ({w} words)" for w, b, a, _ in longest)


def see_block(rule, doc, block, opts):
    if block.scope not in PROSE:
        return
    if opts["scope"] == "document":
        prose = doc.notes.get(rule.code)
        if prose is None:
            prose = doc.notes[rule.code] = Prose()
        prose.add(block, doc)
        return
    held = doc.notes.pop(rule.code, None)
    if held is not None:  # a second paragraph: the first one's finding stands
        yield held
    # a paragraph with fewer spaces than min_words cannot hold min_words words
    if block.text.count(" ") + 1 < opts["min_words"]:
        return
    found = _finding(rule, doc, lambda: [longest_sentence(block, block_ends(doc, block))], block_counts(doc, block), opts)
    if found is not None:
        if doc.prose_blocks == 1:  # (one paragraph may be the page: then the document rule speaks for it)
            doc.notes[rule.code] = found
        else:
            yield found


def check_document(rule, doc, opts):
    prose = doc.notes.get(rule.code)
    if opts["scope"] == "document" and prose is not None:
        found = _finding(rule, doc, lambda: prose.longest()[:3 if prose.blocks > 1 else 1], prose.counts(), opts)
        if found is not None:
            yield found


def _finding(rule, doc, longest_of, total, opts):
    """The finding for prose whose counts are total, if its grade is over the target;
    longest_of() gives its longest sentences (found only for a finding)."""
    target = float(opts["target_grade"])
    if total.words < opts["min_words"]:
        return None
    grade, ease, smog = total.scores()
    if grade <= target:
        return None
    longest = longest_of()
    _, block, start, end = longest[0]
    fields = dict(grade=grade, ease=ease, smog=smog, target=f"{target:g}", longest=_describe_longest(doc, longest))
    return Candidate(block, start, end, message=rule.message.format(**fields),
                     suggestion=rule.suggestion.format(**fields))


KIND = Kind(
    name="readability",
    about="The reading grade of the page, or of each long paragraph.",
    options={
        "scope": Option(("document", "paragraph"), "document", "the whole page's prose, or each paragraph"),
        "target_grade": Option(float, 8.0, "the highest Flesch-Kincaid grade that passes"),
        "min_words": Option(int, 100, "fewer words than this are not scored"),
    },
    see_block=see_block,
    check_document=check_document,
)
