"""Plain bullets read by the headings and labels above them: epics, version bullets,
labelled milestones, ranks and done marks beside headings, idea boxes beside items,
a heading's status, and the Done log."""

from __future__ import annotations

import re

from roadmaplint.model import Block, Field, Item, Position
from roadmaplint.reader.dialect import patterns
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import (
    edge_stripped,
    make_item,
    names_a_changelog,
    reference_from_title,
    status_headings,
    status_of_section,
    status_of_sections,
)
from roadmaplint.reader.shapes.entries import (
    _entry_blocks,
    _entry_start,
    _last,
    _status_fields,
    _under_heading,
)
from roadmaplint.reader.shapes.horizons import _numbered_alike
from roadmaplint.reader.shapes.listline import _BULLET, _DONE_MARK, BOX, Line, _is_phase, parse_line
from roadmaplint.reader.shapes.signs import _BOLD_TITLED, _QUEUE_TITLE
from roadmaplint.record import replace
from roadmaplint.settings import common_meaning
from roadmaplint.text import LazyPattern

# A bullet that opens with an epic's number and title in bold, then its description:
# ``* **Epic 1: Core Service & Backlog Management**: Establish the server``.
_EPIC_BULLET = LazyPattern(
    r" {0,3}[-*+][ \t]+\*\*(?P<id>Epic[ \t][0-9]{1,3}):[ \t]+(?P<title>[^*\n]{2,120}?)\*\*"
    r"(?:[ \t]*[:—–-][ \t]*\S.*|[ \t]*)"
)


def _epic_bullets(
    document: Document, entries: list[tuple[int, int]], grouped: bool
) -> tuple[list[Item], tuple[Block, ...]]:
    """A list whose every bullet opens with an epic's number and title in bold (``*
    **Epic 1: Core Service**: description``), two or more, each number once: a plan's
    epics, ``Epic 1`` the ID; the list says no status, so none is read. In a document
    titled a changelog they are the epics a release's changes belong to: no work."""
    if grouped or len(entries) < 2:
        return [], ()
    titles = [
        text
        for text, heading in zip(document.heading_texts(), document.headings, strict=True)
        if heading.level == 1
    ]
    if titles and names_a_changelog(titles[0]):
        return [], ()
    lines = document.lines
    found = [_EPIC_BULLET.fullmatch(lines[first].rstrip("\r\n")) for first, _ in entries]
    if not all(found):
        return [], ()
    numbers = [" ".join(match["id"].split()) for match in found if match is not None]
    if len(set(numbers)) < len(numbers):
        return [], ()
    items = []
    for (first, last), match, number in zip(entries, found, numbers, strict=True):
        assert match is not None
        here = Position(first + 1, match.start("id") + 1)
        title = document.inline(match["title"].strip())
        section = document.section_above(first + 1)
        items.append(make_item(number, title, section, here, last + 1, [], document.dialect))
    return items, tuple(Block("list", first + 1, last + 1) for first, last in entries)


def _phases_in_progress(document: Document, parsed: list[Line]) -> list[str | None] | None:
    """The status each of two or more plain bullets naming a phase (``- Phase 1: Name (2
    plans)``) takes from its row of the document's progress table, where every one has
    a row that says it is done (a shipped roadmap, whose table of finished rows is read
    as no items); None where a bullet names no phase or has no row, where a row says
    work still open (the table's rows are then the items), or where the document's
    headings are its items (the bullets are then a summary of them)."""
    from roadmaplint.reader.phases import progress_rows

    if document.with_ids_only or len(parsed) < 2:
        return None
    if not all(part.item_id and _is_phase(part.item_id) for part in parsed):
        return None
    rows = dict(progress_rows(document.lines))
    if not all(part.item_id in rows for part in parsed):
        return None
    said: list[str | None] = [rows[part.item_id] for part in parsed if part.item_id]
    # a table with work still open is read as the plan's items itself: its rows are them
    return said if all(common_meaning(status) == "done" for status in said) else None


# A milestone's version and its name in one bold lead: ``**v1.1 Metrics & Benchmarks**``.
_VERSION_NAME = LazyPattern(
    r"\*\*(?P<version>v[0-9]{1,4}(?:\.[0-9]{1,4}){1,2})[ \t]++(?P<name>[^*\s][^*]*+)\*\*"
)


def _versioned(texts: list[str], parsed: list[Line]) -> list[Line]:
    """A list of milestones each named by a bold lead that opens with its version
    (``- ✅ **v1.1 Metrics & Benchmarks** — Phases 1-6, shipped ...``), two or more and
    each version once, names each by its version: the version is the milestone's ID and
    the words after it its title. Anything else stays as parsed."""
    found = [_VERSION_NAME.match(text) for text in texts]
    versions = [match["version"] for match in found if match is not None]
    if len(versions) < 2 or len(versions) != len(parsed) or len(set(versions)) != len(versions):
        return parsed
    if any(part.item_id for part in parsed):
        return parsed
    return [
        replace(part, item_id=match["version"], title=match["name"].strip())
        for part, match in zip(parsed, found, strict=True)
        if match is not None
    ]


# A heading that names a plan's milestones: ``### 9. Milestones``, ``### 9. 마일스톤 제안``,
# ``## マイルストーン``, ``## 里程碑``, ``## Meilensteine``.
_MILESTONE_HEADING = LazyPattern(
    r"(?:[0-9]{1,3}\.[ \t]++)?(?:milestones?|마일스톤|マイルストーン|里程碑|meilensteine?"
    r"|jalons?|hitos?|marcos?)"
    # what may follow: a word that proposes them, a remark in brackets (``(주요 작업 순서)``,
    # its closing bracket stripped with the heading's other edge marks)
    r"(?:[ \t]*+(?:제안|계획|案|plan|proposal|overview))?+"
    r"(?:[ \t]*+[(（][^()（）\n]{0,40}[)）]?)?+",
    re.IGNORECASE,
)
# A numbered milestone led by its short label: ``1. D0: 환경 세팅``, ``2. W2: Ship the beta``.
_MILESTONE_LABEL = LazyPattern(r"(?P<label>[A-Z]{1,2}[0-9]{1,2})[ \t]*[:：][ \t]+(?P<title>\S.*)")


def _labelled_milestones(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A numbered list right under a heading that names milestones (``### 9. 마일스톤
    제안(주요 작업 순서)``), three entries or more, each led by a short label of one
    series (``1. D0: text``, ``2. D1: text``): a design plan's milestones, each an item by
    its label with no status, as it writes none, where no heading is an item. A numbered
    list under any other heading, or of labels of several series, is prose."""
    lines = document.lines
    first_line = entries[0][0]
    section = document.section_above(first_line + 1)
    if len(entries) < 3 or section is None or not _under_heading(lines, first_line):
        return [], ()
    if _MILESTONE_HEADING.fullmatch(edge_stripped(section).strip()) is None:
        return [], ()
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        last = _last(lines, first, last)
        if bullet is None or not bullet["number"] or last != first:
            return [], ()
        label = _MILESTONE_LABEL.match(lines[first], bullet.end())
        if label is None:
            return [], ()
        title = label["title"].rstrip("\r\n").rstrip().removesuffix(".")
        here = _entry_start(lines, first)
        found.append(
            make_item(label["label"], title, section, here, last + 1, [], document.dialect)
        )
    series = {item.id.rstrip("0123456789") for item in found}
    if len(series) != 1 or len({item.id for item in found}) != len(found):
        return [], ()
    return found, _entry_blocks(lines, entries)


# A numbered entry led by its priority as a bold label: ``1. **Alta:** Configurar o ambiente``,
# ``2. **High**: Write the schema``.
_PRIORITY_LABEL = LazyPattern(
    r"\*\*(?P<word>[^\W\d_]{3,8})(?::\*\*|\*\*:)[ \t]+(?P<title>[^*\s].*)"
)
# The levels such a label names, in the languages the corpus's plans are written in.
_LABEL_PRIORITIES = frozenset(
    (
        *("critical", "urgent", "high", "medium", "low"),
        *("alta", "média", "media", "baixa", "baja", "urgente"),
        *("hoch", "mittel", "niedrig", "haute", "moyenne", "basse"),
    )
)


def _ranked_beside_headings(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A numbered list right under a heading, two entries or more, each led by a priority
    as a bold label (``1. **Alta:** Configurar o ambiente``), in a plan whose items are
    headings with IDs: the work the plan puts first now, each an item with that priority
    and no status, as it writes none. A numbered list of other bold labels (``1.
    **Backend:** Django``) is notes."""
    lines = document.lines
    first_line = entries[0][0]
    if len(entries) < 2 or not document.taken or not _under_heading(lines, first_line):
        return [], ()
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        last = _last(lines, first, last)
        if bullet is None or not bullet["number"] or last != first:
            return [], ()
        label = _PRIORITY_LABEL.match(lines[first], bullet.end())
        if label is None or label["word"].casefold() not in _LABEL_PRIORITIES:
            return [], ()
        item = _entry_named_by_title(
            document,
            label["title"],
            (first, last),
            document.section_above(first_line + 1),
            taken,
            priority=label["word"],
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


def _done_marks_beside_headings(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Plain bullets each led by a done mark (``- ✅ Criação da estrutura``), one line each,
    under a band of the plan that a done mark leads (``## ✅ Tarefas Concluídas``, perhaps
    over ``### Semana 1``), in a plan whose items are headings with IDs: its log of work
    finished, each done, in whatever language the band is named. Marked bullets under a
    heading no done mark leads (``### Objetivos Principais``) are goals or notes."""
    lines = document.lines
    first_line = entries[0][0]
    if not document.taken or not _under_heading(lines, first_line):
        return [], ()
    id_only = patterns(document.dialect.id_pattern).id_only
    bands = document.status_sections_above(first_line + 1)
    led = [text for text in bands if _DONE_MARK.match(text.lstrip())]
    if not led or any(id_only.match(text.split()[0]) for text in bands if text.split()):
        return [], ()
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        last = _last(lines, first, last)
        if bullet is None or bullet["number"] or last != first:
            return [], ()
        mark = _DONE_MARK.match(lines[first], bullet.end())
        if mark is None:
            return [], ()
        item = _entry_named_by_title(
            document,
            lines[first][mark.end() :],
            (first, last),
            document.section_above(first_line + 1),
            taken,
            status=mark["mark"],
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


# A list entry's bold name before a colon, what it is after it: ``**Struttura Dati**: Tutti i
# CPT ...``, ``**Gamification per i Corsi**:`` over its nested notes.
_BOLD_NAMED = LazyPattern(r"\*\*(?P<name>[^*\s][^*\n]{0,119}?)(?::\*\*|\*\*[ \t]*+:)(?:[ \t]|$)")


# A heading over proposals not yet taken into the plan, and the improvements proposed with
# them: ``## 💡 Proposals``, ``## 💡 Proposte e Miglioramenti Strategici``, ``## Propuestas``.
_PROPOSALS = LazyPattern(
    r"(?:proposals|proposte|propuestas|propostas|propositions|vorschläge)"
    r"(?:[ \t]++(?:and|&|e|y|et|und)[ \t]++(?:[^\W\d_]++[ \t]++)?"
    r"(?:improvements|miglioramenti|mejoras|melhorias|améliorations|verbesserungen)"
    r"(?:[ \t]++[^\W\d_]++)?)?",
    re.IGNORECASE,
)


def _bold_named_beside_headings(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Top-level entries, two or more, each opening with a bold name and a colon (``-
    **Struttura Dati**: ...``, ``1.  **Gamification per i Corsi**:`` over nested notes),
    right under a heading that says what state they are in, in a plan whose items are
    headings with IDs (``### Fase 1: ...``): done under a heading that names done, or that a
    done mark leads with a done word in any language (``### ✅ Funzionalità Completate``);
    ideas under one that names ideas or proposals, or stands under such a heading (``## 💡
    Proposte e Miglioramenti Strategici`` over ``### Per l'Utente Finale``). Each is an
    item by its name with that state. Such entries under any other heading (``### Key
    Features``) are a description of the product, or the items' notes."""
    lines = document.lines
    first_line = entries[0][0]
    if len(entries) < 2 or not document.taken or not _under_heading(lines, first_line):
        return [], ()
    state = _state_of_bands(document, first_line)
    if state is None:
        return [], ()
    section = document.section_above(first_line + 1)
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        named = _BOLD_NAMED.match(lines[first], bullet.end()) if bullet is not None else None
        if named is None:
            return [], ()
        item = _entry_named_by_title(
            document,
            named["name"].strip(),
            (first, _last(lines, first, last)),
            section,
            taken,
            status=state,
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


def _state_of_bands(document: Document, line: int) -> str | None:
    """The state the headings above a list (0-based ``line``) give its bold-named entries:
    the one they name, where it means done or an idea (``### Completed Features``, ``##
    Future Ideas``), an idea where one of them names proposals (``## 💡 Proposals``), else
    a done mark leading the nearest heading that has a done word in any language (``### ✅
    Funzionalità Completate``) where no heading beside it says another state. None for any
    other heading, and in a document whose headings name two states or more, where its
    headings say the states of its work: a report of the product's parts by their state
    (``### ✅ IMPLEMENTED`` beside ``### ⚠️ PARTIALLY IMPLEMENTED``) sums up the work the
    heading items hold."""
    state = _state_of_bands_above(document, line)
    if state is not None and status_headings(document) > 1:
        return None
    return state


def _state_of_bands_above(document: Document, line: int) -> str | None:
    """What ``_state_of_bands`` gives before it asks how many states the headings name: a
    count of every heading, asked only where a state is found."""
    bands = document.status_sections_above(line + 1)
    named = status_of_sections(bands)
    if common_meaning(named) == "idea":
        return named
    if any(_PROPOSALS.fullmatch(edge_stripped(band).strip()) for band in bands):
        return "idea"
    if _states_beside(document, line):
        return None
    if common_meaning(named) == "done":
        return named
    nearest = bands[0].lstrip() if bands else ""
    mark = _DONE_MARK.match(nearest)
    if mark is None:
        return None
    words = nearest[mark.end() :].split()
    return mark["mark"] if any(common_meaning(word) == "done" for word in words) else None


# The marks a heading leads with to say the state of what it holds.
_STATE_LEADS = ("✅", "⚠", "❌", "🔄", "🚧", "⏳", "⬜", "🟡", "🟢", "🔴")


def _states_beside(document: Document, line: int) -> bool:
    """Whether the heading right above a list (0-based ``line``) has a sibling heading that
    names a state or leads with a state's mark (``### ✅ IMPLEMENTED`` beside ``### ⚠️
    PARTIALLY IMPLEMENTED`` and ``### ❌ NOT IMPLEMENTED``): the section reports the
    product's parts by their state, a summary of the work the heading items hold."""
    headings = document.headings
    texts = document.heading_texts()
    at = max((n for n, heading in enumerate(headings) if heading.line <= line), default=None)
    if at is None:
        return False
    level = headings[at].level
    start = next((n for n in range(at - 1, -1, -1) if headings[n].level < level), -1)
    end = next((n for n in range(at + 1, len(headings)) if headings[n].level < level), None)
    for other in range(start + 1, len(headings) if end is None else end):
        if other == at or headings[other].level != level:
            continue
        text = texts[other].lstrip()
        if text.startswith(_STATE_LEADS) or status_of_section(text) is not None:
            return True
    return False


# A bullet of one line: an ID, then its title (``- TASK-101: Apply interactive pattern ✓``);
# the closing mark that says the work is done is read apart (``_CLOSING_MARKS``).
_CLOSED_ID = LazyPattern(
    r"[ \t]{0,3}[-*+][ \t]++(?P<id>[A-Za-z]{1,8}-?[0-9][\w.-]*+)[ \t]*+[:—–-]?[ \t]++"
    r"(?P<title>\S.*)"
)
_CLOSING_MARKS = ("✓", "✔\ufe0f", "✔", "✅", "(done)", "(complete)", "(completed)")


def _closed_ids_beside_headings(
    document: Document, entries: list[tuple[int, int]]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Plain bullets of one line each, every one an ID written as the plan's heading items
    write theirs, a title and a closing check mark or ``(done)`` (``- TASK-101: Apply
    interactive pattern ✓`` under ``## Completed and Archived Tasks``), in a plan whose
    items are headings with IDs (``### TASK-606: Title``): its finished work kept short,
    each a done item. A bullet naming a heading's own ID again is a reference, and a
    list with any other bullet notes."""
    lines = document.lines
    if not document.taken:
        return [], ()
    headed = {
        text.strip().split()[0].strip(":.—–-").casefold()
        for text in document.heading_texts()
        if text.strip()
    }
    found = []
    for first, last in entries:
        closed = _CLOSED_ID.fullmatch(lines[first].rstrip())
        if closed is None or _last(lines, first, last) != first:
            return [], ()
        written = closed["title"]
        mark = next((m for m in _CLOSING_MARKS if written.lower().endswith(m)), None)
        if mark is None or not written[: -len(mark)].rstrip():
            return [], ()
        code = closed["id"]
        if code.casefold() in headed or not any(_numbered_alike(code, h) for h in headed):
            return [], ()
        here = _entry_start(lines, first)
        section = document.section_above(first + 1)
        title = document.inline(written[: -len(mark)].rstrip()).strip()
        fields = _status_fields("done", here)
        found.append(make_item(code, title, section, here, first + 1, fields, document.dialect))
    return found, _entry_blocks(lines, entries)


def _idea_boxes_beside_items(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Open boxes with no IDs right under a heading that names ideas (``## 💡 Future
    Ideas``, ``## 💡 Ideias Futuras (Backlog)``), in a plan whose items are headings with
    IDs (``### FASE 1: Fundação`` over a Status line and its checklists): the ideas the
    plan keeps for later, each an item with that state, each box one line as an idea is
    named. Elsewhere in such a plan boxes without IDs are its items' checklists."""
    lines = document.lines
    first_line = entries[0][0]
    if not document.taken or not _under_heading(lines, first_line):
        return [], ()
    section = document.section_above(first_line + 1)
    named = status_of_section(section)
    if named is None or common_meaning(named) != "idea":
        return [], ()
    found = []
    for first, last in entries:
        box = BOX.match(lines[first])
        last = _last(lines, first, last)
        if box is None or box["mark"] != " " or last != first:
            return [], ()
        item = _entry_named_by_title(
            document,
            lines[first][box.end() :],
            (first, last),
            section,
            taken,
            status=named,
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


def _idea_bullets_beside_boxes(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """Plain one-line bullets right under the last heading of a plan of boxes, one that
    names ideas (``## Future Considerations`` after ``### Milestone 3`` over its boxes):
    what the plan keeps for later, each an idea named by its title. Bullets elsewhere in
    such a plan are its notes."""
    lines = document.lines
    first_line = entries[0][0]
    if document.taken or not _under_heading(lines, first_line):
        return [], ()
    headings = document.headings
    if not headings or headings[-1].line > first_line + 1:
        return [], ()  # not the plan's last section: a note on what follows
    section = document.section_above(first_line + 1)
    named = status_of_section(section) if section else None
    if named is None or common_meaning(named) != "idea":
        return [], ()
    found = []
    for first, last in entries:
        bullet = _BULLET.match(lines[first])
        if bullet is None or BOX.match(lines[first]) or _last(lines, first, last) != first:
            return [], ()
        if lines[first][bullet.end() :].startswith("["):
            return [], ()  # ``- [WIP] Export``: a tag the list reader reads after this one
        item = _entry_named_by_title(
            document, lines[first][bullet.end() :], (first, first), section, taken, status=named
        )
        if item is None:
            return [], ()
        found.append(item)
    return found, _entry_blocks(lines, entries)


def _entry_named_by_title(
    document: Document,
    text: str,
    entry: tuple[int, int],
    section: str | None,
    taken: set[str],
    *,
    status: str | None = None,
    priority: str | None = None,
) -> Item | None:
    """The item a one-line entry's ``text`` (after its lead) names, with no ID: named by
    its title, with the ``status`` or ``priority`` its lead gives, at the entry's start;
    None where the text leaves no title."""
    part = parse_line(text.rstrip("\r\n"), document, leading_ids=False)
    if not part.title:
        return None
    first, last = entry
    here = _entry_start(document.lines, first)
    return make_item(
        reference_from_title(part.title, taken),
        part.title,
        section,
        here,
        last + 1,
        _status_fields(status, here)
        + ([Field("Priority", "priority", priority, here, here, here.line)] if priority else []),
        document.dialect,
        (),
        True,
    )


def _ideas_beside_items(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether plain bullets beside heading items are ideas the plan names for later: they
    stand under a heading that says so (``## 🎯 FUTURE ENHANCEMENTS`` over ``### PWA``
    over ``- Service worker implementation``), each a short line of its own. Beside
    heading items other plain bullets are the items' notes, or prose."""
    named = status_of_sections(document.status_sections_above(entries[0][0] + 1))
    lines = document.lines
    return named == "idea" and all(
        not lines[at].strip() for first, last in entries for at in range(first + 1, last + 1)
    )


def _title_status(document: Document) -> str | None:
    """The status the document's title names where it is its only level-1 heading
    (``# TODO``, ``# In Progress``): a list of work under it has that status. A title is
    no status section otherwise (``status_sections_above``), as ``# Done`` over a
    release's notes is not; only bullets that all lead with an ID take it."""

    def named() -> str:
        headings = document.headings
        if not headings or headings[0].level != 1:
            return ""
        if sum(1 for heading in headings if heading.level == 1) > 1:
            return ""
        return status_of_section(document.heading_texts()[0]) or ""

    return document.memo("title_status", named) or None


def _notes_under_status(document: Document, line: int, named: str | None) -> bool:
    """Whether plain bullets at ``line`` are notes on a status section's work, not work:
    their own heading names no status (``### Blocker Details`` under ``## Blocked``) and
    the document writes its work as boxes (``- [x] E2E build permission denied``). A
    status heading's own plain bullets, or those of an area heading under it in a
    document without boxes, are its items."""
    if named is None or status_of_sections([document.section_above(line) or ""]) is not None:
        return False
    if not document.memo("writes boxes", lambda: any(BOX.match(text) for text in document.lines)):
        return False
    return _status_section_boxes(document, line)


def _done_beside_boxes(document: Document) -> bool:
    """Whether the one heading that names a status says done (``## 🟢 Completed Features``)
    in a document whose other work is boxes, each saying its own state: the boxes stand
    for the second status heading a list of plain bullets under a status asks for."""
    if status_headings(document) != 1:
        return False
    named = (status_of_section(text) for text in document.heading_texts())
    if not any(common_meaning(status) == "done" for status in named if status is not None):
        return False
    return document.memo("writes boxes", lambda: any(BOX.match(text) for text in document.lines))


def _status_section_boxes(document: Document, line: int) -> bool:
    """Whether the nearest heading above ``line`` that names a status holds boxes in its
    section, or names a state other than done: a tracker's ``## 🟢 Completed Features``
    whose area headings list the work as bold-titled bullets, the boxes only under ``## 🟡
    In Progress``, writes its finished work as bullets; the bullets of a section of boxes
    are notes on them, and those under ``### Blocker Details`` in a ``## Blocked`` section
    say why the boxes above are blocked."""
    lines = document.lines
    above = [heading for heading in document.headings if heading.line < line]
    for at in range(len(above) - 1, -1, -1):
        heading = above[at]
        named = status_of_section(document.inline(heading.source))
        if named is None:
            continue
        if common_meaning(named) != "done":
            return True
        end = next(
            (
                other.line - 1
                for other in document.headings
                if other.line > heading.line and other.level <= heading.level
            ),
            len(lines),
        )
        return any(BOX.match(text) for text in lines[heading.line : end])
    return True


def _logged_done(
    document: Document, entries: list[tuple[int, int]], texts: list[str], named: str | None
) -> bool:
    """Whether a list is a work queue's log of finished work: right under a heading that
    says done (``## Completed Tickets``), in a document titled a queue or a plan, every
    bullet opening with a bold title (``- **Group districts by region** - PR #33``). A
    README's list of features under ``## Features`` names no status; one under a lone
    ``## Done`` of a document titled otherwise stays prose too."""
    if len(entries) < 2 or common_meaning(named) != "done":
        return False
    if not all(_BOLD_TITLED.match(text) for text in texts):
        return False
    headings = document.headings
    if not headings or headings[0].level != 1:
        return False
    title = edge_stripped(document.inline(headings[0].source)).strip()
    return _QUEUE_TITLE.fullmatch(title) is not None and _under_heading(
        document.lines, entries[0][0]
    )
