"""The Finding record every rule produces and every report reads."""

from __future__ import annotations

from enum import StrEnum

from roadmaplint.record import record


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@record(order=True)
class Finding:
    # Field order is the sort order: path, line, column, code.
    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    item: str | None = None
    fixable: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "item": self.item,
            "fixable": self.fixable,
        }
