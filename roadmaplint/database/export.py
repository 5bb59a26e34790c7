"""The whole roadmap as JSON data, and back: the database's interchange shape.

The shape is documented in the README and by ``schemas/export.schema.json``
(shipped in the package); ``items_from_document`` rebuilds the item records
from it, so a round trip loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from roadmaplint.model import DoneCriterion, Field, Item, Legend, Position, Roadmap

FORMAT_VERSION = 1
Place = Callable[[int], tuple[Path, int]]  # a line of the document -> its file and line


def _legend(legend: Legend | None) -> list[dict[str, Any]] | None:
    if legend is None:
        return None
    return [
        {"value": entry.value, "description": entry.description, "line": entry.line}
        for entry in legend.entries
    ]


def _field(found: Field) -> dict[str, Any]:
    return {
        "name": found.name,
        "key": found.key,
        "value": found.value,
        "line": found.position.line,
        "column": found.position.column,
        "value_line": found.value_position.line,
        "value_column": found.value_position.column,
        "end_line": found.end_line,
    }


def item_document(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "section": item.section,
        "line": item.position.line,
        "column": item.position.column,
        "end_line": item.end_line,
        "status": item.status,
        "priority": item.priority,
        "dri": item.dri,
        "depends_on": list(item.depends_on),
        "dependency_notes": dict(item.dependency_notes),
        "external_deps": list(item.external_deps),
        "fields": [_field(found) for found in item.fields],
        "definition_of_done": [
            {"text": done.text, "checked": done.checked, "line": done.line}
            for done in item.definition_of_done
        ],
        "restated": item.restated,
        "named_by_title": item.named_by_title,
    }


def shown_item(
    item: Item, path: str, dependents: list[str], place: Place | None = None
) -> dict[str, Any]:
    """One item as ``show --format json`` gives it: its document, who depends on it and
    the roadmap's path; ``place``: the item's own file and line (see ``in_own_file``)."""
    document = item_document(item)
    document["depended_on_by"] = dependents
    document["path"] = path
    return document if place is None else in_own_file(document, place)


def in_own_file(document: dict[str, Any], place: Place) -> dict[str, Any]:
    """An item document with the file that holds it as ``path`` and every line counted in
    that file: a task folder's task file, where ``place`` turns a line of the folder's
    joined text into the task file and its own line (a task's lines are contiguous)."""
    path, line = place(document["line"])
    shift = document["line"] - line
    moved = {**document, "path": str(path), "line": line, "end_line": document["end_line"] - shift}
    moved["fields"] = [
        {
            **found,
            "line": found["line"] - shift,
            "value_line": found["value_line"] - shift,
            "end_line": found["end_line"] - shift,
        }
        for found in document["fields"]
    ]
    moved["definition_of_done"] = [
        {**done, "line": done["line"] - shift} for done in document["definition_of_done"]
    ]
    return moved


def to_document(
    roadmap: Roadmap, dependents: dict[str, list[str]], place: Place | None = None
) -> dict[str, Any]:
    """Everything roadmaplint read from the file, as JSON-ready data; ``place``: each
    item's own file and line, for a task folder (see ``in_own_file``)."""
    documents = []
    for item in roadmap.items:
        document = item_document(item)
        document["depended_on_by"] = dependents.get(item.id, [])
        documents.append(document if place is None else in_own_file(document, place))
    return {
        "format": FORMAT_VERSION,
        "path": roadmap.path,
        "title": roadmap.title,
        "legends": {
            "status": _legend(roadmap.status_legend),
            "priority": _legend(roadmap.priority_legend),
        },
        "sections": [
            {"name": section.name, "line": section.position.line, "end_line": section.end_line}
            for section in roadmap.sections
        ],
        "items": documents,
        "overview": [
            {
                "priority": group.priority,
                "label": group.label,
                "line": group.line,
                "items": [entry.id for entry in group.entries],
            }
            for group in roadmap.overview.groups
        ]
        if roadmap.overview
        else None,
    }


def items_from_document(document: dict[str, Any]) -> tuple[Item, ...]:
    """The item records an export holds."""
    return tuple(
        Item(
            id=entry["id"],
            title=entry["title"],
            section=entry["section"],
            position=Position(entry["line"], entry["column"]),
            end_line=entry["end_line"],
            fields=tuple(
                Field(
                    name=found["name"],
                    key=found["key"],
                    value=found["value"],
                    position=Position(found["line"], found["column"]),
                    value_position=Position(found["value_line"], found["value_column"]),
                    end_line=found["end_line"],
                )
                for found in entry["fields"]
            ),
            status=entry["status"],
            priority=entry["priority"],
            dri=entry["dri"],
            depends_on=tuple(entry["depends_on"]),
            external_deps=tuple(entry["external_deps"]),
            dependency_notes=tuple(entry.get("dependency_notes", {}).items()),
            definition_of_done=tuple(
                DoneCriterion(done["text"], done["checked"], done["line"])
                for done in entry["definition_of_done"]
            ),
            restated=entry.get("restated", False),
            named_by_title=entry.get("named_by_title", False),
        )
        for entry in document["items"]
    )
