"""The language server as editors use it: the real `roadmaplint server` process, a real client."""

from __future__ import annotations

import random
import re
import subprocess
from collections.abc import AsyncIterator
from itertools import pairwise
from pathlib import Path

import pytest
import pytest_lsp
from conftest import FIXTURES, GOMLX, cli, installed_command
from lsp_helpers import (
    SERVER,
    actions_for,
    apply,
    capabilities,
    change,
    open_document,
    published,
    record_diagnostics,
    replace_all,
    replace_range,
    summary,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

from roadmaplint.reader import parse
from roadmaplint.rules import find_rule
from roadmaplint.rules.docs import rule_url
from roadmaplint.rules.engine import check_text

pytestmark = pytest.mark.asyncio(loop_scope="module")

GOMLX_TEXT = GOMLX.read_text(encoding="utf-8")
REGISTERED: list[list[types.Registration]] = []  # what the server asked the client to watch


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    registered: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        registered.extend(params.registrations)

    REGISTERED[:] = [registered]
    record_diagnostics(lsp_client)
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities(), process_id=None)
    )
    yield
    await lsp_client.shutdown_session()


def roadmap_in(tmp_path: Path) -> Path:
    return tmp_path / "ROADMAP.md"


async def test_gomlx_diagnostics_exactly(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    found = await open_document(client, path, GOMLX_TEXT)
    assert summary(GOMLX_TEXT, found) == [
        ("RL306", 33, "GRAPH-1"),
        ("RL306", 47, "MODEL-1"),
        ("RL501", 125, "_unassigned_"),
        ("RL306", 152, "GRAPH-1"),
        ("RL502", 246, "blocked"),
        ("RL401", 296, "## P1 (Important)"),
    ]
    expected = check_text(GOMLX_TEXT)
    assert [diagnostic.message for diagnostic in found] == [f.message for f in expected]
    severities = {
        types.DiagnosticSeverity.Warning: "warning",
        types.DiagnosticSeverity.Error: "error",
    }
    assert [severities[d.severity] for d in found] == [f.severity.value for f in expected]  # type: ignore[index]
    for diagnostic in found:
        rule = find_rule(str(diagnostic.code))
        assert rule is not None and diagnostic.source == "roadmaplint"
        assert diagnostic.code_description is not None
        assert diagnostic.code_description.href == rule_url(rule)
        assert_resolves(diagnostic.code_description.href, rule.code)


def assert_resolves(link: str, code: str) -> None:
    """The link names an existing file, and a heading there about the rule makes its anchor
    (as GitHub and editors' markdown previews make anchors from heading text)."""
    from urllib.parse import unquote, urlsplit

    from markdown_it import MarkdownIt

    parts = urlsplit(link)
    assert parts.scheme == "file" and parts.fragment, link
    document = Path(unquote(parts.path))
    assert document.is_file(), link
    tokens = MarkdownIt("commonmark").parse(document.read_text(encoding="utf-8"))
    anchors: dict[str, str] = {}
    for opening, inline in pairwise(tokens):
        if opening.type == "heading_open":
            text = "".join(child.content for child in inline.children or [])
            slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
            anchors[slug] = text
    assert parts.fragment in anchors, link
    assert anchors[parts.fragment].startswith(f"{code} "), anchors[parts.fragment]


async def test_a_typo_comes_and_goes_as_you_type(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    text = GOMLX_TEXT
    await open_document(client, path, text)
    line = text.splitlines().index("  - **Status:** ready")  # MODEL-1's status
    typo = await change(client, path, 2, [replace_range(line, 16, line, 21, "redy")])
    lines = text.splitlines(keepends=True)
    lines[line] = "  - **Status:** redy\n"
    assert ("RL201", line + 1, "redy") in summary("".join(lines), typo)
    message = next(d.message for d in typo if d.code == "RL201")
    assert "(did you mean ready?)" in message
    fixed = await change(client, path, 3, [replace_range(line, 16, line, 20, "ready")])
    assert summary(text, fixed) == summary(text, await open_document(client, path, text))


NUMBERED_TASKS = """# Tasks

### 001 Write

- Priority: P0
- Status: in progress
- Depends on: none

### 002 Build

- Priority: P0
- Status: ready
- Depends on: 001
"""


async def test_a_keystroke_in_a_task_that_depends_on_a_number_keeps_its_findings(
    client: LanguageClient, tmp_path: Path
) -> None:
    """``Depends on: 001`` names task 001 only among the document's other tasks: re-read
    alone after a keystroke in its title, it named something outside, and RL306 went."""
    path = roadmap_in(tmp_path)
    opened = await open_document(client, path, NUMBERED_TASKS)
    assert [d.code for d in opened] == ["RL306"]
    line = NUMBERED_TASKS.splitlines().index("### 002 Build")
    typed = await change(client, path, 2, [replace_range(line, 13, line, 13, " it")])
    edited = NUMBERED_TASKS.replace("### 002 Build", "### 002 Build it")
    assert [d.message for d in typed] == [f.message for f in check_text(edited)]
    assert [d.code for d in typed] == ["RL306"]


async def test_edits_typed_one_after_another_are_placed_where_the_client_made_them(
    client: LanguageClient, tmp_path: Path
) -> None:
    # The server places each edit with the line index of the text it last checked
    # (lsp/sync.py): typing, a new line, a deletion across lines, and a character
    # outside the BMP (two UTF-16 units) before the edited column.
    path = roadmap_in(tmp_path)
    text = GOMLX_TEXT.replace("Text Generation Example", "Text 😀 Generation Example")
    await open_document(client, path, text)
    lines = text.splitlines(keepends=True)
    title = next(n for n, line in enumerate(lines) if "😀" in line)
    status = next(n for n in range(title, len(lines)) if "**Status:** ready" in lines[n])
    at = lines[title].index("Generation")
    steps = [  # (the client's range, the new text)
        ((title, at + 1, title, at + 1), "X"),  # after the emoji: UTF-16 counts it twice
        ((status, 16, status, 21), "redy"),
        ((status, 0, status, 0), "  - **Stauts:** idea\n"),
        ((status - 1, 4, status + 1, 4), ""),  # across three lines
    ]
    version = 2
    for (line, start, end_line, end), piece in steps:
        current = "".join(lines)
        begin = sum(map(len, lines[:line])) + _characters(lines[line], start)
        stop = sum(map(len, lines[:end_line])) + _characters(lines[end_line], end)
        expected = current[:begin] + piece + current[stop:]
        found = await change(
            client, path, version, [replace_range(line, start, end_line, end, piece)]
        )
        version += 1
        lines = expected.splitlines(keepends=True)
        want = [(f.code, f.line) for f in check_text(expected, str(path))]
        assert sorted((str(d.code), d.range.start.line + 1) for d in found) == sorted(want)
        assert version == 3 or any(code == "RL201" for code, _ in want)  # the typo, from step 2


@pytest.mark.parametrize("odd", ["\u2028", "\x0c", "\x85"])
async def test_two_changes_in_one_notification_count_lines_as_the_client_does(
    client: LanguageClient, tmp_path: Path, odd: str
) -> None:
    """LSP breaks lines at \\n, \\r\\n and \\r only; a U+2028, form feed or NEL inside a
    line is text. The second of two changes is placed on the client's line."""
    path = roadmap_in(tmp_path)
    text = GOMLX_TEXT.replace("Text Generation Example", f"Text{odd}Generation Example")
    await open_document(client, path, text)
    lines = re.split(r"(?<=\n)", text)
    status = next(n for n, line in enumerate(lines) if "**Status:** ready" in line and n > 0)
    status = next(n for n in range(status + 1, len(lines)) if "**Status:** ready" in lines[n])
    assert odd in "".join(lines[:status])
    found = await change(
        client,
        path,
        2,
        [
            replace_range(0, 0, 0, 0, "<!-- x -->\n"),
            replace_range(status + 1, 16, status + 1, 21, "redy"),
        ],
    )
    lines[status] = lines[status].replace("ready", "redy", 1)
    expected = "<!-- x -->\n" + "".join(lines)
    want = [(f.code, f.line) for f in check_text(expected, str(path))]
    assert ("RL201", status + 2) in want
    assert sorted((str(d.code), d.range.start.line + 1) for d in found) == sorted(want)


def _characters(line: str, units: int) -> int:
    """How many characters of ``line`` make ``units`` UTF-16 code units."""
    count = 0
    for index, character in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(character) > 0xFFFF else 1
    return len(line)


def applied(text: str, action: types.CodeAction, path: Path) -> str:
    assert action.edit is not None and action.edit.changes is not None
    return apply(text, action.edit.changes[path.as_uri()])


async def test_every_quick_fix_applied(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    text = (
        GOMLX_TEXT.replace("  - **Status:** ready", "  - **Status:** redy", 1)
        .replace("  - **Priority:** P1", "  - **Priority:** p1", 1)
        .replace("  - **DRI:** _unassigned_", "  - **Stauts:** x\n  - **DRI:** _unassigned_", 1)
        .replace("  - **Depends on:** GRAPH-1\n", "  - **Depends on:** GRAPH-11\n", 1)
    )
    found = await open_document(client, path, text)
    by_code = {str(d.code): d for d in found}
    replacements = {"RL201": "ready", "RL202": "P1", "RL301": "GRAPH-1", "RL104": "Status"}
    for code, suggestion in replacements.items():
        actions = await actions_for(client, path, by_code[code])
        replace = next(a for a in actions if a.title == f"Replace with {suggestion}")
        after = check_text(applied(text, replace, path))
        assert code not in {f.code for f in after}, code
    suppress = next(
        a
        for a in await actions_for(client, path, by_code["RL501"])
        if a.title.startswith("Suppress")
    )
    assert suppress.title == "Suppress RL501 for this item"
    after = check_text(applied(text, suppress, path))
    assert "RL501" not in {f.code for f in after} and "RL901" not in {f.code for f in after}
    overview = next(
        a for a in await actions_for(client, path, by_code["RL401"]) if a.title.startswith("Regen")
    )
    assert overview.title == "Regenerate the Priority Overview"
    assert "RL401" not in {f.code for f in check_text(applied(text, overview, path))}


def cli_fix(text: str, folder: Path) -> str:
    """What the installed `roadmaplint fix` writes for ``text``."""
    folder.mkdir()
    path = folder / "ROADMAP.md"
    path.write_bytes(text.encode("utf-8"))
    done = subprocess.run(
        [installed_command(), "fix", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return path.read_bytes().decode("utf-8")


async def stray_list_actions(
    client: LanguageClient, path: Path, text: str
) -> list[types.CodeAction]:
    stray = next(d for d in await open_document(client, path, text) if d.code == "RL108")
    return [a for a in await actions_for(client, path, stray) if a.title.startswith("Indent")]


async def test_the_stray_list_repair_is_the_one_fix_writes(
    client: LanguageClient, tmp_path: Path
) -> None:
    raw = (FIXTURES / "gomlx-TODO-e9f81d3.md").read_text(encoding="utf-8")
    fixed = cli_fix(raw, tmp_path / "raw")  # the stray list indented, the overview regenerated
    # The same document with only the stray list left to repair: fix then indents, no more.
    stray_lines = {line for found in parse(raw).stray_lists for line, _ in found.reindent}
    assert stray_lines
    raw_lines, fixed_lines = raw.splitlines(keepends=True), fixed.splitlines(keepends=True)
    only_stray = "".join(
        raw_lines[number - 1] if number in stray_lines else line
        for number, line in enumerate(fixed_lines, 1)
    )
    assert only_stray != fixed and cli_fix(only_stray, tmp_path / "stray") == fixed
    path = roadmap_in(tmp_path)
    [action] = await stray_list_actions(client, path, only_stray)
    assert action.title == "Indent the stray list like the document" and action.is_preferred
    assert action.diagnostics and action.diagnostics[0].code == "RL108"
    repaired = applied(only_stray, action, path)
    assert repaired == fixed
    assert "RL108" not in {f.code for f in check_text(repaired)}
    # On the file as committed the action is the stray-list part of what fix writes.
    [action] = await stray_list_actions(client, path, raw)
    repaired = applied(raw, action, path)
    assert "RL108" not in {f.code for f in check_text(repaired)}
    assert cli_fix(repaired, tmp_path / "repaired") == fixed
    assert [line.lstrip(" ") for line in repaired.splitlines()] == [
        line.lstrip(" ") for line in raw.splitlines()
    ]
    overview = next(a for a in await every_action(client, path) if a.title.startswith("Regen"))
    assert applied(raw, overview, path).splitlines()[:20] == raw.splitlines()[:20]


async def every_action(client: LanguageClient, path: Path) -> list[types.CodeAction]:
    """Every action offered on the whole (open) document."""
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(path.as_uri()),
            range=types.Range(types.Position(0, 0), types.Position(10**6, 0)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


async def test_no_stray_list_repair_where_fix_refuses_it(
    client: LanguageClient, tmp_path: Path
) -> None:
    lines = GOMLX_TEXT.splitlines(keepends=True)
    group = lines.index("  ## P0 (Critical)\n")  # the overview's first group, now at column 1
    text = "".join([*lines[:group], "## P0 (Critical)\n", "- MODEL-1\n", *lines[group + 2 :]])
    (tmp_path / "ROADMAP.md").write_text(text, encoding="utf-8")
    refused = subprocess.run(
        [installed_command(), "fix", str(tmp_path / "ROADMAP.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "reach into a generated section" in refused.stderr + refused.stdout
    assert await stray_list_actions(client, roadmap_in(tmp_path), text) == []


async def test_regenerate_the_graph_and_format(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    text = GOMLX_TEXT + "\n# Dependency Graph\n\n```mermaid\nflowchart LR\n```\n"
    found = await open_document(client, path, text)
    stale = next(d for d in found if d.code == "RL404")
    titles = [a.title for a in await actions_for(client, path, stale)]
    graph = next(
        a for a in await actions_for(client, path, stale) if a.title.startswith("Regenerate")
    )
    assert graph.title == "Regenerate the Dependency Graph", titles
    after = applied(text, graph, path)
    codes = {f.code for f in check_text(after)}
    assert "RL404" not in codes and "RL401" in codes  # the graph only
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            types.TextDocumentIdentifier(path.as_uri()),
            types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    formatted = apply(text, edits or [])
    from roadmaplint.generate.fix import fix_text

    assert formatted == fix_text(text).text
    document = types.TextDocumentIdentifier(path.as_uri())
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(document))
    generated = [
        (symbol.name, symbol.kind, symbol.range.start.line + 1, symbol.range.end.line + 1)
        for symbol in symbols or []
        if isinstance(symbol, types.DocumentSymbol)
        and symbol.kind in (types.SymbolKind.Array, types.SymbolKind.Struct)
    ]
    lines = text.splitlines()
    stripped = [line.strip() for line in lines]
    overview = stripped.index("# Priority Overview") + 1
    graph = stripped.index("# Dependency Graph") + 1
    assert generated == [
        ("Priority Overview", types.SymbolKind.Array, overview, graph - 2),
        ("Dependency Graph", types.SymbolKind.Struct, graph, len(lines)),
    ]
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(document))
    spans = {(fold.start_line + 1, fold.end_line + 1) for fold in folds or []}
    assert {(overview, graph - 2), (graph, len(lines))} <= spans


async def complete(
    client: LanguageClient, path: Path, line: int, character: int
) -> list[types.CompletionItem]:
    result = await client.text_document_completion_async(
        types.CompletionParams(
            types.TextDocumentIdentifier(path.as_uri()), types.Position(line, character)
        )
    )
    assert isinstance(result, types.CompletionList)
    return result.items


async def test_completion_lists(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    lines = GOMLX_TEXT.splitlines()
    status = lines.index("  - **Status:** ready")
    text = "\n".join(
        [
            *lines[:status],
            "  - **Status:** ",
            "  - **Priority:** P",
            "  - **Depends on:** GRAPH-1, ",
            "  - **Des",
            "",
            "  ## [",
            *lines[status + 1 :],
        ]
    )
    await open_document(client, path, text)
    statuses = await complete(client, path, status, 16)
    assert [item.label for item in statuses] == ["idea", "ready", "in_progress", "blocked", "done"]
    priorities = await complete(client, path, status + 1, 19)
    assert [item.label for item in priorities] == ["P0", "P1", "P2"]
    assert priorities[0].text_edit is not None
    assert priorities[0].text_edit.range.start.character == 18  # replaces the typed "P"
    dependencies = await complete(client, path, status + 2, 30)
    labels = [item.label for item in dependencies]
    assert "MODEL-1" not in labels  # the item itself
    assert labels[:3] == ["MODEL-2", "MODEL-3", "MODEL-4"]
    assert dependencies[0].detail == "Text Generation Example (HF Transformer + Prompt)"
    names = await complete(client, path, status + 3, 9)
    assert [item.label for item in names][:3] == ["DRI", "Status", "Priority"]
    description = next(item for item in names if item.label == "Description")
    assert description.text_edit is not None and description.text_edit.new_text == "Description:** "
    new_id = await complete(client, path, status + 5, 6)
    assert [item.label for item in new_id] == ["MODEL-8"]


def at(text: str, needle: str, occurrence: int = 0) -> types.Position:
    lines = text.splitlines()
    seen = 0
    for number, line in enumerate(lines):
        column = line.find(needle)
        while column >= 0:
            if seen == occurrence:
                return types.Position(number, column + 1)
            seen += 1
            column = line.find(needle, column + 1)
    raise AssertionError(needle)


async def test_navigation(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    text = GOMLX_TEXT
    await open_document(client, path, text)
    document = types.TextDocumentIdentifier(path.as_uri())
    in_depends = at(text, "**Depends on:** GRAPH-1")
    in_depends = types.Position(in_depends.line, in_depends.character + 17)
    target = await client.text_document_definition_async(
        types.DefinitionParams(text_document=document, position=in_depends)
    )
    assert isinstance(target, types.Location)
    heading = text.splitlines()[target.range.start.line]
    assert heading.strip().startswith("## [GRAPH-1]")
    assert heading[target.range.start.character : target.range.end.character] == "GRAPH-1"
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=document,
            position=in_depends,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    lines = [location.range.start.line + 1 for location in found or []]
    graph_1 = re.compile(r"(?<![\w-])GRAPH-1(?![\w-])")
    expected = [n for n, line in enumerate(text.splitlines(), 1) if graph_1.search(line)]
    assert lines == expected == [33, 123, 140, 152, 292]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=document, position=in_depends)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert (
        hover.contents.value.splitlines()[0]
        == "**GRAPH-1** Dynamic Shapes (Input-Dependent, Fixed Rank)"
    )
    assert "Status: in_progress · Priority: P0" in hover.contents.value
    assert "Waited on by: MODEL-1, GRAPH-2, GRAPH-3" in hover.contents.value
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=document, position=in_depends, new_name="GRAPH-100")
    )
    assert edit is not None and edit.changes is not None
    renamed = apply(text, edit.changes[path.as_uri()])
    assert not graph_1.search(renamed)
    assert renamed.count("GRAPH-100") == 5  # heading, three Depends on, the overview
    # the same findings as the original, for the new name
    before = check_text(text)  # the rename leaves the earlier staleness (GRAPH-2) for fix
    after = check_text(renamed)
    assert [(f.code, f.line, f.message) for f in after] == [
        (f.code, f.line, graph_1.sub("GRAPH-100", f.message)) for f in before
    ]
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(document))
    assert symbols is not None
    tops = [symbol.name for symbol in symbols if isinstance(symbol, types.DocumentSymbol)]
    assert tops == [
        "Status Legend",
        "Priority Legend",
        "Modeling",
        "Graph",
        "Backends",
        "Infrastructure",
        "API Improvements",
        "Maintenance",
        "Priority Overview",
    ]
    modeling = next(
        s for s in symbols if isinstance(s, types.DocumentSymbol) and s.name == "Modeling"
    )
    assert [child.name for child in modeling.children or []][:2] == ["MODEL-1", "MODEL-2"]
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(document))
    assert folds is not None and len(folds) >= 20


async def test_random_edits_never_break_the_server(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    (tmp_path / "ROADMAP.md").write_bytes(b"# Caf\xe9 roadmap\n")  # not UTF-8 on disk
    text = GOMLX_TEXT
    await open_document(client, path, "# Caf\ufffd roadmap\n")
    rng = random.Random(12)
    pieces = [
        "```go\n",
        "## [",
        "## [MODEL-",
        "# ",
        "<!-- ",
        "- **Depends on:** ",
        "\n\n",
        "> ",
        "    ",
        "\t",
        "😀",
        "- [ ] ",
        "---\n",
        "\r\n",
        "[x]: http://e\n",
        "ö",
    ]
    version = 1
    for step in range(40):
        version += 1
        if step % 10 == 3:
            text = ""
        elif step % 10 == 7:
            text = GOMLX_TEXT[: rng.randrange(len(GOMLX_TEXT))]  # half a file, half a heading
        else:
            at_offset = rng.randrange(len(text) + 1)
            cut = min(len(text), at_offset + rng.choice([0, 1, 5, 40]))
            text = text[:at_offset] + rng.choice(pieces) + text[cut:]
        found = await change(client, path, version, [replace_all(text)])
        expected = [] if not text.strip() else check_text(text)
        assert [str(d.code) for d in found] == [f.code for f in expected], step
    version += 1
    blob = "x" * (10 * 1024 * 1024)  # a 10 MB paste on one line
    refused = await change(client, path, version, [replace_all(text + blob)])
    assert [d.message for d in refused] == ["not checked: a line is over 100000 characters long"]
    version += 1
    lines = "- [ ] a\n" * 1_000_001  # a million one-line boxes: 3.4 GB to read
    refused = await change(client, path, version, [replace_all(lines)])
    assert [d.message for d in refused] == ["not checked: over 1,000,000 lines"]
    version += 1
    back = await change(client, path, version, [replace_all(GOMLX_TEXT)])
    assert len(back) == len(check_text(GOMLX_TEXT))


async def test_config_changes_are_picked_up(client: LanguageClient, tmp_path: Path) -> None:
    path = roadmap_in(tmp_path)
    found = await open_document(client, path, GOMLX_TEXT)
    watched = [r.method for r in REGISTERED[0]]
    assert watched == [types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert "RL306" in {str(d.code) for d in found}
    config = tmp_path / ".roadmaplint.toml"
    config.write_text('ignore = ["RL306"]\n', encoding="utf-8")

    def notify() -> None:
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                [types.FileEvent(config.as_uri(), types.FileChangeType.Created)]
            )
        )

    after = await published(client, path.as_uri(), notify)
    assert "RL306" not in {str(d.code) for d in after} and after
    config.write_bytes(b'ignore = ["RL3\xff"]\n')  # a broken config is one diagnostic, no crash
    broken = await published(client, path.as_uri(), notify)
    assert len(broken) == 1 and ".roadmaplint.toml" in broken[0].message


async def test_files_that_are_not_roadmaps_are_left_alone(
    client: LanguageClient, tmp_path: Path
) -> None:
    found = await open_document(client, tmp_path / "README.md", "# Hello\n\nJust a readme.\n")
    assert found == []


async def test_rename_reaches_other_roadmaps_that_name_the_item(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = roadmap_in(tmp_path)
    other = tmp_path / "sdk" / "ROADMAP.md"
    other.parent.mkdir()
    other.write_text(
        "# SDK\n\n# Bindings\n\n## [SDK-1] Python bindings\n\n"
        "- **Depends on:** ../ROADMAP.md#GRAPH-1, GRAPH-1\n",
        encoding="utf-8",
    )
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "ROADMAP.md").write_bytes(b"# Caf\xe9\n")  # skipped, not UTF-8
    await open_document(client, path, GOMLX_TEXT)
    document = types.TextDocumentIdentifier(path.as_uri())
    heading = at(GOMLX_TEXT, "[GRAPH-1]")
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=document, position=heading, new_name="GRAPH-100")
    )
    assert edit is not None and edit.changes is not None
    assert sorted(edit.changes) == sorted([path.as_uri(), other.resolve().as_uri()])
    renamed = apply(other.read_text(encoding="utf-8"), edit.changes[other.resolve().as_uri()])
    # the other roadmap's own GRAPH-1 (an ID of its own file) is left alone
    assert renamed.endswith("- **Depends on:** ../ROADMAP.md#GRAPH-100, GRAPH-1\n")


async def test_the_configuration_decides_which_files_are_roadmaps(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / ".roadmaplint.toml").write_text(
        'include = ["docs/*.md"]\nexclude = ["docs/drafts"]\n', encoding="utf-8"
    )
    (tmp_path / "docs" / "drafts").mkdir(parents=True)
    todo = await open_document(client, tmp_path / "docs" / "TODO.md", GOMLX_TEXT)
    assert [str(d.code) for d in todo] == [f.code for f in check_text(GOMLX_TEXT)]
    draft = await open_document(client, tmp_path / "docs" / "drafts" / "TODO.md", GOMLX_TEXT)
    roadmap = await open_document(client, tmp_path / "ROADMAP.md", GOMLX_TEXT)
    assert draft == [] and roadmap == []  # excluded, and not included


async def test_rename_leaves_a_stray_list_as_the_command_does(
    client: LanguageClient, tmp_path: Path
) -> None:
    """Like `roadmaplint rename`, the editor's rename changes the ID and the overview, and
    leaves the stray list (RL108) at column 1."""
    text = (
        "  # Roadmap\n\n  ## Status Legend\n\n  - `idea` – not scoped yet\n\n"
        "  ## Priority Legend\n\n  - `P1` – important\n\n  # Core\n\n"
        "## Notes\n\n- a stray note, written at column 1\n\n"
        "  ## [CORE-1] Parser\n\n  - **DRI:** @ana\n  - **Status:** idea\n"
        "  - **Priority:** P1\n\n  # Priority Overview\n\n  ## P1\n  - CORE-1\n"
    )
    path = roadmap_in(tmp_path)
    await open_document(client, path, text)
    document = types.TextDocumentIdentifier(path.as_uri())
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=document, position=at(text, "[CORE-1]"), new_name="CORE-7")
    )
    assert edit is not None and edit.changes is not None
    assert apply(text, edit.changes[path.as_uri()]) == text.replace("CORE-1", "CORE-7")


async def test_rename_leaves_an_earlier_stale_overview_as_the_command_does(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The overview lacked CORE-2 and listed GONE-9 before the rename: the editor's rename
    changes CORE-1's entry and leaves the rest for fix (issue 18, case 16)."""
    text = (
        "# Roadmap\n\n## Priority Legend\n\n- `P1` – important\n\n# Core\n\n"
        "## [CORE-1] Parser\n\n- **Status:** idea\n- **Priority:** P1\n\n"
        "## [CORE-2] Printer\n\n- **Status:** idea\n- **Priority:** P1\n"
        "- **Depends on:** CORE-1\n\n"
        "# Priority Overview\n\nP1\n--\n\n* CORE-1\n* GONE-9\n"
    )
    path = roadmap_in(tmp_path)
    await open_document(client, path, text)
    document = types.TextDocumentIdentifier(path.as_uri())
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=document, position=at(text, "[CORE-1]"), new_name="CORE-7")
    )
    assert edit is not None and edit.changes is not None
    assert apply(text, edit.changes[path.as_uri()]) == text.replace("CORE-1", "CORE-7")


BOTH_STALE = """\
# Roadmap

## [A-1] Parse the file

- **Status:** ready
- **Priority:** P2
- **Depends on:** B-2

## [B-2] Read the settings

- **Status:** ready
- **Priority:** P2

# Priority Overview

## P2
- A-1
- B-2
- C-3

# Dependency Graph

```mermaid
flowchart LR
```
"""


async def test_both_sections_stale_each_regenerated_alone(
    client: LanguageClient, tmp_path: Path
) -> None:
    # The overview only drops its last entry: as a line-level hunk that edit leaves the
    # list's first lines standing, which the write gate refuses though fix's own edit of
    # the same section passes it; the action must still be offered.
    path = roadmap_in(tmp_path)
    found = await open_document(client, path, BOTH_STALE)
    by_code = {str(d.code): d for d in found}
    offered = {
        action.title: action
        for code in ("RL401", "RL404")
        for action in await actions_for(client, path, by_code[code])
        if action.title.startswith("Regenerate")
    }
    assert sorted(offered) == [
        "Regenerate the Dependency Graph",
        "Regenerate the Priority Overview",
    ]
    overview = applied(BOTH_STALE, offered["Regenerate the Priority Overview"], path)
    assert "- C-3" not in overview
    assert {"RL401", "RL402"}.isdisjoint({f.code for f in check_text(overview)})
    assert "RL404" in {f.code for f in check_text(overview)}
    graph = applied(BOTH_STALE, offered["Regenerate the Dependency Graph"], path)
    assert {f.code for f in check_text(graph)} & {"RL401", "RL402"}
    assert "RL404" not in {f.code for f in check_text(graph)}


async def test_a_byte_order_mark_is_no_column_of_the_first_line(
    client: LanguageClient, tmp_path: Path
) -> None:
    # The records count columns after the BOM; the LSP counts it as a character.
    path = roadmap_in(tmp_path)
    text = "\ufeff" + GOMLX_TEXT.replace("  ## Priority Legend", "  ## Priorities", 1)
    found = await open_document(client, path, text)
    first = next(d for d in found if d.range.start.line == 0)
    assert summary(text, [first]) == [("RL203", 1, "# GoMLX Roadmap & Ownership")]
    suppress = next(a for a in await actions_for(client, path, first) if "RL203" in a.title)
    after = applied(text, suppress, path)
    assert after.startswith("\ufeff  <!-- roadmaplint-disable RL203 -->\n  # GoMLX")
    assert "RL203" not in {f.code for f in check_text(after)}


async def test_a_suppression_is_offered_only_where_it_reads_as_one(
    client: LanguageClient, tmp_path: Path
) -> None:
    # RL402 (no overview) stands on the last line, here a code fence's closing line:
    # a comment above it would be code, silence nothing, and change the fence.
    path = roadmap_in(tmp_path)
    text = GOMLX_TEXT[: GOMLX_TEXT.index("  # Priority Overview")]
    text += "  ```sh\n  make check\n  ```\n"
    found = await open_document(client, path, text)
    missing = next(d for d in found if d.code == "RL402")
    assert missing.range.start.line + 1 == len(text.splitlines())
    titles = [action.title for action in await actions_for(client, path, missing)]
    assert not [title for title in titles if title.startswith("Suppress")], titles
    # RL901 is found after the suppressions: a comment cannot silence it.
    unused = GOMLX_TEXT.replace(
        "  ## [MODEL-5]", "  <!-- roadmaplint-disable RL305 -->\n  ## [MODEL-5]", 1
    )
    found = await open_document(client, path, unused)
    stale = next(d for d in found if d.code == "RL901")
    titles = [action.title for action in await actions_for(client, path, stale)]
    assert "Suppress RL901 for this line" not in titles
    # Where it does read as a comment, it silences the finding.
    ready = next(d for d in found if d.code == "RL306")
    suppress = next(a for a in await actions_for(client, path, ready) if "RL306" in a.title)
    after = applied(unused, suppress, path)
    assert (
        sum(f.code == "RL306" for f in check_text(after))
        == sum(d.code == "RL306" for d in found) - 1
    )


async def test_no_suppression_above_an_item_a_stray_list_item_holds(
    client: LanguageClient, tmp_path: Path
) -> None:
    # An empty list item at column 1 right above "  ## [MODEL-3]" takes the heading in
    # (RL108; the reader reads the repaired text): a comment above the heading would be
    # inside that list item and silence nothing, so no suppression is offered there.
    path = roadmap_in(tmp_path)
    heading = GOMLX_TEXT.index("  ## [MODEL-3]")
    text = GOMLX_TEXT[:heading] + "-\n" + GOMLX_TEXT[heading:]
    text = text.replace("  - **Status:** ready", "  - **Status:** redy", 3)
    found = await open_document(client, path, text)
    typo = next(d for d in found if d.code == "RL201" and d.range.start.line > heading_line(text))
    titles = [action.title for action in await actions_for(client, path, typo)]
    assert titles == ["Replace with ready"]
    assert "RL108" in {str(d.code) for d in found}


def heading_line(text: str) -> int:
    return text.splitlines().index("  ## [MODEL-3] ONNX Import Coverage Expansion")


async def test_a_field_line_at_column_one_gets_the_stray_list_repair(
    client: LanguageClient, tmp_path: Path
) -> None:
    # One field line left of the indented document swallows the items after it (RL108
    # since the breaker session): the quick fix indents that item's lines and no others.
    written = "  - **Description:** Improve op coverage for ONNX graph import.\n"
    text = GOMLX_TEXT.replace(written, written.lstrip())
    assert text != GOMLX_TEXT
    path = roadmap_in(tmp_path)
    [action] = await stray_list_actions(client, path, text)
    repaired = applied(text, action, path)
    assert "RL108" not in {f.code for f in check_text(repaired)}
    assert written + "    - **Definition of Done:**\n" in repaired
    assert [line.lstrip(" ") for line in repaired.splitlines()] == [
        line.lstrip(" ") for line in text.splitlines()
    ]
    assert len(parse(repaired).items) == len(parse(GOMLX_TEXT).items)


HEADING_FORMS_TEXT = (
    "# Roadmap\n\n## Status Legend\n\n- `idea` – not scoped yet\n- `ready` – free to claim\n\n"
    "## Priority Legend\n\n- `P1` – important\n\n# Work\n\n"
    "{level} A-1{sep}First\n\n**DRI:** @ana\\\n**Status:** redy\\\n**Priority:** P1\n\n"
    "{level} A-2{sep}Second\n\n- **Status:** idea\n- **Priority:** P1\n"
    "- **Depends on:** A-1, (see [notes](https://x.y/z?a=1,2))\n\n"
    "# Priority Overview\n\n## P1\n- A-1\n- A-2\n"
)


@pytest.mark.parametrize(("level", "sep"), [("##", " — "), ("###", ": "), ("####", " - ")])
async def test_rename_and_quick_fix_on_headings_without_brackets(
    client: LanguageClient, tmp_path: Path, level: str, sep: str
) -> None:
    """Issue 18 (13): the server's rename works on `ID — Title` and `ID: Title` headings and
    writes what `roadmaplint rename` writes; a quick fix changes its value and nothing else
    (the hard breaks and the link with a comma in its URL keep their bytes)."""
    text = HEADING_FORMS_TEXT.format(level=level, sep=sep)
    path = roadmap_in(tmp_path)
    found = await open_document(client, path, text)
    document = types.TextDocumentIdentifier(path.as_uri())
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=document, position=at(text, "A-1"), new_name="B-9")
    )
    assert edit is not None and edit.changes is not None
    renamed = apply(text, edit.changes[path.as_uri()])
    path.write_text(text, encoding="utf-8")
    result = cli("rename", "A-1", "B-9", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert renamed == path.read_text(encoding="utf-8")
    assert f"{level} B-9{sep}First\n" in renamed
    assert "- **Depends on:** B-9, (see [notes](https://x.y/z?a=1,2))\n" in renamed
    wrong = next(d for d in found if str(d.code) == "RL201")
    actions = await actions_for(client, path, wrong)
    fix = next(a for a in actions if a.title == "Replace with ready")
    assert applied(text, fix, path) == text.replace("redy", "ready")


async def test_a_replacement_the_write_gate_cannot_read_back_is_not_offered(
    client: LanguageClient, tmp_path: Path
) -> None:
    # The legend's `on|hold` is the close match for a table cell's "onhold"; written in,
    # its pipe splits the cell and the row reads "on": the quick fix is not offered,
    # while the replacement in the second row (a value the gate reads back) is
    # (ROADMAP INT-12).
    text = (
        "# Plan\n\n## Status Legend\n\n- `todo` – not started\n- `done` – finished\n"
        "- `on|hold` – paused\n\n## Tasks\n\n| ID | Title | Status |\n| --- | --- | --- |\n"
        "| T-1 | Parser | onhold |\n| T-2 | Writer | donne |\n"
    )
    path = roadmap_in(tmp_path)
    found = await open_document(client, path, text)
    typos = sorted((d for d in found if d.code == "RL201"), key=lambda d: d.range.start.line)
    assert [d.range.start.line for d in typos] == [12, 13]
    assert "did you mean on|hold?" in typos[0].message
    assert "did you mean done?" in typos[1].message
    split = [action.title for action in await actions_for(client, path, typos[0])]
    assert split == []
    # nor is the suppression comment: between two rows it ends the table, and the rows
    # below it were lost (offered until the comment went through the gate too)
    kept = await actions_for(client, path, typos[1])
    assert [action.title for action in kept] == ["Replace with done"]
    replace = kept[0]
    assert "| T-2 | Writer | done |\n" in applied(text, replace, path)


def _utf16(line: str) -> int:
    return len(line.encode("utf-16-le")) // 2


async def test_a_refused_text_is_marked_over_its_whole_line_in_utf16_units(
    client: LanguageClient, tmp_path: Path
) -> None:
    """A refusal's range is the line as the client counts it: lines end at CR or LF only
    (a form feed is inside a line) and columns are UTF-16 code units (an emoji is two)."""
    path = roadmap_in(tmp_path)
    first = "# Road \U0001f600\x0c map \U0001f600"
    too_long = first + "\n" + "x" * 100_001 + "\n"
    (found,) = await open_document(client, path, too_long)
    assert found.message == "not checked: a line is over 100000 characters long"
    assert found.range == types.Range(types.Position(0, 0), types.Position(0, _utf16(first)))
    heading = "## [A-1] \U0001f600 x\x0c \U0001f600 y"
    inside = f"{first}\n\n# Dependency Graph\n\n{heading}\n\n- **Status:** ready\n"
    (found,) = await change(client, path, 2, [replace_all(inside)])
    assert "is inside the generated section" in found.message
    assert found.range == types.Range(types.Position(4, 0), types.Position(4, _utf16(heading)))


async def test_a_heading_renamed_past_its_html_kills_and_mends_links_as_a_full_check(
    client: LanguageClient, tmp_path: Path
) -> None:
    """RL111 in the editor: a heading with an anchor tag before its text (its anchor
    keeps the space the tag leaves) renamed, then named back; a link typed to the old
    anchor, then deleted. The diagnostics after each edit are a full check's."""
    path = roadmap_in(tmp_path)
    text = (
        "# Roadmap\n\nSee [parsing](#-a-1-parsing).\n\n"
        '## <a name="p"></a> [A-1] Parsing\n\n- **Status:** ready\n'
    )
    found = await open_document(client, path, text)
    assert [d.code for d in found if d.code == "RL111"] == []
    heading = 4
    at = text.splitlines()[heading].index("Parsing")
    steps = [
        ((heading, at, heading, at + 7), "Parser"),
        ((heading, at, heading, at + 6), "Parsing"),
        ((2, 0, 2, 0), "[old](#a-1-parsing) "),
        ((2, 0, 2, 20), ""),
    ]
    version = 2
    for (line, start, end_line, end), piece in steps:
        lines = text.splitlines(keepends=True)
        begin = sum(map(len, lines[:line])) + start
        stop = sum(map(len, lines[:end_line])) + end
        text = text[:begin] + piece + text[stop:]
        found = await change(
            client, path, version, [replace_range(line, start, end_line, end, piece)]
        )
        version += 1
        want = [(f.code, f.line, f.message) for f in check_text(text, str(path))]
        got = [(str(d.code), d.range.start.line + 1, d.message) for d in found]
        assert sorted(got) == sorted(want)
    assert [code for code, _, _ in want if code == "RL111"] == []
