"""Re-read only the item an edit touched, reusing every other record.

An item heading is a top-level block, so the text between it and the next
structural heading (another item, a legend, a section) parses the same whether
it is read alone or inside the whole document, as long as the edit keeps that
boundary where it was. ``_reread_item`` hands the edited item's lines, and the
boundary heading after them, to ``read_item_lines``: the reader's one entry point
for reading one item alone, built on the same steps (blocks, outline,
``read_item``) the full ``parse`` runs. It takes the result only when that heading
still reads as a heading of its own and the item's lines still hold one item and
nothing else. Anything else (an unclosed fence, a new heading, an edit across two
items, a link reference definition that could change other values) is a full parse.

The result equals ``parse(new_text)`` record for record: the property tests
compare them after random edit sequences.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from roadmaplint.errors import RoadmapError
from roadmaplint.model import (
    Block,
    Comment,
    GraphSection,
    Heading,
    Item,
    Legend,
    LegendEntry,
    LinkReference,
    Overview,
    OverviewEntry,
    OverviewGroup,
    Position,
    Region,
    Roadmap,
    Section,
)
from roadmaplint.reader import ItemLines, parse, read_item_lines
from roadmaplint.reader.dialect import PHASE_WORK_ID, WORK_ID
from roadmaplint.reader.fields import headings_close_with_coded_status, legend_priority
from roadmaplint.reader.generated import with_group_priorities
from roadmaplint.reader.reuse import moved_item
from roadmaplint.reader.said_once import said_for_a_range
from roadmaplint.reader.shapes.checkbox import BOX
from roadmaplint.reader.waits import (
    DEPENDENCY_NOTE,
    REVERSE_FIELD,
    TREE_BRANCH,
    named_across,
    reads_plan_wide,
    waits_in_status,
)
from roadmaplint.record import record, replace
from roadmaplint.record.moved import Moved
from roadmaplint.settings import Settings
from roadmaplint.text import LineStarts, changed_span, line_starts, split_lines

_T = TypeVar("_T")
Span = tuple[int, int, int]  # (start, old_end, new_end), as changed_span gives it


@record
class ItemEdit:
    """The one item an update re-read: its index, its last line before the edit, and
    how many lines the edit added (negative: removed). Lines after ``last`` moved by
    ``delta``; every other record is as it was."""

    index: int
    last: int
    delta: int
    # Whether the edit may have changed an anchor or a link to one (reader/anchors.py):
    # the item's heading line, a heading, an HTML tag or a link in its lines.
    anchors: bool = True


@record(slots=False)
class Snapshot:
    """A text, its records, and what an incremental re-read needs to know about them."""

    text: str
    roadmap: Roadmap
    settings: Settings
    starts: LineStarts  # line_starts(text)
    bullets: _Bullets | None  # the field markers of each item; None: unknown
    # Sorted lines, kept as LineStarts so that an added line moves them as a whole:
    boundaries: LineStarts  # lines of the top-level headings the reader recorded
    item_lines: LineStarts  # the line of each item's heading
    block_lines: LineStarts  # the first line of each top-level block
    full: bool  # whether the last update was a full parse (for tests and the benchmark)
    edit: ItemEdit | None = None  # what the last update re-read; None: all of it

    @property
    def path(self) -> str:
        return self.roadmap.path


def full_snapshot(text: str, path: str, settings: Settings) -> Snapshot:
    roadmap = parse(text, path, settings)
    starts = LineStarts(line_starts(text))
    bullets = _all_bullets(roadmap, text, starts)
    return _snapshot(text, roadmap, settings, starts, bullets, full=True)


def _snapshot(
    text: str,
    roadmap: Roadmap,
    settings: Settings,
    starts: LineStarts,
    bullets: _Bullets | None,
    full: bool,
    edit: ItemEdit | None = None,
) -> Snapshot:
    items = LineStarts([item.position.line for item in roadmap.items])
    blocks = LineStarts([block.line for block in roadmap.blocks])
    boundaries = LineStarts(_boundaries(roadmap))
    return Snapshot(text, roadmap, settings, starts, bullets, boundaries, items, blocks, full, edit)


def update(old: Snapshot, new_text: str, span: Span | None = None) -> Snapshot:
    """The snapshot of ``new_text``: re-reading one item when that is safe, else all of it.

    ``span``: where the texts differ, ``changed_span(old.text, new_text)`` or any wider
    span outside which they are the same, when the caller knows it (the editor's edit).
    """
    if new_text == old.text:
        return old
    reread = _reread_item(old, new_text, span or changed_span(old.text, new_text))
    if reread is not None:
        return reread
    return full_snapshot(new_text, old.path, old.settings)


def _boundaries(roadmap: Roadmap) -> tuple[int, ...]:
    """Lines of every top-level heading the reader turned into a record, sorted."""
    lines = [item.position.line for item in roadmap.items]
    lines += [section.position.line for section in roadmap.sections]
    lines += [heading.position.line for heading in roadmap.headings]
    lines += [legend.position.line for legend in _legends(roadmap)]
    lines += [found.region.heading.line for found in roadmap.overviews]
    lines += [found.region.heading.line for found in roadmap.graph_sections]
    if roadmap.title_position is not None:
        lines.append(roadmap.title_position.line)
    return tuple(sorted(set(lines)))


def _legends(roadmap: Roadmap) -> list[Legend]:
    return [legend for legend in (roadmap.status_legend, roadmap.priority_legend) if legend]


def _reread_item(old: Snapshot, new_text: str, span: Span) -> Snapshot | None:
    roadmap, starts = old.roadmap, old.starts
    if old.bullets is None or roadmap.stray_lists or roadmap.unclosed:
        return None  # a stray list's or open fence's hidden range spans items: read it all
    start, old_end, new_end = span
    line = bisect_right(starts, start) - 1  # 0-based line holding the first changed character
    index = bisect_right(old.item_lines, line + 1) - 1  # the item at or above that line
    if index < 0:
        return None
    first = old.item_lines[index]  # 1-based
    after = bisect_right(old.boundaries, first)
    boundary = old.boundaries[after] if after < len(old.boundaries) else None
    region_start = starts[first - 1]
    region_end = starts[boundary - 1] if boundary is not None else len(old.text)
    if region_start == 0 or old_end > region_end:
        return None
    delta_chars = new_end - old_end
    new_region_end = region_end + delta_chars
    region = new_text[region_start:new_region_end]
    if "]:" in region or "]:" in old.text[region_start:region_end]:
        return None  # a link reference definition here may change values anywhere
    if _names_others(region) or _names_others(old.text, region_start, region_end):
        return None  # ``Prereq for: A-1``, ``- Depends on A-1 ...``: read across items
    if reads_plan_wide(old.text) or reads_plan_wide(region):
        return None  # ``1 → (2 ∥ 3) → 4``, ``depends on everything``: on every item's ID
    if said_for_a_range(old.text) or said_for_a_range(region):
        return None  # ``PIN-001 through PIN-010 (all released)``: a status for many items
    if headings_close_with_coded_status(old.text) or headings_close_with_coded_status(region):
        return None  # ``### E01 — Title `done```: read by its neighbours' way of saying it
    if boundary is not None and not region.endswith(("\n", "\r")):
        return None
    heading_line = old.text[region_start : starts[first]]
    if _leading_space(region) != _leading_space(heading_line):
        return None  # an indented heading could join a list above it
    region_lines = len(split_lines(region))
    # the heading after the item, unchanged by the edit
    tail = old.text[region_end : starts[boundary]] if boundary is not None else ""
    try:
        fresh = read_item_lines(
            region + tail,
            first,
            old.settings,
            section=roadmap.items[index].section,
            references=roadmap.references,
            heading_after=boundary is not None,
        )
    except RoadmapError:
        return None  # the full parse says why, with the document's own line numbers
    if fresh is None or _heading_level(old, first) != fresh.blocks[0].level:
        return None  # not one item; or its level changed, which reclassifies items around it
    if any(item.restated for item in roadmap.items):
        # a row, a bullet or a heading below gave an item its status (reader/__init__.py):
        # that field stands outside its item, where an edit above it moves it
        return None
    if _may_be_indexed(roadmap.items[index], fresh.item, old.text):
        return None  # a box of an index above names it: one item or two (reader/__init__.py)
    if _numbered_work(roadmap.items[index].id) or _numbered_work(fresh.item.id):
        return None  # a task's ID may hang on its phase's other tasks (outline.py)
    if _may_hold_box_items(roadmap.items[index], old.text[region_start:region_end]) or (
        _may_hold_box_items(fresh.item, region)
    ):
        return None  # its boxes may be the items, as its neighbours' are (reader/__init__.py)
    if named_across(roadmap.items, roadmap.items[index], fresh.item):
        return None  # a dependency named by a title hangs on the other items
    if not set(roadmap.items[index].depends_on) <= set(fresh.item.depends_on):
        return None  # one another item gave it (``Prereq for``), or one the edit removed
    if _given_across(roadmap.items[index], fresh.item):
        return None  # its epic's priority line, a summary table's Status (fields.py)
    if _waits_on_others(roadmap.items[index], fresh.item, roadmap.items):
        return None  # its dependencies, or another's, hang on the document's IDs (waits.py)
    new_starts = (
        starts.replaced(
            first,
            boundary - 1,
            [region_start + offset for offset in line_starts(region)[1:-1]],
            delta_chars,
        )
        if boundary is not None
        else LineStarts(line_starts(new_text))
    )
    old_last = boundary - 1 if boundary is not None else roadmap.style.line_count
    anchors = _may_change_anchors(old.text[region_start:region_end], region)
    return _spliced(old, new_text, index, fresh, region_lines, old_last, new_starts, anchors)


def _may_be_indexed(before: Item, after: Item, text: str) -> bool:
    """Whether an edit that made ``before`` into ``after`` may change whether a box that
    names it (``- [x] A-1 Login``, an index above it) is its entry or another item: its
    status came or went, or its ID or title changed, and a box may name it."""
    if (before.status is None) == (after.status is None) and (before.id, before.title) == (
        after.id,
        after.title,
    ):
        return False
    return any(f"] {name} " in text or f"] **{name}** " in text for name in (before.id, after.id))


def _may_hold_box_items(item: Item, text: str) -> bool:
    """Whether the whole read may take ``item`` (whose lines are ``text``) for the section
    of the boxes at the top level of its lines, or keep it where it took it so before:
    a heading without a status or without fields over a box. Which it is hangs on the
    boxes' IDs and on the headings beside it."""
    if "[" not in text or (item.status is not None and item.fields):
        return False
    return any(
        (match := BOX.match(line)) is not None and match["lead"][:1] not in (" ", "\t")
        for line in text.splitlines()[1:]
    )


def _names_others(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` writes a dependency on another item's behalf, as a
    note or in a drawn tree, which the reader reads across items (reader/waits.py)."""
    end = len(text) if end is None else end
    return (
        REVERSE_FIELD.search(text, start, end) is not None
        or DEPENDENCY_NOTE.search(text, start, end) is not None
        or any(text.find(branch, start, end) >= 0 for branch in TREE_BRANCH)  # a drawn tree
    )


def _may_change_anchors(before: str, after: str) -> bool:
    """Whether an edit that made an item's lines ``before`` into ``after`` may have
    changed an anchor or a link to one: the heading's lines differ, or either text has a
    link, an HTML tag or a ``#`` after its heading line."""
    head_before, _, rest_before = before.partition("\n")
    head_after, _, rest_after = after.partition("\n")
    if head_before != head_after or rest_before[:1] in "=-" or rest_after[:1] in "=-":
        return True  # the heading's text, or a setext underline below it
    return any("](" in rest or "<" in rest or "#" in rest for rest in (rest_before, rest_after))


def _given_across(old: Item, new: Item) -> bool:
    """Whether the whole read gave ``old`` a priority or a status its own lines do not
    write, which ``new``, read alone, lacks: a priority its group's field line gives, a
    status a summary table gives over the readiness its field writes."""
    if old.priority is not None and old.field("priority") is None and new.priority is None:
        return True
    written, rewritten = old.field("status"), new.field("status")
    same = (written.value if written else None) == (rewritten.value if rewritten else None)
    return same and old.status != new.status


def _waits_on_others(old: Item, new: Item, items: Sequence[Item]) -> bool:
    """Whether the whole read gives ``new`` (or another item, when the edit changed the
    ID) dependencies read against the other items' IDs: a status that names what it
    waits for (``ready (after A-1)``), a dependency on a task's number (``001``)."""
    if any(_reads_ids(item) for item in (old, new)):
        return True
    return old.id != new.id and any(_reads_ids(item) for item in items)


def _reads_ids(item: Item) -> bool:
    return (
        item.id.isdigit()
        or any(entry.isdigit() for entry in (*item.external_deps, *item.depends_on))
        or waits_in_status(item)
    )


def _numbered_work(item_id: str) -> bool:
    return WORK_ID.fullmatch(item_id) is not None or PHASE_WORK_ID.fullmatch(item_id) is not None


def _heading_level(old: Snapshot, line: int) -> int:
    """The level of the heading block on ``line`` (1-based) of the old text."""
    return old.roadmap.blocks[bisect_left(old.block_lines, line)].level


def _leading_space(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" \t"))]


def _spliced(
    old: Snapshot,
    new_text: str,
    index: int,
    fresh: ItemLines,
    region_lines: int,
    old_last: int,
    starts: LineStarts,
    anchors: bool,
) -> Snapshot:
    """The old snapshot with item ``index`` read again as ``fresh``. The records after
    it move by the lines the edit added: the items and blocks as a Moved (made when
    read), the line indexes as a whole, the few others (legends, sections, headings,
    comments, the overview's groups) one by one."""
    roadmap = old.roadmap
    item = roadmap.items[index]
    first = item.position.line
    delta = region_lines - (old_last - first + 1)
    moved = legend_priority(fresh.item, roadmap.priority_legend)
    shift = _Shift(old_last, delta)
    items = Moved.of(roadmap.items, _shift_item).replaced(index, index + 1, (moved,), delta)
    comments = tuple(
        shift.comment(comment)
        for comment in roadmap.comments
        if not first <= comment.line <= old_last
    )
    comments += fresh.comments
    low = bisect_left(old.block_lines, first)
    high = bisect_right(old.block_lines, old_last)
    blocks = Moved.of(roadmap.blocks, _shift_block).replaced(low, high, fresh.blocks, delta)
    comments = tuple(sorted(comments, key=lambda comment: comment.line))
    line_count = roadmap.style.line_count + delta
    markers = _item_bullets(moved, new_text, starts)
    if markers is None or old.bullets is None:
        return full_snapshot(new_text, roadmap.path, old.settings)
    bullets = old.bullets.replaced(index, markers)
    style = replace(
        roadmap.style,
        indent=_indent_of(moved, new_text, starts) if index == 0 else roadmap.style.indent,
        bullet=bullets.most_common(),
        final_newline=not new_text or new_text.endswith(("\n", "\r")),
        line_count=line_count,
    )
    overviews = tuple(shift.overview(found) for found in roadmap.overviews)
    if moved.priority != item.priority:  # the priorities the items use may name groups
        overviews = with_group_priorities(overviews, roadmap.priority_legend, items)
    new_roadmap = replace(
        roadmap,
        title_position=_maybe_position(roadmap.title_position, shift),
        status_legend=shift.legend(roadmap.status_legend),
        priority_legend=shift.legend(roadmap.priority_legend),
        sections=tuple(shift.section(section) for section in roadmap.sections),
        items=items,
        headings=tuple(shift.heading(heading) for heading in roadmap.headings),
        overviews=overviews,
        graph_sections=tuple(shift.graph(found) for found in roadmap.graph_sections),
        comments=comments,
        style=style,
        source=new_text,
        blocks=blocks,
        references=tuple(shift.reference(found) for found in roadmap.references),
    )
    # No boundary lies inside the item's lines (the re-read stops at the next one).
    after = bisect_right(old.boundaries, first)
    return replace(
        old,
        text=new_text,
        roadmap=new_roadmap,
        starts=starts,
        bullets=bullets,
        boundaries=old.boundaries.replaced(after, after, (), delta),
        item_lines=old.item_lines.replaced(index, index + 1, (moved.position.line,), delta),
        block_lines=old.block_lines.replaced(
            low, high, [block.line for block in fresh.blocks], delta
        ),
        full=False,
        edit=ItemEdit(index, old_last, delta, anchors),
    )


def _indent_of(item: Item, text: str, starts: Sequence[int]) -> str:
    begin = starts[item.position.line - 1]
    return text[begin : begin + item.position.column - 1]


# Field markers: which list marker each item's fields use, so that the document's
# most common one (Style.bullet) can be kept without reading every item again.


def _item_bullets(item: Item, text: str, starts: Sequence[int]) -> Counter[str] | None:
    markers: Counter[str] = Counter()
    for found in item.fields:
        begin = starts[found.position.line - 1]
        prefix = text[begin : begin + found.position.column - 1].strip()
        if not prefix:
            return None  # the marker is on an earlier line; not worth guessing
        marker = prefix[-1] if prefix[-1] in ".)" else prefix[0]
        if marker not in ".)":  # as the reader: an ordered list's marker is no bullet
            markers[marker] += 1
    return markers


def _all_bullets(roadmap: Roadmap, text: str, starts: Sequence[int]) -> _Bullets | None:
    found = []
    for item in roadmap.items:
        markers = _item_bullets(item, text, starts)
        if markers is None:
            return None
        found.append(markers)
    total: Counter[str] = Counter()
    for markers in found:
        total.update(markers)
    return _Bullets(tuple(found), total)


@record(slots=False)
class _Bullets:
    per_item: tuple[Counter[str], ...]
    total: Counter[str]

    def replaced(self, index: int, markers: Counter[str]) -> _Bullets:
        total = self.total - self.per_item[index] + markers
        per_item = self.per_item[:index] + (markers,) + self.per_item[index + 1 :]  # noqa: RUF005  (twice as fast as unpacking)
        return _Bullets(per_item, total)

    def most_common(self) -> str:
        """The most common marker; on a tie, the one that appears first, as the reader does."""
        if not self.total:
            return "-"
        best = max(self.total.values())
        tied = [marker for marker, count in self.total.items() if count == best]
        if len(tied) == 1:
            return tied[0]
        for markers in self.per_item:
            for marker in markers:
                if marker in tied:
                    return marker
        return tied[0]


# Moving records by a number of lines.


def _shift_item(item: Item, by: int) -> Item:
    return moved_item(item, by, item.section)


def _shift_block(block: Block, by: int) -> Block:
    if by == 0:
        return block
    return Block(block.kind, block.line + by, block.end_line + by, block.level, block.info)


def _shift_entry(entry: OverviewEntry, by: int) -> OverviewEntry:
    end_line = entry.end_line + by if entry.end_line else 0
    return OverviewEntry(entry.id, entry.line + by, end_line, entry.bare)


def _shift_comment(comment: Comment, by: int) -> Comment:
    return Comment(comment.text, comment.line + by, comment.end_line + by)


def _at(position: Position, by: int) -> Position:
    return Position(position.line + by, position.column)


class _Shift:
    """Move every record after an edited item by ``delta`` lines.

    A record starts after the item when its first line is past ``last`` (the
    item's last line before the edit); a section's end moves when it is at or
    past ``last``, since the item's lines belong to it.
    """

    def __init__(self, last: int, delta: int) -> None:
        self.last = last
        self.delta = delta

    def line(self, line: int) -> int:
        return line + self.delta if line > self.last else line

    def end(self, line: int) -> int:
        return line + self.delta if line >= self.last else line

    def position(self, position: Position) -> Position:
        return position if position.line <= self.last else _at(position, self.delta)

    def reference(self, found: LinkReference) -> LinkReference:
        if found.line <= self.last or not self.delta:
            return found
        return LinkReference(found.label, found.url, found.title, found.line + self.delta)

    def comment(self, comment: Comment) -> Comment:
        if comment.line <= self.last or not self.delta:
            return comment
        return _shift_comment(comment, self.delta)

    def legend(self, legend: Legend | None) -> Legend | None:
        if legend is None or legend.position.line <= self.last or not self.delta:
            return legend
        entries = tuple(
            LegendEntry(entry.value, entry.description, entry.line + self.delta)
            for entry in legend.entries
        )
        return replace(legend, position=self.position(legend.position), entries=entries)

    def section(self, section: Section) -> Section:
        if not self.delta:
            return section
        return Section(section.name, self.position(section.position), self.end(section.end_line))

    def heading(self, heading: Heading) -> Heading:
        if not self.delta or heading.position.line <= self.last:
            return heading
        return replace(heading, position=self.position(heading.position))

    def region(self, region: Region) -> Region:
        return Region(
            self.position(region.heading), self.end(region.end), self.end(region.body_end)
        )

    def overview(self, overview: Overview) -> Overview:
        if not self.delta or overview.region.heading.line <= self.last:
            return overview
        groups = tuple(
            OverviewGroup(
                group.label,
                group.priority,
                group.line + self.delta,
                Moved.of(group.entries, _shift_entry).replaced(0, 0, (), self.delta),
            )
            for group in overview.groups
        )
        return replace(overview, region=self.region(overview.region), groups=groups)

    def graph(self, section: GraphSection) -> GraphSection:
        if not self.delta or section.region.heading.line <= self.last:
            return section
        return replace(
            section,
            region=self.region(section.region),
            code_line=_maybe(section.code_line, self.line),
            code_end=_maybe(section.code_end, self.line),
        )


def _maybe_position(position: Position | None, shift: _Shift) -> Position | None:
    return None if position is None else shift.position(position)


def _maybe(value: int | None, move: Callable[[int], int]) -> int | None:
    return None if value is None else move(value)


__all__ = ["ItemEdit", "Snapshot", "Span", "full_snapshot", "update"]
