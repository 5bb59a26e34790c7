"""Report formats: each module turns sorted findings into text for one audience."""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.findings import Finding, Severity
from roadmaplint.record import record

FORMATS = ("text", "json", "github", "sarif")


@record
class Tally:
    errors: int
    warnings: int
    fixable: int

    @classmethod
    def of(cls, findings: Sequence[Finding]) -> Tally:
        errors = sum(1 for finding in findings if finding.severity is Severity.ERROR)
        return cls(
            errors=errors,
            warnings=len(findings) - errors,
            fixable=sum(1 for finding in findings if finding.fixable),
        )


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(findings: Sequence[Finding], older: tuple[int, str] | None = None) -> str:
    """``Found 2 errors and 3 warnings; 1 fixable with roadmaplint fix.``

    ``older``: with ``check --since``, how many findings already in which revision
    were left out: ``Found 1 error and 0 warnings new since main; 6 older left out.``
    """
    if older is not None:
        count, revision = older
        left = f"{plural(count, 'older finding')} (already in {revision}) left out"
        if not findings:
            return f"No new findings since {revision}; {left}."
        tally = Tally.of(findings)
        return (
            f"Found {plural(tally.errors, 'error')} and {plural(tally.warnings, 'warning')} "
            f"new since {revision}; {left}."
        )
    if not findings:
        return "All checks passed."
    tally = Tally.of(findings)
    line = f"Found {plural(tally.errors, 'error')} and {plural(tally.warnings, 'warning')}"
    if tally.fixable:
        line += f"; {tally.fixable} fixable with roadmaplint fix"
    return line + "."
