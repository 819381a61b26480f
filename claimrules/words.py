"""The claim reader's word classes (lexicon/words.yaml) and the domain words
(lexicon/domain.yaml), validated and compiled.  Every error names file and line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import re

from .cache import memo
from .patterns import alternation, to_regex
from .yamllib import LineDict, RulebookError, check_keys, load_yaml

HERE = Path(__file__).parent
WORDS = HERE / "lexicon" / "words.yaml"
DOMAIN = HERE / "lexicon" / "domain.yaml"
from .model import STRENGTHS  # noqa: E402 - the scale of scales.yaml (checked against it by the tests)
NEEDS = ("target", "subject", "benefit", "harm")
MODIFIERS = ("negators", "denied_after", "list_negators", "not_negators", "relative_to", "comparators", "compared_fillers", "answers_no", "answers_yes", "bridge", "hedges", "quantifiers", "framing", "minimisers", "weak_hedges", "qualifiers", "vary", "boosters", "universal", "clause_breaks", "contrasts", "subordinators",
             "conditionals", "expectations", "purposes", "sources", "treatment_words", "result_words",
             "target_words", "research_words", "first_person", "wh_words", "broad_scope",
             "presupposing", "new_predicate")
OPTIONAL_MODIFIERS = ("broad_scope", "presupposing", "new_predicate")  # a rule file written before them may leave them out


@dataclass
class WordClass:
    """One predicate class: its terms (found by the one-pass scan), what a denial of
    it means (harm: the harm is absent), its own strength and what it needs nearby."""

    name: str
    about: str
    harm: bool
    minimises: bool  # waves a harm away: weak hedges ("generally") do not soften it
    quantified: bool  # quantifiers ("most people", "depending on") soften it; false for rankings and figures
    absolute: bool  # absolute in itself ("permanent", "eliminates"): a broad scope ("most patients") does not hedge it
    strength: int  # index in STRENGTHS
    needs: tuple
    terms: tuple  # rulebook patterns
    denials: tuple  # patterns that deny the harm by themselves ("painless")
    exceptions: object  # compiled: a hit inside one of these is not of the class
    examples_match: tuple
    examples_no_match: tuple
    line: int


@dataclass
class Words:
    classes: dict  # name -> WordClass, in file order
    benefits: tuple  # the classes that promise a benefit (what the balance check and `needs: benefit` read)
    modifiers: dict  # name -> compiled alternation (bridge, first_person, wh_words: frozensets of words)
    path: str


@dataclass
class Domain:
    health: tuple  # patterns, counted by the scan
    other: tuple
    legal: object  # compiled: a legal page's title
    health_at_least: int
    other_at_least: int
    other_per_health: int
    words_at_least: int
    health_per_thousand: int


def _strings(path, mapping, key, required=True):
    items = mapping.get(key)
    if items is None and not required:
        return ()
    if not isinstance(items, list) or not all(isinstance(t, str) and t for t in items):
        raise RulebookError(path, mapping.line_of(key), f"'{key}' must be a list of non-empty strings")
    return tuple(items)


def _word_class(path, name, spec) -> WordClass:
    if not isinstance(spec, LineDict):
        raise RulebookError(path, 0, f"word class '{name}' must be a mapping")
    check_keys(path, spec, {"about", "harm", "minimises", "quantified", "absolute", "strength", "needs", "terms", "denials", "exceptions", "examples"},
               ("about", "strength", "terms", "examples"))
    if spec["strength"] not in STRENGTHS:
        raise RulebookError(path, spec.line_of("strength"), f"strength must be one of {', '.join(STRENGTHS)}")
    needs = _strings(path, spec, "needs", required=False)
    for need in needs:
        if need not in NEEDS:
            raise RulebookError(path, spec.line_of("needs"), f"unknown need '{need}' (one of {', '.join(NEEDS)})")
    examples = spec["examples"]
    if not isinstance(examples, LineDict):
        raise RulebookError(path, spec.line_of("examples"), "examples must map 'match' and 'no_match' to lists")
    check_keys(path, examples, {"match", "no_match"}, ("match", "no_match"))
    exceptions = _strings(path, spec, "exceptions", required=False)
    return WordClass(
        name=name, about=str(spec["about"]), harm=bool(spec.get("harm", False)),
        minimises=bool(spec.get("minimises", False)), quantified=bool(spec.get("quantified", True)),
        absolute=bool(spec.get("absolute", False)),
        strength=STRENGTHS.index(spec["strength"]), needs=needs, terms=_strings(path, spec, "terms"),
        denials=_strings(path, spec, "denials", required=False),
        exceptions=alternation(list(exceptions), path) if exceptions else None,
        examples_match=_strings(path, examples, "match"), examples_no_match=_strings(path, examples, "no_match"),
        line=spec.line,
    )


def _edges(item: str) -> tuple:
    """Whether a modifier starts and ends with a word, and so is held to word edges
    there (punctuation such as "," or " - " needs no edge)."""
    start = item[:1].isalnum() or item.startswith(("(?:", "\\w"))
    end = item[-1:].isalnum() or item.endswith((")", ")?", "?", "\\w+", "'"))
    return start, end


def modifier_regex(items, path, line=0):
    """One regex for a list of modifiers.  The items held to word edges on both sides
    share one pair of edge checks, which the engine tests once per position (about
    nine times faster than an edge pair per item)."""
    both, rest = [], []
    for item in sorted(items, key=len, reverse=True):
        start, end = _edges(item)
        if start and end:
            both.append(to_regex(item))
        else:
            rest.append(("(?<![\\w-])" if start else "") + f"(?:{to_regex(item)})" + ("(?![\\w])" if end else ""))
    parts = ([f"(?<![\\w-])(?:{'|'.join(both)})(?![\\w])"] if both else []) + rest
    body = "|".join(parts) or "(?!)"
    try:
        return re.compile(body, re.IGNORECASE)
    except re.error as exc:
        raise RulebookError(path, line, f"a pattern does not compile: {exc}") from None


@memo
def load_words(path=WORDS) -> Words:
    """The word classes, once per process."""
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise RulebookError(path, 1, "the word classes must be a mapping")
    check_keys(path, data, {"predicates", "benefits", "modifiers"}, ("predicates", "benefits", "modifiers"))
    classes = {name: _word_class(path, name, spec) for name, spec in data["predicates"].items()}
    benefits = _strings(path, data, "benefits")
    for name in benefits:
        if name not in classes:
            raise RulebookError(path, data.line_of("benefits"), f"unknown word class '{name}' in 'benefits'")
    mods = data["modifiers"]
    check_keys(path, mods, set(MODIFIERS), tuple(k for k in MODIFIERS if k not in OPTIONAL_MODIFIERS))
    compiled = {}
    for key in MODIFIERS:
        items = _strings(path, mods, key) if key in mods else ()
        if key in ("bridge", "first_person", "wh_words", "presupposing"):
            compiled[key] = frozenset(w.lower() for w in items)
        else:
            compiled[key] = modifier_regex(items, path, mods.line_of(key))
    return Words(classes, benefits, compiled, str(path))


@memo
def load_domain(path=DOMAIN) -> Domain:
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise RulebookError(path, 1, "the domain words must be a mapping")
    numbers = ("health_at_least", "other_at_least", "other_per_health", "words_at_least", "health_per_thousand")
    keys = ("health", "other", "legal") + numbers
    check_keys(path, data, set(keys), keys)
    for key in numbers:
        if not isinstance(data[key], int) or data[key] < 1:
            raise RulebookError(path, data.line_of(key), f"'{key}' must be a whole number of at least 1")
    return Domain(health=_strings(path, data, "health"), other=_strings(path, data, "other"),
                  legal=alternation(_strings(path, data, "legal"), path),
                  health_at_least=data["health_at_least"], other_at_least=data["other_at_least"],
                  other_per_health=data["other_per_health"], words_at_least=data["words_at_least"],
                  health_per_thousand=data["health_per_thousand"])


@memo
def modifier_terms(name: str, path=WORDS) -> tuple:
    """The patterns of one modifier of words.yaml, as written (for the cue lexicon,
    which shares them rather than repeating them)."""
    data = load_yaml(path)
    try:
        return tuple(data["modifiers"][name])
    except (KeyError, TypeError):
        raise RulebookError(path, 0, f"no modifier '{name}' in the word classes") from None
