"""Writing task files: ``set_fields`` and ``new_task`` for a folder of task files.

The front matter is edited with ruamel.yaml's round-trip mode (the settings that
``reader/shapes/taskfiles.yaml`` gives), so key order, comments and quoting stay
as written; every write goes through the one write gate (locked, atomic) and is
proved by reading the result again (``prove_only``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item
from roadmaplint.reader.shapes.taskfiles import (
    CONFIG,
    FIELD_NAMES,
    FOLDERS_WITH_IDS,
    KEYS,
    TASKS,
    TaskFolder,
    load_front,
    read_task,
    split,
    yaml,
)
from roadmaplint.write.atomic import create_roadmap, editing

if TYPE_CHECKING:
    from ruamel.yaml import YAML

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def field_key(name: str) -> str:
    """The front-matter key a field name names (``DRI`` and ``owner`` name ``assignee``)."""
    key = name.strip().lower()
    key = FIELD_NAMES.get(key, key)
    if key not in KEYS:
        valid = ", ".join(sorted(KEYS))
        raise RoadmapError(f"cannot set {name!r} on a task file; fields: {valid}")
    return key


def set_fields(
    folder: TaskFolder, item_id: str, changes: Mapping[str, str], now: datetime | None = None
) -> Path:
    """Write ``changes`` (field name -> value as the CLI takes it) into one task's front
    matter, through the write gate; the file it wrote."""
    task = folder.file_of(item_id)
    keys = {field_key(name): value for name, value in changes.items()}
    if "status" in keys and keys["status"] not in folder.statuses:
        raise RoadmapError(
            f"{task.path}:{_line(task.item, 'status')}: status {keys['status']!r} is not one of "
            f"{CONFIG}'s statuses: {', '.join(folder.statuses)}"
        )
    with editing(task.path) as pending:
        new_text = edited(pending.source.text, str(task.path), keys, now or datetime.now())
        prove_only(pending.source.text, new_text, str(task.path), set(keys))
        pending.write(new_text)
    return task.path


def _line(item: Item, key: str) -> int:
    found = item.field(key)
    return found.position.line if found is not None else item.position.line


def edited(text: str, path: str, keys: Mapping[str, str], now: datetime) -> str:
    """The task file with the front-matter ``keys`` set (values as the CLI takes them)."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    from roadmaplint.edit.jsyaml import js_scalar

    front, body = split(text, path)
    loader = yaml()
    data = load_front(front, path, loader)
    for key, value in keys.items():
        if key in ("assignee", "dependencies", "labels"):
            names = [part.strip() for part in value.split(",") if part.strip()]
            if key == "dependencies":
                names = [name.upper() for name in names]
            seq = CommentedSeq([js_scalar(name, indent=4) for name in names])
            seq.fa.set_flow_style() if not names else seq.fa.set_block_style()
            data[key] = seq
        elif value == "" and key == "priority":
            data.pop(key, None)
        elif key in data or key == "title":
            data[key] = js_scalar(value)
        else:
            data.insert(_priority_place(data), key, js_scalar(value))
    stamp = SingleQuotedScalarString(now.strftime("%Y-%m-%d %H:%M"))
    if "updated_date" in data:
        data["updated_date"] = stamp
    elif "created_date" in data:
        data.insert(list(data).index("created_date") + 1, "updated_date", stamp)
    return "---\n" + dump(data, loader) + "---\n" + body


def _priority_place(data: Mapping[str, Any]) -> int:
    """Where Backlog.md puts a new ``priority``: after the keys that come before it."""
    before = (
        "id",
        "title",
        "status",
        "assignee",
        "reporter",
        "created_date",
        "updated_date",
        "due_date",
        "labels",
        "milestone",
        "dependencies",
        "references",
        "documentation",
        "modified_files",
        "parent_task_id",
        "subtasks",
    )
    keys = list(data)
    return max((keys.index(key) + 1 for key in before if key in keys), default=len(keys))


def dump(data: Any, loader: YAML) -> str:
    buffer = io.StringIO()
    loader.dump(data, buffer)
    # js-yaml writes characters beyond the BMP as \U escapes in a double-quoted string
    return _ASTRAL.sub(lambda found: f"\\U{ord(found[0]):08X}", buffer.getvalue())


def prove_only(old: str, new: str, path: str, keys: set[str]) -> None:
    """Refuse the write unless reading ``new`` gives ``old``'s item with only ``keys``'s
    records changed, and the body kept byte for byte."""
    before, after = read_task(old, path), read_task(new, path)
    changed = {KEYS[key] for key in keys}
    for name in ("id", "title", "status", "priority", "dri", "depends_on", "definition_of_done"):
        if name in changed:
            continue
        was, now = getattr(before, name), getattr(after, name)
        if name == "definition_of_done":
            was, now = [(c.text, c.checked) for c in was], [(c.text, c.checked) for c in now]
        if was != now:
            raise RoadmapError(f"{path}: refusing to write: the edit would also change {name}")
    if "labels" not in keys and _label_text(before) != _label_text(after):
        raise RoadmapError(f"{path}: refusing to write: the edit would also change labels")
    if split(old, path)[1] != split(new, path)[1]:
        raise RoadmapError(f"{path}: refusing to write: the edit would change the body")


def _label_text(item: Item) -> str | None:
    found = item.field("labels")
    return found.value if found is not None else None


def file_name(number: str, title: str, prefix: str = "task") -> str:
    """The file name Backlog.md gives a task: ``task-12 - Write-parser.md``."""
    name = re.sub(r"[<>:\"/\\|?*]", "-", title)
    name = re.sub(r"['(),!@#$%^&+=\[\]{};]", "", name)
    name = re.sub(r"-+", "-", re.sub(r"\s+", "-", name)).strip("-") or "untitled"
    return f"{prefix.lower()}-{number} - {name}.md"


def next_number(folder: TaskFolder) -> int:
    """One more than the highest task number in any of Backlog.md's task folders."""
    pattern = re.compile(rf"{re.escape(folder.prefix)}-(\d+)", re.IGNORECASE)
    highest = 0
    for sub in FOLDERS_WITH_IDS:
        for path in (folder.root / sub).glob("*.md"):
            if found := pattern.match(path.name):
                highest = max(highest, int(found[1]))
    for task in folder.tasks:
        if found := pattern.fullmatch(task.item.id):
            highest = max(highest, int(found[1]))
    return highest + 1


def new_task(
    folder: TaskFolder,
    title: str,
    fields: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> Path:
    """Create the next task file as Backlog.md would (name, key order, quoting); its path."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    from roadmaplint.edit.jsyaml import js_scalar

    if not title.strip():
        raise RoadmapError(f"{folder.root / TASKS}: a new task needs a title")
    keys = {field_key(name): value for name, value in (fields or {}).items()}
    status = keys.get("status", folder.statuses[0])
    if status not in folder.statuses:
        raise RoadmapError(
            f"{folder.root / CONFIG}: status {status!r} is not one of its statuses: "
            f"{', '.join(folder.statuses)}"
        )
    number = next_number(folder)
    data = CommentedMap()
    data["id"] = f"{folder.prefix.upper()}-{number}"
    data["title"] = js_scalar(title.strip())
    data["status"] = js_scalar(status)
    for key in ("assignee", "created_date", "labels", "dependencies"):
        if key == "created_date":
            stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
            data[key] = SingleQuotedScalarString(stamp)
            continue
        names = [part.strip() for part in keys.get(key, "").split(",") if part.strip()]
        if key == "dependencies":
            names = [name.upper() for name in names]
        seq = CommentedSeq([js_scalar(name, indent=4) for name in names])
        seq.fa.set_flow_style() if not names else seq.fa.set_block_style()
        data[key] = seq
    if keys.get("priority"):
        data["priority"] = js_scalar(keys["priority"].lower())
    data["ordinal"] = number * 1000
    text = "---\n" + dump(data, yaml()) + "---\n\n\n"
    target = folder.root / TASKS / file_name(str(number), title.strip(), folder.prefix)
    read_task(text, str(target))  # the new file must read back
    create_roadmap(target, text)
    return target
