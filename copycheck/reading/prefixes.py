"""What a pattern's matches start with: the literal text the scan (matching.py)
anchors each pattern at ("(?:no|zero) down ?time" -> "no down time", "zero down..."),
read from the pattern's parse tree.

The standard library has no public parser: claimrules/cpython.py hands on re's
private one, and this module reads its trees defensively: where the parser is
gone, or a tree has a shape this module does not know, ``branches()`` says None
and the pattern is run over the whole text (``Matcher.unanchored``): the same
findings, a slower scan.  tests/test_prefixes.py fails loudly where that happens
to the rulebook's patterns.
"""
from __future__ import annotations

import re

from claimrules.cache import compiled

from claimrules.cpython import C, parse as _parse  # re's private parser: None where it is gone

AVAILABLE = _parse is not None  # tests/test_prefixes.py: True on every Python copycheck supports
MAX_PREFIX = 12
MAX_PREFIXES = 512
_PLAIN = compiled(r"[a-z0-9']+")  # a plain lower-case word


def literal_prefixes(branches):
    """The set of lower-case literal strings every match starts with (white space as
    " "), from a pattern's branches (branches()), or None when some match can start
    with anything."""
    if branches is None or any(p == "" for p, _ in branches):
        return None
    return {p for p, _ in branches}


def branches(pattern: str):
    """The set of (prefix, open) a pattern can start with (_seq), or None: unknown
    (re's parser is not available, or does not know the pattern's syntax)."""
    if _parse is None:
        return None
    try:
        parsed = _parse(pattern, re.IGNORECASE)
    except Exception:  # regex-module syntax the re parser does not know, or a parser changed
        return None
    try:
        return _seq(list(parsed))
    except Exception:  # a parse tree of a shape this module does not know: the pattern is run unanchored
        return None


def literals(source: str, branches):
    """The words a pattern matches, when it matches a few plain words and nothing
    else ("clinics?" -> clinic, clinics), so the scan can confirm them itself; or None."""
    if any(mark in source for mark in ("(?!", "(?=", "(?<", "\\", "^", "$", " ")):
        return None
    if not branches or not all(is_open and len(p) < MAX_PREFIX and _PLAIN.fullmatch(p) for p, is_open in branches):
        return None
    return {p for p, _ in branches}


def _seq(items):
    """The set of (prefix, open) a sequence can start with; open: the prefix may
    go on with what follows the sequence.  None: too many, or unknown."""
    result = {("", True)}
    for op, av in items:
        if not any(is_open for _, is_open in result):
            break
        alts = _item(op, av)
        if alts is None:
            result = {(p, False) for p, _ in result}
            break
        grown = set()
        for p, is_open in result:
            if not is_open:
                grown.add((p, False))
                continue
            for a, a_open in alts:
                q = (p + a)[:MAX_PREFIX]
                grown.add((q, a_open and len(q) < MAX_PREFIX))
        if len(grown) > MAX_PREFIXES:
            return {(p, False) for p, _ in result}  # enough to select by; stop here
        result = grown
    return result


def _item(op, av):
    """The (text, open) alternatives one regex item can start with, or None."""
    if op is C.LITERAL:
        return {(chr(av).lower(), True)}
    if op is C.AT or op is C.ASSERT_NOT or op is C.ASSERT:
        return {("", True)}
    if op is C.IN:
        chars = set()
        for sub_op, sub_av in av:
            if sub_op is C.LITERAL:
                chars.add(chr(sub_av).lower())
            elif sub_op is C.CATEGORY and sub_av is C.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:
                return None
        return {(c, True) for c in chars}
    if op is C.SUBPATTERN:
        return _seq(list(av[-1]))
    if op is C.BRANCH:
        alts = set()
        for branch in av[1]:
            sub = _seq(list(branch))
            if sub is None:
                return None
            alts |= sub
        return alts
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, sub = av
        if _is_space(sub):
            # \s+ or \s*: a prefix holds " " where the scanner accepts any run of white space
            return {(" ", True)} | ({("", True)} if lo == 0 else set())
        alts = _seq(list(sub))
        if alts is None:
            return None
        if hi != 1:  # after one repetition, another may follow: stop there
            alts = {(p, False) for p, _ in alts}
        return alts | ({("", True)} if lo == 0 else set())
    return None


def _is_space(sub) -> bool:
    items = list(sub)
    return (len(items) == 1 and items[0][0] is C.IN and len(items[0][1]) == 1
            and items[0][1][0] == (C.CATEGORY, C.CATEGORY_SPACE))
