"""What a rule is, in sections (What it does, Why is this bad, Options, Evidence,
Example, Use instead): ``copycheck explain CODE`` prints them for one rule, and
``copycheck rules --format markdown`` writes them for all, as docs/rules.md."""
from __future__ import annotations

HEAD = """# Rules

Every rule of the built-in rulebook, generated from `claimrules/rules/*.yaml` by
`copycheck rules --format markdown > docs/rules.md`: do not edit it by hand
(`tests/test_rule_reference.py` fails when it is stale). `copycheck explain CODE` shows the same
for one rule.
"""


def sections(rule, book, kind) -> list:
    """(title, note, lines) of each section that the rule has, in order."""
    from claimrules.evidence import citations

    out = [("What it does", "", [rule.message]),
           ("Why is this bad", "", [rule.why, f"Guidance: {rule.link}"])]
    if kind.options:
        out.append(("Options", f" (kind {kind.name}; set with rule-options)",
                    [f"{name} = {rule.options.get(name, option.default)!r}: {option.about}"
                     for name, option in kind.options.items()]))
    quotes = tuple(rule.evidence) + tuple(citations(book.evidence, rule.topics, limit=3) if rule.topics else ())
    if quotes:
        lines = []
        for e in quotes[:3]:
            where = getattr(e, "cite", "") or f"{e.source}:{e.line}"
            treatment = getattr(e, "treatment", "")
            lines.append(f'{treatment + ": " if treatment else ""}"{e.quote}" ({where})')
        out.append(("Evidence", " (a finding quotes the evidence for its own treatment)", lines))
    if rule.examples_match:
        out.append(("Example", "", list(rule.examples_match)))
    out.append(("Use instead", "", [rule.suggestion]))
    return out


def markdown(book, kinds) -> str:
    """The reference of every rule in book, as Markdown."""
    parts = [HEAD]
    for rule in sorted(book.rules.values(), key=lambda r: r.code):
        parts.append(f"\n## {rule.code} {rule.name}\n\n{rule.category}, kind {rule.kind}, level {rule.level}\n")
        for title, note, lines in sections(rule, book, kinds[rule.kind]):
            if title == "Example":  # copy as written, one example a paragraph
                body = "```text\n" + "\n\n".join(lines) + "\n```"
            else:
                shown = [f"Guidance: <{rule.link}>" if line == f"Guidance: {rule.link}" else _escaped(line)
                         for line in lines]
                body = "\n".join(f"- {line}" for line in shown) if len(shown) > 1 else shown[0]
            parts.append(f"\n### {title}{note}\n\n{body}\n")
    return "".join(parts)


def _escaped(text: str) -> str:
    """Text as Markdown shows it: no stray emphasis, tags or link syntax from the YAML's words."""
    for ch in ("\\", "*", "_", "<", ">", "[", "]", "`"):
        text = text.replace(ch, "\\" + ch)
    return text
