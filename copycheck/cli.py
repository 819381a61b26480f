"""The command line: parse options, call the library, pick a report.

Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
2 a usage, configuration, rule or input error."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .report import FORMATS as REPORTS

LEVEL_CHOICE = click.Choice(["error", "warning", "info"])
FORMATS = [f for f in REPORTS if f != "statistics"]  # (statistics: --statistics)


def _fail(message: str):
    click.echo(f"copycheck: {message}", err=True)
    sys.exit(2)


def _codes(values):
    out = []
    for v in values or ():
        out.extend(c.strip() for c in v.split(",") if c.strip())
    return tuple(out) or None


def _rulebook(rule_files=()):
    """The rulebook with extra rule files, or exit 2 naming the broken file."""
    import claimrules

    from .kinds import REGISTRY

    try:
        return claimrules.load(tuple(rule_files), kinds=REGISTRY)
    except claimrules.RulebookError as exc:
        _fail(str(exc))


def _load(config_path, no_config, rule_files, evidence=(), exclude=(), start=None, **overrides):
    """Settings (config file, then the command line on top), rulebook and linter,
    or exit 2 naming the broken file.  start: where to look for the config (a checked
    path; default the current folder)."""
    from . import config

    path = None if no_config else (Path(config_path) if config_path else config.find(start))
    settings, linter = _built(path, rule_files, evidence, exclude, overrides)
    return settings, linter.rulebook, linter


_BUILT: dict = {}


def _built(path, rule_files, evidence, exclude, overrides):
    """(settings, linter) for one config file (None: none), the command line on top; cached."""
    import claimrules

    from . import config, linter_for

    key = str(path)
    if key not in _BUILT:
        try:
            settings = config.load(path).merged(**overrides)
            for option, where in settings.outside:
                if not settings.allow_outside:
                    _fail(f"{settings.source}:{settings.lines.get(option, 0)}: '{option}' names {where}, outside the "
                          f"project ({Path(settings.source).parent}); pass --allow-outside to use it")
                click.echo(f"copycheck: using {where} from outside the project (--allow-outside)", err=True)
            settings = config.overrides(settings, overrides.get("select"))
            settings = settings.merged(extend_rules=tuple(settings.extend_rules) + tuple(rule_files or ()),
                                       evidence=tuple(settings.evidence) + tuple(evidence),
                                       exclude=tuple(settings.exclude) + tuple(exclude))
            linter = linter_for(settings)
            config.check_codes(settings, linter.rulebook)
        except claimrules.RulebookError as exc:
            _fail(str(exc))
        _BUILT[key] = (settings, linter)
    return _BUILT[key]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copycheck")
def main():
    """Find claims in clinic marketing copy that the evidence does not support."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file, not standard output.")
@click.option("--show-evidence", is_flag=True, help="Show the evidence quotes behind each finding, with their sources.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has, not the findings.")
@click.option("--fail-on", type=LEVEL_CHOICE, default=None, help="Lowest level that makes the exit code 1 [default: warning].")
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
def check(paths, fmt, output_file, show_evidence, statistics, fail_on, exit_zero, select, ignore, exclude, rule_files,
          config_path, no_config, no_ignore, allow_outside, evidence_paths, baseline_path, write_baseline, changed_since,
          stdin_filename, color, jobs, quiet):
    """Check files and folders (default: the current folder); '-' reads standard input."""
    import os

    from . import report
    from .runner import Result, check_one, check_paths, collect, jobs_count

    click.get_current_context().color = _colour(color)
    try:
        jobs_count(jobs)
    except ValueError:
        _fail(f"--jobs must be a number or 'auto', not '{jobs}'")
    if stdin_filename is not None and not paths:
        paths = ("-",)  # as ruff: a name for standard input means standard input
    overrides = dict(select=_codes(select), ignore=_codes(ignore), fail_on=fail_on, allow_outside=allow_outside or None)
    from . import config as _config

    _BUILT.clear()  # one run's configs (the API and tests call the command more than once)
    _config._FOUND.clear()
    first = next((p for p in paths if p != "-"), None)
    start = (Path(first) if Path(first).is_dir() else Path(first).parent) if first else None
    settings, rulebook, linter = _load(config_path, no_config, rule_files, evidence=evidence_paths,
                                       exclude=exclude, start=start, **overrides)
    _long_lived()
    linter_of = None
    if not config_path and not no_config:
        from . import config

        def linter_of(path):  # the config nearest each file applies to it
            return _built(config.nearest(path), rule_files, evidence_paths, exclude, overrides)[1]
    if no_ignore:
        settings = settings.merged(gitignore=False)
    paths = paths or (".",)
    if "-" in paths:
        if len(paths) > 1:
            _fail("'-' (standard input) cannot be combined with other paths")
        name = stdin_filename or "-"
        from . import files

        outcome = check_one(linter, name, read=lambda: files.read_stream(sys.stdin.buffer, name))
        result = collect(Result(), [name], [outcome], {name})
    else:
        result = check_paths(paths, linter, settings, jobs, linter_of)
        if not result.files and not result.errors and not result.gate.get("not_english"):
            _fail(f"no files to check in {', '.join(paths)} (include: {' '.join(settings.include)})")
    if write_baseline:
        from .baseline import write

        n = write(write_baseline, result.findings)
        for problem in result.errors:
            click.echo(f"copycheck: {problem}", err=True)
        click.echo(f"Wrote a baseline of {n} finding{'s' if n != 1 else ''} in {result.files} "
                   f"file{'s' if result.files != 1 else ''} to {write_baseline}.", err=True)
        sys.exit(2 if result.errors else 0)
    if not quiet:
        for s, _ in _BUILT.values():
            for notice in s.overridden:
                click.echo(f"copycheck: {notice}", err=True)
    _gate(result, changed_since, baseline_path or settings.baseline)
    from .files import printable, shown

    real = {shown(p): p for p in result.checked if shown(p) != p}  # the links (SARIF, HTML) point at the real bytes
    for f in result.findings:
        f.path = shown(f.path)  # a file name that is not UTF-8: escaped in every format
        if fmt not in ("json", "sarif", "gitlab"):  # (JSON escapes control characters itself)
            f.match, f.sentence = printable(f.match), printable(f.sentence)
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
            from .changed import changed_lines, keep

            before = len(result.findings)
            result.findings = keep(result.findings, changed_lines(changed_since))
            result.gate["unchanged"] = before - len(result.findings)
        if baseline_path:
            from .baseline import apply

            result.findings, baselined, fixed = apply(result.findings, baseline_path, result.checked)
            result.gate["baselined"] = baselined
            result.gate["fixed"] = fixed
    except claimrules.RulebookError as exc:
        _fail(str(exc))


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


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="An extra rule file (repeatable).")
@click.option("--test", "test_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Run the examples of the rules in this file (repeatable); exit 1 if one fails.")
def rules(fmt, rule_files, test_files):
    """List the rules: code, name, category, kind and level."""
    import json

    book = _rulebook(tuple(rule_files) + tuple(test_files))
    if test_files:
        _test_examples(book, test_files)
        return
    rows = [(r.code, r.name, r.category, r.kind, r.level) for r in book.rules.values()]
    head = ("CODE", "NAME", "CATEGORY", "KIND", "LEVEL")
    if fmt == "json":
        click.echo(json.dumps([dict(zip((h.lower() for h in head), r)) for r in rows], indent=2))
        return
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    for row in [head] + rows:
        click.echo("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())


def _test_examples(book, test_files):
    from . import examples

    rules, count, failures = examples.run_files(book, test_files)
    for f in failures:
        want = "should flag" if f.should_match else "should not flag"
        click.echo(f"{f.source}: {f.rule} {want}: {f.example!r}")
    click.echo(f"{count - len(failures)} of {count} examples of {rules} rules pass.")
    if failures:
        sys.exit(1)


@main.command()
@click.argument("code", required=False)
@click.option("--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--text", "text", help="Copy to read: show the claims read in each clause and why each was or was not flagged.")
def explain(code, rule_files, text):
    """Explain a rule (CODE: what it flags, why, the evidence, an example and what to write
    instead), or a reading (--text: the claim parts read in each clause, and the rule that
    took each claim or why none did)."""
    from claimrules.yamllib import did_you_mean

    if text is not None:
        if code:
            _fail("give a rule code or --text, not both")
        from . import reading

        _BUILT.clear()  # (the API and tests call commands more than once)
        _, _, linter = _load(None, True, rule_files)
        reading.render(reading.read(text, linter), click.echo)
        return
    if not code:
        _fail("give a rule code (copycheck explain CC131) or copy to read (copycheck explain --text '...')")
    book = _rulebook(rule_files)
    rule = book.rules.get(code.upper()) or next((r for r in book.rules.values() if r.name == code), None)
    if rule is None:
        _fail(f"no rule '{code}'{did_you_mean(code.upper(), book.rules)}")
    from .kinds import REGISTRY

    kind = REGISTRY[rule.kind]
    click.echo(click.style(f"{rule.code} {rule.name}", bold=True) + f"  ({rule.category}, {rule.kind}, {rule.level})")
    click.echo()
    click.echo(click.style("What it does", bold=True))
    click.echo(f"  {rule.message}")
    click.echo()
    click.echo(click.style("Why is this bad", bold=True))
    click.echo(f"  {rule.why}")
    click.echo(f"  Guidance: {rule.link}")
    if kind.options:
        click.echo()
        click.echo(click.style("Options", bold=True) + f" (kind {kind.name}; set with rule-options)")
        for name, option in kind.options.items():
            value = rule.options.get(name, option.default)
            click.echo(f"  {name} = {value!r}: {option.about}")
    from claimrules.evidence import citations

    quotes = tuple(rule.evidence) + tuple(citations(book.evidence, rule.topics, limit=3) if rule.topics else ())
    if quotes:
        click.echo()
        click.echo(click.style("Evidence", bold=True) + " (a finding quotes the evidence for its own treatment)")
        for e in quotes[:3]:
            where = getattr(e, "cite", "") or f"{e.source}:{e.line}"
            treatment = getattr(e, "treatment", "")
            click.echo(f'  {treatment + ": " if treatment else ""}"{e.quote}" ({where})')
    if rule.examples_match:
        click.echo()
        click.echo(click.style("Example", bold=True))
        for ex in rule.examples_match:
            click.echo(f"  {ex}")
    click.echo()
    click.echo(click.style("Use instead", bold=True))
    click.echo(f"  {rule.suggestion}")


@main.group()
def evidence():
    """Build and inspect the evidence rulebook."""


@evidence.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the evidence file here (default: standard output).")
@click.option("--check", is_flag=True, help="Do not write; exit 1 if OUTPUT is not what the documents build.")
def evidence_build(paths, output, check):
    """Read evidence documents (text, Markdown, HTML) and file their statements by treatment and topic."""
    import claimrules

    from .evidence_build import build, dump

    command = "copycheck evidence build " + " ".join(paths) + (f" -o {output}" if output else "")
    try:
        text = dump(build(paths), command)
    except claimrules.RulebookError as exc:
        _fail(str(exc))
    if check:
        if not output:
            _fail("--check needs --output, the file to compare")
        try:
            current = Path(output).read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            click.echo(f"copycheck: {output} is stale: rebuild it with '{command}'", err=True)
            sys.exit(1)
        click.echo(f"{output} is up to date.")
        return
    if output:
        from .files import write_atomic

        write_atomic(output, text)
        click.echo(f"Wrote {output}.", err=True)
    else:
        click.echo(text, nl=False)


@evidence.command("topics")
@click.option("--evidence", "extra", multiple=True, type=click.Path(exists=True), help="More evidence documents or built files.")
def evidence_topics(extra):
    """The strongest claim the evidence supports, per treatment and topic."""
    import claimrules

    from .evidence_build import load

    try:
        base = load(extra)
    except claimrules.RulebookError as exc:
        _fail(str(exc))
    rows = []
    for t in base.treatments():
        for topic in base.topics(t):
            items = base.for_topic(topic, t)
            sources = {s.cite or s.source for s in items}
            rows.append((t, topic, base.supported(t, topic), str(len(items)), str(len(sources))))
    header = ("TREATMENT", "TOPIC", "SUPPORTED", "STATEMENTS", "SOURCES")
    widths = [max(len(r[i]) for r in rows + [header]) + 2 for i in range(4)]
    for row in [header] + rows:
        click.echo("".join(cell.ljust(w) for cell, w in zip(row, widths)) + row[4])
    click.echo(f"{len(base.treatments())} treatments, {len(rows)} topics, {len(base.statements)} statements.")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
def stats(paths, fmt, config_path, no_config):
    """Per file: words, reading grade (Flesch-Kincaid), reading ease, and claims per 1,000 words."""
    import json

    from .stats import collect

    settings, _, linter = _load(config_path, no_config, ())
    rows, errors = collect(paths or (".",), linter, settings)
    for problem in errors:
        click.echo(f"copycheck: {problem}", err=True)
    if fmt == "json":
        click.echo(json.dumps({"files": [r.to_dict() for r in rows]}, indent=2))
    else:
        width = max([len(r.path) for r in rows] + [4])
        click.echo(f"{'FILE':<{width}}  {'WORDS':>7}  {'GRADE':>5}  {'EASE':>5}  {'CLAIMS/1000':>11}")
        for r in rows:
            grade = "-" if r.grade is None else f"{r.grade:.1f}"
            ease = "-" if r.ease is None else f"{r.ease:.0f}"
            click.echo(f"{r.path:<{width}}  {r.words:>7}  {grade:>5}  {ease:>5}  {r.claims_per_1000:>11.1f}")
    if any(e.fatal for e in errors):
        sys.exit(2)
