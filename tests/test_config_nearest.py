"""Config like ruff's: the config nearest each checked file applies, its paths are
relative to it, a broken pyproject is an error, and the command line wins aloud."""
import json
import os

from click.testing import CliRunner

from copycheck.cli import main

PAGE = "# Fillers\n\nOur fillers are completely painless. The best clinic in town.\n"


def codes(args, cwd):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        r = CliRunner().invoke(main, ["check", "--format", "json", *args])
    finally:
        os.chdir(old)
    assert r.exit_code in (0, 1), r.output
    return sorted((os.path.basename(f["path"]), f["rule"]) for f in json.loads(r.stdout)["findings"])


def make(tmp_path):
    site = tmp_path / "site"
    (site / "blog").mkdir(parents=True)
    (site / "blog" / "post.md").write_text(PAGE, encoding="utf-8")
    (site / "about.md").write_text(PAGE, encoding="utf-8")
    (site / ".copycheck.yaml").write_text('ignore: [CC221]\nper-file-ignores: {"blog/*.md": [CC131]}\n',
                                          encoding="utf-8")
    return site


def test_the_same_file_gets_the_same_findings_from_any_folder(tmp_path):
    site = make(tmp_path)
    here = codes([str(site / "blog" / "post.md")], tmp_path)
    assert here == codes(["post.md"], site / "blog") == codes(["blog/post.md"], site)
    assert ("post.md", "CC131") not in here and ("post.md", "CC221") not in here  # both from site/.copycheck.yaml
    assert ("about.md", "CC131") in codes(["."], site)  # per-file-ignores is relative to the config's folder


def test_a_nearer_config_applies_to_the_files_below_it(tmp_path):
    site = make(tmp_path)
    (site / "blog" / ".copycheck.yaml").write_text("select: [CC221]\n", encoding="utf-8")
    found = codes(["."], site)
    assert ("post.md", "CC221") in found and ("post.md", "CC131") not in found
    assert ("about.md", "CC131") in found and ("about.md", "CC221") not in found


def test_a_broken_pyproject_is_an_error_naming_it(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.copycheck]\nselect = [\"CC1\"]\n# caf\xe9\n")
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "a.md"])
    assert r.exit_code == 2 and "pyproject.toml:3:" in r.stderr and "UTF-8" in r.stderr
    (tmp_path / "pyproject.toml").write_text("[tool.copycheck]\nselct = [\"CC1\"]\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "a.md"])
    assert r.exit_code == 2 and "pyproject.toml:2:" in r.stderr and "did you mean" in r.stderr.lower()


def test_the_command_line_wins_and_says_so(tmp_path, monkeypatch):
    (tmp_path / ".copycheck.yaml").write_text("ignore: [CC221]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "a.md", "--select", "CC22"])
    assert "CC221" in r.stdout
    assert "--select CC22 overrides ignore = [CC221]" in r.stderr and ".copycheck.yaml:1" in r.stderr


def test_isolated_ignores_every_config(tmp_path):
    site = make(tmp_path)
    assert ("post.md", "CC131") in codes(["--isolated", "."], site)
