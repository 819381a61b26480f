"""For people: ``path:line:col: level CODE message``, the phrase, the wording to
use instead, and with --show-evidence the evidence quotes with their sources."""
from __future__ import annotations

import click

from ..source.files import printable

COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(result, options, echo):
    for f in result.findings:
        level = click.style(f.severity, fg=COLOURS[f.severity], bold=True)
        where = click.style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        also = f" (also {', '.join(f.also)})" if f.also else ""
        echo(f"{where} {level} {click.style(f.rule, bold=True)} {f.message} [{f.name}]{also}")
        if f.match:  # a finding about the whole page quotes nothing
            echo(f'    "{" ".join(f.match.split())}"')
        if f.heading is not None:  # a Word or OpenDocument draft: where a writer finds it
            echo(click.style(f"    in {f.place()}", dim=True))
        if options.get("show_evidence"):
            for e in f.evidence:
                where = getattr(e, "cite", "") or f"{e.source}:{e.line}"
                echo(click.style("    evidence: ", dim=True) + f'"{printable(e.quote)}" '
                     + click.style(f"({printable(where)})", dim=True))
        if f.suggestion:
            echo(click.style("    instead: ", fg="green") + f.suggestion)
    s = result.summary()
    if result.findings:
        parts = [f"{s[k]} {label}" for k, label in (("error", "error"), ("warning", "warning"), ("info", "info")) if s[k]]
        parts = [p + ("s" if not p.startswith("1 ") and not p.endswith("info") else "") for p in parts]
        line = f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''} ({', '.join(parts)}) in {s['files_with_findings']} of {s['files']} file{'s' if s['files'] != 1 else ''}."
    else:
        line = f"No findings in {s['files']} file{'s' if s['files'] != 1 else ''}."
    held = []
    if "unchanged" in s:
        held.append(f"{s['unchanged']} on unchanged lines not shown")
    if "baselined" in s:
        held.append(f"{s['baselined']} in the baseline not shown, {s['fixed']} fixed since it was written")
    if "below_min_level" in s:
        below = [lv for lv in ("warning", "info") if lv != s["min_level"] and ("info", "warning", "error").index(lv)
                 < ("info", "warning", "error").index(s["min_level"])]
        held.append(f"{s['below_min_level']} {' or '.join(below)} finding{'s' if s['below_min_level'] != 1 else ''} "
                    f"hidden by --min-level {s['min_level']}")
    if "not_english" in s:
        langs = s["not_english"]
        n = sum(langs.values())
        held.append(f"{n} page{'s' if n != 1 else ''} not in English skipped: "
                    + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())))
    if held:
        line += " (" + "; ".join(held) + ")"
    if s["input_errors"]:
        line += f" {s['input_errors']} file{'s' if s['input_errors'] != 1 else ''} could not be checked."
    echo(click.style(line, bold=True))
