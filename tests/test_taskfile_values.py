"""Front matter values no loader can make: a day that is none (``created_date:
2024-13-45``, a typo) and a number of more digits than Python turns into an int. Both
were a traceback, through the fast reader and through ruamel.yaml alike; each is one
line naming the file, exit 2, and the task file is left as it was, for ``list`` and
for a write."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli

CONFIG = 'project_name: "x"\nstatuses: ["To Do", "In Progress", "Done"]\n'
TASK = "---\nid: task-1\ntitle: A\nstatus: To Do\n{extra}\n---\n\n## Description\n\nx\n"


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("created_date: 2024-13-45", "month must be in 1..12"),
        ("ordinal: " + "9" * 5000, "Exceeds the limit"),
        ("ordinal: -" + "1" * 4400, "Exceeds the limit"),
    ],
)
def test_a_value_no_loader_can_make_is_one_line(tmp_path: Path, extra: str, said: str) -> None:
    (tmp_path / "backlog" / "tasks").mkdir(parents=True)
    (tmp_path / "backlog" / "config.yml").write_text(CONFIG, encoding="utf-8")
    task = tmp_path / "backlog" / "tasks" / "task-1 - A.md"
    task.write_text(TASK.format(extra=extra), encoding="utf-8")
    before = task.read_bytes()
    for args in (
        ("list", "backlog"),
        ("check", "backlog"),
        ("set", "task-1", "--status", "Done", "backlog"),
    ):
        result = cli(*args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "task-1 - A.md" in lines[0] and said in lines[0], lines
        assert task.read_bytes() == before


def test_a_day_that_is_none_in_config_yml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "backlog" / "tasks").mkdir(parents=True)
    (tmp_path / "backlog" / "config.yml").write_text(
        CONFIG + "date: 2024-02-30\n", encoding="utf-8"
    )
    (tmp_path / "backlog" / "tasks" / "task-1 - A.md").write_text(
        TASK.format(extra="priority: high"), encoding="utf-8"
    )
    result = cli("list", "backlog", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "roadmaplint: error: backlog/config.yml:1: a YAML value cannot be read: day is out of range for month"
    ]
