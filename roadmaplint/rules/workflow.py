"""Rules about states that contradict each other (RL501-RL506)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from roadmaplint.findings import Severity
from roadmaplint.index import Context
from roadmaplint.model import Item, Position
from roadmaplint.reader import DEFINITION_OF_DONE
from roadmaplint.reader.quiet import (
    asks_for,
    has_heading_items,
    in_own_format,
    names_owners,
    writes_done_criteria,
)
from roadmaplint.rules.base import Report, Rule
from roadmaplint.settings import Statuses
from roadmaplint.text import LazyPattern


def unowned_work(context: Context) -> Iterator[Report]:
    if not (
        names_owners(context.roadmap, context.settings)
        or in_own_format(context.roadmap)
        or "dri" in (name.lower() for name in context.settings.required_fields)
        or asks_for(context.settings, "RL501", "in-progress-without-dri")
    ):
        return  # a plan that never names owners is not missing one on each item
    statuses = context.settings.statuses
    for item in context.checked_items:
        if not statuses.is_in_progress(item.status):
            continue
        if context.settings.is_unassigned(item.dri):
            dri = item.field("dri")
            yield Report(
                dri.value_position if dri is not None else item.position,
                f"{item.id} is {item.status} but has no DRI; name who is working on it",
                item.id,
            )


# A document that reports a period's work (``# Weekly report — 2024-05-06``, ``# Sprint 12
# update``, ``# Daily standup``): what stood where that week, no plan to unblock.
_PERIOD_REPORT = LazyPattern(
    r"(?i:\b(?:weekly|daily|monthly|biweekly|fortnightly|quarterly|sprint(?:[ \t]+[0-9]{1,4})?)"
    r"[ \t]+(?:status[ \t]+)?(?:report|update|summary|recap)\b|\bstand-?ups?\b)"
)


def blocked_without_dependency(context: Context) -> Iterator[Report]:
    title = context.roadmap.title or ""
    if _PERIOD_REPORT.search(title) and not asks_for(
        context.settings, "RL502", "blocked-without-dependency"
    ):
        return  # a week's report says what was blocked then; it is no plan to unblock it
    statuses = context.settings.statuses
    lines: list[str] = []  # split only when a blocked item names no dependency
    for item in context.checked_items:
        if not statuses.is_blocked(item.status) or item.depends_on or item.external_deps:
            continue
        lines = lines or context.roadmap.source.splitlines()
        if (
            not _says_why(item.status, statuses)
            and not _waits_in_words(item, lines)
            and not _says_what_stands_in_the_way(item, lines)
            and not _reason_in_blocked_table(item, lines)
        ):
            # a status read from the heading (`## A-1 Title (blocked)`) has no field
            status = item.field("status")
            yield Report(
                status.value_position if status is not None else item.position,
                f"{item.id} is {item.status} but names no dependency; say what it waits "
                "for under Depends on",
                item.id,
            )


def _says_why(status: str | None, statuses: Statuses) -> bool:
    """Whether a blocked status says what blocks it in words after the blocked word
    (``Blocked - CI failures``, ``BLOCKED (vendor contract)``): what it waits for is
    said, though no item of the plan is named."""
    head, _, rest = (status or "").strip().partition(" ")
    words = [word for word in _WORD.findall(rest.lower()) if word not in _SAY_NOTHING]
    return statuses.is_blocked(head.strip(":-—–")) and bool(words)


def _waits_in_words(item: Item, lines: list[str]) -> bool:
    """Whether the item's own text says what it waits for (a table row's notes, ``Waiting
    on George to copy the spec files``; ``blocked by the vendor's contract``), or a field
    of notes on the item says it (``**Notes**: Port 8001 is bound by another process;
    need it freed``): said in words, though no item of the plan is named."""
    if any(field.key in _WHY_FIELDS and field.value.strip() for field in item.fields):
        return True
    own = lines[item.position.line - 1 : max(item.end_line, item.position.line)]
    return any(_WAITS.search(line) or _WHY_LINE.match(line) for line in own)


def _reason_in_blocked_table(item: Item, lines: list[str]) -> bool:
    """Whether another table of the file gives the item's row a reason (``| TASK-003 |
    ... | Scope mismatch: ... |`` under ``| ID | Title | Blocked Since | Reason |``): a
    queue's Blocked table, which says what each blocked task waits for, in words."""
    columns: list[str] = []
    for at, line in enumerate(lines, start=1):
        text = line.strip()
        if not text.startswith("|"):
            columns = []
            continue
        cells = [cell.strip().strip("*_` ").lower() for cell in text.strip("|").split("|")]
        if not columns:
            columns = cells  # a table's header row
            continue
        if at == item.position.line or not cells or cells[0] != item.id.lower():
            continue
        for name, cell in zip(columns, cells, strict=False):
            if name in _WHY_FIELDS and any(char.isalpha() for char in cell):
                return True
    return False


# The fields in which a blocked item says what it waits for, in words.
_WHY_FIELDS = frozenset({"notes", "note", "blocker", "blockers", "reason", "blocked reason"})
# The same written on a line of its own further down: ``**Notes**: Blocked pending ...``.
_WHY_LINE = LazyPattern(
    r"[ \t]*(?:[-*+][ \t]+)?\*{0,2}(?:notes?|blockers?|reason)\*{0,2}[ \t]*:\*{0,2}[ \t]*\w",
    re.IGNORECASE,
)


# What it waits for, in words or under a label (``**BLOCKED on:** `decode```), or as the
# column of its own tasks' table that says what each waits for (``| Task | Blocked on |``).
def _says_what_stands_in_the_way(item: Item, lines: list[str]) -> bool:
    """Whether a bullet under a Blocked heading, with no field of its own, is a sentence
    saying what blocks the work (``- The current licence may conflict with a paid
    model.``, ``- Need better zone placement before more map features.``): the blocker
    said, where ``- Printer output`` names only the work that waits."""
    if [field.key for field in item.fields] != ["status"]:
        return False
    line = lines[item.position.line - 1] if item.position.line <= len(lines) else ""
    if not _BULLET_LINE.match(line) or _STATUS_WORD.search(line):
        return False  # a box or row that writes its own status said it was blocked
    said = " ".join(lines[item.position.line - 1 : max(item.end_line, item.position.line)])
    said = said.rstrip()  # the whole bullet: a sentence may wrap onto lines below
    return said.endswith(".") and _STANDS_IN_THE_WAY.search(said) is not None


_BULLET_LINE = LazyPattern(r"[ \t]*[-*+][ \t]+(?!\[)")
_STATUS_WORD = LazyPattern(r"\bblocked\b|\bstatus\b", re.IGNORECASE)
# The words of a sentence that says why something cannot go on.
_STANDS_IN_THE_WAY = LazyPattern(
    r"\b(?:needs?|needed|requires?|until|before|because|is|are|isn't|aren't|not|cannot"
    r"|can't|missing|lacks?|conflicts?)\b",
    re.IGNORECASE,
)


_WAITS = LazyPattern(
    r"\b(?:(?:waiting|waits|wait)[ \t]+(?:on|for)|blocked[ \t]+(?:on|by))\b"
    r"[ \t:*_`]*+(?:\w|\|)"
    r"|\bawaiting[ \t]+\w"
    # a row's note that says what it needs: ``Needs interactive auth``
    r"|\b(?:needs|requires)[ \t]+\w",
    re.IGNORECASE,
)


# Words after "blocked" that say when, or that nobody knows yet, not what it waits for.
_SAY_NOTHING = frozenset(
    {"tbd", "tba", "todo", "unknown", "n", "a", "na", "none", "since", "until"}
)
_WORD = LazyPattern(r"[^\W\d_]+")


def missing_definition_of_done(context: Context) -> Iterator[Report]:
    if not (
        writes_done_criteria(context.roadmap)
        or (in_own_format(context.roadmap) and has_heading_items(context.roadmap))
        or asks_for(context.settings, "RL503", "missing-definition-of-done")
    ):
        return  # a plan that writes no Definition of Done anywhere is not missing one
    statuses = context.settings.statuses
    legend = context.legend_statuses
    for item in context.checked_items:
        if item.status is None or item.status not in legend or statuses.is_idea(item.status):
            continue
        done = item.field(DEFINITION_OF_DONE)
        if not item.definition_of_done and (done is None or not done.value):
            yield Report(
                item.position,
                f"{item.id} is {item.status} but has no Definition of Done; list what finishes it",
                item.id,
            )


def done_with_open_boxes(context: Context) -> Iterator[Report]:
    statuses = context.settings.statuses
    lines: list[str] = []  # split only when there is something to report
    for item in context.checked_items:
        if not statuses.is_done(item.status):
            continue
        boxes = [done for done in item.definition_of_done if done.checked is not None]
        open_boxes = [done for done in boxes if done.checked is False]
        if not open_boxes:
            continue
        lines = lines or context.roadmap.source.splitlines()
        first = open_boxes[0]
        text = lines[first.line - 1] if first.line <= len(lines) else ""
        column = text.find("[") + 1 if "[" in text else 1
        named = f": {first.text}" + (
            f" (and {len(open_boxes) - 1} more)" if len(open_boxes) > 1 else ""
        )
        yield Report(
            Position(first.line, column),
            f"{item.id} is {item.status} but {len(open_boxes)} of {len(boxes)} Definition of "
            f"Done boxes are unchecked{named}; tick them or reopen {item.id}",
            item.id,
        )


def stale_in_progress(context: Context) -> Iterator[Report]:
    days = context.settings.stale_after_days
    facts = context.facts
    if days is None or facts is None:
        return
    statuses = context.settings.statuses
    for item in context.checked_items:
        started = facts.in_progress_since.get(item.id)
        if not statuses.is_in_progress(item.status) or started is None:
            continue
        since, commit = started
        age = (facts.now - since).days
        if age > days:
            status = item.field("status")
            yield Report(
                status.value_position if status is not None else item.position,
                f"{item.id} has been {item.status} for {age} days (since {since.date()}, "
                f"commit {commit[:7]}), more than stale-after-days = {days}; finish it, "
                "split it, or say what holds it up",
                item.id,
            )


STALE_IN_PROGRESS = Rule(
    code="RL505",
    name="stale-in-progress",
    severity=Severity.WARNING,
    summary="An item has been in_progress for longer than `stale-after-days` (by git history).",
    why="Work that stays in progress for months is usually stalled; the roadmap should say "
    "so. Off unless `stale-after-days` is set; it reads the roadmap's git history.",
    bad="- **Status:** in_progress   <!-- since a commit 200 days ago -->\n",
    good="- **Status:** blocked\n- **Depends on:** review capacity\n",
    check=stale_in_progress,
    scope="item",
)


def stale_claims(context: Context) -> Iterator[Report]:
    from roadmaplint.reader.claims import CLAIMED_BY, LONGEST_CLAIM_MINUTES, now_utc, read_claim

    claimed = [
        (item, claim) for item in context.checked_items if (claim := read_claim(item)) is not None
    ]
    if not claimed:
        return  # a plan without claims needs no clock: datetime stays unimported
    from datetime import timedelta

    now = now_utc()
    # an hour of slack for clocks that disagree; claim_item never writes past the limit
    latest = now + timedelta(minutes=LONGEST_CLAIM_MINUTES, hours=1)
    statuses = context.settings.statuses
    for item, claim in claimed:
        found = item.field(CLAIMED_BY)
        where = found.value_position if found is not None else item.position
        if claim.until is None:
            yield Report(
                where,
                f"{item.id}'s Claimed by {claim.written!r} does not read as "
                "AGENT until ISO-TIME (e.g. @claude until 2026-12-06T10:30:00Z)",
                item.id,
            )
        elif statuses.is_done(item.status):
            yield Report(
                where,
                f"{item.id} is {item.status} but still {claim.spelled()}; remove the claim",
                item.id,
            )
        elif claim.expired(now):
            yield Report(
                where,
                f"{item.id}'s claim by {claim.agent} expired at "
                f"{claim.written.rsplit(' ', 1)[-1]}; renew it or remove it",
                item.id,
            )
        elif claim.until > latest:
            yield Report(
                where,
                f"{item.id}'s claim by {claim.agent} runs until "
                f"{claim.written.rsplit(' ', 1)[-1]}, longer than the "
                f"{LONGEST_CLAIM_MINUTES // (24 * 60)} days claim_item grants; a claim is "
                "renewed while the work goes on, not held for ever",
                item.id,
            )


def _claimed(item: Item) -> bool:
    from roadmaplint.reader.claims import CLAIMED_BY

    return item.field(CLAIMED_BY) is not None


STALE_CLAIM = Rule(
    code="RL506",
    name="stale-claim",
    severity=Severity.WARNING,
    summary="A `Claimed by` claim has expired, runs longer than 7 days, is on a done item, "
    "or does not read.",
    why="A claim (`Claimed by: AGENT until TIME`, written by the MCP server's `claim_item`) "
    "keeps other agents off an item while one works on it. An expired claim is work "
    "abandoned or a claim not renewed; a claim on a done item was never released; a claim "
    "written to run for more than 7 days (what claim_item grants), such as one until the "
    "year 9999, would hold the item for ever. Such a claim is still honoured until it "
    "expires: `next` does not offer the item.",
    bad="- **Status:** ready\n- **Claimed by:** @claude until 2020-01-01T00:00:00Z\n",
    good="- **Status:** in_progress\n- **DRI:** @claude\n",
    check=stale_claims,
    scope="item",
    clock=_claimed,
)


RULES = (
    Rule(
        code="RL501",
        name="in-progress-without-dri",
        severity=Severity.WARNING,
        summary="An in_progress item has no DRI (empty or `_unassigned_`).",
        why="Work in progress that nobody owns is work nobody can be asked about. An item "
        "is unassigned with no DRI, an empty one, or one of the `no-dri` words (default: "
        "unassigned, none, nobody, tbd, n/a, -, –, —, ?, in any case); `list --dri "
        "unassigned` finds the same items. Without configuration it is reported only in a "
        "plan that names an owner on some item (a DRI that is none of those words), "
        "requires DRI, or is in roadmaplint's format.",
        bad="- **DRI:** _unassigned_\n- **Status:** in_progress\n",
        good="- **DRI:** @janpf\n- **Status:** in_progress\n",
        check=unowned_work,
        scope="item",
        reads=frozenset({"field_names"}),  # whether any item names an owner decides
    ),
    Rule(
        code="RL502",
        name="blocked-without-dependency",
        severity=Severity.WARNING,
        summary="A blocked item names no dependency.",
        why="A blocked item should say what it waits for, or nobody can unblock it. A status "
        "that says it after the blocked word (`Blocked - CI failures`) has said it, and so "
        "has the item's own text (a table row's notes: `Waiting on George to copy the spec "
        "files`; a `**Blocked on:**` line; its tasks' `Blocked on` column; the Reason cell "
        "of its row in a queue's Blocked table; a bullet under "
        "`## Blocked` that is a sentence saying what stands in the way); a date or a "
        "placeholder (`Blocked - TBD`) has not. A report of a period's work (`# Weekly "
        "report`, `# Sprint 12 update`) says what was blocked then, no plan to unblock it: "
        "it is checked only where `select` names the rule.",
        bad="- **Status:** blocked\n",
        good="- **Status:** blocked\n- **Depends on:** GRAPH-1, multi-node CI runners\n",
        check=blocked_without_dependency,
        scope="item",
    ),
    Rule(
        code="RL503",
        name="missing-definition-of-done",
        severity=Severity.WARNING,
        summary="An item past `idea` has no Definition of Done.",
        why="Once an item is scoped, people need to know when it is finished. Without "
        "configuration it is reported only in a plan that writes a Definition of Done on "
        "some item, or whose heading items are in roadmaplint's format (with legends).",
        bad="## [BE-6] Backend Exploration\n\n- **Status:** ready\n",
        good="## [BE-6] Backend Exploration\n\n- **Status:** ready\n"
        "- **Definition of Done:**\n  - Written comparison of two candidate backends\n",
        check=missing_definition_of_done,
        scope="item",
        reads=frozenset({"writes_done"}),  # whether any item writes a DoD decides
    ),
    Rule(
        code="RL504",
        name="done-with-unchecked-boxes",
        severity=Severity.WARNING,
        summary="A done item's Definition of Done has unchecked boxes.",
        why="Either the work is finished and the boxes were not ticked, or it is not done; "
        "readers cannot tell which. Tick the boxes (`roadmaplint` counts `[x]`) or reopen "
        "the item. Plain bullets without a box are not counted.",
        bad="- **Status:** done\n- **Definition of Done:**\n  - [x] Import works\n"
        "  - [ ] Example published\n",
        good="- **Status:** done\n- **Definition of Done:**\n  - [x] Import works\n"
        "  - [x] Example published\n",
        check=done_with_open_boxes,
        scope="item",
    ),
    STALE_IN_PROGRESS,
    STALE_CLAIM,
)
