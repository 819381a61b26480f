"""Plain text -> blocks: every paragraph (lines up to a blank line) is a block.
A line ``copycheck: disable-next-line CC101`` is a directive, not text."""
from __future__ import annotations

from . import directives
from ..source.blocks import BlockBuilder
from ..source.positions import split_lines


def stream(source: str, parsed):
    """The page's blocks in order (markup/__init__.py); directives into parsed."""
    para = None
    for off, content in split_lines(source, 0):
        directive = directives.from_text_line(content, off) if "copycheck:" in content else None
        if directive or not content.strip():
            if directive:
                parsed.directives.append(directive)
            if para is not None:
                block = para.build()
                if block is not None:
                    yield block
                para = None
            continue
        if para is None:
            para = BlockBuilder("paragraph")
        else:
            para.replace(off, 0, "\n")
        para.copy(off, content)
    if para is not None:
        block = para.build()
        if block is not None:
            yield block
