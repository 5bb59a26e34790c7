"""The classes of plan file the fourteenth held-out set B of the corpus (tests/corpus: a
mixed sample of every family, numbered 65-66 in headings/, 24-25 in phases/, 28-29 in
checkboxes/, 31-32 in tables/, and the rent-loop task folder) showed misread, each in a
small document: read as a person reads it, with no finding a person would call a false
alarm; and beside each new reading a document that is no plan, which reads no items."""

from __future__ import annotations

from pathlib import Path

from conftest import finding_lines, read_items

from roadmaplint.reader.shapes import taskfiles

# A document with no items gets at most RL109, the account that it holds none (as
# tests/test_not_plans.py holds).
QUIET = ([], ["1:RL109"])

CONFIG = 'project_name: "mvp"\nstatuses: ["To Do", "In Progress", "Done"]\ntask_prefix: "RENTL"\n'


def _read(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(i.id, i.title, i.status, i.priority, i.dri) for i in read_items(text)]


def test_a_task_whose_body_is_glued_to_its_closing_fence_is_read(tmp_path: Path) -> None:
    # Backlog.md (gray-matter) closes the front matter at ``---## Description``; a rule
    # further down the body (``---``) is no second fence.
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    (backlog / "tasks" / "rentl-46 - Multi-currency.md").write_text(
        "---\nid: RENTL-46\ntitle: 'Multi-currency: rates'\nstatus: Done\n"
        "assignee: [EbenDomey, Gideon]\ndependencies: []\npriority: high\n"
        "---## Description\n\nRates per property.\n\n---\n\nMore notes.\n",
        encoding="utf-8",
    )
    (backlog / "tasks" / "rentl-47 - Analytics.md").write_text(
        "---\nid: RENTL-47\ntitle: Analytics\nstatus: To Do\ndependencies:\n  - RENTL-46\n---\n",
        encoding="utf-8",
    )
    items = taskfiles.read(backlog).roadmap.items
    assert [(i.id, i.title, i.status, i.priority, list(i.depends_on)) for i in items] == [
        ("RENTL-46", "Multi-currency: rates", "Done", "high", []),
        ("RENTL-47", "Analytics", "To Do", None, ["RENTL-46"]),
    ]
    front, body = taskfiles.split(
        (backlog / "tasks" / "rentl-46 - Multi-currency.md").read_text(encoding="utf-8"), "x"
    )
    assert front.endswith("priority: high\n") and body.startswith("## Description\n")


def test_a_longer_run_of_dashes_is_no_closing_fence() -> None:
    text = "---\nid: TASK-1\ntitle: A\n----\nnot: yaml\n---\nBody\n"
    front, body = taskfiles.split(text, "x")
    assert front == "id: TASK-1\ntitle: A\n----\nnot: yaml\n" and body == "Body\n"
