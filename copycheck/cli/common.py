"""What the commands share: exit 2 with a message, the rulebook, and the settings
and linter for a config file (built once per run)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

LEVEL_CHOICE = click.Choice(["error", "warning", "info"])


def fail(message: str):
    click.echo(f"copycheck: {message}", err=True)
    sys.exit(2)


def codes(values):
    out = []
    for v in values or ():
        out.extend(c.strip() for c in v.split(",") if c.strip())
    return tuple(out) or None


def rulebook(rule_files=()):
    """The rulebook with extra rule files, or exit 2 naming the broken file."""
    import claimrules

    from ..kinds import REGISTRY

    try:
        return claimrules.load(tuple(rule_files), kinds=REGISTRY)
    except claimrules.RulebookError as exc:
        fail(str(exc))


def load(config_path, no_config, rule_files, evidence=(), exclude=(), start=None, **overrides):
    """Settings (config file, then the command line on top), rulebook and linter,
    or exit 2 naming the broken file.  start: where to look for the config (a checked
    path; default the current folder)."""
    from .. import config

    path = None if no_config else (Path(config_path) if config_path else config.find(start))
    settings, linter = built(path, rule_files, evidence, exclude, overrides)
    return settings, linter.rulebook, linter


BUILT: dict = {}


def built(path, rule_files, evidence, exclude, overrides):
    """(settings, linter) for one config file (None: none), the command line on top; cached."""
    import claimrules

    from .. import configured

    key = str(path)
    if key not in BUILT:
        try:
            settings, linter = configured(path, overrides, rule_files, evidence, exclude)
        except claimrules.RulebookError as exc:
            fail(str(exc))
        for _, where in settings.outside:  # (allowed: configured() refuses them otherwise)
            click.echo(f"copycheck: using {where} from outside the project (--allow-outside)", err=True)
        BUILT[key] = (settings, linter)
    return BUILT[key]
