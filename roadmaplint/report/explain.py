"""How a file was read: the shape, the items with their fields, and what was skipped.

``check --explain`` prints this before the findings, so that a user whose plan
reads wrong sees why: which lines became which item, and which ranges of the
file no item covers, with the reason.
"""

from __future__ import annotations

from roadmaplint.model import Block, Item, Roadmap


def explain(roadmap: Roadmap) -> str:
    """The report for one file, one line per item and per skipped range."""
    items = roadmap.items
    lines = [
        f"{roadmap.path}: shape headings (items are headings with an ID); "
        f"{len(items)} item{'s' if len(items) != 1 else ''} read"
    ]
    lines += [_item_line(roadmap.path, item) for item in items]
    for first, last, reason in skipped(roadmap):
        span = f"{first}" if first == last else f"{first}-{last}"
        lines.append(f"{roadmap.path}:{span}: skipped: {reason}")
    lines += [
        f"{roadmap.path}:{miss.line}: near miss: {miss.reason}" for miss in roadmap.near_misses
    ]
    return "\n".join(lines) + "\n"


def _item_line(path: str, item: Item) -> str:
    deps = ", ".join((*item.depends_on, *item.external_deps)) or "-"
    return (
        f"{path}:{item.position.line}: item {item.id} {item.title!r} "
        f"status={item.status or '-'} priority={item.priority or '-'} "
        f"owner={item.dri or '-'} depends on={deps}"
    )


def skipped(roadmap: Roadmap) -> list[tuple[int, int, str]]:
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
    runs: list[tuple[int, int, str]] = []
    for block in roadmap.blocks:
        if any(start <= block.line <= end for start, end, _ in covered):
            continue
        reason = _reason(roadmap, block)
        if runs and runs[-1][2] == reason and _adjacent(text_lines, runs[-1][1], block.line):
            runs[-1] = (runs[-1][0], block.end_line, reason)
        else:
            runs.append((block.line, block.end_line, reason))
    return runs


def _adjacent(text_lines: list[str], last: int, line: int) -> bool:
    return all(not text.strip() for text in text_lines[last : line - 1])


def _reason(roadmap: Roadmap, block: Block) -> str:
    if block.kind == "heading":
        if roadmap.title_position is not None and roadmap.title_position.line == block.line:
            return "the title"
        return "a heading with no item ID (a section, or prose)"
    if roadmap.items and block.line < roadmap.items[0].position.line:
        return "text before the first item"
    return f"{'a ' + block.kind if block.kind != 'other' else 'text'} under no item heading"
