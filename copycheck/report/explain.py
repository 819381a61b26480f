"""Why a sentence was or was not flagged: the claims read in each clause, with their parts,
and for each the rule that took it or the reason none did.  `copycheck why --text "..."`
prints it; reviewers ask "why did this pass?", and developers need the same answer.

It reads the copy the way the linter does (markup reader, scan, claim reader), then checks
the copy for real and matches each finding to the claim it stands on; a claim with no
finding is held against each claim rule that reads its predicate, and the first part that
does not fit is named (or the judgement cue that dropped it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from .. import markup
from ..reading.claim_parts import normal
from ..reading.judgement import judge
from ..kinds.claim import holds
from ..linter import CONTEXT_SCOPES
from ..reading.matching import Hit
from ..reading.sentences import Sentences


@dataclass
class ReadClaim:
    line: int
    column: int
    words: str  # the predicate word(s) as written
    clause: str
    parts: dict
    taken_by: list = field(default_factory=list)  # "CC131 painless (error)" for each finding on it
    why_not: list = field(default_factory=list)  # per claim rule that reads the predicate: why it did not fire


@dataclass
class Reading:
    claims: list
    findings: list  # every finding of the copy (phrase rules and page-level rules too)
    skipped: str | None  # "in another language (fr)" when the page is not read


def _spec_misses(spec, claim, ctx) -> str | None:
    """The first part of the claim that a rule's claim spec does not accept, or None."""
    if claim.predicate not in spec.predicates:
        return "another predicate"
    if claim.polarity != spec.polarity:
        return f"polarity is {claim.polarity}; the rule reads {spec.polarity}"
    if claim.strength < spec.strength:
        from claimrules.words import STRENGTHS

        return f"strength is {STRENGTHS[claim.strength]}; the rule needs {STRENGTHS[spec.strength]} or more"
    if claim.speech not in spec.speech:
        return f"speech act is {claim.speech}; the rule reads {', '.join(spec.speech)}"
    if spec.about and not claim.about.intersection(spec.about):
        return f"about {', '.join(sorted(claim.about)) or 'nothing it knows'}; the rule needs {', '.join(sorted(spec.about))}"
    if spec.sourced is False and claim.sourced:
        return "a source is named for it"
    if spec.scope and claim.scope != "universal":
        return "its scope is not universal"
    if not holds(spec, claim, ctx):
        return "the treatment does not go through the skin"
    return None


def read(text: str, linter, filename: str = "text.md") -> Reading:
    page = linter.check_text(text, filename)
    findings = page.findings
    if page.language:
        return Reading([], findings, f"in another language ({page.language}, {page.skipped}): not read")
    from ..reading.context import BlockContext
    from ..source.positions import LineIndex

    lines = LineIndex(text)
    lexicon = linter.rulebook.lexicon
    claim_rules = [r for r in linter.rulebook.rules.values() if r.kind == "claim" and r.code in linter.enabled]
    blocks = markup.stream(text, markup.format_for(filename), markup.Parsed(), linter.settings.frontmatter_keys, filename)
    out, context = [], []
    for found in linter.scanner.blocks(blocks):
        block = found.block
        named = linter.reader.subjects(normal(block.text), found.named) if found.named else []
        treatments = sorted({n for n, _ in named}) or context
        if block.scope in CONTEXT_SCOPES and named:
            context = sorted({n for n, _ in named})
        ctx = BlockContext(block, block.text, lexicon, found.hits, named, treatments, treatments, found.words,
                           linter.reader, linter.rulebook.evidence, None)
        sentences = Sentences(block.text, lexicon.abbreviations)
        for claim in ctx.read():
            s, e = block.source_span(claim.start, claim.end)
            line, col = lines.locate(s)
            c0, c1 = claim.clause
            item = ReadClaim(line, col, text[s:e], " ".join(block.text[c0:c1].split()), claim.parts())
            for f in findings:
                if f.offset < e and s < f.offset + max(1, len(f.match)):
                    item.taken_by.append(f"{f.rule} {f.name} ({f.severity})")
            if not item.taken_by:
                for rule in claim_rules:
                    if not any(claim.predicate in spec.predicates for spec in rule.claim):
                        continue
                    misses = [_spec_misses(spec, claim, ctx) for spec in rule.claim
                              if claim.predicate in spec.predicates]
                    if any(m is None for m in misses):
                        verdict = judge(block.text, Hit(rule, claim.start, claim.end), sentences, lexicon)
                        why = (f"dropped by judgement ({', '.join(verdict.cues)})" if verdict.dropped else
                               "read as a claim, but the finding was dropped at page level (the page is not "
                               "about health, a suppression comment, or another rule's finding supersedes it)")
                    else:
                        why = next(m for m in misses if m is not None)
                    item.why_not.append(f"{rule.code} {rule.name}: {why}")
                if not item.why_not:
                    item.why_not.append("no enabled claim rule reads this predicate")
            out.append(item)
    return Reading(out, findings, None)


def render(reading: Reading, echo) -> None:
    if reading.skipped:
        echo(reading.skipped)
        return
    if not reading.claims:
        echo("No claim words read: nothing here for the claim rules.")
    for c in reading.claims:
        p = c.parts
        echo(f"{c.line}:{c.column} \"{c.words}\" in \"{c.clause}\"")
        echo(f"    predicate {p['predicate']}, {p['polarity']}, strength {p['strength']}, scope {p['scope']}, "
             f"speech {p['speech']}, about {p['subject']}")
        for t in c.taken_by:
            echo(f"    flagged: {t}")
        for w in c.why_not:
            echo(f"    not flagged by {w}")
    others = [f for f in reading.findings if not any(f"{f.rule} " in t for c in reading.claims for t in c.taken_by)]
    if others:
        echo("Other findings (phrase and page-level rules):")
        for f in others:
            echo(f"    {f.line}:{f.column} {f.rule} {f.name} ({f.severity}) \"{' '.join(f.match.split())}\"")
