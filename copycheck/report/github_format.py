"""GitHub Actions workflow commands: one annotation per finding on the pull request,
and one ``::error`` per file that could not be checked.

GitHub shows only the first 10 annotations of each level per step.  When more
would be cut and ``$GITHUB_STEP_SUMMARY`` is set, every finding is also written
there as a Markdown table, and a notice says where to look."""
from __future__ import annotations

import os
from collections import Counter

from ..source.files import printable

KINDS = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN = 10  # annotations of one level GitHub shows per step


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


_MARKDOWN = set("\\`*_{}[]()#+-.!|~>")


def _cell(s: str) -> str:
    """One table cell of the step summary: on one line, control characters escaped, Markdown
    punctuation escaped and HTML written as text, so copy or a file name cannot add markup."""
    s = printable(" ".join(s.split()))
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join("\\" + c if c in _MARKDOWN else c for c in s)


def render(result, options, echo):
    for e in result.errors:
        where = f",line={e.line}" if getattr(e, "line", 0) else ""
        echo(f"::error file={_prop(str(e.path))}{where},title=copycheck input error::{_data(str(e))}")
    for f in result.findings:
        props = (
            f"file={_prop(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
            f"endColumn={f.end_column},title={_prop(f.rule + ' ' + f.name)}"
        )
        match = " ".join(f.match.split())
        place = f" ({f.place()})" if f.heading is not None else ""  # a draft: paragraph and heading
        echo(f"::{KINDS[f.severity]} {props}::{_data(f'{match!r}{place}: {f.message} Instead: {f.suggestion}')}")
    counts = Counter(KINDS[f.severity] for f in result.findings)
    if not any(n > SHOWN for n in counts.values()):
        return
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        rows = ["## copycheck", "", f"{len(result.findings)} findings in {result.files} files.", "",
                "| File | Line | Level | Rule | Claim | Message | Instead |", "|---|---|---|---|---|---|---|"]
        rows += [f"| {_cell(f.path)} | {f.line} | {f.severity} | {f.rule} | {_cell(f.match)} | {_cell(f.message)} "
                 f"| {_cell(f.suggestion)} |" for f in result.findings]
        with open(summary, "a", encoding="utf-8") as out:
            out.write("\n".join(rows) + "\n")
        echo(f"::notice title=copycheck::GitHub shows {SHOWN} annotations of each level; all "
             f"{len(result.findings)} findings are in this job's summary.")
    else:
        echo(f"::notice title=copycheck::GitHub shows {SHOWN} annotations of each level; {len(result.findings)} "
             "findings in all: run with --format text or --format sarif to see them all.")
