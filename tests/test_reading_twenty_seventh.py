"""The classes of plan file the twenty-seventh held-out set of the corpus (tests/corpus: box
lists, planning phases and a Backlog.md folder, numbered 49, 51 and 54 in phases/, 156-158
in checkboxes/, and the Cifixie-Pips task folder) showed read wrong, each in a small
document: read as a person reads it, with no finding that is no defect; and beside each
new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.edit.base import FieldChange, ItemEdit
from roadmaplint.edit.item import edit_item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

FEATURE_TODO = """\
---
owner: Codex Agent
status: in_progress
---

# TODO — Central Timer Sync

## Implementation Tasks
- [ ] (Owner: Backend | Due: 2024-02-22) Ship the migrations for `event_timer_state`. \
↗️ See [Dev Plan — Backend & Migrations](devplan.md#backend--migrations).
- [x] (Owner: Codex Agent | Due: 2024-02-24) Implement the timer hooks. ↗️ See \
[Dev Plan — Data](devplan.md#data) & [API Design](devplan.md#api).
  - 2024-02-24 — Complete. Added helpers and drift detection.

## Testing & QA
- [ ] (Owner: Codex Agent | Due: 2024-02-28) Write tests for the timer hooks. *(Pending — \
add coverage once the endpoints are stable.)* ↗️ See [Dev Plan — Testing](devplan.md#testing).
- [x] (Owner: Product | Due: 2024-02-15) Confirm the sharing approach. ✅ Decision logged in \
[Feature PRD — Open Questions](prd.md#open-questions).
"""


def test_a_box_names_its_owner_in_brackets_before_its_title() -> None:
    # ``(Owner: Backend | Due: date)`` is who does the work, and the pointer after the
    # sentence (``↗️ See [Dev Plan — ...](...)``) where it is written down: the boxes read
    # with no owner, titled up to the dash inside the link (hackathonjudgeapp)
    read = [(i.title, i.status, i.dri) for i in read_items(FEATURE_TODO)]
    assert read == [
        ("Ship the migrations for event_timer_state.", "[ ]", "Backend"),
        ("Implement the timer hooks.", "done", "Codex Agent"),
        ("Write tests for the timer hooks.", "[ ]", "Codex Agent"),
        ("Confirm the sharing approach.", "done", "Product"),
    ]
    assert finding_lines(FEATURE_TODO) == []


def test_a_box_owned_in_brackets_is_ticked_in_place_and_its_owner_is_not_rewritten() -> None:
    roadmap = parse(FEATURE_TODO, "TODO.md", Settings())
    ticked = edit_item(
        roadmap,
        "ship-the-migrations-for-event-timer",
        ItemEdit((FieldChange("Status", "done"),)),
        Settings(),
    )
    assert "- [x] (Owner: Backend | Due: 2024-02-22) Ship the migrations" in ticked
    assert ticked.count("- [x]") == 3  # the one box, nothing else


def test_a_bracketed_owner_lead_is_no_area_of_the_boxes() -> None:
    # two boxes each opening with a bracket once read as areas, the owner dropped
    text = """\
## Follow-ups
- [ ] (Owner: Security | Due: 2024-03-01) Review the share links.
- [ ] (Owner: Ops) Update the runbook.
"""
    assert [(i.title, i.dri) for i in read_items(text)] == [
        ("Review the share links.", "Security"),
        ("Update the runbook.", "Ops"),
    ]


def test_a_checklist_of_steps_with_links_and_owners_in_prose_is_no_plan() -> None:
    guide = """\
# Contributing

Read the guide. ↗️ See [Setup — Local](setup.md#local) for the first steps.

The owner (owner: docs team) of this page answers questions. ✅ Reviewed in [PR](pr.md).
"""
    assert read_items(guide) == ()
    assert finding_lines(guide) == []


SCRATCHPAD = """\
# This is a list of todos and ideas

### TODOS
- [ ] add hillcharts for visual progress
      you can enable hillchart-tracking by applying "progress"-tag to a deliverable
      every tagged item from a milestone will then be tracked as a hillchart-item

- [ ] add involved teams
      involved teams are identified by their tag

- [ ] Add initialization scripts to prepare the template repository with template
      files.
"""


def test_indented_lines_that_start_sentences_of_their_own_are_a_box_s_notes() -> None:
    # a short box over longer indented lines was ended where its words end: the lines are
    # notes, no part of the title (uroflavin); a line wrapped near its width goes on
    read = [i.title for i in read_items(SCRATCHPAD)]
    assert read == [
        "add hillcharts for visual progress",
        "add involved teams",
        "Add initialization scripts to prepare the template repository with template files.",
    ]
    assert finding_lines(SCRATCHPAD) == []


def test_a_line_at_the_margin_under_a_bullet_goes_on_its_paragraph() -> None:
    # markdown's lazy continuation: a line at the margin is the sentence's, however long
    text = """\
# Backlog

- [ ] using withAnim is tricky: we need to use it
for every state action that may result in a changed viewport or world info.
- [ ] Complete the
      [Standards Checklist](https://example.org/standards/checklist/with/a/long/path).
"""
    assert [i.title for i in read_items(text)] == [
        "using withAnim is tricky: we need to use it for every state action that may result"
        " in a changed viewport or world info.",
        "Complete the Standards Checklist.",
    ]


def test_a_poem_of_indented_lines_is_no_plan() -> None:
    poem = """\
# Notes

The first line is short
      and the second one under it runs on for a good while longer

A closing line.
"""
    assert read_items(poem) == ()
    assert finding_lines(poem) == []


PHASED_SPEC = """\
# Tasks: Sync engine

## Current Status Snapshot

- [x] Phase 0 complete
- [ ] Phase 1 complete
- [ ] Phase 2 complete

## Phase 0 - Baseline

### Checklist

- [x] (owner: spec) Write the design.

## Phase 1 - Engine (WS-A)

Depends on: **Phase 0 complete**

### Checklist

- [ ] (owner: core) Add the schema.
- [ ] (owner: trpc) Persist the snapshots.

## Phase 2 - Release

Depends on: **Phase 1 complete**

### Checklist

- [ ] (owner: qa) Run the gate.
"""


def test_a_status_snapshot_of_phase_boxes_gives_each_phase_its_status() -> None:
    # ``- [x] Phase 0 complete`` says phase 0 is done; the phases read with no status
    # though the file says one done and the others open (gradientpeak)
    read = [(i.id, i.title, i.status, i.depends_on) for i in read_items(PHASED_SPEC)]
    assert read == [
        ("Phase 0", "Baseline", "done", ()),
        ("Phase 1", "Engine (WS-A)", "pending", ("Phase 0",)),
        ("Phase 2", "Release", "pending", ("Phase 1",)),
    ]
    assert finding_lines(PHASED_SPEC) == []


def test_setting_a_snapshot_phase_done_ticks_its_snapshot_box() -> None:
    roadmap = parse(PHASED_SPEC, "tasks.md", Settings())
    written = edit_item(roadmap, "Phase 1", ItemEdit((FieldChange("Status", "done"),)), Settings())
    assert "- [x] Phase 1 complete" in written
    assert "Status:" not in written  # the snapshot stays the one place it is written
    assert [i.status for i in parse(written, "tasks.md", Settings()).items] == [
        "done",
        "done",
        "pending",
    ]


def test_a_guide_that_shows_a_status_snapshot_as_an_example_is_no_plan() -> None:
    guide = """\
# Writing a spec's task list

Keep a snapshot at the top, one box per phase, ticked when the phase is finished:

```markdown
- [x] Phase 0 complete
- [ ] Phase 1 complete
```

Then give each phase a section of its own with its checklist.
"""
    assert read_items(guide) == ()
    assert finding_lines(guide) == []
