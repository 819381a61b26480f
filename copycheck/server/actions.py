"""A finding as the editor shows it: a diagnostic, a hover (what ``copycheck explain CODE``
says, with the finding's own evidence first) and code actions (rewrite with the suggested
wording, suppress with a reason, open the rule's guidance)."""
from __future__ import annotations

import re

from lsprotocol import types as lsp

from .text import Text

SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}
OPEN_GUIDANCE = "copycheck.openGuidance"
REASON = "reason: say why this wording may stand, and who agreed"
_WORDING = re.compile(r'(?:^|:\s*)"([^"\[\]]+)"\s*$')  # a suggestion that ends in the words to write


def _range(text: Text, a: int, z: int) -> lsp.Range:
    (l1, c1), (l2, c2) = text.position(a), text.position(max(a, z))
    return lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))


def span(text: Text, f) -> tuple[int, int]:
    """The finding's offsets in text (its 1-based line and column, in code points)."""
    a = text.at(f.line, f.column)
    return a, max(a, text.at(f.end_line, f.end_column))


def link(linter, f) -> str | None:
    rule = linter.rulebook.rules.get(f.rule) if linter else None
    return rule.link if rule and rule.link.startswith(("http://", "https://")) else None


def diagnostic(text: Text, f, linter) -> lsp.Diagnostic:
    href = link(linter, f)
    said = f'"{f.match}": ' if f.match and len(f.match) <= 80 else ""
    return lsp.Diagnostic(
        range=_range(text, *span(text, f)), severity=SEVERITY[f.severity], code=f.rule, source="copycheck",
        code_description=lsp.CodeDescription(href=href) if href else None,
        message=f"{said}{f.message} Instead: {f.suggestion} [{f.name}]")


def problem(text: Text, message: str, line: int = 0) -> lsp.Diagnostic:
    """A diagnostic for what stopped a check (a broken config, front matter that is not YAML)."""
    line0 = max(0, min(line - 1, text.lines.line_count - 1)) if line else 0
    units_end = text.position(text.lines.starts[line0] + len(text.line_text(line0)))[1]
    return lsp.Diagnostic(range=lsp.Range(lsp.Position(line0, 0), lsp.Position(line0, units_end)),
                          severity=lsp.DiagnosticSeverity.Error, source="copycheck", message=message)


def hover(f, linter) -> str:
    """Markdown: the finding, its evidence, then the rule as ``copycheck explain`` shows it."""
    from ..kinds import REGISTRY
    from ..report.rule_reference import sections

    out = [f"**{f.rule} {f.name}** ({f.category}, {f.severity})", "", f.message, "",
           f"**Instead:** {f.suggestion}"]
    if f.evidence:
        out += ["", "**Evidence on this claim**", ""]
        out += [f'- "{e.quote}" ({getattr(e, "cite", "") or f"{e.source}:{e.line}"})' for e in f.evidence]
    rule = linter.rulebook.rules.get(f.rule) if linter else None
    if rule is not None:
        out += ["", "---", "", f"`copycheck explain {rule.code}`"]
        for title, note, lines in sections(rule, linter.rulebook, REGISTRY[rule.kind]):
            out += ["", f"**{title}**{note}", ""] + [f"- {line}" for line in lines]
    return "\n".join(out)


def wording(suggestion: str) -> str | None:
    """The words a suggestion gives to write instead, when it gives them whole (no [blanks])."""
    m = _WORDING.search(suggestion or "")
    return m.group(1).strip() if m else None


def _sentence(text: Text, f, a: int, z: int):
    """The finding's sentence in the source, as written (markup in it: not found), or None."""
    words = f.sentence.split()
    if not words or not f.match:
        return None
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    lo, hi = max(0, a - 2 * len(f.sentence) - 100), min(len(text.text), z + 2 * len(f.sentence) + 100)
    for m in pattern.finditer(text.text, lo, hi):
        if m.start() <= a and z <= m.end():
            return m.start(), m.end()
    return None


DIRECTIVES = {"markdown": "<!-- {} -->", "html": "<!-- {} -->", "mdx": "{{/* {} */}}", "text": "copycheck: {}"}
_NOT_PROSE = ("```", "~~~", "---", "+++", "...", "<", "{", "import ", "export ", "copycheck:")


def _in_front_matter(text: Text, fmt: str, a: int, keys) -> bool:
    if fmt not in ("markdown", "mdx"):
        return False
    from ..markup import Parsed, frontmatter

    try:
        return a < frontmatter.read(text.text, Parsed(), keys)
    except Exception:  # noqa: BLE001 - broken front matter: no findings to suppress anyway
        return True


def suppression(text: Text, f, fmt: str, keys=None) -> lsp.TextEdit | None:
    """The edit that adds ``disable-next-line CODE -- reason`` for the finding's line: at the end of
    the line before, in Markdown and MDX prose (a comment line would split the paragraph),
    else a line of its own before it, indented as it is."""
    shape = DIRECTIVES.get(fmt)
    a, _ = span(text, f)
    if shape is None or not f.match or _in_front_matter(text, fmt, a, keys):
        return None
    comment = shape.format(f"{'copycheck-' if fmt != 'text' else ''}disable-next-line {f.rule} -- {REASON}")
    line0 = f.line - 1
    before = text.line_text(line0 - 1) if line0 > 0 else ""
    if fmt in ("markdown", "mdx") and before.strip() and not before.lstrip().startswith(_NOT_PROSE):
        end = text.position(text.lines.starts[line0 - 1] + len(before))
        return lsp.TextEdit(lsp.Range(lsp.Position(*end), lsp.Position(*end)), " " + comment)
    own = text.line_text(line0)
    indent = own[:len(own) - len(own.lstrip())]
    at = lsp.Position(line0, 0)
    return lsp.TextEdit(lsp.Range(at, at), indent + comment + text.line_break(line0))


def code_actions(uri: str, text: Text, f, linter, fmt: str, keys=None) -> list:
    diag = diagnostic(text, f, linter)
    out = []
    words = wording(f.suggestion)
    if words and f.match:
        a, z = span(text, f)
        where = _sentence(text, f, a, z)
        title = f'Rewrite the sentence: "{words}"'
        if where is None:
            where, title = (a, z), f'Replace "{f.match}" with: "{words}"'
        edit = lsp.TextEdit(_range(text, *where), words)
        out.append(lsp.CodeAction(title=f"copycheck {f.rule}: {title}", kind=lsp.CodeActionKind.QuickFix,
                                  diagnostics=[diag], is_preferred=True,
                                  edit=lsp.WorkspaceEdit(changes={uri: [edit]})))
    edit = suppression(text, f, fmt, keys)
    if edit is not None:
        out.append(lsp.CodeAction(title=f"copycheck {f.rule}: suppress on this line, with a reason",
                                  kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
                                  edit=lsp.WorkspaceEdit(changes={uri: [edit]})))
    href = link(linter, f)
    if href:
        out.append(lsp.Command(title=f"copycheck {f.rule}: open the guidance ({href})", command=OPEN_GUIDANCE,
                               arguments=[href]))  # (a bare Command: no client reads it as anything else)
    return out
