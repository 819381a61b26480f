"""The one-line test helpers: lint a text, list the codes it raises."""
from pathlib import Path

import copycheck
from copycheck.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# pages the page-level kinds read (readability, balance) and `copycheck stats` counts
DENSE = (
    "Mesotherapy, a minimally invasive intradermal microinjection technique originally developed for therapeutic "
    "applications, necessitates comprehensive pre-procedural evaluation of dermatological contraindications, "
    "anticoagulant medication histories, and individualised formulation considerations. Practitioners administering "
    "intradermal microinjections must demonstrate sophisticated anatomical understanding, meticulous aseptic "
    "methodology, and comprehensive familiarity with potential complications, encompassing ecchymosis, localised "
    "inflammation and hypersensitivity reactions, and this is a considerably lengthy sentence to split. "
    "Individuals contemplating this intervention should anticipate multiple consecutive treatment sessions."
)


PLAIN = ("Mesotherapy is a set of small shots into the skin. It takes about half an hour. Most people need four to "
         "six visits. You may see some redness or a bruise. This goes away in a few days. ") * 4


BENEFITS_ONLY = """---
title: Mesotherapy at our clinic
---
# Mesotherapy

Mesotherapy improves skin texture and reduces fine lines. It boosts hydration and gives a fresh, bright look.

Book a session today. Our clinic is in the city centre, open six days a week, with parking nearby and a warm welcome.
"""


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
