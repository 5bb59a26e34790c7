"""What a rule is: its metadata, its documentation and the function that checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from roadmaplint.findings import Finding, Severity
from roadmaplint.index import Context
from roadmaplint.model import Position

Check = Callable[[Context], Iterable["Report"]]


@dataclass(frozen=True, slots=True)
class Report:
    """What a check function yields; the registry turns it into a Finding."""

    position: Position
    message: str
    item: str | None = None
    fixable: bool | None = None  # None: as the rule says; False where fix would refuse


@dataclass(frozen=True)
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
            )
