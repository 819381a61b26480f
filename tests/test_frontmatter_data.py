"""Front matter read whole and data files read as copy (issue 31): every string of copy at
its line and column with its key path, nothing else; keys chosen by path globs; page-level
rules count what front matter says; invalid YAML, TOML or JSON is one line with exit 2.
The sites are tests/data/site (Hugo: YAML, TOML and JSON front matter, data/) and
tests/data/jekyll (_data/); all their copy is made up for these tests."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from copycheck.cli import main
from copycheck.markup import format_for, is_data_file, read
from copycheck.markup.keys import EXACT, WILD, Selector, is_copy, path_text
from copycheck.source import files
from copycheck.source.positions import LineIndex
from helpers import lint

DATA = Path(__file__).resolve().parent / "data"
SITE, JEKYLL = DATA / "site", DATA / "jekyll"

# (file, key path, line, column, text): every string of copy in the two sites, checked by hand
COPY = [
    ("jekyll/_data/faq.yml", "data.faq[0].q", 1, 6, "Who gives the treatment?"),
    ("jekyll/_data/faq.yml", "data.faq[0].a", 2, 6, "A registered nurse, after a full consultation."),
    ("jekyll/_data/faq.yml", "data.faq[1].q", 4, 6, "Is there any downtime?"),
    ("jekyll/_data/faq.yml", "data.faq[1].a", 5, 7, "Some redness for a day, \u2014 then back to normal."),
    ("jekyll/index.md", "frontmatter.title", 3, 8, "Welcome to the clinic"),
    ("site/content/fillers.md", "frontmatter.title", 2, 13, "Dermal fillers in the old town"),
    ("site/content/fillers.md", "frontmatter.faq[0].question", 7, 19, "How long do fillers last?"),
    ("site/content/fillers.md", "frontmatter.faq[0].answer", 7, 58, "Results usually last six to twelve months."),
    ("site/content/fillers.md", "frontmatter.faq[1].question", 8, 19, "Caf\u00e9 or clinic?"),
    ("site/content/fillers.md", "frontmatter.faq[1].answer", 8, 53, "Clinic only: we treat in a clean room."),
    ("site/content/laser.md", "frontmatter.title", 2, 10, "Laser hair removal, done carefully"),
    ("site/content/laser.md", "frontmatter.seo.description", 6, 16, "Fewer hairs after a course of visits."),
    ("site/content/laser.md", "frontmatter.faq[0].question", 10, 13, "How many visits will I need?"),
    ("site/content/laser.md", "frontmatter.faq[0].answer", 11, 11, "Most people need six to eight visits, four weeks apart."),
    ("site/content/laser.md", "frontmatter.faq[1].question", 14, 13, "Can anyone have it?"),
    ("site/content/laser.md", "frontmatter.faq[1].answer", 16, 1,
     "A patch test comes first, since some skin and hair types respond less well."),
    ("site/content/offers.mdx", "frontmatter.title", 2, 8, "Winter offers on skin peels"),
    ("site/content/offers.mdx", "frontmatter.faq[0].question", 4, 15, "Can I book two peels at once?"),
    ("site/content/offers.mdx", "frontmatter.faq[0].answer", 5, 13, "Yes, with a four-week gap between them."),
    ("site/content/peels.md", "frontmatter.title", 2, 8, "Gentle peels for tired skin"),
    ("site/content/peels.md", "frontmatter.description", 4, 3, "A peel lifts the dull top layer so fresh skin shows through."),
    ("site/content/peels.md", "frontmatter.seo.title", 17, 10, "Chemical peels in town"),
    ("site/content/peels.md", "frontmatter.seo.description", 18, 17, 'Peels that leave your skin "glowing" by next week.'),
    ("site/content/peels.md", "frontmatter.faq[0].question", 21, 15, "Does a peel sting?"),
    ("site/content/peels.md", "frontmatter.faq[0].answer", 22, 13, "Most people feel a warm tingle that fades within minutes."),
    ("site/content/peels.md", "frontmatter.faq[1].question", 23, 15, "What are the risks?"),
    ("site/content/peels.md", "frontmatter.faq[1].answer", 25, 7,
     "Redness and swelling are common for a day or two.\nBruising is rare, and peeling skin can itch."),
    ("site/content/peels.md", "frontmatter.features[0].title", 28, 12, "Quick sessions"),
    ("site/content/peels.md", "frontmatter.features[0].text", 29, 11, "Each visit takes about half an hour."),
    ("site/content/peels.md", "frontmatter.features[1].title", 31, 12, "Tailored strength"),
    ("site/content/peels.md", "frontmatter.features[1].description", 32, 18, "Your nurse chooses the acid for your skin type."),
    ("site/data/clinic/services.yaml", "data.clinic.services[0].title", 2, 10, "Skin boosters"),
    ("site/data/clinic/services.yaml", "data.clinic.services[0].description", 3, 16, "Fine injections that add moisture to the skin."),
    ("site/data/clinic/services.yaml", "data.clinic.services[1].title", 7, 10, "Microneedling"),
    ("site/data/clinic/services.yaml", "data.clinic.services[1].description", 8, 16,
     "Tiny needles prompt the skin to renew itself over a few weeks."),
]


def _walked():
    out = []
    for root in (SITE, JEKYLL):
        for item in files.discover([str(root)]):
            if isinstance(item, files.InputError):  # a notice: the site's layouts/ and public/ (test_every_place.py)
                assert not item.fatal, item
                continue
            out.append(Path(item[0]).relative_to(DATA).as_posix())
    return sorted(out)


def _copy_blocks(rel):
    path = DATA / rel
    source = path.read_text(encoding="utf-8")
    lines = LineIndex(source)
    out = []
    for b in read(source, format_for(str(path)), path=str(path)).blocks:
        if b.scope.startswith(("frontmatter.", "data.")):
            start, end = b.source_span(0, len(b.text))
            out.append((rel, b.scope, *lines.locate(start), b.text))
    return out


def test_a_folder_walk_takes_the_pages_and_the_data_files_and_not_the_site_configs():
    assert _walked() == ["jekyll/_data/faq.yml", "jekyll/index.md", "site/components/Hero.tsx",
                         "site/content/fillers.md", "site/content/laser.md", "site/content/offers.mdx",
                         "site/content/peels.md", "site/data/clinic/services.yaml"]


def test_every_string_of_copy_is_read_once_at_its_line_and_column_and_nothing_else():
    found = [row for rel in _walked() for row in _copy_blocks(rel)]
    assert found == COPY
    # what is not copy by its shape or its key: dates, slugs, layout names, images, numbers,
    # booleans, colours, emails, URLs, tags, icons, ids, prices
    text = " ".join(row[-1] for row in found)
    for never in ("2024", "gentle-peels", "treatment\u0020", "/images", "#ffaa00", "desk@", "https", "clock",
                  "svc-micro", "from 180", "peels skin", "who-treats", "fillers.webp"):
        assert never not in text, never


def test_escaped_characters_map_back_to_their_place():
    source = (SITE / "content/fillers.md").read_text(encoding="utf-8")
    block = next(b for b in read(source, "markdown").blocks if b.scope == "frontmatter.faq[1].question")
    s, e = block.source_span(0, len(block.text))
    assert source[s:e] == "Caf\\u00e9 or clinic?"
    s, e = block.source_span(3, 4)  # the é stands for its whole escape
    assert source[s:e] == "\\u00e9"
    s, e = block.source_span(5, 7)
    assert source[s:e] == "or"


def test_key_paths_and_globs():
    assert path_text(("faq", 2, "answer")) == "faq[2].answer"
    assert path_text(("seo", "og.title")) == 'seo."og.title"'
    sel = Selector(["faq.*.answer", "seo.description", "title", "**.team.*.bio", "cta.{text,label}"])
    assert sel.wants(("faq", 2, "answer")) == WILD
    assert not sel.wants(("faq", 2, "question")) and not sel.wants(("faq", "answer"))
    assert sel.wants(("seo", "description")) == EXACT and not sel.wants(("seo", "image"))
    # a plain name: at the top, in its prefixed forms and inside seo/meta/og/twitter/params, as before
    for parts in (("title",), ("og:title",), ("meta_title",), ("seo", "title"), ("params", "og", "title")):
        assert sel.wants(parts) == EXACT, parts
    assert not sel.wants(("features", 0, "title")) and not sel.wants(("menu", "title"))
    assert sel.wants(("about", "team", 3, "bio")) and sel.wants(("team", 0, "bio"))
    assert sel.wants(("cta", "label")) == EXACT and not sel.wants(("cta", "url"))
    assert Selector(["faq[*].answer"]).wants(("faq", 0, "answer"))
    # a wildcard does not take keys named for what is not copy
    assert not Selector(["hero.*"]).wants(("hero", "heroImage")) and Selector(["hero.*"]).wants(("hero", "heading"))
    # "**" is any number of keys, none included; "*" one key or part of one; "?" one character;
    # a brace may hold alternatives that span keys ("[...]" is a list index: faq[*] is faq.*)
    deep = Selector(["**.faq.**.answer", "item?.t*xt", "{page.intro,lead}"])
    assert deep.wants(("faq", "answer")) and deep.wants(("a", "b", "faq", 3, "x", "answer"))
    assert not deep.wants(("faq",)) and not deep.wants(("faqs", "answer")) and not deep.wants(("faq", "answers"))
    assert deep.wants(("items", "text")) and deep.wants(("item2", "tiny-text"))
    assert not deep.wants(("items", "x", "text")) and not deep.wants(("item22", "text"))
    assert deep.wants(("page", "intro")) == EXACT and deep.wants(("lead",)) == EXACT and not deep.wants(("page",))
    # shapes
    assert is_copy("Pain-free", EXACT) and is_copy("painless", EXACT) and not is_copy("pain-free", WILD)
    for never in ("https://x.example/a", "/img/a.jpg", "a.png", "desk@clinic.example", "#fa0", "2024-01-02",
                  "12:30", "{{ .Title }}", "single_layout", "   "):
        assert not is_copy(never, EXACT), never


def test_configured_globs_choose_the_keys(tmp_path):
    source = (SITE / "content/peels.md").read_text(encoding="utf-8")
    scopes = [b.scope for b in read(source, "markdown", ("faq.*.answer",)).blocks if b.scope.startswith("frontmatter")]
    assert scopes == ["frontmatter.faq[0].answer", "frontmatter.faq[1].answer"]
    (tmp_path / ".copycheck.yaml").write_text("extend-frontmatter-keys: ['doctor.bio']\n", encoding="utf-8")
    (tmp_path / "page.md").write_text("---\ntitle: Skin care\ndoctor:\n  bio: Her clinic is completely painless.\n"
                                      "  photo: me.jpg\n---\nHello.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "page.md"), "--format", "json"])
    got = [(f["rule"], f["line"], f["column"]) for f in json.loads(r.stdout)["findings"]]
    assert ("CC131", 4, 33) in got
    (tmp_path / ".copycheck.yaml").write_text("frontmatter-keys: [title]\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "page.md"), "--format", "json"])
    assert not [f for f in json.loads(r.stdout)["findings"] if f["rule"] == "CC131"]


def test_balance_counts_the_risks_a_front_matter_faq_lists():
    source = (SITE / "content/peels.md").read_text(encoding="utf-8")
    assert "CC411" not in [f.rule for f in lint(source, "peels.md")]  # the FAQ names swelling and bruising
    assert "CC411" in [f.rule for f in lint(source, "peels.md", frontmatter_keys=("title",))]  # not read: no risks


def test_a_claim_in_a_data_file_is_found_at_its_place(tmp_path):
    (tmp_path / "hugo.toml").write_text('title = "x"\n', encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "faq.json").write_text(
        '[\n  {"question": "Does it hurt?",\n   "answer": "No: it is completely painless."}\n]\n', encoding="utf-8")
    (tmp_path / "data" / "notes.json").write_text('{"internal": "completely painless"}\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--isolated", str(tmp_path), "--format", "json"])
    got = [(Path(f["path"]).name, f["rule"], f["line"], f["column"]) for f in json.loads(r.stdout)["findings"]]
    assert got == [("faq.json", "CC131", 3, 36)]  # notes.json's key is not copy


def test_which_paths_are_data_files(tmp_path):
    def make(rel, text="{}"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        return str(p)

    assert not is_data_file(make("plain/data/a.yaml"))  # a data/ folder of no site
    make("hugo/config.toml")
    assert is_data_file(make("hugo/data/a.yaml")) and is_data_file(make("hugo/data/sub/b.toml"))
    assert not is_data_file(make("hugo/content/a.yaml")) and not is_data_file(make("hugo/data/a.txt"))
    assert is_data_file(make("eleventy/src/_data/site.json")) and is_data_file(make("jekyll/_data/team.yml"))
    assert not is_data_file(make("eleventy/_data/package.json"))
    make("astro/astro.config.mjs", "export default {}")
    assert is_data_file(make("astro/src/content/services/botox.json"))
    assert not is_data_file(make("astro/public/content/x.json"))
    make("decap/static/admin/config.yml", "collections:\n  - name: faq\n    folder: content/faq\n"
                                          "  - name: home\n    files:\n      - file: site/home.yml\n")
    assert is_data_file(make("decap/content/faq/one.yml")) and is_data_file(make("decap/site/home.yml"))
    assert not is_data_file(make("decap/site/other.yml"))


BAD = [
    ("page.md", "---\ntitle: Fine\nfaq:\n  - question: Why?\n   answer: [bad\n---\nBody.\n",
     "page.md:5: invalid YAML front matter (column 4)"),
    ("page.md", "+++\ntitle = \"Fine\"\n[seo]\ndescription = \"unclosed\n+++\nBody.\n",
     "page.md:4: invalid TOML front matter"),
    ("page.md", '{\n  "title": "Fine",\n  "faq": [\n    {"question": "Why?" "answer": "x"}\n  ]\n}\n\nBody.\n',
     "page.md:4: invalid JSON front matter (column 25)"),
    ("data/faq.yaml", "- question: Why?\n  answer: fine\n- question: [bad\n", "data/faq.yaml:4: invalid YAML"),
    # (the column is json's: the brace after the comma before Python 3.13, the comma from 3.13 on)
    ("data/faq.json", '[\n  {"question": "Why?",}\n]\n', "data/faq.json:2: invalid JSON (column 2"),
    ("data/faq.toml", "[[faq]]\nquestion = 'Why?' answer\n", "data/faq.toml:2: invalid TOML (column 19)"),
]


@pytest.mark.parametrize("name,text,needle", BAD, ids=[b[2].split(":")[0] + "-" + b[2].split()[2] for b in BAD])
def test_invalid_front_matter_or_data_is_one_line_naming_file_and_line(tmp_path, monkeypatch, name, text, needle):
    monkeypatch.chdir(tmp_path)
    Path("hugo.toml").write_text('title = "x"\n', encoding="utf-8")
    Path("data").mkdir()
    Path(name).write_text(text, encoding="utf-8")
    Path("other.md").write_text("Completely painless.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--isolated", "."])
    assert r.exit_code == 2 and "Traceback" not in r.output
    errors = [line for line in r.output.splitlines() if line.startswith("copycheck: ")]
    assert len(errors) == 1 and errors[0].startswith("copycheck: " + needle), r.output
    assert errors[0].endswith("file not checked")
    assert "other.md:1:12: error CC131" in r.output  # the other files are still checked


TOML = '''title = "Top"
tags = ["a", 'b', """c"""]
"quoted key" = 'Literal \\n stays'
[seo]
description = "Esc \\"q\\" \\u00e9"
og.title = 'Look rested'   # a comment with "quotes"
[params.hero]
heading = """
Two lines,
here."""
cta = { label = "Book now", nested = { text = "Deep" } }
[[faq]]
question = "One?"
answer = """\\
  Folded \\
  line."""
[[faq]]
question = "Two?"
[[faq.links]]
label = "First link"
[[faq.links]]
label = "Second link"
[faq.meta]
note = "Ask us"
'''


def test_the_toml_scanner_finds_every_string_tomllib_reads_with_its_key_path():
    import tomllib

    from copycheck.markup.values import strings_toml

    def walk(v, parts):
        if isinstance(v, dict):
            for k, x in v.items():
                yield from walk(x, parts + (k,))
        elif isinstance(v, list):
            for i, x in enumerate(v):
                yield from walk(x, parts + (i,))
        elif isinstance(v, str):
            yield parts, v

    rows = strings_toml(TOML)
    assert sorted((p, v) for p, v, *_ in rows) == sorted(walk(tomllib.loads(TOML), ()))
    for parts, value, s, e, kind in rows:  # each token, read alone, is its value
        assert tomllib.loads("x = " + TOML[s:e])["x"] == value, parts


def test_a_yaml_alias_is_read_once_at_its_anchor():
    page = "---\nfaq:\n  - answer: &a Completely painless.\n  - answer: *a\n---\nBody.\n"
    blocks = [b for b in read(page, "markdown").blocks if b.scope.startswith("frontmatter")]
    assert [(b.scope, b.text) for b in blocks] == [("frontmatter.faq[0].answer", "Completely painless.")]


def test_a_data_file_is_part_of_pages_and_not_judged_for_balance_alone():
    services = ("- title: Anti-wrinkle injections\n  description: Anti-wrinkle injections smooth frown lines and reduce "
                "wrinkles on the forehead. They give a fresh, rested look that lasts for months, and most people go "
                "back to work the same day.\n- title: Dermal fillers\n  description: Dermal fillers restore lost volume "
                "in the cheeks and lips, soften deep lines and give a natural lift that lasts up to a year.\n")
    data = "services:\n" + "".join("  " + line + "\n" for line in services.splitlines())  # services[0].description
    as_data = [f.rule for f in lint(data, "services.yaml")]
    as_page = [f.rule for f in lint(services, "services.txt")]
    assert "CC411" in as_page and "CC412" in as_page  # the same words as a page are judged
    assert not {"CC411", "CC412"} & set(as_data) and "CC301" in as_data  # its claims still are


def test_rules_around_markdown_at_the_top_are_no_front_matter(tmp_path, monkeypatch):
    """A page may open with a rule, a blank line and a heading, and draw another rule further
    down: what lies between is Markdown, read at its place, not front matter to fail on."""
    (tmp_path / "notes.md").write_text("---\n\n# Peels\n\n**Internal | v1**\n\nTotally painless peels.\n\n---\n\nMore.\n",
                                       encoding="utf-8")
    (tmp_path / "table.md").write_text("---\n| a | b |\n|---|---|\n---\n", encoding="utf-8")
    (tmp_path / "bold.md").write_text("---\n\n## Offer\n\n**Added: 2024**\n\n---\n", encoding="utf-8")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", "notes.md", "table.md", "bold.md"])
    assert r.exit_code == 1, r.output
    assert [(f["line"], f["column"], f["match"]) for f in json.loads(r.stdout)["findings"] if f["rule"] == "CC131"] \
        == [(7, 9, "painless")]
    r = CliRunner().invoke(main, ["check", "--no-config", "bad.md"])  # a key first: YAML, and broken
    assert r.exit_code == 2 and "bad.md:3: invalid YAML front matter" in r.output  # (where YAML saw the end)
