"""The README's outputs, rules table and reference are what roadmaplint really prints."""

from __future__ import annotations

import re

from readme import GENERATED, OUTPUT, README, REPO, render


def test_readme_is_up_to_date() -> None:
    current = README.read_text(encoding="utf-8")
    assert OUTPUT.search(current) and GENERATED.search(current)
    assert render(current) == current, "run: python tests/readme.py"


def test_readme_set_up_commands_are_the_ones_ci_runs() -> None:
    text = README.read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "pip install '.[test]' && python -m pytest"
    assert f"```sh\n{test_command}\n```" in text
    assert ci.rstrip().splitlines()[-1] == test_command
    assert "```sh\npip install . && roadmaplint check ROADMAP.md\n```" in text


def test_every_command_is_documented() -> None:
    import typer

    from roadmaplint.cli import app

    text = README.read_text(encoding="utf-8")
    names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert names
    for name in names:
        assert re.search(rf"<!-- output: {name} --help -->", text), name
