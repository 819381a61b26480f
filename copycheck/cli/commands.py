"""The other commands: ``rules``, ``explain``, ``evidence build``/``topics``, ``stats`` and ``server``."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import BUILT, fail, load, rulebook


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="markdown: the rule reference, every rule's sections as `explain` shows them (docs/rules.md).")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="An extra rule file (repeatable).")
@click.option("--test", "test_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Run the examples of the rules in this file (repeatable); exit 1 if one fails.")
def rules(fmt, rule_files, test_files):
    """List the rules: code, name, category, kind and level."""
    import json

    book = rulebook(tuple(rule_files) + tuple(test_files))
    if test_files:
        _test_examples(book, test_files)
        return
    if fmt == "markdown":
        from ..kinds import REGISTRY
        from ..report.rule_reference import markdown

        click.echo(markdown(book, REGISTRY), nl=False)
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
    from .. import examples

    rules, count, failures = examples.run_files(book, test_files)
    for f in failures:
        want = "should flag" if f.should_match else "should not flag"
        click.echo(f"{f.source}: {f.rule} {want}: {f.example!r}")
    click.echo(f"{count - len(failures)} of {count} examples of {rules} rules pass.")
    if failures:
        sys.exit(1)


@click.command()
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
            fail("give a rule code or --text, not both")
        from ..report import explain as reading

        BUILT.clear()  # (the API and tests call commands more than once)
        _, _, linter = load(None, True, rule_files)
        reading.render(reading.read(text, linter), click.echo)
        return
    if not code:
        fail("give a rule code (copycheck explain CC131) or copy to read (copycheck explain --text '...')")
    book = rulebook(rule_files)
    rule = book.rules.get(code.upper()) or next((r for r in book.rules.values() if r.name == code), None)
    if rule is None:
        fail(f"no rule '{code}'{did_you_mean(code.upper(), book.rules)}")
    from ..kinds import REGISTRY

    from ..report.rule_reference import sections

    click.echo(click.style(f"{rule.code} {rule.name}", bold=True) + f"  ({rule.category}, {rule.kind}, {rule.level})")
    for title, note, lines in sections(rule, book, REGISTRY[rule.kind]):
        click.echo()
        click.echo(click.style(title, bold=True) + note)
        for line in lines:
            click.echo(f"  {line}")


@click.group()
def evidence():
    """Build and inspect the evidence rulebook."""


@evidence.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the evidence file here (default: standard output).")
@click.option("--check", is_flag=True, help="Do not write; exit 1 if OUTPUT is not what the documents build.")
def evidence_build(paths, output, check):
    """Read evidence documents (text, Markdown, HTML) and file their statements by treatment and topic."""
    import claimrules

    from ..evidence.build import build, dump

    command = "copycheck evidence build " + " ".join(paths) + (f" -o {output}" if output else "")
    try:
        text = dump(build(paths), command)
    except claimrules.RulebookError as exc:
        fail(str(exc))
    if check:
        if not output:
            fail("--check needs --output, the file to compare")
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
        from ..source.files import write_atomic

        write_atomic(output, text)
        click.echo(f"Wrote {output}.", err=True)
    else:
        click.echo(text, nl=False)


@evidence.command("topics")
@click.option("--evidence", "extra", multiple=True, type=click.Path(exists=True), help="More evidence documents or built files.")
def evidence_topics(extra):
    """The strongest claim the evidence supports, per treatment and topic."""
    import claimrules

    from ..evidence.build import load

    try:
        base = load(extra)
    except claimrules.RulebookError as exc:
        fail(str(exc))
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


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file.")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
def stats(paths, fmt, config_path, no_config):
    """Per file: words, reading grade (Flesch-Kincaid), reading ease, and claims per 1,000 words."""
    import json

    from ..report.stats import collect

    settings, _, linter = load(config_path, no_config, ())
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


@click.command()
def server():
    """Run the language server (LSP) on standard input and output, for editors (also `copycheck lsp`)."""
    from .. import server as lsp_server

    if not lsp_server.available():
        fail(lsp_server.MISSING)
    lsp_server.serve()
