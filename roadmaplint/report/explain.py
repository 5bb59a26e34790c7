"""How a file was read: the shape of each part, the items with their fields, and what was
skipped, with the reason.

``check --explain`` prints this before the findings, so that a user whose plan
reads wrong sees why: which part of the file was read in which shape, which lines
became which item, and which ranges of the file no item covers, and why not.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.model import Block, Item, Roadmap
from roadmaplint.settings import Settings

READ_IN_PARTS = ("table-rows", "checkboxes")  # a table or list of items is one part


def explain(roadmap: Roadmap, settings: Settings | None = None) -> str:
    """The report for one file: a line per part read in one shape, one per item under
    it, then one per skipped range and per near miss."""
    from roadmaplint.reader.shapes import DESCRIPTIONS, item_shapes

    path = roadmap.path
    shapes = item_shapes(roadmap)
    count = len(roadmap.items)
    used = list(dict.fromkeys(shapes))
    lines = [
        f"{path}: {count} item{'s' if count != 1 else ''} read"
        + (f" ({', '.join(used)})" if used else "")
    ]
    for name, part in _parts(roadmap, shapes):
        first, last = part[0].position.line, part[-1].end_line
        lines.append(
            f"{path}:{_span(first, last)}: shape {name}, {DESCRIPTIONS[name]}: "
            f"{len(part)} item{'s' if len(part) != 1 else ''}"
        )
        lines += [_item_line(path, item) for item in part]
    for first, last, reason in skipped(roadmap, settings or Settings()):
        lines.append(f"{path}:{_span(first, last)}: skipped: {reason}")
    lines += [f"{path}:{miss.line}: near miss: {miss.reason}" for miss in roadmap.near_misses]
    return "\n".join(lines) + "\n"


def _span(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}-{last}"


def _parts(roadmap: Roadmap, shapes: Sequence[str]) -> list[tuple[str, list[Item]]]:
    """Runs of items read in one shape; a table or a list of items is a part of its own."""
    text_lines = roadmap.source.splitlines()
    parts: list[tuple[str, list[Item]]] = []
    for item, name in zip(roadmap.items, shapes, strict=True):
        if parts and parts[-1][0] == name:
            last = parts[-1][1][-1]
            between = text_lines[last.end_line : item.position.line - 1]
            if name not in READ_IN_PARTS or all(not line.strip() for line in between):
                parts[-1][1].append(item)
                continue
        parts.append((name, [item]))
    return parts


def _item_line(path: str, item: Item) -> str:
    deps = ", ".join((*item.depends_on, *item.external_deps)) or "-"
    return (
        f"{path}:{item.position.line}: item {item.id} {item.title!r} "
        f"status={item.status or '-'} priority={item.priority or '-'} "
        f"owner={item.dri or '-'} depends on={deps}"
    )


def skipped(roadmap: Roadmap, settings: Settings | None = None) -> list[tuple[int, int, str]]:
    """``(first line, last line, why)`` for each run of blocks outside every item,
    legend and generated section."""
    covered = [(item.position.line, item.end_line, "") for item in roadmap.items]
    regions = [found.region for found in roadmap.overviews]
    regions += [found.region for found in roadmap.graph_sections]
    covered += [(region.heading.line, region.end, "") for region in regions]
    for legend in (roadmap.status_legend, roadmap.priority_legend):
        if legend is not None and not legend.configured:
            covered.append((legend.position.line, legend.position.line, ""))
    text_lines = roadmap.source.splitlines()
    reasons = _Reasons(roadmap, settings or Settings(), text_lines)
    runs: list[tuple[int, int, str]] = []
    for block in roadmap.blocks:
        if any(start <= block.line <= end for start, end, _ in covered):
            continue
        reason = reasons.of(block)
        if runs and runs[-1][2] == reason and _adjacent(text_lines, runs[-1][1], block.line):
            runs[-1] = (runs[-1][0], block.end_line, reason)
        else:
            runs.append((block.line, block.end_line, reason))
    return runs


def _adjacent(text_lines: list[str], last: int, line: int) -> bool:
    return all(not text.strip() for text in text_lines[last : line - 1])


class _Reasons:
    """Why a block outside every item was not read as items."""

    def __init__(self, roadmap: Roadmap, settings: Settings, text_lines: list[str]) -> None:
        from roadmaplint.reader.dialect import Dialect
        from roadmaplint.reader.inline import plain_text

        self.roadmap = roadmap
        self.dialect = Dialect.from_settings(settings)
        self.lines = [line + "\n" for line in text_lines]
        self.inline = plain_text
        self.front_matter = _front_matter_end(text_lines)
        self.headings = any(name in ("headings", "phases") for name in _shape_names(roadmap))

    def of(self, block: Block) -> str:
        roadmap = self.roadmap
        if block.line <= self.front_matter:
            return "the front matter (YAML between --- lines)"
        if block.kind == "table":
            return "the header of a table of items"
        if block.kind == "heading":
            if roadmap.title_position is not None and roadmap.title_position.line == block.line:
                return "the title"
            return "a heading with no item ID (a section, or prose)"
        shaped = self._shape_reason(block)
        if shaped is not None:
            return shaped
        if roadmap.items and block.line < roadmap.items[0].position.line:
            return "text before the first item"
        return f"{'a ' + block.kind if block.kind != 'other' else 'text'} under no item heading"

    def _shape_reason(self, block: Block) -> str | None:
        """Why a table, a checkbox list or a paragraph written like an item was not read
        as items, if it looks like them."""
        from roadmaplint.reader import shape_misses
        from roadmaplint.reader.phases import is_checklist_line
        from roadmaplint.reader.reference import markdown
        from roadmaplint.reader.shapes.table import find_tables

        if block.kind not in ("paragraph", "list"):
            return None
        start, end = block.line - 1, block.end_line
        own = self.lines[start:end]
        tokens = markdown().parse("".join(own), {})
        if not tokens:
            return None
        if block.kind == "paragraph":
            miss = shape_misses.table_miss(own, 0, len(own), self.dialect, self.inline)
            miss = miss or shape_misses.paragraph_miss(tokens, 0, self.dialect, self.inline)
            if miss is not None:
                return miss[1]
            if self.headings and find_tables(own, 0, len(own), self.dialect, self.inline):
                return (
                    "a table of rows without IDs: beside heading items, only rows with an ID "
                    "are items"
                )
            return None
        if any(is_checklist_line(line) for line in own):
            return "the phase checklist: it gives each phase heading its status"
        listed = shape_misses.list_miss(tokens, 0, own)
        if listed is not None:
            return listed[1]
        if self.headings and shape_misses.has_boxes(own):
            return (
                "a checkbox list without IDs: beside heading items, only boxes with an ID are items"
            )
        return None


def _front_matter_end(lines: list[str]) -> int:
    """The last line of YAML front matter at the top of the file (``---`` ... ``---``), or 0."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for number, line in enumerate(lines[1:200], start=2):
        if line.rstrip() in ("---", "..."):
            return number
    return 0


def _shape_names(roadmap: Roadmap) -> tuple[str, ...]:
    from roadmaplint.reader.shapes import item_shapes

    return item_shapes(roadmap)
