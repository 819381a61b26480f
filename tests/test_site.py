"""Only the copy: a site generator's build output and templates are skipped where its config
says they are, and template tags inside pages are code, not copy."""
import json

import pytest
from click.testing import CliRunner

from copycheck.cli import main
from copycheck.markup.templates import blank
from helpers import codes, lint, source_at

CLAIM = "Our peel is completely painless.\n"


def run(tmp_path, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(main, ["check", "--format", "json", "--exit-zero", *args])


def checked(out):
    data = json.loads(out.stdout)
    return sorted({f["path"] for f in data["findings"]})


def write(root, files):
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("config,output,templates", [
    ("hugo.toml", "public", ["layouts/_default/single.html", "archetypes/default.md", "themes/t/exampleSite/a.md"]),
    ("_config.yml", "_site", ["_layouts/page.html", "_includes/offer.html"]),
    ("eleventy.config.js", "_site", ["_includes/base.html", "src/_includes/card.html"]),
    ("astro.config.mjs", "dist", []),
    ("next.config.js", "out", []),
    ("mkdocs.yml", "site", []),
])
def test_build_output_and_templates_are_skipped_beside_their_generator(tmp_path, monkeypatch, config, output, templates):
    files = {config: "title: x\n", "content/page.md": CLAIM, f"{output}/index.html": f"<p>{CLAIM}</p>"}
    files.update({t: CLAIM for t in templates})
    write(tmp_path, files)
    out = run(tmp_path, monkeypatch)
    assert checked(out) == ["content/page.md"]
    assert f"{output}: build output of the site ({config}); skipped" in out.stderr
    # named on the command line, the build output is checked on purpose
    assert checked(run(tmp_path, monkeypatch, output)) == [f"{output}/index.html"]


def test_the_same_folders_without_a_generator_config_are_copy(tmp_path, monkeypatch):
    write(tmp_path, {"public/index.html": f"<p>{CLAIM}</p>", "layouts/page.md": CLAIM, "dist/a.md": CLAIM})
    assert checked(run(tmp_path, monkeypatch)) == ["dist/a.md", "layouts/page.md", "public/index.html"]


def test_hugo_legacy_config_counts_only_beside_hugo_folders_and_publish_dir_is_read(tmp_path, monkeypatch):
    write(tmp_path, {"config.toml": 'publishDir = "docs"\n', "content/a.md": CLAIM, "docs/index.html": CLAIM,
                     "public/index.html": CLAIM})
    assert checked(run(tmp_path, monkeypatch)) == ["content/a.md"]
    other = tmp_path / "other"
    write(other, {"config.toml": "x = 1\n", "public/index.html": CLAIM})  # no Hugo folders: public is copy
    assert checked(run(other, monkeypatch)) == ["public/index.html"]


def test_a_skipped_folder_is_a_notice_not_an_error(tmp_path, monkeypatch):
    write(tmp_path, {"hugo.toml": "", "content/a.md": "Book a visit.\n", "public/index.html": CLAIM})
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["check"])
    assert out.exit_code == 0
    assert "public: build output of the site (hugo.toml); skipped (name the folder to check it)" in out.stderr


@pytest.mark.parametrize("page", [
    "<p>{{ .Title }} Our peel is gentle.</p>",
    "Our peel is gentle. {% include offer.html text='painless' %}",
    "Our peel is gentle. {{#if painless}}{{/if}}",
    "Our peel is gentle. {# painless, says the note #}",
    "Our peel is gentle. {{- partial \"painless.html\" . -}}",
])
def test_template_tags_are_not_read(page):
    name = "p.html" if page.startswith("<") else "p.md"
    assert "CC131" not in codes(page, filename=name)


def test_blanking_keeps_positions_and_line_breaks():
    text = "A {{ if .x }}\nB {% end %} C painless {{ y"
    out = blank(text)
    assert len(out) == len(text) and out.count("\n") == 1
    assert out.index("painless") == text.index("painless")
    assert out.endswith("{{ y")  # an unclosed tag is text


def test_a_shortcode_caption_is_copy_at_its_place():
    text = 'Intro.\n\n{{< figure src="/a.jpg" caption="A painless peel" >}}\n'
    found = [f for f in lint(text, filename="p.md") if f.rule == "CC131"]
    assert found and source_at(text, found[0]) == "painless"
