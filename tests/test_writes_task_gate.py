"""A task folder's writes proved at the one write gate, ``write/taskfiles.py`` (SAFE-62):
``set`` and ``rename`` file by file, ``new`` held to the values it was given."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from roadmaplint.errors import RoadmapError

if TYPE_CHECKING:
    from pathlib import Path

TASK = """\
---
id: TASK-1
title: Set up repo
status: To Do
assignee: []
created_date: '2026-12-06 06:40'
labels: []
dependencies: []
ordinal: 1000
---


"""


def _folder(root: Path) -> Path:
    from taskfolder_texts import CONFIG

    backlog = root / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    (backlog / "tasks" / "task-1 - Set-up-repo.md").write_text(TASK, encoding="utf-8")
    return backlog


def test_a_new_task_holds_the_status_priority_and_dependencies_given(tmp_path: Path) -> None:
    from roadmaplint.edit.taskfiles import new_plan
    from roadmaplint.reader.shapes import taskfiles

    folder = taskfiles.read(_folder(tmp_path))
    status = folder.statuses[-1]
    made = new_plan(
        folder, "Write parser", {"Status": status, "Priority": "High", "Depends on": "task-1"}
    )
    item = taskfiles.read_task(made.new, str(made.path))
    assert (item.status, item.priority, list(item.depends_on)) == (status, "high", ["TASK-1"])


def test_the_task_gate_refuses_a_new_file_that_reads_back_otherwise() -> None:
    from roadmaplint.write.taskfiles import prove_task_added

    written = TASK.replace("status: To Do", "status: Done")
    with pytest.raises(RoadmapError, match=r"^t\.md: refusing to write: .*status .*'Done'"):
        prove_task_added(written, "t.md", "Set up repo", {"status": "To Do"})
    assert prove_task_added(written, "t.md", "Set up repo", {"status": "Done"}).id == "TASK-1"


def test_the_task_gate_refuses_an_edit_that_changes_more_than_it_asked() -> None:
    from roadmaplint.write.taskfiles import prove_task_edit

    retitled = TASK.replace("status: To Do", "status: Done").replace("Set up repo", "Other")
    with pytest.raises(RoadmapError, match=r"^t\.md: refusing to write: .*change title$"):
        prove_task_edit(TASK, retitled, "t.md", {"status"})
    prove_task_edit(TASK, TASK.replace("status: To Do", "status: Done"), "t.md", {"status"})


def test_the_task_edits_hold_no_proof_of_their_own() -> None:
    """One gate: the task folder's edits call the proofs in ``write/``, defining none."""
    import inspect

    from roadmaplint.edit import taskfiles as task_edits

    source = inspect.getsource(task_edits)
    assert "def prove" not in source
    assert "prove_task_edit(" in source and "prove_task_added(" in source


# --- ``new`` in a single file: a status given held to what it means (SAFE-62) -------------

PLAN = """# Plan

## Now

- [ ] T-1 Lexer
"""


def test_a_new_items_status_is_held_to_its_meaning_in_the_shapes_words() -> None:
    from roadmaplint.reader import parse
    from roadmaplint.settings import Settings
    from roadmaplint.write.proof import prove_added

    before = parse(PLAN, "PLAN.md")
    added = PLAN + "- [ ] T-2 Parser\n"
    for given in ("ready", "todo", "idea"):  # an open box says work not started
        prove_added(before, added, "T-2", {"status": given}, Settings())
    for given in ("in progress", "blocked", "done"):
        with pytest.raises(RoadmapError, match=r"T-2's status would read back as '\[ \]'"):
            prove_added(before, added, "T-2", {"status": given}, Settings())
