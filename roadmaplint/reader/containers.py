"""Which heading items are only the section (the theme) of the boxes, rows or bullets
under them: a spec-kit phase over its ``- [ ] T001`` boxes, a milestone over boxes
numbered under its number, horizons over lists, an order of work set out after a plan
of boxes. Those headings are left out before the shapes read, so that their boxes read
as the items; a heading under which no box was read stays the item it reads as.

Run by the reader's entry (``reader/__init__.py``) before the shapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.model import Item
from roadmaplint.reader.dialect import DEPENDS_ON, PHASE_ID, STEP_ID, WORK_ID, Dialect
from roadmaplint.reader.phases import phases_among_topics
from roadmaplint.reader.subtasks import subtask_lines
from roadmaplint.record import replace
from roadmaplint.text import LazyPattern


def _without_box_containers(
    items: list[Item], lines: list[str], dialect: Dialect
) -> tuple[list[Item], list[Item]]:
    """The heading items, without those that are only the section of a list of boxes with
    IDs (spec-kit's ``## Phase 1: Setup`` over ``- [ ] T001 Title``): the boxes are the
    items there. A heading with a status of its own stays an item. Second, the headings
    left out so, whose boxes are to be read as the items.

    Headings of one kind read alike: where one phase heading is the theme of its boxes,
    a phase beside it over a single box is its box's theme too (``## Phase 2`` over
    ``- [ ] b``), not an item that, kept, would make the other phases' boxes read as no
    items at all (they carry no ID).

    A heading of nothing but its ID, no phase (``## M1`` over ``- [ ] Ship the
    importer``), is the theme of a single box too: kept, it would be an item with no
    title, the box's words, the only words of work there, lost."""
    struck: bool | None = None  # found on the first heading that may be a theme
    kept: list[Item] = []
    if _order_after_boxes(items, lines):
        return [], []  # the order the plan's boxes are to be done in: no items of its own
    if phases_among_topics(items, lines):
        return [], list(items)  # a TODO's box lists, a few under phase headings
    containers: list[Item] = _horizons_over_lists(items, lines)
    themes: dict[tuple[int, bool], int] = {}  # (level, a phase) -> themes of two boxes or more
    counted: list[tuple[Item, tuple[int, bool], int]] = []
    table_phases: set[int] = set()  # levels of phase headings over tables of rows with IDs
    for item in items:
        if _is_placeholder(item.title) or item in containers:
            continue
        if subtask_lines(item, lines):
            counted.append((item, (0, False), 0))  # a task over its own numbered steps
            continue
        if _phase_told_twice(item, lines):
            containers.append(item)
            continue
        if (item.status is None and _holds_boxed_items(item, lines, dialect)) or (
            not item.fields
            and (item.status is None or _closed_heading(item, lines))
            and _holds_table_items(item, lines, dialect)
        ):
            containers.append(item)
            if PHASE_ID.fullmatch(item.id):
                table_phases.add(_heading_level(item, lines))
            continue
        boxes = 0
        if (
            item.status is None
            or PHASE_ID.fullmatch(item.id)
            or _milestone_over_numbered_work(item, lines)
        ):  # else never a theme
            if struck is None:
                struck = any(
                    PHASE_ID.fullmatch(other.id) or _VERSION_ID.fullmatch(other.id)
                    for other in items
                ) and _strikes_finished(lines)
            boxes = _theme_boxes(item, lines, struck)
        # the kind matters only to a heading over a box: most are looked at no further
        kind = (
            (_heading_level(item, lines), PHASE_ID.fullmatch(item.id) is not None)
            if boxes
            else (0, False)
        )
        if boxes >= 2:
            themes[kind] = themes.get(kind, 0) + 1
        counted.append((item, kind, boxes))
    for item, kind, boxes in counted:
        if (
            boxes >= 2
            or (boxes == 1 and (kind in themes or _id_alone(item)))
            or _status_phase_among_themes(item, lines, themes, struck=bool(struck))
        ):
            containers.append(item)
        elif table_phases and _closed_phase_of_prose(item, lines, table_phases):
            continue  # a section of the board, with nothing under it to read as items
        else:
            kept.append(item)
    return kept, sorted(containers, key=lambda item: item.position.line)


def _id_alone(item: Item) -> bool:
    """Whether a heading item is its ID alone, no title (``## M1``), and no phase: a phase
    heading over its one box (``## Phase 1`` over ``- [ ] Reader``) is a phase of work,
    its box its step."""
    return not item.title.strip() and PHASE_ID.fullmatch(item.id) is None


# A box, ticked, open or marked, without an ID of its own checked here: ``- [~] Title``.
_ANY_BOX = LazyPattern(r" {0,3}[-*+][ \t]+\[[^\]\n]{1,3}\][ \t]+\S")


def _order_after_boxes(items: list[Item], lines: list[str]) -> bool:
    """Whether the heading items are only an order of work set out after a plan of boxes:
    three phase headings or more (``### Phase 1 — Polish the Core``), each with no status
    and no field and nothing under it but prose (``Academy → tutorial → card loop``), all
    below a list of five boxes or more. The boxes are the plan's items; the phases say in
    which order to take them up. Kept as items, they would leave every box unread (boxes
    without IDs beside heading items)."""
    if len(items) < 3 or any(not PHASE_ID.fullmatch(item.id) for item in items):
        return False
    for item in items:
        if item.status is not None or item.fields:
            return False
        body = lines[item.position.line : item.end_line]
        if any(line.lstrip().startswith("|") or _LIST_ENTRY.match(line) for line in body):
            return False
    first = min(item.position.line for item in items) - 1
    if sum(_ANY_BOX.match(line) is not None for line in lines[:first]) < 5:
        return False
    # a plan's title says so (``# Arcane Legends — Feature & Improvement Backlog``); a
    # setup guide's checklist before its phases of steps is no plan's work
    # imported here: a roadmap of headings alone never loads the box reader
    from roadmaplint.reader.shapes.checkbox import titles_work

    title = next((line[2:] for line in lines[:first] if line.startswith("# ")), "")
    return titles_work(title)


def _status_phase_among_themes(
    item: Item, lines: list[str], themes: dict[tuple[int, bool], int], *, struck: bool
) -> bool:
    """Whether a phase heading whose only field is its status (``## Phase 4: Lobby ✅
    COMPLETE`` over ``**Status**: ✅ **COMPLETE**``), over two boxes or more, stands among
    two phase headings or more of its level that are the themes of their boxes: headings
    of one kind read alike, so it is its boxes' theme too, its status said of its section.
    Kept as an item, it would leave the other phases' boxes (they carry no ID) unread."""
    if not item.fields or not PHASE_ID.fullmatch(item.id):
        return False
    if any(field.key != "status" for field in item.fields):
        return False  # a planning phase's Goal or Depends on: a phase of work, never a theme
    if themes.get((_heading_level(item, lines), True), 0) < 2:
        return False
    return _theme_boxes(replace(item, fields=()), lines, struck) >= 2


def _closed_phase_of_prose(item: Item, lines: list[str], levels: set[int]) -> bool:
    """Whether a phase heading that says its work closed, with no field and nothing under
    it but prose (``### Phase 1: Foundation — COMPLETE`` over ``All Phase 1 tasks
    completed.``), stands beside phases of its level whose tables of rows are the work: a
    section of the board like them, whose rows were listed elsewhere, no item of its own."""
    if item.fields or not PHASE_ID.fullmatch(item.id) or _heading_level(item, lines) not in levels:
        return False
    if not _closed_heading(item, lines):
        return False
    body = lines[item.position.line : item.end_line]
    return not any(
        line.lstrip().startswith("|") or _LIST_ENTRY.match(line) is not None for line in body
    )


_WORK_KEYS = ("status", "priority", "dri", DEPENDS_ON)
# The first line of a list entry: a bullet or a number (``1. **First release.** ...``).
_LIST_ENTRY = LazyPattern(r" {0,3}(?:[-*+]|[0-9]{1,3}[.)])[ \t]+\S")


def _horizons_over_lists(items: list[Item], lines: list[str]) -> list[Item]:
    """The heading items that are horizons of a roadmap (``### Phase 1 — Now (next 1–2
    weeks)`` ... ``### Phase 3 — Later``), two horizons or more, each with no status or
    field of its own and a list right under it: the list's entries are the work, the
    headings say when (a heading whose list reads as no items stays an item)."""
    # imported here: a roadmap of headings alone never loads the box reader
    from roadmaplint.reader.shapes.checkbox import horizon_word

    found: list[Item] = []
    words: set[str] = set()
    for item in items:
        # a list entry's bold label (``7. **User documentation**: a guide``) may read as a
        # field of the heading: only a field of the workflow is the heading's own
        own = any(field.key in _WORK_KEYS for field in item.fields)
        word = horizon_word(item.title) if item.status is None and not own else None
        if word is None or not _list_under(item, lines):
            continue
        found.append(item)
        words.add(word)
    return found if len(words) >= 2 else []


def _list_under(item: Item, lines: list[str]) -> bool:
    """Whether the first line with text under ``item``'s heading opens a list entry."""
    for line in lines[item.position.line : item.end_line]:
        if line.strip():
            return _LIST_ENTRY.match(line) is not None
    return False


def _containers_of_nothing(containers: list[Item], shaped: Sequence[Item]) -> list[Item]:
    """The headings left out as the sections of their boxes under which no box was read."""
    if not containers:
        return []
    from bisect import bisect_right

    lines = [item.position.line for item in shaped]
    return [
        item
        for item in containers
        if bisect_right(lines, item.end_line) == bisect_right(lines, item.position.line)
    ]


def _heading_level(item: Item, lines: list[str]) -> int:
    line = lines[item.position.line - 1].lstrip() if item.position.line <= len(lines) else ""
    return len(line) - len(line.lstrip("#"))


def _holds_boxed_items(item: Item, lines: list[str], dialect: Dialect) -> bool:
    # imported here: a roadmap whose items all have a status never loads the box reader
    from roadmaplint.reader.shapes.checkbox import holds_boxed_items

    return holds_boxed_items(lines, item.position.line, item.end_line, dialect.id_pattern)


def _holds_table_items(item: Item, lines: list[str], dialect: Dialect) -> bool:
    # imported here: a roadmap of headings alone never loads the table reader
    from roadmaplint.reader.shapes.table import holds_table_items

    return holds_table_items(lines, item.position.line, item.end_line, dialect)


def _closed_heading(item: Item, lines: list[str]) -> bool:
    """Whether the item's heading ends in a clause saying its work closed (``### Phase 4:
    User Experience — COMPLETE``): over a table of rows with IDs, the rows are the work
    and the heading their section, the rows done where they say no status of their own."""
    # imported here: a roadmap of headings alone never loads the table reader
    from roadmaplint.reader.shapes.table import closed_heading

    return closed_heading(lines[item.position.line - 1].lstrip("#").strip()) is not None


def _strikes_finished(lines: list[str]) -> bool:
    # imported here: a roadmap of headings alone never loads the box reader
    from roadmaplint.reader.shapes.checkbox import strikes_finished_bullets

    return strikes_finished_bullets(lines)


def _theme_boxes(item: Item, lines: list[str], struck: bool = False) -> int:
    """The top-level boxes below ``item`` where it may only name the theme of the boxes
    (``### Phase 2: Performance`` or ``### M2 — Data Model`` over ``- [ ] SIMD UTF-8
    validation``): no field of its own (a planning phase has its Goal and Depends on);
    else 0. With two boxes or more it is their theme and the boxes are the items, even
    where the heading marks the phase done (``## Phase 2 — Auth ✅``): the mark speaks
    for the boxes, it makes no item. A heading of another ID must say no status either.
    ``struck``: the document's bullets are its work, the finished ones struck through
    (``* ~~Define the goals~~``): a phase over them is their theme too."""
    # where the document strikes its finished bullets through, bullets that lead with a
    # bold label (``- **Analytics:** split by station``) are work among them, not a field
    # list; a field that says a status, priority, owner or dependency still is one
    labels_only = struck and not any(field.key in _WORK_FIELDS for field in item.fields)
    milestone = _milestone_over_numbered_work(item, lines)
    if (
        item.fields
        and not labels_only
        and not (
            _phase_over_bold_work(item, lines)
            or _phase_over_numbered_work(item, lines)
            or milestone
        )
    ):
        return 0
    if not (PHASE_ID.fullmatch(item.id) or item.status is None or milestone):
        return 0
    if (WORK_ID.fullmatch(item.id) and not milestone) or STEP_ID.fullmatch(item.id):
        # ``### Task 1.1: Title`` or ``### 1.1 Title`` over its steps' boxes: a task, never
        # a theme
        return 0
    if _OWN_PRIORITY.search(lines[item.position.line - 1]):
        return 0  # ``## MD-001 (P0) — Title``: a heading with its own priority is work
    if _TAGGED_ENTRY.match(lines[item.position.line - 1]):
        return 0  # ``## B2. [M0] Title``: a backlog's entry over its work list is work
    span = lines[item.position.line : item.end_line]
    if PHASE_ID.fullmatch(item.id) and any(_PHASE_PART.match(line) for line in span):
        return 0  # ``### Goal`` ... ``### Tasks``: a planning phase and its own tasks
    from roadmaplint.reader.shapes.checkbox import BOX, TOP_BULLET

    boxes = 0
    phase = PHASE_ID.fullmatch(item.id) is not None
    for line in span:
        match = BOX.match(line) or (TOP_BULLET.match(line) if struck else None)
        boxes += match is not None and match["lead"][:1] not in (" ", "\t")
        # ``## Phase 1 — Prepare the backend`` over ``1. **Install prerequisites**``: the
        # phase's numbered steps are its work
        boxes += phase and _BOLD_STEP.match(line) is not None
    return boxes


def _phase_over_bold_work(item: Item, lines: list[str]) -> bool:
    """Whether ``item`` is a phase of an implementation plan with no status anywhere (no
    phase checklist in the document) whose work is named boxes under its own
    subheadings (``### Phase 1: Indexing`` over ``#### Sprint 1 (Week 1)`` over ``- [ ]
    **Client Layer**`` and detail bullets): its Goal and criteria describe the phase,
    the boxes are the items, as a person reads them."""
    if item.status is not None or not PHASE_ID.fullmatch(item.id):
        return False
    span = lines[item.position.line : item.end_line]
    if not any(_SUBHEADING.match(line) for line in span):
        return False
    if any(_PHASE_BOX.match(line) for line in lines):
        return False  # a planning roadmap's phase checklist: the phases are its items
    return sum(1 for line in span if _BOLD_BOX.match(line)) >= 2


def _phase_over_numbered_work(item: Item, lines: list[str]) -> bool:
    """Whether ``item`` is a phase whose work is boxes numbered under its own number, two
    or more (``## Phase 1: Foundation ✅`` with its ``**Goal**:`` over ``- [x] 1.1 Project
    initialization``), in a document with no phase checklist: the numbers make the boxes
    the tasks, as Kiro's are, and the phase their theme; its Goal describes it."""
    if not PHASE_ID.fullmatch(item.id):
        return False
    return _numbered_under(item, lines)


def _phase_told_twice(item: Item, lines: list[str]) -> bool:
    """Whether ``item`` is a phase with no status that describes its tasks under numbered
    subheadings (``### Phase 1: 修复基础问题`` over ``#### 1.1 修复云环境配置`` with its
    ``- **文件**:`` bullets), where the document lists the same tasks again as boxes
    numbered under the phase's number (``- [ ] 1.1 修复云环境配置`` under a second ``###
    Phase 1``): the boxes are the plan's items, its work as it is ticked off; the phase
    heading over the descriptions is their theme, no item beside them."""
    if item.status is not None or not PHASE_ID.fullmatch(item.id):
        return False
    number = item.id.rpartition(" ")[2]
    span = lines[item.position.line : item.end_line]
    described = sum(
        1
        for line in span
        if (found := _NUMBERED_SUBHEADING.match(line)) is not None and found["phase"] == number
    )
    if described < 2:
        return False
    boxes = 0
    under: str | None = None  # the number of the phase heading the line stands under
    for at, line in enumerate(lines):
        if line.lstrip(" ").startswith("#"):
            heading = _PHASE_LINE.match(line)
            under = (
                heading["number"] if heading is not None and at != item.position.line - 1 else None
            )
        elif under == number and (found := _NUMBERED_BOX.match(line)) is not None:
            boxes += found["phase"] == number
    return boxes >= 2 and not any(_PHASE_BOX.match(line) for line in lines)


def _milestone_over_numbered_work(item: Item, lines: list[str]) -> bool:
    """Whether ``item`` is a milestone whose work is boxes numbered under its own number
    (``### Milestone 2: Auth.js Foundation (Priority: High)`` over ``- [X] 2.1: Install
    dependencies``): the boxes are the tasks and the milestone their theme, as a phase's
    numbered boxes are; a ``### Task 1: Title`` over its steps stays a task."""
    word, _, number = item.id.rpartition(" ")
    return word == "Milestone" and number.isdigit() and _numbered_under(item, lines)


def _numbered_under(item: Item, lines: list[str]) -> bool:
    """Whether two top-level boxes or more under ``item`` are numbered under its number
    (``1.1``, ``1.2`` under ``Phase 1``), in a document with no phase checklist."""
    number = item.id.rpartition(" ")[2]
    span = lines[item.position.line : item.end_line]
    numbered = 0
    for line in span:
        found = _NUMBERED_BOX.match(line)
        numbered += found is not None and found["phase"] == number
        if numbered >= 2:
            return not any(_PHASE_BOX.match(other) for other in lines)
    return False


# A top-level box numbered under a phase: ``- [x] 1.1 Project initialization``, its number
# closed with a colon too (``- [X] 2.1: Install dependencies``).
_NUMBERED_BOX = LazyPattern(r"[-*+][ \t]+\[[ xX]\][ \t]+(?P<phase>[0-9]{1,3})\.[0-9]{1,3}:?[ \t]")
# A phase's heading and its number: ``### Phase 1: 基础修复``.
_PHASE_LINE = LazyPattern(r"[ \t]{0,3}#{2,6}[ \t]+Phase[ \t]+(?P<number>[0-9]{1,3})(?![0-9.])")
# A task's subheading numbered under its phase: ``#### 1.1 修复云环境配置``.
_NUMBERED_SUBHEADING = LazyPattern(
    r"[ \t]{0,3}#{3,6}[ \t]+(?P<phase>[0-9]{1,3})\.[0-9]{1,3}[ \t]+\S"
)
# A subheading under a phase heading of level 3 or less (``#### Sprint 1 (Week 1)``).
_SUBHEADING = LazyPattern(r"[ \t]{0,3}#{3,6}[ \t]+\S")
# A phase's own box in a planning roadmap's checklist: ``- [x] **Phase 1: Name**``.
_PHASE_BOX = LazyPattern(r"[ \t]{0,3}[-*+][ \t]+\[[ xX]\][ \t]+(?:\*\*)?Phase[ \t]")
# A top-level box whose text is a bold name: ``- [ ] **Client Layer**``.
_BOLD_BOX = LazyPattern(r"[-*+][ \t]+\[[ xX]\][ \t]+\*\*[^*\n]{1,80}\*\*[ \t]*$")

# An item heading's own priority, in brackets between its ID and the separator.
_OWN_PRIORITY = LazyPattern(r"[A-Z0-9] \(P[0-4]\) [—–:-]")
# A backlog's entry numbered with a full stop and tagged: ``## B2. [M0] Title``.
_TAGGED_ENTRY = LazyPattern(
    r"[ \t]{0,3}#{1,6}[ \t]+\S{1,20}\.[ \t]+(?:~~)?\[[^\[\]\n]{1,16}\][ \t]"
)
# A numbered step with a bold title, at the margin: ``1. **Install prerequisites**``.
_BOLD_STEP = LazyPattern(r"[0-9]{1,4}\.[ \t]+\*\*[^*]")
# The fields that say how far work is: a bullet led by another bold label is work.
_WORK_FIELDS = frozenset(("status", "priority", "dri", "depends on"))
# A version heading's ID (``## V1.2 — Claim pool``, ``## v0.5 — Checklists``): over bullets
# struck through when finished, the version is their theme as a phase is.
_VERSION_ID = LazyPattern(r"[vV][0-9]{1,4}(?:\.[0-9]{1,4}){0,3}")


# A subheading of a planning phase that says what it is for (agent-layer's ``### Goal``,
# ``### Exit criteria``): the phase is the item, the boxes under its ``### Tasks`` its work.
_PHASE_PART = LazyPattern(r"[ \t]{0,3}#{2,6}[ \t]+(?:Goals?|Exit criteria|Success criteria)[ \t]*$")


# A template's title still to be filled in: ``### Phase 1: [Name]``, ``<title>``, ``{name}``,
# ``{{TASK_NAME}}``.
_PLACEHOLDER = LazyPattern(r"\[[^\]]*\]|<[^>]*>|\{\{[^{}]*\}\}|\{[^}]*\}|\.\.\.|…")


def _is_placeholder(title: str) -> bool:
    # by its first character first: most titles never compile the pattern
    return title.startswith(("[", "<", "{", ".", "…")) and _PLACEHOLDER.fullmatch(title) is not None
