"""Changing one item in place: its fields, its dependencies, its title, its Definition of Done.

Each edit is a pure text -> text step that touches only the item's lines and
writes them the way the document already writes them (see ``linestyle``); the
caller then regenerates derived sections with ``fix_text`` and writes through
the one safe write path.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from roadmaplint.errors import RoadmapError
from roadmaplint.idpattern import id_regex
from roadmaplint.linestyle import (
    box_offset,
    counts_up,
    criterion_prefix,
    field_rank,
    field_style,
    new_field,
    ordered_number,
    split_tail,
    with_number,
)
from roadmaplint.model import DoneCriterion, Field, Item, Roadmap
from roadmaplint.parse import DEPENDS_ON, normalize_key, split_dependencies, split_lines
from roadmaplint.proof import Targets, prove_edit
from roadmaplint.rules.base import Context, did_you_mean
from roadmaplint.settings import Settings
from roadmaplint.splice import Edit

_LIST_LINE = re.compile(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]")
_DISABLE = re.compile(r"<!--\s*roadmaplint-disable(?!-file)(?=[\s-])")


@dataclass(frozen=True)
class FieldChange:
    name: str  # as it should be written, e.g. "Depends on"
    value: str


@dataclass(frozen=True)
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
    if "\n" in value or "\r" in value:
        raise RoadmapError(f"{what}: a value is one line; newlines are not allowed")
    if any("\ud800" <= char <= "\udfff" for char in value):
        shown = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise RoadmapError(f"{what}: {shown} is not valid UTF-8; give the text in UTF-8")
    control = next((c for c in value if c != "\t" and unicodedata.category(c) == "Cc"), None)
    if control is not None:
        raise RoadmapError(f"{what}: control character U+{ord(control):04X} is not allowed")


def find_item(roadmap: Roadmap, item_id: str, settings: Settings) -> Item:
    """The one item with this ID, or a one-line refusal (unknown, or defined twice)."""
    check_one_line(item_id, "the ID")
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
    references, _ = split_dependencies(value, id_regex(settings.id_pattern))
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


@lru_cache(maxsize=1024)
def plain_text(markdown: str) -> str:
    """The text a reader sees in one line of inline markdown."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parseInline(markdown)
    parts: list[str] = []
    for token in tokens[0].children or () if tokens else ():
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def dependency_entries(value: str) -> list[str]:
    """The entries of a Depends on value, blanks and repeats dropped, in written order."""
    entries: dict[str, str] = {}
    for part in value.split(","):
        entry = part.strip()
        if entry:
            entries.setdefault(plain_text(entry), entry)
    return list(entries.values())


@dataclass
class _Plan:
    """Line edits of one item: replacements and deletions by 0-based index, and insertions."""

    replace: dict[int, str | None] = field(default_factory=dict)
    insert: list[tuple[int, int, list[str]]] = field(default_factory=list)  # (index, rank, lines)
    under_heading: set[int] = field(default_factory=set)  # insertions right under a heading


def set_fields(
    roadmap: Roadmap, item_id: str, changes: Sequence[FieldChange], settings: Settings
) -> str:
    """The roadmap's text with the item's fields set; other items read back unchanged."""
    return edit_item(roadmap, item_id, ItemEdit(fields=tuple(changes)), settings)


def edit_item(roadmap: Roadmap, item_id: str, edit: ItemEdit, settings: Settings) -> str:
    """The roadmap's text with one item edited; other items read back unchanged."""
    item = find_item(roadmap, item_id, settings)
    changes = _with_dependency_edits(item, edit)
    validate_changes(roadmap, item, changes, settings)
    lines = split_lines(roadmap.source)
    plan = _Plan()
    inserted: list[tuple[int, str]] = []
    for change in changes:
        found = item.field(normalize_key(change.name))
        if found is not None:
            _rewrite_field(plan, lines, roadmap, item, found, change)
        elif change.value.strip():
            inserted.append(_insert_field(plan, lines, roadmap, item, change))
    _count_on(plan, lines, item, inserted)
    if edit.title is not None:
        _retitle(plan, lines, item, edit.title)
    for entry in edit.tick:
        _tick(plan, lines, item, entry, "x")
    for entry in edit.untick:
        _tick(plan, lines, item, entry, " ")
    new_text = _apply(lines, plan, roadmap.style.newline)
    if new_text != roadmap.source:
        prove_items_changed(roadmap, new_text, {item_id}, settings)
    return new_text


def _with_dependency_edits(item: Item, edit: ItemEdit) -> list[FieldChange]:
    """The field changes, with --add-dep/--remove-dep folded into one Depends on value."""
    changes = list(edit.fields)
    given = next((c for c in changes if normalize_key(c.name) == DEPENDS_ON), None)
    for value in (*edit.add_deps, *edit.remove_deps):
        check_one_line(value, "Depends on")
        if "," in value or not value.strip():
            raise RoadmapError(f"Depends on: give one entry at a time, not {value!r}")
    if given is not None:
        changes.remove(given)
        entries = dependency_entries(given.value)
    elif not (edit.add_deps or edit.remove_deps):
        return changes
    else:
        current = item.field(DEPENDS_ON)
        entries = dependency_entries(current.value) if current is not None else []
    for value in edit.remove_deps:
        kept = [entry for entry in entries if plain_text(entry) != plain_text(value.strip())]
        if len(kept) == len(entries):
            raise RoadmapError(
                f"{item.id} does not depend on {value.strip()}; "
                f"it depends on: {', '.join(plain_text(e) for e in entries) or 'nothing'}"
            )
        entries = kept
    for value in edit.add_deps:
        if plain_text(value.strip()) not in {plain_text(entry) for entry in entries}:
            entries.append(value.strip())
    changes.append(FieldChange("Depends on", ", ".join(entries)))
    return changes


def _single_line(lines: list[str], item: Item, found: Field, path: str) -> None:
    if found.end_line > found.position.line and not _nested_list_follows(lines, found):
        raise RoadmapError(
            f"{path}:{found.position.line}: {item.id}'s {found.name} spans several "
            "lines; edit it by hand"
        )


def _nested_list_follows(lines: list[str], found: Field) -> bool:
    """Whether a multi-line field is a name line plus a nested list (its value is one line)."""
    following = lines[found.position.line] if found.position.line < len(lines) else ""
    own_indent = found.position.column - 1
    return (
        bool(_LIST_LINE.match(following)) and len(following) - len(following.lstrip()) > own_indent
    )


def _rewrite_field(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, found: Field, change: FieldChange
) -> None:
    _single_line(lines, item, found, roadmap.path)
    index = found.position.line - 1
    line = lines[index]
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    start = min(found.value_position.column - 1, len(body))
    head, (old_raw, tail) = body[:start], split_tail(body[start:])
    written = old_raw.rstrip(" \t")
    trailing = old_raw[len(written) :]
    if normalize_key(change.name) == DEPENDS_ON:
        new_raw = _dependencies_markup(written, change.value)
    else:
        new_raw = _value_markup(written, found.value, change.value)
    if new_raw == written:
        return
    if not new_raw:
        if found.end_line > found.position.line or tail.strip() or _covered(lines, index):
            raise RoadmapError(
                f"{roadmap.path}:{found.position.line}: {item.id}'s {found.name} would be "
                "left empty and cannot be removed safely; edit it by hand"
            )
        plan.replace[index] = None
        return
    if head and head[-1] not in " \t":
        head += " "  # the separating space, even where the old value began with no space
    if tail and tail[0] not in " \t":
        tail = " " + tail
    plan.replace[index] = head + new_raw + trailing + tail + ending


def _value_markup(written: str, old_plain: str, value: str) -> str:
    """The new value as markdown, keeping the backticks that wrapped the old one."""
    if value == written or plain_text(value) == old_plain:
        return written
    if plain_text(value) != value.strip() or not written:
        return value  # the caller wrote markup of their own
    # Backticks are how the value is written (`ready`); emphasis is not kept: it
    # marks placeholders such as _unassigned_, not values.
    ticks = written[: len(written) - len(written.lstrip("`"))]
    inner = written[len(ticks) : len(written) - len(ticks)]
    if (
        ticks
        and len(written) > 2 * len(ticks)
        and written.endswith(ticks)
        and "`" not in inner
        and plain_text(written) == old_plain
        and "`" not in value
    ):
        return f"{ticks}{value}{ticks}"
    return value


def _dependencies_markup(written: str, value: str) -> str:
    """The new entries, each written as the old value wrote the same entry (links, code)."""
    old = {plain_text(entry): entry for entry in dependency_entries(written)}
    new = [old.get(plain_text(entry), entry) for entry in dependency_entries(value)]
    if [plain_text(entry) for entry in new] == list(old):
        return written
    return ", ".join(new)


def _covered(lines: list[str], index: int) -> bool:
    """Whether a ``roadmaplint-disable`` comment ends right above line ``index`` (blanks aside)."""
    above = index - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    return (
        above >= 0 and lines[above].rstrip().endswith("-->") and _comment_is_disable(lines, above)
    )


def _comment_is_disable(lines: list[str], end: int) -> bool:
    start = end
    while start > 0 and "<!--" not in lines[start]:
        start -= 1
    return bool(_DISABLE.search("".join(lines[start : end + 1])))


def clear_of_suppressions(lines: list[str], index: int) -> int:
    """An insertion point at or above ``index`` that does not come between a
    ``roadmaplint-disable`` comment and the line it covers."""
    while _covered(lines, index):
        above = index - 1
        while not lines[above].strip():
            above -= 1
        while above > 0 and "<!--" not in lines[above]:
            above -= 1
        index = above
    return index


def _insert_field(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, change: FieldChange
) -> tuple[int, str]:
    key = normalize_key(change.name)
    nearest = (
        []
        if item.fields
        else sorted(roadmap.items, key=lambda other: abs(other.position.line - item.position.line))
    )
    place = new_field(lines, item, key, nearest, roadmap.style.indent)
    line = place.style.line(change.name, change.value)
    if not item.fields:
        index = item.position.line
        if index < len(lines) and _is_underline(lines[index]):
            index += 1  # a setext heading's underline
        plan.under_heading.add(index)
    elif place.after is not None:
        index = place.after.end_line
    else:
        index = clear_of_suppressions(lines, item.fields[0].position.line - 1)
    plan.insert.append((index, field_rank(key), [line]))
    return len(plan.insert) - 1, place.style.prefix


def _count_on(plan: _Plan, lines: list[str], item: Item, inserted: list[tuple[int, str]]) -> None:
    """Number a counted field list (1, 2, 3) on through every field inserted into it.

    ``inserted`` holds each new field's place in ``plan.insert`` and its prefix. The
    numbers are given once all fields are placed: numbering each insertion against the
    lines as read gives two new fields (or a new and a renumbered one) the same number.
    """
    prefixes = [field_style(lines, found).prefix for found in item.fields]
    first = ordered_number(prefixes[0]) if prefixes else None
    if not inserted or first is None or not counts_up(prefixes):
        return
    prefix_of = dict(inserted)
    order: list[tuple[tuple[int, int, int, int], int]] = [
        ((found.position.line - 1, 1, 0, 0), -1 - number)
        for number, found in enumerate(item.fields)
    ]
    order += [((plan.insert[at][0], 0, plan.insert[at][1], at), at) for at in prefix_of]
    number = expected = first
    for _, which in sorted(order):
        if which >= 0:
            index, rank, new_lines = plan.insert[which]
            prefix = prefix_of[which]
            renumbered = [with_number(prefix, number) + new_lines[0][len(prefix) :]]
            plan.insert[which] = (index, rank, renumbered)
        else:
            found = item.fields[-1 - which]
            prefix = prefixes[-1 - which]
            if ordered_number(prefix) != expected:
                return  # the list does not count on through here; leave it as written
            expected += 1
            at = found.position.line - 1
            current = plan.replace.get(at, lines[at])
            if current is None:
                continue  # the edit removes this field: it takes no number
            renumbered_prefix = with_number(prefix, number)
            if len(renumbered_prefix) != len(prefix):
                return  # a wider number would move the text and unnest what is under it
            plan.replace[at] = renumbered_prefix + current[len(prefix) :]
        number += 1


def _is_underline(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(line) - len(line.lstrip()) < 4 and set(stripped) <= {"=", "-"}


def _retitle(plan: _Plan, lines: list[str], item: Item, title: str) -> None:
    check_one_line(title, "the title")
    if not title.strip():
        raise RoadmapError("the title is one non-empty line")
    index = item.position.line - 1
    line = plan.replace.get(index, lines[index]) or lines[index]
    body = line.rstrip("\r\n")
    at = body.find(f"[{item.id}]")
    if at < 0:
        raise RoadmapError(f"line {index + 1}: cannot find [{item.id}] on {item.id}'s heading")
    start = at + len(item.id) + 2
    while start < len(body) and body[start] in " \t":
        start += 1
    rest, tail = split_tail(body[start:])
    end = _closing_sequence(rest)
    plan.replace[index] = body[:start] + title.strip() + rest[end:] + tail + line[len(body) :]


def _closing_sequence(heading: str) -> int:
    """Where an ATX heading's text ends: before its closing ``#`` sequence, if any."""
    end = len(heading.rstrip(" \t"))
    hashes = len(heading[:end].rstrip("#"))
    if hashes < end and (hashes == 0 or heading[hashes - 1] in " \t"):
        end = len(heading[:hashes].rstrip(" \t"))
    return end


def _tick(plan: _Plan, lines: list[str], item: Item, entry: str, mark: str) -> None:
    criteria = item.definition_of_done
    if not criteria:
        raise RoadmapError(f"{item.id} has no Definition of Done entries")
    chosen = _choose_criterion(item, entry)
    index = chosen.line - 1
    line = plan.replace.get(index, lines[index]) or lines[index]
    offset = box_offset(line)
    if offset is None:
        # A plain entry gets a box: "- text" becomes "- [x] text".
        at = criterion_prefix(line)
        if at is None:
            raise RoadmapError(f"line {chosen.line}: cannot find the list marker of {entry!r}")
        plan.replace[index] = line[: len(at)] + f"[{mark}] " + line[len(at) :]
        return
    if line[offset].lower() == mark:
        return
    plan.replace[index] = line[:offset] + mark + line[offset + 1 :]


def _choose_criterion(item: Item, entry: str) -> DoneCriterion:
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


def _apply(lines: list[str], plan: _Plan, newline: str) -> str:
    """The lines with the plan's replacements, deletions and insertions, in one pass."""
    blocks: dict[int, list[tuple[int, int, list[str]]]] = {}
    for order, (index, rank, new_lines) in enumerate(plan.insert):
        blocks.setdefault(index, []).append((rank, order, new_lines))
    result: list[str] = []
    for index in range(len(lines) + 1):
        if index in blocks:
            block = [line for _, _, group in sorted(blocks[index]) for line in group]
            if result and not result[-1].endswith(("\n", "\r")):
                result[-1] += newline
            text = "".join(line + newline for line in block)
            if index in plan.under_heading:
                text = newline + text  # the fields of an item that had none
                if index < len(lines) and lines[index].strip():
                    text += newline
            result.append(text)
        if index < len(lines):
            replacement = plan.replace.get(index, lines[index])
            if replacement is not None:
                result.append(replacement)
    return "".join(result)


def prove_items_changed(
    before: Roadmap,
    new_text: str,
    targets: set[str],
    settings: Settings,
    renamed: dict[str, str] | None = None,
    edits: Sequence[Edit] | None = None,
) -> Roadmap:
    """The records of ``new_text``; refuses unless only the ``targets`` items (and, for
    a rename, their new IDs) changed: the one total proof every write passes.

    Pass the ``edits`` when they are known: without them the proof takes the one span
    from the first changed byte to the last, which crosses every block between two
    distant edits (a rename's heading and a dependent's Depends on) and is refused."""
    allowed = frozenset(targets) | frozenset((renamed or {}).values())
    after = prove_edit(before, new_text, Targets(items=allowed), settings, edits)
    expected = [(renamed or {}).get(item.id, item.id) for item in before.items]
    if expected != [item.id for item in after.items]:
        raise RoadmapError(f"{before.path}: refusing to write: the edit reached other items")
    return after
