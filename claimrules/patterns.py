"""The rulebook's pattern language: a regular expression, matched without case,
in which a plain space stands for any run of whitespace (so a phrase still
matches when the copy breaks the line inside it).  A match must start and end
at a word edge."""
from __future__ import annotations

import re


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


TIMEOUT = 2.0  # seconds a user rule's pattern may spend on one match
FILE_BUDGET = 5.0  # seconds users' patterns may spend on one file, all matches together
RUN_BUDGET = 60.0  # ... and on one run (per process)
_LEFT = {"file": FILE_BUDGET, "run": RUN_BUDGET}


def new_file() -> None:
    """Start a file's budget for users' patterns (the run's goes on)."""
    _LEFT["file"] = FILE_BUDGET


def _spend(call, *args):
    """Run one match of a user's pattern within what is left of the budgets."""
    import time

    left = min(TIMEOUT, _LEFT["file"], _LEFT["run"])
    if left <= 0:
        raise TimeoutError("time budget spent")
    t = time.perf_counter()
    try:
        return call(*args, timeout=left)
    finally:
        spent = time.perf_counter() - t
        _LEFT["file"] -= spent
        _LEFT["run"] -= spent


def compile_pattern(pattern: str, trusted: bool):
    """Compile one rulebook pattern; raises an error when it is invalid.

    Trusted patterns (the built-in rulebook, whose examples the test suite runs)
    use the standard library's engine, which compiles about 3 times faster: start-up
    matters for a pre-commit hook.  Patterns from users' rule files use the regex
    module, whose matches can time out, so a pattern that backtracks without end
    cannot hang a run."""
    if trusted:
        try:
            return re.compile(bounded(pattern), re.IGNORECASE)
        except re.error:
            pass  # regex-module syntax: fall through
    import regex  # only users' rules need it: not imported at start-up

    return _Timed(regex.compile(bounded(pattern), regex.IGNORECASE | regex.VERSION0))


PROBE = "a b-c 1, d. e\n\nf"  # a zero-width match anywhere in here means the pattern can match nothing


def matches_nothing(compiled) -> bool:
    """Whether a compiled pattern gives a zero-width match (``x?``, ``(?=a)``)."""
    try:
        return any(m.end() == m.start() for m in compiled.finditer(PROBE)) or compiled.match("") is not None
    except TimeoutError:
        return False


class _Timed:
    """A regex-module pattern whose match and finditer give up after TIMEOUT."""

    __slots__ = ("p",)

    def __init__(self, p):
        self.p = p

    def match(self, text, pos=0):
        return _spend(self.p.match, text, pos)

    def search(self, text, pos=0, endpos=None):
        return _spend(self.p.search, text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text, pos=0, endpos=None):
        """All matches, found up front (so the budget covers the whole search)."""
        def every(*args, timeout):
            return list(self.p.finditer(*args, timeout=timeout))

        return iter(_spend(every, text, pos, len(text) if endpos is None else endpos))


def alternation(items, path=None):
    """One case-insensitive regex matching any of the patterns in items, at word
    edges.  Items that are not strings (YAML read "a: b" as a mapping) are an
    error naming the file and line."""
    from .yamllib import RulebookError

    lines = getattr(items, "lines", None)
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item:
            line = lines[i] if lines else 0
            raise RulebookError(path or "lexicon", line,
                                f"each entry must be a non-empty string, not {item!r} (quote patterns that contain ': ')")
    body = "|".join(f"(?:{to_regex(t)})" for t in sorted(items, key=len, reverse=True))
    try:
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)
    except re.error as exc:
        raise RulebookError(path or "lexicon", lines[0] if lines else 0, f"a pattern does not compile: {exc}") from None
