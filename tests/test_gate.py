"""A gate a content team can adopt on an existing site: a baseline keyed on content,
and --changed-since on a git branch.  Built on a real git repository."""
import json
import os
import subprocess

import pytest
from click.testing import CliRunner

from copycheck.cli import main

OLD = """# Lip fillers

Our lip fillers are completely painless.

Results are permanent.

Book a consultation with our nurse to talk it through.
"""


def git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "fillers.md").write_text(OLD, encoding="utf-8")
    (tmp_path / "content" / "peels.md").write_text("# Peels\n\nA peel is 100% safe for everyone.\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "old site")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args):
    return CliRunner().invoke(main, ["check", "--no-config", "content", *args])


def codes(result):
    return sorted((f["path"], f["rule"]) for f in json.loads(result.stdout)["findings"])


def test_a_baseline_gates_only_new_problems(repo):
    before = check()
    assert before.exit_code == 1
    wrote = check("--write-baseline", "copycheck-baseline.json")
    assert wrote.exit_code == 0 and "Wrote a baseline of" in wrote.stderr
    text = (repo / "copycheck-baseline.json").read_text(encoding="utf-8")
    entries = json.loads(text)["findings"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["sentence"], e["match"]))
    assert all(e["path"].startswith("content/") for e in entries) and '"line"' not in text

    # with the baseline: nothing new, exit 0
    quiet = check("--baseline", "copycheck-baseline.json")
    assert quiet.exit_code == 0, quiet.stdout
    assert "in the baseline not shown, 0 fixed" in quiet.stdout

    # a new risky sentence: exit 1, and that finding alone
    page = repo / "content" / "fillers.md"
    page.write_text(OLD + "\nThere are no side effects.\n", encoding="utf-8")
    new = check("--baseline", "copycheck-baseline.json", "--format", "json")
    assert new.exit_code == 1 and codes(new) == [("content/fillers.md", "CC122")]

    # moving a paragraph (and editing a neighbouring line) stays quiet
    moved = OLD.replace("Results are permanent.\n\n", "").replace(
        "talk it through.", "talk it through with you.") + "\nResults are permanent.\n"
    page.write_text(moved, encoding="utf-8")
    assert check("--baseline", "copycheck-baseline.json").exit_code == 0

    # editing the old sentence itself brings it back
    page.write_text(moved.replace("completely painless", "totally painless"), encoding="utf-8")
    back = check("--baseline", "copycheck-baseline.json", "--format", "json")
    assert back.exit_code == 1 and codes(back) == [("content/fillers.md", "CC131")]
    assert json.loads(back.stdout)["summary"]["fixed"] == 1  # the old wording is gone

    # the same from config, relative to the config file
    (repo / ".copycheck.yaml").write_text("baseline: copycheck-baseline.json\n", encoding="utf-8")
    from_config = CliRunner().invoke(main, ["check", "content", "--format", "json"])
    assert codes(from_config) == [("content/fillers.md", "CC131")]


def test_a_broken_baseline_is_one_error(repo):
    (repo / "bad.json").write_text('{"version": 1, "findings": [\n  {"path": 3}\n]}\n', encoding="utf-8")
    r = check("--baseline", "bad.json")
    assert r.exit_code == 2 and "bad.json:" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert check("--baseline", "missing.json").exit_code == 2


def test_changed_since_reports_only_changed_lines(repo):
    git(repo, "checkout", "-q", "-b", "edit")
    page = repo / "content" / "fillers.md"
    page.write_text(OLD.replace("talk it through.", "talk it through.\n\nNo downtime at all."), encoding="utf-8")
    (repo / "content" / "new.md").write_text("# Botox\n\nCompletely risk-free.\n", encoding="utf-8")  # untracked
    r = check("--changed-since", "main", "--format", "json")
    assert r.exit_code == 1
    found = codes(r)
    assert ("content/fillers.md", "CC141") in found
    assert ("content/fillers.md", "CC131") not in found  # an old line, untouched
    assert not any(p == "content/peels.md" for p, _ in found)  # an unchanged page: not even page-level rules
    assert any(p == "content/new.md" for p, _ in found)  # a new file counts whole
    assert json.loads(r.stdout)["summary"]["unchanged"] > 0
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "edit")
    assert codes(check("--changed-since", "HEAD", "--format", "json")) == []


def test_changed_since_an_unknown_ref_is_a_clear_error(repo):
    r = check("--changed-since", "origin/main")
    assert r.exit_code == 2 and "unknown git revision 'origin/main'" in r.stderr


def test_changed_since_in_a_shallow_clone_says_how_to_fetch(repo, tmp_path_factory):
    for i in range(2):
        (repo / "content" / "peels.md").write_text(f"# Peels {i}\n\nA peel.\n", encoding="utf-8")
        git(repo, "commit", "-q", "-am", f"c{i}")
    clone = tmp_path_factory.mktemp("shallow") / "site"
    subprocess.run(["git", "clone", "-q", "--depth=1", f"file://{repo}", str(clone)], check=True)
    os.chdir(clone)
    r = CliRunner().invoke(main, ["check", "--no-config", "content", "--changed-since", "HEAD~2"])
    assert r.exit_code == 2 and "shallow clone" in r.stderr and "git fetch" in r.stderr
