"""A file name or a value holding a Unicode direction override (U+202E and its kin) is
shown escaped in every format a terminal or a CI log prints, as a control character
is: written raw it turns the rest of the line around (the "Trojan Source" trick), so a
finding reads as naming another file or another item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import cli

PLAN = "# Roadmap\n\n## [A-1] Parser\n\n- **Status:** ready\n- **Depends on:** A-9\n"
OVERRIDES = ("\u202e", "\u202a", "\u2066", "\u2069")


@pytest.mark.parametrize("override", OVERRIDES)
def test_a_direction_override_in_a_file_name_is_shown_escaped(
    tmp_path: Path, override: str
) -> None:
    name = f"plan{override}dm.EMDAER.md"
    (tmp_path / name).write_text(PLAN, encoding="utf-8")
    escaped = f"plan\\u{ord(override):04x}dm.EMDAER.md"
    said = {form: cli("check", "--format", form, name, cwd=tmp_path) for form in FORMATS}
    for form, done in said.items():
        assert done.returncode == 1, (form, done.stderr)
        assert override not in done.stdout, form
    assert said["text"].stdout.startswith(f"{escaped}:6:19: error: RL301 ")
    assert said["github"].stdout.startswith(f"::error file={escaped},line=6,col=19,")
    (found,) = json.loads(said["json"].stdout)
    assert found["path"] == name  # JSON keeps the name, as an escape


FORMATS = ("text", "github", "json", "sarif")


@pytest.mark.parametrize("form", ["mermaid", "dot"])
def test_graph_prints_no_control_or_override_of_a_title(tmp_path: Path, form: str) -> None:
    """A title holding ESC and U+202E: ``graph`` wrote both raw into the terminal (and into
    a CI log), where ESC recolours and moves the cursor and U+202E turns the line around."""
    (tmp_path / "ROADMAP.md").write_text(
        "# Roadmap\n\n## [A-1] Parser\x1b[31m\u202e red\n\n- **Status:** ready\n\n"
        "## [A-2] Writer\n\n- **Status:** todo\n- **Depends on:** A-1\n",
        encoding="utf-8",
    )
    done = cli("graph", "--format", form, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    assert "Parser [31m red" in done.stdout


@pytest.mark.parametrize(
    "command", [("show", "A-1"), ("list", "--format", "markdown"), ("list",), ("next",)]
)
def test_show_and_list_print_no_control_or_override_of_a_title(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "ROADMAP.md").write_text(
        "# Roadmap\n\n## [A-1] Pa\x1b[31mrser\u202e\n\n- **Status:** ready\n"
        "- **DRI:** @a\x1b[2Jb\n",
        encoding="utf-8",
    )
    done = cli(*command, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "A-1" in done.stdout
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout


def _commit(folder: Path, text: str) -> None:
    import subprocess

    (folder / "ROADMAP.md").write_text(text, encoding="utf-8")
    for command in (
        ["git", "add", "ROADMAP.md"],
        ["git", "-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "-qm", "x"],
    ):
        subprocess.run(command, cwd=folder, check=True, capture_output=True)


@pytest.mark.parametrize(
    "command",
    [
        ("diff", "HEAD~1"),
        ("diff", "HEAD~1", "--format", "markdown"),
        ("history",),
        ("history", "--format", "markdown"),
    ],
)
def test_diff_and_history_print_no_control_or_override_of_a_title(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", "."], cwd=tmp_path, check=True)
    _commit(tmp_path, "# Roadmap\n\n## [A-1] Parser\n\n- **Status:** ready\n")
    _commit(tmp_path, "# Roadmap\n\n## [A-1] Pa\x1b[31mrser\u202e\n\n- **Status:** done\x1b[2J\n")
    done = cli(*command, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "A-1" in done.stdout
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
