"""Reading a version by reusing a neighbouring version's tokens gives exactly a full parse."""

from __future__ import annotations

import sys

import pytest
from conftest import GOMLX, REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import edits, roadmaps

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Roadmap
from roadmaplint.reader import Neighbour, parse, parse_reusing
from roadmaplint.reader.pair import parse_two
from roadmaplint.settings import Settings

sys.path.insert(0, str(REPO / "bench"))
from generate import generate

SETTINGS = Settings()


def documents() -> st.SearchStrategy[str]:
    fixed = [GOMLX.read_text(encoding="utf-8"), generate(12, seed=4)]
    return st.one_of(st.sampled_from(fixed), roadmaps())


@st.composite
def line_edits(draw: st.DrawFn, text: str) -> str:
    """What a commit does to whole lines: drop some, move some, copy some."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    start = draw(st.integers(0, len(lines) - 1))
    end = draw(st.integers(start, min(len(lines), start + 12)))
    taken = lines[start:end]
    rest = lines[:start] + lines[end:]
    action = draw(st.sampled_from(["drop", "move", "copy"]))
    if action == "drop":
        return "".join(rest)
    if action == "copy":
        rest = lines
    at = draw(st.integers(0, len(rest)))
    return "".join(rest[:at] + taken + rest[at:])


@st.composite
def versions(draw: st.DrawFn) -> list[str]:
    """A document and a few later versions of it, each some edits away from the one before."""
    text = draw(documents())
    found = [text]
    for _ in range(draw(st.integers(1, 3))):
        for _ in range(draw(st.integers(1, 4))):
            if draw(st.booleans()):
                start, end, piece = draw(edits(text))
                text = text[:start] + piece + text[end:]
            else:
                text = draw(line_edits(text))
        found.append(text)
    return found


def _full(text: str) -> Roadmap | str:
    try:
        return parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError as error:
        return str(error)


def _reusing(text: str, source: Neighbour | None) -> tuple[Roadmap | str, Neighbour | None]:
    try:
        return parse_reusing(text, "ROADMAP.md", SETTINGS, source)
    except RoadmapError as error:
        return str(error), None


@settings(max_examples=120, deadline=None)
@given(versions())
def test_each_version_read_from_its_neighbour_equals_a_full_parse(texts: list[str]) -> None:
    # Oldest to newest (as history reads them), then newest to oldest (as diff does).
    for order in (texts, texts[::-1]):
        source: Neighbour | None = None
        for text in order:
            found, source = _reusing(text, source)
            assert found == _full(text)


@settings(max_examples=40, deadline=None)
@given(documents(), documents())
def test_an_unrelated_neighbour_changes_nothing(first: str, second: str) -> None:
    _, source = parse_reusing(first, "ROADMAP.md", SETTINGS, None)
    assert parse_reusing(second, "ROADMAP.md", SETTINGS, source)[0] == _full(second)


def _status_changed(text: str, every: int) -> str:
    lines = text.splitlines(keepends=True)
    seen = 0
    for number, line in enumerate(lines):
        if "**Status:**" in line:
            seen += 1
            if seen % every == 0:
                lines[number] = line.replace("**Status:**", "**Status:** `blocked` was", 1)
    return "".join(lines)


def test_the_lines_two_versions_share_are_not_tokenized_again() -> None:
    new = generate(300, seed=5)
    old = _status_changed(new, 25)  # 12 of 300 items differ
    newer, source = parse_reusing(new, "ROADMAP.md", SETTINGS, None)
    theirs = {id(token) for token in source.tokens}
    older, reading = parse_reusing(old, "ROADMAP.md", SETTINGS, source)
    assert older == parse(old, "ROADMAP.md", SETTINGS)
    assert newer == parse(new, "ROADMAP.md", SETTINGS)
    reused = sum(id(token) in theirs for token in reading.tokens)
    # Each changed item is read again with the item before it at most.
    assert 0.9 * len(reading.tokens) < reused < len(reading.tokens)
    with pytest.raises(AssertionError, match="read once"):
        parse_reusing(old, "ROADMAP.md", SETTINGS, source)


STRUCTURAL = (
    "```\n",  # an unclosed fence takes in every heading after it
    "<!-- never closed\n",
    "- a list at column 1\n",  # a stray list swallows the indented headings (RL108)
    "[doc]: https://example.com/elsewhere\n",  # link definitions reach every item
    "    ",  # the heading becomes code
    "Setext text\n",  # a paragraph the next line's ``---`` would underline
)


@pytest.mark.parametrize("piece", STRUCTURAL)
def test_edits_that_change_what_follows_read_as_a_full_parse(piece: str) -> None:
    text = GOMLX.read_text(encoding="utf-8")
    heading = text.index("  ## [MODEL-3]")
    for at in (heading, text.index("\n", heading) + 1, text.index("  ---", heading)):
        edited = text[:at] + piece + text[at:]
        for old, new in ((edited, text), (text, edited)):
            older, newer = parse_two((old, "ROADMAP.md", SETTINGS), (new, "ROADMAP.md", SETTINGS))
            assert older == parse(old, "ROADMAP.md", SETTINGS), (piece, at)
            assert newer == parse(new, "ROADMAP.md", SETTINGS)


def test_an_item_is_read_again_when_a_link_definition_it_uses_comes_or_goes() -> None:
    text = GOMLX.read_text(encoding="utf-8")
    text = text.replace("- **DRI:** _unassigned_", "- **DRI:** [Jan][who]", 1)
    defined = text + "\n[who]: https://github.com/janpfeifer\n"
    for old, new in ((text, defined), (defined, text)):
        older, newer = parse_two((old, "ROADMAP.md", SETTINGS), (new, "ROADMAP.md", SETTINGS))
        assert older == parse(old, "ROADMAP.md", SETTINGS)
        assert {item.dri for item in older.items} != {item.dri for item in newer.items}


def test_an_item_is_read_again_under_other_settings() -> None:
    text = GOMLX.read_text(encoding="utf-8").replace("**Status:**", "**Phase:**")
    aliased = Settings(field_aliases=(("Phase", "Status"),))
    _, source = parse_reusing(text, "ROADMAP.md", SETTINGS, None)
    older, _ = parse_reusing(text, "ROADMAP.md", aliased, source)
    assert older == parse(text, "ROADMAP.md", aliased)
    assert any(item.status for item in older.items)


def test_items_are_read_again_around_a_stray_list() -> None:
    # A list at column 1 swallows the indented items after it (RL108); the reader
    # reads them from the text repaired, whose tokens are not the ones reused.
    text = generate(12, seed=4)
    at = text.index("  ## [MODEL-2]")
    stray = text[:at] + "## Notes\n\n- a stray note\n- another\n\n" + text[at:]
    for old, new in (
        (stray, _status_changed(stray, 3)),
        (_status_changed(stray, 3), stray),
        (stray, text),
        (text, stray),
    ):
        older, newer = parse_two((old, "ROADMAP.md", SETTINGS), (new, "ROADMAP.md", SETTINGS))
        assert older == parse(old, "ROADMAP.md", SETTINGS)
        assert newer == parse(new, "ROADMAP.md", SETTINGS)
    assert parse(stray, "ROADMAP.md", SETTINGS).stray_lists
