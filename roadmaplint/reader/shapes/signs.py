"""What says a list of plain bullets holds a plan's work: a title or a file name that
says plan or backlog, horizon and board headings, a sign-off list, work listed, struck
or shipped, themes and labelled groups."""

from __future__ import annotations

import re

from roadmaplint.model import Block, Item
from roadmaplint.reader.dialect import field_names, patterns
from roadmaplint.reader.fields import field_start, heading_status
from roadmaplint.reader.shapes import Document
from roadmaplint.reader.shapes.common import (
    edge_stripped,
    make_item,
    names_a_backlog,
    reference_from_title,
    status_of_section,
)
from roadmaplint.reader.shapes.entries import (
    _LEAD_LABEL,
    _REMARK_WORDS,
    _SENTENCE_END,
    _STATUS_LABEL,
    TOP_BULLET,
    _bullet_text,
    _entry_blocks,
    _entry_start,
    _status_fields,
    _status_labels,
    _under_heading,
)
from roadmaplint.reader.shapes.listline import _BULLET, BOX, _title_part
from roadmaplint.settings import common_meaning, status_meaning
from roadmaplint.text import LazyPattern

# A priority written as a MoSCoW tag in brackets opening a bullet: ``[nice to have]``,
# ``[must have]``, ``[should-have]``.
_MOSCOW_TAG = LazyPattern(
    r"\[(?P<priority>(?:must|should|could|nice)[ \t-]+(?:to[ \t-]+)?have"
    r"|won'?t[ \t-]+have)\][ \t]+",
    re.I,
)
# A bullet that opens with a version, in code, bold or both, and what that version brings
# after a colon or a dash: `` `v0.5.5-beta` : add LDAP ``, ``**`v1.0.0`** — polish``.
_VERSION_LEAD = LazyPattern(
    r"(?:\*\*|__)?(?P<code>`)?(?P<version>v?[0-9]{1,4}(?:\.[0-9]{1,4}){1,3}"
    r"(?:-[0-9A-Za-z]{1,20}(?:[.-][0-9A-Za-z]{1,20}){0,3})?)`?(?:\*\*|__)?"
    r"(?:[ \t]*[:—–]|[ \t]+-)[ \t]+(?P<title>\S.*)",
    re.S,
)


def _version_leads(texts: list[str]) -> list[re.Match[str]] | None:
    """The version each bullet opens with, where two or more bullets each open with a
    version of their own (``v0.5.5-beta`` in code, or ``v1.2``) and what it brings: a
    roadmap by version number. None where any does not (``- 1.2: a step`` is no version:
    one without a ``v`` must be written as code)."""
    found = [_VERSION_LEAD.match(text) for text in texts]
    leads = [
        match
        for match in found
        if match is not None and (match["code"] or match["version"].startswith("v"))
    ]
    if len(leads) < 2 or len(leads) != len(texts):
        return None
    versions = [lead["version"] for lead in leads]
    return leads if len(set(versions)) == len(versions) else None


# A bullet's bold title, not a bold field label: ``**Title** - note``, not ``**Status:**``.
# (a quoted literal in bold, ``**"Task not found"**``, is a message a page explains: no work)
_BOLD_TITLED = LazyPattern(r"\*\*(?![\"'“‘])[^*:]{2,200}\*\*(?![ \t]*:)")
# A document titled a plan of work: ``# Work Queue``, ``# Roadmap``, ``# TODO``, ``# Tasks``.
_QUEUE_TITLE = LazyPattern(
    r"(?:[\w.-]+[ \t]+){0,3}"
    r"(?:road[ \t]?map|to-?do|work[ \t]+queue|backlog|tasks|task[ \t]+board)\b.*",
    re.I | re.S,
)
# A horizon heading: ``## Now``, ``## Next (3-6 months)``, ``## Later — 2027``, ``## Soon``,
# perhaps after the numbered phase it is (``### Phase 1 — Now (next 1–2 weeks)``).
_HORIZON = LazyPattern(
    r"(?:phase[ \t]+[0-9]{1,3}[ \t]*[—–:-][ \t]*)?"
    r"(?P<word>now|next|later|soon)(?:[ \t]*(?:\(.*\)|[—–:-][ \t].*))?",
    re.I | re.S,
)


def _is_horizon(heading: str | None) -> bool:
    return heading is not None and _HORIZON.fullmatch(edge_stripped(heading)) is not None


def horizon_word(heading: str) -> str | None:
    """The horizon a heading names (``now`` of ``Phase 1 — Now (next 1–2 weeks)``), or None."""
    found = _HORIZON.fullmatch(edge_stripped(heading))
    return found["word"].casefold() if found is not None else None


# The title of a document that is a plan by its name: ``# TODO``, ``# Jigsaw Roadmap``,
# ``# Roadmap — post-0.2.0-beta``, ``# TODO list for IRIS``, a roadmap in another language
# (``# Дорожная карта``, ``# Hoja de ruta``, ``# 路线图``); not the README of a program
# named so (``# Todo App``, ``# todo-cli``, ``# Roadmap API``), whose bullets are features,
# nor a guide to making one (``# Career Roadmap Guide``, ``# Kariyer Yol Haritası Rehberi``).
_PLAN_TITLE = LazyPattern(
    r"to[ \t]+do(?:[ \t]+list)?[ \t]*"  # ``# To Do`` alone (``# Things to do in Paris``: no plan)
    # (a name and a dash may come first: ``# goboot — Project Roadmap``)
    r"|(?:[\w.-]+[ \t]+(?:[—–][ \t]+)?){0,3}"
    r"(?:road[ \t]?map|to-?do|дорожная[ \t]+карта|hoja[ \t]+de[ \t]+ruta"
    r"|feuille[ \t]+de[ \t]+route|yol[ \t]+haritas[ıi]|路线图|路線圖|ロードマップ)\b"
    r"(?![ \t_-]*(?:apps?|application|cli|api|server|client|manager|example|demo|tutorial"
    r"|clone|component|plugin|extension|service|bot|mvc|guide|rehberi?|gu[ií]a|handbook)\b).*",
    re.I | re.S,
)
# A table's delimiter row: ``|---|:---:|``.
_TABLE_RULE = LazyPattern(r"[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|")
# A section of a plan that holds no work: its legend, what it leaves out (``## Не-цели``,
# non-goals, as a Russian plan names them), how to help.
_ASIDE = LazyPattern(
    r"(?:legend|out[ \t]+of[ \t]+scope|non-goals|boundaries|notes?|contribut\w*|get[ \t]+involved"
    r"|overview|summary|background|context|status|links?|references?|related|how[ \t]+to"
    r"|install\w*|usage|setup|getting[ \t]+started|licen[cs]e|requirements|prerequisites"
    # ``## Labels to watch``, ``## Tags``: the tracker's labels (``## Label editor`` is work)
    r"|(?:labels?|tags)(?:[ \t]+to[ \t]+\w+)?[ \t]*$"
    # ``## Definition of excellence``, ``## Définition d'excellence``: the bar the work is
    # measured against, no work
    r"|definition[ \t]+of[ \t]+(?:done|ready|success|excellence)"
    r"|d[ée]finition[ \t]+(?:d'|de[ \t]+l')(?:excellence|succ[èe]s)"
    # ``## Design Principles (Invariant)``: what every piece of work holds to, no work
    r"|(?:(?:design|guiding|core|product|engineering)[ \t]+)?principles"
    r"|не-?[ \t]?цели)\b.*",
    re.I | re.S,
)


def _titled_a_plan(document: Document, by_kind: bool = False) -> bool:
    """Whether the document opens with one level-1 heading that names it a roadmap or a
    todo list (``# Roadmap``, ``# TODO``): its top-level bullets, under that title or
    under a topic heading inside it, are the work it plans (``# TODO`` over
    ``## Build/tooling cleanup`` over ``- Review deprecated Gradle warnings``). ``by_kind``:
    a plan titled by its kind of work instead (``# Implementation Plan``)."""

    def titled() -> bool:
        headings = document.headings
        if not headings or headings[0].level != 1:
            return False
        if any(_TABLE_RULE.match(line) for line in document.lines):
            return False  # a plan that writes a table writes its items there
        if sum(1 for heading in headings if heading.level == 1) > 1:
            return False
        title = edge_stripped(document.inline(headings[0].source)).strip()
        if by_kind:
            return _WORK_PLAN_TITLE.fullmatch(title) is not None
        return _PLAN_TITLE.fullmatch(title) is not None

    return document.memo("titled_a_work_plan" if by_kind else "titled_a_plan", titled)


# A plan of work by its kind: ``# Implementation Plan``, ``# Project Plan``; its bullets
# are its work where each names a piece of it before a colon (``- Fix dotfile staging:
# adjust ...``), not where they are notes (``- Docker environment is configured``).
_WORK_PLAN_TITLE = LazyPattern(
    r"(?:[\w.-]+[ \t]+){0,3}(?:implementation|project|development|work|action|delivery)"
    r"[ \t]+plan",
    re.I,
)


def _names_its_work(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether each bullet of a list names a piece of work before a colon and says how
    after it (``- Fix dotfile staging: adjust new to ...``). A list whose every name is
    one word is the plan's facts (``- Budget: ...``, ``- Timeline: ...``), no work."""
    lines = document.lines
    found = [_NAME_BEFORE_HOW.match(_bullet_text(lines[first])) for first, _ in entries]
    names = [name["name"] for name in found if name is not None]
    return (
        len(names) == len(entries)
        and all(len(name.split()) <= _NAME_WORDS and ". " not in name for name in names)
        and any(len(name.split()) > 1 for name in names)
    )


# A file named a backlog or a todo list (``BACKLOG.md``, ``TODO.md``, ``game-TODO.md``).
_NAMED_A_PLAN = LazyPattern(r"(?:[^/\\]*[-_. ])?(?:backlog|to-?do)\.(?:md|markdown|txt)", re.I)
# A bullet opening with a word in brackets (``- [later] Fix cracks``), as a box would.
_WORD_TAGGED = LazyPattern(r"[ \t]*[-*+][ \t]+\[[A-Za-z][\w -]{1,20}\][ \t]")


# A level-1 heading that names one version's roadmap: ``# Roadmap for v1``, ``# Roadmap for
# v0.next``, ``# v2.0 Roadmap``.
_VERSION_ROADMAP = LazyPattern(
    r"road[ \t]?map[ \t]+(?:for|of|to)[ \t]+"
    r"(?:version[ \t]+)?v?[0-9]{1,4}(?:\.[0-9A-Za-z]{1,12}){0,3}"
    r"|(?:version[ \t]+)?v?[0-9]{1,4}(?:\.[0-9A-Za-z]{1,12}){0,3}[ \t]+road[ \t]?map",
    re.I,
)


def _titled_by_versions(document: Document) -> bool:
    """Whether the document is a roadmap per version in one file: its level-1 headings
    are its sections, two or more of them each naming a version's roadmap (``# Roadmap
    for v0.next``, ``# Roadmap for v1``), the others what lies past them (``#
    Undetermined``, ``# Not in plan``). Its plain bullets are its work, as under ``##
    v1`` in a roadmap titled so. Not one that writes a table (its items are there)."""

    def titled() -> bool:
        texts = [
            edge_stripped(document.inline(heading.source)).strip()
            for heading in document.headings
            if heading.level == 1
        ]
        if sum(1 for text in texts if _VERSION_ROADMAP.fullmatch(text)) < 2:
            return False
        return not any(_TABLE_RULE.match(line) for line in document.lines)

    return document.memo("titled_by_versions", titled)


def _named_a_plan_by_its_file(document: Document) -> bool:
    """Whether a document with no title is a backlog or a todo list by its file's name
    (``BACKLOG.md`` of bullets kept for years, no heading over them): its top-level
    bullets are its work. Not one that writes a table (its items are there), nor one
    with a title, which names the document itself (``# Release notes``)."""

    def named() -> bool:
        name = document.path.replace("\\", "/").rpartition("/")[2]
        if not name or _NAMED_A_PLAN.fullmatch(name) is None:
            return False
        if any(heading.level == 1 for heading in document.headings):
            return False
        return not any(_TABLE_RULE.match(line) for line in document.lines)

    return document.memo("named_a_plan_by_its_file", named)


def _untitled_work(
    document: Document, entries: list[tuple[int, int]], sections: list[str]
) -> list[tuple[int, int]]:
    """The entries of a list of a plan named by its file that are its work: none under a
    heading that names an aside (``## Notes``), none of a list led in by a sentence that
    ends with a colon (``Played notes are stored in a Recording:`` over what the keys do:
    that sentence's notes), though a label of a word or three (``Tools:``) groups work;
    where the notes are indented and the list goes on at the margin (``  - In case of a
    game, ...`` then ``- adjust array frame colors``), what stands at the margin is."""
    if sections and _ASIDE.match(edge_stripped(sections[0]).strip()) is not None:
        return []
    lines = document.lines
    tagged = sum(1 for first, _ in entries if _WORD_TAGGED.match(lines[first]))
    if 2 * tagged >= len(entries):
        return []  # ``- [later] Fix cracks`` for most: words meant as boxes, a near miss
    above = entries[0][0] - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    lead = lines[above].rstrip() if above >= 0 else ""
    if _LEAD_LABEL.fullmatch(lead) is not None and _ASIDE.match(lead.strip()) is not None:
        return []  # ``Notes:`` leads notes, as a ``## Notes`` heading does
    if not lead.endswith(":") or _LEAD_LABEL.fullmatch(lead) is not None:
        return entries
    if _state_of_lead(lead):
        return entries  # ``Scratched from the jam content:``: a state, then what it holds
    at = 0
    while at < len(entries) and lines[entries[at][0]][:1] in " \t":
        at += 1
    return entries[at:] if at else []


def _lead_label(lines: list[str], entries: list[tuple[int, int]]) -> str:
    """The label of a word or three that leads a list in (``Done:``), less its colon; or
    the empty string where none does."""
    above = entries[0][0] - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    lead = lines[above].strip() if above >= 0 else ""
    if _LEAD_LABEL.fullmatch(lead) is not None:
        return lead[:-1]
    return _state_of_lead(lead)


def _state_of_lead(lead: str) -> str:
    """The state a sentence leading a list in opens with, up to its colon (``Scratched
    from the jam content:``, ``Dropped for now:``): its first word where that is a status
    word; else the empty string."""
    words = lead.strip().split(None, 1)
    if not lead.rstrip().endswith(":") or len(words) < 2:
        return ""
    first = words[0].strip("*_").rstrip(":")
    return first if common_meaning(first) is not None else ""


def _titled_a_backlog(document: Document) -> bool:
    """Whether the document is titled a backlog by that name alone (``# Backlog``): a list
    standing right under one of its headings (``## Code`` over ``- Fix admin logout``) is
    its work, with no status where it writes none. A list after a paragraph there
    (``B01 — Parser robustness`` over ``- Scope: M``) is that paragraph's notes."""
    headings = document.headings
    if not headings or headings[0].level != 1:
        return False
    title = edge_stripped(document.inline(headings[0].source)).strip()
    return names_a_backlog(title) and not _defines(title, document.lines, headings[0].end)


# A sentence that says what a thing is in general (``The backlog is a prioritized list``,
# ``A backlog is an ordered ...``): a glossary's or a course's page about the term.
_DEFINITION = LazyPattern(
    r"(?:the|an?)[ \t]++(?P<term>\w[\w-]*+(?:[ \t][\w-]++){0,4}?)[ \t]++(?:is|are)[ \t]++an?\b",
    re.I,
)


def _defines(title: str, lines: list[str], at: int) -> bool:
    """Whether the first paragraph after a document's title (whose last line is ``at``,
    counted from 1) defines the title's term (``# Backlog`` over ``The backlog is a
    prioritized list of work items``): a page explaining what a backlog is, no backlog.
    A backlog that introduces itself (``This backlog is what we have not started``, ``The
    backlog is the list we work from``, ``The backlog is a list of what we build next``)
    is one."""
    following = (line.strip() for line in lines[at:])
    first = next((line for line in following if line), "")
    found = _DEFINITION.match(first)
    if found is None or _FIRST_PERSON.search(first) is not None:
        return False  # ``The backlog is a list of what we build next``: the team's own
    return found["term"].casefold() == title.casefold()


# A word by which a page speaks for its team (``what we build next``, ``our work``).
_FIRST_PERSON = LazyPattern(r"\b(?:[Ww]e|[Oo]urs?|[Uu]s|I|[Mm]y)\b")


def _status_glossary(lines: list[str], entries: list[tuple[int, int]]) -> bool:
    """Whether every bullet of a list names a status in bold and says what it means
    (``- **Pending**：待开始``, ``- **Done**: merged and released``), a different status
    each: a legend of the plan's statuses, written as a list, whose bullets are no work."""
    named: set[str] = set()
    for first, _ in entries:
        glossed = _GLOSSED.match(_bullet_text(lines[first]))
        if glossed is None:
            return False
        status = status_of_section(glossed["word"] or glossed["code"])
        if status is None or status in named:
            return False
        named.add(status)
    return len(named) >= 2


# A bold word or one in code and what it means: ``**Pending**：待开始``, ``⏳ **Pending** —
# not started``, ``` `done` = released ```.
_GLOSSED = LazyPattern(
    r"(?:[^\w\s*`]{1,4}[ \t]+)?(?:\*\*(?P<word>[^*]{1,30})\*\*|`(?P<code>[^`]{1,30})`)"
    r"[ \t]*(?:[:：=]|[—–-][ \t])"
)


def _queue_of_bold_titles(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether a list is the work of a document titled a queue (``# Work Queue — Backend
    Housekeeping``, ``# Backlog``) whose every bullet opens with a bold title
    (``- **Add VendorBillStatusEvent model** — ...``): each bullet names a piece of work,
    with no status where it writes none. Plain bullets there may be a paragraph's notes
    (``B01 — Title`` over ``- Scope: M``)."""
    headings = document.headings
    if not headings or headings[0].level != 1:
        return False
    title = edge_stripped(document.inline(headings[0].source)).strip()
    if _QUEUE_TITLE.fullmatch(title) is None:
        return False
    lines = document.lines
    if document.memo("writes_a_table", lambda: any(_TABLE_RULE.match(line) for line in lines)):
        return False  # a plan that writes a table writes its items there
    for first, _ in entries:
        bullet = _BULLET.match(lines[first])
        if bullet is None or not _BOLD_TITLED.match(lines[first], bullet.end()):
            return False
    return True


def _listed_work(
    document: Document, entries: list[tuple[int, int]], sections: list[str], struck: bool = False
) -> bool:
    """Whether a list of a plan titled so is its work: the list stands in the title's own
    section, or right under a heading that names no aside (``## Legend``, ``## Out of
    scope``). A list after a paragraph inside a section (``**Plan:**`` over steps) says
    how one piece of work is done, and is no list of work. ``struck``: the plan strikes
    its finished bullets through, so its bullets are its work wherever they stand, after
    a paragraph that leads into them too, and a bold label leading one
    (``- **Analytics:** split by station``) names the work, not a field of a heading."""
    id_only = patterns(document.dialect.id_pattern).id_only
    lines = document.lines
    leading = [lines[first].lstrip(" -*+").split(" ", 1)[0] for first, _ in entries]
    named = sum(1 for word in leading if id_only.fullmatch(word))
    if named and 2 * named >= len(leading) and not _series(leading, id_only):
        # ``- S3 storage``, ``- HTTP2 push``: a name with a digit run into its sentence,
        # leading half the bullets or more; a series of IDs (``- DL-001 Pooling``, ``-
        # DL-002 Caching``) names the work, and so does a list where one bullet of several
        # leads with a product's name (``- GA4 property + measurement ID``)
        return False
    names = field_names(document.dialect)
    # ``- **`v0.5.3-beta`** : add DNS providers``: the current version in bold, no field
    versioned = _version_leads([_bullet_text(lines[first].lstrip(" ")) for first, _ in entries])
    for first, _ in [] if versioned else entries:
        bullet = _BULLET.match(lines[first].lstrip(" "))
        text = lines[first].lstrip(" ")[bullet.end() :] if bullet is not None else ""
        fields = bullet is not None and field_start(text, names)
        if fields and (not struck or _WORK_FIELD.match(text.lstrip("*_ "))):
            return False  # ``- **Status:** ready``: a heading's fields, no list of work
    if not sections:
        return True  # under the title itself: ``# Roadmap`` over its bullets
    aside = _ASIDE.match(edge_stripped(sections[0]).strip()) is not None
    # ideas named for later after a sentence that leads into them (``## 将来構想`` over
    # ``以下は...未定`` over ``- 長期記憶``), one line each, are the plan's ideas too
    ideas = status_of_section(sections[0]) == "idea" and all(
        not lines[at].strip() for first, last in entries for at in range(first + 1, last + 1)
    )
    return not aside and (struck or ideas or _under_heading(lines, entries[0][0]))


def _series(words: list[str], id_only: re.Pattern[str]) -> bool:
    """Whether ``words`` are two or more IDs of one series, each an ID with the same
    letters before its number (``DL-001``, ``DL-002``)."""
    if len(words) < 2 or not all(id_only.fullmatch(word) for word in words):
        return False
    return len({word.rstrip("0123456789") for word in words}) == 1


# A field that says how far work is, who holds it, how urgent it is or what it waits on.
_WORK_FIELD = LazyPattern(
    r"(?:status|state|priority|owner|assignee|dri|depends[ \t]+on|dependencies)\b", re.I
)


# A bullet struck through and then, after an arrow, what became of it: ``~~PDF export~~ →
# one-click PDF download implemented (2026-03-01)``.
_STRUCK_THEN_ARROW = LazyPattern(
    r"[ \t]*~~(?P<title>[^~](?:[^~]|~(?!~))*)~~[ \t]*(?:→|->)[ \t]*(?P<note>\S.*)", re.S
)
# The first word of a note that says the struck thing was put off, not done.
_PUT_OFF = frozenset(("moved", "postponed", "rescheduled", "pushed", "delayed", "replaced"))
# The day a note closes with, in brackets: ``... 구현 (2026-03-01)``.
_CLOSING_DAY = LazyPattern(r"\([0-9]{4}-[0-9]{2}-[0-9]{2}\)")


def _struck_then_done(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan of boxes whose list of plain bullets (candidates, ideas) strikes each through
    and says after an arrow what was done, on a day or in a done word (``- ~~PDF export~~ →
    one-click download implemented (2026-03-01)``): each is finished work, done, named by
    what is struck; one whose name a box already gives (most of its words) is that box
    told again, no item. Two such bullets or more, and every bullet of the list so."""
    lines = document.lines
    struck: list[tuple[int, int, str]] = []
    for first, last in entries:
        bullet = TOP_BULLET.match(lines[first])
        found = (
            _STRUCK_THEN_ARROW.fullmatch(lines[first][bullet.end() :].rstrip("\r\n"))
            if bullet
            else None
        )
        if found is None:
            return [], ()
        note = found["note"]
        dated = _CLOSING_DAY.fullmatch(note.rstrip()[-12:]) is not None
        meaning = status_meaning(note)
        if (not dated and meaning != "done") or meaning not in (None, "done"):
            return [], ()  # ``→ dropped (date)``: struck, and no done work
        if note.split(None, 1)[0].casefold() in _PUT_OFF:
            return [], ()  # ``→ moved to Monday (date)``: a schedule's change
        struck.append((first, last, " ".join(found["title"].split())))
    if len(struck) < 2:
        return [], ()
    boxed = [
        set(_title_part(line[box.end() :]).casefold().split())
        for line in lines
        if line[:1] in "-*+" and (box := BOX.match(line)) is not None
    ]
    items: list[Item] = []
    for first, last, title in struck:
        words = set(title.casefold().split())
        if any(len(words & box) * 4 >= len(words) * 3 for box in boxed):
            continue  # the box of that work, told again
        here = _entry_start(lines, first)
        fields = _status_fields("done", here)
        section = document.section_above(first + 1)
        item_id = reference_from_title(title, taken)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


# A bullet or box that names a phase: ``Phase 1: Complete Missing Workflows``, bold or not.
_PHASE_LEAD = LazyPattern(r"[ \t]*(?:\*\*)?Phase[ \t]+[0-9]{1,6}(?:\*\*:|:\*\*|:)[ \t]*\S")


def _shipped_phases(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan that writes its phases as boxes (``- [x] **Phase 1**: Title``) and the
    phases of a milestone it has shipped as plain bullets under that milestone's heading
    closed as done (``### v1.1: Self-Improvement ✅`` over ``- Phase 1: Title``): each
    bullet is that phase, done, read as the boxes are."""
    lines = document.lines
    texts: list[str] = []
    for first, _ in entries:
        bullet = TOP_BULLET.match(lines[first])
        text = lines[first][bullet.end() :].rstrip("\r\n") if bullet else ""
        if BOX.match(lines[first]) is not None or _PHASE_LEAD.match(text) is None:
            return [], ()
        texts.append(text)
    boxed_phases = document.memo(
        "boxed phases",
        lambda: any(
            line[:1] in "-*+" and (box := BOX.match(line)) and _PHASE_LEAD.match(line[box.end() :])
            for line in lines
        ),
    )
    section = document.section_above(entries[0][0] + 1) or ""
    said = heading_status(section)
    if not boxed_phases or said is None or common_meaning(said[1]) != "done" or not said[0]:
        return [], ()
    items: list[Item] = []
    for (first, last), text in zip(entries, texts, strict=True):
        title = document.inline(" ".join(text.split()))
        here = _entry_start(lines, first)
        fields = _status_fields("done", here)
        item_id = reference_from_title(title, taken)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


# A bullet led by a phase in bold, its number or Roman numeral and its name, an aside in
# brackets after it: ``- **Phase I: Rigor (Q1 2026)** — text``.
_THEME_PHASE = LazyPattern(
    r"\*\*Phase[ \t]++(?P<number>[0-9]{1,3}|[IVX]{1,5}):[ \t]*+(?P<name>[^\s*()][^*()\n]{0,79}?)"
    r"[ \t]*+(?:\([^()*\n]{1,40}\))?\*\*[ \t]*+[—–:-][ \t]*+\S"
)


def _closing_aside(text: str) -> str | None:
    """The words of an aside in brackets that closes ``text`` (``... pipeline. (Current)``),
    of thirty characters or fewer; string work, no pattern."""
    text = text.rstrip(" \t.")
    opening = text.rfind("(")
    if not text.endswith(")") or opening < 0 or len(text) - opening > 32:
        return None
    return text[opening + 1 : -1].strip() or None


def _theme_phases(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan of boxes that writes its phases as a list of bold-led bullets, each a phase's
    number and name (``- **Phase I: Rigor (Q1 2026)** — text. (Current)``), two or more,
    none of them named again by a heading or a box: each bullet is that phase, an item
    named ``Phase I``, titled by its name, its status a closing aside that says one."""
    lines = document.lines
    if len(entries) < 2:
        return [], ()
    found: list[tuple[str, str, str | None]] = []
    for first, last in entries:
        bullet = TOP_BULLET.match(lines[first])
        text = lines[first][bullet.end() :].rstrip("\r\n") if bullet else ""
        match = _THEME_PHASE.match(text)
        if match is None or BOX.match(lines[first]) is not None:
            return [], ()
        if any(lines[at].strip() for at in range(first + 1, last + 1)):
            return [], ()
        said = _closing_aside(text[match.end() :])
        status = said if said is not None and status_meaning(said) is not None else None
        found.append((f"Phase {match['number']}", match["name"].strip(), status))
    names = {item_id for item_id, _, _ in found}
    if len(names) < len(found):
        return [], ()
    if not any(line[:1] in "-*+" and BOX.match(line) for line in lines[entries[-1][1] + 1 :]):
        # a plan names its phases, then the work they frame; a checklist before them
        # (``Before you start`` over a course's syllabus) is what to do first, no work of
        # the phases, which are the course's parts
        return [], ()
    for at, line in enumerate(lines):
        if at in {first for first, _ in entries}:
            continue
        if (line.startswith("#") or BOX.match(line)) and any(
            re.search(rf"\b{re.escape(name)}\b", line) for name in names
        ):
            return [], ()  # the phase is written again as a heading or a box: a summary
    section = document.section_above(entries[0][0] + 1) or ""
    items: list[Item] = []
    for (first, last), (item_id, title, status) in zip(entries, found, strict=True):
        here = _entry_start(lines, first)
        fields = _status_fields(status, here)
        taken.add(item_id)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


def _labelled_plain_group(
    document: Document, entries: list[tuple[int, int]], taken: set[str]
) -> tuple[list[Item], tuple[Block, ...]]:
    """A plan that groups its boxes under bold status labels (``✅ **Completed**``, ``🔧
    **In Progress**`` over boxes) and writes one group as plain bullets under a label of
    its own (``💡 **Long-term Goals**`` over ``- Multi-language localization``): each
    bullet is an item of that group, its status the label, as the boxes' is. Only where
    two labels or more lead boxes, the plain list's label says a status and no bullet is
    a field or a label of notes: a bold heading over a plain list elsewhere is prose."""
    lines = document.lines
    first_line = entries[0][0]
    above = first_line - 1
    if above > 0 and not lines[above].strip():
        above -= 1  # one blank line between the label and its list, as markdownlint asks
    if above < 0 or not lines[above].strip():
        return [], ()
    match = _STATUS_LABEL.fullmatch(lines[above].rstrip("\r\n"))
    word = match["word"].strip() if match is not None else None
    if word is None or status_meaning(word) is None:
        return [], ()
    labels = document.memo("status_labels", lambda: _status_labels(lines))
    boxed = document.memo(
        "labelled box groups",
        lambda: len(
            {
                labels[at]
                for at, line in enumerate(lines)
                if labels[at] is not None and line[:1] in "-*+" and BOX.match(line)
            }
        ),
    )
    if boxed < 2:
        return [], ()
    texts: list[str] = []
    for first, last in entries:
        bullet = TOP_BULLET.match(lines[first])
        text = lines[first][bullet.end() :].rstrip("\r\n") if bullet else ""
        if (
            not text.strip()
            or BOX.match(lines[first]) is not None
            or any(lines[at].strip() for at in range(first + 1, last + 1))
            or field_start(text, field_names(document.dialect)) is not None
            or _BOLD_LABEL.match(text) is not None
        ):
            return [], ()
        texts.append(text.strip())
    section = document.section_above(first_line + 1) or ""
    items: list[Item] = []
    for (first, last), text in zip(entries, texts, strict=True):
        title = document.inline(" ".join(text.split()))
        here = _entry_start(lines, first)
        fields = _status_fields(word, here)
        item_id = reference_from_title(title, taken)
        items.append(
            make_item(item_id, title, section, here, last + 1, fields, document.dialect, (), True)
        )
    cut = _entry_blocks(lines, entries)
    return items, cut


def _holds_boxes(document: Document) -> bool:
    """Whether a top-level checkbox begins one of the document's lines."""
    return document.memo(
        "holds_boxes",
        lambda: any(line[:1] in "-*+" and BOX.match(line) for line in document.lines),
    )


# A gate's checklist by its name: ``### Phase 2 Sign-off Checklist``, ``**Review Sign-off:**``.
# The name ends so: a phase named for the sign-off it does (``## Phase 9: Audit (Sovereignty
# & Sign-off)``) holds work.
_SIGN_OFF = LazyPattern(r"(?i)\bsign[- ]?off(?:[ \t]++checklist)?[ \t]*+:?[ \t]*+$")
_BOLD_LABEL = LazyPattern(r"[ \t]*\*\*(?P<label>[^*\n]{1,80})\*\*[ \t]*")
# A line that names the conditions each item meets, bold or not: ``**Definition of Done:**``,
# ``Definition of Ready:``. The boxes right under it are those conditions, no work.
_CRITERIA_LABEL = LazyPattern(
    r"(?i)[ \t]{0,3}(?:\*\*)?definition[ \t]of[ \t](?:done|ready)(?::\*\*|\*\*:|:)[ \t]*+"
)


def _signs_off(document: Document, first: int) -> bool:
    """Whether the list at 0-based line ``first`` is a phase's sign-off checklist: under a
    heading that names a sign-off, or right under a bold label that does (``**Review
    Sign-off:**`` over ``- [ ] All findings resolved``), or right under a line naming a
    Definition of Done (``**Definition of Done:**``). The conditions a phase or an item
    meets before it closes, never work of their own."""
    section = document.section_above(first + 1)
    if section is not None and _SIGN_OFF.search(section) is not None:
        return True
    above = first - 1
    while above >= 0 and not document.lines[above].strip():
        above -= 1
    if above < 0:
        return False
    line = document.lines[above].rstrip("\r\n")
    if _CRITERIA_LABEL.fullmatch(line) is not None:
        return True  # ``**Definition of Done:**`` over its boxes, never work of their own
    label = _BOLD_LABEL.fullmatch(line)
    return label is not None and _SIGN_OFF.search(label["label"]) is not None


def _under_horizon(document: Document, entries: list[tuple[int, int]]) -> bool:
    """Whether a list stands right under a horizon heading of a roadmap of two or more
    (``### Phase 1 — Now`` ... ``### Phase 3 — Later``): its numbered steps are that
    horizon's work, as its bullets would be (``1. **First public release.** ...``)."""
    first = entries[0][0]
    return (
        _is_horizon(document.section_above(first + 1))
        and (_under_heading(document.lines, first) or _led_in(document.lines, first))
        and _horizon_headings(document) >= 2
    )


def _led_in(lines: list[str], first: int) -> bool:
    """Whether a list is led in by one line of text ending in a colon, right under its
    heading (``## Next`` over ``After the proof gates:`` over ``1. Implement undo.``)."""
    above = [at for at in range(first - 1, max(first - 4, -1), -1) if lines[at].strip()]
    if not above or not lines[above[0]].rstrip().endswith(":"):
        return False
    return _under_heading(lines, above[0]) and not lines[above[0]].lstrip().startswith("#")


def _horizon_headings(document: Document) -> int:
    """How many different horizons the document's headings name: ``## Now`` and ``## Next``
    are two, a tutorial's ``## Next: configure`` and ``## Next: deploy`` one."""
    return document.memo("horizon_headings", lambda: len(_horizon_words(document)))


def _horizon_words(document: Document) -> set[str]:
    found = (_HORIZON.fullmatch(edge_stripped(text)) for text in document.heading_texts())
    return {match["word"].casefold() for match in found if match is not None}


# The name of a piece of work before a colon and the words that say how to do it: ``Fix
# dotfile staging: adjust new to ...`` (a name of one to eight words).
_NAME_WORDS = 8
# A tag in capitals before the colon, as code comments write them (``TODO:``, ``FIX:``,
# ``KNOWN_BUG:``): what kind of note the bullet is, no name of its work.
NOTE_TAG = LazyPattern(r"[A-Z]{2,}(?:_[A-Z]{2,})*")
_NAME_BEFORE_HOW = LazyPattern(
    r"(?P<name>[^\s:][^:\n]{0,80}?):[ \t]+(?P<how>\S[^\n]*\s\S[^\n]*\s\S.*)", re.S
)


def _first_sentence(text: str) -> str:
    """A bullet's first sentence without its full stop, and without a long remark in
    brackets that closes it (``Build matrix (today the image is cross-compiled; ...)``)."""
    end = next(
        (found for found in _SENTENCE_END.finditer(text) if not _abbreviated(text, found.start())),
        None,
    )
    sentence = (text[: end.start()] if end else text).strip()
    if sentence.endswith(")") and "(" in sentence:
        opening = sentence.rfind("(")
        remark = sentence[opening + 1 : -1]
        if ";" in remark or len(remark.split()) > _REMARK_WORDS:
            sentence = sentence[:opening].rstrip()
    return sentence


# Words a full stop shortens, not ends a sentence with: ``Avg. Rating``, ``approx. 3 MB``.
_ABBREVIATIONS = frozenset(
    (
        *("avg", "approx", "est", "max", "min", "no", "nr", "vs", "incl", "excl", "e.g"),
        *("i.e", "cf", "fig", "ref", "misc", "std", "dept", "mr", "mrs", "ms", "dr", "st", "vol"),
    )
)


def _abbreviated(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` shortens the word before it (``FIX: Avg. Rating
    Total``), so that the sentence goes on after it."""
    word = text[:dot].rsplit(maxsplit=1)[-1] if text[:dot].strip() else ""
    return word.lstrip("(*_`").casefold() in _ABBREVIATIONS


def _board_headings(document: Document) -> int:
    """How many of the document's headings are a Now / Next / Later board's columns (a
    heading that is only one of those words): two or more make the document a board."""
    from roadmaplint.reader.shapes.common import BOARD_WORDS, edge_stripped

    return sum(
        1
        for text in document.heading_texts()
        if edge_stripped(text).strip().casefold() in BOARD_WORDS
    )
