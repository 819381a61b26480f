"""The rulebook compiled once into one scanner; text -> hits.

Every pattern is analysed for the literal text it must start with (its
prefixes, up to 8 characters: "painless" -> "painle", "(?:no|zero) down" ->
"no", "zero").  All prefixes of all rules are folded into one trie-shaped
regular expression, which finds in a single pass over the lower-cased text
every place where some rule could match.  Only the rules whose prefix is
found there are tried, anchored at that place.  A pattern with no literal
prefix is run over the whole text (rare; ``Matcher.unanchored`` lists them).
The cost of a pass depends on the text, hardly on the number of rules.
"""
from __future__ import annotations

import re
import re._constants as C
import re._parser as sre_parse
from dataclasses import dataclass

from claimrules.patterns import to_regex

MAX_PREFIX = 8
MAX_PREFIXES = 64


class MatchTimeout(Exception):
    def __init__(self, rule):
        self.rule = rule
        super().__init__(f"rule {rule.code} ({rule.source}) took too long to match; simplify its patterns")


@dataclass(frozen=True)
class Hit:
    rule: object
    start: int
    end: int


def _literal_prefixes(pattern: str):
    """The set of lower-case literal strings every match of pattern starts with,
    or None when some match can start with anything."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except Exception:  # regex-module syntax the re parser does not know
        return None
    prefixes, _ = _seq(list(parsed))
    if not prefixes or any(p == "" for p in prefixes):
        return None
    return prefixes


def _seq(items):
    """(prefixes, complete): complete means the whole sequence was consumed."""
    result = {""}
    for op, av in items:
        alts, complete = _item(op, av)
        if alts is None:
            return result, False
        result = {(p + a)[:MAX_PREFIX] for p in result for a in alts}
        if len(result) > MAX_PREFIXES:
            return None, False
        if not complete or all(len(p) >= MAX_PREFIX for p in result):
            return result, False
    return result, True


def _item(op, av):
    if op is C.LITERAL:
        return {chr(av).lower()}, True
    if op is C.AT:
        return {""}, True
    if op is C.IN:
        chars = set()
        for sub_op, sub_av in av:
            if sub_op is C.LITERAL:
                chars.add(chr(sub_av).lower())
            elif sub_op is C.CATEGORY and sub_av is C.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:
                return None, False
        return chars, True
    if op is C.SUBPATTERN:
        alts, complete = _seq(list(av[-1]))
        return alts, complete
    if op is C.BRANCH:
        alts, complete = set(), True
        for branch in av[1]:
            sub, sub_complete = _seq(list(branch))
            if sub is None:
                return None, False
            alts |= sub
            complete = complete and sub_complete
        return alts, complete
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, sub = av
        alts, _ = _seq(list(sub))
        if alts is None:
            return None, False
        return (alts if lo >= 1 else alts | {""}), False
    if op is C.ASSERT_NOT or op is C.ASSERT:
        return {""}, True
    if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
        return set("0123456789"), False
    return None, False


def _trie_regex(words) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node):
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


class Matcher:
    """All phrase rules of a rulebook, compiled into one scanner."""

    def __init__(self, rules):
        by_prefix: dict = {}
        self.unanchored = []
        for rule in rules:
            if rule.kind != "phrase":
                continue
            for index, source in enumerate(rule.patterns):
                prefixes = _literal_prefixes(to_regex(source))
                if prefixes is None:
                    self.unanchored.append((rule, index))
                    continue
                for p in prefixes:
                    by_prefix.setdefault(p, []).append((rule, index))
        # every prefix also triggers the candidates of its own shorter prefixes
        self.candidates = {}
        for p in by_prefix:
            cands = []
            for q, items in by_prefix.items():
                if p.startswith(q):
                    cands.extend(items)
            self.candidates[p] = cands
        trie = _trie_regex(by_prefix) if by_prefix else "(?!)"
        self.scan = re.compile(rf"(?<![\w-])(?:{trie})")
        self.scan_ci = None  # compiled on demand for text whose lower() changes length

    def hits(self, text: str) -> list:
        lower = text.lower()
        if len(lower) == len(text):
            scan_iter = self.scan.finditer(lower)
        else:
            if self.scan_ci is None:
                self.scan_ci = re.compile(self.scan.pattern, re.IGNORECASE)
            scan_iter = self.scan_ci.finditer(text)
        found = []
        for m in scan_iter:
            pos = m.start()
            for rule, index in self.candidates[m.group().lower()]:
                try:
                    hit = rule.compiled()[index].match(text, pos)
                except TimeoutError:
                    raise MatchTimeout(rule) from None
                if hit:
                    found.append(Hit(rule, hit.start(), hit.end()))
        for rule, index in self.unanchored:
            try:
                for hit in rule.compiled()[index].finditer(text):
                    found.append(Hit(rule, hit.start(), hit.end()))
            except TimeoutError:
                raise MatchTimeout(rule) from None
        return _one_per_place(found)


def _one_per_place(hits):
    """Per rule, keep the longest of overlapping hits."""
    hits.sort(key=lambda h: (h.rule.code, h.start, -h.end))
    out = []
    last_code, last_end = None, -1
    for h in hits:
        if h.rule.code == last_code and h.start < last_end:
            continue
        out.append(h)
        last_code, last_end = h.rule.code, h.end
    out.sort(key=lambda h: (h.start, h.rule.code))
    return out


def rule_applies(rule, text: str, hit, sentence: str) -> bool:
    """The rule's requirements (in the hit's sentence) and exceptions (around the hit)."""
    if rule.requires and not any(p.search(sentence) for p in rule.compiled("requires")):
        return False
    for p in rule.compiled("exceptions") if rule.exceptions else ():
        lo = max(0, hit.start - 80)
        for m in p.finditer(text, lo, min(len(text), hit.end + 80)):
            if m.start() < hit.end and hit.start < m.end():
                return False
    return True
