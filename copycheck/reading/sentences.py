"""Sentence spans inside a block: the unit that judgement reads."""
from __future__ import annotations

from bisect import bisect_right

from claimrules.cache import compiled

REACH = 300  # judgement reads at most this far either side of a hit: a "sentence" of a
# megabyte with no full stop stays cheap (linear time on any input)
TERMINAL = r"[.!?…]+[\"'”’)\]]*(?=\s|$)"  # a run of sentence punctuation, and the closing marks after it
_END = compiled(TERMINAL + r"|\n[ \t]*\n|\n(?=[ \t]*[•·‣◦▪●])")  # a paragraph break, or a bullet, starts a new item
_WORD_BEFORE = compiled(r"([\w.]+)\.$")
_NUMBER_NEXT = compiled(r"\s*[#\d]")


class Sentences:
    def __init__(self, text: str, abbreviations):
        self.text = text
        ends = [0]
        for m in _END.finditer(text):
            if m.group().startswith("."):
                w = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
                if w and (w.group(1).lower() in abbreviations or w.group(1).lower() + "#" in abbreviations
                          and _NUMBER_NEXT.match(text, m.end())):
                    continue
            ends.append(m.end())
        ends.append(len(text))
        self.ends = ends

    def span(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.ends, pos) - 1
        start = self.ends[i]
        end = self.ends[i + 1] if i + 1 < len(self.ends) else len(self.text)
        start, end = max(start, pos - REACH), min(end, pos + REACH)
        while start < end and self.text[start].isspace():
            start += 1
        return start, end
