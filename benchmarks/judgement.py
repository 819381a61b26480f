"""Judgement on copy written here: recall and false flags per batch of labelled sentences.

    python benchmarks/judgement.py [-v] [--cmd COMMAND] [BATCH.yaml ...]

Each batch (benchmarks/judgement/batchNN.yaml) is a list of {topic, label, text}: sentences
written for copycheck, not taken from any site, labelled risky or fine before any rule was
changed for them.  The sentences of a topic become one Markdown page (the topic as its heading,
one sentence per paragraph), copycheck checks the pages (``--no-config``), and a sentence counts
as flagged when a warning or error stands on its line.

The development pages (../shared/dev) are saturated; these batches say how judgement holds on
other treatments and page shapes.  To measure honestly, write a new batch, score it *before*
changing a rule, and report that first-seen figure: a batch that taught a fix no longer measures it.
"""
from __future__ import annotations

import argparse
import re
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FLAGGING = {"warning", "error"}


_CUT = re.compile(r"^\s*-?\s*text:\s*[^\s'\"|>].*\s#")  # a plain scalar ends at " #": the rest is a comment


def load(path: Path) -> list:
    source = path.read_text(encoding="utf-8")
    for n, line in enumerate(source.splitlines(), 1):
        if _CUT.match(line):
            raise SystemExit(f"{path}:{n}: the text stops at ' #' (YAML reads the rest as a comment): quote it")
    items = yaml.safe_load(source)
    if not isinstance(items, list) or not all(
            isinstance(i, dict) and i.get("label") in ("risky", "fine") and i.get("text") and i.get("topic")
            for i in items):
        raise SystemExit(f"{path}: each item needs topic, text and label (risky or fine)")
    return items


def pages(items, folder: Path) -> dict:
    """Write one page per topic; (file name, line) -> item."""
    where, by_topic = {}, {}
    for item in items:
        by_topic.setdefault(item["topic"], []).append(item)
    for n, (topic, group) in enumerate(by_topic.items()):
        name = f"page{n:02d}.md"
        lines = [f"# {topic}", ""]
        for item in group:
            where[(name, len(lines) + 1)] = item
            lines += [item["text"], ""]
        (folder / name).write_text("\n".join(lines), encoding="utf-8")
    return where


def score(cmd, items):
    """(risky flagged, risky, fine flagged, fine, misses, false flags)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        where = pages(items, folder)
        done = subprocess.run([*cmd, "check", "--no-config", "--format", "json", "--exit-zero", str(folder)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"copycheck failed ({done.returncode}): {done.stderr.strip()[:300]}")
        flagged = {}
        for f in json.loads(done.stdout)["findings"]:
            if f["severity"] in FLAGGING:
                flagged.setdefault((Path(f["path"]).name, f["line"]), []).append(f["rule"])
    hits = [0, 0, 0, 0]
    misses, false = [], []
    for key, item in where.items():
        rules = flagged.get(key, [])
        if item["label"] == "risky":
            hits[1] += 1
            hits[0] += bool(rules)
            if not rules:
                misses.append(item)
        else:
            hits[3] += 1
            hits[2] += bool(rules)
            if rules:
                false.append((item, sorted(set(rules))))
    return (*hits, misses, false)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("batches", nargs="*", type=Path, help="batch files (default: benchmarks/judgement/*.yaml)")
    ap.add_argument("--cmd", default=f"{shlex.quote(sys.executable)} -m copycheck", help="how to run copycheck")
    ap.add_argument("-v", "--verbose", action="store_true", help="list each miss and false flag")
    args = ap.parse_args(argv)
    cmd = shlex.split(args.cmd)
    batches = args.batches or sorted((HERE / "judgement").glob("*.yaml"))
    if not batches:
        raise SystemExit("no batches")
    total = [0, 0, 0, 0]
    print(f"{'batch':<16} {'risky flagged':>14} {'fine flagged':>13}")
    for path in batches:
        rh, rn, fh, fn, misses, false = score(cmd, load(path))
        total = [a + b for a, b in zip(total, (rh, rn, fh, fn))]
        print(f"{path.stem:<16} {rh:>6}/{rn:<7} {fh:>6}/{fn:<6}")
        if args.verbose:
            for item in misses:
                print(f"  MISS  {item['topic'][:20]:20} | {item['text'][:90]}")
            for item, rules in false:
                print(f"  FALSE {','.join(rules)[:20]:20} | {item['text'][:90]}")
    rh, rn, fh, fn = total
    print(f"all: recall {rh}/{rn} = {rh / max(1, rn):.2f}; fine flagged {fh}/{fn} = {fh / max(1, fn):.3f}")


if __name__ == "__main__":
    main()
