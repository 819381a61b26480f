"""The rulebook compiled once into one scanner; text -> hits.

Every pattern is analysed for the literal text it must start with (its
prefixes, up to 12 characters, white space included: "painless" -> "painless",
"(?:no|zero) down ?time" -> "no down time", "no downtime", "zero down...").
All prefixes of all rules, and of the tags (treatments, claim verbs, counted
words), are folded into one trie-shaped regular expression, which finds in a
single pass over the lower-cased text every place where some rule could match.
Only the rules whose prefix is found there are tried, anchored at that place.
The prefixes are read by prefixes.py.  A pattern with no literal prefix is run
over the whole text (rare; ``Matcher.unanchored`` lists them).  The cost of a pass depends on the text,
hardly on the number of rules (benchmarks/run.py: 10x the patterns, ~1x the time).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from claimrules.cache import compiled
from claimrules.patterns import to_regex

from .prefixes import branches as _branches, literal_prefixes as _literal_prefixes, literals as _literals

_WORD_START = r"(?<![\w-])"  # a prefix starts a word: no letter, digit or hyphen before it
SMALL_TEXT = 60_000  # characters scanned word by word before the trie is worth compiling (a pre-commit run)


class MatchTimeout(Exception):
    def __init__(self, rule):
        self.rule = rule
        super().__init__(f"rule {rule.code} ({rule.source}) ran out of time matching this file "
                         "(5 s a file, 60 s a run, 2 s a match); simplify its patterns")


@dataclass
class Hit:
    rule: object
    start: int
    end: int


def _trie_regex(words) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node):
        end = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


_BLANKS = compiled(r"\s+")


class Tag:
    """Words the one-pass scan marks for a later stage rather than for a rule: a
    treatment named, a claim verb, a word a page-level rule counts.  It matches
    like a rule (patterns, compiled on first use with the faster engine)."""

    kind = "phrase"
    trusted = True
    exceptions = requires = ()

    def __init__(self, tag: str, name: str, patterns, tally=False):
        self.tag, self.name, self.patterns = tag, name, tuple(patterns)
        self.tally = tally  # only counted: the scan notes where, and makes no Hit
        self.code = f"@{tag}:{name}"  # sorts apart from rule codes; never shown
        self.source = "the rulebook's lexicon"
        self._compiled = None

    def compiled(self, kind: str = "patterns") -> list:
        if self._compiled is None:
            from claimrules.patterns import compile_pattern

            self._compiled = [compile_pattern(p, True) for p in self.patterns]
        return self._compiled


class Matcher:
    """Rules and tags (anything with patterns and compiled()), compiled into one scanner."""

    def __init__(self, rules):
        by_prefix: dict = {}
        self.unanchored = []
        for rule in rules:
            for index, source in enumerate(rule.patterns):
                branches = _branches(to_regex(source))
                prefixes = _literal_prefixes(branches)
                if prefixes is None:
                    self.unanchored.append((rule, index))
                    continue
                # a pattern of a few plain words is found by the scan itself: only the word
                # edge after it is left to check (no regex match)
                plain = _literals(source, branches)
                for p in prefixes:
                    by_prefix.setdefault(p, []).append((rule, index, p if plain else None))
        # every prefix also triggers the candidates of its own shorter prefixes
        self.candidates = {}
        for p in by_prefix:
            cands = []
            for n in range(1, len(p) + 1):
                cands.extend(by_prefix.get(p[:n], ()))
            self.candidates[p] = cands
        # the same, as the lower-cased scan reads them: a plain word's candidates that cannot
        # match at a place with this prefix are left out, and the rest say what they need
        self.plan = {p: tuple(_planned(p, cands)) for p, cands in self.candidates.items()}
        # the prefix in a lookahead: finditer then finds overlapping places in one C loop
        # (a prefix may run over the next word, where another rule's prefix starts)
        self._trie = rf"{_WORD_START}(?=({_trie_regex(by_prefix) if by_prefix else '(?!)'}))"
        self._scan = self.scan_ci = None  # compiled on first use (the one for text whose lower() changes length too)
        # until the trie is compiled (tens of milliseconds), small texts are scanned word by word
        self.lengths = sorted({len(p) for p in by_prefix}, reverse=True)
        firsts = "".join(sorted({p[0] for p in by_prefix if p}))
        self.starts = re.compile(rf"{_WORD_START}[{re.escape(firsts)}]") if firsts else None
        self.small_budget = SMALL_TEXT  # characters the word-by-word scan may still read in this process

    def __getstate__(self):  # a cached Matcher keeps its trie compiled (claimrules/cache.py stores re's code)
        state = dict(self.__dict__)
        state.update(_scan=self.scan, scan_ci=None, small_budget=SMALL_TEXT)
        return state

    @property
    def scan(self):
        if self._scan is None:
            self._scan = re.compile(self._trie)
        return self._scan

    def _places(self, subject: str, scan, lowered=False):
        """(position, prefix) of each place some rule could match, in order: the
        longest prefix that the text there starts with (white space runs as " ").
        lowered: subject is already lower case (the scan was made case-sensitive for it)."""
        known = self.candidates
        for m in scan.finditer(subject):
            key = m.group(1)
            if not lowered:
                found, key = key, key.lower()
                if len(key) != len(found):  # "İ".lower() is two characters; the scan matched it as one
                    key = "".join(ch.lower()[:1] for ch in found)
            if key not in known:  # the prefixes hold single spaces: any other run of white space stands as one " "
                key = _BLANKS.sub(" ", key)
            yield m.start(), key

    def _places_by_word(self, lower: str):
        """The same places as _places, found without the trie: at each place a prefix
        can start, the longest prefix of the text there, looked up by length."""
        if self.starts is None:
            return
        known, lengths, longest = self.candidates, self.lengths, self.lengths[0]
        for m in self.starts.finditer(lower):
            pos = m.start()
            reach = 4 * longest
            while True:
                window = _BLANKS.sub(" ", lower[pos:pos + reach])
                if len(window) >= longest or pos + reach >= len(lower):
                    break
                reach *= 4  # a long run of white space inside the window
            for n in lengths:
                if n <= len(window) and window[:n] in known:
                    yield pos, window[:n]
                    break

    def hits(self, text: str, tally=None) -> list:
        """The hits in text, one per rule and place.  tally: a list that takes
        (position, tag) of each hit of a counted-only tag instead."""
        lower = text.lower()
        if len(lower) == len(text):
            subject = lower
            if self._scan is None and len(text) <= self.small_budget:
                self.small_budget -= len(text)
                places = self._places_by_word(lower)
            else:
                places = self._places(lower, self.scan, lowered=True)
        else:  # lower() changed a length (e.g. "İ"): scan the text itself, without case
            if self.scan_ci is None:
                self.scan_ci = re.compile(self._trie, re.IGNORECASE)
            subject = text
            places = self._places(text, self.scan_ci)
        found = []
        if subject is lower:
            self._confirm(text, places, found, tally)
        else:
            for pos, key in places:
                for rule, index, _ in self.candidates.get(key, ()):
                    self._match(rule, index, text, pos, found)
        for rule, index in self.unanchored:
            try:
                for hit in rule.compiled()[index].finditer(text):
                    found.append(Hit(rule, hit.start(), hit.end()))
            except TimeoutError:
                raise MatchTimeout(rule) from None
        return _one_per_place(found)

    def _confirm(self, text, places, found, tally):
        """The hits at places found in lower-cased text: a plain word needs only a word
        edge after it (no regex match); anything else is matched at the place."""
        plan, size = self.plan, len(text)
        for pos, key in places:
            for rule, index, n, counted in plan.get(key, ()):
                if not n:
                    self._match(rule, index, text, pos, found)
                    continue
                end = pos + n
                if end < size:
                    c = text[end]
                    if c.isalnum() or c == "_":
                        continue
                if counted and tally is not None:
                    tally.append((pos, rule))
                else:
                    found.append(Hit(rule, pos, end))

    @staticmethod
    def _match(rule, index, text, pos, found):
        try:
            hit = rule.compiled()[index].match(text, pos)
        except TimeoutError:
            raise MatchTimeout(rule) from None
        if hit:
            found.append(Hit(rule, hit.start(), hit.end()))


def _planned(prefix, candidates):
    """(rule, index, length of its plain word or 0, counted only) for the candidates at a
    place whose prefix is prefix; a plain word the prefix does not start with cannot match."""
    for rule, index, literal in candidates:
        if literal is None:
            yield rule, index, 0, False
        elif prefix.startswith(literal):
            yield rule, index, len(literal), getattr(rule, "tally", False)


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
    try:
        if rule.requires and not any(p.search(sentence) for p in rule.compiled("requires")):
            return False
        for p in rule.compiled("exceptions") if rule.exceptions else ():
            lo = max(0, hit.start - 80)
            for m in p.finditer(text, lo, min(len(text), hit.end + 80)):
                if m.start() < hit.end and hit.start < m.end():
                    return False
    except TimeoutError:
        raise MatchTimeout(rule) from None
    return True
