"""Text -> findings: parse, run the selected rules, apply suppressions, sort."""

from __future__ import annotations

from roadmaplint.findings import Finding
from roadmaplint.index import Context, GitFacts
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.quiet import document_settings
from roadmaplint.rules import BY_KEY, select_rules
from roadmaplint.rules.suppressions import (
    UNUSED_SUPPRESSION,
    apply_suppressions,
    find_suppressions,
    unused_suppressions,
)
from roadmaplint.settings import Settings

_RESOLVE = {key: rule.code for key, rule in BY_KEY.items()}


def check_roadmap(
    roadmap: Roadmap, settings: Settings, facts: GitFacts | None = None
) -> list[Finding]:
    """All findings for parsed records, sorted by line, column and code.

    ``facts``: what git knows about the items, for the rules that need history.
    """
    rules = select_rules(settings.select, settings.ignore)
    settings = document_settings(roadmap, settings)
    if not roadmap.items:
        rules = tuple(rule for rule in rules if not rule.reads_items)
    context = Context(roadmap, settings, facts)
    findings: list[Finding] = []
    for rule in rules:
        if rule is not UNUSED_SUPPRESSION:
            findings.extend(rule.run(context))
    suppressions = find_suppressions(roadmap)
    findings = apply_suppressions(findings, suppressions, _RESOLVE)
    if UNUSED_SUPPRESSION in rules:
        selected = {rule.code for rule in rules}
        reports = unused_suppressions(suppressions, _RESOLVE, selected)
        findings.extend(UNUSED_SUPPRESSION.findings(roadmap.path, reports))
    return sorted(findings)


def check_text(
    text: str, path: str = "ROADMAP.md", settings: Settings | None = None
) -> list[Finding]:
    """Findings for a roadmap's text."""
    settings = settings or Settings()
    return check_roadmap(parse(text, path, settings), settings)
