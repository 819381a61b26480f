"""Word and OpenDocument drafts (issue 32): a .docx and an .odt made by LibreOffice, with claims
in headings, lists and tables, give the same findings as the same text in Markdown, at positions
that name the paragraph and heading; every report format reads them; a file that is not a readable
draft is one line naming it, exit 2.  The fixtures are tests/data/office/ (make.sh made them)."""
import hashlib
import html
import io
import json
import zipfile

import jsonschema
import pytest
from click.testing import CliRunner

import copycheck
from copycheck.cli import main
from copycheck.markup import office
from helpers import ROOT

DATA = ROOT / "tests" / "data" / "office"
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
DRAFTS = ("draft.docx", "draft.odt")

# draft.fodt's paragraphs as a writer sees them, written out by hand: (scope, heading above, text)
H1, H2, H3 = "Laser hair removal at Brightwell Clinic", "Why patients choose us", "What to expect"
PARAGRAPHS = [
    ("heading", H1, H1),
    ("paragraph", H1, "Our laser hair removal is completely painless and gives permanent results after just one session."),
    ("paragraph", H1, "Book a free consultation with one of our nurses to talk through what suits your skin."),
    ("heading", H2, H2),
    ("list", H2, "Clinically proven to work on every skin type."),
    ("list", H2, "No downtime: you can go straight back to work."),
    ("list", H2, "Results guaranteed or your money back."),
    ("heading", H3, H3),
    ("table", H3, "Area"), ("table", H3, "What to expect"),
    ("table", H3, "Upper lip"), ("table", H3, "Virtually painless, with zero side effects."),
    ("table", H3, "Full legs"), ("table", H3, "Some redness for a few hours afterwards."),
    ("paragraph", H3, "Most people need six to eight sessions, spaced four to six weeks apart."),
]
NOT_COPY = ("Can we say", "miracle cure", "no risk at all", "Brightwell Clinic: painless", "Draft for review")


def run(*args, **kw):
    return CliRunner().invoke(main, ["check", "--no-config", *args], **kw)


def findings(path):
    result = copycheck.check_paths([str(path)])
    assert not result.errors, [str(e) for e in result.errors]
    return result.findings


@pytest.mark.parametrize("name", DRAFTS)
def test_a_draft_reads_as_its_paragraphs_in_order_with_their_scopes(name):
    source = office.decode((DATA / name).read_bytes(), name)
    assert source.text.split("\n") == [text for _, _, text in PARAGRAPHS]
    assert list(source.scopes) == [scope for scope, _, _ in PARAGRAPHS]
    for words in NOT_COPY:  # a comment, a tracked deletion, the header and the footer
        assert words not in source.text


@pytest.mark.parametrize("name", DRAFTS)
def test_a_draft_gives_the_findings_of_the_same_text_in_markdown(name):
    markdown = findings(DATA / "draft.md")
    draft = findings(DATA / name)
    assert len(markdown) >= 10  # claims in a heading's section, a list and a table
    assert sorted((f.rule, f.match) for f in draft) == sorted((f.rule, f.match) for f in markdown)
    scopes = {PARAGRAPHS[f.line - 1][0] for f in draft if f.match}
    assert {"paragraph", "list", "table"} <= scopes


@pytest.mark.parametrize("name", DRAFTS)
def test_a_draft_finding_names_its_paragraph_character_and_heading(name):
    for f in findings(DATA / name):
        if not f.match:  # about the whole draft (no risk information): no paragraph
            assert f.heading is None and (f.line, f.column) == (1, 1)
            continue
        scope, heading, text = PARAGRAPHS[f.line - 1]
        assert text[f.column - 1:f.end_column - 1] == f.match and f.end_line == f.line
        assert f.heading == heading
    where = {}
    for f in findings(DATA / name):
        where.setdefault((f.rule, f.match), (f.line, f.column, f.heading))  # the first of each
    assert where[("CC131", "painless")] == (2, 38, H1)
    assert where[("CC101", "Clinically proven")] == (5, 1, H2)  # a list item
    assert where[("CC122", "zero side effects")] == (12, 26, H3)  # a table cell


def test_words_in_a_comment_are_not_reported():
    """draft.fodt's comment asks 'Can we say it is painless and clinically proven, with zero side
    effects?' on paragraph 3: none of it is a finding, though the same words in the copy are."""
    for name in DRAFTS:
        found = findings(DATA / name)
        assert not [f for f in found if f.line == 3 and f.match]
        assert sum(f.match.lower() == "painless" for f in found) == 2  # paragraphs 2 and 12, not the comment
        assert not any("miracle" in f.match for f in found)


def test_every_report_format_runs_on_a_draft_and_json_and_sarif_agree(tmp_path, monkeypatch):
    monkeypatch.chdir(DATA)
    out = {}
    for fmt in ("text", "json", "sarif", "github", "gitlab", "junit", "html"):
        r = run("draft.docx", "--format", fmt)
        assert r.exit_code == 1, (fmt, r.output)
        assert r.stdout.strip() and "draft.docx" in r.stdout
        out[fmt] = r.stdout
    assert 'in paragraph 2, character 38, under "Laser hair removal at Brightwell Clinic"' in out["text"]
    assert 'under "Why patients choose us"' in json.loads(out["gitlab"])[5]["description"]
    assert 'draft.docx:12:26 (paragraph 12, character 26, under "What to expect")' in html.unescape(out["html"])
    assert 'paragraph 7, character 9, under "Why patients choose us"' in out["github"] and "(paragraph 2," in out["junit"]
    doc = json.loads(out["sarif"])
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert not list(validator.iter_errors(doc))
    results = doc["runs"][0]["results"]
    sarif = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
              r["locations"][0]["physicalLocation"]["region"]["startColumn"],
              r["locations"][0]["physicalLocation"]["region"]["endColumn"],
              r.get("properties", {}).get("heading")) for r in results]
    found = json.loads(out["json"])["findings"]
    assert sarif == [(f["rule"], f["line"], f["column"], max(f["end_column"], f["column"]), f.get("heading"))
                     for f in found]
    assert sum(1 for s in sarif if s[4]) == len(found) - 1  # all but the page-level finding name a heading


def test_a_draft_by_standard_input_and_in_a_folder_walk(tmp_path, monkeypatch):
    data = (DATA / "draft.odt").read_bytes()
    r = run("--stdin-filename", "draft.odt", "--format", "json", input=data)
    assert r.exit_code == 1 and json.loads(r.stdout)["findings"][1]["heading"] == H1
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.docx").write_bytes((DATA / "draft.docx").read_bytes())
    (tmp_path / "drafts" / "~$draft.docx").write_bytes(b"\x05Editor" + b"\x00" * 50)  # Word's owner file
    monkeypatch.chdir(tmp_path)
    r = run("drafts", "--format", "json")
    assert r.exit_code == 1, r.output
    assert json.loads(r.stdout)["summary"]["files"] == 1 and r.stderr == ""


def _zip(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


BAD = {
    "encrypted.docx": ((DATA / "encrypted.docx").read_bytes(), "a password-protected (encrypted) Word document"),
    "encrypted.odt": ((DATA / "encrypted.odt").read_bytes(), "a password-protected (encrypted) OpenDocument text"),
    "truncated.docx": ((DATA / "draft.docx").read_bytes()[:3000], "a broken Word document"),
    "truncated.odt": ((DATA / "draft.odt").read_bytes()[:-200], "a broken OpenDocument text"),
    "notes.docx": (b"Painless, guaranteed results.\n", "not a Word document (not a zip file)"),
    "empty.odt": (b"", "not an OpenDocument text (an empty file)"),
    "old.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "an OLE compound file"),
    "nodoc.docx": (_zip({"word/styles.xml": "<x/>"}), "a zip file with no word/document.xml"),
    "badxml.docx": (_zip({"word/document.xml": "<w:document><w:body>painless"}), "its XML is not well-formed"),
    "entities.odt": (_zip({"content.xml": '<!DOCTYPE d [<!ENTITY a "painless">]><d>' + "&a;" * 9 + "</d>"}),
                     "a broken OpenDocument text (content.xml has a DTD"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_file_that_is_not_a_readable_draft_is_one_line_naming_it(tmp_path, monkeypatch, name):
    data, says = BAD[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "page.md").write_text("# Peels\n\nOur peels are painless.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    alone = run("page.md", "--format", "json")
    r = run(name, "page.md", "--format", "json")
    assert r.exit_code == 2
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"copycheck: {name}: ") and says in lines[0], lines
    assert lines[0].endswith("file not checked")
    doc, before = json.loads(r.stdout), json.loads(alone.stdout)
    assert doc["findings"] == before["findings"]  # the other file is checked as before
    assert doc["summary"]["input_errors"] == 1 and doc["summary"]["files"] == 1


def test_checking_never_writes_to_the_draft_and_its_output_is_the_same_each_time(tmp_path, monkeypatch):
    for name in (*DRAFTS, "encrypted.docx"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    stamp = {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    monkeypatch.chdir(tmp_path)
    first = run(".", "--format", "sarif", "--jobs", "1")
    second = run(".", "--format", "sarif", "--jobs", "2")
    assert first.exit_code == second.exit_code == 2
    assert first.stdout == second.stdout and first.stderr == second.stderr
    assert {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == stamp


def test_changed_since_counts_a_changed_draft_whole_and_an_unchanged_one_not_at_all(tmp_path, monkeypatch):
    """git diffs a draft as binary (no changed lines): a changed draft is reported whole, as a new
    file is; the summary says what the gate held back."""
    import subprocess

    def git(*args):
        env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True, env=env)

    git("init", "-q", "-b", "main")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "lasers.docx").write_bytes(_zip({"word/document.xml": (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        '<w:p><w:r><w:t>Our peels are gentle.</w:t></w:r></w:p></w:body></w:document>')}))
    (tmp_path / "drafts" / "old peels draft.odt").write_bytes((DATA / "draft.odt").read_bytes())
    git("add", ".")
    git("commit", "-q", "-m", "drafts")
    (tmp_path / "drafts" / "lasers.docx").write_bytes((DATA / "draft.docx").read_bytes())
    monkeypatch.chdir(tmp_path)
    r = run("drafts", "--changed-since", "main", "--format", "json")
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert {f["path"] for f in doc["findings"]} == {"drafts/lasers.docx"}
    assert len(doc["findings"]) == len(findings(DATA / "draft.docx"))
    assert doc["summary"]["unchanged"] == len(findings(DATA / "draft.odt"))
