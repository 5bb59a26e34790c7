"""The classes of plan file the twenty-ninth held-out set of the corpus (tests/corpus: a
mixed sample of every family, numbered 59, 67 and 68 in tables/, 163-164 in checkboxes/
and 58 in phases/) showed read wrong, each in a small document: read as a person reads
it, with no finding that is no defect; and beside each new reading a document that is no
plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

AGENT_BOARD = """\
# Task Board

*Dennis assigns tasks here. Agents pick up their assigned work.*

## Queued

- **Implement MarkdownEntityStore** -- Agent: codex -- Branch: `codex/memory-flywheel`
  - New file: `src/core/entity-store.ts`
  - Write tests in `src/core/entity-store.test.ts`
- **Write entity store tests** -- Agent: codex -- Branch: `codex/memory-flywheel`

## In Progress

*No tasks currently in progress.*

## Done

- **Phase 3: Wire dashboard views to Phase 2 APIs** -- Agent: codex -- Branch: `main`. \
Implemented live data wiring.
- **Set up remote git backup** -- Agent: dennis + claude. Created private repo, added as origin.
- **Define how other LLM agents participate** -- Agent: claude -- Added a section to \
CONVENTIONS.md.
"""


def test_an_agent_named_after_a_double_dash_owns_the_entry() -> None:
    # ``**Title** -- Agent: codex -- Branch: ...``: the fields after the bold name are
    # parted by double dashes, the agent its owner; a sentence after the name is what was
    # done (``dennis + claude. Created ...``), no part of it (ape-rture's task board); a
    # phase opening the bold name keeps its fields too
    read = [(i.id, i.title, i.status, i.dri) for i in read_items(AGENT_BOARD)]
    assert read == [
        ("implement-markdownentitystore", "Implement MarkdownEntityStore", "queued", "codex"),
        ("write-entity-store-tests", "Write entity store tests", "queued", "codex"),
        ("Phase 3", "Wire dashboard views to Phase 2 APIs", "done", "codex"),
        ("set-up-remote-git-backup", "Set up remote git backup", "done", "dennis + claude"),
        (
            "define-how-other-llm-agents-participate",
            "Define how other LLM agents participate",
            "done",
            "claude",
        ),
    ]
    assert finding_lines(AGENT_BOARD) == []


COMMAND_NOTES = """\
# Shell notes

Flags worth remembering, each with what it does.

- **ls -la** -- List: every file -- Long: with sizes
- **grep -rn** -- Search: recursively -- Lines: numbered
- **git log --oneline** -- History: one line a commit
"""


def test_bold_commands_with_fields_after_double_dashes_are_no_plan() -> None:
    # bold names with ``key: value`` parts after double dashes, but no field of a plan's
    # and no status anywhere: notes on commands, no work
    assert read_items(COMMAND_NOTES) == ()
    assert finding_lines(COMMAND_NOTES) == []


PRIORIDADES = """\
# 🎯 PRIORIDADES ACTUALES

## 🔴 Esta Semana (Urgente)

| # | Tarea | Estado | Responsable |
|---|-------|--------|-------------|
| 1 | Importar empleados desde Excel | ⏳ Pendiente | - |
| 2 | Pruebas con usuarios piloto | ⏳ Pendiente | - |

## 🟡 Próximas 2 Semanas

| # | Tarea | Dependencia |
|---|-------|-------------|
| 3 | Ajustes basados en feedback | #2 |
| 4 | Configurar permisos por área | #1 |

## ⏸️ En Espera

| Tarea | Esperando |
|-------|-----------|
| Multi-país | Feedback de producción |

## ✅ Completadas Recientemente

| Fecha | Tarea |
|-------|-------|
| 14/01/2026 | Tests backend al 100% |
"""


def test_spanish_sections_and_columns_say_status_and_what_a_task_waits_for() -> None:
    # ``| # | Tarea | Dependencia |``: the rows wait on the rows the cells name; under
    # ``## ⏸️ En Espera`` a row waits (its ``Esperando`` cell says on what, so no RL502),
    # under ``## ✅ Completadas Recientemente`` it is done (galz35's priorities)
    read = [
        (i.id, i.title, i.status, i.depends_on, i.external_deps) for i in read_items(PRIORIDADES)
    ]
    assert read == [
        ("1", "Importar empleados desde Excel", "⏳ Pendiente", (), ()),
        ("2", "Pruebas con usuarios piloto", "⏳ Pendiente", (), ()),
        ("3", "Ajustes basados en feedback", None, ("2",), ()),
        ("4", "Configurar permisos por área", None, ("1",), ()),
        ("multi-país", "Multi-país", "en espera", (), ("Feedback de producción",)),
        ("tests-backend-al-100", "Tests backend al 100%", "completadas", (), ()),
    ]
    assert finding_lines(PRIORIDADES) == []


GLOSARIO = """\
# Glosario del equipo

## Términos

| Término | Dependencia |
|---------|-------------|
| API | Servidor |
| Cliente | API |

## Completadas Recientemente

Las reuniones de la semana se completaron sin cambios.
"""


def test_a_glossary_with_a_dependencia_column_is_no_plan() -> None:
    # a table of terms and what each rests on, and a heading that says finished over a
    # paragraph: no work and no status, so no items and no finding
    assert read_items(GLOSARIO) == ()
    assert finding_lines(GLOSARIO) == []


KANBAN_TODO = """\
# Coddx

### Todo

- [ ] Animate Search Input
- [ ] Release notes for 2.0

### Done ✓

- [x] Add Search Box
- [x] Auto focus on New Task 2020-03-18
- [x] Check mark to mark as Done 2020-03-18
"""


def test_a_done_box_s_bare_closing_day_is_no_part_of_its_title() -> None:
    # a kanban extension's TODO.md writes the day a box was done after its words, with no
    # bracket or bar (coddx's TODO.md): the day is no part of the title
    read = [(i.title, i.status) for i in read_items(KANBAN_TODO)]
    assert read == [
        ("Animate Search Input", "todo"),
        ("Release notes for 2.0", "todo"),
        ("Add Search Box", "done"),
        ("Auto focus on New Task", "done"),
        ("Check mark to mark as Done", "done"),
    ]
    assert finding_lines(KANBAN_TODO) == []


RELEASE_DATES = """\
# Releases

The versions and the day each went out.

- Version 1.0 went out 2020-03-18
- Version 1.1 went out 2020-05-02
"""


def test_a_list_of_release_days_is_no_plan() -> None:
    # bullets ending in a day, but no box and no status: a record of releases, no work
    assert read_items(RELEASE_DATES) == ()
    assert finding_lines(RELEASE_DATES) == []
