"""What the table and checkbox shapes share: references made from titles, dependency
lists that name IDs, and building the one Item record."""

from __future__ import annotations

import re
from collections.abc import Iterable

from roadmaplint.model import Field, Item, Position
from roadmaplint.reader.dialect import DEPENDS_ON, NONE_WORDS, PRIORITY_WORDS, Dialect, patterns
from roadmaplint.reader.fields import named_owner
from roadmaplint.text import LazyPattern

TYPE_CHECKING = False
if TYPE_CHECKING:
    from roadmaplint.reader.shapes import Document

# A word of a title in any script: ``übersetzen``, ``sayfası``, ``專案初始化``.
_WORD = LazyPattern(r"[^\W_]+")
# The most characters a reference keeps of a word in Chinese or Japanese: a title
# written without spaces is one word.
_WORD_LENGTH = 12
# ``none`` and its like, in Chinese, Japanese and Korean too (``依赖: 无``, ``依存: なし``)
_NO_DEPENDENCY = {"", "none", "n/a", "-", "—", "–", "no", "nothing", *NONE_WORDS}
REFERENCE_WORDS = 6  # a reference made from a title keeps its first words


_OTHER_BANDS = (
    r"|^[^\w]*(?P<band>hohe|mittlere|niedrige)[ \t]+priorit(?:ät|aet)(?!\w)"
    r"|^[^\w]*prioridade?[ \t]+(?P<banda>alta|media|média|baja|baixa)(?!\w)"
)
_SECTION_PRIORITY = LazyPattern(
    # a band's code stands alone: leading the heading or a part after a dash or colon
    # (``P0 — Correctness``, ``Tasks — P1``), in brackets (``(P0)``, ``[P1, P2]``, ``(P1 —
    # urgent)``) or ending it (``Auth P1``); inside other words (``## Meeting (P1
    # attendees)``, ``Notes on P1 bugs``) it names no band
    r"(?:^[^\w]*|[—–:|][ \t]*[*_`]*|[ \t]-[ \t]+[*_`]*)(?P<p>P[0-4](?:\.[0-9])?)(?![\w-])"
    r"|[(\[][ \t]*(?P<pb>P[0-4](?:\.[0-9])?)(?=[ \t]*(?:[)\],/;]|[—–-][ \t]))"
    r"|[ \t](?P<pt>P[0-4](?:\.[0-9])?)[ \t*_`]*$"
    r"|\bpriority:?[ \t]*(?P<word>critical|high|medium|low|P[0-4])\b"
    # (numbered as a section may be, the highest band too: ``## 1. Highest Priority``;
    # the middle band said short too: ``## Mid Priority``)
    r"|^[^\w]*(?:[0-9]{1,2}[.)][ \t]+)?(?P<lead>critical|highest|high|medium|mid|low)"
    r"[ \t]+priority\b"
    # ``### PRIORITY 1: CI/CD Validation``: a numbered priority leading the heading is P1,
    # in French too (``## 🔥 Priorité 1 — Critique``)
    # (a fifth band and later ones too: ``## 📚 PRIORITY 5: DOCUMENTATION`` after P1-P4)
    r"|^[^\w]*priorit[yé][ \t]+(?P<number>[0-9])(?![\w.-])"
    # ``### CUDA Medium Priority``: a topic's band, the priority ending the heading
    r"|[ \t](?P<tail>critical|high|medium|mid|low)[ \t]+priority[ \t]*$" + _OTHER_BANDS,
    # the same bands in German, Spanish and Portuguese: ``## 🚨 Hohe Priorität``,
    # ``## Prioridad alta``, ``## Prioridade Média``; the priority is the word written
    re.IGNORECASE,
)


def priority_of_section(section: str | None) -> str | None:
    """The priority a group heading names: ``P0 — Correctness``, ``Foundation (P0)``,
    ``Priority: High``, ``### High Priority``; None when it names none."""
    match = _SECTION_PRIORITY.search(section or "")
    if match is None:
        return None
    if match["number"]:
        return f"P{match['number']}"
    code = match["p"] or match["pb"] or match["pt"]
    if code:
        return code.upper()
    return match["word"] or match["lead"] or match["tail"] or match["band"] or match["banda"]


def priority_of_sections(sections: list[str]) -> str | None:
    """The priority of what stands under ``sections`` (nearest first): the nearest one's,
    else that of a band above it, a heading that leads with a priority (``## High
    Priority``, ``### P0 - Critical``) over topic headings (``#### Tools``). A heading
    that only notes a priority after its name (``## User Story 1 (Priority: P1)``) gives
    it to its own section, not to the headings under it."""
    named = priority_of_section(sections[0]) if sections else None
    for section in sections[1:]:
        if named is not None:
            break
        if _PRIORITY_LEAD.match(section) is not None:
            named = priority_of_section(section)
        elif (marked := _MARKED_PRIORITY.search(section)) is not None:
            named = marked["word"]  # ``## Epic 1: Context API 🔴 HIGH PRIORITY (Q3)``
        elif (band := _STATUS_BAND.fullmatch(section)) is not None and _names_a_state(band["name"]):
            named = band["p"].upper()  # ``## 📋 Backlog (P2)`` over ``### Epic: Music``
    return named


# A board's column with its band in brackets: ``## 📋 Backlog (P2)``.
_STATUS_BAND = LazyPattern(r"(?P<name>[^()\n]{1,40}?)[ \t]*\((?P<p>[Pp][0-4])\)[ \t]*")


def _names_a_state(name: str) -> bool:
    """Whether a heading's name is a state work is in (``Backlog``, ``Ready to Start``):
    a band of the board, where ``User Story 1 (P1)`` names its own story."""
    from roadmaplint.settings import common_meaning

    return common_meaning(name.strip()) is not None


def leads_with_priority(section: str) -> bool:
    """Whether a heading leads with a priority (``### Medium Priority``, ``## P1 — Theme``):
    a band over work, which names how urgent it is and not how far along."""
    return _PRIORITY_LEAD.match(section) is not None


# A group heading that ends with its priority after a coloured mark: ``## Epic 1: Context
# API Foundation 🔴 HIGH PRIORITY``, ``... 🔴 CRITICAL — DO FIRST``, ``... 🔵 LOW PRIORITY
# (Q4)``: an epic over the subheadings of its tasks, each task of that priority.
_MARKED_PRIORITY = LazyPattern(
    r"[^\w\s][ \t]+(?P<word>critical|high|medium|low)(?:[ \t]+priority)?"
    r"(?:[ \t]*\([^()\n]{0,40}\)|[ \t]+[—–][ \t][^\n]{0,40})?[ \t]*$",
    re.IGNORECASE,
)


# A heading that leads with a priority: ``P0 - Critical``, ``High Priority``, ``Priority: High``.
_PRIORITY_LEAD = LazyPattern(
    r"[^\w]*(?:P[0-4](?:\.[0-9])?(?![\w-])|(?:critical|high|medium|mid|low)[ \t]+priority\b"
    r"|priority:?[ \t]*(?:critical|high|medium|low|P[0-4])\b|priorit[yé][ \t]+[0-9](?![\w.-])"
    r"|(?:hohe|mittlere|niedrige)[ \t]+priorit(?:ät|aet)(?!\w)"
    r"|prioridade?[ \t]+(?:alta|media|média|baja|baixa)(?!\w))",
    re.IGNORECASE,
)


# A backlog by its name alone: ``# Backlog``, ``# Product Backlog`` (``# Backlog Exporter``
# names a tool).
_BACKLOG_TITLE = LazyPattern(r"(?:[\w.-]+[ \t]+){0,3}backlog", re.I)
# ``# About the backlog``, ``# What is a backlog``, ``# Managing the backlog``: a guide to
# keeping one, whose bullets are advice
_ABOUT_A_BACKLOG = frozenset(
    (
        "about",
        "what",
        "is",
        "a",
        "an",
        "how",
        "on",
        "to",
        "with",
        "managing",
        "grooming",
        "refining",
        "understanding",
        "working",
        "using",
        "prioritizing",
    )
)


def names_a_backlog(title: str) -> bool:
    """Whether a document's title (its marks stripped) names it a backlog by that name
    alone (``Backlog``, ``Product Backlog``), not a guide to keeping one."""
    if _BACKLOG_TITLE.fullmatch(title) is None:
        return False
    return not any(word in _ABOUT_A_BACKLOG for word in title.casefold().split()[:-1])


def edge_stripped(text: str) -> str:
    """A heading's words without the marks round them (``## 🚀 Now:`` is ``Now``, ``(Q3)``
    keeps its brackets): what ``re.sub(r"^[^\\w(]+|[^\\w)]+$", "", text)`` leaves, in linear
    time where that pattern tried a run of marks from each of its characters (a heading of
    8,000 ``(`` before a word took 1.6 s of CPU)."""
    start = _LEADING_MARKS.match(text).end()  # type: ignore[union-attr]  # matches always
    end = len(text)
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "_)"):
        end -= 1
    return text[start:end]


# The marks before a heading's words (``\w`` is ``isalnum()`` or ``_``): one pass from the start.
# GitHub's emoji shortcodes are marks too, as the emoji they show are (``###
# :white_check_mark: Done (17)`` is ``### ✅ Done (17)`` on the page).
_LEADING_MARKS = LazyPattern(r"(?:[^\w(:]*+:[a-z0-9_+-]{1,40}:(?![\w:]))*+[^\w(]*")


# A heading that is a priority alone before its theme: ``P1`` of ``## P1 — Active``.
_PRIORITY_BAND = LazyPattern(r"P[0-4]", re.IGNORECASE)


# A section of ideas, not yet planned work: ``Ideas``, ``Future Ideas``, ``Ideas / Future
# Considerations``, GTD's ``Someday / maybe``; of a ``Category - Theme`` heading, the
# theme counts.
_IDEA_SECTION = LazyPattern(
    # a section's number before its name: ``## 5. Future Initiatives``
    r"(?:[0-9]{1,3}\.[ \t]+)?(?:"
    r"(?:(?:future|later)[ \t]+)?ideas?(?:[ \t]*(?:/|&|and)[ \t]*future[ \t]+considerations)?"
    # a TODO's last list, kept for later with its ideas: ``## Backlog & Ideas``
    r"|backlog[ \t]*(?:/|&|and)[ \t]*ideas?"
    # what a roadmap by versions keeps past its last version: ``## Beyond 1.0``
    r"|beyond[ \t]+v?[0-9]{1,4}(?:\.[0-9]{1,4}){0,2}"
    # in French: ``## 💡 Idées Futures``
    r"|id[ée]es?(?:[ \t]+futures?)?"
    # in Portuguese and Spanish: ``## 💡 Ideias Futuras``, ``## Ideas futuras``
    r"|ideias?(?:[ \t]+futuras?)?|ideas?[ \t]+futuras?"
    r"|future[ \t]+considerations|some[ \t]?day[ \t]*+(?:(?:/|&|and|or)[ \t]*+)?maybe"
    # a kanban board's column of work kept cold: ``## Icebox (Future Considerations)``
    r"|ice[ \t]?box(?:[ \t]*\([^()\n]{1,40}\))?"
    # a parking lot of ideas: ``## Parking lot``, ``## Later / ideas parking lot``
    r"|(?:later[ \t]*(?:/|&|and)[ \t]*)?(?:ideas?[ \t]+)?parking[ \t]+lot"
    # work a roadmap names for later without planning it: ``## Future Initiatives``,
    # ``## 🎯 FUTURE ENHANCEMENTS``
    r"|future[ \t]+(?:enhancements?|initiatives?|improvements?|targets?)"
    # what users ask for and what came to mind, neither yet planned: ``### Feature
    # Requests``, ``### Random ideas``
    r"|feature[ \t]+requests?|(?:random|other|misc|more)[ \t]+ideas?"
    # a TODO's wishes: ``## Musings and dreams``, ``## Wishlist``
    r"|musings(?:[ \t]+(?:and|&)[ \t]+dreams)?|wish[ \t]?list"
    # in Japanese, the long-term ideas a roadmap keeps on hold: ``## 将来構想（長期・保留項目）``
    # (the heading's closing bracket is stripped with its other edge marks)
    r"|将来構想(?:[（(][^（）()\n]*[）)]?)?"
    # in Korean, what a TODO keeps to consider later: ``## 🔮 향후 검토 항목``
    r"|향후[ \t]*검토(?:[ \t]*(?:항목|사항))?"
    # in Chinese, the future plans a TODO keeps past its iteration: ``## 🔮 未来规划 (Backlog)``
    r"|未来(?:规划|計劃|计划))",
    re.IGNORECASE,
)
# The ideas of one kind a TODO keeps apart from its work: ``## Add-on Library Ideas``
# (``## Rejected Ideas`` names a status before them: closed, no ideas to take).
_KIND_OF_IDEAS = LazyPattern(r"(?P<kind>(?:[\w-]+[ \t]+){1,2})ideas", re.IGNORECASE)
_LEADING_VERSION = LazyPattern(r"^v?\d+(?:\.(?:\d+|x))*[ \t]+(?=[A-Za-z])", re.IGNORECASE)
_DASHED_THEME = LazyPattern(r"^.*?[ \t][-—–][ \t]+(?=\S)")


# Headings of a Now / Next / Later board: statuses only in a document with several
# headings that name statuses (``## NOW`` alone is just a heading).
BOARD_WORDS = {"now": "in progress", "next": "ready", "later": "idea", "roadmap": "idea"}


# A version heading marked with its state, the mark or its shortcode after the version:
# ``## [0.4] :construction:``, ``## v1.2 🚀``. A rocket by a version says it launched.
_VERSION_MARKED = LazyPattern(
    r"[ \t]*\[?v?[0-9]+(?:\.(?:[0-9]+|x))*\]?:?[ \t]+(?P<mark>:[a-z_]{1,30}:|[^\w\s]{1,2})[ \t]*",
    re.IGNORECASE,
)
_VERSION_MARKS = {
    "🚧": "in progress",
    ":construction:": "in progress",
    "✅": "done",
    ":white_check_mark:": "done",
    "✔": "done",
    "✔️": "done",
    ":heavy_check_mark:": "done",
    "🚀": "released",
    ":rocket:": "released",
}


# The marks that check a thing off: ``✅ Working`` says it works.
_CHECKS = ("✅", "✔", "☑")


def status_of_section(section: str | None, board: bool = False) -> str | None:
    """The status a heading over items names, as a common spelling: ``## In Progress``,
    ``### 🔄 In Progress Tasks``, ``## Backlog``, ``## v0.5 parity (active)``;
    None when it names none. Only the heading's first words, or a status suffix, count:
    ``## Open questions`` is no status."""
    from roadmaplint.reader.fields import heading_status
    from roadmaplint.settings import COMMON_STATUSES, common_meaning, fold_status, run_on_status

    marked = _VERSION_MARKED.fullmatch(section or "")
    if marked is not None and marked["mark"] in _VERSION_MARKS:
        return _VERSION_MARKS[marked["mark"]]
    text = edge_stripped(section or "").strip()
    if not text:
        return None
    if text.casefold() == "working" and (section or "").lstrip()[:1] in _CHECKS:
        return None  # ``### ✅ Working:`` over what works: the product's state, no work
    suffix = heading_status(text)
    if (
        suffix is not None
        and suffix[1].casefold() == "backlog"
        and _IDEA_SECTION.fullmatch(edge_stripped(suffix[0]).strip()) is not None
    ):
        return "idea"  # ``## 💡 Ideias Futuras (Backlog)``: ideas, kept in the backlog
    if suffix is not None and _PRIORITY_BAND.fullmatch(suffix[0]):
        return None  # ``## P1 — Active``: a priority band and its theme, no status
    if suffix is not None:
        return suffix[1].lower()
    state, joined, band = text.partition(" / ")
    if joined and priority_of_section(band) is not None and priority_of_section(state) is None:
        text = state  # ``## Deferred / Low Priority``: a state and the priority it holds
    if _IDEA_SECTION.fullmatch(_DASHED_THEME.sub("", text)) is not None:
        return "idea"  # ``## Future Ideas``, ``#### Features - Future Considerations``
    kind = _KIND_OF_IDEAS.fullmatch(text)
    if kind is not None and not any(map(common_meaning, kind["kind"].split())):
        return "idea"
    # a version before the status: ``v0.2 planned``, ``0.1 released`` (docta's setext
    # headings); a version alone (``## 2.0``) names none
    text = _LEADING_VERSION.sub("", text, count=1) or text
    words = fold_status(text).split()
    if words and _GATED.fullmatch(words[0]) and _rest_is_plain(words[1:]):
        # ``## Owner-gated (see CLAUDE.local.md)``: work that waits on someone's gate,
        # blocked until it opens, and the heading says on whom
        return f"blocked on {words[0][: -len('-gated')]}"
    if board and len(words) == 1 and words[0] in BOARD_WORDS:
        return BOARD_WORDS[words[0]]
    run_on = run_on_status(words[0]) if words else None
    if run_on is not None and _rest_is_plain(words[1:]):
        return run_on  # ``## 進行中のタスク``: the status run on into what the section holds
    if len(words) == 2 and words[1] == "milestones" and words[0] in ("planned", "released"):
        # ``## Planned Milestones`` over a roadmap's version headings names their state; a
        # GSD ``## Completed Milestones`` archive leaves it to each milestone's own mark
        return words[0]
    for count in (3, 2, 1):  # ``# Not in plan``: three words
        phrase = " ".join(words[:count])
        meaning = COMMON_STATUSES.get(phrase) or (phrase if phrase == "pending" else None)
        if meaning is not None and (count == len(words) or _rest_is_plain(words[count:])):
            return phrase
    dated = _DATED_REMARK.search(text) if text.endswith(")") else None
    if dated is not None:
        # a day in brackets after the words says when: ``Completed Features (Feb 2026)``
        # (a span of months, ``Next (3-6 months)``, is a horizon's, no date)
        return status_of_section(text[: dated.start()], board)
    return None


# A word that names what a section's work waits on, run into ``gated``: ``Owner-gated``.
_GATED = LazyPattern(r"[^\W\d_]{2,20}-gated", re.IGNORECASE)


_DATED_REMARK = LazyPattern(
    r"(?<![ \t])[ \t]++\("
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[ \t]+)?"
    r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\)$",
    re.IGNORECASE,
)


# A heading that names the state the product is in now, or a build or version that is
# out: ``### Current Status (Build 009)``, ``## Shipped in 1.2``, ``## What works now``.
# Over a TODO's plain bullets it lists what the build holds, done.
_CURRENT_STATE = LazyPattern(
    r"(?:current[ \t]+(?:status|state|build|release|version)"
    r"|what[ \t]+works(?:[ \t]+now)?|(?:shipped|released|done)[ \t]+in[ \t]+v?[0-9][0-9.]{0,15})"
    # the build or version it names: ``(Build 009)``, ``(v1.2)``
    r"(?:[ \t]*\((?:build|version|release)?[ \t]*v?[0-9][0-9.]{0,15}\))?",
    re.IGNORECASE,
)


def names_the_current_state(section: str) -> bool:
    """Whether a heading names what the product holds now (``Current Status (Build 009)``,
    ``Shipped in 1.2``), not work to do."""
    return _CURRENT_STATE.fullmatch(edge_stripped(section).strip()) is not None


def status_of_sections(sections: list[str], board: bool = False) -> str | None:
    """The status the nearest of ``sections`` (nearest first) that names one gives. A
    section named only by the horizon word ``Future`` right over the items holds work put
    past the plan's horizon, ideas (a TODO's ``## Future`` after its topics); over a
    heading of its own (``## Future`` over ``### v0.4``) it only groups what is planned."""
    if sections and edge_stripped(sections[0]).strip().casefold() == "future":
        return "idea"
    for section in sections:
        named = status_of_section(section, board)
        if named is not None:
            return named
    return None


def status_headings(document: Document, board: bool = False) -> int:
    """How many different statuses the document's headings name (``# TODO``, ``## Done``;
    with ``board``, also ``## Now``, ``## Next``, ``## Later``). One status named again
    and again is no list of statuses: a changelog's ``### New Features`` under each
    release. Counted once a document: every shape's lists ask it."""
    return document.memo(f"status-headings-{board}", lambda: _status_headings(document, board))


def _status_headings(document: Document, board: bool) -> int:
    texts = document.heading_texts()
    titles = [
        text for text, heading in zip(texts, document.headings, strict=True) if heading.level == 1
    ]
    if titles and names_a_changelog(titles[0]):
        return 0  # ``## 1.2 - Plugins (Planned)``, ``## 1.1 (Released)``: releases' notes
    named = (status_of_section(text, board) for text in texts)
    return len({status for status in named if status is not None})


def titled_a_changelog(document: Document) -> bool:
    """Whether the document's first title (level 1) names a record of releases."""
    texts = document.heading_texts()
    titles = [
        text for text, heading in zip(texts, document.headings, strict=True) if heading.level == 1
    ]
    return bool(titles) and names_a_changelog(titles[0])


# The kinds of change a release's notes sort its entries by (keepachangelog.com's words):
# ``### Added``, ``### Fixed``; what is listed under them was released, no work to do.
_KINDS_OF_CHANGE = frozenset(
    ("added", "changed", "deprecated", "removed", "fixed", "security", "bug fixes", "features")
)


def names_a_kind_of_change(section: str | None) -> bool:
    """Whether a heading is one of a release's kinds of change (``### Added``)."""
    return section is not None and " ".join(section.casefold().split()) in _KINDS_OF_CHANGE


def names_a_changelog(title: str) -> bool:
    """Whether a document's title names a record of releases (``Changelog``, ``Release
    Notes``): its headings' statuses (``(Planned)``, ``(Released)``) are releases', and
    what is listed under them changes made, no work."""
    words = " ".join(title.casefold().replace("-", " ").split())
    return any(name in words for name in ("changelog", "change log", "release notes"))


def _rest_is_plain(words: list[str]) -> bool:
    """Whether the words after a status in a heading only name what it holds, or are a
    remark in brackets (``## COMPLETED (This Session)``, ``## In Progress (week 12)``)."""
    if words and words[0].startswith("(") and words[-1].endswith(")"):
        return " ".join(words).count("(") == 1
    # ``## Active now``: the time the status holds at, no name; ``## Implemented RFCs``:
    # the kind of entry the list holds
    plain = (
        "tasks",
        "items",
        "work",
        "features",
        "issues",
        "bugs",
        "tickets",
        "now",
        "rfcs",
        "proposals",
        "epics",  # ``## Completed EPICs``
        "recently",  # ``## Completed Recently``, ``## ✅ Completadas Recientemente``
        "recientemente",
    )
    return all(word in plain for word in words)


class Taken(set[str]):
    """The references a document's items hold so far, and for each title's reference
    the last number given it: the next item of that title tries the numbers after it
    (50,000 boxes of one title tried each number from 2 again: 37 s of CPU)."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        super().__init__(names)
        self.numbers: dict[str, int] = {}


def _folded(word: str) -> str:
    """A title's word as a reference writes it: lower case (``İ`` without the dot the
    lowering leaves after it, ``ı`` kept), at most ``_WORD_LENGTH`` characters of a word
    in a script written without spaces (Chinese, Japanese: ``\u2e80`` on)."""
    folded = word.lower().replace("\u0307", "")
    return folded[:_WORD_LENGTH] if any(char >= "\u2e80" for char in folded) else folded


def _title_words(title: str) -> list[str]:
    """A title's words, composed as typed precomposed (``Café`` typed with a combining
    accent is ``café``), each with its marks: Hindi's vowel signs and a decomposed
    accent are no letters to a regular expression, and cut a word where they stand."""
    if title.isascii():
        return _WORD.findall(title)
    import unicodedata  # only for a title outside ASCII

    words: list[str] = []
    word: list[str] = []
    for char in unicodedata.normalize("NFC", title):
        if char.isalnum() or (word and unicodedata.category(char)[0] == "M"):
            word.append(char)
        elif word:
            words.append("".join(word))
            word = []
            if len(words) == REFERENCE_WORDS:
                return words
    if word:
        words.append("".join(word))
    return words


def reference_from_title(title: str, taken: set[str]) -> str:
    """A reference for an item written without an ID: the first words of its title in
    any script, lower case, joined by ``-`` (``Fix the login page`` ->
    ``fix-the-login-page``, ``Übersetzen`` -> ``übersetzen``, ``專案初始化`` as written);
    ``-2``, ``-3`` ... when another item already has it. A number below the last one
    given is taken already (the set only grows), so a ``Taken`` starts after it."""
    words = [_folded(word) for word in _title_words(title)[:REFERENCE_WORDS]]
    base = "-".join(words) or "item"
    numbers = taken.numbers if isinstance(taken, Taken) else {}
    number = numbers.get(base, 1)
    reference = base if number == 1 else f"{base}-{number}"
    while reference in taken:
        number += 1
        reference = f"{base}-{number}"
    numbers[base] = number
    taken.add(reference)
    return reference


def _entries(value: str, dialect: Dialect) -> list[tuple[str, str | None, str]]:
    """Each entry of a dependency value as (entry, the ID its first word names or None,
    the rest after that word): cut at commas, semicolons and `` and ``; "none" and its
    like are no entry."""
    id_only = patterns(dialect.id_pattern).id_only
    found: list[tuple[str, str | None, str]] = []
    for part in re.split(r",|;|\band\b", value):
        name = part.strip().strip(".")
        if name.lower() in _NO_DEPENDENCY:
            continue
        words = name.split(maxsplit=1)
        first = words[0].strip("#`*()[]") if words else ""
        rest = words[1].strip() if len(words) == 2 else ""
        found.append((name, first if id_only.fullmatch(first) else None, rest))
    return found


def split_references(value: str, dialect: Dialect) -> tuple[list[str], list[str]]:
    """The IDs a dependency value names, and what else it names: an entry whose first
    word is an ID names that ID (the rest is its note), anything else is external."""
    from roadmaplint.reader.fields import id_range

    references: list[str] = []
    externals: list[str] = []
    id_only = patterns(dialect.id_pattern).id_only
    for name, item_id, _ in _entries(value, dialect):
        # ``E-01 through E-08`` names every task of the range, as a heading's field does
        spanned = id_range(name, id_only) if item_id is not None else []
        if spanned:
            references += spanned
        elif item_id is not None:
            references.append(item_id)
        else:
            externals.append(name)
    return references, externals


def reference_notes(value: str, dialect: Dialect) -> tuple[tuple[str, str], ...]:
    """What each entry naming an ID says after it (``A-1 merged upstream``: ``merged
    upstream``), cut as ``split_references`` cuts; marks alone (``✅``) are no note."""
    notes: dict[str, str] = {}
    for _, item_id, rest in _entries(value, dialect):
        if item_id is not None and any(char.isalnum() for char in rest):
            notes.setdefault(item_id, rest)
    return tuple(notes.items())


# The words that open a condition after a priority level: ``Low until Core kits are stable``.
_CONDITIONS = frozenset({"until", "unless", "once", "after", "before", "when", "while", "if"})
# A Priority cell that says no level has been given yet.
_UNDECIDED = frozenset({"tbd", "tba", "?"})
_LEVEL = LazyPattern(r"P[0-4]")


def priority_level(written: str | None) -> str | None:
    """A Priority cell as a person reads the level: none where the cell says the work's
    state instead (``Complete``, in a roadmap at a glance whose finished milestones have no
    urgency left), and the level alone before a condition (``Low until Core/Core kits are
    stable`` is Low)."""
    from roadmaplint.settings import common_meaning

    if written is None:
        return None
    words = written.split()
    if len(words) == 1 and words[0].casefold() not in PRIORITY_WORDS:
        meaning = common_meaning(written)
        if meaning is not None and meaning in ("done", "closed"):
            return None
    if len(words) == 1 and words[0].casefold() in _UNDECIDED:
        return None  # ``| 11 | Multi-GPU PPO training | TBD | 🟡 |``: no level set yet
    level = bool(words) and (words[0].casefold() in PRIORITY_WORDS or _LEVEL.fullmatch(words[0]))
    if len(words) > 2 and level and (words[1] in _CONDITIONS or words[1].startswith("(")):
        return words[0]  # ``P0 (Bucket A) / ⚪ (NuRec PR-2)``: the level, a note on its parts
    return written


def make_item(
    item_id: str,
    title: str,
    section: str | None,
    position: Position,
    end_line: int,
    fields: Iterable[Field],
    dialect: Dialect | None,
    done: tuple[object, ...] = (),
    named_by_title: bool = False,
) -> Item:
    """An item of ``fields``, its status, priority, owner and dependencies read from them.
    ``dialect`` reads a Depends on field; a reading that gives no such field (a task that
    says only its state) may pass None."""
    from roadmaplint.model import DoneCriterion

    found = tuple(fields)
    first: dict[str, Field] = {}
    for candidate in found:
        first.setdefault(candidate.key, candidate)

    def value(key: str) -> str | None:
        field = first.get(key)
        return field.value if field is not None and field.value else None

    depends = first.get(DEPENDS_ON)
    references: list[str] = []
    externals: list[str] = []
    notes: tuple[tuple[str, str], ...] = ()
    if depends is not None:
        if dialect is None:
            raise ValueError("a Depends on field is read only with the document's dialect")
        references, externals = split_references(depends.value, dialect)
        notes = reference_notes(depends.value, dialect)
    return Item(
        id=item_id,
        title=title,
        section=section,
        position=position,
        end_line=end_line,
        fields=found,
        status=value("status"),
        priority=priority_level(value("priority")),
        dri=named_owner(value("dri")),
        depends_on=tuple(references),
        external_deps=tuple(externals),
        definition_of_done=tuple(d for d in done if isinstance(d, DoneCriterion)),
        dependency_notes=notes,
        named_by_title=named_by_title,
    )


# A bullet that opens with a bold title, not a bold field label: ``- **Title.** text``,
# not ``- **Status:** done``.
_BOLD_TITLED_BULLET = LazyPattern(r"[-*+][ \t]+\*\*(?![\"'“‘])[^*:]{2,200}\*\*(?![ \t]*:)")
_RULE = LazyPattern(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
_FEWEST_GROUPED = 2


def group_of_bold_bullets(body: list[str]) -> bool:
    """Whether the lines under a heading are only a list of bullets that each open with a
    bold title, two or more (``## 6. Smaller items`` over ``- **`defaults.json` is
    dead.** Unread at runtime``): the heading groups small items, each bullet one; it is
    no item itself. Lines indented under a bullet are its text; a rule may close it."""
    bullets = 0
    for line in body:
        if not line.strip() or line[:1] in " \t" or _RULE.fullmatch(line.strip()):
            continue
        if _BOLD_TITLED_BULLET.match(line) is None:
            return False
        bullets += 1
    return bullets >= _FEWEST_GROUPED


# A document that reports where a project stands: ``# Success Sprout - Project Status``,
# ``# Implementation status``, ``# Status Report``; or, untitled, a file named so
# (``STATUS.md``, ``PROJECT_STATUS.md``).
_STATUS_REPORT_TITLE = LazyPattern(
    r"(?:[^\n]{1,60}?[ \t][-—–:|][ \t]*)?"
    r"(?:(?:[^\n]{1,60}?[ \t])?(?:project|implementation|development|features?|build)[ \t]+)?"
    r"(?:status(?:[ \t]+report)?|progress[ \t]+report)",
    re.IGNORECASE,
)
# A status page of running systems (``# 🟢 System Status``): how they run, no work.
_RUNNING_STATUS = LazyPattern(r"(?i:\b(?:system|service|server|uptime|network)s?[ \t]+status\b)")
_STATUS_FILE = LazyPattern(r"(?:[\w-]*[_-])?status\.(?:md|markdown)", re.IGNORECASE)


def titled_a_status_report(document: Document) -> bool:
    """Whether the document reports a project's status: its one level-1 heading ends by
    naming it so, or, with no level-1 heading, its file's name does. Its tables of
    features by their state and its lists under headings that name a state of the work
    are what it reports, where a README's matrix of what a program supports is no plan."""

    def titled() -> bool:
        tops = [heading for heading in document.headings if heading.level == 1]
        if len(tops) > 1:
            return False
        if tops:
            title = edge_stripped(document.inline(tops[0].source)).strip()
            return (
                _STATUS_REPORT_TITLE.fullmatch(title) is not None
                and _RUNNING_STATUS.search(title) is None
            )
        name = document.path.replace("\\", "/").rpartition("/")[2]
        return _STATUS_FILE.fullmatch(name) is not None

    return document.memo("titled_a_status_report", titled)
