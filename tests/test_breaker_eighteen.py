"""The eighteenth break pass: documents that are no plans, and plans, written as people
write them, read through the readings the sixth and seventh leftovers passes and the
nineteenth (C) and twentieth corpus sets added; each test failed before its fix."""

from __future__ import annotations

from conftest import finding_lines, read_items

MEETING = """\
# Meeting notes 2024-05-02

Attendees: Ann, Bob

## Done

- Ann reviewed the budget
- Bob sent the invite

## Next

1. Ann books the room
2. Bob writes the agenda after item 1
"""


def test_meeting_notes_with_a_done_list_read_no_items() -> None:
    # a meeting's record reads only items with an ID; its ``## Done`` is what was
    # reported, no plan's log of finished work (that log stands beside heading items)
    assert read_items(MEETING, "notes/2024-05-02.md") == ()
    assert finding_lines(MEETING, "notes/2024-05-02.md") == []


RELEASING = """\
# Releasing

## Done

- Tag the commit
- Publish the wheel

## Before the next release

- Check the changelog
"""


def test_a_release_procedure_with_a_done_list_reads_no_items() -> None:
    assert read_items(RELEASING, "RELEASING.md") == ()
    assert finding_lines(RELEASING, "RELEASING.md") == []


LIFECYCLE = """\
# How a change ships

| Stage | What happens | Who |
|---|---|---|
| Draft | The author opens a pull request | Author |
| Review | Two reviewers approve it | Reviewers |
| Merge | CI passes and it is merged | Maintainer |
"""


def test_a_process_table_asking_who_is_no_near_miss() -> None:
    # ``Who`` names a row's owner beside a title column (``| Task | Who |``); alone beside
    # a process's stages it asks who does each step, and the table is no plan written wrong
    assert read_items(LIFECYCLE, "docs/lifecycle.md") == ()
    assert finding_lines(LIFECYCLE, "docs/lifecycle.md") == []
