"""A custom id-pattern runs the way it was validated, on RE2, and never hangs (issue 9: 15, 21)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LEGENDS, installed_command, item

from roadmaplint.cli import main
from roadmaplint.generate.fix import fix_text


def project(tmp_path: Path, pattern: str, *items: str) -> Path:
    (tmp_path / ".roadmaplint.toml").write_text(f"id-pattern = '{pattern}'\n", encoding="utf-8")
    roadmap = tmp_path / "ROADMAP.md"
    text = LEGENDS + "---\n\n# Work\n\nWhat we build next.\n\n" + "".join(items)
    roadmap.write_text(text, encoding="utf-8")
    return roadmap


def test_a_pattern_with_its_own_named_group_is_used_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roadmap = project(
        tmp_path,
        "(?P<id>[A-Z]+)-(?P<number>[0-9]+)",
        item("CORE-1", title="Parser"),
        item("CORE-2", title="Checker", depends="CORE-1"),
    )
    assert main(["fix", str(roadmap)]) == 0
    assert main(["list", str(roadmap), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "id,title,status,priority,dri,section\n"
        "CORE-1,Parser,ready,P1,unassigned,Work\n"
        "CORE-2,Checker,ready,P1,unassigned,Work\n"
    )
    assert main(["show", "CORE-2", "-f", str(roadmap)]) == 0
    assert "Depends on:      CORE-1 (ready)\n" in capsys.readouterr().out


def test_inline_flags_apply_to_the_id_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roadmap = project(
        tmp_path,
        "(?i)core-[0-9]+",
        item("core-1", title="lower"),
        item("CORE-2", title="upper", depends="Core-1"),
    )
    assert main(["list", str(roadmap), "--format", "csv"]) == 0
    assert capsys.readouterr().out == (
        "id,title,status,priority,dri,section\n"
        "core-1,lower,ready,P1,unassigned,Work\n"
        "CORE-2,upper,ready,P1,unassigned,Work\n"
    )


def test_a_suggested_heading_uses_our_groups_not_the_patterns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roadmap = project(tmp_path, "(MODEL|API)-[0-9]+", item("MODEL-1"))
    # (with a separator, "## API-2: Export" is an item heading)
    text = roadmap.read_text(encoding="utf-8") + "## API-2 Export\n\nSoon.\n"
    roadmap.write_text(fix_text(text).text, encoding="utf-8")
    assert main(["check", str(roadmap), "--select", "RL101"]) == 1
    out = capsys.readouterr().out
    assert 'is not an item heading: write it as "## [API-2] Export" or "## API-2 — Export"' in out


@pytest.mark.parametrize("pattern", ["((MODEL|A+))+-[0-9]+", "(MODEL|A|A)+-[0-9]+"])
def test_patterns_that_backtracked_for_ever_now_finish(tmp_path: Path, pattern: str) -> None:
    # Each took over 60 s with 33 A's on a backtracking engine; 5,000 here.
    roadmap = project(tmp_path, pattern, item("MODEL-1"), item("AA-2", depends="A" * 5_000 + "!"))
    run = subprocess.run(
        [installed_command(), "list", str(roadmap), "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=60,  # a safety net, not a measurement: linear matching takes milliseconds
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout == (
        "id,title,status,priority,dri,section\n"
        "MODEL-1,Something,ready,P1,unassigned,Work\n"
        "AA-2,Something,ready,P1,unassigned,Work\n"
    )


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(?=A)A-[0-9]+", "RE2 cannot run this pattern: invalid perl operator: (?="),
        (r"(A)\1-[0-9]+", "RE2 cannot run this pattern: invalid escape sequence: \\1"),
        ("A)(B-[0-9]+", "RE2 cannot run this pattern: unexpected ): A)(B-[0-9]+"),
    ],
)
def test_what_re2_cannot_run_is_one_line(tmp_path: Path, pattern: str, why: str) -> None:
    roadmap = project(tmp_path, pattern, item("MODEL-1"))
    run = subprocess.run(
        [installed_command(), "check", str(roadmap)], capture_output=True, text=True, timeout=60
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"roadmaplint: error: {tmp_path / '.roadmaplint.toml'}: id-pattern: {why}\n"
    )


def test_without_re2_a_custom_pattern_says_how_to_install_it(tmp_path: Path) -> None:
    roadmap = project(tmp_path, "[A-Z]+-[0-9]+", item("MODEL-1"))
    # A None entry in sys.modules is how Python spells "this module cannot be imported".
    script = (
        "import sys; sys.modules['re2'] = None\n"
        "from roadmaplint.cli import main\n"
        "sys.exit(main(['check', sys.argv[1]]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(roadmap)], capture_output=True, text=True, timeout=60
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"roadmaplint: error: {tmp_path / '.roadmaplint.toml'}: id-pattern: a custom ID pattern "
        "runs on RE2, which is not installed: pip install google-re2 (a dependency of "
        "roadmaplint: reinstall it)\n"
    )


def test_re2_is_installed_with_roadmaplint_not_as_an_extra() -> None:
    from importlib.metadata import requires

    needed = [line for line in requires("roadmaplint") or [] if line.startswith("google-re2")]
    assert needed and all("extra ==" not in line for line in needed)


def test_a_near_miss_dependency_is_spelled_with_the_custom_pattern(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roadmap = project(
        tmp_path, "[A-Z]+-[0-9]+", item("CORE-1"), item("CORE-2", depends="core-1 parser")
    )
    assert main(["check", str(roadmap), "--select", "RL308"]) == 0
    assert capsys.readouterr().out == (
        f"{roadmap}:38:19: warning: RL308 CORE-2 depends on 'core-1 parser', which is not an "
        "item ID and so counts as an external dependency; did you mean CORE-1?\n"
        "Found 0 errors and 1 warning.\n"
    )
