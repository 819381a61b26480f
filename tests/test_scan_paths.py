"""The scan finds the places a rule could match in two ways: word by word (small
texts, before the trie is compiled: a pre-commit run) and with the compiled trie
(big ones).  Both must find the same places with the same prefixes."""
from pathlib import Path

import pytest

import claimrules
from copycheck.config import Settings
from copycheck.kinds import REGISTRY
from copycheck.linter import Linter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def matcher():
    return Linter(claimrules.load(kinds=REGISTRY), Settings()).scanner.matcher


def _texts():
    for path in sorted((ROOT / "tests" / "pages").glob("*.md")) + sorted((ROOT / "seeds").rglob("*.md")):
        yield path.read_text(encoding="utf-8")
    # white space inside prefixes, long runs of it, edges, hyphens and digits
    yield "No   down\n\n  time at all; no-downtime; zero\tdowntime. 100%  painless!"
    yield "Pain" + " " * 300 + "less, and clinically\n" + " " * 200 + "proven; -painless; x-painless"
    yield "Botox\u00a0injections are painless. Results in 1 session. #1 clinic, 43% fewer lines"


def test_both_scans_find_the_same_places(matcher):
    n = 0
    for text in _texts():
        lower = text.lower()
        assert len(lower) == len(text)
        by_trie = list(matcher._places(lower, matcher.scan))
        by_word = list(matcher._places_by_word(lower))
        assert by_word == by_trie
        n += len(by_trie)
    assert n > 500  # the texts hold many places: the comparison means something


def test_a_small_text_is_scanned_without_compiling_the_trie():
    m = Linter(claimrules.load(kinds=REGISTRY), Settings()).scanner.matcher
    m._scan, m.small_budget = None, 1000
    text = "Totally painless, clinically proven, with no downtime: botox in one session."
    by_word = [(h.rule.code, h.start, h.end) for h in m.hits(text)]
    assert m._scan is None and len(by_word) >= 4  # the word-by-word scan did it
    m.hits("x" * 2000)  # over the budget: the trie from now on
    assert m._scan is not None
    assert [(h.rule.code, h.start, h.end) for h in m.hits(text)] == by_word


def test_every_shipped_pattern_is_anchored_by_a_literal_prefix(matcher):
    # a pattern with no literal prefix ("\w+shire's best") is run over the whole text of every
    # page, apart from the one-pass scan: one such word class cost the site run about 8% more instructions
    assert [(rule.code, rule.patterns[i]) for rule, i in matcher.unanchored] == []
