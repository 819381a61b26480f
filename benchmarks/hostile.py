"""Hostile shapes of input: is the time linear in the size?

    python benchmarks/hostile.py [--base KB] [--only SHAPE,...] [--limit S]

For each shape, a page of 1x, 2x, 4x and 8x the base size (default 128 KB, so 8x is
1 MB) is checked in one process (copycheck.check_text, the built-in rulebook, warmed
up first); prints the median of 3 runs at each size and the ratio of 8x to 1x.
Linear time gives a ratio near 8; the target is at most 12 (issue 28), and no 1 MB
page over 5 s.  A run that passes --limit seconds is stopped and shown as '>limit'."""
from __future__ import annotations

import argparse
import signal
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def shapes():
    """name -> (file name, a function of n bytes giving the page)."""
    def rep(unit):
        return lambda n: (unit * (n // len(unit) + 1))[:n]

    return {
        "md <!-- run": ("p.md", rep("<!--")),
        "md x<!-- run (inline)": ("p.md", lambda n: "Intro.\n\n" + rep("x<!--")(n) + "\n"),
        "md <!-- on lines": ("p.md", rep("<!-- a\n")),
        "md > run": ("p.md", rep(">")),
        "md [ run": ("p.md", rep("[")),
        "md ` run": ("p.md", rep("`")),
        "md * and _ run": ("p.md", rep("*_")),
        "md [a]( run": ("p.md", rep("[a](")),
        "md <a run": ("p.md", rep("<a ")),
        "md list nesting": ("p.md", lambda n: "".join("  " * (i % 40) + "- item painless\n" for i in range(n // 50))),
        "md table": ("p.md", lambda n: "| a | b |\n|---|---|\n" + "| painless | x |\n" * (n // 16)),
        "html <a run": ("p.html", rep("<a ")),
        "html <!-- run": ("p.html", rep("<!--")),
        "html < run": ("p.html", rep("<")),
        "html nested divs": ("p.html", lambda n: "<div>" * (n // 10) + "painless" + "</div>" * (n // 10)),
        "one paragraph of claims": ("p.md", rep("Completely painless with no downtime and guaranteed results, ")),
        "short lines": ("p.md", rep("painless\n")),
        "one word, no spaces": ("p.md", rep("a")),
        "front matter": ("p.md", lambda n: "---\n" + "".join(f"k{i}: painless\n" for i in range(n // 14)) + "---\nx\n"),
        "front matter, wanted keys": ("p.md", lambda n: "---\n" + "title: a\n" + "".join(
            f"description{i}: painless\n" for i in range(n // 24)) + "---\nx\n"),
        "toml front matter, tables": ("p.md", lambda n: "+++\n" + "".join(
            f"[t{i}]\nkey{i} = \"painless {i}\"\n" for i in range(n // 30)) + "+++\nx\n"),
        "front matter, never closed": ("p.md", lambda n: "---\n" + "title: painless\n" * (n // 16)),
        "txt sentence run": ("p.txt", rep("Results vary. ")),
    }


class Slow(Exception):
    pass


def _alarm(signum, frame):
    raise Slow


def timed(fn, limit):
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t = time.perf_counter()
    try:
        fn()
        return time.perf_counter() - t
    except Slow:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=int, default=128, help="KB at 1x")
    ap.add_argument("--only", default="")
    ap.add_argument("--limit", type=float, default=20.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from copycheck import linter_for

    linter = linter_for()
    linter.check_text("Warm up: completely painless.\n", "w.md")
    want = [s for s in args.only.split(",") if s]
    print(f"{'shape':<26} " + " ".join(f"{f'{k}x':>8}" for k in (1, 2, 4, 8)) + "   8x/1x")
    worst = 0.0
    for name, (fname, make) in shapes().items():
        if want and not any(w in name for w in want):
            continue
        row = []
        for k in (1, 2, 4, 8):
            page = make(args.base * 1024 * k)
            runs = [timed(lambda: linter.check_text(page, fname), args.limit) for _ in range(args.runs)]
            t = None if None in runs else statistics.median(runs)
            row.append(t)
            if t is None:
                break
        cells = [f"{t:8.3f}" if t is not None else f"{'>' + str(int(args.limit)):>8}" for t in row]
        cells += [f"{'-':>8}"] * (4 - len(cells))
        ratio = row[3] / max(row[0], 1e-4) if len(row) == 4 and row[3] is not None else None
        if ratio is not None:
            worst = max(worst, ratio)
        print(f"{name:<26} " + " ".join(cells) + (f"   {ratio:6.1f}" if ratio else "     slow"), flush=True)
    print(f"\nworst 8x/1x ratio: {worst:.1f} (target <= 12)")


if __name__ == "__main__":
    main()
