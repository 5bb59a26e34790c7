"""Rules about the generated sections: the Priority Overview (RL401-RL403) and the
Dependency Graph (RL404, RL405)."""

from __future__ import annotations

from collections.abc import Iterator

from roadmaplint.findings import Cited, Line, Severity, said
from roadmaplint.generate.overview import differences, expected_groups, missing_line
from roadmaplint.index import Context
from roadmaplint.model import Position
from roadmaplint.reader.quiet import wants_overview
from roadmaplint.rules.base import Report, Rule


def stale_overview(context: Context) -> Iterator[Report]:
    overview = context.roadmap.overview
    if overview is None:
        return
    expected = expected_groups(context.roadmap, context.items_by_id)
    for difference in differences(overview, expected, context.items_by_id):
        yield Report(
            Position(difference.line, len(overview.indent) + 1),
            f"Priority Overview is out of date: {difference.message}",
            difference.item,
            None if difference.fixable else False,
            _after(len("Priority Overview is out of date: "), difference.cited),
        )


def _after(shift: int, cited: tuple[Cited, ...]) -> tuple[Cited, ...]:
    """``cited`` of a message put after ``shift`` characters of another."""
    return tuple(Cited(at.start + shift, at.end + shift, at.line, at.lead) for at in cited)


def missing_overview(context: Context) -> Iterator[Report]:
    if not wants_overview(context.roadmap, context.settings):
        return
    if not context.roadmap.overviews:
        if not any(group.ids for group in expected_groups(context.roadmap, context.items_by_id)):
            return  # nothing to list: fix adds no empty overview, so none is missing
        heading = context.settings.overview_heading
        yield Report(
            Position(missing_line(context.roadmap), 1),
            f'the "# {heading}" section is missing; roadmaplint fix appends it',
        )


def repeated_overviews(context: Context) -> Iterator[Report]:
    overviews = context.roadmap.overviews
    for extra in overviews[1:]:
        message, cited = said(
            f"a second {context.settings.overview_heading} section (the first is ",
            Line(overviews[0].region.heading.line, "on "),
            "); remove one, fix will not guess which",
        )
        yield Report(extra.region.heading, message, cited=cited)


def stale_graph(context: Context) -> Iterator[Report]:
    if not context.roadmap.graph_sections:
        return
    from roadmaplint.generate.graph_picture import expected_graph, what_changed, without_colours

    picture = expected_graph(context.roadmap, context.items_by_id, context.settings.statuses)
    heading = context.settings.graph_heading
    for section in context.roadmap.graph_sections:
        if section.code is None:
            yield Report(
                section.region.heading,
                f"the {heading} section has no mermaid block; roadmaplint fix writes it",
            )
        elif without_colours(section.code) != without_colours(picture):
            line = section.code_line or section.region.heading.line
            kinds = what_changed(section.code, picture) or ["dependencies"]
            what = " and ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds)
            yield Report(
                Position(line, len(section.indent) + 1),
                f"the {heading} is out of date with the items' {what}; "
                "roadmaplint fix regenerates it",
            )


def stale_graph_colours(context: Context) -> Iterator[Report]:
    """The status colours alone: a status changed, no dependency did (a warning, as the
    picture still says what waits for what)."""
    if not context.roadmap.graph_sections:
        return
    from roadmaplint.generate.graph_picture import expected_graph, recoloured, without_colours

    picture = expected_graph(context.roadmap, context.items_by_id, context.settings.statuses)
    heading = context.settings.graph_heading
    for section in context.roadmap.graph_sections:
        code = section.code
        if code is None or code == picture or without_colours(code) != without_colours(picture):
            continue
        changed = recoloured(code, picture)
        said = [
            f"{name} is {after or 'uncoloured'} (coloured {before or 'none'})"
            for name, before, after in changed[:3]
        ]
        if len(changed) > 3:
            said.append(f"{len(changed) - 3} more")
        what = f": {', '.join(said)}" if said else ""
        yield Report(
            Position(section.code_line or section.region.heading.line, len(section.indent) + 1),
            f"the {heading}'s status colours are out of date{what}; "
            "the dependencies are right; roadmaplint fix recolours it",
        )


RULES = (
    Rule(
        code="RL401",
        name="stale-overview",
        severity=Severity.ERROR,
        fixable=True,
        summary="The Priority Overview does not list the items by their priorities.",
        why="The overview is derived data: it is what most readers look at, and it drifts "
        "as soon as an item is added or re-prioritised by hand. `roadmaplint fix` "
        "regenerates it.",
        bad="## [GRAPH-1] Static Shapes\n- **Priority:** P1\n\n"
        "## [GRAPH-2] Data-Dependent Shapes\n- **Priority:** P1\n\n# Priority Overview\n\n"
        "## P1 (Important)\n\n- GRAPH-1\n",
        good="## [GRAPH-1] Static Shapes\n- **Priority:** P1\n\n"
        "## [GRAPH-2] Data-Dependent Shapes\n- **Priority:** P1\n\n# Priority Overview\n\n"
        "## P1 (Important)\n\n- GRAPH-1\n- GRAPH-2\n",
        check=stale_overview,
        reads=frozenset({"id", "priority"}),
    ),
    Rule(
        code="RL402",
        name="missing-overview",
        severity=Severity.ERROR,
        fixable=True,
        summary="The Priority Overview section is missing.",
        why="Readers expect the roadmap to say what matters most; `roadmaplint fix` appends "
        "the overview at the end of the file. Reported (and appended) only for a document in "
        "roadmaplint's format (one with a Status or Priority Legend), or when the "
        "configuration sets `overview-heading` or names RL402 in `select`; never empty.",
        bad="## [MAINT-1] Cleanup\n- **Priority:** P2\n",
        good="## [MAINT-1] Cleanup\n- **Priority:** P2\n\n---\n\n# Priority Overview\n\n"
        "## P2\n\n- MAINT-1\n",
        check=missing_overview,
        reads=frozenset({"id", "priority"}),
    ),
    Rule(
        code="RL403",
        name="repeated-overview",
        severity=Severity.ERROR,
        summary="There is more than one Priority Overview section.",
        why="With two overviews, readers cannot know which one is current, and `fix` "
        "refuses to guess which one to regenerate.",
        bad="## [MODEL-1] Import\n- **Priority:** P0\n\n# Priority Overview\n\n## P0\n\n"
        "- MODEL-1\n\n# Priority Overview\n\n## P0\n\n- MODEL-1\n",
        good="## [MODEL-1] Import\n- **Priority:** P0\n\n# Priority Overview\n\n## P0\n\n"
        "- MODEL-1\n",
        check=repeated_overviews,
    ),
    Rule(
        code="RL404",
        name="stale-dependency-graph",
        severity=Severity.ERROR,
        fixable=True,
        summary="The generated Dependency Graph section does not match the items.",
        why="When a roadmap has a `# Dependency Graph` section, roadmaplint keeps a mermaid "
        "picture of the dependencies in it, which GitHub renders. Like the overview, it "
        "is derived data that drifts when items change.",
        bad="## [MODEL-1] Import\n\n## [MODEL-2] Example\n- **Depends on:** MODEL-1\n\n"
        "# Dependency Graph\n\n```mermaid\nflowchart LR\n```\n",
        good="## [MODEL-1] Import\n\n## [MODEL-2] Example\n- **Depends on:** MODEL-1\n\n"
        "# Dependency Graph\n\n"
        "```mermaid\nflowchart LR\n  ...\n  MODEL_1 --> MODEL_2\n```\n",
        check=stale_graph,
        reads=frozenset({"id", "title", "status", "depends_on", "external_deps", "section"}),
    ),
    Rule(
        code="RL405",
        name="stale-graph-colours",
        severity=Severity.WARNING,
        fixable=True,
        summary="The Dependency Graph's status colours do not match the items' statuses.",
        why="The generated graph colours each item by its status (done, in progress, "
        "blocked, ready, idea). A status changed by hand leaves the dependencies right and "
        "only the colours wrong, so this is a warning apart from RL404; `roadmaplint fix` "
        "recolours the picture.",
        bad="## [MODEL-1] Example\n- **Status:** done\n\n# Dependency Graph\n\n"
        '```mermaid\nflowchart LR\n  subgraph s0["Roadmap"]\n    MODEL_1["MODEL-1: Example"]\n'
        "  end\n  classDef ready fill:#d0ebff,stroke:#1864ab\n  class MODEL_1 ready\n```\n",
        good="## [MODEL-1] Example\n- **Status:** done\n\n# Dependency Graph\n\n"
        '```mermaid\nflowchart LR\n  subgraph s0["Roadmap"]\n    MODEL_1["MODEL-1: Example"]\n'
        "  end\n  classDef done fill:#d3f9d8,stroke:#2b8a3e\n  class MODEL_1 done\n```\n",
        check=stale_graph_colours,
        # the whole picture: colours are compared only where the rest of it is right
        reads=frozenset({"id", "title", "status", "depends_on", "external_deps", "section"}),
    ),
)
