"""`roadmaplint server` without its extra, and `check` never loading the server's libraries."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import GOMLX, REPO, run_python

SERVER_LIBRARIES = ("pygls", "lsprotocol", "watchfiles")


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
        "roadmaplint: error: the language server needs the lsp extra's packages: "
        "pip install 'pygls>=2.1,<3' 'lsprotocol>=2025.0' (in roadmaplint's environment)\n"
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
        "roadmaplint: error: --watch needs the watch extra's package: "
        "pip install 'watchfiles>=1.0' (in roadmaplint's environment)\n"
    )


def _framed(*messages: dict[str, object]) -> bytes:
    import json

    out = b""
    for message in messages:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        out += b"Content-Length: %d\r\n\r\n" % len(body) + body
    return out


def test_server_exits_cleanly_when_the_client_says_exit(tmp_path: Path) -> None:
    from conftest import installed_command

    session = _framed(
        {"id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}},
        {"method": "initialized", "params": {}},
        {"id": 2, "method": "shutdown"},
        {"method": "exit"},
    )
    result = subprocess.run(
        [installed_command(), "server"],
        input=session,
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert b'"id": 2' in result.stdout or b'"id":2' in result.stdout  # shutdown answered
    assert result.stderr.decode() == ""
    assert result.returncode == 0
