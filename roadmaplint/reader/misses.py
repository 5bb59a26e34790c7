"""When no item was read: what looked like one, and why it was not read.

Only run on a document with no items, so it may look at every line.
"""

from __future__ import annotations

import re

from roadmaplint.model import NearMiss
from roadmaplint.reader.blocks import Blocks, HeadingBlock
from roadmaplint.reader.dialect import (
    ITEM_LEVELS,
    SEPARATORS,
    Dialect,
    field_names,
    match_item_heading,
    patterns,
)
from roadmaplint.reader.fields import field_start
from roadmaplint.reader.inline import InlineText
from roadmaplint.reader.outline import steps_titled
from roadmaplint.settings import describe_id_pattern
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it.token import Token

    from roadmaplint.reader.shape_misses import Miss

# `[anything] Title`, or a first word with a digit followed by a separator.
# (a run of blanks taken whole: split two ways, a long run made the match quadratic)
_BRACKETED = LazyPattern(r"\[([^\]\s]{1,40})\][ \t]*+[—–:-]?[ \t]*+\S")
_SEPARATED = LazyPattern(
    r"(?<![\w.#/-])([\w.#/-]{1,40})(?:"
    + "|".join(re.escape(sep) for sep in SEPARATORS)
    + r")[ \t]*\S"
)
_FIRST_WORD = LazyPattern(r"(?<!\S)([^\s\[\]]{1,40})[ \t]+\S")
# A quarter or a half of a year (``Q4 2025: Advanced Analytics``, ``H1 2026``): a date a
# roadmap is grouped by, which looks like an ID and is none.
_DATED = LazyPattern(r"[QH][1-4][ \t]+(?:19|20)[0-9]{2}\b", re.IGNORECASE)
# A day (``2026-03-13``) where an ID would be: a dated entry of a journal or a log.
_DAY = LazyPattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HEADING_LINE = LazyPattern(r"(?<![^\n])\s{0,3}#{2,6}[ \t]+(.*)")
_BULLET = LazyPattern(r"[-*+][ \t]+")
# A list entry at the margin, bulleted or numbered: ``- Name``, ``1. **Install**``.
_LIST_ENTRY = LazyPattern(r"(?:[-*+]|[0-9]{1,3}[.)])[ \t]+")
# `12. Title`, `1.1 Title`, `Task 1: Title`, `Phase 2 Name`: a number where an ID would be.
_NUMBERED = LazyPattern(
    r"(?:(?P<word>(?i:phase|stage|step|milestone|sprint|task|epic|story|iteration|item|"
    r"ticket|feature))[ \t]+(?P<number>[0-9]{1,6}(?:\.[0-9]{1,6}){0,5})\.?(?:[ \t]*[:)—–-])?"
    r"|(?P<bare>[0-9]{1,6}(?:\.[0-9]{1,6}){1,5}\.?|[0-9]{1,6}[.):]))[ \t]+\S"
)
# A release of a changelog (``[1.9.1] - 2026-03-25``, ``v2.0.0 – 2024-01-05``, ``1.2 —
# Released``, ``[1.3.0] - Unreleased``): a version and its date or the word that says it
# was released, which a plan's ID and title never are.
_RELEASE = LazyPattern(
    r"(?i:version[ \t]+)?\[?v?[0-9]{1,6}(?:\.[0-9]{1,6}){1,3}[\w.+-]{0,20}\]?[ \t]*+"
    r"(?:[—–:-][ \t]*+)?\(?(?:[0-9]{4}-[0-9]{2}-[0-9]{2}\b|(?i:yyyy-mm-dd)\b"
    r"|(?i:released|unreleased|yanked|stable|latest|current)\b)"
)
# A version named by a remark in brackets that ends the heading (``2.0 (plugin API)``,
# ``0.1.1 (hotfix)``): a release of a changelog or a README, which a numbered task, its
# title after the number (``1.2 Write the parser``), never is.
_NAMED_RELEASE = LazyPattern(r"v?[0-9]{1,6}(?:\.[0-9]{1,6}){1,3}[ \t]++\([^()\n]{1,80}\)[ \t]*")
# A version where an ID would be (``v1.2``): a release, whose ID it is only in a plan
# that writes its work's fields below it. A bare ``1.2`` may number a task.
_VERSION = LazyPattern(r"[vV][0-9]{1,6}(?:\.[0-9]{1,6}){1,3}")
# A status an API's entry or a library's part is in (``Status: deprecated``): where it
# stands in its life, no work done or to do.
_LIFECYCLE = LazyPattern(
    r"(?:deprecated|stable|experimental|beta|alpha|preview|legacy|obsolete|removed|retired"
    r"|supported|unsupported|internal|public|frozen)\.?",
    re.IGNORECASE,
)
MAX_PER_KIND = 1


def near_misses(
    blocks: Blocks, lines: list[str], dialect: Dialect, text: InlineText, declared: bool = False
) -> tuple[NearMiss, ...]:
    """Why what looks like an item was not read as one. ``declared``: the document writes
    a legend of its statuses or priorities, so it says it is a plan."""
    found: list[tuple[str, NearMiss]] = []
    id_only = patterns(dialect.id_pattern).id_only
    outline = _outline(blocks.headings, text)
    for number, heading in enumerate(blocks.headings):
        following = number + 1 < len(blocks.headings)  # no copy of the rest for each
        end = blocks.headings[number + 1].line - 1 if following else len(lines)
        misses = _heading_miss(heading, text(heading.source), dialect, id_only, nested=False)
        if (
            misses
            and misses[0][0] in ("separator", "version")
            and not declared
            and not _fields_of_work_under(lines, heading, end, dialect)
        ):
            # ``### E1001 Invalid token`` over prose (or over ``Status: deprecated``, what
            # an API's entry is, no work): a reference page's entry, no item that lost its
            # separator (that one writes a field of work below it, or stands in a document
            # whose legends say it is a plan); ``## v1.2 — Claim pool`` over its notes: a
            # release of a history
            misses = []
        elif not misses and heading.line not in outline:
            misses = _plain_heading_miss(heading, text(heading.source), lines, end, dialect)
        elif (
            misses
            and misses[0][0] == "level"
            and number == 0
            and heading.level == 1
            and not _fields_of_work_under(lines, heading, len(lines), dialect)
        ):
            # ``# S02: Sovereign Network`` over what was built, no field of work anywhere
            # below: the title of a document about that one piece of work (its summary,
            # its notes), no item written a level too high
            misses = []
        found += misses
    found = _fields_of_work(found)
    for heading, _ in blocks.nested:
        found += _heading_miss(heading, text(heading.source), dialect, id_only, nested=True)
    found += [("code", miss) for miss in _code_misses(blocks.tokens, dialect)]
    found += [(kind, NearMiss(*miss)) for kind, miss in _shape_misses(blocks, dialect, text)]
    if (
        blocks.headings
        and blocks.headings[0].level == 1
        and steps_titled(text(blocks.headings[0].source))
    ):
        # a lesson's or a guide's numbered steps (``# Lab 3`` over ``## Task 1: Create a
        # bucket``, ``# Getting started`` over ``## 1. Install``) come close to no plan
        found = [(kind, miss) for kind, miss in found if kind != "numbered"]
    if any(kind == "paragraph" for kind, _ in found):
        # Fields under a heading belong to the paragraph items there: that miss says why.
        found = [(kind, miss) for kind, miss in found if kind != "fields"]
    by_kind: dict[str, int] = {}
    kept: list[NearMiss] = []
    for kind, miss in sorted(found, key=lambda pair: pair[1].line):
        by_kind[kind] = by_kind.get(kind, 0) + 1
        if by_kind[kind] <= MAX_PER_KIND:
            kept.append(miss)
    return tuple(kept)


def _outline(headings: list[HeadingBlock], text: InlineText) -> set[int]:
    """The lines of headings that number a document's sections (``## 1. Purpose``,
    ``## 2. Scope``, then ``### 2.1 Inputs``): bare numbers counting up from 1 at a level,
    again from 1 in a later part if it likes. A document's outline comes no closer to
    items than its sections do; a lone ``## 12. Write the parser`` may."""
    top: dict[int, list[tuple[int, int]]] = {}
    dotted: list[int] = []
    for heading in headings:
        numbered = _NUMBERED.match(text(heading.source))
        if numbered is None or not numbered["bare"]:
            continue
        bare = numbered["bare"].rstrip(".):")
        if "." in bare:
            dotted.append(heading.line)
        else:
            top.setdefault(heading.level, []).append((int(bare), heading.line))
    lines: set[int] = set()
    for run in top.values():
        counted = all(
            number == 1 or (index and number == run[index - 1][0] + 1)
            for index, (number, _) in enumerate(run)
        )
        if counted and len(run) >= 2 and run[1][0] == 2:
            lines.update(line for _, line in run)
    return lines | set(dotted) if lines else lines


def _heading_miss(
    heading: HeadingBlock, plain: str, dialect: Dialect, id_only: re.Pattern[str], *, nested: bool
) -> list[tuple[str, NearMiss]]:
    line = heading.line
    levels = (dialect.item_level,) if dialect.item_level else ITEM_LEVELS
    matched = match_item_heading(plain, dialect)
    if matched is not None:
        if nested:
            reason = f'heading "{plain}" is inside a list or block quote, so it is no item'
            return [("nested", NearMiss(line, reason))]
        if heading.level not in levels:
            wanted = (
                f"item-heading-level is {dialect.item_level}"
                if dialect.item_level
                else "items are headings of level 2, 3 or 4"
            )
            return [
                (
                    "level",
                    NearMiss(line, f'heading "{plain}" is of level {heading.level}; {wanted}'),
                )
            ]
        return []
    if _RELEASE.match(plain) is not None:
        return []  # a changelog's release, its version and date
    candidate = _BRACKETED.match(plain) or _SEPARATED.match(plain)
    if candidate is not None and _DAY.fullmatch(candidate[1]) is not None:
        return []  # ``2026-03-13: Release day``: a journal's entry, dated, no ID written wrong
    if candidate is not None and any(character.isdigit() for character in candidate[1]):
        word = candidate[1]
        reason = (
            f'heading "{plain}": its ID "{word}" does not match '
            f"{describe_id_pattern(dialect.id_pattern)}"
        )
        kind = "version" if _VERSION.fullmatch(word) else "pattern"
        return [(kind, NearMiss(line, reason))]
    first = _FIRST_WORD.match(plain)
    if first is not None and id_only.fullmatch(first[1]) and _DATED.match(plain) is None:
        reason = (
            f'heading "{plain}": no separator after the ID (write "[{first[1]}] Title" '
            f'or "{first[1]} — Title")'
        )
        return [("separator", NearMiss(line, reason))]
    return []


def _template_title(matched: tuple[str, str] | None) -> bool:
    """Whether an item heading's title is only a template's blank, where a name will be
    written (``Phase 1: _[Phase Name]_``, ``## Phase N ✅ — <phase name>``): a template of
    the plan, no item that was missed."""
    if matched is None:
        return False
    title = matched[1].strip()
    end = len(title)
    while end and not (title[end - 1].isalnum() or title[end - 1] in "]>}*_"):
        end -= 1  # the marks after it: ``<phase name> ✅`` is ``<phase name>``
    return _TEMPLATE_BLANK.fullmatch(title[:end]) is not None


# A heading that names a part of its document by the word for one: ``Section 3: Test
# Scope``, ``Chapter 2``, ``Part IV``.
_DOCUMENT_PART = LazyPattern(
    r"(?:section|chapter|part|appendix|chapitre|capítulo|capitulo|abschnitt|kapitel)"
    r"[ \t]+(?:[0-9]{1,3}|[IVXLC]{1,6}|[A-Z])\b",
    re.IGNORECASE,
)
# A template's blank: ``[Phase Name]``, ``<phase name>``, ``{{title}}``, in emphasis or not (a
# bracketed ID alone, ``[TASK-1]``, is none).
_TEMPLATE_BLANK = LazyPattern(
    r"[_*]{0,2}(?:\[(?=[^\[\]]{0,60}[a-z ])[^\[\]]{1,60}\]"
    r"|<[A-Za-z][\w .-]{0,40}>|\{\{[^{}]{1,60}\}\}|\{[A-Za-z][^{}]{0,60}\})[_*]{0,2}"
)


# A word and a colon before a heading's name (``Task: {TASK_NAME}``), and a note after it
# in brackets (``[Name] (optional)``, ``{TASK_NAME} (SP-{NUMBER})``).
_LABEL_BEFORE = LazyPattern(r"[A-Za-z][\w ]{0,20}:[ \t]+")
_NOTE_AFTER = LazyPattern(r"\([^()]{1,40}\)[ \t]*$")


def _blank_name(text: str) -> bool:
    """Whether a heading's name is a template's blank still to be written, after a label
    (``Task: {TASK_NAME}``) or before a note in brackets (``[Name] (optional)``)."""
    name = _NOTE_AFTER.sub("", text.strip()).rstrip()
    label = _LABEL_BEFORE.match(name)
    if label is not None:
        name = name[label.end() :]
    return _TEMPLATE_BLANK.fullmatch(name.strip()) is not None


def _code_misses(tokens: list[Token], dialect: Dialect) -> list[NearMiss]:
    found: list[NearMiss] = []
    for token in tokens:
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        if _template_example(token.content):
            continue  # ``# Roadmap: [Project Name]`` over its phases: a template's example
        for offset, source in enumerate(token.content.splitlines()):
            heading = _HEADING_LINE.match(source)
            matched = match_item_heading(heading[1].strip(), dialect) if heading else None
            if (matched and not _template_title(matched)) or (
                source.strip().startswith(("-", "*", "+", "**")) and _field_in(source, dialect)
            ):
                line = token.map[0] + 1 + offset + (1 if token.type == "fence" else 0)
                found.append(
                    NearMiss(line, "item headings or fields inside a code block are not read")
                )
                break
    return found


def _template_example(content: str) -> bool:
    """Whether a code block is a template's example of a plan: three blanks or more where
    names and values will be written (``[Project Name]``, ``[Brief description]``), no plan
    that was fenced by mistake."""
    return len(_TEMPLATE_BLANK.compiled().findall(content, 0, 20_000)) >= 3


def _field_in(source: str, dialect: Dialect) -> bool:
    stripped = source.strip().lstrip("-*+ \t")
    start = field_start(stripped, field_names(dialect))
    return start is not None and dialect.is_known(start[0])


def _plain_heading_miss(
    heading: HeadingBlock, plain: str, lines: list[str], end: int, dialect: Dialect
) -> list[tuple[str, NearMiss]]:
    """A heading with no ID: numbered (``## 12. Title``, ``## Task 1: Title``), or with
    fields below it."""
    if (
        heading.level not in ITEM_LEVELS
        or _RELEASE.match(plain) is not None
        or _NAMED_RELEASE.fullmatch(plain) is not None
    ):
        return []  # a changelog's release (``## 1.2 — Released``) is no numbered task
    if _template_title(match_item_heading(plain, dialect)) or _blank_name(plain):
        # ``### Phase 1: _[Phase Name]_``, ``#### {{active_task1_title}}``, ``#### Task:
        # {TASK_NAME} (SP-{NUMBER})``: a template's heading, its name unwritten
        return []
    if _DOCUMENT_PART.match(plain) is not None:
        return []  # ``### Section 3: Test Scope``: a part of the document, named as one
    if _METADATA.fullmatch(plain) is not None:
        return []  # ``## Metadata`` over ``status: DRAFT``: the document's own fields
    numbered = _NUMBERED.match(plain)
    if numbered is not None and _blank_name(plain[numbered.end() - 1 :]):
        # ``#### Milestone 1: [Name]``, ``## Milestone 1: [Name] (optional)``: a template's
        # numbered heading, unnamed
        return []
    if numbered is not None:
        word = numbered["word"] or ""
        if word.lower() == "phase":
            reason = (
                f'heading "{plain}": a phase heading is "Phase {numbered["number"]}: Name" '
                '(":" or "—" after the number)'
            )
        else:
            reason = (
                f'heading "{plain}" is numbered, not an item with an ID: write '
                f'"ID — Title" with an ID that matches {describe_id_pattern(dialect.id_pattern)}'
                ' (or "Phase N: Name" for a phase)'
            )
        return [("numbered", NearMiss(heading.line, reason))]
    known = _known_fields(lines, heading, end, dialect)
    if known:
        name = known[0]
        reason = (
            f'heading "{plain}" has fields ({name}) but no ID: write "ID — {plain}" '
            f"with an ID that matches {describe_id_pattern(dialect.id_pattern)}"
        )
        # one field alone is told by its key: ``## Requirements`` over ``Requires: ...``
        kind = "fields" if len({dialect.key(found) for found in known}) > 1 else "field"
        return [(kind + ":" + dialect.key(name), NearMiss(heading.line, reason))]
    return []


# A heading over the document's own fields (``## Metadata`` over ``created: 2024-02-13``,
# ``status: DRAFT``): the document's state, no item's.
_METADATA = LazyPattern(
    r"[^\w]*(?:document[ \t]+)?(?:metadata|meta[ \t]*data|info(?:rmation)?|properties)[^\w]*",
    re.IGNORECASE,
)


def _fields_of_work_under(
    lines: list[str], heading: HeadingBlock, end: int, dialect: Dialect
) -> bool:
    """Whether the lines under ``heading`` up to ``end`` write a known field of work: a
    ``Status: deprecated`` says where an API's entry stands in its life, no work."""
    names = field_names(dialect)
    for line in _outside_code(lines[heading.end : end]):
        stripped = _BULLET.sub("", line.strip(), count=1)
        start = field_start(stripped, names)
        if start is None or not dialect.is_known(start[0]):
            continue
        value = stripped[start[1] :].strip().strip("*_`")
        if _BLANK_VALUE.fullmatch(value) is not None:
            continue  # ``- Owner: [Name](/people/name.md)``: a template's blank
        if dialect.key(start[0]) != "status" or _LIFECYCLE.fullmatch(value) is None:
            return True
    return False


def _outside_code(lines: list[str]) -> list[str]:
    """The lines not inside a fenced code block: a template shown in a fence (``**Depends
    on**: Phase 1`` in a fenced roadmap) writes no field of the heading above it."""
    kept: list[str] = []
    fence = ""
    for line in lines:
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        kept.append(line)
    return kept


# A field's value that is a template's blank: ``[Name](/people/name.md)``, ``[Date]``,
# ``{{owner}}``, ``{AGENT_NAME}``, ``<Name>``, ``[List]``.
_BLANK_VALUE = LazyPattern(
    r"(?:\[[^\[\]]{1,40}\](?:\([^()\s]{0,200}\))?|\{\{[^{}]{1,60}\}\}|\{[A-Za-z][^{}]{0,60}\}"
    r"|<[A-Za-z][\w .-]{0,40}>)"
    r"(?:[ \t]*-[ \t]*(?:\[[^\[\]]{1,40}\]|[A-Za-z]{1,20}))?"
)


def _known_fields(lines: list[str], heading: HeadingBlock, end: int, dialect: Dialect) -> list[str]:
    """The names of the known fields in the lines under ``heading`` up to ``end``; a
    field indented under a list entry that is no field (``1. **Install**`` over ``   -
    Status: required``) is the entry's, not the heading's."""
    names = field_names(dialect)
    found: list[str] = []
    in_entry = False
    for line in _outside_code(lines[heading.end : end]):
        stripped = _BULLET.sub("", line.strip(), count=1)
        start = field_start(stripped, names)
        if line.strip() and not line[:1].isspace():
            in_entry = _LIST_ENTRY.match(line) is not None and start is None
        elif in_entry:
            continue
        if start is not None and dialect.is_known(start[0]):
            value = stripped[start[1] :].strip().strip("*_`")
            if _BLANK_VALUE.fullmatch(value) is None:
                found.append(start[0])
    return found


def _fields_of_work(found: list[tuple[str, NearMiss]]) -> list[tuple[str, NearMiss]]:
    """The headings with fields kept as near misses, each kind ``fields``: a heading with
    two fields or more, or one of two headings or more writing the same field alone. A
    README's one ``Status: beta`` under ``## Project status`` or ``Requires: Python 3.8``
    under ``## Requirements`` is a section saying one thing, no item that lost its ID."""
    alone: dict[str, int] = {}
    for kind, _ in found:
        if kind.startswith("field:"):
            alone[kind] = alone.get(kind, 0) + 1
    kept: list[tuple[str, NearMiss]] = []
    for kind, miss in found:
        if kind.startswith("fields:") or (kind.startswith("field:") and alone[kind] > 1):
            kept.append(("fields", miss))
        elif not kind.startswith("field"):
            kept.append((kind, miss))
    return kept


def _shape_misses(blocks: Blocks, dialect: Dialect, text: InlineText) -> list[tuple[str, Miss]]:
    """Tables, checkbox lists, front matter and paragraphs that look like items."""
    from roadmaplint.reader import shape_misses

    lines = blocks.lines
    found: list[tuple[str, Miss]] = []
    front = shape_misses.front_matter_miss(lines)
    if front is not None:
        found.append(("front matter", front))
    for index, token in enumerate(blocks.tokens):
        if token.level != 0 or token.map is None:
            continue
        miss: Miss | None = None
        if token.type == "paragraph_open":
            start, end = token.map
            table = shape_misses.table_miss(lines, start, end, dialect, text, plain=False)
            if table is not None:
                found.append(("table", table))
                continue
            miss = shape_misses.paragraph_miss(blocks.tokens, index, dialect, text)
            if miss is not None:
                found.append(("paragraph", miss))
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            miss = shape_misses.list_miss(blocks.tokens, index, lines)
            if miss is not None:
                found.append(("checkboxes", miss))
    return found
