"""Content modules as copy: a JavaScript or TypeScript file in a site's content or data folder
(``lib/content/peels.ts``, ``src/data/faq.js``; source/sites.py decides which) that holds the
site's copy as object literals.  Each string (or template literal without substitutions) is
found by its key path, as in front matter and data files (keys.py): ``hero.title``,
``faqs[2].answer``, with or without the name of the constant that holds it.  Code is not
copy: only strings that are values in object literals and arrays are looked at, and of those
the ones under a copy key, or shaped like prose (three words or more, most of them plain
words: not class lists, paths or identifiers) under a key that does not name something else
(``className``, ``href``, ``image``, ``slug``)."""
from __future__ import annotations

from claimrules.cache import compiled

from . import handed_on
from .keys import DEFAULT_KEYS, WILD, is_copy, not_copy_key, path_text, selector_for
from .jsx import JsxReader
from ..source.blocks import BlockBuilder

# copy a module names by its own key, wherever it stands (a module has no page "top" as front matter has)
MODULE_KEYS = ("**.{title,subtitle,heading,subheading,headline,description,summary,intro,lead,tagline,overview,"
               "excerpt,answer,question,text,body,content,blurb,quote,review,details,caption,note}",)
_PLAIN = compiled(r"[A-Za-z][a-z\u2019']*")  # a word of prose: no digits, hyphens, colons or slashes in it
_WRAPPERS = {"as_expression", "satisfies_expression", "parenthesized_expression", "non_null_expression"}


def stream(source: str, parsed, keys=None, path=None):
    """The module's blocks (scope ``data.`` and the key path), in order."""
    grammar = "typescript" if str(path or "").lower().endswith((".ts", ".mts", ".cts")) else "tsx"
    reader = JsxReader(source, 0, len(source), parsed, grammar)
    reader.note_errors("TypeScript" if grammar == "typescript" else "JavaScript")
    sel = selector_for(tuple(keys or DEFAULT_KEYS) + MODULE_KEYS)
    stack = [(reader.root, ())]
    while stack:
        node, parts = stack.pop()
        t = node.type
        if t == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if value is not None:
                stack.append((value, (_text(source, reader, name),) if name is not None else ()))
        elif t in _WRAPPERS:
            stack.extend((c, parts) for c in reversed(node.named_children[:1]))
        elif t == "object" or t == "ERROR":  # (what tree-sitter could not parse: read as far as it goes)
            for child in reversed(node.named_children):
                key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
                if child.type == "pair" and key is not None and value is not None:
                    stack.append((value, parts + (_key(source, reader, key),)))
                elif t == "ERROR":
                    stack.append((child, parts))
        elif t == "array":
            stack.extend((c, parts + (i,)) for i, c in reversed(list(enumerate(node.named_children))))
        elif t in ("string", "template_string"):
            if parts:
                _string(reader, sel, node, parts, parsed)
                if len(parsed.blocks) > 16:
                    yield from handed_on(parsed.blocks)
        elif t == "assignment_expression":  # module.exports = {...}
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and right is not None:
                stack.append((right, (_text(source, reader, left),)))
        elif t in ("program", "export_statement", "lexical_declaration", "variable_declaration",
                   "expression_statement"):
            name = ("default",) if t == "export_statement" else ()  # export default {...}: its name is default
            stack.extend((c, name) for c in reversed(node.named_children))
    yield from handed_on(parsed.blocks)


def _text(source, reader, node) -> str:
    return source[reader.at(node.start_byte):reader.at(node.end_byte)]


def _key(source, reader, node) -> str:
    key = _text(source, reader, node)
    return key[1:-1] if node.type == "string" and len(key) >= 2 else key


def _string(reader, sel, node, parts, parsed) -> None:
    how = sel.wants(parts[1:]) or sel.wants(parts)  # parts[0] names the constant: with it or without
    if not how and not_copy_key(parts):
        return
    builder = BlockBuilder("data." + path_text(parts))
    if not reader.js_string(builder, node):
        return  # a template literal with ${...} in it: code and copy mixed
    block = builder.build()
    if block is not None and is_copy(block.text, how or WILD) and (how or _prose(block.text)):
        parsed.blocks.append(block)


def _prose(text: str) -> bool:
    words = text.split()
    return len(words) >= 3 and sum(1 for w in words if _PLAIN.fullmatch(w.strip(".,;:!?()\"'\u2018\u2019\u201c\u201d"))) >= 0.6 * len(words)
