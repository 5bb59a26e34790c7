"""Properties over thousands of random roadmaps (HYPOTHESIS_PROFILE=long for more)."""

from __future__ import annotations

import json

from hypothesis import example, given
from strategies import roadmaps

from roadmaplint.engine import check_text
from roadmaplint.errors import RoadmapError
from roadmaplint.export import items_from_document, to_document
from roadmaplint.fix import fix_text, item_meaning, structure_meaning
from roadmaplint.model import Roadmap
from roadmaplint.parse import parse, split_lines
from roadmaplint.reader.blocks import repaired


def fixed_or_refused(text: str) -> str | None:
    """The fixed text, or None when the file is refused with a clear error."""
    try:
        result = fix_text(text)
    except RoadmapError:
        return None
    return None if result.refused else result.text


@given(roadmaps())
def test_check_never_raises_anything_but_a_clear_error(text: str) -> None:
    try:
        findings = check_text(text)
    except RoadmapError as error:
        assert "\n" not in str(error)
        return
    assert findings == sorted(findings)


@given(roadmaps())
def test_fix_is_idempotent(text: str) -> None:
    fixed = fixed_or_refused(text)
    if fixed is not None:
        assert fix_text(fixed).text == fixed


def repaired_view(text: str, roadmap: Roadmap) -> str:
    """The text with every stray line indented as fix indents it."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = split_lines(text[len(bom) :])
    return bom + repaired(lines, list(roadmap.stray_lists))


def outside_generated(text: str) -> list[str]:
    """The text cut at the generated sections' bodies (their heading lines stay)."""
    from roadmaplint.splice import line_starts

    roadmap = parse(text)
    starts = line_starts(text)
    regions = [found.region for found in roadmap.overviews]
    regions += [found.region for found in roadmap.graph_sections]
    pieces, position = [], 0
    for region in sorted(regions, key=lambda region: region.heading.line):
        pieces.append(text[position : starts[region.heading.line]])
        position = starts[region.end]
    pieces.append(text[position:])
    return pieces


# Found by the long profile: a title named like a generated section was taken for one.
@example("# DEPENDENCY GRAPH\n\n---\n\n# Section 0\n\n")
@example(
    "# Dependency Graph\n\n---\n\n# Section 0\n\n## [MODEL-1] 0\n\n---\n\n# Section 1\n\n"
    "# Priority Overview\n\n## P0\n\n## P1\n\n## P2\n"
)
@given(roadmaps())
def test_fix_changes_nothing_outside_generated_sections_and_keeps_the_records(text: str) -> None:
    fixed = fixed_or_refused(text)
    if fixed is None:
        return
    before, after = parse(text), parse(fixed)
    assert item_meaning(after) == item_meaning(before)
    assert structure_meaning(after) == structure_meaning(before)
    assert after.stray_lists == ()
    if before.stray_lists:  # the stray lines are indented like the document, no more
        text = repaired_view(text, before)
    old, new = outside_generated(text), outside_generated(fixed)
    if before.overview is not None:
        assert new == old
    else:  # appended at the end: the last piece grows by the new heading, a new one follows
        assert new[:-2] == old[:-1]
        assert new[-2].startswith(old[-1])
        assert new[-1] == ""


@given(roadmaps())
def test_after_fix_the_overview_is_never_reported(text: str) -> None:
    fixed = fixed_or_refused(text)
    if fixed is not None:
        codes = {finding.code for finding in check_text(fixed)}
        assert not codes & {"RL401", "RL402"}


@given(roadmaps())
def test_records_survive_a_round_trip_through_export(text: str) -> None:
    try:
        roadmap = parse(text)
    except RoadmapError:
        return
    document = json.loads(json.dumps(to_document(roadmap, {})))
    assert items_from_document(document) == roadmap.items


def _findings_or_error(text: str) -> object:
    try:
        return [(f.line, f.code, f.item, f.message) for f in check_text(text)]
    except RoadmapError as error:
        return str(error)


@given(roadmaps())
def test_line_endings_and_a_bom_give_identical_findings(text: str) -> None:
    plain = text.lstrip("\ufeff").replace("\r\n", "\n")
    expected = _findings_or_error(plain)
    assert _findings_or_error(plain.replace("\n", "\r\n")) == expected
    assert _findings_or_error("\ufeff" + plain) == expected
