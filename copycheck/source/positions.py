"""Character offsets <-> 1-based line and column, shared by every reader.

A line ends at CRLF, LF or a lone CR; columns count characters (code points)."""
from __future__ import annotations

from array import array
from bisect import bisect_right

from claimrules.cache import compiled

_EOL = compiled(r"\r\n|\r|\n")
_LINE = compiled(r"([^\r\n]*)(?:\r\n|\r|\n|$)")


def split_lines(text: str, start: int = 0):
    """Yield (offset, content without its line end) of each line from start."""
    pos, n = start, len(text)
    match = _LINE.match
    while pos < n:
        m = match(text, pos)
        yield pos, m.group(1)
        if m.end() == pos:
            break
        pos = m.end()


class LineIndex:
    def __init__(self, text: str):
        # an array of machine ints: 8 bytes a line, where a list of ints takes 36
        self.starts = array("q", [0])
        self.starts.extend(m.end() for m in _EOL.finditer(text))

    def locate(self, offset: int) -> tuple[int, int]:
        """The (line, column) of a character offset, both 1-based."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self.starts)
