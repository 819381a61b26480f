"""Finding: the one shape every later stage and every report shares."""
from __future__ import annotations

from dataclasses import dataclass

from claimrules import LEVELS


@dataclass
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    match: str
    message: str
    suggestion: str
    evidence: tuple = ()  # Evidence or Statement items: source, line, quote
    cues: tuple = ()  # judgement cues that lowered it
    offset: int = 0  # source offset of the start, for suppression

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "match": self.match,
            "message": self.message,
            "suggestion": self.suggestion,
            "evidence": [{"source": e.source, "line": e.line, "quote": e.quote} for e in self.evidence],
        }


def at_or_above(severity: str, threshold: str) -> bool:
    return LEVELS.index(severity) >= LEVELS.index(threshold)
