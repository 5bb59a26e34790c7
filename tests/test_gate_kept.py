"""The write gate holds an edit to what it was asked to change on its own item too
(SAFE-59): a title's edit that would also take the status, the owner or the dependencies
the item read before is refused with one line, and an edit that changes only what was
asked passes."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from roadmaplint.database.claims import claim_text
from roadmaplint.edit import item as item_module
from roadmaplint.edit import new as new_module
from roadmaplint.edit import rename as rename_module
from roadmaplint.edit.base import FieldChange, ItemEdit, NewItem
from roadmaplint.edit.item import edit_item
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader import parse
from roadmaplint.record import replace
from roadmaplint.settings import Settings, Statuses
from roadmaplint.text import Edit
from roadmaplint.write.proof import prove_added, prove_kept, prove_renamed
from tests.test_shape_matrix import NAMES, SHAPES, run

PLAN = """\
# Roadmap

## [A-1] Parser

- **Status:** in progress
- **DRI:** @ann
- **Depends on:** A-2

## [A-2] Lexer

- **Status:** done
"""


def test_a_title_edit_that_also_takes_the_status_is_refused() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    # the new title written, and the status line gone with it, as a slip of a write half
    slipped = PLAN.replace("] Parser", "] Reader").replace("- **Status:** in progress\n", "")
    with pytest.raises(RoadmapError, match=r"also change A-1's status"):
        prove_kept(before, slipped, "A-1", "A-1", frozenset({"title"}), Settings())
    # asked for the status too, the same text passes
    prove_kept(before, slipped, "A-1", "A-1", frozenset({"title", "status"}), Settings())


def test_an_owner_edit_that_also_drops_a_dependency_is_refused() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    slipped = PLAN.replace("@ann", "@bob").replace("- **Depends on:** A-2\n", "")
    with pytest.raises(RoadmapError, match=r"also change A-1's depends on"):
        prove_kept(before, slipped, "A-1", "A-1", frozenset({"dri"}), Settings())


def test_set_changes_what_it_was_asked_and_passes_the_gate() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    edit = ItemEdit(fields=(FieldChange("Status", "done"),), title="Reader")
    after = parse(edit_item(before, "A-1", edit, Settings()), "PLAN.md", Settings())
    first = after.items[0]
    assert (first.title, first.status, first.dri, first.depends_on) == (
        "Reader",
        "done",
        "@ann",
        ("A-2",),
    )


# --- rename, new, a field the gate cannot judge by name, an item named by its title:
# each held to what it was asked (SAFE-59, SAFE-60). A write half that slips is made by
# wrapping the real one; the command line then refuses in one line, exit 2, the file
# untouched.


def _refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, *args: str) -> str:
    """Run ``args`` on PLAN.md holding ``text``; assert the one-line refusal and the file
    untouched, and give the message."""
    (tmp_path / "PLAN.md").write_text(text)
    monkeypatch.chdir(tmp_path)
    code, output = run(*args, "PLAN.md", cwd=tmp_path)
    assert code == 2, output
    assert output.count("\n") == 1 and output.startswith("roadmaplint: error: "), output
    assert (tmp_path / "PLAN.md").read_text() == text
    return output


def test_a_rename_that_also_drops_the_renamed_items_status_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = rename_module.rename_edits

    def slipping(roadmap: Roadmap, old: str, new: str, settings: Settings) -> list[Edit]:
        start = roadmap.source.index("- **Status:** in progress\n")
        dropped = Edit(start, start + len("- **Status:** in progress\n"), "")
        return sorted([*real(roadmap, old, new, settings), dropped], key=lambda e: e.start)

    monkeypatch.setattr(rename_module, "rename_edits", slipping)
    output = _refused(tmp_path, monkeypatch, PLAN, "rename", "A-1", "A-9")
    assert "PLAN.md:3: refusing to write: the edit would also change A-1's status" in output


def test_a_rename_that_leaves_a_dependent_naming_the_old_id_or_changes_it_is_refused() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    renamed = PLAN.replace("[A-2]", "[A-7]")  # A-1's Depends on still names A-2
    with pytest.raises(RoadmapError, match=r"also change A-1's depends on"):
        prove_renamed(before, renamed, {"A-2": "A-7"}, Settings())
    # the dependent renamed too, but its owner taken with it
    slipped = renamed.replace("on:** A-2", "on:** A-7").replace("- **DRI:** @ann\n", "")
    with pytest.raises(RoadmapError, match=r"PLAN.md:3: .*also change A-1's owner"):
        prove_renamed(before, slipped, {"A-2": "A-7"}, Settings())
    prove_renamed(before, renamed.replace("on:** A-2", "on:** A-7"), {"A-2": "A-7"}, Settings())


def test_a_new_item_that_also_ticks_another_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = new_module._new_item

    def slipping(
        roadmap: Roadmap, request: NewItem, settings: Settings, line: int
    ) -> tuple[str, str]:
        text, item_id = real(roadmap, request, settings, line)
        return text.replace("**Status:** in progress", "**Status:** done"), item_id

    monkeypatch.setattr(new_module, "_new_item", slipping)
    output = _refused(tmp_path, monkeypatch, PLAN, "new", "Roadmap", "Emitter")
    assert "also change A-1's status ('in progress' to 'done')" in output


def test_a_new_item_that_reads_back_otherwise_than_asked_is_refused() -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    added = PLAN + "\n## [A-3] Emitter\n\n- **Status:** idea\n- **DRI:** @cy\n"
    prove_added(before, added, "A-3", {"title": "Emitter", "dri": "@cy"}, Settings())
    for expected, said in (
        ({"title": "Emitter", "dri": "@bo"}, "A-3's owner would read back as '@cy'"),
        ({"title": "Emit"}, "A-3's title would read back as 'Emitter', not 'Emit'"),
        ({"title": "Emitter", "depends_on": ("A-1",)}, "A-3's depends on would read back"),
        ({"title": "Emitter", "status": "done"}, "A-3's status would read back as 'idea'"),
    ):
        with pytest.raises(RoadmapError, match=re.escape(said)):
            prove_added(before, added, "A-3", expected, Settings())
    # given as done and read as done in the shape's own words: held to that alone
    boxed = added.replace("idea", "complete")
    said_done = replace(Settings(), statuses=Statuses(done=("done", "complete")))
    prove_added(before, boxed, "A-3", {"title": "Emitter", "status": "done"}, said_done)


def test_a_field_the_gate_cannot_judge_changes_that_field_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ``set``'s one dispatcher takes a field of any name (an agent's claim writes
    # ``Claimed by``); the gate holds the item's other fields to their values
    plan = PLAN.replace(
        "- **DRI:** @ann\n", "- **DRI:** @ann\n- **Area:** parser\n- **Effort:** M\n"
    )
    before = parse(plan, "PLAN.md", Settings())
    edit = ItemEdit(fields=(FieldChange("Area", "lexer"),))
    assert edit_item(before, "A-1", edit, Settings()) == plan.replace("parser", "lexer", 1)
    real = item_module._edit_found

    def slipping(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str:
        return real(roadmap, item, edit, settings).replace("- **Effort:** M\n", "")

    monkeypatch.setattr(item_module, "_edit_found", slipping)
    with pytest.raises(RoadmapError) as refused:
        edit_item(before, "A-1", edit, Settings())
    assert str(refused.value) == (
        "PLAN.md:3: refusing to write: the edit would also change A-1's field 'effort' "
        "('M' to None)"
    )
    # a status written with it is asked; the effort is still held, and a property too
    both = ItemEdit(fields=(FieldChange("Status", "done"), FieldChange("Area", "lexer")))
    with pytest.raises(RoadmapError, match="A-1's field 'effort'"):
        edit_item(before, "A-1", both, Settings())
    monkeypatch.setattr(
        item_module, "_edit_found", lambda *args: real(*args).replace("@ann", "@bob")
    )
    with pytest.raises(RoadmapError, match="A-1's owner"):
        edit_item(before, "A-1", edit, Settings())


def test_a_claim_that_would_take_another_field_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = parse(PLAN, "PLAN.md", Settings())
    now = datetime(2026, 1, 2, tzinfo=UTC)
    text, _ = claim_text(before, "A-1", "codex", 30, Settings(), now)
    claimed = parse(text, "PLAN.md", Settings()).items[0]
    assert (claimed.status, claimed.dri, claimed.depends_on) == ("in progress", "@ann", ("A-2",))
    real = item_module._edit_found
    monkeypatch.setattr(
        item_module, "_edit_found", lambda *args: real(*args).replace("- **DRI:** @ann\n", "")
    )
    with pytest.raises(RoadmapError, match="A-1's owner"):
        claim_text(before, "A-1", "codex", 30, Settings(), now)


def test_an_item_named_by_its_title_is_followed_through_a_title_change() -> None:
    plan = "# TODO\n\n## Now\n\n- [x] Set up the repo\n- [ ] Write the parser\n"
    before = parse(plan, "TODO.md", Settings())
    assert before.items[0].named_by_title
    old_id = before.items[0].id
    retitled = plan.replace("Set up the repo", "Set up the git repo")
    new_id = parse(retitled, "TODO.md", Settings()).items[0].id
    assert new_id != old_id
    prove_kept(before, retitled, old_id, old_id, frozenset({"title"}), Settings())
    # the mark gone with the old title: the proof finds the item under its new name
    unticked = retitled.replace("[x]", "[ ]")
    with pytest.raises(RoadmapError, match=rf"also change {old_id}'s status"):
        prove_kept(before, unticked, old_id, old_id, frozenset({"title"}), Settings())


# Ordinary edits on every shape of the matrix pass the gate: a title (the items named by
# their titles followed to their new names), a rename and new, from the command line.
ORDINARY = {
    "title-first": ("set", "{a}", "--title", "Set up the CI"),
    "rename": ("rename", "{b}", "{r}"),
    "new": ("new", "{s}", "Emitter"),
}


def _shown(roadmap: Roadmap) -> list[tuple[object, ...]]:
    return [
        (i.title, i.status, i.priority, i.dri, i.section, i.definition_of_done)
        for i in roadmap.items
    ]


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("edit", sorted(ORDINARY))
def test_ordinary_edits_on_every_shape_pass_the_gate(
    shape: str, edit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, family, _ = SHAPES[shape]
    a, b, c, section, new_id = NAMES[family]
    args = [part.format(a=a, b=b, c=c, s=section, r=new_id) for part in ORDINARY[edit]]
    (tmp_path / "PLAN.md").write_text(text)
    monkeypatch.chdir(tmp_path)
    code, output = run(*args, "PLAN.md", cwd=tmp_path)
    written = (tmp_path / "PLAN.md").read_text()
    if (shape, edit) in NOT_WRITTEN_BY_THE_SHAPE:  # said in one line, nothing written
        assert code == 2 and output.count("\n") == 1, output
        assert "refusing to write" not in output and written == text, output
        return
    assert code == 0, output
    before, after = _shown(parse(text, "PLAN.md", Settings())), _shown(parse(written, "PLAN.md"))
    changed = [
        index for index, (was, now) in enumerate(zip(before, after, strict=False)) if was != now
    ]
    assert changed == ([0] if edit == "title-first" else []), (changed, written)
    assert len(after) == len(before) + (edit == "new")


# what a shape cannot write at all (no gate's refusal): a table with no ID column
NOT_WRITTEN_BY_THE_SHAPE = {("table-no-id", "rename")}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_field_of_another_name_on_every_shape_changes_that_field_alone(shape: str) -> None:
    text, family, _ = SHAPES[shape]
    c = NAMES[family][2]
    before = parse(text, "PLAN.md", Settings())
    try:
        written = edit_item(before, c, ItemEdit(fields=(FieldChange("Area", "core"),)), Settings())
    except RoadmapError as error:  # a shape with nowhere to write a field says so
        assert "\n" not in str(error) and "refusing to write" not in str(error), error
        return
    after = parse(written, "PLAN.md", Settings())
    assert _shown(after) == _shown(before)
    edited = next(item for item in after.items if item.id == c)
    assert edited.field("area") is not None and edited.field("area").value == "core"


def test_a_field_of_another_name_in_a_table_changes_its_cell_alone() -> None:
    table = (
        "# Plan\n\n## Now\n\n| ID | Task | Status | Area |\n| --- | --- | --- | --- |\n"
        "| T-1 | Set up CI | done | infra |\n| T-2 | Parser | ready | core |\n"
    )
    before = parse(table, "PLAN.md", Settings())
    edit = ItemEdit(fields=(FieldChange("Area", "lexing"),))
    written = edit_item(before, "T-2", edit, Settings())
    assert written == table.replace("| core |", "| lexing |")
    after = parse(written, "PLAN.md", Settings())
    assert _shown(after) == _shown(before)
