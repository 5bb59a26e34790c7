"""Properties of set, new and rename over random roadmaps: each either refuses in one line
or changes only the lines of the items it targets (issue 9, the total proof)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from strategies import roadmaps

from roadmaplint.edit.base import FieldChange, ItemEdit, NewItem, document_reader
from roadmaplint.edit.item import edit_item
from roadmaplint.edit.new import new_item
from roadmaplint.edit.rename import rename_text
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from roadmaplint.text import split_lines

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


# Issue 18, class C: over every field style the reader accepts (roadmaps(rich=True):
# any marker, ordered lists, paragraphs of fields ended by hard breaks, bold inside or
# outside the colon, aliases, inline markup and links with commas in values, boxes
# whose text is on the next line, headings in every form at levels 2-4), every value
# written reads back as given, and every line the command did not name keeps its bytes.
VALUES = {
    "DRI": ["@q", "[ana](https://e.x/a,b)", "`@ana`", "x #", "a\\", "*b*"],
    "Status": ["done", "ready", "`idea`"],
    "Priority": ["P0", "P2"],
    "Area": ["see [notes](https://x.y/z?a=1,2)", "`a, b`", "Port to F #", "a  b"],
}


def changed_lines(old: list[str], new: list[str]) -> tuple[list[int], list[str]]:
    """The indexes of the old lines the new text does not keep, and the new lines it adds
    (a longest common subsequence of whole lines)."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    gone: list[int] = []
    added: list[str] = []
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        if kind != "equal":
            gone += range(i1, i2)
            added += new[j1:j2]
    return gone, added


def _read(roadmap: Roadmap, value: str) -> str:
    return document_reader(roadmap)(value)


@given(
    roadmaps(rich=True),
    st.integers(0, 20),
    st.sampled_from(sorted(VALUES)),
    st.integers(0, 5),
)
def test_set_writes_what_reads_back_and_keeps_every_other_line(
    text: str, pick: int, name: str, which: int
) -> None:
    try:
        before = parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError:
        return
    if not before.items:
        return
    item = before.items[pick % len(before.items)]
    value = VALUES[name][which % len(VALUES[name])]
    try:
        edited = edit_item(before, item.id, ItemEdit(fields=(FieldChange(name, value),)), SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
        return
    after = parse(edited, "ROADMAP.md", SETTINGS)
    now = next(found for found in after.items if found.id == item.id)
    found = now.field(name.lower())
    assert found is not None and found.value == _read(before, value)
    lines = split_lines(text)
    gone, added = changed_lines(lines, split_lines(edited))
    old = item.field(name.lower())
    if edited == text:
        return
    if old is not None:
        # The one field line changed; a last line may gain its line ending.
        assert gone in ([old.position.line - 1], [old.position.line - 1, len(lines) - 1])
    else:
        # Lines are only added: the field, and blank lines around it in an item with none.
        assert all(at == len(lines) - 1 for at in gone)
        assert len([line for line in added if line.strip()]) <= 1 + len(gone)


@given(roadmaps(rich=True), st.integers(0, 20), st.integers(0, 5), st.booleans())
def test_dependency_edits_keep_every_entry_not_named(
    text: str, pick: int, which: int, remove: bool
) -> None:
    try:
        before = parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError:
        return
    with_deps = [item for item in before.items if item.field("depends on") is not None]
    if not with_deps or not before.items:
        return
    item = with_deps[pick % len(with_deps)]
    found = item.field("depends on")
    assert found is not None
    line = split_lines(text)[found.position.line - 1]
    entries = [entry.strip() for entry in found.value.split(",") if entry.strip()]
    if remove and entries:
        edit = ItemEdit(remove_deps=(entries[which % len(entries)],))
    else:
        edit = ItemEdit(add_deps=(before.items[which % len(before.items)].id,))
    try:
        edited = edit_item(before, item.id, edit, SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
        return
    if edited == text:
        return
    lines = split_lines(text)
    gone, _ = changed_lines(lines, split_lines(edited))
    assert set(gone) <= {found.position.line - 1, len(lines) - 1}
    after = parse(edited, "ROADMAP.md", SETTINGS)
    now = next(other for other in after.items if other.id == item.id)
    new_found = now.field("depends on")
    kept = [entry for entry in entries if entry not in edit.remove_deps]
    read = [entry.strip() for entry in (new_found.value if new_found else "").split(",")]
    assert [entry for entry in read if entry in kept] == [e for e in kept if e in read]
    if new_found is None:
        return
    new_line = split_lines(edited)[new_found.position.line - 1]
    # Every entry not named keeps its markdown: the links with commas in their URLs.
    for raw in ("(see [notes](https://x.y/z?a=1,2))", "[Go](https://go.dev/x,y) 1.26"):
        if raw in line and _read(before, raw) not in edit.remove_deps:
            assert raw in new_line


@given(roadmaps(rich=True), st.integers(0, 20), st.sampled_from(["Port to F #", "A *b*", "x"]))
def test_retitle_and_rename_touch_only_their_lines(text: str, pick: int, title: str) -> None:
    try:
        before = parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError:
        return
    if not before.items:
        return
    item = before.items[pick % len(before.items)]
    lines = split_lines(text)
    try:
        retitled = edit_item(before, item.id, ItemEdit(title=title), SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
    else:
        after = parse(retitled, "ROADMAP.md", SETTINGS)
        # an item named by its title (a box with no ID) takes a reference made from its new
        # title, so it is found again where it stands
        now = next(
            found
            for found in after.items
            if (
                found.position.line == item.position.line
                if item.named_by_title
                else found.id == item.id
            )
        )
        assert now.title == _read(before, title)
        gone, _ = changed_lines(lines, split_lines(retitled))
        assert set(gone) <= {item.position.line - 1, len(lines) - 1}
    try:
        renamed = rename_text(before, item.id, "RENAMED-1", SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
        return
    named = {item.position.line - 1, len(lines) - 1}
    for other in before.items:
        found = other.field("depends on")
        if found is not None and item.id in other.depends_on:
            named |= set(range(found.position.line - 1, found.end_line))
    gone, _ = changed_lines(lines, split_lines(renamed))
    assert set(gone) <= named


@given(
    roadmaps(rich=True),
    st.integers(0, 2),
    st.sampled_from(["Port to F #", "A [link](https://e.x/a,b)", "`code` x"]),
    st.sampled_from(["@q", "[ana](https://e.x/a,b)", "a #"]),
)
def test_new_writes_what_reads_back(text: str, section: int, title: str, dri: str) -> None:
    try:
        before = parse(text, "ROADMAP.md", SETTINGS)
    except RoadmapError:
        return
    request = NewItem(f"Section {section}", title, fields=(FieldChange("DRI", dri),))
    try:
        edited, item_id = new_item(before, request, SETTINGS)
    except RoadmapError as error:
        refused_in_one_line(error)
        return
    added = next(
        found for found in parse(edited, "ROADMAP.md", SETTINGS).items if found.id == item_id
    )
    assert added.title == _read(before, title)
    assert added.dri == _read(before, dri)
    gone, _ = changed_lines(split_lines(text), split_lines(edited))
    assert all(at == len(split_lines(text)) - 1 for at in gone)
