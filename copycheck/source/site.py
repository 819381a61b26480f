"""What a site generator's folders are: its build output (the copy again, rendered) and its
templates (code around the copy) are not copy, so a folder walk skips them where the
generator's own config file stands beside them.  A folder named on the command line is
checked whatever it is: that is how to check build output on purpose."""
from __future__ import annotations

import re

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
    import os

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
