"""Writing a phase's numbered task where its entry writes it (``reader/phase_tasks.py``):
``2. **Offline cache** — in progress. Needs a schema.`` takes a new state in place of
``in progress`` and a new title in place of ``Offline cache``; the words after them stay.
The entry writes nothing else: any other field is refused, as a field line under it
would be the phase's prose."""

from __future__ import annotations

from roadmaplint.edit.base import ItemEdit, items_changed, read_back, renamed_by_title
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader.dialect import PHASE_ID, normalize_key
from roadmaplint.reader.phase_tasks import task_spans
from roadmaplint.record import replace
from roadmaplint.settings import Settings
from roadmaplint.text import split_lines
from roadmaplint.write.proof import prove_edit


def edit_phase_task(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str | None:
    """The text with the task's state or title rewritten in its entry; None for an item
    that is no phase's numbered task."""
    lines = split_lines(roadmap.source)
    at = item.position.line - 1
    if not _is_phase_task(roadmap, item) or at >= len(lines):
        return None
    spans = task_spans(lines[at])
    if spans is None:
        return None
    (name_start, name_end), (state_start, state_end) = spans
    line = lines[at]
    writes: list[tuple[int, int, str]] = []
    for change in edit.fields:
        if normalize_key(change.name) != "status" or not change.value.strip():
            raise RoadmapError(
                f"{roadmap.path}:{item.position.line}: {item.id} is a phase's numbered task, "
                f"whose entry writes its name and state only, not {change.name}; nothing written"
            )
        writes.append((state_start, state_end, change.value.strip()))
    if edit.title is not None:
        title = edit.title.strip()
        if not title or "*" in title:
            raise RoadmapError(
                f"{roadmap.path}:{item.position.line}: a phase task's name is bold words, "
                f"not {edit.title!r}; nothing written"
            )
        writes.append((name_start, name_end, title))
    if edit.add_deps or edit.remove_deps or edit.tick or edit.untick:
        raise RoadmapError(
            f"{roadmap.path}:{item.position.line}: {item.id} is a phase's numbered task, whose "
            "entry writes its name and state only; nothing written"
        )
    for start, end, value in sorted(writes, reverse=True):  # from the right: spans hold
        line = line[:start] + value + line[end:]
    lines[at] = line
    new_text = "".join(lines)
    if new_text == roadmap.source:
        return new_text
    renamed = renamed_by_title(roadmap, item, new_text, edit, settings)
    # the entry is one line of the phase's list, which the reader keeps as one block
    block = next(b.line for b in roadmap.blocks if b.line <= at + 1 <= b.end_line)
    targets = replace(items_changed({item.id}, renamed), blocks=frozenset({block}))
    after = prove_edit(roadmap, new_text, targets, settings)
    edited = next(found for found in after.items if found.id == renamed.get(item.id, item.id))
    read_back(roadmap, edited, edit.fields, edit.title)
    return new_text


def _is_phase_task(roadmap: Roadmap, item: Item) -> bool:
    """Whether ``item`` is a numbered task a phase heading above reads from its list: its
    status written on its own line, in a phase's lines."""
    status = item.field("status")
    if status is None or status.position.line != item.position.line:
        return False
    return any(
        PHASE_ID.fullmatch(phase.id) is not None
        and phase.position.line < item.position.line <= phase.end_line
        for phase in roadmap.items
    )
