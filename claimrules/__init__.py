"""The evidence rulebook: YAML rules, the cue lexicon, and their validation.

``load()`` returns a :class:`Rulebook`; any problem in a file stops with a
:class:`RulebookError` naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import re

from .model import LEVELS, Evidence, Rule, level_rank
from .patterns import to_regex
from .yamllib import LineDict, RulebookError, check_keys, did_you_mean, load_yaml

__all__ = ["LEVELS", "Evidence", "Rule", "Rulebook", "RulebookError", "load", "level_rank", "HERE"]

HERE = Path(__file__).parent
RULES_DIR = HERE / "rules"
LEXICON = HERE / "lexicon" / "cues.yaml"

RULE_KEYS = {
    "code", "name", "category", "level", "message", "suggestion", "why", "link",
    "patterns", "exceptions", "requires", "cues", "evidence", "topic", "kind", "examples", "supersedes", "options",
}
KINDS = ("phrase", "evidence", "builtin", "readability", "balance", "density")
RULE_REQUIRED = ("code", "name", "category", "level", "message", "suggestion", "why", "link", "examples")
CODE_RE = re.compile(r"CC\d{3}\Z")


@dataclass
class Cue:
    """One kind of context that changes a hit's verdict (see lexicon/cues.yaml)."""

    name: str
    effect: str  # drop | lower
    default: bool
    window: int  # words before the hit that `before` looks at; 0 = the whole clause
    before: object | None  # compiled alternation, or None
    anywhere: object | None
    openers: frozenset
    quoted: bool = False  # applies only to a hit in quotation marks

@dataclass
class Lexicon:
    cues: dict
    clause_break: object  # compiled: where a `before` window stops
    abbreviations: frozenset


@dataclass
class Rulebook:
    rules: dict  # code -> Rule, in code order
    lexicon: Lexicon
    files: tuple
    evidence: object = None  # evidence.EvidenceBase

    def by_code(self, code):
        return self.rules.get(code)


def _phrases(path, mapping, key):
    items = mapping.get(key) or []
    if not isinstance(items, list) or not all(isinstance(p, str) and p for p in items):
        raise RulebookError(path, mapping.line_of(key), f"'{key}' must be a list of non-empty strings")
    return items


def _alternation(path, mapping, key):
    items = _phrases(path, mapping, key)
    if not items:
        return None
    def edged(p):
        start = r"(?<!\w)" if p[0].isalnum() else ""
        end = r"(?!\w)" if p[-1].isalnum() or p[-1] == "'" else ""
        return f"{start}(?:{to_regex(p)}){end}"

    body = "|".join(edged(p) for p in sorted(items, key=len, reverse=True))
    try:
        return re.compile(body, re.IGNORECASE)
    except re.error as exc:
        raise RulebookError(path, mapping.line_of(key), f"pattern in '{key}' does not compile: {exc}") from None


@lru_cache(maxsize=4)
def load_lexicon(path=LEXICON) -> Lexicon:
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise RulebookError(path, 1, "the lexicon must be a mapping")
    check_keys(path, data, {"cues", "clause_breaks", "abbreviations"}, ("cues", "clause_breaks"))
    cues = {}
    for name, spec in data["cues"].items():
        if not isinstance(spec, LineDict):
            raise RulebookError(path, data["cues"].line_of(name), f"cue '{name}' must be a mapping")
        check_keys(path, spec, {"effect", "default", "window", "before", "anywhere", "openers", "quoted", "about"},
                   ("effect",))
        if spec["effect"] not in ("drop", "lower"):
            raise RulebookError(path, spec.line_of("effect"), "effect must be 'drop' or 'lower'")
        cues[name] = Cue(
            name=name,
            effect=spec["effect"],
            default=bool(spec.get("default", True)),
            window=int(spec.get("window", 0)),
            before=_alternation(path, spec, "before"),
            anywhere=_alternation(path, spec, "anywhere"),
            openers=frozenset(w.lower() for w in _phrases(path, spec, "openers")),
            quoted=bool(spec.get("quoted", False)),
        )
    breaks = _alternation(path, data, "clause_breaks")
    abbreviations = frozenset(_phrases(path, data, "abbreviations"))
    return Lexicon(cues=cues, clause_break=breaks, abbreviations=abbreviations)


def _item_line(mapping, key, index):
    items = mapping.get(key)
    lines = getattr(items, "lines", None)
    return lines[index] if lines else mapping.line_of(key)


def _evidence(path, rule):
    items = rule.get("evidence") or []
    out = []
    if not isinstance(items, list):
        raise RulebookError(path, rule.line_of("evidence"), "'evidence' must be a list")
    for item in items:
        if not isinstance(item, LineDict):
            raise RulebookError(path, rule.line_of("evidence"), "each evidence item needs source, line and quote")
        check_keys(path, item, {"source", "line", "quote"}, ("source", "line", "quote"))
        if not isinstance(item["line"], int) or item["line"] < 1:
            raise RulebookError(path, item.line_of("line"), "evidence 'line' must be a positive integer")
        out.append(Evidence(str(item["source"]), item["line"], str(item["quote"])))
    return tuple(out)


def _rule(path, spec, cue_names) -> Rule:
    if not isinstance(spec, LineDict):
        raise RulebookError(path, 0, "each rule must be a mapping")
    check_keys(path, spec, RULE_KEYS, RULE_REQUIRED)
    code = str(spec["code"])
    if not CODE_RE.match(code):
        raise RulebookError(path, spec.line_of("code"), f"rule code '{code}' must look like CC123")
    if spec["level"] not in LEVELS:
        raise RulebookError(path, spec.line_of("level"), f"level must be one of {', '.join(LEVELS)}")
    kind = spec.get("kind", "phrase")
    if kind not in KINDS:
        raise RulebookError(path, spec.line_of("kind"), f"kind must be one of {', '.join(KINDS)}{did_you_mean(kind, KINDS)}")
    if kind in ("phrase", "balance", "density") and not spec.get("patterns"):
        raise RulebookError(path, spec.line, f"rule {code} has no patterns")
    cues = spec.get("cues")
    if cues is None:
        cues = tuple(n for n, c in cue_names.items() if c.default)
    else:
        for name in _phrases(path, spec, "cues"):
            if name not in cue_names:
                raise RulebookError(path, spec.line_of("cues"), f"unknown cue '{name}'{did_you_mean(name, cue_names)}")
        cues = tuple(cues)
    examples = spec["examples"]
    if not isinstance(examples, LineDict):
        raise RulebookError(path, spec.line_of("examples"), "examples must map 'match' and 'no_match' to lists")
    check_keys(path, examples, {"match", "no_match"}, ("match", "no_match"))
    rule = Rule(
        code=code,
        name=str(spec["name"]),
        category=str(spec["category"]),
        level=spec["level"],
        message=str(spec["message"]).strip(),
        suggestion=str(spec["suggestion"]).strip(),
        why=str(spec["why"]).strip(),
        link=str(spec["link"]),
        patterns=tuple(_phrases(path, spec, "patterns")),
        exceptions=tuple(_phrases(path, spec, "exceptions")),
        requires=tuple(_phrases(path, spec, "requires")),
        cues=cues,
        evidence=_evidence(path, spec),
        topic=spec.get("topic"),
        topics=tuple([spec["topic"]] if isinstance(spec.get("topic"), str) else spec.get("topic") or ()),
        kind=kind,
        supersedes=tuple(_phrases(path, spec, "supersedes")),
        options=dict(spec.get("options") or {}),
        examples_match=tuple(_phrases(path, examples, "match")),
        examples_no_match=tuple(_phrases(path, examples, "no_match")),
        source=f"{path}:{spec.line}",
        pattern_lines={(key, i): (str(path), _item_line(spec, key, i))
                       for key in ("patterns", "exceptions", "requires") for i in range(len(spec.get(key) or ()))},
    )
    return rule


def load_rule_file(path, lexicon: Lexicon, strict=True):
    """The rules of one file.  strict: compile every pattern now, so a broken one
    stops the run at start (user rule files); the built-in rules, which the test
    suite compiles and runs, compile on first use."""
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, LineDict) or "rules" not in data:
        raise RulebookError(path, 1, "a rule file is a mapping with a 'rules' list")
    check_keys(path, data, {"rules", "about"})
    if not isinstance(data["rules"], list):
        raise RulebookError(path, data.line_of("rules"), "'rules' must be a list")
    rules = [_rule(path, spec, lexicon.cues) for spec in data["rules"]]
    for rule in rules:
        rule.trusted = not strict
    if strict:
        for rule in rules:
            for kind in ("patterns", "exceptions", "requires"):
                rule.compiled(kind)
    return rules


_CACHE: dict = {}


def load(extra_files=(), builtin=True, evidence=None) -> Rulebook:
    """Load and validate the rulebook (the built-in one cached per process).
    evidence: an EvidenceBase (None: the built-in evidence.yaml).  A rule's
    evidence is its own quotes plus the statements filed under its topics."""
    from . import evidence as evidence_base

    files = (tuple(sorted(RULES_DIR.glob("*.yaml"))) if builtin else ()) + tuple(Path(p) for p in extra_files)
    key = (files, builtin)
    if key in _CACHE and evidence is None and not extra_files:  # users' files are read afresh
        return _CACHE[key]
    lexicon = load_lexicon()
    rules: dict = {}
    for path in files:
        for rule in load_rule_file(path, lexicon, strict=path.parent != RULES_DIR):
            if rule.code in rules:
                raise RulebookError(path, 0, f"rule code {rule.code} is already defined at {rules[rule.code].source}")
            rules[rule.code] = rule
    base = evidence_base.load() if evidence is None else evidence
    for rule in rules.values():
        if rule.topic:
            rule.evidence = tuple(rule.evidence) + tuple(evidence_base.citations(base, rule.topics, limit=3))
    book = Rulebook(rules=dict(sorted(rules.items())), lexicon=lexicon, files=files, evidence=base)
    if evidence is None and not extra_files:
        _CACHE[key] = book
    return book
