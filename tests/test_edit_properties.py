"""Properties of set, new and rename over random roadmaps: each either refuses in one line
or changes only the lines of the items it targets (issue 9, the total proof)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from strategies import roadmaps

from roadmaplint.additem import NewItem, new_item
from roadmaplint.edit import FieldChange, ItemEdit, edit_item
from roadmaplint.errors import RoadmapError
from roadmaplint.parse import parse, split_lines
from roadmaplint.rename import rename_text
from roadmaplint.settings import Settings

SETTINGS = Settings()


def outside(text: str, first: int, last: int) -> tuple[list[str], list[str]]:
    """The lines above line ``first`` and below line ``last`` (1-based)."""
    lines = split_lines(text)
    return lines[: first - 1], lines[last:]


def refused_in_one_line(error: RoadmapError) -> None:
    assert "\n" not in str(error) and str(error)


@given(roadmaps(), st.integers(0, 20), st.sampled_from(["done", "ready", "idea"]))
def test_set_changes_only_its_items_lines(text: str, pick: int, status: str) -> None:
    try:
        before = parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError:
        return
    if not before.items:
        return
    item = before.items[pick % len(before.items)]
    edit = ItemEdit(fields=(FieldChange("Status", status),), add_deps=("Go 1.26",), tick=("1",))
    try:
        edited = edit_item(before, item.id, edit, SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
        return
    head, tail = outside(text, item.position.line, item.end_line)
    lines = split_lines(edited)
    assert lines[: len(head)] == head
    assert not tail or lines[-len(tail) :] == tail


@given(roadmaps(), st.integers(0, 2))
def test_new_adds_one_item_and_changes_no_line(text: str, section: int) -> None:
    try:
        before = parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError:
        return
    request = NewItem(f"Section {section}", "Added", done=("It works",))
    try:
        edited, item_id = new_item(before, request, SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
        return
    after = parse(edited, "ROADMAP.md", SETTINGS)
    assert [item.id for item in after.items].count(item_id) == 1
    # Every old line is still there, in order: the new item is only inserted (a last
    # line without a line ending may gain one).
    new_lines = [line.rstrip("\r\n") for line in split_lines(edited)]
    position = 0
    for line in split_lines(text):
        stripped = line.rstrip("\r\n")
        while position < len(new_lines) and new_lines[position] != stripped:
            position += 1
        assert position < len(new_lines), f"line {line!r} was lost"
        position += 1


@given(roadmaps(), st.integers(0, 20))
def test_rename_reads_back_as_the_renamed_roadmap(text: str, pick: int) -> None:
    try:
        before = parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError:
        return
    if not before.items:
        return
    old = before.items[pick % len(before.items)].id
    try:
        renamed = rename_text(before, old, "RENAMED-1", SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
        return
    after = parse(renamed, "ROADMAP.md", SETTINGS)
    assert [item.id for item in after.items] == [
        "RENAMED-1" if item.id == old else item.id for item in before.items
    ]
    for was, now in zip(before.items, after.items, strict=True):
        expected = ["RENAMED-1" if ref == old else ref for ref in was.depends_on]
        assert list(now.depends_on) == expected
