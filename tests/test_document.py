"""Page-level findings in the reports, the commands that list them, and `copycheck stats`
(each page-level kind has its own module: test_kind_readability, _balance, _density)."""
import json

from click.testing import CliRunner

from copycheck.cli import main
from helpers import BENEFITS_ONLY, PLAIN


def test_document_findings_in_json_with_a_clickable_position(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(BENEFITS_ONLY, encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["check", "page.md", "--format", "json"]).output)
    f = next(x for x in out["findings"] if x["rule"] == "CC411")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 1, 1, 1)
    assert "line 6" in f["message"]


def test_rules_and_explain_list_the_document_checks():
    out = CliRunner().invoke(main, ["rules"]).output
    for code in ("CC401", "CC402", "CC411", "CC412", "CC421"):
        assert code in out
    assert "Why is this bad" in CliRunner().invoke(main, ["explain", "CC421"]).output


def test_stats_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(BENEFITS_ONLY, encoding="utf-8")
    (tmp_path / "b.md").write_text(PLAIN, encoding="utf-8")
    r = CliRunner().invoke(main, ["stats", ".", "--format", "json"])
    rows = {row["path"]: row for row in json.loads(r.output)["files"]}
    assert rows["a.md"]["claims"] >= 1 and rows["a.md"]["claims_per_1000_words"] > 20
    assert rows["b.md"]["claims"] == 0 and rows["b.md"]["grade"] < 8
    text = CliRunner().invoke(main, ["stats", "."]).output
    assert text.splitlines()[0].split() == ["FILE", "WORDS", "GRADE", "EASE", "CLAIMS/1000"]
