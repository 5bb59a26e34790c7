"""The classes of plan file the fortieth held-out set of the corpus (tests/corpus: an
org-style TODO list, a roadmap of issue boxes, a project state with a step table, a Korean
TODO, a dotfiles TODO, an agent tool's task folder, a mobile backlog table and a
Now/Next/Later roadmap, numbered 276-279 in checkboxes/, 185-186 in tables/, 194 in
headings/ and taskfiles/ryanjosebrosas-AI-Coding-System-Template) showed read wrong, each in
a small document: read as a person reads it, with no finding that is no defect; and beside
each new reading a document that is no plan, or one that looks close and reads as before."""

from __future__ import annotations

from conftest import finding_lines, read_items

TOPICS_WITH_A_FEW_PHASES = """\
# Garden app TODO

## Done

### Phase 1-3 ✅
- [x] Seed catalogue
- [x] Watering reminders

## Next up

### Test setup (priority: high)

#### Browsers
- [x] Playwright config
- [x] Mobile viewports

#### Unit tests
- [x] Hook tests
- [ ] Component tests

### Phase 4: Marketplace (in progress)
**Start**: 2025-10-18
**Current status**: week 1 done

#### Week 1: Listings
- [x] Listing form
- [x] Listing search

#### Week 2: Checkout
- [ ] Cart
- [ ] Payment

## Done lately

### 2025-10-12: Design system
- [x] Dark mode
- [x] Brand colours

### 2025-10-11: Navigation
- [x] Mega menu
- [x] Mobile menu

### 2025-10-09: Deploy
- [x] Production deploy
- [x] Environment variables

## To review later

### Stack
- [ ] Monorepo
- [ ] State library
"""

PHASES_OVER_THEIR_BOXES = """\
# Roadmap: Invoice Parser

## Phases

- [x] **Phase 1: Reader** - read the PDFs
- [ ] **Phase 2: Export** - write the CSV

### Phase 1: Reader
**Goal**: read the PDFs

- [x] 01-01: Text layer
- [x] 01-02: OCR fallback

### Phase 2: Export
**Goal**: write the CSV

- [ ] 02-01: CSV writer
- [ ] 02-02: Excel writer
"""


def test_a_few_phase_headings_among_a_todos_topics_are_sections_of_its_boxes() -> None:
    # a Korean app's TODO: four ``### Phase N`` headings (one with its start day and
    # status as fields, its boxes under ``#### Week 1``) among many topic and dated
    # headings, twice as many boxes outside the phases as in them: the boxes are the
    # items, the phases sections like the other headings; the phases were read as the
    # only items and every box was skipped (idea-on-action: 4 of 130 read)
    read = [(i.title, i.status) for i in read_items(TOPICS_WITH_A_FEW_PHASES, "project-todo.md")]
    assert len(read) == 18
    assert ("Seed catalogue", "done") in read
    assert ("Cart", "[ ]") in read
    assert ("Monorepo", "[ ]") in read
    assert not any(title.startswith(("Phase", "Marketplace")) for title, _ in read)
    assert finding_lines(TOPICS_WITH_A_FEW_PHASES, "project-todo.md") == []


def test_a_phase_roadmap_whose_boxes_lie_in_its_phases_reads_its_phases() -> None:
    # the phases hold the plan's boxes, the only boxes outside them a checklist naming the
    # phases: the phases stay the items, their boxes their plans
    read = [i.id for i in read_items(PHASES_OVER_THEIR_BOXES, "ROADMAP.md")]
    assert read == ["Phase 1", "Phase 2"]


HORIZON_LIST_LED_IN = """\
# Widget Roadmap

The plan, reconciled monthly.

## Now

- Sync engine device matrix.

## Next

After the immediately available proof gates:

1. Implement the undo stack.
2. Close the settings work and
   the overflow fixes.

## Later

- Plugin API for third parties.
- A native tablet layout.
"""

HORIZONS_OVER_A_READING_LIST = """\
# Widget notes

## Now

We wrote about the sync engine before; the posts are
listed here:

1. [Why we sync](why.md)
2. [How we sync](how.md)

## Later

Nothing to say yet.
"""


def test_a_horizons_numbered_list_after_a_lead_in_line_is_its_work() -> None:
    # ``## Next`` over ``After the immediately available proof gates:`` over ``1. ...``:
    # one line ending in a colon leads the horizon's list in, and its entries are the
    # horizon's work as they would be right under the heading (PacketBench: 6 unread)
    read = [(i.title, i.status) for i in read_items(HORIZON_LIST_LED_IN, "ROADMAP.md")]
    assert ("Implement the undo stack", "ready") in read
    assert ("Close the settings work and the overflow fixes", "ready") in read
    assert ("A native tablet layout", "idea") in read
    assert finding_lines(HORIZON_LIST_LED_IN, "ROADMAP.md") == []


def test_a_list_after_a_paragraph_under_a_horizon_is_no_work() -> None:
    # a paragraph of two lines, its last ending in a colon, leads into links: no lead-in
    # line right under the heading, so the list is read as before, as nothing
    assert read_items(HORIZONS_OVER_A_READING_LIST, "NOTES.md") == ()
    assert finding_lines(HORIZONS_OVER_A_READING_LIST, "NOTES.md") == []


ORG_KEYWORDS = """\
# Project Kestrel

Kestrel is a prototype compiler.

## TODO List

A items will be finished by the end of the summer.

 - ACTIVE [#A] Implement lambda lifting
 - TODO [#A] Implement tree shaking from lifted defs
 - TODO [#B] Static arity dispatch
 - DONE Parse the namespace forms

This list is open to suggestions.
"""

ORG_KEYWORD_GLOSSARY = """\
# Org notes

## Task states

- TODO marks a task not begun
- DOING marks a task under way
- DONE marks a task finished
"""


def test_bullets_led_by_an_outliners_keywords_are_items_with_that_status() -> None:
    # org-mode's and Logseq's keywords in capitals leading each bullet (``- ACTIVE [#A]
    # Implement lambda lifting``): the keyword is the status, the bracketed letter the
    # priority, the rest the title; nothing was read (Oxcart's README: 0 of 15)
    read = [(i.title, i.status, i.priority) for i in read_items(ORG_KEYWORDS, "README.md")]
    assert read == [
        ("Implement lambda lifting", "ACTIVE", "A"),
        ("Implement tree shaking from lifted defs", "TODO", "A"),
        ("Static arity dispatch", "TODO", "B"),
        ("Parse the namespace forms", "DONE", None),
    ]
    assert finding_lines(ORG_KEYWORDS, "README.md") == []


def test_a_glossary_of_the_keywords_is_no_plan() -> None:
    # each keyword once, then what it means: the states explained, no work
    assert read_items(ORG_KEYWORD_GLOSSARY, "NOTES.md") == ()
    assert finding_lines(ORG_KEYWORD_GLOSSARY, "NOTES.md") == []


ISSUE_BOXES = """\
# Roadmap

## v4 · Identity

- [x] [#14 Auth / identity system](https://github.com/o/r/issues/14) ✅ *(keystone)*
- [x] [#15 Trip dashboard](https://github.com/o/r/issues/15) ✅

## v5 · Integrations

- [ ] [#28 MCP / API layer](https://github.com/o/r/issues/28) *(epic)*
- [ ] [#25 Carpooling](https://github.com/o/r/issues/25)
"""

WHOLE_ITALIC_BOX = """\
# Checklist

- [ ] *(optional)*
- [ ] Update the changelog
"""


def test_an_italic_remark_in_brackets_closing_a_box_is_no_part_of_its_title() -> None:
    # ``[#28 MCP / API layer](...) *(epic)*``: what kind of work it is, no part of its
    # name, as a closing link in brackets is not (tripwala: 2 titles kept the remark)
    read = [(i.title, i.status) for i in read_items(ISSUE_BOXES, "ROADMAP.md")]
    assert read == [
        ("Auth / identity system", "done"),
        ("Trip dashboard", "done"),
        ("MCP / API layer", "[ ]"),
        ("Carpooling", "[ ]"),
    ]
    assert finding_lines(ISSUE_BOXES, "ROADMAP.md") == []


def test_a_box_of_nothing_but_an_italic_remark_is_no_item_with_an_empty_title() -> None:
    # the remark is all the box says: dropping it leaves no titleless item; such a box is
    # a placeholder, no work, as a box holding only a note in brackets is (- [ ] (none yet),
    # the twelfth quiet sweep's empty column)
    titles = [i.title for i in read_items(WHOLE_ITALIC_BOX, "CHECKLIST.md")]
    assert titles == ["Update the changelog"]


HORIZON_TABLE = """\
# Widget Roadmap

## Now

| Track | Priority | Current state | Next action |
| --- | ---: | --- | --- |
| Sync engine | P1 | Source complete | Run the device matrix |
| Export | P2 | Draft written | Finish the CSV writer |

## Next

- Undo stack.

## Later

- Plugin API.
"""

TIMINGS_BEFORE_AND_NOW = """\
# Benchmarks

## Before

| Track | Priority | Time |
| --- | --- | --- |
| Sync | P1 | 30 s |

## Now

| Track | Priority | Time |
| --- | --- | --- |
| Sync | P1 | 12 s |
"""


def test_a_horizons_table_of_tracks_lists_its_work() -> None:
    # ``## Now`` over ``| Track | Priority | Current state | Next action |``, in a roadmap
    # whose headings name two horizons or more: each row is work of that horizon, named by
    # its first cell, in progress as the heading says (PacketBench: 14 rows unread)
    read = [(i.title, i.status, i.priority) for i in read_items(HORIZON_TABLE, "ROADMAP.md")]
    assert read[:2] == [("Sync engine", "in progress", "P1"), ("Export", "in progress", "P2")]
    assert finding_lines(HORIZON_TABLE, "ROADMAP.md") == []


def test_timings_before_and_now_are_no_plan() -> None:
    # one horizon word among the headings (``## Before`` is none): no roadmap of horizons,
    # its rows no items (what ``check`` says of it is as before: RL109 names the tables)
    assert read_items(TIMINGS_BEFORE_AND_NOW, "BENCH.md") == ()


STEP_TABLE = """\
# Project State

## Current milestone: M0

### Exit checklist

- [ ] Fresh repository
- [x] Clean builder

### Execution steps

| Step | Description | Status |
| --- | --- | --- |
| M0-A | Read-only preflight | PASS |
| M0-B | Repository binding | PASS |
"""

SETUP_STEPS = """\
# Setup

| Step | Description | Status |
| --- | --- | --- |
| Install | Get the package | Optional |
| Configure | Write the file | Optional |
"""


def test_a_step_table_named_by_ids_reads_its_rows_and_pass_is_done() -> None:
    # ``| Step | Description | Status |`` over ``| M0-A | ... | PASS |``: the step's ID names
    # the row, the description titles it, and a step the reviewer passed is done; beside
    # the exit checklist's boxes the rows were unread (lubarchy: 7)
    read = [(i.id, i.title, i.status) for i in read_items(STEP_TABLE, "project-state.md")]
    assert read[2:] == [
        ("M0-A", "Read-only preflight", "PASS"),
        ("M0-B", "Repository binding", "PASS"),
    ]
    assert finding_lines(STEP_TABLE, "project-state.md") == []


def test_a_table_of_setup_steps_named_by_words_is_no_plan() -> None:
    # the first column names steps by words, no IDs: a guide's table, as before
    assert read_items(SETUP_STEPS, "SETUP.md") == ()


SHIPPED_WRAPPED = """\
# Roadmap

## Shipped

- Adopt-by-name identity, RSVP with a lean, collision-safe gear claims,
  per-day Meals, Packing, batch-add
- 3-word invite slugs and rate limiting

## Next

- [ ] Lightweight chat
- [ ] Web push notifications
"""


def test_a_plain_bullets_title_cut_after_a_comma_goes_on_onto_its_wrapped_line() -> None:
    # ``- Adopt-by-name identity, ..., gear claims,`` over ``  per-day Meals, ...``: the
    # line cut the title after a comma, and the title goes on (tripwala: 2 cut short)
    titles = [i.title for i in read_items(SHIPPED_WRAPPED, "ROADMAP.md")]
    assert titles[0] == (
        "Adopt-by-name identity, RSVP with a lean, collision-safe gear claims, "
        "per-day Meals, Packing, batch-add"
    )
