"""Reading the right things on real site layouts: Hugo's TOML and JSON front matter,
.gitignore'd build output, files that are not copy, and pages in other languages."""
import json
import subprocess

from click.testing import CliRunner

import claimrules
from claimrules.yamllib import load_yaml
from copycheck.cli import main
from copycheck.source.language import detect, of
from helpers import lint

HUGO = '''+++
title = "Botox in Leeds: painless treatments"
title_tag = "Botox - Leeds clinic"
pricing_title = "Our prices"
draft = false
[[list_of_prices]]
title = "Forehead lines, painless"
price = "from 150"
+++

# Anti-wrinkle injections

Book a consultation with our nurse prescriber to talk it through.
'''


def test_hugo_toml_front_matter_reads_the_title_not_the_raw_toml():
    found = lint(HUGO, "page.md")
    assert [(f.rule, f.line, f.match) for f in found if f.rule == "CC131"] == [("CC131", 2, "painless")]
    assert not any(f.line in (3, 4, 7) for f in found)  # title_tag, pricing_title, a price table's title
    assert not any("=" in f.match or "[[" in f.match for f in found)
    assert not any(f.rule in ("CC401", "CC402") for f in found)  # no readability note on raw TOML


def test_json_front_matter_is_read_too():
    page = '{\n  "title": "Completely painless peels",\n  "weight": 3\n}\n\nA peel removes the top layer of skin.\n'
    found = lint(page, "page.md")
    assert [(f.rule, f.line, f.column) for f in found if f.rule == "CC131"] == [("CC131", 2, 24)]


def test_a_folder_walk_respects_gitignore_and_skips_files_that_are_not_copy(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("_site/\npublic/\n", encoding="utf-8")
    for d in ("_site", "public", "content"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "page.md").write_text("Completely painless.\n", encoding="utf-8")
    for name in ("LICENSE.txt", "requirements.txt", "robots.txt"):
        (tmp_path / name).write_text("Completely painless.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--isolated", ".", "--format", "json"])
    assert {f["path"] for f in json.loads(r.stdout)["findings"]} == {"content/page.md"}
    r = CliRunner().invoke(main, ["check", "--isolated", "--no-ignore", ".", "--format", "json"])
    assert {f["path"] for f in json.loads(r.stdout)["findings"]} == {"content/page.md", "_site/page.md", "public/page.md"}
    # a folder named on the command line is walked even if .gitignore'd, as ripgrep does
    r = CliRunner().invoke(main, ["check", "--isolated", "public", "--format", "json"])
    assert {f["path"] for f in json.loads(r.stdout)["findings"]} == {"public/page.md"}
    # a file named on the command line is checked whatever its name
    assert CliRunner().invoke(main, ["check", "--isolated", "robots.txt"]).exit_code == 1


FR = ("La plupart des patients ont une rougeur légère qui disparaît en un jour. Vous pouvez reprendre vos "
      "activités dans la journée, et nos praticiens sont là pour répondre à vos questions sur le traitement. "
      "Les résultats sont visibles après quelques semaines et ils durent plusieurs mois pour la plupart des gens.")
IT = ("La maggior parte dei pazienti ha un leggero rossore che scompare in un giorno. Non è un problema per il "
      "lavoro, e i nostri medici sono a disposizione per le domande sul trattamento, che è sicuro per tutti, "
      "con risultati che durano più di un anno per la maggior parte delle persone.")


def test_pages_not_in_english_are_skipped_and_counted(tmp_path, monkeypatch):
    (tmp_path / "fr.md").write_text(f"---\ntitle: Peeling\n---\n\n{FR}\n", encoding="utf-8")
    (tmp_path / "it.html").write_text(f'<html lang="it-IT"><body><p>{IT}</p></body></html>', encoding="utf-8")
    (tmp_path / "pt.md").write_text("---\nlang: pt-BR\n---\n\nTratamento seguro.\n", encoding="utf-8")
    (tmp_path / "en.md").write_text("Completely painless, with long words everywhere.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--isolated", "."])
    assert {line.split(":")[0] for line in r.stdout.splitlines() if line.count(":") > 2} == {"en.md"}
    assert "3 pages not in English skipped: fr 1, it 1, pt 1" in r.stdout
    doc = json.loads(CliRunner().invoke(main, ["check", "--isolated", ".", "--format", "json"]).stdout)
    assert doc["summary"]["not_english"] == {"fr": 1, "it": 1, "pt": 1}


def test_the_language_lexicon_s_examples_tell_their_language():
    data = load_yaml(claimrules.HERE / "lexicon" / "languages.yaml")
    for lang, examples in data["examples"].items():
        page = " ".join(examples * 4)  # a page's worth
        assert detect(page) == (None if lang == "en" else lang), lang
    assert of('<html lang="en-GB">', "html") == (None, "declared")
    assert detect("Painless.") is None  # too little to tell: English rules apply


def test_standard_input_takes_the_runner_s_path_with_its_notices(tmp_path, monkeypatch):
    # a page on standard input is skipped and counted as a file would be (one path: runner.check_one)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--isolated", "-", "--stdin-filename", "fr.md", "--format", "json"],
                           input=f"{FR}\n")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["summary"]["not_english"] == {"fr": 1}
    (tmp_path / "fr.md").write_text(f"{FR}\n", encoding="utf-8")
    on_disk = CliRunner().invoke(main, ["check", "--isolated", "fr.md", "--format", "json"])
    assert on_disk.stdout == r.stdout
