"""CI runs the fuzzer for a bounded time (FUZZ_SECONDS, default 15): pages in process, then
whole trees through the command with --jobs 1 and 2."""
import os

from fuzz import fuzz, fuzz_trees

SECONDS = float(os.environ.get("FUZZ_SECONDS", "15"))
SEED = int(os.environ.get("FUZZ_SEED", "1"))


def test_fuzz_pages_for_a_bounded_time():
    tried, failures = fuzz(SECONDS, seed=SEED)
    assert tried > 50, "the fuzzer should try many inputs"
    assert failures == [], failures[0][2]


def test_fuzz_trees_for_a_bounded_time():
    tried, failures = fuzz_trees(SECONDS, seed=SEED, at_least=3)
    assert tried >= 3, "the fuzzer should try several trees"
    assert failures == [], f"{failures[0][0]}\n{failures[0][1]}"
