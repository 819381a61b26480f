"""The shapes of the rulebook: Rule, Evidence, Examples."""
from __future__ import annotations

from dataclasses import dataclass, field

LEVELS = ("info", "warning", "error")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True)
class Evidence:
    source: str  # path of the evidence document, e.g. seeds/000_....txt
    line: int
    quote: str


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
    topic: str | None = None
    kind: str = "phrase"  # phrase | builtin
    examples_match: tuple = ()
    examples_no_match: tuple = ()
    source: str = ""  # the rule file and line, for messages
    compiled: list = field(default_factory=list, repr=False)
    compiled_exceptions: list = field(default_factory=list, repr=False)
    compiled_requires: list = field(default_factory=list, repr=False)
