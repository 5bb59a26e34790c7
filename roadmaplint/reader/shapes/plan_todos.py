"""A plan whose front matter lists its to-dos, as Cursor's plan mode writes a
``.cursor/plans/*.plan.md``: ``todos:`` a list of ``- id:`` entries, each with its
``content`` (the title), its ``status`` (``pending``, ``in_progress``, ``completed``,
``cancelled``) and the ``dependencies`` it waits on, over a body that tells the plan.

The list is the plan's record of its work: its entries are the items, and the body's
headings (``### TASK-006: PerceptionEngine — DONE``) tell the same work again, no items of
their own. Read here line by line, in the one layout the tool writes; a list in another
layout is no such plan and the document is read as any other. Writing to it is left to
a later change (ROADMAP CORE-224): the items are read, not yet edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmaplint.model import Field, Position
from roadmaplint.reader.dialect import DEPENDS_ON
from roadmaplint.reader.shapes.common import make_item
from roadmaplint.record import replace
from roadmaplint.text import LazyPattern

if TYPE_CHECKING:
    from roadmaplint.model import Item
    from roadmaplint.reader.dialect import Dialect

# The statuses Cursor writes: a list with another is some other page's data (a blog
# post's sample to-dos), no plan's.
_STATUSES = frozenset(("pending", "in_progress", "completed", "cancelled"))
# The front matter's key that opens the list: ``todos:`` alone on its line.
_TODOS = LazyPattern(r"todos:")
# An entry's first line, its ID: ``  - id: task-006-perception``.
_ENTRY = LazyPattern(r"[ \t]*+-[ \t]++id:[ \t]*+(?P<value>\S.*)")
# A key of the entry and its value: ``    status: completed``, ``    dependencies:``.
_KEY = LazyPattern(r"[ \t]++(?P<key>content|status|dependencies):[ \t]*+(?P<value>.*)")
# One of the dependencies listed under the key: ``      - task-007-skills``.
_LISTED = LazyPattern(r"[ \t]++-[ \t]++(?P<value>\S.*)")


def read_plan_todos(lines: list[str], front: int, dialect: Dialect) -> list[Item]:
    """The items of the ``todos:`` list in the first ``front`` lines (the front matter),
    none when it holds no such list or one of its entries has no content or status."""
    start = next((at for at in range(1, front) if _TODOS.fullmatch(_bare(lines[at]))), None)
    if start is None:
        return []
    entries: list[dict[str, tuple[int, int, str]]] = []
    waits: list[list[str]] = []
    for at in range(start + 1, front - 1):
        line = _bare(lines[at])
        opened = _ENTRY.fullmatch(line)
        if opened is not None:
            entries.append({"id": (at, opened.start("value"), _unquoted(opened["value"]))})
            waits.append([])
            continue
        key = _KEY.fullmatch(line)
        listed = _LISTED.fullmatch(line)
        if entries and key is not None:
            entries[-1][key["key"]] = (at, key.start("value"), _unquoted(key["value"]))
        elif entries and listed is not None and "dependencies" in entries[-1]:
            waits[-1].append(_unquoted(listed["value"]))
        elif line.strip() and not line.startswith((" ", "\t")):
            break  # the next key of the front matter: the list has ended
    if not entries or any(not e.get("content", (0, 0, ""))[2] for e in entries):
        return []
    if any("status" not in entry for entry in entries):
        return []
    if any(entry["status"][2] not in _STATUSES for entry in entries):
        return []  # a status Cursor never writes (``done``): another page's data
    items: list[Item] = []
    for entry, waiting in zip(entries, waits, strict=True):
        first, _, item_id = entry["id"]
        last = max(line for line, _, _ in entry.values()) + len(waiting)
        here = Position(first + 1, 1)
        fields = [_field("Status", "status", entry["status"])]
        if waiting:
            at, column, _ = entry["dependencies"]
            written = Position(at + 1, column + 1)
            fields.append(
                Field(
                    "Depends on",
                    DEPENDS_ON,
                    ", ".join(waiting),
                    written,
                    written,
                    at + 1 + len(waiting),
                )
            )
        items.append(make_item(item_id, entry["content"][2], None, here, last + 1, fields, dialect))
    # an entry waits on others by their IDs, which need not read as the dialect's IDs
    # (``task-007-skills``): a name the list holds is a dependency on that item
    held = {item.id for item in items}
    return [_with_listed_dependencies(item, held) for item in items]


def _with_listed_dependencies(item: Item, held: set[str]) -> Item:
    inside = tuple(name for name in item.external_deps if name in held)
    if not inside:
        return item
    outside = tuple(name for name in item.external_deps if name not in held)
    return replace(item, depends_on=(*item.depends_on, *inside), external_deps=outside)


def _field(name: str, key: str, found: tuple[int, int, str]) -> Field:
    at, column, value = found
    where = Position(at + 1, column + 1)
    return Field(name, key, value, where, where, at + 1)


def _bare(line: str) -> str:
    """A line without its line break and the blanks after its last word, as the
    patterns above read it."""
    return line.rstrip()


def _unquoted(value: str) -> str:
    """A YAML scalar as the plan means it: ``"TASK-007 Build (a: b)"`` without its quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value
