"""Check many files: discover, read, lint (in one process or several), collect."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING
from dataclasses import dataclass, field

from .source import files
from .findings import at_or_above, one_per_words
from .markup import decoder

if TYPE_CHECKING:
    from .linter import Linter

REPORT_MARK = '<meta name="generator" content="copycheck '  # our own HTML report, written into the site


@dataclass
class Result:
    findings: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # InputError, fatal
    notices: list = field(default_factory=list)  # InputError, skipped files
    files: int = 0
    checked: list = field(default_factory=list)  # the paths checked
    words: dict = field(default_factory=dict)  # path -> the words of copy read in it
    gate: dict = field(default_factory=dict)  # what the baseline or changed lines held back (summary)

    def summary(self) -> dict:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            counts[f.severity] += 1
        return {
            "files": self.files,
            "files_with_findings": len({f.path for f in self.findings}),
            "findings": len(self.findings),
            **counts,
            "input_errors": len(self.errors),
            **self.gate,
        }

    def failed(self, fail_on: str) -> bool:
        return any(at_or_above(f.severity, fail_on) for f in self.findings)


def check_one(linter: Linter, path, read=None):
    """One page through the linter -> (error or notice, findings, words, note: the truncation error, or
    a notice of what the reader could not read); of claim findings on the same words, the report
    keeps one (findings.one_per_words).
    read(): the page's Source (default: the file at path; the command line passes standard input)."""
    from .reading.matching import MatchTimeout

    try:
        source = files.read(path, decoder(path)) if read is None else read()
        if REPORT_MARK in source.text[:1000]:
            return files.InputError(path, "a copycheck report, not copy; skipped", fatal=False), [], 0, None
        page = linter.check_text(source.text, path, scopes=source.scopes)
        if page.language:
            return files.InputError(path, f"in another language ({page.language}, {page.skipped}); the rules are "
                                          "for English: skipped", fatal=False, language=page.language), [], 0, None
        note = truncated(page, path) or unread(page, path)
        return None, one_per_words(page.findings, linter.is_claim), page.words, note
    except files.InputError as exc:
        return exc, [], 0, None
    except MatchTimeout as exc:
        return files.InputError(path, str(exc)), [], 0, None
    except RecursionError:
        return files.InputError(path, "nested too deeply to read; file not checked"), [], 0, None
    except MemoryError:
        return files.InputError(path, "out of memory while checking this file; file not checked"), [], 0, None
    except Exception as exc:  # noqa: BLE001 - a bug in copycheck: one line naming the file, not a traceback
        return files.InputError(path, f"internal error ({type(exc).__name__}: {exc}); file not checked: "
                                      "please report it with the file"), [], 0, None


def truncated(page, path):
    """The error for a page whose claims were not all read (None: they were): the claims past
    the cap could be anything, so the page fails (exit 2) in every format, with the findings
    read before the cap still reported."""
    if not page.truncated:
        return None
    return files.InputError(path, f"over {page.truncated:,} claims on one page: the rest was not read "
                                  "for claims, so the page fails (split the page)")


def unread(page, path):
    """A notice (not fatal) for a page its reader could not read all of, None where it could."""
    if not page.notices:
        return None
    message, line = page.notices[0]
    return files.InputError(path, message, fatal=False, line=line)


def _lost(path, why):
    """The outcome of a file whose worker process died or whose result could not be read."""
    return files.InputError(path, f"{why}; file not checked (--jobs 1 checks it in one process)"), [], 0, None


AUTO_MIN_FILES = 4  # --jobs auto: fewer files than this are checked in one process
AUTO_MIN_BYTES = 1_000_000  # ... and so is less copy than this: starting workers would cost more than it gains


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def jobs_count(jobs, paths=None) -> int:
    """Processes for --jobs: a number, or "auto" (0): the cores, where the input
    (paths, when given) is large enough to gain from more than one."""
    if jobs in (None, "", "1", 1):
        return 1
    if jobs == "auto" or jobs == 0 or jobs == "0":
        if paths is None:
            return cores()
        if len(paths) < AUTO_MIN_FILES:
            return 1
        size = 0
        for p in paths:
            try:
                size += os.stat(p).st_size
            except OSError:
                pass  # reported when the file is read
            if size >= AUTO_MIN_BYTES:
                return min(cores(), len(paths))
        return 1
    return max(1, int(jobs))


def check_paths(paths, linter, settings, jobs=1, linter_of=None) -> Result:
    """linter_of(path): the linter for a file (the config nearest it); None: linter for all."""
    result = Result()
    found = files.discover(paths, settings.include, settings.exclude, settings.gitignore, settings.allow_outside)
    todo = to_check(found, result)
    outcomes = outcomes_of(todo, linter, linter_of, jobs)
    return collect(result, todo, outcomes)


def to_check(found, result) -> list:
    """The (path, named on the command line) pairs a walk found to check; its errors and
    notices go into result."""
    todo = []
    for item in found:
        if isinstance(item, files.InputError):
            (result.errors if item.fatal else result.notices).append(item)
        else:
            todo.append(item)
    return todo


def outcomes_of(todo, linter, linter_of, jobs) -> list:
    """check_one's outcome for each file of todo, in todo's order: the files that share a
    config share a linter, in one process or (jobs) in a pool."""
    n = jobs_count(jobs, [p for p, _ in todo])
    groups: dict = {}  # id(linter) -> (linter, [index]): files that share a config
    for i, (path, _) in enumerate(todo):
        lt = linter_of(path) if linter_of else linter
        groups.setdefault(id(lt), (lt, []))[1].append(i)
    outcomes = [None] * len(todo)
    for lt, indexes in groups.values():
        if n > 1 and len(indexes) > 1:
            from functools import partial

            from .source import pool

            done = pool.run(partial(check_one, lt), [todo[i][0] for i in indexes], n, _lost)
            for i, outcome in zip(indexes, done):
                outcomes[i] = outcome
        else:
            for i in indexes:
                path, _ = todo[i]
                outcomes[i] = check_one(lt, path)
    return outcomes


def collect(result, todo, outcomes) -> Result:
    """The outcomes of check_one for the (path, named on the command line) pairs of todo, into
    result (a file skipped as binary is an error where it was named, a notice in a walk)."""
    for (path, explicit), (error, findings, words, note) in zip(todo, outcomes):
        if note is not None:
            (result.errors if note.fatal else result.notices).append(note)
        if error is not None and getattr(error, "language", None):
            langs = result.gate.setdefault("not_english", {})
            langs[error.language] = langs.get(error.language, 0) + 1
            continue
        if error is not None:
            if not error.fatal and explicit:
                error.fatal = True  # a binary file named on the command line is an error
            (result.errors if error.fatal else result.notices).append(error)
            continue
        result.files += 1
        result.checked.append(path)
        result.words[path] = words
        result.findings.extend(findings)
    return result
