"""The gate every write of a task file passes (a folder of Backlog.md task files).

A task file is one item in its own file, so its proof is the file's: ``prove_task_edit``
reads the old and new text and refuses an edit (``set``, ``rename``) that changed a
record it did not ask for, or the body; ``prove_task_added`` reads a new file (``new``)
and refuses one whose item does not read back as the values it was given. The edits in
``edit/taskfiles.py`` call these before anything is written, as the single-file shapes
call ``prove_edit``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item
from roadmaplint.reader.shapes.taskfiles import KEYS, read_task, split

# The records of a task, each compared before and after an edit.
_RECORDS = ("id", "title", "status", "priority", "dri", "depends_on", "definition_of_done")
# Front-matter keys with no record of their own, compared as written.
_KEPT_KEYS = ("labels", "parent_task_id")


def prove_task_edit(old: str, new: str, path: str, keys: set[str], ticks: bool = False) -> None:
    """Refuse the write unless reading ``new`` gives ``old``'s item with only ``keys``'s
    records changed, and the body kept byte for byte (``ticks``: but for the marks of
    its boxes)."""
    before, after = read_task(old, path), read_task(new, path)
    changed = {KEYS.get(key, key) for key in keys}
    if ticks:
        changed.add("definition_of_done")
        texts = [criterion.text for criterion in before.definition_of_done]
        if texts != [criterion.text for criterion in after.definition_of_done]:
            raise RoadmapError(f"{path}: refusing to write: the edit would change a box's text")
    for name in _RECORDS:
        if name in changed:
            continue
        was, now = getattr(before, name), getattr(after, name)
        if name == "definition_of_done":
            was, now = [(c.text, c.checked) for c in was], [(c.text, c.checked) for c in now]
        if was != now:
            raise RoadmapError(f"{path}: refusing to write: the edit would also change {name}")
    for key in _KEPT_KEYS:
        if key not in keys and _field_text(before, key) != _field_text(after, key):
            raise RoadmapError(f"{path}: refusing to write: the edit would also change {key}")
    if _unticked(split(old, path)[1], ticks) != _unticked(split(new, path)[1], ticks):
        raise RoadmapError(f"{path}: refusing to write: the edit would change the body")


def prove_task_added(text: str, path: str, title: str, keys: Mapping[str, str]) -> Item:
    """The item a new task file reads as, refused unless it reads back as given: the
    title, and each value of ``keys`` (front-matter keys: ``status``, ``priority``,
    ``assignee``, ``dependencies``) as the file writes it, in Backlog.md's own words
    (the status as given, a priority in lower case, dependencies by their IDs)."""
    made = read_task(text, path)
    wanted: dict[str, object] = {"title": title.strip()}
    if keys.get("status", "").strip():
        wanted["status"] = keys["status"].strip()
    if keys.get("priority", "").strip():
        wanted["priority"] = keys["priority"].strip().lower()
    if keys.get("assignee", "").strip():
        wanted["dri"] = ", ".join(_names(keys["assignee"]))
    if keys.get("dependencies", "").strip():
        wanted["depends_on"] = [name.upper() for name in _names(keys["dependencies"])]
    for name, value in wanted.items():
        now = getattr(made, name)
        if name == "depends_on":
            now = [dependency.upper() for dependency in now]
        if now != value:
            raise RoadmapError(
                f"{path}: refusing to write: the new task's {name} would read back as "
                f"{now!r}, not {value!r}"
            )
    return made


def _names(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _unticked(body: str, ticks: bool) -> str:
    return re.sub(r"(?m)^(\s*- \[)[ xX](\] )", r"\1 \2", body) if ticks else body


def _field_text(item: Item, key: str) -> str | None:
    found = item.field(key)
    return found.value if found is not None else None
