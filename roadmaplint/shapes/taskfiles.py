"""Task files: a folder of markdown files with YAML front matter, one item each.

Backlog.md's layout is the reference: ``backlog/config.yml`` names the statuses
(the first is the ready one, the last the done one, those between are in
progress) and ``backlog/tasks/task-12 - Title.md`` holds one task::

    ---
    id: TASK-12
    title: Write parser
    status: In Progress
    assignee:
      - '@bob'
    dependencies:
      - TASK-1
    priority: high
    ---

``read`` gives one Roadmap of the same records every other shape gives, and the
file each item came from; ``set_fields`` and ``new_task`` write through the one
write gate (locked, atomic, and proved by reading the result again). The front
matter is edited with a round-trip YAML library (ruamel.yaml, imported only
here) so key order, comments and quoting stay as written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmaplint.errors import RoadmapError
from roadmaplint.model import (
    DoneCriterion,
    Field,
    Item,
    Legend,
    LegendEntry,
    Position,
    Roadmap,
    Style,
)
from roadmaplint.settings import Statuses
from roadmaplint.write.atomic import create_roadmap, editing

if TYPE_CHECKING:
    from ruamel.yaml import YAML

NAME = "taskfiles"
CONFIG = "config.yml"
TASKS = "tasks"
DEFAULT_STATUSES = ("To Do", "In Progress", "Done")
_FOLDERS_WITH_IDS = ("tasks", "completed", "drafts", "archive/tasks")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BOX = re.compile(r"^- \[(?P<mark>[ xX])\] (?:#\d+ )?(?P<text>.*)$")
_LIST_BLOCK = {
    "Acceptance Criteria": ("<!-- AC:BEGIN -->", "<!-- AC:END -->"),
    "Definition of Done": ("<!-- DOD:BEGIN -->", "<!-- DOD:END -->"),
}
# Front-matter keys and the record fields they give; `set_fields` accepts either name.
_KEYS = {
    "status": "status",
    "assignee": "dri",
    "priority": "priority",
    "dependencies": "depends_on",
    "labels": "labels",
    "title": "title",
}
_FIELD_NAMES = {
    "dri": "assignee",
    "owner": "assignee",
    "depends on": "dependencies",
    "depends_on": "dependencies",
    "label": "labels",
}


@dataclass(frozen=True, slots=True)
class TaskFile:
    """One task: the file it lives in, its text, and the item read from it."""

    path: Path
    text: str
    item: Item


@dataclass(frozen=True, slots=True)
class TaskFolder:
    """A folder of task files read as one roadmap."""

    root: Path  # the folder holding config.yml (``backlog/``)
    statuses: tuple[str, ...]  # as config.yml lists them
    prefix: str  # config.yml's task_prefix: "task"
    tasks: tuple[TaskFile, ...]

    @property
    def roadmap(self) -> Roadmap:
        return _roadmap(self)

    def workflow(self) -> Statuses:
        """The statuses' meanings: the first is ready, the last done, those between in progress."""
        first, *middle, last = self.statuses if len(self.statuses) > 1 else (*self.statuses, "")
        return Statuses(
            done=(last,), ready=(first,), in_progress=tuple(middle), blocked=(), idea=()
        )

    def file_of(self, item_id: str) -> TaskFile:
        for task in self.tasks:
            if task.item.id.lower() == item_id.lower():
                return task
        known = ", ".join(task.item.id for task in self.tasks[:8])
        raise RoadmapError(f"{self.root / TASKS}: no task {item_id!r} (tasks: {known})")


def detect(path: Path) -> Path | None:
    """The task folder root ``path`` names: ``backlog/``, its ``tasks/``, or a folder
    holding ``backlog/config.yml``; None when ``path`` is none of these."""
    for root in (path, path.parent, path / "backlog"):
        if (root / CONFIG).is_file() and (root / TASKS).is_dir():
            if root == path.parent and path.name != TASKS:
                continue
            return root
    return None


def yaml() -> YAML:
    """The round-trip settings that write Backlog.md's front matter byte for byte."""
    from ruamel.yaml import YAML

    loader = YAML(typ="rt")
    loader.preserve_quotes = True
    loader.indent(mapping=2, sequence=4, offset=2)
    loader.width = 4096  # never re-wrap a long plain title; js-yaml counts differently
    return loader


def read(root: Path) -> TaskFolder:
    """Every task file under ``root/tasks`` (sorted by name), read into records."""
    config = _config(root)
    statuses = tuple(str(value) for value in config.get("statuses") or DEFAULT_STATUSES)
    prefix = str(config.get("task_prefix") or "task")
    loader = yaml()
    tasks = []
    for path in sorted((root / TASKS).glob("*.md"), key=_number_then_name):
        text = _read_text(path)
        tasks.append(TaskFile(path, text, read_task(text, str(path), loader)))
    return TaskFolder(root, statuses, prefix, tuple(tasks))


def _config(root: Path) -> Mapping[str, Any]:
    from ruamel.yaml.error import YAMLError

    path = root / CONFIG
    try:
        data = yaml().load(_read_text(path))
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise RoadmapError(
            f"{path}{line}: not valid YAML: {getattr(error, 'problem', error)}"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise RoadmapError(f"{path}:1: expected a mapping of settings")
    return data


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RoadmapError(f"{path}: cannot read: {error}") from None


def _number_then_name(path: Path) -> tuple[tuple[int, ...], str]:
    match = re.match(r"[A-Za-z]+-(\d+(?:\.\d+)*)", path.name)
    number = tuple(int(part) for part in match[1].split(".")) if match else (1 << 30,)
    return number, path.name


def split(text: str, path: str) -> tuple[str, str]:
    """The front matter (with its final newline) and the body of a task file."""
    if not text.startswith("---\n"):
        raise RoadmapError(f"{path}:1: a task file starts with a '---' line of front matter")
    end = text.find("\n---\n", 3)
    if end < 0:
        end = text.find("\n---", 3) if text.endswith("\n---") else -1
    if end < 0:
        raise RoadmapError(f"{path}:1: the front matter has no closing '---' line")
    return text[4 : end + 1], text[end + 5 :]


def _load(front: str, path: str, loader: YAML) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        data = loader.load(front)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ":2"
        raise RoadmapError(
            f"{path}{line}: not valid YAML: {getattr(error, 'problem', error)}"
        ) from None
    if not isinstance(data, Mapping):
        raise RoadmapError(f"{path}:2: the front matter is not a mapping of fields")
    return data


_PLAIN_TITLE = re.compile(r"#[ \t]+(?:Task:[ \t]*)?(?P<title>\S.*)")
_PLAIN_FIELD = re.compile(r"\*\*(?P<name>Status|Priority|Assignee):?\*\*:?[ \t]*(?P<value>\S.*)")


def read_plain_task(text: str, path: str) -> Item:
    """The item of a task file written without front matter (by hand, or by another tool):
    the ID from the file name (``task-43 - Title.md``), the title from its first heading,
    and ``**Status:**``, ``**Priority:**``, ``**Assignee:**`` lines for the fields."""
    lines = text.splitlines()
    title, title_line, found = "", 1, {}
    for number, line in enumerate(lines, 1):
        heading = _PLAIN_TITLE.fullmatch(line.strip())
        if heading and not title:
            title, title_line = heading["title"].strip(), number
        field = _PLAIN_FIELD.match(line.strip())
        if field and field["name"].lower() not in found:
            found[field["name"].lower()] = (field["value"].strip(), number)
    stem = Path(path).stem.split(" - ")[0].strip()
    fields = tuple(
        Field(name.title(), name, value, Position(line, 1), Position(line, 1), line)
        for name, (value, line) in found.items()
    )
    status, priority, assignee = (found.get(key, (None, 0))[0] for key in FIELD_KEYS)
    return Item(
        id=stem.upper() if re.fullmatch(r"[a-z]+-[\d.]+", stem) else stem,
        title=title or Path(path).stem,
        section=None,
        position=Position(title_line, 1),
        end_line=max(len(lines), 1),
        fields=fields,
        status=status,
        priority=priority,
        dri=assignee,
        depends_on=(),
        external_deps=(),
        definition_of_done=_criteria(text, 1),
    )


FIELD_KEYS = ("status", "priority", "assignee")


def read_task(text: str, path: str, loader: YAML | None = None) -> Item:
    """The item one task file holds; positions are lines of that file."""
    if not text.startswith("---"):
        return read_plain_task(text, path)
    front, body = split(text, path)
    data = _load(front, path, loader or yaml())
    item_id = str(data.get("id") or Path(path).stem.split(" - ")[0]).strip()
    lines_before_body = front.count("\n") + 3  # the two --- lines, then 1-based

    def line_of(key: str) -> int:
        return int(data.lc.key(key)[0]) + 2 if key in data else 1

    fields = tuple(
        Field(
            key,
            key,
            _text(data[key]),
            Position(line_of(key), 1),
            Position(line_of(key), len(key) + 3),
            line_of(key),
        )
        for key in data
    )
    assignees = _strings(data.get("assignee"))
    return Item(
        id=item_id.upper() if re.fullmatch(r"[a-z]+-[\d.]+", item_id) else item_id,
        title=str(data.get("title") or ""),
        section=None,
        position=Position(line_of("title") if "title" in data else line_of("id"), 1),
        end_line=text.count("\n") + (0 if text.endswith("\n") else 1),
        fields=fields,
        status=str(data["status"]) if data.get("status") is not None else None,
        priority=str(data["priority"]) if data.get("priority") is not None else None,
        dri=", ".join(assignees) if assignees else None,
        depends_on=tuple(_strings(data.get("dependencies"))),
        external_deps=(),
        definition_of_done=_criteria(body, lines_before_body),
    )


def _strings(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, Sequence):
        return [str(part) for part in value if part is not None and str(part) != ""]
    return [str(value)]


def _text(value: object) -> str:
    if isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(str(part) for part in value)
    return "" if value is None else str(value)


def _criteria(body: str, first_line: int) -> tuple[DoneCriterion, ...]:
    """The checkboxes of the Acceptance Criteria and Definition of Done sections."""
    found: list[DoneCriterion] = []
    inside = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        stripped = line.strip()
        if any(stripped == begin for begin, _ in _LIST_BLOCK.values()):
            inside = True
        elif any(stripped == end for _, end in _LIST_BLOCK.values()):
            inside = False
        elif inside and (box := _BOX.match(stripped)):
            found.append(DoneCriterion(box["text"], box["mark"] != " ", number))
    return tuple(found)


def _roadmap(folder: TaskFolder) -> Roadmap:
    legend = Legend(
        name="statuses",
        position=Position(1, 1),
        entries=tuple(LegendEntry(value, "", 1) for value in folder.statuses),
        configured=True,
    )
    return Roadmap(
        path=str(folder.root / TASKS),
        title=None,
        title_position=None,
        status_legend=legend,
        priority_legend=None,
        sections=(),
        items=tuple(task.item for task in folder.tasks),
        headings=(),
        overviews=(),
        graph_sections=(),
        comments=(),
        style=Style("\n", "", "-", bom=False, final_newline=True, line_count=0),
        source="",
    )


# --- writing ---------------------------------------------------------------------------


def field_key(name: str) -> str:
    """The front-matter key a field name names (``DRI`` and ``owner`` name ``assignee``)."""
    key = name.strip().lower()
    key = _FIELD_NAMES.get(key, key)
    if key not in _KEYS:
        valid = ", ".join(sorted(_KEYS))
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

    from roadmaplint.shapes.jsyaml import js_scalar

    front, body = split(text, path)
    loader = yaml()
    data = _load(front, path, loader)
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
    changed = {_KEYS[key] for key in keys}
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
    for sub in _FOLDERS_WITH_IDS:
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

    from roadmaplint.shapes.jsyaml import js_scalar

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
