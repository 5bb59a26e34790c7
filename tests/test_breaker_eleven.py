"""The eleventh break pass: documents that are no plans read quiet, and plans written in
the shapes this session's readings learned keep their bytes through the writers."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, read_items

from roadmaplint import check_text
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

_README = "# Tool\n\nA tool.\n\n{heading}\n\n{line}\n\n## License\n\nMIT\n"


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("## Project status", "Status: in development. Contributions welcome."),
        ("## Statut", "Statut : en développement."),
        ("## Compatibility", "Estado: estable"),
        ("## Requirements", "Requires: Python 3.8 or newer."),
        ("## Maintainers", "Owner: @bob"),
        ("## Support", "Responsable: Ana García"),
    ],
)
def test_a_readme_section_with_one_field_line_is_no_near_miss(heading: str, line: str) -> None:
    # a README's one "Status: beta" or "Requires: Python 3.8" under its heading is no item
    # that lost its ID: RL109 called it one, an error on a file that is no plan (the
    # other languages' field names made more of them)
    text = _README.format(heading=heading, line=line)
    assert parse(text, "README.md", Settings()).items == ()
    assert check_text(text, "README.md", Settings()) == []


def test_a_heading_with_fields_of_work_is_still_a_near_miss() -> None:
    text = "# Plan\n\n## Login\n\nStatus: done\nOwner: ana\n"
    assert [f.code for f in check_text(text, "PLAN.md", Settings())] == ["RL109"]


QUEUE = """\
# Work Queue

## Queue Rules

- Status is the section the item lives in.

## Ready

## In Progress

### WQ-014 Set up CI

- **Priority**: P1

### WQ-013 Write the parser

- **Priority**: P2

## Done

### WQ-001 Stop committing OS metadata

- **Priority**: P0
"""


def test_set_status_moves_an_item_into_a_section_left_empty(tmp_path: Path) -> None:
    # a move takes the last item out of ## Ready and leaves the heading; moving one back
    # wrote a Status field of ready under ## In Progress instead, the contradiction a
    # move is there to avoid
    path = tmp_path / "ROADMAP.md"
    path.write_bytes(QUEUE.encode())
    run = cli("set", "WQ-014", "--status", "ready", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert path.read_text() == QUEUE.replace(
        "## Ready\n\n## In Progress\n\n### WQ-014 Set up CI\n\n- **Priority**: P1\n\n",
        "## Ready\n\n### WQ-014 Set up CI\n\n- **Priority**: P1\n\n## In Progress\n\n",
    )
    assert [(item.id, item.status) for item in read_items(path.read_text())] == [
        ("WQ-014", "Ready"),
        ("WQ-013", "In Progress"),
        ("WQ-001", "Done"),
    ]


def test_a_move_puts_the_item_above_the_rule_that_closes_its_new_section(
    tmp_path: Path,
) -> None:
    # ## Ready ending with a rule before ## In Progress: the moved item went below the
    # rule, which then stood between ## Ready and its item
    ruled = QUEUE.replace("## Ready\n\n", "## Ready\n\n---\n\n")
    path = tmp_path / "ROADMAP.md"
    path.write_bytes(ruled.encode())
    run = cli("set", "WQ-014", "--status", "ready", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert path.read_text() == ruled.replace(
        "## Ready\n\n---\n\n## In Progress\n\n### WQ-014 Set up CI\n\n- **Priority**: P1\n\n",
        "## Ready\n\n### WQ-014 Set up CI\n\n- **Priority**: P1\n\n---\n\n## In Progress\n\n",
    )


@pytest.mark.parametrize("name", ["Prioridade", "Priorität", "Öncelik", "Estado", "Responsável"])
def test_a_queue_of_spaced_id_headings_reads_its_fields_in_other_languages(name: str) -> None:
    # the fields of eight languages are the known fields, but a queue of spaced ID
    # headings knew its fields of work in English only: ``- **Prioridade**: P1`` was read
    # as an item titled Prioridade under each heading, the queue's items unread
    text = (
        f"# Fila\n\n## Ready\n\n### WQ-015 Expand the tests\n\n- **{name}**: P1\n\n"
        f"### WQ-016 Add a smoke test\n\n- **{name}**: P2\n\n"
        f"## Done\n\n### WQ-001 Stop committing metadata\n\n- **{name}**: P0\n"
    )
    items = parse(text, "ROADMAP.md", Settings()).items
    assert [(item.id, item.title, item.section) for item in items] == [
        ("WQ-015", "Expand the tests", "Ready"),
        ("WQ-016", "Add a smoke test", "Ready"),
        ("WQ-001", "Stop committing metadata", "Done"),
    ]


def test_a_free_text_status_after_a_run_of_marks_is_read_in_one_pass() -> None:
    # the marks before a free-text status were dropped one copy of the words at a time,
    # quadratic on a hostile value of marks (CPU in bench, never timed here): the words
    # after them are read as before
    from roadmaplint.settings import status_meaning

    assert status_meaning("· · Functional ✅, polish deferred") == "idea"
    assert status_meaning("· · Mostly complete, needs validation") == "in_progress"
    assert status_meaning(". " * 20) is None
    assert status_meaning("✅") == "done"


BLOCKS = """\
# Roadmap

## Work

### [A-1] Parser

- **Status:** done
- **Blocks:** A-10

### [A-3] Writer

- **Status:** todo

### [A-10] Docs

- **Status:** todo
- **Depends on:** A-3
"""


@pytest.mark.parametrize(
    "change", [("--remove-dep", "A-1"), ("--depends-on", "A-3"), ("--depends-on", "")]
)
def test_set_refuses_to_drop_a_dependency_another_item_writes_in_its_blocks(
    tmp_path: Path, change: tuple[str, str]
) -> None:
    # A-10 depends on A-1 by A-1's Blocks: --depends-on A-3 said "No change" and left it,
    # --remove-dep A-1 said A-10 did not depend on A-1, which show says it does
    path = tmp_path / "ROADMAP.md"
    path.write_bytes(BLOCKS.encode())
    run = cli("set", "A-10", *change, "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        "roadmaplint: error: ROADMAP.md:8: A-10's dependency on A-1 is written in A-1's "
        "Blocks; edit it there\n"
    )
    assert path.read_text() == BLOCKS


def test_set_adds_a_dependency_beside_one_another_item_writes_in_its_blocks(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ROADMAP.md"
    path.write_bytes(BLOCKS.encode())
    for args in (("--add-dep", "A-1"), ("--depends-on", "A-3, A-1")):
        run = cli("set", "A-10", *args, "ROADMAP.md", cwd=tmp_path)
        assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert path.read_text() == BLOCKS.replace("**Depends on:** A-3", "**Depends on:** A-3, A-1")
    run = cli("set", "A-10", "--remove-dep", "A-3", "ROADMAP.md", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (0, ""), run.stderr
    assert path.read_text() == BLOCKS.replace("**Depends on:** A-3", "**Depends on:** A-1")
