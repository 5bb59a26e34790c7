"""Adding an item (``new``) in the style of the items around it, and the starter roadmap.

Like every edit, a pure text -> text step; the caller regenerates derived
sections and writes through the one safe write path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from roadmaplint.edit.base import (
    FieldChange,
    NewItem,
    check_one_line,
    document_reader,
    items_added,
    located,
    name_written,
    next_id,
    read_back,
    validate_changes,
)
from roadmaplint.edit.item import (
    clear_of_suppressions,
    dependency_entries,
    heading_title,
    paragraph_break,
)
from roadmaplint.edit.phases import checklist_block, checklist_entry, is_phased, phase_fields
from roadmaplint.errors import RoadmapError
from roadmaplint.index import Context, did_you_mean
from roadmaplint.model import Item, Position, Roadmap, Section
from roadmaplint.reader import normalize_key, split_dependencies
from roadmaplint.reader.dialect import (
    PHASE_ID,
    PHASE_WORK_ID,
    PRIORITY_LEGEND,
    STATUS_LEGEND,
    Dialect,
)
from roadmaplint.reader.idpattern import id_regex
from roadmaplint.reader.inline import plain_text
from roadmaplint.reader.linestyle import (
    DEFAULT_LABEL,
    DEFAULT_PREFIX,
    FieldStyle,
    counts_up,
    criterion_prefix,
    field_style,
    nested_prefix,
    ordered_number,
    with_number,
)
from roadmaplint.reader.phases import DONE, OPEN
from roadmaplint.reader.quiet import in_own_format
from roadmaplint.reader.shapes.checkbox import written_alike
from roadmaplint.record import replace
from roadmaplint.settings import Settings, common_meaning, describe_id_pattern
from roadmaplint.text import Edit, LazyPattern, apply_edits, split_lines
from roadmaplint.write.proof import prove_added, prove_edit

_THEMATIC_BREAK = LazyPattern(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")


def with_defaults(
    roadmap: Roadmap, fields: Sequence[FieldChange], settings: Settings, has_done: bool
) -> list[FieldChange]:
    """DRI, Status and Priority filled in when not given, in the usual field order; in a
    plan without legends or ``required-fields``, only those its items write.

    The default status is the legend's first ready one when a Definition of Done
    is given, else its first idea one: a ready item without a Definition of Done
    fails RL503. While a dependency is not done it is the first blocked one: a ready
    item waiting on an unfinished one fails RL306. So the defaults pass ``check --strict``.
    """
    given = {normalize_key(change.name): change for change in fields}
    statuses = list(roadmap.status_legend.values) if roadmap.status_legend else []
    priorities = list(roadmap.priority_legend.values) if roadmap.priority_legend else []
    ready = [value for value in statuses if settings.statuses.is_ready(value)]
    idea = [value for value in statuses if settings.statuses.is_idea(value)]
    blocked = [value for value in statuses if settings.statuses.is_blocked(value)]
    if has_done and _waits(roadmap, given.get("depends on"), settings):
        ready = blocked + idea
    status = (ready if has_done else idea + ready) or statuses or ["idea"]
    defaults = {
        "dri": FieldChange("DRI", "_unassigned_"),
        "status": FieldChange("Status", status[0]),
        "priority": FieldChange("Priority", (priorities or ["P2"])[-1]),
    }
    if (
        roadmap.items
        and not in_own_format(roadmap)
        and "required-fields" not in settings.configured
    ):
        # A plan of its own making gets only the fields its items write: a queue with no
        # owners or priorities got `- **DRI:** _unassigned_` and `- **Priority:** P2`.
        written = {key for key in defaults if any(getattr(i, key) for i in roadmap.items)}
        defaults = {key: change for key, change in defaults.items() if key in written}
    ordered = [
        given[key] if key in given else defaults[key]
        for key in _ORDER
        if key in given or key in defaults
    ]
    ordered += [change for key, change in given.items() if key not in _ORDER]
    return ordered


_ORDER = ("dri", "status", "priority")  # the usual order of the fields new writes


def _waits(roadmap: Roadmap, depends_on: FieldChange | None, settings: Settings) -> bool:
    """Whether a Depends on value names an item of this roadmap that is not done."""
    if depends_on is None:
        return False
    references, _ = split_dependencies(depends_on.value, id_regex(settings.id_pattern))
    statuses = {item.id: item.status for item in roadmap.items}
    return any(
        name in statuses and not settings.statuses.is_done(statuses[name]) for name in references
    )


def new_item(roadmap: Roadmap, request: NewItem, settings: Settings) -> tuple[str, str]:
    """The roadmap's text with a new item at the end of a section, and the new item's ID.

    A refusal names the section's heading line (or the line a new section would start
    at); only an unknown section, which has no line, names the file alone."""
    line = _request_line(roadmap, request)
    try:
        new_text, item_id = _new_item(roadmap, request, settings, line or 1)
        prove_added(roadmap, new_text, item_id, _expected(roadmap, request, settings), settings)
        return new_text, item_id
    except RoadmapError as error:
        if line is None:
            raise
        raise located(error, roadmap.path, line) from None


def _expected(roadmap: Roadmap, request: NewItem, settings: Settings) -> dict[str, object]:
    """What the new item must read back as, for the write gate: its title, its boxes and
    each of dependencies, status, priority and owner given."""
    read = document_reader(roadmap)
    dialect = Dialect.from_settings(settings)
    expected: dict[str, object] = {
        "title": read(request.title.strip()),
        "done": tuple((read(entry.strip()), False) for entry in request.done),
    }
    for change in request.fields:
        key = dialect.key(change.name)
        if key == "depends on":
            found, _ = split_dependencies(read(change.value), id_regex(settings.id_pattern))
            expected["depends_on"] = tuple(found)
        elif key in ("status", "priority", "dri") and change.value.strip():
            expected[key] = read(change.value.strip())
    return expected


def _request_line(roadmap: Roadmap, request: NewItem) -> int | None:
    """The line a request to add to ``request.section`` is about: the section's heading,
    else where ``--create-section`` would add it; None for an unknown section."""
    wanted = request.section.strip().lower()
    found = next((s for s in roadmap.sections if s.name.lower() == wanted), None)
    if found is not None:
        return found.position.line
    if any((item.section or "").lower() == wanted for item in roadmap.items):
        # rows and boxes: their section is the heading above them, not a Section record
        return _heading_line(roadmap, normalize_key(plain_text(request.section)))
    if not request.create_section:
        return None
    return _new_section_place(roadmap, split_lines(roadmap.source), request.section)[0] + 1


def _new_item(roadmap: Roadmap, request: NewItem, settings: Settings, line: int) -> tuple[str, str]:
    from roadmaplint.edit.shapes import new_shaped

    members = [item for item in roadmap.items if item.section == request.section.strip()]
    shaped = new_shaped(roadmap, members[-1], request, settings) if members else None
    if shaped is not None:
        return shaped
    if members:
        from roadmaplint.edit.checkbox import new_bullet

        bulleted = new_bullet(roadmap, request, settings)
        if bulleted is not None:
            return bulleted
    if request.parent is not None:
        raise RoadmapError("--parent adds a sub-task under a numbered task (- [ ] 3. Title)")
    for what, text in (("the title", request.title), ("the section", request.section)):
        check_one_line(text, what)
        if not text.strip():
            raise RoadmapError(f"{what} is one non-empty line")
    for criterion in request.done:
        check_one_line(criterion, "a Definition of Done entry")
        if not criterion.strip():
            raise RoadmapError("a Definition of Done entry is one non-empty line")
    section = _find_section(roadmap, request, settings)
    context = Context(roadmap, settings)
    section_name = section.name if section else request.section.strip()
    phased = section is not None and is_phased(roadmap, section_name)
    item_id = _new_id(roadmap, request, section_name, context, settings, phased)
    if phased:
        fields, mark = phase_fields(roadmap, section_name, _deduplicated(request.fields))
    else:
        fields = with_defaults(roadmap, _deduplicated(request.fields), settings, bool(request.done))
        fields = _without_status_of_section(roadmap, fields, request, section_name)
    origin = Position(line, 1)  # refusals of its values name the section's line
    placeholder = Item(
        item_id, request.title, section_name, origin, 0, (), None, None, None, (), (), ()
    )
    validate_changes(roadmap, placeholder, fields, settings)
    lines = split_lines(roadmap.source)
    newline = roadmap.style.newline
    template = _template_item(roadmap, section_name)
    coded = _coded_heading(lines, roadmap, section_name, item_id, request, fields)
    body = coded or _item_lines(lines, roadmap, template, item_id, request, fields)
    if section is None:
        at, heading = _new_section_place(roadmap, lines, section_name)
        body = heading + body
    else:
        at = _end_of_section(lines, section.end_line)
    at = clear_of_suppressions(lines, at)
    block = newline.join(body) + newline
    if at > 0 and lines[at - 1].strip():
        block = newline + block
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        block = newline + block[: -len(newline)]  # the file ended without one: it still does
    if at < len(lines) and lines[at].strip():
        block += newline
    offset = len("".join(lines[:at]))
    edits = [Edit(offset, offset, block)]
    targets = items_added(item_id, None if section else section_name)
    if phased:  # the new phase's box, in the checklist that gives the phases their status
        edits.insert(0, checklist_entry(roadmap, item_id, request.title, mark))
        targets = replace(targets, blocks=frozenset({checklist_block(roadmap)}))
    new_text = apply_edits(roadmap.source, edits)
    after = prove_edit(roadmap, new_text, targets, settings, edits)
    added = next(found for found in after.items if found.id == item_id)
    read_back(roadmap, added, [] if coded else fields, request.title)
    if coded and added.status != fields[0].value.strip():
        raise RoadmapError(
            f"{item_id}'s status would read back as {added.status!r}, not "
            f"{fields[0].value.strip()!r}; nothing written: add it by hand"
        )
    boxed = not any(normalize_key(change.name) == "status" for change in fields)
    if phased and boxed and added.status != (DONE if mark == "x" else OPEN):
        raise RoadmapError(
            f"{item_id} would read back as {added.status!r}; nothing written: add it by hand"
        )
    return new_text, item_id


def _without_status_of_section(
    roadmap: Roadmap, fields: list[FieldChange], request: NewItem, section: str
) -> list[FieldChange]:
    """``fields`` without the default status where the section names the status of what
    it holds (``## Ready`` of a queue whose items write none): the new item takes the
    section's, as its neighbours do, and a Status field would say it twice."""
    asked = any(normalize_key(change.name) == "status" for change in request.fields)
    if asked or common_meaning(section) is None:
        return fields
    if any(item.field("status") is not None for item in roadmap.items):
        return fields
    if not any(item.status == item.section for item in roadmap.items):
        return fields
    return [change for change in fields if normalize_key(change.name) != "status"]


def _deduplicated(fields: Sequence[FieldChange]) -> list[FieldChange]:
    return [
        FieldChange(change.name, ", ".join(dependency_entries(change.value)))
        if normalize_key(change.name) == "depends on"
        else change
        for change in fields
    ]


def _find_section(roadmap: Roadmap, request: NewItem, settings: Settings) -> Section | None:
    sections = {section.name.lower(): section for section in roadmap.sections}
    found = sections.get(request.section.strip().lower())
    if found is not None:
        return found
    names = [section.name for section in roadmap.sections]
    line = _heading_line(roadmap, normalize_key(plain_text(request.section)))
    wanted = request.section.strip().casefold()
    under = [item for item in roadmap.items if (item.section or "").casefold() == wanted]
    if not names and line is not None and under:
        # ``## To Do`` over plain bullets: the heading is there, its items are no section's
        raise RoadmapError(
            f"{roadmap.path}:{line}: {request.section.strip()!r} is a heading over list "
            "entries, which new does not write yet (it adds a heading, a row or a box like "
            "the items around it); add the entry by hand"
        )
    if not request.create_section:
        raise RoadmapError(
            f"{roadmap.path}: no section {request.section!r}"
            f"{did_you_mean(request.section, names)}; sections: {', '.join(names) or 'none'} "
            "(--create-section adds it)"
        )
    why = _reserved_name(roadmap, request.section, settings)
    if why is not None:
        # the heading that already has the name, when the document writes it
        line = _heading_line(roadmap, normalize_key(plain_text(request.section)))
        where = f"{roadmap.path}:{line}" if line else roadmap.path
        raise RoadmapError(
            f"{where}: {request.section.strip()!r} cannot be a section of items: {why}; "
            "give the new section another name"
        )
    return None


# (the text ends at a character that is not blank and every run of blanks is taken
# whole: a heading's text before a long run of tabs was cubic)
_ATX_TEXT = LazyPattern(r" {0,3}#{1,6}[ \t]++((?:.*?[^ \t\n])??)(?:[ \t]++#++)?+[ \t]*+")


def _heading_line(roadmap: Roadmap, key: str) -> int | None:
    """The line of the first ATX heading whose text reads as ``key``, if any."""
    for number, line in enumerate(split_lines(roadmap.source), 1):
        found = _ATX_TEXT.fullmatch(line.rstrip("\r\n"))
        if found is not None and normalize_key(plain_text(found[1])) == key:
            return number
    return None


def _reserved_name(roadmap: Roadmap, name: str, settings: Settings) -> str | None:
    """Why a new section may not have this name (read as a heading reads it), if it may not."""
    if name.lstrip().startswith("#"):
        return "a section name is the heading's text, without the #"
    key = normalize_key(plain_text(name))
    reserved = {
        normalize_key(STATUS_LEGEND): "it names the Status Legend",
        normalize_key(PRIORITY_LEGEND): "it names the Priority Legend",
        normalize_key(settings.overview_heading): "it names the generated "
        f"{settings.overview_heading} (overview-heading)",
        normalize_key(settings.graph_heading): "it names the generated "
        f"{settings.graph_heading} (graph-heading)",
    }
    if roadmap.title:
        reserved.setdefault(normalize_key(roadmap.title), "it is the roadmap's title")
    return reserved.get(key)


def _new_id(
    roadmap: Roadmap,
    request: NewItem,
    section: str,
    context: Context,
    settings: Settings,
    phased: bool,
) -> str:
    if request.item_id is None:
        return next_id(roadmap, section, context.items_by_id)
    item_id = " ".join(request.item_id.split()) if phased else request.item_id.strip()
    check_one_line(item_id, "the ID")
    if phased and PHASE_ID.fullmatch(item_id):
        pass  # a phase is named as the other phases are: Phase 9
    elif any(written_alike(item.id, item_id) for item in roadmap.items):
        pass  # the plan's own numbering: Kiro's 4 or 3.3 beside 3.2
    elif not id_regex(settings.id_pattern).fullmatch(item_id):
        raise RoadmapError(
            f"{item_id!r} is not an ID: IDs follow {describe_id_pattern(settings.id_pattern)}"
        )
    if item_id in context.items_by_id:
        line = context.items_by_id[item_id].position.line
        raise RoadmapError(f"{roadmap.path}:{line}: {item_id} already exists")
    return item_id


def _coded_heading(
    lines: list[str],
    roadmap: Roadmap,
    section: str,
    item_id: str,
    request: NewItem,
    fields: Sequence[FieldChange],
) -> list[str] | None:
    """The new item's heading written as its neighbours write theirs where they close
    with their status in a code span and write no field (``## E03 — Search `todo```):
    ``## E04 — Title `status```; None elsewhere, or where more than a status is asked."""
    members = [item for item in roadmap.items if item.section == section]
    if not members or any(item.fields or item.status is None for item in members):
        return None
    last = members[-1]
    written = lines[last.position.line - 1].rstrip("\r\n")
    statuses = [c for c in fields if normalize_key(c.name) == "status"]
    if not written.endswith(f" `{last.status}`") or request.done or len(statuses) != len(fields):
        return None
    heading = _heading_lines(lines, roadmap, last, item_id, request.title.strip())
    if len(heading) != 1 or not statuses:
        return None
    return [f"{heading[0]} `{statuses[0].value.strip()}`"]


def _template_item(roadmap: Roadmap, section: str) -> Item | None:
    """The item to copy the style of: the section's last, else the document's last."""
    members = [item for item in roadmap.items if item.section == section and item.fields]
    others = [item for item in roadmap.items if item.fields]
    chosen = members or others
    return chosen[-1] if chosen else None


def _item_lines(
    lines: list[str],
    roadmap: Roadmap,
    template: Item | None,
    item_id: str,
    request: NewItem,
    fields: Sequence[FieldChange],
) -> list[str]:
    heading = _heading_lines(lines, roadmap, template, item_id, request.title.strip())
    styles = _field_styles(
        lines, template, len(fields) + (1 if request.done else 0), roadmap.style.indent
    )
    body = heading + ([""] if _blank_after_heading(lines, template) else [])
    written = [
        style.line(name_written(roadmap, normalize_key(c.name), c.name), c.value)
        for style, c in zip(styles, fields, strict=False)
    ]
    if request.done:
        written.append(styles[len(fields)].line("Definition of Done", ""))
    # A paragraph of fields ended by hard breaks, as the template's is.
    ending = paragraph_break(lines, template.fields[0]) if template and template.fields else ""
    body += [line + ending for line in written[:-1]] + written[-1:]
    if request.done:
        style = styles[len(fields)]
        nested = _criterion_prefix(lines, roadmap, template, style.prefix)
        body += [f"{nested}[ ] {criterion.strip()}" for criterion in request.done]
    if _separated_by_rules(lines, roadmap, request.section):
        body += ["", f"{roadmap.style.indent}---"]
    return body


def _heading_lines(
    lines: list[str], roadmap: Roadmap, template: Item | None, item_id: str, title: str
) -> list[str]:
    """The new item's heading, written as the template's is: its level (or setext
    underline), and ``[ID] Title`` or ``ID – Title`` with the template's separator."""
    atx_title = heading_title(title, atx=True)
    text = f"[{item_id}] {atx_title}"
    if template is None:
        return [f"{roadmap.style.indent}## {text}"]
    line = lines[template.position.line - 1].rstrip("\r\n")
    # A task of a plan numbered again in each phase is written without its phase (its
    # heading says `Task 3`, the phase heading above it `Phase 2`).
    template_id, written_id = template.id, item_id
    phase_task, new_task = PHASE_WORK_ID.fullmatch(template.id), PHASE_WORK_ID.fullmatch(item_id)
    if phase_task and new_task and phase_task["phase"] == new_task["phase"]:
        template_id, written_id = phase_task["work"], new_task["work"]
    at = line.find(f"[{template_id}]")
    written = re.match(
        rf"(?P<prefix>[ \t]*(?:#{{1,6}}[ \t]+)?){re.escape(template_id)}"
        # ``ID — Title`` ..., and a queue's ``ID Title`` or a numbered series' ``3. Title``
        r"(?P<separator>[ \t]*[—–:-][ \t]*|\.?[ \t]+)",
        line,
    )
    if at >= 0:
        prefix = line[:at]
        text = f"[{written_id}] {atx_title}"
    elif written is not None:
        prefix = written["prefix"]
        text = f"{written_id}{written['separator']}{atx_title}"
    else:
        return [f"{roadmap.style.indent}## {text}"]
    if "#" in prefix or template.position.line >= len(lines):
        return [prefix + text]
    text = text[: len(text) - len(atx_title)] + title  # a setext heading has no closing #s
    underline = lines[template.position.line].strip()  # a setext heading
    return [prefix + text, line[: len(line) - len(line.lstrip())] + underline[0] * len(text)]


def _blank_after_heading(lines: list[str], template: Item | None) -> bool:
    if template is None or not template.fields:
        return True
    return not lines[template.fields[0].position.line - 2].strip()


def _field_styles(
    lines: list[str], template: Item | None, count: int, indent: str
) -> list[FieldStyle]:
    if template is None or not template.fields:
        # Indented like the heading: a list at column 1 in an indented document would
        # join a stray list before it (RL108) instead of the new item.
        return [FieldStyle(indent + DEFAULT_PREFIX, DEFAULT_LABEL)] * count
    first = field_style(lines, template.fields[0])
    prefixes = [field_style(lines, found).prefix for found in template.fields]
    number = ordered_number(first.prefix)
    if number is None or not counts_up(prefixes):
        return [first] * count
    return [FieldStyle(with_number(first.prefix, number + n), first.label) for n in range(count)]


def _criterion_prefix(
    lines: list[str], roadmap: Roadmap, template: Item | None, field_prefix: str
) -> str:
    """The template's Definition of Done entry prefix; else the document's entry marker,
    nested under the new field."""
    written = [item for item in roadmap.items if item.definition_of_done]
    if template is not None and template.definition_of_done:
        written.insert(0, template)
    for found in written:
        prefix = criterion_prefix(lines[found.definition_of_done[0].line - 1])
        if prefix is None:
            continue
        if found is template:
            return prefix
        marker = prefix.strip(" \t>")
        nested = nested_prefix(field_prefix)
        return nested[: len(nested) - 2] + marker + " "
    return nested_prefix(field_prefix)


def _separated_by_rules(lines: list[str], roadmap: Roadmap, section: str) -> bool:
    """Whether items are separated by ``---`` lines, as the example writes them.

    Decided by the gaps between neighbouring items of the section, else of the
    document; only a document with no two neighbouring items is judged by what
    follows its last item.
    """
    items = roadmap.items
    pairs = [
        (first, second) for first, second in pairwise(items) if first.section == second.section
    ]
    chosen = [pair for pair in pairs if pair[0].section == section] or pairs
    if chosen:
        return any(
            _THEMATIC_BREAK.fullmatch(line.rstrip("\r\n"))
            for first, second in chosen
            for line in lines[first.end_line : second.position.line - 1]
        )
    if not items:
        return any(line.strip() == "---" for line in lines)
    after = lines[items[-1].end_line : items[-1].end_line + 3]
    return any(_THEMATIC_BREAK.fullmatch(line.rstrip("\r\n")) for line in after)


def _end_of_section(lines: list[str], end_line: int) -> int:
    """Index to insert before: after the section's last non-blank line."""
    index = end_line
    while index > 0 and not lines[index - 1].strip():
        index -= 1
    return index


def _new_section_place(roadmap: Roadmap, lines: list[str], name: str) -> tuple[int, list[str]]:
    """Where a new section goes (after the last section of items) and its heading lines."""
    if roadmap.sections:
        last = roadmap.sections[-1]
        at = _end_of_section(lines, last.end_line)
        line = lines[last.position.line - 1].rstrip("\r\n")
        prefix = line[: line.find(last.name)] if last.name in line else "# "
    else:
        generated = [found.region.heading.line for found in roadmap.overviews]
        generated += [found.region.heading.line for found in roadmap.graph_sections]
        at = min(generated) - 1 if generated else len(lines)
        while at > 0 and (
            not lines[at - 1].strip() or _THEMATIC_BREAK.fullmatch(lines[at - 1].rstrip("\r\n"))
        ):
            at -= 1
        prefix = f"{roadmap.style.indent}# "
    if "#" in prefix:
        return at, [prefix + name.strip(), ""]
    return at, [prefix + name.strip(), prefix + "=" * len(name.strip()), ""]


STARTER = """\
# {title}

This document tracks features, owners and priorities. `roadmaplint check` keeps it honest;
`roadmaplint fix` regenerates the Priority Overview at the end.

---

## Status Legend

- `idea` – not scoped yet
- `ready` – clearly defined, free to claim
- `in_progress` – actively worked on
- `blocked` – waiting on dependency
- `done` – completed

## Priority Legend

- `P0` – critical
- `P1` – important
- `P2` – nice to have

---

# Getting Started

---

## [START-1] Write the First Real Item

- **DRI:** _unassigned_
- **Status:** ready
- **Priority:** P1
- **Description:** Replace this example with the first item of your roadmap.
- **Definition of Done:**
  - [ ] The roadmap lists real work
  - [ ] `roadmaplint check --strict` passes

---
"""
