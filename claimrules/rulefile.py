"""One rule file -> validated Rule records.  Every error names the file and line.

The rule kinds are the linter's (copycheck/kinds/); the caller passes their
declarations (name -> an object with ``options`` and ``needs_patterns``), so a
rule is checked against the kind that will run it without this package
importing the linter."""
from __future__ import annotations

from .cache import compiled
from .cues import _phrases
from .model import ABOUT, LEVELS, SPEECH, ClaimSpec, Evidence, Rule
from .yamllib import LineDict, RulebookError, check_keys, did_you_mean, load_yaml

RULE_KEYS = {
    "code", "name", "category", "level", "message", "suggestion", "why", "link",
    "patterns", "exceptions", "requires", "cues", "evidence", "topic", "kind", "examples", "supersedes", "options",
    "claim", "advice",
}
CLAIM_KEYS = {"predicate", "polarity", "strength", "speech", "about", "sourced", "invasive", "scope"}
RULE_REQUIRED = ("code", "name", "category", "level", "message", "suggestion", "why", "link", "examples")
CODE_RE = compiled(r"CC\d{3}\Z")


def check_options(path, line, kind, declared, options) -> dict:
    """Options of a rule of kind `kind` against the kind's declared options (name ->
    Option with type and default): an unknown name or a value of the wrong type is
    an error naming file and line.  Returns the options, ints widened to floats."""
    if not isinstance(options, dict):
        raise RulebookError(path, line, "'options' must be a mapping of option names to values")
    out = {}
    for name, value in options.items():
        name = str(name).replace("-", "_")
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise RulebookError(path, line, f"unknown option '{name}' for kind '{kind}' (its options: {known})"
                                f"{did_you_mean(name, declared)}")
        want = declared[name].type
        if isinstance(want, tuple):
            ok = value in want
            what = "one of " + ", ".join(map(str, want))
        elif want is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            value = float(value) if ok else value
            what = "a number"
        elif want is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
            what = "a whole number"
        else:
            ok = isinstance(value, want)
            what = f"a {want.__name__}"
        if not ok:
            raise RulebookError(path, line, f"option '{name}' of kind '{kind}' must be {what}, not {value!r}")
        out[name] = value
    return out


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


def _names(path, mapping, key, known, what):
    value = mapping.get(key)
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise RulebookError(path, mapping.line_of(key), f"'{key}' must be a {what} or a list of them")
    for name in names:
        if name not in known:
            raise RulebookError(path, mapping.line_of(key), f"unknown {what} '{name}'{did_you_mean(name, known)}")
    return tuple(names)


def _claim_specs(path, spec):
    """The rule's `claim:` (a mapping, or a list of them) -> ClaimSpec records."""
    from .words import STRENGTHS, load_words

    raw = spec.get("claim")
    items = raw if isinstance(raw, list) else [raw]
    classes = load_words().classes
    out = []
    for item in items:
        if not isinstance(item, LineDict):
            raise RulebookError(path, spec.line_of("claim"), "'claim' must be a mapping (or a list of them)")
        check_keys(path, item, CLAIM_KEYS, ("predicate",))
        values = {"predicates": _names(path, item, "predicate", classes, "word class")}
        if "polarity" in item:
            values["polarity"] = _names(path, item, "polarity", ("asserted", "denied"), "polarity")[0]
        if "strength" in item:
            values["strength"] = STRENGTHS.index(_names(path, item, "strength", STRENGTHS, "strength")[0])
        if "speech" in item:
            values["speech"] = _names(path, item, "speech", SPEECH, "speech act")
        if "about" in item:
            values["about"] = _names(path, item, "about", ABOUT, "claim part")
        for key in ("sourced", "invasive", "scope"):
            if key in item:
                if not isinstance(item[key], bool):
                    raise RulebookError(path, item.line_of(key), f"'{key}' must be true or false")
                values[key] = item[key]
        out.append(ClaimSpec(**values))
    return tuple(out)


def _advice(path, spec):
    """A rule's advice: message and suggestion templates (a string or a list, tried in
    order) whose slots a treatment's fact sheet fills (topics.yaml: advice_slots)."""
    from string import Formatter

    from .topics import advice_slots

    raw = spec.get("advice")
    if raw is None:
        return {}
    line = spec.line_of("advice")
    if not isinstance(raw, LineDict):
        raise RulebookError(path, line, "'advice' must map 'message' and/or 'suggestion' to templates")
    check_keys(path, raw, {"message", "suggestion"})
    known = set(advice_slots()) | {"treatment", "Treatment"}
    out = {}
    for key, value in raw.items():
        templates = [value] if isinstance(value, str) else value
        if not isinstance(templates, list) or not all(isinstance(t, str) and t for t in templates):
            raise RulebookError(path, raw.line_of(key), f"advice '{key}' must be a template or a list of templates")
        for t in templates:
            try:
                fields = {f for _, f, _, _ in Formatter().parse(t) if f is not None}
            except ValueError as exc:
                raise RulebookError(path, raw.line_of(key), f"advice '{key}': {exc}") from None
            unknown = sorted(fields - known)
            if unknown:
                raise RulebookError(path, raw.line_of(key), f"advice '{key}': unknown slot '{unknown[0]}' "
                                    f"(slots: {', '.join(sorted(known))}){did_you_mean(unknown[0], known)}")
        out[key] = tuple(" ".join(t.split()) for t in templates)
    return out


def _topics(path, spec, topic_names):
    topic = spec.get("topic")
    names = [topic] if isinstance(topic, str) else topic or []
    if not isinstance(names, list) or not all(isinstance(t, str) for t in names):
        raise RulebookError(path, spec.line_of("topic"), "'topic' must be a topic name or a list of them")
    for name in names:
        if topic_names is not None and name not in topic_names:
            raise RulebookError(path, spec.line_of("topic"),
                                f"unknown topic '{name}'{did_you_mean(name, topic_names)} (lexicon/topics.yaml)")
    return tuple(names)


def _rule(path, spec, cue_names, kinds=None, topic_names=None) -> Rule:
    if not isinstance(spec, LineDict):
        raise RulebookError(path, 0, "each rule must be a mapping")
    check_keys(path, spec, RULE_KEYS, RULE_REQUIRED)
    code = str(spec["code"])
    if not CODE_RE.match(code):
        raise RulebookError(path, spec.line_of("code"), f"rule code '{code}' must look like CC123")
    if spec["level"] not in LEVELS:
        raise RulebookError(path, spec.line_of("level"), f"level must be one of {', '.join(LEVELS)}")
    kind = spec.get("kind", "phrase")
    options = dict(spec.get("options") or {})
    if kinds is not None:
        if kind not in kinds:
            raise RulebookError(path, spec.line_of("kind"),
                                f"kind must be one of {', '.join(kinds)}{did_you_mean(kind, kinds)}")
        if kinds[kind].needs_patterns and not spec.get("patterns"):
            raise RulebookError(path, spec.line, f"rule {code} has no patterns")
        options = check_options(path, spec.line_of("options"), kind, kinds[kind].options, spec.get("options") or {})
        if getattr(kinds[kind], "needs_claim", False) and "claim" not in spec:
            raise RulebookError(path, spec.line, f"rule {code} of kind '{kind}' needs a 'claim' (what it fires on)")
    cues = spec.get("cues")
    if cues is None:
        kind_cues = getattr(kinds[kind], "default_cues", None) if kinds is not None and kind in kinds else None
        cues = tuple(kind_cues) if kind_cues is not None else tuple(n for n, c in cue_names.items() if c.default)
    else:
        for name in _phrases(path, spec, "cues"):
            if name not in cue_names:
                raise RulebookError(path, spec.line_of("cues"), f"unknown cue '{name}'{did_you_mean(name, cue_names)}")
        cues = tuple(cues)
    examples = spec["examples"]
    if not isinstance(examples, LineDict):
        raise RulebookError(path, spec.line_of("examples"), "examples must map 'match' and 'no_match' to lists")
    check_keys(path, examples, {"match", "no_match"}, ("match", "no_match"))
    for key in ("match", "no_match"):
        if not examples[key]:
            raise RulebookError(path, examples.line_of(key), f"rule {code}: examples '{key}' must not be empty")
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
        topics=_topics(path, spec, topic_names),
        kind=kind,
        supersedes=tuple(_phrases(path, spec, "supersedes")),
        options=options,
        claim=_claim_specs(path, spec) if "claim" in spec else (),
        advice=_advice(path, spec),
        examples_match=tuple(_phrases(path, examples, "match")),
        examples_no_match=tuple(_phrases(path, examples, "no_match")),
        source=f"{path}:{spec.line}",
        pattern_lines={(key, i): (str(path), _item_line(spec, key, i))
                       for key in ("patterns", "exceptions", "requires") for i in range(len(spec.get(key) or ()))},
    )
    return rule


def load_rule_file(path, lexicon, strict=True, kinds=None, topic_names=None):
    """The rules of one file.  strict: compile every pattern now, so a broken one
    stops the run at start (user rule files); the built-in rules, which the test
    suite compiles and runs, compile on first use.  kinds: the declarations to
    check each rule's kind and options against; topic_names: the known topics."""
    data = load_yaml(path)
    if data is None:
        return []
    if not isinstance(data, LineDict) or "rules" not in data:
        raise RulebookError(path, 1, "a rule file is a mapping with a 'rules' list")
    check_keys(path, data, {"rules", "about"})
    if not isinstance(data["rules"], list):
        raise RulebookError(path, data.line_of("rules"), "'rules' must be a list")
    rules = [_rule(path, spec, lexicon.cues, kinds, topic_names) for spec in data["rules"]]
    for rule in rules:
        rule.trusted = not strict
    if strict:
        for rule in rules:
            for kind in ("patterns", "exceptions", "requires"):
                rule.compiled(kind)
    return rules


