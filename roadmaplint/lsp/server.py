"""`roadmaplint server`: the language server. Each handler routes to roadmaplint.lsp.features.

This module holds the pygls wiring and the per-document state; what the
answers say is computed by plain functions over the same records and findings
`roadmaplint check` uses.
"""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from roadmaplint import __version__
from roadmaplint.errors import RoadmapError
from roadmaplint.index import GitFacts
from roadmaplint.lsp import features
from roadmaplint.lsp.document import Document
from roadmaplint.lsp.sync import index_texts, span_of
from roadmaplint.lsp.workspace import Configurations, served
from roadmaplint.reader.incremental import Span
from roadmaplint.reader.source import MAX_BYTES, MAX_LINE, MAX_LINES
from roadmaplint.settings import Settings
from roadmaplint.text import changed_span

_T = TypeVar("_T")


class RoadmapServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("roadmaplint", __version__)
        self.documents: dict[str, Document] = {}
        self.configurations = Configurations()
        self.facts: dict[str, GitFacts | None] = {}  # per document, read again on save

    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def locate(self, uri: str, text: str, where: types.Range) -> tuple[int, int] | None:
        """The offsets of a client's range in ``text``, if it is the text last checked."""
        document = self.documents.get(uri)
        if document is None or document.text is not text:
            return None
        return document.offset(where.start), document.offset(where.end)

    def path_of(self, uri: str) -> str:
        return to_fs_path(uri) or uri

    def check(self, uri: str) -> None:
        """Check the open document's current text and publish what was found."""
        text_document = self.workspace.get_text_document(uri)
        text, version = text_document.source, text_document.version
        path = self.path_of(uri)
        try:
            found = self.analyse(uri, path, text, span_of(text_document, text))
        except Exception as error:  # never leave stale diagnostics behind
            self.documents.pop(uri, None)
            found = [
                features.problem(
                    text, f"roadmaplint could not check this file: {error}", self.encoding()
                )
            ]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )

    def analyse(
        self, uri: str, path: str, text: str, span: Span | None = None
    ) -> list[types.Diagnostic]:
        """The diagnostics of the open text; ``span``: where it differs from the text
        checked last, when the edit that made it says so."""
        settings, config_error, config = self.configurations.settings_for(Path(path))
        if config_error is not None:
            self.documents.pop(uri, None)
            return [features.problem(text, config_error, self.encoding())]
        if not served(Path(path), settings, config):
            self.documents.pop(uri, None)
            return []
        known = self.documents.get(uri)
        previous = known.text if known is not None else None
        refusal = _refusal(text, previous, span if previous is not None else None)
        if refusal is not None or not text or text.isspace():  # not a roadmap yet
            # (isspace stops at the first other character; strip would copy the text)
            self.documents.pop(uri, None)
            return [features.problem(text, refusal, self.encoding())] if refusal else []
        facts = self.facts_for(uri, path, settings)
        try:
            if known is None:
                document = Document.read(uri, text, path, settings, self.encoding(), facts)
            else:
                document = known.edited(text, settings, facts, span)
        except RoadmapError as error:  # what `check` would say in one line, on its line
            self.documents.pop(uri, None)
            return [features.refused(text, str(error), self.encoding())]
        self.documents[uri] = document
        return features.diagnostics(document)

    def facts_for(self, uri: str, path: str, settings: Settings) -> GitFacts | None:
        """What git says for RL505, as `check` reads it; once per document until saved."""
        from roadmaplint.config.cache import needs_git_facts

        if not needs_git_facts(settings):
            return None
        if uri not in self.facts:
            from roadmaplint.history.facts import git_facts

            try:
                self.facts[uri] = git_facts(Path(path), settings, io.StringIO())
            except Exception:  # no history to read is no reason to stop checking
                self.facts[uri] = None
        return self.facts[uri]

    def other_roadmaps(self, document: Document) -> tuple[list[Document], str | None]:
        """The roadmaps a rename may reach (``discover.other_roadmaps``, as the CLI's
        ``rename`` finds them), open ones as edited, and a warning when the search stopped.

        Safe to run off the server's loop: it reads the server's state, changes none of it
        (but the configuration cache, whose entries are whole values).
        """
        from roadmaplint.config.discover import other_roadmaps
        from roadmaplint.reader.source import read_roadmap

        workspace = self.workspace.root_path
        settings = document.settings
        found, stopped = other_roadmaps(
            Path(document.roadmap.path),
            settings.include,
            settings.exclude,
            Path(workspace) if workspace else None,
        )
        others = []
        open_texts = {uri: item.source for uri, item in list(self.workspace.text_documents.items())}
        for path in found:
            uri = path.as_uri()
            try:
                text = open_texts[uri] if uri in open_texts else read_roadmap(path).text
                other_settings, error, _ = self.configurations.settings_for(path)
                if error is None:
                    # Only the records and positions are wanted: no rule runs on them.
                    others.append(
                        Document.unchecked(uri, text, str(path), other_settings, self.encoding())
                    )
            except RoadmapError:
                continue  # unreadable (not UTF-8, too large): nothing to rename there
        return others, stopped

    def answer(self, uri: str, respond: Callable[[Document], _T], empty: _T) -> _T:
        document = self.documents.get(uri)
        return empty if document is None else respond(document)

    def recheck_all(self) -> None:
        self.configurations.forget()
        self.facts.clear()
        for uri in list(self.workspace.text_documents):
            self.check(uri)


def _refusal(text: str, previous: str | None, span: Span | None = None) -> str | None:
    """Why a text is not read at all (the limits `check` applies to files), if it is not.

    Given the text before an edit (which passed), only the edited lines are measured;
    ``span``, where the edit went, if known.
    """
    if len(text) > MAX_BYTES:
        return f"not checked: larger than {MAX_BYTES // 1024 // 1024} MB"
    if len(text) > MAX_LINES and text.count("\n") + (not text.endswith("\n")) > MAX_LINES:
        return f"not checked: over {MAX_LINES:,} lines"
    start, end = 0, len(text)
    if previous is not None:
        start, _, end = span or changed_span(previous, text)
    if "\0" in text[start:end]:
        return "not checked: the text contains a NUL character; is this a binary file?"
    if previous is not None:  # the edited lines: \r is looked for only up to the \n
        newline = text.rfind("\n", 0, start)
        start = max(newline, text.rfind("\r", max(newline, 0), start)) + 1
        newline = text.find("\n", end)
        stop = len(text) if newline < 0 else newline
        carriage = text.find("\r", end, stop)
        end = carriage if carriage >= 0 else stop
    edited = text[start:end]
    if len(edited) > MAX_LINE and max(map(len, edited.splitlines())) > MAX_LINE:
        return f"not checked: a line is over {MAX_LINE} characters long"
    return None


server = RoadmapServer()


@server.feature(types.INITIALIZE)
def initialize(ls: RoadmapServer, params: types.InitializeParams) -> None:
    """Place the client's edits with the open roadmaps' line index (lsp/sync.py)."""
    index_texts(ls.workspace, ls.locate)


@server.feature(types.INITIALIZED)
def initialized(ls: RoadmapServer, params: types.InitializedParams) -> None:
    """Ask to hear about configuration files changing, where the client can watch them."""
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is None or not watched.dynamic_registration:
        return
    watchers = [
        types.FileSystemWatcher(glob_pattern=pattern)
        for pattern in ("**/.roadmaplint.toml", "**/roadmaplint.toml", "**/pyproject.toml")
    ]
    registration = types.Registration(
        id="roadmaplint-config",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    ls.client_register_capability(types.RegistrationParams(registrations=[registration]))


async def _latest(ls: RoadmapServer, uri: str, version: int | None) -> None:
    # Let queued edits arrive first: only the newest text is worth checking.
    await asyncio.sleep(0)
    # pygls keys its documents by the unquoted URI: a Backlog.md task file's name has
    # spaces (task-3%20-%20Write-docs.md), and looked up as sent it was never checked again
    document = ls.workspace.text_documents.get(unquote(uri))
    if document is not None and (version is None or document.version == version):
        ls.check(uri)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: RoadmapServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.documents.pop(params.text_document.uri, None)
    ls.facts.pop(params.text_document.uri, None)
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: RoadmapServer, params: types.DidChangeTextDocumentParams) -> None:
    await _latest(ls, params.text_document.uri, params.text_document.version)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: RoadmapServer, params: types.DidSaveTextDocumentParams) -> None:
    name = os.path.basename(ls.path_of(params.text_document.uri))
    if name in (".roadmaplint.toml", "roadmaplint.toml", "pyproject.toml"):
        ls.recheck_all()
    else:
        ls.facts.pop(params.text_document.uri, None)  # a save may follow a commit
        ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: RoadmapServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.documents.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: RoadmapServer, params: types.DidChangeWatchedFilesParams) -> None:
    ls.recheck_all()


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: RoadmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    return ls.answer(uri, lambda document: features.code_actions(document, params.range), [])


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
def formatting(ls: RoadmapServer, params: types.DocumentFormattingParams) -> list[types.TextEdit]:
    return ls.answer(params.text_document.uri, features.formatting, [])


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=["*", "[", ":", " ", ","]),
)
def completion(ls: RoadmapServer, params: types.CompletionParams) -> types.CompletionList:
    empty = types.CompletionList(is_incomplete=False, items=[])
    uri = params.text_document.uri
    return ls.answer(uri, lambda document: features.completion(document, params.position), empty)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: RoadmapServer, params: types.DefinitionParams) -> types.Location | None:
    uri = params.text_document.uri
    return ls.answer(
        uri, lambda document: features.goto_definition(document, params.position), None
    )


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: RoadmapServer, params: types.ReferenceParams) -> list[types.Location]:
    def respond(document: Document) -> list[types.Location]:
        declaration = params.context.include_declaration
        return features.references(document, params.position, declaration)

    return ls.answer(params.text_document.uri, respond, [])


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: RoadmapServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    return ls.answer(uri, lambda document: features.hover(document, params.position), None)


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: RoadmapServer, params: types.PrepareRenameParams) -> types.Range | None:
    uri = params.text_document.uri
    return ls.answer(uri, lambda document: features.prepare_rename(document, params.position), None)


@server.feature(types.TEXT_DOCUMENT_RENAME, types.RenameOptions(prepare_provider=True))
async def rename(ls: RoadmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    document = ls.documents.get(params.text_document.uri)
    if document is None:
        return None
    try:
        # Off the loop: the server answers other requests while the search runs.
        others, stopped = await asyncio.to_thread(ls.other_roadmaps, document)
        if stopped is not None:
            ls.window_log_message(types.LogMessageParams(types.MessageType.Warning, stopped))
        return features.rename(document, params.position, params.new_name, others)
    except RoadmapError as error:
        raise JsonRpcInvalidParams(str(error)) from None


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(
    ls: RoadmapServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol]:
    return ls.answer(params.text_document.uri, features.document_symbols, [])


@server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
def folding_range(ls: RoadmapServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
    return ls.answer(params.text_document.uri, features.folding_ranges, [])


def run(**_: Any) -> int:
    """Serve over stdin and stdout until the client says exit."""
    server.start_io()
    return 0
