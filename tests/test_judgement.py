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


# False flags by class (stop 27, round 3): regulatory status, research with its source, how a treatment
# works, figures about a population, honest warnings and conditions. Each class has its risky forms below.
@pytest.mark.parametrize("text", [
    # regulatory status stated as fact
    "Tirzepatide is a weekly, FDA-approved medicine for type 2 diabetes.",
    "The diode laser has been FDA-cleared in the US for over fifteen years.",
    "The handpiece has been CE-marked since 2012.",
    "Our lip filler is CE-marked and licensed in the UK for lip augmentation.",
    "There are now more than 40 FDA-approved medicines for migraine.",
    "A pharmacy-made version may be offered if an MHRA-licensed medicine is out of stock.",
    "This foam is indicated for the treatment of adults with pattern thinning on the crown.",
    "The ASA noted that the two products were licensed treatments for acne.",
    "Marketers must not suggest that a laser works on every skin tone.",
    # research reported with its source
    "Weight-loss surgery has also been shown to improve blood sugar control[4].",
    "Gastric banding has also been shown to lower blood pressure in some patients[7].",
    "A 2019 review found that low iron can be linked to brittle nails.",
    "Several studies have found that low vitamin D is associated with hair shedding.",
    "The Royal College of Surgeons recommends a two-week wait before any cosmetic procedure.",
    "The safest way to confirm a food allergy is a supervised challenge, according to the national regulator.",
    "A mean 20% loss of fat thickness was recorded in the study group after six weeks.",
    "The right number of sessions for each condition has yet to be worked out.",
    # how a treatment works
    "The session runs long because the follicles are lifted out one at a time.",
    "A full arch of teeth can be restored with only four implants.",
    "Strong jaw muscles tend to wake up sooner than the fine muscles around the eyes.",
    "A lens that reduces or eliminates the need for reading glasses.",
    "Regulators are looking hard at poor practice on treatments like Botox.",
    # figures about a condition or a population
    "Roughly one in five people over sixty live with tinnitus.",
    "About a quarter of adults over seventy could benefit from a hearing aid.",
    "Bookings for vein treatment rose by 12% from 2018 to 2022.",
    "Eyelid surgery was the most common operation in the national audit, with 900 cases.",
    # honest warnings and conditions
    "Before anything is posted, a prescriber reviews whether the capsules are right and safe for you.",
    "Skipping the blood tests removes the monitoring that keeps hormone therapy safe.",
    "We follow national guidance so your care plan stays up to date and safe.",
    "Your pain-free eye examination.",
    "The glow from a first enzyme peel can last three or four days.",
    "Most clients keep the glow going by booking again every month or so.",
    "Implants are a permanent alternative to removable dentures.",
    "Untreated, many skin warts go away by themselves, though some linger for many months.",
    "The incision line softens over a year or so, but it rarely vanishes altogether.",
    "Our evening groups give women a relaxed place to talk about perimenopause.",
    "The cataract operation itself is short, usually under half an hour.",
    "Every implant shape has trade-offs, so your surgeon will help you choose the best one for you.",
    "Filler can look entirely natural when placed by an experienced, trained injector.",
    "Plenty of sleep medicines exist, though most are slow to make a difference.",
])
def test_honest_copy_by_class_stays_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


@pytest.mark.parametrize("text,code", [
    ("An FDA-approved laser for permanent results.", "CC202"),
    ("FDA-approved, so you know it works.", "CC202"),
    ("Our MHRA-approved device melts fat.", "CC202"),
    ("Our peel has been clinically shown to clear acne.", "CC101"),
    ("Nine in ten adults see smoother skin after our peel.", "CC191"),
    ("Tattoo ink fades by 90% after one session.", "CC191"),
    ("Laser treatment is painless.", "CC131"),
    ("Smoother skin after a single session.", "CC171"),
    ("A permanent solution for missing teeth.", "CC161"),
    ("Results last up to two years.", "CC162"),
    ("Bruising disappears completely in a day.", "CC141"),
    ("Incredibly quick results.", "CC113"),
    ("Our laser clears hair faster than any other.", "CC221"),
    ("Treated skin heals faster than other skin after our peel.", "CC221"),
    ("Our drip is highly effective for everyone.", "CC114"),
    ("Our IV drip helps with anxiety.", "CC116"),
    ("The most popular clinic in London.", "CC221"),
    ("Surgeons recommend our clinic.", "CC201"),
    ("Our cream removes wrinkles for good.", "CC111"),
    ("The treatment is completely safe for you.", "CC121"),
])
def test_risky_forms_beside_the_honest_classes_still_claim(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


# Research said to support with no study named, and testimonials offered as proof (stop 27, round 3).
@pytest.mark.parametrize("text,code", [
    ("Science supports the use of cryotherapy for recovery.", "CC102"),
    ("Research continues to support red light therapy for skin renewal.", "CC102"),
    ("Rigorous studies substantiate the benefits of this drip.", "CC102"),
    ("Microneedling is an evidence-based way to rebuild collagen.", "CC102"),
    ("Our IV drip has a long track record of healing tired skin.", "CC102"),
    ("The growing body of research supports ozone therapy.", "CC102"),
    ("There is strong scientific evidence that microneedling firms the skin.", "CC102"),
    ("The science behind IV drips is clear.", "CC102"),
    ("Decades of research support the benefits of cold plunges.", "CC102"),
    ("Clinical evidence backs up the benefits of PRP for hair.", "CC102"),
    ("Published trials validate our laser for acne scars.", "CC102"),
    ("User reviews confirm that the serum works.", "CC211"),
    ("Thousands of happy clients prove it works.", "CC211"),
    ("Our five-star reviews speak for the results.", "CC211"),
    ("Glowing testimonials show how well the peel works.", "CC211"),
])
def test_research_and_reviews_offered_as_proof_claim(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "Some research supports PRP for hair, but results vary.",
    "Limited research supports its use for hair loss.",
    "More research is needed to support these claims.",
    "Research does not yet support cupping for back pain.",
    "Evidence-based care means we follow national guidance.",
    "Our team gives evidence-based advice.",
    "Our reviews are on Google.",
    "The clinic has a long track record in cosmetic dentistry.",
    "We support research into skin cancer.",
    "Evidence supports a patch test before any peel.",
    "Regulators expect clinics to hold robust evidence to support any claim about drips.",
])
def test_research_weighed_or_named_stays_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


# A scope of most people does not hedge a boosted or absolute outcome; "some" still does (stop 27, round 3).
@pytest.mark.parametrize("text,code", [
    ("For most patients, six sessions completely clear acne.", "CC114"),
    ("For most people, the laser permanently removes unwanted hair.", "CC161"),
    ("In most cases the cream totally erases stretch marks.", "CC111"),
    ("Many clients see their cellulite vanish completely.", "CC111"),
    ("Our laser can permanently get rid of unwanted hair.", "CC161"),
    ("The peel can completely clear acne.", "CC114"),
    ("The treatment can remove hair for good.", "CC161"),
])
def test_a_broad_scope_does_not_hedge_an_absolute_claim(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "Most patients see some improvement after three sessions.",
    "Some patients see their acne clear completely.",
    "For some people, the laser permanently reduces hair.",
    "For most people, the peel brightens the skin.",
    "Most people notice smoother skin after a few sessions.",
    "Most people need a top-up every six months.",
    "For most patients, swelling settles within a week.",
    "For many people, hair growth is reduced after six sessions.",
])
def test_scoped_ordinary_outcomes_stay_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


# Comparisons with medicines, standard care and national averages; body-wide claims for manual
# therapies and devices (stop 27, round 3).
@pytest.mark.parametrize("text,code", [
    ("A drug-free alternative that works better than pills.", "CC221"),
    ("Our success rate is double the national average.", "CC221"),
    ("Our IVF success rates are higher than the national average.", "CC221"),
    ("Our pregnancy rate beats the national average.", "CC221"),
    ("Unlike medication that only masks symptoms, acupuncture treats the cause.", "CC221"),
    ("Instead of masking pain with drugs, we fix the problem.", "CC221"),
    ("Painkillers only mask the pain; our laser therapy heals it.", "CC221"),
    ("A needle-free option that works better than injections.", "CC221"),
    ("Cryotherapy affects every cell in your body.", "CC116"),
    ("Chiropractic adjustments boost the nervous system.", "CC116"),
    ("Our therapy treats pain at its root cause.", "CC116"),
    ("Massage flushes toxins from your muscles.", "CC116"),
    ("Chiropractic adjustments improve the function of every organ.", "CC116"),
    ("Red light therapy energises every cell.", "CC116"),
    ("Spinal care that strengthens your immune system.", "CC116"),
    ("Our drip flushes toxins from your body.", "CC116"),
])
def test_comparisons_with_medicine_and_body_wide_claims(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "The national average waiting time is eight weeks.",
    "Ask your GP whether painkillers are right for you.",
    "We look for the root cause of your pain before we treat.",
    "Every cell in your body needs water.",
    "Cold water can affect your heart, so tell us about any heart problems.",
    "Your liver clears toxins on its own; no drip is needed.",
    "Osteopathy is helpful in managing and treating neck pain and sciatica.",
])
def test_medicine_and_the_body_in_honest_copy_stay_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


# Round 4 (stop 28): classes taught by sweeps 35-44, written with our own sentences.
@pytest.mark.parametrize("text,code", [
    ("Our scalp tonic halts hair shedding.", "CC117"),
    ("This wrap melts away stubborn belly fat.", "CC117"),
    ("A shake that builds lean muscle in weeks.", "CC117"),
    ("The capsules lower blood pressure naturally.", "CC117"),
    ("Laser caps reawaken dormant follicles.", "CC117"),
    ("The perfect fix for every one of your skin worries.", "CC113"),
    ("After years of creams there is finally an answer for rosacea.", "CC113"),
    ("Cranial therapy eases reflux and glue ear in babies.", "CC116"),
    ("Our chamber helps with a wide range of chronic conditions.", "CC116"),
    ("Side effects are minimal.", "CC122"),
    ("There are no downsides to this peel.", "CC123"),
    ("A lift that leaves no visible scars.", "CC123"),
    ("There have been no reported cases of burns with our laser.", "CC121"),
    ("The evidence for our pellets is overwhelming.", "CC101"),
    ("It is the most extensively studied laser for veins.", "CC101"),
    ("I have had no migraines since my second session.", "CC211"),
    ("I've lost over two stone with the jabs.", "CC211"),
    ("Our laser is far more precise at sealing veins than any cream.", "CC221"),
    ("The newest and most powerful skin laser.", "CC221"),
    ("An industry-leading peel.", "CC221"),
    ("Acupuncture replaces painkillers for good.", "CC221"),
    ("This laser suits nearly all adults.", "CC181"),
    ("A clinically-proven implant system.", "CC101"),
])
def test_round_four_classes_claim(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "Finasteride can slow hair loss in some men.",
    "There are several ways to slow hair loss, and we explain each.",
    "It is sometimes prescribed for treating hair loss.",
    "Plasma can improve scalp health and boost hair growth.",  # "can" reaches the verb joined by "and"
    "Diet and exercise help to lower blood pressure.",
    "Your GP treats thyroid problems.",
    "We may help with reflux in some babies; see the study we link to.",
    "There is no magic solution for ageing skin.",
    "Side effects are minimal, such as a little redness for a day.",
    "The evidence for this drip is weak.",
    "Healing is slower in smokers than in non-smokers.",
    "Implants replace missing teeth.",
    "It is suitable for most adults in good health.",
    "I had some bruising for a week.",
    "The scar usually fades until it is almost invisible.",
])
def test_round_four_honest_copy_stays_quiet(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


# -- a short answer after a question (stop 29) --------------------------------------------------
# "No." ends a sentence unless a number follows ("No. 1"); a harm the question names with
# "these", "my" or "your" is there already, so "No" denies what is asked of it, not the harm.

@pytest.mark.parametrize("text", [
    "Are these marks scars? No. Marks fade over a week or two.",
    "Is it surgery? No. Bruising and swelling are common for a few days.",
    "Are these bumps lumps of filler? No.",
    "Is my redness a sign of infection? No, but call us if it spreads.",
    "Are your marks scars? No. Scars are raised or dented; marks are flat.",
    "See fig. 2 for the numbers. Bruising lasts a week.",
])
def test_a_short_answer_denies_only_what_it_answers(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


@pytest.mark.parametrize("text, code", [
    ("Is there any swelling afterwards? No.", "CC141"),
    ("Will I bruise? Never.", "CC141"),
    ("Voted the No. 1 clinic for peels.", "CC221"),
    ("Is it painful? Not at all.", "CC131"),
    ("Does the peel scar? No. Marks fade over a week or two.", "CC123"),  # the answer is about the peel
])
def test_a_short_answer_still_makes_its_claim(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


# -- a new predicate after "and"; words for when a harm comes; "the majority of" (stop 29) --------

@pytest.mark.parametrize("text, code", [
    ("The procedure is relatively quick and has no side effects.", "CC122"),
    ("It may help your skin and leaves no marks at all.", "CC141"),
    ("A filler is fairly affordable and carries no risk.", "CC123"),
    ("Surgery is done without any post-op pain.", "CC131"),
    ("There is no lingering redness after a peel.", "CC141"),
    ("You will have no post-operative swelling.", "CC141"),
])
def test_a_new_predicate_and_time_words_keep_the_denial(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text


@pytest.mark.parametrize("text", [
    "It is relatively quick and painless.",  # one predicate: the minimiser covers both adjectives
    "It may reduce swelling and leave no marks.",  # a bare verb stays under "may"
    "The majority of patients do not experience any complications.",
    "Most of our patients have no swelling after the first day.",
    "There is no unnecessary risk in waiting for a consultation.",
])
def test_a_qualifier_that_reaches_its_predicate_still_softens_it(text):
    assert not [f.rule for f in lint(text) if f.severity in ("warning", "error") and f.rule in
                ("CC122", "CC123", "CC131", "CC141")], text


# -- the condition's reach and the body's work are no claims about the treatment (stop 29) --------

@pytest.mark.parametrize("text", [
    "Hair loss is a common worry affecting people of all ages.",
    "Acne can strike at any age.",
    "Over time, the body naturally eliminates the broken-down ink.",
    "Your immune system then removes the shattered pigment.",
    "The skin gradually sheds the treated cells over a week.",
])
def test_the_condition_and_the_body_are_not_the_treatment(text):
    assert [f.rule for f in lint(text) if f.severity in ("warning", "error")] == [], text


@pytest.mark.parametrize("text, code", [
    ("Our peel works for people of all ages.", "CC181"),
    ("This laser eliminates tattoo ink.", "CC111"),
    ("Your skin will eliminate wrinkles.", "CC111"),
])
def test_the_treatment_itself_still_claims(text, code):
    assert code in [f.rule for f in lint(text) if f.severity in ("warning", "error")], text
