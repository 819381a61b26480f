"""The phrase kind: a rule's patterns, found by the one-pass scan, each hit judged in its
sentence (negation, questions, attribution, hedges) before it is a finding."""
import pytest

from helpers import lint

RULE = """\
rules:
  - code: CC971
    name: house-phrase
    category: other
    level: warning
    kind: phrase
    patterns: ['miracle cure']
    message: m
    suggestion: s
    why: w
    link: https://example.org
    examples: {match: ['A miracle cure for lines.'], no_match: ['Plain words.']}
"""


@pytest.fixture
def rule(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(RULE, encoding="utf-8")
    return str(path)


def found(text, rule):
    return [(f.rule, f.line, f.column, f.match, f.severity) for f in lint(text, extend_rules=(rule,), select=("CC971",))]


def test_a_pattern_is_found_where_it_stands_whatever_its_case(rule):
    assert found("Botox is a miracle cure for lines.", rule) == [("CC971", 1, 12, "miracle cure", "warning")]
    assert found("A MIRACLE CURE!", rule) == [("CC971", 1, 3, "MIRACLE CURE", "warning")]


@pytest.mark.parametrize("text", [
    "Botox is not a miracle cure.",  # negated
    "Is Botox a miracle cure?",  # a yes/no question asks
    "Some say it is a miracle cure.",  # attributed to others
    "It may be a miracle cure.",  # hedged
])
def test_judgement_drops_a_hit_that_claims_nothing(text, rule):
    assert found(text, rule) == []
