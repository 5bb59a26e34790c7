"""The classes of plan file the thirteenth held-out set C of the corpus (tests/corpus: table
plans, box backlogs and a Backlog.md folder, numbered 14-17 in tables/ and 57-59 in
checkboxes/) showed misread, each in a small document: read as a person reads it, with no
finding a person would call a false alarm; and beside each new reading a document that is
no plan, which reads no items."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.edit.base import FieldChange, ItemEdit
from roadmaplint.edit.item import edit_item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

# A document with no items gets at most RL109, the account that it holds none (as
# tests/test_not_plans.py holds).
QUIET = ([], ["1:RL109"])


def _read(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.dri) for i in read_items(text)]


def test_a_sprint_backlog_names_its_title_and_owner_columns_in_its_own_language() -> None:
    dutch = """\
## Sprint Backlog – UC1

| ID | Taak | Koppeling Product Backlog | Toegewezen aan | Status |
|----|------|---------------------------|----------------|--------|
| S0-UC1-SB1 | Inlogpagina maken | PB1 | Manesh | To Do |
| S0-UC1-SB2 | Foutmeldingen na mislukte login | PB1 | Manesh | Done |
"""
    assert _read(dutch) == [
        ("S0-UC1-SB1", "Inlogpagina maken", "To Do", "Manesh"),
        ("S0-UC1-SB2", "Foutmeldingen na mislukte login", "Done", "Manesh"),
    ]
    assert finding_lines(dutch) == []
    spanish = """\
# Sprint 1

| ID | Jira | Historia | SP | Asignado | Estado |
|----|------|----------|----|----------|--------|
| US-01 | ALB-1 | Crear empresa | 5 | Lorena | To Do |
| US-02 | ALB-2 | Login con email | 3 | Marcos | In Progress |
"""
    assert _read(spanish) == [
        ("US-01", "Crear empresa", "To Do", "Lorena"),
        ("US-02", "Login con email", "In Progress", "Marcos"),
    ]
    assert finding_lines(spanish) == []


def test_a_changelog_table_in_spanish_is_no_plan() -> None:
    # ``Historia`` is also "history": a changelog's table names no field of a plan
    text = """\
# Cambios

| Versión | Historia | Fecha |
|---------|----------|-------|
| 1.1 | Exportar a CSV | 2026-04-02 |
| 1.0 | Primera versión | 2026-03-01 |
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET


def test_an_italic_title_cell_is_a_placeholder_not_a_task() -> None:
    text = """\
## Sprint Backlog – UC3

| ID | Task | Owner | Status |
|----|------|-------|--------|
| SB1 | *Still to be filled in for UC3* |  | To Do |
| SB2 | Build the *overview* screen | Raquel | To Do |
| SB3 | **Approve all hours** | Raquel | Done |
"""
    assert [(item_id, title) for item_id, title, _, _ in _read(text)] == [
        ("SB2", "Build the overview screen"),
        ("SB3", "Approve all hours"),
    ]
    assert finding_lines(text) == []


def test_a_definition_of_done_under_a_plan_table_is_no_work() -> None:
    text = """\
# Sprint 1 Backlog

| ID | Story | Owner | Status |
|----|-------|-------|--------|
| US-01 | Create a company | Lorena | To Do |

## Definition of Done
A story is **Done** when:

- [ ] Every acceptance criterion of the issue is verified.
- [ ] The PR is reviewed and approved.
"""
    assert _read(text) == [("US-01", "Create a company", "To Do", "Lorena")]
    assert finding_lines(text) == []
    # a team's handbook that is only a Definition of Done reads no items either
    handbook = (
        "# Working agreement\n\n## Definition of Done\n\n- [ ] Tests pass\n- [ ] Docs updated\n"
    )
    assert read_items(handbook) == ()
    assert finding_lines(handbook) in QUIET


SHEET = """\
|A       |B      |C                          |D          |E       |
|--------|-------|---------------------------|-----------|--------|
|SPRINT  |TASK ID|TASK NAME (FEATURE)        |ASSIGNED TO|PRIORITY|
|Sprint 1|       |Foundation: Database & UI  |           |        |
|        |1.1    |Set up SQLite database     |Terry      |High    |
|        |1.2    |Create simple log in       |Anthony    |Medium  |
|Sprint 2|       |Refining the UI            |           |        |
|        |2.1    |Enhance UI for usability   |Bryan      |Low     |
"""


def test_a_sheet_pasted_from_a_spreadsheet_names_its_columns_in_its_first_row() -> None:
    items = read_items(SHEET)
    assert [(i.id, i.title, i.priority, i.dri) for i in items] == [
        ("1.1", "Set up SQLite database", "High", "Terry"),
        ("1.2", "Create simple log in", "Medium", "Anthony"),
        ("2.1", "Enhance UI for usability", "Low", "Bryan"),
    ]
    assert finding_lines(SHEET) == []
    # the write half reads the same columns: set changes the Priority cell of row 1.2
    edit = ItemEdit(fields=(FieldChange("Priority", "Low"),))
    written = edit_item(parse(SHEET, "BACKLOG.md", Settings()), "1.2", edit, Settings())
    assert (
        written.splitlines()[5]
        == "|        |1.2    |Create simple log in       |Anthony    | Low  |"
    )
    assert [i.priority for i in read_items(written)] == ["High", "Low", "Low"]


def test_a_budget_pasted_from_a_spreadsheet_is_no_plan() -> None:
    text = """\
# Budget

|A      |B        |C    |
|-------|---------|-----|
|Item   |Cost     |Qty  |
|Laptop |1200     |2    |
|Monitor|300      |4    |
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET


def test_boxes_in_todo_txt_grammar_take_the_letter_as_priority_and_no_context_as_owner() -> None:
    text = """\
# To-Do List

## Today's Priorities

- [ ] (A) Complete the specification +todomd cr:2025-08-01
  - [x] Write README.md cm:2025-08-02
  - [ ] Write spec.md
- [ ] (B) Schedule next week's meeting @work due:2025-08-05

## Personal

- [x] Buy milk and bread cm:2025-08-01 @home
- [ ] (C) Schedule the dentist due:2025-08-30
- [ ] Run 30 minutes rec:d
"""
    items = read_items(text)
    assert [(i.title, i.priority, i.dri, i.status) for i in items] == [
        ("Complete the specification", "A", None, "[ ]"),
        ("Schedule next week's meeting", "B", None, "[ ]"),
        ("Buy milk and bread", None, None, "done"),
        ("Schedule the dentist", "C", None, "[ ]"),
        ("Run 30 minutes", None, None, "[ ]"),
    ]
    assert finding_lines(text) == []
    # one lettered box is no grammar: ``@bob`` stays the owner of a plain box list
    plain = "# TODO\n\n- [ ] (A) Call the client\n- [ ] Ship the release @bob\n"
    assert [i.dri for i in read_items(plain)] == [None, "bob"]


def test_a_readme_of_the_todo_txt_grammar_is_no_plan() -> None:
    text = """\
# todomd

Tasks are markdown boxes with todo.txt's tokens:

```markdown
- [ ] (A) Call the client +work @phone due:2025-08-05
- [x] (B) Send the invoice cm:2025-08-01
```

- `(A)` to `(Z)`: the priority
- `@context`: where the task can be done
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET


def test_the_grammar_shown_in_a_fence_leaves_the_owners_of_a_box_list() -> None:
    text = """\
# TODO

```markdown
- [ ] (A) Call the client @phone
- [ ] (B) Send the invoice @office
```

- [ ] Ship the release @bob
- [ ] Write the notes @ana
"""
    assert [(i.title, i.dri) for i in read_items(text)] == [
        ("Ship the release", "bob"),
        ("Write the notes", "ana"),
    ]


def test_an_open_box_whose_note_says_it_is_blocked_is_blocked() -> None:
    text = """\
# Backlog

- [x] **B7 Monetization scaffold.** (PR #21) Lock badges and a Restore button.
- [ ] **B8 Art overhaul** — blocked on mockup approval. Terrain first, then units.
- [ ] B9 Sound pass - Blocked by the licence review
- [ ] B10 Unblock the build: blocked tests moved to nightly
"""
    assert [(item_id, status) for item_id, _, status, _ in _read(text)] == [
        ("B7", "done"),
        ("B8", "blocked"),
        ("B9", "blocked"),
        ("B10", "[ ]"),
    ]
    assert finding_lines(text) == []


def test_plain_bullets_in_a_parking_lot_after_boxes_are_ideas() -> None:
    text = """\
# Backlog

## Release

- [x] R0 Android APK on every merge
- [ ] R1 Play store listing

## Later / ideas parking lot

- Online async PvP with accounts — only if players ask.
- Cloud save via the platform once accounts exist.
"""
    assert [(title, status) for _, title, status, _ in _read(text)][2:] == [
        ("Online async PvP with accounts", "idea"),
        ("Cloud save via the platform once accounts exist.", "idea"),
    ]
    assert finding_lines(text) == []


def test_meeting_notes_with_a_parking_lot_are_no_plan() -> None:
    text = """\
# Team sync, 12 March

## Attendees

- Ana, Bob, Chen

## Parking lot

- Whether to move the standup to 10:00
- The office move in May
"""
    assert read_items(text) == ()
    assert finding_lines(text) in QUIET


def test_a_remark_in_brackets_after_a_box_sentence_is_no_part_of_its_title() -> None:
    text = """\
# Backlog

- [x] Remember the chosen animal per project, not just globally.
      (`treats animal <name> --here`; `--here default` clears it.)
- [ ] Email a weekly summary, reminders, etc. (requires a mail service)
- [ ] Replace the pragma with include guards? (check convention)
"""
    assert [title for _, title, _, _ in _read(text)] == [
        "Remember the chosen animal per project, not just globally.",
        "Email a weekly summary, reminders, etc. (requires a mail service)",
        "Replace the pragma with include guards? (check convention)",
    ]
