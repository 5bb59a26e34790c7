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
"""

from __future__ import annotations

import re
from collections import Counter
from unicodedata import category

from roadmaplint.model import DoneCriterion, Field, Item, Legend, Position
from roadmaplint.reader.blocks import last_written_line
from roadmaplint.reader.dialect import (
    DEFINITION_OF_DONE,
    DEPENDS_ON,
    MARKED_TITLE,
    NONE_WORDS,
    NUMBERED_ID,
    PRIORITY_WORDS,
    Dialect,
    FieldNames,
    field_names,
    patterns,
)
from roadmaplint.reader.idpattern import LEADING, id_regex
from roadmaplint.reader.inline import InlineText, plain_text
from roadmaplint.reader.linestyle import code_spans, next_field
from roadmaplint.record import field, record, replace
from roadmaplint.settings import COMMON_STATUSES, common_meaning, status_meaning
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
# ``none`` and its like, in Chinese, Japanese and Korean too (``**依赖**: 无``)
_NO_DEPENDENCY = frozenset({"", "none", "nothing", "n/a", "-", "–", "—", *NONE_WORDS})


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


# The status a heading ends with: "Title — COMPLETE", "Title (done)", "Title [COMPLETE]",
# "Title ✅".
_CHECK_MARK = "✅"
# Marks that end a heading with its status: ``### R7: Title ✅``, ``### TASK-8 ✓ DONE``.
_CHECK_MARKS = (_CHECK_MARK, "✓", "✔")
# The day a check mark closing a heading says the work was done: ``✅ (2024-05-01)``.
_DONE_DAY = LazyPattern(r"\((?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]\)")
# The task boxes a heading may end with as its status (``## Phase 1: Core `[x]` ``): the
# markers task-list tools agree on.
HEADING_BOXES = ("[x]", "[X]", "[ ]", "[~]", "[/]", "[-]")


# What a closing bracket opens with where it is an aside to the title, not a part of its
# name: an example (``(e.g., if short option is provided)``), a gloss (``(i.e. ...)``) or
# when the work is meant to land (``(Target: 1-2 weeks)``, ``(ETA: May)``).
_ASIDES = ("e.g.", "e.g,", "eg.", "eg,", "i.e.", "i.e,", "target:", "eta:")


def without_aside(title: str) -> str:
    """``title`` without a closing aside in brackets (``Puzzle Campaign (Target: 1-2
    weeks)`` is ``Puzzle Campaign``); the title as written where nothing would be left."""
    stripped = title.rstrip()
    if not stripped.endswith(")"):
        return title
    opening = stripped.rfind("(")
    before = stripped[:opening].rstrip() if opening > 0 else ""
    inside = stripped[opening + 1 : -1].lstrip().casefold()
    if before and before.count("(") <= before.count(")") and inside.startswith(_ASIDES):
        return before
    return title


def heading_status(title: str) -> tuple[str, str] | None:
    """``(title without it, status)`` when a title ends with a status in a common spelling."""
    stripped = title.rstrip()
    boxed = _box_status(stripped)
    if boxed is not None:
        return boxed
    # the full-width brackets of Chinese and Japanese too: ``### Phase 0: 基盤構築（現在地）``
    for opener, closer in (("(", ")"), ("[", "]"), ("（", "）")):
        if stripped.endswith(closer):
            opening = stripped.rfind(opener)
            word = stripped[opening + 1 : -1].strip()
            if opening >= 0 and common_meaning(word) and len(word.split()) <= 2:
                before = stripped[:opening].rstrip()
                if common_meaning(word) == "done":  # ``Foundation ✅ (done date)``: one status
                    before = before.rstrip("\ufe0f").removesuffix("✅").rstrip(" \t—–-")
                return before, word
    for mark in _CHECK_MARKS:
        if mark not in stripped[-40:]:
            continue
        at = stripped.rfind(mark)
        # the emoji form of a mark ends with a variation selector: ``✔️ RELEASED``
        rest = stripped[at + len(mark) :].lstrip("\ufe0f").strip()
        if _DONE_DAY.fullmatch(rest):
            # ``### 3. Alerts ✅ (2024-05-01)``: the mark and the day it was done, one status
            return stripped[:at].rstrip(" \t—–-"), stripped[at:]
        if not rest or (common_meaning(rest) and len(rest.split()) <= 2):
            before = stripped[:at].rstrip(" \t—–-")
            worded = None if rest else _done_word_before_mark(before, stripped[at:])
            return worded or (before, rest or _CHECK_MARK)
    marked = _marked_status(stripped)
    if marked is not None:
        return marked
    for separator in (" — ", " – ", " - ", " · "):
        at = stripped.rfind(separator)
        word = stripped[at + len(separator) :].strip() if at > 0 else ""
        # the last of a heading's parts joined by middle dots (``OBS-001 · 2026-05-27 ·
        # source · KORJATTU (A2, 2026-06-17)``) is its status, a note in brackets after it
        bare = word.split(" (", 1)[0] if separator == " · " and word[-1:] == ")" else word
        if word[-1:] == "）" and "（" in word and common_meaning(word.split("（", 1)[0]):
            # ``— 取り下げ（D13）``: the status and, in full-width brackets, the decision's note
            return stripped[:at].rstrip(), word.split("（", 1)[0]
        # (two words a comma parts are a list, ``— duplicate, copy/paste``: no status)
        if word and len(bare.split()) <= 2 and "," not in bare and common_meaning(bare):
            return stripped[:at].rstrip(), word
        noted = _noted_status(word) if separator != " · " else None
        if noted is not None:
            return stripped[:at].rstrip(), noted
    return None


def _done_word_before_mark(before: str, mark: str) -> tuple[str, str] | None:
    """``(title, "word mark")`` where a title the done mark ended (``Dark Theme - COMPLETED
    ✅``) ends with a done word after a dash too: the word and the mark say one status,
    written as one (an edit of the status rewrites both)."""
    for separator in (" — ", " – ", " - "):
        at = before.rfind(separator)
        word = before[at + len(separator) :].strip() if at > 0 else ""
        if word and len(word.split()) <= 2 and common_meaning(word) == "done":
            return before[:at].rstrip(), f"{word} {mark}"
    return None


def _noted_status(word: str) -> str | None:
    """The status a heading's last part opens with a note after it (``Title — **DONE**,
    and now pixel-tested``, ``Title — DONE (branch d13)``): the status word, bold or not,
    the note a remark a person reads past; None where the part opens with no status, or
    with a word in plain lower case."""
    if word[-1:] == ")" and " (" in word:
        bare = word.split(" (", 1)[0]
    elif ", " in word:
        bare = word.split(", ", 1)[0]
    else:
        return None
    bare = bare.strip()
    # set apart as a status, in capitals or in bold: ``— new, faster parser`` and
    # ``— duplicate, copy/paste`` say what the work is, not how far it is
    bold = len(bare) > 4 and bare[:2] == bare[-2:] and bare[:2] in ("**", "__")
    bare = bare.strip("*_").strip()
    if common_meaning(bare) == "done" and common_meaning(word) == "in_progress":
        # ``— shipped (1.6 open)``: done but for a part its remark numbers, one status
        # however it is written; the remark is what makes it under way
        return word
    if not (bold or bare.isupper()):
        return None
    if bare and len(bare.split()) <= 2 and common_meaning(bare):
        return bare
    return None


def _box_status(stripped: str) -> tuple[str, str] | None:
    """``(title, box)`` when a title ends with a task box after a space, in a code span or
    not (``## Phase 1: Core Types `[x]` ``, a plan whose status legend is of boxes): the
    box is the status, as it is at the start of a list item."""
    if stripped[-1:] not in ("]", "`"):
        return None
    for box in HEADING_BOXES:
        for written in (f"`{box}`", box):
            if stripped.endswith(written):
                before = stripped[: -len(written)]
                if before[-1:] in (" ", "\t") and before.strip(" \t—–-:"):
                    return before.rstrip(" \t—–-:"), box
    return None


def _marked_status(stripped: str) -> tuple[str, str] | None:
    """``(title, "mark word")`` when a title ends with a status mark other than done and
    its word (``Billing ⏳ PLANNED``, ``Reports 🚧 IN PROGRESS``, ``Export 🔄 EN COURS``),
    as ``✅ COMPLETE`` ends one; the mark alone, or a word without its mark, is no status."""
    words = stripped[-60:].split()
    for count in (1, 2):
        if len(words) < count + 2:
            break
        mark, rest = words[-count - 1], " ".join(words[-count:])
        symbols = mark.replace("\ufe0f", "")
        if not 0 < len(symbols) <= 2 or any(category(char) != "So" for char in symbols):
            continue  # an emoji or a symbol: no dash, arrow or letter
        if not any(char.isalnum() for char in words[-count - 2]):
            continue  # a run of marks, or a mark where the title would be
        if common_meaning(rest) is not None and common_meaning(f"{mark} {rest}") is not None:
            at = stripped.rfind(mark, 0, len(stripped) - len(rest))
            return stripped[:at].rstrip(" \t—–-"), f"{mark} {rest}"
    return None


# The text that asked for the work struck through and a bold status after it, opening an
# entry's body: ``~~Duration not captured.~~ **Partially done** — ...``.
_STRUCK_STATUS = LazyPattern(r"[ \t]*~~[^~\n]+~~[ \t]*\*\*(?P<word>[^*\n]{1,30})\*\*")
# the same written over two lines: the struck request ends the first, the status opens
# the next (``~~... a human-readable description.~~`` then ``**Done** — added ...``)
_STRUCK_LINE = LazyPattern(r"[ \t]*~~[^~\n]+~~[ \t]*")
_BOLD_OPENING = LazyPattern(r"[ \t]*\*\*(?P<word>[^*\n]{1,30})\*\*")


def struck_status(first: str, second: str = "") -> tuple[str, int, int] | None:
    """The status an entry's body opens with after its struck-through request: the word,
    the line it stands on (0 the first, 1 the second) and its column (0-based); None for
    any other opening."""
    from roadmaplint.settings import common_meaning

    found, line = _STRUCK_STATUS.match(first), 0
    if found is None and _STRUCK_LINE.fullmatch(first.rstrip("\r\n")) is not None:
        found, line = _BOLD_OPENING.match(second), 1
    if found is None or common_meaning(found["word"].strip()) is None:
        return None
    return found["word"].strip(), line, found.start("word")


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


def closing_status_span(written: str, status: str | None) -> int | None:
    """Where the title ends in a heading's text that closes with ``status`` in a code span
    (``Project scaffolding `done```: before the space and the span), or None."""
    word = _closing_code(written)
    if word is None or status is None or word != status:
        return None
    stripped = written.rstrip()
    return len(stripped[: stripped.rfind("`", 0, len(stripped) - 1)].rstrip(" \t—–-:|"))


def _closing_code(written: str) -> str | None:
    """The words of the code span a line closes with (``Title `in progress```), or None."""
    written = written.rstrip()
    if not written.endswith("`") or written.endswith("``"):
        return None
    opening = written.rfind("`", 0, len(written) - 1)
    word = written[opening + 1 : -1]
    if opening < 1 or written[opening - 1] not in " \t" or not word.strip():
        return None
    return word if word == word.strip() and len(word.split()) <= 3 else None


def headings_close_with_coded_status(text: str) -> bool:
    """Whether a heading of ``text`` closes with a status in a code span (``_coded_status``):
    then whether one heading reads a status depends on its neighbours, and a reader of one
    item alone must read the whole document."""
    from roadmaplint.settings import common_meaning

    if "`" not in text:
        return False
    return any(
        line[:1] == "#"
        and (word := _closing_code(line)) is not None
        and common_meaning(word) is not None
        for line in text.splitlines()
    )


def _a_sibling_says_so(lines: list[str], at: int) -> bool:
    """Whether the heading before or after the one on line ``at`` (0-based), at its level,
    closes with a status in a code span too: an epics file's way of writing the status,
    not one title's ``Wrap `open``` naming a function. A neighbour closing with a span
    that says no status (``Add command `archive```) says the spans are the titles' own
    (a CLI's commands ``done`` and ``blocked``). Each walk stops at the next heading, so
    the document's lines are visited a bounded number of times."""
    from roadmaplint.settings import common_meaning

    marks = lines[at][: len(lines[at]) - len(lines[at].lstrip("#"))] + " "
    said = False
    for step in (-1, 1):
        other = at + step
        while 0 <= other < len(lines) and not lines[other].startswith("#"):
            other += step
        if 0 <= other < len(lines) and lines[other].startswith(marks):
            word = _closing_code(lines[other])
            if word is not None and common_meaning(word) is None:
                return False
            said = said or word is not None
    return said


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


# A tag in brackets opening a title (``[優先度低] Codex アダプタ``), and the tags that give a
# priority: ``P1``, a level in words, ``優先度高`` (priority high) and the like.
_LEADING_TAG = LazyPattern(r"\[([^\[\]\n]{1,16})\][ \t]+")
_PRIORITY_TAG = LazyPattern(r"P[0-4]|[Hh]igh|[Mm]edium|[Ll]ow|[Cc]ritical|優先度.{1,4}")


def _owner(written: str | None, status: str | None) -> str | None:
    """The item's owner: the one its owner field names, none where it says none in
    brackets (``**Assigned**: (none)``); without the field, the one its status names as
    holding the work (``done by Antigravity (2026-02-04)``, ``claimed by @auto``)."""
    if written is not None:
        return named_owner(written)
    held = _HELD_BY.match(status) if status is not None and " by " in status else None
    if held is None or common_meaning(held["word"]) not in _HOLDING:
        return None
    return held["owner"]


_NO_OWNER = frozenset({"none", "unassigned", "nobody", "no one", "tbd", "n/a"})


def named_owner(written: str | None) -> str | None:
    """The owner as written, none where it says none in brackets: ``**Assigned**:
    (none)``, a table's Owner cell ``(unassigned)``; a condition in brackets after a name
    is no part of it (``analyst (when built)``). A bare ``TBD`` stays as written: which words
    mean nobody is the configuration's ``no-dri`` (``list --dri``, RL501)."""
    if written is None:
        return None
    if not written[:1].isascii() and not written[:1].isalnum():
        # ``🔧 3KPRO - Backend Engineer``: a mark before the name decorates it
        named = written.lstrip("".join(char for char in written[:4] if not char.isalnum()))
        written = named if any(char.isalpha() for char in named) else written
    if written[-1:] == "." and _sentence_end(written):
        written = written[:-1]  # ``- Responsable: Ronnie.``: the line's full stop, no name's
    if "(" not in written:
        return written  # most owners: no brackets to say none in
    bare = written.strip()
    bracketed = bare[:1] == "(" and bare[-1:] == ")"
    if bracketed:
        return None if bare.strip("() \t").casefold() in _NO_OWNER else written
    name, opening, remark = bare.partition(" (")
    said = remark.split(maxsplit=1)
    if opening and remark.endswith(")") and said and said[0].casefold() in _CONDITIONAL:
        return name.strip()  # a condition after the name: ``analyst (when built)``
    return written


# The words that open a condition on who takes the work, in brackets after the name
# (``analyst (when built)``); a team named so (``Frontend Engineer (Fuel Pod)``) is the name.
_CONDITIONAL = frozenset({"when", "once", "until", "after", "if", "unless", "while", "before"})


def _sentence_end(written: str) -> bool:
    """Whether ``written`` ends with a word of three letters or more and a full stop: a
    sentence's, no part of the name (``Jr.`` and ``J.`` are abbreviations, kept)."""
    words = written[:-1].split()
    return bool(words) and len(words[-1]) >= 3 and words[-1].isalpha()


# A status that names who holds the work: ``done by Antigravity``, ``claimed by @auto``.
_HELD_BY = LazyPattern(r"(?P<word>[A-Za-z]{2,15})[ \t]+by[ \t]+@?(?P<owner>[A-Za-z][\w.-]{0,39})\b")
# What a status that names its holder means: the work is done or under way (``blocked by
# T-3`` names what it waits for, no holder).
_HOLDING = frozenset({"done", "in_progress"})


# A plan's part named for its far horizon, numbered or not: ``## Phase 6: Future Vision``,
# ``## Long-term Ideas``, ``## 7. Someday``.
_FUTURE_SECTION = LazyPattern(
    r"(?i:(?:(?:phase|stage|part|milestone)[ \t]+[0-9]{1,3}[ \t]*[:.—–-][ \t]*"
    r"|[0-9]{1,3}\.[ \t]+)?"
    r"(?:future|long[ \t-]term|some[ \t]?day)"
    r"(?:[ \t]+(?:vision|ideas?|work|plans?|directions?|features|horizon))?)"
)


def _future_section(section: str | None) -> str | None:
    """``idea`` for an item with no status of its own in a part of the plan named for
    its far horizon (``### 6.1 Ambient AI Companion`` under ``## Phase 6: Future
    Vision``): work not committed to, as a person reads it; else None."""
    if not section or len(section) > 60:
        return None
    return "idea" if _FUTURE_SECTION.fullmatch(section.strip()) is not None else None


def section_status(section: str | None) -> str | None:
    """The status a section names when its heading is a status and nothing else (``##
    Ready``, ``## Done``, ``## ✅ Completed``): a queue whose items stand in the section of
    their state, each item without a status of its own taking the section's."""
    if not section or len(section) > 40:
        return None
    words = [word for word in section.split() if any(char.isalnum() for char in word)]
    if len(words) > 1 and words[-1][:1] == "(" and words[-1][-1:] == ")":
        words = words[:-1]  # a note in brackets: ``## Completed Tasks (Last 5)``
    if len(words) > 2 and words[-2][:1] == "(" and words[-1][-1:] == ")":
        words = words[:-2]
    if len(words) > 1 and words[-1].casefold() in _WORK_WORDS:
        words = words[:-1]  # what the section holds: ``## Completed Tasks``
    return section.strip() if " ".join(words).casefold() in COMMON_STATUSES else None


# The work a status section says it holds, after the status: ``Tasks`` of ``## Done Tasks``.
_WORK_WORDS = frozenset({"tasks", "items", "stories", "issues", "tickets", "features"})


def _without_remark(priority: str | None) -> str | None:
    """A priority without the remark written after it (``P0 - foundation``, ``P1
    (anti-fabrication)``, ``🔴 P0 - CRITICAL`` read as ``P0``, ``P1``, ``🔴 P0``), as a
    person reads the level."""
    if priority is None:
        return None
    mark, head, rest = "", *priority.strip().partition(" ")[::2]
    if head and not any(char.isalnum() for char in head) and rest:
        # a coloured mark before the level: ``🔴 P0 - CRITICAL`` is ``🔴 P0``
        mark, (head, _, rest) = f"{head} ", rest.lstrip().partition(" ")
    level = (head[:1] in "Pp" and head[1:2].isdigit() and len(head) <= 4) or (
        head.lower() in PRIORITY_WORDS
    )
    remark = rest.lstrip()[:1] in ("-", "—", "–", "(") and len(rest.strip()) > 1
    return mark + head if level and remark else priority


def legend_priority(item: Item, legend: Legend | None) -> Item:
    """``item`` with the priority its field writes where the document's Priority Legend
    lists it whole (``P0 (legacy)``): a value the legend names is no level and remark."""
    if legend is None or item.priority is None:
        return item
    written = item.field("priority")
    if written is None or written.value == item.priority or written.value not in legend.values:
        return item
    return replace(item, priority=written.value)


# A priority-group heading: "P0 — Correctness", "P1: Soon", "P2"; a roadmap's tiers,
# "Tier 1: Core Reliability" (the tiers of priority its features are grouped in).
_PRIORITY_GROUP = LazyPattern(r"(P[0-4]|Tier[ \t][0-9])(?:[ \t]*[—–:-][ \t]|[ \t]*$)")
# The same in capitals after a coloured mark, a queue's band: "🔴 TIER 1: BLOCKING ISSUES".
_MARKED_TIER = LazyPattern(r"[^\w\s]\ufe0f?[ \t]+(TIER[ \t][0-9])[ \t]*[—–:-][ \t]")
# A band numbered by its priority after a mark: "🎯 Priority 1: Core Functionality".
_MARKED_PRIORITY_NUMBER = LazyPattern(
    r"[^\w\s]\ufe0f?[ \t]+priority[ \t]([0-9])[ \t]*[—–:-][ \t]", re.IGNORECASE
)


# A band of priority written in capitals after a mark, then a remark in brackets or after
# a dash, or nothing: "🚨 CRITICAL (Bloqueurs) - Score: 4/4 ✅ 100%", "⚠️ HIGH - Score: 3/4".
_MARKED_PRIORITY_BAND = LazyPattern(
    r"[^\w\s]\ufe0f?[ \t]+(CRITICAL|HIGH|MEDIUM|LOW)(?:[ \t]+[(—–-]|[ \t]*$)"
)


# A group's priority in brackets ending its heading: "Epic A: CLI Contract (P0)".
_BRACKETED_PRIORITY = LazyPattern(r"\((P[0-4])\)[ \t]*$")


# The priority the heading reader puts first in a title, from ``MD-001 (P0) — Title``.
_LEADING_PRIORITY = LazyPattern(r"\((P[0-4])\)[ \t]+")
# A note closing a heading's title with the item's priority: ``(High Priority)``,
# ``(Priority: Low)``.
_NOTED_PRIORITY = LazyPattern(
    r"(?<=[ \t])\((?:(?P<word>critical|high|medium|low)[ \t]+priority"
    r"|priority:[ \t]*(?P<named>critical|high|medium|low))\)$",
    re.IGNORECASE,
)


def noted_priority_start(title: str) -> int | None:
    """Where a note closing a heading's title with its priority starts (the bracket of
    ``Network Validation (High Priority)``), so a new title keeps it; None without one."""
    noted = _NOTED_PRIORITY.search(title) if title.endswith(")") else None
    return noted.start() if noted is not None and title[: noted.start()].strip() else None


def _group_priority(section: str | None) -> str | None:
    """The priority a priority-group section gives the items under it that name none:
    a band (``P0 — Correctness``) or a group whose heading ends with its priority in
    brackets (``Epic A: CLI Contract and Error Stability (P0)``)."""
    if not section:
        return None
    numbered = _MARKED_PRIORITY_NUMBER.match(section)
    if numbered is not None:
        return f"P{numbered[1]}"  # ``🎯 Priority 2: Personal Data``: the band of P2
    match = (
        _PRIORITY_GROUP.match(section)
        or _MARKED_TIER.match(section)
        or _MARKED_PRIORITY_BAND.match(section)
        or (_BRACKETED_PRIORITY.search(section) if section.endswith(")") else None)
    )
    if match is None and section[-1:].isalpha():
        # an epic whose heading ends with its priority after a mark: ``E1 CLI Core ❗️
        # Critical``, ``E4 Build and Packaging ❕ Normal``
        match = _MARKED_GROUP_PRIORITY.search(section[-40:])
    return match[1] if match is not None else None


# A priority word after a mark, ending a group's heading: `` ❗️ Critical``, `` ❕ Normal``.
_MARKED_GROUP_PRIORITY = LazyPattern(
    r"[^\w\s][ \t]{1,3}(critical|high|medium|normal|low)$", re.IGNORECASE
)


_PRIORITY_WORD = LazyPattern(r"P[0-4]|critical|high|med|medium|low|urgent", re.IGNORECASE)


def _marks(marks: str) -> tuple[str | None, str | None]:
    """The status and the priority marks before a heading's title say: a mark with a
    common status meaning (``✅``, ``⬜``) is the status; a mark joined to a priority word
    (``🟡Med``, ``🔴High``) is that priority."""
    status = priority = None
    for token in marks.split():
        word = "".join(char for char in token if char.isalnum())
        if word and _PRIORITY_WORD.fullmatch(word):
            priority = priority or word
        elif common_meaning(token) is not None:
            status = status or token
    return status, priority


def _value(fields: dict[str, Field], key: str) -> str | None:
    found = fields.get(key)
    return found.value if found is not None and found.value else None


_PHASE_NUMBER = LazyPattern(r"[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}(?![\w.-])")
_NUMBERED_WORDS = ("Phase", "Task", "Stor", "Milestone", "Epic")  # what NUMBERED_ID starts with


def _noted_references(
    references: list[str], externals: list[str], id_pattern: str
) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """An external dependency that begins with an ID (``ABC-7 merged upstream``,
    ``Phase 3 (auth)``) names that item; the prose after it is kept as its note."""
    if not externals:
        return references, externals, []  # most values: IDs alone, nothing to look into
    leading = id_regex(id_pattern, LEADING)
    whole = patterns(id_pattern).id_only
    kept: list[str] = []
    notes: list[tuple[str, str]] = []
    named = set(references)
    spans = 0  # how many items the value's ranges named: at most _NUMBERED_RANGE_LIMIT
    word = ""  # after ``Phase 25``, a bare number names a phase: ``Phase 25, 26``
    for name in [part for written in externals for part in _and_numbered(written)]:
        if word and _PHASE_NUMBER.match(name):
            name = f"{word} {name}"
        phase = NUMBERED_ID.match(name) if name.startswith(_NUMBERED_WORDS) else None
        word = phase["word"] if phase is not None else ""
        match = leading.match(name)
        found, rest = None, ""
        if phase is not None:  # ``Tasks 1.1``: the task, named in the singular
            found, rest = f"{_singular(phase['word'])} {phase['number']}", name[phase.end() :]
            joined = _JOINED_NUMBER.match(rest)
            if joined is not None and found not in named:  # ``Stories 1 & 2``: both
                named.add(found)
                references.append(found)
                found, rest = f"{_singular(phase['word'])} {joined[1]}", rest[joined.end() :]
        elif match is not None:
            found, rest = match["id"], name[len(match["id"]) :]
        spanned = _numbered_range(found, rest) if phase is not None else []
        if spanned and spans + len(spanned) <= _NUMBERED_RANGE_LIMIT:
            spans += len(spanned)
            references += [name for name in spanned if name not in named]
            named.update(spanned)
            continue
        if spanned:  # past the bound: kept as written, as a range too long is
            kept.append(name)
            continue
        # a sentence's full stop after the ID (``**Deps:** F-001, F-003.``) is no part of it
        stop = rest == "." or rest.startswith((". ", ".\t"))
        unnamed = rest and rest[0] not in " \t(;:—–," and not stop
        if found is None or unnamed or _unexpanded(name, whole):
            kept.append(name)  # a range too long to expand is kept whole, not its first ID
            continue
        found = " ".join(found.split())
        if found not in named:
            named.add(found)
            references.append(found)
        note = rest.strip(" \t;:—–-.")
        if note:
            notes.append((found, note))
    return references, kept, notes


def read_dependencies(value: str, id_pattern: str) -> tuple[list[str], list[str]]:
    """The item references and external dependencies a Depends on value written as
    ``value`` (markdown) reads as: what a check of the written file will follow."""
    references, externals = split_dependencies(plain_text(value), patterns(id_pattern).id_only)
    references, externals, _ = _noted_references(references, externals, id_pattern)
    return references, externals


# ``Task 10-13``: every numbered unit of the range, as a person reads it; ``Task 1-68``
# (all the tasks before the release) is a range too.
_NUMBERED_RANGE = LazyPattern(r"-([0-9]{1,6})(?![\w.])")
_NUMBERED_RANGE_LIMIT = 200


def _singular(word: str) -> str:
    return "Story" if word == "Stories" else word


# ``and`` before another numbered unit named with its word: `` and Phase 3`` of ``Phase 2
# (salaries) and Phase 3 (overtime)``.
# (the word found first, behind a blank: a run of blanks is never scanned from each start)
_AND_NUMBERED = LazyPattern(
    r"(?<=[ \t])and[ \t]++(?=(?:Phase|Task|Stor|Milestone|Epic)[a-z]{0,3}[ \t]+[0-9])"
)


def _and_numbered(name: str) -> list[str]:
    """The numbered units a dependency joins with ``and`` (``Phase 2 (note) and Phase 3
    (note)``), each with its note; an ``and`` inside a note's brackets joins no unit."""
    if " and " not in name:
        return [name]
    parts: list[str] = []
    start = 0
    for joined in _AND_NUMBERED.finditer(name):
        before = name[start : joined.start()]
        if before.count("(") == before.count(")"):
            parts.append(before)
            start = joined.end()
    return [*parts, name[start:]]


# A second number joined to a numbered ID: `` & 2`` of ``Stories 1 & 2``.
_JOINED_NUMBER = LazyPattern(r"[ \t]*(?:[&+]|and)[ \t]+([0-9]{1,6})(?![\w.])")


def _numbered_range(found: str | None, rest: str) -> list[str]:
    """``Task 10``, ``Task 11``... for ``Task 10`` followed by ``-13``, and ``Task 2.1``
    ... ``Task 2.5`` for ``Task 2.1`` followed by ``-2.5``; else none. A note in brackets
    after the range (``Phases 1-5 (full backend)``) says what the range is: every unit of
    it is still named."""
    if found is not None and "." in found and rest[:1] == "-":
        return _dotted_range(found, rest)
    match = _NUMBERED_RANGE.match(rest)
    if found is None or match is None or not _noted_or_nothing(rest[match.end() :]):
        return []
    word, _, number = " ".join(found.split()).rpartition(" ")
    if not number.isdigit() or not 0 < int(match[1]) - int(number) <= _NUMBERED_RANGE_LIMIT:
        return []
    return [f"{word} {n:0{len(number)}d}" for n in range(int(number), int(match[1]) + 1)]


_DOTTED_RANGE = LazyPattern(r"-([0-9]{1,6}(?:\.[0-9]{1,6}){1,5})(?![\w.])")


def _dotted_range(found: str, rest: str) -> list[str]:
    """The tasks of a range of dotted numbers that differ in their last part only
    (``Task 2.1`` to ``-2.5``); none for any other."""
    match = _DOTTED_RANGE.match(rest)
    if match is None or not _noted_or_nothing(rest[match.end() :]):
        return []
    word, _, number = " ".join(found.split()).rpartition(" ")
    head, _, first = number.rpartition(".")
    end_head, _, last = match[1].rpartition(".")
    if head != end_head or not first.isdigit() or not 0 < int(last) - int(first) <= 50:
        return []
    return [f"{word} {head}.{n}" for n in range(int(first), int(last) + 1)]


def _noted_or_nothing(after: str) -> bool:
    """Whether what follows a range is nothing or a note in brackets (`` (full backend)``;
    a note with a comma in it is cut at the comma, ``(schema``)."""
    tail = after.strip()
    return not tail or tail[0] == "("


def _says_none(name: str) -> bool:
    """``Nothing (first phase)``, ``None (standalone)``: no dependency, with a reason."""
    word, bracket, _ = name.partition(" (")
    return bool(bracket) and word.lower() in ("none", "nothing")


def split_dependencies(value: str, id_pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    """Split a Depends on value into item references and external dependencies.

    ``None``, ``n/a`` and ``-`` (any case) name no dependency.
    """
    references: list[str] = []
    externals: list[str] = []
    spans = 0  # how many items the value's ranges named: at most _RANGE_LIMIT * 4
    for part in _outside_brackets(value.replace(";", ",")):
        name = part.strip()
        if name.lower() in _NO_DEPENDENCY or _says_none(name):
            continue
        spanned = _range(name, id_pattern) or _noted_range(name, id_pattern)
        if spanned and spans + len(spanned) <= _RANGE_LIMIT * 4:
            spans += len(spanned)
            references += spanned
            continue
        (references if id_pattern.fullmatch(name) else externals).append(name)
    return references, externals


def _outside_brackets(value: str) -> list[str]:
    """``value`` split at its commas, but for those inside a note's brackets (``Phase 2
    (salaries, PTKP) and Phase 3``); a bracket never closed splits at every comma."""
    if "(" not in value:
        return value.split(",")
    parts: list[str] = []
    depth = start = 0
    for at, char in enumerate(value):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            parts.append(value[start:at])
            start = at + 1
    return value.split(",") if depth else [*parts, value[start:]]


# ``TASK-001 through TASK-006``: every ID of the range, written with the first's digits;
# the word between them in the plan's language too (``US-02 a US-07``, ``T-1 bis T-4``).
_RANGE = LazyPattern(
    r"(?P<a>(?P<prefix>\S*?)(?P<m>[0-9]{1,6}))[ \t]+(?:through|to|thru|a|al|hasta|bis|à|até)"
    r"[ \t]+(?P<b>\S+)"
)
_RANGE_LIMIT = 50
_RANGE_WORDS = ("through", "to", "thru", " a ", " al ", "hasta", "bis", " à ", "até")


# ``T033-T037``: a range written with a dash between two IDs of one prefix.
_DASHED_RANGE = LazyPattern(
    r"(?P<a>(?P<prefix>[A-Za-z]{1,8}-?)(?P<m>[0-9]{1,6}))"
    r"[ \t]?[-–][ \t]?(?P<b>[A-Za-z]{1,8}-?[0-9]{1,6})"
)


def _range_match(name: str) -> re.Match[str] | None:
    # a word of a range first: a name without one never compiles the pattern (a loop,
    # not any() over a generator, which took twice as long for each dependency)
    for word in _RANGE_WORDS:
        if word in name:
            return _RANGE.fullmatch(name)
    if "-" in name[1:] or "–" in name:
        return _DASHED_RANGE.fullmatch(name)
    return None


def _unexpanded(name: str, id_pattern: re.Pattern[str]) -> bool:
    """``T-001 through T-099``: a range between two IDs, too long to name each."""
    found = _range_match(name)
    return found is not None and id_pattern.fullmatch(found["b"]) is not None


def id_range(name: str, id_pattern: re.Pattern[str]) -> list[str]:
    """Every ID of a range written between two IDs (``E-01 through E-08``), else []."""
    return _range(name, id_pattern)


def _noted_range(name: str, id_pattern: re.Pattern[str]) -> list[str]:
    """``TSK-0001 to TSK-0006 (all implementation tasks)``: a range with a note in brackets
    after it names every ID of the range, not its first alone."""
    if not name.endswith(")") or " (" not in name:
        return []
    return _range(name[: name.rindex(" (")].rstrip(), id_pattern)


def _range(name: str, id_pattern: re.Pattern[str]) -> list[str]:
    found = _range_match(name)
    if found is None or not (id_pattern.fullmatch(found["a"]) and id_pattern.fullmatch(found["b"])):
        return []
    prefix, first = found["prefix"], found["m"]
    if not found["b"].startswith(prefix) or not found["b"][len(prefix) :].isdigit():
        return []
    last = int(found["b"][len(prefix) :])
    if not 0 < last - int(first) <= _RANGE_LIMIT:
        return []
    return [f"{prefix}{n:0{len(first)}d}" for n in range(int(first), last + 1)]


# A group heading's own field line over the items under it: ``### Epic: Admin`` over
# ``**Priority**: 🟠 P1 | **Status**: In Progress``.
_GROUP_PRIORITY_FIELD = LazyPattern(
    r"(?:\*\*Priority\*\*[ \t]*:|\*\*Priority:\*\*)[ \t]*(?P<value>[^|*\n]{1,40})"
)
_HEADING_MARKS = LazyPattern(r"[ \t]{0,3}(?P<marks>#{1,6})[ \t]+")


def with_group_priority(items: list[Item], lines: list[str]) -> list[Item]:
    """``items``, a heading item that names no priority given the one its group's heading
    writes on the line right under it (``### Epic: Admin`` over ``**Priority**: 🟠 P1 |
    **Status**: In Progress``, its features ``#### F-001: ...`` under it), as a priority
    band's heading gives its own (``## P1 — Soon``)."""
    if not any(item.priority is None for item in items):
        return items
    groups: dict[str, str] = {}
    read = []
    for item in items:
        if (
            item.priority is None
            and item.section
            and (
                written := groups.get(item.section)
                if item.section in groups
                else groups.setdefault(item.section, _group_field(item, lines))
            )
        ):
            item = replace(item, priority=written)  # a priority set is written on the item
        read.append(item)
    return read


def _group_field(item: Item, lines: list[str]) -> str:
    """The priority the heading of ``item``'s section writes on the line under it, found
    above the item's own heading (a lower level, the section's name); empty where none."""
    own = _HEADING_MARKS.match(lines[item.position.line - 1])
    if own is None:
        return ""
    level = len(own["marks"])
    for number in range(item.position.line - 2, -1, -1):
        line = lines[number]
        heading = _HEADING_MARKS.match(line) if line[:1] in "# " else None
        if heading is None or len(heading["marks"]) >= level:
            continue
        if line[heading.end() :].strip().rstrip("#").strip() != item.section:
            return ""
        under = next((text.strip() for text in lines[number + 1 : number + 3] if text.strip()), "")
        found = _GROUP_PRIORITY_FIELD.match(under)
        return (_without_remark(found["value"].strip()) or "") if found is not None else ""
    return ""


def with_table_state(items: list[Item], lines: list[str]) -> list[Item]:
    """``items``, one whose Status field says what a summary table's Readiness column
    says of it (``**Status:** ⚠️ Needs Clarification`` under ``### TSK-0003``, its row
    ``| TSK-0003 | ... | To Do | ⚠️ Needs Clarification |``) taking the row's Status: the
    field says whether the task is ready to start, the table's Status where its work
    stands, as a person reads the two columns."""
    if not any(item.status is not None for item in items):
        return items
    rows = _readiness_rows(lines)
    if not rows:
        return items
    read = []
    for item in items:
        row = rows.get(item.id)
        if row is not None and item.status is not None and item.status.strip() == row[1]:
            # the field stays the item's: a status set there says where the work stands
            item = replace(item, status=row[0])
        read.append(item)
    return read


def _readiness_rows(lines: list[str]) -> dict[str, tuple[str, str, int]]:
    """Each row of a table with both a Status and a Readiness column, by the ID in its
    first cell: (the status, the readiness, the row's line, 1-based)."""
    rows: dict[str, tuple[str, str, int]] = {}
    columns: tuple[int, int] | None = None
    for number, line in enumerate(lines):
        text = line.strip()
        if not text.startswith("|"):
            columns = None
            continue
        cells = [cell.strip().strip("*`").strip() for cell in text.strip("|").split("|")]
        if columns is None:
            names = [cell.casefold() for cell in cells]
            if "status" in names and "readiness" in names:
                columns = (names.index("status"), names.index("readiness"))
            continue
        status, readiness = columns
        if not cells[0].strip("-: "):
            continue  # the delimiter row
        if len(cells) > max(status, readiness) and cells[status] and cells[status] != "-":
            rows.setdefault(cells[0], (cells[status], cells[readiness], number + 1))
    return rows
