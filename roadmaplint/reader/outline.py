"""Headings -> title, sections, items, legends and generated sections.

This is the dialect detection. An item heading is ``[ID] Title`` or
``ID<sep>Title`` at level 2, 3 or 4 (or at ``item-heading-level``). Found from
the document: a heading with an ID that holds other ID headings below it is a
section, not an item (``## M0 — compiler`` over ``### ARK1 — ...``); an item's
section is the nearest heading above it of a higher rank that is not an item.

The outline cuts the document into parts, each started by one heading and
running to the next part's heading; a reader step reads each part.

This module reads the headings into parts and sections; the series of headings read as
items and a part's kinds are read in the modules beside it, each importing only those
below it (``docs/architecture.md`` names them). The names other modules import from here
are re-exported.
"""

from __future__ import annotations

import re
from collections import Counter

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Heading, Section
from roadmaplint.reader.blocks import HeadingBlock, heading_position
from roadmaplint.reader.dialect import (
    ITEM_LEVELS,
    PHASE_HEADING,
    PHASE_ID,
    PRIORITY_LEGEND,
    STATUS_LEGEND,
    WORK_ID,
    Dialect,
    is_priority_group,
    match_item_heading,
    names_a_legend,
    names_statuses,
    normalize_key,
)
from roadmaplint.reader.generated import holds_tasks
from roadmaplint.reader.inline import InlineText
from roadmaplint.reader.outline_numbered import (
    _a_changelog,
    _backlog_entries,
    _dependent_series,
    _dotted_series,
    _numbered_item,
    _numbered_over_steps,
    _numbered_sections,
    _status_headed,
)
from roadmaplint.reader.outline_parts import GRAPH as GRAPH
from roadmaplint.reader.outline_parts import INNER, TITLE, _heading_above, _section_lines
from roadmaplint.reader.outline_parts import ITEM as ITEM
from roadmaplint.reader.outline_parts import LEGEND as LEGEND
from roadmaplint.reader.outline_parts import OVERVIEW as OVERVIEW
from roadmaplint.reader.outline_parts import PROSE as PROSE
from roadmaplint.reader.outline_parts import SECTION as SECTION
from roadmaplint.reader.outline_parts import Outline as Outline
from roadmaplint.reader.outline_parts import Part as Part
from roadmaplint.reader.outline_series import (
    _boxed_series,
    _counted_series,
    _epic_chapter,
    _epic_of_boxes,
    _epic_series,
    _marked_epic,
    _numbered_beside_numbered,
    _phases_over_tasks,
    _slug_series,
    _spaced_series,
    _untitled_tasks,
    _work_item,
    _work_series,
)
from roadmaplint.reader.outline_series import steps_titled as steps_titled
from roadmaplint.text import LazyPattern


def detect(
    headings: list[HeadingBlock],
    token_count: int,
    lines: list[str],
    dialect: Dialect,
    text: InlineText,
    continued: bool,
    path: str,
) -> Outline:
    parts = [
        Part(
            PROSE,
            heading,
            _front_matter_title(text(heading.source)),
            heading_position(lines, heading.line),
        )
        for heading in headings
    ]
    title = _classify_level_one(parts, dialect, continued, lines)
    _classify_inner_and_legends(parts, dialect, path)
    _classify_items(parts, dialect, lines)
    if _exported_issues(parts) and title is not None and title.kind == ITEM:
        title = None  # the export's first issue, no title of the document
    item_level = _assign_sections(parts, dialect)
    _number_work_by_phase(parts)
    _absorb_subheadings(parts)
    kept = [part for part in parts if part.kind != INNER]
    for index, part in enumerate(kept):
        following = kept[index + 1].heading.index if index + 1 < len(kept) else token_count
        part.end = following
    h1_lines = [part.heading.line for part in parts if part.heading.level == 1]
    return Outline(
        title=title.text if title is not None else None,
        title_position=title.position if title is not None else None,
        parts=kept,
        sections=_sections(parts, len(lines)),
        headings=_prose_headings(parts, item_level),
        item_level=item_level,
        h1_lines=h1_lines,
        texts=[part.text for part in parts],
    )


# An issue tracker's export, one heading per issue or pull request (gh2md's ``# [\#11
# Issue](...) `open`: Title``, read in plain text as ``#11 Issue open: Title``).
_EXPORTED_ISSUE = LazyPattern(
    r"\#(?P<number>[0-9]{1,9})[ \t]+(?:Issue|PR|Pull[ \t]+Request)[ \t]+"
    r"(?P<state>open|closed|merged)[ \t]*:[ \t]*(?P<title>\S.*)",
    re.S,
)


def _exported_issues(parts: list[Part]) -> bool:
    """Where two headings or more are an issue tracker's exported issues (``#11 Issue
    open: Title``), each is an item: its number the ID, the state the tracker gives it its
    status (open, closed, merged: done), after the title as a heading's closing status is."""
    found = [(part, _EXPORTED_ISSUE.fullmatch(part.text)) for part in parts]
    if sum(match is not None for _, match in found) < 2:
        return False
    over = _parents([part.heading.level for part in parts])
    sections = [
        None if (parent := over[at]) is None else parts[parent]
        for at, (_, match) in enumerate(found)
        if match is not None
    ]
    if _a_changelog(parts) or all(
        section is not None and _VERSION_SECTION.fullmatch(section.text) is not None
        for section in sections
    ):
        # a changelog names the issues each release closed (``## v1.3.0`` over ``### #412
        # Issue closed: Crash``): what shipped, no work
        return False
    for part, match in found:
        if match is not None:
            part.kind, part.item_id = ITEM, match["number"]
            part.title = f"{match['title'].strip()} — {match['state']}"
    return True


# A heading that names a release by its version: ``v1.3.0``, ``[1.2.0] - 2024-05-01``,
# ``Version 2.1``, ``Release 3.0 (June)``.
_VERSION_SECTION = LazyPattern(
    r"\[?(?:v|version[ \t]++|release[ \t]++)?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}\b.*",
    re.IGNORECASE | re.S,
)


def _front_matter_title(heading: str) -> str:
    """A heading's text, or the title it quotes when it is a front-matter title field
    (``---`` / ``title: "Epic 1: MVP"`` / ``---``, which markdown reads as a heading):
    an epics file written as one front-matter block per epic. Heading marks written twice
    (``## ##TASK 8 - Title``, an agent's queue) are the heading's, no part of its text."""
    if heading[:2] == "##":
        doubled = _DOUBLED_MARKS.match(heading)
        heading = heading[doubled.end() :] if doubled is not None else heading
    if heading[:6] != "title:":
        return heading
    quoted = _QUOTED_TITLE.fullmatch(heading)
    return quoted[1] if quoted is not None else heading


_QUOTED_TITLE = LazyPattern(r"title:[ \t]*\"([^\"]{1,200})\"[ \t]*")
# Two to five heading marks joined to a word: ``##TASK 8``, never ``## #1`` or ``#hashtag``.
_DOUBLED_MARKS = LazyPattern(r"#{2,5}(?=[A-Za-z])")


def _classify_level_one(
    parts: list[Part], dialect: Dialect, continued: bool, lines: list[str]
) -> Part | None:
    overview_key = normalize_key(dialect.overview_heading)
    graph_key = normalize_key(dialect.graph_heading)
    title: Part | None = None
    first = not continued
    tops = [part.heading.line for part in parts if part.heading.level == 1]
    phases = _phases_at_level_one(parts, dialect)
    for at, part in enumerate(parts):
        if part.heading.level != 1:
            continue
        if at in phases:
            part.kind = ITEM
            part.item_id, part.title = phases[at]
            first = False  # a document opening with its first phase has no title
            continue
        # The first level-1 heading is the document's title, never a generated
        # section: a roadmap titled "Dependency Graph" keeps its legends.
        if first:
            part.kind, title, first = TITLE, part, False
            continue
        key = normalize_key(part.text)
        part.kind = OVERVIEW if key == overview_key else GRAPH if key == graph_key else SECTION
        end = next((top for top in tops if top > part.heading.line), len(lines) + 1)
        if part.kind == OVERVIEW and holds_tasks(lines[part.heading.line : end - 1], dialect):
            part.kind = SECTION  # a task list of its own, not the list of IDs fix writes
    return title


def _phases_at_level_one(parts: list[Part], dialect: Dialect) -> dict[int, tuple[str, str]]:
    """The level-1 headings that are numbered phases (``# Phase 1. Baseline Router``), by
    their index, where two or more are: a roadmap written one phase a top heading. One
    such heading alone is a document's title."""
    if dialect.item_level:
        return {}
    found: dict[int, tuple[str, str]] = {}
    for at, part in enumerate(parts):
        if part.heading.level != 1 or ("hase" not in part.text and "HASE" not in part.text):
            continue
        phase = PHASE_HEADING.fullmatch(part.text.strip())
        if phase is not None and PHASE_ID.fullmatch(" ".join(phase["id"].split())):
            found[at] = (" ".join(phase["id"].split()), (phase["title"] or "").strip())
    return found if len(found) >= 2 else {}


def _classify_inner_and_legends(parts: list[Part], dialect: Dialect, path: str) -> None:
    """Headings inside the generated sections belong to them; legends are found by name.

    An item heading inside a generated section would be erased by fix: refused.
    """
    scope: Part | None = None
    for part in parts:
        level = part.heading.level
        if level == 1:
            scope = part if part.kind in (OVERVIEW, GRAPH) else None
            continue
        # Bracketed only: "## P1: Important" is a priority group, not an item.
        bracketed = part.text.startswith("[")
        if (
            scope is not None
            and level == 2
            and bracketed
            and match_item_heading(part.text, dialect)
        ):
            setting = "overview-heading" if scope.kind == OVERVIEW else "graph-heading"
            raise RoadmapError(
                f"{path}:{part.heading.line}: the item heading {part.text!r} is inside the "
                f'generated section "{scope.text}", which fix regenerates; move the item to a '
                f"section of items, or name another section with {setting}"
            )
        if scope is not None and (scope.kind == OVERVIEW or level > 2):
            part.kind = INNER
            continue
        scope = None
        if normalize_key(part.text) in (STATUS_LEGEND, PRIORITY_LEGEND):
            part.kind = LEGEND
        elif level > 1 and (names_statuses(part.text) or names_a_legend(part.text)):
            part.kind = LEGEND  # read as a Status Legend if it lists a vocabulary


def _classify_items(parts: list[Part], dialect: Dialect, lines: list[str]) -> None:
    levels = (dialect.item_level,) if dialect.item_level else ITEM_LEVELS
    candidates: list[Part] = []
    series = _work_series(parts)
    status_headed: dict[int, tuple[str, str]] | None = None
    titled: set[int] = set()  # the parts of status_headed whose IDs are made from titles
    numbered: Counter[int] | None = None  # tasks numbered in a priority, by heading level
    dependent = _dependent_series(parts, levels, lines, dialect)
    sections = _numbered_sections(parts, levels, lines).difference(dependent)
    if series:
        sections |= _phases_over_tasks(parts)
    dotted = {**_dotted_series(parts, levels), **dependent}
    for at, part in enumerate(parts):
        if part.kind == PROSE and part.heading.level in levels and at not in sections:
            found = (
                match_item_heading(part.text, dialect)
                or dotted.get(at)
                or (
                    _work_item(part)
                    if series
                    and not _epic_of_boxes(parts, at, lines)
                    and not _epic_chapter(parts, at, lines)
                    else None
                )
                or _numbered_item(
                    part, parts[at + 1] if at + 1 < len(parts) else None, lines, dialect
                )
            )
            if found is None and not dialect.item_level:
                if status_headed is None:
                    spaced = _spaced_series(parts, dialect, lines)
                    epics = _epic_series(parts, lines)
                    # an epic marked before its name (``### ✅ Epic A: Title``) is named
                    # ``Epic A`` though a status line under it names it by title too
                    marked = {at: named for at, named in epics.items() if _marked_epic(parts[at])}
                    status_headed = {
                        **_backlog_entries(parts, lines, titled),
                        **_counted_series(parts, lines),
                        **epics,
                        **_status_headed(parts, lines, titled),
                        **spaced,
                        **_slug_series(parts, lines),
                        **_numbered_over_steps(parts, lines),
                        **_boxed_series(parts),
                        **_untitled_tasks(parts, lines, dialect),
                        **marked,
                    }
                    titled.difference_update(spaced)
                    titled.difference_update(marked)
                found = status_headed.get(at)
            if found is not None and (
                not is_priority_group(found[0], dialect.priority_values)
                or (
                    _NUMBERED_IN_PRIORITY.fullmatch(found[0]) is not None
                    and (numbered := numbered or _numbered_in_priority(parts, dialect))[
                        part.heading.level
                    ]
                    >= _FEWEST_NUMBERED
                )
            ):
                part.kind = ITEM
                part.item_id, part.title = found
                part.named_by_title = at in titled
                candidates.append(part)
    _numbered_beside_numbered(parts, levels)
    _milestones_beside_phases(parts)
    _names_among_prose(parts)
    if dialect.item_level:
        return
    _untagged_beside_tickets(parts, lines)
    _unnumbered_in_a_band(parts)
    _phases_within_features(parts)
    _steps_of_a_recommended_order(parts, dialect)
    _sections_of_one_document(parts)
    # A candidate that holds other candidates below it is a section.
    open_parts: list[Part] = []
    for part in parts:
        level = part.heading.level
        while open_parts and open_parts[-1].heading.level >= level:
            open_parts.pop()
        if part.kind == ITEM:
            for holder in open_parts:
                holder.kind = SECTION
            open_parts.append(part)


def _steps_of_a_recommended_order(parts: list[Part], dialect: Dialect) -> None:
    """Headings under a section that recommends the order of the work (``## 📊
    RECOMMANDATION D'ORDRE D'IMPLÉMENTATION`` over ``### Phase 1: Monitoring (1-2 jours)``,
    ``## Recommended implementation order``) group the plan's items into steps, where
    the plan's items stand elsewhere: no items of their own. A heading named by an ID of
    the plan's pattern that no item elsewhere has (``### API-3 — Ship the SDK``) is an
    item still: dropped, it would be lost silently."""
    from roadmaplint.reader.dialect import patterns

    id_only = patterns(dialect.id_pattern).id_only
    ordered: list[bool] = []  # for each part, whether it stands under such a section
    holders: list[Part] = []
    for part in parts:
        while holders and holders[-1].heading.level >= part.heading.level:
            holders.pop()
        ordered.append(any(_ORDER_SECTION.search(holder.text) for holder in holders))
        holders.append(part)
    if not any(part.kind == ITEM and not under for part, under in zip(parts, ordered, strict=True)):
        return  # the order is the plan itself
    elsewhere = {
        part.item_id
        for part, under in zip(parts, ordered, strict=True)
        if not under and part.kind == ITEM
    }
    for part, under in zip(parts, ordered, strict=True):
        if not under or part.kind != ITEM:
            continue
        if part.item_id not in elsewhere and id_only.fullmatch(part.item_id) is not None:
            continue  # the plan's own item, written only here
        part.kind, part.item_id, part.title = PROSE, "", ""


# A section that recommends the order of the work: ``Recommended order``, ``Suggested
# implementation order``, ``Ordre d'implémentation recommandé``, ``Recommandation d'ordre``.
_ORDER_SECTION = LazyPattern(
    r"\b(?:recommended|suggested)[ \t]+(?:implementation[ \t]+)?order\b"
    r"|\bordre[ \t]+(?:optimal[ \t]+)?(?:d'|de[ \t]+)?impl[ée]mentation\b"
    r"|\brecommandation[ \t]+d'ordre\b",
    re.IGNORECASE,
)


def _sections_of_one_document(parts: list[Part]) -> None:
    """Item headings that all name one ID (``## RFC-01. Motivation`` over ``## RFC-01.
    Design``) are the sections of the one document that ID names, not items written twice:
    where the title names that ID too, or three or more sections repeat it. A phase
    written again (``### Phase 1 — gameplay`` twice) is a plan's phase, whose duplicate
    RL102 reports or whose parts the phase readings join; so is an item written again,
    its ID in brackets as a plan's items write theirs (``## [MODEL-1] Title``) or its
    heading the same twice: no document names its sections so."""
    from roadmaplint.reader.dialect import PHASE_ID

    items = [part for part in parts if part.kind == ITEM]
    names = {part.item_id for part in items}
    if len(items) < 2 or len(names) != 1:
        return
    (name,) = names
    if PHASE_ID.fullmatch(name):
        return
    title = next((part.text for part in parts if part.heading.level == 1), "")
    named = title.startswith(name) and _NAMES_ID.match(title.removeprefix(name)) is not None
    written_again = len({" ".join(part.text.casefold().split()) for part in items}) < len(
        items
    ) or any(part.text.lstrip().startswith(f"[{name}]") for part in items)
    if (len(items) >= 3 and not written_again) or named:
        for part in items:
            part.kind, part.item_id, part.title = PROSE, "", ""


# What follows an ID that a title begins with: its end (a separator, a space, nothing).
_NAMES_ID = LazyPattern(r"(?:[^\w-]|$)")


def _milestones_beside_phases(parts: list[Part]) -> None:
    """A milestone heading among phase items at their level, led by its version and
    closed by a status (``## Milestone v1.0 - COMPLETE ✓`` above ``## Phase 1: Name``):
    an item too, its ID the version, the status its words or its Status field."""
    from roadmaplint.settings import common_meaning

    levels = {
        part.heading.level
        for part in parts
        if part.kind == ITEM and part.item_id and PHASE_ID.fullmatch(part.item_id)
    }
    for part in parts:
        if part.kind != PROSE or part.heading.level not in levels or part.text[:9] != "Milestone":
            continue
        found = _MILESTONE.fullmatch(part.text.strip())
        if found is not None and common_meaning(found["status"].rstrip(" ✓✔✅")) is not None:
            part.kind, part.item_id = ITEM, found["id"]
            part.title = f"Milestone {found['id']}"


# ``Milestone v1.0 - COMPLETE ✓``: a milestone's version, a dash, its status.
_MILESTONE = LazyPattern(
    r"Milestone[ \t]+(?P<id>v?[0-9]{1,4}(?:\.[0-9]{1,4}){0,3})"
    r"[ \t]+[-—–][ \t]+(?P<status>\S.{0,40})"
)


# A label alone on the first line of a ticket's body: ``Purpose:`` over its paragraph.
_LEAD_LABEL = LazyPattern(r"(?P<label>[A-Z][A-Za-z]{1,20}(?:[ \t][A-Za-z]{1,20}){0,2}):")
_FEWEST_TICKETS = 2


def _lead_label(parts: list[Part], at: int, lines: list[str]) -> str | None:
    first = next((line.strip() for line in _section_lines(parts, at, lines) if line.strip()), "")
    found = _LEAD_LABEL.fullmatch(first) if first.endswith(":") else None
    return found["label"].lower() if found is not None else None


def _untagged_beside_tickets(parts: list[Part], lines: list[str]) -> None:
    """Headings without an ID among tickets with one at their level (``### Retry Policy
    MVP`` beside ``### DIREM-031 - Check-ins Design``), whose body opens with the label
    two or more of those tickets open with (``Purpose:``): tickets of the same backlog not
    yet numbered, each an item named by its heading. A heading whose body opens otherwise
    (``### Notes``) stays a section of prose."""
    from roadmaplint.reader.shapes.common import Taken, reference_from_title

    labels: dict[int, Counter[str]] = {}
    for at, part in enumerate(parts):
        if part.kind == ITEM and part.item_id and not part.named_by_title:
            label = _lead_label(parts, at, lines)
            if label is not None:
                labels.setdefault(part.heading.level, Counter())[label] += 1
    shared = {
        level: {label for label, count in counted.items() if count >= _FEWEST_TICKETS}
        for level, counted in labels.items()
    }
    if not any(shared.values()):
        return
    taken: set[str] = Taken()
    for at, part in enumerate(parts):
        level = part.heading.level
        if part.kind != PROSE or not shared.get(level):
            continue
        after = parts[at + 1] if at + 1 < len(parts) else None
        if after is not None and after.heading.level > level:
            continue  # a heading over headings of its own is a section
        if _lead_label(parts, at, lines) in shared[level]:
            part.kind, part.named_by_title = ITEM, True
            part.item_id = reference_from_title(part.text.strip(), taken)
            part.title = part.text.strip()


def _parents(levels: list[int]) -> list[int | None]:
    """For each heading of ``levels``, the index of the nearest heading above it of a
    higher rank (what ``_heading_above`` finds for one), else None: one walk for all,
    not one walk back per heading (a walk back per heading and a search of the list for
    each made a plan of 3,000 items twenty times the work of 300)."""
    parents: list[int | None] = []
    above: list[int] = []  # the headings above, each of a higher rank than the next
    for at, level in enumerate(levels):
        while above and levels[above[-1]] >= level:
            above.pop()
        parents.append(above[-1] if above else None)
        above.append(at)
    return parents


def _bands(levels: list[int]) -> dict[int, list[int]]:
    """Each heading's index that has children one level below it, the indexes of those
    children: the headings of ``levels`` whose nearest heading above of a higher rank is
    exactly one rank higher."""
    bands: dict[int, list[int]] = {}
    for at, parent in enumerate(_parents(levels)):
        if parent is not None and levels[parent] == levels[at] - 1:
            bands.setdefault(parent, []).append(at)
    return bands


def _unnumbered_in_a_band(parts: list[Part]) -> None:
    """Headings with no ID, no field and no heading of their own, right under a band that
    names a status and the work it holds (``## Pending Tasks 📋`` over ``### Install the
    CLI``), where a sibling band names another status over items at their level (``##
    Completed Tasks ✅`` over ``### 2. Auto-Update Cron ✅``): the same list's tasks not
    yet numbered, each an item named by its heading, its status the band's. A band alone,
    or one whose siblings hold no items, keeps its headings as sections of prose."""
    from roadmaplint.reader.fields import section_status
    from roadmaplint.reader.shapes.common import Taken, reference_from_title

    bands = _bands([part.heading.level for part in parts])
    named = {
        band: section_status(parts[band].text)
        for band in bands
        if _WORK_BAND.search(parts[band].text) is not None
    }
    holding = {
        band: status
        for band, status in named.items()
        if status is not None and any(parts[at].kind == ITEM for at in bands[band])
    }
    taken: set[str] = Taken(part.item_id for part in parts if part.kind == ITEM)
    for band, status in named.items():
        if status is None or band in holding or not bands[band]:
            continue
        level = parts[band].heading.level
        siblings = [
            other
            for other, said in holding.items()
            if parts[other].heading.level == level and said.casefold() != status.casefold()
        ]
        children = [parts[at] for at in bands[band]]
        if not siblings or any(
            child.kind != PROSE or child.heading.level != level + 1 for child in children
        ):
            continue
        for child in children:
            child.kind, child.named_by_title = ITEM, True
            child.item_id = reference_from_title(child.text.strip(), taken)
            child.title = child.text.strip()


# A band that names the work it holds after its status: ``Pending Tasks``, ``Done Items``.
_WORK_BAND = LazyPattern(r"(?i)\b(?:tasks|items|work|todos)\b")


_PHASE_OF_FEATURE = LazyPattern(r"Phase[ \t][0-9]{1,3}")


def _phases_within_features(parts: list[Part]) -> None:
    """Phases numbered again under each of two or more features (``### Google Sheets
    Integration`` over ``#### Phase 1: Read Access``, ``### People Catalog`` over its own
    ``#### Phase 1: Read from Sheets``) are the steps of their feature, not the plan's
    phases: the feature is the item and its phases its checklist. Phases numbered once
    through a plan stay its items."""
    under: dict[str, set[int]] = {}
    phases: list[tuple[int, Part]] = []
    for at, part in enumerate(parts):
        if part.kind != ITEM or _PHASE_OF_FEATURE.fullmatch(part.item_id) is None:
            continue
        above = _heading_above(parts, at)
        if above is not None and above.kind == ITEM:
            under.setdefault(part.item_id, set()).add(id(above))
            phases.append((at, part))
    if not any(len(holders) > 1 for holders in under.values()):
        return
    for _, part in phases:
        part.kind, part.item_id, part.title = PROSE, "", ""


# A task numbered within its priority: ``P1.1`` of ``### P1.1: Authentication``.
_NUMBERED_IN_PRIORITY = LazyPattern(r"P[0-4]\.[0-9]{1,3}")
_FEWEST_NUMBERED = 3


def _numbered_in_priority(parts: list[Part], dialect: Dialect) -> Counter[int]:
    """How many headings at each level name a task numbered within its priority
    (``### P1.1: Auth``, ``### P1.2: Keys``, ``### P2.1: Trades``): three or more at one
    level are a queue's tasks, each an item. One such heading alone is a band between
    two priorities (``### P2.5 — Nice to have``), no item."""
    counted: Counter[int] = Counter()
    for other in parts:
        if other.kind != PROSE:
            continue
        found = match_item_heading(other.text, dialect)
        if found is not None and _NUMBERED_IN_PRIORITY.fullmatch(found[0]) is not None:
            counted[other.heading.level] += 1
    return counted


def _number_work_by_phase(parts: list[Part]) -> None:
    """Tasks numbered again under each phase heading (``## Phase 2`` over ``### Task 1``,
    where ``## Phase 1`` held a Task 1 too) are tasks of their phase: ``Phase 2 Task 1``,
    as a person reads them, not one ID written twice. Only where a number comes again
    under another heading; a task under a heading that is no phase (``## QA``) keeps its
    number alone."""
    work = [part for part in parts if part.kind == ITEM and WORK_ID.fullmatch(part.item_id)]
    holders: dict[str, set[int]] = {}
    for part in work:
        holders.setdefault(part.item_id, set()).add(id(part.parent))
    if not any(len(found) > 1 for found in holders.values()):
        return
    for part in work:
        phase = PHASE_HEADING.fullmatch(part.parent.text) if part.parent is not None else None
        if phase is not None:
            part.item_id = f"{' '.join(phase['id'].split())} {part.item_id}"


# A quarter or a half of a year alone, a heading's whole text: ``Q1``, ``H2``.
_PERIOD = LazyPattern(r"Q[1-4]|H[12]")


def _names_among_prose(parts: list[Part]) -> None:
    """Headings that are an ID alone (``### V8``) among more sibling headings that are no
    items (``### acorn``, ``### nghttp2``) are names in a list of names, not items: a
    document's list of its dependencies read its one upper-case name as a plan. Sibling
    headings that each name a quarter or a half of a year alone (``## Q1``, ``## H2``)
    say when the work under them falls: no items either."""
    groups: dict[tuple[int, int], list[Part]] = {}
    above: list[tuple[int, int]] = []  # (level, index) of the headings the part is under
    for index, part in enumerate(parts):
        level = part.heading.level
        while above and above[-1][0] >= level:
            above.pop()
        groups.setdefault((above[-1][1] if above else -1, level), []).append(part)
        above.append((level, index))
    for siblings in groups.values():
        items = [part for part in siblings if part.kind == ITEM]
        prose = sum(part.kind == PROSE for part in siblings)
        if (
            items
            and all(not part.title for part in items)
            and (prose > len(items) or all(_PERIOD.fullmatch(part.item_id) for part in items))
        ):
            for part in items:
                part.kind, part.item_id, part.title = PROSE, "", ""


def _assign_sections(parts: list[Part], dialect: Dialect) -> int | None:
    """Each item's section: the nearest heading above it, of a higher rank, not an item."""
    stack: list[Part] = []
    levels: Counter[int] = Counter()
    for part in parts:
        if part.kind == INNER:
            continue
        level = part.heading.level
        while stack and stack[-1].heading.level >= level:
            stack.pop()
        holders = [held for held in stack if held.kind not in (ITEM, LEGEND)]
        parent = holders[-1] if holders else None
        name = parent.text if parent is not None and parent.kind not in (OVERVIEW, GRAPH) else None
        if part.kind in (ITEM, PROSE):
            part.section, part.parent = name, parent if name is not None else None
        if part.kind == ITEM:
            levels[part.heading.level] += 1
        stack.append(part)
    if dialect.item_level:
        return dialect.item_level
    return levels.most_common(1)[0][0] if levels else None


def _absorb_subheadings(parts: list[Part]) -> None:
    """Prose headings deeper than the item or legend above them belong to it."""
    owner: Part | None = None
    for part in parts:
        if part.kind == INNER:
            continue
        if owner is not None and part.kind == PROSE and part.heading.level > owner.heading.level:
            part.kind = INNER
            continue
        owner = part if part.kind in (ITEM, LEGEND) else None


def _end_of(parts: list[Part], index: int, line_count: int) -> int:
    """The line before the next heading of the same or a higher rank."""
    level = parts[index].heading.level
    for later in parts[index + 1 :]:
        if later.heading.level <= level:
            return later.heading.line - 1
    return line_count


def _sections(parts: list[Part], line_count: int) -> tuple[Section, ...]:
    """Level-1 sections (not the title, not generated) and every heading that holds items."""
    holders = {id(part.parent) for part in parts if part.kind == ITEM and part.parent}
    return tuple(
        Section(part.text, part.position, _end_of(parts, index, line_count))
        for index, part in enumerate(parts)
        if (part.kind == SECTION and part.heading.level == 1) or id(part) in holders
    )


def _prose_headings(parts: list[Part], item_level: int | None) -> tuple[Heading, ...]:
    """Headings that are neither items nor structure, and whether they stand among items:
    at the level of the items beside them, or of the items in a level-1 section."""
    with_items = {(id(part.parent), part.heading.level) for part in parts if part.kind == ITEM}
    found = []
    for part in parts:
        if part.kind != PROSE or part.heading.level == 1:
            continue
        level = part.heading.level
        parent = part.parent
        among_items = (id(parent), level) in with_items or (
            level == (item_level or 2)
            and parent is not None
            and parent.kind == SECTION
            and parent.heading.level == 1
        )
        found.append(Heading(level, part.text, part.position, part.section, among_items))
    return tuple(found)
