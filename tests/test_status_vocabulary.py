"""Statuses listed under a heading that names them (`## Statuses`, `### Status values`)
are the document's Status Legend, and turn on none of roadmaplint's own format: no
legends or overview asked for, no field contract, no Definition of Done (issue 20)."""

from __future__ import annotations

import pytest

from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse
from roadmaplint.reader.quiet import document_settings, has_legends
from roadmaplint.rules.engine import check_text
from roadmaplint.settings import Settings

STATUSES = """\
- `READY` — free to start
- `IN PROGRESS` — someone is on it
- `DONE` — shipped
"""

QUEUE = f"""\
# Work queue

## Statuses

{STATUSES}
## ASQ-1 — Adopt the ledger

- **Status:** Done
- **Owner:** ana
- **Gate:** merged

## ASQ-2 — Route the frontier

- **Status:** IN PROGRESS
- **Owner:** ben
- **Depends on:** ASQ-1

## ASQ-3 — Reconcile authority

- **Status:** redy
- **Owner:** cy
- **Depends on:** ASQ-2
"""


def findings(text: str) -> list[tuple[int, str, str]]:
    return [(found.line, found.code, found.message) for found in check_text(text, "QUEUE.md")]


def test_statuses_under_a_heading_are_the_status_legend_and_nothing_more() -> None:
    roadmap = parse(QUEUE, "QUEUE.md")
    assert roadmap.status_legend is not None and roadmap.status_legend.inferred
    assert roadmap.status_legend.values == ("READY", "IN PROGRESS", "DONE")
    assert [entry.line for entry in roadmap.status_legend.entries] == [5, 6, 7]
    # Only the status outside the vocabulary: no RL203/RL402 (legends, overview), no
    # RL104 (the Gate field), no RL503 (Definition of Done); "Done" is DONE in any case.
    assert findings(QUEUE) == [
        (
            23,
            "RL201",
            'ASQ-3 has status "redy", which is not in the statuses under "Statuses" '
            "(did you mean READY?); allowed: READY, IN PROGRESS, DONE",
        )
    ]
    assert not has_legends(roadmap)
    # The workflow reads the statuses in their common spellings, as with no legend.
    assert document_settings(roadmap, Settings()).statuses.common
    fixed = QUEUE.replace("redy", "READY")
    assert findings(fixed) == [
        (25, "RL306", "ASQ-3 is READY but depends on ASQ-2, which is IN PROGRESS, not done")
    ]
    assert fix_text(fixed, "QUEUE.md").text == fixed  # no overview added


@pytest.mark.parametrize(
    ("heading", "vocabulary"),
    [
        ("## Status values", "- **READY**: free to start\n- **DONE**: shipped\n"),
        ("### 📊 Task statuses", "- READY — free to start\n- DONE — shipped\n"),
        ("## Status Key", "* `READY`\n* `DONE`\n"),
    ],
)
def test_any_heading_naming_statuses_with_a_vocabulary_in_any_list_form(
    heading: str, vocabulary: str
) -> None:
    text = QUEUE.replace("## Statuses", heading).replace(STATUSES, vocabulary)
    legend = parse(text, "QUEUE.md").status_legend
    assert legend is not None and legend.values == ("READY", "DONE")
    assert [code for _, code, _ in findings(text)] == ["RL201", "RL201"]  # IN PROGRESS, redy


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        ("## Statuses", "- We shipped the parser\n- The lexer is next\n"),  # prose, no vocabulary
        ("## Statuses", "- `READY` — the only one\n"),  # one value is no vocabulary
        ("## Status", "- `READY` — free\n- `DONE` — shipped\n"),  # "Status" is a report
        ("## Project status", "- `READY` — free\n- `DONE` — shipped\n"),
    ],
)
def test_prose_under_a_status_heading_is_no_legend(heading: str, body: str) -> None:
    text = QUEUE.replace("## Statuses", heading).replace(STATUSES, body)
    assert parse(text, "QUEUE.md").status_legend is None
    assert findings(text) == []


def test_a_status_legend_or_the_configuration_comes_first() -> None:
    written = QUEUE.replace("## Statuses", "## Status Legend")
    legend = parse(written, "QUEUE.md").status_legend
    assert legend is not None and not legend.inferred
    configured = parse(QUEUE, "QUEUE.md", Settings(status_values=("open", "closed")))
    assert configured.status_legend is not None and configured.status_legend.configured


@pytest.mark.parametrize("status", ["_", "__", " _ ", "\t"])
def test_a_status_of_blanks_or_underscores_means_nothing_and_reads_without_error(
    status: str,
) -> None:
    # ``State: _`` (a blank to fill in): made a word of by its underscore, it is spaces, and
    # the lead word of nothing once raised IndexError out of `check` (a property test's find)
    from roadmaplint.settings import status_meaning

    assert status_meaning(status) is None
    text = f"# Roadmap\n\n## [A-1] Title\n\n- **Status:** {status}\n- **Priority:** P1\n"
    assert isinstance(check_text(text), list)
