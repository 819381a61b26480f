"""A fuzzer for the whole pipeline: random documents built from Markdown, HTML,
claim and Unicode pieces, checked for the invariants copycheck promises:
no exception, every finding's line/column/match agree with the source, and the
same output twice.

    python tests/fuzz.py --seconds 600 [--seed N]   # a long run; prints what it tried
    tests/test_fuzz.py runs it for FUZZ_SECONDS (default 15) in CI.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
import traceback
from pathlib import Path

PIECES = [
    "Painless", "painless", " no downtime", "safe and effective", "43.3%", "may", "not", "?", ".", "\n", "\r\n",
    "\r", "\n\n", "# ", "## ", "- ", "1. ", "> ", "| a | b |\n|---|---|\n", "|", "```\n", "~~~", "`", "``", "**", "_",
    "[", "]", "](http://x.y/z)", "![", "<!--", "-->", "<!-- copycheck-disable-next-line CC131 -->",
    "<!-- copycheck-disable -->", "<!-- copycheck-enable -->", "copycheck: disable-next-line\n", "<p>", "</p>",
    "<b>", "</b>", "<div ", ">", "&amp;", "&nbsp;", "&#x1F600;", "&#0;", "&#99999999;", "&bogus;", "&", "---\n",
    "title: ", "description: >\n  ", "og:\n  title: ", "é", "\u0301", "\u200b", "\u00a0", "\U0001F600", "\u05e9\u05dc",
    "\t", "    ", "Mesotherapy removes wrinkles", "may improve skin texture", "<script>", "</script>", "<style>",
    "<title>", "</title>", '<meta name="description" content="', '"', "'", "<img alt='instant results'>", "\\*",
    "\\", "İ", "ß", "ﬁ", "\ufeff", "\x00", "\x0b", "\x0c", "\u2028", "\x85", "Is it painless?", "What are permanent ",
    "(Smith 2021)", "[3]", "https://example.com/painless", "<https://a.b>", "    code", "***", "===", "...",
]


def document(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return "".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0x1F300, 0x1F6FF)]))
                       for _ in range(rng.randint(0, 200)))
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60)))


def _at(text, line, col):
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + col - 1


def check(text: str, name: str) -> None:
    import copycheck

    first = copycheck.check_text(text, filename=name)
    for f in first:
        got = text[_at(text, f.line, f.column):_at(text, f.end_line, f.end_column)]
        if got != f.match:
            raise AssertionError(f"position mismatch for {f.rule}: {got!r} != {f.match!r}")
    again = copycheck.check_text(text, filename=name)
    if [f.to_dict() for f in again] != [f.to_dict() for f in first]:
        raise AssertionError("output differs between two runs")


def fuzz(seconds: float, seed: int = 0, out: Path | None = None):
    """Run for seconds; return (inputs tried, list of (input, name, traceback))."""
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    tried, failures = 0, []
    while time.monotonic() < deadline:
        text = document(rng)
        name = rng.choice(["a.md", "a.html", "a.txt"])
        tried += 1
        try:
            check(text, name)
        except Exception:  # noqa: BLE001 - every failure is a finding of the fuzzer
            failures.append((text, name, traceback.format_exc()))
            if out:
                out.mkdir(parents=True, exist_ok=True)
                (out / f"crash-{len(failures)}{Path(name).suffix}").write_text(text, encoding="utf-8", errors="surrogatepass")
    return tried, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None, help="save failing inputs here")
    args = ap.parse_args()
    tried, failures = fuzz(args.seconds, args.seed, args.out)
    print(f"fuzz: {tried} inputs in {args.seconds:.0f} s (seed {args.seed}), {len(failures)} failures")
    for text, name, tb in failures[:5]:
        print(f"--- {name}: {text!r}\n{tb}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
