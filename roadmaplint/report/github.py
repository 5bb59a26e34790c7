"""GitHub Actions workflow commands, and the markdown job summary.

GitHub shows at most 10 error and 10 warning annotations per step, so the job
summary carries the full table.
"""

from __future__ import annotations

from collections.abc import Sequence

from roadmaplint.findings import Finding
from roadmaplint.report import Tally, plural
from roadmaplint.text import shown


def escape_data(text: str) -> str:
    """The runner reads back %25, %0D and %0A; any other control is shown escaped."""
    return shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: Sequence[Finding]) -> str:
    lines = []
    for finding in findings:
        properties = ",".join(
            (
                f"file={escape_property(finding.path)}",
                f"line={finding.line}",
                f"col={finding.column}",
                f"title={escape_property(finding.code)}",
            )
        )
        lines.append(f"::{finding.severity.value} {properties}::{escape_data(finding.message)}\n")
    return "".join(lines)


def _cell(text: str) -> str:
    return shown(text.replace("\\", "\\\\").replace("|", "\\|"))


def job_summary(
    findings: Sequence[Finding], paths: Sequence[str], nothing_read: bool = False
) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: counts by severity and every finding; of
    files that read no item, that nothing was checked, as the text report says."""
    checked = ", ".join(f"`{_cell(path)}`" for path in paths)
    lines = [f"### roadmaplint: {checked}", ""]
    if not findings:
        lines += [
            "No items read: nothing was checked." if nothing_read else "All checks passed.",
            "",
        ]
        return "\n".join(lines) + "\n"
    tally = Tally.of(findings)
    lines += [
        f"**{plural(tally.errors, 'error')}**, **{plural(tally.warnings, 'warning')}**"
        + (f", {tally.fixable} fixable with `roadmaplint fix`" if tally.fixable else ""),
        "",
        "| Location | Code | Severity | Message |",
        "| --- | --- | --- | --- |",
    ]
    for finding in findings:
        lines.append(
            f"| `{_cell(finding.path)}:{finding.line}:{finding.column}` | {finding.code} | "
            f"{finding.severity.value} | {_cell(finding.message)} |"
        )
    return "\n".join(lines) + "\n\n"
