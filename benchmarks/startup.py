"""Start-up of several copies of copycheck side by side, as benchmarks/run.py times its start-up
case (a cold start on the corpus's 3 KB page, one unmeasured run first): the median of N whole
processes for each tree, interleaved so that load from elsewhere falls on each alike.

    python benchmarks/startup.py 15 TREE [TREE...]

A TREE is a folder holding copycheck/ and claimrules/ (a `git archive` of a revision, say), run
with this Python; each gets its own start-up cache folder."""
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402

PY = sys.executable


def main():
    n, trees = int(sys.argv[1]), [str(Path(t).resolve()) for t in sys.argv[2:]]
    work = Path(tempfile.mkdtemp(prefix="copycheck-startup-"))
    small = work / "small.md"
    small.write_text(make_corpus.markdown_page(random.Random(make_corpus.SEED + 1), 2600), encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    cmd = [PY, "-m", "copycheck", "check", "--quiet", "--no-config", str(small)]

    def env(i, tree):
        return {**base, "PYTHONPATH": tree, "COPYCHECK_CACHE_DIR": str(work / f"cache{i}")}

    def run(args, environ):
        t0 = time.perf_counter()
        subprocess.run(args, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environ)
        return time.perf_counter() - t0

    for i, tree in enumerate(trees):  # bytecode and start-up cache written
        run(cmd, env(i, tree))
    times = {"import floor": []} | {tree: [] for tree in trees}
    for _ in range(n):
        times["import floor"].append(run([PY, "-c", "import click, yaml, regex"], base))
        for i, tree in enumerate(trees):
            times[tree].append(run(cmd, env(i, tree)))
    floor = statistics.median(times["import floor"])
    for name, ts in times.items():
        print(f"{name:<40} median {statistics.median(ts):.3f} s ({statistics.median(ts) / floor:.2f} x import floor)")


if __name__ == "__main__":
    main()
