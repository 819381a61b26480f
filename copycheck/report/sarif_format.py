"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning and others).

Artifact URIs are relative and percent-encoded, resolved against
``originalUriBaseIds.%SRCROOT%`` (the folder copycheck ran in); each rule that
has findings carries its descriptions, help, guidance link and default level;
files that could not be read are ``toolExecutionNotifications``.  Validated
against the official schema with format checking (tests/test_formats.py)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str, root: str) -> str:
    """A relative URI reference for path, percent-encoded (non-UTF-8 bytes too)."""
    if path == "-":
        return "stdin"
    p = os.path.relpath(os.path.abspath(path), root)
    if p.startswith(".."):
        return Path(os.path.abspath(path)).as_uri()
    raw = Path(p).as_posix().encode("utf-8", "surrogateescape")
    return quote(raw, safe="/-._~")


def _rule(rule, f) -> dict:
    return {
        "id": rule.code if rule else f.rule,
        "name": rule.name if rule else f.name,
        "shortDescription": {"text": (rule.message if rule else f.message).split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": rule.why if rule else f.message},
        "help": {"text": f"Instead: {rule.suggestion if rule else f.suggestion}",
                 "markdown": f"**Instead:** {rule.suggestion if rule else f.suggestion}"
                             + (f"\n\nGuidance: <{rule.link}>" if rule and rule.link else "")},
        **({"helpUri": rule.link} if rule and rule.link.startswith(("http://", "https://")) else {}),
        "defaultConfiguration": {"level": LEVELS[rule.level if rule else f.severity]},
        "properties": {"category": rule.category if rule else f.category, "tags": [rule.category if rule else f.category]},
    }


def render(result, options, echo):
    from .. import __version__

    root = options.get("root") or os.getcwd()
    real = options.get("real_paths") or {}  # shown name -> the file's real name, where they differ
    book = options.get("rulebook")
    codes = sorted({f.rule for f in result.findings})
    index = {code: i for i, code in enumerate(codes)}
    first = {}
    for f in result.findings:
        first.setdefault(f.rule, f)
    rules = [_rule(book.rules.get(c) if book else None, first[c]) for c in codes]
    results = []
    for f in result.findings:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                  "endColumn": max(f.end_column, f.column)}
        if f.match:
            region["snippet"] = {"text": f.match}
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity],
            "message": {"text": f"{f.message} Instead: {f.suggestion}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(real.get(f.path, f.path), root), "uriBaseId": "%SRCROOT%"},
                "region": region,
            }}],
            "partialFingerprints": {"copycheck/v1": _fingerprint(f)},
            # a Word or OpenDocument draft: startLine is the paragraph, startColumn the character in it
            **({"properties": {"heading": f.heading, "paragraph": f.line, "character": f.column}}
               if f.heading is not None else {}),
        })
    notifications = [{
        "level": "error",
        "message": {"text": str(e)},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(real.get(str(e.path), str(e.path)), root),
                                                                 "uriBaseId": "%SRCROOT%"}}}],
    } for e in result.errors]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "copycheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://pypi.org/project/copycheck/", "rules": rules}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(root).as_uri().rstrip("/") + "/"}},
            "invocations": [{"executionSuccessful": not result.errors,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }
    echo(json.dumps(doc, ensure_ascii=False, indent=2))


def _fingerprint(f) -> str:
    import hashlib

    return hashlib.sha256("\0".join((f.rule, f.sentence, f.match)).encode("utf-8", "surrogateescape")).hexdigest()[:32]
