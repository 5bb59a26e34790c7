"""The classes of plan file the thirteenth held-out set C of the corpus (tests/corpus: table
plans, box backlogs and a Backlog.md folder, numbered 14-17 in tables/ and 57-59 in
checkboxes/) showed misread, each in a small document: read as a person reads it, with no
finding a person would call a false alarm; and beside each new reading a document that is
no plan, which reads no items."""

from __future__ import annotations

from conftest import finding_lines, read_items


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
    handbook = "# Working agreement\n\n## Definition of Done\n\n- [ ] Tests pass\n- [ ] Docs updated\n"
    assert read_items(handbook) == ()
    assert finding_lines(handbook) in QUIET
