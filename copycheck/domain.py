"""Is a page about treatments, the body or health?  The decision of
claimrules/lexicon/domain.yaml, over the domain words the scan counted."""
from __future__ import annotations

from pathlib import PurePath

TITLE_SCOPES = ("title", "frontmatter.title", "heading")


class Page:
    """Domain words counted block by block; ``verdict()`` once the page is read."""

    def __init__(self, domain, path):
        self.domain = domain
        self.path = path
        self.health = self.other = 0
        self.named = False  # some block names a treatment
        self.title = None  # the page's title, or its first heading

    def add(self, block, counts, named) -> bool:
        """Count one block; True when the block itself is about health."""
        health = counts.get("health", 0)
        self.health += health
        self.other += counts.get("other", 0)
        self.named = self.named or bool(named)
        if self.title is None and block.scope in TITLE_SCOPES:
            self.title = block.text
        return bool(named) or health >= self.domain.health_at_least

    def verdict(self) -> str:
        """legal | health | other | unknown (see domain.yaml)."""
        stem = PurePath(self.path).stem.replace("-", " ").replace("_", " ")
        if self.domain.legal.search(self.title or "") or self.domain.legal.search(stem):
            return "legal"
        if self.named or self.health >= self.domain.health_at_least:
            return "health"
        if self.other >= self.domain.other_at_least and self.other > self.health:
            return "other"
        return "unknown"
