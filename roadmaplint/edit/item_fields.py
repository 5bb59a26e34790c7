"""A heading item's field lines written: a field's value rewritten in its line as the
document writes it (its markup, its cell, a hard break), a new field inserted where
its neighbours stand (clear of suppression comments, numbered on through a counted
list), and ``--add-dep``/``--remove-dep`` folded into one Depends on value.
"""

from __future__ import annotations

from roadmaplint.edit.base import FieldChange, ItemEdit, check_one_line, name_written
from roadmaplint.edit.item_dependencies import (
    _crossing,
    _dependencies_markup,
    _in_bullet_words,
    _in_reverse,
    _said_in,
    _written_in_reverse,
    dependency_entries,
    entry_spans,
)
from roadmaplint.edit.item_plan import _ATX, _LIST_LINE, _Plan
from roadmaplint.edit.item_title import heading_id
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Field, Item, Roadmap
from roadmaplint.reader import DEPENDS_ON, normalize_key
from roadmaplint.reader.fields import bars
from roadmaplint.reader.inline import plain_text
from roadmaplint.reader.linestyle import (
    counts_up,
    field_rank,
    field_style,
    follows_field,
    new_field,
    ordered_number,
    split_tail,
    value_end,
    with_number,
)
from roadmaplint.record import record, replace
from roadmaplint.rules.suppressions import is_line_suppression


def _with_dependency_edits(
    roadmap: Roadmap, item: Item, edit: ItemEdit, lines: list[str]
) -> list[FieldChange]:
    """The field changes, with --add-dep/--remove-dep folded into one Depends on value.

    The entries are taken as written (links, code), so that the ones not named keep
    their bytes."""
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
        entries = []
        if current is not None and _in_bullet_words(lines, item, current):
            raise RoadmapError(
                f"{roadmap.path}:{item.position.line}: {item.id}'s dependencies are written "
                f"in the words of its bullet ({_said_in(lines, item, current)}), which set "
                "does not edit yet; nothing written: edit the line by hand"
            )
        if current is not None:
            _single_line(lines, item, current, roadmap.path)
            written = _field_line(lines, current).written
            if entry_spans(written) is None and edit.remove_deps:
                raise _crossing(roadmap, item, current)
            entries = dependency_entries(written)
    reverse = _written_in_reverse(roadmap, item)
    for value in edit.remove_deps:
        kept = [entry for entry in entries if plain_text(entry) != plain_text(value.strip())]
        if len(kept) == len(entries) and plain_text(value.strip()) in reverse:
            raise _in_reverse(roadmap, item, plain_text(value.strip()), reverse)
        if len(kept) == len(entries) and plain_text(value.strip()) in item.depends_on:
            # named by a range (``E-01 through E-03``) or read from another line (a
            # sequencing line ``1 → (2 ∥ 3)``): saying it depends on nothing would be false
            depends = item.field(DEPENDS_ON)
            line = depends.position.line if depends is not None else item.position.line
            raise RoadmapError(
                f"{roadmap.path}:{line}: {item.id} depends on {value.strip()} through a "
                "range or another line of the plan, not an entry set can remove; nothing "
                "written: edit the line that names it by hand"
            )
        if len(kept) == len(entries):
            depends = item.field(DEPENDS_ON)
            line = depends.position.line if depends is not None else item.position.line
            raise RoadmapError(
                f"{roadmap.path}:{line}: {item.id} does not depend on {value.strip()}; "
                f"it depends on: {', '.join(plain_text(e) for e in entries) or 'nothing'}"
            )
        entries = kept
    for value in edit.add_deps:
        if plain_text(value.strip()) in item.depends_on:
            continue  # named already, by a range (``E-01 through E-03``) or a Blocks field
        if plain_text(value.strip()) not in {plain_text(entry) for entry in entries}:
            entries.append(value.strip())
    named = {plain_text(entry) for entry in entries}
    for other_id in reverse if given is not None else ():
        if other_id not in named:  # --depends-on names all of them
            raise _in_reverse(roadmap, item, other_id, reverse)
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


@record(slots=False)
class _FieldLine:
    """A field's line cut up: ``head`` + ``written`` + ``hard_break`` + ``trailing`` +
    ``tail`` + ``ending``; ``written`` is the value's markdown, ``hard_break`` a ``\\``
    that ends a line of a paragraph of fields (markup, not value), ``trailing`` the
    spaces after it (a two-space hard break), ``tail`` trailing HTML comments."""

    head: str
    written: str
    hard_break: str
    trailing: str
    tail: str
    ending: str


def _field_line(lines: list[str], found: Field, line: str | None = None) -> _FieldLine:
    """``found``'s line (``line``: as an earlier edit of a field after it on the line left
    it) cut up; the fields that follow it on its line are part of its tail."""
    line = lines[found.position.line - 1] if line is None else line
    body = line.rstrip("\r\n")
    start = min(found.value_position.column - 1, len(body))
    end = start + _written_end(body, start, found.value)
    old_raw, tail = split_tail(body[start:end])
    tail += body[end:]
    written = old_raw.rstrip(" \t")
    trailing = old_raw[len(written) :]
    hard_break = ""
    if written.endswith("\\") and not found.value.endswith("\\"):
        written, hard_break = written[:-1], "\\"
    return _FieldLine(body[:start], written, hard_break, trailing, tail, line[len(body) :])


def _written_end(body: str, start: int, value: str) -> int:
    """Where the value written from ``start`` ends, counted from ``start``: at its table
    cell's bar (``| **Status** | done |``), before the ``-->`` of the HTML comment that
    holds it (``<!-- status: done -->``), at the bar before the next plain field
    (``Status: todo | Priority: P2``: where the value read, ``value``, ends), else at the
    next field sharing its line."""
    rest = body[start:]
    head = body.lstrip()
    if head.startswith("|"):
        found = bars(rest)
        # the spaces before the cell's bar stay with it
        return len(rest[: found[0]].rstrip(" \t")) if found else len(rest)
    if head.startswith("<!--") and rest.rstrip().endswith("-->"):
        return len(rest.rstrip()[:-3].rstrip(" \t"))
    end = value_end(rest)
    if end == len(rest) and "|" in rest:
        # the first bars the value read can end at: a value is no shorter written
        bar = rest.find("|", len(value))
        for _ in range(4):
            if bar < 0:
                break
            written = rest[:bar].rstrip(" \t")
            if plain_text(written) == value:
                return len(written)
            bar = rest.find("|", bar + 1)
    return end


def paragraph_break(lines: list[str], found: Field) -> str:
    """The hard break (``\\`` or spaces) that ends a field line of a paragraph of fields."""
    if _LIST_LINE.match(lines[found.position.line - 1]):
        return ""
    cut = _field_line(lines, found)
    if cut.tail and value_end(cut.tail) < len(cut.tail):
        # fields follow on the line: its break is the one after the last of them
        raw, comment = split_tail(cut.tail[value_end(cut.tail) :])
        written = raw.rstrip(" \t")
        if written.endswith("\\"):
            return "\\"
        trailing = raw[len(written) :]
        return trailing if len(trailing) >= 2 and not comment else ""
    return cut.hard_break or (cut.trailing if len(cut.trailing) >= 2 and not cut.tail else "")


def _rewrite_field(
    plan: _Plan, lines: list[str], roadmap: Roadmap, item: Item, found: Field, change: FieldChange
) -> None:
    _single_line(lines, item, found, roadmap.path)
    index = found.position.line - 1
    cut = _field_line(lines, found, plan.replace.get(index))
    written, head, tail = cut.written, cut.head, cut.tail
    if normalize_key(change.name) == DEPENDS_ON:
        new_raw = _dependencies_markup(written, change.value)
        if new_raw is None:
            raise _crossing(roadmap, item, found)
    else:
        new_raw = _value_markup(written, found.value, change.value)
    if new_raw == written:
        return
    if not new_raw:
        shared = follows_field(head[: found.position.column - 1])
        if found.end_line > found.position.line or tail.strip() or shared or _covered(lines, index):
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
    # An empty field's one trailing space ("- **Owner:** ") separated the label from a
    # value that was not there; after the value it would be stray whitespace.
    trailing = cut.trailing if written or len(cut.trailing) >= 2 else ""
    plan.replace[index] = head + new_raw + cut.hard_break + trailing + tail + cut.ending


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
    return is_line_suppression("".join(lines[start : end + 1]))


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
    if not item.fields:
        _refuse_under_empty_version(lines, roadmap, item, change.name)
    # a field another line gives it (a schedule's box, a sprint's row) is no neighbour
    item = replace(item, fields=tuple(f for f in item.fields if _within(item, f)))
    nearest = (
        []
        if item.fields
        else sorted(roadmap.items, key=lambda other: abs(other.position.line - item.position.line))
    )
    place = new_field(lines, item, key, nearest, roadmap.style.indent)
    line = place.style.line(name_written(roadmap, key, change.name), change.value)
    if item.fields:
        # In a paragraph of fields ended by hard breaks, the new line is followed by
        # another field line: it ends as the line it follows (or goes before) ends.
        line += paragraph_break(lines, place.after or item.fields[0])
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


def _refuse_under_empty_version(lines: list[str], roadmap: Roadmap, item: Item, name: str) -> None:
    """Refuse a field line under a version heading with nothing under it that reads as the
    work it names (``## 0.2 (search index)`` among versions over bullets): a line under it
    would make the version a section over its own words, no longer that item."""
    from roadmaplint.reader.shapes.versions import names_version_work

    heading = lines[item.position.line - 1]
    atx = _ATX.match(heading)
    if atx is None or any(line.strip() for line in lines[item.position.line : item.end_line]):
        return
    if heading_id(heading, item.id) is not None:
        return  # ``### 1.1: Login``: a heading item named by its number, no version's work
    if not names_version_work(plain_text(heading[atx.end() :].rstrip().rstrip("#"))):
        return
    raise RoadmapError(
        f"{roadmap.path}:{item.position.line}: {item.id} is the work a version heading with "
        f"nothing under it names ({heading.strip()}); a {name} line under the heading would "
        f"make it a section of its own, no item: nothing written; write the work as a bullet "
        f"under its version, with its {name}, by hand"
    )


def _within(item: Item, found: Field) -> bool:
    return item.position.line <= found.position.line <= item.end_line


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
