"""Issue 31's site with every kind of place: YAML, TOML and JSON front matter with FAQ lists,
a Hugo data file, an MDX page with components, a TSX component, a Hugo layout and a public/
build (tests/data/site), and a Jekyll _data file (tests/data/jekyll).  Every block of copy is
read once at its exact line and column; no template or build file is read unless named.
The front matter and data rows are in test_frontmatter_data.py; the bodies are here."""
import json
from pathlib import Path

from click.testing import CliRunner

from copycheck.cli import main
from copycheck.markup import format_for, read
from copycheck.source import files
from copycheck.source.positions import LineIndex

DATA = Path(__file__).resolve().parent / "data"
SITE = DATA / "site"

# (file, scope, line, column, text): every block of copy outside front matter and data files
BODY = [
    ("site/components/Hero.tsx", "heading", 8, 11, "Clinically proven skin care"),
    ("site/components/Hero.tsx", "attribute.alt", 9, 33, "A nurse with a patient"),
    ("site/components/Hero.tsx", "paragraph", 11, 9, "Talk to   about what suits your skin."),
    ("site/content/fillers.md", "paragraph", 12, 1, "Fillers are given by our prescribers after a consultation."),
    ("site/content/laser.md", "paragraph", 19, 1, "Our nurses talk you through the course before the first visit."),
    ("site/content/offers.mdx", "heading", 10, 3, "Our winter offers"),
    ("site/content/offers.mdx", "paragraph", 12, 1, "A course of three peels costs less when booked together."),
    ("site/content/offers.mdx", "attribute.title", 14, 17, "Totally painless peels"),
    ("site/content/offers.mdx", "text", 15, 3, "Every peel gives instant results."),
    ("site/content/offers.mdx", "paragraph", 18, 1, "The price is        for the course, with         in code."),
    ("site/content/peels.md", "heading", 34, 3, "Chemical peels"),
    ("site/content/peels.md", "paragraph", 36, 1, "Chemical peels improve skin texture and reduce fine lines. "
                                                   "They boost radiance and give a fresh, bright look for weeks."),
    ("site/content/peels.md", "paragraph", 38, 1, "Book a session today. Our clinic is in the town centre, open six "
                                                   "days a week, with parking nearby and a warm welcome."),
]


def _walk(root):
    taken, notices = [], []
    for item in files.discover([str(root)]):
        if isinstance(item, files.InputError):
            notices.append((Path(item.path).relative_to(DATA).as_posix(), item.fatal))
        else:
            taken.append(Path(item[0]).relative_to(DATA).as_posix())
    return taken, notices


def test_the_walk_takes_pages_components_and_data_and_names_what_it_skips():
    taken, notices = _walk(SITE)
    assert sorted(taken) == ["site/components/Hero.tsx", "site/content/fillers.md", "site/content/laser.md",
                             "site/content/offers.mdx", "site/content/peels.md", "site/data/clinic/services.yaml"]
    assert sorted(notices) == [("site/layouts", False), ("site/public", False)]


def test_every_block_of_copy_is_read_once_at_its_line_and_column():
    found = []
    for rel in sorted(_walk(SITE)[0]):
        path = DATA / rel
        source = path.read_text(encoding="utf-8")
        lines = LineIndex(source)
        for b in read(source, format_for(str(path)), path=str(path)).blocks:
            start, _ = b.source_span(0, len(b.text))
            if not b.scope.startswith(("frontmatter.", "data.")):
                found.append((rel, b.scope, *lines.locate(start), b.text))
            # each piece of a block that was copied stands in the source where the block says
            for t, s, tl, sl in b.segs:
                if tl == sl:
                    assert source[s:s + sl] == b.text[t:t + tl], (rel, b.text)
    assert found == BODY
    text = " ".join(row[-1] for row in found)
    for code in ("guaranteed results", "Permanent results", "100% safe", "no downtime", "winter-offers", "Callout"):
        assert code not in text, code  # exports, strings in code, other props, expressions: not copy


def _check(*args):
    r = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", "--exit-zero", *args])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_findings_stand_in_components_and_never_in_templates_or_build_output(monkeypatch):
    monkeypatch.chdir(SITE)
    out = _check(".")
    where = {(f["path"], f["line"], f["column"], f["match"].lower()) for f in out["findings"]}
    assert not [w for w in where if w[0].startswith(("layouts", "public"))]
    assert ("content/offers.mdx", 14, 25, "painless") in where
    assert ("components/Hero.tsx", 8, 11, "clinically proven") in where
    assert ("content/offers.mdx", 15, 20, "instant") in where


def test_a_template_folder_named_on_purpose_is_read_without_its_template_tags(monkeypatch):
    monkeypatch.chdir(SITE)
    out = _check("layouts")
    where = {(f["path"], f["line"], f["match"].lower()) for f in out["findings"]}
    assert ("layouts/_default/single.html", 6, "painless") in where
    source = (SITE / "layouts/_default/single.html").read_text(encoding="utf-8")
    for f in out["findings"]:
        assert "{{" not in f["match"] and "." + "Title" not in f["match"]
        line = source.splitlines()[f["line"] - 1]
        assert line[f["column"] - 1:].lower().startswith(f["match"].lower())
