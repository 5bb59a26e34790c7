"""Markdown text -> Roadmap records: runs the reader's steps, nothing else.

blocks (markdown-it tokens, headings, the stray-list repair view) -> outline
(which headings are items, sections, legends, generated sections) -> fields,
legends and generated sections read part by part -> records. The dialect (ID
pattern, item level, field aliases, vocabularies) is one frozen record built
from the settings and handed to every step.

The readings run around the shapes are in the modules beside it, each importing none
of the others: ``containers`` (the headings that are only their boxes' sections),
``after_shapes`` (heading items beside the shapes' items), ``after_left_out`` (items
of appendices, orders and templates' blanks) and ``after_across`` (what one item says
of others). The names other modules import from here are re-exported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from roadmaplint.model import (
    Block,
    Comment,
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
from roadmaplint.reader.after_across import _read_across, _with_line_legend_status
from roadmaplint.reader.after_across import begins_alike as begins_alike
from roadmaplint.reader.after_left_out import (
    _BLANK_ID,
    _BLANK_TITLE,
    _NAMED_STAND_IN,
    _outside_appendices,
    _outside_orders,
)
from roadmaplint.reader.after_shapes import (
    _beside_headings,
    _with_progress_boxes,
    _with_row_status,
    _without_glanced,
)
from roadmaplint.reader.blocks import (
    MAX_REPAIRS,
    Blocks,
    find_stray_lists,
    find_unclosed,
    front_matter_lines,
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
from roadmaplint.reader.containers import (
    _containers_of_nothing,
    _phase_told_twice,
    _without_box_containers,
)
from roadmaplint.reader.dialect import (
    DEFINITION_OF_DONE,
    DEPENDS_ON,
    PRIORITY_LEGEND,
    STATUS_LEGEND,
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
    line_legend_entries,
    read_legend,
    read_status_table,
    read_vocabulary,
)
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
from roadmaplint.reader.reuse import Items, Neighbour, ReadItem, neighbour, reuse_tokens
from roadmaplint.reader.shapes import (
    HEADINGS,
    Document,
    read_shapes,
    without_questionnaires,
    without_summary_boxes,
    without_tracked_steps,
)
from roadmaplint.reader.shapes.common import Taken, reference_from_title
from roadmaplint.reader.subtasks import spans, with_task_fields
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
    items = _with_progress_boxes(items, lines)
    front = front_matter_lines(lines)
    if front and any(line.startswith("todos:") for line in lines[1:front]):
        from roadmaplint.reader.shapes.plan_todos import read_plan_todos

        # a plan whose front matter lists its to-dos (Cursor's ``todos:``): they are its
        # items, its body's headings tell the same work again
        items = read_plan_todos(lines, front, dialect) or items
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
