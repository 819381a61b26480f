"""One document through the stages: source (language) -> markup -> blocks ->
reading (scan, claims) and the kinds' checks -> findings -> gate (suppression).  ``Linter`` compiles the
enabled rules once; the kinds (copycheck/kinds/) do the checking."""
from __future__ import annotations

from itertools import chain
from fnmatch import fnmatch

from . import markup
from .markup import templates
from .findings import Finding, PageResult, dedupe, severity, supersede
from .gate import suppression
from .kinds import REGISTRY
from .kinds.base import Candidate
from .reading.advice import Advisor, Names
from .reading.claim_parts import normal
from .reading.context import BlockContext
from .reading.document import Document
from .reading.domain import Page
from .reading.scan import compiled_scan
from .reading.sentences import Sentences
from .source import language
from .source.positions import LineIndex
from claimrules.model import Want
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
        self.reader, self.domain, self.scanner = compiled_scan(rulebook, tuple(self.enabled), kinds)
        self.block_rules = _by_kind([r for r in rules if kinds[r.kind].check_block], kinds)
        self.doc_rules = [r for r in rules if kinds[r.kind].check_document]
        self.directive_rules = [r for r in rules if kinds[r.kind].check_directives]
        # the kinds whose page-level check needs a signal found in the blocks, each with its first rule
        self.signals = []
        for r in rules:
            if kinds[r.kind].signal and all(k is not kinds[r.kind] for k, _ in self.signals):
                self.signals.append((kinds[r.kind], r))
        self.wants = _wants(rules)  # how the rules read claims; with a signal still to find:
        self.wants_signal = _wants(rules, [k.signal.wants(self.reader) for k, _ in self.signals if k.signal.wants]) \
            if self.signals and self.reader else None
        self.advisor = Advisor(rulebook.evidence)

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

    def _count(self, doc, block, counted, claims):
        """The words the page-level rules count in block, into doc; for a kind that counts
        outside findings, a word inside one of the block's findings is not counted
        (a word inside a claim the block was flagged for is no mention of what the rule counts)."""
        claimed = [(f.offset, f.offset + len(f.match)) for f in claims]
        per_code: dict = {}
        for code, a, z in counted:
            if claimed and self.kinds[self.rulebook.rules[code].kind].count_outside_findings:
                s, e = block.source_span(a, z)
                if any(x < e and s < y for x, y in claimed):
                    continue
            per_code.setdefault(code, []).append((a, z))
        for code, found in per_code.items():
            doc.count(code, block, found)

    def is_claim(self, code) -> bool:
        """Whether the rule's findings are claims (the report keeps one per words: runner.py)."""
        rule = self.rulebook.rules.get(code)
        return rule is not None and self.kinds[rule.kind].claims

    def _in_domain(self, findings, page, verdict, spans):
        """The claim findings of the blocks the page's domain keeps (domain.py); the
        page-level findings are not made yet."""
        if verdict == "health":
            return findings
        drop = {i for a, z, counts in spans if not page.keeps(verdict, counts) for i in range(a, z)}
        rules, kinds = self.rulebook.rules, self.kinds
        return [f for i, f in enumerate(findings) if i not in drop or not kinds[rules[f.rule].kind].domain]

    def check_text(self, source: str, path: str = "-", fmt: str | None = None, scopes=None) -> PageResult:
        """One document -> its PageResult: findings sorted by position, words, and
        whether it was skipped (another language) or its claims cut short.
        scopes: a Word or OpenDocument draft's, the scope of each line (markup/office.py)."""
        fmt = fmt or markup.format_for(path)
        if fmt in ("html", "markdown"):
            source = templates.blank(source)  # template tags are code: blanked, positions kept
        new_file()  # users' patterns get a fresh time budget for each file
        parsed = markup.Parsed()
        blocks = markup.stream(source, fmt, parsed, self.settings.frontmatter_keys, path, scopes)  # one at a time
        head, size = [], 0  # the first blocks: the sample the language is told from
        for b in blocks:
            head.append(b)
            size += len(b.text) + 1
            if size > language.SAMPLE:
                break
        lang, how = language.of(source, fmt, (b.text for b in head))
        blocks = chain(head, blocks)
        del head
        if lang:  # the rulebook is written for English: a page in another language is skipped, and counted
            return PageResult(words=sum(len(b.text.split()) for b in blocks), language=lang, skipped=how)
        lines = LineIndex(source)
        lexicon = self.rulebook.lexicon
        ignored = self._ignored_for(path)
        live = [c for c in self.enabled if not (ignored and selected(self.rulebook.rules[c], ignored))]
        findings = []
        names = Names(topics().treatments, topics().brands, topics().prescription_only)
        doc = Document(lines, names)
        current = _Current(lexicon.abbreviations)

        def add(rule, found: Candidate):
            block = found.block
            s, e = (0, 0) if block is None else block.source_span(found.start, found.end)
            line, col = lines.locate(s)
            end_line, end_col = lines.locate(e)
            treatment = found.treatment
            sentence = ""
            if block is not None:
                a, z = current.sentences(block).span(found.start)
                sentence = " ".join(block.text[a:max(z, found.end)].split())
            match = source[s:e]
            if sentence == match:
                sentence = match  # one string, not two equal ones (a long sentence is often the match)
            message, suggestion, evidence = self.advisor.advise(
                rule, treatment, names.words_for(treatment, s) if treatment else None)
            findings.append(Finding(
                path=path, line=line, column=col, end_line=end_line, end_column=end_col,
                rule=rule.code, name=rule.name, category=rule.category,
                severity=severity(self.enabled[rule.code], found.shift), match=match,
                message=message if found.message is None else found.message,
                suggestion=suggestion if found.suggestion is None else found.suggestion,
                evidence=evidence if found.evidence is None else found.evidence,
                cues=found.cues, offset=s, parts=found.parts, sentence=sentence,
            ))

        block_rules = [(kind, [r for r in rules if r.code in live]) for kind, rules in self.block_rules]
        see_rules = [(self.kinds[r.kind].see_block, r, self.options[r.code])
                     for r in self.doc_rules if r.code in live and self.kinds[r.kind].see_block]
        page = Page(self.domain, path) if self.domain is not None else None
        spans = []  # (first, last finding index, the block's domain counts) of blocks with findings
        context_treatments = []
        last_named = []  # the treatment the page named last, before this block
        room = MAX_CLAIMS  # phrase hits and claim words this page may still have read
        truncated = 0
        for found in self.scanner.blocks(blocks):
            block = found.block
            current.block, current.ctx, current.split = block, None, None
            doc.add(block)
            subjects = found.named  # the treatments the block speaks of, not those it compares them with
            if found.named:
                names.add(block, found.named)
                if self.reader is not None:
                    subjects = self.reader.subjects(normal(block.text), found.named)
            treatments = sorted({name for name, _ in subjects})
            context = context_treatments or last_named  # what a claim with no treatment of its own is about
            if subjects:
                last_named = [max(subjects, key=lambda n: n.start).treatment]
            if self.reader is not None:
                if block.scope in CONTEXT_SCOPES:
                    context_treatments = treatments
                treatments = treatments or context_treatments
            hits = [h for h in found.hits if h.rule.code in live] if ignored else found.hits
            words = found.words
            if len(hits) + len(words) > room:  # a page of nothing but claims: bounded, and said
                hits, words = hits[:max(0, room)], words[:max(0, room - len(hits))]
                truncated = MAX_CLAIMS
            room -= len(hits) + len(words)
            start = len(findings)
            if hits or words:
                pending = [(k, r) for k, r in self.signals if k.name not in doc.signals]
                ctx = BlockContext(block, block.text, lexicon,
                                   hits, subjects, treatments, context, words, self.reader,
                                   self.rulebook.evidence,
                                   self.wants_signal if pending and treatments and self.wants_signal
                                   else self.wants, names)
                current.ctx = ctx
                for kind, rules in block_rules:
                    for rule_found in kind.check_block(rules, ctx):
                        add(rule_found.rule, rule_found)
                if pending and treatments and words:
                    for kind, rule in pending:
                        value = kind.signal.find(rule, ctx)
                        if value is not None:
                            doc.signals[kind.name] = value
            if found.counted:
                self._count(doc, block, found.counted, findings[start:])
            for see, rule, opts in see_rules:
                for see_found in see(rule, doc, block, opts):
                    add(rule, see_found)
            if page is not None:
                block_counts = page.add(block, found.domain, found.named)
                if len(findings) > start:
                    spans.append((start, len(findings), block_counts))
        current.block = current.ctx = current.split = None
        if page is not None:
            verdict = page.verdict(doc.words)
            findings = self._in_domain(findings, page, verdict, spans)
            if verdict in ("legal", "other"):  # a page that is not about health promotes no treatment:
                doc.signals = {k: v for k, v in doc.signals.items() if not self.kinds[k].domain}
        if self.doc_rules:
            off = page is not None and verdict in ("legal", "other")
            part = fmt in ("data", "module")  # a data file or content module is a part of pages, not a page: no page-wide signal judged on it
            for rule in self.doc_rules:
                kind = self.kinds[rule.kind]
                if rule.code in live and not (off and kind.domain) and not (part and kind.signal):
                    for doc_found in kind.check_document(rule, doc, self.options[rule.code]):
                        add(rule, doc_found)
        findings = supersede(findings, self.rulebook.rules)
        findings, unused = suppression.apply(findings, parsed.directives, source, lines)
        for rule in self.directive_rules:
            if rule.code in live:
                for d in self.kinds[rule.kind].check_directives(rule, unused):
                    findings.append(suppression.finding(rule, d, source, lines, path, self.enabled[rule.code]))
        findings.sort(key=Finding.sort_key)
        if fmt == "office":  # a draft: each finding names the heading it stands under
            from .markup.office import name_headings

            name_headings(findings, source, scopes)
        return PageResult(dedupe(findings), words=doc.words, truncated=truncated, notices=parsed.notices)


class _Current:
    """The block being checked, and its sentences, split once (its BlockContext's,
    if it has one), for the findings' sentences."""

    def __init__(self, abbreviations):
        self.abbreviations = abbreviations
        self.block = self.ctx = self.split = None

    def sentences(self, block) -> Sentences:
        if block is not self.block:
            return Sentences(block.text, self.abbreviations)
        if self.split is None:
            self.split = self.ctx.sentences if self.ctx is not None else Sentences(block.text, self.abbreviations)
        return self.split


def _team_options(rule, settings, kinds) -> dict:
    """The configuration's rule-options for a rule, checked against its kind."""
    opts = settings.rule_options.get(rule.code)
    if not opts:
        return {}
    from claimrules import check_options

    where = settings.source or "command line"
    return check_options(where, settings.lines.get("rule-options", 0), rule.kind, kinds[rule.kind].options, opts)


def _wants(rules, extra=()) -> dict:
    """Word class -> [Want] the rules read it with (their `claim:` specs), then what
    extra asks for (the kinds' signals: class -> [Want])."""
    out: dict = {}
    for rule in rules:
        for spec in rule.claim:
            for cls in spec.predicates:
                out.setdefault(cls, []).append(Want(spec.polarity, spec.strength, spec.speech))
    for more in extra:
        for cls, ways in more.items():
            out.setdefault(cls, []).extend(ways)
    return out


def _by_kind(rules, kinds):
    out: dict = {}
    for r in rules:
        out.setdefault(r.kind, []).append(r)
    return [(kinds[k], rs) for k, rs in out.items()]
