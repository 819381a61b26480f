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
from dataclasses import dataclass, field


@dataclass
class Block:
    text: str
    scope: str
    # segments: parallel lists; segment i covers text[t[i]:t[i]+tl[i]] <- source[s[i]:s[i]+sl[i]]
    t: list = field(default_factory=list)
    s: list = field(default_factory=list)
    tl: list = field(default_factory=list)
    sl: list = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map text[start:end] to a [source_start, source_end) span."""
        i = bisect_right(self.t, start) - 1
        src_start = self.s[i] + (start - self.t[i] if self.tl[i] == self.sl[i] else 0)
        j = bisect_right(self.t, end - 1) - 1
        if self.tl[j] == self.sl[j]:
            src_end = self.s[j] + (end - self.t[j])
        else:
            src_end = self.s[j] + self.sl[j]
        return src_start, max(src_end, src_start)


class BlockBuilder:
    def __init__(self, scope: str):
        self.scope = scope
        self.parts: list[str] = []
        self.n = 0
        self.t: list = []
        self.s: list = []
        self.tl: list = []
        self.sl: list = []

    def copy(self, src_start: int, text: str) -> None:
        """Append text that stands verbatim in the source at src_start."""
        if not text:
            return
        if self.t and self.tl[-1] == self.sl[-1] and self.s[-1] + self.sl[-1] == src_start:
            self.tl[-1] += len(text)  # extend a contiguous copy
            self.sl[-1] += len(text)
        else:
            self._seg(src_start, len(text), len(text))
        self.parts.append(text)
        self.n += len(text)

    def replace(self, src_start: int, src_len: int, text: str) -> None:
        """Append text that stands for source[src_start:src_start+src_len]."""
        if not text:
            return
        self._seg(src_start, len(text), src_len)
        self.parts.append(text)
        self.n += len(text)

    def _seg(self, src, tlen, slen):
        self.t.append(self.n)
        self.s.append(src)
        self.tl.append(tlen)
        self.sl.append(slen)

    def empty(self) -> bool:
        return not self.n or not "".join(self.parts).strip()

    def build(self) -> Block | None:
        if not self.n:
            return None
        text = "".join(self.parts)
        if not text.strip():
            return None
        return Block(text, self.scope, self.t, self.s, self.tl, self.sl)
