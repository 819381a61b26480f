"""``copycheck stats``: per file, its words, reading grade and ease, and the
claims found per 1,000 words."""
from __future__ import annotations

from dataclasses import dataclass

from ..source import files
from .. import markup
from ..reading import prose
from ..kinds import REGISTRY


@dataclass
class FileStats:
    path: str
    words: int
    grade: float | None
    ease: float | None
    claims: int

    @property
    def claims_per_1000(self) -> float:
        return round(self.claims * 1000 / self.words, 1) if self.words else 0.0

    def to_dict(self):
        return {"path": self.path, "words": self.words, "grade": self.grade, "reading_ease": self.ease,
                "claims": self.claims, "claims_per_1000_words": self.claims_per_1000}


def file_stats(path: str, text: str, linter, scopes=()) -> FileStats:
    page = prose.Prose()
    for block in markup.stream(text, markup.format_for(path), markup.Parsed(), linter.settings.frontmatter_keys, path,
                               scopes):
        if block.scope in prose.PROSE:
            page.add(block)
    total = page.counts()
    grade, ease, _ = total.scores() if total.words else (None, None, None)
    rules = linter.rulebook.rules
    claims = sum(1 for f in linter.check_text(text, path, scopes=scopes).findings
                 if REGISTRY[rules[f.rule].kind].claims and f.severity != "info")
    return FileStats(path, total.words, grade, ease, claims)


def collect(paths, linter, settings):
    from ..reading.matching import MatchTimeout

    """(list of FileStats, list of InputError)."""
    out, errors = [], []
    for item in files.discover(paths, settings.include, settings.exclude):
        if isinstance(item, files.InputError):
            errors.append(item)
            continue
        try:
            source = files.read(item[0], markup.decoder(item[0]))
        except files.InputError as exc:
            errors.append(exc)
            continue
        try:
            out.append(file_stats(item[0], source.text, linter, source.scopes))
        except MatchTimeout as exc:
            errors.append(files.InputError(item[0], str(exc)))
    return out, errors
