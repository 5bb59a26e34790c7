"""Lists written line by line whose lead mark is each line's status, which markdown reads
as no list of its own (a paragraph's lazy lines, a list per bullet mark).

Two kinds, read as a person reads them, and nothing else:

- todo.txt's done lines: ``x Title`` is done (todo.txt's grammar), a bullet among them
  (``* Title``, ``- Title``) open; two ``x`` lines or more of three lines or more, and every
  line at the margin of their run one of these or a rule (``---``): a game's backlog kept
  in a text editor.
- a legend of marks: a ``legend:`` line over lines that each give a mark and its word
  (``- pending``, ``* doing``, ``+ done``, ``? decision needed``), then every line at the
  margin after it a marked line, a label (``now:``, ``later:``) or a rule. A name in
  brackets opening the text (``(dan)``) is the owner.

Lines indented under a marked line are its notes (its checklist), no items. The write
half is ``edit/marked.py``: a status set rewrites the mark.

A third kind is read by ``console_todos``: the todo list a coding agent's console prints
(``⏺ Update Todos`` over ``⎿ ☐ Title`` and ``✅ Title`` lines), pasted as the plan. Each
line is an item, ``☐`` still to do and a check done; a step's label before its name
(``PHASE 1.1: Title``) is its ID. The list is the plan the agent keeps: boxes written
after it in the pasted breakdown are what its steps write, no items.
"""

from __future__ import annotations

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.shapes import Document, ShapeRead
from roadmaplint.reader.shapes.common import Taken, make_item, reference_from_title
from roadmaplint.record import record
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

# ``x Title``, todo.txt's completion dates after the ``x`` or not
_DONE_LINE = LazyPattern(
    r"x[ \t]+(?:[0-9]{4}-[0-9]{2}-[0-9]{2}[ \t]+){0,2}(?P<text>[A-Za-z(][^\r\n]*)"
)
_OPEN_LINE = LazyPattern(r"[-*+][ \t]+(?P<text>\S[^\r\n]*)")  # matched on lines stripped
_LEGEND_HEAD = LazyPattern(r"(?i:(?:\*\*)?(?:legend|key)(?::\*\*|\*\*:|:)?)[ \t]*")
_LEGEND_ENTRY = LazyPattern(r"(?P<mark>[-*+?!~>/])[ \t]+(?P<word>[A-Za-z][A-Za-z' -]{0,30}?)[ \t]*")
_MARKED = LazyPattern(r"(?P<mark>[-*+?!~>/])[ \t]+(?P<text>\S[^\r\n]*)")
_LABEL = LazyPattern(r"[A-Za-z][\w '-]{0,30}:[ \t]*")
_RULE = LazyPattern(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
_OWNER = LazyPattern(r"\((?P<owner>[A-Za-z][\w.-]{0,30})\)[ \t]+(?=\S)")
_FEWEST_DONE_LINES = 2
_FEWEST_ENTRIES = 3
_FEWEST_ITEMS = 3
DONE_MARK = "x"
OPEN_MARK = "*"


@record
class MarkedList:
    """What a marked list's marks say: each mark's status word, and the lines (0-based)
    of its items, each with its mark and the text after it."""

    statuses: dict[str, str]
    lines: tuple[tuple[int, str, str], ...]
    owned: bool  # a name in brackets opening a line is its owner (a legend's list)


def marked_list(lines: list[str]) -> MarkedList | None:
    """The document's list of lead-marked lines, or None when it has none (see above)."""
    found = _legend_list(lines)
    return found if found is not None else _done_lines(lines)


def _legend_list(lines: list[str]) -> MarkedList | None:
    head = next(
        (at for at, line in enumerate(lines) if _LEGEND_HEAD.fullmatch(line.rstrip())), None
    )
    if head is None:
        return None
    statuses: dict[str, str] = {}
    at = head + 1
    while at < len(lines) and (entry := _LEGEND_ENTRY.fullmatch(lines[at].rstrip())):
        statuses.setdefault(entry["mark"], entry["word"].strip())
        at += 1
    meant = [word for word in statuses.values() if common_meaning(word) is not None]
    if len(statuses) < _FEWEST_ENTRIES or len(meant) < 2:
        return None
    found: list[tuple[int, str, str]] = []
    for number in range(at, len(lines)):
        line = lines[number].rstrip()
        if not line or line[0] in " \t":
            continue  # a blank line, or a note under the line above
        marked = _MARKED.fullmatch(line)
        if marked is not None and marked["mark"] in statuses:
            found.append((number, marked["mark"], marked["text"]))
        elif _LABEL.fullmatch(line) is None and _RULE.fullmatch(line) is None:
            return None  # prose: the legend explains something else
    return MarkedList(statuses, tuple(found), True) if len(found) >= _FEWEST_ITEMS else None


def _done_lines(lines: list[str]) -> MarkedList | None:
    first = next((at for at, line in enumerate(lines) if _DONE_LINE.fullmatch(line.rstrip())), None)
    if first is None:
        return None
    found: list[tuple[int, str, str]] = []
    done = 0
    for number in range(first, len(lines)):
        line = lines[number].rstrip()
        if not line or line[0] in " \t" or _RULE.fullmatch(line):
            continue
        if line.startswith("#"):
            break  # the next heading ends the run
        closed, open_ = _DONE_LINE.fullmatch(line), _OPEN_LINE.fullmatch(line)
        if closed is not None and _names_a_file(closed["text"]):
            return None  # ``tar -xv``'s listing, ``x release/README.md``: files, no work
        if closed is not None:
            found.append((number, DONE_MARK, closed["text"]))
            done += 1
        elif open_ is not None:
            found.append((number, OPEN_MARK, open_["text"]))
        else:
            return None
    if done < _FEWEST_DONE_LINES or len(found) < _FEWEST_ITEMS:
        return None
    statuses = {DONE_MARK: "done", OPEN_MARK: "todo", "-": "todo", "+": "todo"}
    return MarkedList(statuses, tuple(found), False)


def _names_a_file(text: str) -> bool:
    """Whether a done line's text is one word naming a file or a folder (``release/``,
    ``README.md``), as ``tar -xv`` prints what it extracts, where work is said in words."""
    word = text.strip()
    if not word or any(space in word for space in " \t"):
        return False
    stem, dot, extension = word.rpartition(".")
    return "/" in word or (bool(dot) and bool(stem) and 0 < len(extension) <= 5)


def read_marked(document: Document, marked: MarkedList) -> ShapeRead:
    """The items of ``marked``, and the blocks cut so that each item's lines are its own."""
    lines = document.lines
    taken = Taken()
    items: list[Item] = []
    starts = [number for number, _, _ in marked.lines]
    # one section for the list: no heading stands among its lines, though markdown reads a
    # marked line over a rule (``x Save games`` over ``---``) as a setext heading
    section = document.section_above(starts[0] + 1)
    for at, (number, mark, text) in enumerate(marked.lines):
        here = Position(number + 1, 1)
        fields = [Field("Status", "status", marked.statuses[mark], here, here, number + 1)]
        owner = _OWNER.match(text)
        if owner is not None and marked.owned:
            at_owner = Position(number + 1, 3)
            fields.append(Field("DRI", "dri", owner["owner"], at_owner, at_owner, number + 1))
            text = text[owner.end() :]
        # ``- extra auth:`` over its nested list: the colon leads to the notes
        title = document.inline(text.strip().removesuffix(":").rstrip())
        end = starts[at + 1] if at + 1 < len(starts) else len(lines)
        last = number + 1  # the item ends with its last indented note
        for follow in range(number + 1, end):
            if lines[follow].strip() and lines[follow][0] not in " \t":
                break
            if lines[follow].strip():
                last = follow + 1
        item_id = reference_from_title(title, taken)
        items.append(
            make_item(item_id, title, section, here, last, fields, document.dialect, (), True)
        )
    return ShapeRead(tuple(items), _cut_blocks(document, starts))


def _cut_blocks(document: Document, starts: list[int]) -> dict[int, tuple[Block, ...]]:
    """The top-level blocks the list's lines stand in, cut into one block an item (its
    line and the notes indented under it) and one a label or a rule: markdown makes of
    these lines paragraphs with lazy lines and a list per bullet mark, which a mark
    rewritten would regroup, where a person sees the same lines before and after."""
    tokens, lines = document.tokens, document.lines
    first = starts[0]
    touching = [
        tokens[index].map
        for index in document.top_level()
        if tokens[index].map is not None and tokens[index].map[1] > first  # type: ignore[index]
    ]
    spans = [span for span in touching if span is not None]
    if not spans:
        return {}
    end = max(span[1] for span in spans)
    spans = [span for span in spans if span[0] < end]
    items = set(starts)
    edges = [at for at in range(first, end) if _opens_piece(lines[at], at in items)]
    pieces = []
    for at, begin in enumerate(edges):
        last = (edges[at + 1] if at + 1 < len(edges) else end) - 1
        while last > begin and not lines[last].strip():
            last -= 1
        pieces.append(Block("list", begin + 1, last + 1))
    head = min(spans)
    cut: dict[int, tuple[Block, ...]] = {span[0] + 1: () for span in spans}
    before = (Block("paragraph", head[0] + 1, first),) if head[0] < first else ()
    cut[head[0] + 1] = (*before, *pieces)
    return cut


def _opens_piece(line: str, is_item: bool) -> bool:
    """Whether ``line`` begins a block of its own: an item's line, or any other line at
    the margin (a label, a rule); blank and indented lines belong to the block above."""
    return is_item or (bool(line.strip()) and line[0] not in " \t")


# The agent console's call that prints its todo list: ``⏺ Update Todos``.
_TODOS_HEAD = LazyPattern(r"[ \t]*⏺[ \t]+Update[ \t]+Todos[ \t]*")
# One line of the list, the first after the console's ``⎿`` elbow: ``⎿  ☐ PHASE 2.1: Title``.
_TODO_LINE = LazyPattern(r"[ \t]*(?:⎿[ \t]+)?(?P<mark>[☐☒☑✅✔])\ufe0f?[ \t]+(?P<text>\S[^\r\n]*)")
_TODO_STATUSES = {"☐": "todo", "☒": "done", "☑": "done", "✅": "done", "✔": "done"}
# A step's label before its name: ``PHASE 1.1: Title``, ``Step 3: Title``, ``Task 2 — Title``.
_STEP_LABEL = LazyPattern(
    r"(?P<id>(?i:phase|step|task|stage)[ \t]+[0-9]{1,6}(?:\.[0-9]{1,6}){0,3})"
    r"[ \t]*[:—–][ \t]+(?=\S)"
)


def console_todos(lines: list[str]) -> tuple[int, tuple[tuple[int, str, str], ...]] | None:
    """The line (0-based) of an agent console's ``Update Todos`` call and its list's lines,
    each with its mark and text, where three lines or more follow it; None otherwise."""
    for head, line in enumerate(lines):
        if "⏺" not in line or _TODOS_HEAD.fullmatch(line.rstrip()) is None:
            continue
        found: list[tuple[int, str, str]] = []
        for number in range(head + 1, len(lines)):
            todo = _TODO_LINE.fullmatch(lines[number].rstrip())
            if todo is None:
                break
            found.append((number, todo["mark"], todo["text"].strip()))
        if len(found) >= _FEWEST_ITEMS:
            return head, tuple(found)
    return None


def read_console_todos(
    document: Document, todos: tuple[int, tuple[tuple[int, str, str], ...]]
) -> ShapeRead:
    """The items of an agent console's todo list, one a line, and the block it stands in
    cut so that each line is its item's own."""
    head, found = todos
    taken = Taken()
    items: list[Item] = []
    section = document.section_above(head + 1)
    for number, mark, text in found:
        here = Position(number + 1, 1)
        fields = (Field("Status", "status", _TODO_STATUSES[mark], here, here, number + 1),)
        label = _STEP_LABEL.match(text)
        title = document.inline(text[label.end() :] if label else text).strip()
        item_id = " ".join(label["id"].split()) if label else reference_from_title(title, taken)
        taken.add(item_id)
        items.append(
            make_item(item_id, title, section, here, number + 1, fields, document.dialect, (), True)
        )
    return ShapeRead(tuple(items), _cut_todos(document, head, [number for number, _, _ in found]))


def _cut_todos(document: Document, head: int, rows: list[int]) -> dict[int, tuple[Block, ...]]:
    """The top-level block the list stands in, cut into its lines before the list, one
    block a todo line, and its lines after the list."""
    tokens = document.tokens
    for index in document.top_level():
        span = tokens[index].map
        if span is None or not span[0] <= rows[0] < span[1]:
            continue
        start, end = span
        cut: list[Block] = []
        if start < rows[0]:
            cut.append(Block("paragraph", start + 1, rows[0]))
        cut += [Block("list", row + 1, row + 1) for row in rows if row < end]
        if rows[-1] + 1 < end:
            cut.append(Block("paragraph", rows[-1] + 2, end))
        return {start + 1: tuple(cut)}
    return {}
