"""A fuzzer for the whole pipeline, in two modes.

pages: random documents built from Markdown, HTML, claim and Unicode pieces, checked
in process for the invariants copycheck promises: no exception, every finding's
line/column/match agree with the source, and the same output twice.

trees: random folders (pages good and bad: binary, invalid UTF-8, another language, a
report; configs, pyproject files, rule files and .gitignore files, valid, broken and
hostile; symbolic links and FIFOs) checked by the command as a user runs it, with
--jobs 1 or 2 and any format: it must end within TREE_TIMEOUT seconds with exit 0, 1
or 2 and no traceback, and --jobs 1 and 2 must print the same.

    python tests/fuzz.py --seconds 600 [--seed N] [--mode pages|trees|both]
    tests/test_fuzz.py runs both for FUZZ_SECONDS (default 15) in CI.
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


# ---- trees ----------------------------------------------------------------------------------

TREE_TIMEOUT = 60  # seconds a tree may take: a hang is a failure, not a wait
CONFIG_PIECES = [
    "select: [CC1]\n", "ignore: [CC131]\n", "ignore: CC13\n", "fail-on: error\n", "fail-on: nope\n",
    "extend-rules: [rules.yaml]\n", "extend-rules: [../../x.yaml]\n", "evidence: [ev.yaml]\n",
    "baseline: base.json\n", "baseline: /dev/zero\n", "respect-gitignore: false\n", "exclude: ['*.txt']\n",
    "include: ['*.md', '*.html']\n", "per-file-ignores: {'*.md': [CC131]}\n", "levels: {CC131: info}\n",
    "rule-options: {CC401: {max_grade: 3}}\n", "frontmatter-keys: [title, seo]\n", "unknown: 1\n",
    "a: &a [x, x, x]\nb: &b [*a, *a, *a]\n", "select: !!python/object:os.system x\n", "[", "{", "\t", ": :\n",
    "- " * 200 + "x\n", "[" * 500 + "\n", "\x00", "\xff", "\ufeff",
]
TOML_PIECES = [
    "[tool.copycheck]\n", "[tool.copycheck\n", "ignore = ['CC131']\n", "fail-on = 'error'\n", "x = " + "[" * 300,
    "]" * 300 + "\n", "[tool.other]\n", "baseline = '/dev/zero'\n", "\ufeff", "\xff", "a = 1\na = 2\n",
]
RULE_HEAD = ("rules:\n  - code: CC950\n    name: house-rule\n    category: other\n    level: warning\n"
             "    message: m\n    suggestion: s\n    why: w\n    link: https://example.org\n")
RULE_PIECES = [
    "    patterns: ['zzz']\n", "    patterns: ['(a+)+b']\n", "    patterns: ['[']\n", "    patterns: []\n",
    "    examples: {match: ['zzz'], no_match: ['x']}\n", "    examples: {match: [], no_match: []}\n",
    "    kind: phrase\n", "    kind: nope\n", "    level: fatal\n", "  - code: CC131\n", "\x00", "&a [",
]


def _bytes_page(rng: random.Random) -> bytes:
    kind = rng.random()
    if kind < 0.1:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))  # binary, or invalid UTF-8
    if kind < 0.15:
        return ("La clinique propose des soins pour la peau et nous expliquons les risques avant le traitement. "
                * 8).encode()
    if kind < 0.18:
        return b'<html><head><meta name="generator" content="copycheck 1"></head><body>painless</body></html>'
    text = document(rng)
    enc = rng.choice(["utf-8"] * 8 + ["utf-16", "latin-1"])
    return text.encode(enc, errors="replace")


def _pieces(rng, pieces, n=6) -> bytes:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, n))).encode("utf-8", errors="surrogatepass")


def tree(rng: random.Random, root: Path) -> None:
    """A random site folder under root."""
    import os

    folders = [root]
    for i in range(rng.randint(0, 4)):
        d = rng.choice(folders) / rng.choice(["blog", "treatments", "a b", "caf\u00e9", ".hidden", "node_modules",
                                               f"d{i}", "public"])
        d.mkdir(exist_ok=True)
        folders.append(d)
    for i in range(rng.randint(1, 8)):
        d = rng.choice(folders)
        name = rng.choice(["page", "index", "faq", "a\x1bb", "report", "LICENSE"]) + f"{i}" + rng.choice(
            [".md", ".html", ".txt", ".mdx", ".htm", ".json"])
        (d / name).write_bytes(_bytes_page(rng))
    if rng.random() < 0.4:
        (root / ".copycheck.yaml").write_bytes(_pieces(rng, CONFIG_PIECES))
    if rng.random() < 0.3:
        (rng.choice(folders) / "pyproject.toml").write_bytes(_pieces(rng, TOML_PIECES))
    if rng.random() < 0.3:
        (root / "rules.yaml").write_bytes(RULE_HEAD.encode() + _pieces(rng, RULE_PIECES, 4))
    if rng.random() < 0.2:
        (root / "base.json").write_bytes(rng.choice([b"{", b'{"version": 1, "findings": []}', b"[" * 5000, b"\xff"]))
    if rng.random() < 0.3:
        (rng.choice(folders) / ".gitignore").write_bytes(_pieces(rng, ["*.md\n", "!page1.md\n", "blog/\n", "[\n",
                                                                        "\\\n", "**/x\n", "\xff"]))
    if rng.random() < 0.2 and hasattr(os, "mkfifo"):
        os.mkfifo(rng.choice(folders) / "pipe.md")
    if rng.random() < 0.2:
        link = rng.choice(folders) / f"link{rng.randint(0, 9)}.md"
        if not link.exists() and not link.is_symlink():
            link.symlink_to(rng.choice(["/dev/zero", "/nonexistent", str(root), "../../../etc"]))


def run_tree(root: Path, args) -> tuple[int, str, str]:
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPYCHECK", "GITHUB_"))}
    cmd = [sys.executable, "-m", "copycheck", "check", *args, "."]
    out = subprocess.run(cmd, cwd=root, capture_output=True, timeout=TREE_TIMEOUT, env=env, stdin=subprocess.DEVNULL)
    return out.returncode, out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace")


def check_tree(rng: random.Random, root: Path) -> None:
    import subprocess

    tree(rng, root)
    fmt = rng.choice(["text", "json", "github", "sarif", "junit", "html", "gitlab"])
    extra = rng.choice([[], ["--no-config"], ["--allow-outside"], ["--no-ignore"] if False else []])
    results = {}
    for jobs in ("1", "2"):
        try:
            results[jobs] = run_tree(root, ["--format", fmt, "--jobs", jobs, *extra])
        except subprocess.TimeoutExpired:
            raise AssertionError(f"--jobs {jobs} did not finish in {TREE_TIMEOUT} s") from None
        code, out, err = results[jobs]
        if code not in (0, 1, 2) or "Traceback" in err or "Traceback" in out:
            raise AssertionError(f"--jobs {jobs}: exit {code}\n{err[-2000:]}")
    if fmt != "html" and results["1"] != results["2"]:  # (the HTML report is dated)
        raise AssertionError(f"--jobs 1 and 2 differ:\n{results['1'][2][-800:]}\n---\n{results['2'][2][-800:]}")


def fuzz_trees(seconds: float, seed: int = 0, out: Path | None = None, at_least: int = 0):
    """Run for seconds, and on until at_least trees are tried (a loaded machine is slower);
    return (trees tried, list of (tree listing, traceback))."""
    import shutil
    import tempfile

    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    tried, failures = 0, []
    while time.monotonic() < deadline or tried < at_least:
        tried += 1
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "site"
            root.mkdir()
            try:
                check_tree(rng, root)
            except Exception:  # noqa: BLE001 - every failure is a finding of the fuzzer
                listing = sorted(str(p.relative_to(root)) for p in root.rglob("*"))
                failures.append((listing, traceback.format_exc()))
                if out:
                    out.mkdir(parents=True, exist_ok=True)
                    shutil.copytree(root, out / f"tree-{len(failures)}", symlinks=True,
                                    ignore=lambda d, names: [n for n in names if n.startswith("pipe")])
    return tried, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--mode", choices=("pages", "trees", "both"), default="both")
    ap.add_argument("--out", type=Path, default=None, help="save failing inputs here")
    args = ap.parse_args()
    share = args.seconds / 2 if args.mode == "both" else args.seconds
    bad = 0
    if args.mode in ("pages", "both"):
        tried, failures = fuzz(share, args.seed, args.out)
        print(f"fuzz pages: {tried} inputs in {share:.0f} s (seed {args.seed}), {len(failures)} failures", flush=True)
        for text, name, tb in failures[:5]:
            print(f"--- {name}: {text!r}\n{tb}")
        bad += len(failures)
    if args.mode in ("trees", "both"):
        tried, failures = fuzz_trees(share, args.seed, args.out)
        print(f"fuzz trees: {tried} trees in {share:.0f} s (seed {args.seed}), {len(failures)} failures", flush=True)
        for listing, tb in failures[:5]:
            print(f"--- {listing}\n{tb}")
        bad += len(failures)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
