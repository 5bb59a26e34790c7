"""Writing task files: ``set_fields`` and ``new_task`` for a folder of task files.

The front matter is edited with ruamel.yaml's round-trip mode (the settings that
``reader/shapes/taskfiles.yaml`` gives), so key order, comments and quoting stay
as written; every write goes through the one write gate (locked, atomic) and is
proved there by reading the result again (``write/taskfiles.py``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Field, Item
from roadmaplint.reader.shapes.taskfiles import (
    CONFIG,
    DEPENDS_FIELD,
    DEPENDS_KEY,
    FIELD_NAMES,
    FOLDERS_WITH_IDS,
    KEYS,
    TASKS,
    TaskFile,
    TaskFolder,
    as_read,
    detect,
    id_key,
    load_front,
    moved_tasks,
    split,
    yaml,
)
from roadmaplint.reader.source import Source
from roadmaplint.record import record
from roadmaplint.text import LazyPattern
from roadmaplint.write.atomic import create_roadmap, editing, move_file
from roadmaplint.write.taskfiles import prove_task_added, prove_task_edit

if TYPE_CHECKING:
    from ruamel.yaml import YAML

    from roadmaplint.edit.base import ItemEdit

_ASTRAL = LazyPattern("[\U00010000-\U0010ffff]")


def field_key(name: str) -> str:
    """The front-matter key a field name names (``DRI`` and ``owner`` name ``assignee``)."""
    key = name.strip().lower()
    key = FIELD_NAMES.get(key, key)
    if key not in KEYS:
        valid = ", ".join(sorted(KEYS))
        raise RoadmapError(f"cannot set {name!r} on a task file; fields: {valid}")
    return key


def refuse_keyed(folder: TaskFolder) -> None:
    """A folder of task files with no config.yml, read by its files' own keys (``scope_id``,
    ``agent_id``), is read only: its keys, statuses and file names are another tool's,
    which no edit here knows how to write."""
    if folder.keyed:
        raise RoadmapError(
            f"{folder.root}: a folder of task files with no {CONFIG}, read by their "
            f"{folder.keyed!r} keys, is read only; edit its files by hand or with the tool "
            "that writes them"
        )


def set_fields(
    folder: TaskFolder, item_id: str, changes: Mapping[str, str], now: datetime | None = None
) -> Path:
    """Write ``changes`` (field name -> value as the CLI takes it) into one task's front
    matter, through the write gate; the file it wrote."""
    refuse_keyed(folder)
    task = folder.file_of(item_id)
    refuse_moved(task)
    keys = {field_key(name): value for name, value in changes.items()}
    if "status" in keys and keys["status"] not in folder.statuses:
        raise RoadmapError(
            f"{task.path}:{_line(task.item, 'status')}: status {keys['status']!r} is not one of "
            f"{CONFIG}'s statuses: {', '.join(folder.statuses)}"
        )
    refuse_outside(task.path)
    with editing(task.path) as pending:
        old_text = as_read(pending.source.text)
        new_text = edited(old_text, str(task.path), keys, now or datetime.now())
        prove_task_edit(old_text, new_text, str(task.path), set(keys))
        pending.write(in_own_bytes(pending.source, new_text))
    return task.path


def in_own_bytes(source: Source, text: str) -> str:
    """``text``, an edit of ``source``'s text as read, written with the file's own byte
    order mark and line ends (CRLF stays CRLF); refused where its lines end unlike."""
    original = source.text
    mark = "\ufeff" if original.startswith("\ufeff") else ""
    crlf, breaks = original.count("\r\n"), original.count("\n") + original.count("\r")
    if crlf and crlf * 2 == breaks:
        return mark + text.replace("\n", "\r\n")
    if crlf or ("\r" in original and "\n" in original):
        raise RoadmapError(
            f"{source.path}: its lines end in more than one way (CRLF and LF); save it with "
            "one line end, as Backlog.md writes it, and run again"
        )
    return mark + (text.replace("\n", "\r") if "\r" in original else text)


def refuse_moved(task: TaskFile) -> None:
    """A completed, archived or drafted task takes its status from its folder: ``set``
    would write a status the folder overrules, so it edits only tasks of ``tasks/``."""
    if task.moved:
        raise RoadmapError(
            f"{task.path}:{task.item.position.line}: {task.item.id} is in {task.folder}/, "
            f"which gives its status; `set` edits tasks of {TASKS}/ (move it back first)"
        )


def _field(item: Item, key: str) -> Field | None:
    """The field a front-matter ``key`` gave (``dependencies`` is the record's Depends on)."""
    return item.field(DEPENDS_FIELD if key == DEPENDS_KEY else key)


def _line(item: Item, key: str) -> int:
    found = _field(item, key)
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
    written = dump(data, loader)
    # the closing fence as written: ``---`` on its line, or glued to the body
    # (``---## Description``), which Backlog.md reads so and the edit leaves so
    fence = text[4 + len(front) : len(text) - len(body)]
    return "---\n" + _kept(front, written, {*keys, "updated_date"}, path) + fence + body


def _kept(front: str, written: str, changed: set[str], path: str) -> str:
    """The dumped front matter ``written`` with each key the edit did not change taken
    back byte for byte from ``front``: ruamel.yaml writes a whole mapping again, spacing
    a flow list (``['x',   "y"]``) and dropping tags (``!!seq``) its own way. The old
    text where reading it gives the same values; else ``written`` as it is."""
    loader = yaml()
    try:
        old, new = load_front(front, path, loader), load_front(written, path, loader)
    except RoadmapError:
        return written
    if getattr(old, "fa", None) is not None and old.fa.flow_style():
        # ``{id: TASK-6, title: "Fl\u00f6w", status: Done}``: the keys share a line
        flowed = _kept_flow(front, written, changed)
        return written if flowed is None else _same_or(written, flowed, new, path, loader)
    old_lines, new_lines = _lines_of(front), _lines_of(written)
    old_spans, new_spans = _key_spans(old, len(old_lines)), _key_spans(new, len(new_lines))
    if not old_spans or not new_spans:
        return written
    first = min(start for start, _ in old_spans.values())
    kept = old_lines[:first]  # comments above the first key
    for key, (start, end) in new_spans.items():
        if key in changed or key not in old_spans:
            kept += new_lines[start:end]
        else:
            kept += old_lines[old_spans[key][0] : old_spans[key][1]]
    text = "".join(kept)
    try:
        same = _plain(load_front(text, path, loader)) == _plain(new)
    except RoadmapError:
        same = False
    return text if same else written


def _same_or(written: str, text: str, new: Any, path: str, loader: YAML) -> str:
    """``text`` where it reads as ``new`` does, else ``written``."""
    try:
        same = _plain(load_front(text, path, loader)) == _plain(new)
    except RoadmapError:
        same = False
    return text if same else written


def _kept_flow(front: str, written: str, changed: set[str]) -> str | None:
    """A front matter written as one flow mapping with only the ``changed`` keys' values
    taken from ``written`` (a key it adds written after the key before it there), every
    other byte (an escape, a quote, the spacing) as it was; None where a key went or the
    keys kept are in another order (``written`` then stands as it is)."""
    old, new = _flow_spans(front), _flow_spans(written)
    if old is None or new is None or [key for key in new if key in old] != list(old):
        return None
    edits: list[tuple[int, int, str]] = []
    for key in changed & set(old):
        edits.append((old[key][1], old[key][2], written[new[key][1] : new[key][2]]))
    keys = list(new)
    for index, key in enumerate(keys):
        if key in old:
            continue
        before = next((name for name in reversed(keys[:index]) if name in old), None)
        if before is None:
            return None
        entry = written[new[key][0] : new[key][2]]
        edits.append((old[before][2], old[before][2], f", {entry}"))
    text = front
    for start, end, value in sorted(edits, key=lambda edit: (-edit[0], -edit[1])):
        text = text[:start] + value + text[end:]
    return text


def _flow_spans(front: str) -> dict[str, tuple[int, int, int]] | None:
    """Where each top-level key and its value stand in a front matter of one mapping
    (the key's start, the value's start and end, as offsets into ``front``); None where
    a key is no scalar or the text no mapping."""
    import yaml as pyyaml

    try:
        events = list(pyyaml.parse(front, Loader=pyyaml.SafeLoader))
    except pyyaml.YAMLError:
        return None
    if len(events) < 6 or not isinstance(events[2], pyyaml.MappingStartEvent):
        return None
    body = events[3:-3]  # inside the stream's, the document's and the mapping's ends
    spans: dict[str, tuple[int, int, int]] = {}
    at = 0
    while at < len(body):
        key = body[at]
        if not isinstance(key, pyyaml.ScalarEvent) or at + 1 >= len(body):
            return None
        start, depth, at = body[at + 1].start_mark.index, 0, at + 1
        while True:  # the value: a scalar, or a list or mapping to its end
            event = body[at]
            if isinstance(event, pyyaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, pyyaml.CollectionEndEvent):
                depth -= 1
            at += 1
            if depth == 0:
                break
        spans[key.value] = (key.start_mark.index, start, event.end_mark.index)
    return spans


def _lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _key_spans(data: Any, count: int) -> dict[str, tuple[int, int]]:
    """Each top-level key's lines in its front matter: from its own to the next key's."""
    starts = [(int(data.lc.key(key)[0]), str(key)) for key in data]
    starts.sort()
    spans = {}
    for (start, key), (end, _) in zip(starts, [*starts[1:], (count, "")], strict=True):
        spans[key] = (start, end)
    return spans


def _plain(value: Any) -> Any:
    """``value`` as plain Python data, to compare two readings of front matter."""
    if isinstance(value, Mapping):
        return [(str(key), _plain(item)) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value if value is None or isinstance(value, bool | int | float) else str(value)


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
    refuse_keyed(folder)
    keys = {field_key(name): value for name, value in (fields or {}).items()}
    target, text = task_text(folder, title, keys, now)
    prove_task_added(text, str(target), title, keys)
    create_roadmap(target, text)
    return target


def task_text(
    folder: TaskFolder, title: str, keys: Mapping[str, str], now: datetime | None
) -> tuple[Path, str]:
    """The next task's path and text as ``backlog task create`` writes them."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import SingleQuotedScalarString

    from roadmaplint.edit.jsyaml import js_scalar

    if not title.strip():
        raise RoadmapError(f"{folder.root / TASKS}: a new task needs a title")
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
    return folder.root / TASKS / file_name(str(number), title.strip(), folder.prefix), text


# --- the commands' edits: set, new and rename on a task folder ----------------------------

PRIORITIES = ("high", "medium", "low")  # the priorities Backlog.md writes


@record
class FileEdit:
    """One task file's text before and after an edit, proved; ``moved_to`` when the
    file is also renamed (``rename`` keeps Backlog.md's ``task-12 - Title.md`` names)."""

    path: Path
    old: str
    new: str
    moved_to: Path | None = None
    item_id: str = ""  # the task's ID (a new task's, which Backlog.md numbers)


def _refuse_lines(where: str, values: Sequence[tuple[str, str]]) -> None:
    """Refuse a value of more than one line, or one markdown would hide part of, as an
    edit of a roadmap file refuses it (a title of two lines was written as a YAML block,
    a ``--done`` entry's second line as a box of its own); ``where``: the file and line."""
    from roadmaplint.edit.base import check_one_line

    for what, value in values:
        try:
            check_one_line(value, what)
        except RoadmapError as error:
            raise RoadmapError(f"{where}: {error}") from None


def set_plan(
    folder: TaskFolder, item_id: str, edit: ItemEdit, now: datetime | None = None
) -> FileEdit:
    """``set``'s edit of one task: its front matter (status, priority, assignee,
    dependencies, title) and its boxes (``--done-item``), read back and proved."""
    refuse_keyed(folder)
    task = folder.file_of(item_id)
    refuse_moved(task)
    values = [("title", "the title", edit.title or "")]
    values += [(field_key(change.name), change.name, change.value) for change in edit.fields]
    for key, what, value in values:
        _refuse_lines(f"{task.path}:{_line(task.item, key)}", [(what, value)])
    keys = _keys(folder, task, edit)
    text = _ticked(task, task.text, edit)  # first: the boxes' lines are the file's as read
    if keys:
        _refuse_unknown_status(folder, task, keys)
        text = edited(text, str(task.path), keys, now or datetime.now())
    if text != task.text:
        prove_task_edit(
            task.text, text, str(task.path), set(keys), ticks=bool(edit.tick or edit.untick)
        )
    return FileEdit(task.path, task.text, text)


def _keys(folder: TaskFolder, task: TaskFile, edit: ItemEdit) -> dict[str, str]:
    keys = {field_key(change.name): change.value.strip() for change in edit.fields}
    if edit.add_deps or edit.remove_deps:
        current = keys.get("dependencies")
        names = _names(current) if current is not None else _written_deps(task)
        names += [name.upper() for name in edit.add_deps if name.upper() not in names]
        removed = {name.upper() for name in edit.remove_deps}
        keys["dependencies"] = ", ".join(name for name in names if name.upper() not in removed)
    if "dependencies" in keys:
        _refuse_unknown_items(folder, _names(keys["dependencies"]), task)
        _refuse_cycle(folder, task, _names(keys["dependencies"]))
    if "priority" in keys:
        keys["priority"] = _priority(task, keys["priority"])
    if edit.title is not None:
        keys["title"] = edit.title.strip()
    return {key: value for key, value in keys.items() if _differs(task, key, value)}


def _written_deps(task: TaskFile) -> list[str]:
    """The task's ``dependencies`` as its file writes them: the item's ``depends_on``
    leaves out a task Backlog.md moved to completed/ (an outside dependency), which an
    edit of the list must keep."""
    found = _field(task.item, DEPENDS_KEY)
    return _names(found.value) if found is not None else list(task.item.depends_on)


def _names(value: str) -> list[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


def _differs(task: TaskFile, key: str, value: str) -> bool:
    found = _field(task.item, key)
    return found is None or found.value != (
        ", ".join(_names(value)) if key == "dependencies" else value
    )


def _priority(task: TaskFile, value: str) -> str:
    if value and value.lower() not in PRIORITIES:
        raise RoadmapError(
            f"{task.path}:{_line(task.item, 'priority')}: priority {value!r} is not one of "
            f"Backlog.md's: {', '.join(PRIORITIES)}"
        )
    return value.lower()


def _refuse_unknown_status(folder: TaskFolder, task: TaskFile, keys: Mapping[str, str]) -> None:
    if "status" in keys and keys["status"] not in folder.statuses:
        raise RoadmapError(
            f"{task.path}:{_line(task.item, 'status')}: status {keys['status']!r} is not one of "
            f"{CONFIG}'s statuses: {', '.join(folder.statuses)}"
        )


def _refuse_unknown_items(folder: TaskFolder, names: list[str], task: TaskFile | None) -> None:
    """Backlog.md accepts only dependencies on tasks that exist, and none on the task itself."""
    from roadmaplint.edit.base import check_one_line

    where = f"{task.path}:{_line(task.item, 'dependencies')}" if task else str(folder.root / TASKS)
    for name in names:
        try:
            check_one_line(name, "Depends on")
        except RoadmapError as error:
            raise RoadmapError(f"{where}: {error}") from None
    known = {other.item.id.upper() for other in folder.tasks}
    known |= set(moved_tasks(folder.root, folder.prefix))  # completed, archived, drafts
    for name in names:
        if task is not None and name == task.item.id.upper():
            raise RoadmapError(f"{where}: {name} cannot depend on itself")
        if name not in known:
            raise RoadmapError(f"{where}: no task {name} in {folder.root / TASKS} to depend on")


def _refuse_cycle(folder: TaskFolder, task: TaskFile, names: list[str]) -> None:
    """Refuse a new dependency on a task that already depends on this one, directly or
    through others: Backlog.md would keep the cycle, and no order could finish them."""
    edges = {
        other.item.id.upper(): [dep.upper() for dep in other.item.depends_on]
        for other in folder.tasks
    }
    own = task.item.id.upper()
    for name in names:
        if name in {dep.upper() for dep in task.item.depends_on}:
            continue  # accepted before; only a new dependency is checked
        seen: set[str] = set()
        waiting = [name]
        while waiting:
            current = waiting.pop()
            if current == own:
                raise RoadmapError(
                    f"{task.path}:{_line(task.item, 'dependencies')}: {task.item.id} cannot "
                    f"depend on {name}: {name} already depends on {task.item.id}, which "
                    "would make a cycle"
                )
            if current not in seen:
                seen.add(current)
                waiting += edges.get(current, [])


def _ticked(task: TaskFile, text: str, edit: ItemEdit) -> str:
    """The text with the named Acceptance Criteria / Definition of Done boxes (un)ticked."""
    from roadmaplint.edit.base import choose_criterion

    lines = text.split("\n")
    for entries, mark in ((edit.tick, "x"), (edit.untick, " ")):
        for entry in entries:
            try:
                criterion = choose_criterion(task.item, entry)
            except RoadmapError as error:
                raise RoadmapError(f"{task.path}:{task.item.position.line}: {error}") from None
            line = lines[criterion.line - 1]
            box = line.index("- [") + 3
            lines[criterion.line - 1] = line[:box] + mark + line[box + 1 :]
    return "\n".join(lines)


def refuse_section_and_id(
    path: Path, section: str, item_id: str | None, parent: str | None = None
) -> None:
    """A task folder has no sections (``new tasks TITLE``) and numbers its own tasks;
    ``--parent`` is for plans of numbered tasks (Kiro's). A folder with no config.yml is
    left to its reading, which refuses it as read only (one read by its files' keys) or
    as no task folder: no command is suggested that would be refused in turn."""
    if detect(path) is None:
        return
    if section.strip().lower() != TASKS:
        raise RoadmapError(
            f"{path}: a folder of task files has no sections; a new task goes to {TASKS}/: "
            f"roadmaplint new {TASKS} TITLE {path}"
        )
    if item_id is not None:
        raise RoadmapError(f"{path}: Backlog.md numbers its tasks itself; drop --id")
    if parent is not None:
        raise RoadmapError(f"{path}: --parent adds a sub-task to a plan of numbered tasks")


def new_plan(
    folder: TaskFolder,
    title: str,
    fields: Mapping[str, str],
    done: tuple[str, ...] = (),
    now: datetime | None = None,
) -> FileEdit:
    """``new``'s task file: named, numbered and written as ``backlog task create`` would,
    ``done`` as its Acceptance Criteria; not yet written."""
    refuse_keyed(folder)
    _refuse_lines(
        str(folder.root / TASKS),
        [("the title", title), *fields.items()] + [("--done", entry) for entry in done],
    )
    keys = {field_key(name): value for name, value in fields.items() if value.strip()}
    if "dependencies" in keys:
        _refuse_unknown_items(folder, _names(keys["dependencies"]), None)
    if "priority" in keys and keys["priority"].lower() not in PRIORITIES:
        raise RoadmapError(
            f"{folder.root / TASKS}: priority {keys['priority']!r} is not one of Backlog.md's: "
            f"{', '.join(PRIORITIES)}"
        )
    target, text = task_text(folder, title, keys, now)
    if done:
        boxes = "".join(f"- [ ] #{n} {entry.strip()}\n" for n, entry in enumerate(done, 1))
        # as `backlog task create --ac` writes it: one blank line after the front matter
        text = text.removesuffix("\n\n") + (
            f"\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n{boxes}<!-- AC:END -->\n"
        )
    made = prove_task_added(text, str(target), title, keys)
    return FileEdit(target, "", text, item_id=made.id)


def rename_plan(
    folder: TaskFolder, old: str, new: str, now: datetime | None = None
) -> list[FileEdit]:
    """``rename``'s edits: the task's ``id`` (and its file name, which Backlog.md derives
    from the ID: ``task-12 - Title.md`` becomes ``task-40 - Title.md``), its subtasks'
    (``TASK-12.1`` becomes ``TASK-40.1``, their ``parent_task_id`` follows), and every
    dependent's ``dependencies`` entry; each file proved. The renamed task comes last."""
    refuse_keyed(folder)
    task = folder.file_of(old)
    new_id = new.strip().upper()
    pattern = re.compile(rf"{re.escape(folder.prefix)}-(\d+(?:\.\d+)*)", re.IGNORECASE)
    if pattern.fullmatch(new_id) is None:
        raise RoadmapError(
            f"{task.path}:{_line(task.item, 'id')}: {new!r} is not a task ID of this folder "
            f"({folder.prefix.upper()}-N, as {CONFIG}'s task_prefix says)"
        )
    renames = _renamed_ids(folder, task.item.id.upper(), new_id)
    taken = _numbers_taken(folder)
    for renamed in renames.values():
        existing = taken.get(_number(renamed[len(folder.prefix) + 1 :]))
        if existing is not None:
            # Backlog.md reads the number: TASK-01 is TASK-1
            also = "" if existing == renamed else f" is {existing}, which"
            raise RoadmapError(f"{folder.root / TASKS}: {renamed}{also} exists; rename refused")
    stamp = now or datetime.now()
    plans = [
        plan
        for other in folder.tasks
        if (plan := _renamed_file(folder, other, renames, stamp)) is not None
    ]
    return sorted(plans, key=lambda plan: plan.path == task.path)


def _renamed_ids(folder: TaskFolder, old: str, new: str) -> dict[str, str]:
    """The IDs a rename of ``old`` changes: its own and its subtasks' (``TASK-1.2``, named
    after their parent as Backlog.md names them)."""
    renames = {old: new}
    for other in folder.tasks:
        own = other.item.id.upper()
        if own.startswith(f"{old}."):
            renames[own] = new + own[len(old) :]
    return renames


def _renamed_file(
    folder: TaskFolder, task: TaskFile, renames: Mapping[str, str], stamp: datetime
) -> FileEdit | None:
    """One task file with the ``renames`` made: its ``id`` (and file name), its
    ``parent_task_id`` and its ``dependencies``; None when it names none of them."""
    keys: dict[str, str] = {}

    # by number, as Backlog.md reads them: a dependency written task-05 or 5 is TASK-5
    def key(name: str) -> tuple[str, tuple[int, ...]]:
        return id_key(name, folder.prefix) or (name.strip().upper(), ())

    by_key = {key(old): new for old, new in renames.items()}

    def renamed(name: str) -> str | None:
        return by_key.get(key(name))

    deps = _written_deps(task)
    if any(renamed(dep) for dep in deps):
        keys["dependencies"] = ", ".join(renamed(dep) or dep for dep in deps)
    parent = task.item.field("parent_task_id")
    if parent is not None and (parent_id := renamed(parent.value)) is not None:
        keys["parent_task_id"] = parent_id
    own = task.item.id.upper()
    if own in renames:
        keys["id"] = renames[own]
    if not keys:
        return None
    text = edited(task.text, str(task.path), keys, stamp)
    prove_task_edit(task.text, text, str(task.path), set(keys))
    if own not in renames:
        return FileEdit(task.path, task.text, text)
    rest = task.path.name.split(" - ", 1)[1] if " - " in task.path.name else task.path.name
    number = renames[own][len(folder.prefix) + 1 :]
    moved = task.path.with_name(f"{folder.prefix.lower()}-{number} - {rest}")
    return FileEdit(task.path, task.text, text, moved)


def _number(number: str) -> tuple[int, ...]:
    """A task number as Backlog.md compares it: ``01.2`` is ``1.2``."""
    return tuple(int(part) for part in number.split("."))


def _numbers_taken(folder: TaskFolder) -> dict[tuple[int, ...], str]:
    """The number of every task of the folder (read, or a file in any of Backlog.md's task
    folders), with the ID it is written as."""
    pattern = re.compile(rf"{re.escape(folder.prefix)}-(\d+(?:\.\d+)*)", re.IGNORECASE)
    taken: dict[tuple[int, ...], str] = {}
    for sub in FOLDERS_WITH_IDS:
        for path in (folder.root / sub).glob("*.md"):
            if (found := pattern.match(path.name)) and path.name[found.end() :].startswith(" - "):
                taken[_number(found[1])] = found[0].upper()
    for other in folder.tasks:
        if found := pattern.fullmatch(other.item.id):
            taken[_number(found[1])] = found[0].upper()
    return taken


def refuse_outside(path: Path) -> None:
    """Refuse to write a task file that links outside its task folder (``backlog/``):
    roadmaplint reads such a file but writes only inside the folder it was given."""
    import os

    root = os.path.realpath(path.parent.parent)
    target = os.path.realpath(path)
    if os.path.commonpath([root, target]) != root:
        raise RoadmapError(
            f"{path}: links to {target}, outside the task folder; roadmaplint writes only "
            "inside it: edit that file by hand"
        )


def apply(plans: list[FileEdit]) -> None:
    """Write every plan through the gate: each file locked, refused if it changed since it
    was read, written atomically; a new file created without overwriting; then the
    renamed file moved to its new name."""
    import contextlib

    for plan in plans:
        refuse_outside(plan.path)
    with contextlib.ExitStack() as stack:
        pendings = [stack.enter_context(editing(plan.path)) if plan.old else None for plan in plans]
        for plan, pending in zip(plans, pendings, strict=True):
            if pending is not None and as_read(pending.source.text) != plan.old:
                raise RoadmapError(f"{plan.path}: changed while roadmaplint read it; run again")
        for plan, pending in zip(plans, pendings, strict=True):
            if pending is None:
                create_roadmap(plan.path, plan.new)
            elif plan.new != plan.old:
                pending.write(in_own_bytes(pending.source, plan.new))
    for plan in plans:
        if plan.moved_to is not None and plan.moved_to != plan.path:
            move_file(plan.path, plan.moved_to)
