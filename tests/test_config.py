"""Configuration: discovery, validation with did-you-mean, and precedence."""
import pytest
from click.testing import CliRunner

from copycheck import config
from copycheck.cli import main

PAGE = "Painless, with no downtime. The best clinic.\n"


def run(tmp_path, *args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["check", *args])


def test_pyproject_select_ignore_and_levels(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.copycheck]\nignore = ["CC141"]\nlevels = {CC221 = "error"}\n', encoding="utf-8")
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    r = run(tmp_path, "p.md", "--format", "json", monkeypatch=monkeypatch)
    import json

    got = {(f["rule"], f["severity"]) for f in json.loads(r.output)["findings"]}
    assert got == {("CC131", "error"), ("CC221", "error")}


def test_config_found_from_a_subfolder(tmp_path, monkeypatch):
    (tmp_path / ".copycheck.yaml").write_text("select: [pain]\n", encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "p.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(sub)
    r = CliRunner().invoke(main, ["check", "p.md", "-q"])
    assert r.output.count("CC131") == 1 and "CC141" not in r.output


def test_command_line_wins_over_config(tmp_path, monkeypatch):
    (tmp_path / ".copycheck.yaml").write_text("select: [pain]\n", encoding="utf-8")
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    r = run(tmp_path, "p.md", "-q", "--select", "CC141", monkeypatch=monkeypatch)
    assert "CC141" in r.output and "CC131" not in r.output


def test_per_file_ignores(tmp_path, monkeypatch):
    (tmp_path / ".copycheck.yaml").write_text("per-file-ignores:\n  'legal/*.md': [ALL]\n", encoding="utf-8")
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "terms.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    r = run(tmp_path, ".", "-q", monkeypatch=monkeypatch)
    assert "legal/terms.md" not in r.output and "p.md" in r.output


def test_typo_in_yaml_key_names_file_line_and_suggestion(tmp_path, monkeypatch):
    (tmp_path / ".copycheck.yaml").write_text("select: [pain]\nignor: [CC101]\n", encoding="utf-8")
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    r = run(tmp_path, "p.md", monkeypatch=monkeypatch)
    assert r.exit_code == 2
    assert ".copycheck.yaml:2: unknown option 'ignor' (did you mean 'ignore'?)" in r.output


def test_typo_in_toml_key_has_its_line(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\n\n[tool.copycheck]\nselct = ["CC1"]\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match=r"pyproject.toml:5: unknown option 'selct' \(did you mean 'select'\?\)"):
        config.load(p)


def test_unknown_rule_code_is_an_error_with_suggestion(tmp_path, monkeypatch):
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    r = run(tmp_path, "p.md", "--ignore", "CC9999", monkeypatch=monkeypatch)
    assert r.exit_code == 2 and "unknown rule code or category 'CC9999'" in r.output


def test_invalid_toml_is_exit_2(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.copycheck]\nselect = [\n", encoding="utf-8")
    (tmp_path / "p.md").write_text(PAGE, encoding="utf-8")
    r = run(tmp_path, "p.md", monkeypatch=monkeypatch)
    assert r.exit_code == 2 and "pyproject.toml" in r.output and "invalid TOML" in r.output


def test_extend_rules_from_config(tmp_path, monkeypatch):
    (tmp_path / "house.yaml").write_text(
        "rules:\n  - code: CC901\n    name: house\n    category: other\n    level: error\n"
        "    patterns: ['glass skin']\n    message: House style.\n    suggestion: s\n    why: w\n"
        "    link: https://example.org\n    examples: {match: ['glass skin'], no_match: ['skin']}\n",
        encoding="utf-8")
    (tmp_path / ".copycheck.yaml").write_text("extend-rules: [house.yaml]\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("Get glass skin.\n", encoding="utf-8")
    r = run(tmp_path, "p.md", "-q", monkeypatch=monkeypatch)
    assert "CC901" in r.output and r.exit_code == 1
