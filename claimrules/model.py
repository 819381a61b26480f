"""The shapes of the rulebook: Rule, Evidence, Examples."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

LEVELS = ("info", "warning", "error")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass
class Evidence:
    source: str  # where the quote comes from (a rule's own quote: its document)
    line: int
    quote: str


# The claim-strength scale of scales.yaml, weakest first (the tests check they agree),
# and its steps by name: a claim's strength is an index on it.
STRENGTHS = ("none", "hedged", "qualified", "direct", "boosted")
NONE, HEDGED, QUALIFIED, DIRECT, BOOSTED = (STRENGTHS.index(name) for name in STRENGTHS)

SPEECH = ("assertion", "question", "condition", "expectation", "purpose", "testimonial")
ABOUT = ("treatment", "named", "results", "target", "research", "harm", "benefit")


class Want(NamedTuple):
    """One way a rule reads a word class (a ClaimSpec, per predicate class): the claims it can use."""

    polarity: str  # asserted | denied
    strength: int  # the weakest it fires at (index in STRENGTHS)
    speech: tuple  # the speech acts it fires on


@dataclass
class ClaimSpec:
    """What a claim rule fires on, over the claim reader's parts (lexicon/words.yaml)."""

    predicates: tuple  # word classes
    polarity: str = "asserted"  # asserted | denied
    strength: int = DIRECT  # the weakest strength that fires (index in STRENGTHS)
    speech: tuple = ("assertion",)
    about: tuple = ()  # at least one of these must hold (empty: no condition)
    sourced: bool | None = None  # False: only where no source stands near
    invasive: bool = False  # only where the treatment uses needles or injections
    scope: bool = False  # only claims about everyone or everything


@dataclass
class Rule:
    code: str
    name: str
    category: str
    level: str
    message: str
    suggestion: str
    why: str
    link: str
    patterns: tuple = ()
    exceptions: tuple = ()  # patterns: a hit inside one of their matches is not a claim
    requires: tuple = ()  # patterns: the hit counts only if one of them is in the same block
    cues: tuple = ()  # which judgement cues may lower or drop this rule's hits
    evidence: tuple = ()
    topics: tuple = ()  # topic names (lexicon/topics.yaml) whose evidence the rule cites
    kind: str = "phrase"  # a kind of copycheck/kinds/ (its registry validates the rest)
    supersedes: tuple = ()  # codes whose overlapping findings this rule's finding replaces
    options: dict = field(default_factory=dict)  # the kind's settings, validated against its declaration
    claim: tuple = ()  # ClaimSpec: a claim rule fires where any of them holds
    advice: dict = field(default_factory=dict)  # "message"/"suggestion" -> templates a fact sheet's slots fill
    trusted: bool = False  # a built-in rule: tested, compiled with the faster engine
    examples_match: tuple = ()
    examples_no_match: tuple = ()
    source: str = ""  # the rule file and line, for messages
    pattern_lines: dict = field(default_factory=dict)  # (kind, i) -> (file, line)
    _compiled: dict = field(default_factory=dict, repr=False)

    def compiled(self, kind: str = "patterns") -> list:
        """The compiled regexes of patterns, exceptions or requires, compiled on first use
        (compiling every pattern of the rulebook would dominate a one-file run)."""
        got = self._compiled.get(kind)
        if got is None:
            from .patterns import compile_pattern, matches_nothing
            from .yamllib import RulebookError

            got = []
            for i, pattern in enumerate(getattr(self, kind)):
                try:
                    compiled = compile_pattern(pattern, self.trusted)
                except Exception as exc:  # regex.error
                    path, line = self.pattern_lines.get((kind, i), (self.source, 0))
                    raise RulebookError(path, line, f"pattern '{pattern}' does not compile: {exc}") from None
                if not self.trusted and matches_nothing(compiled):
                    path, line = self.pattern_lines.get((kind, i), (self.source, 0))
                    raise RulebookError(path, line, f"pattern '{pattern}' can match an empty string "
                                                    "(every position would be a finding)")
                got.append(compiled)
            self._compiled[kind] = got
        return got
