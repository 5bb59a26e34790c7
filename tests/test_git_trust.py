"""A repository cannot run programs through roadmaplint: every key of its .git/config that
names a program points at one that writes a marker, and no command makes git run it."""

from __future__ import annotations

import ast
import shutil
import stat
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from conftest import cli, item, roadmap
from lsp_helpers import SERVER, capabilities, open_document, record_diagnostics
from lsprotocol import types
from pytest_lsp import LanguageClient
from test_watch import Terminal

from roadmaplint.history.git import command_line

ROADMAPLINT = Path(__file__).parent.parent / "roadmaplint"

# Each key of a repository's configuration that names a program git may run.
PROGRAM_KEYS = {
    "core.fsmonitor": "fsmonitor",
    "core.pager": "pager",
    "pager.log": "pager",
    "pager.status": "pager",
    "pager.ls-files": "pager",
    "pager.diff": "pager",
    "pager.cat-file": "pager",
    "pager.rev-parse": "pager",
    "gpg.program": "gpg",
    "gpg.openpgp.program": "gpg",
    "gpg.x509.program": "gpg",
    "gpg.ssh.program": "gpg",
    "diff.external": "external-diff",
    "diff.evil.textconv": "textconv",
    "diff.evil.command": "diff-driver",
    "filter.evil.clean": "clean",
    "filter.evil.smudge": "smudge",
    "credential.helper": "credential",
    "core.sshCommand": "ssh",
    "core.askPass": "askpass",
    "core.editor": "editor",
    "alias.status": "alias",
    "alias.log": "alias",
    "alias.ls-files": "alias",
    "alias.rev-parse": "alias",
    "alias.cat-file": "alias",
}
HOOKS = (
    "post-index-change",
    "pre-commit",
    "post-commit",
    "post-checkout",
    "reference-transaction",
    "pre-auto-gc",
    "fsmonitor-watchman",
)
# A commit carrying a signature header: `git log` with log.showSignature asks gpg.program.
SIGNATURE = (
    "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n"
)


def _program(folder: Path, name: str, marker: Path) -> Path:
    """A program that notes its name in the marker, then passes its input through."""
    path = folder / name
    path.write_text(
        f'#!/bin/sh\necho {name} >> "{marker}"\nif [ -n "$1" ] && [ -f "$1" ]; '
        'then cat "$1"; else cat; fi\n',
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _git(*args: str, cwd: Path, stdin: str | None = None) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, input=stdin, capture_output=True, text=True, check=True
    )
    return done.stdout


PLAN = roadmap(("Core", [item("A-1", status="in_progress"), item("A-2", depends="A-1")]))
FIRST = roadmap(("Core", [item("A-1"), item("A-2", depends="A-1")]))
OTHER = "# Other\n\n# Bindings\n\n## [B-1] Bindings\n\n- **Depends on:** ../docs/ROADMAP.md#A-1\n"


def hostile_repository(tmp_path: Path) -> tuple[Path, Path]:
    """A repository with two commits of docs/ROADMAP.md (the last one signed), then a
    configuration naming a marker-writing program for every key; (repository, marker)."""
    repository, programs = tmp_path / "repo", tmp_path / "programs"
    marker = tmp_path / "marker"
    (repository / "docs").mkdir(parents=True)
    (repository / "other").mkdir()
    programs.mkdir()
    _git("init", "-q", "-b", "main", cwd=repository)
    _git("config", "user.name", "A", cwd=repository)
    _git("config", "user.email", "a@example.com", cwd=repository)
    (repository / ".roadmaplint.toml").write_text("stale-after-days = 1\n", encoding="utf-8")
    (repository / ".gitattributes").write_text("* filter=evil diff=evil\n", encoding="utf-8")
    (repository / "docs" / "ROADMAP.md").write_text(FIRST, encoding="utf-8")
    (repository / "other" / "ROADMAP.md").write_text(OTHER, encoding="utf-8")
    _git("add", ".", cwd=repository)
    _git("commit", "-qm", "first", cwd=repository)
    (repository / "docs" / "ROADMAP.md").write_text(PLAN, encoding="utf-8")
    _git("add", ".", cwd=repository)
    tree = _git("write-tree", cwd=repository).strip()
    parent = _git("rev-parse", "HEAD", cwd=repository).strip()
    who = "A <a@example.com> 1700000000 +0000"
    body = f"tree {tree}\nparent {parent}\nauthor {who}\ncommitter {who}\n{SIGNATURE}\nsigned\n"
    signed = _git("hash-object", "-t", "commit", "-w", "--stdin", cwd=repository, stdin=body)
    _git("update-ref", "refs/heads/main", signed.strip(), cwd=repository)
    hooks = programs / "hooks"
    hooks.mkdir()
    for hook in HOOKS:
        _program(hooks, hook, marker)
        shutil.copy2(hooks / hook, repository / ".git" / "hooks" / hook)
    config = {key: str(_program(programs, name, marker)) for key, name in PROGRAM_KEYS.items()}
    config = {
        key: "!" + value if key.startswith("alias.") else value for key, value in config.items()
    }
    config |= {
        "core.hooksPath": str(hooks),
        "log.showSignature": "true",
        "filter.evil.required": "true",
        "core.untrackedCache": "true",
        "gc.auto": "1",
    }
    for key, value in config.items():
        _git("config", key, value, cwd=repository)
    # The work tree's files newer than the index: asking about them hashes them again.
    for path in (repository / "docs" / "ROADMAP.md", repository / ".gitattributes"):
        path.write_bytes(path.read_bytes())
    return repository, marker


def fired(marker: Path) -> set[str]:
    return set(marker.read_text().split()) if marker.exists() else set()


def test_the_repository_does_name_programs_git_would_run(tmp_path: Path) -> None:
    """Without the hardening, git itself runs them: so the test below proves something."""
    repository, marker = hostile_repository(tmp_path)
    _git("status", cwd=repository)  # what main's board ran
    _git("ls-files", cwd=repository)  # what main's discovery ran
    _git("log", "-1", cwd=repository)  # what main's history ran
    _git("log", "-p", "--no-ext-diff", "-1", cwd=repository)
    _git("diff", "HEAD~1", cwd=repository)
    _git("commit", "-q", "--allow-empty", "-m", "x", cwd=repository)
    expected = {"fsmonitor", "clean", "smudge", "gpg", "textconv", "diff-driver", "pre-commit"}
    assert expected | {"post-index-change"} <= fired(marker)
    marker.unlink()
    # Our hardened command lines run the same reading commands without them.
    for args in (("ls-files", "-co", "--exclude-standard"), ("log", "-p", "-1")):
        subprocess.run(command_line(*args), cwd=repository, capture_output=True, check=True)
    assert fired(marker) == set()


def test_no_command_runs_a_program_the_repository_names(tmp_path: Path) -> None:
    repository, marker = hostile_repository(tmp_path)
    plan = "docs/ROADMAP.md"
    commands = [
        ("check",),
        ("list",),
        ("check", "--since", "HEAD~1"),
        ("check", plan),  # RL505: stale-after-days reads the history
        ("diff", "HEAD~1", plan),
        ("history", plan),
        ("history", "--chart", "chart.svg", plan),
        ("board", plan, "-o", "board.html"),
        ("set", "A-2", "--priority", "P0"),
        ("new", "Core", "Third", plan),
        ("fix",),
        ("rename", "A-1", "A-10", plan),
    ]
    for command in commands:
        done = cli(*command, cwd=repository)
        assert done.returncode in (0, 1), (command, done.stderr)
        assert fired(marker) == set(), command
    assert "../docs/ROADMAP.md#A-10" in (repository / "other" / "ROADMAP.md").read_text()
    assert "at commit <code" in (repository / "board.html").read_text(encoding="utf-8")
    terminal = Terminal([sys.executable, "-m", "roadmaplint", "check", "--watch"], repository)
    try:
        terminal.wait_for("Watching for file changes.", 1)
    finally:
        terminal.close()
    assert fired(marker) == set()


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        pass

    record_diagnostics(lsp_client)
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities(), process_id=None)
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_the_server_runs_no_program_the_repository_names(
    client: LanguageClient, tmp_path: Path
) -> None:
    repository, marker = hostile_repository(tmp_path)
    path = repository / "docs" / "ROADMAP.md"
    text = path.read_text(encoding="utf-8")
    found = await open_document(client, path, text)  # RL505 asks git for the history
    assert "RL505" in {str(diagnostic.code) for diagnostic in found}
    line = text.splitlines().index("## [A-1] Something")
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(path.as_uri()),
            position=types.Position(line, 5),
            new_name="A-10",
        )
    )
    assert edit is not None and edit.changes is not None
    assert (repository / "other" / "ROADMAP.md").resolve().as_uri() in edit.changes
    assert fired(marker) == set()


def test_only_git_py_starts_git() -> None:
    """Every other module asks roadmaplint.history.git; none imports subprocess or names git's program."""
    offenders = []
    for path in sorted(ROADMAPLINT.rglob("*.py")):
        if path.name == "git.py" and path.parent == ROADMAPLINT / "history":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            imported = []
            if isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                imported = [node.module or ""]
            if any(name.split(".")[0] in {"subprocess", "pty"} for name in imported):
                offenders.append(f"{path.name}:{node.lineno} imports {imported}")
            if isinstance(node, ast.Attribute) and node.attr in {
                "system",
                "popen",
                "spawnv",
                "spawnvp",
                "execv",
                "execvp",
                "posix_spawn",
                "create_subprocess_exec",
                "create_subprocess_shell",
            }:
                offenders.append(f"{path.name}:{node.lineno} calls {node.attr}")
            if isinstance(node, ast.Constant) and node.value == "git":
                offenders.append(f"{path.name}:{node.lineno} names the git program")
    assert offenders == []


def test_every_git_command_line_is_hardened() -> None:
    line = command_line("log", "--format=%H")
    assert line[0] == "git" and line.index("log") > line.index("core.fsmonitor=false")
    assert "--no-show-signature" in line and "--no-optional-locks" in line
    assert not any(name in line for name in ("status", "diff", "--filters", "--textconv"))


def test_a_missing_object_is_not_fetched_through_the_repositorys_remote(tmp_path: Path) -> None:
    """A partial clone fetches a missing object from its promisor remote on demand; an
    `ext::` remote is a program. Plain git runs it; `history` says the object is missing."""
    repository, marker = tmp_path / "repo", tmp_path / "marker"
    repository.mkdir()
    fetcher = tmp_path / "fetch"  # notes itself and fails, so git gives up at once
    fetcher.write_text(f'#!/bin/sh\necho fetch >> "{marker}"\nexit 1\n', encoding="utf-8")
    fetcher.chmod(0o755)
    _git("init", "-q", "-b", "main", cwd=repository)
    _git("config", "user.name", "A", cwd=repository)
    _git("config", "user.email", "a@example.com", cwd=repository)
    (repository / "ROADMAP.md").write_text(FIRST, encoding="utf-8")
    _git("add", ".", cwd=repository)
    _git("commit", "-qm", "first", cwd=repository)
    (repository / "ROADMAP.md").write_text(PLAN, encoding="utf-8")
    _git("commit", "-qam", "second", cwd=repository)
    old = _git("rev-parse", "HEAD~1:ROADMAP.md", cwd=repository).strip()
    (repository / ".git" / "objects" / old[:2] / old[2:]).unlink()
    for key, value in {
        "core.repositoryformatversion": "1",
        "extensions.partialClone": "origin",
        "remote.origin.url": f"ext::{fetcher} %S",
        "remote.origin.promisor": "true",
        "protocol.ext.allow": "always",
    }.items():
        _git("config", key, value, cwd=repository)
    subprocess.run(["git", "cat-file", "-p", old], cwd=repository, capture_output=True, timeout=60)
    assert fired(marker) == {"fetch"}
    marker.unlink()
    done = cli("history", "ROADMAP.md", cwd=repository)
    assert done.returncode == 2 and f"git has no object {old}" in done.stderr
    assert fired(marker) == set()
