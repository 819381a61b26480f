"""The claim model: each sentence is read as a claim (predicate, polarity,
strength, scope, speech act), and rules fire on the parts, in any wording."""
import pytest

import claimrules
from claimrules.words import load_words
from copycheck.reading.claims import reader
from helpers import lint

WORDS = load_words()

# Sentences from issue 10 (written for it, not taken from any site), both ways.
FLAGGED = [
    "The injections are not painful at all.",
    "You won't feel a thing.",
    "Side effects are rare and always temporary.",
    "There is no risk of scarring.",
    "This peel has been shown to be highly effective.",
    "Microneedling helps reverse the signs of ageing.",
    "Acne scars can be erased with a course of treatments.",
    "It is the perfect alternative to a facelift.",
    "About thirty percent of the fat is removed in each session.",
    "Nine out of ten clients would recommend us.",
    "Science shows that collagen drinks firm the skin.",
    "Book now: only two slots left this week!",
    "Results in seven days or your money back.",
    "Cheaper than any other clinic in town.",
    '"I looked ten years younger after one session!" (a client, 41)',
    "Our results speak for themselves.",
    "The treatment is completely safe when done by our nurses.",
    # the same claims in other wordings, for other treatments
    "Our laser works on every skin and hair colour.",
    "The drip detoxes your body and strengthens your immune system.",
    "Clients feel the lift within minutes.",
    "Doctors agree it is the fastest way to recover.",
    "Fat freezing is totally comfortable.",
    "Lose a dress size with no effort.",
    # shapes found missing on pages written for treatments outside the development set
    "With no nasty side effects, it is the easiest way to slim down.",  # an adjective between the denial and the harm
    "Our lip fillers never cause lumps or swelling.",
    "The injections are so quick you will barely notice them.",
    "Drop two dress sizes in just four weeks.",
    "Most tattoos vanish after only two treatments.",
    "You can go back to work straight after, with no visible signs.",
    "Guaranteed to shed a stone in your first month.",
    "Patients typically see a 70% reduction in wrinkles.",
    "Our aesthetic team is the top-rated clinic in the county.",
    "Britain's favourite skin clinic, as voted by our patients.",
    "A facelift-like lift with no surgery.",
    "A deep peel wipes away sun spots and leaves baby-soft skin.",
    "Our gentle peels cause no irritation whatsoever.",
    "Everybody is a candidate, whatever their age.",
    "It works for every patient.",
    "Feel better instantly with a vitamin drip.",
    "Places on the programme are strictly limited.",
    "Book before Sunday to lock in the exclusive price.",
    "Thousands of happy clients can't be wrong.",
    "Stops thinning hair in its tracks.",
    "With our cannulas, bruising simply doesn't happen.",  # the denial after the harm
    "Swelling is never a problem after our lip treatments.",
    "A sharper jawline in under an hour.",
    "Smoother lines you will enjoy for years.",
    "Our injections burn stubborn fat while you sleep.",
    "Trusted by more than 5,000 clients.",
    "As featured in the national press, our clinic is booked for months.",
    "Thanks to our method you will never need to worry about bruising.",
    "No other clinic gets results like these.",
    "Our FDA-approved laser means you are in safe hands.",
    '"My acne scars are completely gone!" says Anna.',
    "- Tighter skin from the very first day",
    "Fresh, glowing skin after a single express facial.",
    "A perfect nose, no surgery needed.",
    "Dr Khan is the country's most trusted injector.",  # a ranking needs no treatment word
    "Voted number one clinic by our readers.",
    "Influencers trust us with their lips.",
    # what regulators said a hedge does not cure, and other kinds of claim
    "This drip may help shield you against winter viruses.",
    "There have been no reported cases of infection at our clinic.",
    "Clinic-grade laser hair removal at home.",
    "Your dream jawline has never been easier.",
    "Meet Sam, whose life was transformed by our weight-loss programme.",
    "Enter our giveaway to win a free skin booster treatment!",
    "## Bye-bye jowls",
    "Smoother, tighter skin is just one session away.",
    "The laser clears spots without harming the skin around them.",
    "Your skin is left completely unharmed.",
    "Our injections reset your metabolism.",
    "Lasting weight loss with our programme.",
    "You will look fresher, tighter and more radiant after the very first session.",  # the result is in the sentence
    "Nobody will know you have had anything done.",
    "Right away - you walk out looking rested.",
    "A safer alternative to fillers.",
    "The results of a facelift, with no scalpel.",
    "NHS-approved skin treatments.",
    "Recommended by pharmacists nationwide.",
    "Clearer skin within 48 hours.",
    "Our reviews prove it works.",
    "Clearer skin in as little as one visit.",
    "Our peels work faster than any other clinic's.",
    "Fast weight loss with weekly injections.",
    "It reactivates tired hair follicles.",
    "Firmer arms without breaking a sweat.",
    "Scarless eyelid surgery.",
    "Whiter teeth after just one visit.",
    "It isn't painful, permanent or risk-free.",  # the first item is the claim; the list after it is denied
    "No downtime, safe and effective.",  # a determiner's denial does not carry over a list
    "The only serum you'll ever need.",
    "Feel the difference from your very first dose.",
    "Rated excellent by over 3,000 happy clients.",
    # shapes of batches 17 and 18 (permanence told with "never ... again", parity with surgery)
    "With one course you will never have to wax your top lip again.",
    "Thread veins gone in a single session, and they will not come back.",
    "Lifts the jowls as effectively as a neck lift, with no stitches.",
    "Each session is equivalent to five hours in the gym.",
    "The scar cream that works where everything else has failed.",
    "Brighter teeth with no sensitivity whatsoever.",
    # batch 19: conditions as targets, an elliptical claim, counts of users, medicinal claims
    "Fuller lashes and stronger brows, guaranteed.",  # the predicate alone reads the sentence it ends
    "Our insoles put an end to heel pain.",
    "These ear drops cure tinnitus in a fortnight.",
    "The face cream chosen by two million women.",
    "Our herbal tea soothes eczema and calms panic attacks.",
    "A new nose in a single operation.",
    # batch 21: answers to a question, bare ages, endorsements without an object
    "Will it leave a scar? Never.",
    "Is the laser safe? Absolutely.",
    "Does the peel sting? Not at all, it feels like a warm breeze.",
    "Caption: fifteen years younger after a course of peels.",
    "The cleanser facialists swear by.",
    "Our resurfacing laser works on every skin type.",
    "How fast will I see a change? Straight away - you walk out with brighter skin.",  # an exception stays in its sentence
    "No one will ever notice you have had anything done.",
    # batch 22: facts lines, multiplied comparisons, a guaranteed duration
    "Recovery time: nil",
    "Side effects: none",
    "Our peel works four times faster than a scrub.",
    "Guaranteed to last six months.",
    # batch 24: the idioms and metaphors of marketing
    "Wave goodbye to love handles.",
    "An elixir of youth for tired skin.",
    "Nature's facelift in a jar.",
    "It is like having a nose job, only without the operation.",
    # shapes seen in public clinic pages (re-worded)
    "Favoured by beauty editors and models alike.",
    "The peel that shaved ten years off my mother's face.",
    "Our laser is so powerful that one course is all you need.",
    "Smoother skin with only a single application of the gel.",
    "No scarring, bruising or swelling afterwards.",  # a determiner's denial reaches a list joined by "or"
    "Our drip has you feeling better in a fraction of the time.",
    "Rapid relief from back pain with our shockwave sessions.",
    "Nutrients reach your cells faster and more efficiently than tablets.",
    # from public HIFU pages (re-worded)
    "With our peel there are no needles, no incisions and no downtime.",  # a list of denials, each its own
    "It is popular mostly thanks to the fact that it is the most advanced peel in Leeds.",
    "Regarded as the world's most effective skin tightening device.",
    "One of the most highly rated lip treatments in the city.",
    "A firmer jawline with effects lasting upwards of three years.",
    # from public weight-loss pages (re-worded)
    "The jab everyone is talking about, helping you shed pounds easily.",
    "Our programme is the quick and simple way to drop a dress size.",
    "The stars have been using it for years.",
    # from public laser pages (re-worded)
    "The fastest way to remove leg hair.",
    "Our laser safely clears hair on every colour of skin.",
    "Platelet-rich plasma restores natural hair growth.",  # weighed against PRP's evidence, still an absolute claim
    "Our frown-line injections leave the forehead completely line-free.",
    # batch 25 (first seen after this stop's fixes)
    "A peel so strong it rebuilds the skin in a week.",
    "Patients tell us their stretch marks have all but vanished.",
    "Twenty minutes of toning does the work of six gym sessions.",
    "The ice chamber reduces inflammation and speeds up healing.",
    "Say bye to spider veins for ever.",
    # from public anti-wrinkle pages (re-worded)
    "Known to our clients as the line eraser.",
    "Quick, easy and affordable, with no healing period at all.",
    "After just a few minutes your forehead lines are smoother.",
    "Some clients report amazing results after their course of peels.",  # a report offered as evidence, however many
    "Statistics reveal that our whitening lifts teeth by several shades.",
    "You can rest assured of a smooth complexion after our peel.",
    "Skin left free of blemishes and breakouts.",
    "How can a peel be this safe? Our nurses make it completely safe.",  # a how-question asks; the answer claims
    "This pen is a real game-changer for weight loss.",
    "Our peels are grabbing headlines across the country.",
    # stop 26, first-seen batch 27 (re-worded): youth restored, medicinal healing, surgery avoided
    "Our LED sessions bring tired cells back to a youthful state.",
    "Wake up feeling years younger after each infusion.",
    "Firmer skin from your very first facial.",
    "This balm heals eczema and rosacea from within.",
    "Cold water therapy speeds up recovery from sports injuries.",
    "Injections that rebuild damaged tendons.",
    "Our gel injections mean you can avoid a hip replacement.",
    "A toned waist without even lifting a finger.",
    "Once treated, the spider veins never reappear.",
    "Our tanning drops shield your skin against burning.",
    "Sunbeds without the UV and guaranteed golden skin.",  # "without" does not reach past "and"
    "Our serum restores your thinning hair.",
    "Honestly, the whole thing is pretty painless.",  # "pretty" is no minimiser
    # stop 26, first-seen batch 28 (re-worded)
    "This is the cream that will finally fix your breakouts.",
    "The results were nothing less than spectacular.",  # "nothing less than" denies nothing
    "The last skincare plan you will ever need.",
    "Skin left free of every flaw and spot.",
    "Never wax, thread or tweeze again.",
    "Wash the years away with our hydrating facial.",
    "Clear your skin once and for all.",
    # stop 26, first-seen batch 29 (re-worded)
    "Head back to the office the same afternoon and no one will be the wiser.",
    '"My stretch marks look like they were never there." - a client',
    "Our scalp therapy works at any stage of balding.",
    "Zero side effects, and the lift is permanent.",  # a harm denied beside a permanent result
    # stop 26, first-seen batch 31 (re-worded): sellers' listings
    "Your 10-minute facelift, right at home.",
    "Used by celebrity make-up artists and loved by 500,000 happy customers.",
    "The cream dermatologists don't want you to find out about.",
    "Blast stubborn tummy fat around the clock.",
    "This gel makes stretch marks vanish, even old ones.",
    # stop 26, from public weight-loss and IV-drip pages read here (re-worded)
    "Our weekly injection is the most potent on the market.",
    "Weight loss with our plan far exceeds the results of older diet pills.",
    "Faster recovery and better skin are seen with our drip as compared to oral vitamins.",
    "A scientifically supported way to feel your best.",
    # stop 26, first-seen batch 32 (re-worded): med-spa offers
    "Bring three friends to our filler party and everyone gets €30 off.",
    # stop 26, first-seen batch 33 (re-worded)
    "Powder brows that never need a touch-up.",
    # stop 26, from public hydrafacial pages read here (re-worded)
    "This serum has long been known to boost radiance.",
    # stop 26, from public anti-wrinkle pages read here (re-worded)
    "Injections are also used to treat tension headaches and double vision.",
    "Our laser is the best possible answer to unwanted hair.",  # "best possible" hedges nothing
    # stop 26, first-seen batch 34 (re-worded)
    "This peel resets tired complexions.",
    "Contouring once only possible through surgery, now in a 30-minute visit.",
    # stop 27, classes from sweeps 35 and 36 (re-worded, never copied): relief and body functions
    "Our B12 shots give you more energy and a faster metabolism.",
    "Patients feel a lift in mood and a higher sex drive after the course.",
    "The peptide protocol supports the gut, skin, joints and sleep.",
    "Ketamine infusions relieve long-standing depression.",
    "This drip may help the liver, kidneys and immune system recover.",
    # stop 27: rarity and minimised risk
    "With a skilled surgeon, problems after implants are extremely uncommon.",
    "Side effects scarcely ever occur after our peels.",
    "Choose a very low-risk route to a slimmer waist.",
    "Veneers are a low-risk fix for a chipped smile.",
    "Our method is kinder on your body than a traditional lift.",
    # stop 27: back to normal life at once
    "Nip back to your desk right after the session.",
    "You will get on with your usual day immediately.",
    "There is no particular aftercare to worry about.",
    "No days off work are needed.",
    # stop 27: speed as a count
    "Three quick visits and you're sorted.",
    "Straighter teeth take only two appointments.",
    "This jab can help the pounds drop off from your first injection.",
    "Weeks of work on your smile, shortened to one visit.",
    # stop 27: universal scope in other words
    "Irrespective of your skin tone, the laser works.",
    "No matter how old you are, this lift will suit you.",
    "A treatment for all body types.",
    # stop 27: comparisons and uniqueness
    "Our pellets, unlike oral medications, release steadily.",
    "The town's go-to practice for implants.",
    "A one-of-a-kind device for thinning hair.",
    "We are the only dental team near Leeds that uses this scanner.",
    "Crowns for half the price you would pay in London.",
    "Many other surgeons cut corners on aftercare.",
    # stop 27: no professional needed
    "Brighter teeth without having to visit the dentist.",
    "Skip those trips to the orthodontist.",
    # stop 27: a figure with a vague source is a figure with no source
    "According to statistics, 85% of our grafts take.",
    "According to experts, eight in ten clients keep their results.",
    "Surveys show our drip lifts energy for most people.",
]

QUIET = [
    # stop 26, from public news pages read here (re-worded)
    "Official figures show that complaints about lip filler have doubled in two years.",
    "It has been reported that injectables make up 80% of the non-surgical market.",
    "Expression lines come from the muscles immediately beneath the skin.",
    "The toxin stops nerve signals reaching the muscle, so it relaxes for a few months.",
    "The most effective areas to treat are the forehead and the frown.",
    "Regular sessions may help prevent deep permanent creases forming.",
    "The frown lines soften and then fade over the following week.",
    # stop 26, from public dermaplaning and tattoo-removal pages read here (re-worded)
    "Removing the dull, dead skin on the surface lets serums sink in.",
    "Shaving the face temporarily removes fine hair, which grows back as before.",
    "We treat all skin types apart from skin with active acne.",
    "Yellow inks are stubborn, and a few tattoos never fade entirely.",
    "Threads give a less dramatic lift than a facelift, and it fades within a year or two.",
    # stop 26, first-seen batch 30 (re-worded): honest copy that was flagged
    "Bad reactions are rare, yet they can become permanent, such as scarring or nerve injury.",
    "Does it always work? No - roughly one in four patients see little difference.",
    "We will never promise you that it is painless, because it often stings.",
    "Most clients go back to work the next day, with a little redness.",
    "The heat of the arc removes moisture from the top layer of skin.",  # mechanism, not outcome
    "The plasma arc removes old collagen so that fresh skin fibres can form.",
    "Our laser can help even out redness, refine pores and remove brown spots.",  # "can help" heads the list
    "Light therapy can calm breakouts, settle redness, and clear acne marks.",
    "Fillers restore lost volume to hollow temples.",
    "Laser sessions restore a more even tone to sun-damaged skin.",
    "The lift lasts only as long as the filler, about a year.",
    "Your skin heals within five to seven days.",
    "Shield your skin from burning with a broad-spectrum sunscreen.",
    "A younger colleague may see you for the review.",
    "We offer no quick fix and no promise of permanent results.",
    "There is no guarantee of results and no miracle here.",
    "This treatment is not a miracle cure, and results are not permanent.",
    "Laser resurfacing will not give you flawless skin overnight.",
    "If you expect permanent results from one session, this treatment is not for you.",
    "Is microneedling painful? Most people feel some discomfort, so we use a numbing cream.",
    "There is usually some swelling for a day or two.",
    "A 2019 review of eleven trials (J Cosmet Dermatol 18:1-9) found a modest improvement in elasticity.",
    "Some websites claim that fat freezing is painless; in our experience the first minutes are uncomfortable.",
    "No treatment is right for everyone.",
    "Eliminate allocations in the hot loop to make the server 40% faster.",
    "We guarantee delivery of your parcel within two days.",
    "You can ask us to erase your personal data at any time.",
    "The best time to book is a week before your event.",
    "Up to 20% of patients report mild bruising (product leaflet, 2023).",
    # honest shapes that share words with claims
    "Stopping the medicine lets your appetite come back.",
    "The evidence that vitamin drips raise energy in healthy adults is weak.",
    "Myth 2: It is painless.",
    "That fillers are permanent is a common myth.",
    "Numbness in the treated area can last several weeks.",
    "Up to 20% of people may get mild bruising.",
    "Small bumps where the needle went in usually settle within a day.",
    "Most people need two to four treatments for the best result.",
    "It reduces the visible signs of ageing for some people.",
    "Bruising does not happen often, but it can.",
    "Small burns are rare when the settings suit your skin.",
    "The laser we use is CE-marked for the treatment of thread veins.",
    "Dr Khan trained at the best hospitals in London.",
    "The best time to visit us in London is a weekday morning.",
    "Our nurses use sterile single-use needles to protect you from infection.",
    "The change from a light peel is temporary.",
    "Vitamin drips are not a treatment for colds or flu.",
    "Some people lose hair for a few weeks after the injections.",
    "This is not a quick fix: real change takes a course of treatment.",
    "Dr Osei trained with some of the best surgeons in Manchester.",
    "He studied under leading dermatologists in Vienna.",
    "Microneedling is one of the most popular treatments we offer.",
    "Prices fall by 15% when you book a course of three.",
    "Your skin may feel tighter after the first session.",
    "Bruising usually settles within 48 hours.",
    "No one treatment suits every face.",
    "Your skin heals within a week.",
    "Swelling goes down faster than you might think.",
    "Laser hair removal is not permanent, risk-free or suitable for everyone.",
    "It should never be called permanent, scarless or suitable for all skin types.",
    "Products above 0.1% hydrogen peroxide may not be used on anyone under 18.",
    "Hair transplants should not be described as painless, scarless or non-invasive.",
    "Vitamin D is prescribed when a blood test shows a proven deficiency.",
    "Never apply the numbing cream again if your skin reacts to it.",
    "Some people notice tooth sensitivity for a day or two after whitening.",
    "Botox for migraine is offered on the NHS when other treatments have failed.",
    "Tell your nurse straight away if the area turns pale or your vision changes.",
    "Each course ends with a review of your skin.",
    "The finance offer on laser treatments ends on Sunday.",
    "We aim for soft, natural lips, guaranteed to be checked at your review.",
    "Does it sting? A little, for the first minute.",
    "Is it permanent? No, the results fade over a year or so.",
    "No injection is ever without risk, however skilled the injector.",
    "We would never describe a laser treatment as painless.",
    "The regulator ruled that calling the peel risk-free was misleading.",
    "Recovery time: two to three days",
    "Side effects: redness and swelling for a day",
    "Results usually last six to nine months.",
    "Surgery works best when you are near your ideal weight.",
    "A facelift is a bigger operation than a neck lift.",
    "Over the following weeks the treated cells are broken down and eliminated.",
    "Drips are often promoted as a hangover cure, but the evidence is thin.",
    "Some clinics offer drips that claim to strengthen your immune system.",
    "People book drips in the hope of fighting off winter colds.",
    "Experts doubt the alleged benefits of vitamin infusions for skin.",
    "Surgeons recommend this lift only for mild sagging.",
    "The ultimate result will take three months to show.",
    "Figures from the Office for National Statistics show that 26% of adults in England are obese.",
    # from public NHS-style and advice pages (re-worded)
    "Being non-surgical does not make a peel without risk.",
    "Use our checklist to find a qualified and safe practitioner near you.",
    "A peel uses acid to remove the top layer of the skin.",
    "Implants come in two kinds, temporary and permanent.",
    "Rarely, a filler in a blood vessel can leave someone permanently blind.",
    "Our laser permanently reduces hair growth over a course of sessions; some hairs grow back.",
    "There are many ways of removing unwanted hair, from razors to creams.",
    "We store your records safely and securely.",
    "The best filler and the amount to use will be chosen at your consultation.",
    "Over the next weeks the treated fat cells gradually dissolve.",
    "Fat freezing removes less fat than liposuction.",
    # batch 26, a hunt for false flags (re-worded)
    "Look for proven expertise: ask how often your injector does this.",
    "The first visit is a conversation, with no pain and no needles.",
    "Safe handling of sharps is part of our training.",
    "Hair regrowth after the course takes several months and varies.",
    "It is safe to shower the same evening.",
    "A deep peel eliminates the outer layer of skin cells, so the skin is raw for days.",
    "How safe is laser hair removal on dark skin?",
    "How painful is microneedling, and what can help?",
    "You can be sure that we will explain every risk before you decide.",
    # stop 27: a condition's symptoms, or a tempered claim of what a medicine does
    "HRT can ease hot flushes and night sweats for many women.",
    "Low testosterone may cause low mood, poor sleep and reduced libido.",
    "The aim of the vitamins in the drip is to support energy levels.",
    "Oestrogen falls in midlife, and this affects bones, skin and mood.",
    "Infections are uncommon, but they can happen, so we check the site a week later.",
    "While serious reactions are unusual, your nurse will explain each one.",
    "Side effects rarely occur; when they do, they include headaches and redness.",
    "Compared with surgery it is a relatively low-risk procedure.",
    "Most people return to their desk after a week of rest.",
    "Special care of the grafts is needed for the first ten days.",
    "Most people need four to six sessions, a month apart.",
    "Some clients only need two sessions, but most go on to have more.",
    "We take a full medical history, whatever your age.",
    "Regardless of your skin type, a patch test comes first.",
    "A third of people get some bruising after fillers.",
    "The only way to know if you are a candidate is a consultation.",
    "Your orthodontist reviews each stage of your aligners.",
    # stop 27: figures about a condition, not a treatment
    "Muscle mass tends to fall by around 3% each decade after forty.",
    "Thinning hair affects as many as 50% of women at some point.",
    "Around 10% of adults over sixty live with sleep apnoea.",
    "Apnoea is diagnosed when there is more than a 90% drop in airflow.",
]


def flags(text, filename="t.md"):
    return [f for f in lint(text, filename) if f.severity in ("warning", "error")]


@pytest.mark.parametrize("text", FLAGGED)
def test_overclaims_in_any_wording_are_flagged(text):
    assert flags(text), text


@pytest.mark.parametrize("text", QUIET)
def test_honest_and_off_domain_copy_is_quiet(text):
    assert flags(text) == [], [(f.rule, f.match) for f in flags(text)]


# The same harm, asserted and denied: what a denial means depends on the class.
@pytest.mark.parametrize("text,code", [
    ("The peel stings for a minute.", None),
    ("The peel does not sting.", "CC131"),
    ("You may notice some bruising.", None),
    ("You will have no bruising.", "CC141"),
    ("Our lasers can cause burns if misused.", None),
    ("Our lasers never cause burns.", "CC123"),
    ("It is not permanent.", None),
    ("It is permanent.", "CC161"),
])
def test_polarity_flips_by_class(text, code):
    found = [f.rule for f in flags(text)]
    assert found == ([code] if code else []), found


def test_the_json_parts_say_why():
    f = next(f for f in lint("Honestly, this laser is completely painless.") if f.rule == "CC131")
    assert f.parts == {"predicate": "pain", "polarity": "denied", "strength": "boosted", "scope": "specific",
                       "speech": "assertion", "subject": "laser treatments"}


def test_hedges_cap_strength_and_boosters_raise_it():
    def strength(text):
        return next(f.parts["strength"] for f in lint(text, select=("CC114", "CC111")) if f.parts)

    assert strength("It dramatically lifts sagging skin.") == "boosted"
    assert strength("It can completely erase stretch marks.") == "boosted"
    assert strength("Fillers erase lines.") == "boosted"
    assert strength("Fillers can erase lines.") == "qualified"
    assert [f.rule for f in lint("Fillers may erase lines.", select=("CC111",))] == []


def test_a_question_a_condition_and_an_expectation_are_not_claims():
    for text in ("Painless?", "Is laser hair removal permanent?", "If it were painless, we would say so.",
                 "Clients who expect instant results are often disappointed."):
        assert flags(text) == [], text
    # a wh-question still asserts what it takes for granted
    assert [f.rule for f in flags("Why are our permanent results so popular?")] == ["CC161"]


def test_unnamed_research_is_proof_even_when_hedged_and_a_named_one_is_lowered():
    assert [f.rule for f in flags("Research shows that this serum may tighten the skin.")] == ["CC102"]
    cited = [f for f in lint("Research shows that this serum may tighten the skin (Lee et al., 2020).")
             if f.rule == "CC102"]
    assert [f.severity for f in cited] == ["warning"]  # one level below the rule's error


def test_numbers_in_words_need_a_source():
    assert [f.rule for f in flags("Around forty percent of clients see lighter spots.")] == ["CC191"]
    assert [f.severity for f in lint("Around forty percent of clients see lighter spots (Patel, 2022).")
            if f.rule == "CC191"] == ["info"]


def test_a_denial_about_another_treatments_harms_is_a_comparison():
    assert flags("A softer look without the risks of surgery.") == []
    assert [f.rule for f in flags("A softer look without any risks.")] == ["CC123"]


# Word classes: every class has examples, run here through the scan and the reader: in a
# `match` sentence a claim of the class is read, in a `no_match` sentence none is.
CLASS_CASES = [(name, ex, True) for name, wc in WORDS.classes.items() for ex in wc.examples_match] + [
    (name, ex, False) for name, wc in WORDS.classes.items() for ex in wc.examples_no_match]


@pytest.fixture(scope="module")
def scan():
    from copycheck.config import Settings
    from copycheck.kinds import REGISTRY
    from copycheck.linter import Linter
    from copycheck import markup

    linter = Linter(claimrules.load(kinds=REGISTRY), Settings())

    from copycheck.reading.sentences import Sentences

    def classes(text):
        found = set()
        for s in linter.scanner.blocks(markup.read(text, "text").blocks):
            sentences = Sentences(s.block.text, frozenset())
            found |= {c.predicate for c in reader().read(s.block.text, sentences, s.words, s.named, [])}
        return found

    return classes


@pytest.mark.parametrize("name,example,found", CLASS_CASES, ids=lambda v: str(v)[:30])
def test_word_class_examples(scan, name, example, found):
    assert (name in scan(example)) == found, (name, example)


def test_every_word_class_has_examples_both_ways():
    for name, wc in WORDS.classes.items():
        assert wc.examples_match and wc.examples_no_match, name


def test_the_strength_scale_is_the_one_of_scales_yaml():
    from claimrules.evidence import strengths
    from claimrules.words import STRENGTHS as WORD_STRENGTHS

    assert strengths() == WORD_STRENGTHS
    from claimrules.model import BOOSTED, DIRECT, HEDGED, NONE, QUALIFIED  # the steps the reader names

    assert [NONE, HEDGED, QUALIFIED, DIRECT, BOOSTED] == [strengths().index(step) for step in
                                                         ("none", "hedged", "qualified", "direct", "boosted")]


def test_claim_rules_name_known_classes_and_every_class_is_used_or_a_benefit():
    book = claimrules.load()
    used = {p for r in book.rules.values() for spec in r.claim for p in spec.predicates}
    assert used <= set(WORDS.classes)
    assert set(WORDS.classes) - used <= {"outcome", "evaluation", "resolution", "hype"} | used


def test_reader_reads_each_candidate_once_and_only_candidates():
    r = reader()
    from copycheck.reading.sentences import Sentences

    text = "Painless and quick. Book a visit."
    claims = r.read(text, Sentences(text, frozenset()), [("pain", 0, 8, True)], [], [])
    assert [(c.predicate, c.polarity) for c in claims] == [("pain", "denied")]


def test_a_purpose_is_about_risk_and_a_result_after_to_is_still_claimed():
    assert flags("We check your history to make sure there are no contraindications.") == []
    assert flags("We cool the skin to reduce the risk of burns.") == []
    assert {f.rule for f in flags("Shown to reduce fat by 25% in just one session!")} >= {"CC191", "CC171"}


def test_a_quoted_result_in_the_first_person_is_a_testimonial():
    found = {f.rule for f in flags('"I dropped two dress sizes after one treatment!" says one client.')}
    assert found == {"CC211"}  # the size and the single treatment: two claims of one testimonial


def test_a_legal_page_and_a_bio_get_no_claim_findings():
    privacy = ("---\ntitle: Privacy policy\n---\nWe guarantee that your records are protected. You can ask us "
               "to erase any personal data about your treatment. 100% of records are encrypted.\n")
    assert flags(privacy, "privacy.md") == []
    bio = ("# Our team\n\nDr Lee is one of our top surgeons, trained at the best hospitals in Leeds, and "
           "shows clients the best exercises for posture.\n\nSafe for all skin types? Not quite: we test first.\n")
    assert flags(bio, "team.md") == []
    # the same words about a treatment are claims
    assert flags("# Our peels\n\nOur peel is completely safe for all skin types.\n", "peels.md")


def test_a_software_page_gets_no_claim_findings():
    page = ("# Faster builds\n\nThe new compiler removes dead code and makes the server 40% faster. "
            "It is the best release yet, with zero downtime deploys and guaranteed API stability for every package.\n")
    assert flags(page, "release.md") == []



def test_pages_about_other_things_than_software_or_go_get_no_claim_findings():
    errors = ("# Errors\n\nThe client raises these exceptions.\n\n| Name | Meaning |\n|---|---|\n"
              "| BodyTimeout | the socket is destroyed when the request body times out |\n"
              "| HeaderOverflow | the socket is destroyed because the headers are too large |\n")
    assert flags(errors, "errors.md") == []
    recipe = ("# Lemon cake\n\nThis recipe is the best you will ever bake, and it is guaranteed to vanish in "
              "minutes. Mix the ingredients, then bake in a hot oven for 40 minutes; 100% of our testers "
              "asked for a second slice.\n")
    assert flags(recipe, "lemon-cake.md") == []


def test_a_treatments_own_name_claims_nothing():
    # "dissolving" inside the name "fat-dissolving jabs" is not a claim that the jabs dissolve fat
    for page in ("# Fat Dissolving Jabs\n\nPrices start at 150 pounds.\n",
                 "Book fat dissolving treatments in Derby with our nurse.\n"):
        assert [f.rule for f in lint(page, "jabs.md") if f.rule in ("CC111", "CC301")] == [], page
    # the same word outside the name is read
    page = "Our jabs dissolve stubborn fat around the chin.\n"
    assert {"CC111", "CC301"} & {f.rule for f in lint(page, "jabs.md")}


def test_a_page_that_seldom_speaks_of_health_gets_no_claim_findings():
    # a page of another trade, in marketing's strong words, with no health word and no other-domain word
    garage = ("# Valeting\n\nOur ceramic coating guards the paint permanently and beads water instantly. "
              "Light scratches disappear completely after one polish. The best valeting team in the county, "
              "guaranteed, and 97% of drivers come back to us every year for a second coat.\n")
    assert flags(garage, "valeting.md") == []
    # the same words with health words beside them are claims
    clinic = ("# Peels\n\nOur peel treatment clears acne scars permanently and brightens the skin instantly. "
              "Fine lines disappear completely after one peel. The best skin clinic in the county, "
              "guaranteed, and 97% of patients come back to us every year for a second course.\n")
    assert flags(clinic, "peels.md")
    # a snippet too short to tell is read as clinic copy
    assert flags("Scratches disappear completely, guaranteed for ever.\n", "draft.md")


def test_a_treatment_named_as_the_comparison_is_not_the_subject():
    # the claim is about fat freezing, not the injections named to compare it with
    page = "Fat freezing is a gentler alternative to fat-dissolving injections and reduces fat for good.\n"
    found = [f for f in lint(page, "t.md") if f.rule == "CC301"]
    assert found and all("fat freezing" in f.message.lower() and "injections" not in f.message for f in found)
    assert {f.parts["subject"] for f in found} == {"fat freezing"}


def test_denied_needles_do_not_make_a_treatment_invasive():
    # "non-invasive" is wrong for an injection, but "no needles" says the treatment has none
    assert "CC124" not in {f.rule for f in lint("Fat freezing is non-invasive, with no needles at all.\n")}
    assert "CC124" not in {f.rule for f in lint("A non-invasive, needle-free treatment for tired skin.\n")}
    assert "CC124" in {f.rule for f in lint("Our non-invasive treatment uses fine needles.\n")}


def test_a_treatment_name_with_a_predicate_word_is_read_whole():
    # "PDO thread lift" is one name: its "lift" is not the claim, "lifts" after it is
    found = [f for f in lint("The PDO thread lift is a treatment which lifts sagging skin.\n") if f.rule == "CC301"]
    assert [f.match for f in found] == ["lifts sagging skin"]
    assert "lifting" not in [f.match for f in lint("Skin is firmer after a PDO thread lifting session.\n")]


def test_the_no_of_one_denial_denies_nothing_else():
    # "no-downtime" denies downtime; the suitability claim after it stands
    found = {f.rule for f in lint("Our glow facial is a no-downtime treatment that is suitable for all skin tones.\n")}
    assert {"CC141", "CC181"} <= found


def test_lines_that_disappear_are_an_outcome_not_a_harm_that_clears():
    found = {f.rule for f in lint("Relaxing the muscle causes the frown lines to disappear.\n")}
    assert "CC111" in found and "CC141" not in found
    found = {f.rule for f in lint("The lines soften and then totally disappear.\n")}
    assert "CC111" in found and "CC141" not in found


def test_a_treatment_named_in_a_later_clause_is_not_what_the_claim_is_about():
    # the method on a thread-lift page is safe "since" it uses what fillers use: the claim is the thread lift's
    page = "# Thread lifts\n\nThe method is safe, since it uses the same absorbable material as injectable fillers.\n"
    found = [f for f in lint(page, "threads.md") if f.rule == "CC121"]
    assert found and all("filler" not in f.message.lower() for f in found)
    assert "thread" in found[0].message.lower()
