"""What every fix must keep, stated over two full parses (the property tests and the fuzzer).

Independent of how fix places its lists or how the proof reads the new text: it
compares the blocks of the old and the new document that are not generated.
"""

from __future__ import annotations

from roadmaplint.model import Roadmap
from roadmaplint.reader.blocks import repaired
from roadmaplint.record import replace
from roadmaplint.text import split_lines
from roadmaplint.write.proof import generated_blocks


def kept_blocks(roadmap: Roadmap) -> list[tuple[str, str]]:
    """(kind, text) of every top-level block that is not generated, in order."""
    lines = split_lines(roadmap.source)
    generated = generated_blocks(roadmap)
    return [
        (block.kind, "".join(lines[block.line - 1 : block.end_line]).rstrip("\r\n"))
        for block in roadmap.blocks
        if block.line not in generated
    ]


def fix_kept_every_block(before: Roadmap, after: Roadmap) -> bool:
    """Whether every block fix does not generate reads back byte for byte, in order.

    An overview fix appends adds its heading (and a ``---`` before it) at the end. The
    stray lines of an RL108 repair gain indentation and nothing else: they are compared
    as the repair indents them.
    """
    if before.stray_lists:
        bom = "\ufeff" if before.source.startswith("\ufeff") else ""
        lines = split_lines(before.source[len(bom) :])
        before = replace(before, source=bom + repaired(lines, list(before.stray_lists)))
    old, new = kept_blocks(before), kept_blocks(after)
    if before.overview is None:
        added = new[len(old) :]
        return new[: len(old)] == old and all(kind in ("hr", "heading") for kind, _ in added)
    return old == new
