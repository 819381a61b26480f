"""How well an HTML reader takes the words a browser shows, judged against headless
Chromium on a folder of real pages and on malformed HTML written for the test, and
how fast it reads them.

    python benchmarks/html_words.py CORPUS [--browser-cache FILE] [--runs N] [--show N]
    python benchmarks/html_words.py --record-malformed tests/data/html_malformed.json

CORPUS is a folder of .html pages; each folder directly under it is one corpus in
the report (pages stay outside the repository: this script holds no page text).

The browser: Chromium (/usr/bin/chromium, or $CHROMIUM) headless, driven over the
DevTools protocol (``websockets`` needed only then), each page loaded from a temporary
copy as a file (a UTF-8 byte-order mark put in front, so every page is read as the
UTF-8 it is) with JavaScript off: what is judged is the HTML as written, which is
what copycheck reads, not what a page's scripts would build.  <noscript> is then
hidden, as a visitor with JavaScript on sees the page.  The words shown are
``document.body.innerText``, in three views: "shown", as the page loads; "by design",
code, pre, svg, math and textarea hidden too (copycheck leaves them out on purpose:
they are not copy); "revealed", and what a click shows shown (closed details and
dialogs opened, [hidden] and what a style sheet hides shown: copy a visitor reads,
which copycheck reads on purpose).  The first figure is "revealed".  --browser-cache
keeps the browser's text per page (a JSON file, keep it out of the repository) so a
second run needs no Chromium.

The words: \\w+ of the text, case-folded, order left aside; agreement is the words
in both over the words in either (multisets).  copycheck's words are those of its
body-text blocks: <title>, meta and attribute blocks are counted apart.  Positions:
every piece a block copies from the source stands in the source at its offset, and
every piece it decodes (an entity) decodes from the source there; checked on all
blocks of every page.

The other readers (optional: each is skipped if it is not installed) extract the
same visible text the same way (the same skipped and block tags): the standard
library's html.parser (with the source offset of every piece, as copycheck's blocks),
html5lib, selectolax (lexbor) and lxml (no source offsets to give).  Their speed is
the median of --runs reads of the whole corpus, side by side in one run.  Install
them (and websockets) apart from copycheck's environment, e.g. in a venv put on
PYTHONPATH after the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from html import unescape
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from copycheck import markup  # noqa: E402
from copycheck.markup.html import BLOCK, SKIP  # noqa: E402
from copycheck.source.blocks import BlockBuilder  # noqa: E402

WORD = re.compile(r"\w+")
BY_DESIGN = ["code", "pre", "svg", "math", "textarea"]  # copycheck skips these on purpose
BODY_SCOPES_LEFT_OUT = ("title", "meta")  # and attribute.*


def words(text: str) -> Counter:
    return Counter(w.casefold() for w in WORD.findall(text))


def agreement(a: Counter, b: Counter) -> tuple[int, int]:
    """(words in both, words in either), counted as multisets."""
    both = sum((a & b).values())
    either = sum((a | b).values())
    return both, either


# -- copycheck ----------------------------------------------------------------
def body_blocks(blocks):
    return [b for b in blocks if b.scope not in BODY_SCOPES_LEFT_OUT and not b.scope.startswith("attribute.")]


def copycheck_text(source: str) -> str:
    return " ".join(b.text for b in body_blocks(markup.read(source, "html").blocks))


def positions_exact(source: str, blocks) -> tuple[int, int]:
    """(pieces checked, pieces wrong): a copied piece must equal its source text,
    a decoded one must decode from it (whitespace-only replacements stand for tags)."""
    checked = wrong = 0
    for b in blocks:
        for t, s, tl, sl in b.segs:
            piece, raw = b.text[t:t + tl], source[s:s + sl]
            checked += 1
            if tl == sl and raw == piece:
                continue
            if sl and raw.startswith("&") and unescape(raw if raw.endswith(";") else raw + ";") == piece:
                continue
            if not sl and piece.isspace():
                continue
            wrong += 1
    return checked, wrong


# -- the other readers: the same visible text, the same tags skipped and breaking -------
def stdlib_blocks(source: str) -> list:
    """The standard library's html.parser doing what copycheck's reader does for body text:
    blocks split at the block tags, each piece at its source offset (getpos, with
    convert_charrefs off so that every text run and reference is handed on where it stands)."""
    from html.parser import HTMLParser

    starts = [0]
    at = source.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = source.find("\n", at + 1)

    class Visible(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=False)
            self.skip = 0
            self.blocks = []
            self.builder = BlockBuilder("text")

        def flush(self):
            b = self.builder.build()
            if b is not None:
                self.blocks.append(b)
            self.builder = BlockBuilder("text")

        def here(self):
            line, col = self.getpos()
            return starts[line - 1] + col

        def handle_starttag(self, tag, attrs):
            if tag in SKIP or tag == "title":
                self.skip += 1
                self.flush()
            elif tag in BLOCK:
                self.flush()

        def handle_startendtag(self, tag, attrs):
            if tag in BLOCK:
                self.flush()

        def handle_endtag(self, tag):
            if tag in SKIP or tag == "title":
                self.skip = max(0, self.skip - 1)
            elif tag in BLOCK:
                self.flush()

        def handle_data(self, data):
            if not self.skip:
                self.builder.copy(self.here(), data)

        def _ref(self, raw):
            if not self.skip:
                at = self.here()
                if source.startswith(";", at + len(raw)):
                    raw += ";"
                self.builder.replace(at, len(raw), unescape(raw if raw.endswith(";") else raw + ";"))

        def handle_entityref(self, name):
            self._ref("&" + name)

        def handle_charref(self, name):
            self._ref("&#" + name)

    p = Visible()
    p.feed(source)
    p.close()
    p.flush()
    return p.blocks


def stdlib_text(source: str) -> str:
    return " ".join(b.text for b in stdlib_blocks(source))


def _tree_text(root, tag_of, children_of, text_of, tail_of) -> str:
    """Visible text of an ElementTree-shaped tree (html5lib's etree, lxml)."""
    out = []

    def walk(el):
        tag = tag_of(el)
        if tag in SKIP:
            return
        if tag in BLOCK:
            out.append("\n")
        if text_of(el):
            out.append(text_of(el))
        for child in children_of(el):
            walk(child)
            if tail_of(child):
                out.append(tail_of(child))
        if tag in BLOCK:
            out.append("\n")

    walk(root)
    return "".join(out)


def _local(tag):
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def html5lib_text(source: str) -> str:
    import html5lib

    doc = html5lib.parse(source, namespaceHTMLElements=False)
    body = doc.find("body")
    return _tree_text(body if body is not None else doc, lambda e: _local(e.tag), list,
                      lambda e: e.text if isinstance(e.tag, str) else None, lambda e: e.tail)


def lxml_text(source: str) -> str:
    import lxml.html

    if not source.strip():
        return ""
    try:
        doc = lxml.html.document_fromstring(source)
    except Exception:  # lxml refuses some pages (an XML declaration with an encoding, a page that is all comment)
        return ""
    body = doc.find("body")
    return _tree_text(body if body is not None else doc, lambda e: _local(e.tag), list,
                      lambda e: e.text if isinstance(e.tag, str) else None, lambda e: e.tail)


def selectolax_text(source: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(source)
    body = tree.body
    if body is None:
        return ""
    out = []

    def walk(node):
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                out.append(child.text_content or "")
            elif tag in SKIP:
                continue
            else:
                if tag in BLOCK:
                    out.append("\n")
                walk(child)
                if tag in BLOCK:
                    out.append("\n")

    walk(body)
    return "".join(out)


READERS = {
    "copycheck": copycheck_text,
    "html.parser (stdlib)": stdlib_text,
    "html5lib": html5lib_text,
    "selectolax (lexbor)": selectolax_text,
    "lxml": lxml_text,
}
POSITIONS = {
    "copycheck": "exact: every piece's offset (checked below)",
    "html.parser (stdlib)": "line and column of each text run and reference (getpos), checked below",
    "html5lib": "none: the tree keeps no source positions",
    "selectolax (lexbor)": "none: no source positions exposed",
    "lxml": "line of an element only (sourceline), no column, none for text",
}


def available():
    out = {}
    for name, fn in READERS.items():
        try:
            fn("<p>x</p>")
        except ImportError:
            continue
        out[name] = fn
    return out


# -- the browser ------------------------------------------------------------------
SHOWN_JS = """(() => {
  const hide = %s;
  for (const sel of hide) for (const e of document.querySelectorAll(sel)) e.style.setProperty('display', 'none', 'important');
  if (%s) {  // reveal what a click shows: closed details and dialogs, [hidden], what a style sheet hides
    for (const d of document.querySelectorAll('details')) d.open = true;
    for (const d of document.querySelectorAll('dialog')) d.setAttribute('open', '');
    for (const e of document.querySelectorAll('[hidden]')) e.removeAttribute('hidden');
    const never = 'script, style, template, noscript, code, pre, svg, math, textarea, title, iframe';
    for (const e of document.body ? document.body.querySelectorAll('*') : []) {
      if (e.closest(never)) continue;
      const cs = getComputedStyle(e);
      if (cs.display === 'none') e.style.setProperty('display', 'block', 'important');
      if (cs.visibility !== 'visible') e.style.setProperty('visibility', 'visible', 'important');
    }
  }
  return document.body ? document.body.innerText : '';
})()"""
VIEWS = {  # name: (selectors hidden, reveal)
    "shown": (["noscript"], False),
    "by_design": (["noscript", *BY_DESIGN], False),
    "revealed": (["noscript", *BY_DESIGN], True),
}


class Chromium:
    """Headless Chromium over the DevTools protocol: innerText of local files."""

    FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-port=0",
             "--blink-settings=scriptEnabled=false"]

    def __init__(self, binary=None):
        from websockets.sync.client import connect

        self.profile = tempfile.mkdtemp(prefix="htmlwords-profile-")
        self.pages = tempfile.mkdtemp(prefix="htmlwords-pages-")
        binary = binary or os.environ.get("CHROMIUM", "/usr/bin/chromium")
        self.proc = subprocess.Popen([binary, *self.FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        for _ in range(300):
            if port_file.exists() and len(port_file.read_text().split("\n")) >= 2:
                break
            time.sleep(0.1)
        port, path = port_file.read_text().split("\n")[:2]
        self.ws = connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=30).__enter__()
        self.next_id = 0
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Emulation.setScriptExecutionDisabled", value=True, session=True)

    def call(self, method, session=False, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv(timeout=60))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if reply.get("method") == "Page.loadEventFired":
                self.loaded = True

    def shown(self, html: str) -> dict:
        """The page's innerText in each of VIEWS: "shown" (<noscript> hidden), "by_design" (code,
        pre, svg, math and textarea hidden too), "revealed" (and what a click would show, shown)."""
        page = Path(self.pages) / "page.html"
        page.write_bytes(b"\xef\xbb\xbf" + html.encode("utf-8", "surrogatepass"))
        self.loaded = False
        self.call("Page.navigate", session=True, url=page.as_uri())
        deadline = time.time() + 20
        while not self.loaded and time.time() < deadline:
            try:
                reply = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.time())))
            except TimeoutError:
                break
            if reply.get("method") == "Page.loadEventFired":
                self.loaded = True
        out = {}
        for key, (hide, reveal) in VIEWS.items():
            result = self.call("Runtime.evaluate", session=True, returnByValue=True,
                               expression=SHOWN_JS % (json.dumps(hide), "true" if reveal else "false"))
            out[key] = result["result"].get("value", "")
        return out

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)
            shutil.rmtree(self.pages, ignore_errors=True)


def browser_texts(pages: dict, cache_file: Path | None) -> dict:
    cache = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file and cache_file.exists() else {}
    missing = [name for name in pages if set(VIEWS) - set(cache.get(name, ()))]
    if missing:
        chromium = Chromium()
        try:
            for name in missing:
                cache[name] = chromium.shown(pages[name])
        finally:
            chromium.close()
        if cache_file:
            cache_file.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
    return cache


# -- malformed HTML, written for this test -------------------------------------------
MALFORMED = {
    "unclosed tags": "<div><p>Gentle peel <b>for dry skin<p>Book today",
    "stray end p": "<div>Soft </p>results in </p> days</div>",
    "misnested b i": "<p><b>Fast <i>safe</b> results</i> here</p>",
    "unquoted attributes": "<p class=lead title=Peel>Unquoted <a href=/book>booking</a> works</p>",
    "missing end li": "<ul><li>Botox<li>Fillers<li>Peels</ul><p>After</p>",
    "p inside p": "<p>Outer text <p>inner text</p> trailing</p>",
    "comment with dashes": "<p>Before<!-- a -- b -- c -->after</p><p>Next<!--x--!>shown</p>",
    "cdata in html": "<p>One <![CDATA[ hidden bit ]]> two</p>",
    "script with end div": "<div>Shown<script>var s = '</div>';</script> still shown</div><p>Last</p>",
    "br between words": "<p>Line one<br>line two<br/>line three</p>",
    "hidden attribute": "<div hidden>Secret offer</div><p>Open offer</p>",
    "aria hidden": "<p>Visible words<span aria-hidden=\"true\"> icon label</span></p>",
    "noscript": "<p>Main copy</p><noscript><p>Please enable scripts</p></noscript>",
    "inline display none": "<p>Shown <span style=\"display:none\">tucked away</span> here</p>",
    "template": "<template><p>Not rendered</p></template><p>Rendered</p>",
    "select options": "<form><select><option>Morning slot<option>Evening slot</select></form>",
    "details closed": "<details><summary>Side effects</summary>Mild redness for a day</details>",
    "dialog": "<dialog><p>Closed dialog text</p></dialog><p>Page text</p>",
    "entities": "<p>Caf&eacute; &amp tea &#8212; &notanentity; &lt;b&gt; 5&nbsp;sessions</p>",
    "unclosed comment": "<p>Before</p><!-- never closed <p>After</p>",
    "unclosed quote in tag": "<p title=\"open>Text one</p><p>Text two</p>",
    "table without tbody": "<table><tr><td>Cell one<td>Cell two</table>Loose",
    "text in table": "<table>Stray words<tr><td>Cell</td></tr></table>",
    "heading inside p": "<p>Intro<h2>Heading</h2>rest</p>",
    "iframe and object": "<p>A</p><iframe>fallback text</iframe><object>object text</object><p>B</p>",
    "head text": "<html><head><title>T</title>stray head text</head><body>Body</body></html>",
    "xmp and plaintext": "<p>A</p><xmp><b>raw</b></xmp><p>B</p>",
    "uppercase tags": "<DIV><P>Upper CASE</P><SCRIPT>x()</SCRIPT><P>Next</P></DIV>",
    "void with end": "<p>One<img src=a.png alt=Photo>two</img>three</p>",
    "svg title": "<p>Before</p><svg><title>Icon</title><text>Label</text></svg><p>After</p>",
    "b across p": "<b>Bold start<p>inside</b> plain</p> after",
    "end br": "<p>One</br>two</p>",
    "entity without semicolon": "<p>&copy2024 Clinic &amp;co &ltnext &gtx</p>",
    "nested a": "<p><a href=a>First <a href=b>second</a> third</a></p>",
    "li outside list": "<li>Loose item<li>Another</li><p>Para</p>",
    "self-closing div": "<div/>Text after self-closing div<span/>and span",
    "gt inside quoted attribute": "<p title=\"a > b\" data-x='c>d'>Quoted text</p>",
    "style with end p": "<style>p:after{content:'</p>'}</style><p>Styled</p>",
    "textarea in p": "<p>Ask <textarea>type <b>here</b></textarea> now</p>",
    "hidden until found": "<div hidden=until-found>Found later</div><p>Now</p>",
    "processing instruction": "<?xml version=\"1.0\"?><p>After PI</p><?php echo 'x'; ?><p>After php</p>",
    "doctype and bom": "\ufeff<!DOCTYPE html><p>Doc text</p>",
    "zero width and nbsp": "<p>Pain&nbsp;free and pain\u200bless</p>",
    "wbr inside word": "<p>Micro<wbr>needling works</p>",
}


def record_malformed(out: Path):
    chromium = Chromium()
    try:
        cases = [{"name": name, "html": html, **chromium.shown(html)} for name, html in MALFORMED.items()]
    finally:
        chromium.close()
    out.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"recorded {len(cases)} cases from Chromium into {out}")


# -- the report --------------------------------------------------------------------
def judge_pages(pages, browser, readers, key, show=0):
    rows = []
    totals = {name: [0, 0] for name in readers}
    for name, source in pages.items():
        shown = words(browser[name][key])
        row = [name, sum(shown.values())]
        for rname, read in readers.items():
            both, either = agreement(words(read(source)), shown)
            totals[rname][0] += both
            totals[rname][1] += either
            row.append((both, either))
        rows.append(row)
        if show and "copycheck" in readers:
            ours = words(copycheck_text(source))
            missing, extra = shown - ours, ours - shown
            if missing or extra:
                print(f"  {name}: browser only {sorted(missing.items(), key=lambda kv: -kv[1])[:show]}"
                      f"  copycheck only {sorted(extra.items(), key=lambda kv: -kv[1])[:show]}")
    return rows, totals


def pct(both, either):
    return f"{both / either:6.1%}" if either else "     -"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, nargs="?", help="folder of .html pages (a corpus per subfolder)")
    ap.add_argument("--browser-cache", type=Path, help="JSON file keeping the browser's text per page")
    ap.add_argument("--runs", type=int, default=5, help="reads of the corpus to take the median of")
    ap.add_argument("--show", type=int, default=0, help="per page, the N words most often only one side has")
    ap.add_argument("--per-page", action="store_true", help="print the agreement of every page")
    ap.add_argument("--record-malformed", type=Path, metavar="JSON",
                    help="record Chromium's text of the malformed cases into JSON and stop")
    ap.add_argument("--malformed", type=Path, default=HERE.parent / "tests" / "data" / "html_malformed.json",
                    help="the malformed cases with Chromium's text, as recorded")
    args = ap.parse_args()
    if args.record_malformed:
        record_malformed(args.record_malformed)
        return
    if not args.corpus:
        ap.error("CORPUS is needed")
    files = sorted(p for p in args.corpus.rglob("*") if p.suffix.lower() in (".html", ".htm") and p.is_file())
    pages = {str(p.relative_to(args.corpus)): p.read_text(encoding="utf-8", errors="replace") for p in files}
    browser = browser_texts(pages, args.browser_cache)
    readers = available()
    names = list(readers)
    size = sum(len(s.encode("utf-8")) for s in pages.values()) / 1e6
    print(f"{len(pages)} pages, {size:.2f} MB, in {args.corpus}; browser: Chromium, JavaScript off, "
          f"<noscript> hidden; words in both / words in either (multisets, case-folded)\n")
    views = (("revealed", "the browser's words with what a click shows (closed details and dialogs, [hidden],\n"
                          "what a style sheet hides) shown, code/pre/svg/math/textarea left out on both sides"),
             ("by_design", "the browser's words as the page loads, code/pre/svg/math/textarea left out on both sides"),
             ("shown", "the browser's whole innerText as the page loads"))
    for key, label in views:
        rows, totals = judge_pages(pages, browser, readers, key, args.show if key == "revealed" else 0)
        print(f"{label}:")
        print(f"{'corpus':<16}{'pages':>6}{'words':>9}" + "".join(f"{n[:18]:>20}" for n in names))
        groups = {}
        for row in rows:
            groups.setdefault(row[0].split(os.sep)[0] if os.sep in row[0] else ".", []).append(row)
        for group, grows in sorted(groups.items()):
            sums = [[sum(r[2 + i][0] for r in grows), sum(r[2 + i][1] for r in grows)] for i in range(len(names))]
            print(f"{group:<16}{len(grows):>6}{sum(r[1] for r in grows):>9}" + "".join(f"{pct(*s):>20}" for s in sums))
        print(f"{'all':<16}{len(rows):>6}{sum(r[1] for r in rows):>9}"
              + "".join(f"{pct(*totals[n]):>20}" for n in names))
        if args.per_page and key == "revealed":
            print("\nper page:")
            for row in rows:
                print(f"  {row[0][:60]:<60}{row[1]:>7}" + "".join(f"{pct(*c):>9}" for c in row[2:]))
        print()
    # positions
    checked = wrong = 0
    bad_pages = []
    for name, source in pages.items():
        c, w = positions_exact(source, markup.read(source, "html").blocks)
        checked += c
        wrong += w
        if w:
            bad_pages.append(name)
    print(f"copycheck positions: {checked} pieces checked on {len(pages)} pages, {wrong} wrong"
          + (f" (on {', '.join(bad_pages)})" if bad_pages else ""))
    c = w = 0
    for source in pages.values():
        pc, pw = positions_exact(source, stdlib_blocks(source))
        c, w = c + pc, w + pw
    print(f"html.parser positions (getpos, convert_charrefs off): {c} pieces checked, {w} wrong\n")
    # apart from body text
    extra = Counter()
    for source in pages.values():
        for b in markup.read(source, "html").blocks:
            if b.scope in BODY_SCOPES_LEFT_OUT or b.scope.startswith("attribute."):
                extra[b.scope] += len(WORD.findall(b.text))
    print("copycheck's words apart from the body text (not in innerText): "
          + ", ".join(f"{k} {v}" for k, v in sorted(extra.items())) + "\n")
    # malformed cases
    if args.malformed.exists():
        cases = json.loads(args.malformed.read_text(encoding="utf-8"))
        print(f"malformed HTML ({len(cases)} cases written for the test, Chromium's text as recorded in "
              f"{args.malformed.name}): cases whose words agree exactly, as loaded and revealed")
        for n, read in readers.items():
            line = f"  {n:<22}"
            for key in ("by_design", "revealed"):
                wrong = [c["name"] for c in cases if words(read(c["html"])) != words(c[key])]
                line += f" {len(cases) - len(wrong):>3}/{len(cases)}"
            print(line + (f"   revealed, not: {'; '.join(wrong)}" if args.show else ""))
        print()
    # speed
    print(f"speed: the corpus read whole, median of {args.runs} (side by side, in turn each run)")
    texts = list(pages.values())
    times = {n: [] for n in names}
    for _ in range(args.runs):
        for n in names:
            read = readers[n]
            t0 = time.perf_counter()
            for text in texts:
                read(text)
            times[n].append(time.perf_counter() - t0)
    base = statistics.median(times["copycheck"])
    for n in names:
        t = statistics.median(times[n])
        print(f"  {n:<22} {t:7.3f} s {size / t:6.1f} MB/s  {t / base:5.2f}x copycheck's time   positions: {POSITIONS[n]}")


if __name__ == "__main__":
    main()
