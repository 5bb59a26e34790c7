"""The gate every write of a roadmap passes: prove that an edit changed only what it targeted.

``prove_edit`` is the one proof and ``meaning`` the one statement of what a
document says. ``fix`` (the generated sections) and the editing commands
(``set``, ``new``, ``rename``) declare what their edit may change as a
``Targets`` record, call ``prove_edit`` on the text they are about to write,
and write only what it returns without raising.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import pairwise

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.dialect import DEPENDS_ON
from roadmaplint.reader.fields import legend_priority
from roadmaplint.reader.generated import with_group_priorities
from roadmaplint.reader.waits import REVERSE_KEYS, spelling, waits_in_status
from roadmaplint.record import record, replace
from roadmaplint.settings import Settings, common_meaning
from roadmaplint.text import Edit, apply_edits, line_starts, split_lines


@record
class Targets:
    """What an edit is allowed to change.

    ``items``: IDs of items whose records and blocks may change (an ID the
    document does not have yet is a new item the edit adds).
    ``generated``: the generated lists of the Priority Overview (its group
    headings and their entry lists) and the Dependency Graph's mermaid block.
    ``sections``: names of sections of items the edit adds (``new --create-section``).
    ``regions``: the spans of the old text every edit must lie in (None: anywhere).
    ``renamed``: (old, new) IDs; with ``same_items``, every item reads back in the
    same order, under its new ID when renamed (``set``, ``rename``).
    ``added``: the ID of a new item that must read back exactly once (``new``).
    ``up_to_date``: whether the new records have up-to-date generated sections, as
    ``fix`` promises; ``generate`` says what up to date is (the gate cannot import it).
    """

    items: frozenset[str] = frozenset()
    generated: bool = False
    stray_lines: bool = False  # the blocks of the lines an RL108 repair indents
    sections: frozenset[str] = frozenset()
    regions: tuple[tuple[int, int], ...] | None = None
    renamed: tuple[tuple[str, str], ...] = ()
    same_items: bool = False
    added: str | None = None
    up_to_date: Callable[[Roadmap], bool] | None = None
    # First lines of other blocks the edit may rewrite: the header of a table whose
    # columns an edit re-pads (its rows are items, targeted by ``items``).
    blocks: frozenset[int] = frozenset()
    # HTML comments the edit may add or rewrite, by their text (a suppression comment
    # a quick fix writes, and the one it extends); every other comment stays.
    comments: frozenset[str] = frozenset()
    # (old, new) names of sections whose headings count their items (``## To Do (2)``)
    # and an edit that moves an item between them counts again: every record that
    # names the old heading is held to name the new one, and nothing else.
    recounted: tuple[tuple[str, str], ...] = ()


def prove_edit(
    before: Roadmap,
    new_text: str,
    targets: Targets,
    settings: Settings,
    edits: Sequence[Edit] | None = None,
) -> Roadmap:
    """The records of ``new_text``, or a one-line RoadmapError if the edit reached too far.

    Contract: ``before`` is the full parse of the old text; ``new_text`` is the
    old text with ``edits`` applied (when ``edits`` is None, the one span of whole
    lines where the texts differ is taken). It returns the records of
    ``new_text`` as a full parse would give them, and raises unless:

    1. every byte outside the edits is unchanged;
    2. every top-level block an edit overlaps is a targeted block (one inside a
       targeted item, or a generated list or mermaid block when ``generated``);
    3. every other top-level block reads back as a block with byte-identical
       text, in the same order (the blocks before, between and after the
       generated lists included): no edit merged into, split or swallowed a
       block it did not target;
    4. the records of everything not targeted are the same: title, legends,
       sections, link reference definitions, headings, comments, every item
       not targeted (fields, values, Definition of Done), and, when the
       generated sections are not targeted, the overview's groups and the
       graph's mermaid code;
    5. the items read back as ``targets`` says (``same_items``, ``added``) and the
       generated sections are up to date when ``targets.up_to_date`` asks it.

    The new text is read in full, except that reading may start at the last
    level-1 ATX heading of the old text that lies wholly above the first edit:
    markdown-it's block parser can leave no block open across such a heading
    (it interrupts every block that could continue), so every block above it
    reads the same whatever follows, and the link reference definitions made
    above it are handed to the rest. The test suite checks this shortcut against
    a full parse of every generated document.
    """
    old = before.source
    if edits is None:
        edits = [_difference(old, new_text)]
    edits = sorted(edits, key=lambda edit: edit.start)
    regions = [(0, len(old))] if targets.regions is None else targets.regions
    _prove_only_regions_changed(old, new_text, edits, regions, before.path)
    old_starts = line_starts(old)
    split = _split_line(before, old_starts, edits[0].start if edits else len(old))
    after = _read(before, new_text, settings, split, old_starts)
    _prove_blocks(before, after, edits, targets, old_starts, split)
    _prove_records(before, after, targets, split or 1)
    _prove_items(before, after, targets)
    if targets.up_to_date is not None and not targets.up_to_date(after):
        raise RoadmapError(
            f"{before.path}: refusing to write: the regenerated file does not read back "
            "with up-to-date generated sections"
        )
    global _last_proved
    _last_proved = (new_text, after)  # one assignment: a reader in another thread sees
    return after  # the old pair or the new, never half of one


# The last text proved and its records, so that ``prove_kept`` reads no file twice: one
# entry, compared by identity (a text proved elsewhere since is read afresh).
_last_proved: tuple[str, Roadmap] | None = None

# What an item shows a user, by property: an edit may change those it was asked to and
# must leave the others reading as they did.
PROPERTIES = ("title", "status", "priority", "dri", "depends_on", "section", "done")


def _shown(item: Item, name: str) -> object:
    if name == "done":
        return tuple((entry.text, entry.checked) for entry in item.definition_of_done)
    if name == "depends_on":
        return tuple(item.depends_on)
    return getattr(item, name)


def _proved(before: Roadmap, new_text: str, settings: Settings) -> Roadmap:
    """The records of ``new_text``: those the gate's proof just read, else read afresh."""
    last = _last_proved
    if last is not None and last[0] is new_text:
        return last[1]
    return parse(new_text, before.path, settings)


def _refuse_change(before: Roadmap, old: Item, name: str, was: object, now: object) -> None:
    shown = name.replace("_", " ").replace("dri", "owner")
    raise RoadmapError(
        f"{before.path}:{old.position.line}: refusing to write: the edit would also "
        f"change {old.id}'s {shown} ({was!r} to {now!r})"
    )


def _keep(
    before: Roadmap,
    old: Item,
    new: Item,
    asked: Collection[str] = (),
    renamed: Mapping[str, str] | None = None,
) -> None:
    """Refuse unless ``new`` reads every property not ``asked`` as ``old`` did, its
    dependencies on a ``renamed`` item naming the new ID."""
    for name in PROPERTIES:
        if name in asked:
            continue
        was = _shown(old, name)
        if name == "depends_on" and renamed:
            was = tuple(renamed.get(reference, reference) for reference in old.depends_on)
        if was != _shown(new, name):
            _refuse_change(before, old, name, was, _shown(new, name))


def _fields(item: Item, left: Collection[str]) -> dict[str, str]:
    return {found.key: found.value for found in item.fields if found.key not in left}


def prove_kept(
    before: Roadmap,
    new_text: str,
    item_id: str,
    new_id: str,
    asked: frozenset[str],
    settings: Settings,
    fields: frozenset[str] | None = None,
) -> None:
    """Refuse unless the item ``item_id`` (``new_id`` after the edit) reads back with every
    property the edit was not asked to change as it read before: ``set --title`` must not
    take the status, the mark or the aside the heading also said (SAFE-59).

    An item named by its title (no ID written) is named by its new title after a title
    change: it is found on its line. ``fields``: where the edit sets a field the gate
    cannot judge by name (``--field Area=...``), the keys of the fields it sets; every
    other field of the item must read back with its value, and no field appear."""
    old = next((item for item in before.items if item.id == item_id), None)
    if old is None:
        return
    after = _proved(before, new_text, settings)
    new = next((item for item in after.items if item.id == new_id), None)
    if new is None and old.named_by_title and "title" in asked:
        line = old.position.line
        new = next((item for item in after.items if item.position.line == line), None)
    if new is None:
        return  # the gate's own proof says which items read back
    _keep(before, old, new, asked)
    if fields is not None and _fields(old, fields) != _fields(new, fields):
        was, now = _fields(old, fields), _fields(new, fields)
        key = next(key for key in sorted({*was, *now}) if was.get(key) != now.get(key))
        _refuse_change(before, old, f"field {key!r}", was.get(key), now.get(key))


def prove_renamed(
    before: Roadmap,
    new_text: str,
    renamed: Mapping[str, str],
    settings: Settings,
    references: Mapping[str, str] | None = None,
) -> None:
    """Refuse a rename unless every item reads back as it read before, under its new ID
    when ``renamed``, with its dependencies on a renamed item naming the new ID: its
    title, status, priority, owner, section and boxes as they were (SAFE-59).

    ``references``: another roadmap's ``path#OLD`` dependencies on the renamed item, each
    to read back as the ``path#NEW`` given, every other one of its items' dependencies
    on other files as it was (a rename reaching into another roadmap changes those and
    nothing else)."""
    after = _proved(before, new_text, settings)
    if len(after.items) != len(before.items):
        return  # the gate's own proof (``same_items``) says which items read back
    for old, new in zip(before.items, after.items, strict=True):
        if new.id != renamed.get(old.id, old.id):
            return  # as above: the proof that read them in order refuses it
        _keep(before, old, new, renamed=renamed)
        if references is None:
            continue
        was = tuple(references.get(reference, reference) for reference in old.external_deps)
        if was != tuple(new.external_deps):
            _refuse_change(before, old, "external_deps", was, tuple(new.external_deps))


def prove_added(
    before: Roadmap,
    new_text: str,
    item_id: str,
    expected: Mapping[str, object],
    settings: Settings,
) -> None:
    """Refuse a new item unless it reads back with the properties ``expected`` (title,
    boxes, and those of dependencies, status, priority and owner it was given; a property
    not given is the shape's default: a new phase waits on the one before it) and
    every other item reads back as it did. A status given is held to what it means, in
    the shape's own words (``_says_status``)."""
    after = _proved(before, new_text, settings)
    added = next((item for item in after.items if item.id == item_id), None)
    if added is None:
        return  # the gate's own proof (``added``) refuses it
    others = [item for item in after.items if item is not added]
    if [item.id for item in others] != [item.id for item in before.items]:
        raise RoadmapError(f"{before.path}: refusing to write: the edit reached other items")
    for old, new in zip(before.items, others, strict=True):
        _keep(before, old, new)
    for name, value in expected.items():
        now = _shown(added, name)
        if name == "status" and _says_status(now, value, settings):
            continue
        if now != value:
            shown = name.replace("_", " ").replace("dri", "owner")
            raise RoadmapError(
                f"{before.path}:{added.position.line}: refusing to write: {item_id}'s {shown} "
                f"would read back as {now!r}, not {value!r}"
            )


# The meanings a shape may write in one word of its own: an open box (``[ ]``) says work
# not started, an idea as well as work ready.
_NOT_STARTED = frozenset(("idea", "ready"))


def _says_status(now: object, value: object, settings: Settings) -> bool:
    """Whether a new item's status ``now`` says the status ``value`` it was given in its
    shape's own words (``[ ]`` for ready, ``✅`` for done): read as done work or not as
    the value is, and of the same common meaning where both have one (an open box is not
    work under way), ideas and ready work alike being not started."""
    if not isinstance(value, str) or not isinstance(now, str):
        return False
    if settings.statuses.is_done(now) != settings.statuses.is_done(value):
        return False
    read, given = common_meaning(now), common_meaning(value)
    if read is None or given is None or read == given:
        return True
    return read in _NOT_STARTED and given in _NOT_STARTED


def passes(before: Roadmap, edits: list[Edit], targets: Targets, settings: Settings) -> bool:
    """Whether ``edits`` applied to ``before``'s text pass the gate."""
    try:
        prove_edit(before, apply_edits(before.source, edits), targets, settings, edits)
    except RoadmapError:
        return False
    return True


def _prove_only_regions_changed(
    old: str,
    new: str,
    edits: Sequence[Edit],
    allowed: Sequence[tuple[int, int]],
    path: str,
) -> None:
    """Raise unless every edit lies in an allowed span and all else is byte-identical."""
    for edit in edits:
        if not any(start <= edit.start and edit.end <= end for start, end in allowed):
            raise RoadmapError(
                f"{path}: refusing to write: a change reached outside the generated sections"
            )
    position_old = position_new = 0
    for edit in edits:  # sorted by start
        kept = edit.start - position_old
        if new[position_new : position_new + kept] != old[position_old : edit.start]:
            raise RoadmapError(f"{path}: refusing to write: text outside the edits changed")
        position_new += kept + len(edit.replacement)
        position_old = edit.end
    if new[position_new:] != old[position_old:]:
        raise RoadmapError(f"{path}: refusing to write: text outside the edits changed")


def _prove_items(before: Roadmap, after: Roadmap, targets: Targets) -> None:
    """The item IDs read back as the edit declared: the same ones in the same order
    (renamed), or one new item once."""
    ids = [item.id for item in after.items]
    renamed = dict(targets.renamed)
    if targets.same_items and [renamed.get(item.id, item.id) for item in before.items] != ids:
        gone = [item for item in before.items if renamed.get(item.id, item.id) not in ids]
        if gone:  # ``- [ ] Task 2``, ``[Draft docs]``: read as a template's stand-in, no item
            raise RoadmapError(
                f"{before.path}:{gone[0].position.line}: refusing to write: {gone[0].id} would "
                "no longer read as an item; nothing written"
            )
        raise RoadmapError(f"{before.path}: refusing to write: the edit reached other items")
    if targets.added is not None and ids.count(targets.added) == 0:
        raise RoadmapError(
            f"{before.path}: refusing to write: {targets.added} would not read as an item; "
            "nothing written"
        )
    if targets.added is not None and ids.count(targets.added) != 1:
        raise RoadmapError(
            f"{before.path}: refusing to write: the new item did not read back alone"
        )


def _difference(old: str, new: str) -> Edit:
    """The one span of whole lines where ``old`` and ``new`` differ.

    A last line without a line ending that the new text continues counts as kept:
    the edit is then an insertion at the end.
    """
    old_lines, new_lines = split_lines(old), split_lines(new)
    limit = min(len(old_lines), len(new_lines))
    head = 0
    while head < limit and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while tail < limit - head and old_lines[-1 - tail] == new_lines[-1 - tail]:
        tail += 1
    start = sum(map(len, old_lines[:head]))
    end = len(old) - sum(map(len, old_lines[len(old_lines) - tail :]))
    new_end = len(new) - sum(map(len, new_lines[len(new_lines) - tail :]))
    if end == len(old) and new.startswith(old) and tail == 0:
        start = len(old)
    return Edit(start, end, new[start:new_end])


def _split_line(before: Roadmap, starts: list[int], first_edit: int) -> int | None:
    """The last level-1 ATX heading (not the title) that ends above the first edit.

    None while the document has a stray list: its repair is read from the whole
    document, so an edit below a heading can change how the lines above it read
    (a list at column 1 the edit writes joins a stray list far above). None too where
    level-1 headings are the items (``# Phase 1. Title``, ``# Phase 2. Title``): such a
    heading is an item only beside its siblings, and read alone it is a title.
    """
    if before.stray_lists:
        return None
    item_lines = {item.position.line for item in before.items}
    if any(b.kind == "heading" and b.level == 1 and b.line in item_lines for b in before.blocks):
        return None
    title_line = before.title_position.line if before.title_position else 0
    found = None
    for block in before.blocks:
        if starts[block.line - 1] > first_edit:
            break
        if (
            block.kind == "heading"
            and block.level == 1
            and block.end_line == block.line  # ATX: a setext heading has an underline
            and block.line != title_line
            and starts[block.end_line] <= first_edit
        ):
            found = block.line
    return found


def _read(
    before: Roadmap, new_text: str, settings: Settings, split: int | None, old_starts: list[int]
) -> Roadmap:
    if split is None:
        return parse(new_text, before.path, settings)
    tail = new_text[old_starts[split - 1] :]
    above = [found for found in before.references if 0 < found.line < split]
    # Blank lines stand in for the text above, so that line numbers stay true.
    rest = parse("\n" * (split - 1) + tail, before.path, settings, continued=True, references=above)

    def kept(line: int) -> bool:
        return line < split

    below = (*(i for i in before.items if not kept(i.position.line)), *rest.items)
    if read_across(tuple(i for i in before.items if kept(i.position.line)), below):
        return parse(new_text, before.path, settings)

    status = before.status_legend
    priority = before.priority_legend
    joined = replace(
        rest,
        title=before.title,
        title_position=before.title_position,
        status_legend=status if status and kept(status.position.line) else rest.status_legend,
        priority_legend=(
            priority if priority and kept(priority.position.line) else rest.priority_legend
        ),
        sections=tuple(s for s in before.sections if kept(s.position.line)) + rest.sections,
        items=(*(i for i in before.items if kept(i.position.line)), *rest.items),
        headings=tuple(h for h in before.headings if kept(h.position.line)) + rest.headings,
        overviews=tuple(o for o in before.overviews if kept(o.region.heading.line))
        + rest.overviews,
        graph_sections=tuple(g for g in before.graph_sections if kept(g.region.heading.line))
        + rest.graph_sections,
        comments=tuple(c for c in before.comments if kept(c.line)) + rest.comments,
        style=replace(
            before.style,
            final_newline=rest.style.final_newline,
            line_count=rest.style.line_count,
        ),
        source=new_text,
        blocks=(*(b for b in before.blocks if kept(b.line)), *rest.blocks),
        references=tuple(above) + tuple(r for r in rest.references if r.line >= split),
    )
    # The rest was read without the legend above it: its groups name priorities by it,
    # and its items' priorities the legend lists whole (``P0 (legacy)``) are read so.
    legend = joined.priority_legend
    items = (
        *(i for i in before.items if kept(i.position.line)),
        *(legend_priority(i, legend) for i in rest.items),
    )
    return replace(
        joined,
        items=items,
        overviews=with_group_priorities(joined.overviews, legend, items),
    )


def read_across(above: Sequence[Item], below: Sequence[Item]) -> bool:
    """Whether a reading across items may tie an item ``above`` the split to one ``below``
    it (read before or after the edit), so that the rest read alone reads otherwise than
    the whole does: one ID on both sides (a later row, bullet or heading restating a task,
    a repeat of a done item, an index's box), an item another line gave its status, or a
    dependency read against the other items rather than written as an ID (a title, a
    number, words around an ID, a part, a status's ``after``, a note, ``Prereq for``)."""
    ids = {item.id.casefold() for item in above}
    if any(
        item.id.casefold() in ids or item.title.partition(" ")[0].casefold() in ids
        for item in below
    ):
        return True
    known = {item.id for item in (*above, *below)}
    for side, other in ((above, below), (below, above)):
        names = _names(other)
        if any(_reads_others(item, known, names) for item in side):
            return True
    return False


def _names(items: Sequence[Item]) -> set[str]:
    """What a dependency written in words may name an item by: its ID, its title."""
    return {item.id.casefold() for item in items} | {spelling(item.title) for item in items}


def _reads_others(item: Item, known: set[str], names: set[str]) -> bool:
    """Whether ``item`` names, or was given, what only the other items (``names``) say."""
    if item.restated or item.dependency_notes or waits_in_status(item):
        return True
    if any(found.key in REVERSE_KEYS for found in item.fields):
        return True
    for entry in item.external_deps:  # ``Go 1.26`` names none; ``after M5 blocks`` may
        words = [word.strip(".,;:()[]`*\"'").casefold() for word in entry.split()]
        pairs = (f"{one} {two}" for one, two in pairwise(words))
        if spelling(entry) in names or any(word in names for word in (*words, *pairs)):
            return True
    if not item.depends_on:
        return False
    written = item.field(DEPENDS_ON)
    value = written.value.casefold() if written is not None else ""
    return any(entry not in known or entry.casefold() not in value for entry in item.depends_on)


def targeted_blocks(roadmap: Roadmap, targets: Targets) -> set[int]:
    """First lines of the top-level blocks ``targets`` allows an edit to change."""
    lines: set[int] = set()
    spans = [
        (item.position.line, item.end_line) for item in roadmap.items if item.id in targets.items
    ]
    if targets.generated:
        lines.update(generated_blocks(roadmap))
    lines.update(targets.blocks)
    stray = {line for found in roadmap.stray_lists for line, _ in found.reindent}
    for block in roadmap.blocks:
        if any(start <= block.line and block.end_line <= end for start, end in spans):
            lines.add(block.line)
        if targets.stray_lines and stray & set(range(block.line, block.end_line + 1)):
            lines.add(block.line)
    return lines


def generated_blocks(roadmap: Roadmap) -> set[int]:
    """First lines of the generated blocks: overview group headings and entry lists, and
    each Dependency Graph's mermaid block."""
    lines: set[int] = set()
    for overview in roadmap.overviews:
        group_lines = {group.line for group in overview.groups}
        if not group_lines:
            continue
        first, end = min(group_lines), overview.region.end
        for block in roadmap.blocks:
            if block.line in group_lines or (block.kind == "list" and first < block.line <= end):
                lines.add(block.line)
    lines.update(found.code_line for found in roadmap.graph_sections if found.code_line)
    return lines


def _prove_blocks(
    before: Roadmap,
    after: Roadmap,
    edits: Sequence[Edit],
    targets: Targets,
    old_starts: list[int],
    split: int | None,
) -> None:
    allowed = targeted_blocks(before, targets)
    first = split or 1
    # Where each line of the new text starts, from ``first`` on (the text above is the old).
    base = old_starts[first - 1]
    tail_starts = line_starts(after.source[base:])
    spans = []  # each edit's span in the old text and its replacement's in the new
    shift = 0
    for edit in edits:
        new_start = edit.start + shift
        spans.append((edit.start, edit.end, new_start, new_start + len(edit.replacement)))
        shift += len(edit.replacement) - (edit.end - edit.start)
    old_kept = []
    for block in before.blocks:
        if block.line < first:
            continue
        start, end = old_starts[block.line - 1], old_starts[block.end_line]
        crossed = any(_overlaps(start, end, a, b) for a, b, _, _ in spans)
        if crossed and block.line not in allowed:
            raise RoadmapError(
                f"{before.path}:{block.line}: refusing to write: the edit reached this "
                f"{block.kind}, which it does not own"
            )
        touched = crossed or any(a <= end and start <= b for a, b, _, _ in spans)
        if not (touched and block.line in allowed):
            old_kept.append((block.line, _without_ending(before.source[start:end])))
    # Blocks of targeted items only: generated blocks stay compared on the new side.
    new_allowed = targeted_blocks(after, Targets(items=targets.items))
    new_kept = []
    for block in after.blocks:
        if block.line < first:
            continue
        start = base + tail_starts[block.line - first]
        end = base + tail_starts[block.end_line - first + 1]
        text = _without_ending(after.source[start:end])
        # The line ending an edit appends to a last line that had none is no overlap.
        if any(_overlaps(start, start + len(text), a, b) for _, _, a, b in spans):
            continue
        # As on the old side: a targeted block an edit only touches (an insertion
        # right before or after it) is the edit's to compare, not a kept block.
        touched = any(a <= end and start <= b for _, _, a, b in spans)
        if not (touched and block.line in new_allowed):
            new_kept.append(text)
    if [text for _, text in old_kept] != new_kept:
        differing = [
            line for (line, text), new in zip(old_kept, new_kept, strict=False) if text != new
        ]
        shorter = min(len(old_kept), len(new_kept))
        line = (
            differing[0] if differing else old_kept[max(shorter - 1, 0)][0] if old_kept else first
        )
        at = _edit_line(old_starts, edits, line)
        if at is None or at == line:
            raise RoadmapError(
                f"{before.path}:{line}: refusing to write: the block here would not read back "
                "byte for byte after the edit"
            )
        raise RoadmapError(
            f"{before.path}:{at}: refusing to write: the edit here would change the block "
            f"at line {line}, which would not read back byte for byte"
        )


def _edit_line(old_starts: list[int], edits: Sequence[Edit], block_line: int) -> int | None:
    """The line of the first edit at or after the start of the block at ``block_line``
    (an edit that splits a list changes the list above it), or of the last edit."""
    if not edits:
        return None
    block_start = old_starts[block_line - 1]
    edit = next((found for found in edits if found.end >= block_start), edits[-1])
    return bisect_right(old_starts, edit.start)


def _without_ending(text: str) -> str:
    """A block's text less its last line ending (text appended after a file that ended
    without one supplies it)."""
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\n", "\r")) else text


def _overlaps(start: int, end: int, edit_start: int, edit_end: int) -> bool:
    """Whether the block ``[start, end)`` shares text with the edited span (or, for an
    insertion, has it strictly inside)."""
    if edit_start == edit_end:
        return start < edit_start < end
    return edit_start < end and start < edit_end


def meaning(roadmap: Roadmap, targets: Targets, first: int = 1) -> dict[str, object]:
    """What an edit with these targets must leave as it was, without line numbers.

    Items, headings and comments are taken from line ``first`` on: above it the
    proof has the old records themselves.
    """
    counted = dict(targets.recounted)

    def named(name: str | None) -> str | None:
        return counted.get(name, name) if name is not None else None

    found: dict[str, object] = {
        "title": roadmap.title,
        "status legend": roadmap.status_legend.values if roadmap.status_legend else None,
        "priority legend": roadmap.priority_legend.values if roadmap.priority_legend else None,
        "sections": [
            named(s.name) for s in roadmap.sections if named(s.name) not in targets.sections
        ],
        "link references": [(r.label, r.url, r.title) for r in roadmap.references],
        "headings": [
            (h.level, named(h.text), named(h.section))
            for h in roadmap.headings
            if h.position.line >= first
        ],
        "comments": [
            comment.text
            for comment in roadmap.comments
            if comment.line >= first and comment.text not in targets.comments
        ],
        "items": [
            (
                item.id,
                item.title,
                named(item.section),
                tuple((field.name, field.value) for field in item.fields),
                tuple((done.text, done.checked) for done in item.definition_of_done),
            )
            for item in roadmap.items
            if item.id not in targets.items and item.position.line >= first
        ],
    }
    if not targets.generated:
        found["overviews"] = [
            [(g.label, g.priority, [e.id for e in g.entries]) for g in overview.groups]
            for overview in roadmap.overviews
        ]
        found["graphs"] = [section.code for section in roadmap.graph_sections]
    return found


def _prove_records(before: Roadmap, after: Roadmap, targets: Targets, first: int) -> None:
    old, new = meaning(before, targets, first), meaning(after, targets, first)
    for what, value in old.items():
        if new[what] != value:
            raise RoadmapError(
                f"{before.path}: refusing to write: the edit would change the {what}, "
                "which it does not target"
            )
