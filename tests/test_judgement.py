"""Context judgement: each cue, and the traps that must still be flagged."""
import pytest

from helpers import codes, lint


@pytest.mark.parametrize("text", [
    "Mesotherapy is not a miracle cure.",
    "Mesotherapy is not permanent.",
    "We never promise painless treatment.",
    "We cannot guarantee results.",
    "Mesotherapy isn’t painless.",  # curly apostrophe
])
def test_negation_drops(text):
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "Mesotherapy may help you get rid of dull skin.",
    "Some patients see visible results after the first session.",
    "Results vary, and some people notice long-lasting results.",
    "Mesotherapy can help eliminate dehydration in some cases.",
])
def test_hedges_drop(text):
    assert codes(text) == []


@pytest.mark.parametrize("text", [
    "Is mesotherapy painful?",
    "Is mesotherapy painless?",
    "Does mesotherapy give permanent results?",
    "Can mesotherapy stop hair loss?",
])
def test_yes_no_questions_drop(text):
    assert codes(text) == []


def test_wh_question_still_asserts_what_it_presupposes():
    assert codes("What are permanent fat-dissolving injections?") == ["CC161"]


@pytest.mark.parametrize("text", [
    "Proponents claim that mesotherapy is painless.",
    "Some clinics claim that results are permanent.",
    "The study reported no side effects in the subjects who completed the treatment.",
    "A study evaluating mesotherapy found that subjects showed a 10–15% improvement.",
    "Beware of clinics that promise instant results.",
    "It is a myth that mesotherapy is painless.",
])
def test_attribution_and_evidence_reports_drop(text):
    assert codes(text) == []


@pytest.mark.parametrize("text,code", [
    ("Our treatment is virtually painless.", "CC131"),
    ("There are generally no side effects.", "CC122"),
    ("Almost no swelling afterwards.", "CC141"),
    ("Mesotherapy is painless, but it may cause bruising.", "CC131"),  # the hedge is in another clause
    ("Painless. Results may vary.", "CC131"),  # the hedge is in another sentence
])
def test_traps_are_still_claims(text, code):
    assert code in codes(text)


def test_citation_lowers_a_number_one_level():
    plain = lint("Wrinkles fell by 43%.")
    cited = lint("Wrinkles fell by 43% (Smith 2021).")
    bracket = lint("Wrinkles fell by 43% [3].")
    assert [f.severity for f in plain if f.rule == "CC191"] == ["warning"]
    assert [f.severity for f in cited if f.rule == "CC191"] == ["info"]
    assert [f.severity for f in bracket if f.rule == "CC191"] == ["info"]


def test_citation_does_not_excuse_a_rule_that_does_not_take_it():
    assert [f.severity for f in lint("Painless (Smith 2021).")] == ["error"]


def test_negation_window_is_short_and_stops_at_clause_breaks():
    assert codes("We do not rush anyone, and the treatment is painless.") == ["CC131"]
    assert codes("This is not something we say lightly: it is totally painless for everyone here.") == ["CC131"]


def test_non_invasive_only_flagged_for_needles_in_the_same_sentence():
    assert codes("LED light is non-invasive. Mesotherapy uses needles.") == []
    assert codes("Non-invasive mesotherapy.") == ["CC124"]


@pytest.mark.parametrize("text", [
    'Claims like "painless" and "no downtime" are misleading.',
    "Avoid words such as 'permanent' in your copy.",
    "There's no such thing as a permanent filler.",
    'Terms like “clinically proven” need trials on people.',
])
def test_quoted_terms_and_denials_drop(text):
    assert codes(text) == []


def test_scare_quotes_still_claim():
    assert codes("Our treatment is 'painless'.") == ["CC131"]


@pytest.mark.parametrize("text", [
    'The leaflet stated "Our peel is clinically proven and completely safe".',
    'The banner read, "HALF PRICE PEELS. Offer ends Sunday".',  # the quotation holds two sentences
    'Wording such as "the most advanced laser", "painless" or "results guaranteed" is common.',
    'Ads that compare treatments need evidence that one outperforms the other.',
    'The complainant challenged whether the claim "no downtime" could be backed up.',
    "In a 2021 trial of 40 adults, researchers found that the peel improved fine lines.",  # cited evidence
])
def test_copy_quoted_by_a_report_of_it_drops(text):
    assert codes(text) == []


@pytest.mark.parametrize("text,code", [
    ('A client told us: "It was totally painless!"', "CC131"),  # a person's words: a testimonial
    ('Our promise: "clinically proven results".', "CC101"),  # the page's own copy in quotes
])
def test_quoted_words_of_a_person_or_of_the_page_still_claim(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    'Some clinics advertise "permanent" fat loss; new fat can still form.',
    "If a clinic tells you that a treatment works for everyone, ask for the evidence.",
    "There is no limited-time offer.",
])
def test_reported_claims_and_denials_in_discussion_drop(text):
    assert codes(text) == []


def test_one_no_does_not_negate_the_next_claim():
    assert codes("No side effects and no risk.") == ["CC122", "CC123"]


def test_a_claim_is_about_the_treatment_named_in_its_sentence():
    text = "Mesotherapy may improve skin texture. Fat-dissolving injections can reduce small areas of fat."
    assert "CC301" not in codes(text)  # fat-dissolving injections have no evidence documents here
    assert "CC301" in codes("Fat-dissolving injections are popular. Mesotherapy can reduce small areas of fat.")


# A question that invites takes its claim for granted; one that asks does not (stop 28).
@pytest.mark.parametrize("text", [
    "Ready for a pain-free wax alternative?",
    "Are you ready to wave goodbye to your double chin?",
    "Want to banish thread veins for good?",
    "Looking for a facial with zero downtime?",
    "Are you looking to erase the lines on your forehead?",
    "Fancy a peel that is completely painless?",
    "Dreaming of a wrinkle-free neck?",
    "Would you like results that last a lifetime?",
    "Do you want to get rid of stubborn belly fat?",
    "Why not treat yourself to brighter teeth in a single appointment?",
    "Who wouldn't want hair removal that doesn't hurt?",
    "Don't you deserve a smile makeover with no downtime?",
    "Interested in a needle-free lift that is totally risk-free?",
    "Isn't it time you said goodbye to cellulite for good?",
    "Need a scar-free way to tighten your tummy?",
    "Imagine never waxing your legs again?",
    "So, ready to get rid of your love handles?",
])
def test_a_question_that_invites_makes_its_claim(text):
    assert [f for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "Is a chemical peel painful?",
    "Will I need to take time off work?",
    "Do the results of lip filler last forever?",
    "Can a laser get rid of acne scars?",
    "Want to know whether threads are painless?",
    "Would you like to find out if the results are permanent?",
    "Curious whether microneedling hurts?",
    "Like a facial, is a skin booster permanent?",
    "After a peel, will there be any downtime?",
    "Do you need time off after a tummy tuck?",
    "Are you looking for a clinic close to home?",
    "How long does the numbness last?",
])
def test_a_question_that_asks_stays_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


# Speed and multipliers in any wording (stop 28).
@pytest.mark.parametrize("text,code", [
    ("Our clear trays straighten your smile 2x sooner.", "CC221"),
    ("The whitening strips stay on 8x longer.", "CC221"),
    ("This serum delivers four times more collagen than a cream.", "CC221"),
    ("Brows grow back twice as fast with our oil.", "CC221"),
    ("Straighter teeth in half the time.", "CC221"),
    ("Drop a dress size in ten days on our plan.", "CC172"),
    ("Lose half a stone in two weeks with the jab.", "CC172"),
    ("Visibly whiter teeth in three days.", "CC172"),
    ("The gel gets to work instantly on stains.", "CC172"),
    ("The patch works within minutes on tired eyes.", "CC172"),
    ("See smoother skin in just a few minutes.", "CC172"),
    ("Our wraps melt inches fast.", "CC172"),
    ("The cream rapidly clears pigmentation.", "CC172"),
])
def test_speed_and_multipliers_are_claims(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "People who smoke are three times more likely to develop complications.",
    "Swelling can take twice as long to settle on the lower legs.",
    "Apply the cream twice daily for a week.",
    "The numbing cream needs about thirty minutes to start working.",
    "Most sessions are over in under an hour.",
    "Each appointment takes around 45 minutes.",
])
def test_speed_words_in_honest_copy_stay_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


# Outcomes the reader missed although absolute or boosted: verbs, passives, adjectives, a feeling or a life (stop 28).
@pytest.mark.parametrize("text,code", [
    ("Our programme will totally solve your acne.", "CC111"),
    ("A peel that solves pigmentation once and for all.", "CC111"),
    ("The blue light can completely clear stubborn spots.", "CC114"),
    ("The adjustment realigns spinal subluxations.", "CC116"),
    ("Radial waves break down hardened scar tissue.", "CC111"),
    ("This jab fixes a gummy smile.", "CC111"),
    ("Your pores look visibly refined after one week.", "CC114"),
    ("The jawline becomes noticeably more defined.", "CC114"),
    ("The neck ends up dramatically tighter.", "CC114"),
    ("Sun spots simply fade away.", "CC111"),
    ("Your complexion is left flawless.", "CC111"),
    ("Get the figure you have always dreamed of.", "CC111"),
    ("The smile you deserve, at last.", "CC111"),
    ("Rediscover the confidence of your younger self.", "CC111"),
    ("Fall in love with your reflection again.", "CC111"),
    ("Look like yourself again with our eye lift.", "CC111"),
])
def test_outcomes_in_other_shapes_are_claims(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "The bruising fades away within a week or so.",
    "The pigment fades out over one to three years.",
    "We solve any booking problems by phone.",
    "Most people feel like themselves again after a fortnight of rest.",
    "We fix the date of your review at the first visit.",
    "Tell us about the look you want at your consultation.",
    "Once your skin becomes clearer, we lower the dose.",
])
def test_outcome_words_in_honest_copy_stay_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


# Headline shape: fragments without a verb, in capitals, read as their lower-case forms (stop 28).
@pytest.mark.parametrize("text", [
    "ZERO DISCOMFORT. ZERO RECOVERY TIME.",
    "NO SCALPEL. NO SCARRING. NO BRUISING.",
    "100% RESULTS",
    "FULLER LIPS IN ONE APPOINTMENT",
    "ERASE FROWN LINES FOR GOOD",
    "READY FOR A PAIN-FREE SMILE MAKEOVER?",
    "DOES IT HURT? NEVER.",
    "IS THE PEEL PAINFUL?",
    "MAY CAUSE REDNESS AND SWELLING FOR A DAY.",
    "SLIMMER THIGHS IN JUST FIVE DAYS",
    "THE NUMBER ONE LASER CLINIC IN THE COUNTY",
    "SAFE FOR EVERY SKIN TONE",
    "RESULTS VARY FROM PERSON TO PERSON.",
    "STAYS WHITE 3X LONGER",
    "CLINICALLY PROVEN TO FIRM THE NECK",
])
def test_capitals_read_as_lower_case(text):
    def found(t):
        return sorted(f.rule for f in lint(t) if f.severity in ("warning", "error"))

    assert found(text) == found(text.lower().capitalize()), text


# Honest copy by class: harms that can stay, durations and safety with their condition stated (stop 28).
@pytest.mark.parametrize("text", [
    "Bear in mind that no operation is 100% risk-free.",
    "No injectable is completely risk free.",
    "Some numbness is common, and it can occasionally be permanent.",
    "Loss of feeling around the scar may rarely become permanent.",
    "Altered sensation in the lip can remain permanent in a few cases.",
    "Given good hygiene and regular check-ups, crowns can last a lifetime.",
    "With careful aftercare, implants may last for life.",
    "Bonded retainers can stay in place for life if they are cared for.",
    "The gel is safe when applied as directed on the box.",
    "The laser is very safe if it is performed by a trained practitioner.",
    "These tablets are safe provided they are taken as prescribed.",
])
def test_honest_conditions_and_disclosures_stay_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


@pytest.mark.parametrize("text,code", [
    ("Our veneers last a lifetime.", "CC161"),
    ("Lip filler at our clinic is 100% risk-free.", "CC123"),
    ("The peel is completely safe when done by our team.", "CC121"),
    ("Results can be permanent.", "CC161"),
])
def test_the_same_words_without_their_condition_still_claim(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text
