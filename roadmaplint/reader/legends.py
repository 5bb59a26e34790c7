"""Legend lists -> vocabularies, and the vocabularies the configuration gives instead."""

from __future__ import annotations

import re
from collections.abc import Callable

from roadmaplint.model import Legend, LegendEntry, Position
from roadmaplint.reader.inline import InlineText
from roadmaplint.settings import common_meaning, spelled_ready
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from markdown_it.token import Token

# `` `value` – description `` in a legend; the separator may be –, —, - or :.
_LEGEND_CODE = LazyPattern(r"`([^`\n]{1,200})`[ \t]*(?:[–—:-][ \t]*)?(.*)", re.S)
# It starts only where a word starts, so that a search is linear.
# A mark (no letter or digit) and bold words naming what it means, before a separator.
_MARK_AND_BOLD = LazyPattern(
    r"(?P<mark>[^\w\s*`]{1,8})[ \t]+\*\*(?P<words>[^*\n]{1,40}?):?\*\*[ \t]*(?:[–—:-]|$)"
)
_LEGEND_PLAIN = LazyPattern(r"(?<!\S)(\S{1,200}?)[ \t]*(?:[–—:]|[ \t]-)[ \t]*(.*)", re.S)


def read_legend(
    tokens: list[Token], start: int, end: int, name: str, position: Position, text: InlineText
) -> Legend:
    """The legend whose heading is ``tokens[start]``: one entry per top-level list item."""
    entries = [entry for entry, _ in _entries(tokens, start, end, text) if entry is not None]
    return Legend(name, position, tuple(entries))


def read_vocabulary(
    tokens: list[Token], start: int, end: int, name: str, position: Position, text: InlineText
) -> Legend | None:
    """The statuses listed under a heading that names them (``## Statuses``), when every
    top-level list item is written as a vocabulary entry (`` `READY` — free to start ``,
    ``DONE: shipped``) and there are two or more: a Status Legend marked ``inferred``."""
    found = _entries(tokens, start, end, text)
    if len(found) < 2 or not all(entry is not None and marked for entry, marked in found):
        return None
    entries = tuple(entry for entry, _ in found if entry is not None)
    return Legend(f'statuses under "{name}"', position, entries, inferred=True)


# The first column's name of a legend table that lists statuses (``| Status | Description |``).
_STATUS_COLUMNS = frozenset(("status", "statuses", "state"))


def read_status_table(
    tokens: list[Token], start: int, end: int, name: str, position: Position, text: InlineText
) -> Legend | None:
    """The statuses a ``## Legend`` section's first table lists when its first column is
    headed Status (``| Status | Description |`` over ``| 📋 | Planned |``), two or more:
    a Status Legend marked ``inferred``. Under a bare Legend heading a table of other
    marks (``| Priority | Meaning |``) or a list names no statuses."""
    for index in range(start + 3, end):
        token = tokens[index]
        if token.type != "inline" or token.level != 1 or token.map is None:
            continue
        if "|" not in token.content:
            continue
        first = token.content.split("\n", 1)[0].strip().strip("|").split("|")[0]
        if " ".join(text(first).lower().split()) not in _STATUS_COLUMNS:
            return None
        entries = _table_entries(token.content, token.map[0] + 1, text)
        if len(entries) < 2:
            return None
        return Legend(f'statuses under "{name}"', position, tuple(entries), inferred=True)
    return None


def _entries(
    tokens: list[Token], start: int, end: int, text: InlineText
) -> list[tuple[LegendEntry | None, bool]]:
    """Each top-level list item's entry, and whether it is written as one (a code span,
    or a value and a separator) rather than as prose whose first word was taken."""
    found: list[tuple[LegendEntry | None, bool]] = []
    for index in range(start + 3, end):
        token = tokens[index]
        if token.type == "inline" and token.level == 1 and token.map is not None:
            found += [
                (entry, True) for entry in _table_entries(token.content, token.map[0] + 1, text)
            ]
            continue
        if token.type != "list_item_open" or token.level != 1 or index + 2 >= end:
            continue
        paragraph, inline = tokens[index + 1], tokens[index + 2]
        if paragraph.type != "paragraph_open" or inline.map is None:
            continue
        chained = _chained_entries(inline.content, inline.map[0] + 1)
        found += [(entry, True) for entry in chained] or [
            _entry(inline.content, inline.map[0] + 1, text)
        ]
    return found


# A legend line that chains statuses written in bold: ``**Proposed** → **Ready** →
# **Done**``, ``or **Blocked** / **Dropped**``: each bold word is an entry.
_BOLD_WORD = r"\*\*[^*\n]{1,40}\*\*"
_BOLD_CHAIN = LazyPattern(
    rf"[ \t]*(?:(?:or|and)[ \t]+)?{_BOLD_WORD}"
    rf"(?:[ \t]*(?:→|->|⇒|/|,|\||or|and)[ \t]*{_BOLD_WORD})+[ \t]*"
)
_BOLD_VALUE = LazyPattern(r"\*\*([^*\n]{1,40})\*\*")


def _chained_entries(content: str, line: int) -> list[LegendEntry]:
    """The entries of a legend line that chains bold statuses; none for any other line."""
    if "**" not in content or _BOLD_CHAIN.fullmatch(content) is None:
        return []
    return [LegendEntry(value.strip(), "", line) for value in _BOLD_VALUE.findall(content)]


# A table's delimiter row (``| --- | :-: |``). Possessive: no run of spaces or dashes is
# split two ways, so a line of 100,000 spaces before a dash is no quadratic search.
DELIMITER_ROW = LazyPattern(
    r"[ \t]*+\|?[ \t]*+:?-++:?[ \t]*+(?:\|[ \t]*+:?-++:?[ \t]*+)*+\|?[ \t]*+"
)


def _table_entries(content: str, line: int, text: InlineText) -> list[LegendEntry]:
    """A legend written as a table (``| `Todo` | Not started |``): one entry per body row,
    the value in its first cell and the description in its second."""
    rows = content.split("\n")
    if len(rows) < 3 or "|" not in rows[0] or not DELIMITER_ROW.fullmatch(rows[1]):
        return []
    found = []
    for offset, row in enumerate(rows[2:], start=2):
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        value = cells[0].strip("`*_ ") if cells else ""
        if value:
            description = text(cells[1]) if len(cells) > 1 else ""
            found.append(LegendEntry(value, description, line + offset))
    return found


def _entry(content: str, line: int, text: InlineText) -> tuple[LegendEntry | None, bool]:
    match = _LEGEND_CODE.match(content)
    marked = True
    named = _MARK_AND_BOLD.match(content)
    if match:
        value, description = match[1].strip(), text(match[2])
    elif named:
        # ``- ⭕ **Not Started**: Item not yet started``: the mark, and the bold words
        value, description = named["mark"], text(named["words"]).strip()
    else:
        plain_text = text(content)
        plain = _LEGEND_PLAIN.match(plain_text)
        if plain:
            value, description = plain[1], plain[2].strip()
        else:
            # ``- ✅ Complete``: the mark, and the words that say what it means
            value, description = [*plain_text.split(None, 1), "", ""][:2]
            description, marked = description.strip(), False
    return (LegendEntry(value, description, line) if value else None), marked


# A legend value that is a box as written: ``[ ]``, ``[-]``, ``[x]``.
_BOX_VALUE = LazyPattern(r"\[[ xX~/?!>-]\]")


def box_words(legend: Legend | None) -> dict[str, str]:
    """The words a Status Legend of words gives the boxes: its value that says the work
    has not started (``todo``, ``pending``; ``ready`` where it has no other) for ``[ ]``,
    its done value for ``[x]``. The user wrote a box, not a word outside the legend. A
    legend of marks reads the boxes by their meaning already (RL201) and gives none, but
    a legend whose values are the boxes themselves (`` `[-]` in progress ``) gives each
    box its value as written, the word its label says no value of the legend."""
    if (
        legend is not None
        and legend.entries
        and all(_BOX_VALUE.fullmatch(e.value) for e in legend.entries)
    ):
        found = {entry.value[1:-1]: entry.value for entry in legend.entries}
        if " " in found:
            found[""] = found[" "]
        if "x" in found or "X" in found:
            found["x"] = found["X"] = found.get("x") or found["X"]
        return found
    if legend is None or not any(char.isalnum() for e in legend.entries for char in e.value):
        return {}
    meanings = [
        (entry.value, common_meaning(entry.value) or common_meaning(entry.description))
        for entry in legend.entries
    ]  # by the value, else by what the legend says of it (`pending` — not started)
    ready = [value for value, meaning in meanings if meaning == "ready"]
    queued = [value for value in ready if not spelled_ready(value)]
    done = [value for value, meaning in meanings if meaning == "done"]
    found = dict.fromkeys((" ", ""), (queued or ready)[0]) if ready else {}
    return found | (dict.fromkeys("xX", done[0]) if done else {})


def configured_legend(setting: str, values: tuple[str, ...]) -> Legend | None:
    """A legend made of the values a setting names (when the document has none)."""
    if not values:
        return None
    entries = tuple(LegendEntry(value, "", 0) for value in values)
    return Legend(f"{setting} of the configuration", Position(1, 1), entries, configured=True)


# A legend table of marks: ``| 🟡 | Medium |`` rows under a heading that names what the
# marks mean (``### 🔥 Task Priority``, ``### 📅 Task Status``).
_MARK_KINDS = (("priorit", "priority"), ("status", "status"), ("state", "status"))
_VARIATION = "\ufe0f"


def mark_legends(
    tokens: list[Token], section_above: Callable[[int], str | None], text: InlineText
) -> dict[str, dict[str, str]]:
    """The marks legend tables define, by what they mean: ``{"priority": {"🟡": "Medium"}}``;
    the marks of a table under another heading (``### Task Type``) under ``""``, marks a
    title may lead with that mean neither. A table is a mark legend when every first cell
    is a mark (no letter or digit) and every second cell says what it means."""
    found: dict[str, dict[str, str]] = {}
    for token in tokens:
        if token.type != "inline" or token.level != 1 or token.map is None:
            continue
        if "|" not in token.content:
            continue
        entries = _table_entries(token.content, token.map[0] + 1, text)
        if len(entries) < 2 or not all(_is_mark(entry) for entry in entries):
            continue
        heading = (section_above(token.map[0] + 1) or "").casefold()
        kind = next((kind for word, kind in _MARK_KINDS if word in heading), "")
        marks = found.setdefault(kind, {})
        for entry in entries:
            marks.setdefault(entry.value.replace(_VARIATION, ""), entry.description)
    return found


def _is_mark(entry: LegendEntry) -> bool:
    value = entry.value.replace(_VARIATION, "")
    return (
        0 < len(value) <= 2
        and not any(char.isalnum() or char.isspace() for char in value)
        and any(char.isalpha() for char in entry.description)
    )


def leading_marks(
    words: str, legends: dict[str, dict[str, str]]
) -> tuple[dict[str, str], str] | None:
    """What the marks a box's text begins with mean (``📝🟡✅ Title``: the priority
    Medium, the status Done) and the text after them, when every mark of that first word
    is one a legend table defines; None otherwise."""
    first = words.split(None, 1)
    if not first or not legends:
        return None
    marks = first[0].replace(_VARIATION, "")
    known = sorted(
        (
            (mark, kind, meaning)
            for kind, table in legends.items()
            for mark, meaning in table.items()
        ),
        key=lambda entry: -len(entry[0]),
    )
    meanings: dict[str, str] = {}
    while marks:
        match = next((entry for entry in known if marks.startswith(entry[0])), None)
        if match is None:
            return None
        mark, kind, meaning = match
        if kind:
            meanings.setdefault(kind, meaning)
        marks = marks[len(mark) :]
    return meanings, first[1] if len(first) > 1 else ""


# A status legend written on one line, its entries a mark and a word apart by bars:
# ``> Feature Status Legend: ⛔ BLOCKED | ⏳ PENDING | ✨ CODED | ✅ TESTED``.
_LINE_LEGEND = LazyPattern(
    r"[ \t]*(?:>[ \t]*)?[*_]{0,2}(?:[\w ]{0,30}[ \t])?(?:status[ \t]+)?legend[*_]{0,2}[ \t]*:"
    r"[*_]{0,2}[ \t]*(?P<entries>[^\n]{3,400})",
    re.IGNORECASE,
)


# A status legend written as a list under its name alone on a line, bold or not, in a
# quote or not: ``> **Status Legend**`` over ``> - ✅ **Implemented** - Merged ...`` and
# ``> - 🟡 **Planned** - Scheduled ...``, each entry a mark and its word in bold.
_LIST_LEGEND_HEAD = LazyPattern(
    r"[ \t]*(?:>[ \t]*)?(?:\*\*|__)?(?:status[ \t]+)?legend(?::?\*\*|:?__|:)?[ \t]*",
    re.IGNORECASE,
)
_LIST_LEGEND_ENTRY = LazyPattern(
    r"[ \t]*(?:>[ \t]*)?[-*+][ \t]+(?P<mark>[^\w\s*]{1,3})[ \t]+"
    r"\*\*(?P<words>[A-Za-z][A-Za-z ]{0,28}?)\*\*(?:[ \t]+[-—–:][^\n]*)?[ \t]*"
)
_QUOTE_GAP = LazyPattern(r"[ \t]*+(?:>[ \t]*+)?")


def line_legend_entries(lines: list[str]) -> tuple[str, ...]:
    """The entries of a status legend written on one line (``⛔ BLOCKED``, ``✨ CODED``),
    each a mark and one or two words: the words a heading may end with as its status;
    or written as a list of such entries under its name (``**Status Legend**`` over ``-
    ✅ **Implemented** - Merged``). None where the line's entries are no marks with words
    (``❗ High | ❕ Normal`` of a priority legend names levels, not states)."""
    found: list[str] = []
    for at, line in enumerate(lines):
        if "egend" not in line and "EGEND" not in line:
            continue
        if _LIST_LEGEND_HEAD.fullmatch(line.rstrip()) is not None:
            found += _listed_entries(lines, at + 1)
            continue
        match = _LINE_LEGEND.match(line)
        if match is None or "priorit" in line[: match.start("entries")].casefold():
            continue
        # entries apart by bars or middle dots: ``⬜ not started · 🟡 in progress``
        entries = [entry.strip() for entry in match["entries"].replace("·", "|").split("|")]
        marked = [entry.split() for entry in entries if entry]
        if len(marked) >= 2 and all(
            1 < len(words) <= 3
            and not any(char.isalnum() for char in words[0])
            and all(word.isalpha() for word in words[1:])
            for words in marked
        ):
            found += [" ".join(words) for words in marked]
    return tuple(found)


def _listed_entries(lines: list[str], first: int) -> list[str]:
    """The entries of a legend's list from line ``first`` (0-based), a blank or bare quote
    line before it allowed: two or more, or none."""
    at = first
    while at < len(lines) and at < first + 2 and _QUOTE_GAP.fullmatch(lines[at].rstrip()):
        at += 1
    entries: list[str] = []
    while at < len(lines) and (entry := _LIST_LEGEND_ENTRY.fullmatch(lines[at].rstrip())):
        mark = entry["mark"]
        if any(char.isalnum() for char in mark):
            break
        entries.append(f"{mark} {' '.join(entry['words'].split())}")
        at += 1
    return entries if len(entries) >= 2 else []


def legend_mark_status(status: str, entries: tuple[str, ...]) -> str | None:
    """The entry of a one-line legend whose mark a status is, written alone (a table's
    Status cell ``🟡`` beside ``**Status legend:** ⬜ not started · 🟡 in progress``): the
    mark and what the legend says it means; None where the status is no mark of it."""
    if "·" in status:
        return _kept_part(status, entries)
    mark = status.strip().replace(_VARIATION, "")
    if not mark or any(char.isalnum() for char in mark):
        return None
    return next(
        (entry for entry in entries if entry.split()[0].replace(_VARIATION, "") == mark), None
    )


# A part of a status written in parts, a mark and what it is said of in brackets: ``🟢 (A)``.
_MARKED_PART = LazyPattern(r"(?P<mark>[^\w\s()]{1,4})[ \t]*+\([^()\n]{1,40}\)")
# What a legend's entry says of a part put off or let go: it is no longer this plan's work.
_PUT_OFF = frozenset(("idea", "closed"))


def _kept_part(status: str, entries: tuple[str, ...]) -> str | None:
    """The entry of the one part of a status written in parts (``🟢 (A) · ⚪ (PR-2)``,
    each a mark of the legend over what it is said of) that is not put off or let go,
    where every other part is: the work the plan keeps is as far as that part says (``🟢
    done``, its ``⚪ deferred`` part no longer this plan's). None where the parts are no
    marks of the legend, or more than one part is kept."""
    kept: list[str] = []
    for part in status.split("·"):
        found = _MARKED_PART.fullmatch(part.strip())
        entry = legend_mark_status(found["mark"], entries) if found is not None else None
        if entry is None:
            return None
        if common_meaning(" ".join(entry.split()[1:])) not in _PUT_OFF:
            kept.append(entry)
    return kept[0] if len(kept) == 1 and status.count("·") >= 1 else None


def with_legend_status(title: str, entries: tuple[str, ...]) -> tuple[str, str] | None:
    """``(title without it, entry)`` where a title ends with an entry of a one-line
    legend (``Resolve location via IP ✅ TESTED``); None where it ends with none."""
    stripped = title.rstrip()
    for entry in entries:
        if stripped.endswith(entry) and len(stripped) > len(entry):
            rest = stripped[: -len(entry)]
            if rest[-1:] in (" ", "\t") and rest.strip():
                return rest.rstrip(" \t—–-"), entry
    return None


# The words of a one-line legend's entry that say the work has not begun, beside the
# common spellings of ready, idea and blocked: ``⏳ PENDING``.
_NOT_BEGUN_WORDS = frozenset(("pending", "waiting", "queued", "todo", "open", "new", "backlog"))
_NOT_BEGUN = frozenset(("ready", "idea", "blocked"))


def workflow_meanings(entries: tuple[str, ...]) -> dict[str, str]:
    """What the entries of a one-line legend ordered as a workflow mean (``⛔ BLOCKED | ⏳
    PENDING | 📝 PLANNED | ✨ CODED | ✅ TESTED | ✔️ RELEASED``): where its last entry is
    done and an earlier one says the work has not begun, the entries between them whose
    words carry no other meaning are stages of work under way (``✅ TESTED``: tested, not
    yet released, whatever its mark says alone), and the last is done. Empty where the
    legend is no such order."""
    if len(entries) < 3 or common_meaning(entries[-1]) != "done":
        return {}
    begun = 0
    for at, entry in enumerate(entries[:-1]):
        if common_meaning(entry) in _NOT_BEGUN or _words_of(entry) in _NOT_BEGUN_WORDS:
            begun = at + 1
    if not begun:
        return {}
    under_way = [
        entry
        for entry in entries[begun:-1]
        if common_meaning(_words_of(entry)) in (None, "in_progress")
    ]
    return {**dict.fromkeys(under_way, "in_progress"), entries[-1]: "done"}


def _words_of(entry: str) -> str:
    """An entry's words without the mark before them: ``TESTED`` of ``✅ TESTED``, folded."""
    words = entry.split()
    while len(words) > 1 and not any(char.isalnum() for char in words[0]):
        words = words[1:]
    return " ".join(words).casefold()
