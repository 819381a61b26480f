"""SARIF 2.1.0, for code-scanning dashboards."""
from __future__ import annotations

import json

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(result, options, echo):
    from .. import __version__

    rules = {}
    for f in result.findings:
        rules.setdefault(f.rule, {
            "id": f.rule, "name": f.name,
            "shortDescription": {"text": f.message},
            "help": {"text": f.suggestion},
            "properties": {"category": f.category},
        })
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "copycheck", "version": __version__,
                                "rules": [rules[k] for k in sorted(rules)]}},
            "results": [{
                "ruleId": f.rule,
                "level": LEVELS[f.severity],
                "message": {"text": f"{f.message} Instead: {f.suggestion}"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column,
                               "snippet": {"text": f.match}},
                }}],
            } for f in result.findings],
        }],
    }
    echo(json.dumps(doc, ensure_ascii=False, indent=2))
