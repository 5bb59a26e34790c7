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
    ``line 3``, ``lines 4-6``, or ``4-6`` in a list the message heads with "lines"): a
    task folder's findings name it anew as a task file's line from this record, never
    by searching the message, where a title may say "on line 3" too."""

    start: int
    end: int
    line: int
    lead: str = ""  # "on " as written before it: "on line 3" or "in tasks/x.md:3"
    last: int | None = None  # the last line of a span of lines: ``lines 4-6``
    word: str = "line "  # what stands before the number: "line ", "lines " or nothing

    def written(self, line: int, last: int | None) -> str:
        """The citation written with these lines (the same lines, or placed anew)."""
        return _citation(self.lead, self.word, line, last)


def _citation(lead: str, word: str, line: int, last: int | None) -> str:
    return f"{lead}{word}{line}" + ("" if last is None else f"-{last}")


@record
class Line:
    """A line to cite in a message ``said`` builds: written ``{lead}line {line}``; with
    ``last``, a span written ``{lead}lines {line}-{last}``; ``bare``: the number alone
    (``4-6``), in a list that the message's own "lines" heads."""

    line: int
    lead: str = ""
    last: int | None = None
    bare: bool = False


def said(*parts: str | Line) -> tuple[str, tuple[Cited, ...]]:
    """A message of text and cited lines, and where in it each line is cited."""
    text, cited = "", []
    for part in parts:
        if isinstance(part, Line):
            word = "" if part.bare else "line " if part.last is None else "lines "
            written = _citation(part.lead, word, part.line, part.last)
            end = len(text) + len(written)
            cited.append(Cited(len(text), end, part.line, part.lead, part.last, word))
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
