"""A heading task whose steps are boxes numbered under its own ID: ``### CORE-01: Title``
over ``**Tareas:**`` and ``- [x] CORE-01.1: Title``, ``- [ ] CORE-01.2: Title``. The task
and each of its numbered steps are items (the plan counts both), the steps of the task's
priority and owner where they write none of their own."""

from __future__ import annotations

from roadmaplint.model import Field, Item
from roadmaplint.record import replace
from roadmaplint.settings import NO_DRI
from roadmaplint.text import LazyPattern

# A top-level box and the first word after it: ``- [x] CORE-01.1: Title``.
_BOX_WORD = LazyPattern(r"[-*+][ \t]+\[[ xX]?\][ \t]+\**(?P<word>[^\s*:]{1,60})")
_STEP_NUMBER = LazyPattern(r"\.[0-9]{1,3}")
_SUBTASKS = 2  # two numbered steps or more make a task's own list of them


def subtask_lines(item: Item, lines: list[str]) -> list[int]:
    """The lines (1-based) of the top-level boxes in ``item``'s body numbered under its ID
    (``CORE-01.1`` under ``CORE-01``); none where fewer than two are."""
    found = []
    for number in range(item.position.line, min(item.end_line, len(lines))):
        match = _BOX_WORD.match(lines[number])
        word = match["word"] if match is not None else ""
        if word.startswith(item.id) and _STEP_NUMBER.fullmatch(word[len(item.id) :]):
            found.append(number + 1)
    return found if len(found) >= _SUBTASKS else []


def spans(items: list[Item], lines: list[str]) -> tuple[tuple[int, int], ...]:
    """The lines each heading item takes, less the run of its numbered steps: those are
    left to the box reader, each an item of its own."""
    taken = []
    for item in items:
        steps = subtask_lines(item, lines)
        if steps:
            taken.append((item.position.line, steps[0] - 1))
            if steps[-1] < item.end_line:
                taken.append((steps[-1] + 1, item.end_line))
        else:
            taken.append((item.position.line, item.end_line))
    return tuple(sorted(taken))


def with_task_fields(items: list[Item], lines: list[str]) -> list[Item]:
    """The items, each numbered step given its task's priority and owner where it writes
    none (``- [ ] PERF-01.1: ...`` under ``**Prioridad:** 🟡 MEDIA | **Asignado:** Jules``)."""
    tasks = {item.id: item for item in items if subtask_lines(item, lines)}
    if not tasks:
        return items
    read = []
    for item in items:
        task = tasks.get(item.id.rpartition(".")[0])
        if task is not None and task.position.line < item.position.line <= task.end_line:
            item = _inherited(item, task)
        read.append(item)
    return read


def _inherited(step: Item, task: Item) -> Item:
    here = step.position
    added = []
    if step.priority is None and task.priority is not None:
        added.append(Field("Priority", "priority", task.priority, here, here, here.line))
    # an owner still to be named (``**Asignado:** TBD``) is nobody's to hand down: the
    # task keeps it as written, for ``no-dri`` to read; its steps name no owner
    owner = task.dri if task.dri is not None and not _nobody(task.dri) else None
    if step.dri is None and owner is not None:
        added.append(Field("DRI", "dri", owner, here, here, here.line))
    if not added:
        return step
    return replace(
        step,
        priority=step.priority or task.priority,
        dri=step.dri or owner,
        fields=(*step.fields, *added),
    )


# The words for nobody an owner field may write: the default ``no-dri``, and ``TBA``.
_NOBODY = frozenset({*NO_DRI, "tba"})


def _nobody(owner: str) -> bool:
    """Whether an owner as written names nobody yet (``TBD``, ``**TBD**``)."""
    return owner.strip(" \t*_`").casefold() in _NOBODY
