"""The cue lexicon (lexicon/cues.yaml): the context words judgement reads
around a hit, the clause breaks and the abbreviations that do not end a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .cache import memo
from .patterns import to_regex
from .yamllib import LineDict, RulebookError, check_keys, load_yaml

LEXICON = Path(__file__).parent / "lexicon" / "cues.yaml"


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
    reported: object | None = None  # a hit inside a longer quotation whose lead-in matches: quoted copy
    presupposing: object | None = None  # (question) an opening that invites rather than asks: the question claims

@dataclass
class Lexicon:
    cues: dict
    clause_break: object  # compiled: where a `before` window stops
    abbreviations: frozenset  # lower case; "no#": "no." abbreviates only before a number ("No. 1")


def _phrases(path, mapping, key):
    items = mapping.get(key) or []
    if not isinstance(items, list) or not all(isinstance(p, str) and p for p in items):
        raise RulebookError(path, mapping.line_of(key), f"'{key}' must be a list of non-empty strings")
    return items


def _alternation(path, mapping, key):
    """The cue's own phrases under key, plus the words.yaml modifiers that
    `<key>_words` names (one vocabulary, shared with the claim reader)."""
    from .words import modifier_terms

    items = list(_phrases(path, mapping, key))
    for name in _phrases(path, mapping, key + "_words"):
        items.extend(modifier_terms(name))
    if not items:
        return None
    both, rest = [], []  # the items with both word edges share one pair of checks (much faster)
    for p in sorted(items, key=len, reverse=True):
        start, end = p[0].isalnum(), p[-1].isalnum() or p[-1] == "'"
        if start and end:
            both.append(to_regex(p))
        else:
            rest.append((r"(?<!\w)" if start else "") + f"(?:{to_regex(p)})" + (r"(?!\w)" if end else ""))
    body = "|".join(([rf"(?<!\w)(?:{'|'.join(both)})(?!\w)"] if both else []) + rest)
    try:
        return re.compile(body, re.IGNORECASE)
    except re.error as exc:
        raise RulebookError(path, mapping.line_of(key), f"pattern in '{key}' does not compile: {exc}") from None


@memo
def load_lexicon(path=LEXICON) -> Lexicon:
    """The compiled cue lexicon, once per process."""
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise RulebookError(path, 1, "the lexicon must be a mapping")
    check_keys(path, data, {"cues", "clause_breaks", "clause_breaks_words", "abbreviations",
                            "abbreviations_before_a_number"}, ("cues",))
    cues = {}
    for name, spec in data["cues"].items():
        if not isinstance(spec, LineDict):
            raise RulebookError(path, data["cues"].line_of(name), f"cue '{name}' must be a mapping")
        check_keys(path, spec, {"effect", "default", "window", "before", "anywhere", "before_words", "anywhere_words",
                                "openers", "presupposing", "quoted", "reported_by", "about"}, ("effect",))
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
            reported=_alternation(path, spec, "reported_by"),
            presupposing=_alternation(path, spec, "presupposing"),
        )
    breaks = _alternation(path, data, "clause_breaks")
    abbreviations = frozenset([w.lower() for w in _phrases(path, data, "abbreviations")]
                              + [w.lower() + "#" for w in _phrases(path, data, "abbreviations_before_a_number")])
    return Lexicon(cues=cues, clause_break=breaks, abbreviations=abbreviations)
