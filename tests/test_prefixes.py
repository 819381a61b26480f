"""copycheck/reading/prefixes.py, the one place copycheck reads CPython's private re parser:
what a pattern's matches start with, as a specification; and a loud failure on a Python
where the parser is gone or reads patterns otherwise (the scan would still find the same,
slower, by the fallback tested here too)."""
import pytest

import claimrules
from copycheck.reading import prefixes
from copycheck.kinds import REGISTRY
from copycheck.reading.matching import Matcher


def test_the_private_parser_works_on_this_python():
    assert prefixes.AVAILABLE, ("re._parser / re._constants cannot be imported on this Python: every pattern "
                                "now runs over the whole text (slow); port copycheck/reading/prefixes.py")
    assert prefixes.branches("painless") == {("painless", True)}


@pytest.mark.parametrize("pattern, starts", [
    ("painless", {"painless"}),  # a word starts with itself
    (r"(?:no|zero) down ?time", {"no down time", "no downtime", "zero down ti", "zero downtim"}),  # 12 characters at most
    (r"clinics?", {"clinic", "clinics"}),
    (r"(?<!not )guaranteed", {"guaranteed"}),  # a look-behind starts nothing
    (r"\d+% (?:fewer|less)", set("0123456789")),  # a digit class: each digit, and no further (it repeats)
    (r".*proven", None),  # may start with anything: run over the whole text
])
def test_the_literal_text_every_match_starts_with(pattern, starts):
    assert prefixes.literal_prefixes(prefixes.branches(pattern)) == starts


@pytest.mark.parametrize("pattern, words", [
    ("clinics?", {"clinic", "clinics"}),  # a few plain words: the scan confirms them itself
    (r"(?:no|zero) down ?time", None),  # white space: a regex confirms it
    (r"(?<!not )guaranteed", None),  # a look-behind: a regex confirms it
])
def test_the_plain_words_a_pattern_is(pattern, words):
    assert prefixes.literals(pattern, prefixes.branches(pattern)) == words


def _phrase_rules():
    book = claimrules.load(kinds=REGISTRY)
    return [r for r in book.rules.values() if REGISTRY[r.kind].scan == "hits"]


def test_the_rulebook_s_phrases_are_anchored():
    matcher = Matcher(_phrase_rules())
    assert matcher.unanchored == [], "patterns the parser no longer reads run over the whole text"


def _scan_terms():
    """The phrase rules and the claim reader's words: what the one-pass scan looks for."""
    from copycheck.reading.claims import reader
    from copycheck.reading.scan import Scanner

    return Scanner(_phrase_rules(), REGISTRY, reader()).matcher


def test_without_the_parser_the_scan_finds_the_same(monkeypatch):
    text = ("Completely painless botox, with no downtime and zero down-time. 43.3% fewer wrinkles, guaranteed! "
            "Our clinics' fillers are clinically proven; results guaranteed.\n\nİstanbul: PAINLESS.")
    anchored = sorted((h.rule.code, h.start, h.end) for h in _scan_terms().hits(text))
    monkeypatch.setattr(prefixes, "_parse", None)
    fallback = _scan_terms()
    assert fallback.unanchored and not fallback.candidates  # every pattern runs over the whole text
    assert sorted((h.rule.code, h.start, h.end) for h in fallback.hits(text)) == anchored
    assert len(anchored) > 5  # (the text has hits)
