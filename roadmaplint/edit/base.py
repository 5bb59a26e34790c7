"""What every shape's writer shares: the requests (``ItemEdit``, ``NewItem``), the
checks a value passes before it is written, the read-back that proves it reads as
given, and what an edit may change for the write gate.

The heading writer (``item.py``, ``new.py``) and the other shapes' writers
(``table``, ``checkbox``, ``phases``, ``taskfiles``) all stand on this module;
``shapes.py`` dispatches to them, so none of them imports another.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence

from roadmaplint.errors import RoadmapError
from roadmaplint.index import Context, did_you_mean, id_prefix
from roadmaplint.model import DoneCriterion, Field, Item, Roadmap
from roadmaplint.reader import DEPENDS_ON, normalize_key, split_dependencies
from roadmaplint.reader.dialect import PHASE_ID
from roadmaplint.reader.idpattern import id_regex
from roadmaplint.reader.waits import REVERSE_KEYS
from roadmaplint.record import record
from roadmaplint.settings import Settings
from roadmaplint.text import Edit, LazyPattern, apply_edits
from roadmaplint.write.proof import Targets, prove_edit


@record(slots=False)
class FieldChange:
    name: str  # as it should be written, e.g. "Depends on"
    value: str


@record(slots=False)
class ItemEdit:
    """Everything ``set`` can change on one item."""

    fields: tuple[FieldChange, ...] = ()
    add_deps: tuple[str, ...] = ()
    remove_deps: tuple[str, ...] = ()
    title: str | None = None
    tick: tuple[str, ...] = ()  # Definition of Done entries, by number or text
    untick: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (
            self.fields
            or self.add_deps
            or self.remove_deps
            or self.title is not None
            or self.tick
            or self.untick
        )


def check_one_line(value: str, what: str) -> None:
    """Refuse text that cannot be one line of a UTF-8 markdown file."""
    # U+2028 and U+2029 end a line for Python, many editors and the diff a tool returns,
    # though not for markdown: the file would read as two different lines to each.
    if any(char in value for char in "\n\r\u2028\u2029"):
        raise RoadmapError(f"{what}: a value is one line; newlines are not allowed")
    if "<!--" in value:  # markdown hides it, and the rest of the line with it
        raise RoadmapError(
            f"{what}: a value cannot hold an HTML comment (<!--); it would read as what "
            "is left without it"
        )
    if any("\ud800" <= char <= "\udfff" for char in value):
        shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise RoadmapError(f"{what}: {shown} is not valid UTF-8; give the text in UTF-8")
    control = next((c for c in value if c != "\t" and unicodedata.category(c) == "Cc"), None)
    if control is not None:
        raise RoadmapError(f"{what}: control character U+{ord(control):04X} is not allowed")


def refuse_front_matter_item(roadmap: Roadmap, item: Item) -> None:
    """Refuse to edit an item read from the front matter (a Cursor plan's ``todos:``
    entry): its list is another tool's YAML, read and not yet written (ROADMAP CORE-224),
    and the gate would refuse the edit only in its own words."""
    from roadmaplint.reader.blocks import front_matter_lines

    lines = roadmap.source.splitlines(keepends=True)
    if item.position.line <= front_matter_lines(lines):
        raise RoadmapError(
            f"{item.id} is an entry of the front matter's todos: list (a Cursor plan), which "
            "roadmaplint reads but does not write; edit it by hand or in Cursor"
        )


def located(error: RoadmapError, path: str, line: int) -> RoadmapError:
    """``error`` as a refusal that names the file and line: ``path:line:`` first, unless it
    names a line of ``path`` already (``path:`` alone is given the line)."""
    message = str(error)
    if re.match(rf"{re.escape(path)}:\d+: ", message):
        return error
    if message.startswith(f"{path}: "):
        message = message[len(path) + 2 :]
    return RoadmapError(f"{path}:{line}: {message}")


def typed_id(item_id: str) -> str:
    """An ID as the user typed it, composed as references made from titles are (``café``
    handed over with a combining accent names the item ``Café`` is read as)."""
    return item_id if item_id.isascii() else unicodedata.normalize("NFC", item_id)


def find_item(roadmap: Roadmap, item_id: str, settings: Settings) -> Item:
    """The one item with this ID, or a one-line refusal (unknown, or defined twice)."""
    check_one_line(item_id, "the ID")
    item_id = typed_id(item_id)
    found = [candidate for candidate in roadmap.items if candidate.id == item_id]
    if not found:
        items = Context(roadmap, settings).items_by_id
        raise RoadmapError(f"{roadmap.path}: no item {item_id}{did_you_mean(item_id, items)}")
    if len(found) > 1:
        lines = ", ".join(str(candidate.position.line) for candidate in found)
        raise RoadmapError(
            f"{roadmap.path}: {item_id} is defined {len(found)} times (lines {lines}, RL102); "
            "give one of them another ID before editing it"
        )
    return found[0]


def validate_changes(
    roadmap: Roadmap,
    item: Item,
    changes: Sequence[FieldChange],
    settings: Settings,
) -> None:
    """Refuse values the legends, the required fields or the dependency graph would reject."""
    context = Context(roadmap, settings)
    required = {normalize_key(name) for name in settings.required_fields}
    for change in changes:
        found = item.field(normalize_key(change.name))
        line = found.position.line if found is not None else item.position.line
        try:
            _validate_change(roadmap, context, item, change, settings, required)
        except RoadmapError as error:
            raise located(error, roadmap.path, line) from None


def _validate_change(
    roadmap: Roadmap,
    context: Context,
    item: Item,
    change: FieldChange,
    settings: Settings,
    required: set[str],
) -> None:
    key = normalize_key(change.name)
    check_one_line(change.value, change.name)
    if key in required and not change.value.strip():
        raise RoadmapError(f"{change.name} is required and cannot be empty")
    legend = {"status": roadmap.status_legend, "priority": roadmap.priority_legend}.get(key)
    if legend is not None and change.value not in legend.values:
        raise RoadmapError(
            f"{change.name} {change.value!r} is not in the {legend.name}"
            f"{did_you_mean(change.value, legend.values)}; allowed: {', '.join(legend.values)}"
        )
    if key == DEPENDS_ON:
        _validate_dependencies(context, item, change.value, settings)


def _validate_dependencies(context: Context, item: Item, value: str, settings: Settings) -> None:
    references, externals = split_dependencies(value, id_regex(settings.id_pattern))
    phases = _phases(context, externals) + _numbered_like_items(context, externals)
    references += phases
    for name in (name for name in externals if name not in phases):
        if name not in item.external_deps:
            _refuse_unknown_cross_item(context, item, name)
    items = context.items_by_id
    # References the item already has were accepted before; only new ones are checked.
    added = [reference for reference in references if reference not in item.depends_on]
    for reference in added:
        if reference == item.id:
            raise RoadmapError(f"{item.id} cannot depend on itself")
        if reference not in items:
            raise RoadmapError(
                f"{item.id} cannot depend on unknown item {reference}"
                f"{did_you_mean(reference, items)}"
            )
    if not added or item.id not in items:
        return
    graph = context.graph
    for reference in added:
        # A new edge item -> reference closes a cycle if reference already reaches item.
        if item.id in graph.ancestors(reference):
            raise RoadmapError(
                f"{item.id} cannot depend on {reference}: {reference} already depends on "
                f"{item.id}, which would make a cycle"
            )


def _phases(context: Context, externals: Sequence[str]) -> list[str]:
    """The entries that name a phase (``Phase 7``), which the reader reads as references
    though the id-pattern does not match them; a phase numbered before the document's
    first is archived (shipped, moved out of the file) and stays external, as RL301 has it."""
    numbers = [_phase_number(item_id) for item_id in context.items_by_id]
    first = min((number for number in numbers if number is not None), default=None)
    return [
        name
        for name in externals
        if (number := _phase_number(name)) is not None and first is not None and number >= first
    ]


# A task named by a word and its number (``Task 3``, ``Tarea #1``), no id-pattern's ID.
_WORD_NUMBERED = LazyPattern(r"(?P<word>\S.{0,40}?)[ \t]+#?[0-9]{1,6}")


def _numbered_like_items(context: Context, externals: Sequence[str]) -> list[str]:
    """The entries named as the document's tasks numbered by a word are (``Task 9`` beside
    ``### Task 1``): references to check as IDs are, unknown, circular or the item itself,
    though the id-pattern does not match them. Phases are ``_phases``' business."""
    words = {
        found["word"]
        for item_id in context.items_by_id
        if not PHASE_ID.fullmatch(item_id) and (found := _WORD_NUMBERED.fullmatch(item_id))
    }
    return [
        name
        for name in externals
        if not PHASE_ID.fullmatch(name)
        and (found := _WORD_NUMBERED.fullmatch(name)) is not None
        and found["word"] in words
    ]


def _phase_number(name: str) -> float | None:
    if not PHASE_ID.fullmatch(name):
        return None
    number = name.split()[-1].rstrip("abcdefghijklmnopqrstuvwxyz")
    return float(number.split(".")[0]) + (0.5 if "." in number else 0.0)


def _refuse_unknown_cross_item(context: Context, item: Item, name: str) -> None:
    """Refuse ``path#ID`` when that roadmap reads and holds no such item, as an unknown
    ID in the same file is refused; a file that cannot be read is RL304's business."""
    cross = context.cross_item(name)
    if cross is None or cross.item is not None:
        return
    other = context.other_roadmap(cross.path)
    if isinstance(other, str):
        return
    known = [found.id for found in other.items]
    raise RoadmapError(
        f"{item.id} cannot depend on {name}: {cross.written_path} has no item "
        f"{cross.item_id}{did_you_mean(cross.item_id, known)}"
    )


@record(slots=False)
class NewItem:
    """What ``new`` is asked to add."""

    section: str
    title: str
    fields: tuple[FieldChange, ...] = ()
    done: tuple[str, ...] = ()
    item_id: str | None = None  # --id; else the next free ID of the section
    create_section: bool = False
    parent: str | None = None  # --parent: the numbered task a new sub-task goes under


def next_id(roadmap: Roadmap, section: str, items: Mapping[str, Item]) -> str:
    """The section's usual prefix with a number one above the highest in use.

    Numbers are compared as digit strings: an ID may have more digits than
    ``int()`` converts, and zero padding (``API-007``) is kept.
    """
    members = [item for item in roadmap.items if item.section == section]
    if members:
        prefix = Counter(_prefix(item.id) for item in members).most_common(1)[0][0]
    else:
        prefix = re.sub(r"[^A-Z0-9]", "", (section.split() or ["ITEM"])[0].upper()) or "ITEM"
    numbers = [
        other[len(other.rstrip("0123456789")) :]
        for other in items
        if _prefix(other) == prefix and other[-1:].isdigit()
    ]
    highest = max(
        numbers, key=lambda digits: (len(digits.lstrip("0")), digits.lstrip("0")), default="0"
    )
    separator = "-" if not members or "-" in members[0].id else ""
    return f"{prefix}{separator}{_increment(highest)}"


def _prefix(item_id: str) -> str:
    """``id_prefix``, but none for a bare number: rows numbered 1, 2, 3 (a ``#`` column)
    took ``1`` for their prefix, and the next was ``12``."""
    return "" if item_id.isascii() and item_id.isdigit() else id_prefix(item_id)


def _increment(digits: str) -> str:
    """``digits`` plus one, as a decimal string of at least the same width."""
    width = len(digits)
    result = list(digits)
    position = len(result) - 1
    while position >= 0 and result[position] == "9":
        result[position] = "0"
        position -= 1
    if position < 0:
        result.insert(0, "1")
    else:
        result[position] = str(int(result[position]) + 1)
    return "".join(result).rjust(width, "0")


def document_reader(roadmap: Roadmap) -> Callable[[str], str]:
    """The plain text the reader gives a line of inline markdown in this document (its
    link reference definitions included)."""
    from roadmaplint.reader import InlineText

    env: dict[str, object] = {}
    if roadmap.references:
        env["references"] = {
            found.label: {"href": found.url, "title": found.title, "map": None}
            for found in roadmap.references
        }
    return InlineText(None, env)


def plain_entries(plain: str) -> list[str]:
    """A Depends on value's entries as the reader cuts its plain text, blanks dropped."""
    return list(dict.fromkeys(part.strip() for part in plain.split(",") if part.strip()))


def read_back(
    before: Roadmap, edited: Item, changes: Sequence[FieldChange], title: str | None
) -> None:
    """Refuse unless every value written reads back as the reader reads what was given."""
    read = document_reader(before)
    line = edited.position.line
    for change in changes:
        key = normalize_key(change.name)
        found = edited.field(key)
        actual = found.value if found is not None else ""
        expected = read(change.value)
        if key == DEPENDS_ON:
            actual, expected = ", ".join(plain_entries(actual)), ", ".join(plain_entries(expected))
        if actual != expected:
            raise RoadmapError(
                f"{before.path}:{found.position.line if found else line}: {edited.id}'s "
                f"{change.name} would read back as {actual!r}, not {expected!r}; "
                "nothing written: edit it by hand"
            )
    if title is not None and edited.title != read(title.strip()):
        raise RoadmapError(
            f"{before.path}:{line}: {edited.id}'s title would read back as "
            f"{edited.title!r}, not {read(title.strip())!r}; nothing written: edit it by hand"
        )


def choose_criterion(item: Item, entry: str) -> DoneCriterion:
    criteria = item.definition_of_done
    key = " ".join(entry.split()).casefold()
    if key.isdigit():
        number = int(key)
        if not 1 <= number <= len(criteria):
            raise RoadmapError(
                f"{item.id}'s Definition of Done has entries 1 to {len(criteria)}, not {number}"
            )
        return criteria[number - 1]
    exact = [c for c in criteria if " ".join(c.text.split()).casefold() == key]
    found = exact or [c for c in criteria if key and key in c.text.casefold()]
    if len(found) == 1:
        return found[0]
    listing = "; ".join(f"{n}. {c.text}" for n, c in enumerate(criteria, 1))
    what = "matches several entries" if found else "matches no entry"
    raise RoadmapError(f"{entry!r} {what} of {item.id}'s Definition of Done: {listing}")


def renamed_by_title(
    roadmap: Roadmap, item: Item, new_text: str, edit: ItemEdit, settings: Settings
) -> dict[str, str]:
    """An item named by its title (``- Parser``) is named by its new title after a
    retitle: its old ID and the new, for the gate."""
    if edit.title is None or not item.named_by_title:
        return {}
    from roadmaplint.reader import parse

    now = parse(new_text, roadmap.path, settings=settings)
    found = next((i for i in now.items if i.position.line == item.position.line), None)
    return {item.id: found.id} if found is not None and found.id != item.id else {}


def items_changed(changed: Collection[str], renamed: Mapping[str, str] | None = None) -> Targets:
    """What an edit of items may change, for the write gate: the ``changed`` items (and,
    for a rename, their new IDs); every item reads back in order, renamed.

    Give ``prove_edit`` the edits when they are known: without them the proof takes the
    one span from the first changed byte to the last, which crosses every block between
    two distant edits (a rename's heading and a dependent's Depends on) and is refused."""
    renamed = renamed or {}
    return Targets(
        items=frozenset(changed) | frozenset(renamed.values()),
        renamed=tuple(sorted(renamed.items())),
        same_items=True,
    )


def items_added(item_id: str, section: str | None) -> Targets:
    """What ``new`` may change, for the write gate: only the new item (read back once)
    and the new section, if any."""
    sections = frozenset({section}) if section is not None else frozenset()
    return Targets(items=frozenset({item_id}), sections=sections, added=item_id)


def replacement_reads_back(roadmap: Roadmap, item_id: str, edit: Edit, settings: Settings) -> bool:
    """Whether ``edit`` (a did-you-mean replacement in one of ``item_id``'s fields, which
    the language server offers) passes the write gate as a change of that item alone,
    and the item reads the replacement back as a field's name or in a field's value (a
    value that would split a table cell, close a code span or end the field list fails)."""
    new_text = apply_edits(roadmap.source, [edit])
    try:
        after = prove_edit(roadmap, new_text, items_changed({item_id}), settings, [edit])
    except RoadmapError:
        return False
    return any(
        edit.replacement == found.name or edit.replacement in found.value
        for item in after.items
        if item.id == item_id
        for found in item.fields
    )


def reverse_fields(item: Item) -> tuple[Field, ...]:
    """The fields of ``item`` that name the items depending on it (``Blocks: A-2``)."""
    return tuple(found for found in item.fields if found.key in REVERSE_KEYS and found.value)


def name_written(roadmap: Roadmap, key: str, name: str) -> str:
    """The name the plan's items write the field ``key`` by (``Owner`` for the DRI), where
    the edit names it by its own name (``--dri``); else ``name``."""
    if name.casefold() != key:
        return name
    written = Counter(
        found.name for other in roadmap.items for found in other.fields if found.key == key
    )
    if not written:
        return name
    top = max(written.values())
    names = sorted(found for found, count in written.items() if count == top)
    return name if name in names else names[0]
