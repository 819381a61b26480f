"""A rule file's examples, run: each `match` example must raise the rule, each
`no_match` example must not.  ``copycheck rules --test FILE`` runs a team's own
rules this way, as the test suite runs the built-in ones."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Failure:
    rule: str
    source: str  # the rule's file and line
    example: str
    should_match: bool


def run(linter, rules) -> tuple[int, list]:
    """(examples run, failures) for the given rules, checked by linter."""
    failures, count = [], 0
    for rule in rules:
        for example, should in [(e, True) for e in rule.examples_match] + [(e, False) for e in rule.examples_no_match]:
            count += 1
            found = any(f.rule == rule.code for f in linter.check_text(example, "example.md").findings)
            if found != should:
                failures.append(Failure(rule.code, rule.source, example, should))
    return count, failures


def run_files(book, paths) -> tuple[int, int, list]:
    """(rules, examples run, failures) for the rules of the given rule files, checked
    by a linter with default settings over the whole rulebook."""
    from pathlib import Path

    from .config import Settings
    from .linter import Linter

    wanted = {str(Path(p)) for p in paths}
    rules = [r for r in book.rules.values() if r.source.rsplit(":", 1)[0] in wanted]
    count, failures = run(Linter(book, Settings()), rules)
    return len(rules), count, failures
