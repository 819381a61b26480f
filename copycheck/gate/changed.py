"""Changed lines: which lines of which files differ from a git revision (the
working tree against it, untracked files whole), for pull-request gates and
hooks (``--changed-since origin/main``).  Runs git, locally; never the network."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from claimrules.cache import compiled
from claimrules.yamllib import RulebookError

_HUNK = compiled(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangedError(RulebookError):
    pass


def _git(args, cwd):
    try:
        return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True,
                              text=True, encoding="utf-8", errors="surrogateescape", check=False)
    except FileNotFoundError:
        raise ChangedError("--changed-since", 0, "git is not installed") from None


def changed_lines(ref: str, cwd=".") -> dict:
    """Absolute path -> the set of changed line numbers, or None for a whole new file."""
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise ChangedError("--changed-since", 0, f"{os.path.abspath(cwd)} is not in a git repository")
    root = Path(top.stdout.strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd).returncode != 0:
        shallow = _git(["rev-parse", "--is-shallow-repository"], cwd).stdout.strip() == "true"
        hint = (" (this is a shallow clone: fetch it first, e.g. 'git fetch --depth=100 origin main')"
                if shallow else "")
        raise ChangedError("--changed-since", 0, f"unknown git revision '{ref}'{hint}")
    diff = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", ref, "--"], root)
    if diff.returncode != 0:
        raise ChangedError("--changed-since", 0, f"git diff {ref} failed: {diff.stderr.strip()}")
    out: dict = {}
    current = None
    for line in diff.stdout.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else str(root / name[2:] if name.startswith("b/") else root / name)
            if current is not None:
                out.setdefault(current, set())
        elif current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or 1)
                out[current].update(range(start, start + count))
    out.update(dict.fromkeys(_binary(ref, root), None))
    others = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    for name in others.stdout.split("\0"):
        if name:
            out[str(root / name)] = None
    return out


def _binary(ref, root):
    """The files changed since ref that git diffs as binary (a Word or OpenDocument draft): lines
    mean nothing there (a draft's line is a paragraph), so each counts as changed whole."""
    fields = iter(_git(["diff", "--numstat", "-z", "--no-ext-diff", ref, "--"], root).stdout.split("\0"))
    for field in fields:
        added, _, rest = field.partition("\t")
        deleted, _, name = rest.partition("\t")
        if not name and deleted:  # a rename: the old name, then the new one, follow
            next(fields, None)
            name = next(fields, "")
        if added == "-" and deleted == "-" and name:
            yield str(root / name)


def keep(findings, changed: dict) -> list:
    """The findings on changed lines; a page-level finding when its page changed at all."""
    out = []
    for f in findings:
        lines = changed.get(os.path.abspath(f.path), False)
        if lines is False:
            continue  # the page did not change
        if lines is None or not f.match or any(n in lines for n in range(f.line, f.end_line + 1)):
            out.append(f)
    return out
