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


def test_a_reason_after_two_dashes_is_not_codes():
    from copycheck.markup.directives import from_comment, from_text_line

    d = from_comment("<!-- copycheck-disable-next-line CC131 -- pain reviewed by legal, 2026-11 -->", 0)
    assert d.codes == ("CC131",)  # "pain" in the reason is not the category
    assert from_text_line("copycheck: disable-next-line CC131, CC141 -- numbing cream used", 0).codes == ("CC131", "CC141")
    assert from_comment("<!-- copycheck-disable-next-line -- all of them, on purpose -->", 0).codes == ()
    text = "<!-- copycheck-disable-next-line CC131 -- we use numbing cream -->\nPainless and risk-free.\n"
    assert codes(text) == ["CC123"]
