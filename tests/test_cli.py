"""The command line end to end: CliRunner, and a real subprocess on the installed command."""
import json
from pathlib import Path
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from copycheck.cli import main
from helpers import ROOT, SEEDS

PAGE = "# Mesotherapy\n\nPainless, with no downtime. The best clinic in town.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "clean.md").write_text("Mesotherapy may improve skin texture for some patients.\n", encoding="utf-8")
    return tmp_path


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_text_output_and_exit_1(site):
    r = invoke("check", "page.md")
    assert r.exit_code == 1
    assert r.output.splitlines()[0].startswith("page.md:3:1: error CC131 ")
    assert '    "Painless"' in r.output
    assert r.output.rstrip().endswith("Found 3 findings (2 errors, 1 warning) in 1 of 1 file.")


def test_clean_file_exits_0(site):
    r = invoke("check", "clean.md")
    assert r.exit_code == 0 and "No findings in 1 file." in r.output


def test_fail_on_and_exit_zero(site):
    (site / "w.md").write_text("The best clinic.\n", encoding="utf-8")
    assert invoke("check", "w.md").exit_code == 1
    assert invoke("check", "w.md", "--fail-on", "error").exit_code == 0
    assert invoke("check", "page.md", "--exit-zero").exit_code == 0


def test_show_evidence(site):
    r = invoke("check", "page.md", "--show-evidence")
    assert 'evidence: "A study evaluating the efficacy of mesotherapy in facial rejuvenation found that the procedure is minimally painful' in r.output
    assert '("Is Mesotherapy Safe for Facial Treatment?" (seed document; original address not recorded))' in r.output
    assert "seeds/000" not in r.output  # an installed copy has no seeds/: a quote names where a reader finds it
    assert "instead:" in r.output


def test_json_contract(site):
    r = invoke("check", ".", "--format", "json")
    doc = json.loads(r.output)
    assert set(doc) >= {"version", "findings", "summary"}
    f = doc["findings"][0]
    assert set(f) - {"claim", "also"} == {"path", "line", "column", "end_line", "end_column", "rule", "name", "category",
                                  "severity", "match", "message", "suggestion", "evidence"}
    # a claim finding carries the parts of the claim that made it
    assert f["claim"] == {"predicate": "pain", "polarity": "denied", "strength": "direct", "scope": "specific",
                          "speech": "assertion", "subject": f["claim"]["subject"]}
    assert (f["path"], f["line"], f["column"], f["end_column"], f["match"]) == ("page.md", 3, 1, 9, "Painless")
    assert f["evidence"][0].keys() - {"cite"} == {"source", "line", "quote"}  # cite: where a reader finds it
    keys = [(x["path"], x["line"], x["column"]) for x in doc["findings"]]
    assert keys == sorted(keys)
    assert doc["summary"]["files"] == 2 and doc["summary"]["findings"] == 3


def test_github_annotations(site):
    r = invoke("check", "page.md", "--format", "github")
    first = r.output.splitlines()[0]
    assert first.startswith("::error file=page.md,line=3,col=1,endLine=3,endColumn=9,title=CC131 painless::")


def test_sarif(site):
    doc = json.loads(invoke("check", "page.md", "--format", "sarif").output)
    assert doc["version"] == "2.1.0" and doc["runs"][0]["results"][0]["ruleId"] == "CC131"


def test_stdin_with_filename_picks_format(site):
    html = "<p>Painless</p><script>painless</script>"
    r = invoke("check", "-", "--stdin-filename", "x.html", "-q", input=html)
    assert r.output.count("CC131") == 1 and r.output.startswith("x.html:1:4:")


def test_missing_path_is_exit_2_and_other_files_still_checked(site):
    r = invoke("check", "nope.md", "page.md")
    assert r.exit_code == 2
    assert "copycheck: nope.md: no such file or directory" in r.output
    assert "page.md:3:1" in r.output


def test_invalid_utf8_names_file_and_byte_and_others_still_reported(site):
    (site / "bad.md").write_bytes(b"ok\nPainless \xff here\n")
    r = invoke("check", ".")
    assert r.exit_code == 2
    assert "copycheck: ./bad.md:2: invalid UTF-8 at byte 12 (0xff); file not checked" in r.output or \
        "copycheck: bad.md:2: invalid UTF-8 at byte 12 (0xff); file not checked" in r.output
    assert "page.md:3:1" in r.output


def test_binary_file_in_a_folder_is_skipped_with_a_notice(site):
    (site / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00painless")
    r = invoke("check", ".")
    assert r.exit_code == 1
    assert "image.md: binary file (contains NUL bytes); skipped" in r.output


def test_binary_file_named_explicitly_is_an_error(site):
    (site / "image.md").write_bytes(b"\x00\x00painless")
    assert invoke("check", "image.md").exit_code == 2


def test_walk_skips_hidden_node_modules_and_excludes(site):
    for d in (".hidden", "node_modules", "drafts"):
        (site / d).mkdir()
        (site / d / "x.md").write_text("Painless.\n", encoding="utf-8")
    (site / "notes.rst").write_text("Painless.\n", encoding="utf-8")
    r = invoke("check", ".", "--exclude", "drafts", "--format", "json")
    paths = {f["path"] for f in json.loads(r.output)["findings"]}
    assert paths == {"page.md"}


def test_jobs_gives_identical_output(site):
    for i in range(12):
        (site / f"p{i}.md").write_text(PAGE * (i + 1), encoding="utf-8")
    one = invoke("check", ".", "--format", "json", "--jobs", "1").output
    two = invoke("check", ".", "--format", "json", "--jobs", "2").output
    assert one == two


def test_jobs_auto_uses_processes_only_where_the_input_gains(site, monkeypatch):
    from copycheck import runner

    monkeypatch.setattr(runner, "cores", lambda: 2)
    small = [str(site / f"s{i}.md") for i in range(6)]
    for p in small:
        Path(p).write_text(PAGE, encoding="utf-8")
    assert runner.jobs_count("auto", small) == 1  # a few KB: one process
    monkeypatch.setattr(runner, "AUTO_MIN_BYTES", 100)
    assert runner.jobs_count("auto", small) == 2
    assert runner.jobs_count("auto", small[:2]) == 1  # too few files
    assert runner.jobs_count("3", small) == 3 and runner.jobs_count("1", small) == 1
    auto = invoke("check", ".", "--format", "json").output  # the default is auto: here, two processes
    assert auto == invoke("check", ".", "--format", "json", "--jobs", "1").output


def test_rules_and_explain():
    r = invoke("rules")
    assert r.exit_code == 0 and "CC131  painless" in r.output
    e = invoke("explain", "CC131")
    assert e.exit_code == 0
    for heading in ("What it does", "Why is this bad", "Evidence", "Example", "Use instead"):
        assert heading in e.output
    assert "mesotherapy: \"A study evaluating" in e.output and "(seed document; original address not recorded)" in e.output
    bad = invoke("explain", "CC13")
    assert bad.exit_code == 2 and "did you mean" in bad.output


def test_never_writes_to_checked_files(site):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in site.iterdir()}
    invoke("check", ".", "--format", "json")
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in site.iterdir()}
    assert before == after


def _installed_command():
    exe = shutil.which("copycheck", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "copycheck"]


def test_installed_command_runs_on_a_seed_from_another_folder(tmp_path):
    seed = SEEDS / "001_bcf4fe377c054bed.txt"
    proc = subprocess.run([*_installed_command(), "check", str(seed), "--format", "json"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert any(f["rule"] == "CC101" and f["line"] == 89 for f in doc["findings"])


def test_python_dash_m_and_version(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "copycheck", "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.startswith("copycheck, version ")


def test_pre_commit_hook_takes_copy_files_only():
    import re

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "copycheck" and hook["entry"] == "copycheck check"
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.md", "b.html", "c.htm", "d.txt", "e.mdx"))
    assert not any(files.search(n) for n in ("x.py", "y.css", "z.md.orig"))
