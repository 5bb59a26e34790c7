"""Items as checkboxes: ``- [ ] ID Title``, ``- [x] T012 [P] Title`` (spec-kit).

The box is the status: ``[ ]`` (written as such: not done, no claim that the work
is free to start), ``[x]`` done, or the words a Status Legend gives them; the other markers
(``[-] [~] [/] [?] [!]``) where the document has a marker legend, whose
words then name the statuses, or as written where a few of them stand among the boxes.
Inline ``(depends on: A, B)``, ``blocked by A``, ``@owner``, ``(P1)`` or ``priority: P1``
are fields; nested boxes are the
Definition of Done; a priority-group heading above (``### P0 — Correctness``)
gives the priority. Items without an ID get a reference made from the title.

This module reads the boxes; a line's parts, an entry's item, plain bullets, horizon
lists and the rest are read in the modules beside it, each importing only those below
it (``docs/architecture.md`` names them). The names other modules import from here are
re-exported.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import islice

from roadmaplint.model import Block, Field, Item, Position, Roadmap
from roadmaplint.reader import shapes
from roadmaplint.reader.dialect import normalize_key, patterns
from roadmaplint.reader.generated import holds_tasks
from roadmaplint.reader.shapes import Document, ShapeRead, line_of
from roadmaplint.reader.shapes.bullets import _groups_of, _read_plain_list
from roadmaplint.reader.shapes.common import (
    Taken,
    make_item,
    reference_from_title,
    status_headings,
    status_of_sections,
)
from roadmaplint.reader.shapes.entries import (
    _AREA_LABEL,
    _LEAD_LABEL,
    _STRUCK_THROUGH,
    _item,
    _last,
    _under_heading,
)
from roadmaplint.reader.shapes.entries import TOP_BULLET as TOP_BULLET
from roadmaplint.reader.shapes.entries import blocked_tail as blocked_tail
from roadmaplint.reader.shapes.entries import strikes_finished_bullets as strikes_finished_bullets
from roadmaplint.reader.shapes.headed import _done_beside_boxes, _idea_boxes_beside_items
from roadmaplint.reader.shapes.horizons import titles_work as titles_work
from roadmaplint.reader.shapes.listline import (
    _DONE_MARK,
    _DOTTED,
    _OWNER_OPENING,
    _STABLE_ID,
    CHECKED_MARKS,
    CONVENTIONAL_MARKS,
    _is_phase,
    _number_of_box,
)
from roadmaplint.reader.shapes.listline import BOX as BOX
from roadmaplint.reader.shapes.listline import KIRO_IN_PROGRESS as KIRO_IN_PROGRESS
from roadmaplint.reader.shapes.listline import OPEN_BOX as OPEN_BOX
from roadmaplint.reader.shapes.listline import OWNER_NOTE as OWNER_NOTE
from roadmaplint.reader.shapes.listline import STATUS_OF_BOX as STATUS_OF_BOX
from roadmaplint.reader.shapes.listline import holds_boxed_items as holds_boxed_items
from roadmaplint.reader.shapes.listline import leading_ids as leading_ids
from roadmaplint.reader.shapes.listline import marker_legend as marker_legend
from roadmaplint.reader.shapes.listline import parse_line as parse_line
from roadmaplint.reader.shapes.listline import phase_box as phase_box
from roadmaplint.reader.shapes.listline import work_box as work_box
from roadmaplint.reader.shapes.listline import written_alike as written_alike
from roadmaplint.reader.shapes.marked import (
    console_todos,
    marked_list,
    read_console_todos,
    read_marked,
)
from roadmaplint.reader.shapes.numbered import (
    read_bold_numbered,
    read_bold_tasks_beside_boxes,
    read_numbered,
)
from roadmaplint.reader.shapes.paragraphs import read_paragraph_item
from roadmaplint.reader.shapes.reported import read_reported, read_reported_fixes
from roadmaplint.reader.shapes.signs import _board_headings, _signs_off
from roadmaplint.reader.shapes.signs import horizon_word as horizon_word
from roadmaplint.reader.shapes.templates import _placeholder
from roadmaplint.reader.shapes.templates import template_box as template_box
from roadmaplint.reader.shapes.todotxt import todo_txt
from roadmaplint.reader.shapes.todotxt import todo_txt_lines as todo_txt_lines
from roadmaplint.reader.shapes.versions import empty_versions_beside, release_paragraphs
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern


def _phases_repeat(texts: list[str]) -> bool:
    """Whether boxes next to each other lead with the same phase, each phase in one run
    (``- [~] Phase 2: audit Foo.tsx``, ``- [~] Phase 2: audit Bar.tsx``, then Phase 3's):
    the phase is what each box's work is part of, not the box's ID. A phase checklist
    names each phase once; one whose phases come again after others (1, 2, 3, 1, 2) was
    pasted twice, and its phases stay IDs."""
    named = [phase[0] for text in texts if (phase := phase_box(text)) is not None]
    runs = [phase for at, phase in enumerate(named) if at == 0 or named[at - 1] != phase]
    return len(runs) < len(named) and len(set(runs)) == len(runs)


def _steps_elsewhere(texts: list[str], document: Document) -> bool:
    """Whether a box leads with a phase that leads boxes next to each other elsewhere in
    the document (``- [~] Phase 2: audit Kalkulator.tsx`` alone under its file's findings,
    after a run of ``Phase 2: audit ...`` boxes): a step of that phase too, not the phase."""
    named = {phase[0] for text in texts if (phase := phase_box(text)) is not None}
    if not named:
        return False
    lines = document.lines
    return bool(named & document.memo("step_phases", lambda: _phases_in_runs(lines)))


def _phases_in_runs(lines: list[str]) -> frozenset[str]:
    """The phases that lead two top-level boxes in a row anywhere in the document."""
    named: list[str | None] = []
    for line in lines:
        box = BOX.match(line)
        if box is None or line[:1] in (" ", "\t"):
            continue
        phase = phase_box(line[box.end() :])
        named.append(phase[0] if phase is not None else None)
    return frozenset(
        phase for at, phase in enumerate(named) if phase and at and named[at - 1] == phase
    )


def read_checkboxes(document: Document) -> ShapeRead:
    if not document.with_ids_only:
        marked = marked_list(document.lines)
        if marked is not None:
            return read_marked(document, marked)  # its lines are the list, every one
        todos = console_todos(document.lines)
        if todos is not None:
            return read_console_todos(document, todos)  # the agent's plan, every line
    items: list[Item] = []
    blocks: dict[int, tuple[Block, ...]] = {}
    legend = marker_legend(document.lines)
    statuses = {**legend, **CHECKED_MARKS, **STATUS_OF_BOX, **dict(document.box_words)}
    taken: set[str] = Taken()
    tokens = document.tokens
    board: bool | None = None  # a Now / Next / Later board: found once, when first needed
    # Whether two headings name statuses: counted once, not for each plain list (a list
    # per heading made reading quadratic: 225 kB took 26 s).
    headed = cache(lambda: status_headings(document) >= 2 or _done_beside_boxes(document))
    restarted = cache(lambda: _numbering_restarts(document))
    lists: list[int] = []  # the first line (0-based) of each list read as items
    for index in document.top_level():
        token = tokens[index]
        if token.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        if token.map is None or document.is_taken(token.map[0] + 1):
            continue
        if _in_overview(document, token.map[0] + 1) or document.in_example(token.map[0] + 1):
            continue
        if document.in_definition_of_done(token.map[0] + 1) or _signs_off(document, token.map[0]):
            continue
        if board is None:
            board = _board_headings(document) >= 2
        read, cut = _read_list(document, index, statuses, taken, board, headed, restarted)
        read = [item for item in read if not _placeholder(document.lines, item)]
        if read:
            items += read
            blocks[token.map[0] + 1] = cut
            lists.append(token.map[0])
    if lists and not document.with_ids_only:
        # ``## 0.3 (graphql package)`` with nothing under it, among versions over bullets
        items += empty_versions_beside(document, lists, items, taken)
    if not document.with_ids_only:
        # ``### ✅ Issue #1: Hardcoded URLs``: the fixes a status report ticks
        items += read_reported_fixes(document, taken)
        # ``v0.20.0 🟡 Visual Agent Builder``: releases listed as paragraphs
        releases, paragraphs = release_paragraphs(document, taken)
        items += releases
        blocks.update(paragraphs)
        items.sort(key=lambda item: item.position.line)
    if items and not document.with_ids_only:
        for index in document.top_level():
            token = tokens[index]
            if token.type == "paragraph_open" and token.map is not None:
                read, cut = _read_marked_lines(document, token.map[0], token.map[1], taken)
                if not read:  # ``Done:`` over ``~~level setup~~`` lines
                    read, cut = _read_struck_lines(document, token.map[0], token.map[1], taken)
                if read:
                    items += read
                    blocks[token.map[0] + 1] = cut
    return ShapeRead(_with_stable_references(items, document.lines), blocks)


def _with_stable_references(items: list[Item], lines: list[str]) -> tuple[Item, ...]:
    """The items with a dependency that names another box's stable ID read as a reference
    to that box's item (``Blocked-by: dlv5hgs (Title)`` on a box numbered 2 names box 1,
    whose line ends ``<!-- id:dlv5hgs -->``), not as something external."""
    if not any(item.external_deps for item in items):
        return tuple(items)
    stable: dict[str, str] = {}
    for item in items:
        found = _STABLE_ID.search(lines[item.position.line - 1])
        if found is not None:
            stable.setdefault(found["id"], item.id)
    if not stable:
        return tuple(items)
    return tuple(_stable_references(item, stable) for item in items)


def _stable_references(item: Item, stable: dict[str, str]) -> Item:
    named = [entry for entry in item.external_deps if entry.split(None, 1)[0] in stable]
    if not named:
        return item
    references = (*item.depends_on, *(stable[entry.split(None, 1)[0]] for entry in named))
    externals = tuple(entry for entry in item.external_deps if entry not in named)
    return replace(item, depends_on=references, external_deps=externals)


def _read_marked_lines(
    document: Document, first: int, end: int, taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A paragraph of lines that each lead with a done mark, right under a heading that
    says done (``## COMPLETED (This Session)`` over ``✅ Shutdown hook fix``), in a
    document of boxes: a log of finished work written without bullets, one done item a
    line. Anything else is prose."""
    lines = document.lines
    if end - first < 2 or not lines[first].startswith("✅"):
        return [], ()  # the mark first: most paragraphs are turned away on one character
    if document.is_taken(first + 1) or not _under_heading(lines, first):
        return [], ()
    marks = [_DONE_MARK.match(lines[at]) for at in range(first, end)]
    if not all(marks) or document.in_example(first + 1):
        return [], ()
    named = status_of_sections(document.status_sections_above(first + 1))
    if common_meaning(named) != "done":
        return [], ()
    found = []
    for at, mark in zip(range(first, end), marks, strict=True):
        assert mark is not None
        part = parse_line(lines[at][mark.end() :].rstrip("\r\n"), document, False)
        here = Position(at + 1, 1)
        fields = [Field("Status", "status", mark["mark"], here, here, at + 1)]
        item_id = part.item_id or reference_from_title(part.title, taken)
        section = document.section_above(at + 1)
        titled = not part.item_id
        found.append(
            make_item(
                item_id, part.title, section, here, at + 1, fields, document.dialect, (), titled
            )
        )
    return found, tuple(Block("paragraph", at + 1, at + 1) for at in range(first, end))


def _read_struck_lines(
    document: Document, first: int, end: int, taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A paragraph led by a label that says done (``Done:``) whose every other line is
    struck through (``~~level setup~~``), beside work the plan lists: its finished work
    written without bullets, one done item a line. Anything else is prose."""
    lines = document.lines
    label = lines[first].strip()
    if end - first < 3 or not label.endswith(":") or _LEAD_LABEL.fullmatch(label) is None:
        return [], ()
    if common_meaning(label[:-1]) != "done" or document.is_taken(first + 1):
        return [], ()
    rows = range(first + 1, end)
    if not all(_STRUCK_THROUGH.fullmatch(lines[at].rstrip("\r\n")) for at in rows):
        return [], ()
    found = []
    for at in rows:
        title = lines[at].strip().strip("~").strip()
        here = Position(at + 1, 1)
        fields = [Field("Status", "status", label[:-1], here, here, at + 1)]
        item_id = reference_from_title(title, taken)
        section = document.section_above(at + 1)
        found.append(
            make_item(item_id, title, section, here, at + 1, fields, document.dialect, (), True)
        )
    return found, tuple(Block("paragraph", at + 1, at + 1) for at in range(first, end))


def _in_overview(document: Document, line: int) -> bool:
    """Whether ``line`` stands in the Priority Overview (under its heading, or under a
    priority group inside it): a plan of boxes that writes its overview as boxes lists
    its items there, it holds none (each ID read twice gave RL102 on every item). A
    section so named whose boxes are tasks without IDs is a task list (``holds_tasks``)."""
    overview = normalize_key(document.dialect.overview_heading)
    named = document.memo(
        "overview_named",
        lambda: any(normalize_key(text) == overview for text in document.heading_texts()),
    )
    if not named:
        return False  # asked for every list: a plan without an overview answers at once
    section = document.section_above(line)
    top = document.level_one_above(line)
    if section is not None and normalize_key(section) == overview:
        first, end = line - 1, len(document.lines) + 1
    elif top is not None and normalize_key(top[0]) == overview:
        first, end = top[1], top[2]
    else:
        return False
    return not holds_tasks(islice(document.lines, first, end - 1), document.dialect)


def _read_list(
    document: Document,
    index: int,
    statuses: dict[str, str],
    taken: set[str],
    board: bool,
    headed: Callable[[], bool],
    restarted: Callable[[], bool],
) -> tuple[list[Item], tuple[Block, ...]]:
    tokens, lines = document.tokens, document.lines
    id_only = patterns(document.dialect.id_pattern).id_only
    entries: list[tuple[int, int]] = []  # (first line, last line), 0-based, of top-level items
    nested: list[tuple[int, int]] = []  # the same of the entries of lists nested in them
    # By index: no copy of the rest for each list, and no islice, which steps over every
    # token before the list again for each one (a box under each of 16,000 headings: 22 s).
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.level == 0:
            break
        if token.type == "list_item_open" and token.level == 1 and token.map:
            entries.append((token.map[0], token.map[1] - 1))
        elif token.type == "list_item_open" and token.level == 3 and token.map:
            nested.append((token.map[0], token.map[1] - 1))
    found: list[Item] = []
    if not any(BOX.match(lines[first]) for first, _ in entries):
        numbered = read_numbered(document, entries, taken)  # ``12) + Title``
        if not numbered[0]:  # ``B01 — Title`` over ``- Owner: Impl``
            numbered = read_paragraph_item(document, index, entries)
        if not numbered[0]:  # ``5. **Title**`` over ``- Dependencies: Tasks 1-4``
            numbered = read_bold_numbered(document, entries)
        if not numbered[0]:  # ``1. **项目初始化**`` over its steps, beside the plan's boxes
            numbered = read_bold_tasks_beside_boxes(document, entries, taken)
        if numbered[0]:
            return numbered
        if nested and _groups_of(document, entries, nested):
            # ``- Auth`` over ``  - [FEAT-1] Login page``: the groups name areas, the
            # bullets under them are the work, read as a list of their own would be
            grouped = _read_plain_list(document, nested, taken, headed, grouped=True)
            if grouped[0]:
                return grouped
        plain = _read_plain_list(document, entries, taken, headed)
        if plain[0] or document.with_ids_only:
            return plain
        # ``## Implemented in code`` over plain bullets, in a status report: its work
        return read_reported(document, entries, taken)
    # an empty bullet (``- `` left at a list's end, nothing written after it) is no plain
    # item beside the boxes: nothing, so no item and no note
    entries = [
        (first, last)
        for first, last in entries
        if last > first or _EMPTY_BULLET.fullmatch(lines[first].rstrip("\r\n")) is None
    ]
    notes = [(first, last) for first, last in entries if not BOX.match(lines[first])]
    if notes and not _labelled_notes(lines, entries, notes):
        return [], ()  # a list of items is a list of boxes, every one
    if document.with_ids_only and not notes:
        ideas = _idea_boxes_beside_items(document, entries, taken)
        if ideas[0]:
            return ideas
    entries = [entry for entry in entries if entry not in notes]
    texts = [lines[first][BOX.match(lines[first]).end() :] for first, _ in entries]  # type: ignore[union-attr]
    if _status_selector(texts):
        return [], ()  # ``- [ ] Not Started`` / ``- [x] Completed``: where a story stands
    if all(_PLAN_FILE.match(text) for text in texts):
        # ``- [ ] v1.1-01-PLAN.md — Title``: a planning tool's plans of one phase, the
        # record of the phase's work, not items of the plan
        return [], ()
    ids = leading_ids(texts, document)
    phases = not _phases_repeat(texts) and not _steps_elsewhere(texts, document)
    # every box opens with an area in brackets (``- [ ] (Product and UX) Title``, a
    # generated board's section of the TODO each box came from): the area, not the title
    areas = (
        len(texts) >= 2
        and all(_AREA_LABEL.match(text.lstrip()) for text in texts)
        and not todo_txt(document)  # todo.txt's ``(A)`` is a priority, no area
        # ``(Owner: QA | Due: date)`` names who does the work, no area
        and not any(_OWNER_OPENING.match(text.lstrip()) for text in texts)
    )
    tasks = all(_number_of_box(lines[first]) is not None for first, _ in entries)
    steps = ids and tasks and restarted()
    if steps:
        ids = False  # a README's checklists, each numbered from 1: steps, not task IDs
    spans = [
        span for first, last in entries for span in _with_subtasks(lines, first, last, nested, ids)
    ]
    # every item's box, a Kiro sub-task's too (an unknown mark there was a KeyError)
    unexplained = [
        mark
        for first, _ in spans
        if (mark := BOX.match(lines[first])["mark"]) not in statuses  # type: ignore[index]
    ]
    if "-" in unexplained and ids and tasks:
        # Kiro marks the task it is working on ``- [-] 2.`` (and its sub-task): in progress,
        # whatever the other boxes hold (a mark's meaning never hangs on another box)
        statuses = {**statuses, "-": KIRO_IN_PROGRESS}
        unexplained = [mark for mark in unexplained if mark != "-"]
    if unexplained:
        # A few boxes (a third at most, of three or more) with a marker task-list tools
        # agree on (`[?]`, `[/]`, `[-]`, `[>]`, `[~]`, `[!]`) and no legend: those boxes have the
        # marker as their status. More, or another marker, and the list is no list of
        # items (RL109 names the marker).
        # An emoji in a box (``[:sparkles:]``) is such a marker: a mark its writer chose
        # for one box, kept as written.
        few = len(spans) >= 3 and len(unexplained) * 3 <= len(spans)
        if not few or not all(_conventional(mark) for mark in unexplained):
            return [], ()
        statuses = {**statuses, **{mark: f"[{mark}]" for mark in unexplained}}
    for first, last in spans:
        while last > first and not lines[last].strip():
            last -= 1
        item = _item(document, first, last, statuses, taken, board, ids, steps, phases, areas)
        if document.with_ids_only and not (id_only.fullmatch(item.id) or _is_phase(item.id)):
            return [], ()
        found.append(item)
    kinds = [("list", span) for span in spans] + [("paragraph", span) for span in notes]
    cut = tuple(
        Block(kind, first + 1, _last(lines, first, last) + 1)
        for kind, (first, last) in sorted(kinds, key=lambda kind: kind[1])
    )
    return found, cut


def _status_selector(texts: list[str]) -> bool:
    """Whether a list's boxes each name a state and nothing else (``- [ ] Not Started``,
    ``- [ ] In Progress``, ``- [x] Completed``): a form's choice of where the work
    stands, one box ticked, no work items. Two different states at least."""
    meanings = {common_meaning(text.strip().strip("*_").strip()) for text in texts}
    return len(texts) >= 2 and None not in meanings and len(meanings) >= 2


# A plan file of a planning tool, first in a box: ``01-02-PLAN.md``, ``v1.1-03-PLAN.md``.
_PLAN_FILE = LazyPattern(r"`?[\w.-]{1,40}-PLAN\.md\b")


def _conventional(mark: str) -> bool:
    """Whether a box's mark is one a list may hold a few of without a legend: a marker
    task-list tools agree on, or an emoji (``[:sparkles:]``, ``[🚀]``)."""
    return mark in CONVENTIONAL_MARKS or mark.startswith(":") or not mark.isascii()


# A list item with nothing written after its marker: ``- `` alone.
_EMPTY_BULLET = LazyPattern(r"[ \t]*[-*+][ \t]*")
# A bullet that labels a note on the boxes above it: ``- **Rationale**: why``.
# ``- **Rationale**: ...``, or a plain label of one word (``- Verify: psql -c ...``, the
# check a gate's boxes close with).
_LABELLED_NOTE = LazyPattern(
    r"[ \t]*[-*+][ \t]+(?:\*\*[^*]{1,40}?(?::\*\*|\*\*:)|[A-Z][a-z]{1,20}:)[ \t]"
)


def _labelled_notes(
    lines: list[str], entries: list[tuple[int, int]], notes: list[tuple[int, int]]
) -> bool:
    """Whether the entries of a list that are no boxes are labelled notes after two or more
    boxes (``- [ ] Add swipe gestures`` ... ``- **Rationale**: mobile matters``): the boxes
    are the items, the notes speak of them. Any other plain bullet makes it no box list."""
    boxes = len(entries) - len(notes)
    if boxes < 2 or notes[0][0] < next(first for first, _ in entries if BOX.match(lines[first])):
        return False
    return all(_LABELLED_NOTE.match(lines[first]) is not None for first, _ in notes)


def _with_subtasks(
    lines: list[str], first: int, last: int, nested: list[tuple[int, int]], ids: bool
) -> list[tuple[int, int]]:
    """The items a top-level box holds: itself and, when it is a numbered task (Kiro's
    ``- [ ] 3. Create storage``), the nested boxes that carry a number of their own
    (``  - [ ] 3.1 Implement the connection``): sub-tasks, each an item, the parent's
    span ending before the first. Other nested boxes are its Definition of Done."""
    if not ids or _number_of_box(lines[first]) is None:
        return [(first, last)]
    subtasks = [
        (start, end)
        for start, end in nested
        if first < start <= last and _DOTTED.fullmatch(_number_of_box(lines[start]) or "")
    ]
    if not subtasks:
        return [(first, last)]
    return [(first, subtasks[0][0] - 1), *subtasks]


def _numbering_restarts(document: Document) -> bool:
    """Whether two boxes of top-level lists are numbered 1 (``- [ ] 1. Install``, then
    further down ``- [ ] 1. Bump the version``): lists numbered each from 1 count steps,
    where a plan's tasks (Kiro's) are numbered once through the document. Only list
    items count: an example in a code block is none."""
    lines = document.lines
    ones = 0
    for token in document.tokens:
        top = token.type == "list_item_open" and token.level == 1 and token.map
        if top and _number_of_box(lines[token.map[0]]) == "1":  # type: ignore[index]
            ones += 1
            if ones == 2:
                return True
    return False


class Checkboxes:
    """The checkboxes shape (see the module docstring)."""

    name = shapes.CHECKBOXES

    def read(self, document: Document) -> ShapeRead:
        return read_checkboxes(document)

    def owns(self, roadmap: Roadmap, item: Item) -> bool:
        return BOX.match(line_of(roadmap.source, item.position.line)) is not None


CHECKBOXES = Checkboxes()
