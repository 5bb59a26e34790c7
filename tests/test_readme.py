"""The README and docs/ show what roadmaplint really prints, and stay short where they must."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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
    text = README.read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = "pip install '.[test]' && python -m pytest"
    assert f"```sh\n{test_command}\n```" in text
    assert ci.rstrip().splitlines()[-1] == test_command
    assert "```sh\npip install . && roadmaplint check ROADMAP.md\n```" in text
    assert "python3 -m venv .venv" in text


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
