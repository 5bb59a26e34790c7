"""Quiet by default, swept a second time across fifty-two public plan files not in the corpus
and not in the first sweep (issue 20): each class of false alarm the sweep found, in a small
document written the way the real file was, with no finding; and beside it the real defect
of the same rule, still found."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import cli, finding_lines, read_items

# A backlog whose entries each end in a `### Slices` list numbered from S1: every entry's
# section carries the same name.
SLICES = """\
# Backlog

## build-plugin-surface — the sbt plugin covers a third of the CLI

### Slices

- [ ] **S1 — decide the intended surface.** Which commands a build tool owes its user.
- [ ] **S2 — the emit/ship family**, if S1 wants it.

## stdin-belongs-to-the-program — give the tool its own channel

### Slices

- [x] **S1 — --secrets-file <path>.** DONE.
- [x] **S2 — deprecation notice on the implicit slurp.** DONE.
- [ ] **S3 — the implicit slurp becomes opt-in.**
"""


def test_slices_numbered_again_under_sections_of_one_name_are_no_duplicates() -> None:
    assert finding_lines(SLICES, "BACKLOG.md") == []


def test_a_slice_written_twice_in_one_list_is_still_a_duplicate() -> None:
    twice = SLICES.replace("- [ ] **S3 —", "- [ ] **S2 —")
    assert finding_lines(twice, "BACKLOG.md") == ["16:RL102"]


# Two parts of a backlog, each with its phases; the first numbers them from 0, the second
# from 1.
PHASES = """\
# Payments — backlog

## Blockchain SPI — chain abstraction

### Phase 0 — Spec ✓ Landed (2026-05-19)

### Phase 1 — SPI + crypto minimum ✓ Landed (2026-05-19)

### Phase 2 — full chain adapter ✓ Landed (2026-05-19)

## Wallet SPI — key management

### Phase 1 — Skeleton SPI ✓ Landed (2026-05-19)

### Phase 2 — Encrypted vault ✓ Landed (2026-05-20)

### Phase 3 — Hardware wallet vault
"""


def test_phases_numbered_from_one_after_a_part_numbered_from_zero_are_no_duplicates() -> None:
    assert finding_lines(PHASES, "BACKLOG.md") == []


def test_a_phase_written_twice_in_one_part_is_still_a_duplicate() -> None:
    twice = PHASES.replace("### Phase 3 — Hardware", "### Phase 2 — Hardware")
    assert finding_lines(twice, "BACKLOG.md") == ["17:RL102"]


# A backlog that groups the work left for one phase under several headings by theme.
GROUPS = """\
# Roadmap

## Backlog

Phase 5 carry-forward items surfaced during housekeeping passes.

### Phase 5 — gameplay completeness

- **Recovery loop for accumulating needs.** Needs grow but nothing restores them.

### Phase 5 — UI ↔ data wiring

- **HealthComponent display.** Exists but is not displayed.

### Phase 5 — combat / magic / scaffolding

- **Combat command dispatch (re-create).**
"""


def test_headings_naming_parts_of_one_phase_are_no_duplicates() -> None:
    assert finding_lines(GROUPS, "ROADMAP.md") == []


def test_a_first_phase_or_a_phase_among_others_written_twice_is_still_a_duplicate() -> None:
    first = GROUPS.replace("Phase 5 —", "Phase 1 —")
    assert finding_lines(first, "ROADMAP.md") == ["11:RL102", "15:RL102"]
    among = GROUPS.replace("### Phase 5 — gameplay", "### Phase 4 — gameplay")
    among += "\n### Phase 6 — polish\n"
    assert finding_lines(among, "ROADMAP.md") == ["15:RL102"]


# A work queue's table whose blocked row says in its notes what it waits for.
WAITING = """\
# Work Queue

| Task | Status | Notes |
|---|---|---|
| Social OAuth login providers | DONE — commit d277021 | Providers only activate when credentials are present. |
| Calendar Phase 6 — Google/Outlook OAuth | PENDING | Stub at `/api/campaign-calendar/sync`. |
| Figma UI matching | BLOCKED | Waiting on George to copy 3 spec files into `docs/`. |
"""


def test_a_blocked_row_whose_notes_say_what_it_waits_for_names_it() -> None:
    assert finding_lines(WAITING, "WORK_QUEUE.md") == []


def test_a_blocked_row_that_says_nothing_of_what_it_waits_for_is_still_reported() -> None:
    silent = WAITING.replace("Waiting on George to copy 3 spec files into `docs/`.", "")
    assert finding_lines(silent, "WORK_QUEUE.md") == ["7:RL502"]
    vague = WAITING.replace("Waiting on George to copy", "George wants")
    assert finding_lines(vague, "WORK_QUEUE.md") == ["7:RL502"]


# A backlog of ideas written as plain bullets with no status, one of them tagged.
IDEAS = """\
- Resynthesis:
. Implement manual frequency control.
. If the frequency varies too rapidly, try a sweep instead of short notes.

- Fix cracks that sometimes appear after setting a reverb

- [nice to have] allow unlimited polyphony on every instrument.
.. if a given instrument is full, instantiate a second identical one.

- write a paper on the auto optimizations of the reverb algorithm.
"""


def test_a_list_of_ideas_with_no_item_and_no_near_miss_is_no_finding() -> None:
    assert finding_lines(IDEAS, "BACKLOG.md") == []


def test_a_document_that_came_close_to_items_or_asked_for_them_is_still_no_items() -> None:
    worded = IDEAS.replace("- Fix cracks", "- [later] Fix cracks").replace(
        "- write a paper", "- [later] write a paper"
    )
    assert finding_lines(worded, "BACKLOG.md") == ["1:RL109"]  # mostly tagged: meant as boxes
    priorities = "# Roadmap\n\n## Priority Legend\n\n- **P0**: now\n- **P1**: next\n\n" + IDEAS
    assert finding_lines(priorities, "ROADMAP.md") == ["1:RL109"]  # roadmaplint's format


def test_a_configuration_that_says_how_items_are_written_or_selects_rl109_asks_for_items(
    tmp_path: Path,
) -> None:
    # (kept as notes: a file named BACKLOG.md reads its bullets as its work, the
    # nineteenth held-out set C, tests/test_reading_nineteenth_c.py)
    plan = tmp_path / "NOTES.md"
    plan.write_text(IDEAS, encoding="utf-8")
    assert cli("check", "NOTES.md", cwd=tmp_path).returncode == 0
    asked = cli("check", "--extend-select", "RL109", "NOTES.md", cwd=tmp_path)
    assert asked.returncode == 1 and "RL109 no items found" in asked.stdout
    (tmp_path / "roadmaplint.toml").write_text('id-pattern = "T-[0-9]+"\n', encoding="utf-8")
    assert "RL109" in cli("check", "NOTES.md", cwd=tmp_path).stdout


# Backlog.md's own backlog: tasks written before it quoted an assignee, and a readme in
# each task folder saying what the folder holds.
SETUP = """\
---
id: task-1
title: "CLI: Setup Core Project (Bun, TypeScript, Git, Linters)"
status: Done
assignee: @MrLesk
reporter: @MrLesk
created_date: 2025-06-03
labels: ["cli", "setup"]
dependencies: []
---

## Description

Set up the project.
"""
BOARD = SETUP.replace("id: task-1", "id: task-2").replace("Setup Core Project", "Board")
TASKS_README = "# Tasks\n\nList of tasks that are ready to be implemented.\n"


def _backlog(root: Path) -> Path:
    from tests.taskfolder_texts import CONFIG

    tasks = root / "backlog" / "tasks"
    tasks.mkdir(parents=True)
    (root / "backlog" / "config.yml").write_text(CONFIG, encoding="utf-8")
    (tasks / "task-1 - cli-setup-core-project.md").write_text(SETUP, encoding="utf-8")
    (tasks / "task-2 - board.md").write_text(BOARD, encoding="utf-8")
    (tasks / "readme.md").write_text(TASKS_README, encoding="utf-8")
    return tasks


def test_a_bare_at_name_and_a_folder_readme_read_as_backlog_md_reads_them(tmp_path: Path) -> None:
    tasks = _backlog(tmp_path)
    done = cli("check", "backlog", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    shown = cli("show", "TASK-1", "backlog", cwd=tmp_path).stdout
    assert "MrLesk" in shown
    assert (tasks / "task-1 - cli-setup-core-project.md").read_text(encoding="utf-8") == SETUP


def test_a_dangling_dependency_and_yaml_that_is_wrong_otherwise_are_still_reported(
    tmp_path: Path,
) -> None:
    tasks = _backlog(tmp_path)
    path = tasks / "task-2 - board.md"
    path.write_text(BOARD.replace("dependencies: []", "dependencies: [task-0]"), encoding="utf-8")
    assert (
        "RL301 TASK-2 depends on unknown item TASK-0"
        in cli("check", "backlog", cwd=tmp_path).stdout
    )
    path.write_text(BOARD.replace("status: Done", "status: [Done"), encoding="utf-8")
    broken = cli("check", "backlog", cwd=tmp_path)
    assert broken.returncode == 2 and "not valid YAML" in broken.stderr


# A one-person backlog that names nobody, one of whose boxes is about @mentions.
MENTIONS = """\
# BACKLOG.md

> Single source of work. Top item is next.

## In Progress

- [x] Darkmode widget at top right of screen #frontend _done:2026-02-02
- [ ] Add calendar functionality - calendar view for task scheduling #frontend
- [ ] Eisenhower quadrant grid as default homepage layout #005 #frontend

## BACKLOG

- [ ] Build reporting page for viewing recently completed tasks #frontend #feature

## DONE

- [x] Add @mentions to format spec #docs _done:2026-01-10
"""


def test_an_at_name_inside_a_title_is_what_it_is_about_not_its_owner() -> None:
    assert [item.dri for item in read_items(MENTIONS, "BACKLOG.md")] == [None] * 5
    assert finding_lines(MENTIONS, "BACKLOG.md") == []


def test_an_at_name_that_leads_or_ends_a_box_is_still_its_owner() -> None:
    owned = MENTIONS.replace("Add @mentions to format spec", "Add mentions to format spec @ana")
    assert [item.dri for item in read_items(owned, "BACKLOG.md")][4] == "ana"
    assert finding_lines(owned, "BACKLOG.md") == ["8:RL501", "9:RL501"]
    leading = MENTIONS.replace("- [ ] Add calendar", "- [ ] @ana Add calendar")
    assert [item.dri for item in read_items(leading, "BACKLOG.md")][1] == "ana"


# CORE-48: a work queue whose boxes each name the phase their work is part of, under a
# one-line marker legend.
PHASE_STEPS = """\
# Work Queue

Legend: `[ ]` todo · `[~]` in progress · `[x]` done

## Queue

- [x] Phase 1: list the files
- [~] Phase 2: audit Foo.tsx
- [~] Phase 2: audit Bar.tsx
- [ ] Phase 3: migrate Foo.tsx
- [ ] Phase 3: migrate Bar.tsx
"""


def test_boxes_that_share_a_phase_are_steps_of_it_not_phases() -> None:
    read = [(item.id, item.title, item.status) for item in read_items(PHASE_STEPS)]
    assert read[:2] == [
        ("phase-1-list-the-files", "Phase 1: list the files", "done"),
        ("phase-2-audit-foo-tsx", "Phase 2: audit Foo.tsx", "in_progress"),
    ]
    assert finding_lines(PHASE_STEPS, "WORK_QUEUE.md") == []


def test_a_phase_checklist_names_each_phase_once_and_its_boxes_are_the_phases() -> None:
    checklist = PHASE_STEPS.replace("- [~] Phase 2: audit Bar.tsx\n", "").replace(
        "- [ ] Phase 3: migrate Bar.tsx\n", ""
    )
    assert [item.id for item in read_items(checklist)] == ["Phase 1", "Phase 2", "Phase 3"]


# CORE-48: a roadmap whose bullets open with a status word in brackets, with the version
# it shipped in.
SHIPPED = """\
# Roadmap

- [shipped v0.2] **Board view** — a kanban board of the tasks
- [shipped v0.3] **Search** — full-text search over titles and notes
- [planned] **Sync** — sync between machines
"""


def test_bullets_that_open_with_a_status_word_and_a_version_are_items_with_that_status() -> None:
    read = [(item.id, item.title, item.status) for item in read_items(SHIPPED, "ROADMAP.md")]
    assert read == [
        ("board-view", "Board view", "shipped"),
        ("search", "Search", "shipped"),
        ("sync", "Sync", "planned"),
    ]
    assert finding_lines(SHIPPED, "ROADMAP.md") == []


def test_one_bracketed_word_among_plain_bullets_makes_no_item_of_them() -> None:
    notes = "# Notes\n\n- [nice to have] unlimited polyphony\n- fix the reverb cracks\n"
    assert read_items(notes, "NOTES.md") == ()
