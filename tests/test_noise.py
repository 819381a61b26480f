"""What a content team sees first: the lowest level shown, JUnit agreeing with the gate,
and one finding for the same words."""
import json
import xml.etree.ElementTree as ET

from click.testing import CliRunner

from copycheck.cli import main

DENSE = ("Notwithstanding the considerable heterogeneity characterising contemporary dermatological "
         "interventions, practitioners increasingly recommend individualised multimodal rejuvenation "
         "protocols incorporating pharmacological, technological and procedural components simultaneously. ")


def run(tmp_path, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["check", *args])


def test_info_findings_are_hidden_by_default_and_counted(tmp_path, monkeypatch):
    (tmp_path / "dense.md").write_text(DENSE * 6 + "\n", encoding="utf-8")
    out = run(tmp_path, monkeypatch, "dense.md")
    assert out.exit_code == 0 and "CC40" not in out.output
    assert "info findings hidden by --min-level warning" in out.output or "info finding hidden" in out.output
    shown = run(tmp_path, monkeypatch, "dense.md", "--min-level", "info")
    assert "CC401" in shown.output and shown.exit_code == 0
    data = json.loads(run(tmp_path, monkeypatch, "dense.md", "--format", "json").output)
    assert data["findings"] == [] and data["summary"]["below_min_level"] >= 1


def test_quiet_hides_what_min_level_hides(tmp_path, monkeypatch):
    (tmp_path / "dense.md").write_text(DENSE * 6 + "Our peel is painless.\n", encoding="utf-8")
    out = run(tmp_path, monkeypatch, "dense.md", "-q")
    assert "CC131" in out.output and "CC40" not in out.output
    assert "CC40" in run(tmp_path, monkeypatch, "dense.md", "-q", "--min-level", "info").output


def test_min_level_error_hides_warnings_but_never_what_the_gate_counts(tmp_path, monkeypatch):
    (tmp_path / "p.md").write_text("Our peel is the best in town. It is completely painless.\n", encoding="utf-8")
    errors = run(tmp_path, monkeypatch, "p.md", "--min-level", "error", "--fail-on", "error")
    assert "CC131" in errors.output and "CC221" not in errors.output and errors.exit_code == 1
    # the gate fails on warnings: they are shown whatever --min-level says
    gate = run(tmp_path, monkeypatch, "p.md", "--min-level", "error")
    assert "CC221" in gate.output and gate.exit_code == 1


def test_min_level_from_config_and_a_bad_value(tmp_path, monkeypatch):
    (tmp_path / "dense.md").write_text(DENSE * 6 + "\n", encoding="utf-8")
    (tmp_path / ".copycheck.yaml").write_text("min-level: info\n", encoding="utf-8")
    assert "CC401" in run(tmp_path, monkeypatch, "dense.md").output
    (tmp_path / ".copycheck.yaml").write_text("min-level: loud\n", encoding="utf-8")
    bad = run(tmp_path, monkeypatch, "dense.md")
    assert bad.exit_code == 2 and ".copycheck.yaml:1:" in bad.output and "min-level" in bad.output


def _cases(xml_text):
    root = ET.fromstring(xml_text)
    suite = root.find("testsuite")
    return suite, {c.get("name"): c for c in suite.findall("testcase")}


def test_junit_fails_only_the_pages_the_gate_fails(tmp_path, monkeypatch):
    (tmp_path / "dense.md").write_text(DENSE * 6 + "\n", encoding="utf-8")
    (tmp_path / "claim.md").write_text("Our peel is completely painless.\n", encoding="utf-8")
    out = run(tmp_path, monkeypatch, "dense.md", "claim.md", "--format", "junit", "--min-level", "info")
    suite, cases = _cases(out.output)
    assert suite.get("failures") == "1" and out.exit_code == 1
    assert cases["claim.md"].find("failure") is not None
    dense = cases["dense.md"]
    assert dense.find("failure") is None and "CC401" in dense.find("system-out").text  # info: output, no failure
    # with --exit-zero the gate passes every page, and so does JUnit
    zero = run(tmp_path, monkeypatch, "dense.md", "claim.md", "--format", "junit", "--exit-zero")
    suite, _ = _cases(zero.output)
    assert suite.get("failures") == "0" and zero.exit_code == 0
    # --fail-on info: a page with info findings fails, in the exit code and in JUnit alike
    info = run(tmp_path, monkeypatch, "dense.md", "--format", "junit", "--fail-on", "info")
    suite, cases = _cases(info.output)
    assert suite.get("failures") == "1" and info.exit_code == 1 and cases["dense.md"].find("failure") is not None


def test_the_same_words_get_one_finding(tmp_path, monkeypatch):
    (tmp_path / "p.md").write_text("Defy ageing with our peel.\n\nThis facial is perfect for anyone.\n\n"
                                   "Our capsules stop hair loss.\n", encoding="utf-8")
    found = json.loads(run(tmp_path, monkeypatch, "p.md", "--format", "json").output)["findings"]
    spans = [(f["line"], f["column"], f["end_column"]) for f in found]
    assert len(spans) == len(set(spans)) == 3
    by_line = {f["line"]: f for f in found}
    assert by_line[3]["rule"] == "CC181" and by_line[3]["match"] == "perfect for anyone"  # the wider, higher one
    assert by_line[5]["severity"] == "error"  # the error stands, the warning on the same words gives way
    # the one kept names the rules that gave way to it, in JSON and in the text output
    for f in found:
        assert f["also"] and f["rule"] not in f["also"], f
    text = run(tmp_path, monkeypatch, "p.md").output
    assert f"[{by_line[3]['name']}] (also {', '.join(by_line[3]['also'])})" in text


def test_a_finding_alone_on_its_words_names_no_other(tmp_path, monkeypatch):
    (tmp_path / "p.md").write_text("Our peel is clinically proven.\n", encoding="utf-8")
    found = json.loads(run(tmp_path, monkeypatch, "p.md", "--format", "json").output)["findings"]
    assert found and all("also" not in f for f in found)


def test_overlapping_claims_that_are_not_within_each_other_both_stand(tmp_path, monkeypatch):
    (tmp_path / "p.md").write_text("It is painless and permanent.\n", encoding="utf-8")
    found = json.loads(run(tmp_path, monkeypatch, "p.md", "--format", "json").output)["findings"]
    assert {f["rule"] for f in found} >= {"CC131", "CC161"}
