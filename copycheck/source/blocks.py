"""Text blocks: the lintable text of one heading, paragraph, list item, table
cell, attribute or front-matter value, and the map from each of its characters
back to the source.

Readers build a block piece by piece: ``copy`` for text that stands verbatim in
the source, ``replace`` for text that differs from its source (an entity, an
escape, a skipped code span).  Matching and judgement only see ``Block.text``;
positions go back through ``Block.source_span``.
"""
from __future__ import annotations

from bisect import bisect_right


class Block:
    """segs: a tuple of (text_start, source_start, text_len, source_len), one per
    piece; a piece whose lengths are equal is a verbatim copy."""

    __slots__ = ("text", "scope", "segs", "_starts")

    def __init__(self, text: str, scope: str, segs: tuple):
        self.text = text
        self.scope = scope
        self.segs = segs
        self._starts = None

    def _seg(self, i: int):
        segs = self.segs
        if len(segs) == 1:
            return segs[0]
        if self._starts is None:
            self._starts = [s[0] for s in segs]
        return segs[bisect_right(self._starts, i) - 1]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map text[start:end] to a [source_start, source_end) span."""
        t, s, tl, sl = self._seg(start)
        src_start = s + (start - t if tl == sl else 0)
        t, s, tl, sl = self._seg(end - 1)
        src_end = s + (end - t) if tl == sl else s + sl
        return src_start, max(src_end, src_start)


class BlockBuilder:
    __slots__ = ("scope", "parts", "n", "segs")

    def __init__(self, scope: str):
        self.scope = scope
        self.parts: list = []
        self.n = 0
        self.segs: list = []  # lists [t, s, tl, sl], frozen into tuples by build()

    def copy(self, src_start: int, text: str) -> None:
        """Append text that stands verbatim in the source at src_start."""
        if not text:
            return
        size = len(text)
        segs = self.segs
        if segs:
            last = segs[-1]
            if last[2] == last[3] and last[1] + last[3] == src_start:
                last[2] += size  # extend a contiguous copy
                last[3] += size
                self.parts.append(text)
                self.n += size
                return
        segs.append([self.n, src_start, size, size])
        self.parts.append(text)
        self.n += size

    def replace(self, src_start: int, src_len: int, text: str) -> None:
        """Append text that stands for source[src_start:src_start+src_len]."""
        if not text:
            return
        self.segs.append([self.n, src_start, len(text), src_len])
        self.parts.append(text)
        self.n += len(text)

    def build(self) -> Block | None:
        if not self.n:
            return None
        text = self.parts[0] if len(self.parts) == 1 else "".join(self.parts)
        if text.isspace():
            return None
        return Block(text, self.scope, tuple(tuple(s) for s in self.segs))
