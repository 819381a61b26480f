"""MDX, JSX and TSX: the text a visitor sees, each sentence once at its line and
column; code (imports, exports, {expressions}, other props, strings in code) is not copy.
The copy here is made up for these tests."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from copycheck import markup
from helpers import lint, source_at

ROOT = Path(__file__).resolve().parent.parent

MDX = """---
title: Gentle skin peels
---
import { Callout } from "../components/Callout"
import Price from "../components/Price"
export const meta = { slug: "painless-peels", note: "painless" }

# Skin peels at our clinic

A peel lifts dull skin over *two weeks*. Prices start at <Price amount={40} label="Peel price" /> pounds.

<Callout title="Before you book" kind="painless">
  Redness is common for three days.
</Callout>

The total is {sessions * painless} for two sessions.

<Gallery items={[{ caption: "painless" }]} alt="Skin after a peel" />

```js
const claim = "This peel is painless";
```

Our nurse explains each step with `painless()` in code.
"""

MDX_COPY = {  # sentence -> (line, column) of its first character
    "Gentle skin peels": (2, 8),
    "Skin peels at our clinic": (8, 3),
    "A peel lifts dull skin over two weeks.": (10, 1),
    "Peel price": (10, 84),
    "Before you book": (12, 17),
    "Redness is common for three days.": (13, 3),
    "The total is": (16, 1),
    "Skin after a peel": (18, 49),
    "Our nurse explains each step with": (24, 1),
}

TSX = """import React from "react";

type Props = { name: string; offer?: string };

// a comment that says painless is code too
export function Hero({ name, offer = "painless" }: Props) {
  const slogan = "Results are painless, in code";
  return (
    <section className="painless" aria-label="Clinic welcome">
      <h1>Laser hair removal</h1>
      <p>
        Most people need six to eight sessions, <strong>four weeks</strong> apart.
      </p>
      <img src="/painless.jpg" alt="Our treatment room" />
      {name && <span title={"Hello " + name}>{name}</span>}
      <input placeholder="Your email" type="email" />
      <Banner title={`Open on Saturdays`} description="Consultations are free." />
    </section>
  );
}
"""

TSX_COPY = {
    "Clinic welcome": (9, 47),
    "Laser hair removal": (10, 11),
    "Most people need six to eight sessions, four weeks apart.": (12, 9),
    "Our treatment room": (14, 37),
    "Your email": (16, 27),
    "Open on Saturdays": (17, 23),
    "Consultations are free.": (17, 56),
}


def _located(source, blocks):
    """Each block's text (white space collapsed) with the line and column of its start."""
    out = []
    for b in blocks:
        lead = len(b.text) - len(b.text.lstrip())
        s, _ = b.source_span(lead, lead + 1)
        line = source.count("\n", 0, s) + 1
        out.append((" ".join(b.text.split()), line, s - (source.rfind("\n", 0, s) + 1) + 1))
    return out


@pytest.mark.parametrize("source, fmt, copy", [(MDX, "mdx", MDX_COPY), (TSX, "tsx", TSX_COPY)])
def test_each_sentence_of_copy_is_read_once_at_its_place_and_code_is_not(source, fmt, copy):
    blocks = markup.read(source, fmt).blocks
    located = _located(source, blocks)
    for sentence, place in copy.items():
        found = [(line, col) for text, line, col in located if text.startswith(sentence)]
        assert found == [place], (sentence, located)
        assert sum(text.count(sentence) for text, _, _ in located) == 1, sentence
    words = " ".join(text for text, _, _ in located)
    assert "painless" not in words  # in imports, exports, expressions, other props, code: never copy
    for b in blocks:  # every copied piece stands in the source where the block says
        for t, s, tl, sl in b.segs:
            assert tl != sl or source[s:s + sl] == b.text[t:t + tl]


def test_a_claim_in_a_component_is_found_at_its_line_and_column():
    page = MDX.replace("Redness is common", "It is painless and redness is common")
    found = [f for f in lint(page, "peel.mdx") if f.match.lower() == "painless"]
    assert [(f.line, f.column) for f in found] == [(13, 9)]
    assert source_at(page, found[0]) == "painless"
    tsx = TSX.replace("Consultations are free.", "Completely painless.")
    found = [f for f in lint(tsx, "Hero.tsx") if "painless" in f.match.lower()]
    assert [(f.line, source_at(tsx, f)) for f in found] == [(17, found[0].match)] and found[0].column >= 55


def test_jsx_is_read_like_tsx_and_entities_decoded():
    source = 'export default () => <p title="Caf&eacute; open">Peels &amp; masks</p>;\n'
    assert [(b.scope, b.text) for b in markup.read(source, "jsx").blocks] == [
        ("attribute.title", "Café open"), ("paragraph", "Peels & masks")]


def test_suppression_comments_in_mdx_and_tsx():
    mdx = "Intro.\n\n{/* copycheck-disable-next-line CC131 */}\nThis peel is painless.\n"
    assert [f.rule for f in lint(mdx, "a.mdx") if f.rule == "CC131"] == []
    assert [f.rule for f in lint(mdx.replace("{/* copycheck-disable-next-line CC131 */}\n", ""), "a.mdx")
            if f.rule == "CC131"] == ["CC131"]
    tsx = "export const A = () => (\n  <div>\n    {/* copycheck-disable-next-line CC131 */}\n    <p>This peel is painless.</p>\n  </div>\n);\n"
    assert [f.rule for f in lint(tsx, "A.tsx") if f.rule == "CC131"] == []


def test_formats_are_chosen_by_extension():
    assert [markup.format_for(n) for n in ("a.mdx", "b.jsx", "C.TSX", "d.md", "e.ts")] == [
        "mdx", "jsx", "tsx", "markdown", "module"]  # a .ts file: a content module (jsdata.py)


def test_a_file_tree_sitter_cannot_parse_is_read_as_far_as_it_goes_with_a_notice(tmp_path):
    """A syntax error, or TypeScript tree-sitter's grammar does not know: the copy it can read is
    linted, and one notice names the file and line; the gate is not failed by the parser's gap."""
    from click.testing import CliRunner

    from copycheck.cli import main

    bad = tmp_path / "Broken.tsx"
    bad.write_text("export const A = () => (\n  <div>\n    <p>Open today</div>\n);\n"
                   "export const B = () => <p>Totally painless peels</p>;\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output  # 1: the finding, not the parse
    notices = [line for line in result.stderr.splitlines() if "Broken.tsx" in line]
    assert len(notices) == 1 and re.search(r"Broken\.tsx:\d+: tree-sitter could not parse it near line \d+", notices[0])
    found = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["match"]) for f in found if f["rule"] == "CC131"] == [(5, "painless")]


def test_typescript_the_grammar_does_not_know_still_has_its_copy_read():
    source = ('export const Form = ({ c }: P) => (\n  <Renderer consents={c as import("@/x").T[]}\n'
              '    title="Consent before your peel" />\n);\n')
    parsed = markup.read(source, "tsx")
    assert [b.text for b in parsed.blocks] == ["Consent before your peel"]
    assert len(parsed.notices) == 1 and parsed.notices[0][1] == 2


SPEC = ROOT / "tests" / "data" / "commonmark-spec-0.31.2.json"


def _commonmark():
    import importlib.util

    spec = importlib.util.spec_from_file_location("commonmark_bench", ROOT / "benchmarks" / "commonmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_commonmark_spec_words_taken_equal_words_rendered_and_positions_exact():
    cm = _commonmark()
    examples = json.loads(SPEC.read_text(encoding="utf-8"))
    assert len(examples) == 655
    right, _, _ = cm.judge(cm.ours, examples)
    assert right["positions"] == 655
    assert right["both"] >= 0.95 * 655, right


def test_markdown_reads_what_a_browser_shows():
    # the old line reader got these wrong: a link definition read as prose, a paragraph's
    # second line lost after a list, HTML block text read as Markdown, a lazy block quote
    page = ("See [the leaflet][1].\n\n[1]: https://example.org/leaflet \"Painless peels\"\n\n"
            "> <div>\n> Quiet rooms.\n> </div>\n\n- Short visits\nand easy parking\n")
    located = _located(page, markup.read(page, "markdown").blocks)
    assert [t for t, _, _ in located] == ["See the leaflet .", "Quiet rooms.", "Short visits and easy parking"]
    assert [(line, col) for _, line, col in located] == [(1, 1), (6, 3), (9, 3)]


@pytest.mark.parametrize("source, fmt, last", [
    ("<div>\r\nQuiet <b>rooms</b>.\r\n</div>\r\n\r\n> <div>\r\n> Calm.\r\n> </div>\r\n", "markdown", "Calm."),  # CRLF
    ("Intro.\r\n\r\n<div>\r\nCalm <b>rooms</b>.\r\n</div>\r\n", "mdx", "Calm rooms ."),
    ("Prices from {40 pounds.\n\nOpen daily.\n", "mdx", "Open daily."),  # a brace that never closes is text
])
def test_positions_hold_through_html_blocks_and_stray_braces(source, fmt, last):
    blocks = markup.read(source, fmt).blocks
    assert blocks and all(tl != sl or source[s:s + sl] == b.text[t:t + tl]
                          for b in blocks for t, s, tl, sl in b.segs)
    assert " ".join(blocks[-1].text.split()) == last
