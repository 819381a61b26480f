"""One document through the stages: markup -> blocks -> matches -> judgement
-> findings -> suppressions.  ``Linter`` compiles the enabled rules once."""
from __future__ import annotations

from fnmatch import fnmatch

from . import markup, suppression
from .findings import Finding
from .judgement import judge
from .matching import Matcher, rule_applies
from .positions import LineIndex
from .sentences import Sentences


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
        self.matcher = Matcher([r for r in rulebook.rules.values() if r.code in self.enabled])

    def _ignored_for(self, path):
        ignored = []
        for pattern, codes in self.settings.per_file_ignores.items():
            if fnmatch(path, pattern) or fnmatch(path.rsplit("/", 1)[-1], pattern):
                ignored.extend(codes)
        return ignored

    def check_text(self, source: str, path: str = "-", fmt: str | None = None) -> list:
        fmt = fmt or markup.format_for(path)
        parsed = markup.read(source, fmt, self.settings.frontmatter_keys)
        lines = LineIndex(source)
        lexicon = self.rulebook.lexicon
        ignored = self._ignored_for(path)
        findings = []
        for block in parsed.blocks:
            hits = self.matcher.hits(block.text)
            if not hits:
                continue
            sentences = Sentences(block.text, lexicon.abbreviations)
            for hit in hits:
                rule = hit.rule
                if ignored and _selected(rule, ignored):
                    continue
                s_start, s_end = sentences.span(hit.start)
                if not rule_applies(rule, block.text, hit, block.text[s_start:s_end]):
                    continue
                verdict = judge(block.text, hit, sentences, lexicon, self.enabled[rule.code])
                if verdict.level is None:
                    continue
                level = verdict.level
                start, end = block.source_span(hit.start, hit.end)
                line, col = lines.locate(start)
                end_line, end_col = lines.locate(end)
                findings.append(Finding(
                    path=path, line=line, column=col, end_line=end_line, end_column=end_col,
                    rule=rule.code, name=rule.name, category=rule.category, severity=level,
                    match=source[start:end], message=rule.message, suggestion=rule.suggestion,
                    evidence=list(rule.evidence), cues=verdict.cues, offset=start,
                ))
        enabled = {c: s for c, s in self.enabled.items() if not (ignored and c in ignored)}
        findings = suppression.apply(findings, parsed.directives, source, lines, path, self.rulebook, enabled)
        findings.sort(key=Finding.sort_key)
        return _dedupe(findings)


def _dedupe(findings):
    out, seen = [], set()
    for f in findings:
        key = (f.line, f.column, f.rule)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
