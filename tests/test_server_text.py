"""Positions between copycheck (1-based lines, columns in code points) and an LSP client
(0-based, UTF-16 units by default, UTF-8 bytes where negotiated), and incremental edits."""
from copycheck.server.text import UTF8, UTF16, UTF32, Text, code_points, units


def test_units_of_astral_and_accented_characters():
    assert [units("a😀é", e) for e in (UTF16, UTF8, UTF32)] == [4, 7, 3]
    assert code_points("a😀é", 3, UTF16) == 2 and code_points("a😀é", 2, UTF16) == 1  # inside the pair: before it
    assert code_points("a😀é", 5, UTF8) == 2 and code_points("a😀é", 99, UTF8) == 3


def test_positions_on_crlf_cr_and_lines_lsp_does_not_break():
    text = "ok\r\n🌿 x\rthird\u2028same line\x0cstill\nlast"
    t = Text(text, 1, UTF16)
    assert t.lines.line_count == 4  # U+2028 and form feed end no line in LSP
    x = text.index("x")
    assert t.position(x) == (1, 3)
    assert Text(text, 1, UTF8).position(x) == (1, 5)
    s = text.index("still")
    assert t.position(s) == (2, len("third\u2028same line\x0c"))
    assert t.offset(1, 3) == x and t.offset(0, 99) == 2  # past a line's end: its end, before CRLF
    assert t.offset(9, 0) == len(text)
    assert t.at(2, 1) == text.index("🌿") and t.line_break(0) == "\r\n" and t.line_break(1) == "\r"


def test_incremental_edits_in_utf16_and_utf8():
    t = Text("The 🌿 laser\r\nis gentle.\r\n", 1, UTF16)
    t.edit((0, 4), (0, 6), "", 2)  # UTF-16 4..6: the emoji
    assert t.text == "The  laser\r\nis gentle.\r\n" and t.version == 2
    t.edit((1, 3), (1, 9), "painless", 3)
    assert t.text == "The  laser\r\nis painless.\r\n"
    t.edit((0, 10), (1, 0), " ", 4)  # the line break joined
    assert t.text == "The  laser is painless.\r\n"
    u = Text("é😀x", 1, UTF8)
    u.edit((0, 6), (0, 7), "y", 2)
    assert u.text == "é😀y"
