"""The server's code actions, checked by checking again: a suppression it writes silences the
finding (and is used, so no CC001), in each format's comment syntax, and a rewrite removes it."""
import pytest

from copycheck.markup import format_for
from copycheck.server import actions
from copycheck.server.checks import Checker, wanted
from copycheck.server.text import UTF16, Text

CHECKER = Checker()


def _apply(text: Text, edit) -> str:
    a = text.offset(edit.range.start.line, edit.range.start.character)
    z = text.offset(edit.range.end.line, edit.range.end.character)
    return text.text[:a] + edit.new_text + text.text[z:]


def _findings(source, path):
    out = CHECKER.check(source, path)
    assert out.problem is None and out.config_error is None
    return out


PAGES = {
    "paragraph.md": ("# Laser\n\nBook a consultation first.\nOur laser treatment is painless.\n",
                     "first. <!-- copycheck-disable-next-line CC131 -- reason"),
    "first.md": ("# Laser\n\nOur laser treatment is painless.\n", "\n<!-- copycheck-disable-next-line CC131 -- reason"),
    "list.md": ("# Laser\n\n- Quick.\n  - Our laser treatment is painless.\n", "Quick. <!--"),
    "page.mdx": ("import X from './x'\n\n# Laser\n\nBook a consultation first.\r\nOur laser treatment is painless.\r\n",
                 "first. {/* copycheck-disable-next-line CC131 -- reason"),
    "page.html": ("<main>\n  <p>Our laser treatment is painless.</p>\n</main>\n",
                  "\n  <!-- copycheck-disable-next-line CC131 -- reason"),
    "page.txt": ("Laser hair removal\nOur laser treatment is painless.\n", "\ncopycheck: disable-next-line CC131 -- reason"),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_suppression_written_by_the_server_silences_the_finding(tmp_path, name):
    source, written = PAGES[name]
    path = str(tmp_path / name)
    out = _findings(source, path)
    (f,) = [f for f in out.findings if f.rule == "CC131"]
    text = Text(source, 1, UTF16)
    fmt = format_for(path)
    edit = actions.suppression(text, f, fmt, out.linter.settings.frontmatter_keys)
    fixed = _apply(text, edit)
    assert written in fixed
    after = _findings(fixed, path)
    assert [g.rule for g in after.findings if g.rule in ("CC131", "CC001")] == []
    assert len(after.findings) == len(out.findings) - 1


def test_no_suppression_inside_front_matter_or_for_a_page_level_finding(tmp_path):
    source = "---\ntitle: Painless laser hair removal\n---\n\nBook a consultation.\n"
    path = str(tmp_path / "fm.md")
    out = _findings(source, path)
    text = Text(source, 1, UTF16)
    (f,) = [f for f in out.findings if f.rule == "CC131"]
    assert actions.suppression(text, f, "markdown", out.linter.settings.frontmatter_keys) is None
    assert [a.title for a in actions.code_actions("file:///x", text, f, out.linter, "markdown")
            if "suppress" in a.title] == []


def test_the_rewrite_takes_the_whole_sentence_and_the_finding_goes(tmp_path):
    source = "# Laser hair removal\n\nBook first. Our laser\ntreatment is  painless. Call us.\n"
    path = str(tmp_path / "rewrite.md")
    out = _findings(source, path)
    text = Text(source, 1, UTF16)
    (f,) = [f for f in out.findings if f.rule == "CC131"]
    rewrite = actions.code_actions("file:///x", text, f, out.linter, "markdown")[0]
    (edit,) = rewrite.edit.changes["file:///x"]
    fixed = _apply(text, edit)
    assert fixed.startswith("# Laser hair removal\n\nBook first. Most people feel some discomfort")
    assert fixed.endswith(" Call us.\n")
    assert "CC131" not in [g.rule for g in _findings(fixed, path).findings]
    assert actions.wording('Name the study: "In one study of [number] people."') is None


def test_what_the_server_checks():
    from pathlib import Path

    data = Path(__file__).parent / "data"
    assert all(wanted(str(p)) for p in ("a.md", "a.mdx", "a.html", "a.txt", "a.tsx",
                                        data / "site/data/clinic/services.yaml", data / "jekyll/_data/faq.yml"))
    assert not any(wanted(p) for p in ("package.json", "a.py", ".copycheck.yaml", "pyproject.toml"))
