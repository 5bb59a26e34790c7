"""Where the regenerated lists of the Priority Overview go among the blocks people write there.

The overview section is read as top-level blocks (model.Block):

- the *lead*: blocks before the first group heading;
- *groups*: a group heading (``## P0 ...``), then the blocks up to the next group
  heading; the lists among them are the group's entry lists, every other block
  is the user's and *anchored* to the group;
- the *tail*: the blocks after the last group's last entry list (footnotes,
  link definitions, a closing ``---``); with no group at all, the ``---`` lines
  that end the section.

Only group headings and entry lists are generated. The placement rule:

- the lead stays first and the tail stays last;
- each group keeps its place; its regenerated list goes where its first entry
  list was (its other entry lists are merged into it), or right under its
  heading when it had none; anchored blocks stay where they are around it;
- a new group is placed in legend order: after the group before it (after
  that group's anchored blocks), or, when it comes first, after the lead;
- an entry with text of its own (words after the ID, continuation lines, a
  nested note) moves with its entry, byte for byte.

What this rule cannot place with certainty is refused, one line naming the
line, and nothing is written: a block anchored to a group that disappears (a
second group of one priority), a block whose group would have to move past
another block (groups out of legend order), an entry with text of its own
whose item is gone or listed twice, a list item that is no entry, and a group
heading that names no priority of the Priority Legend (it may be the user's
own heading).

``plan`` is pure: records and rendered text in, edits or a refusal out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from roadmaplint.generate.overview import Group
from roadmaplint.model import Block, Overview, OverviewEntry, OverviewGroup, Roadmap
from roadmaplint.record import field, record
from roadmaplint.text import Edit, LazyPattern, line_starts, split_lines

# A rendered entry line: its marker, the ID, and whatever the template writes after it.
_ENTRY_LINE = LazyPattern(r"\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?P<id>\S+)(?P<rest>.*)")


class Refusal(Exception):
    """What the placement rule cannot decide: the message names the line."""


@record(frozen=False, slots=False)
class _FileGroup:
    group: OverviewGroup
    heading: Block
    members: list[Block] = field(default_factory=list)


@record
class _Piece:
    kind: str  # "keep" (a block as it stands), "heading" or "list" (generated text)
    text: str = ""
    block: Block | None = None


@record
class Rendered:
    """The generated text of one group: its heading line and its entry list (a leading
    newline: the template writes a blank line between the two)."""

    heading: str
    listing: str


def plan(
    roadmap: Roadmap,
    overview: Overview,
    expected: Sequence[Group],
    rendered: Mapping[str, Rendered],
    id_pattern: re.Pattern[str],
    heading_name: str,
    dropped: frozenset[str] = frozenset(),
) -> list[Edit]:
    """The edits that put the regenerated lists in place; raise Refusal where unsure.

    The groups of ``dropped`` (priorities of the legend with no entry left and no
    text of the user's, see ``empty_groups``) lose their heading and lists."""
    heading_block, blocks = _section_blocks(roadmap, overview)
    lead, groups, tail = _layout(overview, blocks)
    wanted = {group.priority for group in expected}
    first_of: dict[str, _FileGroup] = {}
    for found in groups:
        priority = found.group.priority
        if priority in dropped and priority not in wanted:
            continue
        if priority not in wanted:
            raise Refusal(
                f'line {found.group.line}: "{found.group.label}" in the {heading_name} names '
                "no priority of the Priority Legend, and fix will not delete it; rename it to a "
                "priority, make it a ### heading, or remove it"
            )
        if priority in first_of:
            for block in found.members:
                if block.kind != "list":
                    raise Refusal(
                        f"line {block.line}: this {_name(block)} follows a second {priority} "
                        f"group (line {found.group.line}), which fix merges into the first; "
                        "move it or remove that group heading"
                    )
            continue
        first_of[priority] = found
    starts = line_starts(roadmap.source)
    owns = template_owns_entry_lines(rendered)
    _check_entries(roadmap, starts, groups, expected, id_pattern, heading_name, owns)
    entries = _entries_with_text(groups, owns)
    pieces = [_Piece("keep", block=block) for block in lead]
    for group in expected:
        text = rendered[group.priority]
        listing = _with_entry_texts(text.listing, group, entries, roadmap)
        existing = first_of.get(group.priority)
        pieces.append(_Piece("heading", text.heading))
        members = existing.members if existing else []
        if not any(block.kind == "list" for block in members):
            pieces.append(_Piece("list", listing))
        placed = False
        for block in members:
            if block.kind != "list":
                pieces.append(_Piece("keep", block=block))
            elif not placed:
                pieces.append(_Piece("list", listing))
                placed = True
    pieces += [_Piece("keep", block=block) for block in tail]
    _check_order(pieces, heading_name)
    return _edits(roadmap, starts, heading_block, blocks, pieces)


def empty_groups(roadmap: Roadmap, overview: Overview, expected: Sequence[Group]) -> frozenset[str]:
    """The priorities whose written group would be left with no entry and holds nothing
    of the user's (only its heading, lists and blank lines up to the next group or the
    section's end): ``fix`` drops those, as ``init`` writes no group for an unused
    priority. A group with prose, a table or a note under it stays, empty."""
    _, _, groups, tail = section_layout(roadmap, overview)
    legend = {group.priority for group in expected}  # a group naming none is refused
    wanted = {group.priority for group in expected if group.ids}
    empty: set[str] = set()
    kept: set[str] = set()
    for index, found in enumerate(groups):
        after = tail if index == len(groups) - 1 else []  # a closing ``---`` stays
        bare = all(block.kind == "list" for block in found.members)
        if bare and all(block.kind == "hr" for block in after):
            empty.add(found.group.priority)
        else:
            kept.add(found.group.priority)
    return frozenset((empty & legend) - kept - wanted)


def section_layout(
    roadmap: Roadmap, overview: Overview
) -> tuple[Block, list[Block], list[_FileGroup], list[Block]]:
    """The overview's heading block, its lead, its groups (each heading with the blocks
    anchored to it) and its tail, as the placement rule reads them."""
    heading, blocks = _section_blocks(roadmap, overview)
    lead, groups, tail = _layout(overview, blocks)
    return heading, lead, groups, tail


def _name(block: Block) -> str:
    return {"other": "text", "html": "HTML block", "hr": "thematic break", "quote": "quote"}.get(
        block.kind, block.kind
    )


def _section_blocks(roadmap: Roadmap, overview: Overview) -> tuple[Block, list[Block]]:
    start = overview.region.heading.line
    heading = next(block for block in roadmap.blocks if block.line == start)
    blocks = [
        block for block in roadmap.blocks if heading.end_line < block.line <= overview.region.end
    ]
    return heading, blocks


def _layout(
    overview: Overview, blocks: list[Block]
) -> tuple[list[Block], list[_FileGroup], list[Block]]:
    by_line = {group.line: group for group in overview.groups}
    lead: list[Block] = []
    groups: list[_FileGroup] = []
    for block in blocks:
        if block.line in by_line and block.kind == "heading":
            groups.append(_FileGroup(by_line[block.line], block))
        elif groups:
            groups[-1].members.append(block)
        else:
            lead.append(block)
    tail: list[Block] = []
    if groups:
        last = groups[-1].members
        lists = [index for index, block in enumerate(last) if block.kind == "list"]
        cut = lists[-1] + 1 if lists else 0
        tail, groups[-1].members = last[cut:], last[:cut]
    else:
        while lead and lead[-1].kind == "hr":
            tail.insert(0, lead.pop())
    return lead, groups, tail


def template_owns_entry_lines(rendered: Mapping[str, Rendered]) -> bool:
    """Whether the template writes more than the ID on an entry's line (a title, say):
    then that line is generated, and only the lines under an entry are the user's."""
    for group in rendered.values():
        for line in group.listing.split("\n"):
            match = _ENTRY_LINE.match(line)
            if match and match["rest"].strip():
                return True
    return False


def has_own_text(entry: OverviewEntry, template_owns_line: bool) -> bool:
    if entry.end_line > entry.line:
        return True  # continuation lines or a nested note
    return not entry.bare and not template_owns_line


def _check_entries(
    roadmap: Roadmap,
    starts: list[int],
    groups: list[_FileGroup],
    expected: Sequence[Group],
    id_pattern: re.Pattern[str],
    heading_name: str,
    template_owns_line: bool,
) -> None:
    """Refuse what regenerating the lists would delete that is not generated."""
    source = roadmap.source
    listed = {item_id for group in expected for item_id in group.ids}
    seen: set[str] = set()
    for found in groups:
        covered: set[int] = set()
        for entry in found.group.entries:
            covered.update(range(entry.line, max(entry.end_line, entry.line) + 1))
            again = entry.id in seen
            seen.add(entry.id)
            if not again and entry.id in listed:
                continue
            if has_own_text(entry, template_owns_line):
                why = "listed a second time" if again else "no longer listed"
                raise Refusal(
                    f"line {entry.line}: {entry.id} is {why}, and its entry has text of its "
                    "own; fix will not delete it (remove the entry or its text by hand)"
                )
            if not again and not id_pattern.fullmatch(entry.id):
                raise Refusal(
                    f'line {entry.line}: "{entry.id}" in the {heading_name} is neither an '
                    "item nor an ID, and fix will not delete it"
                )
        for block in found.members:
            if block.kind != "list":
                continue
            for line in range(block.line, block.end_line + 1):
                if line not in covered and source[starts[line - 1] : starts[line]].strip():
                    raise Refusal(
                        f"line {line}: a list item in the {heading_name} that is no entry; "
                        "fix will not delete it"
                    )


def _entries_with_text(
    groups: list[_FileGroup], template_owns_line: bool
) -> dict[str, OverviewEntry]:
    """Each listed ID's first entry, when it has text of its own to move with it."""
    found: dict[str, OverviewEntry] = {}
    for group in groups:
        for entry in group.group.entries:
            if entry.id not in found:
                found[entry.id] = entry
    return {key: entry for key, entry in found.items() if has_own_text(entry, template_owns_line)}


def _with_entry_texts(
    listing: str, group: Group, entries: Mapping[str, OverviewEntry], roadmap: Roadmap
) -> str:
    """The rendered list with each entry's own text in place: the whole entry as it was
    when the template writes the bare ID, else the template's line and the lines under it."""
    moving = [item_id for item_id in group.ids if item_id in entries]
    if not moving:
        return listing
    lines = listing.split("\n")
    source = split_lines(roadmap.source)
    for item_id in moving:
        entry = entries[item_id]
        index = next(
            (
                number
                for number, line in enumerate(lines)
                if (match := _ENTRY_LINE.match(line)) and match["id"] == item_id
            ),
            None,
        )
        if index is None:
            raise Refusal(
                f"line {entry.line}: {item_id}'s entry has text of its own, and the overview "
                "template's output has no line for it"
            )
        match = _ENTRY_LINE.match(lines[index])
        assert match is not None
        first = entry.line - 1 if not match["rest"].strip() else entry.line
        own = "".join(source[first : entry.end_line]).replace("\r\n", "\n").replace("\r", "\n")
        if first == entry.line - 1:
            lines[index] = own.rstrip("\n")
        else:
            lines[index] += "\n" + own.rstrip("\n")
    return "\n".join(lines)


def _check_order(pieces: list[_Piece], heading_name: str) -> None:
    kept = [piece.block for piece in pieces if piece.block is not None]
    for earlier, later in pairwise(kept):
        if later.line < earlier.line:
            raise Refusal(
                f"line {later.line}: the {heading_name}'s groups are not in the Priority "
                f"Legend's order, and this {_name(later)} cannot move with its group with "
                "certainty; put the groups in order by hand"
            )


def _edits(
    roadmap: Roadmap, starts: list[int], heading: Block, blocks: list[Block], pieces: list[_Piece]
) -> list[Edit]:
    """The new text between kept blocks, as edits of the gaps around them."""
    text = roadmap.source
    newline = roadmap.style.newline
    body_start = starts[heading.end_line]
    body_end = starts[blocks[-1].end_line] if blocks else body_start
    kept = {piece.block.line for piece in pieces if piece.block is not None}
    edits: list[Edit] = []
    gap_start = body_start
    generated: list[_Piece] = []
    for piece in [*pieces, _Piece("end")]:
        if piece.kind in ("heading", "list"):
            if piece.text.strip():
                generated.append(piece)
            continue
        gap_end = starts[piece.block.line - 1] if piece.block is not None else body_end
        removed = any(
            gap_start <= starts[block.line - 1] < gap_end
            for block in blocks
            if block.line not in kept
        )
        if generated or removed:
            new = _gap_text(generated, closing=piece.block is not None)
            if gap_start > 0 and text[gap_start - 1] not in "\r\n":
                new = "\n" + new
            if gap_end == len(text) and not roadmap.style.final_newline:
                new = new.rstrip("\n")
            new = new.replace("\n", newline)
            if new != text[gap_start:gap_end]:
                edits.append(Edit(gap_start, gap_end, new))
        generated = []
        if piece.block is not None:
            gap_start = starts[piece.block.end_line]
    return edits


def _gap_text(generated: list[_Piece], closing: bool) -> str:
    """Generated pieces with a blank line before them and between them (between a
    heading and its list only when the template writes one), and a blank line after
    them when a kept block follows."""
    if not generated:
        return "\n" if closing else ""
    parts = ["\n"]
    for index, piece in enumerate(generated):
        under_heading = index and generated[index - 1].kind == "heading" and piece.kind == "list"
        if index and (not under_heading or piece.text.startswith("\n")):
            parts.append("\n")
        parts.append(piece.text.strip("\n") + "\n")
    if closing:
        parts.append("\n")
    return "".join(parts)
