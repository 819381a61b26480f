"""Settings: [tool.copycheck] in pyproject.toml or .copycheck.yaml.  The config
nearest to each checked file applies (found from its folder upwards, as ruff
does); paths in a config are relative to it; the command line wins, and says
what it overrode."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimrules import LEVELS
from claimrules.yamllib import LineDict, RulebookError, did_you_mean, load_yaml, read_bytes

from .source.files import DEFAULT_INCLUDE
from .markup.frontmatter import DEFAULT_KEYS

KEYS = {
    "select", "ignore", "extend-select", "per-file-ignores", "levels", "extend-rules", "include",
    "exclude", "frontmatter-keys", "extend-frontmatter-keys", "fail-on", "min-level", "evidence", "rule-options",
    "baseline", "respect-gitignore",
}


class ConfigError(RulebookError):
    pass


@dataclass
class Settings:
    select: tuple = ("ALL",)
    ignore: tuple = ()
    per_file_ignores: dict = field(default_factory=dict)
    levels: dict = field(default_factory=dict)
    extend_rules: tuple = ()
    include: tuple = DEFAULT_INCLUDE
    exclude: tuple = ()
    frontmatter_keys: tuple = DEFAULT_KEYS  # names and key-path globs of front matter and data files (markup/keys.py)
    fail_on: str = "warning"
    min_level: str = "warning"  # the lowest level reports show (what fail-on counts is always shown)
    evidence: tuple = ()
    rule_options: dict = field(default_factory=dict)  # code -> {option: value} for document-level rules
    baseline: str | None = None  # the baseline file (relative to the config file that names it)
    gitignore: bool = True  # a folder walk skips what .gitignore excludes
    allow_outside: bool = False  # --allow-outside: evidence, rule files and symlinks out of the project
    outside: tuple = ()  # (option, path) of the config's evidence and rule files out of its folder tree
    overridden: tuple = ()  # notices: what the command line overrode in the config
    source: str | None = None  # the config file, if any
    lines: dict = field(default_factory=dict)  # option -> its line in the config file

    def merged(self, **overrides):
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find(start: Path | None = None) -> Path | None:
    """The nearest .copycheck.yaml, or pyproject.toml with [tool.copycheck]."""
    d = (start or Path.cwd()).resolve()
    for folder in (d, *d.parents):
        yaml_file = folder / ".copycheck.yaml"
        if yaml_file.is_file():
            return yaml_file
        toml_file = folder / "pyproject.toml"
        if toml_file.is_file():
            try:
                data = read_bytes(toml_file)
            except OSError:
                return toml_file  # load() names what is wrong with it
            if re.search(rb"^(?:\xef\xbb\xbf)?\s*\[\s*tool\s*\.\s*copycheck\b", data, re.M):
                return toml_file  # load() reports it if it is broken (invalid UTF-8 or TOML)
    return None


_FOUND: dict = {}


def nearest(path) -> Path | None:
    """The config that applies to a checked file: the nearest one from its folder up (cached)."""
    d = Path(path).resolve().parent
    if d not in _FOUND:
        _FOUND[d] = find(d)
    return _FOUND[d]


def _toml_line(text: str, key: str) -> int:
    m = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def _inside(folder: Path, path) -> bool:
    """Whether path, its symbolic links followed, stays inside folder."""
    top, target = folder.resolve(), Path(path).resolve()
    return target == top or top in target.parents


def load(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    path = Path(path)
    if path.suffix == ".toml":
        import tomllib  # only for a pyproject.toml: not a start-up cost otherwise

        try:
            raw = read_bytes(path)
            text = raw.decode("utf-8-sig")  # (a byte-order mark, as some Windows editors write, is dropped)
            data = tomllib.loads(text).get("tool", {}).get("copycheck", {})
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise ConfigError(path, int(m.group(1)) if m else 0, f"invalid TOML: {exc}") from None
        except RecursionError:
            raise ConfigError(path, 0, "invalid TOML: nested too deeply to read") from None
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise ConfigError(path, line, f"invalid UTF-8 at byte {exc.start}") from None
        except OSError as exc:
            raise ConfigError(path, 0, f"cannot read: {exc}") from None

        def line_of(key):
            return _toml_line(text, key)
    else:
        data = load_yaml(path) or LineDict()
        if not isinstance(data, dict):
            raise ConfigError(path, 1, "the configuration must be a mapping")

        def line_of(key):
            return data.line_of(key) if isinstance(data, LineDict) else 0
    return _settings(path, data, line_of)


def _list(path, data, key, line_of):
    value = data[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, line_of(key), f"'{key}' must be a list of strings")
    return tuple(value)


def _settings(path: Path, data: dict, line_of) -> Settings:
    for key in data:
        if key not in KEYS:
            raise ConfigError(path, line_of(key), f"unknown option '{key}'{did_you_mean(key, KEYS)}")
    s = Settings(source=str(path), lines={key: line_of(key) for key in data})
    base = path.parent
    if "select" in data:
        s.select = _list(path, data, "select", line_of)
    if "extend-select" in data:
        s.select = s.select + _list(path, data, "extend-select", line_of)
    if "ignore" in data:
        s.ignore = _list(path, data, "ignore", line_of)
    if "include" in data:
        s.include = _list(path, data, "include", line_of)
    if "exclude" in data:
        s.exclude = _list(path, data, "exclude", line_of)
    if "frontmatter-keys" in data:
        s.frontmatter_keys = _list(path, data, "frontmatter-keys", line_of)
    if "extend-frontmatter-keys" in data:
        s.frontmatter_keys = s.frontmatter_keys + _list(path, data, "extend-frontmatter-keys", line_of)
    for key in ("extend-rules", "evidence"):
        if key in data:
            for p in _list(path, data, key, line_of):
                if not _inside(base, base / p):
                    s.outside += ((key, str(base / p)),)
    if "extend-rules" in data:
        s.extend_rules = tuple(str(base / p) for p in _list(path, data, "extend-rules", line_of))
    if "evidence" in data:
        s.evidence = tuple(str(base / p) for p in _list(path, data, "evidence", line_of))
    if "baseline" in data:
        if not isinstance(data["baseline"], str):
            raise ConfigError(path, line_of("baseline"), "'baseline' must be a path")
        s.baseline = str(base / data["baseline"])
        if not _inside(base, s.baseline):
            s.outside += (("baseline", s.baseline),)
    if "respect-gitignore" in data:
        if not isinstance(data["respect-gitignore"], bool):
            raise ConfigError(path, line_of("respect-gitignore"), "'respect-gitignore' must be true or false")
        s.gitignore = data["respect-gitignore"]
    if "fail-on" in data:
        if data["fail-on"] not in LEVELS:
            raise ConfigError(path, line_of("fail-on"), f"'fail-on' must be one of {', '.join(LEVELS)}")
        s.fail_on = data["fail-on"]
    if "min-level" in data:
        if data["min-level"] not in LEVELS:
            raise ConfigError(path, line_of("min-level"), f"'min-level' must be one of {', '.join(LEVELS)}")
        s.min_level = data["min-level"]
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError(path, line_of("per-file-ignores"), "'per-file-ignores' maps globs to lists of codes")
        for k, v in pfi.items():
            if not isinstance(v, str) and not (isinstance(v, list) and all(isinstance(c, str) for c in v)):
                raise ConfigError(path, line_of("per-file-ignores"),
                                  f"'per-file-ignores' maps globs to lists of codes; '{k}' has {v!r}")
        s.per_file_ignores = {str(k): tuple([v] if isinstance(v, str) else v) for k, v in pfi.items()}
    if "rule-options" in data:
        ro = data["rule-options"]
        if not isinstance(ro, dict) or not all(isinstance(k, str) and isinstance(v, dict) for k, v in ro.items()):
            raise ConfigError(path, line_of("rule-options"), "'rule-options' maps rule codes to tables of options")
        s.rule_options = {str(k): {str(o).replace("-", "_"): v for o, v in opts.items()} for k, opts in ro.items()}
    if "levels" in data:
        levels = data["levels"]
        if not isinstance(levels, dict) or any(not isinstance(k, str) or v not in LEVELS for k, v in levels.items()):
            raise ConfigError(path, line_of("levels"), f"'levels' maps rule codes to one of {', '.join(LEVELS)}")
        s.levels = dict(levels)
    return s


def overrides(settings: Settings, select) -> Settings:
    """--select wins over the config's ignore: codes the command line selects are not
    ignored, and a notice names what was overridden."""
    if not select or not settings.ignore:
        return settings
    dropped = [c for c in settings.ignore if any(c.startswith(s) or s.startswith(c) or s == "ALL" for s in select)]
    if not dropped:
        return settings
    where = f"{settings.source}:{settings.lines.get('ignore', 0)}" if settings.source else "config"
    notice = (f"--select {','.join(select)} overrides ignore = [{', '.join(dropped)}] "
              f"from {where}: the command line wins")
    return replace(settings, ignore=tuple(c for c in settings.ignore if c not in dropped),
                   overridden=settings.overridden + (notice,))


def check_codes(settings: Settings, rulebook) -> None:
    """Every code named in the settings must exist (with a did-you-mean)."""
    known = set(rulebook.rules) | {r.category for r in rulebook.rules.values()} | {r.name for r in rulebook.rules.values()}
    names = [(n, key) for key, values in (("select", settings.select), ("ignore", settings.ignore),
                                         ("levels", settings.levels), ("rule-options", settings.rule_options))
             for n in values]
    for codes in settings.per_file_ignores.values():
        names.extend((n, "per-file-ignores") for n in codes)
    for name, key in names:
        if name == "ALL" or name in known or any(code.startswith(name) for code in rulebook.rules):
            continue
        where = settings.source or "command line"
        raise ConfigError(where, settings.lines.get(key, 0) if settings.source else 0,
                          f"unknown rule code or category '{name}'{did_you_mean(name, sorted(known))}")
