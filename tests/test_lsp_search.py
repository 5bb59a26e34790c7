"""The language server's search for the roadmaps a rename reaches is bounded and runs off
the request loop: an editor opened on `/` or on a huge folder still gets answers."""

from __future__ import annotations

import asyncio
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from conftest import GOMLX
from lsp_helpers import SERVER, capabilities, open_document, record_diagnostics
from lsprotocol import types
from pytest_lsp import LanguageClient

from roadmaplint.config.discover import RENAME_SEARCH, rename_search_root

GOMLX_TEXT = GOMLX.read_text(encoding="utf-8")
OTHER = "# SDK\n\n# Bindings\n\n## [SDK-1] Bindings\n\n- **Depends on:** ../ROADMAP.md#GRAPH-1\n"
BOUND = 6.0  # seconds: the search's own budget is RENAME_SEARCH[1], plus a loaded machine


def big_tree(root: Path) -> Path:
    """A workspace with more names than the search may look at: 3,000 folders of 8 files."""
    for number in range(3000):
        folder = root / f"pkg{number:04}"
        folder.mkdir(parents=True)
        for name in range(8):
            (folder / f"f{name}.txt").touch()
    (root / "0sdk").mkdir()
    (root / "0sdk" / "ROADMAP.md").write_text(OTHER, encoding="utf-8")
    (root / "ROADMAP.md").write_text(GOMLX_TEXT, encoding="utf-8")
    return root / "ROADMAP.md"


async def started(client: LanguageClient, root: str) -> None:
    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        pass

    record_diagnostics(client)
    await client.initialize_session(
        types.InitializeParams(capabilities=capabilities(), process_id=None, root_uri=root)
    )


@pytest_lsp.fixture(config=SERVER)
async def at_root(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    await started(lsp_client, "file:///")
    yield lsp_client
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def at_tree(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[LanguageClient]:
    big_tree(tmp_path / "tree")
    await started(lsp_client, (tmp_path / "tree").as_uri())
    yield lsp_client
    await lsp_client.shutdown_session()


def rename_params(path: Path) -> types.RenameParams:
    line = GOMLX_TEXT.splitlines().index(
        next(x for x in GOMLX_TEXT.splitlines() if "[GRAPH-1]" in x)
    )
    column = GOMLX_TEXT.splitlines()[line].index("GRAPH-1")
    return types.RenameParams(
        text_document=types.TextDocumentIdentifier(path.as_uri()),
        position=types.Position(line, column),
        new_name="GRAPH-100",
    )


@pytest.mark.asyncio
async def test_a_rename_with_the_workspace_at_the_root_stays_near_the_document(
    at_root: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "plan" / "ROADMAP.md"
    (tmp_path / "plan" / "sdk").mkdir(parents=True)
    (tmp_path / "plan" / "sdk" / "ROADMAP.md").write_text(OTHER, encoding="utf-8")
    (tmp_path / "beside").mkdir()  # above the document's folder: not searched
    (tmp_path / "beside" / "ROADMAP.md").write_text(
        OTHER.replace("../ROADMAP.md", "../plan/ROADMAP.md"), encoding="utf-8"
    )
    path.write_text(GOMLX_TEXT, encoding="utf-8")
    await open_document(at_root, path, GOMLX_TEXT)
    began = time.monotonic()
    edit = await asyncio.wait_for(at_root.text_document_rename_async(rename_params(path)), BOUND)
    assert time.monotonic() - began < BOUND
    assert edit is not None and edit.changes is not None
    other = (tmp_path / "plan" / "sdk" / "ROADMAP.md").resolve().as_uri()
    assert sorted(edit.changes) == sorted([path.resolve().as_uri(), other])


@pytest.mark.asyncio
async def test_a_rename_in_a_huge_workspace_is_bounded_and_the_server_answers_meanwhile(
    at_tree: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "tree" / "ROADMAP.md"
    await open_document(at_tree, path, GOMLX_TEXT)
    document = types.TextDocumentIdentifier(path.as_uri())
    done: list[str] = []

    async def rename() -> types.WorkspaceEdit | None:
        edit = await at_tree.text_document_rename_async(rename_params(path))
        done.append("rename")
        return edit

    async def symbols() -> None:
        await at_tree.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=document)
        )
        done.append("symbols")

    began = time.monotonic()
    renaming = asyncio.create_task(rename())
    await asyncio.sleep(0)  # the rename request is sent first
    await asyncio.wait_for(symbols(), BOUND)
    edit = await asyncio.wait_for(renaming, BOUND)
    assert time.monotonic() - began < BOUND
    assert done == ["symbols", "rename"]
    assert edit is not None and edit.changes is not None
    assert (tmp_path / "tree" / "0sdk" / "ROADMAP.md").resolve().as_uri() in edit.changes
    said = [message.message for message in at_tree.log_messages]
    assert any(f"stopped after {RENAME_SEARCH[0]} names" in message for message in said), said


def test_the_search_root_is_never_above_the_git_root_or_the_home_folder(tmp_path: Path) -> None:
    document = tmp_path / "a" / "b" / "ROADMAP.md"
    document.parent.mkdir(parents=True)
    assert rename_search_root(document, Path("/")) == document.parent.resolve()
    assert rename_search_root(document, None) == document.parent.resolve()
    assert rename_search_root(document, tmp_path / "a") == (tmp_path / "a").resolve()
    assert rename_search_root(document, tmp_path / "elsewhere") == document.parent.resolve()
    home = Path.home() / "ROADMAP.md"
    assert rename_search_root(home, Path("/")) == Path.home().resolve()
    repository = tmp_path / "repo"
    (repository / "docs").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    inside = repository / "docs" / "ROADMAP.md"
    assert rename_search_root(inside, Path("/")) == repository.resolve()
    assert rename_search_root(inside, repository / "docs") == repository.resolve()


def two_roadmaps(root: Path) -> Path:
    """A git repository with a roadmap and another one (in sdk/) whose dependency and
    prose name the first one's GRAPH-1, and a third whose reference names another file."""
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / "sdk").mkdir()
    (root / "sdk" / "ROADMAP.md").write_text(
        OTHER + "\nSee ../ROADMAP.md#GRAPH-1 for the graph.\n", encoding="utf-8"
    )
    (root / "web").mkdir()
    (root / "web" / "ROADMAP.md").write_text(
        OTHER.replace("../ROADMAP.md", "../sdk/ROADMAP.md"), encoding="utf-8"
    )
    (root / "ROADMAP.md").write_text(GOMLX_TEXT, encoding="utf-8")
    return root / "ROADMAP.md"


@pytest_lsp.fixture(config=SERVER)
async def at_repository(
    lsp_client: LanguageClient, tmp_path: Path
) -> AsyncIterator[LanguageClient]:
    two_roadmaps(tmp_path / "served")
    await started(lsp_client, (tmp_path / "served").as_uri())
    yield lsp_client
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_command_and_the_server_rename_the_same(
    at_repository: LanguageClient, tmp_path: Path
) -> None:
    """`roadmaplint rename` and the editor's rename find the same other roadmaps and make
    the same edits in each: one rename behind both."""
    from conftest import cli
    from lsp_helpers import apply

    served = tmp_path / "served"
    path = served / "ROADMAP.md"
    await open_document(at_repository, path, GOMLX_TEXT)
    edit = await at_repository.text_document_rename_async(rename_params(path))
    assert edit is not None and edit.changes is not None
    names = ("ROADMAP.md", "sdk/ROADMAP.md", "web/ROADMAP.md")
    by_server = {}
    for name in names:
        text = (served / name).read_text(encoding="utf-8")
        by_server[name] = apply(text, edit.changes.get((served / name).resolve().as_uri(), []))
    assert by_server["sdk/ROADMAP.md"] != (served / "sdk" / "ROADMAP.md").read_text("utf-8")
    written = two_roadmaps(tmp_path / "written").parent
    result = cli("rename", "GRAPH-1", "GRAPH-100", cwd=written)
    assert result.returncode == 0, result.stderr
    assert "updated in 2 files" in result.stdout
    by_command = {name: (written / name).read_text(encoding="utf-8") for name in names}
    assert by_command == by_server


def test_the_command_s_search_for_other_roadmaps_is_bounded_like_the_server_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dotfiles repository at the home folder: `roadmaplint rename` looks at no more
    names than the editor's rename, says so, and still renames what it found."""
    from conftest import cli

    home = tmp_path / "home"
    big_tree(home)
    subprocess.run(["git", "init", "-q", str(home)], check=True)
    monkeypatch.setenv("HOME", str(home))
    began = time.monotonic()
    result = cli("rename", "GRAPH-1", "GRAPH-100", cwd=home)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - began < BOUND * 2  # the CLI starts as well as searches
    assert f"stopped after {RENAME_SEARCH[0]} names" in result.stderr
    assert "../ROADMAP.md#GRAPH-100" in (home / "0sdk" / "ROADMAP.md").read_text("utf-8")
