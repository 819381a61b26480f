"""``copycheck check``: files and folders (or standard input) -> findings -> the gate -> a report."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from ..report import FORMATS as REPORTS
from .common import BUILT, LEVEL_CHOICE, built, codes, fail, load

FORMATS = [f for f in REPORTS if f != "statistics"]  # (statistics: --statistics)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file, not standard output.")
@click.option("--show-evidence", is_flag=True, help="Show the evidence quotes behind each finding, with their sources.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has, not the findings.")
@click.option("--fail-on", type=LEVEL_CHOICE, default=None, help="Lowest level that makes the exit code 1 [default: warning].")
@click.option("--min-level", type=LEVEL_CHOICE, default=None, help="Lowest level to show [default: warning; info shows readability and other notes]. Findings at --fail-on's level are always shown.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--select", multiple=True, help="Rule codes, code prefixes or categories to check (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes, code prefixes or categories to skip.")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable).")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="An extra rule file (repeatable).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file for every checked file.")
@click.option("--isolated", "--no-config", "no_config", is_flag=True, help="Ignore all configuration files.")
@click.option("--no-ignore", is_flag=True, help="Check files that .gitignore excludes too.")
@click.option("--allow-outside", is_flag=True, help="Follow symbolic links out of the checked folders, and use a config's evidence and rule files from outside its folder.")
@click.option("--evidence", "evidence_paths", multiple=True, type=click.Path(exists=True), help="More evidence: documents, folders or built evidence files (repeatable).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Report only findings not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, writable=True), help="Record today's findings in this baseline file, and exit 0.")
@click.option("--changed-since", metavar="REF", help="Report only findings on lines changed since this git revision.")
@click.option("--stdin-filename", default=None, help="Read standard input, shown under this name (its extension picks the format).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True, help="Colour the text output (NO_COLOR and FORCE_COLOR are respected with auto).")
@click.option("--jobs", "-j", default="auto", show_default=True,
              help="Processes to use; 'auto': one per core when there are enough files and copy to gain from it.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary or notices.")
def check(paths, fmt, output_file, show_evidence, statistics, fail_on, min_level, exit_zero, select, ignore, exclude, rule_files,
          config_path, no_config, no_ignore, allow_outside, evidence_paths, baseline_path, write_baseline, changed_since,
          stdin_filename, color, jobs, quiet):
    """Check files and folders (default: the current folder); '-' reads standard input."""
    import os

    from .. import report
    from ..runner import Result, check_one, check_paths, collect, jobs_count

    click.get_current_context().color = _colour(color)
    try:
        jobs_count(jobs)
    except ValueError:
        fail(f"--jobs must be a number or 'auto', not '{jobs}'")
    if stdin_filename is not None and not paths:
        paths = ("-",)  # as ruff: a name for standard input means standard input
    overrides = dict(select=codes(select), ignore=codes(ignore), fail_on=fail_on, min_level=min_level,
                     allow_outside=allow_outside or None)
    from .. import config as _config

    BUILT.clear()  # one run's configs (the API and tests call the command more than once)
    _config._FOUND.clear()
    first = next((p for p in paths if p != "-"), None)
    start = (Path(first) if Path(first).is_dir() else Path(first).parent) if first else None
    settings, rulebook, linter = load(config_path, no_config, rule_files, evidence=evidence_paths,
                                       exclude=exclude, start=start, **overrides)
    _long_lived()
    linter_of = None
    if not config_path and not no_config:
        from .. import config

        def linter_of(path):  # the config nearest each file applies to it
            return built(config.nearest(path), rule_files, evidence_paths, exclude, overrides)[1]
    if no_ignore:
        settings = settings.merged(gitignore=False)
    paths = paths or (".",)
    if "-" in paths:
        if len(paths) > 1:
            fail("'-' (standard input) cannot be combined with other paths")
        name = stdin_filename or "-"
        from ..markup import decoder
        from ..source import files

        outcome = check_one(linter, name, read=lambda: files.read_stream(sys.stdin.buffer, name, decoder(name)))
        result = collect(Result(), [(name, True)], [outcome])
    else:
        result = check_paths(paths, linter, settings, jobs, linter_of)
        if not result.files and not result.errors and not result.gate.get("not_english"):
            fail(f"no files to check in {', '.join(paths)} (include: {' '.join(settings.include)})")
    if write_baseline:
        from ..gate.baseline import write

        n = write(write_baseline, result.findings, __version__)
        for problem in result.errors:
            click.echo(f"copycheck: {problem}", err=True)
        click.echo(f"Wrote a baseline of {n} finding{'s' if n != 1 else ''} in {result.files} "
                   f"file{'s' if result.files != 1 else ''} to {write_baseline}.", err=True)
        sys.exit(2 if result.errors else 0)
    if not quiet:
        for s, _ in BUILT.values():
            for notice in s.overridden:
                click.echo(f"copycheck: {notice}", err=True)
    _gate(result, changed_since, baseline_path or settings.baseline)
    _shown(result, settings.min_level, settings.fail_on)
    from ..source.files import printable, shown

    real = {shown(p): p for p in result.checked if shown(p) != p}  # the links (SARIF, HTML) point at the real bytes
    for f in result.findings:
        f.path = shown(f.path)  # a file name that is not UTF-8: escaped in every format
        if fmt not in ("json", "sarif", "gitlab"):  # (JSON escapes control characters itself)
            f.match, f.sentence = printable(f.match), printable(f.sentence)
            f.heading = f.heading if f.heading is None else printable(f.heading)
            f.message, f.suggestion = printable(f.message), printable(f.suggestion or "")
    result.checked = [shown(p) for p in result.checked]
    result.words = {shown(p): n for p, n in result.words.items()}
    for problem in result.notices:
        if not quiet:
            click.echo(f"copycheck: {problem}", err=True)
    for problem in result.errors:
        click.echo(f"copycheck: {problem}", err=True)
    options = {"show_evidence": show_evidence, "quiet": quiet, "rulebook": rulebook, "root": os.getcwd(),
               "fail_on": settings.fail_on, "exit_zero": exit_zero, "output_file": output_file,
               "changed_since": changed_since, "baseline": baseline_path or settings.baseline,
               "real_paths": real}
    out = _Output(output_file)
    try:
        if statistics:
            report.render("statistics", result, options, out.echo)
        elif quiet and fmt == "text":
            for f in result.findings:
                out.echo(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
        else:
            report.render(fmt, result, options, out.echo)
    finally:
        out.close()
    from claimrules import cache

    cache.save()  # what this run built, for the next one (a no-op when nothing is new)
    _long_lived()  # and at exit, no last collection over the whole heap (a third of a small page's time)
    if result.errors:
        sys.exit(2)
    if not exit_zero and result.failed(settings.fail_on):
        sys.exit(1)


def _shown(result, min_level, fail_on):
    """Hold back findings below the lowest level shown (never one the gate counts)."""
    from ..findings import at_or_above

    lowest = min_level if at_or_above(fail_on, min_level) else fail_on
    kept = [f for f in result.findings if at_or_above(f.severity, lowest)]
    if len(kept) != len(result.findings):
        result.gate["below_min_level"] = len(result.findings) - len(kept)
        result.gate["min_level"] = lowest
        result.findings = kept


def _long_lived():
    """Tell the collector that everything alive now (the modules, the rulebook,
    a run's findings) lives until the process ends, so its passes need not walk
    them again (claimrules/cpython.py: freeze).  A command owns its process; the
    library API never does this.  Reference counting still frees what dies."""
    from claimrules.cpython import freeze

    freeze()


def _colour(choice):
    """--color: always/never; auto: NO_COLOR off, FORCE_COLOR on, else a terminal (click decides)."""
    import os

    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return None


def _gate(result, changed_since, baseline_path):
    """Hold back what the gate does not report: findings on unchanged lines, then baselined ones."""
    import claimrules

    try:
        if changed_since:
            from ..gate.changed import changed_lines, keep

            before = len(result.findings)
            result.findings = keep(result.findings, changed_lines(changed_since))
            result.gate["unchanged"] = before - len(result.findings)
        if baseline_path:
            from ..gate.baseline import apply

            result.findings, baselined, fixed = apply(result.findings, baseline_path, result.checked)
            result.gate["baselined"] = baselined
            result.gate["fixed"] = fixed
    except claimrules.RulebookError as exc:
        fail(str(exc))


class _Output:
    """Where a report goes: standard output, or --output-file (written whole, at the end)."""

    def __init__(self, path):
        self.path, self.lines = path, []

    def echo(self, text=""):
        if self.path is None:
            click.echo(text)
        else:
            self.lines.append(click.unstyle(text))

    def close(self):
        if self.path is not None:
            Path(self.path).write_text("".join(line + "\n" for line in self.lines), encoding="utf-8")
