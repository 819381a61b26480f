"""Inline suppression directives applied to findings; the directives that
suppressed nothing go to the unused-suppression kind (CC001)."""
from __future__ import annotations

from ..findings import Finding


def _covers(codes, finding) -> bool:
    if not codes:
        return True
    return any(finding.rule.startswith(c) or finding.category == c for c in codes)


def _next_text_line(lines, source, after_line):
    """The first non-blank line after after_line (1-based), or None."""
    starts = lines.starts
    for line in range(after_line + 1, len(starts) + 1):
        end = starts[line] if line < len(starts) else len(source)
        if source[starts[line - 1]:end].strip():
            return line
    return None


def apply(findings, directives, source, lines):
    """(kept findings, directives that suppressed nothing)."""
    if not directives:
        return findings, []
    next_line = {}
    ranges = []  # (start_line, end_line, directive)
    open_ranges = []
    for d in sorted(directives, key=lambda d: d.start):
        start_line, _ = lines.locate(d.start)
        end_line, _ = lines.locate(max(d.start, d.end - 1))
        if d.action == "disable-next-line":
            target = _next_text_line(lines, source, end_line)
            if target is not None:
                next_line.setdefault(target, []).append(d)
            else:
                ranges.append((0, -1, d))  # covers nothing
        elif d.action == "disable":
            open_ranges.append((start_line, d))
        else:  # enable
            still = []
            for begin, od in open_ranges:
                if not d.codes or set(od.codes) <= set(d.codes):
                    ranges.append((begin, start_line, od))
                else:
                    still.append((begin, od))
            open_ranges = still
    ranges.extend((begin, lines.line_count + 1, od) for begin, od in open_ranges)

    kept = []
    for f in findings:
        hit = None
        for d in next_line.get(f.line, ()):
            if _covers(d.codes, f):
                hit = d
                break
        if hit is None:
            for begin, end, d in ranges:
                if begin <= f.line <= end and _covers(d.codes, f):
                    hit = d
                    break
        if hit is None:
            kept.append(f)
        else:
            hit.used = True

    return kept, [d for d in directives if not d.used]


def finding(rule, d, source, lines, path, level):
    """The finding that reports directive d."""
    line, col = lines.locate(d.start)
    end_line, end_col = lines.locate(d.end)
    return Finding(
        path=path, line=line, column=col, end_line=end_line, end_column=end_col,
        rule=rule.code, name=rule.name, category=rule.category, severity=level,
        match=source[d.start:d.end], message=rule.message, suggestion=rule.suggestion,
        evidence=rule.evidence, offset=d.start,
    )
