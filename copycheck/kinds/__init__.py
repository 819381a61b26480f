"""The registry of rule kinds: one module per kind, each declaring ``KIND``
(copycheck/kinds/base.py).  The loader validates rules against it, and the
linter, ``rules``, ``explain`` and ``stats`` read it and nothing else.

To add a kind: write a module here with a ``KIND``, add it to ``MODULES``, and
give its rules ``kind: <name>`` in YAML."""
from __future__ import annotations

from . import balance, claim, claim_vs_evidence, density, phrase, readability, unused_suppression

MODULES = (phrase, claim, claim_vs_evidence, readability, balance, density, unused_suppression)
REGISTRY = {m.KIND.name: m.KIND for m in MODULES}


def register(kind) -> None:
    """Add a kind at run time (a plugin, or a test's throwaway kind)."""
    REGISTRY[kind.name] = kind
