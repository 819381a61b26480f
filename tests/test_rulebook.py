"""The rulebook: every rule's examples run, every evidence quote is verbatim,
and broken rule files stop with file:line."""
import textwrap

import pytest

import claimrules
from claimrules import RulebookError
from helpers import SEEDS, codes

BOOK = claimrules.load()
RULES = list(BOOK.rules.values())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_examples_both_ways(rule):
    assert rule.examples_match, f"{rule.code} has no example that must match"
    assert rule.examples_no_match, f"{rule.code} has no example that must not match"


CASES = [(r.code, ex, True) for r in RULES for ex in r.examples_match] + [
    (r.code, ex, False) for r in RULES for ex in r.examples_no_match
]


@pytest.mark.parametrize("code,example,should_match", CASES, ids=lambda v: str(v)[:40])
def test_rule_example(code, example, should_match):
    found = codes(example)
    if should_match:
        assert code in found, f"{code} should flag: {example!r} (got {found})"
    else:
        assert code not in found, f"{code} should not flag: {example!r}"


EVIDENCE = sorted({(s.source, s.line, s.quote) for s in BOOK.evidence.statements})


def test_the_built_in_evidence_has_statements_from_every_seed_kind():
    assert len(EVIDENCE) > 100
    assert {src.split("/")[1] for src, _, _ in EVIDENCE} >= {"facts"}


@pytest.mark.parametrize("source,line,quote", EVIDENCE, ids=lambda v: f"{v}"[:40])
def test_evidence_quote_is_verbatim_from_its_line(source, line, quote):
    lines = (SEEDS.parent / source).read_text(encoding="utf-8").splitlines()
    near = " ".join(" ".join(lines[line - 1:line + 8]).split())  # a quote may run on over wrapped lines
    words = " ".join(quote.split())
    assert words[:60] in " ".join(lines[line - 1].split()) or near.startswith(words[:60]), \
        f"{source}:{line} does not start {quote[:60]!r}"
    assert words in " ".join(" ".join(lines[line - 1:]).split())[:len(near) + len(words)], \
        f"{source}:{line} does not contain {quote!r}"


def test_codes_are_unique_and_well_formed():
    assert len({r.code for r in RULES}) == len(RULES)
    assert all(r.code.startswith("CC") and len(r.code) == 5 for r in RULES)


def test_every_regulator_category_is_covered():
    categories = {r.category for r in RULES}
    for c in ("efficacy-proven", "efficacy-absolute", "safety-absolute", "pain", "downtime-recovery",
              "no-professional-needed", "permanence-duration", "speed-single-session", "universal-suitability",
              "unsourced-statistic", "authority-endorsement", "testimonial-as-evidence", "comparative-superiority",
              "pressure-offer", "other"):
        assert c in categories, c


def _rule_file(tmp_path, body):
    p = tmp_path / "extra.yaml"
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


GOOD = """\
rules:
  - code: CC901
    name: house-rule
    category: other
    level: warning
    patterns: ['glow guaranteed']
    message: m
    suggestion: s
    why: w
    link: https://example.org
    examples: {match: ['Glow guaranteed!'], no_match: ['A glow.']}
"""


def test_extra_rule_file_loads_and_fires(tmp_path):
    book = claimrules.load([_rule_file(tmp_path, GOOD)])
    assert "CC901" in book.rules


def test_unknown_key_names_file_line_and_suggestion(tmp_path):
    p = _rule_file(tmp_path, GOOD.replace("    message: m", "    mesage: m"))
    with pytest.raises(RulebookError) as err:
        claimrules.load([p])
    assert str(err.value) == f"{p}:7: unknown key 'mesage' (did you mean 'message'?)"


def test_missing_field_is_an_error(tmp_path):
    p = _rule_file(tmp_path, GOOD.replace("    why: w\n", ""))
    with pytest.raises(RulebookError, match=r"extra.yaml:2: missing required key 'why'"):
        claimrules.load([p])


def test_pattern_that_does_not_compile_names_its_line(tmp_path):
    p = _rule_file(tmp_path, GOOD.replace("patterns: ['glow guaranteed']", "patterns:\n      - 'ok'\n      - 'glow (unclosed'"))
    with pytest.raises(RulebookError) as err:
        claimrules.load([p])
    assert str(err.value).startswith(f"{p}:8: pattern 'glow (unclosed' does not compile")


def test_duplicate_code_is_an_error(tmp_path):
    p = _rule_file(tmp_path, GOOD.replace("CC901", "CC131"))
    with pytest.raises(RulebookError, match="CC131 is already defined"):
        claimrules.load([p])


def test_yaml_syntax_error_has_a_line(tmp_path):
    p = _rule_file(tmp_path, "rules:\n  - code: [unclosed\n")
    with pytest.raises(RulebookError, match=r"extra.yaml:\d+: invalid YAML"):
        claimrules.load([p])


def test_yaml_tags_that_build_objects_are_refused(tmp_path):
    p = _rule_file(tmp_path, "rules: !!python/object/apply:os.system ['echo hi']\n")
    with pytest.raises(RulebookError, match="invalid YAML"):
        claimrules.load([p])
