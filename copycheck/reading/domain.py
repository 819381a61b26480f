"""Is a page about treatments, the body or health?  The decision of
claimrules/lexicon/domain.yaml, over the domain words the scan counted."""
from __future__ import annotations

from pathlib import PurePath

TITLE_SCOPES = ("title", "frontmatter.title", "heading")


class Page:
    """Domain words counted block by block; ``verdict()`` once the page is read and
    ``keeps()`` for each block that holds claim findings."""

    def __init__(self, domain, path):
        self.domain = domain
        self.path = path
        self.health = self.other = 0
        self.named = False  # some block names a treatment
        self.title = None  # the page's title, or its first heading

    def add(self, block, counts, named) -> tuple:
        """Count one block; returns its own (health words, other words, names a treatment)."""
        health, other = counts.get("health", 0), counts.get("other", 0)
        self.health += health
        self.other += other
        self.named = self.named or bool(named)
        if self.title is None and block.scope in TITLE_SCOPES:
            self.title = block.text
        return health, other, bool(named)

    def verdict(self, words: int) -> str:
        """legal | health | other | unknown (see domain.yaml); words: how many the page has."""
        d = self.domain
        stem = PurePath(self.path).stem.replace("-", " ").replace("_", " ")
        if d.legal.search(self.title or "") or d.legal.search(stem):
            return "legal"
        if self.named:
            return "health"
        sparse = words >= d.words_at_least and 1000 * self.health < d.health_per_thousand * words
        if self.health >= d.health_at_least and self.other <= d.other_per_health * self.health and not sparse:
            return "health"
        if self.other >= d.other_at_least or sparse:
            return "other"
        return "unknown"

    def keeps(self, verdict, block_counts) -> bool:
        """Whether a block's claim findings stand on a page of this verdict."""
        health, other, named = block_counts
        if verdict == "health":
            return True
        if verdict == "legal":
            return False
        if verdict == "other":
            return named or health >= self.domain.health_at_least
        return named or health > 0 or other == 0
