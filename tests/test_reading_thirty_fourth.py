"""The classes of plan file the thirty-fourth held-out set of the corpus (tests/corpus: a
spec-kit task list, a GSD roadmap, a Backlog.md folder, an Obsidian Kanban board, version
milestones of boxes, a German work plan and an agent's tasks/todo.md, numbered 184-187 in
checkboxes/, 99 in tables/, 93 in phases/ and the ian folder) showed read wrong, each in a
small document: read as a person reads it, with no finding that is no defect; and beside
each new reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import status_meaning

TIDEPOOL_ROADMAP = """\
# Roadmap: tidepool

## Milestones

- ✅ **v1.0 Core** -- Phases 1-2 (shipped 2026-01-10)
- ⏸️ **v1.1 Sync** -- Phases 3-4 (deferred to v1.2)
- 🚧 **v1.2 Export** -- Phases 5-6 (in progress)

## Phases

<details>
<summary>✅ v1.0 Core (Phases 1-2) -- SHIPPED 2026-01-10</summary>

- [x] Phase 1: Storage Layer (2/2 plans) -- completed 2026-01-05
- [x] Phase 2: Query Engine (3/3 plans) -- completed 2026-01-10

</details>

<details>
<summary>⏸️ v1.1 Sync (Phases 3-4) -- DEFERRED to v1.2</summary>

- [ ] Phase 3: Conflict Resolution (0/0 plans)
- [ ] Phase 4: Offline Queue (0/0 plans)

Deferred until the export format settles.

</details>

### v1.2 Export

- [x] **Phase 5: CSV Export** - Write tables as CSV (completed 2026-02-01)
- [ ] **Phase 6: Parquet Export** - Write tables as Parquet
"""

# The same words in a document that is no plan: a project's FAQ folds away why a release
# was put off, in bullets that name no work.
TIDEPOOL_FAQ = """\
# tidepool FAQ

<details>
<summary>Why was sync deferred?</summary>

- Phase 3 of the old design needed a server we no longer run.
- The export format had to settle first.

</details>
"""


def test_open_phase_boxes_under_a_deferred_milestone_summary_are_deferred() -> None:
    # a GSD roadmap folds each milestone's phases into ``<details>``; the summary of one
    # says it was put off (``DEFERRED to v2.3``): its open boxes are set aside, not ready
    # (gsd-ralph's phases 17-19, read ready before)
    read = [(i.id, i.status) for i in read_items(TIDEPOOL_ROADMAP, "ROADMAP.md")]
    assert read[:4] == [
        ("Phase 1", "done"),
        ("Phase 2", "done"),
        ("Phase 3", "Deferred"),
        ("Phase 4", "Deferred"),
    ]
    assert status_meaning("Deferred") == "idea"
    assert [status for _, status in read[4:]] == ["done", "[ ]"]  # after the details
    assert finding_lines(TIDEPOOL_ROADMAP, "ROADMAP.md") == []


def test_a_faq_folding_away_a_deferral_reads_no_items() -> None:
    assert read_items(TIDEPOOL_FAQ, "FAQ.md") == ()
    assert finding_lines(TIDEPOOL_FAQ, "FAQ.md") == []


SPEC_TASKS = """\
# Tasks: Bookmarks

## Phase 1: Setup

- [x] T001 Create the project structure
- [x] T002 [P] Configure the linter
- [x] T003 [P] Configure the database session in src/db.py
- [ ] T004 Create the Bookmark model in src/models.py
- [ ] T005 Implement the save endpoint in src/api.py
- [ ] T006 Add the bookmark list page in web/list.tsx

## Dependencies & Execution Order

### Parallel Opportunities

**Example - Phase 2**:
```bash
# Can run in parallel:
T002 [P] Configure the linter

# Then sequentially:
T004 → T005 → T006
```

## Parallel Example: Setup

```bash
# After the parallel tasks complete:
T003: Database session (depends on T001, T002)
```
"""

# A setup guide whose sections look the same and name no task of a plan.
SETUP_GUIDE = """\
# Setting up

## Dependencies

### Installing

```bash
pip install bookmarks → run bookmarks-init → open the app
```

## Example

```text
T003: Database session (depends on T001, T002)
```
"""


def test_a_chain_of_tasks_in_a_fence_below_the_dependencies_section_is_read() -> None:
    # a spec-kit plan draws its order in a fence under ``### Parallel Opportunities``, a
    # part of ``## Dependencies & Execution Order``: the section names the dependencies
    # its parts draw (Arishay's T017 → T018 → T020 → T021)
    read = {i.id: i.depends_on for i in read_items(SPEC_TASKS, "tasks.md")}
    assert read["T005"] == ("T004",)
    assert read["T006"] == ("T005",)
    assert read["T004"] == ()


def test_a_fenced_line_of_a_task_that_says_what_it_depends_on_is_read() -> None:
    # ``T010: FastAPI app init (depends on T007, T008, T009)`` in a fence of the plan's
    # example run: the task's dependencies, each a task of the plan
    read = {i.id: i.depends_on for i in read_items(SPEC_TASKS, "tasks.md")}
    assert read["T003"] == ("T001", "T002")
    assert finding_lines(SPEC_TASKS, "tasks.md") == []


def test_a_setup_guide_with_such_fences_reads_no_items() -> None:
    assert read_items(SETUP_GUIDE, "SETUP.md") == ()
    assert finding_lines(SETUP_GUIDE, "SETUP.md") == []


GARDEN_BOARD = """\
---

kanban-plugin: basic

---

## Backlog

- [ ] @[[Mar 3rd, 2024]] #feature [[Add a watering schedule]]
- [ ] Let the planner export a seed list @[[Mar 5th, 2024]] #process
- [ ] @{2024-03-07} #bug Frost warnings show the wrong day


## Doing



## Archive

- [x] Mar 2nd, 2024 09:12 #feature @[[Mar 1st, 2024]] [[Draw the bed layout|Bed layout]]
- [x] 2024-03-01 18:40 Set up the board

%% kanban:settings
```
{"kanban-plugin":"basic","hide-tags-in-title":true,"prepend-archive-date":true}
```
%%
"""

# An Obsidian daily note: the same tags, date links and wiki links, in notes, no board.
DAILY_NOTE = """\
# Mar 3rd, 2024

- Met Sam @[[Mar 3rd, 2024]] about the #garden plans
- Read [[Companion planting]] again
- Feb 12th, 2023 13:17 was when the first bed went in
"""


def test_a_kanban_cards_tags_date_links_and_archive_date_are_no_part_of_its_name() -> None:
    # an Obsidian Kanban board (``kanban-plugin: basic``) writes a card's due day as a
    # link to a daily note, its tags, and on archiving the moment first; the board shows
    # the card's words, a wiki link by its alias or page (mod-spider's board: every card
    # read under a name of dates and tags before, none matched)
    read = [(i.title, i.status) for i in read_items(GARDEN_BOARD, "Kanban.md")]
    assert read == [
        ("Add a watering schedule", "backlog"),
        ("Let the planner export a seed list", "backlog"),
        ("Frost warnings show the wrong day", "backlog"),
        ("Bed layout", "done"),
        ("Set up the board", "done"),
    ]
    assert finding_lines(GARDEN_BOARD, "Kanban.md") == []


def test_a_daily_note_with_tags_and_date_links_reads_no_items() -> None:
    assert read_items(DAILY_NOTE, "2024-03-03.md") == ()
    assert finding_lines(DAILY_NOTE, "2024-03-03.md") == []


# Two trailing blanks end the first line of a box: a hard line break, written on purpose.
MILESTONE_BOXES = (
    "# Milestones\n"
    "\n"
    "## `v0.5.x`\n"
    "\n"
    "- [ ] Expose a hook for custom filters?  \n"
    "      Not sure about this one, it might help embedders.\n"
    "- [ ] Speed up the parser for large\n"
    "      files and long lines\n"
    "- [x] Ship the first release.\n"
)

# A letter whose lines end the same way holds no boxes.
LETTER = "# Note to the team\n\nThanks for the release.  \nSee you at the meetup.  \nSam\n"


def test_a_boxs_line_after_a_hard_break_ending_a_sentence_is_a_note() -> None:
    # ``- [ ] Expose a mechanism ...?`` and two blanks over ``Not sure about this one``:
    # the writer broke the line after the question; a line wrapped mid-phrase still goes
    # on the title (vs.templ's TODO.md)
    read = [(i.title, i.status) for i in read_items(MILESTONE_BOXES, "TODO.md")]
    assert [title for title, _ in read] == [
        "Expose a hook for custom filters?",
        "Speed up the parser for large files and long lines",
        "Ship the first release.",
    ]
    assert finding_lines(MILESTONE_BOXES, "TODO.md") == []


def test_a_letter_with_hard_breaks_reads_no_items() -> None:
    assert read_items(LETTER, "NOTE.md") == ()
    assert finding_lines(LETTER, "NOTE.md") == []


TRIAGE_BOARD = """\
---

kanban-plugin: basic

---

## Todo

- [ ] Add dark mode #feature

## Archive

- [x] Feb 9th, 2023 15:01 #invalid Create a card template
- [x] Feb 9th, 2023 15:59 Set up the board metadata
"""

# The same tag in a plan that is no board, and in a triage guide that is no plan.
PLAIN_TODO = """\
# TODO

- [x] Reject #invalid input in the sign-up form
- [ ] Add dark mode
"""

TRIAGE_GUIDE = """\
# Triage

- Tag a card `#invalid` when it cannot be reproduced.
- Tag it #wontfix when we decide against it, then archive it.
"""


def test_a_kanban_card_archived_with_a_tag_that_lets_it_go_is_dropped() -> None:
    # the board archives a card it let go ticked like a finished one; the tag says which
    # (mod-spider's ``#invalid Create Kanban Card template``, read done before)
    read = [(i.title, i.status) for i in read_items(TRIAGE_BOARD, "Board.md")]
    assert read == [
        ("Add dark mode", "todo"),
        ("Create a card template", "dropped"),
        ("Set up the board metadata", "done"),
    ]
    assert status_meaning("dropped") == "closed"
    assert finding_lines(TRIAGE_BOARD, "Board.md") == []
    # in a plan that is no board the tag is what the work is about
    assert [i.status for i in read_items(PLAIN_TODO, "TODO.md")] == ["done", "[ ]"]


def test_a_triage_guide_naming_the_tags_reads_no_items() -> None:
    assert read_items(TRIAGE_GUIDE, "TRIAGE.md") == ()
    assert finding_lines(TRIAGE_GUIDE, "TRIAGE.md") == []
