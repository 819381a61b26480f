"""One document through the stages: markup -> blocks -> scan -> claim reading
and the kinds' checks -> findings -> suppression.  ``Linter`` compiles the
enabled rules once; the kinds (copycheck/kinds/) do the checking."""
from __future__ import annotations

from bisect import bisect_left
from fnmatch import fnmatch

from . import language, markup, suppression
from .advice import Advisor, Names
from .context import BlockContext
from .document import Document
from .domain import Page
from .findings import Finding, severity
from .judgement import judge
from .kinds import REGISTRY
from .kinds.base import Candidate
from .matching import Hit
from .positions import LineIndex
from .scan import Scanner
from .sentences import Sentences
from claimrules.patterns import new_file
from claimrules.topics import topics

CONTEXT_SCOPES = ("heading", "title", "frontmatter.title")  # blocks whose treatment is in reach of what follows


MAX_CLAIMS = 4000  # phrase hits and claim words read on one page (real pages have a few hundred at most)


def selected(rule, patterns) -> bool:
    return any(p == "ALL" or rule.code.startswith(p) or rule.category == p or rule.name == p for p in patterns)


class Linter:
    def __init__(self, rulebook, settings, kinds=REGISTRY):
        self.rulebook = rulebook
        self.settings = settings
        self.kinds = kinds
        self.enabled = {}  # code -> the level its findings start from (the team's `levels` first)
        for rule in rulebook.rules.values():
            if selected(rule, settings.select) and not selected(rule, settings.ignore):
                self.enabled[rule.code] = settings.levels.get(rule.code, rule.level)
        rules = [rulebook.rules[c] for c in self.enabled]
        self.options = {r.code: {**kinds[r.kind].defaults, **r.options, **_team_options(r, settings, kinds)}
                        for r in rules}
        self.reader, self.domain, self.scanner = _compiled(rulebook, tuple(self.enabled), kinds)
        self.block_rules = _by_kind([r for r in rules if kinds[r.kind].check_block], kinds)
        self.doc_rules = [r for r in rules if kinds[r.kind].check_document]
        self.directive_rules = [r for r in rules if kinds[r.kind].check_directives]
        self.balance_rule = next((r for r in rules if r.kind == "balance"), None)
        self.wants = _wants(rules, None)  # how the rules read claims; with the page's benefit still to find:
        self.wants_benefit = _wants(rules, self.reader.benefits) if self.balance_rule and self.reader else None
        self.advisor = Advisor(rulebook.evidence)
        self.skipped, self.words = None, 0  # of the last page checked: its language if skipped, its words
        self.truncated = 0  # of the last page checked: MAX_CLAIMS if it had more claims than that

    def _ignored_for(self, path):
        """The codes per-file-ignores turns off for path; globs are relative to the config file's folder."""
        ignored = []
        if not self.settings.per_file_ignores:
            return ignored
        import os

        root = os.path.dirname(self.settings.source) if self.settings.source else os.getcwd()
        rel = path if path == "-" else os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch(rel, pattern) or fnmatch(rel.rsplit("/", 1)[-1], pattern):
                ignored.extend(codes)
        return ignored

    def _benefit(self, ctx):
        """(block, start, end, treatment) of the block's first benefit claim about a treatment, or None."""
        benefits = self.reader.benefits
        for c in ctx.read():
            if (c.treatment is not None and c.predicate in benefits and c.polarity == "asserted"
                    and c.speech == "assertion" and not c.about.isdisjoint(("target", "results"))
                    and not judge(ctx.text, Hit(self.balance_rule, c.start, c.end), ctx.sentences, ctx.lexicon).dropped):
                return ctx.block, c.start, c.end, c.treatment
        return None

    def _in_domain(self, findings, page, verdict, spans):
        """The claim findings of the blocks the page's domain keeps (domain.py); the
        page-level findings are not made yet."""
        if verdict == "health":
            return findings
        drop = {i for a, z, counts in spans if not page.keeps(verdict, counts) for i in range(a, z)}
        rules, kinds = self.rulebook.rules, self.kinds
        return [f for i, f in enumerate(findings) if i not in drop or not kinds[rules[f.rule].kind].domain]

    def check_text(self, source: str, path: str = "-", fmt: str | None = None) -> list:
        """The findings for one document, sorted by position."""
        fmt = fmt or markup.format_for(path)
        new_file()  # users' patterns get a fresh time budget for each file
        parsed = markup.read(source, fmt, self.settings.frontmatter_keys)
        lang, how = language.of(source, fmt, (b.text for b in parsed.blocks))
        self.skipped = (lang, how) if lang else None
        self.words = sum(len(b.text.split()) for b in parsed.blocks)  # for the reports' totals
        if lang:
            return []  # the rulebook is written for English: a page in another language is skipped, and counted
        lines = LineIndex(source)
        lexicon = self.rulebook.lexicon
        ignored = self._ignored_for(path)
        live = [c for c in self.enabled if not (ignored and selected(self.rulebook.rules[c], ignored))]
        findings = []
        names = Names(topics().treatments, topics().brands, topics().prescription_only)
        split: dict = {}  # id(block) -> its Sentences, for the findings' sentences
        current = [None]  # the BlockContext of the block being checked

        def add(rule, found: Candidate):
            block = found.block
            s, e = (0, 0) if block is None else block.source_span(found.start, found.end)
            line, col = lines.locate(s)
            end_line, end_col = lines.locate(e)
            treatment = found.treatment
            sentence = ""
            if block is not None:
                sents = split.get(id(block))
                if sents is None:
                    ctx = current[0]  # the block's context has split it already, most often
                    sents = split[id(block)] = (ctx.sentences if ctx is not None and ctx.block is block
                                                else Sentences(block.text, lexicon.abbreviations))
                a, z = sents.span(found.start)
                sentence = " ".join(block.text[a:max(z, found.end)].split())
            message, suggestion, evidence = self.advisor.advise(
                rule, treatment, names.words_for(treatment, s) if treatment else None)
            findings.append(Finding(
                path=path, line=line, column=col, end_line=end_line, end_column=end_col,
                rule=rule.code, name=rule.name, category=rule.category,
                severity=severity(self.enabled[rule.code], found.shift), match=source[s:e],
                message=message if found.message is None else found.message,
                suggestion=suggestion if found.suggestion is None else found.suggestion,
                evidence=evidence if found.evidence is None else found.evidence,
                cues=found.cues, offset=s, parts=found.parts, sentence=sentence,
            ))

        block_rules = [(kind, [r for r in rules if r.code in live]) for kind, rules in self.block_rules]
        page = Page(self.domain, path) if self.domain is not None else None
        spans = []  # (first, last finding index, the block's domain counts) of blocks with findings
        context_treatments = []
        last_named = []  # the treatment the page named last, before this block
        benefit = None  # the first benefit claim for a treatment, for the balance rules
        counted: dict = {}  # rule code -> [(block, start, end)] of the words a page-level rule counts
        room = MAX_CLAIMS  # phrase hits and claim words this page may still have read
        self.truncated = 0
        for found in self.scanner.blocks(parsed.blocks):
            block = found.block
            if found.named:
                names.add(block, found.named)
            treatments = sorted({name for name, _ in found.named})
            context = context_treatments or last_named  # what a claim with no treatment of its own is about
            if found.named:
                last_named = [max(found.named, key=lambda n: n[1])[0]]
            if self.reader is not None:
                if block.scope in CONTEXT_SCOPES:
                    context_treatments = treatments
                treatments = treatments or context_treatments
            hits = [h for h in found.hits if h.rule.code in live] if ignored else found.hits
            words = found.words
            if len(hits) + len(words) > room:  # a page of nothing but claims: bounded, and said
                hits, words = hits[:max(0, room)], words[:max(0, room - len(hits))]
                self.truncated = MAX_CLAIMS
            room -= len(hits) + len(words)
            start = len(findings)
            if hits or words:
                ctx = BlockContext(block, block.text, lexicon,
                                   hits, found.named, treatments, context, words, self.reader,
                                   self.rulebook.evidence,
                                   self.wants_benefit if benefit is None and treatments and self.wants_benefit
                                   else self.wants, names)
                current[0] = ctx
                for kind, rules in block_rules:
                    for rule_found in kind.check_block(rules, ctx):
                        add(rule_found.rule, rule_found)
                if benefit is None and self.balance_rule is not None and treatments and words:
                    benefit = self._benefit(ctx)
            if page is not None:
                block_counts = page.add(block, found.domain, found.named)
                if len(findings) > start:
                    spans.append((start, len(findings), block_counts))
            claimed = [(f.offset, f.offset + len(f.match)) for f in findings[start:]]
            for code, a, z in found.counted:
                if self.rulebook.rules[code].kind == "balance" and claimed:
                    s, e = block.source_span(a, z)
                    if any(x < e and s < y for x, y in claimed):
                        continue  # a balance word inside a claim ("no side effects") is not a mention of risk
                counted.setdefault(code, []).append((block, a, z))
        if page is not None:
            verdict = page.verdict()
            findings = self._in_domain(findings, page, verdict, spans)
            if verdict in ("legal", "other"):
                benefit = None  # a page that is not about health promotes no treatment
        if self.doc_rules:
            doc = Document(parsed.blocks, lines, benefit, counted, names)
            off = page is not None and verdict in ("legal", "other")
            for rule in self.doc_rules:
                if rule.code in live and not (off and self.kinds[rule.kind].domain):
                    for doc_found in self.kinds[rule.kind].check_document(rule, doc, self.options[rule.code]):
                        add(rule, doc_found)
        findings = _supersede(findings, self.rulebook.rules)
        findings, unused = suppression.apply(findings, parsed.directives, source, lines)
        for rule in self.directive_rules:
            if rule.code in live:
                for d in self.kinds[rule.kind].check_directives(rule, unused):
                    findings.append(suppression.finding(rule, d, source, lines, path, self.enabled[rule.code]))
        findings.sort(key=Finding.sort_key)
        return _dedupe(findings)


def _team_options(rule, settings, kinds) -> dict:
    """The configuration's rule-options for a rule, checked against its kind."""
    opts = settings.rule_options.get(rule.code)
    if not opts:
        return {}
    from claimrules import check_options

    where = settings.source or "command line"
    return check_options(where, settings.lines.get("rule-options", 0), rule.kind, kinds[rule.kind].options, opts)


def _wants(rules, benefits) -> dict:
    """Word class -> [(polarity, least strength, speech acts)] the rules read it with
    (their `claim:` specs), and the balance check's benefit claims when benefits is given."""
    out: dict = {}
    for rule in rules:
        for spec in rule.claim:
            for cls in spec.predicates:
                out.setdefault(cls, []).append((spec.polarity, spec.strength, spec.speech))
    for cls in benefits or ():
        out.setdefault(cls, []).append(("asserted", 1, ("assertion",)))
    return out


def _by_kind(rules, kinds):
    out: dict = {}
    for r in rules:
        out.setdefault(r.kind, []).append(r)
    return [(kinds[k], rs) for k, rs in out.items()]


_COMPILED: dict = {}  # (rulebook, enabled codes) -> (claim reader, domain words, Scanner): once per process


def _compiled(rulebook, codes, kinds):
    key = (id(rulebook), codes, id(kinds))
    hit = _COMPILED.get(key)
    if hit is not None and hit[0] is rulebook:
        return hit[1:]
    rules = [r for r in rulebook.rules.values() if r.code in codes]
    reader = domain = None
    if any(kinds[r.kind].reads_claims for r in rules):
        from .claims import reader as claim_reader

        reader = claim_reader()
    if any(kinds[r.kind].domain for r in rules):
        from claimrules.words import load_domain

        domain = load_domain()
    scanner = Scanner(rules, kinds, reader, domain)
    _COMPILED[key] = (rulebook, reader, domain, scanner)
    return reader, domain, scanner


def _supersede(findings, rules):
    """A finding whose rule supersedes others replaces their overlapping findings."""
    if not any(rules[f.rule].supersedes for f in findings):
        return findings
    findings = sorted(findings, key=lambda f: f.offset)
    offsets = [f.offset for f in findings]
    longest = max(len(f.match) for f in findings)
    dropped = set()
    for w in findings:
        codes = rules[w.rule].supersedes
        if not codes:
            continue
        w_end = w.offset + len(w.match)
        # only findings that start within reach can overlap: linear in the number of findings
        for i in range(bisect_left(offsets, w.offset - longest), bisect_left(offsets, w_end)):
            f = findings[i]
            if f.rule in codes and w.offset < f.offset + len(f.match):
                dropped.add(i)
    return [f for i, f in enumerate(findings) if i not in dropped]


def _dedupe(findings):
    out, seen = [], set()
    for f in findings:
        key = (f.line, f.column, f.rule)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
