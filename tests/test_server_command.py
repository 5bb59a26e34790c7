"""`roadmaplint server` without its extra, and `check` never loading the server's libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import GOMLX, REPO

SERVER_LIBRARIES = ("pygls", "lsprotocol", "watchfiles")


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_server_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    # None in sys.modules is how Python spells "this package is not installed".
    result = run_python(
        "import sys\n"
        "sys.modules['pygls'] = None\n"
        "from roadmaplint.cli import main\n"
        "raise SystemExit(main(['server']))\n",
        tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "roadmaplint: error: the language server needs the lsp extra: "
        "pip install 'roadmaplint[lsp]'\n"
    )
    assert result.stdout == ""


def test_check_never_imports_the_server_libraries(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(GOMLX.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_python(
        "import sys\n"
        "from roadmaplint.cli import main\n"
        "main(['check'])\n"
        f"print(sorted(name for name in {SERVER_LIBRARIES!r} if name in sys.modules))\n",
        tmp_path,
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_server_help_is_instant_and_imports_nothing_heavy() -> None:
    result = run_python(
        "import sys\n"
        "from roadmaplint.cli import main\n"
        "main(['server', '--help'])\n"
        f"print(sorted(name for name in {SERVER_LIBRARIES!r} if name in sys.modules))\n",
        REPO,
    )
    assert "Run the language server" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_watch_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(GOMLX.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_python(
        "import sys\n"
        "sys.modules['watchfiles'] = None\n"
        "from roadmaplint.cli import main\n"
        "raise SystemExit(main(['check', '--watch']))\n",
        tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr == (
        "roadmaplint: error: --watch needs the watch extra: pip install 'roadmaplint[watch]'\n"
    )
