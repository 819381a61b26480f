"""The treatment lexicon, the fact sheets built into the evidence rulebook, and
advice that names the treatment a claim is about (copycheck/reading/advice.py)."""
import re

import pytest
from click.testing import CliRunner

import claimrules
from claimrules import evidence as ev
from claimrules.topics import advice_slots, topics
from claimrules.yamllib import RulebookError, load_yaml
from copycheck.reading.advice import Advisor, Names, fill
from copycheck.cli import main
from copycheck.evidence.build import build
from helpers import ROOT, lint

PAGES = sorted((ROOT / "tests" / "pages").glob("*.md"))
TOPICS_FILE = ROOT / "claimrules" / "lexicon" / "topics.yaml"
EXAMPLES = load_yaml(TOPICS_FILE)["examples"]
PRACTICE = {"sessions", "duration", "safety", "downtime", "suitability", "practitioner", "regulation", "pain"}


@pytest.fixture(scope="module")
def base():
    return ev.read_file(ROOT / "claimrules" / "evidence.yaml")


def named(text):
    """The treatments a text names, by the lexicon."""
    return {name for name, p in topics().treatments.items() if p.search(text)}


# -- the lexicon --------------------------------------------------------------

@pytest.mark.parametrize("treatment", sorted(EXAMPLES))
def test_each_treatment_s_names_match_its_examples(treatment):
    pattern = topics().treatments[treatment]
    for text in EXAMPLES[treatment]["match"]:
        assert pattern.search(text), f"{treatment} should name: {text!r}"
    for text in EXAMPLES[treatment]["no_match"]:
        assert not pattern.search(text), f"{treatment} should not name: {text!r}"


def test_every_treatment_with_a_fact_sheet_has_examples(base):
    assert set(base.treatments()) - {"mesotherapy"} <= set(EXAMPLES)


def test_the_longer_name_wins_when_one_name_holds_another():
    found = [f for f in lint("Radiofrequency microneedling is completely painless.") if f.rule == "CC131"]
    assert found and found[0].parts["subject"] == "radiofrequency microneedling"


# -- the fact sheets ----------------------------------------------------------

def test_at_least_twenty_treatments_each_with_five_topics_backed_by_cited_statements(base):
    backed = {}
    for s in base.statements:
        if re.search(r"https?://", s.cite):  # a statement a reader can follow to its source
            backed.setdefault(s.treatment, set()).add(s.topic)
    full = {t for t, tps in backed.items() if len(tps) >= 5}
    assert len(full) >= 20, sorted(full)
    # and what clinics sell is among them
    for t in ("anti-wrinkle injections", "dermal fillers", "laser hair removal", "fat freezing", "weight-loss injections"):
        assert t in full


def test_every_fact_sheet_statement_names_a_public_source(base):
    sheets = [s for s in base.statements if s.source.startswith("seeds/facts/")]
    assert len(sheets) > 100
    for s in sheets:
        assert re.search(r'^.+, ".+" \(.+\), https?://\S+$', s.cite), (s.source, s.line, s.cite)
        assert not s.quote.endswith("]"), "the [key] marker is not part of the quote"


def test_every_fact_sheet_advice_slot_has_its_source(base):
    assert len(base.advice) >= 20
    for treatment, slots in base.advice.items():
        for slot, item in slots.items():
            assert slot in advice_slots()
            assert re.search(r"https?://", item["cite"]), (treatment, slot)


def test_a_fact_sheet_files_each_statement_under_its_heading_s_topic(base):
    by_topic = {(s.treatment, s.topic) for s in base.statements}
    assert ("laser hair removal", "sessions") in by_topic
    assert ("weight-loss injections", "weight loss") in by_topic  # an efficacy statement: its outcome's topic
    assert base.supported("weight-loss injections", "weight loss") == "direct"  # randomised trials
    assert base.supported("iv drips", "efficacy") == "none"  # the regulator found no robust evidence


SHEET = """---
title: "A sheet"
treatment: {treatment}
sources:
  nhs: {{title: "A page", publisher: "NHS", url: "https://www.nhs.uk/x/", date: "2026"}}
advice:
  {slot}: {{text: "a course of 3 sessions", source: nhs}}
---

# A sheet

## {heading}

- Most people need 3 sessions, a month apart. [{key}]
"""


@pytest.mark.parametrize("fields,line,needle", [
    (dict(treatment="laser hair remover"), 3, "unknown treatment 'laser hair remover'"),
    (dict(slot="coarse"), 7, "unknown advice slot 'coarse'"),
    (dict(heading="Schedule"), 12, "heading names a topic"),
    (dict(key="nhsx"), 14, "unknown source 'nhsx'"),
])
def test_a_broken_fact_sheet_is_one_error_naming_its_file_and_line(tmp_path, fields, line, needle):
    values = dict(treatment="laser hair removal", slot="course", heading="Sessions", key="nhs") | fields
    path = tmp_path / "sheet.md"
    path.write_text(SHEET.format(**values), encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        build([path])
    assert needle in str(err.value) and f"sheet.md:{line}:" in str(err.value)
    r = CliRunner().invoke(main, ["evidence", "build", str(path)])
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1


def test_a_team_s_fact_sheet_gives_its_treatment_advice(tmp_path):
    path = tmp_path / "sheet.md"
    path.write_text(SHEET.format(treatment="hydrafacial", slot="course", heading="Sessions", key="nhs"),
                    encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("HydraFacial gives results after just one session.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", "--no-config", str(page), "--evidence", str(path), "--show-evidence"])
    assert "The usual course of HydraFacial: a course of 3 sessions." in r.output
    assert '"Most people need 3 sessions, a month apart." (NHS, "A page" (2026), https://www.nhs.uk/x/)' in r.output


# -- advice -------------------------------------------------------------------

def test_fill_takes_the_first_template_whose_slots_are_all_given():
    templates = ("{Treatment} can cause {side_effects}; rarely, {serious}.", "{Treatment} can cause {side_effects}.")
    assert fill(templates, {"Treatment": "Peels", "side_effects": "redness"}) == "Peels can cause redness."
    assert fill(templates, {"Treatment": "Peels"}) is None


def test_the_copy_s_own_words_name_the_treatment():
    from copycheck import markup
    from copycheck.reading.claims import reader
    from copycheck.kinds import REGISTRY
    from copycheck.reading.scan import Scanner

    source = ("# Laser hair removal\n\nBook laser hair removal today. Our Botox is painless. "
              "Lip Fillers too. CoolSculpting freezes fat.")
    names = Names(topics().treatments, topics().brands, topics().prescription_only)
    for found in Scanner([], REGISTRY, reader()).blocks(markup.read(source, "markdown").blocks):
        names.add(found.block, found.named)
    end = len(source)
    assert names.words_for("laser hair removal", 5) == "laser hair removal"  # a heading's capital is lowered
    assert names.words_for("fat freezing", end) == "CoolSculpting"  # a brand keeps its capital
    assert names.words_for("dermal fillers", end) == "lip Fillers"
    # a prescription-only medicine is named by what it treats, never by name (CC242)
    assert names.words_for("anti-wrinkle injections", end) == "treatments for lines and wrinkles"
    assert names.words_for("hifu", 0) is None  # not on the page


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_no_finding_on_a_page_names_a_treatment_the_page_does_not(page):
    text = page.read_text(encoding="utf-8")
    findings = lint(text, page.name)
    claims = [f for f in findings if f.rule not in ("CC401", "CC402", "CC421")]
    assert len(claims) >= 6, [f.rule for f in claims]
    on_page = named(text)
    assert on_page
    for f in findings:
        said = " ".join([f.message, f.suggestion] + [e.quote for e in f.evidence])
        assert named(said) <= on_page, (f.rule, named(said) - on_page, said)
        assert "mesotherapy" not in said.lower()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_a_page_s_findings_quote_only_its_own_treatment_s_evidence(page):
    text = page.read_text(encoding="utf-8")
    on_page = named(text)
    for f in lint(text, page.name):
        for e in f.evidence:
            assert e.treatment in on_page, (f.rule, e.treatment)
        assert len(f.evidence) <= 3


GENERIC = [
    "This treatment is completely painless.", "There is no downtime at all.", "It is 100% safe.",
    "No side effects!", "Results are permanent.", "Suitable for everyone.", "Results after one session.",
    "The best clinic in town.", "Book now: 50% off, this week only.", "Risk-free.",
]


@pytest.mark.parametrize("text", GENERIC)
def test_with_no_treatment_in_reach_the_advice_names_none_and_invents_no_figure(text):
    found = [f for f in lint(text) if f.rule.startswith("CC1") or f.rule.startswith("CC2")]
    assert found
    for f in found:
        said = f.message + " " + f.suggestion
        assert named(said) == set(), (f.rule, said)
        bare = re.sub(r"\[[^\]]*\]", "", f.suggestion)  # [placeholders] are for the writer to fill
        assert not re.search(r"\d", bare), (f.rule, f.suggestion)  # no course, duration, price or figure
        assert f.evidence == ()


def test_every_built_in_rule_s_generic_wording_names_no_treatment():
    book = claimrules.load()
    for rule in book.rules.values():
        assert named(rule.suggestion) == set(), (rule.code, rule.suggestion)
        assert named(rule.message) == set(), (rule.code, rule.message)


def test_a_rule_s_advice_template_with_an_unknown_slot_names_its_line(tmp_path):
    src = (ROOT / "claimrules" / "rules" / "safety.yaml").read_text(encoding="utf-8")
    bad = src.replace("{Treatment} can cause {side_effects}.", "{Treatment} can cause {side_efects}.", 1)
    assert bad != src
    path = tmp_path / "team.yaml"
    path.write_text(bad.replace("code: CC1", "code: CC9"), encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        claimrules.load([path])
    assert "unknown slot 'side_efects'" in str(err.value) and "team.yaml:" in str(err.value)


def test_the_advisor_without_a_treatment_keeps_the_rule_s_own_words(base):
    rule = claimrules.load().rules["CC121"]
    message, suggestion, evidence = Advisor(base).advise(rule, None, None)
    assert (message, suggestion, evidence) == (rule.message, rule.suggestion, ())
    message, suggestion, evidence = Advisor(base).advise(rule, "fat freezing", "CoolSculpting")
    assert message.startswith("Absolute safety claim. CoolSculpting can cause numbness")
    assert "CoolSculpting" in suggestion and 0 < len(evidence) <= 3
    assert all(e.treatment == "fat freezing" for e in evidence)
