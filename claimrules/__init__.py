"""The evidence rulebook: YAML rules, the cue lexicon, and their validation.

``load()`` returns a :class:`Rulebook`; any problem in a file stops with a
:class:`RulebookError` naming the file and line.  This package is data and the
code that loads it: it imports nothing from copycheck.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cache import remembered
from .cues import Cue, Lexicon, load_lexicon
from .model import LEVELS, Evidence, Rule, level_rank
from .rulefile import check_options, load_rule_file
from .yamllib import RulebookError

__all__ = ["LEVELS", "Evidence", "Rule", "Rulebook", "RulebookError", "Cue", "Lexicon", "load", "load_lexicon",
           "load_rule_file", "check_options", "level_rank", "HERE"]

HERE = Path(__file__).parent
RULES_DIR = HERE / "rules"


@dataclass
class Rulebook:
    rules: dict  # code -> Rule, in code order
    lexicon: Lexicon
    files: tuple
    evidence: object = None  # evidence.EvidenceBase
    shared: bool = False  # the built-in rulebook, built once and remembered (cache.py)

    def by_code(self, code):
        return self.rules.get(code)


def load(extra_files=(), builtin=True, evidence=None, kinds=None) -> Rulebook:
    """Load and validate the rulebook (the built-in one cached per process).
    evidence: an EvidenceBase (None: the built-in evidence.yaml).  A finding's
    evidence is chosen for the treatment its claim is about (copycheck/reading/advice.py).
    kinds: the rule kinds that will run the rules (copycheck.kinds.REGISTRY), each
    rule's kind and options checked against them (None: not checked)."""
    files = (tuple(sorted(RULES_DIR.glob("*.yaml"))) if builtin else ()) + tuple(Path(p) for p in extra_files)
    if evidence is None and not extra_files:  # the built-in rulebook: built once (cache.py); users' files afresh
        key = ("claimrules.load", tuple(str(f) for f in files), tuple(sorted(kinds)) if kinds is not None else None)
        return remembered(key, lambda: _build(files, None, kinds, shared=True))
    return _build(files, evidence, kinds)


def _build(files, evidence, kinds, shared=False) -> Rulebook:
    from . import evidence as evidence_base
    from .topics import topics

    lexicon = load_lexicon()
    rules: dict = {}
    for path in files:
        for rule in load_rule_file(path, lexicon, path.parent != RULES_DIR, kinds, topics().names):
            if rule.code in rules:
                raise RulebookError(path, 0, f"rule code {rule.code} is already defined at {rules[rule.code].source}")
            rules[rule.code] = rule
    base = evidence_base.load() if evidence is None else evidence
    return Rulebook(rules=dict(sorted(rules.items())), lexicon=lexicon, files=files, evidence=base, shared=shared)
