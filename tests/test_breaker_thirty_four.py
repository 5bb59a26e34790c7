"""The thirty-fourth break pass (ROADMAP SAFE-88): what it broke in the readings merged
before it, a Cursor plan's front matter list of to-dos above all: a list of more than
forty to-dos ran past the lines front matter was allowed and the plan read nothing,
silently; and an edit of one of its entries was refused in the gate's own words. Each
class in a small document written for it beside one that looks close and reads as it
did."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items


def _cursor_plan(count: int, newline: str = "\n") -> str:
    """A Cursor plan of ``count`` to-dos, each waiting on the one before it."""
    entries = []
    for n in range(count):
        entry = f"  - id: step-{n}\n    content: Build part {n}\n    status: pending\n"
        if n:
            entry += f"    dependencies:\n      - step-{n - 1}\n"
        entries.append(entry)
    text = (
        "---\nname: Big rewrite\noverview: Rebuild every part.\ntodos:\n"
        + "".join(entries)
        + "---\n\n# Big rewrite\n\nEach part in turn.\n"
    )
    return text.replace("\n", newline)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_cursor_plan_of_many_todos_reads_each_one(newline: str) -> None:
    items = read_items(_cursor_plan(60, newline), "big.plan.md")
    assert len(items) == 60
    assert (items[0].id, items[0].title, items[0].status) == ("step-0", "Build part 0", "pending")
    assert items[59].depends_on == ("step-58",)
    assert finding_lines(_cursor_plan(60, newline), "big.plan.md") == []


# A page whose first line is a rule and whose long text below it holds a ``todos:`` line
# and prose: no front matter, read as it was.
RULE_OVER_PROSE = (
    "---\ntodos:\n"
    + "".join(f"  - id: {n}\n    content: Item {n}\n    status: pending\n" for n in range(70))
    + "These are only notes, no YAML.\n\n---\n\n# Notes\n\nNothing planned here.\n"
)


def test_a_long_todos_list_broken_by_prose_is_no_front_matter() -> None:
    assert read_items(RULE_OVER_PROSE, "notes.md") == ()
    assert finding_lines(RULE_OVER_PROSE, "notes.md") == []


def test_a_cursor_plan_of_thousands_of_todos_reads_in_linear_time() -> None:
    def timed(count: int) -> float:
        text = _cursor_plan(count)
        start = time.perf_counter()
        assert len(read_items(text, "big.plan.md")) == count
        return time.perf_counter() - start

    small, large = timed(1250), timed(2500)
    assert large < max(small, 0.05) * 4, (small, large)


CURSOR_PLAN = """\
---
name: Perception rewrite
overview: Rebuild the perception engine.
todos:
  - id: task-001-setup
    content: Set up the workspace
    status: completed
  - id: task-002-docs
    content: Write the docs
    status: pending
    dependencies:
      - task-001-setup
---

# Perception rewrite

### TASK-001: Setup — DONE
"""


@pytest.mark.parametrize(
    "args",
    [
        ("set", "task-002-docs", "--status", "completed"),
        ("set", "task-002-docs", "--priority", "P1"),
        ("rename", "task-002-docs", "TASK-9"),
    ],
)
def test_an_edit_of_a_cursor_todo_is_refused_saying_why(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    plan = tmp_path / "rewrite.plan.md"
    plan.write_text(CURSOR_PLAN, encoding="utf-8")
    run = cli(*args, str(plan), cwd=tmp_path)
    assert run.returncode == 2
    assert "task-002-docs is an entry of the front matter's todos: list" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert plan.read_text(encoding="utf-8") == CURSOR_PLAN


# A plan whose front matter is a page's (a title), its boxes in the body: edits as before.
BOXES_UNDER_FRONT_MATTER = """\
---
title: Roadmap
---

# Roadmap

## Tasks

- [ ] Write the docs
"""


def test_an_item_below_front_matter_is_still_edited(tmp_path: Path) -> None:
    plan = tmp_path / "ROADMAP.md"
    plan.write_text(BOXES_UNDER_FRONT_MATTER, encoding="utf-8")
    run = cli("set", "write-the-docs", "--status", "done", str(plan), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "- [x] Write the docs\n" in plan.read_text(encoding="utf-8")


# A blog post whose front matter holds its sample data as to-dos with statuses Cursor
# never writes (done): no plan, and the Cursor plan beside it reads as before.
SAMPLE_TODOS_POST = """\
---
title: "My weekend todo app"
date: 2024-01-02
todos:
  - id: 1
    content: Buy milk
    status: done
  - id: 2
    content: Walk the dog
    status: pending
---

In this post I build a to-do app in Svelte; its sample data is in the front matter.

## Step 1

Create the project.
"""


def test_a_posts_sample_todos_are_no_cursor_plan() -> None:
    assert read_items(SAMPLE_TODOS_POST, "content/posts/todo-app.md") == ()
    assert finding_lines(SAMPLE_TODOS_POST, "content/posts/todo-app.md") == []
    read = [(i.id, i.status) for i in read_items(CURSOR_PLAN, "rewrite.plan.md")]
    assert read == [("task-001-setup", "completed"), ("task-002-docs", "pending")]
