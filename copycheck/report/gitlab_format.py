"""GitLab Code Quality: a JSON array of issues (description, check_name,
fingerprint, severity, location.path, location.lines.begin), for merge-request widgets."""
from __future__ import annotations

import hashlib
import json

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result, options, echo):
    issues, seen = [], {}
    for f in result.findings:
        base = "\0".join((f.path, f.rule, f.sentence, f.match))  # content, not lines: stable across edits
        n = seen[base] = seen.get(base, 0) + 1
        issues.append({
            "description": f"{f.rule} {f.message} Instead: {f.suggestion}"
                           + (f" ({f.place()})" if f.heading is not None else ""),
            "check_name": f"{f.rule} {f.name}",
            "fingerprint": hashlib.sha256(f"{base}\0{n}".encode("utf-8", "surrogateescape")).hexdigest(),
            "severity": SEVERITY[f.severity],
            "categories": ["Style"],
            "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
        })
    for e in result.errors:
        issues.append({
            "description": f"copycheck could not check this file: {e}",
            "check_name": "input-error",
            "fingerprint": hashlib.sha256(f"input\0{e.path}".encode("utf-8", "surrogateescape")).hexdigest(),
            "severity": "blocker",
            "location": {"path": str(e.path), "lines": {"begin": getattr(e, "line", 0) or 1}},
        })
    echo(json.dumps(issues, ensure_ascii=False, indent=2))
