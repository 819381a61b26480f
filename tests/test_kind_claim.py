"""The claim kind: a rule over the parts of a claim (predicate, polarity, strength, speech act),
written by a team in YAML, tested by its examples, its spec checked with the line named."""
import pytest
from click.testing import CliRunner

import claimrules
from claimrules import RulebookError
from copycheck import kinds
from copycheck.cli import main


CLAIM_RULE = """\
rules:
  - code: CC961
    name: house-claim
    category: other
    level: warning
    kind: claim
    claim: {predicate: pain, polarity: denied}
    message: m
    suggestion: s
    why: w
    link: https://example.org
    examples: {match: ['It does not sting at all.'], no_match: ['It stings a little.']}
"""


def test_a_teams_claim_rule_is_written_over_claim_parts_and_tested(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(CLAIM_RULE, encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "--test", str(path)])
    assert r.exit_code == 0 and "2 of 2 examples of 1 rules pass." in r.output


@pytest.mark.parametrize("spec,message", [
    ("{predicate: pains, polarity: denied}", "unknown word class 'pains' (did you mean 'pain'?)"),
    ("{predicate: pain, polarity: negative}", "unknown polarity 'negative'"),
    ("{predicate: pain, strenght: direct}", "unknown key 'strenght' (did you mean 'strength'?)"),
])
def test_a_broken_claim_spec_names_its_line(tmp_path, spec, message):
    path = tmp_path / "house.yaml"
    path.write_text(CLAIM_RULE.replace("{predicate: pain, polarity: denied}", spec), encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        claimrules.load([path], kinds=kinds.REGISTRY)
    assert str(err.value).startswith(f"{path}:7: {message}")


def test_a_claim_rule_without_a_claim_is_an_error(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(CLAIM_RULE.replace("    claim: {predicate: pain, polarity: denied}\n", ""), encoding="utf-8")
    with pytest.raises(RulebookError, match=r"house.yaml:2: rule CC961 of kind 'claim' needs a 'claim'"):
        claimrules.load([path], kinds=kinds.REGISTRY)
