"""Safe YAML loading that remembers where each mapping and key came from.

Every error in a rule, lexicon or config file must name the file and the line.
PyYAML's SafeLoader builds no Python objects from tags; on top of it, mappings
become :class:`LineDict`, which knows its own line and the line of each key.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


class RulebookError(Exception):
    """A problem in a rule, lexicon, evidence or config file: ``file:line: message``."""

    def __init__(self, path, line, message):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class LineDict(dict):
    """A dict from YAML that knows its 1-based ``line`` and each key's line."""

    line = 0
    key_lines: dict

    def line_of(self, key):
        return self.key_lines.get(key, self.line)


@lru_cache(maxsize=None)
def pyyaml():
    """(PyYAML, its fastest safe loader with lines kept), imported on the first load: a run whose
    rulebook comes from the start-up cache reads no YAML and does not pay for the import."""
    import yaml

    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return yaml, _Loader


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


class LineList(list):
    """A list from YAML that knows the 1-based line of each item."""

    lines: list


def _construct_sequence(loader, node):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result



MAX_BYTES = 20_000_000  # a rule, lexicon, evidence or config file larger than this is refused
MAX_EXPANSION = 1_000_000  # nodes a document may stand for once its aliases are expanded


class TooLarge(OSError):
    """A file over the size copycheck reads for itself."""


def read_bytes(path, limit: int | None = None) -> bytes:
    """A file copycheck reads for itself (rules, lexicons, evidence, config, baseline,
    .gitignore, cache): a regular file of at most limit bytes.  A FIFO, socket or device is
    refused before it is opened (a FIFO would block, /dev/zero never ends), and the cap
    holds while reading (a file that grows is not read past it).  Problems are OSError
    whose str() is the one-line reason."""
    import os
    import stat

    limit = MAX_BYTES if limit is None else limit
    st = os.stat(path)  # follows a symbolic link: its target is what would be read
    if not stat.S_ISREG(st.st_mode):
        raise OSError("not a regular file (a FIFO, socket or device); refused")
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"over {limit:,} bytes; refused")
    return data


def _children(node):
    yaml = pyyaml()[0]
    if isinstance(node, yaml.MappingNode):
        return [c for pair in node.value for c in pair]
    return node.value if isinstance(node, yaml.SequenceNode) else ()


def _expansion(root) -> tuple:
    """(nodes the document stands for with every alias expanded, capped just past
    MAX_EXPANSION; the first node reached a second time).  Each node is counted once,
    so this is linear in the file.  An alias inside its own anchor is refused."""
    size: dict = {}
    totals = {id(root): 1}
    stack = [(root, iter(_children(root)))]
    shared = None
    while stack:
        node, rest = stack[-1]
        child = next(rest, None)
        if child is None:
            stack.pop()
            size[id(node)] = totals.pop(id(node))
            if stack:
                parent = id(stack[-1][0])
                totals[parent] = min(MAX_EXPANSION + 1, totals[parent] + size[id(node)])
            continue
        if id(child) in size:
            shared = shared or child
            totals[id(node)] = min(MAX_EXPANSION + 1, totals[id(node)] + size[id(child)])
        elif id(child) in totals:
            return MAX_EXPANSION + 1, child  # recursive: it would never end
        else:
            totals[id(child)] = 1
            stack.append((child, iter(_children(child))))
    return size[id(root)], shared


def load_yaml(path: Path, text: str | None = None):
    """Parse a YAML file safely; a syntax error becomes a RulebookError with its line.
    Bounded: a file over MAX_BYTES, or whose aliases expand past MAX_EXPANSION nodes
    (a "billion laughs"), is refused with its line."""
    yaml, loader_class = pyyaml()
    try:
        if text is None:
            try:
                data = read_bytes(path)
            except TooLarge:
                raise RulebookError(path, 0, f"too large to load (the limit is {MAX_BYTES:,} bytes)") from None
            text = data.decode("utf-8")
        elif len(text) > MAX_BYTES:
            raise RulebookError(path, 0, f"too large to load (the limit is {MAX_BYTES:,} bytes)")
        loader = loader_class(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return None
            if "*" in text:  # aliases: check what they expand to before building anything
                n, shared = _expansion(root)
                if n > MAX_EXPANSION:
                    line = shared.start_mark.line + 1 if shared is not None else 0
                    raise RulebookError(path, line, f"YAML aliases expand past {MAX_EXPANSION:,} nodes; "
                                                    "refused (write the values out)")
            return loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise RulebookError(path, line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise RulebookError(path, 0, f"invalid YAML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulebookError(path, 0, f"cannot read: {exc}") from None


def did_you_mean(word: str, choices) -> str:
    import difflib  # only when a name is wrong

    close = difflib.get_close_matches(str(word), list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_keys(path, mapping: LineDict, allowed, required=(), what="key"):
    """Reject unknown keys (with a suggestion) and missing required ones."""
    for key in mapping:
        if key not in allowed:
            raise RulebookError(
                path, mapping.line_of(key), f"unknown {what} '{key}'{did_you_mean(key, allowed)}"
            )
    for key in required:
        if key not in mapping:
            raise RulebookError(path, mapping.line, f"missing required {what} '{key}'")
