"""Readings the lead mended between helpers' rounds (2026-12-07).

A queue of task headings with one task under each status heading, and the same queue
without IDs: their field bullets (``- **Type**: bug``) were read as the items, so each
task became three items named Type, Priority and Area, silently. Beside each, a
document that is no plan and must read nothing.
"""

from __future__ import annotations

from conftest import finding_lines, read_items

QUEUE = """\
# Work Queue

## Ready

### WQ-021 Reconcile the template field

- **Type**: bug
- **Priority**: P1
- **Area**: skill-content

**Problem / Want**
The pattern is half-implemented.

## Done

### WQ-020 Add the validator

- **Type**: feature
- **Priority**: P2
- **Area**: ci
"""


def _read(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.priority) for i in read_items(text, "QUEUE.md")]


def test_two_spaced_id_headings_under_status_headings_are_the_items() -> None:
    assert _read(QUEUE) == [
        ("WQ-021", "Reconcile the template field", "Ready", "P1"),
        ("WQ-020", "Add the validator", "Done", "P2"),
    ]
    assert finding_lines(QUEUE, "QUEUE.md") == []


def test_task_headings_without_ids_under_status_headings_are_the_items() -> None:
    text = QUEUE.replace("### WQ-021 ", "### ").replace("### WQ-020 ", "### ")
    assert _read(text) == [
        ("reconcile-the-template-field", "Reconcile the template field", "Ready", "P1"),
        ("add-the-validator", "Add the validator", "Done", "P2"),
    ]


def test_a_list_of_fields_under_a_status_heading_is_no_work() -> None:
    text = (
        "# Project\n\n## Done\n\n- Start Date: 2024-01-01\n- Owner: bob\n\n"
        "## Todo\n\n- **Priority**: P1\n- **Area**: ui\n"
    )
    assert _read(text) == []


def test_plain_bullets_under_status_headings_still_read() -> None:
    text = (
        "# Todo\n\n## Done\n\n- Ship the login page\n- Fix: the crash\n\n## Todo\n\n- Add search\n"
    )
    assert [item.title for item in read_items(text, "TODO.md")] == [
        "Ship the login page",
        "Fix: the crash",
        "Add search",
    ]


def test_two_protocol_chapters_with_a_status_line_are_no_queue() -> None:
    text = "# Server\n\n## HTTP2 Support\n\n- **Status**: stable\n\n## HTTP3 Support\n\n- **Status**: beta\n"
    assert _read(text) == []
    assert finding_lines(text, "README.md") == []
