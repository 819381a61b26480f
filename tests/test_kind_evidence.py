"""The evidence kind (CC301): a claim about a treatment's effect weighed against the evidence
rulebook; two steps above it the rule's level, one step a level lower."""
import pytest

from helpers import codes, lint


OVERSTATED = [
    ("Mesotherapy visibly erases wrinkles.", "wrinkles"),
    ("Our mesotherapy course improves fine lines around the eyes.", "wrinkles"),
    ("Mesotherapy restores skin texture in every client.", "skin texture"),
    ("Mesotherapy dramatically improves pore size.", "skin texture"),
    ("Mesotherapy melts away stubborn fat.", "fat reduction"),
    ("Mesotherapy may reduce localised fat.", "fat reduction"),
    ("Mesotherapy regrows hair.", "hair loss"),
    ("Meso injections treat alopecia.", "hair loss"),
    ("Mesotherapy reduces cellulite.", "cellulite"),
    ("Mesotherapy fades dark spots and pigmentation for good.", "pigmentation"),
]


AT_OR_BELOW = [
    "Mesotherapy may help the look of fine lines for some people; the evidence is limited.",
    "Some patients find mesotherapy may improve wrinkles a little.",
    "Mesotherapy can improve skin texture for some people; results vary.",
    "Mesotherapy may improve skin texture for some patients.",
    "Mesotherapy has not been shown to reduce fat.",
    "Mesotherapy may help with thinning hair in some people, but the evidence is limited.",
    "Mesotherapy can improve the appearance of cellulite for some people.",
    "Mesotherapy is not a treatment for pigmentation.",
]


@pytest.mark.parametrize("text,topic", OVERSTATED)
def test_overstated_claims_are_flagged_with_their_topic_and_evidence(text, topic):
    found = [f for f in lint(text) if f.rule == "CC301"]
    assert len(found) == 1, lint(text)
    assert f"about {topic};" in found[0].message
    assert found[0].evidence and all(e.source.startswith("seeds/") for e in found[0].evidence)


@pytest.mark.parametrize("text", AT_OR_BELOW)
def test_claims_at_or_below_the_evidence_are_quiet(text):
    assert "CC301" not in codes(text)


def test_removes_wrinkles_cites_000_and_003():
    f = [f for f in lint("Mesotherapy removes wrinkles.") if f.rule == "CC301"][0]
    # it replaces CC111 (an absolute outcome, an error) on the same words, and stands at its level
    assert f.severity == "error" and "CC111" not in codes("Mesotherapy removes wrinkles.")
    g = [f for f in lint("Mesotherapy reduces body fat.") if f.rule == "CC301"][0]
    assert g.severity == "warning"  # CC301's own level in YAML: two or more steps above the evidence
    assert {e.source[:9] for e in f.evidence} == {"seeds/000", "seeds/003"}
    assert f.suggestion.startswith('"Mesotherapy may help the appearance of fine lines')


def test_a_treatment_must_be_in_reach():
    assert "CC301" not in codes("Retinol removes wrinkles.")
    assert "CC301" in codes("# Mesotherapy\n\nIt removes wrinkles.\n")  # the heading puts it in reach


@pytest.mark.parametrize("text,code", [
    ("Mesotherapy is completely painless.", "CC131"),
    ("Mesotherapy: no side effects at all.", "CC122"),
    ("Mesotherapy with no downtime.", "CC141"),
    ("Mesotherapy is permanent.", "CC161"),
    ("Mesotherapy can be done with no need to go to the clinic.", "CC151"),
    ("Teeth whitening is suitable for everyone.", "CC181"),
    ("With Mounjaro there are no side effects.", "CC122"),
])
def test_practice_topics_flag_the_overstatement_and_cite_built_evidence(text, code):
    found = [f for f in lint(text) if f.rule == code]
    assert found and found[0].evidence
    assert all(e.source.startswith("seeds/") for e in found[0].evidence)


@pytest.mark.parametrize("text,code", [
    ("No side effects at all.", "CC122"),
    ("No downtime.", "CC141"),
    ("Suitable for everyone.", "CC181"),
])
def test_with_no_treatment_in_reach_a_finding_quotes_no_treatment_s_evidence(text, code):
    found = [f for f in lint(text) if f.rule == code]
    assert found and found[0].evidence == ()


@pytest.mark.parametrize("text", [
    "Most people feel mild discomfort, like a brief pinching; a numbing cream helps.",
    "Bruising and swelling are common and settle within a few days.",
    "Most people need a course of 4 to 6 sessions.",
    "Results last a few months; maintenance sessions keep them up.",
    "Mesotherapy should be given by a qualified practitioner.",
    "Your practitioner will check whether it is suitable for you.",
])
def test_practice_topics_are_quiet_at_what_the_evidence_supports(text):
    assert lint(text) == []


def test_one_step_above_the_evidence_is_one_level_below_the_rules_level():
    found = {f.match: f.severity for f in lint("Mesotherapy improves skin texture.") if f.rule == "CC301"}
    assert found == {"improves skin texture": "info"}


def test_levels_override_is_the_rule_level_judgement_moves(tmp_path):
    strong = [f for f in lint("Mesotherapy removes wrinkles.", levels={"CC301": "error"}) if f.rule == "CC301"]
    assert [f.severity for f in strong] == ["error"]
