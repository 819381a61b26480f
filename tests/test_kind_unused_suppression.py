"""The unused-suppression kind (CC001): a suppression comment that suppresses nothing."""
from helpers import lint


def test_unused_suppression_is_reported_at_info():
    found = lint("Fine copy.\n<!-- copycheck-disable-next-line CC131 -->\nStill fine.\n")
    assert [(f.rule, f.severity, f.line, f.column) for f in found] == [("CC001", "info", 2, 1)]
    assert found[0].match == "<!-- copycheck-disable-next-line CC131 -->"


def test_wrong_code_does_not_suppress_and_is_unused():
    found = lint("<!-- copycheck-disable-next-line CC101 -->\nPainless.\n")
    assert sorted(f.rule for f in found) == ["CC001", "CC131"]
