"""The registry of rule kinds: a new kind is one module plus YAML; the loader
checks each rule's kind and options against it; severity is decided once."""
import textwrap

import pytest
from click.testing import CliRunner

import claimrules
from claimrules import RulebookError
from claimrules.model import NONE, Want
from copycheck import kinds
from copycheck.cli import main
from copycheck.config import Settings
from copycheck.findings import severity
from copycheck.kinds.base import Candidate, Kind, Option
from copycheck.linter import Linter


def _see_exclamations(rule, doc, block, opts):
    """A throwaway document kind: too many '!' on a page.  It reads each block as
    it streams past and keeps what it needs in doc.notes."""
    doc.notes.setdefault(rule.code, []).extend((block, i) for i, ch in enumerate(block.text) if ch == "!")
    return ()


def _count_exclamations(rule, doc, opts):
    marks = doc.notes.get(rule.code, [])
    if len(marks) > opts["most"]:
        block, at = marks[0]
        yield Candidate(block, at, at + 1, message=rule.message.format(count=len(marks)))


SHOUTING = Kind(name="shouting", about="Too many exclamation marks.",
                options={"most": Option(int, 2, "exclamation marks a page may hold")},
                see_block=_see_exclamations, check_document=_count_exclamations)

RULE = """\
rules:
  - code: CC951
    name: shouting-page
    category: other
    level: warning
    kind: shouting
    options: {most: 1}
    message: '{count} exclamation marks on one page.'
    suggestion: Keep one, at most.
    why: Shouting copy reads as hype.
    link: https://example.org/shouting
    examples: {match: ['Book now! Today!'], no_match: ['Book now!']}
"""


@pytest.fixture
def shouting(tmp_path, monkeypatch):
    monkeypatch.setitem(kinds.REGISTRY, "shouting", SHOUTING)
    path = tmp_path / "shout.yaml"
    path.write_text(RULE, encoding="utf-8")
    return path


def test_a_throwaway_kind_is_listed_by_rules_and_run_by_check(shouting, tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["rules", "--rules", str(shouting)])
    assert "CC951  shouting-page" in listed.output and "shouting" in listed.output.split("CC951")[1].splitlines()[0]
    page = tmp_path / "page.md"
    page.write_text("Book now! Today! Hurry!\n", encoding="utf-8")
    checked = runner.invoke(main, ["check", "--no-config", "--rules", str(shouting), "--select", "CC951", str(page)])
    assert checked.exit_code == 1
    assert "CC951 3 exclamation marks on one page." in checked.output
    assert runner.invoke(main, ["rules", "--test", str(shouting)]).exit_code == 0


def test_a_kind_unknown_to_the_registry_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "shout.yaml"
    path.write_text(RULE, encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        claimrules.load([path], kinds=kinds.REGISTRY)
    assert str(err.value).startswith(f"{path}:6: kind must be one of ")


@pytest.mark.parametrize("options,message", [
    ("{mots: 1}", "unknown option 'mots' for kind 'shouting' (its options: most) (did you mean 'most'?)"),
    ("{most: lots}", "option 'most' of kind 'shouting' must be a whole number, not 'lots'"),
])
def test_options_are_checked_against_the_kind(shouting, options, message):
    shouting.write_text(RULE.replace("{most: 1}", options), encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        claimrules.load([shouting], kinds=kinds.REGISTRY)
    assert str(err.value) == f"{shouting}:7: {message}"


def test_a_builtin_kinds_option_of_the_wrong_type_is_an_error():
    book = claimrules.load(kinds=kinds.REGISTRY)
    settings = Settings(rule_options={"CC401": {"target_grade": "abc"}}, source="pyproject.toml",
                        lines={"rule-options": 12})
    with pytest.raises(RulebookError, match=r"^pyproject.toml:12: option 'target_grade' of kind 'readability' "
                                            r"must be a number, not 'abc'"):
        Linter(book, settings)


def _one_rule(tmp_path, **changes):
    body = textwrap.dedent("""\
        rules:
          - code: CC902
            name: house-rule
            category: other
            level: warning
            topic: efficacy
            patterns: ['glow guaranteed']
            message: m
            suggestion: s
            why: w
            link: https://example.org
            examples: {match: ['Glow guaranteed!'], no_match: ['A glow.']}
        """)
    for old, new in changes.items():
        body = body.replace(old, new)
    path = tmp_path / "house.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_an_unknown_topic_is_an_error_with_a_suggestion(tmp_path):
    path = _one_rule(tmp_path, **{"topic: efficacy": "topic: efficacyy"})
    with pytest.raises(RulebookError) as err:
        claimrules.load([path], kinds=kinds.REGISTRY)
    assert str(err.value).startswith(f"{path}:6: unknown topic 'efficacyy' (did you mean 'efficacy'?)")


def test_an_empty_example_list_is_an_error(tmp_path):
    path = _one_rule(tmp_path, **{"no_match: ['A glow.']": "no_match: []"})
    with pytest.raises(RulebookError, match=r"house.yaml:12: rule CC902: examples 'no_match' must not be empty"):
        claimrules.load([path], kinds=kinds.REGISTRY)


def test_rules_test_reports_each_failing_example_and_exits_1(tmp_path):
    path = _one_rule(tmp_path, **{"no_match: ['A glow.']": "no_match: ['Glow guaranteed.']"})
    r = CliRunner().invoke(main, ["rules", "--test", str(path)])
    assert r.exit_code == 1
    assert f"{path}:2: CC902 should not flag: 'Glow guaranteed.'" in r.output
    assert "1 of 2 examples of 1 rules pass." in r.output


def test_a_superseding_finding_stands_at_least_at_the_level_it_replaces():
    from copycheck.findings import highest

    assert highest("info", "error") == "error" and highest("warning", "info") == "warning"


def test_severity_is_the_level_moved_within_the_scale():
    assert severity("warning") == "warning"
    assert severity("warning", -1) == "info"
    assert severity("info", -1) == "info"
    assert severity("warning", 1) == "error"
    assert severity("error", 1) == "error"


def test_rules_explain_and_findings_agree_on_cc301s_level():
    import copycheck

    listed = CliRunner().invoke(main, ["rules", "--format", "json"]).output
    import json

    level = {r["code"]: r["level"] for r in json.loads(listed)}["CC301"]
    assert f"(evidence, evidence, {level})" in CliRunner().invoke(main, ["explain", "CC301"]).output
    # two or more steps above the evidence, and replacing no higher finding: the rule's level
    found = [f.severity for f in copycheck.check_text("Mesotherapy reduces body fat.") if f.rule == "CC301"]
    assert found == [level]


def test_claimrules_imports_nothing_from_copycheck():
    import subprocess
    import sys

    code = ("import sys, claimrules, claimrules.evidence, claimrules.topics; claimrules.load(); "
            "print(sorted(m for m in sys.modules if m.startswith('copycheck')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---- a page-level kind that needs a signal from the blocks declares it (kinds/base.py: PageSignal) ----

def _first_claim(rule, ctx):
    """The signal: the block's first claim about a treatment."""
    for c in ctx.read():
        if c.treatment is not None:
            return ctx.block, c.start, c.treatment
    return None


def _every_claim(reader):
    speech = ("assertion", "question", "condition", "expectation", "purpose", "testimonial")
    return {cls: [Want("asserted", NONE, speech), Want("denied", NONE, speech)] for cls in reader.classes}


def _name_first_claim(rule, doc, opts):
    found = doc.signals.get("first-claim")
    if found is not None:
        block, start, treatment = found
        yield Candidate(None, 0, 0, message=rule.message.format(treatment=treatment, line=doc.line_of(block, start)))


FIRST_CLAIM = Kind(name="first-claim", about="Names the page's first claim about a treatment.", reads_claims=True,
                   check_document=_name_first_claim,
                   signal=kinds.base.PageSignal(find=_first_claim, wants=_every_claim))


def test_a_kind_that_needs_a_page_level_signal_declares_it_and_the_linter_knows_nothing_of_it(tmp_path, monkeypatch):
    monkeypatch.setitem(kinds.REGISTRY, "first-claim", FIRST_CLAIM)
    path = tmp_path / "first.yaml"
    path.write_text(textwrap.dedent("""\
        rules:
          - code: CC952
            name: first-claim-page
            category: other
            level: info
            kind: first-claim
            message: 'First claim: {treatment}, line {line}.'
            suggestion: Nothing.
            why: A test of the kind interface.
            link: https://example.org/first-claim
            examples: {match: ['Botox removes wrinkles.'], no_match: ['Book now!']}
        """), encoding="utf-8")
    book = claimrules.load((str(path),), kinds=kinds.REGISTRY)
    linter = Linter(book, Settings(select=("CC952",)))
    page = linter.check_text("# Prices\n\nBook today.\n\nBotox removes wrinkles for months.\n", "p.md")
    assert [(f.rule, f.line, f.message) for f in page.findings] == [("CC952", 1, "First claim: anti-wrinkle injections, line 5.")]
    assert linter.check_text("Book today.\n", "p.md").findings == []
