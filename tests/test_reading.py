"""copycheck explain --text: the claims read in each clause, and why each was or was not flagged."""
from click.testing import CliRunner

from copycheck.cli import main


def explain(*args):
    return CliRunner().invoke(main, ["explain", *args])


def test_a_flagged_claim_names_its_rule_and_parts():
    r = explain("--text", "Our peel is completely painless.")
    assert r.exit_code == 0, r.output
    assert '"painless" in "Our peel is completely painless."' in r.output
    assert "predicate pain, denied, strength boosted" in r.output
    assert "flagged: CC131 painless (error)" in r.output


def test_a_question_says_which_part_kept_it_quiet():
    r = explain("--text", "Is a chemical peel painless?")
    assert "speech question" in r.output
    assert "not flagged by CC131 painless: speech act is question; the rule reads assertion" in r.output


def test_a_hedge_says_the_strength_the_rule_needs():
    r = explain("--text", "A course of peels may reduce fine lines for some people.")
    assert "strength hedged" in r.output and "the rule needs" in r.output and "flagged:" not in r.output


def test_a_judgement_cue_that_drops_the_claim_is_named():
    r = explain("--text", 'The complaint said the ad called the facial "painless".')
    assert "not flagged by CC131 painless: dropped by judgement (quotation)" in r.output
    assert "flagged: CC131" not in r.output


def test_copy_with_no_claim_words_says_so():
    r = explain("--text", "Our clinic is open on Saturdays.")
    assert "No claim words read" in r.output


def test_a_code_and_text_together_or_neither_is_one_line_and_exit_2():
    both = explain("CC131", "--text", "painless")
    neither = explain()
    assert both.exit_code == 2 and "not both" in both.output
    assert neither.exit_code == 2 and "give a rule code" in neither.output
