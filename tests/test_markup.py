"""Markup readers: what is linted, what is skipped, and exact positions."""
import pytest

from helpers import codes, lint, source_at


def positions_agree(text, filename):
    found = lint(text, filename)
    assert found, "expected findings"
    for f in found:
        assert source_at(text, f) == f.match, (f, source_at(text, f))
    return found


MD = """\
---
title: Painless mesotherapy
description: >-
  A treatment with
  no downtime at all
tags: [painless]
author: guaranteed
---
# Visible results in just one session

Our **painless** treatment [is risk-free](https://example.com/painless) and
*clinically proven*.

- Results guaranteed
- Suitable for all skin types

| Claim | Note |
|-------|------|
| pain-free | none |

> No downtime, say our clients.

![A miracle cure](img/painless.png "no side effects")

```
painless in a code block
```

    painless in indented code

Inline `painless` code and https://example.com/painless-url and <!-- painless comment -->.
"""


def test_markdown_lints_prose_and_skips_code_urls_comments():
    found = positions_agree(MD, "page.md")
    matches = [(f.line, f.match) for f in found]
    assert (2, "Painless") in matches  # front matter title
    assert (5, "no downtime") in matches  # folded description, line 2 of the value
    assert (9, "in just one session") in matches  # heading
    assert (11, "painless") in matches  # bold
    assert (11, "risk-free") in matches  # link text
    assert (12, "clinically proven") in matches
    assert (14, "guaranteed") in matches  # list item
    assert (15, "Suitable for all skin types") in matches
    assert (19, "pain-free") in matches  # table cell
    assert (21, "No downtime") in matches  # block quote
    assert (23, "miracle") in matches  # image alt text
    lines = {f.line for f in found}
    assert not lines & {6, 7, 25, 26, 29, 31}  # tags/author, code fences, indented code, inline code/URL/comment


def test_crlf_and_front_matter_positions():
    text = MD.replace("\n", "\r\n")
    crlf = [(f.line, f.column, f.match) for f in positions_agree(text, "page.md")]
    lf = [(f.line, f.column, f.match) for f in lint(MD, "page.md")]
    assert crlf == lf


def test_lone_cr_line_ends():
    text = "Fine copy.\rPainless and safe and effective.\r"
    found = positions_agree(text, "a.txt")
    assert found[0].line == 2 and found[0].column == 1


def test_columns_count_characters_not_bytes():
    text = "Émilie’s clinic 🙂: painless."
    f = positions_agree(text, "a.txt")[0]
    assert f.column == text.index("painless") + 1


def test_markdown_entities_and_escapes_map_back():
    text = "Safe &amp; effective, \\*painless\\* and safe&nbsp;and effective."
    found = positions_agree(text, "a.md")
    assert [f.match for f in found if f.rule == "CC121"] == ["Safe", "safe&nbsp;and effective"]


def test_unclosed_fence_is_read_as_text():
    # CommonMark would render the rest of the page as code, but it is still published:
    # a fence that never closes is a mistake, and the claims after it are linted
    assert codes("Intro.\n\n```\npainless\n") == ["CC131"]
    assert codes("Intro.\n\n```\ncode\n```\n\n```\npainless\n") == ["CC131"]
    assert codes("```\npainless\n```\n") == []


def test_setext_heading_and_thematic_break():
    found = lint("Painless treatment\n==================\n\n---\n\nText.\n", "a.md")
    assert [(f.line, f.match) for f in found] == [(1, "Painless")]


def test_frontmatter_meta_and_og_forms_and_custom_keys():
    text = "---\nmeta_description: Painless.\nog:\n  title: No downtime\nbody: Results guaranteed\n---\nHello.\n"
    assert sorted(f.match for f in positions_agree(text, "a.md")) == ["No downtime", "Painless"]
    found = lint(text, "a.md", frontmatter_keys=("body",))
    assert [f.match for f in found] == ["guaranteed"]


def test_invalid_front_matter_is_an_input_error_naming_file_and_line():
    # (it was read line by line before issue 31; a site generator refuses it, so copycheck says so)
    from copycheck.source.files import InputError

    text = "---\ntitle: Painless: [unclosed\n---\nBody.\n"
    with pytest.raises(InputError) as err:
        lint(text, "a.md")
    assert str(err.value).startswith("a.md:2: invalid YAML front matter")


def _front_matter_blocks(source, parser_only):
    import copycheck.markup.frontmatter as fm
    from copycheck.markup import read

    simple = fm._simple
    if parser_only:
        fm._simple = lambda text, keys: None
    from copycheck.source.files import InputError

    try:
        return [(b.scope, b.text, b.segs) for b in read(source, "markdown").blocks
                if b.scope.startswith("frontmatter")]
    except InputError as exc:  # invalid YAML: the same error either way
        return str(exc)
    finally:
        fm._simple = simple


def test_simple_front_matter_reads_as_the_yaml_parser_reads_it():
    """Plain "key: value" front matter is read without PyYAML; whatever the fast path takes,
    it must give the blocks, texts and positions the parser gives (random lines, fixed seed)."""
    import random

    values = ["Smooth skin today", "2024-05-01", "yes", "Off", "7", "0.5", "~", "NULL", "a: b", "F# notes",
              "word #note", "[x, y]", "[]", "'single'", '"double"', "- dash", "It's here", "colon:", "é bien",
              "two  spaces", "{brace}", "*ref", "&anchor v", "!tag v", "|", ">-", "", "Glow {and} [tone]",
              "20% less", "@team", "tab\there", "trailing   ", "Yes please"]
    keys = ["title", "description", "date", "tags", "og:title", "meta_description", "seo.title", "other",
            "Title", "null", "-dash", "summary"]
    rng = random.Random(7)
    fast = 0
    for _ in range(3000):
        lines = []
        for _ in range(rng.randint(0, 4)):
            r = rng.random()
            if r < 0.1:
                lines.append("# note " + rng.choice(values))
            elif r < 0.15:
                lines.append("")
            elif r < 0.2:
                lines.append("  nested: " + rng.choice(values))
            else:
                lines.append(rng.choice(keys) + ":" + rng.choice([" ", "  ", ""]) + rng.choice(values))
        front = "".join(line + "\n" for line in lines)
        source = "---\n" + front + "---\nBody.\n"
        from copycheck.markup.frontmatter import DEFAULT_KEYS, _simple
        fast += _simple(front, set(DEFAULT_KEYS)) is not None
        assert _front_matter_blocks(source, False) == _front_matter_blocks(source, True), source
    assert fast > 500  # the fast path was taken often enough to have been tested


def test_simple_front_matter_does_not_import_yaml(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Painless peels\ntags: [skin]\ndate: 2025-01-02\n---\nBody.\n")
    code = ("import sys; from copycheck.markup import read; "
            f"b = read(open({str(page)!r}).read(), 'markdown').blocks; "
            "print([x.text for x in b if x.scope == 'frontmatter.title'], 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['Painless peels'] False"


HTML = """<!doctype html>
<html><head><title>Painless skin boosters</title>
<meta name="description" content="Results guaranteed &amp; no downtime">
<meta property="og:title" content="A miracle cure">
<style>.painless { color: red }</style>
<script>var x = "painless";</script>
</head><body>
<h1>Clinically&nbsp;proven</h1>
<p>Our treatment is <strong>pain</strong>-free? No: it is
<em>risk-free</em> &amp; <a href="/x" title="no side effects">safe and effective</a>.</p>
<img src="x.png" alt="Instant results">
<pre>painless</pre><code>painless</code>
<template><p>painless</p></template>
<!-- painless -->
</body></html>
"""


def test_html_visible_text_attributes_and_meta():
    found = positions_agree(HTML, "page.html")
    matches = {(f.line, f.match) for f in found}
    assert (2, "Painless") in matches  # <title>
    assert (3, "guaranteed") in matches and (3, "no downtime") in matches  # meta description
    assert (4, "miracle") in matches  # og:title
    assert (8, "Clinically&nbsp;proven") in matches
    assert (10, "risk-free") in matches
    assert (10, "no side effects") in matches  # title attribute
    assert (10, "safe and effective") in matches
    assert (11, "Instant") in matches  # alt
    assert (9, "pain</strong>-free") in matches  # a phrase split by inline tags
    assert not {f.line for f in found} & {5, 6, 12, 13, 14}


@pytest.mark.parametrize("text", ["<p>unclosed <b>painless", "<div><p>painless</div></span></p>", "<<<>>painless</"])
def test_broken_html_is_still_linted(text):
    assert "CC131" in codes(text, "a.html")


def test_plain_text_lints_everything():
    assert codes("```\npainless\n```", "a.txt") == ["CC131"]


def test_html_heading_puts_a_treatment_in_reach():
    page = "<h1>Mesotherapy</h1><p>It removes wrinkles.</p>"
    assert "CC301" in codes(page, "a.html")
    # with no heading naming one, the treatment the page named last is in reach
    assert "CC301" in codes("<p>Mesotherapy</p><div>It removes wrinkles.</div>", "a.html")
    # a heading's treatment comes before one named in passing earlier (fillers have no evidence here)
    page = "<p>We also offer mesotherapy.</p><h2>Hair loss treatments</h2><p>They remove wrinkles.</p>"
    assert "CC301" not in codes(page, "a.html")


def _html_blocks(page):
    from copycheck import markup

    blocks = markup.read(page, "html").blocks
    for b in blocks:  # every copied piece stands in the page where its block says
        for t, s, tl, sl in b.segs:
            assert tl != sl or page[s:s + sl] == b.text[t:t + tl]
    return [b.text for b in blocks]


def test_html_comment_ends_at_dash_dash_bang_gt_as_browsers_end_it():
    # "--!>" closes a comment (the HTML standard; Chromium shows "after" and "Painless")
    page = "<p>Before<!-- a note --!>after</p><p>Painless<!--x--!> peel</p>"
    assert _html_blocks(page) == ["Beforeafter", "Painless peel"]
    assert "CC131" in codes(page, "a.html")


def test_html_iframe_fallback_text_is_not_read():
    # no browser of today shows an iframe's (or noembed's, noframes') text: it is not copy
    page = "<p>Our clinic</p><iframe src=map.html>Guaranteed painless results</iframe><p>Find us</p>" \
           "<noembed>Painless</noembed><noframes>Painless</noframes>"
    assert _html_blocks(page) == ["Our clinic", "Find us"]
    assert "CC131" not in codes(page, "a.html")
