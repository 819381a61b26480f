"""CI formats, read by real consumers: SARIF against the official 2.1.0 schema with
format checking, JUnit by junitparser, GitLab Code Quality's required fields,
GitHub annotations; --output-file, --statistics, colour and quiet passes."""
import json

import jsonschema
import pytest
from click.testing import CliRunner
from junitparser import JUnitXml

from copycheck.cli import main
from helpers import ROOT

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
RISKY = "# Lip fillers\n\nOur lip fillers are completely painless, with no downtime.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "blog post é.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "fine.md").write_text("# Peels\n\nMost people have some redness for a day.\n", encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"caf\xe9 au lait\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args, env=None):
    return CliRunner().invoke(main, ["check", "--no-config", *args], env=env)


def test_sarif_validates_against_the_official_schema_with_format_checking(site):
    r = run(".", "--format", "sarif")
    assert r.exit_code == 2  # the unreadable file
    doc = json.loads(r.stdout)
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run_ = doc["runs"][0]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for res in run_["results"] for loc in res["locations"]}
    assert uris == {"blog%20post%20%C3%A9.md"}  # relative, percent-encoded
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    rule = next(x for x in run_["tool"]["driver"]["rules"] if x["id"] == "CC131")
    assert rule["helpUri"].startswith("https://") and rule["fullDescription"]["text"]
    assert rule["defaultConfiguration"]["level"] == "error" and rule["help"]["text"].startswith("Instead:")
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and "broken.md" in notes[0]["message"]["text"]
    assert run_["invocations"][0]["executionSuccessful"] is False


def test_a_stricter_check_catches_a_bad_uri():
    """The validator really checks formats: a raw space in a uri is refused."""
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "informationUri": "not a uri"}}}]}
    assert list(validator.iter_errors(bad))


def test_junit_is_read_by_junitparser(site, tmp_path):
    out = tmp_path / "report.xml"
    r = run(".", "--format", "junit", "--output-file", str(out))
    assert r.exit_code == 2 and r.stdout == ""
    xml = JUnitXml.fromfile(str(out))
    cases = {case.name: case for suite in xml for case in suite}
    assert set(cases) == {"blog post é.md", "fine.md", "broken.md"}
    assert cases["fine.md"].is_passed
    assert "CC131" in cases["blog post é.md"].result[0].text
    assert cases["broken.md"].result[0].type == "input-error"


def test_gitlab_code_quality_has_the_required_fields(site):
    issues = json.loads(run(".", "--format", "gitlab").stdout)
    assert issues
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert isinstance(issue["location"]["path"], str) and isinstance(issue["location"]["lines"]["begin"], int)
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    assert any(i["check_name"] == "input-error" for i in issues)


def test_github_annotations_report_input_errors_and_summarise_when_cut(site, tmp_path):
    many = "\n\n".join(f"Treatment {i} is completely painless." for i in range(15))
    (site / "many.md").write_text("# Fillers\n\n" + many + "\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    r = run(".", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert r.stdout.splitlines()[0].startswith("::error file=broken.md,line=1,title=copycheck input error::")
    assert "all" in r.stdout.splitlines()[-1] and "summary" in r.stdout.splitlines()[-1]
    table = summary.read_text(encoding="utf-8")
    assert table.count("| CC131 |") >= 15


def test_statistics_count_findings_per_rule(site):
    r = run("blog post é.md", "--statistics")
    lines = r.stdout.splitlines()
    assert "1\tCC131\tpainless" in lines and r.exit_code == 1


def test_colour_follows_the_flag_and_no_color(site):
    always = run("blog post é.md", "--color", "always")
    assert "\x1b[" in always.stdout
    assert "\x1b[" not in run("blog post é.md", "--color", "never").stdout
    assert "\x1b[" not in run("blog post é.md", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" in run("blog post é.md", env={"FORCE_COLOR": "1"}).stdout


def test_no_files_to_check_is_an_error_not_a_pass(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    r = run("empty")
    assert r.exit_code == 2 and "no files to check in empty" in r.stderr


def test_stdin_filename_alone_reads_standard_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "other.md").write_text("Fine text.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--no-config", "--stdin-filename", "page.html"],
                           input="<p>Completely painless.</p>")
    assert "page.html:1:" in r.stdout and "other.md" not in r.stdout


HOSTILE_NAME = "a\x1b[2Jb\nc\u202e.md"  # clears a terminal, starts a new output line, reverses text


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "html"])
def test_control_characters_in_file_names_and_copy_are_escaped(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    (tmp_path / HOSTILE_NAME).write_text("Our peel is \x1b[31mcompletely painless.\n", encoding="utf-8")
    r = run(".", "--format", fmt)
    assert r.exit_code == 1
    assert not any(c in r.stdout for c in "\x1b\u202e"), repr(r.stdout[:300])
    assert "a\\x1b[2Jb\\nc\\u202e.md" in r.stdout
    if fmt == "text":
        assert all(not line.startswith("c") for line in r.stdout.splitlines())  # no line forged by the name
    if fmt == "junit":
        import xml.dom.minidom

        xml.dom.minidom.parseString(r.stdout)  # well-formed


def test_the_step_summary_writes_file_names_and_rule_text_as_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    many = "\n\n".join(f"Treatment {i} is completely painless." for i in range(15))
    (tmp_path / "<img src=x onerror=alert(1)>[link](http:evil).md").write_text(many + "\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    run(".", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    table = summary.read_text(encoding="utf-8")
    assert "<img" not in table and "](" not in table and "&lt;img" in table
