"""What a rule is: its metadata, its documentation and the function that checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from roadmaplint.findings import Cited, Finding, Severity
from roadmaplint.index import Context
from roadmaplint.model import Item, Position
from roadmaplint.record import field, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Literal

    Scope = Literal["item", "document"]

Check = Callable[[Context], Iterable["Report"]]


@record
class Report:
    """What a check function yields; the registry turns it into a Finding."""

    position: Position
    message: str
    item: str | None = None
    fixable: bool | None = None  # None: as the rule says; False where fix would refuse
    cited: tuple[Cited, ...] = ()  # the lines the message names (findings.said)


@record(slots=False)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    bad: str  # a roadmap fragment that fails
    good: str  # the same fragment corrected
    check: Check = field(repr=False, compare=False)
    fixable: bool = False
    # False for the rules that speak when no item was read: the others would only
    # add noise (missing legends, a missing overview) to the one finding that matters.
    reads_items: bool = True
    # What lets the editor re-run the rule after an edit to one item (rules/incremental.py).
    # "item": the rule reports on each item of ``context.checked_items`` alone, inside that
    # item's lines; "document": it reports on the document as a whole.
    scope: Scope = "document"
    # What of an item, other than the one reported on, the findings read: record
    # attributes ("id", "status", "priority", ...), "neighbours" (the nearest items with
    # fields), or "anchors" (the document's headings and its links to them: an edit that
    # may change either, ``ItemEdit.anchors``). An edit that changes none of them leaves
    # the other findings as they were.
    reads: frozenset[str] = frozenset()
    # Messages name other lines as text only, not as ``Report.cited`` (``findings.said``):
    # an added line, which moves them, runs the rule again rather than move its findings.
    cites_lines: bool = False
    # For findings that change with the clock (an expiring claim): the items to check
    # again on every edit.
    clock: Callable[[Item], bool] | None = field(default=None, repr=False, compare=False)

    def run(self, context: Context) -> Iterator[Finding]:
        return self.findings(context.roadmap.path, self.check(context))

    def findings(self, path: str, reports: Iterable[Report]) -> Iterator[Finding]:
        for report in reports:
            yield Finding(
                path=path,
                line=report.position.line,
                column=report.position.column,
                code=self.code,
                severity=self.severity,
                message=report.message,
                item=report.item,
                fixable=self.fixable if report.fixable is None else report.fixable,
                cited=report.cited,
            )
