"""Inline suppression comments and the unused-suppression report."""
from helpers import codes, lint


def test_disable_next_line_by_code():
    text = "<!-- copycheck-disable-next-line CC131 -->\nPainless and risk-free.\n"
    assert codes(text) == ["CC123"]


def test_disable_next_line_skips_blank_lines():
    assert codes("<!-- copycheck-disable-next-line -->\n\nPainless.\n") == []


def test_disable_enable_range_and_prefix():
    text = "Painless.\n<!-- copycheck-disable CC13 -->\nPainless.\n\nPainless.\n<!-- copycheck-enable -->\nPainless.\n"
    assert [f.line for f in lint(text)] == [1, 7]


def test_disable_by_category():
    assert codes("<!-- copycheck-disable-next-line pain -->\nPainless.") == []


def test_html_comment_directives():
    text = "<p>ok</p>\n<!-- copycheck-disable-next-line CC131 -->\n<p>Painless.</p>\n"
    assert codes(text, "a.html") == []


def test_plain_text_directive():
    text = "copycheck: disable-next-line CC131\nPainless.\n"
    assert codes(text, "a.txt") == []
    assert codes("<!-- copycheck-disable-next-line CC131 -->\nPainless.\n", "a.txt") == ["CC131"]
