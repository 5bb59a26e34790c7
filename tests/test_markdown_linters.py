"""What roadmaplint writes passes the markdown linters its users already run.

The real markdownlint-cli2 (npm, tests/browser/package.json) and rumdl (PyPI, the test
extra) with the configuration docs/markdownlint.md ships: nothing reported on `init`'s,
`new`'s and `fix`'s output (the overview and the graph) and on this project's ROADMAP.md;
`fix` adds no finding to the GoMLX example; and after `rumdl fmt` or `markdownlint-cli2
--fix`, roadmaplint reads the same items and gives the same findings.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import GOMLX, REPO, cli, run

from roadmaplint.edit.linter_config import LINTER_CONFIGS, MARKDOWNLINT_CLI2, RUMDL

MARKDOWNLINT = REPO / "tests" / "browser" / "node_modules" / ".bin" / "markdownlint-cli2"
RUMDL_COMMAND = Path(sys.executable).parent / "rumdl"
# A markdownlint-cli2 finding: "ROADMAP.md:12 error MD022/..." or "ROADMAP.md:3:81 error ..."
_MARKDOWNLINT_LINE = re.compile(r"\S+:(\d+)(?::\d+)? (?:error|warning) (MD\d{3})/")
_RUMDL_LINE = re.compile(r"\S+:(\d+):\d+: \[(MD\d{3})\]")


def test_the_shipped_configuration_is_what_the_docs_show() -> None:
    docs = (REPO / "docs" / "markdownlint.md").read_text(encoding="utf-8")
    assert f"```yaml\n{MARKDOWNLINT_CLI2}```\n" in docs
    assert f"```toml\n{RUMDL}```\n" in docs


def _tools() -> None:
    if not MARKDOWNLINT.exists():
        pytest.fail("markdownlint-cli2 is missing: `npm ci` in tests/browser installs it")
    if not RUMDL_COMMAND.exists():
        pytest.fail("rumdl is missing: `pip install -e '.[test]'` installs it")


def _project(tmp_path: Path, name: str, text: str) -> Path:
    """A folder holding ``text`` as ROADMAP.md and the shipped configuration."""
    folder = tmp_path / name
    folder.mkdir()
    for config, config_text in LINTER_CONFIGS:
        (folder / config).write_text(config_text, encoding="utf-8")
    (folder / "ROADMAP.md").write_text(text, encoding="utf-8")
    return folder


def markdownlint(folder: Path) -> list[tuple[int, str]]:
    """(line, rule) of every markdownlint-cli2 finding on the folder's ROADMAP.md."""
    result = run(str(MARKDOWNLINT), "ROADMAP.md", cwd=folder)
    found = [(int(m[1]), m[2]) for m in _MARKDOWNLINT_LINE.finditer(result.stderr)]
    assert result.returncode == (1 if found else 0), result.stderr
    return found


def rumdl(folder: Path) -> list[tuple[int, str]]:
    result = run(str(RUMDL_COMMAND), "check", "--no-cache", "ROADMAP.md", cwd=folder)
    found = [(int(m[1]), m[2]) for m in _RUMDL_LINE.finditer(result.stdout)]
    assert result.returncode == (1 if found else 0), result.stdout + result.stderr
    return found


def _written_by_roadmaplint(tmp_path: Path) -> str:
    """init, then new (an item that waits for another), then a Dependency Graph by fix."""
    folder = tmp_path / "written"
    folder.mkdir()
    assert cli("init", "--with-markdownlint-config", cwd=folder).returncode == 0
    for config, config_text in LINTER_CONFIGS:
        assert (folder / config).read_text(encoding="utf-8") == config_text
    made = cli("new", "Getting Started", "Second step", "--depends-on", "START-1", cwd=folder)
    assert made.returncode == 0, made.stderr
    roadmap = folder / "ROADMAP.md"
    text = roadmap.read_text(encoding="utf-8")
    text = text.replace("# Priority Overview", "# Dependency Graph\n\n# Priority Overview")
    roadmap.write_text(text, encoding="utf-8")
    assert cli("fix", cwd=folder).returncode == 0
    written = roadmap.read_text(encoding="utf-8")
    assert "```mermaid\n" in written and "## P1\n\n- START-1\n\n## P2\n\n- START-2\n" in written
    return written


def _outputs(folder: Path) -> tuple[str, list[tuple[str, str | None, str]], int]:
    """What roadmaplint reads in the folder's ROADMAP.md: the items as `list` prints them,
    and the findings without their positions, and check's exit code."""
    listed = cli("list", "--format", "json", "ROADMAP.md", cwd=folder)
    assert listed.returncode == 0, listed.stderr
    checked = cli("check", "--format", "json", "ROADMAP.md", cwd=folder)
    findings = [
        (f["code"], f["item"], re.sub(r"\blines? [\d, -]+", "line N", f["message"]))
        for f in json.loads(checked.stdout)
    ]
    return listed.stdout, findings, checked.returncode


@pytest.mark.slow
def test_init_new_fix_and_the_project_roadmap_pass_both_linters(tmp_path: Path) -> None:
    _tools()
    written = _written_by_roadmaplint(tmp_path)
    own = (REPO / "ROADMAP.md").read_text(encoding="utf-8")
    for name, text in (("init", written), ("own", own)):
        folder = _project(tmp_path, name, text)
        assert (markdownlint(folder), rumdl(folder)) == ([], []), name


@pytest.mark.slow
def test_fix_adds_no_finding_to_the_gomlx_example(tmp_path: Path) -> None:
    """The GoMLX roadmap is indented by two spaces as a whole, which markdownlint and
    rumdl report (MD005, MD007, MD023, MD035): its authors' style. What `fix` adds (the
    GRAPH-2 entry) is indented like its neighbours, and brings no other rule."""
    _tools()
    before = _project(tmp_path, "before", GOMLX.read_text(encoding="utf-8"))
    after = _project(tmp_path, "after", GOMLX.read_text(encoding="utf-8"))
    assert cli("fix", "ROADMAP.md", cwd=after).returncode == 0
    assert "  - GRAPH-2\n" in (after / "ROADMAP.md").read_text(encoding="utf-8")
    for lint in (markdownlint, rumdl):
        old = Counter(rule for _, rule in lint(before))
        new = Counter(rule for _, rule in lint(after))
        assert not old - new, lint.__name__
        assert set(new - old) <= {"MD005", "MD007"}, lint.__name__
        assert sum((new - old).values()) <= 2, lint.__name__


@pytest.mark.slow
@pytest.mark.parametrize("formatter", ["rumdl fmt", "markdownlint-cli2 --fix"])
def test_roadmaplint_reads_the_same_after_the_formatters(tmp_path: Path, formatter: str) -> None:
    _tools()
    fixed = _project(tmp_path, "gomlx", GOMLX.read_text(encoding="utf-8"))
    assert cli("fix", "ROADMAP.md", cwd=fixed).returncode == 0
    texts = {
        "init": _written_by_roadmaplint(tmp_path),
        "gomlx": (fixed / "ROADMAP.md").read_text(encoding="utf-8"),
        "own": (REPO / "ROADMAP.md").read_text(encoding="utf-8"),
    }
    for name, text in texts.items():
        folder = _project(tmp_path, f"{name}-formatted", text)
        expected = _outputs(folder)
        if formatter == "rumdl fmt":
            result = run(str(RUMDL_COMMAND), "fmt", "--no-cache", "ROADMAP.md", cwd=folder)
        else:
            result = run(str(MARKDOWNLINT), "--fix", "ROADMAP.md", cwd=folder)
        assert result.returncode in (0, 1), result.stdout + result.stderr
        formatted = (folder / "ROADMAP.md").read_text(encoding="utf-8")
        if name != "gomlx":  # roadmaplint's own output: nothing for the formatter to do
            assert formatted == text, name
        assert _outputs(folder) == expected, name
        # fix keeps what the formatter wrote: they do not undo each other
        again = cli("fix", "--check", "ROADMAP.md", cwd=folder)
        assert again.returncode == 0, (name, again.stdout, again.stderr)


def test_init_refuses_a_configuration_that_exists_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / ".rumdl.toml").write_text("[global]\n", encoding="utf-8")
    result = cli("init", "--with-markdownlint-config", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "roadmaplint: error: .rumdl.toml: already exists; roadmaplint init never overwrites, "
        "so it wrote nothing\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == [".rumdl.toml"]
    assert (tmp_path / ".rumdl.toml").read_text(encoding="utf-8") == "[global]\n"
