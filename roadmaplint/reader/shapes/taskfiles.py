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
file each item came from. The front matter Backlog.md writes (plain keys,
scalars, lists of scalars) is read from libyaml's events (``frontmatter.py``);
anything else with the round-trip YAML library, ruamel.yaml, imported only then and
in ``edit/taskfiles.py``, which writes front matter keeping key order, comments and
quoting as written.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping, Sequence
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
    moved_field,
)
from roadmaplint.reader.dialect import TASK_FOLDER_LEGEND
from roadmaplint.reader.shapes import ARCHIVE as ARCHIVE  # the shape's own names, re-exported
from roadmaplint.reader.shapes import FOLDERS_WITH_IDS as FOLDERS_WITH_IDS
from roadmaplint.reader.shapes import TASKS as TASKS
from roadmaplint.reader.shapes import frontmatter
from roadmaplint.reader.source import MAX_BYTES
from roadmaplint.record import record, replace
from roadmaplint.settings import Statuses
from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    from ruamel.yaml import YAML

NAME = "taskfiles"
CONFIG = "config.yml"
DEFAULT_STATUSES = ("To Do", "In Progress", "Done")
STATUS_LEGEND = TASK_FOLDER_LEGEND  # the legend config.yml's statuses give
# The rules a task folder is quiet about unless the configuration selects them by code:
# RL503 (no Definition of Done), since Backlog.md's acceptance criteria are optional.
QUIET_RULES = ("RL503",)
_BOX = LazyPattern(r"^- \[(?P<mark>[ xX])\] (?:#\d+ )?(?P<text>.*)$")
_LIST_BLOCK = {
    "Acceptance Criteria": ("<!-- AC:BEGIN -->", "<!-- AC:END -->"),
    "Definition of Done": ("<!-- DOD:BEGIN -->", "<!-- DOD:END -->"),
}
DEPENDS_KEY = "dependencies"  # the front-matter key that names a task's dependencies
# The record's key for it (the Depends on field the rules cite): a finding about a task's
# dependencies names its `dependencies:` line, not its title's.
DEPENDS_FIELD = "depends on"
# Front-matter keys and the record fields they give; `set_fields` accepts either name.
KEYS = {
    "id": "id",
    "status": "status",
    "assignee": "dri",
    "priority": "priority",
    DEPENDS_KEY: "depends_on",
    "labels": "labels",
    "title": "title",
}
FIELD_NAMES = {
    "dri": "assignee",
    "owner": "assignee",
    "depends on": DEPENDS_KEY,
    "depends_on": DEPENDS_KEY,
    "label": "labels",
}


@record
class TaskFile:
    """One task: the file it lives in, its text, and the item read from it; ``folder``:
    which of Backlog.md's folders holds it (``tasks``, ``completed``, ``drafts`` or
    ``archive/tasks``)."""

    path: Path
    text: str
    item: Item
    folder: str = TASKS

    @property
    def moved(self) -> bool:
        """Whether Backlog.md moved the task out of ``tasks/`` (completed, archived, a draft)."""
        return self.folder != TASKS


@record
class TaskFolder:
    """A folder of task files read as one roadmap."""

    root: Path  # the folder holding config.yml (``backlog/``)
    statuses: tuple[str, ...]  # as config.yml lists them
    prefix: str  # config.yml's task_prefix: "task"
    tasks: tuple[TaskFile, ...]
    # the front-matter key naming each task's ID in a folder that is not Backlog.md's and
    # has no config.yml (``scope_id``); "" for Backlog.md's
    keyed: str = ""

    @property
    def roadmap(self) -> Roadmap:
        return _roadmap(self)

    def document(self) -> Roadmap:
        """The folder as one document for the commands: the task files one after another
        (``source``), each item's lines counted in that joined text, so that rules, ``show``
        and the board read it as any roadmap; ``place`` maps a line back to its file."""
        return _document(self)

    def place(self, line: int) -> tuple[Path, int]:
        """The task file and its own line for a line of ``document()``'s joined text; a
        line before the first task (or of an empty folder) is ``config.yml``'s first."""
        for task, start in zip(reversed(self.tasks), reversed(self.starts()), strict=True):
            if line > start:
                return task.path, line - start
        if self.keyed and self.tasks:  # no config.yml: the first task file's first line
            return self.tasks[0].path, 1
        return self.root / CONFIG, 1

    def starts(self) -> tuple[int, ...]:
        """How many lines of the joined text come before each task file."""
        starts, total = [], 0
        for task in self.tasks:
            starts.append(total)
            total += len(_lines(task.text))
        return tuple(starts)

    def workflow(self) -> Statuses:
        """The statuses' meanings: the first is queued (ready, and saying only that the work
        has not started: Backlog.md's To Do is no claim that the task is free to start), the
        last done, those between in progress."""
        first, *middle, last = self.statuses if len(self.statuses) > 1 else (*self.statuses, "")
        return Statuses(
            done=(last,),
            ready=(),
            queued=(first,),
            in_progress=tuple(middle),
            blocked=(),
            idea=(DRAFT,),
            closed=(ARCHIVED,),  # never to be done, as a cancelled item
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
            if root == path.parent != path and path.name != TASKS:  # "." is its own parent
                continue
            return root
    return None


def task_root(path: Path) -> Path | None:
    """The task folder (``backlog/``) a markdown file of its ``tasks/``, ``completed/``,
    ``drafts/`` or ``archive/tasks/`` belongs to; None for any other file."""
    if path.suffix != ".md":
        return None
    for sub in FOLDERS_WITH_IDS:
        parts = tuple(sub.split("/"))
        if path.parent.parts[-len(parts) :] == parts and len(path.parents) > len(parts):
            root = path.parents[len(parts)]
            if (root / CONFIG).is_file() and (root / TASKS).is_dir():
                return root
    return None


def is_task_file(path: Path) -> bool:
    """Whether ``path`` is a task file of a task folder (in ``tasks/`` or a folder
    Backlog.md moves tasks to)."""
    return task_root(path) is not None


def yaml() -> YAML:
    """The round-trip settings that write Backlog.md's front matter byte for byte."""
    from ruamel.yaml import YAML

    loader = YAML(typ="rt")
    loader.preserve_quotes = True
    loader.indent(mapping=2, sequence=4, offset=2)
    loader.width = 4096  # never re-wrap a long plain title; js-yaml counts differently
    return loader


# The coarsest clock a file system keeps modification times by (FAT's two seconds): a
# file last changed longer ago than this before it was read cannot be rewritten later
# with the same time.
_CLOCK_GRANULARITY_NS = 2_000_000_000


@record
class _Held:
    """A task file as last read: its stamp (modification time, size) at the read, whether
    the stamp was settled then (older than the clock's granularity), its text and item."""

    stamp: tuple[int, int]
    settled: bool
    text: str
    item: Item


class FolderCache:
    """The task files of folders as last read, for a reader that reads a folder again on
    every change (the language server, on each keystroke in one task file): a file is
    parsed again only when its text changed. Its size and modification time are trusted
    only when the time was older than the clock's granularity when the file was read, as
    git trusts its index: a rewrite of the same size within that granularity (``[@ann]``
    to ``[@bob]``) keeps both, and the old item stayed; such a file is read and compared."""

    def __init__(self) -> None:
        self._files: dict[Path, _Held] = {}

    def task(self, path: Path) -> tuple[str, Item]:
        """The text and item of the task file at ``path``, parsed again only if it changed."""
        import time

        now = time.time_ns()
        stamp = _stamp(path)
        held = self._files.get(path)
        if held is not None and held.settled and held.stamp == stamp:
            return held.text, held.item
        text = _read_text(path)
        item = held.item if held is not None and held.text == text else read_task(text, str(path))
        settled = stamp[0] + _CLOCK_GRANULARITY_NS < now
        self._files[path] = _Held(stamp, settled, text, item)
        return text, item


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError as error:
        raise RoadmapError(f"{path}: cannot read: {error}") from None
    return info.st_mtime_ns, info.st_size


def read(
    root: Path, texts: Mapping[Path, str] | None = None, cache: FolderCache | None = None
) -> TaskFolder:
    """Every task file under ``root/tasks`` and the folders Backlog.md moves tasks to
    (sorted by number), read into records; ``texts``: a file's text as an editor holds
    it, read instead of the disk's; ``cache``: the files as last read, each read again
    only when it changed. A folder with no config.yml is read by its task files' keys
    (``read_keyed``), or refused."""
    if not (root / CONFIG).is_file():
        return read_keyed(root, texts)
    config = _config(root)
    statuses, prefix = _settings(config, root / CONFIG)
    tasks = []
    held = 0  # the folder's size: together its files are read as one roadmap would be
    for sub, path in sorted(_task_paths(root), key=lambda found: _number_then_name(found[1])):
        if texts and path in texts:
            text = as_read(texts[path])  # an editor holds a CRLF file's text with its CRs
            item = read_task(text, str(path))
        elif cache is not None:
            text, item = cache.task(path)
        else:
            text = _read_text(path)
            item = read_task(text, str(path))
        held += len(text)
        if held > MAX_BYTES:
            raise RoadmapError(
                f"{root / TASKS}: its task files hold over {MAX_BYTES // 1024 // 1024} MB; "
                f"roadmaplint reads task folders up to {MAX_BYTES // 1024 // 1024} MB"
            )
        item = _moved(item, sub, statuses)
        tasks.append(TaskFile(path, text, item, sub))
    return TaskFolder(root, statuses, prefix, by_number(_unshadowed(tasks, prefix), prefix))


def _unshadowed(tasks: list[TaskFile], prefix: str) -> list[TaskFile]:
    """``tasks`` without an archived task whose number another task has taken since:
    Backlog.md numbers a new task past those of tasks/, completed/ and drafts/ only (a
    draft promoted after TASK-4 was archived is TASK-4 again, and may be archived in
    turn), and shows the live one; an archived one is history, not a second TASK-4
    (RL102 on a folder only backlog wrote). Of archived tasks alone the first stays."""
    taken = {id_key(task.item.id, prefix) for task in tasks if task.folder != ARCHIVE}
    kept = []
    for task in tasks:
        key = id_key(task.item.id, prefix) if task.folder == ARCHIVE else None
        if key is not None:  # an ID of another form is never taken again
            if key in taken:
                continue
            taken.add(key)
        kept.append(task)
    return kept


_NUMBERED = LazyPattern(r"(?P<prefix>[A-Za-z]+)-(?P<number>\d+(?:\.\d+)*)")


_BARE_NUMBER = LazyPattern(r"\d+(?:\.\d+)*")


def id_key(name: str, prefix: str = "task") -> tuple[str, tuple[int, ...]] | None:
    """An ID as Backlog.md compares it: its prefix in any case and its number by value
    (``task-01``, ``TASK-1`` and ``Task-1`` are one ID, and a bare ``1`` is the folder's
    ``prefix`` and 1); None for a name of another form."""
    if _BARE_NUMBER.fullmatch(name.strip()):
        name = f"{prefix}-{name.strip()}"
    found = _NUMBERED.fullmatch(name.strip())
    if found is None:
        return None
    return found["prefix"].upper(), tuple(int(part) for part in found["number"].split("."))


def by_number(tasks: list[TaskFile], prefix: str = "task") -> tuple[TaskFile, ...]:
    """``tasks`` with IDs compared by number, as Backlog.md compares them: a second task of
    a number already read takes the first one's ID (so RL101 reports the pair Backlog.md
    calls ambiguous), and a dependency written ``TASK-01`` or ``1`` names ``TASK-1``."""
    first: dict[tuple[str, tuple[int, ...]], str] = {}
    for task in tasks:
        key = id_key(task.item.id, prefix)
        # the spelling of the number without leading zeros wins (task-02 sorts first)
        if key is not None and (key not in first or len(task.item.id) < len(first[key])):
            first[key] = task.item.id

    def named(name: str) -> str:
        key = id_key(name, prefix)
        return first.get(key, name) if key is not None else name

    read = []
    for task in tasks:
        item = task.item
        own, deps = named(item.id), tuple(named(dep) for dep in item.depends_on)
        if (own, deps) != (item.id, item.depends_on):
            task = replace(task, item=replace(item, id=own, depends_on=deps))
        read.append(task)
    return tuple(read)


# Backlog.md moves a task out of tasks/ when it is completed or archived, and keeps a
# draft in drafts/ until it is promoted; a task of tasks/ may still depend on one. Each
# is read as an item with the status its folder gives it (a completed task is done
# whatever its file says; an archived one keeps "To Do" in its file).
DRAFT = "Draft"  # as Backlog.md writes a draft's status: an idea
ARCHIVED = "Archived"  # closed: neither done, nor work to start
MOVED_STATUS = {"drafts": DRAFT, ARCHIVE: ARCHIVED}


def _task_paths(root: Path) -> list[tuple[str, Path]]:
    """The task files of each folder: every Markdown file but a README, which says what
    the folder holds (Backlog.md's own backlog keeps one in tasks/, drafts/ and
    archive/tasks/) and is no task."""
    return [
        (sub, path)
        for sub in FOLDERS_WITH_IDS
        for path in (root / sub).glob("*.md")
        if path.stem.lower() != "readme"
    ]


def _moved(item: Item, folder: str, statuses: tuple[str, ...]) -> Item:
    """A task of ``completed/``, ``drafts/`` or ``archive/tasks/`` with its folder's status
    (its Status field's value too, which RL201 reads); one of ``tasks/`` as written."""
    if folder == TASKS:
        return item
    status = MOVED_STATUS.get(folder, statuses[-1] if statuses else "Done")
    fields = tuple(
        replace(field, value=status) if field.key == "status" else field for field in item.fields
    )
    # drafts are numbered apart, with a prefix of their own (DRAFT-1): a section of their own
    section = folder if folder == "drafts" else item.section
    return replace(item, status=status, fields=fields, section=section)


def moved_tasks(root: Path, prefix: str) -> dict[str, str]:
    """The ID (upper case) of each task Backlog.md moved out of ``tasks/``, with the
    folder it is in, known by its file's name."""
    pattern = re.compile(rf"({re.escape(prefix)}-\d+(?:\.\d+)*) - ", re.IGNORECASE)
    elsewhere: dict[str, str] = {}
    for sub, path in _task_paths(root):
        if sub != TASKS and (found := pattern.match(path.name)):
            elsewhere.setdefault(found[1].upper(), sub)
    return elsewhere


def _config(root: Path) -> Mapping[str, Any]:
    path = root / CONFIG
    text = _read_text(path)
    fast = _fast_front(text) if "@" not in text else None
    data = fast.data if fast is not None else _loaded(text, str(path), yaml(), 1)
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise RoadmapError(f"{path}:1: expected a mapping of settings")
    return data


_LETTERS = LazyPattern(r"[A-Za-z]+")


def _settings(config: Mapping[str, Any], path: Path) -> tuple[tuple[str, ...], str]:
    """config.yml's statuses and task prefix, refused in one line where Backlog.md refuses
    them: statuses not a list of words (it will not start), a prefix of other than letters
    (it names files outside the folder, ``../../x-1 - T.md``, and IDs no one can number)."""
    statuses = config.get("statuses") or DEFAULT_STATUSES
    if not isinstance(statuses, (list, tuple)) or not all(
        isinstance(status, (str, int, float)) for status in statuses
    ):
        raise RoadmapError(
            f"{path}: statuses must be a list of words, as Backlog.md's is "
            f"(statuses: [To Do, In Progress, Done])"
        )
    prefix = config.get("task_prefix") or "task"
    if not isinstance(prefix, str) or not _LETTERS.fullmatch(prefix):
        raise RoadmapError(
            f"{path}: task_prefix must be letters only, as Backlog.md requires "
            f"(task_prefix: task), not {str(prefix)[:40]!r}"
        )
    return tuple(str(status) for status in statuses), prefix


def as_read(text: str) -> str:
    """A task file's text as the reader reads it: as Path.read_text reads it (universal
    newlines), without the byte order mark a Windows editor saves (its front matter was
    read as none)."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _read_text(path: Path) -> str:
    """A task file's or the configuration's text, up to the size of a roadmap (a file of
    gigabytes, sparse or linked, would be read whole into memory). Read as its size says,
    in one call: a buffered read of the limit's size costs each small file a buffer of
    that size (five times the rest of the read, over 2,000 task files)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a pipe would wait for a writer forever
            raise RoadmapError(f"{path}: is not a regular file (a folder, pipe or device?)")
        if info.st_size > MAX_BYTES:
            raise RoadmapError(_too_big(path, info.st_size))
        handle = os.open(path, os.O_RDONLY)
        try:
            data = os.read(handle, info.st_size + 1)
            while len(data) <= MAX_BYTES and (more := os.read(handle, MAX_BYTES + 1 - len(data))):
                data += more  # it grew since, or the system read it in parts
        finally:
            os.close(handle)
        if len(data) > MAX_BYTES:  # it grew since
            raise RoadmapError(_too_big(path, len(data)))
        return as_read(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise RoadmapError(f"{path}: cannot read: {error}") from None


def _too_big(path: Path, size: int) -> str:
    return (
        f"{path}: is {size / 1024 / 1024:.1f} MB; roadmaplint reads task files up to "
        f"{MAX_BYTES // 1024 // 1024} MB"
    )


def _number_then_name(path: Path) -> tuple[tuple[int, ...], str]:
    match = re.match(r"[A-Za-z]+-(\d+(?:\.\d+)*)", path.name)
    number = tuple(int(part) for part in match[1].split(".")) if match else (1 << 30,)
    return number, path.name


def split(text: str, path: str) -> tuple[str, str]:
    """The front matter (with its final newline) and the body of a task file."""
    if not text.startswith("---\n"):
        raise RoadmapError(f"{path}:1: a task file starts with a '---' line of front matter")
    end = _closing_fence(text)
    if end < 0:
        raise RoadmapError(f"{path}:1: the front matter has no closing '---' line")
    if text[end + 4 : end + 5] not in ("\n", ""):
        # The body glued to the closing fence (``---## Description``): Backlog.md, as
        # gray-matter does, closes the front matter at the first line opening ``---``.
        return text[4 : end + 1], text[end + 4 :]
    return text[4 : end + 1], text[end + 5 :]


def _closing_fence(text: str) -> int:
    """Where the line closing the front matter starts (its newline): the first line
    after the opening one that is ``---``, or opens with ``---`` and goes on with text
    (``---## Description``); a longer run of dashes is no fence. -1 when there is none."""
    end = text.find("\n---", 3)
    while end >= 0 and text[end + 4 : end + 5] == "-":
        end = text.find("\n---", end + 4)
    return end


MAX_YAML = 1 << 20  # bytes of front matter or config.yml: a task's fields, never a payload
MAX_DEPTH = 32  # nesting of mappings and sequences


# The tags js-yaml's default schema reads, as Backlog.md reads task files; "!" marks a
# plain string. Any other tag Backlog.md refuses, and so does roadmaplint.
_TAGS_READ = frozenset(
    {"!"}
    | {
        f"tag:yaml.org,2002:{name}"
        for name in (
            "str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary",
            "set", "omap", "pairs", "merge",
        )
    }
)  # fmt: skip


def guarded_load(text: str, path: str, loader: YAML, first_line: int) -> Any:
    """``loader.load(text)`` once the text is known to be small and plain: no anchors or
    aliases (an alias bomb grows exponentially when read), no deep nesting (the loader
    recurses), at most ``MAX_YAML`` bytes. Backlog.md never writes any of these."""
    if len(text) > MAX_YAML:
        raise RoadmapError(f"{path}:{first_line}: the YAML is over {MAX_YAML >> 20} MiB")
    from ruamel.yaml.events import (
        AliasEvent,
        CollectionEndEvent,
        CollectionStartEvent,
        NodeEvent,
    )

    depth = 0
    for event in loader.parse(text):
        line = first_line + (event.start_mark.line if event.start_mark is not None else 0)
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            raise RoadmapError(f"{path}:{line}: YAML anchors and aliases are not read here")
        tag = getattr(event, "tag", None)
        if tag is not None and str(tag) not in _TAGS_READ:
            # Backlog.md's YAML reader (js-yaml) refuses such a file: ``!!python/...``
            # was read quietly, a list its title (nothing was ever run)
            raise RoadmapError(
                f"{path}:{line}: the YAML tag {str(tag)!r} is not read here (Backlog.md "
                "does not read the task either); write the value plainly"
            )
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise RoadmapError(f"{path}:{line}: the YAML nests deeper than {MAX_DEPTH}")
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
    return loader.load(text)


def _loaded(text: str, path: str, loader: YAML, first_line: int) -> Any:
    """``guarded_load``, with the loader's own error as one line naming the file and the
    line (``first_line`` is the text's first line in the file)."""
    from ruamel.yaml.error import YAMLError

    try:
        return guarded_load(text, path, loader, first_line)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + first_line if mark is not None else first_line
        raise RoadmapError(
            f"{path}:{line}: not valid YAML: {getattr(error, 'problem', error)}"
        ) from None
    except (ValueError, OverflowError, KeyError, IndexError, AssertionError) as error:
        # YAML that parses into a value ruamel.yaml's constructors then fail on: a date
        # no calendar has (2024-13-45), a number longer than Python's int reads,
        # ``!!int abc``, ``!!bool maybe``, an ``!!omap`` naming a key twice
        problem = str(error).split(";")[0] or type(error).__name__
        raise RoadmapError(f"{path}:{first_line}: a YAML value cannot be read: {problem}") from None


def load_front(front: str, path: str, loader: YAML) -> Any:
    try:
        data = _loaded(front, path, loader, 2)
    except RoadmapError:
        # Backlog.md's own tasks wrote `assignee: @MrLesk`, which YAML does not allow
        # (`@` is reserved) and its reader quotes before parsing: so does this one.
        quoted = _BARE_MENTION.sub(r'\g<lead>"\g<name>"', front)
        if quoted == front:
            raise
        data = _loaded(quoted, path, loader, 2)
    if not isinstance(data, Mapping):
        raise RoadmapError(f"{path}:2: the front matter is not a mapping of fields")
    return data


# A key's value or a list entry that is a bare @name, the whole of its line.
_BARE_MENTION = LazyPattern(
    r"^(?P<lead>[ \t]*+(?:[A-Za-z_][\w-]*+[ \t]*+:|-)[ \t]++)(?P<name>@[\w.-]++)[ \t]*+$",
    re.MULTILINE,
)
_PLAIN_TITLE = LazyPattern(r"#[ \t]+(?:Task:[ \t]*)?(?P<title>\S.*)")
_PLAIN_FIELD = LazyPattern(r"\*\*(?P<name>Status|Priority|Assignee):?\*\*:?[ \t]*(?P<value>\S.*)")


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
        id=_task_id(stem),
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


def read_task(
    text: str, path: str, loader: YAML | None = None, *, round_trip: bool = False
) -> Item:
    """The item one task file holds; positions are lines of that file. ``round_trip``:
    the front matter read by ruamel.yaml whatever it holds (the reference the fast
    reading is held to, tests/test_frontmatter.py)."""
    if not text.startswith("---"):
        return read_plain_task(text, path)
    front, body = split(text, path)
    data, places = _front(front, path, loader, round_trip)
    item_id = str(data.get("id") or Path(path).stem.split(" - ")[0]).strip()
    lines_before_body = front.count("\n") + 3  # the two --- lines, then 1-based

    def line_of(key: str) -> int:
        return places[key][0] + 2 if key in data else 1

    def value_at(key: str) -> Position:
        # where YAML says the value starts: after `key: `, or a block list's first `- `
        if data[key] is None:  # `key:` alone: YAML's value position is the next line's
            return Position(line_of(key), len(key) + 3)
        _, line, column = places[key]
        return Position(line + 2, column + 1)

    fields = []
    for key in data:
        line, value = line_of(key), value_at(key)
        name = DEPENDS_FIELD if key == DEPENDS_KEY else key
        fields.append(
            Field(key, name, _text(data[key]), Position(line, 1), value, max(line, value.line))
        )
    assignees = _strings(data.get("assignee"))
    return Item(
        id=_task_id(item_id),
        title=str(data.get("title") or ""),
        section=None,
        position=Position(line_of("title") if "title" in data else line_of("id"), 1),
        end_line=text.count("\n") + (0 if text.endswith("\n") else 1),
        fields=tuple(fields),
        status=str(data["status"]) if data.get("status") is not None else None,
        priority=str(data["priority"]) if data.get("priority") is not None else None,
        dri=", ".join(assignees) if assignees else None,
        depends_on=tuple(_task_id(name) for name in _strings(data.get(DEPENDS_KEY))),
        external_deps=(),
        definition_of_done=_criteria(body, lines_before_body),
    )


def _front(
    front: str, path: str, loader: YAML | None, round_trip: bool
) -> tuple[Mapping[Any, Any], Mapping[Any, tuple[int, int, int]]]:
    """A task's front matter and where each key and value stands in it (lines and columns
    from 0): read by ``frontmatter`` where it reads the text as ruamel.yaml would, else
    by ruamel.yaml (imported only then), whose guards and messages are the reference."""
    fast = None if round_trip else _fast_front(front)
    if fast is not None:
        return fast.data, fast.places
    data = load_front(front, path, loader or yaml())
    if any(key not in data.lc.data for key in data):
        # a `<<` merge key: the fields it brings have no place of their own in the text
        # to show or edit them at (Backlog.md never writes one)
        line = next(
            (n for n, row in enumerate(front.split("\n"), 2) if row.lstrip().startswith("<<")),
            2,
        )
        raise RoadmapError(
            f"{path}:{line}: the YAML merge key << is not read here; write the fields plainly"
        )
    if _too_long(data):
        raise RoadmapError(f"{path}:2: a YAML number is longer than 4300 digits")
    places = {
        key: (data.lc.key(key)[0], *(data.lc.value(key) if data[key] is not None else (0, 0)))
        for key in data
    }
    return data, places


def _too_long(value: object) -> bool:
    """Whether ``value`` holds an int Python will not write in decimal (``0b`` and ``0x``
    spell one in fewer digits than the 4300 ``str`` allows), nested as YAML nests."""
    if isinstance(value, int):
        return value.bit_length() > 14_000  # 4300 decimal digits hold 14,284 bits
    if isinstance(value, Mapping):
        return any(_too_long(part) for part in (*value.keys(), *value.values()))
    if isinstance(value, Sequence) and not isinstance(value, str):
        return any(_too_long(part) for part in value)
    return False


def _fast_front(front: str) -> frontmatter.Front | None:
    """``frontmatter.read``, trying once more with each bare ``@name`` quoted where libyaml
    refuses the text, as ``load_front`` does; None for ruamel.yaml to read (or refuse)."""
    if len(front) > MAX_YAML:
        return None  # guarded_load's to refuse
    try:
        return frontmatter.read(front)
    except frontmatter.Invalid:
        quoted = _BARE_MENTION.sub(r'\g<lead>"\g<name>"', front) if "@" in front else front
        if quoted == front:
            return None
        try:
            return frontmatter.read(quoted)
        except frontmatter.Invalid:
            return None


def _task_id(name: str) -> str:
    """A task's ID as Backlog.md shows it: ``task-27`` is ``TASK-27``, whether the front
    matter names the task itself or a dependency (so ``dependencies: [task-27]`` finds
    the task whose ``id: task-27``); any other spelling stays as written."""
    return name.upper() if re.fullmatch(r"[a-z]+-[\d.]+", name) else name


def _strings(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, Sequence):
        return [str(part) for part in value if part is not None and str(part) != ""]
    return [str(value)]


def _text(value: object) -> str:
    if isinstance(value, str):  # most values: no abstract class to ask
        return str(value)
    if isinstance(value, Sequence):
        return ", ".join(str(part) for part in value)
    return "" if value is None else str(value)


# Each list block's opening and closing comment lines, and whether a line opens one.
_MARKERS = {
    marker: opens
    for begin, end in _LIST_BLOCK.values()
    for marker, opens in ((begin, True), (end, False))
}


def _criteria(body: str, first_line: int) -> tuple[DoneCriterion, ...]:
    """The checkboxes of the Acceptance Criteria and Definition of Done sections."""
    found: list[DoneCriterion] = []
    inside = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        stripped = line.strip()
        if stripped[:4] == "<!--" and stripped in _MARKERS:
            inside = _MARKERS[stripped]
        elif inside and (box := _BOX.match(stripped)):
            found.append(DoneCriterion(box["text"], box["mark"] != " ", number))
    return tuple(found)


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True) or [""]


def _shifted(item: Item, by: int) -> Item:
    # the records made by their classes, not by replace(): 2,000 files, 16 fields each
    return replace(
        item,
        position=Position(item.position.line + by, item.position.column),
        end_line=item.end_line + by,
        fields=tuple(moved_field(field, by) for field in item.fields),
        definition_of_done=tuple(
            DoneCriterion(criterion.text, criterion.checked, criterion.line + by)
            for criterion in item.definition_of_done
        ),
    )


def _document(folder: TaskFolder) -> Roadmap:
    texts = []
    for task in folder.tasks:
        # each file starts on a line of its own, even after a file with no final newline
        texts.append("".join(_lines(task.text)).removesuffix("\n") + "\n")
    source = "".join(texts)
    return replace(
        _roadmap(folder),
        path=str(folder.root),
        items=tuple(
            _shifted(task.item, start)
            for task, start in zip(folder.tasks, folder.starts(), strict=True)
        ),
        style=Style("\n", "", "-", bom=False, final_newline=True, line_count=source.count("\n")),
        source=source,
    )


def _roadmap(folder: TaskFolder) -> Roadmap:
    # a draft's and an archived task's status are the folder's, not config.yml's
    moved = sorted(
        {MOVED_STATUS[task.folder] for task in folder.tasks if task.folder in MOVED_STATUS}
        - set(folder.statuses)
    )
    legend = Legend(
        name=STATUS_LEGEND,
        position=Position(1, 1),
        entries=tuple(LegendEntry(value, "", 1) for value in (*folder.statuses, *moved)),
        configured=True,
    )
    return Roadmap(
        path=str(folder.root if folder.keyed else folder.root / TASKS),
        title=None,
        title_position=None,
        # a folder with no config.yml names no statuses: read as the common spellings
        status_legend=None if folder.keyed else legend,
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


# A folder of task files that is not Backlog.md's (an agent runtime's ``scopes/``, a tool's
# ``tasks/``) and has no config.yml: each file's front matter names its task by one of
# these keys, the first found of each tuple read.
ID_KEYS = ("id", "task_id", "scope_id", "key")
OWNER_KEYS = ("assignee", "owner", "agent_id")
DEPENDS_KEYS = (DEPENDS_KEY, "depends_on")
KEYED_MINIMUM = 2  # task files sharing the keys: one file with an id is no folder of tasks
# The body sections whose bullets name what a task needs first (``## Inputs`` over
# ``- scope: S001 (REST API design - must be Done)``): an ID of another task of the
# folder written there is a dependency.
_NEEDS = LazyPattern(
    r"#{1,6}[ \t]++(?:inputs|depends[ \t]++on|dependencies|prerequisites|requires|"
    r"blocked[ \t]++by)[ \t]*+:?[ \t]*+",
    re.IGNORECASE,
)
_HEADING = LazyPattern(r"#{1,6}[ \t]++(?P<title>\S.*)")
# A key's value no person names a task by: a UUID a tool stores
# (``archon_task_id: 4acc31dc-61e2-...``), or a long hexadecimal digest.
_OPAQUE = LazyPattern(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,}"
)
# A file named by its place in the folder (``24-system-validation.md``), and its heading
# opening with that number (``# 24: System Validation``).
_FILE_NUMBER = LazyPattern(r"(?P<number>\d{1,6})[-_ .]")
_NUMBERED_TITLE = LazyPattern(r"(?P<number>\d{1,6})[ \t]*+[:.)\u2014-][ \t]*+(?P<title>\S.*)")
_WORD = LazyPattern(r"\b(?:[A-Za-z]*+\d[\w.-]*+|[A-Za-z]++-[\w.-]++)")


def keyed_root(path: Path) -> Path | None:
    """``path`` when it is a folder of task files that is not Backlog.md's: no config.yml,
    and ``KEYED_MINIMUM`` or more markdown files in it whose front matter shares an ID key
    (``ID_KEYS``) and ``status``; None for any other folder (a blog's posts, whose front
    matter says ``title:``, ``date:`` and ``tags:``)."""
    if not path.is_dir() or (path / CONFIG).is_file():
        return None
    if task_root(path / "task.md") is not None:  # Backlog.md's tasks/, drafts/, archive/tasks/
        return None
    try:
        files = _keyed_fronts(path)
    except RoadmapError:  # a file or the whole too large to hold: searched as any folder
        return None
    return path if _shared_key(files) else None


def _keyed_fronts(root: Path, texts: Mapping[Path, str] | None = None) -> list[tuple[Path, str]]:
    """The markdown files directly in ``root`` that open with front matter, with their text."""
    found = []
    held = 0
    for path in sorted(root.glob("*.md"), key=_number_then_name):
        if path.stem.lower() == "readme" or not path.is_file():
            continue
        text = as_read(texts[path]) if texts and path in texts else _read_text(path)
        if text.startswith("---\n"):
            held += len(text)
            if held > MAX_BYTES:  # held whole, many large files would exhaust memory
                raise RoadmapError(
                    f"{root}: its task files hold over {MAX_BYTES // 1024 // 1024} MB; "
                    f"roadmaplint reads task folders up to {MAX_BYTES // 1024 // 1024} MB"
                )
            found.append((path, text))
    return found


def _keys(text: str, path: Path, key: str = "") -> Mapping[Any, Any]:
    """A file's front matter, or nothing where it cannot be read (no task of the folder);
    where it names the folder's ID ``key`` on a line of its own, it is a task that cannot
    be read (an alias bomb, YAML no reader takes), refused as a task of Backlog.md's is,
    never dropped from the folder unsaid."""
    try:
        front, _ = split(text, str(path))
        return _front(front, str(path), None, False)[0]
    except RoadmapError:
        end = text.find("\n---", 3)
        front = text if end < 0 else text[:end]
        if key and any(line.partition(":")[0].rstrip() == key for line in front.split("\n")):
            raise
        return {}


def _shared_key(files: list[tuple[Path, str]]) -> str:
    """The ID key that ``KEYED_MINIMUM`` or more of ``files`` name, each with a status and
    each file a value of its own: one of ``ID_KEYS``, else a key named as one
    (``job_id``) that names no owner; the most named, ``ID_KEYS`` first. "" when none is."""
    values: dict[str, list[str]] = {}
    statuses: set[str] = set()
    fields = False
    for path, text in files:
        data = _keys(text, path)
        if data.get("status") in (None, ""):
            continue
        statuses.add(str(data["status"]).strip().split(" ")[0].casefold())
        fields = fields or any(data.get(name) for name in (*OWNER_KEYS, *DEPENDS_KEYS, "priority"))
        for key, value in data.items():
            plain = isinstance(value, str | int) and not isinstance(value, bool)
            if plain and _id_key(str(key)) and str(value).strip():
                values.setdefault(str(key), []).append(str(value).strip())
    if not fields and statuses <= _NOT_WORK_STATUSES:
        return ""  # ADRs (accepted, superseded) or a blog's posts (draft, published)
    ranked = sorted(
        (key for key, found in values.items() if len(set(found)) == len(found)),
        key=lambda key: (-len(values[key]), ID_KEYS.index(key) if key in ID_KEYS else len(ID_KEYS)),
    )
    return ranked[0] if ranked and len(values[ranked[0]]) >= KEYED_MINIMUM else ""


# The statuses of records that are no work: a decision's (an ADR's ``accepted``), a
# page's (a blog post's ``draft``) and how stable a documented feature is (a docs site's
# ``stable``, ``experimental``); files naming only these, and no owner, priority or
# dependency, are a folder of decisions, posts or pages, no folder of tasks.
_NOT_WORK_STATUSES = frozenset(
    {
        "proposed",
        "accepted",
        "rejected",
        "superseded",
        "deprecated",
        "withdrawn",
        "amended",
        "final",
        "draft",
        "published",
        "unpublished",
        "private",
        "public",
        "stable",
        "experimental",
        "alpha",
        "beta",
        "preview",
        "legacy",
        "obsolete",
    }
)


def _id_key(key: str) -> bool:
    return key in ID_KEYS or (key.endswith("_id") and key not in OWNER_KEYS)


def read_keyed(root: Path, texts: Mapping[Path, str] | None = None) -> TaskFolder:
    """A folder of task files with no config.yml, read by its files' front-matter keys:
    the ID key they share, ``status``, ``title`` (else the body's first heading),
    ``priority``, an owner (``assignee``, ``owner``, ``agent_id``) and dependencies
    (``dependencies``, ``depends_on``, or other tasks' IDs under an ``## Inputs`` or
    ``## Depends on`` heading of the body). A file without the key is no task; the
    statuses are the common spellings, as for a plan with no legend."""
    files = _keyed_fronts(root, texts)
    key = _shared_key(files)
    if not key:
        raise RoadmapError(
            f"{root}: is a folder, not a roadmap file, and holds no {CONFIG} with a "
            f"{TASKS}/ folder beside it, nor two or more task files whose front matter "
            f"names an ID ({', '.join(ID_KEYS)}) and a status; name a roadmap file"
        )
    tasks = []
    held = 0
    for path, text in files:
        held += len(text)
        if held > MAX_BYTES:
            raise RoadmapError(
                f"{root}: its task files hold over {MAX_BYTES // 1024 // 1024} MB; "
                f"roadmaplint reads task folders up to {MAX_BYTES // 1024 // 1024} MB"
            )
        data = _keys(text, path, key)
        if data.get(key) in (None, ""):
            continue
        tasks.append(TaskFile(path, text, _keyed_item(read_task(text, str(path)), data, key, text)))
    numbered = _named_by_number(tasks)
    # A bare number in a bullet (``- Python 3``) names no task of a folder named by number.
    known = {task.item.id for task in numbered if numbered is tasks or not task.item.id.isdigit()}
    tasks = numbered
    read = []
    for task in tasks:
        needs = tuple(
            name
            for name in _needed(task.text)
            if name in known and name != task.item.id and name not in task.item.depends_on
        )
        if needs:
            task = replace(
                task, item=replace(task.item, depends_on=(*task.item.depends_on, *needs))
            )
        read.append(task)
    return TaskFolder(root, (), "", tuple(read), key)


def _keyed_item(item: Item, data: Mapping[Any, Any], key: str, text: str) -> Item:
    """A task read as Backlog.md's (``read_task``), with the ID, owner, dependencies and
    title the folder's own keys give."""
    owner = next((_strings(data.get(name)) for name in OWNER_KEYS if data.get(name)), [])
    depends = next((_strings(data.get(name)) for name in DEPENDS_KEYS if data.get(name)), [])
    title, line = item.title, item.position.line
    if not title:
        _, body = split(text, "")
        first = text.count("\n", 0, len(text) - len(body)) + 1
        for number, row in enumerate(body.split("\n"), first):
            if heading := _HEADING.fullmatch(row.strip()):
                title, line = heading["title"].rstrip(" \t#"), number
                break
    return replace(
        item,
        id=str(data[key]).strip(),
        title=title,
        position=Position(line, 1),
        dri=", ".join(owner) if owner else None,
        depends_on=tuple(depends),
    )


def _named_by_number(tasks: list[TaskFile]) -> list[TaskFile]:
    """The tasks named by their files' numbers (``24-system-validation.md`` is task 24,
    its heading's ``24:`` no word of its title) where the key they share holds only values
    no person names a task by (``_OPAQUE``: a tool's UUIDs) and every file is numbered,
    each by a number of its own; the tasks as read otherwise."""
    if not tasks or not all(_OPAQUE.fullmatch(task.item.id) for task in tasks):
        return tasks
    numbers = [_FILE_NUMBER.match(task.path.name) for task in tasks]
    names = [match["number"] for match in numbers if match]
    if len(names) != len(tasks) or len(set(names)) != len(names):
        return tasks
    named = []
    for task, number in zip(tasks, names, strict=True):
        title = task.item.title
        heading = _NUMBERED_TITLE.fullmatch(title)
        if heading and heading["number"].lstrip("0") == number.lstrip("0"):
            title = heading["title"]
        named.append(replace(task, item=replace(task.item, id=number, title=title)))
    return named


def _needed(text: str) -> list[str]:
    """The words shaped as IDs (``S001``, ``TASK-3``) in the bullets of a body section
    that says what a task needs first (``_NEEDS``)."""
    found: list[str] = []
    inside = False
    for row in text.split("\n"):
        stripped = row.strip()
        if stripped.startswith("#"):
            inside = _NEEDS.fullmatch(stripped) is not None
        elif inside and stripped[:2] in ("- ", "* "):
            found.extend(_WORD.findall(stripped))
    return found
