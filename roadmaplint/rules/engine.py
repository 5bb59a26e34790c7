"""Text -> findings: parse, run the selected rules, apply suppressions, sort."""

from __future__ import annotations

from collections.abc import Mapping

from roadmaplint.findings import Finding
from roadmaplint.index import Context, GitFacts
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.quiet import document_settings
from roadmaplint.record import record
from roadmaplint.rules import BY_KEY, Rule, select_rules
from roadmaplint.rules.suppressions import (
    UNUSED_SUPPRESSION,
    apply_suppressions,
    find_suppressions,
    unused_suppressions,
)
from roadmaplint.settings import Settings

_RESOLVE = {key: rule.code for key, rule in BY_KEY.items()}


@record(slots=False)
class Checked:
    """One check of a roadmap: its findings, and what checking it again after an edit
    to one item reuses (``rules/incremental.py``)."""

    roadmap: Roadmap
    settings: Settings  # as the run gave them
    facts: GitFacts | None
    rules: tuple[Rule, ...]  # the selected rules, in registry order
    applied: Settings  # the settings the rules applied: document_settings(roadmap, settings)
    raw: Mapping[str, tuple[Finding, ...]]  # each rule's findings before suppressions
    items_by_id: Mapping[str, Item]
    findings: tuple[Finding, ...]  # what the check reports: suppressed, RL901 added, sorted


def check_roadmap(
    roadmap: Roadmap, settings: Settings, facts: GitFacts | None = None
) -> list[Finding]:
    """All findings for parsed records, sorted by line, column and code.

    ``facts``: what git knows about the items, for the rules that need history.
    """
    return list(check_all(roadmap, settings, facts).findings)


def check_all(roadmap: Roadmap, settings: Settings, facts: GitFacts | None = None) -> Checked:
    """Every selected rule over every item: the check ``check_roadmap`` reports."""
    rules = select_rules(settings.select, settings.ignore)
    applied = document_settings(roadmap, settings)
    if not roadmap.items:
        rules = tuple(rule for rule in rules if not rule.reads_items)
    context = Context(roadmap, applied, facts)
    raw = {rule.code: tuple(rule.run(context)) for rule in rules if rule is not UNUSED_SUPPRESSION}
    return finish(roadmap, settings, facts, rules, applied, raw, context.items_by_id)


def finish(
    roadmap: Roadmap,
    settings: Settings,
    facts: GitFacts | None,
    rules: tuple[Rule, ...],
    applied: Settings,
    raw: Mapping[str, tuple[Finding, ...]],
    items_by_id: Mapping[str, Item],
) -> Checked:
    """The rules' findings as the check reports them: suppressed, RL901 added, sorted."""
    suppressions = find_suppressions(roadmap)
    findings = apply_suppressions(
        (finding for found in raw.values() for finding in found), suppressions, _RESOLVE
    )
    if UNUSED_SUPPRESSION in rules:
        selected = {rule.code for rule in rules}
        reports = unused_suppressions(suppressions, _RESOLVE, selected)
        findings.extend(UNUSED_SUPPRESSION.findings(roadmap.path, reports))
    return Checked(
        roadmap, settings, facts, rules, applied, raw, items_by_id, tuple(sorted(findings))
    )


def check_text(
    text: str, path: str = "ROADMAP.md", settings: Settings | None = None
) -> list[Finding]:
    """Findings for a roadmap's text."""
    settings = settings or Settings()
    return check_roadmap(parse(text, path, settings), settings)
