"""copycheck: keeps clinic marketing copy honest.

The public API for CMS integrations::

    import copycheck
    for f in copycheck.check_text("Painless, with no downtime.", filename="page.md"):
        print(f.line, f.column, f.rule, f.match)
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "check_text", "check_paths", "Finding"]


def _linter(settings=None, extra_rules=()):
    import claimrules

    from .config import Settings
    from .linter import Linter

    settings = settings or Settings()
    rulebook = claimrules.load(tuple(extra_rules) + tuple(settings.extend_rules), evidence=tuple(settings.evidence))
    return Linter(rulebook, settings)


def check_text(text: str, filename: str = "-.md", settings=None, format: str | None = None) -> list:
    """Findings for one text; filename picks the format (.md, .html, .txt) and is shown in findings."""
    return _linter(settings).check_text(text, filename, format)


def check_paths(paths, settings=None, jobs=1):
    """A runner.Result (findings, errors, notices, files) for files and folders."""
    from .runner import check_paths as run

    linter = _linter(settings)
    return run(paths, linter, linter.settings, jobs)


def __getattr__(name):
    if name == "Finding":
        from .findings import Finding

        return Finding
    raise AttributeError(name)
