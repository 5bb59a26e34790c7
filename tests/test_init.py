"""`roadmaplint init` where a plan already exists: the configuration that reads it as it
stands, commented, written through the atomic writer and never over another (issue 20,
point 4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import GOMLX, cli

CORPUS = Path(__file__).parent / "corpus"

TABLE = """# Work queue

## Now

| ID | Title | Status | Owner | Depends on |
|----|-------|--------|-------|------------|
| Q-1 | Adopt the ledger | DONE | ana | |
| Q-2 | Route the frontier | In Progress | ben | Q-1 |
| Q-3 | Reconcile authority | review | cy | Q-2 |
"""

TABLE_CONFIG = """\
# roadmaplint configuration, written by `roadmaplint init` from the plan as it
# stands; `roadmaplint check` reads the same items with it as without it:
#   QUEUE.md: 3 items (3 table-rows)
# Each setting says why it is set; the README's Configuration section lists all.

# The plans a plain `roadmaplint check` reads: the default looks only for files named
# ROADMAP.md.
include = ["QUEUE.md"]

# Every item is of one shape: items are the rows of tables with an ID or title column
# and field columns.
shape = "table-rows"

# IDs: Q-1, Q-2, Q-3. The default id-pattern reads them all (an upper-case word with a
# digit); to hold new IDs to the form they have here, set
#   id-pattern = "[A-Z]+-[0-9]+"

# Fields every item must write (RL103): those nearly all items write here.
required-fields = ["DRI", "Status"]

# No item names a priority.

[statuses]

# The statuses written here, by the workflow meaning the rules read in them (done, in
# progress, ready, blocked, idea); values are matched as written.

# done: "DONE" (1)
done = ["DONE"]

# in-progress: "In Progress" (1)
in-progress = ["In Progress"]

# No meaning: "review" (1); add one to a meaning above for the workflow rules to read
# it.
"""


def item_lines(explained: str) -> list[str]:
    return [line for line in explained.splitlines() if ": item " in line]


def same_after_init(folder: Path, *paths: str) -> str:
    """Run init; assert check reads the same items with the same findings after it, and
    return the configuration it wrote."""
    before = cli("check", *paths, cwd=folder)
    explained = cli("check", "--explain", *paths, cwd=folder)
    assert before.returncode in (0, 1), before.stderr
    made = cli("init", *paths, cwd=folder)
    assert made.returncode == 0, made.stderr
    written = (folder / ".roadmaplint.toml").read_text(encoding="utf-8")
    after = cli("check", *paths, cwd=folder)
    assert (after.returncode, after.stdout, after.stderr) == (
        before.returncode,
        before.stdout,
        before.stderr,
    )
    assert item_lines(cli("check", "--explain", *paths, cwd=folder).stdout) == item_lines(
        explained.stdout
    )
    assert item_lines(explained.stdout)
    # A plain check with no path finds the plan through the written include.
    assert cli("check", cwd=folder).stdout == before.stdout
    return written


def test_init_writes_the_configuration_that_reads_a_table_as_it_stands(tmp_path: Path) -> None:
    (tmp_path / "QUEUE.md").write_text(TABLE, encoding="utf-8")
    made = cli("init", "QUEUE.md", cwd=tmp_path)
    assert (made.returncode, made.stderr) == (0, "")
    assert made.stdout == (
        "Wrote .roadmaplint.toml: it reads QUEUE.md as it stands (3 items); "
        "`roadmaplint check` finds the same items and findings with it.\n"
    )
    assert (tmp_path / ".roadmaplint.toml").read_text(encoding="utf-8") == TABLE_CONFIG
    (tmp_path / ".roadmaplint.toml").unlink()
    assert same_after_init(tmp_path, "QUEUE.md") == TABLE_CONFIG


def test_init_on_a_plan_outside_the_working_folder_configures_it_where_check_looks(
    tmp_path: Path,
) -> None:
    """The configuration goes beside the plan (check finds it from the plan, not from
    here), and the message gives the check command that reads it."""
    (tmp_path / "repo").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "QUEUE.md").write_text(TABLE, encoding="utf-8")
    before = cli("check", "../elsewhere/QUEUE.md", cwd=tmp_path / "repo")
    made = cli("init", "../elsewhere/QUEUE.md", cwd=tmp_path / "repo")
    assert (made.returncode, made.stderr) == (0, "")
    assert made.stdout == (
        "Wrote ../elsewhere/.roadmaplint.toml: it reads QUEUE.md as it stands (3 items); "
        "`roadmaplint check ../elsewhere/QUEUE.md` finds the same items and findings with it.\n"
    )
    assert not (tmp_path / "repo" / ".roadmaplint.toml").exists()
    written = (tmp_path / "elsewhere" / ".roadmaplint.toml").read_text(encoding="utf-8")
    assert written == TABLE_CONFIG
    after = cli("check", "../elsewhere/QUEUE.md", cwd=tmp_path / "repo")
    assert (after.returncode, after.stdout) == (before.returncode, before.stdout)


def test_init_on_gomlx_keeps_its_exact_findings(tmp_path: Path) -> None:
    shutil.copy(GOMLX, tmp_path / "ROADMAP.md")
    written = same_after_init(tmp_path)  # no path: discovery finds ROADMAP.md
    assert 'shape = "headings"' in written
    assert "include" not in written  # ROADMAP.md is found without it
    assert 'required-fields = ["DRI", "Status", "Priority"]' in written
    assert 'ready = ["ready"]\n' in written and 'idea = ["idea"]\n' in written
    assert '#   id-pattern = "[A-Z]+-[0-9]+"\n' in written
    assert 'Priorities: "P1" (11), "P0" (5), "P2" (4), as the Priority Legend' in written


@pytest.mark.parametrize(
    ("corpus_file", "shape"),
    [
        ("tables/01-0xkhdr-specd-tasks.md", 'shape = "table-rows"'),
        ("checkboxes/02-199fly-Telo-tasks.md", 'shape = "checkboxes"'),
        ("checkboxes/11-marcusquinn-cloudron-netbird-app-TODO.md", 'shape = "checkboxes"'),
        ("phases/02-0jrm-gsd-unsupervised-ROADMAP.md", 'shape = "headings"'),
        ("headings/07-EndeavorEverlasting-StudySyndicate-WORK_QUEUE.md", 'shape = "headings"'),
    ],
)
def test_init_on_real_plans_reads_the_same_items(
    tmp_path: Path, corpus_file: str, shape: str
) -> None:
    name = Path(corpus_file).name
    shutil.copy(CORPUS / corpus_file, tmp_path / name)
    written = same_after_init(tmp_path, name)
    assert f"\n{shape}\n" in written
    assert f'include = ["{name}"]' in written


def test_init_writes_a_setting_that_would_change_the_findings_as_a_comment(
    tmp_path: Path,
) -> None:
    # Declaring the fields would make RL105 report the second Plans field of each item.
    plan = "".join(
        f"## Phase {number}: Step {number}\n\n**Goal**: go\n**Plans**: 1 plan\n\n"
        "Plans:\n- [x] 01-PLAN.md — the plan\n\n"
        for number in (1, 2, 3)
    )
    (tmp_path / "PLAN.md").write_text("# Plan\n\n" + plan, encoding="utf-8")
    written = same_after_init(tmp_path, "PLAN.md")
    assert written.endswith(
        "# Not set, because reading with it would change the items or the findings:\n"
        "# required-fields = []\n"
        '# extra-fields = ["Goal", "Plans"]\n'
    )
    assert "IDs: Phase 1, Phase 2, Phase 3: planning phases, read by their form" in written


def test_init_never_overwrites_a_configuration(tmp_path: Path) -> None:
    (tmp_path / "QUEUE.md").write_text(TABLE, encoding="utf-8")
    assert cli("init", "QUEUE.md", cwd=tmp_path).returncode == 0
    again = cli("init", "QUEUE.md", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (2, "")
    assert again.stderr == (
        "roadmaplint: error: .roadmaplint.toml: already configures QUEUE.md; roadmaplint "
        "init never overwrites a configuration (edit it, or remove it and run init again)\n"
    )
    assert (tmp_path / ".roadmaplint.toml").read_text(encoding="utf-8") == TABLE_CONFIG
    pyproject = tmp_path / "sub" / "pyproject.toml"
    pyproject.parent.mkdir()
    pyproject.write_text('[tool.roadmaplint]\nselect = ["ALL"]\n', encoding="utf-8")
    (tmp_path / "sub" / "ROADMAP.md").write_text(TABLE, encoding="utf-8")
    refused = cli("init", cwd=tmp_path / "sub")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("roadmaplint: error: pyproject.toml: already configures")
    assert sorted(path.name for path in pyproject.parent.iterdir()) == [
        "ROADMAP.md",
        "pyproject.toml",
    ]


def test_init_refuses_a_plan_with_no_items_and_configures_a_task_folder(tmp_path: Path) -> None:
    (tmp_path / "NOTES.md").write_text("# Notes\n\nNothing planned.\n", encoding="utf-8")
    empty = cli("init", "NOTES.md", cwd=tmp_path)
    assert (empty.returncode, empty.stdout) == (2, "")
    assert empty.stderr == (
        "roadmaplint: error: NOTES.md: no items were read, so there is no configuration to "
        "write; `roadmaplint check --explain NOTES.md` shows what was looked for\n"
    )
    shutil.copytree(CORPUS / "taskfiles" / "BigCactusLabs-blotter", tmp_path / "blotter")
    checked = cli("check", "blotter/backlog", cwd=tmp_path).stdout
    folder = cli("init", "blotter/backlog", cwd=tmp_path)
    assert folder.returncode == 0, folder.stderr
    assert folder.stdout.startswith("Wrote .roadmaplint.toml: it reads blotter/backlog as it")
    written = (tmp_path / ".roadmaplint.toml").read_text(encoding="utf-8")
    assert 'done = ["Done"]\nin-progress = ["In Progress"]\nqueued = ["To Do"]\n' in written
    assert cli("check", "blotter/backlog", cwd=tmp_path).stdout == checked


def test_init_with_no_plan_still_writes_the_starter(tmp_path: Path) -> None:
    made = cli("init", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "ROADMAP.md").read_text(encoding="utf-8").startswith("# Roadmap\n")
    assert not (tmp_path / ".roadmaplint.toml").exists()
