"""One self-contained HTML page for a compliance reviewer: what was checked, the
verdict, findings at a glance (inline SVG), then each page's findings in their
sentences with the evidence, filters and a search box that work without a server.

Templated with Jinja2, autoescaped: the copy shown is escaped everywhere.  A
Content-Security-Policy allows only the report's own script (by its hash) and no
network at all, so even markup that slipped through could neither run nor fetch."""
from __future__ import annotations

import base64
import hashlib
import os
import time
from pathlib import Path
from urllib.parse import quote

from ..source.files import printable
from ..findings import at_or_above
from ..kinds import REGISTRY

HERE = Path(__file__).parent / "templates"
ORDER = ("error", "warning", "info")
OPEN_UP_TO = 300  # findings: a report this small opens every page; a bigger one opens none until asked


def render(result, options, echo):
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    script = (HERE / "report.js").read_text(encoding="utf-8")
    style = (HERE / "report.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    echo(env.get_template("report.html").render(
        **model(result, options), script=Markup(script), style=Markup(style), script_hash=digest))


def model(result, options) -> dict:
    """Everything the template shows, worked out here (the template only lays it out)."""
    from .. import __version__

    book = options.get("rulebook")
    fail_on = options.get("fail_on", "warning")
    summary = result.summary()
    pages: dict = {p: [] for p in result.checked}
    for f in result.findings:
        pages.setdefault(f.path, []).append(f)
    link_base = Path(options["output_file"]).resolve().parent if options.get("output_file") else Path.cwd()
    real = options.get("real_paths") or {}  # shown name -> the file's real name, where they differ

    def link(path):
        return _href(real.get(path, path), link_base)

    views = [_page(i, path, found, result.words.get(path, 0), book, link)
             for i, (path, found) in enumerate(sorted(pages.items(), key=_seriousness))]
    categories = sorted({f.category for f in result.findings})
    failing = [f for f in result.findings if at_or_above(f.severity, fail_on)]
    return {
        "version": __version__,
        "rulebook": _rulebook(book),
        "date": _date(),
        "pages": views,
        "with_findings": [v for v in views if v["findings"]][:10],
        "open_all": len(result.findings) <= OPEN_UP_TO,
        "summary": summary,
        "words": sum(result.words.values()),
        "levels": ORDER,
        "categories": categories,
        "by_level": _bars([(level, summary[level]) for level in ORDER]),
        "by_category": _bars(sorted(((c, sum(f.category == c for f in result.findings)) for c in categories),
                                    key=lambda kv: (-kv[1], kv[0]))),
        "verdict": _verdict(result, failing, fail_on, options.get("exit_zero")),
        "gate": _gate(summary, options),
        "errors": [str(e) for e in result.errors],
        "not_english": summary.get("not_english", {}),
    }


def _seriousness(item):
    path, found = item
    return (*(-sum(f.severity == level for f in found) for level in ORDER), path)


def _page(index, path, found, words, book, link):
    page_level = [_about_page(f, book) for f in found]
    whole = [f for f, p in zip(found, page_level) if p]
    counts = {level: sum(f.severity == level for f in found) for level in ORDER}
    return {
        "id": f"page-{index + 1}",
        "path": path,
        "href": link(path),
        "words": words,
        "counts": counts,
        "findings": [_finding(f, book, link, True) for f in whole]
                    + [_finding(f, book, link, False) for f, p in zip(found, page_level) if not p],
        "page_level": len(whole),
    }


def _about_page(f, book) -> bool:
    """A finding of a page-level rule (readability, balance, density), or with no sentence."""
    rule = book.rules.get(f.rule) if book else None
    kind = REGISTRY.get(rule.kind) if rule else None
    return not f.sentence or bool(kind and kind.check_document)


def _finding(f, book, link, about_page) -> dict:
    rule = book.rules.get(f.rule) if book else None
    before, hit, after = _highlight(f.sentence, f.match)
    return {
        "f": f,
        "page": about_page,
        "where": f"{f.path}:{f.line}:{f.column}" + (f" ({f.place()})" if f.heading is not None else ""),
        "href": link(f.path),
        "before": before, "hit": hit, "after": after,
        "link": rule.link if rule and rule.link.startswith(("http://", "https://")) else "",
        "why": rule.why if rule else "",
        "evidence": [{"quote": printable(e.quote), "where": printable(getattr(e, "cite", "") or f"{e.source}:{e.line}")}
                     for e in f.evidence],
    }


def _highlight(sentence: str, match: str):
    """The sentence split around the risky words (found as written, then ignoring case)."""
    words = " ".join(match.split())
    sentence = sentence.lstrip("•·*-–— ")  # a list item's marker is not part of what it says
    if not sentence:
        return "", words, ""
    at = sentence.find(words) if words else -1
    if at < 0 and words:
        at = sentence.lower().find(words.lower())
    if at < 0:
        return sentence, "", ""
    return sentence[:at], sentence[at:at + len(words)], sentence[at + len(words):]


def _href(path: str, base: Path) -> str:
    """A link from the report's folder to the checked file (relative, percent-encoded)."""
    if path == "-":
        return ""
    rel = os.path.relpath(os.path.abspath(path), base)
    return quote(Path(rel).as_posix().encode("utf-8", "surrogateescape"), safe="/-._~")


def _bars(items):
    """Rows of a horizontal bar chart: label, count, bar width in percent of the largest."""
    top = max((n for _, n in items), default=0) or 1
    return [{"label": label, "count": n, "width": round(100 * n / top, 1), "y": 26 * i} for i, (label, n) in enumerate(items)]


def _verdict(result, failing, fail_on, exit_zero):
    if result.errors:
        n = len(result.errors)
        return {"passes": False, "text": f"The gate fails: {n} file{'s' if n != 1 else ''} could not be checked."}
    if failing:
        n = len(failing)
        text = f"The gate fails: {n} finding{'s' if n != 1 else ''} at {fail_on} or above (--fail-on {fail_on})."
        if exit_zero:
            text += " This run was told to pass anyway (--exit-zero)."
        return {"passes": False, "text": text}
    return {"passes": True, "text": f"The gate passes: no finding at {fail_on} or above (--fail-on {fail_on})."}


def _gate(summary, options) -> list:
    """What this report leaves out, as the gate does: said at the top, not hidden."""
    said = []
    if options.get("changed_since"):
        said.append(f"Only findings on lines changed since {options['changed_since']} are shown; "
                    f"{summary.get('unchanged', 0)} on unchanged lines are not.")
    if options.get("baseline"):
        said.append(f"Findings recorded in the baseline {options['baseline']} are not shown "
                    f"({summary.get('baselined', 0)} held back; {summary.get('fixed', 0)} fixed since it was written).")
    return said


def _rulebook(book) -> str:
    if book is None:
        return ""
    h = hashlib.sha256()
    for path in book.files:
        h.update(Path(path).read_bytes())
    return f"{len(book.rules)} rules, {len(book.files)} rule files (sha256 {h.hexdigest()[:12]})"


def _date() -> str:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible reports)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = int(epoch) if epoch and epoch.isdigit() else time.time()
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(when))
