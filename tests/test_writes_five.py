"""Writes and readings the fourth writes pass and the breaker passes left (SAFE-44 to
SAFE-49): new on a queue of ID bullets, a heading's check mark beside its Status field,
a dated bullet's day, a flow-mapping task's escapes, a priority inside a heading's words,
a feature table in Italian, one phase of numbered steps, an owner and a priority in
brackets. Every write runs through the installed command line with the file's bytes
compared before and after, as written, with CRLF line endings and without a final
newline: only what was asked changes, or one line, exit 2, and the file untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import cli
from test_taskfiles import backlog, backlog_project, needs_backlog  # noqa: F401
from test_writes_four import QUEUE
from write_variants import VARIANTS
from write_variants import refuses as _refuses
from write_variants import variant_of as _variant
from write_variants import writes as _writes


def _show(folder: Path, item_id: str, name: str = "ROADMAP.md") -> str:
    return cli("show", item_id, name, cwd=folder).stdout


def _listed(folder: Path, text: str, name: str = "ROADMAP.md") -> list[dict[str, object]]:
    (folder / name).write_text(text, encoding="utf-8")
    run = cli("list", "--format", "json", name, cwd=folder)
    assert run.returncode == 0, run.stderr
    items: list[dict[str, object]] = json.loads(run.stdout)
    return items


# --- new on a queue whose statuses are its level-2 headings (SAFE-47 box 1)

# the queue of ID bullets the fourth writes pass wrote, grown here by new


def test_new_adds_an_id_bullet_to_a_status_section_written_as_the_one_above(
    tmp_path: Path,
) -> None:
    _writes(
        tmp_path,
        QUEUE,
        ("new", "Todo", "Password reset"),
        QUEUE.replace("(depends on FEAT-1)\n", "(depends on FEAT-1)\n- FEAT-4: Password reset\n"),
    )
    shown = _show(tmp_path, "FEAT-4")
    assert shown.startswith("FEAT-4  Password reset\n") and "Status:          todo\n" in shown
    # at the end of the file, which keeps its final newline or its lack of one
    _writes(
        tmp_path,
        QUEUE,
        ("new", "Done", "Deploy", "--id", "FEAT-9"),
        QUEUE + "- [FEAT-9] Deploy\n",
    )
    # an owner, a priority and dependencies on the line, as set writes them there
    _writes(
        tmp_path,
        QUEUE,
        (
            "new",
            "In Progress",
            "Reset",
            "--dri",
            "bob",
            "--priority",
            "P1",
            "--depends-on",
            "FEAT-1",
        ),
        QUEUE.replace(
            "@alice (P1)\n", "@alice (P1)\n- [FEAT-4] Reset @bob (P1) (depends on FEAT-1)\n"
        ),
    )
    assert "DRI:             bob\n" in _show(tmp_path, "FEAT-4")


NUMBERED = """\
# Todo

## Todo

1. [FEAT-1] Login page
2. FEAT-2: Logout (depends on FEAT-1)

## Done

1. **FEAT-0** Setup
"""

GROUPED = """\
# Plan

## Todo

- Auth
  - [FEAT-1] Login page
  - FEAT-2: Logout (depends on FEAT-1)

## Done

- Base
  - [FEAT-0] Setup
"""


def test_new_numbers_and_nests_a_bullet_as_the_list_does(tmp_path: Path) -> None:
    _writes(
        tmp_path,
        NUMBERED,
        ("new", "Todo", "Reset"),
        NUMBERED.replace("(depends on FEAT-1)\n", "(depends on FEAT-1)\n3. FEAT-3: Reset\n"),
    )
    _writes(tmp_path, NUMBERED, ("new", "Done", "Ship"), NUMBERED + "2. **FEAT-3** Ship\n")
    _writes(tmp_path, GROUPED, ("new", "Done", "Ship"), GROUPED + "  - [FEAT-3] Ship\n")


def test_new_bullet_values_a_bullet_cannot_hold_are_refused_in_one_line(tmp_path: Path) -> None:
    said = _refuses(tmp_path, QUEUE, ("new", "Todo", "Reset", "--done", "it works"))
    assert said.startswith("roadmaplint: error: ROADMAP.md:6:")
    assert "section it stands in" in _refuses(
        tmp_path, QUEUE, ("new", "Todo", "Reset", "--status", "Done")
    )
    assert "already exists" in _refuses(tmp_path, QUEUE, ("new", "Todo", "Reset", "--id", "FEAT-0"))
    said = _refuses(tmp_path, QUEUE, ("new", "Todo", "Reset", "--dri", "two words"))
    assert said.startswith("roadmaplint: error: ROADMAP.md:6: ") and "owner" in said


# --- a heading's check mark and its Status field (SAFE-47 box 2)

MARKED = """\
# Work Queue

## Phase 1 — Foundation

### TASK-008 ✓ DONE
- **Module:** Schema
- **Depends on:** NONE
- **Status:** DONE (2026-03-04, session 1)

### TASK-009 ✓ DONE
- **Module:** Ledger
- **Depends on:** TASK-008
- **Status:** DONE (2026-03-04, session 2)

### TASK-010
- **Module:** Clients
- **Depends on:** TASK-008
"""


def test_a_check_mark_follows_the_status_field_beside_it(tmp_path: Path) -> None:
    # a check mark says done only: set to another status it goes, the field says the rest
    _writes(
        tmp_path,
        MARKED,
        ("set", "TASK-009", "--status", "IN PROGRESS"),
        MARKED.replace("### TASK-009 ✓ DONE", "### TASK-009").replace(
            "DONE (2026-03-04, session 2)", "IN PROGRESS"
        ),
    )
    # set done where the other done headings write the mark: written there too
    _writes(
        tmp_path,
        MARKED,
        ("set", "TASK-010", "--status", "DONE"),
        MARKED.replace("### TASK-010\n", "### TASK-010 ✓ DONE\n- **Status:** DONE\n"),
    )


def test_a_lone_check_mark_set_to_another_status_gives_way_to_a_field(tmp_path: Path) -> None:
    """No heading and no legend of the document writes a marked status but done: the
    mark goes and a field says the new status (the marks are the document's own only)."""
    text = "# Tasks\n\n## Tasks\n\n### TASK-7 — Login\n\n### TASK-8 ✓ DONE\n\nLogout.\n"
    _writes(
        tmp_path,
        text,
        ("set", "TASK-8", "--status", "todo"),
        text.replace("### TASK-8 ✓ DONE\n", "### TASK-8\n\n- **Status:** todo\n"),
    )


# --- a dated bullet's day (SAFE-44 box 2, SAFE-45 box 1)

DATED = """\
# Releases

## Planned

- 2026-05-01 — Beta launch
- 2026-06-01: GA launch

## Done

- 2026-03-01 — Alpha
"""


def test_a_dated_bullets_day_is_a_field_that_every_write_keeps(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(DATED, encoding="utf-8")
    assert "Date:            2026-05-01\n" in _show(tmp_path, "beta-launch")
    assert "Date:            2026-06-01\n" in _show(tmp_path, "ga-launch")
    exported = json.loads(cli("export", "ROADMAP.md", cwd=tmp_path).stdout)
    fields = {f["name"]: f for f in exported["items"][0]["fields"]}
    assert (fields["Date"]["value"], fields["Date"]["line"], fields["Date"]["column"]) == (
        "2026-05-01",
        5,
        3,
    )
    _writes(
        tmp_path,
        DATED,
        ("set", "ga-launch", "--status", "done", "--dri", "bob"),
        DATED.replace("- 2026-06-01: GA launch\n", "") + "- 2026-06-01: GA launch @bob\n",
    )
    assert "Date:            2026-06-01\n" in _show(tmp_path, "ga-launch")


# --- a flow-mapping task's escapes (SAFE-48 box 3)

FLOW = '---\n{id: TASK-6, title: "Fl\\u00f6w", status: To Do, labels: [a,   "b"]}\n---\n\nBody.\n'


@pytest.mark.slow
@pytest.mark.usefixtures("needs_backlog")
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_flow_mapping_task_keeps_the_bytes_it_did_not_change(
    tmp_path: Path, variant: str
) -> None:
    root = backlog_project(tmp_path)
    task = root / "tasks" / "task-6 - Flow.md"
    task.write_bytes(_variant(FLOW, variant).encode())
    run = cli("set", "TASK-6", "--status", "In Progress", "--dri", "bob", "backlog", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    wanted = FLOW.replace("status: To Do,", "status: In Progress,").replace(
        '"b"]}', '"b"], assignee: [bob]}'
    )
    assert task.read_bytes().decode() == _variant(wanted, variant)
    view = backlog("task", "view", "--plain", "task-6", cwd=tmp_path)
    assert "Task TASK-6 - Flöw" in view and "In Progress" in view and "@bob" in view


# --- readings: a priority among a heading's words, a feature table in Italian, one
# phase of numbered steps, a meeting's boxes (SAFE-46, SAFE-48, SAFE-49)


def test_a_priority_inside_a_headings_words_names_no_band(tmp_path: Path) -> None:
    text = (
        "# Plan\n\n## Meeting (P1 attendees)\n\n- [ ] Send the deck\n\n"
        "## Bugs (P1)\n\n- [ ] Fix the login\n\n## Notes on P2 bugs\n\n- [ ] Triage\n"
    )
    priorities = {item["title"]: item["priority"] for item in _listed(tmp_path, text)}
    assert priorities == {"Send the deck": "", "Fix the login": "P1", "Triage": ""}


@pytest.mark.parametrize(
    "table",
    [
        "| Funzione | Stato |\n|---|---|\n| Esportazione | completato |\n| Sync | in corso |\n",
        "| Funzionalità | Descrizione |\n|---|---|\n| Esportazione | CSV |\n| Sync | Cloud |\n",
    ],
)
def test_a_feature_table_in_italian_gives_no_near_miss(tmp_path: Path, table: str) -> None:
    text = f"# MiaApp\n\nUn'applicazione.\n\n## Funzionalità\n\n{table}"
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    run = cli("check", "README.md", cwd=tmp_path)
    assert run.returncode == 0 and "RL109" not in run.stdout, run.stdout


STEPS = """\
# TODO: Ship the Backend

## Phase 1 — Prepare the Backend

1. **Install prerequisites**
   - Status: ✅ Completed

2. **Create the project**
   - Status: Pending
"""


def test_one_phase_of_numbered_steps_reads_its_steps(tmp_path: Path) -> None:
    listed = [(item["id"], item["status"]) for item in _listed(tmp_path, STEPS)]
    assert listed == [("1", "✅ Completed"), ("2", "Pending")]
    _writes(
        tmp_path,
        STEPS,
        ("set", "2", "--dri", "bob"),
        STEPS.replace("   - Status: Pending\n", "   - DRI: bob\n   - Status: Pending\n"),
    )


def test_a_meetings_action_boxes_are_items_with_their_owners(tmp_path: Path) -> None:
    """Decided: an action box names who owes what (``- [ ] @bob send the deck``), work a
    board can track; its status is its box, as every checklist's without a legend."""
    text = "# Weekly sync\n\n## Action items\n\n- [ ] @bob send the deck\n- [x] @ana book it\n"
    listed = [(i["title"], i["status"], i["dri"]) for i in _listed(tmp_path, text)]
    assert listed == [("send the deck", "[ ]", "bob"), ("book it", "done", "ana")]
    assert cli("check", "ROADMAP.md", cwd=tmp_path).stdout == "All checks passed.\n"


# --- an owner and a priority in brackets (SAFE-49 box 4)

BRACKETED = """\
# Plan

## Todo

- API-1: Login (owner: ana) [P1]
- API-2: Logout (owner: TBD) (depends on API-1)
"""


def test_an_owner_and_a_priority_in_brackets_are_read_and_written_where_they_stand(
    tmp_path: Path,
) -> None:
    listed = [(i["id"], i["title"], i["dri"], i["priority"]) for i in _listed(tmp_path, BRACKETED)]
    assert listed == [("API-1", "Login", "ana", "P1"), ("API-2", "Logout", "TBD", "")]
    _writes(
        tmp_path,
        BRACKETED,
        ("set", "API-2", "--dri", "bob"),
        BRACKETED.replace("(owner: TBD)", "(owner: bob)"),
    )
    _writes(
        tmp_path,
        BRACKETED,
        ("set", "API-1", "--priority", "P0", "--dri", "carol"),
        BRACKETED.replace("(owner: ana) [P1]", "(owner: carol) [P0]"),
    )
    boxed = BRACKETED.replace("- API", "- [ ] API")
    _writes(
        tmp_path,
        boxed,
        ("set", "API-1", "--dri", "bob"),
        boxed.replace("(owner: ana)", "(owner: bob)"),
    )


# --- a release schedule by day beside a table with IDs, and a spaced ID queue of one
# item per status section (SAFE-44 box 2, SAFE-45 boxes 1 and 3)

SCHEDULED = """\
# Roadmap

## Tasks

| ID | Task | Status |
|---|---|---|
| T-1 | Login | done |
| T-2 | Sync | todo |

## Schedule

| Date | Release | Contents |
|---|---|---|
| 2026-05-01 | v1.0 | T-1 |
| 2026-06-01 | v1.1 | T-2 |
"""


def test_a_schedule_by_day_beside_a_table_with_ids_is_when_its_items_ship(
    tmp_path: Path,
) -> None:
    """Decided: the days a release schedule gives name when the table's items ship, as a
    log's do; its rows are no items of their own (they write no status), and the items
    read once, where their IDs are."""
    listed = [(i["id"], i["status"]) for i in _listed(tmp_path, SCHEDULED)]
    assert listed == [("T-1", "done"), ("T-2", "todo")]
    assert cli("check", "ROADMAP.md", cwd=tmp_path).stdout == "All checks passed.\n"


SPACED = """\
# Work Queue

## Ready

### WQ-015 Expand unit-test coverage

- **Type**: chore

## Done

### WQ-001 Stop committing OS metadata

- **Type**: chore
"""


def test_a_spaced_id_queue_of_one_item_per_status_reads_its_items(tmp_path: Path) -> None:
    listed = [(i["id"], i["status"]) for i in _listed(tmp_path, SPACED)]
    assert listed == [("WQ-015", "Ready"), ("WQ-001", "Done")]
    _writes(
        tmp_path,
        SPACED,
        ("set", "WQ-015", "--dri", "ana"),
        SPACED.replace("coverage\n\n- **Type**", "coverage\n\n- **DRI**: ana\n- **Type**"),
    )
