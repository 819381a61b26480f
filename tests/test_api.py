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
