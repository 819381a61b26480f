"""Baselines: today's findings recorded by content, so that a gate on an existing
site reports only new ones.

A finding's key is its rule, its file (relative to the baseline file's folder),
the sentence it stands in and its match, each with whitespace normalised; never
its line.  So moving a paragraph or editing a neighbouring line keeps a
baselined finding quiet, and editing the sentence itself brings it back.  Keys
are a multiset: a sentence that holds the same finding twice is baselined twice.
The file is JSON, one finding per line, sorted: stable and reviewable in a diff."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from claimrules.yamllib import RulebookError, read_bytes

MAX_BYTES = 200_000_000  # a baseline larger than this is refused

FORMAT = 1


class BaselineError(RulebookError):
    pass


def _rel(path: str, base: Path) -> str:
    if path == "-":
        return path
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def key(finding, base: Path) -> tuple:
    return (_rel(finding.path, base), finding.rule, " ".join(finding.sentence.split()),
            " ".join(finding.match.split()))


def write(path, findings, version: str) -> int:
    """Write the baseline of findings to path, made by copycheck version; the number of entries."""
    path = Path(path)
    base = path.resolve().parent
    keys = sorted(key(f, base) for f in findings)
    lines = [json.dumps({"path": p, "rule": r, "sentence": s, "match": m}, ensure_ascii=False, sort_keys=True)
             for p, r, s, m in keys]
    body = ",\n".join("    " + line for line in lines)
    text = (f'{{\n  "version": {FORMAT},\n  "copycheck": "{version}",\n  "findings": [\n'
            + (body + "\n" if lines else "") + "  ]\n}\n")
    path.write_text(text, encoding="utf-8")
    return len(keys)


def read(path) -> Counter:
    """The baseline's keys; a file that is not a baseline is an error naming it and the line."""
    path = Path(path)
    try:
        text = read_bytes(path, MAX_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise BaselineError(path, 0, "no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(path, 0, f"cannot read baseline: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(path, exc.lineno, f"invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise BaselineError(path, 0, "invalid baseline: nested too deeply to read") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(path, 1, f"not a copycheck baseline of version {FORMAT}")
    keys = Counter()
    for i, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("path", "rule", "sentence", "match")):
            raise BaselineError(path, 5 + i, "each entry needs path, rule, sentence and match (strings)")
        keys[(item["path"], item["rule"], item["sentence"], item["match"])] += 1
    return keys


def apply(findings, path, checked) -> tuple:
    """(new findings, how many baselined, how many baselined findings are gone) for the
    files checked this run: a baseline entry for a file not checked is neither."""
    base = Path(path).resolve().parent
    left = read(path)
    new, matched = [], 0
    for f in findings:
        k = key(f, base)
        if left[k] > 0:
            left[k] -= 1
            matched += 1
        else:
            new.append(f)
    seen = {_rel(p, base) for p in checked}
    fixed = sum(n for (p, *_), n in left.items() if n > 0 and p in seen)
    return new, matched, fixed
