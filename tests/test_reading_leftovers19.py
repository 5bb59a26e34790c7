"""The classes the nineteenth leftovers pass (ROADMAP CORE-225) reads: the three files the
thirty-ninth and forty-first held-out sets left read silently wrong (CORE-206, CORE-214,
CORE-216), each in a small document read as a person reads it, and beside each new
reading a document that is no plan, which reads no items and no finding."""

from __future__ import annotations

from conftest import finding_lines, read_items

from roadmaplint.settings import common_meaning

# A Spanish plan of phases that keeps what it finished in one section, its features named
# in bold, and its proposals for later as numbered bold names over nested notes.
PHASES_WITH_FEATURES = """\
# Lista de tareas

## 🚀 Estado actual

### ✅ Funcionalidades Completadas

- **Modelo de datos**: los tipos propios están en su sitio.
- **Navegación**: una barra lateral plegable:
  - **Escritorio**: la barra.
  - **Móvil**: una barra inferior.

## 🎯 Hoja de ruta

### Fase 1: Núcleo

1.  **Avisos de caducidad**: un trabajo diario.

### Fase 2: Contenidos

1.  **Carga de contenidos**: importar los documentos.

## 💡 Propuestas

### Para el usuario

1.  **Modo sin conexión**:
    - **Propuesta**: guardar documentos.
    - **Ventajas**: trabajo de campo.

2.  **Insignias por curso**:
    - **Propuesta**: insignias.
    - **Ventajas**: motivación.
"""

# The same plan in English, its finished work under a heading that names it in words.
PHASES_WITH_COMPLETED_FEATURES = """\
# Task list

## Completed Features

- **Theme architecture**: a child theme with a modular build.
- **Data structure**: custom post types are in place.

## Roadmap

### Phase 1: Core (High Priority)

1.  **Certificate alerts**: a daily job.

## 💡 Proposals and Strategic Improvements

1.  **Offline mode**:
    - **Proposal**: save documents offline.
2.  **Gamification**:
    - **Proposal**: badges.
"""

# A plan of phases that reports its product's parts by their state in three sections: a
# summary of the work its phase headings hold, no more items.
PHASES_WITH_A_STATE_REPORT = """\
# Platform tracking

### Phase 1: Event creation (High Priority)

Build the events.

### Phase 2: Ticketing (Medium Priority)

Sell the tickets.

## Implementation status

### ✅ IMPLEMENTED (70% of platform)
- **Authentication:** the auth system
- **Ticketing:** ticket management

### ⚠️ PARTIALLY IMPLEMENTED (20% of platform)
- **Admin dashboard:** core APIs exist
- **Analytics:** basic metrics

### ❌ NOT IMPLEMENTED (10% of platform)
- **Directory:** backend required
- **Classes:** backend required
"""

# A plan of phases whose product section lists its features in bold, and whose design
# notes name a proposals process: no finished work, no ideas.
PHASES_WITH_KEY_FEATURES = """\
# Plan

## Key Features

- **Offline mode**: documents stay readable.
- **Search**: fuzzy search of every document.

## Writing proposals

1.  **Open an issue**: say what you want.
2.  **Write the design**: in the docs folder.

### Phase 1: Core (High Priority)

Build the core.

### Phase 2: Launch (Low Priority)

Ship it.
"""


def test_bold_named_finished_features_and_proposals_beside_phases_are_items() -> None:
    items = {item.title: common_meaning(item.status) for item in read_items(PHASES_WITH_FEATURES)}
    assert items == {
        "Modelo de datos": "done",
        "Navegación": "done",
        "Núcleo": None,
        "Contenidos": None,
        "Modo sin conexión": "idea",
        "Insignias por curso": "idea",
    }
    assert finding_lines(PHASES_WITH_FEATURES) == []


def test_a_heading_that_names_completed_features_and_one_of_proposals_in_english() -> None:
    items = read_items(PHASES_WITH_COMPLETED_FEATURES)
    assert {item.title: common_meaning(item.status) for item in items} == {
        "Theme architecture": "done",
        "Data structure": "done",
        "Core": None,
        "Offline mode": "idea",
        "Gamification": "idea",
    }


def test_a_report_of_the_products_parts_by_state_beside_phases_is_no_more_items() -> None:
    assert [item.id for item in read_items(PHASES_WITH_A_STATE_REPORT)] == ["Phase 1", "Phase 2"]


def test_bold_named_features_and_a_proposals_process_beside_phases_are_no_items() -> None:
    assert [item.id for item in read_items(PHASES_WITH_KEY_FEATURES)] == ["Phase 1", "Phase 2"]
    assert finding_lines(PHASES_WITH_KEY_FEATURES) == []


# A backlog of ID tables whose archive table has no Status column: its heading says all
# of it is done, some of its rows a range of IDs, and draft specs as heading items follow.
BACKLOG_WITH_ARCHIVE = """\
# Feature Backlog

## Core (P0)

| ID | Status | Feature | Description |
|---|---|---|---|
| F-001 | `done` | Login | Sign in |
| F-002 | `planned` | Export | CSV out |

## Archive (All 'Done' P1/P2)

| ID | Feature | Summary |
|---|---|---|
| F-020–024 | Device core | Controls and alerts |
| B-001–B-004 | Cleanup | Crash fixes |
| F-030 | Graphs | Live graphs |

## Draft Specs

### F-002: Export

Write rows out as CSV.
"""

# A table of the ranges of IDs each area uses, under a heading that says nothing of their
# state: a naming guide, no work.
ID_RANGES_GUIDE = """\
# Feature Backlog

## Core (P0)

| ID | Status | Feature | Description |
|---|---|---|---|
| F-001 | `done` | Login | Sign in |

## ID ranges (all areas)

| ID | Area | Summary |
|---|---|---|
| F-020–024 | Devices | Controls and alerts |
| B-001–B-004 | Bugs | Crash fixes |

## Draft Specs

### F-001: Login

Sign in with a password.
"""


def test_an_archive_table_under_a_heading_that_says_all_is_done_holds_done_rows() -> None:
    items = {item.id: item.status for item in read_items(BACKLOG_WITH_ARCHIVE)}
    assert items == {
        "F-001": "done",
        "F-002": "planned",
        "F-020–024": "Done",
        "B-001–B-004": "Done",
        "F-030": "Done",
    }


def test_a_table_of_id_ranges_under_a_heading_of_no_state_is_no_work() -> None:
    assert [item.id for item in read_items(ID_RANGES_GUIDE)] == ["F-001"]
    assert finding_lines(ID_RANGES_GUIDE) == []


# A Kiro spec's tasks: a box ticked because its work was taken out of scope, as its name
# says, and a task that waits for the one before it to unblock it.
SPEC_TASKS = """\
# Implementation Plan

## Tasks

- [x] 1. **Shared client**: the http client
- [x] 2. **`ca_provider` — DESCOPED** (checked as closed-by-descope, not as done): removed
  from scope on cost grounds.
- [x] 3. Legacy importer — cancelled
- [ ] 4. **Provision the account**
- [ ] 5. **Live verification** (unblocked by task 4)
"""

# Ticked boxes whose names carry a dash and a word that lets nothing go, and a note that
# says what a task unblocked once done: done work, no dependency.
DONE_TASKS = """\
# Implementation Plan

## Tasks

- [x] 1. **Export — CSV**: rows out as CSV
- [x] 2. Importer — removed the old parser and rewrote it
- [ ] 3. **Live verification**: this unblocked the release
"""


def test_a_box_ticked_as_descoped_is_closed_and_unblocked_by_names_a_dependency() -> None:
    items = {item.id: item for item in read_items(SPEC_TASKS, "tasks.md")}
    assert {key: common_meaning(item.status) for key, item in items.items()} == {
        "1": "done",
        "2": "closed",
        "3": "closed",
        "4": "ready",
        "5": "ready",
    }
    assert items["5"].depends_on == ("4",)
    assert items["2"].title == "ca_provider — DESCOPED"


def test_a_ticked_box_whose_name_goes_on_after_a_dash_is_done() -> None:
    items = read_items(DONE_TASKS, "tasks.md")
    assert [(item.id, common_meaning(item.status)) for item in items] == [
        ("1", "done"),
        ("2", "done"),
        ("3", "ready"),
    ]
    assert all(not item.depends_on for item in items)
    assert finding_lines(DONE_TASKS, "tasks.md") == []


# A crate's roadmap per version in one file, its level-1 headings its sections: a version's
# roadmap each, then what lies past them.
ROADMAP_PER_VERSION = """\
# Roadmap for v0.next
- Implement the quadratic sieve
- Euler totient

# Roadmap for v1
- Support no_std

# Undetermined
- Support async

# Not in plan
- Number field sieve
"""

# A README whose level-1 headings are its sections, one of them naming the next version's
# roadmap in prose, the others its features and install steps: no plan.
README_WITH_ONE_ROADMAP = """\
# widget

- Fast parsing
- Small footprint

# Install
- Run `cargo add widget`

# Roadmap for v1

We plan to stabilise the API before v1.
"""


def test_level_one_headings_that_each_name_a_versions_roadmap_hold_its_work() -> None:
    items = read_items(ROADMAP_PER_VERSION, "ROADMAP.md")
    assert [(item.title, common_meaning(item.status)) for item in items] == [
        ("Implement the quadratic sieve", None),
        ("Euler totient", None),
        ("Support no_std", None),
        ("Support async", "idea"),
        ("Number field sieve", "closed"),
    ]


def test_a_readme_with_one_versions_roadmap_in_prose_is_no_plan() -> None:
    assert read_items(README_WITH_ONE_ROADMAP, "README.md") == ()
    assert finding_lines(README_WITH_ONE_ROADMAP, "README.md") == []


# A Go CLI's roadmap titled by its name and a dash, whose principles every version holds
# to, and whose 1.0 vision names the work of its one version.
NAMED_ROADMAP = """\
# widget — Project Roadmap

## Design Principles (Invariant)

- Deterministic generation
- No hidden globals

## Released Milestones

### v0.1.0 — Bootstrap

- CLI entrypoint

## Planned Milestones

### v0.2.0 — Containers

- Dockerfile template

## 1.0 Vision

### v1.0.0 — Stable Public Release

- Stable template registry
- Public announcement
"""

# A roadmap tool's README titled by its name and a dash: its features are no work.
ROADMAP_TOOL_README = """\
# widget — Roadmap CLI

## Features

- Reads a ROADMAP.md
- Prints a summary of its tasks
"""


def test_a_roadmap_titled_by_a_name_and_a_dash_reads_its_versions_bullets() -> None:
    items = read_items(NAMED_ROADMAP, "ROADMAP.md")
    assert [(item.title, common_meaning(item.status)) for item in items] == [
        ("CLI entrypoint", "done"),
        ("Dockerfile template", "ready"),
        ("Stable template registry", None),
        ("Public announcement", None),
    ]


def test_a_roadmap_tools_readme_titled_by_a_name_and_a_dash_is_no_plan() -> None:
    assert read_items(ROADMAP_TOOL_README, "README.md") == ()
    assert finding_lines(ROADMAP_TOOL_README, "README.md") == []
