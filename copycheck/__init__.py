"""copycheck: keeps clinic marketing copy honest.

The public API for CMS integrations::

    import copycheck
    for f in copycheck.check_text("Painless, with no downtime.", filename="page.md"):
        print(f.line, f.column, f.rule, f.match)
"""
from __future__ import annotations

__version__ = "0.3.0"
__all__ = ["__version__", "check_text", "check_paths", "linter_for", "configured", "Finding"]


def linter_for(settings=None):
    """Settings -> the rulebook (the built-in one, the settings' extra rule files,
    and their evidence, built first where it names documents) -> a Linter.
    Raises claimrules.RulebookError naming the broken file."""
    import claimrules
    from claimrules import cache

    from .config import Settings
    from .kinds import REGISTRY
    from .linter import Linter

    cache.restore()  # what an earlier run built from the same rulebook (the user's cache folder)
    settings = settings or Settings()
    evidence = None
    if settings.evidence:
        from .evidence import build as evidence_build

        evidence = evidence_build.load(settings.evidence)
    return Linter(claimrules.load(tuple(settings.extend_rules), evidence=evidence, kinds=REGISTRY), settings)


def configured(config=None, overrides=None, rule_files=(), evidence=(), exclude=()):
    """(settings, linter) for a config file (None: the defaults) as ``copycheck check`` builds
    them for the files it applies to: the file's settings, the overrides on top (what a
    ``select`` override drops from the config's ignore is said in settings.overridden), then
    extra rule files, evidence and excludes added.  The command line and the language server
    both build theirs here.  Raises claimrules.RulebookError naming the broken file and line
    (a config naming evidence, rules or a baseline outside its folder is one, unless
    allow_outside; settings.outside then lists what is used from outside)."""
    from pathlib import Path

    from . import config as _config

    overrides = overrides or {}
    settings = _config.load(config).merged(**overrides)
    for option, where in settings.outside:
        if not settings.allow_outside:
            raise _config.ConfigError(settings.source, settings.lines.get(option, 0),
                                      f"'{option}' names {where}, outside the project "
                                      f"({Path(settings.source).parent}); pass --allow-outside to use it")
    settings = _config.overrides(settings, overrides.get("select"))
    settings = settings.merged(extend_rules=tuple(settings.extend_rules) + tuple(rule_files or ()),
                               evidence=tuple(settings.evidence) + tuple(evidence or ()),
                               exclude=tuple(settings.exclude) + tuple(exclude or ()))
    linter = linter_for(settings)
    _config.check_codes(settings, linter.rulebook)
    return settings, linter


def check_text(text: str, filename: str = "-.md", settings=None, format: str | None = None) -> list:
    """Findings for one text; filename picks the format (.md, .html, .txt) and is shown in findings."""
    return linter_for(settings).check_text(text, filename, format).findings


def check_paths(paths, settings=None, jobs=1):
    """A runner.Result (findings, errors, notices, files) for files and folders."""
    from .runner import check_paths as run

    linter = linter_for(settings)
    return run(paths, linter, linter.settings, jobs)


def __getattr__(name):
    if name == "Finding":
        from .findings import Finding

        return Finding
    raise AttributeError(name)
