"""The seeds: the overclaims of 001, 002 and 004 are flagged; the evidence
sentences of 000 and 003 are not."""
import pytest

from helpers import SEEDS, lint

DOCS = {p.name[:3]: p for p in SEEDS.glob("*.txt")}


PAGE_LEVEL = ("readability", "hype", "balance")  # about the page as a whole, not a claim


def findings(doc):
    path = DOCS[doc]
    return [f for f in lint(path.read_text(encoding="utf-8"), path.name) if f.category not in PAGE_LEVEL]


@pytest.mark.parametrize("doc,line,code,match", [
    ("001", 18, "CC141", "no swelling"),
    ("001", 20, "CC201", "dermatologists recommend"),
    ("001", 41, "CC111", "get rid of"),
    ("001", 41, "CC102", "statistically significant changes"),
    ("001", 49, "CC181", "at any age"),
    ("001", 50, "CC171", "In just one session"),
    ("001", 52, "CC162", "Long-term result"),
    ("001", 53, "CC181", "very few contraindications"),
    ("001", 54, "CC151", "There is no need to go to the clinic"[9:]),
    ("001", 54, "CC151", "carried out in a salon"),
    ("001", 55, "CC131", "Painlessness"),
    ("001", 58, "CC171", "even after a single session"),
    ("001", 77, "CC151", "does not require special training"),
    ("001", 89, "CC101", "has been convincingly proven"),
    ("002", 5, "CC102", "Recent studies have shown"),
    ("002", 5, "CC301", "improve skin texture"),
    ("002", 25, "CC211", "the patient achieved remarkable results"[4:]),
    ("002", 25, "CC171", "from a single session"),
    ("002", 26, "CC191", "43.3%"),
    ("002", 43, "CC301", "stop hair loss"),
    ("001", 95, "CC301", "reduce the percentage of body fat"),
    ("004", 47, "CC301", "reduce the appearance of fine lines"),
    ("004", 102, "CC124", "non-invasive"),
    ("004", 124, "CC192", "High patient satisfaction rates"),
    ("004", 228, "CC102", "Numerous clinical studies have demonstrated"),
    ("004", 238, "CC121", "safe and effective"),
    ("004", 238, "CC201", "Dermatologists often recommend"),
])
def test_overclaims_are_flagged(doc, line, code, match):
    """A finding of the rule on the line whose match overlaps the overclaim's words."""
    text_line = DOCS[doc].read_text(encoding="utf-8").splitlines()[line - 1]
    start = text_line.index(match) + 1
    end = start + len(match)
    got = [(f.line, f.rule, f.match) for f in findings(doc)]
    assert any(f.line == line and f.rule == code and f.column < end and start < f.column + len(f.match)
               for f in findings(doc)), got


@pytest.mark.parametrize("doc,line,phrase", [
    ("000", 5, "The safety and efficacy of mesotherapy are still under debate"),
    ("000", 7, "The study reported no side effects in the subjects"),
    ("000", 7, "mesotherapy is considered a safe and effective treatment"),
    ("000", 9, "its safety and effectiveness are still unproven"),
    ("000", 15, "a 10–15% improvement"),
    ("000", 21, "no statistically significant effect on skin tightening or wrinkles"),
    ("000", 23, "proponents of mesotherapy claim that the procedure can instantly improve"),
    ("003", 5, "there is limited scientific evidence"),
    ("003", 11, "not a miracle cure and may not be effective for everyone"),
    ("003", 13, "generally considered to be a safe procedure"),
    ("003", 15, "still up for debate"),
])
def test_evidence_sentences_are_not_flagged(doc, line, phrase):
    path = DOCS[doc]
    text_line = path.read_text(encoding="utf-8").splitlines()[line - 1]
    start = text_line.index(phrase) + 1
    end = start + len(phrase)
    hits = [f for f in findings(doc) if f.line == line and start <= f.column < end]
    assert hits == [], hits


def test_003_weighs_the_evidence_and_is_quiet():
    assert findings("003") == []


def test_each_overclaiming_seed_is_flagged_many_times_more_than_the_weighing_ones():
    counts = {d: len(findings(d)) for d in DOCS}
    assert min(counts["001"], counts["002"], counts["004"]) >= 10
    assert counts["000"] <= 2 and counts["003"] == 0
