"""A phase's tasks written as a numbered list of bold names, each saying its state after
a dash: ``## Phase 1 — PWA critical path`` over ``1. **Decisions** — done. Stack
locked.`` and ``6. **Correctness net** — **open, tracked as #125.**``. Each task is an
item named by its name (or by an ID in brackets before it, ``**[CACHE-1] Offline
cache**``), its status the first clause after the dash; the phase stays the
item it is. A numbered list whose entries say no state (``1. **Install** — run the
script``), or of which only some do, is the phase's prose."""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.model import Field, Item, Position
from roadmaplint.reader.dialect import PHASE_ID
from roadmaplint.reader.shapes.common import Taken, make_item, reference_from_title
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

# An entry of a numbered list at the top level: its bold name, a dash and what follows.
_TASK = LazyPattern(
    r"[ \t]{0,3}[0-9]{1,9}[.)][ \t]+\*\*(?P<name>[^*\n]{1,120}?)\*\*[ \t]+[—–-][ \t]+"
    r"(?P<rest>\S.*)"
)
# The state after the dash: bold (``**open, tracked as #125.**``), or its first clause.
_BOLD_STATE = LazyPattern(r"\*\*(?P<state>[^*\n]{1,80})\*\*")
_CLAUSE = LazyPattern(r"[^.,;:(—–]{1,40}")
_NUMBERED = LazyPattern(r"[ \t]{0,3}[0-9]{1,9}[.)][ \t]")
_HEADING = LazyPattern(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_TASKS = 2  # a list of two tasks or more: one alone is a note


def with_numbered_phase_tasks(items: Sequence[Item], lines: Sequence[str]) -> list[Item]:
    """``items`` with the numbered bold tasks of each phase heading read as items after
    it, where every entry of the phase's numbered list says its state."""
    read: list[Item] = []
    taken = Taken(item.id for item in items)
    for item in items:
        read.append(item)
        if PHASE_ID.fullmatch(item.id) is not None:
            read += _tasks(item, lines, taken)
    return read


def _tasks(phase: Item, lines: Sequence[str], taken: Taken) -> list[Item]:
    """The tasks of ``phase``'s own numbered list (before any heading under it), each
    read where all of its entries write a state; none otherwise."""
    entries: list[tuple[int, str, str]] = []  # (0-based line, name, state)
    for at in range(phase.position.line, min(phase.end_line, len(lines))):
        line = lines[at]
        if _HEADING.match(line) is not None:
            break
        if _NUMBERED.match(line) is None:
            continue
        task = _TASK.match(line)
        state = _state(task["rest"]) if task is not None else None
        if task is None or state is None:
            return []  # an entry that says no state: the list is prose
        entries.append((at, " ".join(task["name"].split()), state))
    if len(entries) < _TASKS:
        return []
    heading = lines[phase.position.line - 1].strip().lstrip("#").strip()
    found = []
    for number, (at, name, state) in enumerate(entries):
        end = entries[number + 1][0] if number + 1 < len(entries) else phase.end_line
        here = Position(at + 1, len(lines[at]) - len(lines[at].lstrip()) + 1)
        # ``**[CACHE-1] Offline cache**``: an ID in brackets before the name, as a renamed
        # task writes it (edit/rename.py), else one made from its name
        named = _NAMED.fullmatch(name)
        if named is not None and named["id"] not in taken:
            by_title, title, reference = False, named["title"], named["id"]
        else:
            by_title, title, reference = True, name, reference_from_title(name, taken)
        taken.add(reference)
        status = Field("Status", "status", state, here, here, here.line)
        last = max(at + 1, _last_written(lines, at, end))
        found.append(
            make_item(reference, title, heading, here, last, (status,), None, (), by_title)
        )
    return found


# An ID with a dash in brackets before a task's name: ``[CACHE-1] Offline cache``.
_NAMED = LazyPattern(r"\[(?P<id>[^\]\s-]{1,20}-[^\]\s]{1,20})\][ \t]+(?P<title>\S.*)")


def _state(rest: str) -> str | None:
    """The state an entry writes after its dash, bold or its first clause, where it is
    one in a common spelling (``done``, ``open, tracked as #125.``); None otherwise."""
    bold = _BOLD_STATE.match(rest)
    if bold is not None:
        state = bold["state"].strip()
        clause = _CLAUSE.match(state)
        if clause is not None and common_meaning(clause[0].strip()) is not None:
            return state
        return None
    clause = _CLAUSE.match(rest)
    if clause is None or rest[clause.end() : clause.end() + 1] not in ("", ".", ",", ";", ":"):
        return None
    said = clause[0].strip()
    return said if len(said.split()) <= 2 and common_meaning(said) is not None else None


def _last_written(lines: Sequence[str], first: int, end: int) -> int:
    """The last line (1-based) before ``end`` that holds text, from ``first``."""
    last = end
    while last > first + 1 and not lines[last - 1].strip():
        last -= 1
    return last


def task_spans(line: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where a phase task's entry writes its name and its state (``2. **Offline cache** —
    in progress. Needs a schema.``: ``Offline cache`` and ``in progress``), for the writer
    that replaces them; None for a line that is no such entry."""
    task = _TASK.match(line)
    if task is None:
        return None
    at, rest = task.start("rest"), task["rest"]
    name = task.span("name")
    named = _NAMED.fullmatch(task["name"])
    if named is not None:  # ``[CACHE-1] Offline cache``: the name after its ID
        name = (name[0] + named.start("title"), name[1])
    bold = _BOLD_STATE.match(rest)
    if bold is not None:
        return name, (at + bold.start("state"), at + bold.end("state"))
    clause = _CLAUSE.match(rest)
    if clause is None:
        return None
    said = clause[0]
    start = at + len(said) - len(said.lstrip())
    return name, (start, at + len(said.rstrip()))
