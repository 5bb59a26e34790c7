"""Rules about links inside the document (RL111)."""

from __future__ import annotations

from collections.abc import Iterator

from roadmaplint.findings import Severity
from roadmaplint.index import Context
from roadmaplint.model import Position
from roadmaplint.reader.anchors import anchor_links, document_anchors, leads_nowhere
from roadmaplint.rules.base import Report, Rule
from roadmaplint.text import split_lines

# Anchors compared in all to find the nearest for dead links: each comparison reads both
# words, so thousands of dead links to thousands of headings took minutes; past this, a
# dead link is reported without the nearest anchor (no plan written by hand comes near).
_HINT_BUDGET = 100_000


def dead_anchor_links(context: Context) -> Iterator[Report]:
    roadmap = context.roadmap
    if "#" not in roadmap.source:
        return
    lines = split_lines(roadmap.source)  # once, for the links and the anchors both
    links = list(anchor_links(roadmap, lines))
    if not links:
        return
    anchors = document_anchors(roadmap, lines)
    pool: list[str] | None = None
    hints: dict[str, str] = {}
    for link in links:
        if not leads_nowhere(link.anchor, anchors):
            continue
        wanted = link.anchor.lower()
        if pool is None:
            pool = sorted(anchors - {"", "top"})
        if wanted not in hints and len(hints) * len(pool) <= _HINT_BUDGET:
            from difflib import get_close_matches  # only for a link that leads nowhere

            near = get_close_matches(wanted, pool, 1, 0.6)
            hints[wanted] = f'; the nearest heading anchor is "#{near[0]}"' if near else ""
        hint = hints.get(wanted, "")
        yield Report(
            Position(link.line, link.column),
            f'the link to "#{link.anchor}" leads to no heading of this document{hint}',
        )


RULES = (
    Rule(
        code="RL111",
        name="dead-anchor-link",
        severity=Severity.WARNING,
        summary="A link to `#anchor` names no heading of the document.",
        why="A heading renamed by hand, or a typo, leaves every link to its old anchor "
        "leading nowhere: on GitHub the reader clicks and stays where they are. Anchors are "
        "spelled as GitHub spells them (the heading's text, lower-cased, without "
        "punctuation, each space a hyphen, `-1` for the second of one text); a heading in "
        "a list or a quote, an HTML `id` or `name`, and `#top` count too. `rename` keeps "
        "the links to the item it renames working.",
        bad="# Roadmap\n\nSee [the parser](#a-1-parser).\n\n## [A-1] Parsing\n",
        good="# Roadmap\n\nSee [the parser](#a-1-parsing).\n\n## [A-1] Parsing\n",
        check=dead_anchor_links,
        reads=frozenset({"anchors"}),
    ),
)
