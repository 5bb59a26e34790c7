"""The README and docs/ show what roadmaplint really prints, and stay short where they must."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import run
from readme import COMMANDS_DOC, DOCUMENTS, GENERATED, OUTPUT, README, REPO, RULES_DOC, render


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_documents_are_up_to_date(document: Path) -> None:
    current = document.read_text(encoding="utf-8")
    assert GENERATED.search(current)
    assert render(current) == current, "run: python tests/readme.py"


def test_readme_shows_real_output() -> None:
    assert len(OUTPUT.findall(README.read_text(encoding="utf-8"))) >= 5


def test_readme_is_short_and_points_to_the_references() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 900
    assert "(docs/rules.md)" in text and "(docs/commands.md)" in text
    assert "--help -->" not in text  # the --help dumps live in docs/commands.md


def test_readme_set_up_commands_are_the_ones_ci_runs() -> None:
    """The README's test command is CI's last line, and it does the whole set-up itself:
    the Debian packages, npm ci, a virtual environment with the test extra, and pytest
    on every core as its last line (issue 22)."""
    text = README.read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "scripts/setup && . build/test-venv/bin/activate && python -m pytest -n auto --dist loadfile"
    assert f"```sh\n{test_command}\n```" in text
    assert ci.rstrip().splitlines()[-1] == test_command
    workflow = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "run: .ci/run\n" in workflow
    script = REPO / "scripts" / "setup"
    assert os.access(script, os.X_OK)
    lines = [line.strip() for line in script.read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith("#")]
    assert commands[0] == "set -euo pipefail"
    for package in ("chromium", "npm", "neovim", "git", "python3-venv"):
        assert any(line.endswith(f" || missing+=({package})") for line in commands), package
    assert '$sudo apt-get install -y --no-install-recommends "${missing[@]}"' in commands
    assert "(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)" in commands
    assert 'python3 -m venv "$venv"' in commands
    assert "pip install --quiet '.[test]'" in commands
    assert commands[-1] == "pip install --quiet '.[test]'"
    assert "venv=build/test-venv" in commands
    assert run("bash", "-n", str(script), cwd=REPO).returncode == 0
    assert "```sh\npip install . && roadmaplint check ROADMAP.md\n```" in text
    assert "python3 -m venv .venv" in text
    quick = "pip install -e '.[test]' && python -m pytest -m \"not slow\""
    assert f"```sh\n{quick}\n```" in text


def test_every_command_and_rule_is_documented() -> None:
    import typer

    from roadmaplint.cli import app
    from roadmaplint.rules import ALL_RULES

    commands = COMMANDS_DOC.read_text(encoding="utf-8")
    names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert names
    for name in names:
        assert f"\n## roadmaplint {name}\n" in commands, name
        assert f"$ roadmaplint {name} --help\nUsage: roadmaplint {name} " in commands, name
    rules = RULES_DOC.read_text(encoding="utf-8")
    for rule in ALL_RULES:
        assert re.search(rf"^## {rule.code} `{rule.name}`", rules, re.M), rule.code


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_no_fence_swallows_the_text_after_it(document: Path) -> None:
    """Every heading a reader sees outside code is a heading to markdown too."""
    from markdown_it import MarkdownIt

    text = document.read_text(encoding="utf-8")
    tokens = MarkdownIt("commonmark").parse(text)
    fences = [token for token in tokens if token.type == "fence"]
    # A fence left open runs to the end of the document.
    assert all(token.map and token.map[1] < len(text.splitlines()) for token in fences[-1:])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    if document == RULES_DOC:
        for code in ("RL404", "RL501", "RL901"):  # the ones after RL404's nested fence
            assert any(heading.startswith(code) for heading in headings), code


def test_the_wheel_carries_the_rule_reference_diagnostics_link_to() -> None:
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    hatch = config["tool"]["hatch"]["build"]["targets"]
    # where rules_document looks inside an installed package
    assert hatch["wheel"]["force-include"]["docs/rules.md"] == "roadmaplint/docs/rules.md"
    assert "docs/rules.md" in hatch["sdist"]["include"]


def test_every_configuration_key_is_in_a_readme_example_that_loads(tmp_path: Path) -> None:
    """The README's configuration examples are read by the real loader, and together they
    show every key it reads (stale-after-days was only named in RL505's text)."""
    from roadmaplint.config.load import _KEYS, CONFIG_FILE, load_settings

    blocks = re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    shown: set[str] = set()
    for number, block in enumerate(blocks):
        home = tmp_path / str(number)
        (home / "roadmap-templates").mkdir(parents=True)
        config = home / ("pyproject.toml" if "[tool.roadmaplint" in block else CONFIG_FILE)
        config.write_text(block, encoding="utf-8")
        load_settings(config)  # raises a RoadmapError on a key or value it does not take
        shown |= set(re.findall(r"^([a-z-]+)\s*=", block, re.M))
        shown |= set(re.findall(r"^\[(?:tool\.roadmaplint\.)?([a-z-]+)\]", block, re.M))
    assert len(blocks) >= 2
    assert set(_KEYS) <= shown, sorted(set(_KEYS) - shown)
