"""The human report: ``PATH:LINE:COL: SEVERITY: CODE message``, then a summary line.

The severity is a word, not only a colour, so it survives a log file, a pipe and
NO_COLOR; the ``path:line:col: severity:`` shape is the one editors' problem
matchers read (the GCC convention).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from roadmaplint.findings import Finding, Severity
from roadmaplint.report import summary_line
from roadmaplint.text import shown

_RESET = "\033[0m"
_BOLD = "\033[1m"
_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}


def render(
    findings: Sequence[Finding],
    *,
    colour: bool = False,
    quiet: bool = False,
    statistics: bool = False,
    older: tuple[int, str] | None = None,
    nothing_read: bool = False,
) -> str:
    """``older``: (how many findings were left out as already there, in which revision);
    ``nothing_read``: no file checked read an item, so no check ran that could pass."""
    lines = [statistics_table(findings)] if statistics and findings else []
    if not statistics:
        lines += [_line(finding, colour) for finding in findings]
    if not quiet:
        passed = nothing_read and not findings and older is None
        lines.append(
            "No items read: nothing was checked." if passed else summary_line(findings, older)
        )
    return "".join(line + "\n" for line in lines if line)


def _line(finding: Finding, colour: bool) -> str:
    # a file named with a line break or ESC stays on its line, as matchers read it
    where = f"{shown(finding.path)}:{finding.line}:{finding.column}:"
    severity = f"{finding.severity.value}:"
    if not colour:
        return f"{where} {severity} {finding.code} {shown(finding.message)}"
    severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
    code = f"{_COLOURS[finding.severity]}{_BOLD}{finding.code}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {severity} {code} {shown(finding.message)}"


def statistics_rows(findings: Sequence[Finding]) -> list[dict[str, object]]:
    """One entry per code, most frequent first: code, name, severity, count, fixable."""
    from roadmaplint.rules import find_rule

    counts = Counter(finding.code for finding in findings)
    rows: list[dict[str, object]] = []
    for code, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        rule = find_rule(code)
        rows.append(
            {
                "code": code,
                "name": rule.name if rule else "",
                "severity": rule.severity.value if rule else "",
                "count": count,
                "fixable": bool(rule and rule.fixable),
            }
        )
    return rows


def statistics_table(findings: Sequence[Finding]) -> str:
    """One line per code, most frequent first: count, code, rule name, fixable mark."""
    from roadmaplint.rules import find_rule

    counts = Counter(finding.code for finding in findings)
    rows = []
    width = len(str(max(counts.values())))
    for code, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
        rule = find_rule(code)
        name = rule.name if rule else ""
        mark = " [*]" if rule and rule.fixable else ""
        rows.append(f"{count:>{width}}  {code}  {name}{mark}")
    return "\n".join(rows)
