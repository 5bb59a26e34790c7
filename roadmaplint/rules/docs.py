"""A rule's documentation, written once from its record: for the CLI, SARIF and README."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from roadmaplint.rules.base import Rule


def fence_for(text: str) -> str:
    """A backtick fence longer than any run of backticks in ``text``, and at least 3.

    An example that holds a ```` ```mermaid ```` block would otherwise close the
    outer fence early, and everything after it would render as code.
    """
    longest = run = 0
    for character in text:
        run = run + 1 if character == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


def _fenced(text: str) -> str:
    fence = fence_for(text)
    return f"{fence}markdown\n" + text.rstrip("\n") + f"\n{fence}"


def rule_text(rule: Rule) -> str:
    """What `roadmaplint rule CODE` prints."""
    fix = "yes, `roadmaplint fix` repairs it" if rule.fixable else "no"
    return "\n".join(
        [
            f"{rule.code} {rule.name}",
            "",
            f"Severity: {rule.severity.value}. Fixable: {fix}.",
            "",
            f"What it checks: {rule.summary}",
            "",
            f"Why it matters: {rule.why}",
            "",
            "Fails:",
            "",
            _indent(rule.bad),
            "",
            "Passes:",
            "",
            _indent(rule.good),
            "",
        ]
    )


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.rstrip("\n").split("\n"))


def rule_markdown(rule: Rule) -> str:
    """The same documentation as markdown, for SARIF help and the README."""
    return "\n".join(
        [
            f"**{rule.summary}**",
            "",
            rule.why,
            "",
            "Fails:",
            "",
            _fenced(rule.bad),
            "",
            "Passes:",
            "",
            _fenced(rule.good),
        ]
    )


def rules_table(rules: tuple[Rule, ...]) -> str:
    """What `roadmaplint rules` prints: code, name, severity, fixable, summary."""
    rows = [("CODE", "NAME", "SEVERITY", "FIX", "SUMMARY")]
    rows += [
        (rule.code, rule.name, rule.severity.value, "yes" if rule.fixable else "", rule.summary)
        for rule in rules
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        lines.append("  ".join([*cells, row[4]]) + "\n")
    return "".join(lines)


def rules_markdown_table(rules: tuple[Rule, ...]) -> str:
    """The README's rules table."""
    lines = [
        "| Code | Name | Severity | Fixable | What it finds |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        fixable = "yes" if rule.fixable else ""
        summary = rule.summary.replace("|", "\\|")
        lines.append(
            f"| {rule.code} | `{rule.name}` | {rule.severity.value} | {fixable} | {summary} |"
        )
    return "\n".join(lines) + "\n"


def rules_reference(rules: tuple[Rule, ...], level: int = 4) -> str:
    """The per-rule reference of docs/rules.md: one section per rule."""
    parts = []
    for rule in rules:
        fixable = " Fixed by `roadmaplint fix`." if rule.fixable else ""
        parts.append(
            f"{'#' * level} {rule.code} `{rule.name}` ({rule.severity.value})\n\n"
            f"{rule.summary}{fixable} {rule.why}\n\n"
            f"Fails:\n\n{_fenced(rule.bad)}\n\nPasses:\n\n{_fenced(rule.good)}\n"
        )
    return "\n".join(parts)


@cache
def rules_document() -> Path | None:
    """The rule reference (docs/rules.md) as installed; diagnostics in editors link here.

    The project declares no home page to link to, so the wheel carries the file
    (pyproject's force-include puts it in the package); in a checkout it is in
    docs/ beside the package.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "docs" / "rules.md", package.parent / "docs" / "rules.md"):
        if candidate.is_file():
            return candidate
    return None


def rule_anchor(rule: Rule) -> str:
    """GitHub's anchor for the rule's heading in the reference (see ``rules_reference``)."""
    heading = f"{rule.code} {rule.name} ({rule.severity.value})"
    return "-".join(
        "".join(
            character for character in heading.lower() if character.isalnum() or character in " -_"
        ).split()
    )


def rule_url(rule: Rule) -> str | None:
    """A file URI of the rule's section in the installed reference (None without one)."""
    document = rules_document()
    return f"{document.as_uri()}#{rule_anchor(rule)}" if document is not None else None
