"""Fenced code blocks in Markdown: whether one closes, and text with its fences blanked.

A fence that never closes runs to the end of the page in CommonMark; markdown.py reads
what follows it again with every fence blanked (same length, so offsets stay)."""
from __future__ import annotations

import re

from claimrules.cache import compiled

_FENCE_RUN = compiled(r"^([ \t>]*)(`{3,}|~{3,})", re.M)


def closes(source: str, start: int, end: int) -> bool:
    """Whether the fenced code block source[start:end] ends with its closing fence."""
    opening = source[start:source.find("\n", start, end) if "\n" in source[start:end] else end].lstrip(" \t>-*+0123456789.)")
    mark = opening[:1]
    run = len(opening) - len(opening.lstrip(mark)) if mark in "`~" and mark else 3
    last = source[start:end].rstrip("\r\n").rsplit("\n", 1)
    if len(last) < 2:
        return False
    tail = last[1].lstrip(" \t>")
    return bool(mark) and tail.startswith(mark * run) and not tail.strip().strip(mark)


def _blank_fence(m) -> str:
    return m.group(1) + " " * len(m.group(2))


def unfenced(text: str) -> str:
    """text with each fence's backticks or tildes blanked to spaces (same length)."""
    return _FENCE_RUN.sub(_blank_fence, text)
