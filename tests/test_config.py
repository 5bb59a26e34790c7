"""Settings from pyproject.toml or .roadmaplint.toml, overridden by the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import item, roadmap

from roadmaplint.cli import main

WARNED = roadmap(
    (
        "Modeling",
        [
            item("MODEL-1", status="idea", priority="P2"),
            item("MODEL-2", status="idea", priority="P0", depends="MODEL-1"),
        ],
    )
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ROADMAP.md").write_text(WARNED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def codes(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line.split()[2] for line in capsys.readouterr().out.splitlines()[:-1]]


def test_pyproject_found_by_walking_up(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "docs/ROADMAP.md"]) == 0
    assert codes(capsys) == ["RL305"]
    (project / "pyproject.toml").write_text("[tool.roadmaplint]\nstrict = true\n", encoding="utf-8")
    assert main(["check", "docs/ROADMAP.md"]) == 1
    assert main(["check", "docs/ROADMAP.md", "--no-strict"]) == 0
    capsys.readouterr()


def test_dotfile_wins_over_pyproject_in_the_same_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text("[tool.roadmaplint]\nstrict = true\n", encoding="utf-8")
    (project / ".roadmaplint.toml").write_text(
        'ignore = ["priority-inversion"]\n', encoding="utf-8"
    )
    assert main(["check", "docs/ROADMAP.md"]) == 0
    assert capsys.readouterr().out == "All checks passed.\n"


def test_select_and_ignore_by_code_prefix_and_name(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = WARNED.replace("- **Status:** idea", "- **Status:** wip", 1)
    (project / "docs" / "ROADMAP.md").write_text(broken, encoding="utf-8")
    main(["check", "docs/ROADMAP.md"])
    assert codes(capsys) == ["RL201", "RL305"]
    main(["check", "docs/ROADMAP.md", "--select", "RL3"])
    assert codes(capsys) == ["RL305"]
    main(["check", "docs/ROADMAP.md", "--ignore", "unknown-status,RL305"])
    assert codes(capsys) == []
    (project / ".roadmaplint.toml").write_text('select = ["RL2"]\n', encoding="utf-8")
    main(["check", "docs/ROADMAP.md"])
    assert codes(capsys) == ["RL201"]
    main(["check", "docs/ROADMAP.md", "--select", "ALL"])
    assert codes(capsys) == ["RL201", "RL305"]


def test_config_option_overrides_the_search(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".roadmaplint.toml").write_text("strict = true\n", encoding="utf-8")
    other = project / "lenient.toml"
    other.write_text("strict = false\n", encoding="utf-8")
    assert main(["check", "docs/ROADMAP.md"]) == 1
    assert main(["check", "docs/ROADMAP.md", "--config", str(other)]) == 0
    capsys.readouterr()


def test_custom_statuses_fields_pattern_and_headings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# R\n\n## Status Legend\n\n- `todo` – open\n- `shipped` – done\n- `doing` – busy\n\n"
        "## Priority Legend\n\n- `high` – first\n- `low` – later\n\n"
        "# Work\n\n## [ab12] First\n\n- **Status:** shipped\n- **Priority:** high\n"
        "- **Definition of Done:**\n  - [x] done\n\n"
        "## [ab13] Second\n\n- **Status:** doing\n- **Priority:** high\n- **Depends on:** ab12\n"
        "- **Definition of Done:**\n  - done\n\n"
        "# Plan by Priority\n\n## high\n- ab12\n- ab13\n"
    )
    (project / "docs" / "ROADMAP.md").write_text(text, encoding="utf-8")
    (project / ".roadmaplint.toml").write_text(
        'id-pattern = "[a-z]+[0-9]+"\n'
        'required-fields = ["Status", "Priority"]\n'
        'overview-heading = "Plan by Priority"\n'
        "strict = true\n"
        "[statuses]\n"
        'done = ["shipped"]\nready = ["todo"]\nin-progress = ["doing"]\n',
        encoding="utf-8",
    )
    assert main(["check", "docs/ROADMAP.md"]) == 1
    assert capsys.readouterr().out == (
        "docs/ROADMAP.md:23:1: warning: RL501 ab13 is doing but has no DRI; name who is working on it\n"
        "Found 0 errors and 1 warning.\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "colour = true\n",
            "unknown setting 'colour'; known settings: exclude, extra-fields, fields, graph-heading, id-pattern",
        ),
        ("strict = 1\n", "strict: expected true or false"),
        ('select = ["RL999"]\n', "select: unknown rule 'RL999'"),
        ('id-pattern = "[A-Z"\n', "id-pattern: RE2 cannot run this pattern: missing ]: [A-Z"),
        ('id-pattern = "(?=A)A-[0-9]"\n', "id-pattern: RE2 cannot run this pattern: invalid perl"),
        ('id-pattern = "[A-Z]*"\n', "id-pattern: the pattern matches an empty ID"),
        ('template-dir = "../elsewhere"\n', "template-dir: '../elsewhere' is outside the folder"),
        ('[statuses]\nshipping = ["x"]\n', "statuses: unknown meaning 'shipping'"),
        ("strict = \n", "not valid TOML"),
        ('overview-heading = "Plan\\n## Y"\n', "overview-heading: a heading is one line"),
        ('graph-heading = "Graph\\r"\n', "graph-heading: a heading is one line"),
    ],
)
def test_bad_settings_name_the_file_and_the_key(
    project: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (project / ".roadmaplint.toml").write_text(content, encoding="utf-8")
    assert main(["check", "docs/ROADMAP.md"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"roadmaplint: error: {project / '.roadmaplint.toml'}: ")
    assert message in err


def test_bad_pyproject_setting_names_the_table(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.roadmaplint]\nrequired-fields = 3\n", encoding="utf-8"
    )
    assert main(["check", "docs/ROADMAP.md"]) == 2
    assert capsys.readouterr().err == (
        f"roadmaplint: error: {project / 'pyproject.toml'}: [tool.roadmaplint]: required-fields: "
        "expected a string or a list of strings\n"
    )


def test_unknown_rule_on_the_command_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "docs/ROADMAP.md", "--ignore", "RL77x"]) == 2
    assert capsys.readouterr().err == (
        "roadmaplint: error: --ignore: unknown rule 'RL77x'; `roadmaplint rules` lists them\n"
    )
