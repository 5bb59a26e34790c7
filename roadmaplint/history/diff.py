"""The semantic diff of two roadmaps: what changed in the records, not in the lines.

Pure: two Roadmap records in, one RoadmapDiff out; no git, no files. Values are
compared as the parser reads them (plain text, whitespace collapsed), so
backticks around `ready`, a link around an ID, indentation and line endings
are no change. The derived sections (Priority Overview, Dependency Graph) are
not compared: they follow from the items.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from roadmaplint.model import Item, Legend, Roadmap
from roadmaplint.reader import DEFINITION_OF_DONE
from roadmaplint.record import record

FORMAT_VERSION = 1
RENAME_SCORE = 0.6  # how alike two items' fields must be to be one item renamed
SECTION_RENAME_SHARE = 0.5  # the share of a section's items that must move with its new name


@record
class ItemRef:
    id: str
    title: str
    section: str | None


@record
class Rename:
    old: str
    new: str


@record
class FieldChange:
    field: str  # the field's name as written (the newer spelling), or Title / Section
    old: str | None  # None: the field was not there
    new: str | None


@record
class DoneChange:
    text: str
    change: str  # added, removed, ticked, unticked


@record
class ItemChange:
    id: str  # the ID in the newer version
    old_id: str  # the ID in the older version (differs when renamed)
    title: str
    fields: tuple[FieldChange, ...]
    done: tuple[DoneChange, ...]


@record
class LegendChange:
    legend: str  # "Status Legend" or "Priority Legend"
    value: str
    change: str  # added, removed


@record
class SectionChange:
    name: str
    change: str  # added, removed, renamed
    old_name: str | None = None


@record
class RoadmapDiff:
    added: tuple[ItemRef, ...]
    removed: tuple[ItemRef, ...]
    renamed: tuple[Rename, ...]
    changed: tuple[ItemChange, ...]  # items whose values changed, in the newer version's order
    legends: tuple[LegendChange, ...]
    sections: tuple[SectionChange, ...]

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.renamed
            or self.changed
            or self.legends
            or self.sections
        )

    @property
    def renames(self) -> dict[str, str]:
        return {rename.old: rename.new for rename in self.renamed}

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": [_ref(ref) for ref in self.added],
            "removed": [_ref(ref) for ref in self.removed],
            "renamed": [{"old": rename.old, "new": rename.new} for rename in self.renamed],
            "changed": [
                {
                    "id": change.id,
                    "old_id": change.old_id,
                    "title": change.title,
                    "fields": [
                        {"field": f.field, "old": f.old, "new": f.new} for f in change.fields
                    ],
                    "definition_of_done": [
                        {"text": done.text, "change": done.change} for done in change.done
                    ],
                }
                for change in self.changed
            ],
            "legends": [
                {"legend": entry.legend, "value": entry.value, "change": entry.change}
                for entry in self.legends
            ],
            "sections": [
                {"name": entry.name, "change": entry.change, "old_name": entry.old_name}
                for entry in self.sections
            ],
        }


def _ref(ref: ItemRef) -> dict[str, Any]:
    return {"id": ref.id, "title": ref.title, "section": ref.section}


def _plain(value: str) -> str:
    return " ".join(value.split())


def _first_items(items: Iterable[Item]) -> dict[str, Item]:
    """Each ID's first item: a duplicate ID is RL102's business, not the diff's."""
    found: dict[str, Item] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def field_values(item: Item) -> dict[str, tuple[str, str]]:
    """Normalised key -> (name as written, plain value), Definition of Done apart."""
    values: dict[str, tuple[str, str]] = {}
    for found in item.fields:
        if found.key != DEFINITION_OF_DONE and found.key not in values:
            values[found.key] = (found.name, _plain(found.value))
    if item.status is not None and "status" not in values:
        # A status the item does not write as a field (a phase's checklist box).
        values["status"] = ("Status", _plain(item.status))
    return values


def _done_entries(item: Item) -> list[tuple[str, bool | None]]:
    return [(_plain(done.text), done.checked) for done in item.definition_of_done]


def diff_roadmaps(old: Roadmap, new: Roadmap) -> RoadmapDiff:
    """What changed from ``old`` to ``new``, item by item and field by field."""
    before = _first_items(old.items)
    after = _first_items(new.items)
    gone = [item_id for item_id in before if item_id not in after]
    arrived = [item_id for item_id in after if item_id not in before]
    renames = _match_renames([before[i] for i in gone], [after[i] for i in arrived])
    renamed_to = {rename.new: rename.old for rename in renames}
    sections = _section_changes(old, new, before, after, renamed_to)
    section_renames = {c.old_name: c.name for c in sections if c.change == "renamed"}
    changed = []
    for item_id, item in after.items():
        old_id = renamed_to.get(item_id, item_id)
        if old_id in before:
            change = _item_change(before[old_id], item, section_renames)
            if change is not None:
                changed.append(change)
    renamed_old = {rename.old for rename in renames}
    return RoadmapDiff(
        added=tuple(
            ItemRef(i, after[i].title, after[i].section) for i in arrived if i not in renamed_to
        ),
        removed=tuple(
            ItemRef(i, before[i].title, before[i].section) for i in gone if i not in renamed_old
        ),
        renamed=tuple(renames),
        changed=tuple(changed),
        legends=(
            *_legend_changes("Status Legend", old.status_legend, new.status_legend),
            *_legend_changes("Priority Legend", old.priority_legend, new.priority_legend),
        ),
        sections=tuple(sections),
    )


def _item_change(old: Item, new: Item, section_renames: dict[str | None, str]) -> ItemChange | None:
    fields: list[FieldChange] = []
    if _plain(old.title) != _plain(new.title):
        fields.append(FieldChange("Title", old.title, new.title))
    if section_renames.get(old.section, old.section) != new.section:
        fields.append(FieldChange("Section", old.section, new.section))
    before, after = field_values(old), field_values(new)
    for key in [*after, *(key for key in before if key not in after)]:
        old_value = before.get(key, (None, None))[1]
        new_value = after.get(key, (None, None))[1]
        if old_value != new_value:
            name = (after.get(key) or before[key])[0]
            fields.append(FieldChange(name, old_value, new_value))
    done = _done_changes(_done_entries(old), _done_entries(new))
    if not fields and not done:
        return None
    return ItemChange(new.id, old.id, new.title, tuple(fields), tuple(done))


def _done_changes(
    old: Sequence[tuple[str, bool | None]], new: Sequence[tuple[str, bool | None]]
) -> list[DoneChange]:
    remaining = list(old)
    changes: list[DoneChange] = []
    for text, checked in new:
        match = next((entry for entry in remaining if entry[0] == text), None)
        if match is None:
            changes.append(DoneChange(text, "added"))
            continue
        remaining.remove(match)
        if bool(match[1]) != bool(checked):
            changes.append(DoneChange(text, "ticked" if checked else "unticked"))
    changes[:0] = [DoneChange(text, "removed") for text, _ in remaining]
    return changes


def similarity(old: Item, new: Item) -> float:
    """How alike two items are, 0 to 1: their titles, fields and Definition of Done."""
    title = difflib.SequenceMatcher(None, _plain(old.title), _plain(new.title)).ratio()
    before = {(key, value) for key, (_, value) in field_values(old).items()}
    after = {(key, value) for key, (_, value) in field_values(new).items()}
    before |= {("done", text) for text, _ in _done_entries(old)}
    after |= {("done", text) for text, _ in _done_entries(new)}
    union = before | after
    fields = len(before & after) / len(union) if union else 1.0
    return (title + fields) / 2


def _match_renames(gone: Sequence[Item], arrived: Sequence[Item]) -> list[Rename]:
    """Pair removed and added items that are one item under a new ID.

    The same title makes a pair first; then the most alike pairs above
    RENAME_SCORE, best first.
    """
    pairs: dict[str, str] = {}
    by_title: dict[str, list[Item]] = {}
    for item in arrived:
        by_title.setdefault(_plain(item.title).lower(), []).append(item)
    for item in gone:
        same = by_title.get(_plain(item.title).lower())
        if same:
            pairs[item.id] = same.pop(0).id
    taken = set(pairs.values())
    scored = sorted(
        (
            (-similarity(old, new), index, old.id, new.id)
            for index, (old, new) in enumerate(
                (old, new)
                for old in gone
                if old.id not in pairs
                for new in arrived
                if new.id not in taken
            )
        ),
    )
    for score, _, old_id, new_id in scored:
        if -score < RENAME_SCORE:
            break
        if old_id not in pairs and new_id not in taken:
            pairs[old_id] = new_id
            taken.add(new_id)
    order = {item.id: index for index, item in enumerate(arrived)}
    return [Rename(old, new) for old, new in sorted(pairs.items(), key=lambda p: order[p[1]])]


def _legend_changes(name: str, old: Legend | None, new: Legend | None) -> list[LegendChange]:
    before = old.values if old else ()
    after = new.values if new else ()
    return [LegendChange(name, value, "removed") for value in before if value not in after] + [
        LegendChange(name, value, "added") for value in after if value not in before
    ]


def _section_changes(
    old: Roadmap,
    new: Roadmap,
    before: dict[str, Item],
    after: dict[str, Item],
    renamed_to: dict[str, str],
) -> list[SectionChange]:
    old_names = list(dict.fromkeys(section.name for section in old.sections))
    new_names = list(dict.fromkeys(section.name for section in new.sections))
    removed = [name for name in old_names if name not in new_names]
    added = [name for name in new_names if name not in old_names]
    members: dict[str, set[str]] = {}
    for item in before.values():
        members.setdefault(item.section or "", set()).add(item.id)
    changes: list[SectionChange] = []
    for name in added:
        moved = {
            renamed_to.get(item.id, item.id) for item in after.values() if item.section == name
        }
        best = max(
            removed,
            key=lambda old_name: len(moved & members.get(old_name, set())),
            default=None,
        )
        shared = len(moved & members.get(best, set())) if best is not None else 0
        if best is not None and shared and shared >= SECTION_RENAME_SHARE * len(moved):
            removed.remove(best)
            changes.append(SectionChange(name, "renamed", best))
        else:
            changes.append(SectionChange(name, "added"))
    return [SectionChange(name, "removed") for name in removed] + changes


@record
class FileDiff:
    """One roadmap compared between two versions (a revision, the work tree or a file)."""

    path: str
    base: str  # what the older version is: a revision, "working tree" or a file
    head: str
    diff: RoadmapDiff
