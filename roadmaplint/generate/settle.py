"""Putting single entries of the Priority Overview right, touching no other line.

``fix`` settles every entry; an edit (``set``, ``new``, ``rename``) settles the entries
of the items it touched and leaves every other line, stale or not, to ``fix``. What
stays is kept byte for byte, and so is all around it: group headings as written (ATX
or setext), list markers and numbering, blank lines, emphasis, prose and comments. A
missing entry is written like its neighbour (its indentation and marker), a missing
group like the groups already there.

Per group, the entries that stay are a longest run of the written ones in the wanted
order; the others are removed and the missing ones inserted after the entry they
follow. An entry with text of its own moves with that text, as placement.py moves it.

``settle`` returns None for a layout it does not settle entry by entry (a second
group of one priority, a group naming no priority, groups out of legend order, an
entry whose text does not start on its marker's line): ``fix`` then places whole
lists (placement.plan), and an edit leaves such an overview alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from itertools import pairwise

from roadmaplint.generate.overview import Group
from roadmaplint.generate.placement import Refusal, Rendered, has_own_text, section_layout
from roadmaplint.generate.placement import template_owns_entry_lines as owns_entry_lines
from roadmaplint.model import Block, Overview, OverviewEntry, OverviewGroup, Roadmap
from roadmaplint.record import record
from roadmaplint.text import Edit, LazyPattern, apply_edits, line_starts, split_lines

_MARKER = LazyPattern(r"[ \t]*(?:[-*+]|(?P<number>\d{1,9})[.)])[ \t]+")
_BOX = LazyPattern(r"\[[ xX]\] ")
_ATX = LazyPattern(r"[ \t]*#{1,6}[ \t]+")


@record
class Request:
    """What to settle: every entry (``ids`` None, as ``fix``) or those of ``ids``
    (the IDs after the edit); ``renamed`` maps an old ID to its new one."""

    ids: frozenset[str] | None = None
    renamed: Mapping[str, str] | None = None
    heading_name: str = "Priority Overview"  # for messages
    # groups to remove, heading and all: left with no entry and no words of the user's
    dropped: frozenset[str] = frozenset()
    # the items that are done: a new entry of an overview written as boxes is ticked
    done: frozenset[str] = frozenset()


class _Text:
    """The source's lines and offsets, and where new text goes."""

    def __init__(self, roadmap: Roadmap) -> None:
        self.source = roadmap.source
        self.lines = split_lines(roadmap.source)
        self.starts = line_starts(roadmap.source)
        self.newline = roadmap.style.newline
        self.inserts: dict[int, list[str]] = {}
        self.edits: list[Edit] = []

    def line(self, number: int) -> str:
        return self.lines[number - 1].rstrip("\r\n") if 0 < number <= len(self.lines) else ""

    def blank(self, number: int) -> bool:
        return 0 < number <= len(self.lines) and not self.line(number).strip()

    def after(self, line: int) -> int:
        return self.starts[line]

    def insert(self, offset: int, text: str) -> None:
        self.inserts.setdefault(offset, []).append(text)

    def verbatim(self, first: int, last: int) -> str:
        text = "".join(self.lines[first - 1 : last])
        return text if text.endswith(("\n", "\r")) else text + self.newline

    def all_edits(self, generated: Sequence[Block]) -> list[Edit]:
        """The edits, each widened to the whole generated blocks it touches (the write
        gate compares every other block byte for byte, an adjacent one included)."""
        raw = self._raw_edits()
        spans = [(self.starts[block.line - 1], self.starts[block.end_line]) for block in generated]
        clusters: list[list[int]] = []  # start, end, first edit, last edit (exclusive)
        for index, edit in enumerate(raw):
            start, end = edit.start, edit.end
            grown = True
            while grown:  # a widened edit may touch the next block: until none is added
                grown = False
                for block_start, block_end in spans:
                    touching = block_start <= end and start <= block_end
                    if touching and (block_start < start or block_end > end):
                        start, end, grown = min(start, block_start), max(end, block_end), True
            if clusters and start <= clusters[-1][1]:
                current = clusters[-1]
                current[0], current[1] = min(current[0], start), max(current[1], end)
                current[3] = index + 1
            else:
                clusters.append([start, end, index, index + 1])
        widened = []
        for start, end, first, last in clusters:
            inner: list[Edit]
            inner = [
                Edit(edit.start - start, edit.end - start, edit.replacement)
                for edit in raw[first:last]
            ]
            widened.append(Edit(start, end, apply_edits(self.source[start:end], inner)))
        return widened

    def _raw_edits(self) -> list[Edit]:
        found: list[Edit] = []
        for edit in sorted(self.edits, key=lambda edit: (edit.start, edit.end)):
            removals = found and not edit.replacement and not found[-1].replacement
            if removals and edit.start <= found[-1].end:  # two sharing a blank line
                found[-1] = Edit(found[-1].start, max(found[-1].end, edit.end), "")
                continue
            found.append(edit)
        inserts: dict[int, list[str]] = {}
        for offset, texts in self.inserts.items():
            # An insertion inside a removal goes where the removal starts.
            inside = [edit.start for edit in found if edit.start < offset < edit.end]
            inserts.setdefault(min(inside, default=offset), []).extend(texts)
        for offset, texts in inserts.items():
            text = "".join(texts)
            if (
                offset == len(self.source)
                and self.source
                and not self.source.endswith(("\n", "\r"))
            ):
                text = self.newline + text.removesuffix(self.newline)
            found.append(Edit(offset, offset, text))
        # Insertions before removals that start at the same offset, so that none overlap.
        return sorted(found, key=lambda edit: (edit.start, edit.end))


def settle(
    roadmap: Roadmap,
    overview: Overview,
    expected: Sequence[Group],
    rendered: Mapping[str, Rendered],
    id_pattern: re.Pattern[str],
    request: Request,
) -> list[Edit] | None:
    """The edits that settle the requested entries; None where the layout is not simple."""
    legend = [group.priority for group in expected]
    written = [group.priority for group in overview.groups if group.priority not in request.dropped]
    if len(set(written)) != len(written) or any(p not in legend for p in written):
        return None
    if written != [priority for priority in legend if priority in written]:
        return None
    text = _Text(roadmap)
    entries = [entry for group in overview.groups for entry in group.entries]
    if any(not _MARKER.match(text.line(entry.line)) for entry in entries):
        return None
    renamed = dict(request.renamed or {})
    wanted = _wanted(overview, expected, request, roadmap, renamed)
    blocks = _SectionShape(roadmap, overview)
    owns = owns_entry_lines(rendered)
    kept, moving = _kept_and_moving(overview, wanted, renamed, owns)
    _refuse_losses(overview, wanted, kept, moving, renamed, owns, id_pattern, roadmap, request)
    writer = _Writer(text, rendered, moving, renamed, owns, request, entries)
    writer.titles = {item.id: item.title for item in roadmap.items}
    writer.gap = _gap_under_heading(text, blocks, rendered)
    for group in overview.groups:
        if group.priority in request.dropped:
            _drop(text, blocks, group)
        else:
            writer.group(group, wanted[group.priority], kept, blocks.heading(group))
    _new_groups(writer, blocks, expected, wanted, overview, rendered, request.dropped)
    generated = [found.heading for found in blocks.groups]
    generated += [b for found in blocks.groups for b in found.members if b.kind == "list"]
    return text.all_edits(sorted(generated, key=lambda block: block.line))


def _key(entry: OverviewEntry, renamed: Mapping[str, str]) -> str:
    return renamed.get(entry.id, entry.id)


def _wanted(
    overview: Overview,
    expected: Sequence[Group],
    request: Request,
    roadmap: Roadmap,
    renamed: Mapping[str, str],
) -> dict[str, list[str]]:
    """Each priority's entries as they should read after settling, by ID."""
    if request.ids is None:
        return {group.priority: list(group.ids) for group in expected}
    touched = request.ids
    group_of = {item_id: group.priority for group in expected for item_id in group.ids}
    order = {item.id: index for index, item in enumerate(roadmap.items)}
    wanted: dict[str, list[str]] = {}
    for group in overview.groups:
        keys: list[str] = []
        for entry in group.entries:
            key = _key(entry, renamed)
            if key not in touched or (group_of.get(key) == group.priority and key not in keys):
                keys.append(key)
        wanted[group.priority] = keys
    for item_id in sorted(touched, key=lambda item_id: order.get(item_id, -1)):
        priority = group_of.get(item_id)
        if priority is None:
            continue
        keys = wanted.setdefault(priority, [])
        if item_id in keys:
            continue
        later = next(
            (
                index
                for index, key in enumerate(keys)
                if order.get(key, -1) > order.get(item_id, -1)
            ),
            len(keys),
        )
        keys.insert(later, item_id)
    return wanted


def _matches(written: list[str], wanted: list[str]) -> dict[int, int]:
    """Which written entry (by index) stays as which wanted one: a longest common run."""
    matcher = SequenceMatcher(None, written, wanted, autojunk=False)
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for step in range(block.size):
            pairs[block.b + step] = block.a + step
    return pairs


def _kept_and_moving(
    overview: Overview,
    wanted: Mapping[str, list[str]],
    renamed: Mapping[str, str],
    owns: bool,
) -> tuple[set[tuple[int, int]], dict[str, OverviewEntry]]:
    """The entries that stay (by line and end) and, for each ID inserted anew, the
    written entry whose own text moves with it (its first one not staying)."""
    kept: set[tuple[int, int]] = set()
    for group in overview.groups:
        keys = [_key(entry, renamed) for entry in group.entries]
        for index in _matches(keys, wanted.get(group.priority, [])).values():
            entry = group.entries[index]
            kept.add((entry.line, entry.end_line))
    anew = _inserted_anew(overview, wanted, renamed)
    moving: dict[str, OverviewEntry] = {}
    for group in overview.groups:
        for entry in group.entries:
            key = _key(entry, renamed)
            stays = (entry.line, entry.end_line) in kept
            if not stays and key in anew and has_own_text(entry, owns):
                moving.setdefault(key, entry)
    return kept, moving


def _inserted_anew(
    overview: Overview, wanted: Mapping[str, list[str]], renamed: Mapping[str, str]
) -> set[str]:
    """The IDs written where no entry of theirs stays (in a group of their own, new)."""
    written = {group.priority: group for group in overview.groups}
    anew: set[str] = set()
    for priority, keys in wanted.items():
        group = written.get(priority)
        entries = [_key(entry, renamed) for entry in group.entries] if group else []
        pairs = _matches(entries, keys)
        anew.update(key for index, key in enumerate(keys) if index not in pairs)
    return anew


def _refuse_losses(
    overview: Overview,
    wanted: Mapping[str, list[str]],
    kept: set[tuple[int, int]],
    moving: Mapping[str, OverviewEntry],
    renamed: Mapping[str, str],
    owns: bool,
    id_pattern: re.Pattern[str],
    roadmap: Roadmap,
    request: Request,
) -> None:
    """Refuse to remove what is not generated: an entry's own text with nowhere to go,
    and a first word that is neither an item nor an ID."""
    heading_name = request.heading_name
    inserted = _inserted_anew(overview, wanted, renamed)
    items = {item.id for item in roadmap.items}
    for group in overview.groups:
        for entry in group.entries:
            if (entry.line, entry.end_line) in kept:
                continue
            key = _key(entry, renamed)
            if has_own_text(entry, owns) and (key not in inserted or moving.get(key) != entry):
                why = "listed a second time" if key in inserted else "no longer listed"
                raise Refusal(
                    f"line {entry.line}: {entry.id} is {why}, and its entry has text of its "
                    "own; fix will not delete it (remove the entry or its text by hand)"
                )
            if key not in items and not id_pattern.fullmatch(key):
                raise Refusal(
                    f'line {entry.line}: "{entry.id}" in the {heading_name} is neither an '
                    "item nor an ID, and fix will not delete it"
                )


class _SectionShape:
    """The overview's blocks: each group's heading, and where each group ends."""

    def __init__(self, roadmap: Roadmap, overview: Overview) -> None:
        self.heading_block, self.lead, self.groups, self.tail = section_layout(roadmap, overview)

    def heading(self, group: OverviewGroup) -> Block:
        return next(found.heading for found in self.groups if found.group.line == group.line)

    def end_of(self, group: OverviewGroup, text: _Text, removed: set[int]) -> int:
        """The group's last written line that stays (a block's span may end in blank
        lines, and its last entries may be removed)."""
        found = next(found for found in self.groups if found.group.line == group.line)
        line = found.members[-1].end_line if found.members else found.heading.end_line
        while line > found.heading.end_line and (text.blank(line) or line in removed):
            line -= 1
        return line


class _Writer:
    """Writes the removals, insertions and rewritten lines of each group."""

    def __init__(
        self,
        text: _Text,
        rendered: Mapping[str, Rendered],
        moving: Mapping[str, OverviewEntry],
        renamed: Mapping[str, str],
        owns: bool,
        request: Request,
        entries: Sequence[OverviewEntry],
    ) -> None:
        self.text = text
        self.rendered = rendered
        self.moving = moving
        self.renamed = renamed
        self.owns = owns
        self.touched = request.ids or frozenset()
        self.sample = entries[0] if entries else None
        self.done = request.done
        self.titles: Mapping[str, str] = {}  # each item's title, for entries written with one
        self.gap = ""  # a blank line between a group heading and its list, or none
        self.removed: set[int] = set()  # the lines of the entries removed

    def group(
        self, group: OverviewGroup, wanted: list[str], kept: set[tuple[int, int]], heading: Block
    ) -> None:
        text = self.text
        keys = [_key(entry, self.renamed) for entry in group.entries]
        pairs = _matches(keys, wanted)
        stays = [e for e in group.entries if (e.line, e.end_line) in kept]
        loose = any(text.blank(a.end_line + 1) for a, _ in pairwise(stays))
        previous: OverviewEntry | None = None
        sample: OverviewEntry | None
        for entry in group.entries:
            if (entry.line, entry.end_line) not in kept:
                self._remove(entry, {other.line for other in group.entries})
        for index, key in enumerate(wanted):
            if index in pairs:
                previous = group.entries[pairs[index]]
                if key in self.touched:
                    self._rewrite(previous, key)
                continue
            priority = group.priority
            if previous is not None:
                at, lead, trail = text.after(previous.end_line), loose, False
                sample = previous
            elif stays or group.entries:
                first = (stays or list(group.entries))[0]
                at, lead, trail, sample = text.starts[first.line - 1], False, loose, first
            else:
                under = heading.end_line
                if self.gap and text.blank(under + 1):
                    under += 1  # the blank line under the heading is there already
                at, lead = text.after(under), False
                trail = bool(text.line(under + 1).strip())
                sample = self.sample
                if index == 0 and under == heading.end_line:
                    text.insert(at, self.gap)
            body = self.entry_text(key, priority, sample, previous)
            nl = text.newline
            text.insert(
                at, (nl if lead else "") + body + (nl if trail and index == len(wanted) - 1 else "")
            )

    def _remove(self, entry: OverviewEntry, entry_lines: set[int]) -> None:
        text = self.text
        self.removed.update(range(entry.line, entry.end_line + 1))
        start, end = text.starts[entry.line - 1], text.after(entry.end_line)
        if text.blank(entry.line - 1):  # one blank line of a loose list goes too
            if text.blank(entry.end_line + 1) and entry.end_line + 2 in entry_lines:
                end = text.after(entry.end_line + 1)
            elif text.blank(entry.end_line + 1) or entry.end_line == len(text.lines):
                start = text.starts[entry.line - 2]
        text.edits.append(Edit(start, end, ""))

    def _rewrite(self, entry: OverviewEntry, key: str) -> None:
        """A touched entry that stays: its line as the template writes it now (a bare one,
        or one the template owns), else only its ID renamed."""
        text = self.text
        line = text.line(entry.line)
        marker = _MARKER.match(line)
        assert marker is not None
        if entry.bare or self.owns:
            new = marker.group(0) + self._content(key)[0]
        elif entry.id != key:
            new = re.sub(rf"(?<![\w-]){re.escape(entry.id)}(?![\w-])", key, line, count=1)
        else:
            return
        if new != line:
            start = text.starts[entry.line - 1]
            text.edits.append(Edit(start, start + len(line), new))

    def _content(self, key: str) -> list[str]:
        """The template's lines for ``key``: its entry line after the marker, then any
        lines it writes under it."""
        for rendered in self.rendered.values():
            lines = rendered.listing.split("\n")
            for index, line in enumerate(lines):
                marker = _MARKER.match(line)
                if marker and line[marker.end() :].split()[:1] == [key]:
                    rest = []
                    for below in lines[index + 1 :]:
                        if _MARKER.match(below) or not below.strip():
                            break
                        rest.append(below)
                    return [line[marker.end() :], *rest]
        raise Refusal(f"the overview template's output has no line for {key}")

    def entry_text(
        self,
        key: str,
        priority: str,
        sample: OverviewEntry | None,
        previous: OverviewEntry | None,
    ) -> str:
        text = self.text
        nl = text.newline
        source = self.moving.get(key)
        prefix = self._prefix(priority, sample, previous)
        if source is not None and not self.owns:
            first = text.line(source.line)
            if source.id != key:
                first = re.sub(rf"(?<![\w-]){re.escape(source.id)}(?![\w-])", key, first, count=1)
            rest = (
                text.verbatim(source.line + 1, source.end_line)
                if source.end_line > source.line
                else ""
            )
            return first + nl + rest
        content = self._content(key)
        if sample is not None and not self.owns and content == [key]:
            content = [self._like(key, sample)]
        body = prefix + content[0] + nl + "".join(line + nl for line in content[1:])
        if source is not None:
            body += (
                text.verbatim(source.line + 1, source.end_line)
                if source.end_line > source.line
                else ""
            )
        return body

    def _like(self, key: str, sample: OverviewEntry) -> str:
        """A new entry written as the overview's own are: a box where they are boxes
        (ticked for a done item), the title after the ID where they carry their titles."""
        line = self.text.line(sample.line)
        marker = _MARKER.match(line)
        assert marker is not None
        rest = line[marker.end() :]
        box = _BOX.match(rest)
        written = key
        if box is not None:
            rest = rest[box.end() :]
            written = ("[x] " if key in self.done else "[ ] ") + key
        title = self.titles.get(sample.id)
        if not sample.bare and title and rest.rstrip() == f"{sample.id} {title}":
            written += f" {self.titles.get(key, '')}".rstrip()
        return written

    def _prefix(
        self, priority: str, sample: OverviewEntry | None, previous: OverviewEntry | None
    ) -> str:
        """The marker of a new entry: its neighbour's (the next number after an ordered
        one), else the template's."""
        if sample is None:
            lines = self.rendered[priority].listing.split("\n") if priority in self.rendered else []
            marker = next((m for line in lines if (m := _MARKER.match(line))), None)
            return marker.group(0) if marker else "- "
        marker = _MARKER.match(self.text.line(sample.line))
        assert marker is not None
        prefix = marker.group(0)
        number = marker["number"]
        if number is not None and previous is sample:
            bumped = str(int(number) + 1)
            prefix = prefix.replace(number, bumped, 1)
        return prefix


def _drop(text: _Text, shape: _SectionShape, group: OverviewGroup) -> None:
    """Remove a group, its heading and its (bare) lists, with the blank lines before it,
    or after it when it is the section's first block and something follows it."""
    heading = shape.heading(group).line
    first, last = heading, shape.end_of(group, text, set())
    while first - 1 > shape.heading_block.end_line and text.blank(first - 1):
        first -= 1
    if first - 1 == shape.heading_block.end_line:
        following = last
        while following < len(text.lines) and text.blank(following + 1):
            following += 1
        if following < len(text.lines):
            first, last = heading, following
    text.edits.append(Edit(text.starts[first - 1], text.after(last), ""))


def _new_groups(
    writer: _Writer,
    shape: _SectionShape,
    expected: Sequence[Group],
    wanted: Mapping[str, list[str]],
    overview: Overview,
    rendered: Mapping[str, Rendered],
    dropped: frozenset[str],
) -> None:
    """Groups the file lacks, placed in legend order, headed like the groups written."""
    text = writer.text
    nl = text.newline
    written = {g.priority: g for g in overview.groups if g.priority not in dropped}
    order = [group.priority for group in expected]
    gap = nl + writer.gap
    for group in expected:
        keys = wanted.get(group.priority, [])
        if group.priority in written or not keys:
            continue
        heading = _heading_like(text, shape, group, rendered)
        body = "".join(writer.entry_text(key, group.priority, writer.sample, None) for key in keys)
        at_index = order.index(group.priority)
        later = [written[p] for p in order[at_index + 1 :] if p in written]
        earlier = [written[p] for p in order[:at_index] if p in written]
        if later:  # before the next group's heading: the blocks of the one before stay its
            start = text.starts[later[0].line - 1]
            text.insert(start, heading + gap + body + nl)
        elif earlier:
            end = shape.end_of(earlier[-1], text, writer.removed)
            text.insert(text.after(end), nl + heading + gap + body)
        else:
            last = shape.lead[-1].end_line if shape.lead else shape.heading_block.end_line
            while last > shape.heading_block.end_line and text.blank(last):
                last -= 1
            text.insert(text.after(last), nl + heading + gap + body)


def _gap_under_heading(text: _Text, shape: _SectionShape, rendered: Mapping[str, Rendered]) -> str:
    """A blank line between a new group's heading and its list if the groups written
    have one (the first that has entries tells), else as the template writes it."""
    for found in shape.groups:
        if found.group.entries:
            return text.newline if text.blank(found.heading.end_line + 1) else ""
    listing = next(iter(rendered.values())).listing if rendered else ""
    return text.newline if listing.startswith("\n") else ""


def _heading_like(
    text: _Text, shape: _SectionShape, group: Group, rendered: Mapping[str, Rendered]
) -> str:
    """A new group's heading written as the first group heading is (ATX or setext)."""
    if not shape.groups:
        return rendered[group.priority].heading
    block = shape.groups[0].heading
    first = text.line(block.line)
    if block.end_line > block.line:  # setext: the label, then its underline
        underline = text.line(block.end_line)
        indent = first[: len(first) - len(first.lstrip())]
        mark = underline.strip()
        if len(mark) == len(first.strip()) and len(set(mark)) == 1:
            mark = mark[0] * len(group.label)
        return (
            indent
            + group.label
            + text.newline
            + underline[: len(underline) - len(underline.lstrip())]
            + mark
        )
    atx = _ATX.match(first)
    return (atx.group(0) if atx else "## ") + group.label
