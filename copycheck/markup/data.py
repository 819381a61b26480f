"""Data files as copy: the YAML, JSON and TOML files a site generator builds pages from,
read by the key-path rules of front matter (keys.py), each string at its place.  Which
files they are is decided by their folder (source/sites.py).  Under ``data/`` or ``_data/``
a file's strings are also matched by the path a template reads them by
(``data/clinic/faq.yaml``'s first answer is ``clinic.faq[0].answer``, as
``site.Data.clinic.faq`` in Hugo)."""
from __future__ import annotations

import os

from ..source.sites import SUFFIXES, data_file
from .keys import is_copy, path_text, selector_for
from .values import MarkupError, add, strings_json, strings_toml, strings_yaml
from . import handed_on


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
