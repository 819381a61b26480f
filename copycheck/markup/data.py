"""Data files as copy: the YAML, JSON and TOML files a site generator builds pages from,
read by the key-path rules of front matter (keys.py), each string at its place.

``data_file(path)`` says whether a path is a data file of a site, by its folder:
Hugo's ``data/`` (beside a Hugo config), Jekyll's and Eleventy's ``_data/`` (also
``src/_data/``), Astro's ``src/content/**`` and ``src/data/`` (beside an Astro config),
and the folders and files a Decap (Netlify) CMS ``admin/config.yml`` names as
collections.  Under ``data/`` or ``_data/`` a file's strings are also matched by the
path a template reads them by (``data/clinic/faq.yaml``'s first answer is
``clinic.faq[0].answer``, as ``site.Data.clinic.faq`` in Hugo)."""
from __future__ import annotations

import os
import re
from pathlib import Path

from .keys import is_copy, path_text, selector_for
from .values import MarkupError, add, strings_json, strings_toml, strings_yaml
from . import handed_on

SUFFIXES = {".yaml": "YAML", ".yml": "YAML", ".json": "JSON", ".toml": "TOML"}
HUGO = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
        "config.json", "config/_default")
ASTRO = ("astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs")
ELEVENTY = (".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.cjs")
DECAP = ("admin/config.yml", "static/admin/config.yml", "public/admin/config.yml", "src/admin/config.yml",
         "admin/config.yaml", "static/admin/config.yaml", "public/admin/config.yaml")
NOT_DATA = {"package.json", "package-lock.json", "tsconfig.json", "jsconfig.json", "composer.json", "manifest.json",
            "netlify.toml", "vercel.json", "renovate.json"}

_HAS: dict = {}  # (folder, names) -> whether one of names is in folder


def _has(folder: str, names) -> bool:
    key = (folder, names)
    if key not in _HAS:
        _HAS[key] = any(os.path.exists(os.path.join(folder, n)) for n in names)
    return _HAS[key]


_DECAP: dict = {}  # site root -> the collection folders and files its Decap config names
_DECAP_ENTRY = re.compile(r"^\s*-?\s*(folder|file)\s*:\s*[\"']?([^\"'#\s]+)", re.M)


def _decap(root: str) -> tuple:
    if root not in _DECAP:
        found = []
        for name in DECAP:
            try:
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as fh:
                    text = fh.read(1_000_000)
            except OSError:
                continue
            found += [(kind, p.strip("/")) for kind, p in _DECAP_ENTRY.findall(text)]
        _DECAP[root] = tuple(found)
    return _DECAP[root]


def data_file(path):
    """(prefix, kind) for a data file of a site, None for any other path: prefix is the key
    path a template reads its values by (() where the file is itself one entry)."""
    name = os.path.basename(str(path))
    kind = SUFFIXES.get(os.path.splitext(name)[1].lower())
    if kind is None or name.lower() in NOT_DATA:
        return None
    full = Path(os.path.abspath(path))
    folders = full.parent.parts
    stem = os.path.splitext(name)[0]
    for i in range(len(folders) - 1, 0, -1):
        here, parent = folders[i], str(Path(*folders[:i]))
        below = tuple(folders[i + 1:]) + (stem,)
        if here == "_data":
            return below, kind  # Jekyll, Eleventy
        if here == "data" and (_has(parent, HUGO) or folders[i - 1] == "src" and _has(str(Path(*folders[:i - 1])), ASTRO)):
            return below, kind  # Hugo's data/; Astro's src/data/
        if here == "content" and folders[i - 1] == "src" and _has(str(Path(*folders[:i - 1])), ASTRO):
            return (), kind  # an Astro content collection's entry
        if _has(parent, DECAP):
            rel = "/".join(folders[i:] + (name,))
            for what, p in _decap(parent):
                if what == "file" and rel == p or what == "folder" and rel.startswith(p + "/"):
                    return (), kind
    return None


def is_data_file(path) -> bool:
    """Whether path is a YAML, JSON or TOML file a site keeps copy in (by its folder)."""
    return data_file(path) is not None


def stream(source: str, parsed, keys=None, path=None):
    """The data file's blocks (scope ``data.`` and the key path), in order."""
    where = data_file(path) if path else None
    prefix = where[0] if where else ()
    suffix = os.path.splitext(str(path or ""))[1].lower()
    kind = SUFFIXES.get(suffix, "JSON" if source.lstrip()[:1] in "{[" else "YAML")
    sel = selector_for(keys)
    try:
        if kind == "JSON":
            rows = strings_json(source)[0]
        elif kind == "TOML":
            rows = strings_toml(source)
        else:
            rows = strings_yaml(source, many=True)
    except RecursionError:
        raise MarkupError(kind, 1, 1, "nested too deeply to read") from None
    for parts, value, s, e, style in rows:
        how = sel.wants(parts) or prefix and sel.wants(prefix + parts)
        if how and is_copy(value, how):
            add(parsed, "data." + path_text(prefix + parts), value, s, e, style, source)
            if len(parsed.blocks) > 16:
                yield from handed_on(parsed.blocks)
    yield from handed_on(parsed.blocks)
