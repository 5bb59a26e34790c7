"""What a document asks for where the configuration says nothing: quiet by default.

With no configuration a finding must be a real defect, so the rules that hold a
document to roadmaplint's own format (its required fields, its known field
names, its legends and its Priority Overview) apply only to a document written
in that format (``in_own_format``: a Priority Legend or a Priority Overview, or
a Status Legend over heading items whose fields are mostly roadmaplint's), or when
the configuration asks for them.
Elsewhere a field is required when the document itself writes it on nearly all
of its items, an in-progress item needs a DRI only in a plan that names owners,
a Definition of Done is asked for only in a plan that writes one, and statuses
in their common spellings carry their meaning without a legend.
"""

from __future__ import annotations

from roadmaplint.model import Item, Legend, Roadmap
from roadmaplint.reader.dialect import Dialect, field_names
from roadmaplint.record import replace
from roadmaplint.settings import Settings, Statuses, common_meaning

# A field the configuration does not require is required when at least this share of
# the document's items write it, and at least this many do.
FIELD_SHARE = 0.8
FIELD_MINIMUM = 3


def has_legends(roadmap: Roadmap) -> bool:
    """Whether the document has a Status or a Priority Legend: its own, or the vocabulary
    the configuration gives it (``status-values``, ``priority-values``). Statuses listed
    under another heading (``## Statuses``) are a vocabulary only, and a task folder's
    statuses (its ``config.yml``'s) are its tool's vocabulary: neither makes the document
    one in roadmaplint's format."""
    from roadmaplint.reader.dialect import TASK_FOLDER_LEGEND

    return any(
        legend is not None and not legend.inferred and legend.name != TASK_FOLDER_LEGEND
        for legend in (roadmap.status_legend, roadmap.priority_legend)
    )


def in_own_format(roadmap: Roadmap) -> bool:
    """Whether the document is written in roadmaplint's own format, whose parts (both
    legends, the Priority Overview, a Definition of Done on every item) can be missing:
    it has a Priority Overview, a Priority Legend, or a Status Legend over heading items
    (``### ID — Title`` with field lists); and its heading items, if it has any, do not
    write fields of their own. A table or a checklist of work with only a status
    vocabulary is not asked for the rest, nor is a document whose statuses are only
    listed under a heading that names them (``## Statuses``) or a task folder, whose
    statuses are its ``config.yml``'s."""
    from roadmaplint.reader.dialect import TASK_FOLDER_LEGEND

    if roadmap.overview is not None:
        return True
    # Heading items that write a field vocabulary of their own make a backlog's own format
    # under either legend: its Priority Legend ranks its work, it does not adopt ours.
    if roadmap.priority_legend is not None:
        return not (has_heading_items(roadmap) and writes_own_fields(roadmap))
    status = roadmap.status_legend
    own = status is not None and not status.inferred and status.name != TASK_FOLDER_LEGEND
    return (
        own
        and has_heading_items(roadmap)
        and not writes_own_fields(roadmap)
        and heading_ids_written(roadmap)
    )


def heading_ids_written(roadmap: Roadmap) -> bool:
    """Whether most heading items write an ID of roadmaplint's kind in their heading
    (``### WEB-1 — Title``): its own format names every item so. Headings numbered
    ``### ✅ 1. Title`` or named by their title (``### Site Backups``) under a Status
    Legend of marks are a request list's or a backlog's own, not roadmaplint's: it lacks
    no DRI, no Priority Legend and no Priority Overview."""
    from roadmaplint.reader.shapes import shape_of

    headed = [item for item in roadmap.items if shape_of(roadmap, item) is None]
    named = [item for item in headed if _written_id(item.id)]
    return 2 * len(named) > len(headed)


def writes_own_fields(roadmap: Roadmap) -> bool:
    """Whether the items write a field vocabulary of their own: more of the fields they
    write carry names roadmaplint does not know (``**Evidence:**``, ``**Milestone:**``)
    than names it does. A task registry with its own Status legend over such items is
    its own format, not roadmaplint's: its fields are not unknown and it lacks no DRI."""
    names = field_names(Dialect.from_settings(Settings()))
    known = unknown = 0
    for item in roadmap.items:
        for candidate in item.fields:
            if names.is_known(candidate.name):
                known += 1
            else:
                unknown += 1
    return unknown > known


def _written_id(reference: str) -> bool:
    """Whether an item's ID is of roadmaplint's kind (``WEB-1``, ``T-001``): a capital
    letter and a digit, no lower case (a slug made from the title, ``1-logo-as-home``, and
    a bare number, ``1``, are not)."""
    return (
        any(char.isupper() for char in reference)
        and any(char.isdigit() for char in reference)
        and not any(char.islower() for char in reference)
    )


def has_heading_items(roadmap: Roadmap) -> bool:
    """Whether some item is a heading with its field list (not a row, a box or a bullet)."""
    from roadmaplint.reader.shapes import shape_of

    return any(shape_of(roadmap, item) is None for item in roadmap.items)


def names_owners(roadmap: Roadmap, settings: Settings) -> bool:
    """Whether any item of the document names who owns it (a DRI, Owner or Assignee
    naming someone: a queue whose one Owner field says ``—`` assigns nobody)."""
    return any(names_owner(item, settings) for item in roadmap.items)


def names_owner(item: Item, settings: Settings) -> bool:
    """Whether ``item`` names who owns it."""
    return item.field("dri") is not None and not settings.is_unassigned(item.dri)


def writes_done_criteria(roadmap: Roadmap) -> bool:
    """Whether any item of the document writes a Definition of Done."""
    return any(
        item.definition_of_done or item.field("definition of done") is not None
        for item in roadmap.items
    )


def asks_for(settings: Settings, code: str, name: str) -> bool:
    """Whether the configuration names this rule in ``select`` (not through ALL or a prefix)."""
    return code in settings.select or name in settings.select


def wants_overview(roadmap: Roadmap, settings: Settings) -> bool:
    """Whether the document should have a Priority Overview: it is in roadmaplint's format
    (it has legends) or the configuration asks for one (RL402 in ``select``, or
    ``overview-heading`` set)."""
    return (
        in_own_format(roadmap)
        or "overview-heading" in settings.configured
        or asks_for(settings, "RL402", "missing-overview")
    )


def declares_fields(roadmap: Roadmap, settings: Settings) -> bool:
    """Whether the field names are declared: by roadmaplint's format (a document with
    legends) or by the configuration (``fields``, ``extra-fields``, ``required-fields``)."""
    configured = {"fields", "extra-fields", "required-fields"} & settings.configured
    return bool(configured) or in_own_format(roadmap)


def used_fields(roadmap: Roadmap, settings: Settings) -> tuple[str, ...]:
    """The default required fields that nearly all of the document's items write."""
    items = roadmap.items
    if len(items) < FIELD_MINIMUM:
        return ()
    dialect = Dialect.from_settings(settings)
    used = []
    for name in settings.required_fields:
        key = dialect.key(name)
        count = sum(1 for item in items if item.field(key) is not None)
        if count >= FIELD_MINIMUM and count >= FIELD_SHARE * len(items):
            used.append(name)
    return tuple(used)


def document_settings(roadmap: Roadmap, settings: Settings) -> Settings:
    """The settings the rules apply to this document: the configuration's, with what a
    document without legends asks for where the configuration is silent."""
    changes: dict[str, object] = {}
    if not in_own_format(roadmap) and "required-fields" not in settings.configured:
        changes["required_fields"] = used_fields(roadmap, settings)
    statuses = document_statuses(roadmap, settings)
    if statuses is not settings.statuses:
        changes["statuses"] = statuses
    return replace(settings, **changes) if changes else settings


def document_statuses(roadmap: Roadmap, settings: Settings) -> Statuses:
    """The workflow the document's statuses carry: the configuration's, read in their
    common spellings too when the document has no Status Legend and the configuration
    maps no statuses. Every command that asks what a status means (``next``, ``path``,
    ``list``, the board) reads it so, as the rules do."""
    if (
        (roadmap.status_legend is None or roadmap.status_legend.inferred)
        and "statuses" not in settings.configured
        and not settings.statuses.common
    ):
        statuses = _ordered_line_legend(roadmap, replace(settings.statuses, common=True))
        if roadmap.status_legend is None:
            return statuses
        # a legend of marks found under a heading (``## Legend`` over ``| 📋 | Planned |``)
        # says in words what each mark means, as a Status Legend of marks does
        return _marks_in_words(roadmap.status_legend, statuses)
    if roadmap.status_legend is not None and "statuses" not in settings.configured:
        return _marks_in_words(roadmap.status_legend, settings.statuses)
    return settings.statuses


_MEANINGS = ("done", "ready", "in_progress", "blocked", "idea")


def _marks_in_words(legend: Legend, statuses: Statuses) -> Statuses:
    """A Status Legend of marks says in words what each means (``- ✅ Complete``,
    ``- 🔧 In Progress``): each mark carries the meaning its words have in the common
    spellings, as the legend's reader reads it. A legend of words keeps the configured
    workflow (its values are the words ``done``, ``ready`` ...)."""
    if any(char.isalnum() for entry in legend.entries for char in entry.value):
        return statuses
    marks: dict[str, tuple[str, ...]] = {}
    for entry in legend.entries:
        meaning = common_meaning(entry.description)
        if meaning in _MEANINGS:
            marks[meaning] = (*marks.get(meaning, getattr(statuses, meaning)), entry.value)
    return replace(statuses, **marks) if marks else statuses


def _ordered_line_legend(roadmap: Roadmap, statuses: Statuses) -> Statuses:
    """``statuses`` with the meanings a one-line legend ordered as a workflow gives its
    entries (``... | ✨ CODED | ✅ TESTED | ✔️ RELEASED``: the middle ones under way), which
    the common spellings read otherwise or not at all (reader/legends.py)."""
    source = roadmap.source
    if not roadmap.items or ("egend" not in source and "EGEND" not in source):
        return statuses
    from roadmaplint.reader.legends import line_legend_entries, workflow_meanings
    from roadmaplint.text import split_lines

    meanings = workflow_meanings(line_legend_entries(split_lines(source)))
    if not meanings:
        return statuses
    under_way = tuple(entry for entry, meaning in meanings.items() if meaning == "in_progress")
    done = tuple(entry for entry, meaning in meanings.items() if meaning == "done")
    return replace(
        statuses, in_progress=(*statuses.in_progress, *under_way), done=(*statuses.done, *done)
    )
