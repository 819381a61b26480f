"""Finding: the one shape every later stage and every report shares."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from claimrules import LEVELS


@dataclass(slots=True)  # a huge page may have tens of thousands: no __dict__ each
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
    parts: dict | None = None  # the claim's parts that made it (subject, predicate, polarity, ...)
    sentence: str = ""  # the sentence it stands in, whitespace-normalised ("" for a page-level finding): baseline key
    also: tuple = ()  # the codes of other rules that said the same of these words (one_per_words kept this one)
    heading: str | None = None  # a Word or OpenDocument draft's: the heading above it ("": none); None elsewhere

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule)

    def place(self) -> str:
        """Where a writer finds it in a draft (line = paragraph, column = character); "" in other files."""
        if self.heading is None:
            return ""
        under = f'under "{self.heading}"' if self.heading else "before the first heading"
        return f"paragraph {self.line}, character {self.column}, {under}"

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
            "evidence": [{"source": e.source, "line": e.line, "quote": e.quote,
                          **({"cite": e.cite} if getattr(e, "cite", "") else {})} for e in self.evidence],
            **({"claim": self.parts} if self.parts else {}),
            **({"also": list(self.also)} if self.also else {}),
            **({"heading": self.heading} if self.heading is not None else {}),
        }


@dataclass
class PageResult:
    """What checking one page gives: its findings, sorted by position, and what the
    reports count and say about it."""

    findings: list = field(default_factory=list)
    words: int = 0  # the words of copy read on the page (for the reports' totals)
    language: str | None = None  # the page's language when it is not English: the page was skipped
    skipped: str | None = None  # why: how the language was told
    truncated: int = 0  # MAX_CLAIMS when the page had more claims than that: the rest was not read
    notices: list = field(default_factory=list)  # (message, line) from the reader: what it could not read


def at_or_above(severity: str, threshold: str) -> bool:
    return LEVELS.index(severity) >= LEVELS.index(threshold)


def highest(*severities: str) -> str:
    """The highest of severities: a finding that replaces others (a rule's ``supersedes``)
    stands at least at their level."""
    return max(severities, key=LEVELS.index)


def severity(level: str, shift: int = 0) -> str:
    """The one place a finding's severity is decided: the rule's level (the team's
    ``levels`` override in its place, when it sets one), moved by judgement's shift
    (-1: a citation lowers it; a claim one step above its evidence), within the scale."""
    return LEVELS[max(0, min(len(LEVELS) - 1, LEVELS.index(level) + shift))]


def supersede(findings, rules):
    """A finding whose rule supersedes others replaces their overlapping findings and
    stands at least at their level ("PRP stops hair loss" is weighed against the evidence
    and stays an absolute claim)."""
    if not any(rules[f.rule].supersedes for f in findings):
        return findings
    findings = sorted(findings, key=lambda f: f.offset)
    offsets = [f.offset for f in findings]
    longest = max(len(f.match) for f in findings)
    dropped = set()
    for w in findings:
        codes = rules[w.rule].supersedes
        if not codes:
            continue
        w_end = w.offset + len(w.match)
        # only findings that start within reach can overlap: linear in the number of findings
        for i in range(bisect_left(offsets, w.offset - longest), bisect_left(offsets, w_end)):
            f = findings[i]
            if f.rule in codes and w.offset < f.offset + len(f.match):
                dropped.add(i)
                w.severity = highest(w.severity, f.severity)
    return [f for i, f in enumerate(findings) if i not in dropped]


def dedupe(findings):
    """One finding per line, column and rule: the first."""
    out, seen = [], set()
    for f in findings:
        key = (f.line, f.column, f.rule)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def one_per_words(findings, is_claim):
    """One claim finding for the same words: where the words of one claim finding lie within
    another's ("perfect" within "perfect for anyone"; "stop hair loss" read by two rules), the
    lower level gives way, then the shorter span, then the later code; the one kept names the
    others' codes (``also``). Findings that are not claims (readability, balance, a suppression's)
    are kept as they are."""
    claims = sorted((f for f in findings if is_claim(f.rule)), key=lambda f: (f.offset, -len(f.match), f.rule))
    if len(claims) < 2:
        return findings
    rank = {id(f): (LEVELS.index(f.severity), len(f.match)) for f in claims}
    dropped = {}  # id(finding given way) -> the finding it gave way to
    for i, outer in enumerate(claims):
        end = outer.offset + len(outer.match)
        for inner in claims[i + 1:]:
            if inner.offset >= end:
                break  # sorted by start: no later one starts inside outer
            if inner.offset + len(inner.match) > end:
                continue  # overlaps, not within: both stand
            loser, winner = (inner, outer) if rank[id(outer)] >= rank[id(inner)] else (outer, inner)
            dropped.setdefault(id(loser), winner)
    if not dropped:
        return findings
    for f in claims:  # the finding kept names the codes that gave way to it
        winner = dropped.get(id(f))
        while winner is not None and id(winner) in dropped:  # it gave way in turn: to what kept it
            winner = dropped[id(winner)]
        if winner is not None and f.rule != winner.rule:
            winner.also = tuple(sorted({*winner.also, f.rule}))
    return [f for f in findings if id(f) not in dropped]

