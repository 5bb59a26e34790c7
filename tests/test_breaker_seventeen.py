"""The seventeenth break pass: the seams of corpus19a, corpus19b, writes5 and quiet6.
Documents that are no plans, written as people write them, read no items and get no
finding; plans of the merged shapes are written through the installed command line with
only what was asked changed, or one line, exit 2, and the file untouched (LF, CRLF and
without a final newline)."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, finding_lines, read_items
from write_variants import refuses as _refuses
from write_variants import writes


def _writes_unchecked(folder: Path, text: str, args: tuple[str, ...], expected: str) -> None:
    writes(folder, text, args, expected, clean=False)


# quiet6 reads three or more headings numbered by one prefix and closed by a full stop
# (``### D1. Title``) as items: a ranked defect list. A FAQ's questions, a syllabus's
# weeks and an RFC's decisions are written the same way and are no work.
FAQ = (
    "# FAQ\n\n### Q1. How do I install it?\n\nRun pip.\n\n"
    "### Q2. Does it run on Windows?\n\nYes.\n\n### Q3. Where do I report bugs?\n\nOn the tracker.\n"
)
SYLLABUS = (
    "# CS101 Syllabus\n\n## Weeks\n\n### W1. Introduction\n\nReading: ch. 1\n\n"
    "### W2. Variables\n\nReading: ch. 2\n\n### W3. Loops\n\nReading: ch. 3\n\n"
    "### W3. Loops lab\n\nLab.\n"
)
RFC = (
    "# RFC 42: New storage engine\n\n- Author: Ana\n- Status: Draft\n\n## Decisions\n\n"
    "### D1. Use LSM trees\n\nWrites dominate.\n\n### D2. Keep the WAL\n\nAs it is.\n\n"
    "### D3. Drop compression v1\n\nNobody uses it.\n"
)


def test_a_faq_a_syllabus_and_an_rfc_numbered_by_a_prefix_read_no_items() -> None:
    for text, name in ((FAQ, "FAQ.md"), (SYLLABUS, "syllabus.md"), (RFC, "rfc-42.md")):
        assert read_items(text, name) == (), name
        assert finding_lines(text, name) == [], name


def test_a_dotted_series_with_a_status_or_under_a_status_heading_is_still_read() -> None:
    ranked = "# Bugs\n\n### D1. Blending — **DONE**\n\n### D2. Flex\n\n### D3. Hit testing\n"
    assert [item.id for item in read_items(ranked, "notes.md")] == ["D1", "D2", "D3"]
    open_list = "# Open\n\n### D1. Blending\n\n### D2. Flex\n\n### D1. Hit testing\n"
    assert finding_lines(open_list, "todo.md") == ["7:RL102"]


# corpus19b reads number-only task headings (``### Task 1``, ``### Tarea #1``) over field
# bullets as tasks; their IDs are no id-pattern's, and the writes took them as free text.
TASKS = (
    "# Tasks\n\n### Task 1\n\n- Description: Create the database\n- Status: Todo\n\n"
    "### Task 2\n\n- Description: Design the API\n- Status: Todo\n- Depends on: Task 1\n\n"
    "### Task 3\n\n- Description: Ship\n- Status: Todo\n- Depends on: Task 2\n"
)


def test_a_numbered_tasks_new_dependency_is_checked_as_an_ids(tmp_path: Path) -> None:
    said = _refuses(tmp_path, TASKS, ("set", "Task 1", "--add-dep", "Task 3"))
    assert "would make a cycle" in said
    assert "unknown item Task 9" in _refuses(
        tmp_path, TASKS, ("set", "Task 1", "--add-dep", "Task 9")
    )
    assert "itself" in _refuses(tmp_path, TASKS, ("set", "Task 1", "--add-dep", "Task 1"))
    added = TASKS.replace(
        "- Status: Todo\n\n### Task 2", "- Status: Todo\n- Depends on: Go 1.26\n\n### Task 2"
    )
    _writes_unchecked(tmp_path, TASKS, ("set", "Task 1", "--add-dep", "Go 1.26"), added)


TAREAS = (
    "# Tareas\n\n### Tarea #1\n\n- Descripción: Crear la base de datos\n- Estado: Pendiente\n\n"
    "### Tarea #2\n\n- Descripción: Diseñar la API\n- Estado: Pendiente\n"
)


def test_an_id_with_a_number_sign_is_named_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "ROADMAP.md"
    path.write_text(TAREAS)
    run = cli("show", "Tarea #2", "ROADMAP.md", cwd=tmp_path)
    assert run.returncode == 0 and "Diseñar la API" in run.stdout, run.stderr
    for named in ("Tarea #1", "ROADMAP.md#Tarea #1"):
        path.write_text(TAREAS)
        run = cli("set", named, "--status", "En progreso", "ROADMAP.md", cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        changed = [
            (old, new)
            for old, new in zip(TAREAS.splitlines(), path.read_text().splitlines(), strict=True)
            if old != new
        ]
        assert changed == [("- Estado: Pendiente", "- Estado: En progreso")], changed


# A README's features table is read as items (writes5, quiet6) and so is its checklist:
# the two name one feature twice, each with no ID written, and the IDs the reader made
# from the titles were reported duplicates, an error the user wrote nothing for.
README = (
    "# Widget\n\n## Features\n\n| Feature | Status |\n|---|---|\n| Login | Done |\n"
    "| Search | In progress |\n| Reports | Planned |\n\n## Roadmap\n\n- [x] Login\n- [ ] Reports\n"
)


def test_a_readmes_checklist_restating_its_features_table_is_no_duplicate() -> None:
    assert finding_lines(README, "README.md") == []
    written = README + "- [ ] LOGIN-1 Login\n- [ ] LOGIN-1 Search\n"
    assert finding_lines(written, "README.md") == ["16:RL102"]


# corpus19a titles a box led by a blocking label by its work; its ID was still made from
# the label (``blocked-by``, ``blocked-by-2``), and once set done the box was titled by
# the label: the same item, renamed by its state.
BLOCKED = (
    "# Backlog\n\n## Phase 3 — Blocked (waiting on decisions)\n\n"
    "- [ ] **Blocked by**: the pricing decision — settle the invoice layout\n"
    "- [ ] **Blocked by**: legal review — publish the terms\n"
)


def test_a_box_led_by_a_blocking_label_is_named_by_its_work_in_every_state(
    tmp_path: Path,
) -> None:
    read = [(item.id, item.title) for item in read_items(BLOCKED, "BACKLOG.md")]
    assert read == [
        ("settle-the-invoice-layout", "settle the invoice layout"),
        ("publish-the-terms", "publish the terms"),
    ]
    done = BLOCKED.replace("- [ ] **Blocked by**: legal", "- [x] **Blocked by**: legal")
    _writes_unchecked(tmp_path, BLOCKED, ("set", "publish-the-terms", "--status", "done"), done)
    assert [(item.id, item.title, item.status) for item in read_items(done, "BACKLOG.md")][1] == (
        "publish-the-terms",
        "publish the terms",
        "done",
    )


# corpus19b reads a middle-dot heading's last part as its status, Finnish words among
# them; set wrote the English word in capitals (``DONE``) beside the document's KORJATTU.
OBSERVATIONS = (
    "# Havainnot\n\n### OBS-001 · 2026-05-27 · asiakas · AVOIN\n\nKuvaus.\n\n"
    "### OBS-002 · 2026-05-28 · testi · KORJATTU\n\nKuvaus.\n"
)


def test_a_heading_status_is_set_in_the_documents_own_word(tmp_path: Path) -> None:
    fixed = OBSERVATIONS.replace("asiakas · AVOIN", "asiakas · KORJATTU")
    _writes_unchecked(tmp_path, OBSERVATIONS, ("set", "OBS-001", "--status", "done"), fixed)
    reopened = OBSERVATIONS.replace("testi · KORJATTU", "testi · AVOIN")
    _writes_unchecked(tmp_path, OBSERVATIONS, ("set", "OBS-002", "--status", "todo"), reopened)


# corpus19a titles a release tracker's rows by a Workstream column (``| # | Workstream |
# Priority | Status | Owner |``); a status page names its rows first and says which
# team's each is in a Workstream column: its services were read as items titled by team.
STATUS_PAGE = (
    "# Service status\n\n| Service | Status | Workstream |\n|---|---|---|\n"
    "| API | Operational | Platform |\n| Web | Degraded | Frontend |\n| Jobs | Operational | Platform |\n"
)


def test_a_workstream_column_after_the_rows_name_titles_nothing() -> None:
    assert read_items(STATUS_PAGE, "STATUS.md") == ()
    assert finding_lines(STATUS_PAGE, "STATUS.md") == []
    tracker = "# Release\n\n| # | Workstream | Status |\n|---|---|---|\n| 1 | Kernels | Done |\n"
    assert [item.title for item in read_items(tracker, "RELEASE-TRACKER.md")] == ["Kernels"]


# writes5 sets a check-marked heading's other status as a Status field under it; a field
# added under a file's last heading, the file without a final newline, gave it one.
MARKED = "# Queue\n\n### TASK-7 Write docs\n\n### TASK-8 Ship it ✓ DONE\n\n### TASK-9 Plan ✓ DONE\n"


def test_a_field_added_under_the_last_heading_keeps_the_files_missing_newline(
    tmp_path: Path,
) -> None:
    reopened = MARKED.replace("### TASK-9 Plan ✓ DONE\n", "### TASK-9 Plan\n\n- **Status:** todo\n")
    _writes_unchecked(tmp_path, MARKED, ("set", "TASK-9", "--status", "todo"), reopened)
    plain = "# Queue\n\n### TASK-7 — Write docs\n\n### TASK-9 — Plan\n"
    ranked = plain + "\n- **Priority:** P1\n"
    _writes_unchecked(tmp_path, plain, ("set", "TASK-9", "--priority", "P1"), ranked)


# quiet6 reads a meeting's record by its title (Meeting Notes, Retro, Minutes) or its
# **Attendees:** line; a meeting titled by its day is one too, its follow-ups no work.
def test_a_meeting_titled_by_its_day_reads_only_boxes_with_ids() -> None:
    boxes = "\n\n## Follow-ups\n\n- [ ] Send the notes (owner: bob)\n- [ ] Book the venue [P2]\n"
    for title in ("Planning meeting 2024-05-02", "Team meeting — 2024-05-02", "2024-05-02 Standup"):
        assert read_items(f"# {title}{boxes}", "notes.md") == (), title
    assert read_items("# Notes" + boxes, "2024-05-02-team-meeting.md") == ()
    plan = "# Meeting room booking roadmap" + boxes
    assert len(read_items(plan, "ROADMAP.md")) == 2
    with_id = "# Planning meeting 2024-05-02\n\n- [ ] ACT-1 Ana: fix the build\n"
    assert [item.id for item in read_items(with_id, "notes.md")] == ["ACT-1"]


def test_the_mcp_server_finds_an_id_with_a_number_sign(tmp_path: Path) -> None:
    from roadmaplint.mcp.workspace import Workspace

    path = tmp_path / "ROADMAP.md"
    path.write_text(TAREAS)
    served, item_id = Workspace([path]).locate("Tarea #2")
    assert (served.path, item_id) == (path, "Tarea #2")
