"""The HTML report: every finding with its rule, words and suggestion; escaped copy
(hostile text and file names cannot run anything); filters that work in a real
browser (headless Chromium, its DOM read back after the report's script ran)."""
import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from copycheck.cli import main

RISKY = """# Lip fillers

Our lip filler treatment is completely painless and has no downtime.

Results are guaranteed after just one session, and it is safe for everyone.
"""
FAIR = """# Chemical peels

Most people have some redness for a day or two. Results vary from person to person,
and your practitioner will talk you through the risks at a consultation.
"""
PWN = "document.documentElement.setAttribute('data-pwned', '{}')"
HOSTILE = (f'The peel is completely painless <script>{PWN.format("script")}</script> and the results '
           f'"><img src=x onerror="{PWN.format("img")}"> are guaranteed.\n\n'
           f"Zero downtime </textarea><svg onload=\"{PWN.format('svg')}\"> for you.\n")
HOSTILE_NAME = '"><img src=x onerror=alert(1)>.txt'


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "risky.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "fair.md").write_text(FAIR, encoding="utf-8")
    (tmp_path / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")
    return tmp_path


def run(*args):
    r = CliRunner().invoke(main, ["check", "--isolated", *args, "."])
    assert r.exit_code in (0, 1), r.output
    return r


def report(*args) -> str:
    run("--format", "html", "-o", "report.html", *args)
    return open("report.html", encoding="utf-8").read()


def findings(*args):
    return json.loads(run("--format", "json", *args).stdout)["findings"]


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self.text = [], [], []
        self.articles = []  # (attributes, text) of each finding
        self._in_script = self._in_article = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "article":
            self._in_article = True
            self.articles.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        self._in_script = False
        if tag == "article":
            self._in_article = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)
        if self._in_article:
            attrs, text = self.articles[-1]
            self.articles[-1] = (attrs, text + data)


def parse(doc: str) -> Tags:
    p = Tags()
    p.feed(doc)
    return p


def test_every_finding_is_in_the_report_with_its_rule_words_and_suggestion(site):
    doc = report()
    found = findings()
    assert {f["path"] for f in found} == {"risky.md", HOSTILE_NAME}  # the fair page has none
    tags = parse(doc)
    articles = [a for t, a in tags.tags if t == "article"]
    assert len(articles) == len(found)
    text = html.unescape(doc)
    for f in found:
        assert f["rule"] in text and f["suggestion"] in text
        assert " ".join(f["match"].split()) in text
    marks = re.findall(r"<mark>(.*?)</mark>", doc)
    assert {html.unescape(m).lower() for m in marks} >= {"painless", "no downtime", "guaranteed"}
    assert "1 of 3" not in doc and "3 pages" in doc and "2025-12-02 00:00 UTC" in doc  # SOURCE_DATE_EPOCH


def test_a_report_left_in_the_checked_folder_is_not_checked_as_copy(site):
    report()
    r = run("--format", "json")
    assert "report.html" not in {f["path"] for f in json.loads(r.stdout)["findings"]}
    assert "report.html: a copycheck report, not copy; skipped" in r.stderr
    assert json.loads(r.stdout)["summary"]["files"] == 3


def test_hostile_copy_and_file_names_are_escaped_everywhere(site):
    doc = report()
    tags = parse(doc)
    assert [t for t, _ in tags.tags].count("script") == 1  # the report's own
    assert not any(t in ("img", "textarea") for t, _ in tags.tags)
    assert not any(k.startswith("on") for _, a in tags.tags for k in a)
    assert "data-pwned" not in "".join(tags.scripts)  # the copy never reaches the script
    text = "".join(tags.text)
    assert "<script>" + PWN.format("script") in text  # shown, as text
    assert HOSTILE_NAME in text


def test_the_policy_lets_only_the_report_s_own_script_run_and_fetch_nothing(site):
    doc = report()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', doc).group(1)
    assert "default-src 'none'" in csp and "connect-src" not in csp
    script = "".join(parse(doc).scripts)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert not re.search(r'(?:src|href)="(?:https?:)?//', doc.split("<main>")[0])  # no CDN, no remote font


def test_the_verdict_follows_the_fail_level(site):
    assert "The gate fails:" in report()
    assert "The gate passes: no finding at error or above" in report("--select", "CC401", "--fail-on", "error")


def test_a_baselined_run_shows_what_the_gate_shows_and_says_so(site):
    run("--write-baseline", "base.json")
    (site / "new.md").write_text("Our laser is totally painless.\n", encoding="utf-8")
    doc = report("--baseline", "base.json")
    assert len([a for t, a in parse(doc).tags if t == "article"]) == len(findings("--baseline", "base.json")) == 1
    assert "in the baseline base.json are not shown" in doc
    assert "The gate fails: 1 finding" in doc


def test_a_big_report_starts_with_its_pages_closed(site):
    for i in range(80):
        (site / f"p{i:02}.md").write_text(RISKY, encoding="utf-8")
    doc = report()
    assert "<details open" not in doc.split('id="findings"')[1]


# ---- in a real browser -------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
browser = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (.ci/run installs Debian's chromium where it can)")


def dom(path, fragment=""):
    """The report's DOM after its script ran, read back from headless Chromium."""
    profile = os.path.join(os.path.dirname(path), "profile")
    out = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={profile}", "--dump-dom", f"file://{path}{fragment}"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return parse(out.stdout), out.stdout


def visible(tags):
    return [a for t, a in tags.tags if t == "article" and "hidden" not in a]


@browser
def test_in_a_browser_the_script_runs_and_the_copy_s_scripts_do_not(site):
    report()
    tags, raw = dom(str(site / "report.html"))
    root = next(a for t, a in tags.tags if t == "html")
    assert root.get("data-ready") == "true"  # the report's own script ran under its policy
    assert "data-pwned" not in root  # no script, onerror or onload from the copy ran
    assert not any(t in ("img", "textarea") or any(k.startswith("on") for k in a) for t, a in tags.tags)
    assert "setAttribute('data-pwned', 'script')" in raw  # the copy is there, as text
    assert len(visible(tags)) == len(findings())


@browser
def test_in_a_browser_filters_change_what_is_visible(site):
    report()
    found = findings()
    path = str(site / "report.html")
    tags, _ = dom(path, "#level=error")
    shown = visible(tags)
    assert shown and all(a["data-level"] == "error" for a in shown)
    assert len(shown) == sum(f["severity"] == "error" for f in found)
    category = found[0]["category"]
    tags, raw = dom(path, f"#category={category}")
    assert len(visible(tags)) == sum(f["category"] == category for f in found)
    assert f"Showing {len(visible(tags))} of {len(found)} findings." in raw
    tags, _ = dom(path, "#page=page-1")  # the most serious page first
    pages = [a for t, a in tags.tags if t == "section" and "data-page" in a]
    assert [p["data-page"] for p in pages if "hidden" not in p] == ["page-1"]
    tags, _ = dom(path, "#q=guaranteed")
    assert 0 < len(visible(tags)) < len(found)
    for attrs, text in tags.articles:  # the search keeps exactly the findings whose text has the words
        assert ("hidden" not in attrs) == ("guaranteed" in text.lower())


def test_page_level_findings_come_first_in_their_page(site):
    dense = ("Notwithstanding the considerable heterogeneity characterising contemporary dermatological "
             "interventions, practitioners increasingly recommend individualised multimodal rejuvenation "
             "protocols incorporating pharmacological, technological and procedural components simultaneously. ")
    (site / "dense.md").write_text("Our laser is completely painless.\n\n" + dense * 6 + "\n", encoding="utf-8")
    tags = parse(report("--min-level", "info"))
    order = [attrs["data-rule"] for attrs, text in tags.articles if "dense.md:" in text]
    assert "CC131" in order and order[0].startswith("CC4")  # readability before the painless claim on line 1
