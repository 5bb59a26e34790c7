"""Plans written without roadmaplint: headings read as people write them, and quiet
by default (issue 20, the heading shape)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse
from roadmaplint.rules.engine import check_text
from roadmaplint.settings import Settings, Statuses, common_meaning
from tests.conftest import cli

QUEUE = """# Work queue

## ASQ-001 — Adopt the ledger

- **Status:** DONE
- **Owner:** ana
- **Gate:** merged
- **Work class:** small

## ASQ-002 — Route the frontier

- **Status:** In Progress
- **Owner:** ben
- **Gate:** review
- **Depends on:** ASQ-001 local ledger merged on main

## ASQ-003 — Reconcile authority

- **Status:** blocked
- **Owner:** cy
- **Gate:** none
- **Depends on:** ASQ-002; main@1f3c9ab
"""


def codes(text: str, settings: Settings | None = None) -> list[str]:
    return [finding.code for finding in check_text(text, "WORK_QUEUE.md", settings)]


def test_a_plan_without_legends_gets_no_findings_about_roadmaplints_format() -> None:
    # No RL203 (legends), RL402 (overview), RL104 (its own fields), RL103 (no priority).
    assert codes(QUEUE) == []


def test_a_field_the_document_writes_on_nearly_all_items_is_required() -> None:
    missing_owner = QUEUE.replace("- **Owner:** cy\n", "")
    # Owner on 2 of 3 items is below 80%: not required.
    assert codes(missing_owner) == []
    four = QUEUE + "\n## ASQ-004 — More\n\n- **Status:** blocked\n- **Owner:** di\n"
    five = four + "\n## ASQ-005 — Last\n\n- **Status:** blocked\n"
    # Owner on 4 of 5 items is 80%: the fifth is missing it.
    assert [finding.message for finding in check_text(five) if finding.code == "RL103"] == [
        'ASQ-005 is missing the required field DRI (add "- **DRI:** ...")'
    ]


def test_the_configuration_or_legends_ask_for_what_the_document_does_not() -> None:
    asked = Settings(select=("ALL", "RL203", "RL402"))
    # RL402 is asked for, but no priority of the queue is in a legend: the overview would
    # be empty, fix adds no empty one, so none is missing
    assert sorted(set(codes(QUEUE, asked))) == ["RL203"]
    prioritised = Settings(select=("ALL", "RL402"), priority_values=("P0", "P1", "P2"))
    assert "RL402" in codes(
        QUEUE.replace("- **Status:** DONE\n", "- **Status:** DONE\n- **Priority:** P1\n"),
        prioritised,
    )
    with_legend = QUEUE.replace(
        "# Work queue\n", "# Work queue\n\n## Status Legend\n\n- `DONE` – done\n- `todo` – open\n"
    )
    assert {"RL103", "RL104", "RL203"} <= set(codes(with_legend))  # no priority: no RL402


@pytest.mark.parametrize(
    ("written", "meaning"),
    [
        ("Done", "done"),
        ("COMPLETED", "done"),
        ("✅", "done"),
        ("in-progress", "in_progress"),
        ("WIP", "in_progress"),
        ("Not started", "ready"),
        ("waiting", "blocked"),
        ("DEFERRED (lower priority, not in this PR)", "idea"),
        ("won't do", "closed"),
        ("On Hold — revisit later", None),
    ],
)
def test_statuses_in_common_spellings_carry_their_meaning(
    written: str, meaning: str | None
) -> None:
    assert common_meaning(written) == meaning


def test_common_spellings_drive_the_workflow_rules_only_without_a_legend() -> None:
    done_before_its_dependency = QUEUE.replace("- **Status:** In Progress", "- **Status:** WIP")
    done_before_its_dependency = done_before_its_dependency.replace(
        "- **Status:** blocked", "- **Status:** Shipped"
    )
    # ASQ-003 is shipped but depends on ASQ-002, still in progress.
    assert codes(done_before_its_dependency) == ["RL304"]
    assert not Statuses().is_done("Shipped")
    assert Statuses(common=True).is_done("Shipped")


def test_fix_adds_no_overview_to_a_plan_that_has_none() -> None:
    assert fix_text(QUEUE, "WORK_QUEUE.md").text == QUEUE


HEADINGS = """# Plan

## Requirements

### R2.3: Dotted requirement

**Status:** done

### TASK-88.02 — Multi-part

- **Status:** open
- **Dependencies:** R2.3 shipped in v2

### R7: Status in the heading — COMPLETE

### R8: Parenthesised (done)

### R9: A check mark ✅

### QA-DOC-014

- **Title:** An item whose heading is its ID
- **Status:** blocked

### P0 — Correctness

#### BUG-1 — Under a priority group

Some prose first.

**Dependencies:** R7 (the heading one)
"""


def test_headings_as_people_write_them() -> None:
    roadmap = parse(HEADINGS, "PLAN.md")
    read = [(item.id, item.title, item.status) for item in roadmap.items]
    assert read == [
        ("R2.3", "Dotted requirement", "done"),
        ("TASK-88.02", "Multi-part", "open"),
        ("R7", "Status in the heading", "COMPLETE"),
        ("R8", "Parenthesised", "done"),
        ("R9", "A check mark", "✅"),
        ("QA-DOC-014", "An item whose heading is its ID", "blocked"),
        ("BUG-1", "Under a priority group", None),
    ]
    by_id = {item.id: item for item in roadmap.items}
    assert by_id["TASK-88.02"].depends_on == ("R2.3",)
    assert by_id["TASK-88.02"].dependency_notes == (("R2.3", "shipped in v2"),)
    assert by_id["BUG-1"].depends_on == ("R7",)
    assert (by_id["BUG-1"].section, by_id["BUG-1"].priority) == ("P0 — Correctness", "P0")
    assert by_id["R7"].section == "Requirements"


def test_a_status_field_wins_over_the_heading_and_the_title_stays() -> None:
    item = parse("# P\n\n## R1 — Title (done)\n\n- **Status:** open\n").items[0]
    assert (item.title, item.status) == ("Title (done)", "open")


def test_workflow_rules_point_at_the_heading_of_a_status_read_from_it() -> None:
    # found by the fuzzer: RL502 took the Status field for granted and crashed
    text = "# P\n\n## [A-1] Build the thing (blocked)\n\nProse.\n"
    findings = [(found.line, found.code) for found in check_text(text)]
    assert (3, "RL502") in findings


PHASES = """# Roadmap

## Phases

- [x] **Phase 1: Foundation** - the base
- [ ] **Phase 2: Features** - the rest
- [ ] **Phase 2.1: Hotfix** - inserted

## Phase Details

### Phase 1: Foundation
**Goal**: A base
**Depends on**: Nothing (first phase)

### Phase 2: Features
**Goal**: The rest
**Depends on**: Phase 1 (foundation done)

### Phase 2.1: Hotfix
**Goal**: Urgent
**Depends on**: Phase 2, Phase 0

Plans:
- [ ] 02-01-PLAN.md - the fix
"""


def test_planning_phases_are_items_with_their_checklist_status() -> None:
    roadmap = parse(PHASES, "ROADMAP.md")
    read = [(item.id, item.title, item.status, item.depends_on) for item in roadmap.items]
    assert read == [
        ("Phase 1", "Foundation", "done", ()),
        ("Phase 2", "Features", "pending", ("Phase 1",)),
        ("Phase 2.1", "Hotfix", "pending", ("Phase 2", "Phase 0")),
    ]
    # Phase 0 comes before the document's first phase: shipped and archived, not unknown;
    # a pending phase after a pending phase is no finding; Phase 2.1 has the prefix Phase.
    assert codes(PHASES) == []


def test_depends_on_nothing_names_no_dependency(tmp_path: Path) -> None:
    """`**Depends on**: Nothing` (as `Nothing (first phase)`) says the phase waits on
    nothing: it was an outside dependency named Nothing."""
    plan = PHASES.replace("Nothing (first phase)", "Nothing")
    (tmp_path / "PLAN.md").write_text(plan, encoding="utf-8")
    shown = json.loads(cli("show", "Phase 1", "PLAN.md", "--format", "json", cwd=tmp_path).stdout)
    assert (shown["depends_on"], shown["external_deps"]) == ([], [])


def test_rename_of_a_phase_follows_a_depends_on_entry_with_a_note(tmp_path: Path) -> None:
    """`Phase 1 (foundation done)` names Phase 1 with a note: rename follows it and keeps
    the note (it refused, as markup it could not follow)."""
    (tmp_path / "PLAN.md").write_text(PHASES, encoding="utf-8")
    done = cli("rename", "Phase 1", "Phase 7", "PLAN.md", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    written = (tmp_path / "PLAN.md").read_text(encoding="utf-8")
    assert written == PHASES.replace("Phase 1", "Phase 7")
    shown = json.loads(cli("show", "Phase 2", "PLAN.md", "--format", "json", cwd=tmp_path).stdout)
    assert shown["depends_on"] == ["Phase 7"]


def test_a_plan_without_legends_checks_clean_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(QUEUE, encoding="utf-8")
    run = cli("check", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, "")
    run = cli("fix", "ROADMAP.md", cwd=tmp_path)
    assert run.returncode == 0
    assert (tmp_path / "ROADMAP.md").read_text(encoding="utf-8") == QUEUE


def test_check_explain_prints_the_items_read_and_the_ranges_skipped(tmp_path: Path) -> None:
    (tmp_path / "PLAN.md").write_text(PHASES, encoding="utf-8")
    run = cli("check", "--explain", "PLAN.md", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == (
        "PLAN.md: 3 items read (phases)\n"
        'PLAN.md:11-24: shape phases, items are planning phases ("### Phase N: Name"), read '
        "as headings: 3 items\n"
        "PLAN.md:11: item Phase 1 'Foundation' status=done priority=- owner=- depends on=-\n"
        "PLAN.md:15: item Phase 2 'Features' status=pending priority=- owner=- "
        "depends on=Phase 1\n"
        "PLAN.md:19: item Phase 2.1 'Hotfix' status=pending priority=- owner=- "
        "depends on=Phase 2, Phase 0\n"
        "PLAN.md:1: skipped: the title\n"
        "PLAN.md:3: skipped: a heading with no item ID (a section, or prose)\n"
        "PLAN.md:5-7: skipped: the phase checklist: it gives each phase heading its status\n"
        "PLAN.md:9: skipped: a heading with no item ID (a section, or prose)\n"
        "All checks passed.\n"
    )
    refused = cli("check", "--explain", "--format", "json", "PLAN.md", cwd=tmp_path)
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.startswith("roadmaplint: error: --explain prints how files were read")


NOTED = {
    "headings": "# P\n\n## [A-1] First\n\n- **Status:** done\n\n## [A-2] Second\n\n"
    "- **Status:** ready\n- **Depends on:** A-1 merged upstream\n",
    "table": "# P\n\n| ID | Title | Status | Depends on |\n|---|---|---|---|\n"
    "| A-1 | First | done | |\n| A-2 | Second | ready | A-1 merged upstream |\n",
    "checkboxes": "# P\n\n- [x] A-1 First\n- [ ] A-2 Second (depends on: A-1 merged upstream)\n",
}


def test_a_note_in_parentheses_is_shown_in_one_pair(tmp_path: Path) -> None:
    """`A-1 (partly)` shows as `A-1 (done; partly)`; a note that only begins with a
    parenthesis keeps it."""
    (tmp_path / "ROADMAP.md").write_text(
        NOTED["headings"].replace("A-1 merged upstream", "A-1 (partly), A-3 (see x) later")
        + "\n## [A-3] Third\n\n- **Status:** done\n",
        encoding="utf-8",
    )
    shown = cli("show", "A-2", cwd=tmp_path)
    assert "A-1 (done; partly), A-3 (done; (see x) later)\n" in shown.stdout, shown.stdout


@pytest.mark.parametrize("shape", sorted(NOTED))
def test_a_dependency_note_is_shown_and_exported_on_every_shape(tmp_path: Path, shape: str) -> None:
    """`A-1 merged upstream` names A-1; the rest is its note, which show and export
    give (issue 20, 2), whatever the shape of the plan."""
    import json

    from jsonschema.validators import validator_for

    (tmp_path / "ROADMAP.md").write_text(NOTED[shape], encoding="utf-8")
    shown = cli("show", "A-2", cwd=tmp_path)
    assert "Depends on:      A-1 (done; merged upstream)\n" in shown.stdout
    document = json.loads(cli("export", cwd=tmp_path).stdout)
    second = next(entry for entry in document["items"] if entry["id"] == "A-2")
    assert (second["depends_on"], second["dependency_notes"]) == (
        ["A-1"],
        {"A-1": "merged upstream"},
    )
    schema_path = Path(__file__).parent.parent / "roadmaplint" / "schemas" / "export.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert list(validator_for(schema)(schema).iter_errors(document)) == []


def test_a_few_boxes_with_a_conventional_marker_and_no_legend_are_read() -> None:
    """`[?]`, `[/]`, `[-]`, `[>]` and `[~]` are markers task-list tools agree on: a list
    with a few of them and no legend is read (it was left unread whole), each such box
    with the marker as its status; `[?]`, a question, carries no meaning a rule acts on."""
    text = (
        "# Queue\n\n- [x] Ship the parser\n- [?] Ask legal about the licence\n"
        "- [/] Write the printer\n- [-] Port to Perl\n- [ ] Write the docs\n"
        "- [x] Write the lexer\n- [ ] Benchmark\n- [ ] Release\n- [ ] Announce\n"
    )
    roadmap = parse(text)
    assert [item.status for item in roadmap.items] == [
        "done",
        "[?]",
        "[/]",
        "[-]",
        "[ ]",
        "done",
        "[ ]",
        "[ ]",
        "[ ]",
    ]
    assert [common_meaning(item.status) for item in roadmap.items] == [
        "done",
        None,
        "in_progress",
        "closed",
        "ready",
        "done",
        "ready",
        "ready",
        "ready",
    ]
    assert check_text(text) == []
    # many unexplained markers (more than a third, or in a list of two), or one no tool
    # agrees on: no list of items
    many = "# Queue\n\n- [?] One\n- [?] Two\n- [x] Four\n- [ ] Five\n"
    assert parse(many).items == ()
    assert parse("# Queue\n\n- [x] One\n- [~] Two\n").items == ()
    assert parse(many).items == ()
    odd = "# Queue\n\n- [x] One\n- [q] Two\n- [ ] Three\n"
    assert parse(odd).items == ()


def test_marks_between_the_id_and_the_title_give_the_status_and_the_priority() -> None:
    """`### A1 ⬜ 🟡Med — Title` (plans written with emoji): the square is the status, the
    coloured mark joined to a priority word the priority; a Status field still wins."""
    text = (
        "# Tasks\n\n## Block A\n\n### A1 ⬜ 🟡Med — Set up the project\n\nSteps.\n\n"
        "### A2 ✅ 🔴High — Write the parser\n\n### A3 🔄 — Write the printer\n\n"
        "### A4 ⬜ 🟢Low — Ship it\n\n- **Status:** blocked\n"
    )
    read = [(i.id, i.title, i.status, i.priority) for i in parse(text).items]
    assert read == [
        ("A1", "Set up the project", "⬜", "Med"),
        ("A2", "Write the parser", "✅", "High"),
        ("A3", "Write the printer", "🔄", None),
        ("A4", "Ship it", "blocked", "Low"),
    ]
    assert [common_meaning(status) for _, _, status, _ in read[:3]] == [
        "ready",
        "done",
        "in_progress",
    ]
    # a parenthesis or a word between the ID and the title is no mark: no item, as before
    for heading in ("### A1 (draft) — Title", "### A1 maybe — Title"):
        assert parse(f"# T\n\n{heading}\n\n- **Status:** ready\n").items == ()
    # ASCII punctuation is no mark: a bracketed ID's title keeps it
    (priced,) = parse("# T\n\n## [FIN-1] $5 - Pricing tier\n\n- **Status:** ready\n").items
    assert priced.title == "$5 - Pricing tier"


def test_next_reads_common_statuses_as_the_rules_do(tmp_path: Path) -> None:
    """A plan with no Status Legend: check read `todo` as ready, but next answered that no
    item is ready (the commands' settings never took the document's common spellings)."""
    (tmp_path / "PLAN.md").write_text(
        "# Plan\n\n| ID | Title | Status | Depends on |\n|---|---|---|---|\n"
        "| T001 | One | Done | |\n| T002 | Two | todo | T001 |\n| T003 | Three | todo | T002 |\n",
        encoding="utf-8",
    )
    offered = cli("next", "PLAN.md", cwd=tmp_path)
    assert offered.returncode == 0, offered.stderr
    assert [line.split()[1] for line in offered.stdout.splitlines()[1:]] == ["T002"]
    waiting = cli("path", "T003", "PLAN.md", cwd=tmp_path)
    assert waiting.returncode == 0, waiting.stderr


def test_a_new_title_keeps_the_marks_that_are_the_status(tmp_path: Path) -> None:
    """`set --title` on `## [M-1] ✅ 🔴High — Base` wrote `## [M-1] Better base`: the marks
    were the item's status and priority, and the item lost both."""
    plan = tmp_path / "ROADMAP.md"
    plan.write_text("# R\n\n## [M-1] ✅ 🔴High — Base ##\n\nText.\n", encoding="utf-8")
    done = cli("set", "M-1", "--title", "Better base", str(plan), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    written = plan.read_text(encoding="utf-8")
    assert written == "# R\n\n## [M-1] ✅ 🔴High — Better base ##\n\nText.\n"
    (item,) = parse(written).items
    assert (item.title, item.status, item.priority) == ("Better base", "✅", "High")


PHASED_TASKS = (
    Path(__file__).parent
    / "corpus"
    / "headings"
    / "80-greenpill-dev-guild-green-goods-codex-tasks.md"
)


def test_tasks_numbered_again_under_each_phase_are_tasks_of_their_phase() -> None:
    """A real plan (tests/corpus, file 80) numbers its tasks from 1 under each phase
    heading: every task of the later phases was RL102, a duplicate ID. Each is its
    phase's task, named as the plan's own prose names it (``Phase 2 Task 1``); the task
    under ``## QA``, no phase, keeps ``Task 1``."""
    from roadmaplint.reader.incremental import full_snapshot, update

    text = PHASED_TASKS.read_text(encoding="utf-8")
    items = parse(text, "codex-tasks.md", Settings()).items
    assert [item.id for item in items] == [
        *(f"Phase 1a Task {n}" for n in range(1, 5)),
        *(f"Phase 1b Task {n}" for n in range(1, 4)),
        *(f"Phase 2 Task {n}" for n in range(1, 7)),
        "Phase 3 Task 1",
        "Task 1",
    ]
    assert check_text(text, "codex-tasks.md", Settings()) == []
    # a Depends on naming Task 1 names its own phase's; Phase 1a Task 3, that task
    with_dependencies = text.replace(
        "### Task 3: URL sync for garden state\n",
        "### Task 3: URL sync for garden state\n\n**Depends on:** Task 1, Phase 1a Task 4\n",
    ).replace(
        "### Task 1: Phase 3 i18n strings\n",
        "### Task 1: Phase 3 i18n strings\n\n**Depends on:** Phase 2 Task 5, Phase 2 Task 6\n",
    )
    read = {i.id: i.depends_on for i in parse(with_dependencies, "p.md", Settings()).items}
    assert read["Phase 2 Task 3"] == ("Phase 2 Task 1", "Phase 1a Task 4")
    assert read["Phase 3 Task 1"] == ("Phase 2 Task 5", "Phase 2 Task 6")
    assert check_text(with_dependencies, "p.md", Settings()) == []
    # a task of a phase that is not there is named as written: RL301 says which
    missing = with_dependencies.replace("Phase 2 Task 6\n", "Phase 2 Task 9\n")
    assert [(f.code, f.message) for f in check_text(missing, "p.md", Settings())] == [
        (
            "RL301",
            "Phase 3 Task 1 depends on unknown item Phase 2 Task 9 (did you mean Phase 2 Task 6?)",
        )
    ]
    # an editor's keystroke in a task reads as the whole document does: the task read
    # again alone, with the heading after it, was Task 1 again
    fields = (
        "# Plan\n\n## Phase 1\n\n### Task 1: A\n\n- **Status:** done\n\n"
        "## Phase 2\n\n### Task 1: B\n\n- **Status:** in progress\n\n"
        "### Task 2: C\n\n- **Status:** blocked\n- **Depends on:** Task 1\n"
    )
    snapshot = full_snapshot(fields, "p.md", Settings())
    typed = fields.replace("in progress", "in  progress")
    assert update(snapshot, typed).roadmap == full_snapshot(typed, "p.md", Settings()).roadmap
    assert [i.id for i in update(snapshot, typed).roadmap.items][1] == "Phase 2 Task 1"
    # numbers that run on through the phases (Task 5 under Phase 2) are one series
    once = "# Plan\n\n## Phase 1\n\n### Task 1: A\n\n### Task 2: B\n\n## Phase 2\n\n### Task 3: C\n"
    assert [i.id for i in parse(once, "p.md", Settings()).items] == ["Task 1", "Task 2", "Task 3"]


def test_a_done_item_over_a_dropped_dependency_is_no_contradiction() -> None:
    # RL304 said "finish ASQ-002 first" of a dependency that will never be finished: the
    # item was done without it. An open item over it still hears of it (RL309).
    shipped = QUEUE.replace("- **Status:** blocked", "- **Status:** Shipped")
    assert codes(shipped.replace("- **Status:** In Progress", "- **Status:** WIP")) == ["RL304"]
    assert codes(shipped.replace("- **Status:** In Progress", "- **Status:** Cancelled")) == []
    dropped = QUEUE.replace("- **Status:** In Progress", "- **Status:** Won't do")
    assert codes(dropped) == ["RL309"]


PHASE_TASKS = """\
# Plan

## Phase 1: Setup

### Task 1: Create repo

- **Status:** done

### Task 2: Add CI

- **Status:** ready
- **Depends on:** Task 1

## Phase 2: Core

### Task 1: Parser

- **Status:** ready

### Task 2: Writer

- **Status:** idea
- **Depends on:** Task 1

## Phase 3: Later

### Task 1: Polish

- **Status:** idea
- **Depends on:** Phase 2 Task 1
"""


def test_new_and_rename_write_a_phase_numbered_task_as_its_phase_writes_it(
    tmp_path: Path,
) -> None:
    # rename said "'Phase 2 Task 3' is not an ID" and new was refused by the gate: no way
    # to add or renumber a task of a plan numbered again in each phase (SAFE-30).
    plan = tmp_path / "PLAN.md"
    plan.write_text(PHASE_TASKS, encoding="utf-8")
    added = cli("new", "Phase 2: Core", "Write docs", str(plan), cwd=tmp_path)
    assert (added.returncode, added.stdout) == (0, "Added Phase 2 Task 3 to Phase 2: Core\n")
    # as the plan writes its tasks: no DRI or Priority its items never write
    after = PHASE_TASKS.replace(
        "## Phase 3", "### Task 3: Write docs\n\n- **Status:** idea\n\n## Phase 3"
    )
    assert plan.read_text(encoding="utf-8") == after
    renamed = cli("rename", "Phase 2 Task 1", "Phase 2 Task 5", str(plan), cwd=tmp_path)
    assert renamed.returncode == 0, renamed.stderr
    # its heading, its phase's `Task 1`, and another phase's `Phase 2 Task 1`; not Phase 1's
    after = after.replace("### Task 1: Parser", "### Task 5: Parser")
    after = after.replace(
        "- **Status:** idea\n- **Depends on:** Task 1\n\n### Task 3",
        "- **Status:** idea\n- **Depends on:** Task 5\n\n### Task 3",
    )
    after = after.replace("Depends on:** Phase 2 Task 1", "Depends on:** Phase 2 Task 5")
    assert plan.read_text(encoding="utf-8") == after
    assert check_text(after, "PLAN.md") == []
    moved = cli("rename", "Phase 2 Task 5", "Phase 3 Task 5", str(plan), cwd=tmp_path)
    assert moved.returncode == 2
    assert "is not a task of Phase 2" in moved.stderr and moved.stderr.count("\n") == 1
    assert plan.read_text(encoding="utf-8") == after
