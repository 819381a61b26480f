"""The stable machine contract: {"version", "findings", "summary"}."""
from __future__ import annotations

import json

SCHEMA_VERSION = 1


def render(result, options, echo):
    from .. import __version__

    doc = {
        "version": SCHEMA_VERSION,
        "copycheck": __version__,
        "findings": [f.to_dict() for f in result.findings],
        "summary": result.summary(),
    }
    echo(json.dumps(doc, ensure_ascii=False, indent=2))
