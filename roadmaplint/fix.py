"""Regenerate derived sections in a roadmap's text, proving the result safe.

``fix_text`` is pure: text in, text out. It renders only what is out of date,
so fixing a correct file is a byte-for-byte no-op that never loads the
template engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from roadmaplint.errors import RoadmapError
from roadmaplint.model import GraphSection, Region, Roadmap
from roadmaplint.overview import Group, differences, expected_groups
from roadmaplint.parse import parse, split_lines
from roadmaplint.picture import expected_graph
from roadmaplint.rules.base import Context
from roadmaplint.settings import Settings
from roadmaplint.splice import Edit, apply_edits, line_starts, prove_only_regions_changed

_THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")


@dataclass(frozen=True, slots=True)
class FixResult:
    text: str
    changes: tuple[str, ...]  # what was regenerated, said for people
    refused: str | None = None  # why a fixable problem was left alone

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def fix_text(text: str, path: str = "ROADMAP.md", settings: Settings | None = None) -> FixResult:
    settings = settings or Settings()
    roadmap = parse(text, path, settings)
    if not roadmap.items:
        return FixResult(
            text,
            (),
            "no items were read, so there is nothing to generate; "
            "`roadmaplint check` (RL109) says what was looked for",
        )
    if len(roadmap.overviews) > 1:
        lines = ", ".join(str(found.region.heading.line) for found in roadmap.overviews)
        return FixResult(
            text, (), f"more than one {settings.overview_heading} (lines {lines}); not guessing"
        )
    context = Context(roadmap, settings)
    edits, changes = _stray_list_edits(roadmap)
    overview = roadmap.overview
    expected = expected_groups(roadmap, context.items_by_id)
    if overview is None or differences(overview, expected, context.items_by_id):
        edits.append(_overview_edit(roadmap, expected, settings))
        changes.append(f"{settings.overview_heading} {'regenerated' if overview else 'added'}")
    for section in roadmap.graph_sections:
        picture = expected_graph(roadmap, context.items_by_id, settings.statuses)
        if section.code != picture:
            edits.append(_graph_edit(roadmap, section, picture, settings))
            changes.append(f"{settings.graph_heading} regenerated")
    if not edits:
        return FixResult(text, ())
    new_text = apply_edits(text, edits)
    prove_only_regions_changed(text, new_text, edits, _allowed_spans(roadmap), path)
    _prove_same_records(roadmap, new_text, settings, _unchanged_prefix_end(roadmap, edits))
    return FixResult(new_text, tuple(dict.fromkeys(changes)))


def _stray_list_edits(roadmap: Roadmap) -> tuple[list[Edit], list[str]]:
    """Indent each stray list's lines like the document (RL108): spaces in front, no more."""
    starts = line_starts(roadmap.source)
    bom = 1 if roadmap.style.bom else 0
    edits = [
        Edit(
            starts[line - 1] + (bom if line == 1 else 0),
            starts[line - 1] + (bom if line == 1 else 0),
            " " * spaces,
        )
        for stray in roadmap.stray_lists
        for line, spaces in stray.reindent
    ]
    changes = [
        f"stray list on line {stray.position.line} indented like the document"
        for stray in roadmap.stray_lists
    ]
    return edits, changes


def _allowed_spans(roadmap: Roadmap) -> list[tuple[int, int]]:
    """Where generated text may change: each generated section's body, the end, and the
    starts of stray lines (which only gain indentation)."""
    starts = line_starts(roadmap.source)
    regions = [found.region for found in roadmap.overviews]
    regions += [found.region for found in roadmap.graph_sections]
    spans = [(starts[region.heading.line], starts[region.end]) for region in regions]
    if not roadmap.overviews:
        spans.append((len(roadmap.source), len(roadmap.source)))
    bom = 1 if roadmap.style.bom else 0
    for stray in roadmap.stray_lists:
        for line, _ in stray.reindent:
            at = starts[line - 1] + (bom if line == 1 else 0)
            spans.append((at, at))
    return spans


def _body_edit(roadmap: Roadmap, region: Region, body: str) -> Edit:
    """Replace the lines after ``region``'s heading, up to its last generated line."""
    text = roadmap.source
    starts = line_starts(text)
    start = starts[region.heading.line]
    end = starts[region.body_end]
    body = body.rstrip("\n") + "\n"
    lead = "" if text[:start].endswith(("\n", "\r")) else "\n"
    if end == len(text) and not roadmap.style.final_newline:
        body = body[:-1]
    return Edit(start, end, (lead + body).replace("\n", roadmap.style.newline))


def _overview_edit(roadmap: Roadmap, expected: list[Group], settings: Settings) -> Edit:
    from roadmaplint.generate import render

    style = roadmap.style
    overview = roadmap.overview
    indent = overview.indent if overview is not None else style.indent
    bullet = (overview.bullet if overview is not None else None) or style.bullet
    body = render(
        "overview.md.j2",
        {"groups": expected, "indent": indent, "bullet": bullet},
        settings.template_dir,
    )
    if overview is not None:
        return _body_edit(roadmap, overview.region, body)
    text = roadmap.source
    appended = _appended(text, indent, settings, body.rstrip("\n") + "\n")
    return Edit(len(text), len(text), appended.replace("\n", style.newline))


def _graph_edit(roadmap: Roadmap, section: GraphSection, picture: str, settings: Settings) -> Edit:
    """Replace the section's mermaid block, or add one after what the section says.

    Only the code block is generated: prose under the heading is the user's.
    """
    from roadmaplint.generate import render

    lines = picture.rstrip("\n").split("\n")
    variables = {"lines": lines, "indent": section.indent}
    block = render("graph.md.j2", variables, settings.template_dir).rstrip("\n") + "\n"
    text = roadmap.source
    starts = line_starts(text)
    newline = roadmap.style.newline
    if section.code_line is not None and section.code_end is not None:
        start, end = starts[section.code_line - 1], starts[section.code_end]
        if end == len(text) and not roadmap.style.final_newline:
            block = block[:-1]
        return Edit(start, end, block.replace("\n", newline))
    at = starts[section.region.body_end]
    lead = "\n" if text[:at].endswith(("\n", "\r")) else "\n\n"
    if at == len(text) and not roadmap.style.final_newline:
        block = block[:-1]
    return Edit(at, at, (lead + block).replace("\n", newline))


def _appended(text: str, indent: str, settings: Settings, body: str) -> str:
    """A new overview at the end of the file, after a ``---`` line as the example has it."""
    lines = split_lines(text)
    parts = []
    if lines and not lines[-1].endswith(("\n", "\r")):
        parts.append("\n")
    last_written = next((line for line in reversed(lines) if line.strip()), "")
    if lines and lines[-1].strip():
        parts.append("\n")
    if last_written and not _THEMATIC_BREAK.fullmatch(last_written.rstrip("\r\n")):
        parts.append(f"{indent}---\n\n")
    parts.append(f"{indent}# {settings.overview_heading}\n")
    parts.append(body)
    return "".join(parts)


def _parse_from(before: Roadmap, new_text: str, settings: Settings, split: int) -> Roadmap:
    """The records of ``new_text``: the unchanged part above line ``split`` from ``before``,
    the rest read again. Line numbers in the re-read part count from ``split``."""
    tail = new_text[line_starts(new_text)[split - 1] :]
    tail_records = parse(tail, before.path, settings, continued=True)
    kept = tuple(item for item in before.items if item.position.line < split)
    sections = tuple(found for found in before.sections if found.position.line < split)
    return replace(
        tail_records,
        title=before.title,
        sections=sections + tail_records.sections,
        items=kept + tail_records.items,
        status_legend=before.status_legend or tail_records.status_legend,
        priority_legend=before.priority_legend or tail_records.priority_legend,
    )


def structure_meaning(roadmap: Roadmap) -> tuple[object, ...]:
    """What a regeneration must never change besides the items: title, legends, sections."""
    return (
        roadmap.title,
        roadmap.status_legend.values if roadmap.status_legend else None,
        roadmap.priority_legend.values if roadmap.priority_legend else None,
        tuple(section.name for section in roadmap.sections),
    )


def item_meaning(roadmap: Roadmap) -> list[tuple[object, ...]]:
    """The items as data, without line numbers (which a mid-file section may shift)."""
    return [
        (
            item.id,
            item.title,
            item.section,
            tuple((found.name, found.value) for found in item.fields),
            tuple((done.text, done.checked) for done in item.definition_of_done),
        )
        for item in roadmap.items
    ]


def _unchanged_prefix_end(roadmap: Roadmap, edits: list[Edit]) -> int | None:
    """The first line of the earliest edited generated section, when it is safe to split there.

    Every generated section begins with a top-level level-1 heading that the edit
    leaves unchanged. No markdown block can be open across such a heading, so the
    text above it parses the same whatever follows: only the text from the heading
    on needs reading again. An overview appended at the end has no such heading
    (the old text might end inside a fence that swallows it), so it gets a full
    re-parse.
    """
    regions = [found.region for found in roadmap.overviews]
    regions += [found.region for found in roadmap.graph_sections]
    starts = line_starts(roadmap.source)
    lines = []
    for edit in edits:
        owner = [
            region.heading.line
            for region in regions
            if starts[region.heading.line] <= edit.start <= starts[region.end]
        ]
        if not owner:
            return None
        lines.append(owner[0])
    first = min(lines)
    return first if first > 1 else None


def _prove_same_records(
    before: Roadmap, new_text: str, settings: Settings, split: int | None
) -> None:
    if split is None:
        after = parse(new_text, before.path, settings)
    else:
        after = _parse_from(before, new_text, settings, split)
    context = Context(after, settings)
    items = context.items_by_id
    picture = expected_graph(after, items, settings.statuses)
    stale_graph = any(section.code != picture for section in after.graph_sections)
    if (
        after.stray_lists
        or item_meaning(after) != item_meaning(before)
        or structure_meaning(after) != structure_meaning(before)
        or len(after.overviews) != 1
        or differences(after.overviews[0], expected_groups(after, items), items)
        or len(after.graph_sections) != len(before.graph_sections)
        or stale_graph
    ):
        raise RoadmapError(
            f"{before.path}: refusing to write: the regenerated file does not read back "
            "as the same items with up-to-date generated sections"
        )
