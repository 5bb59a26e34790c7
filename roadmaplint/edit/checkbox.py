"""Writing checkbox items: ``set`` changes the box (``done`` ticks it), the inline
priority, owner and dependencies and the title; ``--done-item`` ticks a nested box;
``new`` adds a line in the list's style.

A value the line already writes is changed where it stands; a new one is written
at the end of the line's text in the form the document already uses most
(``(P1)`` or ``priority: P1``; ``(depends on: A)`` or ``blocked by A``), else in
the default form (``(P1)``, ``@owner``, ``(depends on: A, B)``). Every other byte of
the line is kept. Every edit passes the one write gate, and every value written
must read back as given, or nothing is written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from roadmaplint.edit.base import FieldChange, ItemEdit, NewItem, items_changed, validate_changes
from roadmaplint.errors import RoadmapError
from roadmaplint.model import DoneCriterion, Item, Legend, Roadmap
from roadmaplint.reader.dialect import DEPENDS_ON, Dialect, field_names, normalize_key, patterns
from roadmaplint.reader.fields import field_start
from roadmaplint.reader.legends import box_words
from roadmaplint.reader.shapes.checkbox import (
    BOX,
    KIRO_IN_PROGRESS,
    OPEN_BOX,
    OWNER_NOTE,
    STATUS_OF_BOX,
    blocked_tail,
    marker_legend,
    todo_txt_lines,
)
from roadmaplint.reader.shapes.entries import _NESTED_BULLET, state_note_start
from roadmaplint.reader.shapes.listline import (
    _CJK_DEPENDS,
    _CLOSING_NOTE,
    _DEPENDS,
    _DONE_ON,
    _HASH_REFERENCE,
    _NOTED_DEPENDS,
    _OWNER,
    _PRIORITY,
    _SEPARATOR,
    _STABLE_ID,
    _TAGS,
    _TRAILING_ID,
    _WIDE_NOTES,
    CLOSING_DEPENDS,
    _number_of_box,
    _sign_up_sheet,
)
from roadmaplint.reader.shapes.todotxt import _TODO_TXT_PRIORITY
from roadmaplint.record import record, replace
from roadmaplint.settings import Settings, common_meaning
from roadmaplint.text import LazyPattern, split_lines
from roadmaplint.write.proof import prove_edit

_FIELDS = ("status", "priority", "dri", DEPENDS_ON)
# in fields, not options: the MCP server's clients and the CLI's users both read it
_TAKES = "a checkbox item holds a Status, Priority, DRI, Depends on, its title and the "
_TAKES += "ticks of its Definition of Done"
_DEFAULT_PRIORITY = "({value})"
_DEFAULT_DEPENDS = "(depends on: {value})"
_PRIORITY_CODE = LazyPattern(r"P[0-4]")
_PRIORITY_WORD = LazyPattern(r"P[0-4]|HIGH|MEDIUM|LOW")  # what the reader reads back
# A sign-up sheet's slot after the box, a name or a blank for one (``[Ana]``, ``[_____]``),
# as the reader reads it (listline's ``_SLOT``).
_SIGN_UP_NAME = LazyPattern(r"[^\W\d_][^\W\d_ .'-]{0,29}(?:[ .'-][^\W\d_]{1,29}){0,2}")
_SIGN_UP_SLOT = LazyPattern(
    r"\[(?P<owner>[^\W\d_][^\W\d_ .'-]{0,29}(?:[ .'-][^\W\d_]{1,29}){0,2}|_{3,})\]"
    r"[ \t]+(?=\S)"
)
_BLANK_SLOT = "_____"


@record
class _Line:
    """Where the parts of a box line stand (offsets in the line, its ending excluded)."""

    text: str
    title_start: int  # after the box, the ID, its tags and separator
    content_end: int  # before trailing blanks, a hard-break backslash and a trailing #ID
    depends: re.Match[str] | None
    owner: re.Match[str] | None
    priority: re.Match[str] | None
    slot: bool = False  # the owner is a sign-up sheet's name in brackets (``[Ana]``)

    def field_spans(self) -> list[tuple[int, int]]:
        found = (self.depends, self.owner, self.priority)
        # a dependency the note after a box's day names stands past the title's end
        return sorted(
            match.span()
            for match in found
            if match is not None and match.start() < self.content_end
        )


def _marks(
    lines: list[str], legend: Legend | None = None, numbered: bool = False
) -> dict[str, str]:
    """The status each mark writes: ``done`` -> ``x``, ``ready`` -> `` ``, the words a
    Status Legend gives the boxes (``todo`` -> `` ``), and the document's marker legend
    words for its other markers. A numbered task's box (Kiro's ``- [ ] 3.``) writes
    ``in progress`` as ``[-]``, as the reader reads it, unless a legend gives ``[-]``
    another word."""
    explained = marker_legend(lines)
    marks = {status: mark for mark, status in explained.items()}
    if numbered and "-" not in explained:
        marks[KIRO_IN_PROGRESS] = "-"
    marks.update({"ready": " ", "open": " ", "todo": " ", OPEN_BOX: " ", "done": "x"})
    # a legend of words names `` `` and ``x``; one of boxes (`` `[-]` in progress ``) each box
    marks.update({word: mark for mark, word in box_words(legend).items() if mark not in ("", "X")})
    return marks


def _status_word(value: str) -> str:
    """A status as the marks name it: ``In-Progress`` is ``in progress``."""
    word = " ".join(value.replace("-", " ").replace("_", " ").split()).casefold()
    return KIRO_IN_PROGRESS if word == KIRO_IN_PROGRESS else value


def _with_mark(line: str, mark: str) -> str:
    match = BOX.match(line)
    assert match is not None
    # the mark in place of the old one, which ``- []`` writes as nothing
    return line[: match.start("mark")] + mark + line[match.end("mark") :]


def _masked(text: str, match: re.Match[str] | None) -> str:
    """``text`` with a field's span blanked, as the reader cuts the field out."""
    if match is None:
        return text
    start, end = match.span()
    return text[:start] + " " * (end - start) + text[end:]


def _parts(line: str, id_pattern: str, slots: bool = False) -> _Line:
    """The parts of a box line (or a plain bullet's, after its marker) as the checkbox
    reader cuts them; ``slots``: the line is a sign-up sheet's, whose box opens with the
    slot its owner's name is written in (``[Ana]``, ``[_____]``)."""
    text = line.rstrip("\r\n")
    box = BOX.match(text) or _ENTRY.match(text)
    assert box is not None
    start = box.end()
    slot = _SIGN_UP_SLOT.match(text, start) if slots else None
    if slot is not None:
        start = slot.end()
    end = len(text.rstrip())
    id_only = patterns(id_pattern).id_only
    stable = _STABLE_ID_AT_END.search(text, start)
    if stable is not None:
        end = stable.start()  # ``<!-- id:frnt003 -->``: the box's stable ID, no title
    trailing = _TRAILING_ID.search(text, start)
    if trailing and id_only.fullmatch(trailing["id"]):
        end = trailing.start()
    else:
        words = text[start:].split(None, 1)
        word = words[0].strip("*`#").rstrip(":.") if words else ""
        if word.startswith("[") and word.endswith("]"):
            word = word[1:-1]  # ``[FEAT-1] Login page``: the ID in brackets
        # ``[#todo-gsjz] Add a licence``, ``[#123](https://...) Fix login``: the reference
        reference = _HASH_REFERENCE.match(text, len(text) - len(text[start:].lstrip()))
        if reference is not None:
            start = reference.end()
        elif word and (id_only.fullmatch(word) or _TASK_NUMBER.fullmatch(words[0].strip("*"))):
            start = text.index(words[0], start) + len(words[0])
            rest = text[start:].lstrip()
            tags = _TAGS.match(rest) if rest.startswith("[") else None
            if tags:
                start = len(text) - len(rest) + tags.end()
            separator = _SEPARATOR.match(text, start)
            start = separator.end() if separator else start
    done_on = _DONE_ON.search(text, start, end)
    if done_on is not None:
        end = done_on.start()  # ``(Completed: 2026-02-20)``: the day it was done, no title
    notes = _WIDE_NOTES.search(text[:end], start)
    if notes is not None and text[start : notes.start()].strip():
        end = notes.start()  # ``（予定: 2025-11-08）``: the days of the work, kept as written
    note = _CLOSING_NOTE.search(text[:end], start)
    if note is not None and text[start : note.start()].strip():
        end = note.start()  # ``(`6bde213`).``: the commit the work landed in, kept
    if text[start:end].rstrip().endswith("\\"):
        end = len(text[:end].rstrip()) - 1
    end = max(start, len(text[:end].rstrip()))
    masked = text[:end]
    depends = _DEPENDS.search(masked, start)
    if depends is None:  # ``テスト 依存: io-safety``: what it waits for, after the word
        depends = _CJK_DEPENDS.search(masked, start)
        if depends is not None and not masked[start : depends.start()].strip():
            depends = None
    if depends is None:  # ``Import - depends on BX-1``: the note closing the box
        depends = CLOSING_DEPENDS.search(masked, start)
        if depends is not None and not masked[start : depends.start()].strip():
            depends = None
    masked = _masked(masked, depends)
    if depends is None and done_on is not None:
        # ``(2025-11-21) - depends on BX-1``: the note after the day, past the title
        depends = _NOTED_DEPENDS.search(text, done_on.start())
    owner = slot or _OWNER.search(masked, start)
    if owner is None:  # ``(owner: ana)``: changed where it stands
        owner = OWNER_NOTE.search(masked, start)
        owner = owner if owner is not None and masked[start : owner.start()].strip() else None
    masked = _masked(masked, owner)
    priority = _PRIORITY.search(masked, start)
    return _Line(text, start, end, depends, owner, priority, slot is not None)


# A list entry's marker: a plain bullet's or a numbered entry's, nested or not.
# The version a roadmap by version number names a bullet by (``v0.2``, ``v1.0.0-beta``).
_VERSION_ID = LazyPattern(r"v?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}(?:-[0-9A-Za-z.-]{1,60})?")


def _titled_ids(roadmap: Roadmap, id_pattern: str) -> set[str]:
    """The IDs the reader made from titles, which a dependency cannot name: any that is
    no ID by the pattern, but a version that names its bullet (``- v0.2: check them``),
    which the bullet writes as an ID is written."""
    id_only = patterns(id_pattern).id_only
    return {
        other.id
        for other in roadmap.items
        if not id_only.fullmatch(other.id)
        and (other.named_by_title or _VERSION_ID.fullmatch(other.id) is None)
    }


_ENTRY = LazyPattern(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
# A task's number leading its box (``3.``, ``1.2.1``): its ID, as the reader reads it.
_TASK_NUMBER = LazyPattern(r"[0-9]{1,3}\.|[0-9]{1,3}(?:\.[0-9]{1,3}){1,3}\.?")
# A stable ID a task tool keeps at the end of a box (``<!-- id:dlv5hgs -->``).
_STABLE_ID_AT_END = LazyPattern(r"<!--[ \t]*+id:[ \t]*+[\w.-]{1,40}[ \t]*+-->[ \t]*+$")


def _convention(roadmap: Roadmap, id_pattern: str, bullets: bool = False) -> tuple[str, str]:
    """How the document writes a priority and dependencies (templates with ``{value}``):
    the form most of its box lines use (``bullets``: its list entries, boxed or not),
    else the default."""
    priorities: Counter[str] = Counter()
    depends: Counter[str] = Counter()
    for line in split_lines(roadmap.source):
        if BOX.match(line) is None and not (bullets and _ENTRY.match(line)):
            continue
        parts = _parts(line, id_pattern)
        if parts.priority is not None:
            written = parts.priority.group(0)
            value = parts.priority["p1"] or parts.priority["p2"] or parts.priority["p3"]
            priorities[written.replace(value, "{value}", 1)] += 1
        if parts.depends is not None and parts.depends.start() < parts.content_end:
            group = "deps" if parts.depends["deps"] is not None else "blocked"
            written = parts.depends.group(0)
            cut = parts.depends.start(group) - parts.depends.start()
            template = written[:cut].lstrip() + "{value}"  # `` 依存: ``: its space leads
            if group == "deps":
                template += written[parts.depends.end(group) - parts.depends.start() :]
            depends[template] += 1
    return (
        _most_common(priorities, _DEFAULT_PRIORITY),
        _most_common(depends, _DEFAULT_DEPENDS),
    )


def _most_common(counts: Counter[str], default: str) -> str:
    if not counts:
        return default
    top = max(counts.values())
    return min(template for template, count in counts.items() if count == top)


class _Writer:
    """The changes to one box line, made as spans of the line; applied back to front."""

    def __init__(self, parts: _Line) -> None:
        self.parts = parts
        self.replace: list[tuple[int, int, str]] = []
        self.append: list[str] = []

    def set_span(self, span: tuple[int, int], value: str) -> None:
        self.replace.append((span[0], span[1], value))

    def remove(self, match: re.Match[str]) -> None:
        start, end = match.span()
        text = self.parts.text
        if text[start : start + 1] in (" ", "\t"):
            pass  # `` 依存: A``: the match holds the space that leads it
        elif start > 0 and text[start - 1] in " \t":
            start -= 1
        elif end < len(text) and text[end] in " \t":
            end += 1
        self.replace.append((start, end, ""))

    def line(self, where: str) -> str:
        text = self.parts.text
        at = self.parts.content_end
        if self.append:
            lead = " " if at > 0 and text[at - 1] not in " \t" else ""
            self.replace.append((at, at, lead + " ".join(self.append)))
        spans = sorted(self.replace, key=lambda span: (span[0], span[1]))
        if any(later[0] < earlier[1] for earlier, later in pairwise(spans)):
            raise RoadmapError(f"{where}: two changes reach one part of the line; make one")
        for start, end, value in reversed(spans):
            text = text[:start] + value + text[end:]
        return text


def _dependency_entries(written: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", written) if part.strip()]


def _bare(entry: str) -> str:
    words = entry.split()
    return words[0].strip("#`*()[]") if words else ""


def _new_dependencies(
    item: Item, parts: _Line, edit: ItemEdit, where: str, titled: set[str]
) -> str | None:
    """The written dependency list after the edit; None when the edit leaves it alone.
    ``titled``: the references of items named by their titles, which cannot be named."""
    given = next((c for c in edit.fields if normalize_key(c.name) == DEPENDS_ON), None)
    if given is None and not (edit.add_deps or edit.remove_deps):
        return None
    current = parts.depends
    written = ""
    if current is not None:
        written = current["deps"] if current["deps"] is not None else current["blocked"]
    hashed = "#" in written
    entries = _dependency_entries(given.value if given is not None else written)
    entries = _without_removed(entries, edit, item, where, _bare)
    for value in edit.add_deps:
        if _bare(value) in titled:
            raise RoadmapError(
                f"{where}: {_bare(value)} is named by its title; a dependency names an ID: "
                f"give it one first (roadmaplint rename {_bare(value)} NEW-ID)"
            )
        if _bare(value) in item.depends_on:
            continue  # named already, by a range (``E-01 through E-03``)
        if _bare(value) not in {_bare(entry) for entry in entries}:
            entries.append(f"#{value.strip().lstrip('#')}" if hashed else value.strip())
    return ", ".join(entries)


def _write_inline(
    written: _Writer, key: str, value: str, where: str, priority_form: str, kind: str
) -> None:
    """A priority or an owner written on the line itself, as a box or an ID bullet writes
    them (``(P1)``, ``@ana``); any other field is written elsewhere."""
    if key == "priority":
        if value.strip() and not _PRIORITY_WORD.fullmatch(value.strip()):
            raise RoadmapError(
                f"{where}: {kind} writes a priority as P0 to P4, HIGH, MEDIUM or LOW; not {value!r}"
            )
        _write_priority(written, value, priority_form)
    elif key == "dri":
        _write_owner(written, value, where)


def _without_removed(
    entries: list[str], edit: ItemEdit, item: Item, where: str, named: Callable[[str], str]
) -> list[str]:
    """``entries`` (a box's written dependencies) without those ``edit`` removes, each
    entry known by ``named``; one line for a value of two or none, or one not there."""
    for value in (*edit.add_deps, *edit.remove_deps):
        if "," in value or not value.strip():
            raise RoadmapError(f"{where}: give one dependency at a time, not {value!r}")
    for value in edit.remove_deps:
        kept = [entry for entry in entries if named(entry) != _bare(value)]
        if len(kept) == len(entries):
            names = ", ".join(named(entry) for entry in entries) or "nothing"
            raise RoadmapError(
                f"{where}: {item.id} does not depend on {value.strip()}; it depends on: {names}"
            )
        entries = kept
    return entries


@record
class _Nested:
    """A box's dependencies written on a nested bullet (``  - Blocked-by: bknd002 (Backend
    API)``): its line, where the value starts, and the items' IDs by their stable IDs."""

    line: int  # 0-based
    value_start: int
    stable: dict[str, str]


def _nested_dependencies(
    roadmap: Roadmap, item: Item, lines: list[str], settings: Settings
) -> _Nested | None:
    """The nested bullet that writes the box's dependencies, where its own line writes
    none; the first, as the reader reads the first."""
    names = field_names(Dialect.from_settings(settings))
    for number in range(item.position.line, min(item.end_line, len(lines))):
        line = lines[number].rstrip("\r\n")
        bullet = _NESTED_BULLET.match(line)
        if bullet is None:
            continue
        start = field_start(line[bullet.end() :], names)
        if start is not None and names.key(start[0]) == DEPENDS_ON:
            stable: dict[str, str] = {}
            for other in roadmap.items:
                found = _STABLE_ID.search(lines[other.position.line - 1])
                if found is not None:
                    stable.setdefault(found["id"], other.id)
            return _Nested(number, bullet.end() + start[1], stable)
    return None


def _edit_nested(
    nested: _Nested, item: Item, edit: ItemEdit, where: str, new: list[str]
) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Removes and adds dependencies on the nested bullet (in ``new``), each entry named
    as it is written (a stable ID, its title after it); what the item's dependencies
    read as after the edit (references, the rest), or None when the edit leaves them
    alone. A bullet left naming nothing goes."""
    if any(normalize_key(change.name) == DEPENDS_ON for change in edit.fields):
        raise RoadmapError(
            f"{where}: {item.id}'s dependencies are written on line {nested.line + 1}; "
            "change them one at a time (--add-dep, --remove-dep)"
        )
    if not (edit.add_deps or edit.remove_deps):
        return None
    line = new[nested.line]
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    entries = _dependency_entries(body[nested.value_start :])

    def named(entry: str) -> str:
        return nested.stable.get(_bare(entry), _bare(entry))

    entries = _without_removed(entries, edit, item, where, named)
    removed = {_bare(value) for value in edit.remove_deps}
    references = [name for name in item.depends_on if name not in removed]
    by_item = {item_id: stable for stable, item_id in nested.stable.items()}
    for value in edit.add_deps:
        if _bare(value) not in {named(entry) for entry in entries}:
            entries.append(by_item.get(_bare(value), value.strip()))
            references.append(_bare(value))
    if entries:
        new[nested.line] = body[: nested.value_start].rstrip() + " " + ", ".join(entries) + ending
    else:
        new[nested.line] = ""
    externals = tuple(entry for entry in item.external_deps if _bare(entry) not in removed)
    return tuple(references), externals


def edit_box(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str:
    where = f"{roadmap.path}:{item.position.line}"
    for change in edit.fields:
        if normalize_key(change.name) not in _FIELDS:
            raise RoadmapError(f"{where}: {_TAKES}; not {change.name}")
    lines = split_lines(roadmap.source)
    row = item.position.line - 1
    ending = lines[row][len(lines[row].rstrip("\r\n")) :]
    id_pattern = Dialect.from_settings(settings).id_pattern
    parts = _parts(lines[row], id_pattern, _in_sign_up_sheet(lines, row))
    tail = None
    if any(normalize_key(c.name) == "status" for c in edit.fields) and _open(lines[row]):
        # ``Test on iOS [BLOCKED: no Xcode]``, ``(staging access blocker)``: the note is the
        # status the edit changes, no part of the title; left, it would join the title
        cut = blocked_tail(parts.text[parts.title_start : parts.content_end])
        if cut is not None:
            start = len(parts.text[: parts.title_start + cut].rstrip())
            tail = (start, parts.content_end)
            parts = replace(parts, content_end=start)
    wanted = next((c.value for c in edit.fields if normalize_key(c.name) == "status"), None)
    if tail is None and wanted is not None and not _open(lines[row]):
        # ``- [x] **PARSER-1: Feed Parser** ⚠️ NEEDS ENHANCEMENT`` reads under way by its
        # note; the box alone says done, so a new status takes the note away
        opened = BOX.match(parts.text)
        after = opened.end() if opened is not None else parts.title_start
        at = state_note_start(parts.text[after : parts.content_end])
        if at is not None and common_meaning(item.status) != common_meaning(_status_word(wanted)):
            tail = (after + at, parts.content_end)
            parts = replace(parts, content_end=after + at)
    written = _Writer(parts)
    if tail is not None:
        written.set_span(tail, "")
    priority_form, depends_form = _convention(roadmap, id_pattern)
    changes: list[FieldChange] = []
    mark = None
    for change in edit.fields:
        key = normalize_key(change.name)
        if key == "status":
            numbered = _number_of_box(lines[row]) is not None
            change = FieldChange(change.name, _status_word(change.value))
            mark = _status_mark(lines, change.value, where, roadmap.status_legend, numbered)
        elif key == "priority" and todo_txt_lines(lines):
            _write_letter(written, change.value, where)
        else:
            _write_inline(written, key, change.value, where, priority_form, "a checkbox line")
        if key != DEPENDS_ON:
            changes.append(change)
    titled = _titled_ids(roadmap, id_pattern)
    nested = _nested_dependencies(roadmap, item, lines, settings) if parts.depends is None else None
    new = list(lines)
    depends = None
    read_as: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    if nested is not None:
        read_as = _edit_nested(nested, item, edit, where, new)
    else:
        depends = _new_dependencies(item, parts, edit, where, titled)
    if depends is not None:
        _write_depends(written, depends, depends_form)
        changes.append(FieldChange("Depends on", depends.replace("#", "")))
    if edit.title is not None:
        _write_title(written, edit.title, where)
    # its refusals name the box's line
    validate_changes(
        roadmap, item, [c for c in changes if normalize_key(c.name) != "status"], settings
    )
    new[row] = written.line(where) + ending
    if mark is not None:
        new[row] = _with_mark(new[row], mark)
    for entry, tick in [*((e, "x") for e in edit.tick), *((e, " ") for e in edit.untick)]:
        criterion = _criterion(item, entry, where)
        new[criterion.line - 1] = _with_mark(new[criterion.line - 1], tick)
    new_text = "".join(new)
    if new_text == roadmap.source:
        _refuse_status_said_elsewhere(roadmap, item, wanted, settings, where)
        return new_text
    _prove(roadmap, item, new_text, edit, changes, settings, where, read_as)
    return new_text


def _refuse_status_said_elsewhere(
    roadmap: Roadmap, item: Item, wanted: str | None, settings: Settings, where: str
) -> None:
    """Refuse a status the box's mark already writes where the item reads another, which
    the heading it stands under gives it (``## Future Ideas`` over ``- [ ] Plugin API``
    reads an idea): no change would be said, and the status would not be the one asked."""
    if wanted is None:
        return
    expected = _expected(roadmap, item, "status", {"status": wanted.strip()}, settings)
    if item.status in expected:
        return
    raise RoadmapError(
        f"{where}: {item.id}'s box already says {wanted.strip()!r}, but the item reads "
        f"{item.status!r} where it stands (under {item.section}); move it by hand"
    )


def edit_bullet(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str | None:
    """The text with ``edit`` made on a plain bullet's line (``- [FEAT-1] Login page``,
    ``1. FEAT-2: Logout (depends on FEAT-1)``, ``- 2026-05-01 — Beta launch``): an owner,
    a priority and dependencies written inline as a box writes them, in the form the
    list already writes them, the title where the line writes it. None for an item that
    is no plain bullet, one that writes its fields on lines of their own, or an edit of
    its status (its heading or strike says it: ``edit/bullets.py``) or its ticks."""
    lines = split_lines(roadmap.source)
    row = item.position.line - 1
    line = lines[row]
    if BOX.match(line) is not None or _ENTRY.match(line) is None or edit.tick or edit.untick:
        return None
    keys = [normalize_key(change.name) for change in edit.fields]
    if any(key not in ("priority", "dri", DEPENDS_ON) for key in keys):
        return None
    if not (keys or edit.add_deps or edit.remove_deps):
        return None  # a title alone: the heading writer finds it on the line
    if any(found.value_position.line != item.position.line for found in item.fields):
        return None  # ``  - Status: COMPLETE`` under it: its fields are bullets of their own
    where = f"{roadmap.path}:{item.position.line}"
    ending = line[len(line.rstrip("\r\n")) :]
    id_pattern = Dialect.from_settings(settings).id_pattern
    parts = _parts(line, id_pattern)
    written = _Writer(parts)
    priority_form, depends_form = _convention(roadmap, id_pattern, bullets=True)
    changes: list[FieldChange] = []
    for change, key in zip(edit.fields, keys, strict=True):
        _write_inline(written, key, change.value, where, priority_form, "a bullet")
        if key != DEPENDS_ON:
            changes.append(change)
    titled = _titled_ids(roadmap, id_pattern)
    depends = _new_dependencies(item, parts, edit, where, titled)
    if depends is not None:
        _write_depends(written, depends, depends_form)
        changes.append(FieldChange("Depends on", depends.replace("#", "")))
    if edit.title is not None:
        _write_bullet_title(written, item, edit.title, where)
    validate_changes(roadmap, item, changes, settings)
    new = list(lines)
    new[row] = written.line(where) + ending
    new_text = "".join(new)
    if new_text == roadmap.source:
        return new_text
    try:
        _prove(roadmap, item, new_text, edit, changes, settings, where)
    except RoadmapError:
        if item.fields:
            raise
        # a list that reads no value on its lines (``3. **Deploy the function**``, a
        # bold step): the field writer gives it a bullet of its own, or says no
        return None
    return new_text


def _write_bullet_title(written: _Writer, item: Item, title: str, where: str) -> None:
    """The title where the line writes it as it reads, once; what stands around it (a
    day before it, its bold, its strike) stays."""
    parts = written.parts
    text = parts.text
    at = text.find(item.title, parts.title_start, parts.content_end) if item.title else -1
    end = at + len(item.title)
    crossing = any(start < end and at < stop for start, stop in parts.field_spans())
    if at < 0 or crossing or text.find(item.title, at + 1, parts.content_end) >= 0:
        raise RoadmapError(
            f"{where}: {item.id}'s title is not written once as it reads on its line "
            f"({item.title!r}); edit the line by hand"
        )
    written.set_span((at, end), title.strip())


def _status_mark(
    lines: list[str], status: str, where: str, legend: Legend | None, numbered: bool
) -> str:
    marks = _marks(lines, legend, numbered)
    mark = marks.get(status)
    if mark is None:
        raise RoadmapError(
            f"{where}: a box writes the statuses {', '.join(sorted(marks))}; not {status!r}"
        )
    return mark


def _open(line: str) -> bool:
    """Whether a box line's box is open (``- [ ]``), where a closing note can say that the
    work is blocked."""
    box = BOX.match(line)
    return box is not None and box.group(0).rstrip().endswith(OPEN_BOX)


def _write_priority(written: _Writer, value: str, form: str) -> None:
    current = written.parts.priority
    value = value.strip()
    if current is not None:
        group = next(name for name in ("p1", "p3", "p2") if current[name] is not None)
        if not value:
            written.remove(current)
        elif group != "p2" and not _PRIORITY_CODE.fullmatch(value):
            written.set_span(current.span(), f"priority: {value}")
        else:
            written.set_span(current.span(group), value)
    elif value:
        code = _PRIORITY_CODE.fullmatch(value) is not None
        written.append.append(form.format(value=value) if code else f"priority: {value}")


def _write_letter(written: _Writer, value: str, where: str) -> None:
    """todo.txt's priority, the letter in brackets that opens the box's text (``(A)``)."""
    letter = value.strip()
    if letter and not _TODO_TXT_LETTER.fullmatch(letter):
        raise RoadmapError(
            f"{where}: a todo.txt box writes its priority as a capital letter, (A) to (Z); "
            f"not {value!r}"
        )
    text = written.parts.text
    start = written.parts.title_start
    start += len(text[start:]) - len(text[start:].lstrip(" \t"))
    current = _TODO_TXT_PRIORITY.match(text, start)
    if current is None and letter:
        written.set_span((start, start), f"({letter}) ")
    elif current is not None and letter:
        written.set_span(current.span("p"), letter)
    elif current is not None:
        written.set_span((start, current.end()), "")


_TODO_TXT_LETTER = LazyPattern(r"[A-Z]")


def _in_sign_up_sheet(lines: list[str], row: int) -> bool:
    """Whether the box at ``row`` opens with a sign-up sheet's slot its owner is written
    in; not the sheet's last blank one, whose name would leave no blank slot to say the
    brackets are slots (its owner is then written as a box's, ``@name``)."""
    if not _sign_up_sheet(lines):
        return False
    slot = _SIGN_UP_SLOT.search(lines[row])
    if slot is None or not slot["owner"].startswith("_"):
        return True
    return _sign_up_sheet([line for at, line in enumerate(lines) if at != row])


def _write_owner(written: _Writer, value: str, where: str) -> None:
    current = written.parts.owner
    owner = value.strip().removeprefix("@")
    if written.parts.slot and current is not None:
        # a sign-up sheet's slot takes the name, or is left blank for one
        if owner and not _SIGN_UP_NAME.fullmatch(owner):
            raise RoadmapError(
                f"{where}: a sign-up sheet writes its owner as a name in the box's brackets "
                f"(letters, up to three words); not {value!r}"
            )
        written.set_span(current.span("owner"), owner or _BLANK_SLOT)
        return
    if owner and not re.fullmatch(r"[A-Za-z0-9][\w.-]*", owner):
        raise RoadmapError(
            f"{where}: a checkbox item writes its owner as @name (letters, digits, ._-); "
            f"not {value!r}"
        )
    if current is not None:
        if owner:
            written.set_span(current.span("owner"), owner)
        else:
            written.remove(current)
    elif owner:
        written.append.append(f"@{owner}")


def _write_depends(written: _Writer, value: str, form: str) -> None:
    current = written.parts.depends
    if current is not None:
        group = "deps" if current["deps"] is not None else "blocked"
        if value:
            written.set_span(current.span(group), value)
        else:
            written.remove(current)
    elif value:
        written.append.append(form.format(value=value))


def _write_title(written: _Writer, title: str, where: str) -> None:
    # one non-empty line: edit/shapes.py refused any other title before calling the writer
    parts = written.parts
    pieces: list[tuple[int, int]] = []
    at = parts.title_start
    for start, end in [*parts.field_spans(), (parts.content_end, parts.content_end)]:
        if start > at and parts.text[at:start].strip():
            piece = parts.text[at:start]
            lead = len(piece) - len(piece.lstrip())
            pieces.append((at + lead, at + len(piece.rstrip())))
        at = max(at, end)
    if len(pieces) > 1:
        raise RoadmapError(
            f"{where}: the title is written around inline fields; edit the line by hand"
        )
    if pieces:
        written.set_span(pieces[0], title.strip())
    else:
        text = parts.text
        space = " " if parts.title_start > 0 and text[parts.title_start - 1] not in " \t" else ""
        tail = " " if parts.field_spans() else ""
        span = (parts.title_start, parts.title_start)
        written.set_span(span, space + title.strip() + tail)


def _prove(
    roadmap: Roadmap,
    item: Item,
    new_text: str,
    edit: ItemEdit,
    changes: list[FieldChange],
    settings: Settings,
    where: str,
    depends_read_as: tuple[tuple[str, ...], tuple[str, ...]] | None = None,
) -> None:
    """Through the gate, then every value written read back as given (the dependencies
    as ``depends_read_as`` where a nested bullet writes them)."""
    from roadmaplint.edit.base import document_reader
    from roadmaplint.reader import parse

    renamed: dict[str, str] = {}
    if edit.title is not None:
        # An item without an ID is named by its title: a new title is a new reference.
        now = parse(new_text, roadmap.path, settings=settings)
        found = next((i for i in now.items if i.position.line == item.position.line), None)
        if found is not None and found.id != item.id:
            if patterns(Dialect.from_settings(settings).id_pattern).id_only.fullmatch(item.id):
                raise RoadmapError(f"{where}: the new title would change {item.id}'s ID")
            renamed[item.id] = found.id
    after = prove_edit(roadmap, new_text, items_changed({item.id}, renamed), settings)
    edited = next(found for found in after.items if found.id == renamed.get(item.id, item.id))
    wanted = {normalize_key(change.name): change.value.strip() for change in changes}
    for key in ("status", "priority", "dri", DEPENDS_ON):
        expected = _expected(roadmap, item, key, wanted, settings)
        if key == DEPENDS_ON and depends_read_as is not None:
            expected = [depends_read_as]
        if _value_of(edited, key) not in expected:
            raise RoadmapError(
                f"{where}: {item.id}'s {key} would read back as {_value_of(edited, key)!r}, "
                f"not {expected[0]!r}; nothing written: edit the line by hand"
            )
    read = document_reader(roadmap)
    if edit.title is not None and edited.title != read(edit.title.strip()):
        raise RoadmapError(
            f"{where}: {item.id}'s title would read back as {edited.title!r}, not "
            f"{read(edit.title.strip())!r}; nothing written: edit the line by hand"
        )
    for entries, checked in ((edit.tick, True), (edit.untick, False)):
        for entry in entries:
            at = item.definition_of_done.index(_criterion(item, entry, where))
            if edited.definition_of_done[at].checked is not checked:
                raise RoadmapError(f"{where}: {entry!r} would not read back; nothing written")


def _expected(
    roadmap: Roadmap, item: Item, key: str, wanted: dict[str, str], settings: Settings
) -> list[object]:
    """What the edited item may read as for ``key``: as before when the edit leaves it."""
    from roadmaplint.reader.shapes.common import priority_of_section, split_references

    if key not in wanted:
        return [_value_of(item, key)]
    value = wanted[key]
    if key == "status":
        lines = split_lines(roadmap.source)
        numbered = _number_of_box(lines[item.position.line - 1]) is not None
        mark = _marks(lines, roadmap.status_legend, numbered)[value]
        return [value, STATUS_OF_BOX.get(mark), box_words(roadmap.status_legend).get(mark)]
    if key == "dri":
        return [value.removeprefix("@") or None]
    if key == "priority":
        return [value or priority_of_section(item.section)]
    references, externals = split_references(
        value.replace("#", ""), Dialect.from_settings(settings)
    )
    return [(tuple(references), tuple(externals))]


def _value_of(item: Item, key: str) -> object:
    if key == DEPENDS_ON:
        return (item.depends_on, item.external_deps)
    return {"status": item.status, "priority": item.priority, "dri": item.dri}[key]


def _criterion(item: Item, entry: str, where: str) -> DoneCriterion:
    boxes = [done for done in item.definition_of_done if done.checked is not None]
    if entry.isdigit() and 1 <= int(entry) <= len(boxes):
        return boxes[int(entry) - 1]
    found = [done for done in boxes if entry.casefold() in done.text.casefold()]
    if len(found) == 1:
        return found[0]
    if not boxes:
        raise RoadmapError(f"{where}: {item.id} has no nested boxes to tick")
    raise RoadmapError(
        f"{where}: {item.id} has no{' one' if found else ''} nested box {entry!r}; "
        f"give its number (1 to {len(boxes)}) or words of its text"
    )


# A box's number as OpenSpec writes its tasks (- [ ] 2.3 Text): the section's, then its own.
_NUMBERED_BOX = LazyPattern(r"([0-9]{1,6}(?:\.[0-9]{1,6})*\.)([0-9]{1,6})")


def new_box(roadmap: Roadmap, request: NewItem, settings: Settings) -> tuple[str, str] | None:
    """A line after the section's last checkbox item, with its marker and indentation;
    an ID (the next free one, or ``--id``) when the list's items have IDs. In a plan of
    numbered tasks (Kiro's ``- [ ] 3.``) a top-level task numbered after the last, or
    with ``--parent`` a sub-task of that task numbered after its last (``3.3``)."""
    from roadmaplint.edit.base import items_added
    from roadmaplint.reader.inline import plain_text
    from roadmaplint.reader.shapes.common import reference_from_title

    # the title is one non-empty line: edit/shapes.py refused any other
    section = request.section.strip()
    members = [item for item in roadmap.items if item.section == section]
    lines = split_lines(roadmap.source)
    ids = {item.id: item for item in roadmap.items}
    tasks = [item for item in members if _is_numbered_task(lines, item)]
    item_id: str | None
    if tasks:
        at, lead, item_id = _numbered_place(roadmap, request, members, tasks, lines, ids)
        text = f"{item_id}{'.' if item_id.isdigit() else ''} {request.title.strip()}"
    else:
        if request.parent is not None:
            raise RoadmapError(
                f"{roadmap.path}: --parent adds a sub-task under a numbered task "
                f"(- [ ] 3. Title); {section} has none"
            )
        group = _group_of_status(roadmap, request, members, lines)
        at, lead, item_id = _after_last(roadmap, request, group, lines, ids, settings)
        wrap = _id_markup(lines[group[-1].position.line - 1], group[-1].id)
        text = (
            f"{wrap}{item_id}{wrap} {request.title.strip()}" if item_id else request.title.strip()
        )
    mark = _new_mark(roadmap, request, lines, numbered=bool(tasks), labelled=members)
    newline = roadmap.style.newline
    if not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
        newline = ""  # the file ended without one: so does it still
    lines.insert(at, f"{lead}[{mark}] {text}{newline}")
    new_text = "".join(lines)
    reference = item_id or reference_from_title(request.title, set(ids))
    after = prove_edit(roadmap, new_text, items_added(reference, None), settings)
    added = next(item for item in after.items if item.id == reference)
    if added.position.line != at + 1 + lead.count("\n") or added.title != plain_text(
        request.title.strip()
    ):
        raise RoadmapError(f"{roadmap.path}: the new line would not read back as written")
    return new_text, reference


def _id_markup(line: str, item_id: str) -> str:
    """The emphasis or code a box writes its ID in (``- [ ] **0.1.1** Title``), for a
    new box below it to write its own so; '' for an ID written plainly."""
    box = BOX.match(line)
    rest = line[box.end() :] if box is not None else ""
    for wrap in ("**", "__", "`", "*", "_"):
        if rest.startswith(f"{wrap}{item_id}{wrap}"):
            return wrap
    return ""


def _after_last(
    roadmap: Roadmap,
    request: NewItem,
    members: list[Item],
    lines: list[str],
    ids: dict[str, Item],
    settings: Settings,
) -> tuple[int, str, str | None]:
    """Where a box goes after the section's last item, with its lead, and its ID (None
    when the list's items have none)."""
    from roadmaplint.edit.base import next_id
    from roadmaplint.reader.idpattern import id_regex

    section = request.section.strip()
    last = members[-1]
    match = BOX.match(lines[last.position.line - 1])
    assert match is not None
    with_ids = bool(id_regex(settings.id_pattern).fullmatch(last.id))
    item_id = request.item_id or (next_id(roadmap, section, ids) if with_ids else None)
    numbered = _NUMBERED_BOX.fullmatch(last.id)
    if item_id is None and numbered is not None:  # OpenSpec's 2.1, 2.2: then 2.3
        number = int(numbered[2]) + 1
        while f"{numbered[1]}{number}" in ids:
            number += 1
        item_id = f"{numbered[1]}{number}"
    return last.end_line, match["lead"], item_id


def _new_mark(
    roadmap: Roadmap,
    request: NewItem,
    lines: list[str],
    numbered: bool,
    labelled: list[Item] | None = None,
) -> str:
    """The mark of a new box: open, or the one its Status writes (open under a label
    that says it, one of ``labelled``, the group the box goes in)."""
    mark = " "
    for change in request.fields:
        if change.name.strip().lower() != "status":
            raise RoadmapError(
                f"{roadmap.path}: a new checkbox item is written with a Status only; "
                f"not {change.name}"
            )
        found = _marks(lines, roadmap.status_legend, numbered).get(_status_word(change.value))
        said = common_meaning(change.value)
        if found is None and said is not None and labelled and _labelled(labelled, lines):
            found = next(
                (
                    box["mark"]
                    for item in labelled
                    if common_meaning(item.status) == said
                    and (box := BOX.match(lines[item.position.line - 1])) is not None
                ),
                None,
            )
        if found is None:
            raise RoadmapError(f"{roadmap.path}: a box cannot write the status {change.value!r}")
        mark = found
    return mark


def _labelled(members: list[Item], lines: list[str]) -> bool:
    """Whether a box of ``members`` reads a status its mark does not say: a label over
    its group gives it (``🔧 **In Progress**`` over ``- [ ] Search``), where the boxes say
    two statuses or more; a status heading over them all (``## In Progress``) is no label."""
    if len({common_meaning(item.status) for item in members}) < 2:
        return False
    for item in members:
        box = BOX.match(lines[item.position.line - 1])
        marked = STATUS_OF_BOX.get(box["mark"]) if box is not None else None
        meaning = common_meaning(item.status)
        if (
            marked is not None
            and meaning != common_meaning(marked)
            and meaning != common_meaning(item.section)
        ):
            return True
    return False


def _group_of_status(
    roadmap: Roadmap, request: NewItem, members: list[Item], lines: list[str]
) -> list[Item]:
    """The members a new box goes after: in a list grouped under labels that give their
    boxes' status, those of the group whose label says the status asked (an open box's
    where none is asked); refused where no group says it. Else every member."""
    if not _labelled(members, lines):
        return members
    asked = [change.value for change in request.fields if normalize_key(change.name) == "status"]
    wanted = common_meaning(asked[0] if asked else STATUS_OF_BOX[" "])
    fitting = [item for item in members if common_meaning(item.status) == wanted]
    if fitting:
        return fitting
    labels = ", ".join(dict.fromkeys(item.status or "" for item in members))
    raise RoadmapError(
        f"{roadmap.path}: the boxes of {request.section.strip()} are grouped under labels "
        f"that give their status ({labels}); none says {asked[0] if asked else 'open'!r}: "
        "give one of those with --status"
    )


def _is_numbered_task(lines: list[str], item: Item) -> bool:
    """Whether a box is a top-level numbered task (Kiro's ``- [ ] 3. Title``): its number
    written with a full stop."""
    line = lines[item.position.line - 1]
    box = BOX.match(line)
    return (
        box is not None
        and item.id.isdigit()
        and _number_of_box(line) == item.id
        and line[box.end() :].startswith(f"{item.id}.")
    )


def _numbered_place(
    roadmap: Roadmap,
    request: NewItem,
    members: list[Item],
    tasks: list[Item],
    lines: list[str],
    ids: dict[str, Item],
) -> tuple[int, str, str]:
    """Where a numbered task goes, its lead (a blank line first where the tasks are
    written apart) and its number: after the last task and its sub-tasks, or with
    ``--parent`` after that task's last sub-task, one deeper than the task."""
    parent_name = request.parent
    given = (request.item_id or "").strip()
    if parent_name is None and _NUMBERED_BOX.fullmatch(given):
        parent_name = given.rsplit(".", 1)[0]  # --id 3.5: a sub-task of 3
        if all(task.id != parent_name for task in tasks):
            # no task 3 (renamed): after the last item, written as it is
            box = BOX.match(lines[members[-1].position.line - 1])
            assert box is not None
            _refuse_taken(roadmap, given, ids)
            return members[-1].end_line, box["lead"], given
    if parent_name is None:
        siblings, at = tasks, max(item.end_line for item in members)
        number = max(int(task.id) for task in tasks) + 1
        wanted = request.item_id.strip().rstrip(".") if request.item_id else str(number)
        if not wanted.isdigit():
            raise RoadmapError(f"a task is numbered as the others are (4); not {wanted!r}")
        box = BOX.match(lines[tasks[-1].position.line - 1])
        assert box is not None
        lead = box["lead"]
    else:
        named = parent_name.strip().rstrip(".")
        parent = next((task for task in tasks if task.id == named), None)
        if parent is None:
            named_tasks = ", ".join(task.id for task in tasks)
            raise RoadmapError(f"--parent names a numbered task ({named_tasks}); not {named!r}")
        siblings = [item for item in members if _is_sub_task(item.id, parent.id)]
        at = siblings[-1].end_line if siblings else parent.end_line
        numbers = [item.id.rsplit(".", 1)[1] for item in siblings]
        last = max((int(number) for number in numbers if number.isdigit()), default=0)
        wanted = request.item_id.strip() if request.item_id else f"{parent.id}.{last + 1}"
        if not _NUMBERED_BOX.fullmatch(wanted) or not wanted.startswith(f"{parent.id}."):
            raise RoadmapError(
                f"a sub-task of {parent.id} is numbered {parent.id}.N; not {wanted!r}"
            )
        lead = _child_lead(lines, parent, siblings)
    _refuse_taken(roadmap, wanted, ids)
    apart = len(siblings) > 1 and not lines[siblings[-1].position.line - 2].strip()
    return at, (roadmap.style.newline if apart else "") + lead, wanted


def _refuse_taken(roadmap: Roadmap, wanted: str, ids: dict[str, Item]) -> None:
    if wanted in ids:
        raise RoadmapError(f"{roadmap.path}:{ids[wanted].position.line}: {wanted} already exists")


def _is_sub_task(item_id: str, task: str) -> bool:
    """Whether ``item_id`` numbers a sub-task of ``task`` (``3.2`` of ``3``, not ``3.2.1``)."""
    head, dot, tail = item_id.rpartition(".")
    return bool(dot) and head == task and tail[:1].isdigit()


def _child_lead(lines: list[str], parent: Item, children: list[Item]) -> str:
    """The lead of a new sub-task: its last sibling's, else the task's, one level in."""
    box = BOX.match(lines[(children[-1] if children else parent).position.line - 1])
    assert box is not None
    if children:
        return box["lead"]
    lead = box["lead"]
    indent = len(lead) - len(lead.lstrip())
    return " " * (indent + len(lead.strip()) + 1) + lead.strip() + " "


def new_bullet(roadmap: Roadmap, request: NewItem, settings: Settings) -> tuple[str, str] | None:
    """A plain ID bullet after the section's last (``- [FEAT-4] Password reset`` under
    ``## Todo`` of a queue whose sections are its statuses): its marker (an ordered list's
    number counted on), the ID the next free one or ``--id``, written around its title as
    the last bullet writes its own; an owner, a priority and dependencies written on the
    line as ``set`` writes them. None where the section's last item is no plain bullet
    with an ID and its values on its line."""
    from roadmaplint.edit.base import items_added, next_id
    from roadmaplint.reader import parse
    from roadmaplint.reader.idpattern import id_regex
    from roadmaplint.reader.inline import plain_text
    from roadmaplint.reader.linestyle import counts_up, ordered_number, with_number

    section = request.section.strip()
    members = [item for item in roadmap.items if item.section == section]
    lines = split_lines(roadmap.source)
    last = members[-1] if members else None
    line = lines[last.position.line - 1] if last is not None else ""
    entry = _ENTRY.match(line)
    if last is None or BOX.match(line) is not None or entry is None:
        return None
    if any(found.value_position.line != last.position.line for found in last.fields):
        return None  # its fields are bullets of their own: the heading writer's
    form = _id_form(line[entry.end() :].rstrip("\r\n"), last)
    if form is None or not id_regex(settings.id_pattern).fullmatch(last.id):
        return None
    where = f"{roadmap.path}:{last.position.line}"
    if request.done or request.parent is not None:
        raise RoadmapError(
            f"{where}: a bullet of {section} holds no Definition of Done or sub-tasks; "
            "add them by hand"
        )
    fields = [change for change in request.fields if normalize_key(change.name) != "status"]
    for change in request.fields:
        if normalize_key(change.name) == "status" and change.value.strip().casefold() != (
            section.casefold()
        ):
            raise RoadmapError(
                f"{where}: a bullet's status is the section it stands in; to add it with "
                f"status {change.value.strip()!r}, name that section"
            )
    ids = {item.id: item for item in roadmap.items}
    item_id = (request.item_id or next_id(roadmap, section, ids)).strip()
    if not id_regex(settings.id_pattern).fullmatch(item_id):
        raise RoadmapError(f"{where}: {item_id!r} is not an ID as {last.id} is")
    _refuse_taken(roadmap, item_id, ids)
    marker = entry.group(0)
    prefixes = [_ENTRY.match(lines[other.position.line - 1]) for other in members]
    written = [found.group(0) for found in prefixes if found is not None]
    number = ordered_number(marker)
    if number is not None and (counts_up(written) or len(written) == 1):
        marker = with_number(marker, number + 1)
    before, between = form
    newline = roadmap.style.newline
    at = last.end_line
    if not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
        newline = ""  # the file ended without one: so does it still
    lines.insert(at, f"{marker}{before}{item_id}{between}{request.title.strip()}{newline}")
    new_text = "".join(lines)
    if fields:
        # the values written on the new line as set writes them on a bullet's
        grown = parse(new_text, roadmap.path, settings=settings)
        added = next(item for item in grown.items if item.id == item_id)
        try:
            edited = edit_bullet(grown, added, ItemEdit(fields=tuple(fields)), settings)
        except RoadmapError as error:
            # named at the list's last line: the new one is not in the file
            said = str(error).removeprefix(f"{roadmap.path}:{at + 1}: ")
            raise RoadmapError(f"{where}: {said}") from None
        if edited is None:
            raise RoadmapError(f"{where}: a new bullet cannot write these values; add it by hand")
        new_text = edited
    after = prove_edit(roadmap, new_text, items_added(item_id, None), settings)
    found = next((item for item in after.items if item.id == item_id), None)
    if (
        found is None
        or found.position.line != at + 1
        or found.title != plain_text(request.title.strip())
        or found.status != last.status
    ):
        raise RoadmapError(f"{where}: the new bullet would not read back as written")
    return new_text, item_id


def _id_form(text: str, item: Item) -> tuple[str, str] | None:
    """What a bullet writes before its ID and between it and its title (``[``, ``] ``;
    ``**``, ``** ``; ``''``, ``: ``), when its text is those, the ID and the title."""
    at = text.find(item.id)
    start = text.find(item.title, at + len(item.id)) if at >= 0 and item.title else -1
    if start < 0:
        return None
    before, between = text[:at], text[at + len(item.id) : start]
    if before not in _ID_WRAPS or between.strip(" \t:—–-])*_`") or not between.endswith(" "):
        return None
    return before, between


_ID_WRAPS = ("", "[", "**", "__", "`", "*", "_", "**[")
