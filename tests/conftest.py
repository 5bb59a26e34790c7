from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from roadmaplint.findings import Finding
from roadmaplint.generate.fix import fix_text
from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.rules.engine import check_text
from roadmaplint.settings import Settings

# Other people's files kept for the quiet sweeps are test data of the repository, left out
# of the sdist like tests/corpus: without them the sweeps that read them are not collected.
if not (Path(__file__).parent / "quiet").is_dir():
    collect_ignore_glob = [
        "test_quiet_sweep_five.py",
        "test_quiet_sweep_six.py",
        "test_quiet_sweep_seven.py",
        "test_quiet_sweep_eight.py",
        "test_quiet_sweep_nine.py",
        "test_quiet_sweep_ten.py",
        "test_quiet_sweep_eleven_files.py",
    ]


FIXTURES = Path(__file__).parent / "fixtures"
GOMLX = FIXTURES / "gomlx-roadmap.md"
REPO = Path(__file__).parent.parent

# Debian's Chromium without a window, a sandbox (none in CI containers) or any network of its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

LEGENDS = """\
# Test Roadmap

## Status Legend

- `idea` – not scoped yet
- `ready` – free to claim
- `in_progress` – being worked on
- `blocked` – waiting
- `done` – completed

## Priority Legend

- `P0` – critical
- `P1` – important
- `P2` – nice to have

"""


def item(
    item_id: str,
    *,
    title: str = "Something",
    status: str | None = "ready",
    priority: str | None = "P1",
    dri: str | None = "_unassigned_",
    depends: str | None = None,
    done: Iterable[str] | None = ("It works",),
    extra: str = "",
) -> str:
    """One item in the GoMLX format."""
    lines = [f"## [{item_id}] {title}", ""]
    if dri is not None:
        lines.append(f"- **DRI:** {dri}")
    if status is not None:
        lines.append(f"- **Status:** {status}")
    if priority is not None:
        lines.append(f"- **Priority:** {priority}")
    if depends is not None:
        lines.append(f"- **Depends on:** {depends}")
    if extra:
        lines.append(extra.rstrip("\n"))
    if done is not None:
        lines.append("- **Definition of Done:**")
        lines.extend(f"  - {criterion}" for criterion in done)
    return "\n".join(lines) + "\n\n---\n\n"


def roadmap(*sections: tuple[str, Iterable[str]], legends: str = LEGENDS) -> str:
    """A roadmap with the given (section, items) and a correct Priority Overview."""
    body = legends + "---\n\n"
    for name, items in sections:
        body += f"# {name}\n\n" + "".join(items)
    return fix_text(body).text


def findings(text: str, *select: str, settings: Settings | None = None) -> list[Finding]:
    chosen = Settings(select=select) if select else settings or Settings()
    return check_text(text, "ROADMAP.md", chosen)


def read_items(text: str, path: str = "PLAN.md") -> tuple[Item, ...]:
    """The items a plan's text reads as, with no configuration (the reading tests' view)."""
    return tuple(parse(text, path, Settings()).items)


def finding_lines(text: str, path: str = "PLAN.md") -> list[str]:
    """``line:code`` of each finding a plan's text gets, with no configuration."""
    return [f"{f.line}:{f.code}" for f in check_text(text, path, Settings())]


def brief(found: list[Finding]) -> list[tuple[int, int, str, str]]:
    return [(finding.line, finding.column, finding.code, finding.message) for finding in found]


@pytest.fixture
def gomlx_text() -> str:
    return GOMLX.read_text(encoding="utf-8")


# A roadmap whose Priority Overview misses MODEL-2, so that `fix` has to render the template.
STALE_OVERVIEW = roadmap(("Modeling", [item("MODEL-1"), item("MODEL-2")])).replace(
    "- MODEL-2\n", ""
)


@pytest.fixture
def template_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory: STALE_OVERVIEW as ROADMAP.md and an empty templates/ configured."""
    (tmp_path / "ROADMAP.md").write_text(STALE_OVERVIEW, encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / ".roadmaplint.toml").write_text('template-dir = "templates"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def installed_command() -> str:
    """The console script of the roadmaplint installed beside this Python."""
    beside = Path(sys.executable).parent / "roadmaplint"
    found = str(beside) if beside.exists() else shutil.which("roadmaplint")
    assert found, "roadmaplint is not installed: pip install '.[test]'"
    return found


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed console script as a user runs it, without colour or a job summary."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [installed_command(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Any command (git, pre-commit, the CLI) with its output captured; slow tools may take minutes."""
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False
    )


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter running code: it imports only what the code makes it import."""
    return run(sys.executable, "-c", code, cwd=cwd)


# Bounded property runs in CI; HYPOTHESIS_PROFILE=long for a thorough run on demand.
# Generating a roadmap is slower than hypothesis expects of a strategy; on a loaded
# machine its too_slow health check would fail a run that found nothing wrong.
_RELAXED = [HealthCheck.too_slow]
settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=_RELAXED)
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=_RELAXED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
