"""What the twenty-first to twenty-fourth break passes left (ROADMAP SAFE-57, SAFE-58,
SAFE-60, SAFE-61), each fixed for its class: a small document of its kind, written
fresh, and beside it the nearest plan (which still reads as it did) or a document that
is no plan (which reads no items and gets no finding). Edits go through the installed
command line, their exit code and bytes checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import cli, finding_lines, read_items

from roadmaplint.settings import common_meaning

if TYPE_CHECKING:
    from pathlib import Path


def _nothing(text: str, path: str = "NOTES.md") -> None:
    assert read_items(text, path) == ()
    assert finding_lines(text, path) == []


# --- tables that are no plan's: no RL109 for their near miss (SAFE-61, SAFE-60)

WAITING = """\
# Reunión del equipo

## Bloqueos

| Tema | Esperando | Dependencia |
|------|-----------|-------------|
| Migración | Equipo de datos | Acceso a la base |
| Despliegue | Infra | Nuevo clúster |
"""


def test_a_table_of_what_waits_on_whom_with_no_title_column_gets_no_error() -> None:
    # what each topic rests on, with no status, owner nor priority: no work, whatever
    # its width (two columns were passed over already)
    _nothing(WAITING)


def test_a_boards_table_of_tasks_waiting_is_still_read() -> None:
    board = """\
# Board

## Blocked

| Task | Waiting on | Status |
|------|------------|--------|
| Import the archive | Set up storage | blocked |
| Build the index | Import the archive | blocked |
"""
    assert [i.title for i in read_items(board)] == ["Import the archive", "Build the index"]


REGISTERS = (
    """\
# Project risks

| Risk ID | Risk Title | Status | Owner |
|---------|------------|--------|-------|
| R-01 | Vendor delay | Open | Ana |
| R-02 | Key person leaves | Mitigated | Ben |
""",
    """\
# Decisions

| Decision ID | Decision Name | Status |
|-------------|---------------|--------|
| D1 | Use Postgres | Accepted |
| D2 | Drop Python 3.8 | Proposed |
""",
)


def test_a_register_that_names_its_rows_as_no_work_gets_no_error() -> None:
    # ``Risk ID``, ``Decision Name``: the table says what its rows are, risks or decisions,
    # which the reader does not take for work (it reads ``Story ID`` and ``Task Name``)
    for register in REGISTERS:
        _nothing(register)


def test_a_table_named_by_its_unit_of_work_is_still_read() -> None:
    stories = REGISTERS[0].replace("Risk ID", "Story ID").replace("Risk Title", "Story Title")
    read = [(i.id, i.title, i.dri) for i in read_items(stories)]
    assert read == [("R-01", "Vendor delay", "Ana"), ("R-02", "Key person leaves", "Ben")]


STATUS_REPORT = """\
# Weekly status report

| Area | Status |
|------|--------|
| Backend | On track |
| Frontend | At risk |
"""


def test_a_status_report_of_two_columns_gets_no_error() -> None:
    # how each part stands, as ``| Component | Status |`` and ``| Topic | Status |`` say
    _nothing(STATUS_REPORT)


def test_a_table_of_parts_with_owners_still_comes_close() -> None:
    # with an owner beside the status, each row is someone's work: the near miss stays
    owned = STATUS_REPORT.replace("| Area | Status |", "| Area | Status | Owner |").replace(
        "track |", "track | ana |"
    )
    assert finding_lines(owned) == ["1:RL109"]
    # two columns whose statuses are work's (``todo``, ``done``): deliverables, a near miss
    worked = STATUS_REPORT.replace("On track", "todo").replace("At risk", "done")
    assert finding_lines(worked) == ["1:RL109"]


# --- tables of things owed on a day: no dated work (SAFE-57)

OWED = (
    """\
# Orders

| Order | Item | ETA | Carrier |
|-------|------|-----|---------|
| 1041 | Desk lamp | 2025-03-04 | DHL |
| 1042 | Chair | 2025-03-09 | UPS |
""",
    """\
# Reading list

| Book | Title | Due Date |
|------|-------|----------|
| 1 | Dune | 2025-03-04 |
| 2 | Emma | 2025-03-20 |
""",
)


def test_a_table_of_parcels_or_books_due_reads_no_items() -> None:
    # an ETA or a due date beside a column of things (``Item``, ``Title``) dates what is
    # owed or arrives, no work
    for table in OWED:
        _nothing(table)


def test_work_due_on_a_day_is_still_read() -> None:
    tasks = OWED[1].replace("| Book | Title |", "| Step | Task |")
    assert [i.title for i in read_items(tasks)] == ["Dune", "Emma"]
    planned = OWED[0].replace("| ETA |", "| Target Date |")
    assert [i.title for i in read_items(planned)] == ["Desk lamp", "Chair"]


# --- headings and bullets that are no plan's items (SAFE-61, SAFE-60, SAFE-58)

INCIDENT = """\
# Incident review: the March outage

## 🚨 CRITICAL (Blockers) - Score: 2/2 ✅ 100%

### ✅ 1. Database down

The primary went read-only at 02:10; the failover took fourteen minutes.

### ✅ 2. Queue backlog

Workers stalled behind the database; drained by 03:00.

## ⚠️ HIGH - Score: 1/1 ✅ 100%

### ✅ 3. Alerts late

Paging fired nine minutes after the first error.
"""


def test_an_incident_reports_numbered_headings_under_a_severity_band_read_no_items() -> None:
    # every numbered heading ticked and none writing a field: what was resolved, told in
    # prose, no list of done work
    _nothing(INCIDENT, "incident.md")


def test_a_tracker_under_bands_and_a_series_with_open_work_are_still_read() -> None:
    tracker = INCIDENT.replace("The primary went", "**STATUS:** ✅ IMPLEMENTED\n\nThe primary went")
    read = [(i.id, common_meaning(i.status or "")) for i in read_items(tracker)]
    assert read == [("1", "done"), ("2", "done"), ("3", "done")]
    opened = INCIDENT.replace("### ✅ 3.", "### 3.")
    assert [i.id for i in read_items(opened)] == ["1", "2", "3"]


COURSE = """\
# Intro to Data Science

## Before you start

- [x] Install Python 3.11
- [ ] Join the course forum

## Syllabus

- **Phase I: Foundations (Weeks 1-4)** — Python, NumPy, plotting
- **Phase II: Modelling (Weeks 5-8)** — regression, trees, validation
"""


def test_a_course_outlines_bold_phase_bullets_after_a_checklist_read_no_phases() -> None:
    # the checklist is what to do first; the phases are the course's parts, no work
    assert [i.title for i in read_items(COURSE, "COURSE.md")] == [
        "Install Python 3.11",
        "Join the course forum",
    ]


def test_a_roadmaps_themes_before_its_boxes_are_still_its_phases() -> None:
    roadmap = """\
# Roadmap

## Themes

- **Phase I: Rigor (Q1 2026)** — harden the pipeline
- **Phase II: Reach (Q2 2026)** — more users

## Now

- [ ] **Dashboard**
- [x] **Ratchet**
"""
    assert [i.id for i in read_items(roadmap, "ROADMAP.md")][:2] == ["Phase I", "Phase II"]


RELEASE_PLAN = """\
# Release plan v2.0

## Release Checklist

### Before release day

- [x] Freeze the branch

### On release day

- [ ] Tag v2.0
- [ ] Publish the packages
"""


def test_a_release_plans_steps_under_its_checklists_subheadings_are_read() -> None:
    # the document plans this one release: its checklist's groups are its steps
    read = [(i.title, common_meaning(i.status or "")) for i in read_items(RELEASE_PLAN)]
    assert read == [
        ("Freeze the branch", "done"),
        ("Tag v2.0", "ready"),
        ("Publish the packages", "ready"),
    ]


def test_a_projects_release_checklist_is_still_criteria() -> None:
    readme = RELEASE_PLAN.replace("# Release plan v2.0", "# Widgets")
    assert read_items(readme) == ()


ISSUE_CHANGELOG = """\
# History

## v1.3.0

### [\\#412 Issue](https://github.com/acme/tool/issues/412) `closed`: Crash on empty config

### [\\#409 PR](https://github.com/acme/tool/pull/409) `merged`: Lazy imports

## v1.2.0

### [\\#380 Issue](https://github.com/acme/tool/issues/380) `closed`: Typo in help
"""


def test_a_changelog_of_exported_issues_under_versions_reads_no_items() -> None:
    # the issues each release closed: what shipped, no work (an export of the tracker,
    # one top heading per issue, still reads them: tests/test_reading_leftovers_ten.py)
    _nothing(ISSUE_CHANGELOG, "HISTORY.md")
    titled = ISSUE_CHANGELOG.replace("# History", "# Changelog").replace("## v1.2.0", "## Older")
    _nothing(titled, "HISTORY.md")


def test_exported_issues_under_topic_headings_are_still_read() -> None:
    grouped = ISSUE_CHANGELOG.replace("## v1.3.0", "## Bugs").replace("## v1.2.0", "## Docs")
    assert [i.id for i in read_items(grouped, "issues.md")] == ["412", "409", "380"]


# --- a dated box's note that names a dependency (SAFE-60)

DATED = """\
# Backlog

- [x] BX-1 Set up storage (2025-11-18)
- [ ] BX-2 Import the archive (2025-11-21) - depends on BX-1
- [ ] BX-3 Build the index (2025-11-24) - waiting for review
"""


def test_a_note_after_a_dated_box_keeps_the_dependency_it_names() -> None:
    read = [(i.id, i.title, i.depends_on) for i in read_items(DATED, "TODO.md")]
    assert read == [
        ("BX-1", "Set up storage", ()),
        ("BX-2", "Import the archive", ("BX-1",)),
        ("BX-3", "Build the index", ()),  # a note naming no ID is prose
    ]
    assert finding_lines(DATED, "TODO.md") == []
    unknown = DATED.replace("depends on BX-1", "depends on BX-9")
    assert finding_lines(unknown, "TODO.md") == ["4:RL301"]


def test_a_dated_notes_dependency_is_edited_where_it_stands(tmp_path: Path) -> None:
    plan = tmp_path / "TODO.md"
    plan.write_bytes(DATED.encode())
    done = cli("set", "BX-2", "--add-dep", "BX-3", "TODO.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == DATED.replace("on BX-1\n", "on BX-1, BX-3\n").encode()
    done = cli(
        "set", "BX-2", "--remove-dep", "BX-1", "--remove-dep", "BX-3", "TODO.md", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == DATED.replace(" - depends on BX-1", "").encode()
    plan.write_bytes(DATED.encode())
    done = cli("set", "BX-2", "--title", "Import the old archive", "TODO.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == DATED.replace("the archive", "the old archive").encode()


# --- a numbered list of status marks (SAFE-57)

CHECKLIST = """\
# Pull request

## Checklist

1. ✅ Tests added
2. ✅ Docs updated
3. ⏳ Changelog entry
"""


def test_a_numbered_list_of_marks_outside_a_plan_reads_no_items() -> None:
    # a pull request's checklist, a README's features, a recipe's steps
    _nothing(CHECKLIST, "PULL_REQUEST.md")
    recipe = CHECKLIST.replace("# Pull request", "# Bread").replace("## Checklist", "## Steps")
    _nothing(recipe, "bread.md")


NEXT_STEPS = """\
# Game Roadmap

## Phase 1: MVP

**Goal**: a playable level

## Next Steps

1. ✅ Create the repository
2. 🔄 Playtest the level
3. ⏳ Iterate on feedback
"""


def test_a_plans_numbered_next_steps_are_read_and_set_status_rewrites_the_mark(
    tmp_path: Path,
) -> None:
    read = [(i.id, common_meaning(i.status or "")) for i in read_items(NEXT_STEPS)][1:]
    assert read == [("1", "done"), ("2", "in_progress"), ("3", "ready")]
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(NEXT_STEPS.replace("\n", "\r\n").encode())
    done = cli("set", "3", "--status", "done", "ROADMAP.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    expected = NEXT_STEPS.replace("3. ⏳", "3. ✅").replace("\n", "\r\n")
    assert plan.read_bytes() == expected.encode()
    refused = cli("set", "3", "--dri", "ana", "ROADMAP.md", cwd=tmp_path)
    assert refused.returncode == 2
    assert plan.read_bytes() == expected.encode()


def test_set_status_rewrites_an_ascii_mark_its_legend_explains(tmp_path: Path) -> None:
    tasks = """\
# Tasks

Legend: `+` Completed, `~` In Progress, `-` To Do

1) + Set up the repository
2) ~ Write the parser
3) - Write the docs
"""
    plan = tmp_path / "TASKS.md"
    plan.write_bytes(tasks.encode())
    done = cli("set", "2", "--status", "done", "TASKS.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == tasks.replace("2) ~", "2) +").encode()


# --- epics whose headings close with their status in a code span (SAFE-58)

CODED = """\
# Epics

## E01 — Login `done`

Users sign in with a password.

## E02 — Search `todo`

Find other users.
"""


def test_set_status_rewrites_a_status_closing_a_heading_in_a_code_span(tmp_path: Path) -> None:
    plan = tmp_path / "EPICS.md"
    plan.write_bytes(CODED.encode())
    done = cli("set", "E02", "--status", "in progress", "EPICS.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == CODED.replace("`todo`", "`in progress`").encode()
    refused = cli("set", "E02", "--status", "waiting on legal", "EPICS.md", cwd=tmp_path)
    assert refused.returncode == 2
    assert plan.read_bytes() == CODED.replace("`todo`", "`in progress`").encode()


def test_new_in_an_epics_file_of_coded_statuses_writes_its_heading_as_its_neighbours(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "EPICS.md"
    plan.write_bytes(CODED.encode())
    done = cli("new", "Epics", "Messages", "EPICS.md", "--status", "todo", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == (CODED + "\n## E03 — Messages `todo`\n").encode()
    # a field no heading writes is written as a field, as before
    plan.write_bytes(CODED.encode())
    done = cli("new", "Epics", "Messages", "EPICS.md", "--priority", "P1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "- **Priority:** P1" in plan.read_text(encoding="utf-8")


# --- new under a heading of labelled groups (SAFE-60)

LABELLED = """\
# Roadmap

## Features

✅ **Completed**
- [x] Login page

🔧 **In Progress**
- [ ] Search
- [ ] Profiles

💡 **Planned**
- [ ] Messages
"""


def test_new_under_labelled_groups_goes_to_the_group_of_its_status(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_bytes(LABELLED.encode())
    done = cli("new", "Features", "Export", "--status", "In Progress", "ROADMAP.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == LABELLED.replace("Profiles\n", "Profiles\n- [ ] Export\n").encode()
    plan.write_bytes(LABELLED.encode())
    done = cli("new", "Features", "Export", "--status", "done", "ROADMAP.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == LABELLED.replace("page\n", "page\n- [x] Export\n").encode()
    # no status asked: the group whose label says an open box's (Planned)
    plan.write_bytes(LABELLED.encode())
    done = cli("new", "Features", "Export", "ROADMAP.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes() == (LABELLED + "- [ ] Export\n").encode()
    # no group says it: refused, where it took the last label's status unseen
    unplanned = LABELLED.split("\n\n💡")[0] + "\n"
    plan.write_bytes(unplanned.encode())
    refused = cli("new", "Features", "Export", "ROADMAP.md", cwd=tmp_path)
    assert refused.returncode == 2
    assert "--status" in refused.stderr
    assert plan.read_bytes() == unplanned.encode()
