"""What the language server answers, as plain functions of a Document.

Each function reads the records and findings the CLI uses (no rule logic here)
and returns lsprotocol values; the server module only routes requests to them,
and the tests call them directly.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from lsprotocol import types

from roadmaplint.edit.mentions import definition, id_at, mentions
from roadmaplint.errors import RoadmapError
from roadmaplint.findings import Finding, Severity
from roadmaplint.lsp.document import Document, code_units
from roadmaplint.model import Field, Item, Position, Region
from roadmaplint.reader import DEPENDS_ON, normalize_key
from roadmaplint.record import record
from roadmaplint.rules import find_rule
from roadmaplint.rules.docs import rule_url
from roadmaplint.rules.silencing import silencing_edits
from roadmaplint.settings import KNOWN_FIELDS
from roadmaplint.text import Edit, LazyPattern, hunks, split_lines

if TYPE_CHECKING:
    pass

SOURCE = "roadmaplint"
_DEPENDENCY_CODES = frozenset({"RL301", "RL302", "RL303", "RL304", "RL305", "RL306"})
_ID_IN_HEADING = frozenset({"RL102", "RL106"})
_NAMED_DEPENDENCY = LazyPattern(r"depends on (?:unknown item )?([^\s,()]+)")
_SUGGESTION = LazyPattern(r"did you mean ([^?]+)\?")


# Diagnostics


@record(slots=False)
class Located:
    """A finding and the exact span it is about (character offsets)."""

    finding: Finding
    start: int
    end: int


def locate(document: Document, finding: Finding) -> Located:
    """The span a finding is about: the offending value, name or ID, not just its line."""
    roadmap = document.roadmap
    line_start = document.offset_of(finding.line, 1)
    line = document.line_text(finding.line)
    begin = document.offset_of(finding.line, finding.column)
    default = Located(finding, begin, line_start + len(line.rstrip()))
    if default.end < begin:
        default = Located(finding, begin, begin)
    index = bisect_right(document.snapshot.item_lines, finding.line) - 1
    for item in roadmap.items[max(index, 0) : index + 1]:
        if item.end_line < finding.line:
            continue
        if item.position.line == finding.line and finding.code in _ID_IN_HEADING:
            return _word_in(document, finding, begin, default.end, item.id) or default
        at = Position(finding.line, finding.column)
        for found in item.fields:
            if found.value_position == at and found.value:
                return _value_span(document, finding, found, default)
            if found.position == at and finding.code != "RL107":
                return _word_in(document, finding, begin, default.end, found.name) or default
    if finding.code == "RL901":
        close = line.find("-->", finding.column - 1)
        if close >= 0:
            return Located(finding, begin, line_start + close + 3)
    return default


def _value_span(document: Document, finding: Finding, found: Field, default: Located) -> Located:
    if finding.code in _DEPENDENCY_CODES:
        named = _dependency_named(finding)
        end = document.offset_of(found.end_line, len(document.line_text(found.end_line)) + 1)
        if named:
            span = _word_in(document, finding, default.start, end, named)
            if span is not None:
                return span
    return _word_in(document, finding, default.start, default.end, found.value) or default


def _dependency_named(finding: Finding) -> str | None:
    if finding.code == "RL303":
        return finding.item
    if finding.code == "RL302":
        cycle = finding.message.split(": ", 1)[-1].split(" -> ")
        return cycle[1] if len(cycle) > 1 else None
    match = _NAMED_DEPENDENCY.search(finding.message)
    return match[1] if match else None


def _word_in(
    document: Document, finding: Finding, start: int, end: int, word: str
) -> Located | None:
    if not word:
        return None
    pattern = re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(word)}(?![A-Za-z0-9_-])")
    match = pattern.search(document.text, start, max(end, start))
    return Located(finding, match.start(), match.end()) if match else None


def diagnostics(document: Document) -> list[types.Diagnostic]:
    return [_diagnostic(document, locate(document, finding)) for finding in document.findings]


def _diagnostic(document: Document, located: Located) -> types.Diagnostic:
    finding = located.finding
    rule = find_rule(finding.code)
    link = rule_url(rule) if rule else None
    tags = [types.DiagnosticTag.Unnecessary] if finding.code == "RL901" else None
    return types.Diagnostic(
        range=document.range(located.start, located.end),
        message=finding.message,
        severity=(
            types.DiagnosticSeverity.Error
            if finding.severity is Severity.ERROR
            else types.DiagnosticSeverity.Warning
        ),
        code=finding.code,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        tags=tags,
    )


def refused(document_text: str, message: str, encoding: str) -> types.Diagnostic:
    """A RoadmapError (``path:LINE: what is wrong``) as a diagnostic on that line."""
    match = re.match(r"[^\n]*?:(\d+): ", message)
    return types.Diagnostic(
        range=_whole_line(document_text, int(match[1]) - 1 if match else 0, encoding),
        message=message[match.end() :] if match else message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def problem(document_text: str, message: str, encoding: str) -> types.Diagnostic:
    """One diagnostic on the first line, for a text that could not be checked at all."""
    return types.Diagnostic(
        range=_whole_line(document_text, 0, encoding),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )


def _whole_line(document_text: str, line: int, encoding: str) -> types.Range:
    """The 0-based ``line`` as the client counts it: lines end where LSP ends them (a
    form feed or U+2028 is no line end), measured in the agreed code units."""
    lines = split_lines(document_text)
    text = lines[line].rstrip("\r\n") if 0 <= line < len(lines) else ""
    line = line if 0 <= line < max(len(lines), 1) else 0
    return types.Range(types.Position(line, 0), types.Position(line, code_units(text, encoding)))


# Code actions and formatting


def _overlaps(located: Located, start: int, end: int) -> bool:
    return located.start <= end and start <= located.end


def code_actions(document: Document, requested: types.Range) -> list[types.CodeAction]:
    start, end = document.offset(requested.start), document.offset(requested.end)
    here = [
        located
        for located in (locate(document, finding) for finding in document.findings)
        if _overlaps(located, start, end) or located.finding.line - 1 == requested.start.line
    ]
    actions: list[types.CodeAction] = []
    for located in here:
        actions.extend(_replacements(document, located))
    codes = {located.finding.code for located in here}
    actions.extend(_regenerations(document, codes))
    for located in here:
        if located.finding.code == "RL108":
            actions.extend(_stray_list_repair(document, located))
    findings = [located.finding for located in here]
    by_finding = {id(located.finding): located for located in here}
    for silencing in silencing_edits(document.roadmap, document.settings, findings):
        located = by_finding[id(silencing.finding)]
        title = f"Suppress {silencing.finding.code} for {silencing.what}"
        edit = silencing.edit
        actions.append(
            _action(document, title, [(edit.start, edit.end, edit.replacement)], located)
        )
    return actions


def _edit(document: Document, edits: Iterable[tuple[int, int, str]]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(
        changes={
            document.uri: [
                types.TextEdit(document.range(start, end), text) for start, end, text in edits
            ]
        }
    )


def _action(
    document: Document,
    title: str,
    edits: Iterable[tuple[int, int, str]],
    located: Located | None = None,
    preferred: bool = False,
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[_diagnostic(document, located)] if located else None,
        edit=_edit(document, edits),
        is_preferred=preferred or None,
    )


def _replacements(document: Document, located: Located) -> Iterator[types.CodeAction]:
    """The did-you-mean replacement, offered only when the write gate proves it changes
    the finding's item alone and the item reads the suggestion back (a value that would
    split a table cell, close a code span or end the field list is not offered)."""
    match = _SUGGESTION.search(located.finding.message)
    item = located.finding.item
    if match is None or located.start == located.end or item is None:
        return
    suggestion = match[1].strip()
    if not _reads_back(document, item, Edit(located.start, located.end, suggestion)):
        return
    yield _action(
        document,
        f"Replace with {suggestion}",
        [(located.start, located.end, suggestion)],
        located,
        preferred=True,
    )


def _reads_back(document: Document, item_id: str, edit: Edit) -> bool:
    from roadmaplint.edit.base import replacement_reads_back

    if document.roadmap.source != document.text:
        return False
    return replacement_reads_back(document.roadmap, item_id, edit, document.settings)


def _stray_list_repair(document: Document, located: Located) -> Iterator[types.CodeAction]:
    """The RL108 repair `fix` makes, offered only when the write gate accepts it."""
    from roadmaplint.generate.fix import stray_list_repair

    try:
        result = stray_list_repair(document.text, document.roadmap.path, document.settings)
    except RoadmapError:
        return
    if result.changed:
        edits = [(edit.start, edit.end, edit.replacement) for edit in result.edits]
        yield _action(
            document, "Indent the stray list like the document", edits, located, preferred=True
        )


def _regenerations(document: Document, codes: set[str]) -> Iterator[types.CodeAction]:
    from roadmaplint.generate.fix_parts import GRAPH, OVERVIEW, regenerations

    wanted = {OVERVIEW} if codes & {"RL401", "RL402"} else set()
    wanted |= {GRAPH} if "RL404" in codes else set()
    titles = {
        OVERVIEW: f"Regenerate the {document.settings.overview_heading}",
        GRAPH: f"Regenerate the {document.settings.graph_heading}",
    }
    for part, edits in regenerations(document.roadmap, document.settings, wanted).items():
        yield _action(document, titles[part], _spans(edits), preferred=True)


def _spans(edits: Iterable[Edit]) -> list[tuple[int, int, str]]:
    return [(edit.start, edit.end, edit.replacement) for edit in edits]


def formatting(document: Document) -> list[types.TextEdit]:
    """`roadmaplint fix` as text edits."""
    from roadmaplint.generate.fix_parts import fix_hunks

    return [
        types.TextEdit(document.range(edit.start, edit.end), edit.replacement)
        for edit in fix_hunks(document.roadmap, document.settings)
    ]


# Completion

_MARKER = r"[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+"
_FIELD_NAME = LazyPattern(rf"^{_MARKER}(\*\*|__)([^*_]*)$")
_FIELD_VALUE = LazyPattern(
    rf"^{_MARKER}(\*\*|__)([^*_\n]{{1,80}}?)(?::[ \t]*\1|\1[ \t]*:)[ \t]*(.*)$"
)
_NEW_ID = LazyPattern(r"^[ \t]{0,3}#{1,6}[ \t]+\[([A-Za-z0-9_-]*)$")


def completion(document: Document, position: types.Position) -> types.CompletionList:
    offset = document.offset(position)
    line = position.line + 1
    before = document.text[document.offset_of(line, 1) : offset]
    items: list[types.CompletionItem] = []
    name = _FIELD_NAME.match(before)
    value = _FIELD_VALUE.match(before)
    new_id = _NEW_ID.match(before)
    if value:
        items = _value_completions(document, line, value[2], value[3], offset)
    elif name:
        items = _field_completions(document, name[1], name[2], offset)
    elif new_id:
        items = _id_completions(document, line, new_id[1], offset)
    return types.CompletionList(is_incomplete=False, items=items)


def _replace(document: Document, offset: int, typed: str, text: str) -> types.TextEdit:
    return types.TextEdit(document.range(offset - len(typed), offset), text)


def _field_completions(
    document: Document, closer: str, typed: str, offset: int
) -> list[types.CompletionItem]:
    return [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.Field,
            text_edit=_replace(document, offset, typed, f"{name}:{closer} "),
            sort_text=f"{rank:02d}",
        )
        for rank, name in enumerate(KNOWN_FIELDS)
    ]


def _value_completions(
    document: Document, line: int, name: str, typed: str, offset: int
) -> list[types.CompletionItem]:
    roadmap = document.roadmap
    key = normalize_key(name)
    legend = {"status": roadmap.status_legend, "priority": roadmap.priority_legend}.get(key)
    if legend is not None:
        partial = typed.strip("` ")
        return [
            types.CompletionItem(
                label=entry.value,
                kind=types.CompletionItemKind.EnumMember,
                detail=entry.description or None,
                text_edit=_replace(document, offset, partial, entry.value),
                sort_text=f"{rank:03d}",
            )
            for rank, entry in enumerate(legend.entries)
        ]
    if key == DEPENDS_ON:
        partial = re.split(r"[,\s]", typed)[-1]
        own = _item_at_line(document, line)
        return [
            types.CompletionItem(
                label=item.id,
                kind=types.CompletionItemKind.Reference,
                detail=item.title,
                text_edit=_replace(document, offset, partial, item.id),
                sort_text=f"{rank:05d}",
            )
            for rank, item in enumerate(_unique(roadmap.items))
            if own is None or item.id != own.id
        ]
    return []


def _unique(items: Iterable[Item]) -> list[Item]:
    seen: dict[str, Item] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return list(seen.values())


def _item_at_line(document: Document, line: int) -> Item | None:
    for item in document.roadmap.items:
        if item.position.line <= line <= max(item.end_line, item.position.line + 1):
            return item
    return None


def _id_completions(
    document: Document, line: int, typed: str, offset: int
) -> list[types.CompletionItem]:
    from roadmaplint.edit.base import next_id

    roadmap = document.roadmap
    sections = [section for section in roadmap.sections if section.position.line < line]
    if not sections:
        return []
    section = sections[-1].name
    new = next_id(roadmap, section, {item.id: item for item in _unique(roadmap.items)})
    return [
        types.CompletionItem(
            label=new,
            kind=types.CompletionItemKind.Value,
            detail=f"the next free ID in {section}",
            text_edit=_replace(document, offset, typed, f"{new}] "),
        )
    ]


# Navigation


def _id_here(document: Document, position: types.Position) -> tuple[str, int, int] | None:
    return id_at(document.roadmap, document.offset(position))


def _heading_span(document: Document, item: Item) -> tuple[int, int]:
    start = document.offset_of(item.position.line, 1)
    line = document.line_text(item.position.line)
    column = line.find(item.id)
    if column < 0:
        return start, start + len(line)
    return start + column, start + column + len(item.id)


def goto_definition(document: Document, position: types.Position) -> types.Location | None:
    found = _id_here(document, position)
    item = definition(document.roadmap, found[0]) if found else None
    if item is None:
        return None
    return types.Location(document.uri, document.range(*_heading_span(document, item)))


def references(
    document: Document, position: types.Position, include_declaration: bool
) -> list[types.Location]:
    found = _id_here(document, position)
    if found is None:
        return []
    item = definition(document.roadmap, found[0])
    declaration = _heading_span(document, item)[0] if item else -1
    return [
        types.Location(document.uri, document.range(mention.start, mention.end))
        for mention in mentions(document.roadmap, found[0])
        if include_declaration or mention.start != declaration
    ]


def hover(document: Document, position: types.Position) -> types.Hover | None:
    found = _id_here(document, position)
    item = definition(document.roadmap, found[0]) if found else None
    if item is None or found is None:
        return None
    waiting = [other.id for other in _unique(document.roadmap.items) if item.id in other.depends_on]
    waits = [*item.depends_on, *item.external_deps]
    lines = [
        f"**{item.id}** {item.title}",
        "",
        f"Status: {item.status or '—'} · Priority: {item.priority or '—'} · DRI: {item.dri or '—'}",
        "",
        f"Waits for: {', '.join(waits) or 'nothing'}",
        "",
        f"Waited on by: {', '.join(waiting) or 'nothing'}",
    ]
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n".join(lines)),
        range=document.range(found[1], found[2]),
    )


def prepare_rename(document: Document, position: types.Position) -> types.Range | None:
    found = _id_here(document, position)
    return document.range(found[1], found[2]) if found else None


def rename(
    document: Document,
    position: types.Position,
    new_name: str,
    others: Sequence[Document] = (),
) -> types.WorkspaceEdit:
    """`roadmaplint rename` of the ID at ``position`` (``rename_everywhere``), as the
    edits to the document and to those of ``others`` it changes (RoadmapError if it
    cannot be renamed)."""
    from roadmaplint.edit.rename import rename_everywhere

    found = _id_here(document, position)
    if found is None:
        raise RoadmapError("there is no item ID here to rename")
    old, new_id = found[0], new_name.strip()
    done = rename_everywhere(
        document.roadmap,
        old,
        new_id,
        document.settings,
        [(other.roadmap, other.settings) for other in others],
    )
    renamed = _regenerated(document, done.renamed.text, old, new_id)
    changes = {
        document.uri: [
            types.TextEdit(document.range(start, end), text)
            for start, end, text in hunks(document.text, renamed)
        ]
    }
    by_path = {other.roadmap.path: other for other in others}
    for changed in done.others:
        other = by_path[changed.roadmap.path]
        changes[other.uri] = [
            types.TextEdit(other.range(edit.start, edit.end), edit.replacement)
            for edit in changed.edits
        ]
    return types.WorkspaceEdit(changes=changes)


def _regenerated(document: Document, renamed: str, old: str, new: str) -> str:
    """The generated sections brought up to date for what the rename touched, as
    `roadmaplint rename` does: earlier staleness and a stray list (RL108) are left."""
    from roadmaplint.generate.fix import regenerate_after_edit

    touched = {new}  # the dependents' entries read the same: their IDs did not change
    try:
        fixed = regenerate_after_edit(
            document.roadmap, renamed, document.settings, touched, renamed={old: new}
        )
    except RoadmapError:
        return renamed
    return renamed if fixed.refused else fixed.text


# Outline


def document_symbols(document: Document) -> list[types.DocumentSymbol]:
    roadmap = document.roadmap
    symbols: list[tuple[int, types.DocumentSymbol]] = []
    by_section: dict[str | None, list[types.DocumentSymbol]] = {}
    for item in roadmap.items:
        by_section.setdefault(item.section, []).append(
            _symbol(
                document,
                item.id,
                item.title,
                types.SymbolKind.Class,
                item.position.line,
                item.end_line,
            )
        )
    for section in roadmap.sections:
        symbol = _symbol(
            document,
            section.name,
            None,
            types.SymbolKind.Namespace,
            section.position.line,
            section.end_line,
        )
        symbol.children = by_section.pop(section.name, [])
        by_section[section.name] = []
        symbols.append((section.position.line, symbol))
    for loose in by_section.values():
        symbols += [(symbol.range.start.line + 1, symbol) for symbol in loose]
    for legend in (roadmap.status_legend, roadmap.priority_legend):
        if legend is not None:
            last = max([entry.line for entry in legend.entries], default=legend.position.line)
            symbols.append(
                (
                    legend.position.line,
                    _symbol(
                        document,
                        legend.name,
                        None,
                        types.SymbolKind.Enum,
                        legend.position.line,
                        last,
                    ),
                )
            )
    for region, name, kind in _generated_regions(document):
        first = region.heading.line
        symbols.append((first, _symbol(document, name, None, kind, first, region.body_end)))
    return [symbol for _, symbol in sorted(symbols, key=lambda pair: pair[0])]


def _generated_regions(document: Document) -> list[tuple[Region, str, types.SymbolKind]]:
    """The generated sections as (region, heading name, symbol kind)."""
    roadmap, settings = document.roadmap, document.settings
    found = [
        (overview.region, settings.overview_heading, types.SymbolKind.Array)
        for overview in roadmap.overviews
    ]
    found += [
        (graph.region, settings.graph_heading, types.SymbolKind.Struct)
        for graph in roadmap.graph_sections
    ]
    return found


def _symbol(
    document: Document, name: str, detail: str | None, kind: types.SymbolKind, first: int, last: int
) -> types.DocumentSymbol:
    last = max(first, last)
    whole = document.range(
        document.offset_of(first, 1), document.offset_of(last, len(document.line_text(last)) + 1)
    )
    heading = document.line_text(first)
    start = document.offset_of(first, 1)
    selection = document.range(start, start + len(heading))
    return types.DocumentSymbol(
        name=name or "(untitled)", kind=kind, range=whole, selection_range=selection, detail=detail
    )


def folding_ranges(document: Document) -> list[types.FoldingRange]:
    roadmap = document.roadmap
    spans = [(item.position.line, item.end_line) for item in roadmap.items]
    spans += [(section.position.line, section.end_line) for section in roadmap.sections]
    spans += [
        (region.heading.line, region.body_end) for region, _, _ in _generated_regions(document)
    ]
    return [
        types.FoldingRange(start_line=first - 1, end_line=last - 1)
        for first, last in sorted(set(spans))
        if last > first
    ]
