"""The evidence rulebook built from documents, and claims judged against it."""
import json

import pytest
import yaml
from click.testing import CliRunner

import claimrules
from claimrules import evidence as ev
from copycheck.evidence.build import build, dump
from copycheck.cli import main
from helpers import ROOT, codes, lint

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
OVERSTATED = [
    ("Mesotherapy visibly erases wrinkles.", "wrinkles"),
    ("Our mesotherapy course improves fine lines around the eyes.", "wrinkles"),
    ("Mesotherapy restores skin texture in every client.", "skin texture"),
    ("Mesotherapy dramatically improves pore size.", "skin texture"),
    ("Mesotherapy melts away stubborn fat.", "fat reduction"),
    ("Mesotherapy may reduce localised fat.", "fat reduction"),
    ("Mesotherapy regrows hair.", "hair loss"),
    ("Meso injections treat alopecia.", "hair loss"),
    ("Mesotherapy reduces cellulite.", "cellulite"),
    ("Mesotherapy fades dark spots and pigmentation for good.", "pigmentation"),
]
AT_OR_BELOW = [
    "Mesotherapy may help the look of fine lines for some people; the evidence is limited.",
    "Some patients find mesotherapy may improve wrinkles a little.",
    "Mesotherapy can improve skin texture for some people; results vary.",
    "Mesotherapy may improve skin texture for some patients.",
    "Mesotherapy has not been shown to reduce fat.",
    "Mesotherapy may help with thinning hair in some people, but the evidence is limited.",
    "Mesotherapy can improve the appearance of cellulite for some people.",
    "Mesotherapy is not a treatment for pigmentation.",
]


@pytest.mark.parametrize("text,topic", OVERSTATED)
def test_overstated_claims_are_flagged_with_their_topic_and_evidence(text, topic):
    found = [f for f in lint(text) if f.rule == "CC301"]
    assert len(found) == 1, lint(text)
    assert f"about {topic};" in found[0].message
    assert found[0].evidence and all(e.source.startswith("seeds/") for e in found[0].evidence)


@pytest.mark.parametrize("text", AT_OR_BELOW)
def test_claims_at_or_below_the_evidence_are_quiet(text):
    assert "CC301" not in codes(text)


def test_removes_wrinkles_cites_000_and_003():
    f = [f for f in lint("Mesotherapy removes wrinkles.") if f.rule == "CC301"][0]
    # it replaces CC111 (an absolute outcome, an error) on the same words, and stands at its level
    assert f.severity == "error" and "CC111" not in codes("Mesotherapy removes wrinkles.")
    g = [f for f in lint("Mesotherapy reduces body fat.") if f.rule == "CC301"][0]
    assert g.severity == "warning"  # CC301's own level in YAML: two or more steps above the evidence
    assert {e.source[:9] for e in f.evidence} == {"seeds/000", "seeds/003"}
    assert f.suggestion.startswith('"Mesotherapy may help the appearance of fine lines')


def test_a_treatment_must_be_in_reach():
    assert "CC301" not in codes("Retinol removes wrinkles.")
    assert "CC301" in codes("# Mesotherapy\n\nIt removes wrinkles.\n")  # the heading puts it in reach


@pytest.mark.parametrize("text,code", [
    ("Mesotherapy is completely painless.", "CC131"),
    ("Mesotherapy: no side effects at all.", "CC122"),
    ("Mesotherapy with no downtime.", "CC141"),
    ("Mesotherapy is permanent.", "CC161"),
    ("Mesotherapy can be done with no need to go to the clinic.", "CC151"),
    ("Teeth whitening is suitable for everyone.", "CC181"),
    ("With Mounjaro there are no side effects.", "CC122"),
])
def test_practice_topics_flag_the_overstatement_and_cite_built_evidence(text, code):
    found = [f for f in lint(text) if f.rule == code]
    assert found and found[0].evidence
    assert all(e.source.startswith("seeds/") for e in found[0].evidence)


@pytest.mark.parametrize("text,code", [
    ("No side effects at all.", "CC122"),
    ("No downtime.", "CC141"),
    ("Suitable for everyone.", "CC181"),
])
def test_with_no_treatment_in_reach_a_finding_quotes_no_treatment_s_evidence(text, code):
    found = [f for f in lint(text) if f.rule == code]
    assert found and found[0].evidence == ()


@pytest.mark.parametrize("text", [
    "Most people feel mild discomfort, like a brief pinching; a numbing cream helps.",
    "Bruising and swelling are common and settle within a few days.",
    "Most people need a course of 4 to 6 sessions.",
    "Results last a few months; maintenance sessions keep them up.",
    "Mesotherapy should be given by a qualified practitioner.",
    "Your practitioner will check whether it is suitable for you.",
])
def test_practice_topics_are_quiet_at_what_the_evidence_supports(text):
    assert lint(text) == []


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


def test_one_step_above_the_evidence_is_one_level_below_the_rules_level():
    found = {f.match: f.severity for f in lint("Mesotherapy improves skin texture.") if f.rule == "CC301"}
    assert found == {"improves skin texture": "info"}


def test_levels_override_is_the_rule_level_judgement_moves(tmp_path):
    strong = [f for f in lint("Mesotherapy removes wrinkles.", levels={"CC301": "error"}) if f.rule == "CC301"]
    assert [f.severity for f in strong] == ["error"]
