"""Content modules (issue 31): a JavaScript site that keeps its copy as object literals in
lib/content/*.ts is read by key path, each string at its line and column; code, class lists,
links, slugs, type declarations and files outside a content folder are not.  The site is
tests/data/nextsite; its copy is made up for these tests."""
import json
from pathlib import Path

from click.testing import CliRunner

from copycheck.cli import main
from copycheck.markup import format_for, read
from copycheck.source import files, sites
from copycheck.source.positions import LineIndex

DATA = Path(__file__).resolve().parent / "data"
SITE = DATA / "nextsite"
PEELS = SITE / "lib/content/peels.ts"

# (key path, line, column, text): every string of copy in peels.ts, checked by hand
COPY = [
    ("data.peelsContent.hero.title", 6, 13, "Chemical peels"),
    ("data.peelsContent.hero.tagline", 7, 15, "A fresher look, gently"),
    ("data.peelsContent.quickFacts.downtime", 11, 16, "Totally painless with no downtime"),
    ("data.peelsContent.quickFacts.sessions", 12, 16, "Three to six visits, a month apart"),
    ("data.peelsContent.suitableIf[0]", 15, 6, "You have dull or uneven skin and want a gradual change"),
    ("data.peelsContent.suitableIf[1]", 16, 6, "You can avoid strong sun for a few weeks"),
    ("data.peelsContent.cta.label", 19, 18, "Book now"),
    ("data.peelsContent.faqs[0].question", 22, 18, "Does a peel hurt?"),
    ("data.peelsContent.faqs[0].answer", 22, 47, "Most people feel a warm tingle that fades in minutes."),
]


def _blocks(source, path="x.ts"):
    lines = LineIndex(source)
    out = []
    for b in read(source, format_for(path), path=path).blocks:
        start, _ = b.source_span(0, len(b.text))
        out.append((b.scope, *lines.locate(start), b.text))
    return out


def test_a_walk_takes_content_modules_and_components_only():
    taken, notices = [], []
    for item in files.discover([str(SITE)]):
        if isinstance(item, files.InputError):
            notices.append(Path(item.path).name)
        else:
            taken.append(Path(item[0]).relative_to(SITE).as_posix())
    assert sorted(taken) == ["app/page.tsx", "lib/content/peels.ts"]  # not lib/utils.ts, types.d.ts, package.json
    assert notices == ["out"]  # Next's export folder beside next.config.mjs


def test_every_string_of_copy_is_read_once_at_its_place_and_nothing_else():
    source = PEELS.read_text(encoding="utf-8")
    found = _blocks(source, str(PEELS))
    assert found == COPY
    text = " ".join(row[-1] for row in found)
    # a slug, an image path, a class list, a link, a template with ${...}, a string inside a function
    for never in ("chemical-peels", "/img/", "leading-relaxed", "/book", "per visit", "guaranteed", "Example clinic"):
        assert never not in text, never


def test_which_files_are_content_modules(tmp_path):
    site = tmp_path / "site"
    rels = ("src/content/faq.js", "src/data/team.mjs", "lib/copy/home.ts", "data/x.ts", "src/lib/api.ts",
            "src/content/site.config.ts", "src/content/hero.test.ts", "src/content/types.d.ts",
            "node_modules/pkg/content/a.js", "content/readme.md")
    for rel in rels:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("export default {};\n", encoding="utf-8")
    (site / "package.json").write_text("{}", encoding="utf-8")
    got = {rel for rel in rels if sites.is_content_module(site / rel)}
    assert got == {"src/content/faq.js", "src/data/team.mjs", "lib/copy/home.ts", "data/x.ts"}
    bare = tmp_path / "bare" / "src" / "content"  # no package.json above it: not a JavaScript site
    bare.mkdir(parents=True)
    (bare / "faq.js").write_text("export default {};\n", encoding="utf-8")
    assert not sites.is_content_module(bare / "faq.js")


def test_default_export_and_module_exports_are_read_by_their_keys():
    source = ('export default {\n  intro: "Peels for every skin type, with no downtime.",\n  slug: "peels",\n};\n'
              'module.exports = { faqs: [{ answer: "Yes, it is \\"safe\\" for all." }] };\n')
    found = _blocks(source, "site.js")
    assert found == [("data.default.intro", 2, 11, "Peels for every skin type, with no downtime."),
                     ('data."module.exports".faqs[0].answer', 5, 38, 'Yes, it is "safe" for all.')]


def test_findings_in_a_module_stand_at_their_place(monkeypatch):
    monkeypatch.chdir(SITE)
    r = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", "--exit-zero", "."])
    found = json.loads(r.stdout)["findings"]
    where = {(f["path"], f["line"], f["column"], f["match"].lower()) for f in found}
    assert ("lib/content/peels.ts", 11, 24, "painless") in where
    assert not [f for f in found if not f["path"].startswith(("lib/content/", "app/"))]


def test_a_module_that_cannot_be_parsed_is_read_as_far_as_it_goes_with_a_notice(tmp_path, monkeypatch):
    (tmp_path / "broken.ts").write_text("export const x = {\n  intro: 'Totally painless peels for you',\n"
                                        "  faqs: (((\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", "broken.ts"])
    assert r.exit_code == 1, r.output  # the finding fails the gate; the parser's trouble does not
    notices = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(notices) == 1 and notices[0].startswith("copycheck: broken.ts:") and "not valid TypeScript" in notices[0]
    assert [f["match"] for f in json.loads(r.stdout)["findings"] if f["rule"] == "CC131"] == ["painless"]


def test_a_bare_ampersand_in_jsx_text_is_text():
    source = 'export const Footer = () => (\n  <p>Skin & Laser Clinic: results & recovery</p>\n);\n'
    blocks = read(source, "tsx").blocks
    assert [b.text for b in blocks] == ["Skin & Laser Clinic: results & recovery"]
    start, _ = blocks[0].source_span(0, 1)
    assert source[start:start + 4] == "Skin"
