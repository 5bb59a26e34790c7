"""Changing items in place: ``set`` a field, add a ``new`` item, write a starter roadmap.

Each edit is a pure text -> text step that touches only the lines it must;
the caller then regenerates derived sections with ``fix_text`` and writes
through the one safe write path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from roadmaplint.errors import RoadmapError
from roadmaplint.idpattern import id_regex
from roadmaplint.model import Field, Item, Roadmap
from roadmaplint.parse import normalize_key, split_dependencies, split_lines
from roadmaplint.proof import Targets, prove_edit
from roadmaplint.rules.base import Context, did_you_mean, id_prefix
from roadmaplint.settings import KNOWN_FIELDS, Settings

_CANONICAL = [normalize_key(name) for name in KNOWN_FIELDS]
_FIELD_PREFIX = re.compile(r"(\s*(?:>\s*)*[-*+][ \t]+)")


@dataclass(frozen=True)
class FieldChange:
    name: str  # as it should be written, e.g. "Depends on"
    value: str


def validate_changes(
    roadmap: Roadmap, item: Item, changes: Sequence[FieldChange], settings: Settings
) -> None:
    """Refuse values the legends or the dependency graph would reject."""
    context = Context(roadmap, settings)
    for change in changes:
        key = normalize_key(change.name)
        if "\n" in change.value or "\r" in change.value:
            raise RoadmapError(f"{change.name}: a value is one line")
        legend = {"status": roadmap.status_legend, "priority": roadmap.priority_legend}.get(key)
        if legend is not None and change.value not in legend.values:
            raise RoadmapError(
                f"{change.name} {change.value!r} is not in the {legend.name}"
                f"{did_you_mean(change.value, legend.values)}; allowed: {', '.join(legend.values)}"
            )
        if key == "depends on":
            _validate_dependencies(context, item, change.value, settings)


def _validate_dependencies(context: Context, item: Item, value: str, settings: Settings) -> None:
    references, _ = split_dependencies(value, id_regex(settings.id_pattern))
    items = context.items_by_id
    for reference in references:
        if reference == item.id:
            raise RoadmapError(f"{item.id} cannot depend on itself")
        if reference not in items:
            raise RoadmapError(
                f"{item.id} cannot depend on unknown item {reference}"
                f"{did_you_mean(reference, items)}"
            )
    graph = context.graph
    for reference in references:
        # A new edge item -> reference closes a cycle if reference already reaches item.
        if reference == item.id or item.id in graph.ancestors(reference):
            raise RoadmapError(
                f"{item.id} cannot depend on {reference}: {reference} already depends on "
                f"{item.id}, which would make a cycle"
            )


def set_fields(
    roadmap: Roadmap, item_id: str, changes: Sequence[FieldChange], settings: Settings
) -> str:
    """The roadmap's text with the item's fields set; other items read back unchanged."""
    text, path = roadmap.source, roadmap.path
    items = Context(roadmap, settings).items_by_id
    if item_id not in items:
        raise RoadmapError(f"{path}: no item {item_id}{did_you_mean(item_id, items)}")
    item = items[item_id]
    validate_changes(roadmap, item, changes, settings)
    lines = split_lines(text)
    inserts: list[tuple[int, str]] = []  # (0-based index to insert before, line)
    for change in changes:
        found = item.field(normalize_key(change.name))
        if found is not None:
            index = found.position.line - 1
            if found.end_line > found.position.line and not _nested_list_follows(lines, found):
                raise RoadmapError(
                    f"{path}:{found.position.line}: {item.id}'s {found.name} spans several "
                    "lines; edit it by hand"
                )
            line = lines[index]
            body = line.rstrip("\r\n")
            ending = line[len(body) :]
            start = found.value_position.column - 1 if found.value else len(body)
            separator = "" if found.value or body.endswith(" ") else " "
            lines[index] = body[:start] + separator + change.value + ending
        else:
            inserts.append(_new_field_line(lines, item, change, roadmap))
    # Back to front; of two new lines at one place, the later is inserted first,
    # so that they end up in field order.
    ordered = sorted(enumerate(inserts), key=lambda pair: (pair[1][0], pair[0]), reverse=True)
    for _, (index, line) in ordered:
        lines.insert(index, line)
    new_text = "".join(lines)
    _prove_only_item_changed(roadmap, new_text, item_id, settings)
    return new_text


def _nested_list_follows(lines: list[str], found: Field) -> bool:
    """Whether a multi-line field is a name line plus a nested list (its value is one line)."""
    following = lines[found.position.line] if found.position.line < len(lines) else ""
    own_indent = found.position.column - 1
    return (
        bool(_FIELD_PREFIX.match(following))
        and len(following) - len(following.lstrip()) > own_indent
    )


def _rank(key: str) -> int:
    """A field's place in the usual order (DRI, Status, Priority, ...); unknown fields last."""
    return _CANONICAL.index(key) if key in _CANONICAL else len(_CANONICAL)


def _new_field_line(
    lines: list[str], item: Item, change: FieldChange, roadmap: Roadmap
) -> tuple[int, str]:
    rank = _rank(normalize_key(change.name))
    newline = roadmap.style.newline
    if not item.fields:
        heading = item.position.line
        prefix = roadmap.style.indent + roadmap.style.bullet + " "
        return heading, f"{newline}{prefix}**{change.name}:** {change.value}{newline}"
    before = [found for found in item.fields if _rank(found.key) <= rank]
    anchor = before[-1] if before else None
    template = item.fields[0]
    match = _FIELD_PREFIX.match(lines[template.position.line - 1])
    prefix = match[1] if match else roadmap.style.indent + roadmap.style.bullet + " "
    line = f"{prefix}**{change.name}:** {change.value}{newline}"
    if anchor is None:
        return item.fields[0].position.line - 1, line
    return anchor.end_line, line


def _prove_only_item_changed(
    before: Roadmap, new_text: str, item_id: str, settings: Settings
) -> None:
    prove_edit(before, new_text, Targets(items=frozenset({item_id})), settings)


def next_id(roadmap: Roadmap, section: str, items: Mapping[str, Item]) -> str:
    members = [item for item in roadmap.items if item.section == section]
    if members:
        from collections import Counter

        prefix = Counter(id_prefix(item.id) for item in members).most_common(1)[0][0]
    else:
        prefix = re.sub(r"[^A-Z0-9]", "", section.split()[0].upper()) or "ITEM"
    numbers = [
        int(match[1])
        for other in items
        if id_prefix(other) == prefix and (match := re.search(r"(\d+)$", other))
    ]
    separator = "-" if not members or "-" in members[0].id else ""
    return f"{prefix}{separator}{max(numbers, default=0) + 1}"


def new_item(
    roadmap: Roadmap,
    section_name: str,
    title: str,
    fields: Sequence[FieldChange],
    settings: Settings,
    done: Sequence[str] = (),
) -> tuple[str, str]:
    """The roadmap's text with a new item at the end of a section, and the new item's ID."""
    text, path = roadmap.source, roadmap.path
    sections = {section.name.lower(): section for section in roadmap.sections}
    section = sections.get(section_name.lower())
    if section is None:
        names = [found.name for found in roadmap.sections]
        raise RoadmapError(
            f"{path}: no section {section_name!r}{did_you_mean(section_name, names)}; "
            f"sections: {', '.join(names) or 'none'}"
        )
    if not title.strip() or "\n" in title or "\r" in title:
        raise RoadmapError("the title is one non-empty line")
    context = Context(roadmap, settings)
    item_id = next_id(roadmap, section.name, context.items_by_id)
    fields = with_defaults(roadmap, fields, settings)
    placeholder = Item(
        item_id, title, section.name, section.position, 0, (), None, None, None, (), (), ()
    )
    validate_changes(roadmap, placeholder, fields, settings)
    style = roadmap.style
    members = [item for item in roadmap.items if item.section == section.name]
    lines = split_lines(text)
    uses_rules = _separated_by_rules(lines, members)
    indent, bullet, newline = style.indent, style.bullet, style.newline
    body = [f"{indent}## [{item_id}] {title.strip()}", ""]
    body += [f"{indent}{bullet} **{change.name}:** {change.value}" for change in fields]
    if done:
        body.append(f"{indent}{bullet} **Definition of Done:**")
        body += [f"{indent}  {bullet} [ ] {criterion}" for criterion in done]
    if uses_rules:
        body += ["", f"{indent}---"]
    # Inserted after the section's last written line: the blank lines after it stay.
    insert_at = _end_of_section(lines, section.end_line)
    block = newline.join(body) + newline
    if insert_at > 0 and lines[insert_at - 1].strip():
        block = newline + block
    if insert_at > 0 and not lines[insert_at - 1].endswith(("\n", "\r")):
        block = newline + block
    new_text = "".join(lines[:insert_at]) + block + "".join(lines[insert_at:])
    after = prove_edit(roadmap, new_text, Targets(items=frozenset({item_id})), settings)
    if [item.id for item in after.items].count(item_id) != 1:
        raise RoadmapError(f"{path}: refusing to write: the new item did not read back alone")
    return new_text, item_id


def with_defaults(
    roadmap: Roadmap, fields: Sequence[FieldChange], settings: Settings
) -> list[FieldChange]:
    """DRI, Status and Priority filled in when not given, in the usual field order."""
    given = {normalize_key(change.name): change for change in fields}
    statuses = roadmap.status_legend.values if roadmap.status_legend else ()
    priorities = roadmap.priority_legend.values if roadmap.priority_legend else ()
    ready = [value for value in statuses if settings.statuses.is_ready(value)]
    defaults = {
        "dri": FieldChange("DRI", "_unassigned_"),
        "status": FieldChange("Status", (ready or list(statuses) or ["idea"])[0]),
        "priority": FieldChange("Priority", (list(priorities) or ["P2"])[-1]),
    }
    ordered = [given.get(key, default) for key, default in defaults.items()]
    ordered += [change for key, change in given.items() if key not in defaults]
    return ordered


def _separated_by_rules(lines: list[str], members: list[Item]) -> bool:
    """Whether the section's items are followed by ``---`` lines, as the example writes them."""
    if not members:
        return any(line.strip() == "---" for line in lines)
    after = lines[members[-1].end_line : members[-1].end_line + 3]
    return any(line.strip() in ("---", "***", "___") for line in after)


def _end_of_section(lines: list[str], end_line: int) -> int:
    """Index to insert before: after the section's last non-blank line."""
    index = end_line
    while index > 0 and not lines[index - 1].strip():
        index -= 1
    return index


STARTER = """\
# {title}

This document tracks features, owners and priorities. `roadmaplint check` keeps it honest;
`roadmaplint fix` regenerates the Priority Overview at the end.

---

## Status Legend

- `idea` – not scoped yet
- `ready` – clearly defined, free to claim
- `in_progress` – actively worked on
- `blocked` – waiting on dependency
- `done` – completed

## Priority Legend

- `P0` – critical
- `P1` – important
- `P2` – nice to have

---

# Getting Started

---

## [START-1] Write the First Real Item

- **DRI:** _unassigned_
- **Status:** ready
- **Priority:** P1
- **Description:** Replace this example with the first item of your roadmap.
- **Definition of Done:**
  - [ ] The roadmap lists real work
  - [ ] `roadmaplint check --strict` passes

---
"""
