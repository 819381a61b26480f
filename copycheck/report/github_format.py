"""GitHub Actions workflow commands: one annotation per finding on the pull request."""
from __future__ import annotations

KINDS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(result, options, echo):
    for f in result.findings:
        props = (
            f"file={_prop(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
            f"endColumn={f.end_column},title={_prop(f.rule + ' ' + f.name)}"
        )
        match = " ".join(f.match.split())
        echo(f"::{KINDS[f.severity]} {props}::{_data(f'{match!r}: {f.message} Instead: {f.suggestion}')}")
