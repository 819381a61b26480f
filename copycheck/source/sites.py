"""Which files of a site keep copy as data, by the folder they stand in: Hugo's ``data/``
(beside a Hugo config), Jekyll's and Eleventy's ``_data/`` (also ``src/_data/``), Astro's
``src/content/**`` and ``src/data/`` (beside an Astro config), and the folders and files a
Decap (Netlify) CMS ``admin/config.yml`` names as collections.  A folder walk takes them
(files.py); markup/data.py reads them."""
from __future__ import annotations

import os
import re
from pathlib import Path

SUFFIXES = {".yaml": "YAML", ".yml": "YAML", ".json": "JSON", ".toml": "TOML"}
HUGO = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
        "config.json", "config/_default")
ASTRO = ("astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts", "astro.config.cjs")
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
