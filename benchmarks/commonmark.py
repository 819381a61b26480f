"""How well a Markdown reader extracts the text a reader of the page sees, judged
on the CommonMark spec's examples, and how fast it reads the benchmark site.

    python benchmarks/commonmark.py SPEC.json [--site DIR] [--show N]

SPEC.json is the spec's examples as JSON (a list of {"markdown", "html",
"section", "example"}), for example https://spec.commonmark.org/0.31.2/spec.json
(CC BY-SA 4.0; a copy is kept for the tests in tests/data/commonmark-spec-0.31.2.json).
The reader judged is copycheck's (copycheck.markup.markdown, on pyromark).

For each example:
- words: the words (\\w+) of the blocks, in order, equal those of the rendered
  HTML's visible text (code, pre, script and style left out; an image's alt
  text kept, as copycheck's readers keep it; an address shown as its own link
  text (an autolink) or standing bare in the text left out, as copycheck's
  readers leave URLs out);
- positions: every piece a block copies from the source stands in the source
  at the offset the block gives for it.

Prints, per reader, examples right on words, on positions and on both, by spec
section, then the speed on the Markdown pages of the site (MB/s, median of 3)
and on how many of those pages the positions are exact.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from copycheck import markup  # noqa: E402

WORD = re.compile(r"\w+")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+")  # a bare address in text (as copycheck's readers see one)


class _Visible(HTMLParser):
    """The words a browser shows for a piece of HTML (and image alt text)."""

    HIDDEN = {"code", "pre", "script", "style", "textarea"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts = []
        self.links = []  # (href, index into parts) of the open <a> tags

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1
        elif tag == "img" and not self.depth:
            self.parts.append(" " + (dict(attrs).get("alt") or "") + " ")
        else:
            if tag == "a":
                self.links.append((dict(attrs).get("href") or "", len(self.parts) + 1))
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.depth = max(0, self.depth - 1)
        elif tag == "a" and self.links:
            href, at = self.links.pop()
            shown = "".join(self.parts[at:]).strip()
            if shown and unquote(href) in (unquote(shown), "mailto:" + unquote(shown)):
                del self.parts[at:]  # an autolink: its text is its address, not copy
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def rendered_words(html: str) -> list:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return WORD.findall(_URL.sub(" ", "".join(parser.parts)))


def ours(source: str) -> list:
    return markup.read(source, "markdown").blocks


# -- judging -----------------------------------------------------------------
def positions_exact(source: str, blocks) -> bool:
    for b in blocks:
        for t, s, tl, sl in b.segs:
            if tl == sl and source[s:s + sl] != b.text[t:t + tl]:
                return False
    return True


def judge(read, examples):
    right = Counter()
    by_section = Counter()
    wrong = []
    for ex in examples:
        source = ex["markdown"]
        blocks = read(source)
        words = WORD.findall(" ".join(b.text for b in blocks))
        ok_words = words == rendered_words(ex["html"])
        ok_pos = positions_exact(source, blocks)
        right["words"] += ok_words
        right["positions"] += ok_pos
        right["both"] += ok_words and ok_pos
        by_section[ex["section"]] += ok_words and ok_pos
        if not (ok_words and ok_pos):
            wrong.append(ex)
    return right, by_section, wrong


def speed(read, files):
    texts = [f.read_text(encoding="utf-8") for f in files]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        for text in texts:
            read(text)
        times.append(time.perf_counter() - t0)
    exact = sum(positions_exact(text, read(text)) for text in texts)
    return size, statistics.median(times), exact


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("spec", type=Path, help="the CommonMark spec's examples as JSON")
    ap.add_argument("--site", type=Path, default=HERE / "corpus" / "site",
                    help="folder of Markdown pages to time (default: the benchmark site)")
    ap.add_argument("--show", type=int, default=0, help="print the first N examples a reader gets wrong")
    args = ap.parse_args()
    examples = json.loads(args.spec.read_text(encoding="utf-8"))
    readers = {"copycheck": ours}
    sections = sorted({ex["section"] for ex in examples})
    totals = Counter(ex["section"] for ex in examples)
    results = {name: judge(read, examples) for name, read in readers.items()}
    n = len(examples)
    print(f"{n} examples of the CommonMark spec\n")
    print(f"{'reader':<18} {'words':>12} {'positions':>12} {'both':>12}")
    for name, (right, _, _) in results.items():
        print(f"{name:<18} " + " ".join(f"{right[k]:>5} ({right[k] / n:4.0%})" for k in ("words", "positions", "both")))
    print(f"\n{'section (both right)':<44}" + "".join(f"{name:>18}" for name in readers))
    for s in sections:
        print(f"{s:<38} {totals[s]:>5}" + "".join(f"{results[name][1][s]:>18}" for name in readers))
    for name, (_, _, wrong) in results.items():
        for ex in wrong[:args.show]:
            print(f"\n-- {name} wrong on example {ex['example']} ({ex['section']}):\n{ex['markdown']}")
    files = sorted(args.site.rglob("*.md"))
    if files:
        print(f"\nspeed on {len(files)} Markdown pages of {args.site} (median of 3):")
        for name, read in readers.items():
            size, t, exact = speed(read, files)
            print(f"{name:<18} {size:6.1f} MB {t:7.2f} s {size / t:6.1f} MB/s  positions exact on {exact} pages")


if __name__ == "__main__":
    main()
