"""How a document writes its fields, read from its own lines, so edits can copy it.

A field line is ``<prefix><label><value><tail>``: the prefix is whatever stands
before the field's name (indentation, block quote markers, a bullet ``- `` or an
ordered marker ``3. ``, or nothing for a paragraph line); the label is the name as
written (``**Status:** ``, ``**Status**: ``, ``Status: ``); the tail is a trailing
HTML comment. Edits copy the prefix and label of a line the parser already read as
a field, so every field style the parser accepts is written back in kind.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from roadmaplint.model import Field, Item
from roadmaplint.record import record
from roadmaplint.settings import KNOWN_FIELDS
from roadmaplint.text import LazyPattern

_ORDERED = LazyPattern(
    r"(?P<lead>[ \t]*(?:>[ \t]?)*)(?P<number>\d{1,9})(?P<delim>[.)])(?P<gap>[ \t]+)"
)
# A list marker (and any task box) at the start of a line: what stands before its text.
_MARKER = LazyPattern(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+")
# A box, followed by its text or by the line's end (its text on the next line).
_BOX = LazyPattern(r"\[([ xX])\](?:[ \t]+|[ \t]*(?:\r\n|[\r\n]|$))")
# Between bold fields that share a line (`**Effort:** M · **Status:** OPEN`, the metadata
# line of Jira-style queues): a middle dot, bullet or bar with spaces round it, then the
# next field's bold name.
_NEXT_FIELD = LazyPattern(
    r"(?<![ \t])[ \t]+[·•|][ \t]+(?=(\*\*|__)[^*_\n]{1,80}?(?::[ \t]*\1|\1[ \t]*:))"
)
# A code span (`` `**A:** x · **B:** y` ``): no field starts inside one.
_CODE_SPAN = LazyPattern(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
_BACKTICKS = LazyPattern(r"`+")


def next_field(
    text: str, start: int = 0, spans: list[tuple[int, int]] | None = None
) -> re.Match[str] | None:
    """The separator before the next bold field that shares a line with the one before
    it, at or after ``start`` and outside code spans (``spans``: ``code_spans(text)``,
    found once by a caller that asks of one text again and again); None when no field
    follows."""
    cut = _NEXT_FIELD.search(text, start)
    if cut is None or "`" not in text:
        return cut
    spans = code_spans(text) if spans is None else spans
    while cut is not None and _inside(spans, cut.start()):
        cut = _NEXT_FIELD.search(text, cut.end())
    return cut


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where the code spans of a line stand, sorted; one the line leaves open runs to
    its end."""
    if "`" not in text:
        return []
    spans = [(span.start(), span.end()) for span in _CODE_SPAN.finditer(text)]
    for run in _BACKTICKS.finditer(text):
        if not _inside(spans, run.start()):
            spans.append((run.start(), len(text)))
            spans.sort()
            break
    return spans


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` falls in one of ``spans`` (sorted, disjoint): a bisection, so a
    line of many spans costs no more than its length."""
    index = bisect_right(spans, (at, 1 << 62)) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


# What may stand before a line's first field: indentation, quote markers, a list marker.
_LEAD = LazyPattern(r"[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
DEFAULT_PREFIX = "- "
DEFAULT_LABEL = "**{name}:** "
_CANONICAL = [" ".join(name.lower().split()) for name in KNOWN_FIELDS]


@record
class FieldStyle:
    """How one document writes a field line: what comes before the name, and the label."""

    prefix: str  # e.g. "- ", "1. ", "  * ", "> - ", "" (a paragraph line)
    label: str  # with "{name}" where the name goes, e.g. "**{name}:** "

    def line(self, name: str, value: str) -> str:
        return f"{self.prefix}{self.label.format(name=name)}{value}".rstrip(" \t")


def field_prefix(lines: list[str], found: Field) -> str:
    """What stands before the field's name on its line; for a field that follows another
    on its line, what stands before the line's first field."""
    before = lines[found.position.line - 1][: found.position.column - 1]
    if not follows_field(before):
        return before
    lead = _LEAD.match(before)
    return lead[0] if lead is not None else ""


def follows_field(before: str) -> bool:
    """Whether the text ``before`` a field's name ends with another field and the
    separator of fields that share a line (``**Effort:** M · ``)."""
    if not before.endswith((" ", "\t")):
        return False
    probe = before + "**x:**"  # the field's own name, as the separator's lookahead wants it
    spans = code_spans(probe)
    cut = next_field(probe, 0, spans)
    while cut is not None and cut.end() < len(before):
        cut = next_field(probe, cut.end(), spans)
    return cut is not None and cut.end() == len(before)


def value_end(text: str) -> int:
    """Where the value that ``text`` begins with ends: at the next field sharing its line
    (`` · **Status:** ...``), else at the end of ``text``."""
    cut = next_field(text)
    return len(text) if cut is None else cut.start()


def field_style(lines: list[str], found: Field) -> FieldStyle:
    """The prefix and label of an existing field line."""
    line = lines[found.position.line - 1].rstrip("\r\n")
    label = line[found.position.column - 1 : found.value_position.column - 1].rstrip(" \t")
    at = label.find(found.name)
    if not label or at < 0:
        template = DEFAULT_LABEL
    else:
        escaped = label.replace("{", "{{").replace("}", "}}")
        template = escaped[:at] + "{name}" + escaped[at + len(found.name) :] + " "
    return FieldStyle(field_prefix(lines, found), template)


def document_field_style(lines: list[str], items: list[Item], indent: str = "") -> FieldStyle:
    """The style of the first field among ``items`` (nearest first), or the default
    indented by ``indent``: at column 1 in an indented document, a new field list would
    join a stray list above it (RL108) instead of its item."""
    for candidate in items:
        if candidate.fields:
            return field_style(lines, candidate.fields[0])
    return FieldStyle(indent + DEFAULT_PREFIX, DEFAULT_LABEL)


def field_rank(key: str) -> int:
    """A field's place in the usual order (DRI, Status, Priority, ...); unknown fields last."""
    return _CANONICAL.index(key) if key in _CANONICAL else len(_CANONICAL)


@record
class NewField:
    """Where and how a field an item lacks is written: the style, and the item's field it
    goes after (None: before the item's first field, or the item has none)."""

    style: FieldStyle
    after: Field | None


def new_field(lines: list[str], item: Item, key: str, nearest: list[Item], indent: str) -> NewField:
    """How ``set`` writes the field ``key`` into ``item``: in the style of the item's own
    fields, numbered on where they count up; for an item with none, like the ``nearest``
    items' fields, else the default indented by ``indent``."""
    if not item.fields:
        return NewField(document_field_style(lines, nearest, indent), None)
    rank = field_rank(key)
    before = [found for found in item.fields if field_rank(found.key) <= rank]
    anchor = before[-1] if before else item.fields[0]
    style = field_style(lines, anchor)
    number = ordered_number(style.prefix)
    if number is not None:
        if before and counts_up([field_style(lines, found).prefix for found in item.fields]):
            number += 1
        style = FieldStyle(with_number(style.prefix, number), style.label)
    return NewField(style, before[-1] if before else None)


def ordered_number(prefix: str) -> int | None:
    match = _ORDERED.fullmatch(prefix)
    return int(match["number"]) if match else None


def with_number(prefix: str, number: int) -> str:
    """An ordered prefix with another number; the text after it keeps its column if it can."""
    match = _ORDERED.fullmatch(prefix)
    if match is None:
        return prefix
    marker = f"{number}{match['delim']}"
    width = len(match["number"]) + 1 + len(match["gap"])
    gap = " " * max(1, width - len(marker)) if "\t" not in match["gap"] else match["gap"]
    return f"{match['lead']}{marker}{gap}"


def counts_up(prefixes: list[str]) -> bool:
    """Whether ordered prefixes number 1, 2, 3 rather than repeating one number."""
    numbers = [number for prefix in prefixes if (number := ordered_number(prefix)) is not None]
    return len(numbers) > 1 and len(set(numbers)) > 1


def nested_prefix(prefix: str) -> str:
    """The prefix of a list nested under a field written with ``prefix``."""
    lead = re.match(r"[ \t]*(?:>[ \t]?)*", prefix)
    quote = lead[0] if lead else ""
    bullet = prefix.strip(" \t>")[:1]
    inner = "-" if not bullet or bullet.isdigit() else bullet
    return quote + " " * (len(prefix) - len(quote)) + inner + " "


def criterion_prefix(line: str) -> str | None:
    """What stands before a Definition of Done entry's text or box."""
    match = _MARKER.match(line)
    return match[0] if match else None


def box_offset(line: str) -> int | None:
    """The offset of the box character in a ``- [ ] text`` line, if it has a box."""
    match = _MARKER.match(line)
    if match is None:
        return None
    box = _BOX.match(line, match.end())
    return box.start(1) if box else None


def split_tail(text: str) -> tuple[str, str]:
    """``text`` less its trailing HTML comments (and the spaces around them), and those.

    A scan from the end, not a regular expression: a line of unclosed ``<!--``
    must cost linear time.
    """
    cut = len(text)
    while True:
        end = cut
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if not text.endswith("-->", 0, end):
            break
        start = text.rfind("<!--", 0, end - 3)
        if start < 0 or text.find("-->", start + 4, end - 3) >= 0:
            break
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        cut = start
    if cut == len(text):
        return text, ""
    return text[:cut], text[cut:]
