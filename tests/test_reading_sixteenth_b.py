"""The classes of plan file the sixteenth held-out set B of the corpus (tests/corpus: plans
outside English and outside tidy templates, measured before any change, numbered 67 in
headings/, 52-53 in phases/ and tables/, 105-107 in checkboxes/) showed read wrong, each
in a small document: read as a person reads it, with no finding; and beside each new
reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

GERMAN_TODO = """\
# TODO-Liste

## 🚨 Hohe Priorität

### 🔒 Sicherheitslücken schließen
- [x] Veraltete Abhängigkeiten aktualisieren
- [ ] API-Schlüssel-Handhabung prüfen

## 📈 Mittlere Priorität

### 📚 Dokumentation verbessern
- [ ] FAQ aktualisieren

## 🌟 Niedrige Priorität

- [ ] Barrierefreiheit optimieren

## ✅ Abgeschlossene Aufgaben

- [x] Release-Prozess dokumentiert
"""


def test_boxes_under_priority_bands_written_in_german() -> None:
    # the band over the topic subheadings names how urgent its boxes are, in German as
    # in English (``## High Priority``); the word written is the priority
    read = [(i.title, i.status, i.priority) for i in read_items(GERMAN_TODO, "TODO.md")]
    assert read == [
        ("Veraltete Abhängigkeiten aktualisieren", "done", "Hohe"),
        ("API-Schlüssel-Handhabung prüfen", "[ ]", "Hohe"),
        ("FAQ aktualisieren", "[ ]", "Mittlere"),
        ("Barrierefreiheit optimieren", "[ ]", "Niedrige"),
        ("Release-Prozess dokumentiert", "done", None),
    ]
    assert finding_lines(GERMAN_TODO, "TODO.md") == []


def test_a_spanish_band_gives_its_boxes_the_priority_it_names() -> None:
    todo = "# Tareas\n\n## Prioridad alta\n\n- [ ] Migrar la base\n- [x] Copiar los datos\n"
    assert [i.priority for i in read_items(todo, "TODO.md")] == ["alta", "alta"]


def test_a_german_guide_about_priorities_reads_no_items() -> None:
    guide = """\
# Mitwirken

## Hohe Priorität

Fehler, die Daten löschen, beheben wir zuerst. Melde sie bitte im Issue-Tracker.

## Niedrige Priorität

Wünsche für neue Funktionen sammeln wir in den Diskussionen.
"""
    assert read_items(guide, "CONTRIBUTING.md") == ()
    assert finding_lines(guide, "CONTRIBUTING.md") == []


AGENT_QUEUE = """\
# Task Queue

## In Progress

- [ ] [TASK-002] **Finish the monorepo migration** (Started: 2025-12-03)
  - **Branch:** `claude/monorepo`

## Backlog

- [ ] CI/CD setup (GitHub Actions)

## Completed (Recent)

- [x] [TASK-001] Complete the orchestration system (2025-11-28 17:00)
- [x] Create the agent file (2025-11-28 15:45)
- [x] Create the tracking files (2025-11-28 16:30)
- [x] Update the project state to v0.2.5 (2025-11-28 16:45)
"""


def test_an_agent_queue_with_bracketed_ids_and_closing_days_and_hours() -> None:
    # ``[TASK-002]`` is the box's ID in a list whose other boxes have none; the day and
    # hour closing a box (``(2025-11-28 15:45)``, ``(Started: 2025-12-03)``) are the
    # log's, no part of the title
    read = [(i.id, i.title, i.status) for i in read_items(AGENT_QUEUE, "task-queue.md")]
    assert read[0] == ("TASK-002", "Finish the monorepo migration", "in progress")
    assert read[2][0] == "TASK-001"
    assert [title for _, title, _ in read[2:]] == [
        "Complete the orchestration system",
        "Create the agent file",
        "Create the tracking files",
        "Update the project state to v0.2.5",
    ]
    assert finding_lines(AGENT_QUEUE, "task-queue.md") == []


def test_meeting_notes_naming_tickets_in_brackets_read_no_items() -> None:
    notes = """\
# Meeting notes, 2025-11-28

Present: the agent team.

- Discussed the migration, tracked as [TASK-002] (2025-11-28 15:45)
- Agreed to keep the orchestration work of [TASK-001] as it is
"""
    assert read_items(notes, "notes.md") == ()
    assert finding_lines(notes, "notes.md") == []


REGISTRY = """\
# CODEX_TASKS.md — Task Registry

## Task Registry

- [x] ID=T0001 STATUS=DONE TYPE=test SCOPE=tests/ VERIFY="pytest -q" DESC="Add an import guard: fail on the old loader" COMMIT=748a568 DATE=2026-02-09
- [x] ID=T0002 STATUS=DONE TYPE=refactor SCOPE=helpers/ VERIFY="pytest -q" DESC="Add type hints in helpers/persist" COMMIT=759ad91 DATE=2026-02-09
- [ ] ID=T0003 STATUS=TODO TYPE=chore SCOPE=tooling/ VERIFY="pytest -q" DESC="Add a mypy config"
"""


def test_a_task_registry_of_key_value_boxes() -> None:
    # ``ID=`` names the ID and ``DESC="..."`` the title; the other fields are the
    # registry's bookkeeping
    read = [(i.id, i.title, i.status) for i in read_items(REGISTRY, "CODEX_TASKS.md")]
    assert read == [
        ("T0001", "Add an import guard: fail on the old loader", "done"),
        ("T0002", "Add type hints in helpers/persist", "done"),
        ("T0003", "Add a mypy config", "[ ]"),
    ]
    assert finding_lines(REGISTRY, "CODEX_TASKS.md") == []


def test_a_configuration_listing_of_key_value_lines_reads_no_items() -> None:
    config = """\
# Deployment settings

- ID=web-01 REGION=eu-west DESC="The public web server"
- ID=db-01 REGION=eu-west DESC="The primary database"
"""
    assert read_items(config, "DEPLOY.md") == ()
    assert finding_lines(config, "DEPLOY.md") == []


SPANISH_ROADMAP = """\
# Hoja de ruta

## FASE 1: Errores críticos ✅ COMPLETADA

### CORE-01: Validación de estado ✅
**Prioridad:** 🔴 CRÍTICA | **Esfuerzo:** 3 días | **Completado:** 01-nov-2025

**Tareas:**
- [x] CORE-01.1: Crear enums de estados
- [x] CORE-01.2: Agregar backups

## FASE 2: Testing

### TEST-01: Unit tests
**Prioridad:** 🟠 ALTA | **Esfuerzo:** 5 días | **Asignado:** Jules | **Estado:** 🟡 En Progreso

**Tareas:**
- [x] TEST-01.1: Tests para el gestor
- [ ] TEST-01.2: Tests para los modelos

**Dependencias:** CORE-01

### TEST-02: Integration tests
**Prioridad:** 🟡 MEDIA | **Esfuerzo:** 3 días | **Asignado:** Ana

**Tareas:**
- [ ] TEST-02.1: Flujo completo
- [ ] TEST-02.2: Operaciones de Git

**Dependencias:** TEST-01
"""


def test_task_headings_over_steps_numbered_under_their_ids() -> None:
    # the task and each of its numbered steps are items, whether the task writes a
    # status or not; a step shares its task's priority and owner (``**Asignado:**``)
    read = [
        (i.id, i.status, i.priority, i.dri, i.depends_on)
        for i in read_items(SPANISH_ROADMAP, "ROADMAP.md")
    ]
    assert read == [
        ("CORE-01", "✅", "🔴 CRÍTICA", None, ()),
        ("CORE-01.1", "done", "🔴 CRÍTICA", None, ()),
        ("CORE-01.2", "done", "🔴 CRÍTICA", None, ()),
        ("TEST-01", "🟡 En Progreso", "🟠 ALTA", "Jules", ("CORE-01",)),
        ("TEST-01.1", "done", "🟠 ALTA", "Jules", ()),
        ("TEST-01.2", "[ ]", "🟠 ALTA", "Jules", ()),
        ("TEST-02", None, "🟡 MEDIA", "Ana", ("TEST-01",)),
        ("TEST-02.1", "[ ]", "🟡 MEDIA", "Ana", ()),
        ("TEST-02.2", "[ ]", "🟡 MEDIA", "Ana", ()),
    ]
    # TEST-02 writes no status beside tasks that do: its steps say how far it is
    assert finding_lines(SPANISH_ROADMAP, "ROADMAP.md") == []


def test_an_api_reference_of_numbered_error_codes_reads_no_items() -> None:
    reference = """\
# Error codes

The service answers with one of these codes.

## Timeouts

- ERR-01.1: the upstream took longer than 10 s
- ERR-01.2: the database took longer than 5 s

## Limits

- ERR-02.1: too many requests in a minute
- ERR-02.2: the body is larger than 1 MB
"""
    assert read_items(reference, "ERRORS.md") == ()
    assert finding_lines(reference, "ERRORS.md") == []
