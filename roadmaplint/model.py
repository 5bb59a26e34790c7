"""The records a roadmap is read into. Plain frozen data, no logic.

Lines are 1-based and columns are 1-based character offsets into the line,
as editors and GitHub show them.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.record import record


@record
class Position:
    line: int
    column: int


@record
class Field:
    """One ``**Name:** value`` list item of an item."""

    name: str  # as written, e.g. "Depends on"
    key: str  # normalised for lookup: lower case, single spaces
    value: str  # plain text of the value
    position: Position  # where the field's name starts
    value_position: Position  # where the value starts (or would start)
    end_line: int  # last line of the field, nested lists included


def moved_field(found: Field, by: int) -> Field:
    """``found`` as it reads ``by`` lines further down (made by its class, not by
    replace(): a check of 2,000 task files moves 16 fields each)."""
    return Field(
        found.name,
        found.key,
        found.value,
        Position(found.position.line + by, found.position.column),
        Position(found.value_position.line + by, found.value_position.column),
        found.end_line + by,
    )


@record
class DoneCriterion:
    """One entry of a Definition of Done list; ``checked`` is None for plain bullets."""

    text: str
    checked: bool | None
    line: int


@record
class Item:
    id: str
    title: str
    section: str | None
    position: Position  # the heading
    end_line: int  # last line that belongs to the item
    fields: tuple[Field, ...]
    status: str | None
    priority: str | None
    dri: str | None
    depends_on: tuple[str, ...]  # references to items, in written order
    external_deps: tuple[str, ...]  # anything else named under Depends on
    definition_of_done: tuple[DoneCriterion, ...]
    # (ID, the prose written after it) for a dependency named with a note:
    # "ABC-7 merged upstream" depends on ABC-7, noted "merged upstream".
    dependency_notes: tuple[tuple[str, str], ...] = ()
    # A later table row or bullet names it again (a sprint's ``| 0.1.1 Set up ... |``, a
    # Done log's ``- ✅ 0.1.1 ...``) and gave it its status: its writers edit those too.
    restated: bool = False
    # No ID is written: the reader made it from the title (``set-up-ci``), so a rename
    # writes one, and a retitled item reads as one removed and one added.
    named_by_title: bool = False

    def field(self, key: str) -> Field | None:
        """The first field with this normalised key, if any."""
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        return None


@record
class LegendEntry:
    value: str
    description: str
    line: int


@record
class Legend:
    name: str  # "Status Legend", or the setting that gave the values
    position: Position
    entries: tuple[LegendEntry, ...]
    configured: bool = False  # from status-values / priority-values, not from the document
    # Read from a heading naming statuses (`## Statuses`): a vocabulary only, which does
    # not make the document one in roadmaplint's format (reader/quiet.py).
    inferred: bool = False

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(entry.value for entry in self.entries)


@record
class Heading:
    """A heading the parser saw; kept for rules about headings that are not items."""

    level: int
    text: str
    position: Position
    section: str | None
    in_item_section: bool


@record
class OverviewEntry:
    id: str
    line: int
    end_line: int = 0  # the entry's last line, nested notes included (0: unknown)
    bare: bool = True  # the entry is one line holding its ID and nothing else


@record
class OverviewGroup:
    label: str  # as written, e.g. "P0 (Critical)"
    priority: str  # the priority the label names, e.g. "P0"
    line: int
    entries: Sequence[OverviewEntry]  # a tuple, or a Moved equal to one


@record
class Region:
    """A generated section: its heading line and the lines it spans (1-based, inclusive).

    ``body_end`` is the last line of generated content; lines after it up to
    ``end`` are blank lines or thematic breaks that separate it from what follows.
    """

    heading: Position
    end: int
    body_end: int


@record
class Overview:
    region: Region
    groups: tuple[OverviewGroup, ...]
    bullet: str | None  # the bullet its entries use, if any
    indent: str  # the indentation of its heading


@record
class GraphSection:
    """The optional generated ``# Dependency Graph`` section and its mermaid block."""

    region: Region
    indent: str
    code: str | None  # the content of its first fenced code block, if any
    code_line: int | None  # the lines of that block, fences included
    code_end: int | None


@record
class Section:
    """A level-1 section that holds items (not the title's, not a generated one)."""

    name: str
    position: Position
    end_line: int  # the line before the next level-1 heading, or the last line


@record
class Comment:
    """An HTML comment block: suppressions live in these."""

    text: str
    line: int
    end_line: int


@record
class StrayList:
    """A list less indented than the document whose last item swallows what follows it.

    Under CommonMark every heading after it renders inside its last bullet; the
    records are read as if the stray lines were indented like the document.
    """

    position: Position  # its first marker
    end_line: int  # the last line of the list itself
    swallowed: tuple[int, int]  # the lines its last item takes in (first, last)
    indent: int  # the document's indentation, in spaces
    reindent: tuple[tuple[int, int], ...]  # (line, spaces to put in front) per stray line


@record
class Unclosed:
    """A code fence or an HTML block never closed: it runs to the end of the document,
    and every heading after its first line renders (and is read) as its content."""

    kind: str  # "code fence" or "HTML comment" or "<pre> block" and the like
    position: Position  # its opening line
    closer: str  # the line that would close it
    hidden: tuple[int, ...]  # lines of the headings it hides


@record
class NearMiss:
    """Something that looks like an item but was not read as one, and why."""

    line: int
    reason: str
    # Other lines the reason names, as data: (where ``line N`` begins in it, N), so that
    # a finding quoting the reason cites them and a task folder places them in its file.
    cites: tuple[tuple[int, int], ...] = ()


@record
class Block:
    """A top-level block of the document and the lines it spans (1-based, inclusive).

    ``kind`` is heading, paragraph, list, fence, code, html, hr, quote or table;
    ``other`` is text no block token covers (link reference definitions). The
    blocks cover every non-blank line of the document, in order, once.
    """

    kind: str
    line: int
    end_line: int
    level: int = 0  # a heading's level
    info: str = ""  # a fence's info string


@record
class LinkReference:
    """A link reference definition (``[doc]: https://...``): inline links anywhere use it."""

    label: str  # normalised, as markdown looks it up
    url: str
    title: str
    line: int


@record
class Style:
    """How the document is written, so generated text can match it."""

    newline: str
    indent: str  # indentation of item headings
    bullet: str  # the bullet fields use
    bom: bool
    final_newline: bool
    line_count: int


@record
class Roadmap:
    path: str
    title: str | None
    title_position: Position | None
    status_legend: Legend | None
    priority_legend: Legend | None
    sections: tuple[Section, ...]
    # A tuple, or after an edit in the editor a Moved (record/moved.py) equal to one.
    items: Sequence[Item]
    headings: tuple[Heading, ...]
    overviews: tuple[Overview, ...]
    graph_sections: tuple[GraphSection, ...]
    comments: tuple[Comment, ...]
    style: Style
    source: str
    stray_lists: tuple[StrayList, ...] = ()
    unclosed: tuple[Unclosed, ...] = ()  # a fence or HTML block that hides what follows
    near_misses: tuple[NearMiss, ...] = ()  # only read when there are no items
    blocks: Sequence[Block] = ()  # a tuple, or a Moved equal to one
    references: tuple[LinkReference, ...] = ()

    @property
    def overview(self) -> Overview | None:
        return self.overviews[0] if self.overviews else None
