"""Bad and hostile input: never crash, never hang, never lose a word."""
import codecs
import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import copycheck
from copycheck.source import files
from copycheck.cli import main
from helpers import lint, source_at

PAGE = "Painless, with no downtime.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_bom_utf8_and_utf16_are_read(site):
    (site / "bom8.md").write_bytes(codecs.BOM_UTF8 + PAGE.encode())
    (site / "bom16.md").write_bytes(codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"))
    r = run(".", "-q")
    assert r.exit_code == 1
    for name in ("bom8.md", "bom16.md", "good.md"):
        assert f"{name}:1:1: error CC131" in r.output


def test_invalid_utf8_is_named_with_its_byte_offset_and_the_rest_is_checked(site):
    (site / "bad.md").write_bytes(b"Hello\n\xc3\x28 painless\n")
    r = run(".")
    assert r.exit_code == 2
    assert "bad.md:2: invalid UTF-8 at byte 6 (0xc3); file not checked" in r.output
    assert "good.md:1:1: error CC131" in r.output


def test_binary_file_renamed_md_is_skipped_with_a_notice(site):
    (site / "photo.md").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00painless")
    r = run(".")
    assert "photo.md: binary file (contains NUL bytes); skipped" in r.output
    assert r.exit_code == 1 and "good.md:1:1" in r.output


def test_missing_path_broken_symlink_loop_and_fifo(site):
    os.symlink(site / "nowhere.md", site / "broken.md")
    os.symlink(site, site / "loop")  # a directory symlink back to the root
    os.mkfifo(site / "pipe.md")
    r = run(".", "missing.md", "pipe.md")
    assert "missing.md: no such file or directory" in r.output
    assert "broken.md: broken symbolic link; skipped" in r.output
    assert "pipe.md: not a regular file (a FIFO, socket or device)\n" in r.output  # named: an error, exit 2
    assert r.output.count("good.md:1:1: error CC131") == 1  # the loop is not followed twice
    assert r.exit_code == 2  # the missing path


def test_unreadable_directory_is_named(site, monkeypatch):
    (site / "private").mkdir()
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("private"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    r = run(".")
    assert "private: permission denied" in r.output and "good.md:1:1" in r.output and r.exit_code == 2


def test_catastrophic_user_pattern_times_out_naming_the_rule(site, monkeypatch):
    from claimrules import patterns

    monkeypatch.setattr(patterns, "TIMEOUT", 0.2)
    (site / "evil.yaml").write_text(
        "rules:\n  - code: CC950\n    name: evil\n    category: other\n    level: warning\n"
        "    patterns: ['a(?:a|aa)*b']\n    message: m\n    suggestion: s\n    why: w\n"
        "    link: https://example.org\n    examples: {match: ['aab'], no_match: ['x']}\n", encoding="utf-8")
    (site / "evil.md").write_text("a" * 60 + "c\n", encoding="utf-8")
    r = run("--rules", "evil.yaml", "evil.md", "good.md")
    assert "evil.md: rule CC950 (evil.yaml:2) ran out of time matching this file" in r.output
    assert "good.md:1:1" in r.output and r.exit_code == 2


@pytest.mark.parametrize("text,fmt", [
    ("```\nstill open: painless\n", "a.md"),
    ("<div><p>unclosed <b>painless", "a.html"),
    ("- " * 3000 + "painless\n", "a.md"),
    ("> " * 3000 + "painless\n", "a.md"),
    ("<div>" * 5000 + "painless" + "</div>" * 10, "a.html"),
    ("[" * 5000 + "painless" + "]" * 5000, "a.md"),
    ("Text " + "`" * 10000 + " painless", "a.md"),
])
def test_broken_or_deep_markup_never_raises_and_still_lints(text, fmt):
    found = lint(text, fmt)
    assert any(f.rule == "CC131" for f in found)
    for f in found:
        assert source_at(text, f) == f.match


@pytest.mark.parametrize("text,line", [
    ("---\ntitle: [unclosed\n---\nPainless.\n", 3),
    ("---\ntitle: " + "[" * 2000 + "\n---\npainless\n", 2),
])
def test_invalid_or_deep_front_matter_is_an_input_error_naming_its_line(text, line):
    # (since issue 31: front matter a site generator would refuse is one line, exit 2, not a guess)
    from copycheck.source.files import InputError

    with pytest.raises(InputError, match=rf"^a\.md:{line}: invalid YAML front matter"):
        lint(text, "a.md")


def test_a_long_single_line_is_linear(tmp_path):
    line = ("skin " * 200_000) + "painless"  # 1 MB, no full stop (health words: a page about skin)
    found = lint(line, "a.txt", ignore=("readability",))
    assert [f.rule for f in found] == ["CC131"] and found[0].column == len(line) - 7


def test_dotted_capital_i_does_not_break_the_scan():
    # found by tests/fuzz.py: "İ".lower() is two characters, so the text is scanned without lower()
    text = "İ safe and effective İN painless"
    found = lint(text, "a.txt")
    assert [f.match for f in found] == ["safe and effective", "painless"]
    assert all(source_at(text, f) == f.match for f in found)


def test_unicode_positions_are_in_code_points():
    text = "\u200bZero\u00a0width\tand\u0301 \U0001F600 \u05e9\u05dc\u05d5\u05dd painless\r\nx"
    f = lint(text, "a.txt")[0]
    assert (f.line, f.column) == (1, text.index("painless") + 1) and source_at(text, f) == "painless"


def test_config_yaml_cannot_build_python_objects(site):
    (site / ".copycheck.yaml").write_text("select: !!python/object/apply:os.getcwd []\n", encoding="utf-8")
    r = run("good.md")
    assert r.exit_code == 2 and ".copycheck.yaml:1: invalid YAML" in r.output


def test_did_you_mean_for_rule_codes(site):
    r = run("good.md", "--select", "CC13l")
    assert r.exit_code == 2 and "did you mean" in r.output


# -- properties ---------------------------------------------------------------

PIECES = st.sampled_from([
    "Painless", "painless", " no downtime", "safe and effective", "43.3%", "may", "not", "?", ".", "\n", "\r\n",
    "\r", "\n\n", "# ", "- ", "> ", "| a | b |\n|---|---|\n", "```\n", "`", "**", "_", "[", "](http://x)", "![",
    "<!-- copycheck-disable-next-line -->", "<p>", "</p>", "<b>", "&amp;", "&nbsp;", "&#x1F600;", "&bogus;",
    "---\n", "title: ", "é", "\u0301", "\u200b", "\U0001F600", "\u05e9", "\t", "    ", "Mesotherapy removes wrinkles",
    "<script>", "</script>", "<title>", "alt=\"painless\"", "<img alt='instant results'>", "\\*", "İ", "ß",
])
DOCS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=300))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS, st.sampled_from(["a.md", "a.html", "a.txt"]))
@example("---\n| a | b |\n|---|---|\n---\n", "a.md")
def test_property_positions_agree_and_output_is_stable(text, name):
    try:
        first = lint(text, name)
    except files.InputError as exc:
        # Broken front matter is bad input by design: one line naming the file and line, the same each time.
        assert name == "a.md" and text.startswith(("---", "+++", "{")), exc
        assert str(exc).startswith("a.md:") and "front matter" in str(exc)
        with pytest.raises(files.InputError) as again:
            lint(text, name)
        assert str(again.value) == str(exc)
        return
    for f in first:
        assert 1 <= f.line <= f.end_line and f.column >= 1
        assert source_at(text, f) == f.match, f
    assert [f.to_dict() for f in lint(text, name)] == [f.to_dict() for f in first]


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_property_any_bytes_decode_or_fail_with_a_message(data):
    try:
        text = files.decode(data, "x.md")
    except files.InputError as exc:
        assert str(exc).startswith("x.md")
        return
    copycheck.check_text(text, "x.md")
