"""Regenerate derived sections in a roadmap's text, proving the result safe.

``fix_text`` is pure: text in, text out. It renders only when a section is
out of date, so fixing a correct file is a byte-for-byte no-op that never
loads the template engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Roadmap
from roadmaplint.overview import Group, differences, expected_groups
from roadmaplint.parse import parse, split_lines
from roadmaplint.rules.base import Context
from roadmaplint.settings import Settings
from roadmaplint.splice import Edit, apply_edit, line_starts, prove_outside_unchanged

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
    if len(roadmap.overviews) > 1:
        lines = ", ".join(str(found.region.heading.line) for found in roadmap.overviews)
        return FixResult(
            text, (), f"more than one {settings.overview_heading} (lines {lines}); not guessing"
        )
    context = Context(roadmap, settings)
    expected = expected_groups(roadmap, context.items_by_id)
    overview = roadmap.overview
    if overview is not None and not differences(overview, expected, context.items_by_id):
        return FixResult(text, ())
    edit = _overview_edit(roadmap, expected, settings)
    new_text = apply_edit(text, edit)
    prove_outside_unchanged(text, new_text, edit, path)
    _prove_same_records(roadmap, new_text, settings)
    change = "regenerated" if overview is not None else "added"
    return FixResult(new_text, (f"{settings.overview_heading} {change}",))


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
    body = body.rstrip("\n") + "\n"
    text = roadmap.source
    starts = line_starts(text)
    newline = style.newline
    if overview is not None:
        start = starts[overview.region.heading.line]
        end = starts[overview.region.body_end]
        lead = "" if text[:start].endswith(("\n", "\r")) else "\n"
        if end == len(text) and not style.final_newline:
            body = body[:-1]
        return Edit(start, end, (lead + body).replace("\n", newline))
    return Edit(
        len(text), len(text), _appended(text, indent, settings, body).replace("\n", newline)
    )


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


def _meaning(roadmap: Roadmap) -> list[tuple[object, ...]]:
    """The items as data, without line numbers (which a mid-file overview may shift)."""
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


def _prove_same_records(before: Roadmap, new_text: str, settings: Settings) -> None:
    after = parse(new_text, before.path, settings)
    context = Context(after, settings)
    if (
        _meaning(after) != _meaning(before)
        or len(after.overviews) != 1
        or differences(
            after.overviews[0], expected_groups(after, context.items_by_id), context.items_by_id
        )
    ):
        raise RoadmapError(
            f"{before.path}: refusing to write: the regenerated file does not read back "
            "as the same items with a correct overview"
        )
