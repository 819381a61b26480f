"""One document through the stages: markup -> blocks -> matches -> judgement
-> findings -> suppressions.  ``Linter`` compiles the enabled rules once."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from fnmatch import fnmatch

from claimrules import LEVELS

from . import document, markup, suppression
from .findings import Finding
from .judgement import judge
from .matching import Hit, Matcher, rule_applies
from .positions import LineIndex
from .sentences import Sentences

BATCH = 1 << 20  # characters of block text scanned at once
CONTEXT_SCOPES = ("heading", "title", "frontmatter.title")  # blocks whose treatment is in reach of what follows


def _selected(rule, patterns) -> bool:
    return any(p == "ALL" or rule.code.startswith(p) or rule.category == p or rule.name == p for p in patterns)


class Linter:
    def __init__(self, rulebook, settings):
        self.rulebook = rulebook
        self.settings = settings
        self.enabled = {}  # code -> severity
        for rule in rulebook.rules.values():
            if _selected(rule, settings.select) and not _selected(rule, settings.ignore):
                self.enabled[rule.code] = settings.levels.get(rule.code, rule.level)
        self.matcher, self.claims = _compiled(rulebook, tuple(self.enabled))
        self.doc_rules = [r for r in rulebook.rules.values() if r.code in self.enabled and r.kind in document.KINDS]
        self.options = {r.code: {**r.options, **settings.rule_options.get(r.code, {})} for r in self.doc_rules}
        self.balance_rule = next((r for r in self.doc_rules if r.kind == "balance"), None)

    def _ignored_for(self, path):
        ignored = []
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch(path, pattern) or fnmatch(path.rsplit("/", 1)[-1], pattern):
                ignored.extend(codes)
        return ignored

    def _scanned(self, blocks):
        """(block, its rule hits, its tag hits) for each block.
        Blocks are joined by NUL, which no pattern crosses, and scanned a batch
        at a time: one pass per batch, memory bounded on a huge file."""
        batch, size = [], 0
        for block in blocks:
            batch.append(block)
            size += len(block.text) + 1
            if size >= BATCH:
                yield from self._scan_batch(batch)
                batch, size = [], 0
        if batch:
            yield from self._scan_batch(batch)

    def _scan_batch(self, batch):
        joined = "\x00".join(b.text for b in batch)
        starts, at = [], 0
        for b in batch:
            starts.append(at)
            at += len(b.text) + 1
        by_block: dict = {}
        tagged: dict = {}  # block index -> tag hits (treatments named, claim verbs, counted words)
        for hit in self.matcher.hits(joined):
            i = bisect_right(starts, hit.start) - 1
            local = Hit(hit.rule, hit.start - starts[i], hit.end - starts[i])
            (tagged if hit.rule.code.startswith("@") else by_block).setdefault(i, []).append(local)
        del joined
        for i, block in enumerate(batch):
            yield block, by_block.get(i, ()), tagged.get(i, ())

    def _read_tags(self, tags):
        """Sort a block's tag hits: (treatment, start) of each treatment named, the
        (start, end) of its claim verbs, and (code, start, end) of counted words."""
        named, verbs, words = [], [], []
        for t in tags:
            kind, _, name = t.rule.name.partition(":")
            if kind == "treatment":
                named.append((name, t.start))
            elif kind == "verb":
                verbs.append((t.start, t.end))
            else:
                words.append((name, t.start, t.end))
        return named, verbs, words

    def _block_findings(self, block, hits, named, treatments, verbs, sentences, ignored, add, claimed):
        """Phrase hits through judgement, then claims against the evidence."""
        lexicon = self.rulebook.lexicon
        for hit in hits:
            rule = hit.rule
            if ignored and _selected(rule, ignored):
                continue
            s_start, s_end = sentences.span(hit.start)
            if not rule_applies(rule, block.text, hit, block.text[s_start:s_end]):
                continue
            verdict = judge(block.text, hit, sentences, lexicon, self.enabled[rule.code])
            if verdict.level is not None:
                add(rule, block, hit.start, hit.end, verdict.level, rule.message, rule.suggestion,
                    rule.evidence, verdict.cues)
                claimed.append((hit.start, hit.end))
        rule = self.claims.rule if self.claims is not None else None
        if not (treatments and verbs) or rule is None or (ignored and _selected(rule, ignored)):
            return
        for claim in self.claims.claims(block.text, sentences, treatments, verbs, named):
            verdict = judge(block.text, Hit(rule, claim.start, claim.end), sentences, lexicon, rule.level)
            if verdict.level is None:
                continue
            severity, message, suggestion, evidence = self.claims.describe(claim)
            add(rule, block, claim.start, claim.end, self.settings.levels.get(rule.code, severity),
                message, suggestion, evidence)
            claimed.append((claim.start, claim.end))

    def _benefit(self, block, sentences, verbs, named, treatments):
        """(block, start, end, treatment) of the block's first benefit claim, or None."""
        lexicon = self.rulebook.lexicon
        for start, end, _, _ in self.claims.candidates(block.text, sentences, verbs):
            if judge(block.text, Hit(self.balance_rule, start, end), sentences, lexicon, "info").level:
                return block, start, end, self.claims.in_reach(start, sentences, named, treatments)[0]
        return None

    def check_text(self, source: str, path: str = "-", fmt: str | None = None) -> list:
        """The findings for one document, sorted by position."""
        fmt = fmt or markup.format_for(path)
        parsed = markup.read(source, fmt, self.settings.frontmatter_keys)
        lines = LineIndex(source)
        lexicon = self.rulebook.lexicon
        ignored = self._ignored_for(path)
        findings = []

        def add(rule, block, start, end, severity, message, suggestion, evidence, cues=()):
            s, e = block.source_span(start, end)
            line, col = lines.locate(s)
            end_line, end_col = lines.locate(e)
            findings.append(Finding(
                path=path, line=line, column=col, end_line=end_line, end_column=end_col,
                rule=rule.code, name=rule.name, category=rule.category, severity=severity,
                match=source[s:e], message=message, suggestion=suggestion,
                evidence=evidence, cues=cues, offset=s,  # a rule's evidence is shared, not copied
            ))

        context_treatments = []
        benefit = None  # the first benefit claim for a treatment, for the balance rules
        counted: dict = {}  # rule code -> [(block, start, end)] of the words a document rule counts
        for block, hits, tags in self._scanned(parsed.blocks):
            named, verbs, words = self._read_tags(tags)
            treatments = sorted({name for name, _ in named})
            if self.claims is not None:
                if block.scope in CONTEXT_SCOPES:
                    context_treatments = treatments
                treatments = treatments or context_treatments
            claimed = []  # spans of this block's findings
            if hits or (treatments and verbs):
                sentences = Sentences(block.text, lexicon.abbreviations)
                self._block_findings(block, hits, named, treatments, verbs, sentences, ignored, add, claimed)
                if benefit is None and self.balance_rule is not None and treatments and verbs:
                    benefit = self._benefit(block, sentences, verbs, named, treatments)
            for code, start, end in words:
                if self.rulebook.rules[code].kind == "balance" and any(a < end and start < b for a, b in claimed):
                    continue  # a balance word inside a claim ("no side effects") is not a mention of risk
                counted.setdefault(code, []).append((block, start, end))
        if self.doc_rules:
            doc = document.Document(parsed.blocks, lines, benefit, counted)
            for rule in self.doc_rules:
                if ignored and _selected(rule, ignored):
                    continue
                for block, start, end, message, suggestion in document.KINDS[rule.kind](rule, doc, self.options[rule.code]):
                    add(rule, block, start, end, self.enabled[rule.code], message, suggestion, rule.evidence)
        findings = _supersede(findings, self.rulebook.rules)
        enabled = {c: s for c, s in self.enabled.items() if not (ignored and _selected(self.rulebook.rules[c], ignored))}
        findings = suppression.apply(findings, parsed.directives, source, lines, path, self.rulebook, enabled)
        findings.sort(key=Finding.sort_key)
        return _dedupe(findings)


_COMPILED: dict = {}  # (rulebook, enabled codes) -> (Matcher, ClaimChecker): compiled once per process


def _compiled(rulebook, codes):
    key = (id(rulebook), codes)
    hit = _COMPILED.get(key)
    if hit is not None and hit[0] is rulebook:
        return hit[1], hit[2]
    rules = [r for r in rulebook.rules.values() if r.code in codes]
    claims = None
    kinds = {r.kind: r for r in rules}
    if "evidence" in kinds or "balance" in kinds:
        from claimrules.evidence import EvidenceBase

        from .claims import ClaimChecker
        from .matching import tag

        claims = ClaimChecker(kinds.get("evidence"), rulebook.evidence or EvidenceBase())
        rules += [tag(f"treatment:{name}", terms) for name, terms in claims.topics.treatment_terms.items()]
        rules.append(tag("verb", claims.verb_patterns))
    # the words that balance and density rules count are found by the same scan
    rules += [tag(f"count:{r.code}", r.patterns) for r in list(rules) if r.kind in ("balance", "density")]
    matcher = Matcher(rules)
    _COMPILED[key] = (rulebook, matcher, claims)
    return matcher, claims


def _supersede(findings, rules):
    """A finding whose rule supersedes others replaces their overlapping findings
    and keeps the highest severity of those it replaced."""
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
                if LEVELS.index(f.severity) > LEVELS.index(w.severity):
                    w.severity = f.severity
    return [f for i, f in enumerate(findings) if i not in dropped]


def _dedupe(findings):
    out, seen = [], set()
    for f in findings:
        key = (f.line, f.column, f.rule)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
