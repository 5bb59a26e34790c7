"""Markdown text -> Roadmap records: runs the reader's steps, nothing else.

blocks (markdown-it tokens, headings, the stray-list repair view) -> outline
(which headings are items, sections, legends, generated sections) -> fields,
legends and generated sections read part by part -> records. The dialect (ID
pattern, item level, field aliases, vocabularies) is one frozen record built
from the settings and handed to every step.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from roadmaplint.model import (
    Block,
    Comment,
    Field,
    GraphSection,
    Item,
    Legend,
    LinkReference,
    Overview,
    OverviewGroup,
    Position,
    Region,
    Roadmap,
    StrayList,
    Style,
)
from roadmaplint.reader.blocks import (
    MAX_REPAIRS,
    Blocks,
    HeadingBlock,
    find_stray_lists,
    find_unclosed,
    is_meeting_record,
    is_release_procedure,
    is_template,
    last_written_line,
    link_references,
    read_blocks,
    repaired,
    scan_blocks,
    with_uncovered_text,
)
from roadmaplint.reader.dialect import (
    DEFINITION_OF_DONE,
    DEPENDS_ON,
    PHASE_ID,
    PRIORITY_LEGEND,
    STATUS_LEGEND,
    STEP_ID,
    WORK_ID,
    Dialect,
    names_a_legend,
    normalize_key,
)
from roadmaplint.reader.fields import (
    ItemHeading,
    legend_priority,
    read_item,
    split_dependencies,
    with_group_priority,
    with_table_state,
)
from roadmaplint.reader.generated import (
    GraphDraft,
    OverviewDraft,
    read_graph,
    read_overview,
    with_group_priorities,
)
from roadmaplint.reader.inline import InlineText
from roadmaplint.reader.legends import (
    box_words,
    configured_legend,
    legend_mark_status,
    line_legend_entries,
    read_legend,
    read_status_table,
    read_vocabulary,
    with_legend_status,
)
from roadmaplint.reader.milestone_order import with_milestone_order
from roadmaplint.reader.misses import near_misses
from roadmaplint.reader.outline import (
    GRAPH,
    ITEM,
    LEGEND,
    OVERVIEW,
    PROSE,
    SECTION,
    Outline,
    Part,
    detect,
)
from roadmaplint.reader.part_tables import with_part_tables
from roadmaplint.reader.phase_tasks import with_numbered_phase_tasks
from roadmaplint.reader.phases import (
    phases_among_topics,
    with_all_below_done,
    with_brief_status,
    with_held_phases,
    with_overview_phases,
    with_own_phase_tasks,
    with_parts_done,
    with_phase_checklist,
    with_shipped_phases,
    with_task_boxes,
)
from roadmaplint.reader.reuse import Items, Neighbour, ReadItem, neighbour, reuse_tokens
from roadmaplint.reader.said_once import with_range_status
from roadmaplint.reader.shapes import (
    HEADINGS,
    Document,
    read_shapes,
    without_questionnaires,
    without_summary_boxes,
    without_tracked_steps,
)
from roadmaplint.reader.shapes.common import Taken, reference_from_title
from roadmaplint.reader.subtasks import spans, subtask_lines, with_task_fields
from roadmaplint.reader.waits import (
    with_dependency_chains,
    with_dependency_notes,
    with_dependency_tree,
    with_everything_before,
    with_fenced_waits,
    with_ids_among_words,
    with_named_needs,
    with_numbered_waits,
    with_numbers_named,
    with_order_by_name,
    with_parts_named,
    with_phases_named,
    with_reverse_dependencies,
    with_sequencing,
    with_status_waits,
    with_titles_named,
)
from roadmaplint.record import record, replace
from roadmaplint.settings import Settings
from roadmaplint.text import LazyPattern, split_lines, without_cyclic_gc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it.token import Token

BOM = "\ufeff"
VOCABULARY = ""  # the key of the statuses listed under a heading such as `## Statuses`

__all__ = [
    "BOM",
    "DEFINITION_OF_DONE",
    "DEPENDS_ON",
    "Dialect",
    "InlineText",
    "ItemLines",
    "Neighbour",
    "normalize_key",
    "parse",
    "parse_reusing",
    "read_item_lines",
    "split_dependencies",
    "split_lines",
]


def parse(
    text: str,
    path: str = "ROADMAP.md",
    settings: Settings | None = None,
    *,
    continued: bool = False,
    references: Sequence[LinkReference] = (),
) -> Roadmap:
    """Read a roadmap's text into records.

    ``continued`` reads the rest of a document from one of its level-1 headings
    on: that heading is then not taken for the title. ``references`` are link
    reference definitions made above such a rest, which inline links in it use.
    """
    settings = settings or Settings()
    with without_cyclic_gc():
        body, lines = _body_lines(text)
        first = read_blocks(body, path, lines, references)
        dialect = Dialect.from_settings(settings)
        return _records(text, path, dialect, first, continued, references, shape=settings.shape)


def parse_reusing(
    text: str, path: str, settings: Settings | None, source: Neighbour | None
) -> tuple[Roadmap, Neighbour]:
    """``parse(text, path, settings)``, reading the lines it shares with a neighbouring
    version from that version's tokens (``source``, from an earlier call; spent by this
    one), and what this version leaves for its own neighbour.

    For a diff or a history, where each version is the one before with a few items
    changed: the records are exactly ``parse``'s (tests compare them), at the cost of
    tokenizing only the changed lines. See ``reader/reuse.py`` for why that holds.
    """
    with without_cyclic_gc():
        body, lines = _body_lines(text)
        settings = settings or Settings()
        items = Items(Dialect.from_settings(settings), {})
        if source is None:
            first = read_blocks(body, path, lines)
        else:
            tokens, env = reuse_tokens(body, lines, source, items.taken)
            first = scan_blocks(tokens, env, path, lines)
            items.neighbour = source.items
        items.references = {
            found.label: (found.url, found.title) for found in link_references(first.env)
        }
        roadmap = _records(text, path, items.dialect, first, memo=items, shape=settings.shape)
        return roadmap, neighbour(body, lines, first.tokens, first.headings, items)


def _body_lines(text: str) -> tuple[str, list[str]]:
    body = text[1:] if text.startswith(BOM) else text
    return body, split_lines(body)


def _read_repaired(
    first: Blocks, path: str, lines: list[str], references: Sequence[LinkReference]
) -> tuple[Blocks, tuple[StrayList, ...]]:
    """The blocks of the text as if every stray list were indented like the document."""
    blocks = first
    strays: list[StrayList] = []
    for _ in range(MAX_REPAIRS):
        found = find_stray_lists(blocks, lines)
        if not found:
            break
        strays += found
        blocks = read_blocks(repaired(lines, strays), path, lines, references)
    return blocks, tuple(strays)


def _records(
    text: str,
    path: str,
    dialect: Dialect,
    first: Blocks,
    continued: bool = False,
    references: Sequence[LinkReference] = (),
    memo: Items | None = None,
    shape: str | None = None,
) -> Roadmap:
    """The records of ``text``, whose blocks as markdown-it reads them are ``first``
    (``first.lines`` are the text's lines, without a byte order mark). ``memo``:
    the items a neighbouring version read, to take instead of reading them again,
    and where this read's items are noted for the next."""
    bom = text.startswith(BOM)
    lines = first.lines
    blocks, strays = _read_repaired(first, path, lines, references)
    if memo is not None and strays:
        memo.reusable = False  # the items are read from other tokens than ``first``'s
    tokens = blocks.tokens
    inline = InlineText(None, blocks.env)
    outline = detect(blocks.headings, len(tokens), lines, dialect, inline, continued, path)
    items: list[Item] = []
    legends: dict[str, Legend] = {}
    overviews: list[Overview] = []
    graphs: list[GraphSection] = []
    bullets: Counter[str] = Counter()
    for part in outline.parts:
        start = part.heading.index
        if part.kind == ITEM:
            heading = ItemHeading(
                part.item_id,
                part.title,
                part.section,
                part.position,
                part.heading.end,
                part.named_by_title,
            )
            if memo is None:  # no neighbour to note the item for: its markers counted here
                items.append(
                    read_item(tokens, start, part.end, heading, lines, dialect, inline, bullets)
                )
                continue
            found = memo.earlier(start, part.end, part.section)
            if found is None:
                marks: Counter[str] = Counter()
                item = read_item(tokens, start, part.end, heading, lines, dialect, inline, marks)
                found = ReadItem(start, part.end, item, marks)
            bullets.update(found.bullets)
            items.append(found.item)
            memo.add(found)
        elif part.kind in (SECTION, PROSE) and (epic := _epic_heading(part, outline, items)):
            item = read_item(tokens, start, part.end, epic, lines, dialect, inline, Counter())
            if item.status is not None:  # an epic that says how far it is: an item too
                items.append(item)
                if memo is not None:
                    memo.reusable = False  # the neighbour notes heading items only
        elif part.kind == LEGEND:
            key = normalize_key(part.text)
            if key in (STATUS_LEGEND, PRIORITY_LEGEND):
                if key not in legends:
                    legends[key] = read_legend(
                        tokens, start, part.end, part.text, part.position, inline
                    )
            elif VOCABULARY not in legends:  # a heading naming statuses: `## Statuses`
                read = read_status_table if names_a_legend(part.text) else read_vocabulary
                vocabulary = read(tokens, start, part.end, part.text, part.position, inline)
                if vocabulary is not None:
                    legends[VOCABULARY] = vocabulary
        elif part.kind == OVERVIEW:
            overviews.append(_overview(tokens, part, lines, outline, inline))
        elif part.kind == GRAPH:
            graphs.append(_graph(tokens, part, lines, outline))
    top_level = with_uncovered_text(blocks.top_level, lines)
    status_legend = (
        legends.get(STATUS_LEGEND)
        or configured_legend("status-values", dialect.status_values)
        or legends.get(VOCABULARY)
    )
    if shape != HEADINGS and (shape is not None or not is_template(path, lines)):
        # A configured shape other than headings: headings are not items. An issue or a
        # pull request template's checklist is ticked on each report: no plan's boxes.
        containers: list[Item] = []
        if shape is None:
            items, containers = _without_box_containers(items, lines, dialect)
        else:
            items = []
        document = Document(
            tokens,
            lines,
            blocks.headings,
            dialect,
            inline,
            spans(items, lines),
            # a release procedure's boxes are its steps: only a box with an ID is an item
            bool(items)
            or is_release_procedure(path)
            or is_meeting_record(path, outline.title, lines),
            tuple(box_words(status_legend).items()),
            blocks.openers,
            outline.texts,
            path,
        )
        shaped = read_shapes(document, shape)
        lost = _containers_of_nothing(containers, shaped.items)
        if shaped.items:
            # a phase told twice holds its tasks' descriptions, their boxes stand elsewhere
            lost = [item for item in lost if not _phase_told_twice(item, lines)]
        if lost:
            # a heading taken for the section of its boxes, whose boxes then read as no
            # items (boxes without IDs beside heading items): it stays the item it reads as
            items = sorted([*items, *lost], key=lambda item: item.position.line)
            document = replace(document, taken=spans(items, lines), with_ids_only=True)
            shaped = read_shapes(document, shape)
            # a heading whose boxes read as items alone, and no longer beside the ones
            # brought back (boxes without IDs), stays the item it reads as too
            later = _containers_of_nothing([c for c in containers if c not in lost], shaped.items)
            if later:
                items = sorted([*items, *later], key=lambda item: item.position.line)
                document = replace(document, taken=spans(items, lines))
                shaped = read_shapes(document, shape)
        shaped = without_summary_boxes(document, without_tracked_steps(document, shaped))
        shaped = without_questionnaires(document, shaped)
        if shaped.items:
            if memo is not None:
                memo.reusable = False  # the neighbour notes heading items only
            items = _without_glanced(items, shaped.items, lines)
            items = sorted(
                [*_with_row_status(items, shaped.items), *_beside_headings(shaped.items, items)],
                key=lambda item: item.position.line,
            )
            items = with_task_fields(items, lines)
            items = _outside_appendices(items, blocks.headings, len(lines))
            top_level = _cut(top_level, shaped.blocks)
    items = [
        item
        for item in _outside_orders(items, blocks.headings, len(lines))
        if _BLANK_TITLE.fullmatch(item.title) is None
        and _BLANK_ID.fullmatch(item.id) is None
        and _NAMED_STAND_IN.fullmatch(item.title) is None
        and not (item.title.strip() in ("…", "...") and item.id.isdigit())
    ]
    priority_legend = legends.get(PRIORITY_LEGEND) or configured_legend(
        "priority-values", dialect.priority_values
    )
    newline = next(
        (line[len(line.rstrip("\r\n")) :] for line in lines if line.endswith(("\n", "\r"))), "\n"
    )
    style = Style(
        newline=newline,
        indent=_indent_of_items(items, outline, lines),
        bullet=bullets.most_common(1)[0][0] if bullets else "-",
        bom=bom,
        final_newline=not lines or lines[-1].endswith(("\n", "\r")),
        line_count=len(lines),
    )
    items = [
        legend_priority(item, priority_legend)
        for item in _read_across(with_table_state(with_group_priority(items, lines), lines), lines)
    ]
    marked = line_legend_entries(lines) if items else ()
    if marked:
        items = [_with_line_legend_status(item, marked) for item in items]
    misses = (
        ()
        # a meeting's record (``**Present:**`` near its top, ``# Meeting Notes``) that
        # reads no item is no plan: its action table and its boxes are what was agreed
        if items or continued or is_meeting_record(path, outline.title, lines)
        else near_misses(blocks, lines, dialect, inline, declared=bool(legends))
    )
    return Roadmap(
        path=path,
        title=outline.title,
        title_position=outline.title_position,
        status_legend=status_legend,
        priority_legend=priority_legend,
        sections=outline.sections,
        items=tuple(items),
        headings=outline.headings,
        overviews=with_group_priorities(overviews, priority_legend, items),
        graph_sections=tuple(graphs),
        comments=tuple(blocks.comments),
        style=style,
        source=text,
        blocks=top_level,
        references=link_references(blocks.env),
        stray_lists=strays,
        unclosed=() if continued else find_unclosed(top_level, lines),
        near_misses=misses,
    )


# An epic's heading over its features: ``### Epic: Admin & Exemption``, ``## Epic 2 — Sync``.
_EPIC = LazyPattern(r"(?P<id>Epic(?:[ \t]+[A-Z]?[0-9]{1,3})?)[ \t]*[:—–-][ \t]*(?P<title>\S.*)")


def _epic_heading(part: Part, outline: Outline, items: list[Item]) -> ItemHeading | None:
    """The heading of an epic that holds heading items (``### Epic: Admin & Exemption
    Management System`` over ``#### F-001: ...``) read as an item of its own, named by its
    number or its title; its body up to its first feature is its own (``**Priority**: 🟠
    P1 | **Status**: In Progress``). It stays its features' section."""
    if not part.text.startswith("Epic") or part.heading.level == 1:
        return None
    found = _EPIC.fullmatch(part.text.strip())
    if found is None:
        return None
    level = part.heading.level
    at = next(index for index, other in enumerate(outline.parts) if other is part)
    above = next(
        (other.text for other in reversed(outline.parts[:at]) if other.heading.level < level),
        None,
    )
    after = outline.parts[at + 1] if at + 1 < len(outline.parts) else None
    if after is None or after.kind != ITEM or after.section != part.text:
        return None  # an epic over no features of its own is no group
    title = found["title"].strip()
    taken = Taken(item.id for item in items)
    numbered = found["id"] != "Epic" and found["id"] not in taken
    name = found["id"] if numbered else reference_from_title(title, taken)
    return ItemHeading(name, title, above, part.position, part.heading.end, not numbered)


# A status cell written as a legend's mark then a priority: ``🟡 High``, ``🟡 Medium``.
_RANKED_MARK = LazyPattern(
    r"(?P<mark>[^\w\s]{1,3})[ \t]+(?P<priority>critical|high|medium|low)", re.IGNORECASE
)


def _with_line_legend_status(item: Item, entries: tuple[str, ...]) -> Item:
    """``item`` with the status its title ends with where a one-line legend names it
    (``F3.2 Fetch current weather ✨ CODED``) and nothing else gives it one."""
    if item.status is not None:
        named = legend_mark_status(item.status, entries)  # ``🟡``: ``🟡 in progress``
        ranked = _RANKED_MARK.fullmatch(item.status) if named is None else None
        if ranked is not None and item.priority is None:
            # ``🟡 High``: the legend's mark is the state, the word after it the priority
            named = legend_mark_status(ranked["mark"], entries)
            if named is not None:
                return replace(item, status=named, priority=ranked["priority"])
        return item if named is None else replace(item, status=named)
    found = with_legend_status(item.title, entries)
    return item if found is None else replace(item, title=found[0], status=found[1])


def _read_across(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` with what one item says of others read: repeats of done items dropped,
    phases given their statuses, dependencies named by a status, a number, a title, on
    the item they unblock or on a part of an item (reader/waits.py)."""
    read = with_phase_checklist(
        with_task_boxes(
            with_parts_done(
                with_own_phase_tasks(
                    _without_done_repeats(
                        _with_restated_tasks(
                            _without_index_boxes(
                                with_overview_phases(
                                    with_shipped_phases(_without_row_details(items, lines), lines),
                                    lines,
                                ),
                                lines,
                            ),
                            lines,
                        )
                    )
                ),
                lines,
            ),
            lines,
        ),
        lines,
    )
    read = with_all_below_done(with_brief_status(read, lines), lines)
    read = with_numbered_waits(with_dependency_notes(read, lines), lines)
    read = with_sequencing(with_everything_before(read, lines), lines)
    read = with_held_phases(with_range_status(read, lines), lines)
    text = "".join(lines)  # joined once for the three readings that search it whole
    read = with_order_by_name(with_named_needs(read, lines), lines, text)
    read = with_dependency_tree(with_dependency_chains(read, lines, text), lines, text)
    read = with_fenced_waits(read, lines)
    for step in (
        with_status_waits,
        with_numbers_named,
        with_ids_among_words,
        with_titles_named,
        with_reverse_dependencies,
        with_parts_named,
        with_phases_named,
    ):
        read = step(read)
    # a phase's numbered bold tasks that each say their state (``1. **Decisions** — done``)
    # and a milestone's releases and issues in tables under ``#### Releases``, ``#### Issues``
    # a numbered ``## Milestone order`` of the milestones whose steps the plan reads
    return with_milestone_order(
        with_part_tables(with_numbered_phase_tasks(read, lines), lines), lines
    )


def _without_row_details(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` without the headings that give the details of rows above them (a story
    table's ``| US-01 | Como usuario, quiero ... | Must |``, then ``### US-01 — Base visual``
    over its acceptance criteria): a heading that names a row's ID, writes no field of its
    own and is titled otherwise than the row is that row's detail, not a second item. Only
    where two headings or more do so; a heading with a status or a field of its own stays
    (an index table over the headings it lists is read as before)."""
    rows: dict[str, Item] = {}
    for item in items:
        if _written_as(item, lines) == "|":
            rows.setdefault(item.id.casefold(), item)
    if not rows:
        return items
    details = {
        at
        for at, item in enumerate(items)
        if (row := rows.get(item.id.casefold())) is not None
        and row.position.line < item.position.line
        and not item.fields
        and item.status is None
        and _written_as(item, lines) == "#"
        and not begins_alike(item.title, row.title)
    }
    if len(details) < 2:
        return items
    return [item for at, item in enumerate(items) if at not in details]


def _without_index_boxes(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` without the boxes of an index above the heading items it lists (``##
    Overview`` over ``- [x] A-1 Login``, then ``### A-1: Login`` with its Status): each
    box is its heading's entry there, not a second item of the same ID. Only over a
    heading that writes its own status, and whose title begins as the box's does; two
    items that share an ID by mistake stay two (RL102)."""
    if len({item.id for item in items}) == len(items):
        return items  # an index box shares its heading's ID: no ID here is written twice
    headings: dict[str, Item] = {}
    for item in items:
        if item.status is not None and _written_as(item, lines) == "#":
            headings.setdefault(item.id, item)
    if not headings:
        return items
    return [
        item
        for item in items
        if not (
            (heading := headings.get(item.id)) is not None
            and heading.position.line > item.position.line
            and _written_as(item, lines) == "box"
            and begins_alike(item.title, heading.title)
        )
    ]


def _with_restated_tasks(items: list[Item], lines: list[str]) -> list[Item]:
    """``items`` with the tasks a later table or list names again by their ID (a sprint's
    ``| 0.1.1 Set up Stripe account | 🟡 TODO | Jo |``, a Done log's ``- ✅ 1.0.3 Title``)
    read as one item each: where it is listed last it says its status, and who holds it.
    A restatement is a row or a bullet naming a box or a heading, and its title begins as
    the task's does (``Implement auth``, ``Implement authentication system``), so two
    items that share an ID by mistake stay two (RL102). A section whose items are
    restatements, two thirds of them or more, is a log of the tasks: its other entries
    (``- ✅ EPICS.md``) are notes of it, not items, unless they write an ID of their own
    (``- ✅ 1.3 Build the exporter``, done and never listed above)."""
    first: dict[str, int] = {}
    for at, item in enumerate(items):
        first.setdefault(item.id.casefold(), at)
    merged: dict[int, Item] = {}
    restated: set[int] = set()
    for at, item in enumerate(items):
        named, title = _named_task(item, first)
        earlier = first.get(named.casefold()) if named else None
        if earlier is None or earlier >= at:
            continue
        task = merged.get(earlier, items[earlier])
        if task.named_by_title:
            continue  # ``- [ ] Fix`` has no ID to name: ``- [ ] Fix fix`` is a task of its own
        if not begins_alike(title, task.title) or not _restates(task, item, lines):
            continue
        status, holder = item.field("status"), item.field("dri")
        if status is not None:
            kept = tuple(found for found in task.fields if found.key != "status")
            task = replace(task, status=item.status, fields=(*kept, status))
        if holder is not None and task.dri is None:
            task = replace(task, dri=item.dri, fields=(*task.fields, holder))
        merged[earlier] = replace(task, restated=True)
        restated.add(at)
    if not restated:
        return items
    by_section = Counter(items[at].section for at in restated)
    sections = Counter(item.section for item in items)
    logs = {name for name, count in by_section.items() if 3 * count >= 2 * sections[name]}
    return [
        merged.get(at, item)
        for at, item in enumerate(items)
        if at not in restated
        and (item.section not in logs or at in merged or not item.named_by_title)
    ]


def _named_task(item: Item, first: dict[str, int]) -> tuple[str, str]:
    """The ID an item names a task by and the rest of its title: its own ID, or the first
    word of its title where that is an ID read earlier (a row without an ID column)."""
    word, _, rest = item.title.partition(" ")
    if word.casefold() in first and first[word.casefold()] < first[item.id.casefold()]:
        return word, rest
    return item.id, item.title


def _restates(task: Item, later: Item, lines: list[str]) -> bool:
    """Whether ``later`` is a shorter view of ``task``: a row or a bullet naming a box or a
    heading. A heading under an index row that says a status of its own is no view of
    it: the two disagree, and RL102 says so."""
    return _written_as(later, lines) in ("|", "bullet") and _written_as(task, lines) in (
        "#",
        "box",
    )


def _written_as(item: Item, lines: list[str]) -> str:
    """How an item's line is written: a heading, a table row, a box or another bullet."""
    line = lines[item.position.line - 1].lstrip() if item.position.line <= len(lines) else ""
    if line[:1] in ("#", "|"):
        return line[:1]
    return "box" if line[1:3] == " [" and line[4:5] == "]" else "bullet"


def begins_alike(one: str, other: str) -> bool:
    """Whether two titles begin alike: the same first word, and second words of which one
    begins the other (``Implement auth`` and ``Implement authentication system``)."""
    first, second = _words(one)[:2], _words(other)[:2]
    if not first or not second or first[0] != second[0]:
        return False
    if len(first) < 2 or len(second) < 2:
        return True
    return first[1].startswith(second[1]) or second[1].startswith(first[1])


def _words(title: str) -> list[str]:
    return "".join(char if char.isalnum() else " " for char in title.casefold()).split()


def _without_done_repeats(items: list[Item]) -> list[Item]:
    """``items`` without a done item written again under a ``## Completed`` (``Done``)
    heading, done there too (``### TASK-000: Title ✅`` and its notes): an agent queue's
    log of what it finished, not a second item. A repeat that disagrees stays (RL102)."""
    from roadmaplint.settings import common_meaning

    ids = [item.id for item in items]
    if len(set(ids)) == len(ids):
        return items
    kept: list[Item] = []
    done: set[str] = set()  # IDs an earlier item gives, done
    for item in items:
        meaning = common_meaning(item.status)
        repeat = (
            item.id in done and common_meaning(item.section) == "done" and meaning in (None, "done")
        )
        if not repeat:
            kept.append(item)
        if meaning == "done":
            done.add(item.id)
    return kept


def _beside_headings(shaped: tuple[Item, ...], headings: list[Item]) -> list[Item]:
    """The items the shapes read, without a phase checklist's box for a phase a heading
    already holds (``- [x] **Phase 2: Name**`` over ``### Phase 2: Name``): the box gives
    that phase its status, it is not a second item. Nor is the row of an index table for a
    task a heading holds (``| T1 | ... | [AVAILABLE] |`` over ``### Task T1: Title``)."""
    from roadmaplint.reader.dialect import PHASE_ID

    held = {item.id for item in headings if PHASE_ID.fullmatch(item.id)}
    indexed = _index_rows(shaped, headings)
    scheduled = _scheduled_boxes(shaped, headings)
    return [
        item
        for item in shaped
        if item.id not in held and item.id not in indexed and item.id not in scheduled
    ]


def _scheduled_boxes(shaped: tuple[Item, ...], headings: list[Item]) -> dict[str, Item]:
    """The boxes (by ID) that name a task a heading above them holds, in a document where
    two or more do so (a queue's schedule: ``- [ ] P1.2 - Add Alpaca credentials (15
    min)`` under ``**Day 1:**``, after ``### P1.2: Alpaca Trading Credentials Missing``):
    the box restates the task, it is no second item, and says whether it is done."""
    above = {item.id: item.position.line for item in headings}
    found = [
        item
        for item in shaped
        if item.id in above
        and item.position.line > above[item.id]
        and (written := item.field("status")) is not None
        and _box_status(item, written)
    ]
    boxes = {item.id: item for item in found}
    # a schedule names each task once: boxes naming one twice are a series numbered
    # again (``- [ ] **S2 — again.**``), whose duplicate is one
    return boxes if len(boxes) >= 2 and len(boxes) == len(found) else {}


def _box_status(item: Item, written: Field) -> bool:
    """Whether ``written`` is the status a box's mark gives on the item's own line: ``[ ]``
    for an open box, ``done`` for a ticked one (``- [x] P1.2 - ...``)."""
    return _BOX_MARK.fullmatch(written.value) is not None or (
        written.value == "done" and written.value_position.line == item.position.line
    )


def _index_rows(shaped: tuple[Item, ...], headings: list[Item]) -> dict[str, Item]:
    """The table rows (by ID) that index tasks headings hold: a row before the heading of
    the same ID, in a document where every heading item has its row and none has a status
    of its own. The row gives the heading its status. (A phase's row in a progress table
    gives its status after its checklist box does: reader/phases.py.)"""
    from roadmaplint.reader.dialect import PHASE_ID

    if not headings or any(
        item.status is not None or PHASE_ID.fullmatch(item.id) for item in headings
    ):
        return {}
    rows = {item.id: item for item in shaped if item.field("status") is not None}
    if not all(
        item.id in rows and rows[item.id].position.line < item.position.line for item in headings
    ):
        return {}
    return {item.id: rows[item.id] for item in headings}


def _without_glanced(
    headings: list[Item], shaped: tuple[Item, ...], lines: list[str]
) -> list[Item]:
    """The heading items, without the chapters of a roadmap at a glance: where a table's
    rows, each with a status, name two or more milestones before headings of the same IDs
    (``| M0 - Title | Closed in v0.27.0 |`` over ``## 3. M0 - Title`` and its ``**Status:**
    Closed in v0.27.0 on 2026-06-19.``), and every heading item is so named, the table is
    the roadmap's list of its work and each heading the chapter telling one row's story:
    the row is the item, not the heading a second one. (Headings that write no status of
    their own take the row's: ``_index_rows``.) An index of boxes above heading items
    (``- [x] A-1 Login`` over ``### A-1: Login``) is no such table: the headings stay."""
    if len(headings) < 2 or any(item.status is None for item in headings):
        return headings
    rows = {
        item.id: item
        for item in shaped
        if item.field("status") is not None
        and lines[item.position.line - 1].lstrip()[:1] == "|"  # a table's row
    }
    if all(
        item.id in rows and rows[item.id].position.line < item.position.line for item in headings
    ):
        return []
    return headings


def _with_row_status(headings: list[Item], shaped: tuple[Item, ...]) -> list[Item]:
    """The heading items, each given the status of the index table's row for it."""
    rows = _index_rows(shaped, headings)
    scheduled = _scheduled_boxes(shaped, headings)
    read = []
    for item in headings:
        box = scheduled.get(item.id)
        written = box.field("status") if box is not None else None
        if item.status is None and box is not None and written is not None:
            # the box restates the task: its writers edit the box too (edit/restated.py)
            item = replace(item, status=box.status, fields=(*item.fields, written), restated=True)
        row = rows.get(item.id)
        status = row.field("status") if row is not None else None
        if row is not None and status is not None:
            item = replace(item, status=row.status, fields=(*item.fields, status))
            holder = row.field("dri")
            if item.dri is None and holder is not None:  # ``[CLAIMED by @auto]`` in the row
                item = replace(item, dri=row.dri, fields=(*item.fields, holder))
        read.append(item)
    return read


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


def _outside_appendices(
    items: list[Item], headings: list[HeadingBlock], line_count: int
) -> list[Item]:
    """``items`` without the boxes of an appendix after them (``## Appendix A:
    Checklist``, ``## 부록 A: 체크리스트``): a plan's appendix restates or supports its
    work, as a summary checklist of each phase's steps does; the items are the plan's
    own, before it. An appendix with no item before it keeps its items."""
    spans = []
    for at, heading in enumerate(headings):
        if heading.source[:1] in "A부附付" and _APPENDIX.match(heading.source):
            end = next(
                (later.line - 1 for later in headings[at + 1 :] if later.level <= heading.level),
                line_count,
            )
            spans.append((heading.line, end))
    if not spans:
        return items
    first = spans[0][0]
    if not any(item.position.line < first for item in items):
        return items
    return [
        item for item in items if not any(start < item.position.line <= end for start, end in spans)
    ]


def _outside_orders(items: list[Item], headings: list[HeadingBlock], line_count: int) -> list[Item]:
    """``items`` without those of a section that orders the work after it was listed
    (``## 🎯 Recommended Implementation Order`` over ``### Phase 1: Authentication (HIGH
    PRIORITY)`` and a numbered list naming features again): its phases group the plan's
    items, which come before it, into a sequence; they are no work of their own. An item
    there that says a status or writes a field of its own stays."""
    spans = []
    for at, heading in enumerate(headings):
        if "rder" in heading.source and _ORDER.search(heading.source):
            end = next(
                (later.line - 1 for later in headings[at + 1 :] if later.level <= heading.level),
                line_count,
            )
            spans.append((heading.line, end))
    if not spans or not any(item.position.line < spans[0][0] for item in items):
        return items
    return [
        item
        for item in items
        if item.status is not None
        or item.fields
        or not any(start < item.position.line <= end for start, end in spans)
    ]


# A heading over a sequence of the work, ending with it: ``Recommended Implementation
# Order``, ``Build order``, ``Order of work``; not a feature area named for work orders
# (``## Work Order Management``), whose tasks are the plan's.
_ORDER = LazyPattern(
    r"\b(?:(?:implementation|build|execution|delivery)[ \t]+order"
    r"|order[ \t]+of[ \t]+(?:work|implementation|execution))\b[^\w\n]*$",
    re.I,
)


# A heading that opens an appendix: ``Appendix A: Checklist``, ``부록 B``, ``附录``.
_APPENDIX = LazyPattern(r"(?:Appendix|Annex|Anhang|Annexe|부록|附录|付録)\b", re.I)


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
# A box's mark as a status: ``[ ]``, ``[x]``.
_BOX_MARK = LazyPattern(r"\[[ xX]\]")
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


# A title that is only a template's blank, in any shape: ``- [Future planning note]``,
# ``{{TASK_NAME}}``, ``{OBJECTIVE_1}``, or such a blank after an ID still to be numbered
# (``SP-{NUMBER}: {TASK}``). A bracketed ID or tag with no lower-case letter and no space,
# ``[WIP]``, is none; an ellipsis after an ID, ``- [TODO] Task-002: ...``, is a task still to
# be named, and only a row numbered by its place, ``| 1 | … | Hoch |``, a template's example
# row.
_BLANK_TITLE = LazyPattern(
    r"[ \t]*(?:[A-Za-z]{1,12}-\{[A-Za-z_ ]{1,20}\}[ \t]*[:—–-][ \t]*)?"
    r"(?:\[(?=[^\[\]]{0,60}[a-z ])[^\[\]]{1,60}\]|\{\{[^{}]{1,60}\}\}|\{[A-Za-z][^{}]{0,60}\})"
    r"[ \t]*"
)
# An ID whose number is a template's blank: ``SP-{NUMBER}``, ``BLK-{NUMBER}``, ``T-{N}``.
_BLANK_ID = LazyPattern(r"[A-Za-z]{1,12}-\{[A-Za-z_ ]{1,20}\}")


# A title that names its own stand-in, by a letter or a number where a name will go: a
# template's example row ``| 1 | Nombre de la función A | Alta | pendiente |``, ``Name of
# the feature B``, ``Nom de la fonctionnalité C``.
_NAMED_STAND_IN = LazyPattern(
    r"(?:name[ \t]+of[ \t]+(?:the[ \t]+)?|nombre[ \t]+de[ \t]+(?:la[ \t]+|el[ \t]+)?"
    r"|nom[ \t]+de[ \t]+(?:la[ \t]+|le[ \t]+|l')?|nome[ \t]+d[ao][ \t]+)"
    r"(?:feature|task|item|function|funci[oó]n|funcionalidad|fonction|fonctionnalit[eé]"
    r"|t[aâ]che|tarea|tarefa|funcionalidade|milestone|hito|[eé]tape|etapa)"
    r"[ \t]+(?:[A-Z]|[0-9]{1,2})",
    re.IGNORECASE,
)


def _is_placeholder(title: str) -> bool:
    # by its first character first: most titles never compile the pattern
    return title.startswith(("[", "<", "{", ".", "…")) and _PLACEHOLDER.fullmatch(title) is not None


def _cut(blocks: tuple[Block, ...], finer: dict[int, tuple[Block, ...]]) -> tuple[Block, ...]:
    """The blocks, each a shape cut into finer ones (a table into rows) replaced by those."""
    return tuple(piece for block in blocks for piece in finer.get(block.line, (block,)))


def _indent_of_items(items: list[Item], outline: Outline, lines: list[str]) -> str:
    if items:
        position = items[0].position
    elif outline.title_position is not None:
        position = outline.title_position
    else:
        return ""
    return _indent(position, lines)


def _indent(position: Position, lines: list[str]) -> str:
    """What stands in front of the heading (or item) at ``position`` on its line."""
    return lines[position.line - 1][: position.column - 1]


def _section_end(outline: Outline, line: int, line_count: int) -> int:
    """The last line of the level-1 section whose heading is on ``line``."""
    later = [start for start in outline.h1_lines if start > line]
    return later[0] - 1 if later else line_count


def _region(outline: Outline, heading: Position, body_end: int, lines: list[str]) -> Region:
    end = _section_end(outline, heading.line, len(lines))
    last = last_written_line(min(body_end, end), lines)
    return Region(heading, end, max(last, heading.line))


def _overview(
    tokens: list[Token], part: Part, lines: list[str], outline: Outline, inline: InlineText
) -> Overview:
    indent = _indent(part.position, lines)
    draft = read_overview(
        tokens,
        part.heading.index,
        part.end,
        OverviewDraft(part.position, indent, part.heading.line),
        inline,
        lines,
    )
    groups = tuple(
        OverviewGroup(group.label, group.priority, group.line, tuple(group.entries))
        for group in draft.groups
    )
    return Overview(
        _region(outline, part.position, draft.body_end, lines), groups, draft.bullet, indent
    )


def _graph(tokens: list[Token], part: Part, lines: list[str], outline: Outline) -> GraphSection:
    indent = _indent(part.position, lines)
    draft = read_graph(
        tokens,
        part.heading.index,
        part.end,
        GraphDraft(part.position, indent, part.heading.line),
        lines,
    )
    return GraphSection(
        _region(outline, part.position, draft.body_end, lines),
        indent,
        draft.code,
        draft.code_line,
        draft.code_end,
    )


@record
class ItemLines:
    """One item read from its own lines, with the records its lines hold besides it
    (line numbers of the whole text, as a full ``parse`` records them)."""

    item: Item
    blocks: tuple[Block, ...]  # the top-level blocks of the item's lines
    comments: tuple[Comment, ...]  # the HTML comments in them


def read_item_lines(
    item_text: str,
    first_line: int,
    settings: Settings | None = None,
    *,
    section: str | None = None,
    references: Sequence[LinkReference] = (),
    heading_after: bool = False,
) -> ItemLines | None:
    """Read one item from its own lines, ``item_text``, without the rest of the document:
    its heading is on line ``first_line`` of the document, and the item ends with the
    last line of ``item_text``.

    This is the incremental re-read (for an editor, after an edit inside one item):
    the lines are tokenized alone, and the item is built by ``fields.read_item``,
    the very function the full ``parse`` calls for every item, with line numbers
    and positions of the whole document. So ``read_item_lines(lines a..b, a).item``
    equals the item a full ``parse(text)`` reads at ``a`` whenever that item spans
    ``a..b`` (a property the tests check). ``section`` is the item's section (the
    outline around the item is not read); ``references`` are the document's link
    reference definitions (``Roadmap.references`` of a full parse), which inline text
    depends on. ``heading_after``: the last line of ``item_text`` is not the item's but
    the heading that ends it in the document; it is read along, and must still read as
    a heading of its own (an unclosed fence or an open list in the item would swallow it).

    Returns None when the lines are not one item and nothing else: the first line is
    not an item heading, another heading of the outline starts among the item's lines,
    a comment runs past them, or a list in them is a stray list (RL108), which the full
    read repairs before reading.
    """
    with without_cyclic_gc():
        return _item_lines(
            item_text,
            first_line,
            Dialect.from_settings(settings or Settings()),
            section,
            references,
            heading_after,
        )


def _item_lines(
    item_text: str,
    first_line: int,
    dialect: Dialect,
    section: str | None,
    references: Sequence[LinkReference],
    heading_after: bool,
) -> ItemLines | None:
    if first_line == 1 and item_text.startswith(BOM):
        item_text = item_text[1:]
    own = split_lines(item_text)
    last_line = first_line + len(own) - (2 if heading_after else 1)
    if first_line < 1 or last_line < first_line:
        return None
    # Empty lines stand in for the rest of the document (never read), so that the
    # records carry the document's line numbers.
    lines = [""] * (first_line - 1) + own
    blocks = read_blocks(item_text, "", lines, references, first_line)
    if not blocks.headings or blocks.headings[0].line != first_line:
        return None
    if find_stray_lists(blocks, lines):
        return None
    if not heading_after and find_unclosed(blocks.top_level, lines):
        return None  # a fence left open at the end hides headings: read it all (RL110)
    inline = InlineText(None, blocks.env)
    outline = detect(blocks.headings, len(blocks.tokens), lines, dialect, inline, True, "")
    part, *others = outline.parts
    if part.kind != ITEM or [other.heading.line for other in others] != (
        [last_line + 1] if heading_after else []
    ):
        return None  # not one item: its heading is a section, or the lines hold more
    if any(comment.end_line > last_line for comment in blocks.comments):
        return None
    heading = blocks.headings[0]
    found = ItemHeading(
        part.item_id, part.title, section, part.position, heading.end, part.named_by_title
    )
    item = read_item(
        blocks.tokens, heading.index, part.end, found, lines, dialect, inline, Counter()
    )
    top_level = [block for block in blocks.top_level if block.line <= last_line]
    return ItemLines(
        item,
        with_uncovered_text(top_level, lines, first_line, last_line),
        tuple(blocks.comments),
    )
