"""The density kind (CC421): hype words counted over the page, the worst paragraph named."""
from helpers import lint


def rules_of(found):
    return [f.rule for f in found]


def test_hype_density_names_count_and_worst_paragraph():
    calm = "Our clinic offers skin treatments given by registered nurses after a consultation. " * 6
    hype = "An amazing, incredible, stunning, revolutionary, breathtaking result. "
    page = calm + "\n\n" + hype + "\n\n" + calm
    found = [f for f in lint(page) if f.rule == "CC421"]
    assert len(found) == 1 and found[0].match == "amazing"
    assert "5 superlatives in" in found[0].message and "The worst paragraph has 5." in found[0].message
    assert "CC421" not in rules_of(lint(calm * 3))
