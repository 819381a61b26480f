"""--statistics: how many findings each rule has, most first (as ruff prints them)."""
from __future__ import annotations

from collections import Counter


def render(result, options, echo):
    counts = Counter((f.rule, f.name) for f in result.findings)
    width = len(str(max(counts.values(), default=0)))
    for (rule, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        echo(f"{n:>{width}}\t{rule}\t{name}")
    if not counts:
        echo("No findings.")
