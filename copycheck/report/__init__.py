"""Output formats: one module per format, each with ``render(result, options, echo)``."""
from __future__ import annotations

import importlib

FORMATS = ("text", "json", "github", "sarif", "gitlab", "junit", "html", "statistics")


def render(fmt: str, result, options, echo) -> None:
    module = importlib.import_module(f"{__name__}.{fmt}_format")
    module.render(result, options, echo)
