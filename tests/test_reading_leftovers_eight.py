"""The classes of plan file the held-out rounds and passes left unread (ROADMAP CORE-114
to CORE-126, tests/corpus/README.md), each in a small document read as a person reads
it, with no finding; and beside each new reading a document that is no plan, which
reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.edit.base import FieldChange
from roadmaplint.edit.item import set_fields
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

NOTED_DONE = """\
# Downstream feedback

## Open — ranked

### D1. Alpha blending — **DONE**, and now pixel-tested

Blending was wrong on every backend.

### D2. Row flex expand — get a repro or close it

Needs a repro.

### D3. Wrap defaults — **DONE** (branch d3-wrap)

Now no wrap by default.

### D4. Hit-test priority

Overlapping widgets both take the click.
"""


def test_a_done_mark_after_a_dash_with_a_note_after_it_is_the_status() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(NOTED_DONE, "FEEDBACK.md")]
    assert read == [
        ("D1", "Alpha blending", "DONE"),
        ("D2", "Row flex expand — get a repro or close it", None),
        ("D3", "Wrap defaults", "DONE"),
        ("D4", "Hit-test priority", None),
    ]
    assert finding_lines(NOTED_DONE, "FEEDBACK.md") == []


def test_set_status_rewrites_the_noted_mark_in_place_and_keeps_the_note() -> None:
    roadmap = parse(NOTED_DONE, "FEEDBACK.md", Settings())
    edited = set_fields(roadmap, "D1", [FieldChange("Status", "todo")], Settings())
    assert edited == NOTED_DONE.replace("— **DONE**, and now", "— **TODO**, and now")
    read = parse(edited, "FEEDBACK.md", Settings()).items
    assert [(i.id, i.status) for i in read][:1] == [("D1", "TODO")]


def test_meeting_notes_whose_topics_end_with_a_noted_done_read_no_items() -> None:
    notes = """\
# Weekly sync — 2026-03-02

Present: Ana, Bo.

## Caching — done, and now documented

We agreed the cache work is finished; Bo writes the announcement.

## Hiring

Two interviews this week.
"""
    assert read_items(notes, "notes/2026-03-02.md") == ()
    assert finding_lines(notes, "notes/2026-03-02.md") == []


CHECKED_STEPS = """\
# Roadmap

## Next steps

### ✅ 1. Parse the config file

Done last week.

### ✅ 2. Validate the schema

Done too.

### 3. Add the export command

Writes JSON and CSV.

### 4. Publish the first release

Tag and upload.
"""


def test_numbered_headings_led_by_a_check_mark_are_done_beside_plain_ones() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(CHECKED_STEPS, "ROADMAP.md")]
    assert read == [
        ("1", "Parse the config file", "✅"),
        ("2", "Validate the schema", "✅"),
        ("3", "Add the export command", None),
        ("4", "Publish the first release", None),
    ]
    assert finding_lines(CHECKED_STEPS, "ROADMAP.md") == []


def test_a_readme_whose_numbered_chapters_open_with_other_emoji_reads_no_items() -> None:
    readme = """\
# quickfmt

A formatter for quick notes.

## 📦 1. Install

Run the installer.

## ⚙️ 2. Configure

Edit the config file.

## 🚀 3. Run

Point it at a folder.
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


SENTENCE_LEADS = """\
# Next steps

## Phase 1 — Now

1. **First public release.** Write the changelog, tag v0.1.0 and add a release workflow.
2. **Package validation on a clean machine.** Install the built wheel with no checkout.
3. **README install section** switched from the editable install to the released one,
   keeping the editable install under Development.

## Phase 2 — Next

4. **Provider smoke matrix.** A scripted run per provider family.
"""


def test_a_bold_lead_that_opens_a_sentence_names_the_step() -> None:
    read = [i.title for i in read_items(SENTENCE_LEADS, "NEXT_STEPS.md")]
    assert read == [
        "First public release.",
        "Package validation on a clean machine.",
        "README install section",
        "Provider smoke matrix.",
    ]
    assert finding_lines(SENTENCE_LEADS, "NEXT_STEPS.md") == []


def test_meeting_notes_of_bold_subjects_in_sentences_read_no_items() -> None:
    notes = """\
# Architecture review — 2026-04-11

- **The database migration plan** was reviewed and approved by everyone present.
- **The caching layer proposal** needs numbers before the next review.
- **Our release train schedule** stays as it is.
"""
    assert read_items(notes, "notes/review.md") == ()
    assert finding_lines(notes, "notes/review.md") == []


LINKED = """\
# Backlog

- [ ] analyse using https://hackage.haskell.org/package/threadscope
- [ ] profile the renderer
- [ ] compare with https://example.org/a and https://example.org/b first
- [ ] triage risk:low
"""


def test_a_title_ending_with_a_bare_link_keeps_the_link() -> None:
    read = [(i.title, i.status) for i in read_items(LINKED, "BACKLOG.md")]
    assert read == [
        ("analyse using https://hackage.haskell.org/package/threadscope", "[ ]"),
        ("profile the renderer", "[ ]"),
        ("compare with https://example.org/a and https://example.org/b first", "[ ]"),
        ("triage", "[ ]"),
    ]
    assert finding_lines(LINKED, "BACKLOG.md") == []


def test_a_readme_list_of_links_reads_no_items() -> None:
    readme = """\
# tinyhttp

A small HTTP server.

## See also

- the docs at https://example.org/docs
- the chat at https://example.org/chat
"""
    assert read_items(readme, "README.md") == ()
    assert finding_lines(readme, "README.md") == []


SHIPPED = """\
# Roadmap: MeterBook

## Shipped Milestones

<details>
<summary>v1.0 — MVP (3 phases, 6 plans) ✅ Shipped 2026-03-20</summary>

- Phase 1: Schema Migration (2 plans)
- Phase 2: Backend Services (2 plans)
- Phase 3: Entry Form (2 plans)

[Full details](milestones/v1.0-ROADMAP.md)
</details>

## Progress

| Phase | Milestone | Plans Complete | Status | Completed |
|-------|-----------|----------------|--------|-----------|
| 1. Schema Migration | v1.0 | 2/2 | Complete | 2026-03-18 |
| 2. Backend Services | v1.0 | 2/2 | Complete | 2026-03-19 |
| 3. Entry Form | v1.0 | 2/2 | Complete | 2026-03-20 |
"""


def test_phases_as_plain_bullets_over_a_progress_table_are_the_plans_phases() -> None:
    read = [(i.id, i.title, i.status) for i in read_items(SHIPPED, ".planning/ROADMAP.md")]
    assert read == [
        ("Phase 1", "Schema Migration", "Complete"),
        ("Phase 2", "Backend Services", "Complete"),
        ("Phase 3", "Entry Form", "Complete"),
    ]
    assert finding_lines(SHIPPED, ".planning/ROADMAP.md") == []
    # a row of work still open: the table's rows are the items, each read once
    open_row = SHIPPED.replace("| 2/2 | Complete | 2026-03-20 |", "| 1/2 | In Progress | |")
    read = [(i.title, i.status) for i in read_items(open_row, ".planning/ROADMAP.md")]
    assert read == [
        ("1. Schema Migration", "Complete"),
        ("2. Backend Services", "Complete"),
        ("3. Entry Form", "In Progress"),
    ]


def test_a_retrospective_naming_phases_with_no_progress_table_reads_no_items() -> None:
    retro = """\
# Retrospective — v1.0

What went well, phase by phase:

- Phase 1: Schema Migration (2 plans) went smoothly.
- Phase 2: Backend Services (2 plans) took a week longer.
"""
    assert read_items(retro, "docs/retro-v1.0.md") == ()
    assert finding_lines(retro, "docs/retro-v1.0.md") == []


def test_a_plain_word_after_a_dash_with_a_comma_names_the_work_not_its_status() -> None:
    stories = """\
# Stories

## Story 6: Shapes — rectangles, circles

Draw them.

## Story 7: Operations — duplicate, copy/paste

Copy and paste objects.

## Story 8: Import — new, faster parser

Reads the old files.
"""
    read = [(i.id, i.status) for i in read_items(stories, "STORIES.md")]
    assert read == [("Story 6", None), ("Story 7", None), ("Story 8", None)]
