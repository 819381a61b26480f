"""Treatments, topics and the evidence reader's cue words, compiled
(lexicon/topics.yaml and lexicon/evidence.yaml)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .cache import memo
from .patterns import alternation
from .yamllib import load_yaml

HERE = Path(__file__).parent
TOPICS = HERE / "lexicon" / "topics.yaml"
CUES = HERE / "lexicon" / "evidence.yaml"
SOURCES = HERE / "sources.yaml"
STANCE_CUES = ("refutes", "contests", "neutral", "attributed", "strong", "positive")


@dataclass
class Topic:
    name: str
    group: str
    terms: object  # compiled
    phrase: str


class Topics:
    """topics.yaml and evidence.yaml, compiled: what the claim reader and the
    evidence builder share."""

    def __init__(self):
        topics = load_yaml(TOPICS)
        cues = load_yaml(CUES)
        self.treatment_terms = {name: list(terms) for name, terms in topics["treatments"].items()}
        self.treatments = {name: alternation(terms, TOPICS) for name, terms in topics["treatments"].items()}
        self.topics = [
            Topic(name, spec["group"], alternation(spec["terms"], TOPICS), spec.get("phrase", name))
            for name, spec in topics["topics"].items()
        ]
        self.names = frozenset(t.name for t in self.topics)
        self.efficacy_terms = tuple(term for spec in topics["topics"].values() if spec["group"] == "efficacy"
                                    for term in spec["terms"])  # as written: the claim reader joins them
        self.brands = frozenset(str(b).lower() for b in topics.get("brands") or ())
        self.prescription_only = dict(topics.get("prescription_only") or {})
        invasive = topics.get("invasive") or {}
        self.invasive = frozenset(invasive.get("treatments") or ())
        self.invasive_words = alternation(invasive.get("words") or ["(?!)"], TOPICS)
        self.clause_break = re.compile("|".join(cues["clause_breaks"]), re.IGNORECASE)
        self.stance = {k: alternation(cues[k], CUES) for k in STANCE_CUES}
        self.kinds = [(k, alternation(v, CUES)) for k, v in cues["kinds"].items()]

    def topic(self, name):
        return next((t for t in self.topics if t.name == name), None)


@memo
def topics() -> Topics:
    """The compiled topics, once per process."""
    return Topics()


def document_kinds() -> dict:
    """File name -> kind (review, promotional, evidence) of the evidence documents (sources.yaml)."""
    data = load_yaml(SOURCES) or {}
    return {Path(k).name: v["kind"] for k, v in (data.get("documents") or {}).items()}


def document_titles() -> dict:
    """File name -> how a reader finds an evidence document that is not a fact sheet
    (sources.yaml: its title, and its address where it is known)."""
    data = load_yaml(SOURCES) or {}
    out = {}
    for k, v in (data.get("documents") or {}).items():
        where = v.get("url") or "seed document; original address not recorded"
        out[Path(k).name] = f"\"{v.get('title', Path(k).name)}\" ({where})"
    return out


@memo
def advice_slots() -> dict:
    """Slot -> what it holds: the wording a fact sheet may give for its treatment (topics.yaml)."""
    return dict(load_yaml(TOPICS).get("advice_slots") or {})
