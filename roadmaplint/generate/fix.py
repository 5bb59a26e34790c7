"""Regenerate derived sections in a roadmap's text, proving the result safe.

``fix_text`` is pure: text in, text out. It renders only what is out of date,
so fixing a correct file is a byte-for-byte no-op that never loads the
template engine.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from roadmaplint.errors import RoadmapError
from roadmaplint.generate.graph_picture import expected_graph
from roadmaplint.generate.overview import Group, differences, expected_groups
from roadmaplint.generate.placement import Refusal, Rendered, empty_groups, plan
from roadmaplint.generate.settle import Request, settle
from roadmaplint.index import Context
from roadmaplint.model import GraphSection, Item, Overview, Roadmap
from roadmaplint.reader import normalize_key, parse
from roadmaplint.reader.idpattern import id_regex
from roadmaplint.reader.quiet import wants_overview
from roadmaplint.record import record
from roadmaplint.settings import Settings
from roadmaplint.text import Edit, LazyPattern, apply_edits, line_starts, split_lines
from roadmaplint.write.proof import Targets, passes, prove_edit

_THEMATIC_BREAK = LazyPattern(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})")


@record
class FixResult:
    text: str
    changes: tuple[str, ...]  # what was regenerated, said for people
    refused: str | None = None  # why a fixable problem was left alone
    edits: tuple[Edit, ...] = ()  # what was replaced, in the old text

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def fix_text(
    text: str,
    path: str = "ROADMAP.md",
    settings: Settings | None = None,
    *,
    repair_stray_lists: bool = True,
) -> FixResult:
    """Regenerate what is out of date and, unless ``repair_stray_lists`` is False,
    indent the stray lists (RL108).

    The editing commands pass False: they regenerate the sections their edit
    changes and leave every other problem, a stray list included, to ``fix``.
    """
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
    reached = _stray_lines_in_generated(roadmap) if repair_stray_lists else None
    if reached:
        return FixResult(text, (), _reaches_generated(reached))
    context = Context(roadmap, settings)
    edits, changes = _stray_list_edits(roadmap) if repair_stray_lists else ([], [])
    overview = roadmap.overview
    expected = expected_groups(roadmap, context.items_by_id)
    adding = overview is None and _adds_overview(roadmap, expected, settings)
    if adding or (
        overview is not None and bool(differences(overview, expected, context.items_by_id))
    ):
        # A group left with no entry and no words of the user's goes, as init writes none.
        dropped = empty_groups(roadmap, overview, expected) if overview else frozenset()
        expected = [group for group in expected if group.priority not in dropped]
        try:
            edits += _overview_edits(roadmap, expected, settings, dropped)
        except Refusal as refusal:
            return FixResult(text, (), str(refusal))
        changes.append(
            f"{settings.overview_heading} {'regenerated' if overview else 'added'}"
            + _overview_notes(roadmap, expected, context.items_by_id)
            + _dropped_note(overview, dropped)
        )
    for section in roadmap.graph_sections:
        picture = expected_graph(roadmap, context.items_by_id, settings.statuses)
        if section.code != picture:
            # Before an overview appended at the same place (a graph section ending the
            # file): of two insertions at one offset, the one listed first comes first.
            edits.insert(0, _graph_edit(roadmap, section, picture, settings))
            changes.append(f"{settings.graph_heading} regenerated")
    if not edits:
        return FixResult(text, ())
    new_text = apply_edits(text, edits)
    repairs = repair_stray_lists and bool(roadmap.stray_lists)

    def up_to_date(after: Roadmap) -> bool:
        return _up_to_date(roadmap, after, settings, repair_stray_lists, adding)

    targets = Targets(generated=True, stray_lines=repairs, up_to_date=up_to_date)
    prove_edit(roadmap, new_text, targets, settings, edits)
    return FixResult(new_text, tuple(dict.fromkeys(changes)), edits=tuple(edits))


def _adds_overview(roadmap: Roadmap, expected: list[Group], settings: Settings) -> bool:
    """A missing overview is added only where one is wanted (RL402), never empty."""
    has_entries = any(group.ids for group in expected)
    return has_entries and wants_overview(roadmap, settings)


def stray_list_repair(
    text: str, path: str = "ROADMAP.md", settings: Settings | None = None
) -> FixResult:
    """The RL108 repair alone: the stray-list edits `fix` makes, through the same proof.

    Nothing changes (``refused`` says why, when there was a stray list) unless
    ``prove_edit`` accepts the edits and the result reads back with no stray list.
    """
    settings = settings or Settings()
    roadmap = parse(text, path, settings)
    if not roadmap.stray_lists:
        return FixResult(text, ())
    reached = _stray_lines_in_generated(roadmap)
    if reached:
        return FixResult(text, (), _reaches_generated(reached))
    edits, changes = _stray_list_edits(roadmap)
    new_text = apply_edits(text, edits)
    try:
        after = prove_edit(roadmap, new_text, Targets(stray_lines=True), settings, edits)
    except RoadmapError as error:
        return FixResult(text, (), str(error))
    if after.stray_lists:
        line = after.stray_lists[0].position.line
        return FixResult(text, (), f"indenting the stray lines leaves a stray list on line {line}")
    return FixResult(new_text, tuple(changes), edits=tuple(edits))


def part_passes(roadmap: Roadmap, edits: list[Edit], settings: Settings) -> bool:
    """Whether some of a regeneration's edits, applied alone (one generated section
    regenerated, the other left stale), pass the write gate."""
    return passes(roadmap, edits, Targets(generated=True), settings)


def _reaches_generated(line: int) -> str:
    return (
        f"the stray lines of the list on line {line} reach into a generated section; "
        "indent them by hand"
    )


def _overview_notes(roadmap: Roadmap, expected: list[Group], items: Mapping[str, Item]) -> str:
    """What fix says besides "regenerated": the grouping when there is no Priority Legend,
    and every entry it drops (an ID that is no item), so that none goes unsaid."""
    notes = ""
    if roadmap.priority_legend is None:
        listed = ", ".join(group.priority for group in expected)
        notes = (
            f", grouped by the priorities the items use as there is no Priority Legend: {listed}"
            if expected
            else ", empty: there is no Priority Legend and no item has a priority"
        )
    overview = roadmap.overview
    written = [entry.id for group in overview.groups for entry in group.entries] if overview else []
    dropped = [entry for entry in dict.fromkeys(written) if entry not in items]
    if dropped:
        notes += f"; dropped {', '.join(dropped)}: no such item"
    legend = roadmap.priority_legend
    if legend is not None:
        in_groups = {item_id for group in expected for item_id in group.ids}
        unlisted = [
            f"{item.id} ({item.priority})"
            for item in items.values()
            if item.priority and item.priority not in legend.values and item.id not in in_groups
        ]
        if unlisted:
            notes += f"; left out {', '.join(unlisted)}: priority not in the Priority Legend"
    return notes


def _stray_lines_in_generated(roadmap: Roadmap) -> int | None:
    """The line of a stray list whose repair would edit inside a generated section."""
    regions = [found.region for found in roadmap.overviews]
    regions += [found.region for found in roadmap.graph_sections]
    for stray in roadmap.stray_lists:
        for line, _ in stray.reindent:
            if any(region.heading.line <= line <= region.end for region in regions):
                return stray.position.line
    return None


def _stray_list_edits(roadmap: Roadmap) -> tuple[list[Edit], list[str]]:
    """Indent each stray list's lines like the document (RL108): spaces in front, no more."""
    starts = line_starts(roadmap.source)
    bom = 1 if roadmap.style.bom else 0
    edits = []
    for stray in roadmap.stray_lists:
        for line, spaces in stray.reindent:
            at = starts[line - 1] + (bom if line == 1 else 0)
            edits.append(Edit(at, at, " " * spaces))
    changes = [
        f"stray list on line {stray.position.line} indented like the document"
        for stray in roadmap.stray_lists
    ]
    return edits, changes


def _dropped_note(overview: Overview | None, dropped: frozenset[str]) -> str:
    if overview is None or not dropped:
        return ""
    labels = [group.label for group in overview.groups if group.priority in dropped]
    return f"; removed the empty group{'s' if len(labels) > 1 else ''} {', '.join(labels)}"


def _overview_edits(
    roadmap: Roadmap,
    expected: list[Group],
    settings: Settings,
    dropped: frozenset[str] = frozenset(),
) -> list[Edit]:
    """Regenerate the overview's lists in place, or append a whole overview at the end."""
    from roadmaplint.generate.render import render

    style = roadmap.style
    overview = roadmap.overview
    variables = _template_variables(roadmap)
    if overview is None:
        title = roadmap.title or ""
        if normalize_key(title) == normalize_key(settings.overview_heading):
            raise Refusal(
                f"line {roadmap.title_position.line if roadmap.title_position else 1}: the "
                f"title is named like the {settings.overview_heading}; fix will not add a second "
                "section of that name (rename the title or set overview-heading)"
            )
        body = render(
            "overview.md.j2",
            {"groups": expected, **variables},
            settings.template_dir,
            trust_packaged=True,
        )
        text = roadmap.source
        appended = _appended(text, str(variables["indent"]), settings, body.rstrip("\n") + "\n")
        return [Edit(len(text), len(text), appended.replace("\n", style.newline))]
    rendered = _rendered_groups(roadmap, expected, settings)
    if settings.template_dir is None:  # a user's template may restyle every line: plan
        request = Request(
            heading_name=settings.overview_heading, dropped=dropped, done=_done(roadmap, settings)
        )
        pattern = id_regex(settings.id_pattern)
        settled = settle(roadmap, overview, expected, rendered, pattern, request)
        if settled is not None:
            return settled
    return plan(
        roadmap,
        overview,
        expected,
        rendered,
        id_regex(settings.id_pattern),
        settings.overview_heading,
        dropped,
    )


def _template_variables(roadmap: Roadmap) -> dict[str, object]:
    """What the overview template is given besides its groups: the list style and items."""
    from roadmaplint.generate.render import template_items

    style = roadmap.style
    overview = roadmap.overview
    indent = overview.indent if overview is not None else style.indent
    bullet = (overview.bullet if overview is not None else None) or style.bullet
    if bullet not in ("-", "*", "+"):
        bullet = "-"  # fields written as an ordered list ("1." or "1)") give no bullet
    return {"indent": indent, "bullet": bullet, "items": template_items(roadmap)}


def _rendered_groups(
    roadmap: Roadmap, expected: list[Group], settings: Settings
) -> dict[str, Rendered]:
    """Each group as the template renders it alone, by priority."""
    from roadmaplint.generate.render import render

    variables = _template_variables(roadmap)
    return {
        group.priority: _split_group(
            render(
                "overview.md.j2",
                {"groups": [group], **variables},
                settings.template_dir,
                trust_packaged=True,
            )
        )
        for group in expected
    }


def regenerate_after_edit(
    before: Roadmap,
    text: str,
    settings: Settings,
    touched: Collection[str],
    renamed: Mapping[str, str] | None = None,
) -> FixResult:
    """The generated sections of an edited text, changed only where the edit reaches.

    ``text`` is ``before``'s text with an edit applied; ``touched`` are the IDs (after
    the edit) of the items it changed or added, ``renamed`` maps an old ID to its new
    one. The overview's entries of those items are put right and no other line of it
    changes: earlier staleness (RL401), a missing overview (RL402) and a stray list
    (RL108) stay for ``fix``. The Dependency Graph is regenerated only if it was up to
    date before the edit; a stale one is left for ``fix`` as well.
    """
    roadmap = parse(text, before.path, settings)
    if not roadmap.items or len(roadmap.overviews) > 1:
        return FixResult(text, ())
    context = Context(roadmap, settings)
    edits: list[Edit] = []
    changes: list[str] = []
    overview = roadmap.overview
    if overview is not None:
        expected = expected_groups(roadmap, context.items_by_id)
        # A group the edit empties goes (as fix drops it); one empty before stays for fix.
        # Only a group of nothing but the edit's entries: a stale entry left in it (an
        # item since deleted) is a line the edit does not own, and stays for fix.
        own = set(touched) | set(renamed or ())
        held = {
            group.priority
            for group in overview.groups
            if group.entries and all(entry.id in own for entry in group.entries)
        }
        dropped = empty_groups(roadmap, overview, expected) & held
        expected = [group for group in expected if group.priority not in dropped]
        request = Request(
            frozenset(touched),
            dict(renamed or {}),
            settings.overview_heading,
            dropped,
            _done(roadmap, settings),
        )
        try:
            rendered = _rendered_groups(roadmap, expected, settings)
            pattern = id_regex(settings.id_pattern)
            settled = settle(roadmap, overview, expected, rendered, pattern, request)
            if settled is None and _overview_was_up_to_date(before, settings):
                settled = _overview_edits(roadmap, expected, settings, dropped)
        except Refusal as refusal:
            return FixResult(text, (), str(refusal))
        if settled:
            edits += settled
            changes.append(f"{settings.overview_heading} entries of {', '.join(sorted(touched))}")
    graph = _graph_edits_if_current(before, roadmap, context, settings)
    if graph:
        changes.append(f"{settings.graph_heading} regenerated")
    edits[:0] = graph  # before an overview entry inserted at the same place
    if not edits:
        return FixResult(text, ())
    new_text = apply_edits(text, edits)
    prove_edit(roadmap, new_text, Targets(generated=True), settings, edits)
    return FixResult(new_text, tuple(dict.fromkeys(changes)), edits=tuple(edits))


def _overview_was_up_to_date(before: Roadmap, settings: Settings) -> bool:
    if len(before.overviews) != 1:
        return False
    items = Context(before, settings).items_by_id
    return not differences(before.overviews[0], expected_groups(before, items), items)


def _graph_edits_if_current(
    before: Roadmap, roadmap: Roadmap, context: Context, settings: Settings
) -> list[Edit]:
    """The Dependency Graph sections regenerated, each only if it read right before."""
    if not roadmap.graph_sections:
        return []
    old_picture = expected_graph(before, Context(before, settings).items_by_id, settings.statuses)
    picture = expected_graph(roadmap, context.items_by_id, settings.statuses)
    edits = []
    for old, section in zip(before.graph_sections, roadmap.graph_sections, strict=False):
        if old.code == old_picture and section.code != picture:
            edits.append(_graph_edit(roadmap, section, picture, settings))
    return edits


def _split_group(text: str) -> Rendered:
    """One group as the template renders it: its heading line, then its list (which
    starts with a newline when the template writes a blank line under the heading)."""
    lines = text.strip("\n").split("\n")
    listing = "\n".join(lines[1:]).rstrip("\n")
    return Rendered(lines[0], "\n" + listing.lstrip("\n") if listing.startswith("\n") else listing)


def _graph_edit(roadmap: Roadmap, section: GraphSection, picture: str, settings: Settings) -> Edit:
    """Replace the section's mermaid block, or add one after what the section says.

    Only the code block is generated: prose under the heading is the user's.
    """
    from roadmaplint.generate.render import render, template_items

    lines = picture.rstrip("\n").split("\n")
    variables = {"lines": lines, "items": template_items(roadmap), "indent": section.indent}
    rendered = render("graph.md.j2", variables, settings.template_dir, trust_packaged=True)
    block = rendered.rstrip("\n") + "\n"
    text = roadmap.source
    starts = line_starts(text)
    newline = roadmap.style.newline
    if section.code_line is not None and section.code_end is not None:
        start, end = starts[section.code_line - 1], starts[section.code_end]
        if end == len(text) and not roadmap.style.final_newline:
            block = block[:-1]
        return Edit(start, end, block.replace("\n", newline))
    heading_end = next(
        (block.end_line for block in roadmap.blocks if block.line == section.region.heading.line),
        section.region.heading.line,
    )
    at = starts[max(section.region.body_end, heading_end)]
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


def _up_to_date(
    before: Roadmap,
    after: Roadmap,
    settings: Settings,
    repaired_stray_lists: bool,
    added_overview: bool,
) -> bool:
    """What fix promises besides the proof: its result has up-to-date generated sections
    (and no stray list, when it repaired them); an overview it added reads back as one."""
    context = Context(after, settings)
    items = context.items_by_id
    # The graph is drawn only to compare it with a graph section (a tenth of fix at 10k).
    picture = expected_graph(after, items, settings.statuses) if after.graph_sections else None
    # A document with no overview keeps none when fix adds none (nothing has a priority
    # to list, or no overview is wanted): the graph is still regenerated. An overview fix
    # appended must read back as one (a stray list above could swallow it).
    overview_kept_out = not after.overviews and not before.overviews and not added_overview
    return not (
        (repaired_stray_lists and after.stray_lists)
        or (
            not overview_kept_out
            and (
                len(after.overviews) != 1
                or differences(after.overviews[0], expected_groups(after, items), items)
            )
        )
        or len(after.graph_sections) != len(before.graph_sections)
        or any(section.code != picture for section in after.graph_sections)
    )


def _done(roadmap: Roadmap, settings: Settings) -> frozenset[str]:
    """The IDs of the items that are done: an overview written as boxes ticks them."""
    return frozenset(item.id for item in roadmap.items if settings.statuses.is_done(item.status))
