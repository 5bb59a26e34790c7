"""The Finding record every rule produces and every report reads."""

from __future__ import annotations

from enum import StrEnum

from roadmaplint.record import record


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@record(order=True)
class Cited:
    """A line a message names, at ``start:end`` of the message (``on line 3``,
    ``line 3``): a task folder's findings name it anew as a task file's line from this
    record, never by searching the message, where a title may say "on line 3" too."""

    start: int
    end: int
    line: int
    lead: str = ""  # "on " as written before it: "on line 3" or "in tasks/x.md:3"


@record
class Line:
    """A line to cite in a message ``said`` builds: written ``{lead}line {line}``."""

    line: int
    lead: str = ""


def said(*parts: str | Line) -> tuple[str, tuple[Cited, ...]]:
    """A message of text and cited lines, and where in it each line is cited."""
    text, cited = "", []
    for part in parts:
        if isinstance(part, Line):
            written = f"{part.lead}line {part.line}"
            cited.append(Cited(len(text), len(text) + len(written), part.line, part.lead))
            part = written
        text += part
    return text, tuple(cited)


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
    # The lines the message names, as data; none once a task folder's are placed.
    cited: tuple[Cited, ...] = ()

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
