"""The balance kind (CC411 risks, CC412 a consultation): a page that promotes a treatment
mentions its risks and a consultation; the page's first benefit claim is its signal."""
import pytest

from helpers import BENEFITS_ONLY, SEEDS, lint


def rules_of(found):
    return [f.rule for f in found]


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
