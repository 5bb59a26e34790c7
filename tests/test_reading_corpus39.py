"""The classes of plan file the thirty-ninth held-out set of the corpus (tests/corpus: a
game's TODO, a CLI's roadmap, a crate's roadmap, a milestones ledger, an Italian task list,
an agent's pasted todo list and a library's roadmap of tables, numbered 244-245 in
checkboxes/, 163-164 in headings/, 146-147 in phases/ and 154 in tables/) showed read
wrong, each in a small document: read as a person reads it, with no finding that is no
defect; and beside each new reading a document that is no plan, which reads no items and
no finding, or keeps what it read before."""

from __future__ import annotations

from conftest import finding_lines, read_items

SIGN_UP_SHEET = """\
# Game TODO

## High Priority

- [x] [Ana] Player movement
    - [x] keyboard
- [ ] [Juan] Create enemy
- [ ] [_____] Load levels from CSV

## Mid Priority

- [ ] [Ana] Implement HUD
- [ ] [_____] Integrate shaders

## Low Priority

- [ ] [Juan] Write the README
"""

TAGGED_BOXES = """\
# Release checklist

- [x] [Backend] Bump the API version
- [ ] [Frontend] Update the login page
- [ ] [Docs] Write the upgrade notes
"""


def test_a_sign_up_sheet_names_each_box_owner_in_brackets() -> None:
    # ``- [ ] [Juan] Create enemy`` beside ``- [ ] [_____] Load levels``: the blank slot
    # says the brackets are where a name signs up, so each name is its box's owner and no
    # part of its title, a blank one no owner; ``## Mid Priority`` is a priority band
    # as ``## Medium Priority`` is
    read = [(i.title, i.dri, i.priority) for i in read_items(SIGN_UP_SHEET, "TODOLIST.md")]
    assert read == [
        ("Player movement", "Ana", "High"),
        ("Create enemy", "Juan", "High"),
        ("Load levels from CSV", None, "High"),
        ("Implement HUD", "Ana", "Mid"),
        ("Integrate shaders", None, "Mid"),
        ("Write the README", "Juan", "Low"),
    ]
    assert finding_lines(SIGN_UP_SHEET, "TODOLIST.md") == []


def test_boxes_tagged_in_brackets_with_no_blank_slot_name_no_owner() -> None:
    # a checklist's components in brackets, no slot left blank: tags, kept in the title
    read = [(i.title, i.dri) for i in read_items(TAGGED_BOXES, "CHECKLIST.md")]
    assert read == [
        ("[Backend] Bump the API version", None),
        ("[Frontend] Update the login page", None),
        ("[Docs] Write the upgrade notes", None),
    ]
    assert finding_lines(TAGGED_BOXES, "CHECKLIST.md") == []


AGENT_TODOS = """\
I'll break each phase down. Let me update the todo list.

⏺ Update Todos
  ⎿  ✅ PHASE 1.1: Read the client class
     ✅ PHASE 1.2: Study the quote API
     ☐ PHASE 2.1: Send the swap
     ☐ PHASE 2.2: Confirm the transaction

⏺ DETAILED PLAN

  PHASE 2.1: Send the swap

  Detailed Steps:
  1. Build the transaction
  2. Write the checklist
  ## Pre-release checklist
  - [ ] Trades run on the test network
  - [ ] The stop button works
"""

CONSOLE_REPORT = """\
⏺ Bash(pytest -q)
  ⎿  ✅ 120 passed
     ✅ lint clean

⏺ All checks are green.
"""


def test_an_agents_todo_list_pasted_from_its_console_is_the_plan() -> None:
    # ``⏺ Update Todos`` over ``⎿ ✅ PHASE 1.1: ...`` and ``☐ PHASE 2.1: ...`` lines: the
    # todo list the agent keeps, each line an item, ``✅`` done and ``☐`` still to do; the
    # boxes of the breakdown after it are what a step writes (a checklist to publish)
    read = [(i.id, i.title, i.status) for i in read_items(AGENT_TODOS, "IMPLEMENTATION_PLAN.md")]
    assert read == [
        ("PHASE 1.1", "Read the client class", "done"),
        ("PHASE 1.2", "Study the quote API", "done"),
        ("PHASE 2.1", "Send the swap", "todo"),
        ("PHASE 2.2", "Confirm the transaction", "todo"),
    ]
    assert finding_lines(AGENT_TODOS, "IMPLEMENTATION_PLAN.md") == []


def test_a_console_report_of_checks_reads_no_plan() -> None:
    # a tool's output marked done line by line, no todo list: no items
    assert read_items(CONSOLE_REPORT, "session.md") == ()
    assert finding_lines(CONSOLE_REPORT, "session.md") == []


ITALIAN_PHASES = """\
# Piano

### Fase 1: Funzioni principali (Priorità Alta)

1.  **Automazioni**: creare il cron.

### Fase 2: Contenuti (Priorità Media)

1.  **Caricamento**: importare i documenti.

### Fase 3: Lancio (Priorità Bassa)

1.  **Deploy**: andare in produzione.
"""

ITALIAN_NOTES = """\
# Note di rilascio

### Correzioni (priorità data agli utenti)

- Avvio più rapido
- Meno memoria
"""


def test_a_phase_closed_by_an_italian_priority_note_reads_its_priority() -> None:
    # ``### Fase 1: ... (Priorità Alta)``: the priority the note names, as ``(High
    # Priority)`` gives one, and no part of the phase's name
    read = [(i.id, i.title, i.priority) for i in read_items(ITALIAN_PHASES, "TASKLIST.md")]
    assert read == [
        ("Fase 1", "Funzioni principali", "Alta"),
        ("Fase 2", "Contenuti", "Media"),
        ("Fase 3", "Lancio", "Bassa"),
    ]
    assert finding_lines(ITALIAN_PHASES, "TASKLIST.md") == []


def test_italian_release_notes_with_a_priority_remark_read_no_plan() -> None:
    assert read_items(ITALIAN_NOTES, "NOTE.md") == ()
    assert finding_lines(ITALIAN_NOTES, "NOTE.md") == []


LEGEND_TABLES = """\
# Library Roadmap

> **Status Legend**
>
> - ✅ **Implemented** - Merged and released
> - 🟡 **Planned** - Scheduled

## v0.3: Agent Patterns ✅

| Feature | Status | Impact | Effort |
| ------- | ------ | ------ | ------ |
| **Planner** | ✅ | High | Medium |
| **Critic agent** | ✅ | Medium | Small |

## v0.4: Connectors 🟡

| Feature | Status | Impact | Effort |
| ------- | ------ | ------ | ------ |
| **CSV Loader** | 🟡 High | High | Small |
| **Vector Store** | 🟡 Medium | Medium | Medium |
"""

SUPPORT_MATRIX = """\
# Features

**Legend**

- ✅ **Supported** - works today
- ❌ **Unsupported** - does not work

| Feature | Status | Notes |
| ------- | ------ | ----- |
| Linux | ✅ | all distributions |
| Windows | ✅ | 10 and later |
| BSD | ❌ | untested |
"""


def test_feature_tables_of_a_status_legends_marks_are_the_plans_rows() -> None:
    # ``| Feature | Status |`` over ``✅`` and ``🟡 High`` cells, under a legend that names
    # those marks as states of work (``- ✅ **Implemented**``, ``- 🟡 **Planned**``): the
    # rows are the plan's work, the mark its state, a priority after it its priority.
    read = [(i.title, i.status, i.priority) for i in read_items(LEGEND_TABLES, "ROADMAP.md")]
    assert read == [
        ("Planner", "✅ Implemented", None),
        ("Critic agent", "✅ Implemented", None),
        ("CSV Loader", "🟡 Planned", "High"),
        ("Vector Store", "🟡 Planned", "Medium"),
    ]
    assert finding_lines(LEGEND_TABLES, "ROADMAP.md") == []


def test_a_support_matrix_with_a_legend_of_what_works_reads_no_plan() -> None:
    # a legend whose words say what a program supports names no state of work
    assert read_items(SUPPORT_MATRIX, "README.md") == ()
    assert finding_lines(SUPPORT_MATRIX, "README.md") == []


RELEASE_PARAGRAPHS = """\
# Library Roadmap

**Status Legend**

- ✅ **Implemented** - Released
- 🟡 **Planned** - Scheduled

---

v0.1.0 ✅ Eval Framework
Evaluators → snapshots → reports

v0.2.0 ✅ MCP Client
Client → server → tool interop

v0.3.0 🟡 Visual Builder
Drag-drop graph builder → YAML export
"""

CHANGELOG_PARAGRAPHS = """\
# Changelog

v0.1.0 ✅ Eval Framework
Evaluators → snapshots → reports

v0.2.0 ✅ MCP Client
Client → server → tool interop

v0.3.0 ✅ Visual Builder
Drag-drop graph builder → YAML export
"""


def test_releases_listed_as_paragraphs_led_by_a_legends_mark_are_items() -> None:
    # ``v0.3.0 🟡 Visual Builder`` over the line of what it brings, beside a status legend
    # naming ``🟡``: each release an item, its version the ID, the mark its state
    read = [(i.id, i.title, i.status) for i in read_items(RELEASE_PARAGRAPHS, "ROADMAP.md")]
    assert read == [
        ("v0.1.0", "Eval Framework", "✅ Implemented"),
        ("v0.2.0", "MCP Client", "✅ Implemented"),
        ("v0.3.0", "Visual Builder", "🟡 Planned"),
    ]
    assert finding_lines(RELEASE_PARAGRAPHS, "ROADMAP.md") == []


def test_a_changelog_of_release_paragraphs_with_no_legend_reads_no_plan() -> None:
    # the same paragraphs with no legend naming their marks: what shipped, no plan
    assert read_items(CHANGELOG_PARAGRAPHS, "CHANGELOG.md") == ()
    assert finding_lines(CHANGELOG_PARAGRAPHS, "CHANGELOG.md") == []
