"""The rulebook's pattern language: a regular expression, matched without case,
in which a plain space stands for any run of whitespace (so a phrase still
matches when the copy breaks the line inside it).  A match must start and end
at a word edge."""
from __future__ import annotations

import regex

FLAGS = regex.IGNORECASE | regex.VERSION0


def to_regex(pattern: str) -> str:
    """Turn a rulebook pattern into a regex: spaces outside [...] become ``\\s+``
    (``\\s*`` when followed by ``?``)."""
    out, in_class, escaped, skip = [], False, False, False
    for i, ch in enumerate(pattern):
        if skip:
            skip = False
        elif escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
            out.append(ch)
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        elif ch == " " and not in_class:
            if pattern[i + 1:i + 2] == "?":  # "down ?time": the space is optional
                out.append(r"\s*")
                skip = True
            elif not (out and out[-1] == r"\s+"):
                out.append(r"\s+")
        else:
            out.append(ch)
    return "".join(out)


def bounded(pattern: str) -> str:
    """The regex for one pattern, anchored at word edges on both sides."""
    return rf"(?<![\w-])(?:{to_regex(pattern)})(?![\w])"


def compile_pattern(pattern: str):
    """Compile one rulebook pattern; raises regex.error when it is invalid."""
    return regex.compile(bounded(pattern), FLAGS)
