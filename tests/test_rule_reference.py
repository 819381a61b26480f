"""docs/rules.md, the rule reference, is generated from the rule YAML (as ruff's
is from its rules) and must not go stale; `explain` shows the same sections."""
from pathlib import Path

from click.testing import CliRunner

import claimrules
from copycheck.cli import main
from copycheck.kinds import REGISTRY
from copycheck.report.rule_reference import markdown

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
REGENERATE = "docs/rules.md is stale: regenerate it with `copycheck rules --format markdown > docs/rules.md`"


def test_docs_rules_md_is_what_the_rule_yaml_generates():
    assert DOC.read_text(encoding="utf-8") == markdown(claimrules.load(kinds=REGISTRY), REGISTRY), REGENERATE


def test_the_command_writes_the_reference():
    r = CliRunner().invoke(main, ["rules", "--format", "markdown"])
    assert r.exit_code == 0 and r.output == DOC.read_text(encoding="utf-8")


def test_every_rule_has_its_sections():
    book = claimrules.load(kinds=REGISTRY)
    text = DOC.read_text(encoding="utf-8")
    for rule in book.rules.values():
        entry = text.split(f"\n## {rule.code} {rule.name}\n", 1)[1].split("\n## ", 1)[0]
        for section in ("What it does", "Why is this bad", "Use instead"):
            assert f"\n### {section}\n" in entry, (rule.code, section)
        assert ("\n### Example\n" in entry) == bool(rule.examples_match), rule.code


def test_explain_shows_one_rule_s_sections():
    out = CliRunner().invoke(main, ["explain", "CC101"]).output
    assert out.splitlines()[0].startswith("CC101 proof-claim")
    titles = [line for line in out.splitlines() if line and not line.startswith(" ")][1:]
    assert titles == ["What it does", "Why is this bad",
                      "Evidence (a finding quotes the evidence for its own treatment)", "Example", "Use instead"]
