"""`fix`'s result as the editor offers it: line-level edits, and one proven part per section.

An editor's "Regenerate the Priority Overview" and "Regenerate the Dependency
Graph" each apply only part of what ``fix_text`` proved as a whole: a part is
offered only when, applied alone, it passes the write gate.
"""

from __future__ import annotations

from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import FixResult, fix_text, part_passes
from roadmaplint.model import Roadmap
from roadmaplint.settings import Settings
from roadmaplint.text import Edit, apply_edits, hunks, line_starts

OVERVIEW = "overview"
GRAPH = "graph"


def fixed(roadmap: Roadmap, settings: Settings, stray_lists: bool = True) -> FixResult | None:
    """What `roadmaplint fix` makes of the text (None when it refuses or changes nothing);
    without the stray-list repair (RL108, an action of its own) unless ``stray_lists``."""
    try:
        result = fix_text(roadmap.source, roadmap.path, settings, repair_stray_lists=stray_lists)
    except RoadmapError:
        return None
    if result.refused or not result.changed:
        return None
    return result


def fix_hunks(roadmap: Roadmap, settings: Settings) -> list[Edit]:
    """The edits `roadmaplint fix` makes, line by line (none when fix refuses)."""
    result = fixed(roadmap, settings)
    return _edits(hunks(roadmap.source, result.text)) if result is not None else []


def regenerations(roadmap: Roadmap, settings: Settings, wanted: set[str]) -> dict[str, list[Edit]]:
    """The line-level edits that regenerate each ``wanted`` section (``OVERVIEW``,
    ``GRAPH``) as `fix` does, leaving the stray lists alone; a section whose edits,
    when both sections change, do not pass the write gate alone is left out."""
    result = fixed(roadmap, settings, stray_lists=False) if wanted else None
    if result is None:
        return {}
    parts = _by_section(roadmap, _edits(hunks(roadmap.source, result.text)))
    # fix's own edits, by section: each replaces whole generated blocks, as the write
    # gate wants them (it refuses an edit that leaves the first lines of a list it
    # changes standing, as a line-level hunk does).
    proven = _by_section(roadmap, list(result.edits))
    both = all(parts.values())  # then each part is only a part of what fix proved
    return {
        part: edits
        for part, edits in parts.items()
        if part in wanted
        and edits
        and (not both or _part_passes(roadmap, settings, edits, proven[part]))
    }


def _edits(found: list[tuple[int, int, str]]) -> list[Edit]:
    return [Edit(*edit) for edit in found]


def _part_passes(
    roadmap: Roadmap, settings: Settings, edits: list[Edit], proven: list[Edit]
) -> bool:
    """Whether ``edits`` (a section's hunks) make the text fix's edits of that section,
    ``proven``, make, and those pass the write gate alone."""
    text = roadmap.source
    if not proven or apply_edits(text, edits) != apply_edits(text, proven):
        return False
    return part_passes(roadmap, proven, settings)


def _by_section(roadmap: Roadmap, edits: list[Edit]) -> dict[str, list[Edit]]:
    starts = line_starts(roadmap.source)

    def offset(line: int) -> int:
        line = min(max(line, 1), len(starts) - 1) if len(starts) > 1 else 1
        bom = line == 1 and roadmap.source.startswith("\ufeff")
        return starts[line - 1] + bom

    graph_spans = [
        (offset(found.region.heading.line), offset(found.region.end + 1))
        for found in roadmap.graph_sections
    ]
    parts: dict[str, list[Edit]] = {OVERVIEW: [], GRAPH: []}
    for edit in edits:
        in_graph = any(start <= edit.start <= end for start, end in graph_spans)
        parts[GRAPH if in_graph else OVERVIEW].append(edit)
    return parts
