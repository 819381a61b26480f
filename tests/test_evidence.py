"""The evidence rulebook built from documents, and claims judged against it."""
import json

import pytest
import yaml
from click.testing import CliRunner

import claimrules
from claimrules import evidence as ev
from copycheck.evidence.build import build, dump
from copycheck.cli import main
from helpers import ROOT

BUILT = ROOT / "claimrules" / "evidence.yaml"
COMMAND = "copycheck evidence build seeds -o claimrules/evidence.yaml"


@pytest.fixture(scope="module")
def seeds_base():
    return ev.read_file(BUILT)


def test_committed_evidence_file_is_what_the_seeds_build(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert dump(build(["seeds"]), COMMAND) == BUILT.read_text(encoding="utf-8")


def test_build_is_deterministic(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert dump(build(["seeds"]), COMMAND) == dump(build(["seeds/"]), COMMAND)


def test_every_statement_is_verbatim_at_its_line(seeds_base):
    assert len(seeds_base.statements) > 100
    for s in seeds_base.statements:
        line = (ROOT / s.source).read_text(encoding="utf-8").splitlines()[s.line - 1]
        assert s.quote in line, (s.source, s.line, s.quote)


@pytest.mark.parametrize("topic,strength", [
    ("wrinkles", "hedged"), ("hair loss", "hedged"), ("fat reduction", "none"),
    ("skin texture", "qualified"), ("cellulite", "qualified"), ("pain", "qualified"), ("pigmentation", "none"),
])
def test_supported_strength_per_topic(seeds_base, topic, strength):
    assert seeds_base.supported("mesotherapy", topic) == strength


def test_stances_and_kinds(seeds_base):
    def find(topic, source, line):
        return [s for s in seeds_base.for_topic(topic) if s.source.startswith(source) and s.line == line]

    assert {s.stance for s in find("wrinkles", "seeds/000", 21)} == {"contests"}
    assert {s.stance for s in find("fat reduction", "seeds/000", 9)} == {"refutes"}
    assert {s.kind for s in find("fat reduction", "seeds/000", 9)} == {"state-of-evidence"}
    assert {s.stance for s in find("skin texture", "seeds/000", 21)} == {"qualifies"}
    # a promotional document's positive claims are not evidence
    assert {s.stance for s in find("wrinkles", "seeds/004", 228)} == {"promotes"}
    # but what it admits about the procedure counts
    assert "qualifies" in {s.stance for s in find("sessions", "seeds/004", 88)}


def test_derive_rules():
    def st(stance, strong=False):
        return ev.Statement("t", "x", "d", 1, stance, "claim", "evidence", "q", strong)

    assert ev.derive([]) == "none"
    assert ev.derive([st("refutes")]) == "none"
    assert ev.derive([st("contests")]) == "hedged"
    assert ev.derive([st("qualifies")]) == "qualified"
    assert ev.derive([st("qualifies"), st("contests")]) == "hedged"
    assert ev.derive([st("supports", strong=True)]) == "direct"
    assert ev.derive([st("supports", strong=True), st("contests")]) == "qualified"
    assert ev.derive([st("promotes"), st("neutral")]) == "none"


# Claims written for these tests (not copied from the seeds), per topic, both ways.


TRIAL = """# Mesotherapy for wrinkles: our 2025 trial

A randomised controlled trial of mesotherapy in 120 patients found that it reduced the appearance of wrinkles after six sessions.
"""


def test_a_team_adds_evidence_and_the_verdict_changes(tmp_path, monkeypatch):
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "trial.md").write_text(TRIAL, encoding="utf-8")
    (tmp_path / "page.md").write_text("Mesotherapy can reduce the appearance of wrinkles.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    before = runner.invoke(main, ["check", "page.md", "--format", "json", "--min-level", "info"])
    assert [f["rule"] for f in json.loads(before.output)["findings"]] == ["CC301"]

    after = runner.invoke(main, ["check", "page.md", "--format", "json", "--min-level", "info", "--evidence", "evidence"])
    assert json.loads(after.output)["findings"] == [] and after.exit_code == 0

    # the same from config, and the new document is cited where it applies
    (tmp_path / ".copycheck.yaml").write_text("evidence: [evidence/]\n", encoding="utf-8")
    stronger = tmp_path / "strong.md"
    stronger.write_text("Mesotherapy reduces wrinkles.\n", encoding="utf-8")
    shown = runner.invoke(main, ["check", "strong.md", "--show-evidence", "--min-level", "info"])
    assert "CC301" in shown.output and "evidence/trial.md:3)" in shown.output
    assert runner.invoke(main, ["check", "page.md"]).exit_code == 0

    # removing the document removes its citations and restores the verdict
    (tmp_path / "evidence" / "trial.md").unlink()
    gone = runner.invoke(main, ["check", "strong.md", "page.md", "--show-evidence", "--min-level", "info"])
    assert "trial.md" not in gone.output and gone.output.count("CC301") == 2


def test_evidence_build_check_detects_a_stale_file(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "evidence.yaml"
    runner = CliRunner()
    assert runner.invoke(main, ["evidence", "build", "seeds", "-o", str(out)]).exit_code == 0
    assert runner.invoke(main, ["evidence", "build", "seeds", "-o", str(out), "--check"]).exit_code == 0
    out.write_text(out.read_text(encoding="utf-8").replace("hedged", "direct", 1), encoding="utf-8")
    stale = runner.invoke(main, ["evidence", "build", "seeds", "-o", str(out), "--check"])
    assert stale.exit_code == 1 and "stale" in stale.output


def test_evidence_file_is_reviewable_yaml():
    data = yaml.safe_load(BUILT.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [d["source"] for d in data["documents"]] == sorted(d["source"] for d in data["documents"])
    assert data["treatments"]["mesotherapy"]["wrinkles"]["supported"] == "hedged"


def test_broken_evidence_file_is_an_error_with_its_name(tmp_path):
    bad = tmp_path / "ev.yaml"
    bad.write_text("version: 1\ntreatments:\n  x:\n    y:\n      statements:\n        - {source: a}\n", encoding="utf-8")
    with pytest.raises(claimrules.RulebookError, match=r"ev.yaml:6: each statement needs"):
        ev.read_file(bad)
