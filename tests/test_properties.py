"""Properties over thousands of random roadmaps (HYPOTHESIS_PROFILE=long for more)."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st
from oracle import fix_kept_every_block
from strategies import roadmaps

from roadmaplint.database.export import items_from_document, to_document
from roadmaplint.edit.base import FieldChange, NewItem
from roadmaplint.edit.item import set_fields
from roadmaplint.edit.new import new_item
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.blocks import repaired
from roadmaplint.record import replace
from roadmaplint.rules.engine import check_text
from roadmaplint.settings import Settings
from roadmaplint.text import split_lines
from roadmaplint.write.proof import Targets, meaning, prove_edit


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
    from roadmaplint.text import line_starts

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
    # the gate's own statement of what fix must keep: everything but the generated sections
    kept = Targets(generated=True)
    assert meaning(after, kept) == meaning(before, kept)
    assert after.stray_lists == ()
    if before.stray_lists:  # the stray lines are indented like the document, no more
        text = repaired_view(text, before)
    # Text appended after a last line that had no line ending gives it one.
    newline = "\r\n" if "\r\n" in text else "\n"
    ending = "" if text.endswith(("\n", "\r")) else newline
    old, new = outside_generated(text + ending), outside_generated(fixed + ending)
    if before.overview is not None or after.overview is None:
        assert new == old  # regenerated in place, or (no legends, nothing asked) none added
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


@given(roadmaps())
def test_fix_keeps_every_block_it_does_not_generate(text: str) -> None:
    try:
        result = fix_text(text)
    except RoadmapError as error:
        assert "\n" not in str(error)
        return
    if result.refused:
        assert "\n" not in result.refused
        return
    assert fix_kept_every_block(parse(text), parse(result.text))


# One ID written many times, the last below the graph under a setext heading naming it
# again: the full parse reads the setext line as restating the first MODEL-1, the rest
# read alone as restating the last; and a dependency named by a title above the split.
@example(
    "# Roadmap x\n\n---\n\n# Section 0\n\n"
    + "## [MODEL-1] 0\n\n" * 5
    + "## [MODEL-2] 0\n\n# Dependency Graph\n\n---\n\n# Section 1\n\n"
    "## [MODEL-1] 0\n\nMODEL-1 — 0\n-----------\n"
)
@example(
    "# Roadmap x\n\n---\n\n# Section 0\n\n## [MODEL-1] Login page\n\n- **Status:** ready\n\n"
    "# Dependency Graph\n\n---\n\n# Section 1\n\n## [MODEL-2] Other\n\n"
    "- **Status:** ready\n- **Depends on:** Login page\n"
)
@given(roadmaps())
def test_the_proof_reads_what_a_full_parse_reads(text: str) -> None:
    try:
        result = fix_text(text)
    except RoadmapError:
        return
    if not result.changed:
        return
    fixed = result.text
    before = parse(text)
    targets = Targets(generated=True, stray_lines=bool(before.stray_lists))  # as fix asks
    shortcut = prove_edit(before, fixed, targets, Settings(), result.edits)
    full = parse(fixed)
    # The most common field bullet is counted over the whole file; the rest is the same.
    assert replace(shortcut, style=full.style) == full
    assert replace(shortcut.style, bullet=full.style.bullet) == full.style


def _outside(roadmap: Roadmap, item_id: str, added: bool = False) -> list[tuple[str, str]]:
    """The document's blocks, less those of the first item with this ID (and, for an item
    ``new`` added, the ``---`` it writes after the item when its section has them)."""
    item = next(item for item in roadmap.items if item.id == item_id)
    lines = split_lines(roadmap.source)
    after = [block for block in roadmap.blocks if block.line > item.end_line][:1]
    rule = after[0].line if added and after and after[0].kind == "hr" else 0
    return [
        (block.kind, "".join(lines[block.line - 1 : block.end_line]).rstrip("\r\n"))
        for block in roadmap.blocks
        if not item.position.line <= block.line <= item.end_line and block.line != rule
    ]


@given(roadmaps(), st.data())
def test_set_and_new_keep_every_block_they_do_not_target(text: str, data: st.DataObject) -> None:
    try:
        before = parse(text)
    except RoadmapError:
        return
    settings = Settings()
    if before.items:
        target = data.draw(st.sampled_from(before.items))
        value = data.draw(st.sampled_from(["done", "ready", "P0", "@ana", "MODEL-1, Go 1.26"]))
        name = data.draw(st.sampled_from(["Status", "Priority", "DRI", "Depends on", "Area"]))
        try:
            edited = set_fields(before, target.id, [FieldChange(name, value)], settings)
        except RoadmapError as error:
            assert "\n" not in str(error)
        else:
            after = parse(edited)
            assert _outside(after, target.id) == _outside(before, target.id)
    if before.sections:
        section = data.draw(st.sampled_from(before.sections))
        try:
            edited, new_id = new_item(before, NewItem(section.name, "A new thing"), settings)
        except RoadmapError as error:
            assert "\n" not in str(error)
        else:
            after = parse(edited)
            kept = kept_blocks_all(before)
            assert _outside(after, new_id) == kept or _outside(after, new_id, True) == kept


def kept_blocks_all(roadmap: Roadmap) -> list[tuple[str, str]]:
    lines = split_lines(roadmap.source)
    return [
        (block.kind, "".join(lines[block.line - 1 : block.end_line]).rstrip("\r\n"))
        for block in roadmap.blocks
    ]


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
