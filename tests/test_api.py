"""The Python API for CMS integrations."""
import copycheck
from copycheck.config import Settings


def test_check_text_returns_findings_with_positions():
    found = copycheck.check_text("Intro.\n\nPainless and risk-free.", filename="post.md")
    assert [(f.line, f.column, f.rule, f.match) for f in found] == [(3, 1, "CC131", "Painless"), (3, 14, "CC123", "risk-free")]
    assert isinstance(found[0], copycheck.Finding)


def test_check_text_format_by_filename_and_settings():
    assert copycheck.check_text("<script>painless</script>", filename="a.html") == []
    assert copycheck.check_text("Painless.", settings=Settings(ignore=("pain",))) == []


def test_check_paths(tmp_path):
    (tmp_path / "a.md").write_text("Painless.", encoding="utf-8")
    result = copycheck.check_paths([str(tmp_path)])
    assert result.files == 1 and [f.rule for f in result.findings] == ["CC131"]


def test_check_paths_counts_each_pages_words(tmp_path):
    """The reports' totals (the HTML report's words per page) come from the check itself."""
    (tmp_path / "a.md").write_text("# Opening hours\n\nOur clinic is open on Monday and Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Painless.\n", encoding="utf-8")
    result = copycheck.check_paths([str(tmp_path)])
    assert {p.rsplit("/", 1)[-1]: n for p, n in result.words.items()} == {"a.md": 10, "b.md": 1}
