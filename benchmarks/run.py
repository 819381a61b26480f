"""Side-by-side timings: copycheck against codespell and proselint, in one run.

    python benchmarks/run.py [--runs N] [--skip-proselint] [--only CASES] [--against REV]

Makes the corpus if it is missing (make_corpus.py), installs the peers into
benchmarks/.venv (codespell 2.4.3, proselint 0.16.0), then times whole
processes, start-up included: the median wall time of N runs (proselint, which
takes minutes, once), MB/s, and peak memory (the child's max RSS from wait4).
Prints one table; ratios are copycheck / peer, measured in this run.  --against REV
also times an earlier copycheck (the git revision REV, exported into
benchmarks/.against-REV and run with this Python) on the same cases, side by side.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus"
VENV = HERE / ".venv"
PEERS = ["codespell==2.4.3", "proselint==0.16.0"]
PY = sys.executable


def peer_bin(name):
    return str(VENV / "bin" / name)


def ensure():
    if not (CORPUS / "site").is_dir():
        subprocess.run([PY, str(HERE / "make_corpus.py"), str(CORPUS)], check=True)
    if not (VENV / "bin" / "proselint").exists():
        subprocess.run([PY, "-m", "venv", str(VENV)], check=True)
        subprocess.run([peer_bin("pip"), "install", "-q", *PEERS], check=True)
    for name, times in (("big2.md", 2), ("big100.md", 5), ("big200.md", 10)):
        target = CORPUS / name
        if not target.exists():
            big = (CORPUS / "big.md").read_text(encoding="utf-8")
            target.write_text(big * times, encoding="utf-8")
    rules = CORPUS / "tenfold.yaml"
    if not rules.exists():
        rules.write_text(tenfold_rules(), encoding="utf-8")


def tenfold_rules() -> str:
    """A rule file with 9 times the built-in rulebook's patterns (10x in all):
    realistic multi-word claim phrases, made deterministically."""
    import claimrules

    n = sum(len(r.patterns) for r in claimrules.load().rules.values())
    rng = random.Random(7)
    heads = ["visibly", "instantly", "totally", "clinically", "naturally", "gently", "deeply", "rapidly", "safely",
             "dramatically", "permanently", "effortlessly", "medically", "scientifically", "truly", "fully"]
    verbs = ["lifts", "firms", "erases", "banishes", "melts", "sculpts", "renews", "restores", "rejuvenates",
             "tightens", "plumps", "smooths", "brightens", "heals", "repairs", "reverses", "transforms", "boosts"]
    objs = ["sagging skin", "jowls", "double chin", "eye bags", "dark circles", "acne scars", "stretch marks",
            "crepey skin", "neck lines", "forehead lines", "laugh lines", "cellulite dimples", "love handles",
            "thin lips", "hollow cheeks", "enlarged pores", "rosacea", "age spots", "sun damage", "thread veins"]
    lines = ["rules:"]
    per_rule = 20
    total = 9 * n
    for r in range(total // per_rule + 1):
        lines += [f"  - code: CC{900 + r % 100:03d}" if r < 100 else f"  - code: CC{500 + r - 100:03d}",
                  f"    name: generated-{r}", "    category: generated", "    level: info",
                  "    message: Generated pattern for the scaling benchmark.", "    suggestion: none", "    why: benchmark",
                  "    link: https://example.org", "    patterns:"]
        for _ in range(per_rule):
            lines.append(f"      - '{rng.choice(heads)} {rng.choice(verbs)} (?:your |the )?{rng.choice(objs)}'")
        lines.append("    examples: {match: [], no_match: []}")
    return "\n".join(lines) + "\n"


def against(rev: str) -> Path:
    """The source of copycheck at git revision rev, exported once (not a checkout: no
    git state changes)."""
    out = HERE / f".against-{rev}"
    if not (out / "copycheck").is_dir():
        out.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


# Every tool runs as installed for use: with its bytecode cached (pip writes the
# peers' at install; an editable copycheck writes its own on the first run), so
# PYTHONDONTWRITEBYTECODE, which some machines set, is left out of the children's environment.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd, runs, cwd=ROOT, env=None):
    """Median wall time of runs, and the peak RSS in MB (GNU time's %M: a child
    forked from this large Python process would report this process's pages)."""
    times, peaks = [], []
    report = HERE / ".time.out"
    if runs >= 5:  # the start-up cases: one unmeasured run first (bytecode and copycheck's start-up cache written)
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**ENV, **(env or {})})
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(report), *cmd], cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**ENV, **(env or {})})
        times.append(time.perf_counter() - t0)
        peaks.append(int(report.read_text().split()[-1]) / 1024)
    return statistics.median(times), max(peaks)


def size_of(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-proselint", action="store_true")
    ap.add_argument("--only", default="start,corpus,jobs,big,scale,readability,linear")
    ap.add_argument("--against", help="an earlier git revision of copycheck to time beside this one")
    args = ap.parse_args()
    ensure()
    only = set(args.only.split(","))
    cc = [PY, "-m", "copycheck", "check", "--quiet", "--no-config"]
    cc_exe = shutil.which("copycheck", path=str(Path(PY).parent))
    if cc_exe:
        cc = [cc_exe, "check", "--quiet", "--no-config"]
    small, site, big = CORPUS / "small.md", CORPUS / "site", CORPUS / "big.md"
    rows = []

    old = against(args.against) if args.against else None
    old_cc = [PY, "-m", "copycheck", "check", "--quiet", "--no-config"]

    def row(case, tool, cmd, target, runs=args.runs, cwd=ROOT, env=None):
        t, mem = measure(cmd, runs, cwd, env)
        rows.append((case, tool, t, size_of(target) / t if target else None, mem))
        print(f"  {case:<26} {tool:<28} {t:8.3f} s", file=sys.stderr, flush=True)
        return t

    slow = 1 if not args.skip_proselint else 0
    ratios = []
    if "start" in only:
        floor = row("cold start, 3 KB file", "python -c 'import click, yaml, regex'", [PY, "-c", "import click, yaml, regex"], None, 10)
        t = row("cold start, 3 KB file", "copycheck", [*cc, str(small)], small, 10)
        c = row("cold start, 3 KB file", "codespell", [peer_bin("codespell"), str(small)], small, 10)
        ratios += [("cold start / import floor (target <= 1.5)", t / floor), ("cold start / codespell", t / c)]
        nc = row("cold start, 3 KB file", "copycheck, no start-up cache", [*cc, str(small)], small, 10,
                 env={"COPYCHECK_NO_CACHE": "1"})
        ratios.append(("start-up cache: warm / none (target <= 1.0)", t / nc))
        if old:
            o = row("cold start, 3 KB file", f"copycheck {args.against}", [*old_cc, str(small)], small, 10, old)
            ratios.append((f"cold start / copycheck {args.against}", t / o))
        if slow:
            p = row("cold start, 3 KB file", "proselint", [peer_bin("proselint"), "check", str(small)], small, 5)
            ratios.append(("cold start / proselint", t / p))
    if "corpus" in only:
        t1 = row("corpus, one process", "copycheck", [*cc, "--jobs", "1", str(site)], site)
        c = row("corpus, one process", "codespell", [peer_bin("codespell"), str(site)], site)
        ratios.append(("corpus / codespell (target <= 1.0)", t1 / c))
        if old:
            o = row("corpus, one process", f"copycheck {args.against}", [*old_cc, "--jobs", "1", str(site)], site, cwd=old)
            ratios.append((f"corpus / copycheck {args.against} (target <= 1.0)", t1 / o))
        if slow:
            p = row("corpus, one process", "proselint", [peer_bin("proselint"), "check", str(site)], site, 1)
            ratios.append(("corpus / proselint (target <= 1/30)", t1 / p))
    if "jobs" in only:
        t1 = row("corpus, --jobs 1", "copycheck", [*cc, "--jobs", "1", str(site)], site)
        t2 = row("corpus, --jobs 2", "copycheck", [*cc, "--jobs", "2", str(site)], site)
        ratios.append(("--jobs 1 / --jobs 2 (target >= 1.7)", t1 / t2))
    if "big" in only:
        t = row("20 MB single file", "copycheck", [*cc, str(big)], big, 3)
        c = row("20 MB single file", "codespell", [peer_bin("codespell"), str(big)], big, 3)
        ratios.append(("20 MB / codespell", t / c))
        if slow:
            p = row("20 MB single file", "proselint", [peer_bin("proselint"), "check", str(big)], big, 1)
            ratios.append(("20 MB / proselint", t / p))
    if "scale" in only:
        t1 = row("corpus, shipped rulebook", "copycheck", [*cc, "--jobs", "1", str(site)], site, 3)
        t10 = row("corpus, 10x patterns", "copycheck", [*cc, "--jobs", "1", "--rules", str(CORPUS / "tenfold.yaml"), str(site)],
                  site, 3)
        ratios.append(("10x patterns / shipped (target <= 1.3)", t10 / t1))
    if "readability" in only:
        on = row("corpus, readability on", "copycheck", [*cc, "--jobs", "1", str(site)], site)
        off = row("corpus, readability off", "copycheck", [*cc, "--jobs", "1", "--ignore", "CC401,CC402", str(site)], site)
        ratios.append(("readability on / off (target <= 1.2)", on / off))
    if "linear" in only:
        b100, b200 = CORPUS / "big100.md", CORPUS / "big200.md"
        t100 = row("100 MB file", "copycheck", [*cc, str(b100)], b100, 3)
        t200 = row("200 MB file", "copycheck", [*cc, str(b200)], b200, 3)
        ratios.append(("200 MB / 100 MB (linear: <= 2.2)", t200 / t100))
        peak100 = next(mem for case, tool, _, _, mem in rows if case == "100 MB file")
        ratios.append(("100 MB file: peak MB (target < 300)", peak100))

    print(f"\n{'case':<26} {'tool':<38} {'median s':>9} {'MB/s':>7} {'peak MB':>8}")
    for case, tool, t, mbs, mem in rows:
        print(f"{case:<26} {tool:<38} {t:9.3f} {mbs if mbs is None else round(mbs, 1)!s:>7} {mem:8.0f}")
    print()
    for name, value in ratios:
        print(f"{name:<42} {value:6.2f}")


if __name__ == "__main__":
    main()
