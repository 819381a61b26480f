"""The one-line test helpers: lint a text, list the codes it raises."""
from pathlib import Path

import copycheck
from copycheck.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def lint(text, filename="t.md", **settings):
    return copycheck.check_text(text, filename=filename, settings=Settings(**settings) if settings else None)


def codes(text, filename="t.md", **settings):
    return [f.rule for f in lint(text, filename, **settings)]


def source_at(text, f):
    """The source text between a finding's (line, column) and (end_line, end_column)."""
    import re

    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[f.line - 1] + f.column - 1
    end = starts[f.end_line - 1] + f.end_column - 1
    return text[start:end]
