"""Every quick fix the real language server offers, applied to plans written in other
shapes and line endings (a table, setext headings, a comment inside a field list,
checkboxes; LF and CRLF): it silences its finding, keeps every item and every line
ending, and leaves no unused suppression."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsp_helpers import (
    SERVER,
    actions_for,
    apply,
    capabilities,
    open_document,
    record_diagnostics,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

from roadmaplint.reader import parse
from roadmaplint.rules.engine import check_text

pytestmark = pytest.mark.asyncio(loop_scope="module")

TABLE = (
    "# Roadmap\n\n## Work\n\n| ID | Title | Status | Priority | Depends on |\n"
    "|----|-------|--------|----------|------------|\n"
    "| A-1 | Parser | todo | P1 | |\n| A-2 | Writer | todo | P1 | A-11 |\n"
    "| A-3 | Docs | done | P2 | A-1 |\n"
)
SETEXT = (
    "Roadmap\n=======\n\n[A-1] Parser\n------------\n\n- **Status:** todo\n- **Priority:** P1\n\n"
    "[A-2] Writer\n------------\n\n- **Status:** todo\n- **Depends on:** A-11\n"
)
COMMENT_IN_FIELDS = (
    "# Roadmap\n\n## [A-1] Parser\n\n- **Status:** todo <!-- ask ana -->\n- **Priority:** P1\n"
    "  <!-- roadmaplint-disable RL501 -->\n- **Depends on:** A-11\n\n## [A-2] Writer\n\n"
    "- **Status:** todo\n"
)
BOXES = (
    "# Tasks\n\n## In Progress\n\n- [ ] A-1 Parser (depends on: A-11)\n- [ ] A-2 Writer\n\n"
    "## Done\n\n- [x] A-3 Setup\n"
)
NUMBERED = (
    "# Tasks\n\n`+` Completed\n`-` To do\n\n1) + Parser\n   Status: done\n2) - Writer\n"
    "   Depends on: 1\n3) - Docs\n   Depends on: 1\n"
)
STATUS_TABLE = (
    "# Plan\n\n| Component | Status |\n|---|---|\n| Parser | ✅ Complete |\n"
    "| Writer | In progress |\n| Docs | Blocked |\n"
)
PLANS = {
    "table": TABLE,
    "setext": SETEXT,
    "comment": COMMENT_IN_FIELDS,
    "boxes": BOXES,
    "numbered": NUMBERED,
    "status_table": STATUS_TABLE,
}
PLANS |= {f"{name}_crlf": text.replace("\n", "\r\n") for name, text in list(PLANS.items())}


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        pass  # the server asks to watch configuration files; nothing here changes them

    record_diagnostics(lsp_client)
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities(), process_id=None)
    )
    yield
    await lsp_client.shutdown_session()


def _line_endings(text: str) -> set[str]:
    return {"\r\n" if line.endswith("\r\n") else "\n" for line in text.splitlines(True)[:-1]}


@pytest.mark.parametrize("name", PLANS)
async def test_every_quick_fix_keeps_the_plan(
    client: LanguageClient, tmp_path: Path, name: str
) -> None:
    text = PLANS[name]
    path = tmp_path / "ROADMAP.md"
    items = [item.id for item in parse(text).items]
    found = await open_document(client, path, text)
    assert found, name
    offered = 0
    for diagnostic in found:
        for action in await actions_for(client, path, diagnostic):
            assert action.edit is not None and action.edit.changes is not None
            after = apply(text, action.edit.changes[path.as_uri()])
            offered += 1
            where = f"{name}: {action.title}"
            assert [item.id for item in parse(after).items] == items, where
            assert _line_endings(after) <= _line_endings(text), where
            codes = [(f.code, f.line) for f in check_text(after)]
            if action.title.startswith(("Suppress", "Replace")):
                line = diagnostic.range.start.line + 1
                assert str(diagnostic.code) not in {code for code, _ in codes}, (where, line)
            before_unused = sum(f.code == "RL901" for f in check_text(text))
            assert sum(code == "RL901" for code, _ in codes) <= before_unused, where
    # a row of a table without IDs has no line a suppression could stand above alone
    assert offered or name.startswith("status_table"), name
