"""Planning phases: the status a phase checklist at the top of a roadmap gives.

A GSD-style roadmap lists its phases once as a checklist (``- [x] **Phase 1:
Name** - summary``) and again as ``### Phase 1: Name`` headings with their
fields. A phase heading with no Status field takes its status from its box:
``[x]`` done, ``[ ]`` pending; without a box, from the Progress table's Status
column (``| 1. Foundation | 3/3 | Complete | 2026-02-23 |``). An open box whose
row says the phase is under way (``In Progress``) is in progress: the box says only
that the phase is not done, the row how far it is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from roadmaplint.model import Field, Item, Position
from roadmaplint.reader.dialect import DEPENDS_ON, PHASE_ID, PHASE_WORK_ID, STEP_ID, WORK_ID
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

_CHECKLIST = LazyPattern(
    r"[ \t]{0,3}[-*+][ \t]+\[([ xX])\][ \t]+\*\*"
    r"(Phase[ \t]+[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}[a-z]?)\b"
)
# A status snapshot's box, the phase named and said finished: ``- [x] Phase 0 complete``.
SNAPSHOT = LazyPattern(
    r"[ \t]{0,3}[-*+][ \t]+\[([ xX])\][ \t]+(Phase[ \t]+[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}[a-z]?)"
    r"[ \t]++(?:complete|completed|done|finished)[ \t]*+\.?+[ \t]*+$",
    re.IGNORECASE,
)
# An open box says the phase is not done, not that it is free to start: "pending" carries
# no meaning of the workflow, so a pending phase after a pending phase is no finding.
DONE, OPEN = "done", "pending"


# The words after a checklist entry's bold name and a dash: ``** - active``.
_BOX_NOTE = LazyPattern(r"[^*\n]{0,200}\*\*[ \t]*[-—–][ \t]+(?P<note>\S.*)")
# The first clause of such a note, up to punctuation, fullwidth too (``已 superseded，``).
_NOTE_CLAUSE = LazyPattern(r"[^,;，、。(（—–:]*")
# The states a note may add to its box: a ticked phase given up, an open one under way.
_SAID = {DONE: ("closed",), OPEN: ("in_progress", "blocked")}


def _said_after_box(rest: str, box: str) -> str | None:
    """The state a checklist entry's note writes after its box, where it says more than
    the box (``- [x] **Phase 002: Name** - 已 superseded``: given up, not done work;
    ``- [ ] **Phase 017: Name** - active``: under way), a note whose first clause is a
    word or two. A note that agrees with its box, names no state, or describes the phase
    (``- Remove all dropped features — ...``) adds nothing."""
    note = _BOX_NOTE.match(rest)
    clause = _NOTE_CLAUSE.match(note["note"]) if note is not None else None
    words = clause[0].split() if clause is not None else []
    if not 0 < len(words) <= 2:
        return None
    for word in words:
        meaning = common_meaning(word)
        if meaning is not None:
            return word if meaning in _SAID[box] else None
    return None


_ROW_PHASE = LazyPattern(r"(?:Phase[ \t]+)?([0-9]{1,6}(?:\.[0-9]{1,6}){0,5}[a-z]?)\b")


def is_checklist_line(line: str) -> bool:
    """Whether ``line`` is an entry of a phase checklist (``- [x] **Phase 1: Name**``)."""
    return _CHECKLIST.match(line) is not None


def outside_fences(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """``(0-based line, line)`` for each line outside a fenced code block: a box shown
    in a fence (an example of a checklist) is no phase's box."""
    fence = ""  # the open fence's characters (three backticks or more, or tildes)
    for at, line in enumerate(lines):
        stripped = line.lstrip(" ")
        opening = len(line) - len(stripped) <= 3 and stripped[:3] in ("```", "~~~")
        if opening:
            run = stripped[: len(stripped) - len(stripped.lstrip(stripped[0]))]
            if not fence:
                fence = run
            elif run.startswith(fence) and not stripped[len(run) :].strip():
                fence = ""
            continue
        if not fence:
            yield at, line


def with_phase_checklist(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, a phase without a status given the one its checklist box says, else the
    one its row of a progress table says, else the one its own task boxes say."""
    if not any(item.status is None and PHASE_ID.fullmatch(item.id) for item in items):
        return tuple(items)
    boxes: dict[str, str] = {}
    for _, line in outside_fences(lines):
        if "Phase" not in line:
            continue
        match = _CHECKLIST.match(line)
        if match is not None:
            box = DONE if match[1] != " " else OPEN
            said = _said_after_box(line[match.end() :], box)
            boxes.setdefault(" ".join(match[2].split()), said or box)
        elif (snapshot := SNAPSHOT.match(line)) is not None:
            # a status snapshot ticks each phase it says finished (``- [x] Phase 0
            # complete``); the box of a phase not yet finished is open
            boxes.setdefault(" ".join(snapshot[2].split()), DONE if snapshot[1] != " " else OPEN)
    for phase, status in progress_rows(lines):
        if boxes.get(phase) == OPEN and common_meaning(status) == "in_progress":
            # an open box says only that the phase is not done; its row says how far
            # it is (``- [ ] **Phase 9**`` over ``| 9. Name | 1/3 | In Progress |``)
            boxes[phase] = status
        boxes.setdefault(phase, status)
    read = []
    for item in items:
        section = lines[item.position.line : item.end_line]
        if item.status is None and item.id not in boxes and PHASE_ID.fullmatch(item.id):
            tasks = _task_status(section)
            if tasks is None:
                tasks = _counted_plans(item)
            if tasks is None:
                tasks = _ticked_plans(section)
            if tasks is not None:
                boxes[item.id] = tasks
        read.append(
            replace(item, status=boxes[item.id])
            if item.status is None and item.id in boxes
            else item
        )
    return tuple(read)


# A phase's count of its plans: ``**Plans:** 1/2 plans executed``, ``3/3 plans complete``.
_PLANS_COUNT = LazyPattern(r"[ \t]*([0-9]{1,3})/([0-9]{1,3})[ \t]+plans?\b")
# The same said in words: ``**Plans:** 5 plans (all created, 5 executed)``.
_PLANS_EXECUTED = LazyPattern(
    r"[ \t]*([0-9]{1,3})[ \t]+plans?\b[^0-9\n]{0,60}?([0-9]{1,3})[ \t]+"
    r"(?:executed|completed|complete|done)\b"
)


def _counted_plans(item: Item) -> str | None:
    """The status a phase's Plans field gives by its count, where no box, row or task
    list does (a phase inserted in the details only): all its plans done, some, or none."""
    plans = item.field("plans")
    if plans is None:
        return None
    count = _PLANS_COUNT.match(plans.value)
    if count is not None:
        done, planned = int(count[1]), int(count[2])
    elif (said := _PLANS_EXECUTED.match(plans.value)) is not None:
        # ``5 plans (all created, 5 executed)``: how many, then how many were executed
        done, planned = int(said[2]), int(said[1])
    else:
        return None
    if planned == 0:
        return None
    if done >= planned:
        return DONE
    return "in progress" if done else OPEN


# A GSD phase's ``Plans:`` line, over its plans' boxes (``- [x] 30-01-PLAN.md -- ...``).
_PLANS_LABEL = LazyPattern(r"[ \t]{0,3}(?:\*\*)?Plans(?:\*\*)?:(?:\*\*)?[ \t]*$")


def _ticked_plans(section: Sequence[str]) -> str | None:
    """The status a GSD phase's ``Plans:`` boxes give a phase that no checklist box,
    progress row or task list gives one (a phase inserted in the details only, ``###
    Phase 30.1: Name (INSERTED)``), where some are ticked: all done, some in progress.
    Plans none of which is ticked say nothing: a plan often leaves its plans' boxes open
    after the phase is done; and where a box or row says the phase, they give way to it
    (an open box over ticked plans beside ``| 2. Name | 0/4 | Planned |``)."""
    ticks: list[bool] = []
    listing = False
    for line in section:
        if _PLANS_LABEL.match(line):
            listing = True
        elif listing and (match := _TASK_BOX.match(line)):
            ticks.append(match[1] != " ")
        elif listing and line.strip():
            listing = False
    if not any(ticks):
        return None
    return DONE if all(ticks) else "in progress"


# A box of a phase's own task list (agent-layer's ``### Tasks``), at the top level, and
# the headings that open and close that list.
_TASK_BOX = LazyPattern(r"[ \t]{0,3}[-*+][ \t]+\[([ xX])\][ \t]")
_TASKS_HEADING = LazyPattern(r"[ \t]{0,3}#{2,6}[ \t]+Tasks[ \t]*$")
_ANY_HEADING = LazyPattern(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")


def _task_status(section: Sequence[str]) -> str | None:
    """The status the boxes under a phase's ``### Tasks`` subheading give it, where no
    checklist or progress table does: all ticked done, some in progress, none pending;
    None without such boxes (a GSD phase's ``Plans:`` boxes: ``_ticked_plans``)."""
    ticks: list[bool] = []
    listing = False
    for line in section:
        if _ANY_HEADING.match(line):
            listing = _TASKS_HEADING.match(line) is not None
        elif listing and (match := _TASK_BOX.match(line)):
            ticks.append(match[1] != " ")
    if not ticks:
        return None
    if all(ticks):
        return DONE
    return "in progress" if any(ticks) else OPEN


# A checklist's numbered step with a bold title: ``15. **Regression checklist**``.
_NUMBERED_STEP = LazyPattern(r"[0-9]{1,3}[.)][ \t]+(?=\*\*)")


def with_task_boxes(items: Sequence[Item], lines: Sequence[str]) -> Sequence[Item]:
    """``items``, a numbered task heading with no status (``### Task 1.1: Title``, ``### 1.1
    Title``) given
    the one the list of boxes right under it says, its steps (``- [x] `bcrypt```): all
    ticked done, some in progress, none pending, as a phase's own task boxes do. Boxes
    after a label or prose (``**Acceptance Criteria:**``) are its criteria: no state. A
    feature named by its heading (``### Server Audio Endpoints`` over ``- [ ] POST
    /audio/stream``) is given its checklist's state the same way, and so is a numbered
    step of a checklist (``15. **Regression checklist**`` over its own ``- [ ]`` boxes)."""
    read = []
    starts = sorted(item.position.line for item in items)
    for item in items:
        step = _NUMBERED_STEP.match(lines[item.position.line - 1]) if item.status is None else None
        if step is not None:
            width = len(step[0])  # the step's boxes sit at its text's indent
            body = [
                line[width:] if not line[:width].strip() else line
                for line in lines[item.position.line : item.end_line]
            ]
            ticks = _step_ticks(body)
            if ticks:
                status = DONE if all(ticks) else "in progress" if any(ticks) else OPEN
                item = replace(item, status=status)
        elif item.status is None and (
            WORK_ID.fullmatch(item.id)
            or STEP_ID.fullmatch(item.id)
            or item.named_by_title
            or item.id.isdigit()  # ``### 2. Core: Title``, a task numbered alone
        ):
            section = lines[item.position.line : item.end_line]
            ticks = _step_ticks(section)
            if not ticks and (
                item.id.isdigit() or (STEP_ID.fullmatch(item.id) and _opens_with_field(section))
            ):
                ticks = _work_list_ticks(section)
            if not ticks and STEP_ID.fullmatch(item.id):
                ticks = _label_group_ticks(section)
            if ticks:
                status = DONE if all(ticks) else "in progress" if any(ticks) else OPEN
                item = replace(item, status=status)
        elif (
            item.status is None
            and not item.named_by_title
            and not PHASE_ID.fullmatch(item.id)
            and not _holds_items(item, starts)
        ):
            # a backlog's entry by its ID (``## B2. Title`` over ``**背景**：...`` and its
            # boxes) says how far it is by its work list too; a phase takes its state
            # from the plan's checklist of phases or its progress row instead, and an
            # entry whose boxes are items of their own (``- [ ] TEST-02.1: ...``) has
            # them say how far each is
            ticks = _work_list_ticks(lines[item.position.line : item.end_line])
            if ticks:
                status = DONE if all(ticks) else "in progress" if any(ticks) else OPEN
                item = replace(item, status=status)
        read.append(item)
    return read


def _holds_items(item: Item, starts: Sequence[int]) -> bool:
    """Whether another item starts within ``item``'s lines (``starts`` sorted)."""
    at = bisect_right(starts, item.position.line)
    return at < len(starts) and starts[at] <= item.end_line


def _step_ticks(body: Sequence[str]) -> list[bool]:
    """Whether each top-level box of the list a heading's body opens with is ticked, and
    of the lists of boxes right under its subheadings after it (``#### Rewrite
    Guardrails`` over more of its steps); none when the body opens with anything else."""
    ticks: list[bool] = []
    for line in body:
        match = _TASK_BOX.match(line)
        if match is not None:
            ticks.append(match[1] != " ")
        elif ticks and _ANY_HEADING.match(line):
            continue  # a subheading of the task's steps: its boxes are steps too
        elif line.strip() and not line[:1].isspace():
            break  # the list ends (``- Behavior:``), or the body opens with no box
    return ticks


def _opens_with_field(body: Sequence[str]) -> bool:
    """Whether a numbered step's body opens with a field that has a value (``**Location**:
    `app/api/relayer/` `` over the boxes of ``### 3.1 Relayer API Setup``): its boxes
    after its fields are its steps, as a task numbered alone writes them; a bare label
    (``**What's needed:**``) opens no fields but a list it names."""
    for line in body:
        if line.strip():
            return _FIELD_WITH_VALUE.match(line) is not None
    return False


# A field with its value on its own line: ``**Location**: `app/api/` ``, ``**Component**: x``.
_FIELD_WITH_VALUE = LazyPattern(r"\*\*[^*\n]{1,40}?(?:[:：]\*\*|\*\*[:：])[ \t]*\S")


def _work_list_ticks(body: Sequence[str]) -> list[bool]:
    """Whether each box of a numbered task's work list is ticked, where its fields come
    first (``### 2. Core: speed state`` over ``**依存:** タスク1``, ``**作業内容:**`` and
    the boxes): the boxes after its field lines, none where a label of criteria
    (``**Acceptance criteria:**``, ``**完了条件:**``) opens them or prose comes first. A
    field whose value leads into a list (``**Note**: Frontend template already
    includes:``) is a note: its plain bullets, before the boxes, are no step."""
    ticks: list[bool] = []
    noting = False  # after a field whose value ends with a colon: the note's own list
    for line in body:
        match = _TASK_BOX.match(line)
        if match is not None:
            ticks.append(match[1] != " ")
        elif not line.strip() or (ticks and line[:1].isspace()) or _noted(line, noting, ticks):
            continue
        elif ticks or (label := _LABEL_LINE.match(line)) is None:
            break  # the list ends, or the body opens with prose
        elif _CRITERIA_LABEL.search(label["label"]):
            return []  # boxes after this are the task's criteria: no state
        else:
            noting = line.rstrip().endswith((":", "：")) and bool(
                line[label.end() :].strip(" \t:：")
            )
    return ticks


_PLAIN_BULLET = LazyPattern(r"[-*+][ \t]+(?!\[[ xX]?\])")


def _noted(line: str, noting: bool, ticks: list[bool]) -> bool:
    """Whether ``line`` is a plain bullet of a note's list, before any box."""
    return noting and not ticks and _PLAIN_BULLET.match(line) is not None


# A bare label on a line of its own naming a group of boxes: ``**Stacks Testnet:**``.
_GROUP_LABEL = LazyPattern(r"\*\*(?P<label>[^*\n]{1,40}?)(?::\*\*|\*\*:)[ \t]*")
_LABEL_GROUPS = 2  # one bare label over boxes may name a list of criteria


def _label_group_ticks(body: Sequence[str]) -> list[bool]:
    """Whether each top-level box of a numbered step is ticked, where its body is only
    boxes grouped under two or more bare labels (``### 6.1 Testnet Deployment`` over
    ``**Stacks Testnet:**`` and its boxes, ``**EVM Testnets:**`` and its): the groups of
    the step's work, by where or what. One label (``**What's needed:**``), a label of
    criteria, or a line of prose or a plain bullet among them gives no state."""
    ticks: list[bool] = []
    labels = 0
    for line in body:
        if not line.strip() or (ticks and line[:1].isspace()):
            continue
        if _ANY_HEADING.match(line):
            break
        match = _TASK_BOX.match(line)
        if match is not None:
            ticks.append(match[1] != " ")
            continue
        label = _GROUP_LABEL.fullmatch(line.rstrip())
        if label is None or _CRITERIA_LABEL.search(label["label"]):
            return []
        labels += 1
    return ticks if labels >= _LABEL_GROUPS else []


# A field or a label on a line of its own: ``**依存:** タスク1``, ``**作業内容:**``.
_LABEL_LINE = LazyPattern(r"\*\*(?P<label>[^*\n]{1,40}?)(?:[:：]\*\*|\*\*[:：])")
_CRITERIA_LABEL = LazyPattern(
    r"criteri|acceptance|done when|definition of done|verif|完了条件|受け入れ|验收|検証|확인",
    re.IGNORECASE,
)


def with_own_phase_tasks(items: Sequence[Item]) -> Sequence[Item]:
    """``items``, in a plan whose tasks are numbered again in each phase (``Phase 2 Task
    2``): a dependency on ``Task 1`` names its own phase's Task 1, as a person reads it,
    and one written ``Phase 1 Task 3`` names that task, not phase 1."""
    qualified = {item.id for item in items if PHASE_WORK_ID.fullmatch(item.id)}
    if not qualified:
        return items
    known = {item.id for item in items}
    read = []
    for item in items:
        named = _tasks_named(item, qualified, known)
        if named != item.depends_on:
            item = replace(item, depends_on=named)
        read.append(item)
    return read


def _tasks_named(item: Item, qualified: set[str], known: set[str]) -> tuple[str, ...]:
    """The tasks ``item``'s dependencies name: ``Task 1`` in its own phase, and each
    ``Phase 1`` that is no item as the ``Phase 1 Task 3`` its field writes there (the
    reader keeps ``Task 3`` as the note of ``Phase 1``), in the order written."""
    own = PHASE_WORK_ID.fullmatch(item.id)
    written = item.field(DEPENDS_ON)
    tasks: dict[str, list[str]] = {}
    for found in PHASE_WORK_ID.finditer(written.value if written is not None else ""):
        tasks.setdefault(found["phase"], []).append(" ".join(found[0].split()))
    named = []
    for name in item.depends_on:
        if own is not None and WORK_ID.fullmatch(name) and f"{own['phase']} {name}" in qualified:
            name = f"{own['phase']} {name}"
        elif PHASE_ID.fullmatch(name) and name not in known and tasks.get(name):
            # the reader reads ``Phase 1 Task 2, Phase 1 Task 3`` as one Phase 1: each
            named += [task for task in tasks.pop(name) if task not in named]
            continue
        named.append(name)
    return tuple(named)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _shifted_status(cells: list[str]) -> str:
    """The status a row whose Status cell is empty writes in another cell, where a cell
    was left out by hand and the rest moved left (``| 10. Name | 2/3 | In Progress|  |
    - |`` under Phase | Milestone | Plans | Status | Completed); none otherwise."""
    return next((cell for cell in cells[1:] if common_meaning(cell.strip("* "))), "")


def _phase_table_rows(lines: Sequence[str]) -> Iterator[tuple[list[str], int]]:
    """The cells of each row under the header of a table whose first column is ``Phase``
    and which has a ``Status`` column, with that column's index; rows too short to hold
    it are left out. An overview that numbers its phases in a column of their own (``| #
    | Phase | Goal | Status |``) is read as ``| Phase |`` is: the number, then the name."""
    status_column = None
    for line in lines:
        if not line.lstrip().startswith("|"):
            status_column = None
            continue
        cells = _cells(line)
        if status_column is None:
            names = [cell.strip("* ").lower() for cell in cells]
            if names and _phase_header(names) and "status" in names:
                status_column = names.index("status")
            continue
        if len(cells) > status_column:
            yield cells, status_column


def _phase_header(names: list[str]) -> bool:
    return names[0] == "phase" or _numbered_header(names)


def _numbered_header(names: list[str]) -> bool:
    """Whether a table's header numbers its phases in a first column of their own and
    names them in the next: ``| # | Phase | Goal | Requirements | Status |``."""
    return len(names) > 2 and names[0] in _NUMBER_COLUMNS and names[1] == "phase"


_NUMBER_COLUMNS = ("#", "no", "no.", "nr", "nr.", "n°")
_ROW_NUMBER = LazyPattern(r"[0-9]{1,4}(?:\.[0-9]{1,3})?")


def with_overview_phases(items: list[Item], lines: Sequence[str]) -> list[Item]:
    """``items`` and the phases a roadmap lists only in its overview table (``| # | Phase
    | Goal | Requirements | Status |`` over ``| 1 | Foundation | ... | Complete |``), in a
    plan of phase headings that gives only its later phases a heading: each row an item,
    titled by its Phase cell, of the status its Status cell writes."""
    if not any(PHASE_ID.fullmatch(item.id) for item in items):
        return items
    known = {item.id for item in items}
    found: list[Item] = []
    status_column = -1  # the Status column of the overview table the line is in; -1 none
    section = None
    for at, line in enumerate(lines):
        text = line.strip()
        if text.startswith("#"):
            section = text.lstrip("#").strip()
        if not text.startswith("|"):
            status_column = -1
            continue
        cells = _cells(line)
        if status_column < 0:
            names = [cell.strip("* ").lower() for cell in cells]
            numbered = _numbered_header(names) and "status" in names
            status_column = names.index("status") if numbered else 0
            continue
        number, title = cells[0].strip("* "), cells[1].strip("* ") if len(cells) > 1 else ""
        if status_column < 2 or len(cells) <= status_column or not title:
            continue  # no overview table, or a row too short to hold a status
        phase = f"Phase {number}"
        if _ROW_NUMBER.fullmatch(number) is not None and phase not in known:
            known.add(phase)
            status = cells[status_column].strip("* ")
            found.append(_shipped_phase(phase, title, status, section, at))
    if not found:
        return items
    return sorted([*items, *found], key=lambda item: item.position.line)


def progress_rows(lines: Sequence[str]) -> list[tuple[str, str]]:
    """``(Phase N, status)`` for each row of a table whose first column is ``Phase`` and
    which has a ``Status`` column."""
    found: list[tuple[str, str]] = []
    for cells, status_column in _phase_table_rows(lines):
        if set("".join(cells)) <= set("-: "):
            continue
        phase = _ROW_PHASE.match(cells[0].strip("* "))
        status = cells[status_column].strip("* ") or _shifted_status(cells)
        if phase is not None and status and status not in ("-", "—"):
            # "Not started" says the phase is not done, not that it is free to start.
            ready = common_meaning(status) == "ready"
            found.append((f"Phase {phase[1]}", OPEN if ready else status))
    return found


# A status naming one part of the work done: ``Phase 1 Complete ✅``, ``Stage 2 done``.
_PART_DONE = LazyPattern(
    r"(?P<part>Phase|Stage|Part|Step|Milestone)[ \t]++(?P<number>[0-9]{1,3})"
    r"[ \t]*+(?:[:—–-][ \t]*+)?(?:complete|completed|done|shipped|finished)\b",
    re.IGNORECASE,
)
# A subheading of one of an item's parts: ``#### Phase 2: Spreadsheet Types``.
_PART_HEADING = LazyPattern(
    r"[ \t]{0,3}#{2,6}[ \t]+(?P<part>Phase|Stage|Part|Step|Milestone)[ \t]+"
    r"(?P<number>[0-9]{1,3})\b",
    re.IGNORECASE,
)


def with_parts_done(items: Sequence[Item], lines: Sequence[str]) -> Sequence[Item]:
    """``items``, one whose status names one of its parts done (``**Status:** Phase 1
    Complete ✅``) read in progress where its body has a later part of the same kind under
    a subheading (``#### Phase 2: Spreadsheet Types``): one of three phases done is work
    under way, as a person reads it. Where no later part follows, the status stands."""
    read = []
    for item in items:
        status = item.status
        said = _PART_DONE.match(status) if status is not None and status[:1].isalpha() else None
        if said is not None and _later_part(said, lines[item.position.line : item.end_line]):
            item = replace(item, status="in progress")
        read.append(item)
    return read


def _later_part(said: re.Match[str], body: Sequence[str]) -> bool:
    part, number = said["part"].casefold(), int(said["number"])
    for line in body:
        heading = _PART_HEADING.match(line) if line[:1] in " \t#" else None
        later = heading is not None and int(heading["number"]) > number
        if later and heading is not None and heading["part"].casefold() == part:
            return True
    return False


# A shipped milestone's phase written as a plain bullet in its ``<details>``: ``- Phase 1:
# Foundation (auth, orgs, users)``.
_PHASE_BULLET = LazyPattern(
    r"[-*+][ \t]+Phase[ \t]+(?P<number>[0-9]{1,4}(?:\.[0-9]{1,3})?):[ \t]+(?P<title>[^(\n]+)"
)
_ROW_RANGE = LazyPattern(r"(?P<first>[0-9]{1,4})[ \t]*[-–][ \t]*(?P<last>[0-9]{1,4})")
_SHIPPED = ("shipped", "complete", "completed", "done", "released")


def with_shipped_phases(items: list[Item], lines: Sequence[str]) -> list[Item]:
    """``items`` and the phases a shipped milestone lists as plain bullets in its
    ``<details>`` (``<summary>v1.0 MVP (Phases 1-5) - SHIPPED</summary>`` over ``- Phase
    1: Foundation (auth, orgs, users)``) in a plan of phase headings that has no heading for
    them: each an item, of the status its progress row's range gives (``| 1-5 | v1.0 | - |
    Complete |``), else the summary's word."""
    if not any(PHASE_ID.fullmatch(item.id) for item in items):
        return items
    known = {item.id for item in items}
    found: list[Item] = []
    shipped, section = "", None
    for number, line in enumerate(lines):
        text = line.strip()
        if text.startswith("#"):
            section = text.lstrip("#").strip()
        elif text.startswith("<summary>"):
            said = text.casefold()
            shipped = next((word for word in _SHIPPED if word in said), "")
        elif text.startswith("</details>"):
            shipped = ""
        elif shipped and (bullet := _PHASE_BULLET.match(text)) is not None:
            phase = f"Phase {bullet['number']}"
            if phase not in known:
                known.add(phase)
                found.append(_shipped_phase(phase, bullet["title"], shipped, section, number))
    if not found:
        return items
    ranges = _range_rows(lines)
    found = [_with_range_status(item, ranges) for item in found]
    return sorted([*items, *found], key=lambda item: item.position.line)


# A milestone's summary that says its phases wait for a later one: ``<summary>⏸️ v2.2 Ralph
# Visibility (Phases 17-19) -- DEFERRED to v2.3</summary>``; the words a person reads as set
# aside (the same meaning the reader gives them alone).
_HELD_SUMMARY = LazyPattern(r"\b(?P<word>deferred|paused|parked)\b", re.IGNORECASE)


def with_held_phases(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, each phase whose box is left open in the ``<details>`` of a milestone its
    summary says was set aside (``DEFERRED to v2.3``) given that word as its status: the
    open box says only that the phase is not done, the summary why."""
    held: dict[int, str] = {}
    said = ""
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if text.startswith("<summary>"):
            found = _HELD_SUMMARY.search(text)
            said = "" if found is None else found["word"].casefold()
        elif text.startswith("</details>"):
            said = ""
        elif said:
            held[number] = said[:1].upper() + said[1:]
    if not held:
        return tuple(items)
    return tuple(
        replace(item, status=held[item.position.line])
        if item.status == "[ ]"
        and item.position.line in held
        and PHASE_ID.fullmatch(item.id) is not None
        else item
        for item in items
    )


def _shipped_phase(phase: str, title: str, said: str, section: str | None, at: int) -> Item:
    here = Position(at + 1, 1)
    status = said[:1].upper() + said[1:]
    return Item(
        id=phase,
        title=title.strip(),
        section=section,
        position=here,
        end_line=at + 1,
        fields=(Field("Status", "status", status, here, here, at + 1),) if status else (),
        status=status or None,
        priority=None,
        dri=None,
        depends_on=(),
        external_deps=(),
        definition_of_done=(),
    )


def _with_range_status(item: Item, ranges: list[tuple[int, int, str]]) -> Item:
    number = float(item.id.split()[1])
    for first, last, status in ranges:
        if first <= number <= last:
            here = item.position
            field_ = Field("Status", "status", status, here, here, here.line)
            return replace(item, status=status, fields=(field_,))
    return item


def _range_rows(lines: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last, status)`` of each row of a progress table that names a range of
    phases in its first cell (``| 1-5 | v1.0 | - | Complete |``)."""
    found: list[tuple[int, int, str]] = []
    for cells, status_column in _phase_table_rows(lines):
        span = _ROW_RANGE.fullmatch(cells[0].strip("* "))
        if span is not None:
            status = cells[status_column].strip("* ")
            if status and status not in ("-", "—"):
                found.append((int(span["first"]), int(span["last"]), status))
    return found


# A brief's status line above the items: ``**Status:** ... Remaining: **#1** (in
# progress), #3``; each bold ID followed by a state in brackets.
_BRIEF_STATUS = LazyPattern(r"[ \t]*(?:\*\*Status:?\*\*:?|Status:)[ \t]")
_BRIEF_NAMED = LazyPattern(r"\*\*(?P<id>[^*\s]{1,30})\*\*[ \t]*\((?P<status>[^()\n]{1,30})\)")
# The states a brief may give an item its box leaves open: under way, or held up.
_BRIEF_STATES = frozenset({"in_progress", "blocked"})


def with_brief_status(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items``, one whose box is open given the state a brief's Status line above the
    items names it with (``**#1** (in progress)``): the box says only that it is not done."""
    if not items:
        return tuple(items)
    first = min(item.position.line for item in items)
    named: dict[str, str] = {}
    for line in lines[: first - 1]:
        if "Status" not in line or _BRIEF_STATUS.match(line) is None:
            continue
        for found in _BRIEF_NAMED.finditer(line):
            if common_meaning(found["status"]) in _BRIEF_STATES:
                named.setdefault(found["id"], found["status"].strip())
    if not named:
        return tuple(items)
    return tuple(
        replace(item, status=named[item.id])
        if item.id in named and item.status in (None, "[ ]")
        else item
        for item in items
    )


# A note above the items that says every one of them is finished: ``The milestones below
# are all complete``, ``All phases below are done``, ``All of the tasks below have shipped``.
_ALL_BELOW_DONE = LazyPattern(
    r"(?<![Nn]ot )\b(?:all[ \t]+(?:of[ \t]+)?)?(?:the[ \t]+)?"
    r"(?P<kind>milestones|phases|stages|steps|tasks|items|stories|epics|features)[ \t]+below"
    r"[ \t]+(?:are|have[ \t]+been|have)[ \t]+(?P<all>all[ \t]+)?"
    r"(?:complete|completed|done|finished|shipped)\b",
    re.IGNORECASE,
)


def with_all_below_done(items: Sequence[Item], lines: Sequence[str]) -> tuple[Item, ...]:
    """``items`` done where a note above the first of them says all the items below are
    complete (``> The milestones below are all complete``), each one that writes no
    status of its own: a historical plan kept as provenance, its work finished."""
    if not items:
        return tuple(items)
    first = min(item.position.line for item in items)
    said = None
    for line in lines[: first - 1]:
        if "below" not in line:
            continue
        found = _ALL_BELOW_DONE.search(line)
        if found is not None and (found["all"] or found[0].casefold().startswith("all")):
            said = found
    if said is None:
        return tuple(items)
    return tuple(
        item if item.status is not None else replace(item, status="complete") for item in items
    )


# A top-level box of any state, its words after it: ``- [x] Seed catalogue``.
_TOP_BOX = LazyPattern(r"[-*+][ \t]+\[[ xX]\][ \t]+(?P<text>\S.*)")
# A box that names a phase (``- [x] **Phase 1: Setup**``): a checklist of the phases.
_NAMES_PHASE = LazyPattern(r"[^\n]{0,8}Phase[ \t]+[0-9]", re.IGNORECASE)


def phases_among_topics(items: Sequence[Item], lines: Sequence[str]) -> bool:
    """Whether the heading items are only a few phase headings in a TODO of box lists
    under headings of other kinds (``### 테스트 인프라 구축``, ``### 2025-10-12: ...``,
    ``### 기술 스택``): the boxes outside every phase's section, under three headings or
    more and none naming a phase, are twice as many as those inside. The boxes are the
    list's items and the phases sections like the other headings; kept as items, the
    phases would leave every box unread (boxes without IDs beside heading items)."""
    if not items or any(PHASE_ID.fullmatch(item.id) is None for item in items):
        return False
    starts = {item.position.line - 1 for item in items}
    inside = outside = 0
    topics: set[int] = set()
    heading, phase = -1, 0  # the heading above, and the level of the phase it lies in
    for at, line in outside_fences(lines):
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            heading = at
            if at in starts:
                phase = level
            elif phase and level <= phase:
                phase = 0  # the phase's section ends at a heading of its level or above
            continue
        box = _TOP_BOX.match(line)
        if box is None:
            continue
        if phase:
            inside += 1
        elif _NAMES_PHASE.match(box["text"]) is not None:
            return False  # a checklist of the phases: the phases are the plan's items
        else:
            outside += 1
            topics.add(heading)
    return len(topics) >= 3 and outside >= 2 * max(inside, 1)
