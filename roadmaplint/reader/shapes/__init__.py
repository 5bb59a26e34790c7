"""Shapes of plan: how items are written in a document, one unit each.

A shape detects whether a document holds its items and reads them into the same
records (``model.Item``) every other shape gives. Its write half (``set``, ``new``,
``rename`` through the one write gate) lives in ``edit/`` under the shape's name
(``edit/table.py``, ``edit/checkbox.py``, ``edit/taskfiles.py``), so the reader
never imports the writer: ``edit/shapes.py`` finds the writer of a shape's item.
Headings (``### ID — Title`` with field lists) are the reader's own and the
default; the shapes here read what lies outside heading items: a table of items,
a checkbox list of items, a folder of task files.

The contract is the ``Shape`` protocol; the registry is ``shapes()``, over the
explicit tuple ``_ORDER``. Rules, queries, the board, diff and the servers see only records and
never know which shape they came from.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from roadmaplint.errors import RoadmapError
from roadmaplint.record import field, record
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Protocol, TypeVar

    from markdown_it.token import Token

    from roadmaplint.model import Block, Item, Roadmap
    from roadmaplint.reader.blocks import HeadingBlock
    from roadmaplint.reader.dialect import Dialect
    from roadmaplint.reader.inline import InlineText

    _T = TypeVar("_T")

HEADINGS = "headings"
PHASES = "phases"  # heading items whose ID is "Phase N": the headings shape, named apart
TABLE_ROWS = "table-rows"
CHECKBOXES = "checkboxes"
# What each shape's items look like, as `check --explain` and `init` say it.
DESCRIPTIONS = {
    HEADINGS: 'items are headings with an ID ("## ID — Title") and their field lists',
    PHASES: 'items are planning phases ("### Phase N: Name"), read as headings',
    TABLE_ROWS: "items are the rows of tables with an ID or title column and field columns",
    CHECKBOXES: 'items are checkbox list items ("- [ ] ID Title")',
}
# A folder of task files (Backlog.md's backlog/): the folders its tasks with IDs are in,
# named here for the name-only test below, which a plain check can afford (the reader of
# those folders, `taskfiles`, is imported only when one is read)
TASKS = "tasks"
ARCHIVE = "archive/tasks"
FOLDERS_WITH_IDS = (TASKS, "completed", "drafts", ARCHIVE)
_FOLDER_NAMES = frozenset(sub.rpartition("/")[2] for sub in FOLDERS_WITH_IDS)


def in_folder_with_ids(path: str | Path) -> bool:
    """Whether ``path`` (spelt as pathlib spells it) is a markdown file in a folder named
    as a task folder's folders of tasks are, by name alone; ``taskfiles.task_root``
    decides whether it is one."""
    folder, name = os.path.split(os.fspath(path))
    # pathlib's suffix: a name that is only ".md" has none
    return name.endswith(".md") and name != ".md" and os.path.basename(folder) in _FOLDER_NAMES


class _HeadingIndex:
    """The headings' lines, each heading's parent (the nearest above of a lower level),
    and whether the document has several level-1 headings."""

    __slots__ = ("lines", "parents", "several_titles", "tops")

    def __init__(self, headings: list[HeadingBlock]) -> None:
        parents: list[int] = []
        open_levels: list[int] = []  # indexes of the headings still open, levels rising
        for at, heading in enumerate(headings):
            while open_levels and headings[open_levels[-1]].level >= heading.level:
                open_levels.pop()
            parents.append(open_levels[-1] if open_levels else -1)
            open_levels.append(at)
        self.lines = [heading.line for heading in headings]
        self.tops = [heading.line for heading in headings if heading.level == 1]
        self.parents = parents
        self.several_titles = sum(1 for heading in headings if heading.level == 1) >= 2


@record(slots=False)  # holds its _HeadingIndex, built on first use
class Document:
    """What a shape reads: the document's tokens and lines, as the reader has them."""

    tokens: list[Token]
    lines: list[str]
    headings: list[HeadingBlock]  # the top-level headings, in order
    dialect: Dialect
    inline: InlineText
    taken: tuple[tuple[int, int], ...]  # line spans heading items already hold
    with_ids_only: bool  # heading items exist: read only items that carry an ID
    box_words: tuple[tuple[str, str], ...] = ()  # (box mark, the Status Legend's word)
    # The index of each token that opens a top-level block, in order (the block scan's
    # ``openers``); None: found from ``tokens`` when first asked.
    openers: list[int] | None = None
    # The plain text of each of ``headings`` as the outline read it; None: read when asked.
    texts: list[str] | None = None
    # The path the document was read from, as given (``BACKLOG.md``): a plan named by its
    # file alone says so there.
    path: str = ""

    def top_level(self) -> list[int]:
        """The indexes of the tokens that open a top-level block (or are one), in order:
        a shape that looks for top-level lists or paragraphs steps over these, not over
        every token inside every list."""
        if self.openers is not None:
            return self.openers
        tokens = self.tokens
        return self.memo(
            "openers",
            lambda: [
                at for at, token in enumerate(tokens) if token.level == 0 and token.nesting != -1
            ],
        )

    def heading_texts(self) -> list[str]:
        """The plain text of each of ``headings``, read once for the shapes' questions
        about every heading (is one the overview, a board's column, a status)."""
        if self.texts is not None:
            return self.texts
        inline, headings = self.inline, self.headings
        return self.memo("heading_texts", lambda: [inline(heading.source) for heading in headings])

    def is_taken(self, line: int) -> bool:
        """Whether a heading item holds ``line`` (``taken`` is sorted and disjoint)."""
        at = bisect_right(self.taken, (line, 1 << 62)) - 1
        return at >= 0 and self.taken[at][0] <= line <= self.taken[at][1]

    def _index(self) -> _HeadingIndex:
        """What is derived once from ``headings``: a shape asks it for each of its items,
        and a walk over every heading for each item made reading quadratic (8,000 boxes
        each under its own heading took 24 s)."""
        return self.memo("heading_index", lambda: _HeadingIndex(self.headings))

    def status_sections_above(self, line: int) -> list[str]:
        """The texts of the headings ``line`` stands under, nearest first (``## 2.0``, then
        the ``# TODO`` that holds it), that can name the status of what they hold: a
        heading below the title (level 2 or deeper), or any heading of a document with
        several level-1 headings (``# TODO`` ... ``# DONE``)."""
        index = self._index()
        found: list[str] = []
        at = bisect_left(index.lines, line) - 1
        while at >= 0:
            heading = self.headings[at]
            if heading.level > 1 or index.several_titles:
                found.append(self.inline(heading.source))
            at = index.parents[at]
        return found

    def memo(self, key: str, compute: Callable[[], _T]) -> _T:
        """What ``compute`` gives for this document, found once: a shape asks it for each
        of its lists, and finding it again for each made reading quadratic."""
        found: _T | None = self.__dict__.get(f"_memo_{key}")
        if found is None:
            found = compute()
            object.__setattr__(self, f"_memo_{key}", found)  # a cache, not a field
        return found

    def mark_legends(self) -> dict[str, dict[str, str]]:
        """The marks the document's legend tables define (``| 🟡 | Medium |`` under
        ``### Task Priority``), by what they mean; read once, on first use."""
        from roadmaplint.reader.legends import mark_legends

        return self.memo(
            "mark_legends", lambda: mark_legends(self.tokens, self.section_above, self.inline)
        )

    def level_one_above(self, line: int) -> tuple[str, int, int] | None:
        """The nearest level-1 heading above ``line``: its text, its line, and the line
        of the next level-1 heading (past the end: the document's last line + 1)."""
        index = self._index()
        at = bisect_left(index.lines, line) - 1
        while at >= 0 and self.headings[at].level != 1:
            at = index.parents[at]
        if at < 0:
            return None
        after = bisect_right(index.tops, index.lines[at])
        return (
            self.inline(self.headings[at].source),
            index.lines[at],
            index.tops[after] if after < len(index.tops) else len(self.lines) + 1,
        )

    def in_example(self, line: int) -> bool:
        """Whether ``line`` stands in a section that shows how to write the plan, not the
        plan: its heading is Example, or an example or a template of a part of the plan
        (``## Example Table Entry``, ``## Template Validation Checklist``)."""
        section = self.section_above(line)
        return section is not None and _EXAMPLE_SECTION.match(section) is not None

    def in_definition_of_done(self, line: int) -> bool:
        """Whether ``line`` stands under a heading that names the team's Definition of Done
        (or of Ready), or entry, exit or evaluation criteria: the conditions every item
        meets (``## Definition of Done`` over ``- [ ] PR reviewed``), checked for each
        story and never work of their own. So does a heading below one of those, below
        the title (``## Definition of Done Checklist`` over ``### Story Level``)."""
        section = self.section_above(line)
        if section is None:
            return False
        index = self._index()
        nearest = bisect_left(index.lines, line) - 1
        if self._criteria(nearest, section):
            return True
        at = index.parents[nearest]
        while at >= 0 and self.headings[at].level > 1:
            if self._criteria(at, self.inline(self.headings[at].source)):
                return True
            at = index.parents[at]
        # ``## Feature Readiness Checklist`` over ``### Testing Complete`` over its boxes: the
        # criteria grouped under subheadings of a checklist of what every feature meets
        # (boxes right under ``## Release checklist`` stay the steps of that release)
        above = self.status_sections_above(line)[1:]
        if not any(_READINESS_CHECKLIST.search(heading) for heading in above):
            return False
        # in a document that is the plan of one release (``# Release plan v2.0``) the
        # checklist's groups are that release's steps, no criteria of every release
        title = self.level_one_above(line)
        return title is None or _RELEASE_TITLE.search(title[0]) is None

    def _criteria(self, at: int, heading: str) -> bool:
        """Whether the heading at ``at`` (``heading``, its text) names conditions checked,
        no work: the team's criteria always; the standards a whole plan is accepted by
        (``## 受け入れ基準``, ``## 成功标准``) where they title the document (a checklist
        of them) or the plan writes boxes under other headings. A plan whose every box
        stands under them writes its work there, as ``## Acceptance criteria`` is read."""
        if _CRITERIA_SECTION.search(heading) is not None:
            return True
        if _PLAN_STANDARDS.search(heading) is None:
            return False
        return self.headings[at].level == 1 or self.memo(
            "boxes beside standards", self._boxes_beside
        )

    def _boxes_beside(self) -> bool:
        """Whether a box stands under a heading that names no plan's standards."""
        from roadmaplint.reader.shapes.checkbox import BOX

        index = self._index()
        for number, text in enumerate(self.lines, start=1):
            if BOX.match(text) is None:
                continue
            at = bisect_left(index.lines, number) - 1
            while at >= 0:
                if _PLAN_STANDARDS.search(self.inline(self.headings[at].source)) is not None:
                    break
                at = index.parents[at]
            else:
                return True
        return False

    def section_above(self, line: int) -> str | None:
        """The text of the nearest heading above ``line`` (the section of a row or box)."""
        at = bisect_left(self._index().lines, line) - 1
        return self.inline(self.headings[at].source) if at >= 0 else None

    def section_body(self, line: int) -> list[str]:
        """The lines under the nearest heading above ``line``, up to the next heading."""
        index = self._index()
        at = bisect_left(index.lines, line) - 1
        if at < 0:
            return []
        end = index.lines[at + 1] - 1 if at + 1 < len(index.lines) else len(self.lines)
        return self.lines[self.headings[at].end : end]


# ``## Example Table Entry``, ``## Example``, ``## Example: a row``, ``## Example (ACME)``,
# ``## Template Validation Checklist``, ``# Roadmap Checklist (Template)``: an example of a
# part of the plan, or a template named so in brackets. A topic of work on examples or
# templates (``### Examples``, ``### Example apps``, ``### Template system``) is none.
_EXAMPLE_SECTION = LazyPattern(
    r"[^\w]*(?:example(?:[ \t]*(?::|$|\()|[ \t]+(?:table|row|entry|entries|item|task|format"
    r"|usage|response|structure|layout|of)\b)"
    r"|template[ \t]+(?:validation|checklist|entry|format|usage)\b"
    r"|[^()\[\]\n]{1,80}[(\[]template[)\]][^\w]*$)",
    re.IGNORECASE,
)

# ``## Definition of Done``, ``## ✅ Definition of Done (Sprint 2)``, ``## MVP Definition of
# Ready``: what every item must meet, no list of work. So are a test plan's entry and exit
# criteria (``### Section 10: Entry & Exit Criteria``) and the criteria a choice is weighed
# by (``## Evaluation Criteria Checklist``): conditions checked, no work to do.
_CRITERIA_SECTION = LazyPattern(
    r"\bdefinition[ \t]+of[ \t]+(?:done|ready)\b"
    r"|\b(?:entry|exit|evaluation|release|readiness|go[ \t/-]*no[ \t-]*go)"
    r"(?:[ \t]*(?:&|and|/)[ \t]*(?:entry|exit))?[ \t]+criteria\b"
    r"|\bcrit[eè]res[ \t]+(?:d'|de[ \t]+)(?:entr[ée]e|sortie|[ée]valuation)",
    re.IGNORECASE,
)
# The standards a whole plan is accepted by, in Chinese and Japanese (``## 成功标准``,
# ``## 验收标准``, ``## 受入基準``) and in German, Portuguese and Spanish, and the gates
# every change of it passes (``## Quality Gates``); a phase of work named so is none.
_PLAN_STANDARDS = LazyPattern(
    r"^[^\w]*quality[ \t]+gates?\b"  # ``## Quality Gates (Must Pass Before PR)``
    r"|成功标准|验收标准|完成标准|验收条件|成功基準|受入基準|受け入れ基準"
    r"|\b(?:erfolgs|abnahme|akzeptanz)kriterien\b"
    r"|\bcrit[ée]rios?[ \t]+de[ \t]+(?:sucesso|aceita[çc][ãa]o|[ée]xito|aceptaci[óo]n)\b"
    # in Turkish (``## Kabul Kriterleri``, ``## Başarı Kriterleri``), and what the authors
    # call an excellent or a successful result (``## Definition of excellence``,
    # ``## Définition d'excellence``): the bar the work is measured against, no work
    r"|\b(?:kabul|ba[şs]ar[ıi])[ \t]+kriterleri\b"
    r"|\bd[ée]finition[ \t]+(?:of[ \t]+|d'|de[ \t]+l')(?:excellence|success|succ[èe]s)\b",
    re.IGNORECASE,
)


# ``## Feature Readiness Checklist``, ``## Release Checklist``: what every feature or every
# release is checked against before it ships, heading the criteria's groups.
_READINESS_CHECKLIST = LazyPattern(
    r"\b(?:readiness|release|pre-release|launch|definition[ \t]+of[ \t]+done)[ \t]+checklist\b",
    re.IGNORECASE,
)

# The title of a document that plans one release: ``# Release plan v2.0``, ``# Release
# 3.1``, ``# v2.0 release``, ``# Launch plan``.
_RELEASE_TITLE = LazyPattern(
    r"\b(?:release|launch)[ \t]++(?:plan\b|v?[0-9])"
    r"|\bv?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}[ \t]++release\b",
    re.IGNORECASE,
)


@record
class ShapeRead:
    """The items a shape read, and the blocks that stand for the lines they hold.

    ``blocks`` maps the first line of a top-level block to the finer blocks it is
    cut into (a table into its header and one block per row; a list into one block
    per item), so the write gate can tell one item's lines from its neighbours'.
    """

    items: tuple[Item, ...] = ()
    blocks: dict[int, tuple[Block, ...]] = field(default_factory=dict)


if TYPE_CHECKING:
    # a contract for mypy; a run never needs typing's Protocol (PERF-12)
    class Shape(Protocol):
        """One way of writing items in a plan file."""

        name: str  # as `shape = "..."` names it in the configuration

        def read(self, document: Document) -> ShapeRead:
            """The items of this shape in the document (none when it has none)."""
            ...

        def owns(self, roadmap: Roadmap, item: Item) -> bool:
            """Whether ``item`` of ``roadmap`` was read by this shape."""
            ...


_ORDER = (TABLE_ROWS, CHECKBOXES)  # the order shapes are tried in


def _shape(name: str) -> Shape:
    """The shape of this name, its module imported now: a check imports only the shapes
    its document may hold (see ``_may_hold_items``)."""
    if name == TABLE_ROWS:
        from roadmaplint.reader.shapes import table

        return table.TABLE_ROWS
    from roadmaplint.reader.shapes import checkbox

    return checkbox.CHECKBOXES


def shapes() -> tuple[Shape, ...]:
    """The registry, in the order shapes are tried."""
    return tuple(_shape(name) for name in _ORDER)


def names() -> tuple[str, ...]:
    return (HEADINGS, *(shape.name for shape in shapes()))


def check_name(name: str, where: str) -> str:
    """``name`` when it names a shape, else a one-line error naming the valid ones."""
    if name not in names():
        raise RoadmapError(f"{where}: unknown shape {name!r}; valid shapes: {', '.join(names())}")
    return name


_split: tuple[str, list[str]] = ("", [])  # the last source split into lines, and its lines


def line_of(source: str, number: int) -> str:
    """Line ``number`` (1-based) of ``source`` ('' past its end). The lines of the last
    source asked about are kept: asking which shape read each item of a 10,000-item
    roadmap splits it once, not once an item (every keystroke in the editor asks)."""
    global _split
    split = _split  # one read: another thread (the language server's) may replace it
    if split[0] is not source:
        split = _split = (source, source.splitlines())
    lines = split[1]
    return lines[number - 1] if 0 < number <= len(lines) else ""


def shape_of(roadmap: Roadmap, item: Item) -> Shape | None:
    """The shape that read ``item``; None for a heading item."""
    for shape in shapes():
        if shape.owns(roadmap, item):
            return shape
    return None


def item_shapes(roadmap: Roadmap) -> tuple[str, ...]:
    """The shape each item of ``roadmap`` was read from, in item order: a registered
    shape's name, ``headings``, or ``phases`` for a heading whose ID is ``Phase N``.

    Tells the shapes apart by the item's first line, as each shape's ``owns`` does,
    splitting the text once for all items."""
    from roadmaplint.reader.dialect import PHASE_ID
    from roadmaplint.reader.shapes.checkbox import BOX

    lines = roadmap.source.splitlines()
    found = []
    for item in roadmap.items:
        text = lines[item.position.line - 1] if item.position.line <= len(lines) else ""
        stripped = text.strip()
        if BOX.match(text) is not None:
            found.append("checkboxes")
        elif "|" in stripped and not stripped.startswith(("#", "-", "*", "+")):
            found.append("table-rows")
        else:
            found.append(PHASES if PHASE_ID.fullmatch(item.id) else HEADINGS)
    return tuple(found)


def read_shapes(document: Document, forced: str | None) -> ShapeRead:
    """The items every shape present in the document reads (only ``forced``'s when the
    configuration names one), in document order, and the blocks they cut."""
    items: list[Item] = []
    blocks: dict[int, tuple[Block, ...]] = {}
    for name in _ORDER:
        if forced not in (None, name) or not _may_hold_items(name, document):
            continue
        read = _shape(name).read(document)
        items += read.items
        blocks.update(read.blocks)
    items.sort(key=lambda item: item.position.line)
    return ShapeRead(tuple(items), blocks)


_BOX_LINE = LazyPattern(r"[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\[[^\]\n]{0,3}\]")
# A numbered section that describes a table's row: ``## 1. OSMO code migration — P0``,
# ``## 2 & 3. Isaac Lab 3.0+ upgrade``.
_ROW_SECTION = LazyPattern(
    r"(?P<number>[0-9]+(?:[ \t]*[&,/+][ \t]*[0-9]+)*)\.[ \t]+(?P<title>\S.*)"
)


def without_tracked_steps(document: Document, read: ShapeRead) -> ShapeRead:
    """``read`` without the boxes that are the steps of a tracker's rows: where two or more
    numbered sections after a table of items with statuses each describe the row of their
    number (``| 1 | OSMO code migration | P0 | 🟡 |`` and ``## 1. OSMO code migration —
    P0``), the table is the plan's list of work and every box after it a step of one of
    its rows (a release tracker's workstreams, its gates and its release checklist)."""
    lines = document.lines
    rows = [item for item in read.items if lines[item.position.line - 1].lstrip().startswith("|")]
    by_number = {item.id.casefold(): item for item in rows if item.status is not None}
    if len(by_number) < 2:
        return read
    described = [
        heading.line
        for heading, text in zip(document.headings, document.heading_texts(), strict=True)
        if heading.level > 1 and _describes_row(text, by_number)
    ]
    table_line = min(item.position.line for item in by_number.values())
    if len(described) < 2 or min(described) < table_line:
        return read
    kept = tuple(
        item
        for item in read.items
        if item.position.line < table_line or not _BOX_LINE.match(lines[item.position.line - 1])
    )
    return read if len(kept) == len(read.items) else ShapeRead(kept, read.blocks)


# The heading of a plan's summary of its own progress: ``## Progress Summary``.
_SUMMARY_HEADING = LazyPattern(r"(?i:(?:progress|status)[ \t]+summary)")


def without_summary_boxes(document: Document, read: ShapeRead) -> ShapeRead:
    """``read`` without the boxes under a ``## Progress Summary`` heading when the plan's
    items are rows with IDs (a kanban board's tables): the boxes restate the work the
    rows hold, phase by phase (``- [x] Go module initialized (T-004)``), no items."""
    from roadmaplint.reader.shapes.common import edge_stripped

    lines = document.lines
    if not any(
        lines[item.position.line - 1].lstrip().startswith("|") and not item.id.islower()
        for item in read.items
    ):
        return read
    kept = tuple(
        item
        for item in read.items
        if not (
            _BOX_LINE.match(lines[item.position.line - 1])
            and _SUMMARY_HEADING.fullmatch(
                edge_stripped(document.section_above(item.position.line) or "").strip()
            )
        )
    )
    return read if len(kept) == len(read.items) else ShapeRead(kept, read.blocks)


def without_questionnaires(document: Document, read: ShapeRead) -> ShapeRead:
    """``read`` without the boxes of a section whose every box asks a question, three or
    more (``- [ ] Content limited to the repo's purpose?``, ``- [ ] Tested for agent
    compatibility?``): a review's questions, each checked against a document, no work. A
    plan's box that asks one question among its work (``- [ ] Should we cache it?``)
    stays."""
    lines = document.lines
    asked: dict[str | None, list[bool]] = {}
    for item in read.items:
        if _BOX_LINE.match(lines[item.position.line - 1]):
            section = document.section_above(item.position.line)
            asked.setdefault(section, []).append(item.title.rstrip(" *_`").endswith("?"))
    questionnaires = {section for section, said in asked.items() if len(said) >= 3 and all(said)}
    if not questionnaires:
        return read
    kept = tuple(
        item
        for item in read.items
        if not (
            _BOX_LINE.match(lines[item.position.line - 1])
            and document.section_above(item.position.line) in questionnaires
        )
    )
    return ShapeRead(kept, read.blocks)


def _describes_row(text: str, by_number: dict[str, Item]) -> bool:
    found = _ROW_SECTION.fullmatch(text.strip())
    if found is None:
        return False
    row = by_number.get(" ".join(found["number"].split()).casefold())
    if row is None:
        return False
    words, title = found["title"].casefold().split(), row.title.casefold().split()
    return bool(words) and bool(title) and words[0] == title[0]


def _may_hold_items(name: str, document: Document) -> bool:
    """Whether the document has a block outside the heading items that the shape reads
    items from: a top-level list for checkboxes, a top-level paragraph with a ``|`` in
    it for table rows (a table is read from a paragraph's lines, and every table row
    holds a ``|``), a paragraph that opens a list of lines led by marks for checkboxes.
    Without one the shape would read nothing, so it is not imported:
    a commit hook's check of a headings roadmap pays for neither module."""
    lists = ("bullet_list_open", "ordered_list_open")
    lines, tokens = document.lines, document.tokens
    for at in document.top_level():
        token = tokens[at]
        if token.map is None or token.type not in (*lists, "paragraph_open"):
            continue
        start, end = token.map
        if document.is_taken(start + 1):
            continue
        if name == CHECKBOXES:
            # or a list of lines a mark opens (shapes/marked.py), the boxes' reader's too
            if token.type in lists or lines[start].startswith(_MARKED_LIST_LEADS):
                return True
        elif token.type == "paragraph_open" and any("|" in line for line in lines[start:end]):
            return True
    return False


# How a list of lines a mark opens begins: a done line, the legend of its marks, or an
# agent console's call (``⏺ Update Todos``) over its todo list.
_MARKED_LIST_LEADS = ("x ", "legend:", "Legend:", "LEGEND:", "key:", "Key:", "⏺ ")
