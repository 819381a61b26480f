"""CI runs the fuzzer for a bounded time (FUZZ_SECONDS, default 15)."""
import os

from fuzz import fuzz


def test_fuzz_for_a_bounded_time():
    seconds = float(os.environ.get("FUZZ_SECONDS", "15"))
    tried, failures = fuzz(seconds, seed=int(os.environ.get("FUZZ_SEED", "1")))
    assert tried > 50, "the fuzzer should try many inputs"
    assert failures == [], failures[0][2]
