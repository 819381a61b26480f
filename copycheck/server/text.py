"""An open document's text, and positions between copycheck and the client.

copycheck counts lines as LSP does (a line ends at CRLF, LF or a lone CR: never at U+2028 or a
form feed, as Python's splitlines would) and columns in code points.  A client counts columns in
UTF-16 code units unless it negotiated UTF-8 (or UTF-32, which is code points).  So a column is
converted on its own line's text: an emoji is one code point, two UTF-16 units, four UTF-8 bytes."""
from __future__ import annotations

from ..source.positions import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many of the client's units text takes."""
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == UTF32:
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def code_points(text: str, count: int, encoding: str) -> int:
    """How many code points of text the first count client units cover (a count that falls
    inside a character stops before it; past the end, the text's length)."""
    if encoding == UTF32:
        return min(count, len(text))
    used = 0
    for i, ch in enumerate(text):
        width = units(ch, encoding)
        if used + width > count:
            return i
        used += width
    return len(text)


class Text:
    """A document's text and version; positions in the client's encoding."""

    def __init__(self, text: str, version: int | None, encoding: str = UTF16):
        self.text, self.version, self.encoding = text, version, encoding
        self._lines = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def _content_end(self, line0: int) -> int:
        """The offset where line line0 (0-based) ends, before its line break."""
        starts = self.lines.starts
        end = starts[line0 + 1] if line0 + 1 < len(starts) else len(self.text)
        while end > starts[line0] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def offset(self, line: int, character: int) -> int:
        """The offset of a client position (0-based line, client units); past the end of a line
        is its end, past the last line the end of the text."""
        starts = self.lines.starts
        if line >= len(starts):
            return len(self.text)
        start = starts[line]
        content = self.text[start:self._content_end(line)]
        return start + code_points(content, character, self.encoding)

    def position(self, offset: int) -> tuple[int, int]:
        """The client position (0-based line, client units) of an offset."""
        line, column = self.lines.locate(offset)
        start = self.lines.starts[line - 1]
        return line - 1, units(self.text[start:start + column - 1], self.encoding)

    def at(self, line: int, column: int) -> int:
        """The offset of copycheck's 1-based line and column (code points)."""
        starts = self.lines.starts
        if line > len(starts):
            return len(self.text)
        return min(starts[line - 1] + column - 1, len(self.text))

    def edit(self, start: tuple[int, int], end: tuple[int, int], new: str, version: int | None) -> None:
        """Apply an incremental change (client positions)."""
        a, z = self.offset(*start), self.offset(*end)
        self.replace(self.text[:a] + new + self.text[max(a, z):], version)

    def replace(self, text: str, version: int | None) -> None:
        self.text, self.version, self._lines = text, version, None

    def line_text(self, line0: int) -> str:
        """Line line0's content, without its line break."""
        return self.text[self.lines.starts[line0]:self._content_end(line0)]

    def line_break(self, line0: int) -> str:
        """The line break that ends line line0 (the text's first one where it has none)."""
        starts = self.lines.starts
        if line0 + 1 < len(starts):
            return self.text[self._content_end(line0):starts[line0 + 1]]
        for brk in ("\r\n", "\n", "\r"):
            if brk in self.text:
                return brk
        return "\n"
