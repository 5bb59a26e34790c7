"""An edit settles only the overview entries of the items it touches, and fix only the
missing and moved ones (issue 18, cases 16 and 17; ROADMAP DB-14).

Over roadmaps whose Priority Overview is written in any style (ATX or setext group
headings, `-`/`*`/`+`/ordered markers, tight or loose lists, prose and comments among
the groups) and stale in random ways (entries missing, extra, moved, under the wrong
group, listed twice): after `set`, `new` and `rename`, every other line of the file is
byte-identical and `check` still reports the earlier staleness; after `fix`, every line
that is not a missing or moved entry is kept.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from conftest import cli
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmaplint.edit.base import FieldChange, ItemEdit, NewItem
from roadmaplint.edit.item import edit_item
from roadmaplint.edit.new import new_item
from roadmaplint.edit.rename import rename_text
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text, regenerate_after_edit
from roadmaplint.generate.overview import Difference, differences, expected_groups
from roadmaplint.index import Context
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

SETTINGS = Settings()
PRIORITIES = ("P0", "P1", "P2")
LEGENDS = """\
# Plan

## Status Legend

- `idea` – not scoped yet
- `ready` – free to claim
- `done` – finished

## Priority Legend

- `P0` – critical
- `P1` – next
- `P2` – later

---

# Work

"""
INSIDE = ("Some prose about the groups.", "<!-- a note for maintainers -->")


@dataclass(frozen=True)
class Plan:
    text: str
    items: tuple[tuple[str, str], ...]  # ID and priority, in document order


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """A roadmap whose overview is written in a random style, then made stale at random."""
    count = draw(st.integers(2, 6))
    items = tuple((f"A-{n}", draw(st.sampled_from(PRIORITIES))) for n in range(1, count + 1))
    body = "".join(
        f"## [{item_id}] Item {item_id}\n\n- **Status:** ready\n- **Priority:** {priority}\n\n"
        for item_id, priority in items
    )
    groups: dict[str, list[str]] = {p: [i for i, q in items if q == p] for p in PRIORITIES}
    # Staleness: drop, add, move within a group, put under another group, list twice.
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["drop", "extra", "swap", "wrong", "twice"]))
        group = groups[draw(st.sampled_from(PRIORITIES))]
        if kind == "extra":
            group.insert(draw(st.integers(0, len(group))), "GONE-9")
        elif kind == "twice" and group:
            group.append(group[0])
        elif not group:
            continue
        elif kind == "drop":
            group.pop(draw(st.integers(0, len(group) - 1)))
        elif kind == "swap":
            group.reverse()
        else:
            moved = group.pop(0)
            groups[draw(st.sampled_from(PRIORITIES))].append(moved)
    setext = draw(st.booleans())
    marker = draw(st.sampled_from(["-", "*", "+", "1."]))
    loose = draw(st.booleans())
    gap = draw(st.booleans())
    kept = [p for p in PRIORITIES if groups[p] or draw(st.booleans())]
    overview = "# Priority Overview\n\n"
    if draw(st.booleans()):
        overview += draw(st.sampled_from(INSIDE)) + "\n\n"
    for priority in kept:
        label = f"{priority} (label)" if draw(st.booleans()) else priority
        overview += f"{label}\n{'-' * len(label)}\n" if setext else f"## {label}\n"
        overview += "\n" if gap else ""
        lines = [
            f"{f'{n}.' if marker == '1.' else marker} {entry}\n"
            for n, entry in enumerate(groups[priority], 1)
        ]
        overview += ("\n" if loose else "").join(lines)
        if draw(st.booleans()):
            overview += "\n" + draw(st.sampled_from(INSIDE)) + "\n"
        overview += "\n"
    return Plan(LEGENDS + body + "---\n\n" + overview.rstrip("\n") + "\n", items)


def overview_differences(roadmap: Roadmap) -> list[Difference]:
    items = Context(roadmap, SETTINGS).items_by_id
    assert roadmap.overview is not None
    return differences(roadmap.overview, expected_groups(roadmap, items), items)


def unplaced(message: str) -> str:
    """A message without its line numbers, which an edit above may shift."""
    return re.sub(r"line \d+", "line N", message)


def about(message: str, ids: set[str]) -> bool:
    return any(f" {item_id} " in f" {message} " for item_id in ids)


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """The lines the change removed and those it added (a line a diff shows removed
    and added again, as it aligns the texts, is neither)."""
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            removed.update(old.splitlines()[a1:a2])
            added.update(new.splitlines()[b1:b2])
    return list((removed - added).elements()), list((added - removed).elements())


def is_heading(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("## ") or stripped.startswith("P") or set(stripped) == {"-"}


EDITS = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(["Status", "Priority", "DRI", "title"])),
    st.tuples(st.just("new"), st.sampled_from(PRIORITIES)),
    st.tuples(st.just("rename"), st.just("")),
)


def edited_text(plan: Plan, before: Roadmap, pick: int, edit: tuple[str, str]) -> tuple:
    """The command's item edit: its text, the IDs it touches (after) and any renaming."""
    item_id = plan.items[pick % len(plan.items)][0]
    command, what = edit
    if command == "rename":
        text = rename_text(before, item_id, "B-1", SETTINGS)
        return text, {"B-1"}, {item_id: "B-1"}
    if command == "new":
        request = NewItem("Work", "Added", fields=(FieldChange("Priority", what),))
        text, new_id = new_item(before, request, SETTINGS)
        return text, {new_id}, {}
    if what == "title":
        change = ItemEdit(title="Retitled")
    else:
        value = {"Status": "done", "Priority": "P0", "DRI": "@ana"}[what]
        change = ItemEdit(fields=(FieldChange(what, value),))
    return edit_item(before, item_id, change, SETTINGS), {item_id}, {}


@settings(max_examples=150, deadline=None)
@given(plans(), st.integers(0, 10), EDITS)
def test_an_edit_changes_only_the_overview_entries_of_its_item(
    plan: Plan, pick: int, edit: tuple[str, str]
) -> None:
    before = parse(plan.text, "ROADMAP.md", SETTINGS)
    try:
        text, touched, renamed = edited_text(plan, before, pick, edit)
    except RoadmapError:
        return
    result = regenerate_after_edit(before, text, SETTINGS, touched, renamed)
    if result.refused:
        assert "\n" not in result.refused
        return
    named = touched | set(renamed)
    removed, added = changed_lines(text, result.text)
    # Every line the regeneration changed is about the edited item (its entry, a blank
    # line of a loose list, the heading of the group it is the first of, or the heading
    # of the group it leaves empty, which goes as fix drops it).
    edited = parse(text, "ROADMAP.md", SETTINGS).overview
    emptied = [
        line  # the heading, and a setext heading's underline
        for group in (edited.groups if edited else ())
        if group.entries and {entry.id for entry in group.entries} <= named
        for line in text.splitlines()[group.line - 1 : group.line + 1]
    ]
    assert all(about(line, named) or not line.strip() or line in emptied for line in removed), (
        removed
    )
    assert all(about(line, named) or not line.strip() or is_heading(line) for line in added)
    after = parse(result.text, "ROADMAP.md", SETTINGS)
    found = overview_differences(after)
    # The edited item's entry is right: listed once, under its priority.
    (item_id,) = touched
    assert not [d for d in found if d.item == item_id and "listed before" not in d.message]
    # The earlier staleness of other items is still reported, for fix.
    earlier = {
        unplaced(d.message)
        for d in overview_differences(before)
        if not about(d.message, named) and "listed before" not in d.message
    }
    assert earlier <= {unplaced(d.message) for d in found}


@settings(max_examples=150, deadline=None)
@given(plans())
def test_fix_keeps_every_line_but_the_missing_and_moved_entries(plan: Plan) -> None:
    before = parse(plan.text, "ROADMAP.md", SETTINGS)
    result = fix_text(plan.text, "ROADMAP.md", SETTINGS)
    if result.refused:
        assert "\n" not in result.refused
        return
    removed, added = changed_lines(plan.text, result.text)
    ids = {item_id for item_id, _ in plan.items} | {"GONE-9"}
    entry = [line for line in removed + added if line.strip() and not is_heading(line)]
    assert all(about(line, ids) for line in entry), entry
    # No group heading is rewritten: the headings written are all still there, as written,
    # but those of the groups of a priority no item has (fix drops an empty group).
    used = {priority for _, priority in plan.items}
    lines = plan.text.splitlines()
    unused = [
        line  # the heading, and a setext heading's underline
        for group in (before.overview.groups if before.overview else ())
        if group.priority not in used
        for line in lines[group.line - 1 : group.line + 1]
    ]
    written = [line for line in plan.text.splitlines() if is_heading(line)]
    kept = result.text.splitlines()
    assert all(line in kept or line in unused for line in written)
    assert overview_differences(parse(result.text, "ROADMAP.md", SETTINGS)) == []
    assert overview_differences(before) or result.text == plan.text


def test_fix_keeps_setext_group_headings_and_the_list_style(tmp_path: Path) -> None:
    """Case 17: a setext group heading stays setext; only the missing entry is added,
    with the marker, numbering and spacing of the (loose) list it joins."""
    text = (
        LEGENDS + "## [A-1] One\n\n- **Status:** ready\n- **Priority:** P0\n\n"
        "## [A-2] Two\n\n- **Status:** ready\n- **Priority:** P0\n\n"
        "## [A-3] Three\n\n- **Status:** ready\n- **Priority:** P0\n\n---\n\n"
        "# Priority Overview\n\nP0 (Critical)\n-------------\n\n1. **A-1**\n\n"
        "<!-- keep A-3 last -->\n\n2. A-3\n"
    )
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    result = cli("fix", "ROADMAP.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == text.replace(
        "1. **A-1**\n", "1. **A-1**\n\n2. A-2\n"
    )
    assert cli("check", "--select", "RL4", "ROADMAP.md", cwd=tmp_path).returncode == 0


def test_set_leaves_the_earlier_staleness_for_fix(tmp_path: Path) -> None:
    """Case 16: the overview lacked A-2 before; `set --priority` moves A-1's entry and
    adds nothing else, and check still reports A-2."""
    text = (
        LEGENDS + "## [A-1] One\n\n- **Status:** ready\n- **Priority:** P0\n\n"
        "## [A-2] Two\n\n- **Status:** ready\n- **Priority:** P0\n\n---\n\n"
        "# Priority Overview\n\n## P0\n- A-1\n\n## P1\n"
    )
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    result = cli("set", "A-1", "--priority", "P1", "-f", "ROADMAP.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    after = path.read_text(encoding="utf-8")
    assert after == text.replace(
        "- **Priority:** P0\n\n## [A-2]", "- **Priority:** P1\n\n## [A-2]"
    ).replace("## P0\n- A-1\n\n## P1\n", "## P0\n\n## P1\n- A-1\n")
    checked = cli("check", "--select", "RL401", "ROADMAP.md", cwd=tmp_path)
    assert "A-2 (P0) is missing under P0" in checked.stdout


def test_an_edit_regenerates_the_dependency_graph_only_if_it_was_up_to_date() -> None:
    """The Dependency Graph follows the edit when it read right before; a stale one
    stays for fix (and check still reports it)."""
    items = (
        "## [A-1] One\n\n- **Status:** ready\n- **Priority:** P0\n\n"
        "## [A-2] Two\n\n- **Status:** ready\n- **Priority:** P0\n\n---\n\n"
    )
    current = fix_text(
        LEGENDS + items + "# Priority Overview\n\n# Dependency Graph\n", "ROADMAP.md", SETTINGS
    ).text
    stale = current.replace(
        "- **Priority:** P0\n\n## [A-2]", "- **Priority:** P0\n- **Depends on:** A-2\n\n## [A-2]"
    )
    assert stale != current and fix_text(stale).changes == ("Dependency Graph regenerated",)
    for text, follows in ((current, True), (stale, False)):
        before = parse(text, "ROADMAP.md", SETTINGS)
        change = ItemEdit(fields=(FieldChange("Status", "done"),))
        edited = edit_item(before, "A-2", change, SETTINGS)
        result = regenerate_after_edit(before, edited, SETTINGS, {"A-2"})
        graph = result.text[result.text.index("# Dependency Graph") :]
        assert (graph != edited[edited.index("# Dependency Graph") :]) is follows
        assert ("Dependency Graph regenerated" in result.changes) is follows


def test_an_edit_leaves_a_stale_entry_and_its_group_to_fix() -> None:
    """Found by the property above: A-1 moved from P1 to P0, and the P1 group went with
    the stale entry GONE-9 (an item since deleted) that the edit does not own."""
    text = (
        "# Plan\n\n## Priority Legend\n\n- `P0` – critical\n- `P1` – next\n\n# Work\n\n"
        "## [A-1] Item A-1\n\n- **Priority:** P1\n\n## [A-2] Item A-2\n\n- **Priority:** P0\n\n"
        "# Priority Overview\n\n## P0\n- A-2\n\n## P1\n- GONE-9\n- A-1\n"
    )
    edited = text.replace("- **Priority:** P1", "- **Priority:** P0")
    result = regenerate_after_edit(parse(text), edited, Settings(), {"A-1"})
    assert result.text.endswith("## P0\n- A-1\n- A-2\n\n## P1\n- GONE-9\n")
