"""What the server checks, with which settings, and what the gate lets through.

The settings are the command line's: the config nearest the file (config.find, from the file's
folder up), built by copycheck.configured.  They are kept while the config, and the rule and
evidence files it names, keep their modification times; so a config fixed or changed on disk
applies at the next check, with no restart.  Inline suppressions are the linter's; the baseline
named in the config and its min-level are applied as ``copycheck check`` applies them.  Nothing
here knows LSP: it is plain library code the server runs off its main thread."""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .. import config, configured, markup
from ..findings import at_or_above
from ..runner import check_one
from ..source.files import InputError, Source


@dataclass
class Outcome:
    findings: list = field(default_factory=list)  # what the gate shows, sorted by position
    linter: object = None  # the linter that made them (its rulebook: links, explain)
    problem: InputError | None = None  # the page could not be (wholly) checked
    config_error: Exception | None = None  # a RulebookError: the config (or a file it names) is broken
    config: str | None = None  # the config file that applies, if any


def wanted(path: str) -> bool:
    """Whether the server checks a file: any format copycheck reads, and a YAML, JSON or TOML
    file only where a folder walk would read it as a site's data (not package.json)."""
    fmt = markup.format_for(path)
    if fmt == "data":
        return markup.is_data_file(path)
    return Path(path).suffix.lower() in markup.FORMATS


def _stamp(paths) -> tuple:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), None, None))
    return tuple(out)


class Checker:
    """Settings per config file, rebuilt when one of its files changes; checks of one page."""

    def __init__(self):
        self._built: dict = {}  # config path -> (files, stamp, (settings, linter) or the error)
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Drop every kept config (the client said its files or settings changed)."""
        with self._lock:
            self._built.clear()

    def built(self, found):
        """(settings, linter) for a config file (None: the defaults); raises the RulebookError
        that names a broken config, rule or evidence file."""
        key = str(found)
        with self._lock:
            entry = self._built.get(key)
            if entry is None or _stamp(entry[0]) != entry[1]:
                files = [found] if found else []
                stamp = _stamp(files)
                try:
                    settings, linter = configured(found)
                    files += [*settings.extend_rules, *settings.evidence]
                    entry = (files, _stamp(files), (settings, linter))
                except Exception as exc:  # noqa: BLE001 - a RulebookError, or a bug: kept and shown, not fatal
                    broken = getattr(exc, "path", None)
                    if broken and broken not in map(str, files):
                        files.append(broken)
                        stamp = _stamp(files)
                    entry = (files, stamp, exc)
                self._built[key] = entry
        if isinstance(entry[2], Exception):
            raise entry[2]
        return entry[2]

    def check(self, text: str, path: str) -> Outcome:
        """The findings the gate shows for text, checked as the file at path."""
        import claimrules

        found = config.find(Path(path).parent)
        try:
            settings, linter = self.built(found)
        except Exception as exc:  # noqa: BLE001 - a RulebookError (or a bug): shown, never a dead server
            return Outcome(config_error=exc, config=str(found) if found else None)
        error, findings, _, note = check_one(linter, path, read=lambda: Source(path, text))
        out = Outcome(linter=linter, problem=error or note, config=str(found) if found else None)
        if error is not None:
            return out
        if settings.baseline:
            from ..gate.baseline import apply

            try:
                findings = apply(findings, settings.baseline, [path])[0]
            except claimrules.RulebookError as exc:
                out.config_error = exc
        lowest = settings.min_level if at_or_above(settings.fail_on, settings.min_level) else settings.fail_on
        out.findings = [f for f in findings if at_or_above(f.severity, lowest)]
        return out
