"""Properties over thousands of random roadmaps (HYPOTHESIS_PROFILE=long for more)."""

from __future__ import annotations

import json

from hypothesis import given
from strategies import roadmaps

from roadmaplint.engine import check_text
from roadmaplint.errors import RoadmapError
from roadmaplint.export import items_from_document, to_document
from roadmaplint.fix import fix_text, item_meaning
from roadmaplint.parse import parse


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


@given(roadmaps())
def test_fix_changes_nothing_outside_the_overview_and_keeps_the_records(text: str) -> None:
    fixed = fixed_or_refused(text)
    if fixed is None:
        return
    before, after = parse(text), parse(fixed)
    assert item_meaning(after) == item_meaning(before)
    overview = before.overview
    if overview is None:
        assert fixed.startswith(text)  # appended at the end
    else:
        from roadmaplint.splice import line_starts

        start = line_starts(text)[overview.region.heading.line]
        assert fixed[:start] == text[:start]
        tail = len(text) - line_starts(text)[overview.region.end]
        assert fixed[len(fixed) - tail :] == text[len(text) - tail :]


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
