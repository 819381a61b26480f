"""The page as document-level rule kinds read it, block by block: what the
linter's single scan found for it (the kinds' signals, the words each rule
counts), its words, and what the kinds read of the block just added, once."""
from __future__ import annotations

PROSE = ("paragraph", "list", "text")  # block scopes of prose

_MARKS = ("-", "*", "+", ">", "|", "#", "=", "`")  # tokens of markup, not words


class Tally:
    """The words one page-level rule counts: how many, and the first of the block that has most."""

    __slots__ = ("count", "worst", "worst_count")

    def __init__(self):
        self.count = 0
        self.worst = None  # (block, start, end)
        self.worst_count = 0


class Document:
    """The page as page-level rule kinds read it.  The linter feeds it block by
    block (``add``) and never holds the page's blocks: a kind that reads blocks
    does so in ``see_block`` and keeps what it needs in ``notes``."""

    def __init__(self, lines, names=None):
        self.lines = lines  # LineIndex
        self.names = names  # advice.Names: the page's own words for each treatment
        self.signals: dict = {}  # kind name -> what the block stage found for its PageSignal (kinds/base.py)
        self.counted: dict = {}  # rule code -> Tally of the words it counts
        self.notes: dict = {}  # rule code -> what its kind keeps from block to block
        self.words = 0
        self.prose_blocks = 0
        self._block, self._made = None, {}  # the block just added, and what per_block made of it

    def add(self, block) -> None:
        tokens = block.text.split()
        words = len(tokens)
        if len(block.text) < 3 * words:  # short tokens: words, not the marks markup leaves behind
            words -= sum(tokens.count(mark) for mark in _MARKS)  # ("- - - item" when a list nests too deep)
        self.words += words
        if block.scope in PROSE:
            self.prose_blocks += 1

    def count(self, code, block, spans) -> None:
        """The (start, end) of the words of rule code found in block."""
        t = self.counted.get(code)
        if t is None:
            t = self.counted[code] = Tally()
        t.count += len(spans)
        if len(spans) > t.worst_count:  # the first of equals, in document order
            t.worst, t.worst_count = (block, *spans[0]), len(spans)

    def word_count(self) -> int:
        return self.words

    def per_block(self, block, name, make):
        """make(block), made once for the block just added and shared by every rule
        that reads it (readability's sentence ends and counts, say)."""
        if self._block is not block:
            self._block, self._made = block, {}
        value = self._made.get(name)
        if value is None:
            value = self._made[name] = make(block)
        return value

    def line_of(self, block, pos):
        return self.lines.locate(block.source_span(pos, pos + 1)[0])[0]
