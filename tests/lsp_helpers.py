"""Driving the real `roadmaplint server` process from pytest-lsp's client."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "roadmaplint", "server"])
WAIT = 20.0  # seconds; a generous bound for a loaded CI machine


def capabilities() -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            ),
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=False,
                tag_support=types.ClientDiagnosticsTagOptions(
                    value_set=[types.DiagnosticTag.Unnecessary, types.DiagnosticTag.Deprecated]
                ),
                version_support=True,
                code_description_support=True,
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            document_symbol=types.DocumentSymbolClientCapabilities(
                hierarchical_document_symbol_support=True
            ),
            rename=types.RenameClientCapabilities(prepare_support=True),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(
                        value_set=[types.CodeActionKind.QuickFix]
                    )
                ),
                is_preferred_support=True,
            ),
        ),
    )


RECEIVED: dict[int, list[types.PublishDiagnosticsParams]] = {}


def record_diagnostics(client: LanguageClient) -> None:
    """Keep every publishDiagnostics the server sends, in order (not only the latest)."""
    received = RECEIVED.setdefault(id(client), [])
    handlers = client.protocol.fm.features  # pytest-lsp's own handler keeps only the latest
    original = handlers[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def publish(params: types.PublishDiagnosticsParams) -> object:
        received.append(params)
        return original(params)

    handlers[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish


async def published(
    client: LanguageClient, uri: str, send: object = None
) -> list[types.Diagnostic]:
    """Send something (a callable), then wait for the next diagnostics published for ``uri``."""
    received = RECEIVED[id(client)]
    seen = len(received)
    if callable(send):
        send()
    deadline = asyncio.get_running_loop().time() + WAIT
    while True:
        for params in received[seen:]:
            if params.uri == uri:
                return list(params.diagnostics)
        seen = len(received)
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"no diagnostics for {uri} within {WAIT} s")
        await asyncio.sleep(0.005)


async def open_document(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    uri = path.as_uri()

    def send() -> None:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )

    return await published(client, uri, send)


async def change(
    client: LanguageClient,
    path: Path,
    version: int,
    changes: Sequence[types.TextDocumentContentChangeEvent],
) -> list[types.Diagnostic]:
    uri = path.as_uri()

    def send() -> None:
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), list(changes)
            )
        )

    return await published(client, uri, send)


def replace_all(text: str) -> types.TextDocumentContentChangeWholeDocument:
    return types.TextDocumentContentChangeWholeDocument(text=text)


def replace_range(
    line: int, start: int, end_line: int, end: int, text: str
) -> types.TextDocumentContentChangePartial:
    return types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(line, start), types.Position(end_line, end)), text=text
    )


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply LSP text edits to an ASCII text (positions are then characters)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        if position.line >= len(lines):
            return len(text)
        return starts[position.line] + position.character

    for edit in sorted(edits, key=lambda edit: offset(edit.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def summary(text: str, diagnostics: Sequence[types.Diagnostic]) -> list[tuple[str, int, str]]:
    """(code, 1-based line, the text the range covers) for each diagnostic."""
    lines = text.splitlines()
    found = []
    for diagnostic in diagnostics:
        start, end = diagnostic.range.start, diagnostic.range.end
        assert start.line == end.line, diagnostic
        covered = lines[start.line][start.character : end.character]
        found.append((str(diagnostic.code), start.line + 1, covered))
    return found


async def actions_for(
    client: LanguageClient, path: Path, diagnostic: types.Diagnostic
) -> list[types.CodeAction]:
    """The code actions the server offers for ``diagnostic``."""
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(path.as_uri()),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]
