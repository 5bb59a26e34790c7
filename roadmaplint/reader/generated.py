"""The overview and graph sections as they stand: what fix compares and splices."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from roadmaplint.model import Item, Legend, Overview, OverviewEntry, Position
from roadmaplint.reader.blocks import last_written_line
from roadmaplint.reader.dialect import Dialect, patterns
from roadmaplint.reader.inline import InlineText
from roadmaplint.record import field, record, replace
from roadmaplint.text import LazyPattern

_BOX = LazyPattern(r"\[[ xX]\][ \t]+")
_LIST_ITEM = LazyPattern(
    r"[ \t]{0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+(?P<task>\S.*))?"
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it.token import Token


@record(frozen=False, slots=False)
class GroupDraft:
    label: str
    priority: str
    line: int
    entries: list[OverviewEntry] = field(default_factory=list)


@record(frozen=False, slots=False)
class OverviewDraft:
    heading: Position
    indent: str
    body_end: int
    groups: list[GroupDraft] = field(default_factory=list)
    bullet: str | None = None


@record(frozen=False, slots=False)
class GraphDraft:
    heading: Position
    indent: str
    body_end: int
    code: str | None = None
    code_line: int | None = None
    code_end: int | None = None


def read_overview(
    tokens: list[Token],
    start: int,
    end: int,
    draft: OverviewDraft,
    text: InlineText,
    lines: list[str],
) -> OverviewDraft:
    """Its level-2 headings are priority groups; the list items under them, the entries."""
    for index in range(start + 1, end):
        token = tokens[index]
        if token.level == 0 and token.map is not None and token.type != "hr":
            draft.body_end = max(draft.body_end, token.map[1])
        if token.type == "heading_open" and token.level == 0 and token.tag == "h2":
            label = text(tokens[index + 1].content)
            draft.groups.append(
                GroupDraft(label, group_priority(label, ()), token.map[0] + 1 if token.map else 1)
            )
        elif token.type == "list_item_open" and token.level == 1:
            _entry(tokens, index, draft, text, lines)
    return draft


def holds_tasks(lines: Iterable[str], dialect: Dialect) -> bool:
    """Whether a section named as the Priority Overview is a task list of its own: its
    first list item a checkbox with a task after it (``- [ ] Write the parser``), where
    the overview fix writes lists IDs (``- A-1``), perhaps as a checklist of the items
    (``- [ ] A-1``, ``- [x] A-2 Second thing``)."""
    for text in lines:
        found = _LIST_ITEM.match(text)
        if found is not None:
            if found["task"] is None:
                return False
            first = found["task"].split()[0].strip("*_`[]():")
            return not patterns(dialect.id_pattern).id_only.fullmatch(first)
    return False


def group_priority(label: str, priorities: Collection[str]) -> str:
    """The priority a group heading names: the whole heading if it is one of
    ``priorities``, else the longest of them it starts with before a space
    (``P0 (Critical)``, ``Must have (blocks the release)``), else its first word."""
    if label in priorities:
        return label
    named = [
        priority
        for priority in priorities
        if priority
        and label.startswith(priority)
        and label[len(priority) : len(priority) + 1].isspace()
    ]
    if named:
        return max(named, key=len)
    words = label.split()
    return words[0] if words else ""


def with_group_priorities(
    overviews: Sequence[Overview], legend: Legend | None, items: Sequence[Item]
) -> tuple[Overview, ...]:
    """The overviews with each group's priority read from its label against the Priority
    Legend, or without one against the priorities the items use.

    The full read and the incremental re-read both call this, as an item's priority
    can change which priority a label names when there is no legend."""
    known = set(legend.values) if legend else {item.priority for item in items if item.priority}
    return tuple(
        replace(
            overview,
            groups=tuple(
                replace(group, priority=group_priority(group.label, known))
                for group in overview.groups
            ),
        )
        for overview in overviews
    )


def _entry(
    tokens: list[Token], index: int, draft: OverviewDraft, text: InlineText, lines: list[str]
) -> None:
    paragraph, inline = tokens[index + 1], tokens[index + 2]
    if paragraph.type != "paragraph_open" or inline.map is None:
        return
    if draft.bullet is None:
        draft.bullet = tokens[index].markup
    content = inline.content
    box = _BOX.match(content)
    if box is not None:  # ``- [x] A-1``: an overview written as a checklist
        content = content[box.end() :]
    words = text(content).split()
    if words and draft.groups:
        line = inline.map[0] + 1
        item_map = tokens[index].map
        end = max(line, last_written_line(item_map[1], lines)) if item_map else line
        bare = end == line and box is None and content.strip() == words[0]
        draft.groups[-1].entries.append(OverviewEntry(words[0], line, end, bare))


def read_graph(
    tokens: list[Token], start: int, end: int, draft: GraphDraft, lines: list[str]
) -> GraphDraft:
    """Its first fenced block is the generated picture."""
    for index in range(start + 1, end):
        token = tokens[index]
        if token.level == 0 and token.map is not None and token.type != "hr":
            draft.body_end = max(draft.body_end, token.map[1])
        # Only a mermaid fence directly in the section is generated; a user's other
        # code blocks (a sh example, a fence in a list) are theirs.
        if (
            token.type == "fence"
            and token.level == 0
            and token.info.split()[:1] == ["mermaid"]
            and draft.code is None
        ):
            draft.code = token.content
            if token.map:
                draft.code_line = token.map[0] + 1
                draft.code_end = last_written_line(token.map[1], lines)
    return draft
