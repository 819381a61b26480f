"""The evidence base: statements from evidence documents, filed by treatment
and topic, and the strongest claim each topic supports.

``claimrules/evidence.yaml`` is built from seeds/ by ``copycheck evidence build``
(copycheck/evidence/build.py) and never edited by hand.  Teams add their own built
files; ``load()`` merges them with the built-in file, and each topic's supported
strength is derived again from all the statements (the table in scales.yaml).
This module reads built files only: it never builds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .cache import memo
from .yamllib import LineDict, RulebookError, load_yaml, read_bytes

HERE = Path(__file__).parent
BUILTIN = HERE / "evidence.yaml"
FORMAT_VERSION = 1


@memo
def _scales():
    """scales.yaml, read on first use (and kept in the start-up cache: a warm run reads no YAML)."""
    return load_yaml(HERE / "scales.yaml")


def strengths() -> tuple:
    """The strength scale, none .. boosted (claimrules.words.STRENGTHS is the same; the tests check)."""
    return tuple(_scales()["strength"])


@dataclass(frozen=True)
class Statement:
    treatment: str
    topic: str
    source: str
    line: int
    stance: str
    kind: str
    doc_kind: str  # review | promotional | evidence
    quote: str
    strong: bool = False  # a systematic review, RCT or meta-analysis
    cite: str = ""  # where a reader finds it: publisher, title, date and address (not a path of ours)


def derive(statements) -> str:
    """The strongest claim that a topic's statements support (scales.yaml: supported)."""
    support, against = "none", "nothing"
    for s in statements:
        if s.stance == "contests":
            against = "contested"
        elif s.stance == "refutes" and against == "nothing":
            against = "refuted"
        elif s.stance == "supports" and s.strong:
            support = "strong"
        elif s.stance in ("supports", "qualifies") and support == "none":
            support = "weak"
    return _scales()["supported"][support][against]


@dataclass
class EvidenceBase:
    statements: list = field(default_factory=list)
    documents: list = field(default_factory=list)  # dicts: source, kind, sha256
    advice: dict = field(default_factory=dict)  # treatment -> slot -> {text, cite}: the fact sheets' wording
    _index: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.reindex()

    def reindex(self):
        index: dict = {}
        for s in self.statements:
            index.setdefault((s.treatment, s.topic), []).append(s)
        self._index = index

    def treatments(self):
        return sorted({t for t, _ in self._index})

    def topics(self, treatment):
        return sorted(topic for t, topic in self._index if t == treatment)

    def for_topic(self, topic, treatment=None):
        out = []
        for (t, tp), items in self._index.items():
            if tp == topic and (treatment is None or t == treatment):
                out.extend(items)
        return sorted(out, key=_citation_order)

    def supported(self, treatment, topic) -> str | None:
        """The strongest claim the evidence supports on a treatment's topic.  A topic with no
        statements of its own takes what the treatment's general statements on efficacy
        support ("the evidence is limited"); with neither, None: the rulebook does not
        know, and nothing is judged (no statement is not a statement against)."""
        items = self._index.get((treatment, topic)) or self._index.get((treatment, "efficacy"))
        return derive(items) if items else None

    def slots(self, treatment) -> dict:
        """slot -> text: the wording a fact sheet gives for a treatment (its course, side effects...)."""
        return {k: v["text"] for k, v in (self.advice.get(treatment) or {}).items()}

    def merged(self, other: "EvidenceBase") -> "EvidenceBase":
        seen = set(self.statements)
        extra = [s for s in other.statements if s not in seen]
        advice = {t: dict(v) for t, v in self.advice.items()}
        for t, v in other.advice.items():
            advice.setdefault(t, {}).update(v)  # a team's sheet speaks last
        return EvidenceBase(self.statements + extra, self.documents + other.documents, advice)


def _citation_order(s: Statement):
    """Cite what weighs most first: refutations and contests, then results; reviews
    before promotional documents; the state of the evidence, results and risks first."""
    kinds, stances = _orders()
    return (stances[s.stance], s.doc_kind == "promotional", kinds.get(s.kind, len(kinds)), s.source, s.line)


@lru_cache(maxsize=None)
def _orders():
    """(statement kind -> its rank, stance -> its rank), from scales.yaml, once per process."""
    scales = _scales()
    return ({k: i for i, k in enumerate(scales["statement_kinds"])},
            {k: i for i, k in enumerate(scales["stance"])})


def citations(base: EvidenceBase, topics, treatment=None, limit=3):
    """The quotes that bear on a claim about treatment on these topics: the first
    topic's before the next, against-the-claim first within each, one per line.
    treatment None: any treatment's (for showing a rule, never for a finding)."""
    out, seen = [], set()
    for rank, topic in enumerate(topics):
        for s in base.for_topic(topic, treatment):
            if s.stance in ("neutral", "promotes") or (s.source, s.line, s.quote) in seen:
                continue
            seen.add((s.source, s.line, s.quote))
            out.append((rank, s))
    out.sort(key=lambda rs: (rs[0], _citation_order(rs[1])))
    # within a topic, the weightiest quote of each document first, then the rest in order
    ordered, docs = [], set()
    for rank, s in out:
        ordered.append((rank, s.source in docs, len(ordered), s))
        docs.add(s.source)
    ordered.sort(key=lambda x: x[:3])
    return [s for *_, s in ordered][:limit]


def read_file(path, fast=False) -> EvidenceBase:
    """An evidence.yaml file -> EvidenceBase; errors name the file and line.  fast: read with
    the plain C loader first (the built-in file, 180 KB: twice as fast), and only on a problem
    again with line numbers, for the message."""
    if fast:
        try:
            import yaml

            text = read_bytes(path).decode("utf-8")
            return _read(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), path)
        except Exception:  # noqa: BLE001 - any problem: read again, slowly, to name its line
            pass
    return _read(load_yaml(path), path)


def _read(data, path) -> EvidenceBase:
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise RulebookError(path, 1, f"not an evidence file of version {FORMAT_VERSION} (rebuild it with 'copycheck evidence build')")
    statements = []
    for treatment, topics in (data.get("treatments") or {}).items():
        for topic, entry in (topics or {}).items():
            for item in entry.get("statements") or ():
                try:
                    statements.append(Statement(
                        treatment=treatment, topic=topic, source=item["source"], line=int(item["line"]),
                        stance=item["stance"], kind=item["kind"], doc_kind=item.get("doc_kind", "evidence"),
                        quote=item["quote"], strong=bool(item.get("strong", False)), cite=str(item.get("cite", "")),
                    ))
                except (KeyError, TypeError, ValueError):
                    line = item.line if isinstance(item, LineDict) else 0
                    raise RulebookError(path, line, "each statement needs source, line, stance, kind and quote") from None
    advice = {}
    for treatment, slots in (data.get("advice") or {}).items():
        if not isinstance(slots, dict) or not all(isinstance(v, dict) and "text" in v for v in slots.values()):
            raise RulebookError(path, getattr(slots, "line", 0), f"advice for {treatment}: each slot needs a text")
        advice[treatment] = {k: {"text": str(v["text"]), "cite": str(v.get("cite", ""))} for k, v in slots.items()}
    return EvidenceBase(statements, list(data.get("documents") or ()), advice)


_CACHE: dict = {}


def load(extra=()) -> EvidenceBase:
    """The built-in evidence plus extra built evidence files (EvidenceBase or paths)."""
    if "builtin" not in _CACHE:
        _CACHE["builtin"] = read_file(BUILTIN, fast=True) if BUILTIN.exists() else EvidenceBase()
    base = _CACHE["builtin"]  # users' evidence is read afresh: its documents change
    for item in extra:
        base = base.merged(item if isinstance(item, EvidenceBase) else read_file(Path(item)))
    return base
