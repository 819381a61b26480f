"""Which files of a site keep copy as data, by the folder they stand in: Hugo's ``data/``
(beside a Hugo config), Jekyll's and Eleventy's ``_data/`` (also ``src/_data/``), Astro's
``src/content/**`` and ``src/data/`` (beside an Astro config), and the folders and files a
Decap (Netlify) CMS ``admin/config.yml`` names as collections.  A folder walk takes them
(files.py); markup/data.py reads them.

And which folders are not copy: a site generator's build output (the copy again, rendered) and
its templates (code around the copy), skipped by a folder walk where the generator's own config
file stands beside them.  A folder named on the command line is checked whatever it is: that is
how to check build output on purpose."""
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
    """Whether path is a YAML, JSON or TOML file a site keeps copy in (by its folder), or a
    JavaScript or TypeScript content module."""
    return data_file(path) is not None or is_content_module(path)


MODULES = {".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"}
COPY_FOLDERS = {"content", "contents", "data", "_data", "copy"}
_NOT_MODULE = (".d.ts", ".d.mts", ".d.cts")
_CODE_NAME = re.compile(r"\.(?:config|test|spec|stories|setup)\.", re.I)


def is_content_module(path) -> bool:
    """A .ts/.js file in a content or data folder of a JavaScript site (below the folder that
    holds its package.json, not in node_modules): copy kept as object literals (markup/jsdata.py)."""
    name = os.path.basename(str(path)).lower()
    if os.path.splitext(name)[1] not in MODULES or name.endswith(_NOT_MODULE) or _CODE_NAME.search(name):
        return False
    folders = Path(os.path.abspath(path)).parent.parts
    below_copy = False
    for i in range(len(folders) - 1, 0, -1):
        if folders[i] == "node_modules":
            return False
        if _has(str(Path(*folders[:i + 1])), ("package.json",)):
            return below_copy  # the site's root: a content folder must stand below it
        below_copy = below_copy or folders[i].lower() in COPY_FOLDERS
    return False

# config file names -> (build output folders, template folders), each relative to the config's folder
GENERATORS = (
    (("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"), ("public", "resources"), ("layouts", "archetypes", "themes")),
    (("_config.yml", "_config.yaml", "_config.toml"), ("_site",), ("_layouts", "_includes", "_sass")),
    ((".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts"),
     ("_site",), ("_includes", "_layouts", "src/_includes", "src/_layouts")),
    (("astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.cjs"), ("dist",), ()),
    (("next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs"), ("out", "build"), ()),
    (("gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"), ("public",), ()),
    (("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"), ("build",), ()),
    (("nuxt.config.js", "nuxt.config.ts", "nuxt.config.mjs"), ("dist",), ()),
    (("svelte.config.js", "svelte.config.mjs", "svelte.config.ts"), ("build",), ()),
    (("vite.config.js", "vite.config.ts", "vite.config.mjs"), ("dist",), ()),
    (("mkdocs.yml", "mkdocs.yaml"), ("site",), ()),
)
# Hugo's config.* is a common name: it counts as Hugo's only beside Hugo's own folders
HUGO_LEGACY = ("config.toml", "config.yaml", "config.yml", "config.json")
HUGO_FOLDERS = {"layouts", "archetypes", "content"}
# a generator's config that moves its output or its templates elsewhere
_MOVED = re.compile(r"""^\s*(?:publishDir|destination|publish_dir)\s*[:=]\s*["']?([\w./-]+)["']?\s*$""", re.MULTILINE)


def pruned(folder, names) -> dict:
    """{path of a subfolder, as the walk spells it: why} for a folder whose entries are names."""
    found = skipped(names, lambda name: _text(os.path.join(folder, name)))
    base = str(folder)
    return {(os.path.join(base, rel) if base != "." else rel): why for rel, why in found.items()}


def _text(path) -> str:
    """A config file's first 64 KB as text ("" where it cannot be read)."""
    from claimrules.yamllib import read_bytes

    try:
        return read_bytes(path, 1 << 20)[:65536].decode("utf-8", errors="replace")
    except OSError:
        return ""


def skipped(names, read) -> dict:
    """For a folder holding the entry names ``names``: {relative folder: why} for the build
    output and template folders its generator's config names.  read(name) gives a config
    file's text ("" where it cannot be read)."""
    names = set(names)
    out = {}
    for configs, output, templates in GENERATORS:
        found = next((c for c in configs if c in names), None)
        if found is None:
            continue
        _add(out, found, output, templates, read)
    if not any(c in names for c in GENERATORS[0][0]) and names & HUGO_FOLDERS:
        found = next((c for c in HUGO_LEGACY if c in names), None)
        if found is not None:
            _add(out, found, GENERATORS[0][1], GENERATORS[0][2], read)
    return out


def _add(out, config, output, templates, read):
    moved = _MOVED.search(read(config) or "")
    for folder in output:
        out.setdefault(folder, f"build output of the site ({config})")
    if moved:
        folder = moved.group(1).strip("./").rstrip("/")
        if folder and ".." not in folder:
            out.setdefault(folder, f"build output of the site ({config})")
    for folder in templates:
        out.setdefault(folder, f"templates of the site ({config})")
