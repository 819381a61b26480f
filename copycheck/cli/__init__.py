"""The command line: parse options, call the library, pick a report.  One module
per command family (check.py, commands.py), what they share in common.py.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
2 a usage, configuration, rule or input error."""
from __future__ import annotations

import click

from .. import __version__
from .check import check
from .commands import evidence, explain, rules, server, stats


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copycheck")
def main():
    """Find claims in clinic marketing copy that the evidence does not support."""


for command in (check, rules, explain, evidence, stats, server):
    main.add_command(command)
main.add_command(server, "lsp")
