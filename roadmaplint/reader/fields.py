"""An item's tokens -> its fields in every style, Definition of Done and dependencies.

Fields are read from
- list items with any marker (``-``, ``*``, ``+``, ``1.``, ``1)``): bold
  (``**Name:** value``, ``**Name**: value``) or, for known names and aliases,
  plain (``Status: ready``);
- the lines of the paragraphs directly under the heading (``**Status:** ready``
  lines with no bullet), before any other block of the item, also when quoted
  (``> **Priority:** P1 | **Status:** pending``) or written as the rows of a
  two-column table (``| **Status** | ✅ Complete |``);
- HTML comments directly under the heading that name a known field
  (``<!-- status: done -->``).

Every field records where its name and its value start, so that an edit can
write a value in place and copy the prefix of a field line.

This module reads an item's fields; its status, owner and priority and its dependencies
are read in the modules beside it, each importing only those below it
(``docs/architecture.md`` names them). The names other modules import from here are
re-exported.
"""

from __future__ import annotations

from collections import Counter

from roadmaplint.model import DoneCriterion, Field, Item, Position
from roadmaplint.reader.blocks import last_written_line
from roadmaplint.reader.dialect import (
    DEFINITION_OF_DONE,
    DEPENDS_ON,
    MARKED_TITLE,
    Dialect,
    FieldNames,
    field_names,
    patterns,
)
from roadmaplint.reader.fields_dependencies import _noted_references
from roadmaplint.reader.fields_dependencies import id_range as id_range
from roadmaplint.reader.fields_dependencies import read_dependencies as read_dependencies
from roadmaplint.reader.fields_dependencies import split_dependencies as split_dependencies
from roadmaplint.reader.fields_status import (
    _CHECK_MARKS,
    _LEADING_PRIORITY,
    _LEADING_TAG,
    _NOTED_PRIORITY,
    _PRIORITY_TAG,
    _a_sibling_says_so,
    _closing_code,
    _future_section,
    _group_priority,
    _marks,
    _owner,
    _value,
    _without_remark,
)
from roadmaplint.reader.fields_status import HEADING_BOXES as HEADING_BOXES
from roadmaplint.reader.fields_status import closing_status_span as closing_status_span
from roadmaplint.reader.fields_status import heading_status as heading_status
from roadmaplint.reader.fields_status import (
    headings_close_with_coded_status as headings_close_with_coded_status,
)
from roadmaplint.reader.fields_status import legend_priority as legend_priority
from roadmaplint.reader.fields_status import named_owner as named_owner
from roadmaplint.reader.fields_status import noted_priority_start as noted_priority_start
from roadmaplint.reader.fields_status import section_status as section_status
from roadmaplint.reader.fields_status import struck_status as struck_status
from roadmaplint.reader.fields_status import with_group_priority as with_group_priority
from roadmaplint.reader.fields_status import with_table_state as with_table_state
from roadmaplint.reader.fields_status import without_aside as without_aside
from roadmaplint.reader.inline import InlineText
from roadmaplint.reader.linestyle import code_spans, next_field
from roadmaplint.record import field, record, replace
from roadmaplint.settings import common_meaning, status_meaning
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it.token import Token


# `**Name:** value` or `**Name**: value` (also with underscores).
# A remark in brackets may stand between the name and its colon: ``**Success Criteria**
# (what must be TRUE):`` (a planning roadmap's), a name of its own, not the line before's.
_BOLD_FIELD = LazyPattern(
    r"(\*\*|__)([^*_\n]{1,80}?)(?::[ \t]*\1|\1(?:[ \t]+\([^()\n]{1,60}\))?[ \t]*:)[ \t]*"
)
# `Name: value`, read only when the name is a known field or alias.
# A plain field's name is a known one, in any script: ``Status:``, ``상태:``, ``Статус:``.
_PLAIN_FIELD = LazyPattern(r"([^\W\d_][\w /-]{0,40}?)[ \t]*:(?:[ \t]+|$)")
# A box is followed by a space or by the line's end, its text then on the next line.
_TASK_BOX = LazyPattern(r"\[([ xX])\](?:[ \t]+|[ \t]*\n[ \t]*)")


@record(frozen=False, slots=False)
class ItemHeading:
    """What the outline found in an item's heading."""

    id: str
    title: str
    section: str | None
    position: Position
    last_line: int  # of the heading (a setext heading has two lines)
    named_by_title: bool = False  # no ID written: the outline made it from the title


@record(frozen=False, slots=False)
class _Body:
    fields: list[Field] = field(default_factory=list)
    done: list[DoneCriterion] = field(default_factory=list)
    current: str | None = None  # key of the field nested list items belong to
    done_list: bool = False  # a paragraph's Definition of Done waits for its list
    gathering: bool = False  # a Depends on value is gathered from its nested bullets
    depends_heading: bool = False  # under a ``### Depends on`` subheading of the item
    late_status: bool = False  # the Status field is a paragraph after the item's prose


def field_start(text: str, names: FieldNames) -> tuple[str, int] | None:
    """``(name, where the value starts)`` when ``text`` begins with a field name."""
    # "**" or "__" first: a text without them never compiles the pattern
    match = _BOLD_FIELD.match(text) if text.startswith(("**", "__")) else None
    if match is not None:
        return match[2].strip(), match.end()
    plain = _PLAIN_FIELD.match(text)
    if plain is not None and names.is_known(plain[1]):
        return plain[1].strip(), plain.end()
    return None


# A paragraph that labels the list under it in bold and ends with a colon:
# ``**Polish & hardening** (from the audit):``, ``**Low-severity review findings:**``.
_LIST_LABEL = LazyPattern(r"\*\*[^*\n:]{2,80}+(?::\*\*|\*\*[^\n:]{0,160}+:)[ \t]*")
_FEWEST_LABELLED = 2


def list_label(text: str) -> bool:
    """Whether a paragraph's text labels the list under it in bold and ends with a colon
    (``**Polish & hardening** (from the audit):``, ``**Low-severity review findings:**``)."""
    return text.startswith("**") and _LIST_LABEL.fullmatch(text) is not None


def labelled_lists_after(tokens: list[Token], start: int, end: int, lines: list[str]) -> bool:
    """Whether the top-level blocks of ``tokens[start:end]`` are lists each under a
    paragraph that labels it in bold (``**Polish & hardening** (from the audit):`` over
    ``- **Real icons** — ...``), two or more: after a thematic break that closes a heading
    item, the band's own short list of smaller work, no part of the item's body."""
    labelled = 0
    label = False
    for token in tokens[start:end]:
        if token.level != 0 or token.nesting == -1:
            continue
        if token.type == "paragraph_open" and token.map is not None:
            text = " ".join(line.strip() for line in lines[token.map[0] : token.map[1]])
            label = list_label(text)
            if not label:
                return False
        elif token.type == "bullet_list_open":
            if not label:
                return False
            labelled, label = labelled + 1, False
        else:
            return False
    return labelled >= _FEWEST_LABELLED


def read_item(
    tokens: list[Token],
    start: int,
    end: int,
    heading: ItemHeading,
    lines: list[str],
    dialect: Dialect,
    text: InlineText,
    bullets: Counter[str],
) -> Item:
    """The item whose heading is ``tokens[start]``, reading its tokens up to ``end``.

    ``lines`` are the document's own lines (positions are taken from them).
    Counts the markers of its field lists into ``bullets``.
    """
    body = _Body()
    names = field_names(dialect)
    end_line = heading.last_line
    under_heading = True
    for index in range(start + 3, end):
        token = tokens[index]
        kind = token.type
        if token.level == 0:
            if kind == "hr" and labelled_lists_after(tokens, index + 1, end, lines):
                break  # ``---`` then ``**Polish** (deferred):`` over bullets: the band's
            if token.map is not None and kind != "hr":
                end_line = max(end_line, token.map[1])
            if kind == "heading_open" and index + 1 < end:
                # ``### Depends on`` over a list: each bullet is a dependency
                named = names.key(text(tokens[index + 1].content).strip(" :*"))
                body.depends_heading = named == DEPENDS_ON
                continue
            if kind == "html_block" and under_heading:
                _comment_fields(token, lines, body, names, text)
                continue
            if kind == "blockquote_open" and under_heading:
                # ``> **Priority:** P1 | **Status:** pending``: the item's fields, quoted
                inner = tokens[index + 1] if index + 1 < end else None
                quoted = inner is not None and inner.type == "paragraph_open"
                if quoted and inner is not None:
                    under_heading = _paragraph_fields(inner, lines, body, names, text, True)
                else:
                    under_heading = False
                continue
            if kind == "paragraph_open":
                if under_heading and _is_table(token, lines):
                    # ``| **Status** | ✅ Complete |`` rows: the item's fields, in a table
                    under_heading = _table_fields(token, lines, body, names, text)
                elif under_heading:
                    under_heading = _paragraph_fields(token, lines, body, names, text)
                else:
                    _later_dependencies(token, lines, body, names, text)
                continue
            if token.nesting != -1 and kind not in (
                "hr",
                "html_block",
                "bullet_list_open",
                "ordered_list_open",
            ):
                under_heading = False
        if kind == "list_item_open":
            if token.level == 1 and body.depends_heading:
                _headed_dependency(tokens, index, body, text)
            elif token.level == 1:
                _list_item(tokens, index, lines, body, names, text, bullets)
            elif token.level == 3 and body.current == DEFINITION_OF_DONE:
                _criterion(tokens, index, body, text)
            elif token.level == 3 and body.current == DEPENDS_ON:
                _nested_dependency(tokens, index, body, text)
        elif kind in ("bullet_list_close", "ordered_list_close") and token.level == 0:
            body.done_list = False
            under_heading = False
    if heading.named_by_title and not any(found.key == "status" for found in body.fields):
        struck = _struck_field(heading, lines)
        if struck is not None:
            body.fields.append(struck)
    coded = None
    if not any(found.key == "status" for found in body.fields):
        coded = _coded_status(heading, lines)
        if coded is not None:
            heading = coded[0]
    said = coded[1] if coded is not None else None
    return _finish(heading, body, last_written_line(end_line, lines), dialect, said)


def _first_inline(tokens: list[Token], index: int) -> tuple[str, int | None]:
    """The content and 1-based line of a list item's first paragraph, if it has one."""
    if index + 2 < len(tokens):
        inline = tokens[index + 2]
        if inline.type == "inline" and inline.map and tokens[index + 1].type == "paragraph_open":
            return inline.content, inline.map[0] + 1
    return "", None


def _column_of(lines: list[str], line: int, content: str) -> int:
    """1-based column where ``content`` starts on 1-based ``line``."""
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    probe = content.split("\n", 1)[0][:40]
    found = source.find(probe) if probe else -1
    if found < 0:
        found = len(source) - len(source.lstrip())
    return found + 1


def _list_item(
    tokens: list[Token],
    index: int,
    lines: list[str],
    body: _Body,
    names: FieldNames,
    text: InlineText,
    bullets: Counter[str],
) -> None:
    content, line = _first_inline(tokens, index)
    body.current = None
    body.gathering = False
    if line is None:
        return
    if body.fields and body.fields[-1].key == DEPENDS_ON and _upstream(content, body, line, text):
        return  # looked at only under a Depends on: most bullets are not
    found = field_start(content, names)
    if found is None:
        if body.done_list:
            _criterion(tokens, index, body, text)
        return
    body.done_list = False
    first_line = content.partition("\n")[0]
    column = _column_of(lines, line, first_line)
    opener = tokens[index]
    last = line
    if opener.map:
        last = opener.map[1]
        if last > len(lines) or not lines[last - 1].strip():  # blank lines after a list
            last = last_written_line(last, lines)
    shared = _line_fields(first_line, found, names)
    final_at = len(shared) - 1
    key = ""
    for at, (name, name_start, value_start, value_end) in enumerate(shared):
        final = at == final_at  # the last field of the line takes the lines after it
        key = names.key(name)
        # (positional: a field line makes tens of thousands of these)
        body.fields.append(
            Field(
                name,
                key,
                text(content[value_start:] if final else content[value_start:value_end]),
                # The paragraph's first line is the source line less its indentation, so
                # the value starts exactly value_start characters after the content.
                Position(line, column + name_start),
                Position(line, column + value_start),
                max(line, last) if final else line,
            )
        )
    marker = opener.markup
    if marker in ("-", "*", "+"):  # an ordered list's "." is no bullet for generated lists
        bullets[marker] += 1
    body.current = key


def _upstream(content: str, body: _Body, line: int, text: InlineText) -> bool:
    """A bullet ``- Upstream: TSK-0001 (note), TSK-0002 (note)`` right under a Depends on
    label that writes no value (``**Dependencies:**``): what is upstream of the item is
    what it waits for, the Depends on field's value (a ``- Downstream:`` bullet beside
    it names what waits for the item, the other way)."""
    last = body.fields[-1] if body.fields else None
    if last is None or last.key != DEPENDS_ON or last.value:
        return False
    head, colon, rest = content.partition(":")
    if not colon or head.strip(" *_").lower() != "upstream":
        return False
    value = text(rest.partition("\n")[0]).strip()
    body.fields[-1] = replace(last, value=value, end_line=max(last.end_line, line))
    return True


def _headed_dependency(tokens: list[Token], index: int, body: _Body, text: InlineText) -> None:
    """A bullet under a ``### Depends on`` subheading of the item (``- Stories 1 & 2
    (extraction first)``): one dependency, added to the item's Depends on field, which
    the subheading opens when the item writes none."""
    content, line = _first_inline(tokens, index)
    if line is None:
        return
    entry = text(content.partition("\n")[0]).strip()
    found = next((at for at, f in enumerate(body.fields) if f.key == DEPENDS_ON), None)
    if not entry:
        return
    if found is None:
        here = Position(line, 1)
        body.fields.append(Field("Depends on", DEPENDS_ON, entry, here, here, line))
        return
    last = body.fields[found]
    value = f"{last.value}, {entry}" if last.value else entry
    body.fields[found] = replace(last, value=value, end_line=max(last.end_line, line))


def _nested_dependency(tokens: list[Token], index: int, body: _Body, text: InlineText) -> None:
    """A bullet nested under a Depends on field that writes no value on its own line
    (``- Dependencies:`` over ``  - F1.1 CLI host skeleton``): one dependency, added to the
    field's value. An item named by its ID and title keeps no comma of the title (``F2.2
    Endpoints (ip-api, Open-Meteo)``), which would split it into two."""
    content, line = _first_inline(tokens, index)
    last = body.fields[-1] if body.fields else None
    if line is None or last is None or last.key != DEPENDS_ON:
        return
    if last.value and not body.gathering:
        body.current = None  # a value of its own: the nested bullets are notes on it
        return
    entry = text(content.partition("\n")[0]).strip()
    if not entry:
        return
    first, _, rest = entry.partition(" ")
    if rest and any(char.isdigit() for char in first):
        entry = f"{first} {rest.replace(',', ' ')}"
    body.gathering = True
    value = f"{last.value}, {entry}" if last.value else entry
    body.fields[-1] = replace(last, value=value, end_line=max(last.end_line, line))


def _criterion(tokens: list[Token], index: int, body: _Body, text: InlineText) -> None:
    content, line = _first_inline(tokens, index)
    if line is None:
        return
    box = _TASK_BOX.match(content)
    checked = None if box is None else box[1] != " "
    body.done.append(DoneCriterion(text(content[box.end() :] if box else content), checked, line))


def _paragraph_fields(
    token: Token,
    lines: list[str],
    body: _Body,
    names: FieldNames,
    text: InlineText,
    quoted: bool = False,
) -> bool:
    """Read a paragraph of ``**Name:** value`` lines (in a block quote when ``quoted``);
    False when it is prose."""
    assert token.map is not None
    first, stop = token.map
    found: list[tuple[str, int, int, int, list[str]]] = []  # name, line, column, value col, parts
    for line in range(first + 1, stop + 1):
        source = lines[line - 1].rstrip("\r\n")
        stripped = _unquoted(source) if quoted else source.lstrip()
        indent = len(source) - len(stripped)
        start = field_start(stripped, names)
        if start is None:
            if not found:
                return False
            if stripped[-1:] == ":" and _LABEL_LINE.fullmatch(stripped):
                break  # ``Scope:`` alone opens the list after it; no value goes on
            found[-1][4].append(stripped)  # a value that goes on over more lines
            continue
        for name, name_start, value_start, value_end in _line_fields(stripped, start, names):
            written = [stripped[value_start:value_end]]
            found.append((name, line, indent + 1 + name_start, indent + 1 + value_start, written))
    if any("**" in part or "__" in part for *_, parts in found for part in parts):
        found = [piece for entry in found for piece in _run_together(entry, lines)]
    for name, line, column, value_column, parts in found:
        key = names.key(name)
        value = "\n".join(_without_break(part) for part in parts)
        body.fields.append(
            Field(
                name=name,
                key=key,
                value=text(value),
                position=Position(line, column),
                value_position=Position(line, value_column),
                end_line=line + len(parts) - 1,
            )
        )
        body.current = None
    last_key = names.key(found[-1][0])
    body.done_list = last_key == DEFINITION_OF_DONE and not body.fields[-1].value
    return True


# A label alone on its line, opening the list under it: ``Scope:``, ``Primary files:``.
_LABEL_LINE = LazyPattern(r"[A-Z][A-Za-z]{1,20}(?:[ \t][A-Za-z]{1,20}){0,3}:")


# A bold field name after a blank, inside another field's value: where a formatter ran
# the fields of a paragraph together (``**Goal**: ... in CI **Depends on**: Nothing
# **Requirements**: ...``), the name a capital opens.
_JOINED_NAME = LazyPattern(r"[ \t](?=(\*\*|__)[A-Z])")

_Found = tuple[str, int, int, int, list[str]]


def _run_together(entry: _Found, lines: list[str]) -> list[_Found]:
    """``entry`` (a field: name, line, column, value column, its lines), cut where a
    bold field name stands after a blank inside its value, on its first line or on
    a line it goes on over: each name then starts a field of its own, as a person reads
    a paragraph a formatter reflowed."""
    name, line, column, value_column, parts = entry
    pieces: list[_Found] = []
    current: _Found = (name, line, column, value_column, [])
    for at, part in enumerate(parts):
        # where ``part`` starts on its line: the value's column on the first
        start = value_column - 1 if at == 0 else _column_of(lines, line + at, part) - 1
        rest, offset = part, 0
        while (cut := _JOINED_NAME.search(rest, offset)) is not None:
            named = _BOLD_FIELD.match(rest, cut.end())
            if named is None:
                offset = cut.end() + 1
                continue
            current[4].append(rest[: cut.start()])
            pieces.append(current)
            current = (
                named[2].strip(),
                line + at,
                start + cut.end() + 1,
                start + named.end() + 1,
                [],
            )
            start += named.end()
            rest, offset = rest[named.end() :], 0
        current[4].append(rest)
    pieces.append(current)
    return pieces


def _without_break(part: str) -> str:
    """A field line's value without the hard break that ends it (a backslash, or blanks).
    Not a pattern's ``sub``: ``[ \t]+$`` tried at each blank of a long run before a
    character that ends none did quadratic work (16,000 before a bar: 2 s)."""
    return part[:-1] if part.endswith("\\") else part.rstrip(" \t")


# The header of a table of fields: blank, or names that say so (``| Field | Value |``),
# in the other languages plans are written in too (``| Alan | Değer |``, ``| Campo |``).
_FIELD_TABLE_HEADERS = frozenset(
    {"", "field", "fields", "attribute", "property", "key", "name"}
    | {"alan", "campo", "champ", "feld", "eigenschaft", "поле", "字段", "欄位", "項目"}
)


def _is_table(token: Token, lines: list[str]) -> bool:
    """Whether a paragraph is a table (the parser reads no tables: their rows are lines)."""
    assert token.map is not None
    return lines[token.map[0]].lstrip().startswith("|")


def _table_fields(
    token: Token, lines: list[str], body: _Body, names: FieldNames, text: InlineText
) -> bool:
    """Read a two-column table of fields right under the heading (``| | |`` over
    ``| **Status** | ✅ Complete |``); False when it is another table."""
    assert token.map is not None
    first, stop = token.map
    rows = [lines[line].strip() for line in range(first, stop)]
    header = _row_cells(rows[0]) if rows else []
    if len(header) != 2 or header[0].strip("* ").lower() not in _FIELD_TABLE_HEADERS:
        return False
    # a header that says so (``| Field | Value |``, ``| Alan | Değer |``) makes every row
    # a field, its name known or not (``| Kaynak | Opus |``): a blank one leaves it to each
    named = bool(header[0].strip("* "))
    found: list[Field] = []
    for line in range(first + 3, stop + 1):  # past the header and its delimiter row
        source = lines[line - 1].rstrip("\r\n")
        cells = _row_cells(source.strip())
        name = cells[0].strip() if cells else ""
        bold = name.startswith(("**", "__")) and name.endswith(("**", "__")) and len(name) > 4
        name = name.strip("*_ ").rstrip(":")
        if len(cells) < 2 or not name or not (bold or named or names.is_known(name)):
            return False  # a row that is no field: a table of the item's content
        while len(cells) > 2 and not cells[-1]:
            cells.pop()  # an empty cell after the value: ``| **Priority** | P1 |  |``
        value = "|".join(cells[1:]).strip()
        column = source.index(name) + 1
        value_column = _cell_after(source, column - 1 + len(name)) + 1 if value else column
        found.append(
            Field(
                name=name,
                key=names.key(name),
                value=text(value),
                position=Position(line, column),
                value_position=Position(line, value_column),
                end_line=line,
            )
        )
    body.fields += found
    body.current = None
    return bool(found)


def _cell_after(source: str, start: int) -> int:
    """Where the text of the cell after the bar that follows ``start`` begins. The value
    is no copy of the line (its cells joined again, ``done|shipped``): looked for in the
    line, it was not found, and check stopped with a traceback."""
    cut = next((at for at in bars(source) if at >= start), len(source))
    text = cut + 1
    while text < len(source) and source[text] in " \t":
        text += 1
    return text


def _row_cells(row: str) -> list[str]:
    """A table row's cells: split at its bars (those escaped ``\\|`` or in a code span
    stay in their cell)."""
    inner = row[1:] if row.startswith("|") else row
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    cells: list[str] = []
    start = 0
    for at in bars(inner):
        cells.append(inner[start:at].strip())
        start = at + 1
    cells.append(inner[start:].strip())
    return cells


def bars(text: str) -> list[int]:
    """Where the bars that part a table row's cells stand in ``text``: not escaped
    (``\\|``), not in a code span. One walk over the sorted spans: a row of many bars
    and many spans costs their sum, not their product."""
    spans = code_spans(text)
    found: list[int] = []
    span = 0
    at = text.find("|")
    while at >= 0:
        while span < len(spans) and spans[span][1] <= at:
            span += 1
        inside = span < len(spans) and spans[span][0] <= at
        if not inside and (at == 0 or text[at - 1] != "\\"):
            found.append(at)
        at = text.find("|", at + 1)
    return found


def _unquoted(source: str) -> str:
    """A line of a block quote without its ``>`` markers and the spaces round them."""
    stripped = source.lstrip()
    while stripped.startswith(">"):
        stripped = stripped[1:].lstrip()
    return stripped


def _comment_fields(
    token: Token, lines: list[str], body: _Body, names: FieldNames, text: InlineText
) -> None:
    """The fields written in HTML comments right under the heading, one a line:
    ``<!-- status: done -->``, a plan a tool reads and writes (a known field name only:
    ``<!-- Scope: ... -->`` is a note)."""
    assert token.map is not None
    first, stop = token.map
    for line in range(first + 1, stop + 1):
        source = lines[line - 1].rstrip("\r\n")
        stripped = source.strip()
        if not (stripped.startswith("<!--") and stripped.endswith("-->")):
            continue
        inner = stripped[4:-3]
        name, colon, value = inner.partition(":")
        if not colon or "-->" in inner or not value.strip() or not names.is_known(name.strip()):
            continue
        column = len(source) - len(source.lstrip()) + 5 + len(name) - len(name.lstrip())
        value_column = source.index(value.strip(), column + len(name.strip())) + 1
        body.fields.append(
            Field(
                name=name.strip(),
                key=names.key(name.strip()),
                value=text(value.strip()),
                position=Position(line, column),
                value_position=Position(line, value_column),
                end_line=line,
            )
        )


def _line_fields(
    stripped: str, start: tuple[str, int], names: FieldNames
) -> list[tuple[str, int, int, int]]:
    """The fields a line of a paragraph of fields holds, each as ``(name, where its name
    starts, where its value starts, where it ends)``: one, several bold fields that
    share the line (``**Effort:** M · **Status:** OPEN``), or known plain names joined
    by bars (``Status: todo | Priority: P2``)."""
    name, value_start = start
    if stripped.find("**", value_start) < 0 and stripped.find("__", value_start) < 0:
        if stripped.find("|", value_start) >= 0:
            return _bar_joined_fields(stripped, name, value_start, names)
        return [(name, 0, value_start, len(stripped))]  # no bold name after: one field
    fields: list[tuple[str, int, int, int]] = []
    name_start = 0
    spans = code_spans(stripped)
    while True:
        cut = next_field(stripped, value_start, spans)
        # the separator's lookahead saw a bold name there: matched in place, not on a
        # copy of the rest of the line (a line of many fields would cost its square)
        following = None if cut is None else _BOLD_FIELD.match(stripped, cut.end())
        if cut is None or following is None:
            fields.append((name, name_start, value_start, len(stripped)))
            return fields
        fields.append((name, name_start, value_start, cut.start()))
        name_start = cut.end()
        name, value_start = following[2].strip(), following.end()


def _bar_joined_fields(
    stripped: str, name: str, value_start: int, names: FieldNames
) -> list[tuple[str, int, int, int]]:
    """Plain fields a line joins with bars (``Status: todo | Priority: P2 | Owner: @b``):
    a bar starts a field only where a known name follows it, outside code spans and
    unescaped; any other bar is part of a value."""
    fields: list[tuple[str, int, int, int]] = []
    name_start = 0
    spans = code_spans(stripped)
    span = 0
    bar = stripped.find("|", value_start)
    while bar >= 0:
        while span < len(spans) and spans[span][1] <= bar:
            span += 1
        coded = span < len(spans) and spans[span][0] <= bar
        after = bar + 1
        while after < len(stripped) and stripped[after] in " \t":
            after += 1
        plain = None if coded or stripped[bar - 1] == "\\" else _PLAIN_FIELD.match(stripped, after)
        if plain is not None and names.is_known(plain[1]):
            end = bar
            while end > value_start and stripped[end - 1] in " \t":
                end -= 1
            fields.append((name, name_start, value_start, end))
            name, name_start, value_start = plain[1].strip(), after, plain.end()
            bar = stripped.find("|", value_start)
        else:
            bar = stripped.find("|", bar + 1)
    fields.append((name, name_start, value_start, len(stripped)))
    return fields


def _later_dependencies(
    token: Token, lines: list[str], body: _Body, names: FieldNames, text: InlineText
) -> None:
    """A ``**Dependencies:**`` paragraph after the item's prose is read too, and so is a
    ``**Status:**`` one where the item has no status yet (``### [intern] Title`` over a
    line of description, then ``**Status:** Erledigt``), and a paragraph of field lines
    only, two or more, that says who has the work or how urgent it is (``**Priority:**
    Medium`` over ``**Assigned:** analyst``: an entry's fields written at its end)."""
    assert token.map is not None
    first = lines[token.map[0]].strip()
    found = field_start(first, names)
    key = names.key(found[0]) if found is not None else None
    if key in ("priority", "dri") and all(field.key != key for field in body.fields):
        written = [line.strip() for line in lines[token.map[0] : token.map[1]] if line.strip()]
        if len(written) >= 2 and all(field_start(line, names) for line in written):
            _paragraph_fields(token, lines, body, names, text)
        return
    if key in (DEPENDS_ON, "status") and all(field.key != key for field in body.fields):
        _paragraph_fields(token, lines, body, names, text)
        body.late_status = body.late_status or key == "status"


def _struck_field(heading: ItemHeading, lines: list[str]) -> Field | None:
    """The status an entry named by its title gives as the first line of its body: its
    request struck through and a bold status after it (``struck_status``)."""
    at = heading.last_line  # the 0-based index of the line after the heading
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at >= len(lines):
        return None
    found = struck_status(lines[at], lines[at + 1] if at + 1 < len(lines) else "")
    if found is None:
        return None
    here = Position(at + found[1] + 1, found[2] + 1)
    return Field("Status", "status", found[0], here, here, here.line)


def _coded_status(heading: ItemHeading, lines: list[str]) -> tuple[ItemHeading, str] | None:
    """The status a heading closes with in a code span, and the heading without it
    (``### E01 — Project scaffolding `done```, ``### E15 — Views `in progress```): the
    span's backticks are gone from the heading's text, so it is found in the line as
    written; a span that says no status in a common spelling is the title's. Said in the
    heading as a closing ``— COMPLETE`` is, it is no field: a heading with none is not
    missing one."""
    from roadmaplint.settings import common_meaning

    at = heading.position.line - 1
    if at >= len(lines):
        return None
    word = _closing_code(lines[at])
    if (
        word is None
        or common_meaning(word) is None
        or not heading.title.rstrip().endswith(word)
        or not _a_sibling_says_so(lines, at)
    ):
        return None
    title = heading.title.rstrip()[: -len(word)].rstrip(" \t—–-:|")
    if not title:
        return None
    kept = ItemHeading(
        heading.id,
        title,
        heading.section,
        heading.position,
        heading.last_line,
        heading.named_by_title,
    )
    return kept, word


def _finish(
    heading: ItemHeading, body: _Body, end_line: int, dialect: Dialect, said: str | None = None
) -> Item:
    first: dict[str, Field] = {}
    for candidate in body.fields:
        first.setdefault(candidate.key, candidate)
    references: list[str] = []
    externals: list[str] = []
    notes: list[tuple[str, str]] = []
    depends = first.get(DEPENDS_ON)
    if depends is not None:
        references, externals = split_dependencies(
            depends.value, patterns(dialect.id_pattern).id_only
        )
        references, externals, notes = _noted_references(references, externals, dialect.id_pattern)
    title, status = heading.title, _value(first, "status")
    marked_priority = None
    # a mark is a character beyond ASCII: an ASCII title never compiles the pattern
    marked = None if title.isascii() else MARKED_TITLE.fullmatch(title)
    if marked is not None:  # ``A1 ⬜ 🟡Med — Title``
        title = marked["title"].strip()
        mark_status, marked_priority = _marks(marked["marks"])
        status = status or mark_status
    suffix = heading_status(title)
    if suffix is not None and (status is None or not suffix[0] or body.late_status):
        # ``TASK-8 ✓ DONE`` over a Status field: the heading's mark is no title; a
        # heading's ``(ABANDONED)`` says the status before a Status line after the prose
        late = body.late_status and marked is None
        title, status = suffix[0], suffix[1] if late else status or suffix[1]
    elif suffix is not None and suffix[1] in _CHECK_MARKS and suffix[0]:
        # ``## Version 0.3.0 - Title ✅`` over ``**Status**: COMPLETED``: the field says
        # the status, and the mark after the title says the same in short, no title's
        title = suffix[0]
        if status is not None and status_meaning(status) is None:
            # ``### 2. Auto-Update Cron ✅`` over ``**Status:** Running at 3am daily``: a
            # field of free text that says no status tells how the finished work runs;
            # the mark says where it stands
            status = suffix[1]
    elif (
        suffix is not None
        and suffix[0]
        and status is not None
        and status_meaning(status) is None
        and len(status.split()) > 2
        and common_meaning(suffix[1]) is not None
    ):
        # ``### 2. Log Rotation — COMPLETE`` (``(done)``, ``[DONE]``, ``✅ COMPLETE``) over
        # ``**Status:** Running at 2am daily``: as a check mark there, the heading's words
        # say where the work stands and the field's free words how it runs (a word or two,
        # ``in review``, is a status of the plan's own: the heading's words stay its title)
        title, status = suffix[0], suffix[1]
    title = without_aside(title)
    own_priority = None
    if title[:2] == "(P" and (bracketed := _LEADING_PRIORITY.match(title)) is not None:
        # ``MD-001 (P0) — Title``: the item's priority in brackets, the title after it
        title, own_priority = title[bracketed.end() :], bracketed[1]
    noted = _NOTED_PRIORITY.search(title) if title.endswith(")") else None
    if noted is not None and title[: noted.start()].strip():
        # ``Task 3.3: Network Validation (High Priority)``: the note closing the title says
        # how urgent the item is, and is no part of its name
        title, own_priority = (
            title[: noted.start()].rstrip(),
            own_priority or noted["word"] or noted["named"],
        )
    tagged = _LEADING_TAG.match(title) if title[:1] == "[" else None
    if tagged is not None and _PRIORITY_TAG.fullmatch(tagged[1]):
        # ``B2. [優先度低] Title``: a tag of priority leads the title; another (a milestone,
        # ``[M0]``) stays in it as written
        title, own_priority = title[tagged.end() :], own_priority or tagged[1]
    if not title:
        title = _value(first, "title") or ""
    if status is None:
        status = said or section_status(heading.section) or _future_section(heading.section)
    return Item(
        id=heading.id,
        title=title,
        section=heading.section,
        position=heading.position,
        end_line=end_line,
        fields=tuple(body.fields),
        status=status,
        priority=_without_remark(_value(first, "priority"))
        or marked_priority
        or own_priority
        or _group_priority(heading.section),
        dri=_owner(_value(first, "dri"), status),
        depends_on=tuple(references),
        external_deps=tuple(externals),
        definition_of_done=tuple(body.done),
        dependency_notes=tuple(notes),
        named_by_title=heading.named_by_title,
    )
