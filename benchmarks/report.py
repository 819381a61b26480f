"""The HTML report at scale: the benchmark corpus's 2,000 pages as one report.

    python benchmarks/report.py [--runs N] [--pages N]

Prints the time to write the report beside the JSON report of the same run (medians of
N runs), the report's size, and in headless Chromium (Debian's /usr/bin/chromium,
driven by playwright, installed into benchmarks/.venv): time to first contentful
paint, to the load event, and how long a filter, a search and "open all pages" take
(medians of N page loads).  Needs the corpus (benchmarks/make_corpus.py)."""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
VENV = HERE / ".venv"
PLAYWRIGHT = "playwright==1.65.2"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

PROBE = r'''
import json, statistics, sys
from playwright.sync_api import sync_playwright
url, runs, flags = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
rows = {"first contentful paint": [], "load event": [], "filter: errors only": [], "search: one word": [],
        "open all pages": []}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url, wait_until="load", timeout=120000)
        paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
        load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        frame = "await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));"
        def timed(action):
            return page.evaluate("async () => { const t = performance.now(); " + action + frame
                                 + " return performance.now() - t; }")
        rows["first contentful paint"].append(paint)
        rows["load event"].append(load)
        rows["filter: errors only"].append(timed(
            "for (const b of document.querySelectorAll('input[name=level]')) { if (b.value !== 'error') b.click(); }"))
        rows["search: one word"].append(timed(
            "const q = document.querySelector('input[name=q]'); q.value = 'guaranteed';"
            " q.dispatchEvent(new Event('input', {bubbles: true}));"))
        rows["open all pages"].append(timed("document.getElementById('expand').click();"))
        page.close()
    browser.close()
print(json.dumps({k: statistics.median(v) for k, v in rows.items()}))
'''


def ensure():
    if not (CORPUS / "site").is_dir():
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(CORPUS)], check=True)
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if subprocess.run([str(VENV / "bin" / "python"), "-c", "import playwright"], capture_output=True).returncode:
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", PLAYWRIGHT], check=True)


def timed(cmd, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - t)
        if r.returncode not in (0, 1):
            sys.exit(r.stderr.decode(errors="replace"))
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    ensure()
    site = CORPUS / "site"
    out = Path(tempfile.mkdtemp(prefix="copycheck-report-"))
    cc = [sys.executable, "-m", "copycheck", "check", "--isolated", "--quiet", str(site)]
    t_json = timed([*cc, "--format", "json", "-o", str(out / "report.json")], args.runs)
    t_html = timed([*cc, "--format", "html", "-o", str(out / "report.html")], args.runs)
    found = json.loads((out / "report.json").read_text())["summary"]
    size = (out / "report.html").stat().st_size / 1e6
    probe = subprocess.run([str(VENV / "bin" / "python"), "-c", PROBE, (out / "report.html").as_uri(),
                            str(args.runs), json.dumps(FLAGS)], capture_output=True, text=True)
    if probe.returncode:
        sys.exit(probe.stderr[-3000:])
    browser = json.loads(probe.stdout)
    print(f"{found['files']} pages, {found['findings']} findings; medians of {args.runs} runs\n")
    print(f"{'write the report, --format json':<40} {t_json:8.2f} s")
    print(f"{'write the report, --format html':<40} {t_html:8.2f} s   ratio html/json {t_html / t_json:.2f}")
    print(f"{'HTML report size':<40} {size:8.1f} MB")
    for name, ms in browser.items():
        print(f"{'Chromium: ' + name:<40} {ms:8.0f} ms")


if __name__ == "__main__":
    main()
