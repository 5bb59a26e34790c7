"""The classes the seventeenth leftovers pass (ROADMAP CORE-209) reads: what the
thirty-seventh and thirty-eighth held-out sets and the sixteenth pass left, each in a small
document read as a person reads it, and beside each new reading a document that is no
plan, which reads no items and no finding."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import finding_lines, read_items

from roadmaplint.api import check_loaded, load_folder, no_task_there
from roadmaplint.config.cache import SettingsCache
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.reader.shapes import taskfiles

# A runtime's tasks, one file each, keyed by its own ID key and with no config.yml.
JOBS = {
    "J1-collect-logs.md": """\
---
job_id: J1
title: Collect the build logs
status: in progress
owner: '@rui'
priority: high
---

## Notes

Half the runners send them already.
""",
    "J2-summarise-failures.md": """\
---
job_id: J2
status: todo
priority: low
depends_on: [J1]
---

# Summarise the failures of a night

## Requires

- J1 (the logs)
""",
    "J3-publish-report.md": """\
---
job_id: J3
title: Publish the nightly report
status: done
---

## Inputs

- job: J2 (the summary)
""",
}

# A static site's posts: front matter with a title, a date and tags, no ID, no status.
POSTS = {
    "2024-05-01-hello.md": "---\ntitle: Hello\ndate: 2024-05-01\ntags: [news]\n---\n\nHi.\n",
    "2024-06-12-release.md": (
        "---\ntitle: Version 2 is out\ndate: 2024-06-12\ntags: [release]\ndraft: false\n---\n"
        "\n## What changed\n\n- faster\n"
    ),
    "about.md": "---\ntitle: About\nlayout: page\n---\n\nWho we are.\n",
}


def _folder(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_a_folder_of_task_files_keyed_by_their_own_id_key_reads_one_item_each(
    tmp_path: Path,
) -> None:
    root = _folder(tmp_path / "jobs", JOBS)
    assert taskfiles.keyed_root(root) == root
    items = taskfiles.read(root).roadmap.items
    read = [(i.id, i.title, i.status, i.priority, i.dri, i.depends_on) for i in items]
    assert read == [
        ("J1", "Collect the build logs", "in progress", "high", "@rui", ()),
        # no title key: the body's first heading; a dependency written in the body's
        # Requires section and in the front matter once
        ("J2", "Summarise the failures of a night", "todo", "low", None, ("J1",)),
        ("J3", "Publish the nightly report", "done", None, None, ("J2",)),
    ]
    loaded = load_folder(root, SettingsCache(None, Overrides()))
    # J3 is done while J2 is not begun: the one real defect the folder holds
    assert [f.code for f in check_loaded(loaded)] == ["RL304"]


def test_a_folder_read_by_its_keys_is_read_only(tmp_path: Path) -> None:
    from roadmaplint.edit.taskfiles import new_task, set_fields

    root = _folder(tmp_path / "jobs", JOBS)
    folder = taskfiles.read(root)
    with pytest.raises(RoadmapError, match="is read only"):
        set_fields(folder, "J2", {"status": "done"})
    with pytest.raises(RoadmapError, match="is read only"):
        new_task(folder, "Another job")
    assert {path.name: path.read_text(encoding="utf-8") for path in root.iterdir()} == JOBS


def test_a_folder_of_posts_with_front_matter_is_no_task_folder(tmp_path: Path) -> None:
    root = _folder(tmp_path / "posts", POSTS)
    assert taskfiles.keyed_root(root) is None
    with pytest.raises(RoadmapError, match="is a folder, not a roadmap file"):
        taskfiles.read(root)


def test_one_task_file_checked_alone_says_its_folder_where_it_said_no_items(
    tmp_path: Path,
) -> None:
    jobs = _folder(tmp_path / "jobs", JOBS)
    said = no_task_there(jobs / "J1-collect-logs.md")
    assert said is not None and "check jobs/" in said
    posts = _folder(tmp_path / "posts", POSTS)
    assert no_task_there(posts / "about.md") is None


def test_a_folder_backlog_md_moves_tasks_to_is_its_folder_not_one_read_by_keys(
    tmp_path: Path,
) -> None:
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text("statuses: [To Do, Done]\n", encoding="utf-8")
    archived = backlog / "archive" / "tasks"
    archived.mkdir(parents=True)
    for number in (1, 2):
        (archived / f"task-{number} - T.md").write_text(
            f"---\nid: task-{number}\ntitle: T{number}\nstatus: Done\n---\n", encoding="utf-8"
        )
    assert taskfiles.keyed_root(archived) is None


def test_one_task_file_with_an_id_is_no_folder_of_tasks(tmp_path: Path) -> None:
    root = _folder(tmp_path / "one", {"J1-collect-logs.md": JOBS["J1-collect-logs.md"]})
    assert taskfiles.keyed_root(root) is None


# An agent's task list: heading items with IDs, and its archive kept as a short list of
# the same IDs, each closed by a check mark.
AGENT_TASKS = """\
# Task List

## Active Tasks

### JOB-210: Cache the parsed schemas

**Status**: in-progress
**Priority**: high

### JOB-209: Drop the legacy exporter

**Status**: pending
**Priority**: low

## Archived Tasks

**Archived** (3 total):
- JOB-101: Move the CLI to subcommands ✓
- JOB-102 — Write the migration guide ✅
- JOB-150: Retire the old config format (done)
"""

# A plan of heading items whose summary ticks its own items again: references, no new work.
TICKED_SUMMARY = """\
# Task List

### JOB-1: Parse the schema

**Status**: done

### JOB-2: Emit the types

**Status**: done

## Summary

- JOB-1: Parse the schema ✓
- JOB-2: Emit the types ✓
"""

# A plan of heading items whose notes tick pull requests, IDs of another form: no items.
TICKED_REQUESTS = """\
# Task List

### JOB-1: Parse the schema

**Status**: in-progress

## Merged this week

- PR-812: faster start-up ✓
- PR-815: fix the Windows paths ✓
"""


def test_an_archive_of_ids_closed_by_a_check_mark_reads_done_items() -> None:
    items = read_items(AGENT_TASKS)
    read = [(i.id, i.title, i.status) for i in items]
    assert read == [
        ("JOB-210", "Cache the parsed schemas", "in-progress"),
        ("JOB-209", "Drop the legacy exporter", "pending"),
        ("JOB-101", "Move the CLI to subcommands", "done"),
        ("JOB-102", "Write the migration guide", "done"),
        ("JOB-150", "Retire the old config format", "done"),
    ]
    assert finding_lines(AGENT_TASKS) == []


def test_ticked_ids_that_name_heading_items_or_another_form_of_id_are_no_items() -> None:
    assert [i.id for i in read_items(TICKED_SUMMARY)] == ["JOB-1", "JOB-2"]
    assert [i.id for i in read_items(TICKED_REQUESTS)] == ["JOB-1"]
    assert finding_lines(TICKED_REQUESTS) == []


# A library's priorities, ranked by a weight before each bold title, after a lead-in.
WEIGHTED = """\
# Roadmap

## What comes next

These are the areas we will spend time on, by importance:

- 0.8 - **Faster parsing.** The tokenizer allocates too much.
  - Reuse the buffers.
  - Skip the second pass.
- 0.4 - **Plugin API**. A stable hook for third-party rules.
- 0.1 - **Dark theme.** Asked for often, small.
"""

# Benchmark notes: bold names led by scores, under a heading that names no priorities.
SCORES = """\
# Benchmarks

## Results

Scores on the reference machine:

- 1.0 - **Baseline**. The C implementation.
- 0.8 - **PyPy**. Close behind.
- 0.3 - **CPython**. As expected.
"""


def test_weighted_bullets_after_a_lead_in_naming_priorities_are_items() -> None:
    items = read_items(WEIGHTED)
    read = [(i.title, i.status, i.priority) for i in items]
    assert read == [
        ("Faster parsing", None, "0.8"),
        ("Plugin API", None, "0.4"),
        ("Dark theme", None, "0.1"),
    ]
    assert finding_lines(WEIGHTED) == []


def test_weighted_bullets_that_name_no_priorities_or_rise_are_no_items() -> None:
    assert read_items(SCORES) == ()
    rising = WEIGHTED.replace("0.8 -", "0.05 -")
    assert read_items(rising) == ()


# A generated roadmap: milestones named by their titles, each over tables of its parts.
GENERATED = """\
# Roadmap

## Milestones

### ✅ Beta launch (COMPLETED)
- **Start**: 2025-01-10
- **Due**: 2025-03-01

#### Releases
| Version | Name | Status | Due |
|---------|------|--------|-----|
| 0.9.0 | Public beta | ✅ RELEASED | 2025-03-01 |

#### Issues
| Key | Type | Title | Status |
|-----|------|-------|--------|
| .sign_up_flow | story | Sign-up flow | N/A |

### 📋 General availability (PLANNED)
- **Start**: 2025-04-01
- **Due**: 2025-06-01

#### Releases
| Version | Name | Status | Due |
|---------|------|--------|-----|
| 1.0.0 | First stable | 📋 PLANNED | 2025-06-01 |
"""

# The same milestones with a table of notes and one of contacts: no parts of them.
NOTED = """\
# Roadmap

## Milestones

### ✅ Beta launch (COMPLETED)

#### Notes
| Topic | Name | Status |
|-------|------|--------|
| Pricing | Free tier | agreed |

### 📋 General availability (PLANNED)

#### Contacts
| Name | Role | Status |
|------|------|--------|
| Ana | PM | away |
"""


def test_a_milestones_tables_of_releases_and_issues_are_its_parts() -> None:
    items = read_items(GENERATED)
    read = [(i.id, i.title, i.status) for i in items]
    assert read == [
        ("beta-launch", "✅ Beta launch", "COMPLETED"),
        ("public-beta", "Public beta", "✅ RELEASED"),
        (".sign_up_flow", "Sign-up flow", None),
        ("general-availability", "📋 General availability", "PLANNED"),
        ("first-stable", "First stable", "📋 PLANNED"),
    ]
    assert finding_lines(GENERATED) == []


def test_a_milestones_tables_under_headings_naming_no_parts_are_no_items() -> None:
    assert [i.id for i in read_items(NOTED)] == ["beta-launch", "general-availability"]
    assert finding_lines(NOTED) == []


# Numbered steps of a phase: one whose boxes stand in groups under bare labels, one whose
# note lists what is there already before the boxes of what is needed.
STEPS = """\
# Launch Todo List

## Phase 1: Foundation

### 1.1 Database Setup
- [x] Create the schema
- [x] Seed the fixtures

### 1.2 Client Library
**Location**: `client/src/`

**Note**: the template already includes:
- ✅ an HTTP client
- ✅ retries

**Helpers needed**:

- [x] Add the auth helper
- [x] Add the pagination helper

### 1.3 Docs
- [ ] Write the guide

## Phase 2: Deployment

### 2.1 Staging Deployment

**Web:**
- [ ] Deploy the app
- [ ] Point the domain

**Workers:**
- [ ] Deploy the queue workers

### 2.2 Smoke Tests
- [ ] Run the smoke suite
"""

# The same steps where one label names what is needed, and a note that leads into no
# list: their boxes say no state of the step.
STEPS_UNSAID = """\
# Launch Todo List

## Phase 1: Foundation

### 1.1 Database Setup
- [x] Create the schema

### 1.2 Client Library
**Location**: `client/src/`

**Note**: the template is old.
- ✅ an HTTP client

- [x] Add the auth helper

### 1.3 Docs
- [ ] Write the guide

## Phase 2: Deployment

### 2.1 Staging Deployment

**What's needed:**
- [ ] Deploy the app
- [ ] Point the domain

### 2.2 Smoke Tests
- [ ] Run the smoke suite
"""


def test_a_steps_boxes_in_labelled_groups_or_after_a_notes_list_give_its_state() -> None:
    read = {i.id: i.status for i in read_items(STEPS)}
    assert read["1.1"] == "done"
    assert read["1.2"] == "done"
    assert read["2.1"] == "pending"


def test_a_steps_boxes_under_one_label_or_after_a_plain_note_give_no_state() -> None:
    read = {i.id: i.status for i in read_items(STEPS_UNSAID)}
    assert read["1.1"] == "done"
    assert read["1.2"] is None
    assert read["2.1"] is None


# A tool that keeps its tasks as files stores its own UUID in the front matter; the files
# are named, and their headings open, by each task's place in the folder.
UUID_TASKS = {
    "01-set-up-the-repository.md": (
        "---\nsync_task_id: 4acc31dc-61e2-4357-bade-0cb9944eafe5\nstatus: done\n"
        "assignee: User\n---\n\n# 01: Set up the repository\n\n**Status:** Done\n"
    ),
    "02-write-the-importer.md": (
        "---\nsync_task_id: 9b1f0c2e-7d3a-4c55-8e1b-2f6a9d0c4b7e\nstatus: doing\n---\n\n"
        "# 02: Write the importer\n\n## Inputs\n\n- 01 (the repository)\n- Python 3\n"
    ),
    "03-ship.md": (
        "---\nsync_task_id: 0c6e5a41-3b9d-4f2a-a1c7-58e2d9b6f013\nstatus: todo\n---\n\n"
        "# 03 - Ship it\n"
    ),
}


def test_tasks_a_tool_keys_by_uuid_are_named_by_their_files_numbers(tmp_path: Path) -> None:
    root = _folder(tmp_path / "execution", UUID_TASKS)
    items = taskfiles.read(root).roadmap.items
    assert [(i.id, i.title, i.status, i.dri) for i in items] == [
        ("01", "Set up the repository", "done", "User"),
        ("02", "Write the importer", "doing", None),
        ("03", "Ship it", "todo", None),
    ]
    # a bare number in a bullet names no task of a folder named by number
    assert [i.depends_on for i in items] == [(), (), ()]


def test_tasks_keyed_by_uuid_in_files_not_all_numbered_keep_their_keys(tmp_path: Path) -> None:
    files = dict(UUID_TASKS)
    files["ship.md"] = files.pop("03-ship.md")
    root = _folder(tmp_path / "execution", files)
    ids = [i.id for i in taskfiles.read(root).roadmap.items]
    assert len(ids) == 3 and all(len(i) == 36 for i in ids)
