"""Every editing command on every heading form and field style the reader accepts, asserting
exact bytes (issue 18, classes C and D).

The expected text is not computed by the code under test: a small model of an item
(its heading form and level, how its fields are written, its values) is rendered
before and after the change the command is asked for, and the command's output must
equal the second rendering byte for byte. So every line the command was not asked
to change (other fields with links, code and emphasis, hard breaks, other entries of
Depends on) must come back as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conftest import cli

from roadmaplint.edit.base import FieldChange, ItemEdit, NewItem
from roadmaplint.edit.item import edit_item
from roadmaplint.edit.new import new_item
from roadmaplint.edit.rename import rename_text
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

SETTINGS = Settings()
FORMS = ("[{id}] {title}", "{id} — {title}", "{id} – {title}", "{id} - {title}", "{id}: {title}")
LEVELS = (2, 3, 4)
MARKERS = ("-", "*", "+", "1.", "1)")
LABELS = ("**{}:**", "**{}**:", "{}:", "alias")
ALIASES = {"DRI": "Owner", "Status": "State", "Depends on": "Dependencies"}
# How a paragraph of fields (no list) ends its lines: a backslash or two-space hard
# break, or nothing.
BREAKS = ("\\", "  ", "")
DESCRIPTION = "Uses *emphasis*, `a, code` span and [a link](https://e.x/a,b_(c)) here"
NOTES = "(see [notes](https://x.y/z?a=1,2))"

HEAD = """\
# Roadmap

## Status Legend

- `idea` – not scoped yet
- `ready` – free to claim
- `done` – completed

## Priority Legend

- `P0` – critical
- `P1` – important
- `P2` – nice to have

# Work

"""


@dataclass(frozen=True)
class Style:
    """How an item's fields are written: a list with ``marker``, or a paragraph whose
    lines end with ``hard_break``; ``label`` as in LABELS."""

    marker: str | None
    label: str
    hard_break: str = ""

    def __str__(self) -> str:
        where = self.marker or f"paragraph{self.hard_break!r}"
        return f"{where}-{self.label}"


STYLES = [Style(marker, label) for marker in MARKERS for label in LABELS] + [
    Style(None, label, hard_break) for hard_break in BREAKS for label in LABELS
]


@dataclass(frozen=True)
class Model:
    """One item as a reader would describe it, and how it is written."""

    item_id: str
    title: str
    form: str
    level: int
    style: Style
    fields: tuple[tuple[str, str], ...]
    done: tuple[tuple[str, str], ...] = ()  # (box, text)
    # fields an edit added: written under the name the plan writes them by (SAFE-41)
    added: frozenset[str] = frozenset()

    def with_field(self, name: str, value: str) -> Model:
        order = ["DRI", "Status", "Priority", "Depends on", "Description"]
        fields = dict(self.fields)
        added = self.added if name in fields else self.added | {name}
        fields[name] = value
        ranked = sorted(fields.items(), key=lambda pair: order.index(pair[0]))
        return replace(self, fields=tuple(ranked), added=added)


def label(style: Style, name: str, added: bool = False) -> str:
    if style.label == "alias":
        # every model of the alias style writes the aliases: an added field takes them too
        return f"**{ALIASES.get(name, name)}:**"
    if style.label == "{}:" and name == "Description":
        return "Description:"
    return style.label.format(name)


def heading_title(title: str) -> str:
    """The oracle's own escaping: a closing run of # is escaped in an ATX heading."""
    return title[:-1] + "\\#" if title.endswith(" #") else title


def render(model: Model) -> str:
    style = model.style
    title = heading_title(model.title)
    lines = ["#" * model.level + " " + model.form.format(id=model.item_id, title=title), ""]
    written = [(name, value) for name, value in model.fields]
    if model.done:
        written.append(("Definition of Done", ""))
    for number, (name, value) in enumerate(written, 1):
        if style.marker is None:
            prefix = ""
        elif style.marker[0].isdigit():
            prefix = f"{number}{style.marker[1]} "
        else:
            prefix = style.marker + " "
        line = f"{prefix}{label(style, name, name in model.added)} {value}".rstrip(" ")
        if style.marker is None and number < len(written):
            line += style.hard_break
        lines.append(line)
    nested = "" if style.marker is None else " " * (len(style.marker) + 1)
    lines += [f"{nested}- [{box}] {text}" for box, text in model.done]
    return "\n".join(lines) + "\n"


def document(*models: Model) -> str:
    return HEAD + "\n".join(render(model) for model in models)


def models(form: str, level: int, style: Style) -> tuple[Model, Model, Model]:
    first = Model(
        "A-1",
        "First",
        form,
        level,
        style,
        (
            ("DRI", "@ana"),
            ("Status", "idea"),
            ("Depends on", f"A-2, {NOTES}"),
            ("Description", DESCRIPTION),
        ),
        ((" ", "one"), ("x", "two")),
    )
    second = Model("A-2", "Second", form, level, style, (("DRI", "@bo"), ("Status", "ready")))
    third = Model("A-3", "Third", form, level, style, (("Status", "idea"), ("Priority", "P2")))
    return first, second, third


CASES = [
    pytest.param(form, level, style, id=f"h{level}-{form.format(id='ID', title='T')}-{style}")
    for form in FORMS
    for level in LEVELS
    for style in STYLES
]


def edited(text: str, item_id: str, edit: ItemEdit) -> str:
    return edit_item(parse(text, "ROADMAP.md", SETTINGS), item_id, edit, SETTINGS)


@pytest.mark.parametrize(("form", "level", "style"), CASES)
def test_every_command_on_every_form_and_style(form: str, level: int, style: Style) -> None:
    first, second, third = models(form, level, style)
    text = document(first, second, third)
    roadmap = parse(text, "ROADMAP.md", SETTINGS)
    assert [item.id for item in roadmap.items] == ["A-1", "A-2", "A-3"]
    assert roadmap.items[0].field("description") is not None

    def expect(edit: ItemEdit, *after: Model) -> None:
        assert edited(text, "A-1", edit) == document(*after)

    def field(name: str, value: str) -> ItemEdit:
        return ItemEdit(fields=(FieldChange(name, value),))

    expect(field("DRI", "@q"), first.with_field("DRI", "@q"), second, third)
    expect(field("Status", "done"), first.with_field("Status", "done"), second, third)
    expect(field("Priority", "P0"), first.with_field("Priority", "P0"), second, third)
    expect(ItemEdit(title="Port to F #"), replace(first, title="Port to F #"), second, third)
    expect(
        ItemEdit(add_deps=("A-3",)),
        first.with_field("Depends on", f"A-2, {NOTES}, A-3"),
        second,
        third,
    )
    expect(ItemEdit(remove_deps=("A-2",)), first.with_field("Depends on", NOTES), second, third)
    expect(ItemEdit(tick=("1",)), replace(first, done=(("x", "one"), ("x", "two"))), second, third)
    expect(
        ItemEdit(untick=("two",)), replace(first, done=((" ", "one"), (" ", "two"))), second, third
    )
    # An item's title and fields on the other items.
    assert edited(text, "A-2", ItemEdit(title="Renamed")) == document(
        first, replace(second, title="Renamed"), third
    )
    assert edited(text, "A-3", field("DRI", "@q")) == document(
        first, second, third.with_field("DRI", "@q")
    )

    renamed = rename_text(roadmap, "A-2", "B-9", SETTINGS)
    assert renamed == document(
        first.with_field("Depends on", f"B-9, {NOTES}"), replace(second, item_id="B-9"), third
    )

    request = NewItem(
        "Work",
        "Port to F #",
        fields=(
            FieldChange("DRI", "@q"),
            FieldChange("Status", "idea"),
            FieldChange("Priority", "P1"),
        ),
    )
    added, item_id = new_item(roadmap, request, SETTINGS)
    assert item_id == "A-4"
    fourth = Model(
        "A-4",
        "Port to F #",
        form,
        level,
        # new writes the known names, in the label of the section's last item's first field
        style,  # in the alias style, by the names the plan writes (SAFE-45)
        (("DRI", "@q"), ("Status", "idea"), ("Priority", "P1")),
    )
    assert added == document(first, second, third, fourth)

    fixed = fix_text(text, "ROADMAP.md", SETTINGS)
    assert fixed.text.startswith(text)


def test_the_model_reads_back_as_written() -> None:
    """The oracle itself: every rendered style reads back as the model says."""
    for style in STYLES:
        first, _, _ = models("[{id}] {title}", 2, style)
        item = parse(document(first), "ROADMAP.md", SETTINGS).items[0]
        assert [(found.key, found.value) for found in item.fields] == [
            ("dri", "@ana"),
            ("status", "idea"),
            ("depends on", "A-2, (see notes)"),
            ("description", "Uses emphasis, a, code span and a link here"),
            ("definition of done", ""),
        ], style
        assert [(c.checked, c.text) for c in item.definition_of_done] == [
            (False, "one"),
            (True, "two"),
        ]


# Issue 18's cases through the console script, as a user runs them: exact bytes.
def _overview_of(text: str) -> str:
    fixed = fix_text(text, "ROADMAP.md", SETTINGS).text
    assert fixed.startswith(text)
    return fixed[len(text) :]


@pytest.mark.parametrize(
    ("argv", "change"),
    [
        # 9: a backslash hard break, and a two-space one, survive set.
        (["--dri", "@q"], lambda m: m.with_field("DRI", "@q")),
        (["--status", "done"], lambda m: m.with_field("Status", "done")),
        # 11: a closing # is escaped, so the title reads back as given.
        (["--title", "Port to F #"], lambda m: replace(m, title="Port to F #")),
        # 12: the link with a comma in its URL keeps its bytes.
        (["--add-dep", "A-3"], lambda m: m.with_field("Depends on", f"A-2, {NOTES}, A-3")),
        (["--remove-dep", "A-2"], lambda m: m.with_field("Depends on", NOTES)),
    ],
)
@pytest.mark.parametrize("hard_break", ["\\", "  "])
@pytest.mark.parametrize("form", ["{id} — {title}", "{id}: {title}"])  # 13, 14
def test_set_through_the_console_script(
    argv: list[str], change: object, hard_break: str, form: str, tmp_path: Path
) -> None:
    assert callable(change)
    first, second, third = models(form, 2, Style(None, "**{}:**", hard_break))
    text = document(first, second, third)
    overview = _overview_of(text)
    path = tmp_path / "ROADMAP.md"
    path.write_text(text + overview, encoding="utf-8")
    result = cli("set", "A-1", *argv, str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == document(change(first), second, third) + overview


def test_a_box_that_ends_its_line_is_ticked_in_place(tmp_path: Path) -> None:
    """10: `- [ ]` with its text on the next line is a box (as GitHub reads it)."""
    text = (
        HEAD
        + "## A-1 — First\n\n- **Status:** idea\n- **Definition of Done:**\n  - [ ]\n    text on the next line\n  - [ ] second\n"
    )
    assert parse(text, "ROADMAP.md", SETTINGS).items[0].definition_of_done[0].text == (
        "text on the next line"
    )
    path = tmp_path / "ROADMAP.md"
    overview = _overview_of(text)
    path.write_text(text + overview, encoding="utf-8")
    result = cli("set", "A-1", "--done-item", "1", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == text.replace("  - [ ]\n", "  - [x]\n") + overview


@pytest.mark.parametrize("form", FORMS)
def test_rename_through_the_console_script(form: str, tmp_path: Path) -> None:
    """13: rename works on every heading form."""
    first, second, third = models(form, 3, Style("-", "**{}:**"))
    text = document(first, second, third)
    path = tmp_path / "ROADMAP.md"
    path.write_text(text + _overview_of(text), encoding="utf-8")
    result = cli("rename", "A-2", "B-9", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = document(
        first.with_field("Depends on", f"B-9, {NOTES}"), replace(second, item_id="B-9"), third
    )
    assert path.read_text(encoding="utf-8") == after + _overview_of(after)


def test_an_edit_adds_no_overview_to_a_document_without_one(tmp_path: Path) -> None:
    """An edit changes its item; a missing overview stays missing (RL402 is fix's to act on)."""
    first, second, third = models(FORMS[0], 3, Style("-", "**{}:**"))
    text = document(first, second, third)
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    result = cli("rename", "A-2", "B-9", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = document(
        first.with_field("Depends on", f"B-9, {NOTES}"), replace(second, item_id="B-9"), third
    )
    assert path.read_text(encoding="utf-8") == after


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        # The title would be read as "x": "[A-1] —" is the ID's own separator.
        (["--title", "— x"], "title would read back as 'x', not '— x'"),
        # The reader cuts the code span at its comma: no cut of the markdown matches.
        (["--remove-dep", "A-2"], "has markup across its commas"),
    ],
)
def test_what_cannot_read_back_is_refused(argv: list[str], message: str, tmp_path: Path) -> None:
    text = HEAD + "## [A-1] First\n\n- **Depends on:** A-2, `a,b`\n\n## [A-2] Second\n"
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    result = cli("set", "A-1", *argv, str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert path.read_text(encoding="utf-8") == text
    with pytest.raises(RoadmapError):
        flags = {"--title": "title", "--remove-dep": "remove_deps"}
        value = argv[1] if argv[0] == "--title" else (argv[1],)
        edited(text, "A-1", ItemEdit(**{flags[argv[0]]: value}))  # type: ignore[arg-type]


CHECKLIST = """\
# Plan

## Work

- [ ] A-1 First thing
- [ ] A-2 Second thing
- [ ] A-3 Third thing (depends on: A-1 (partly), A-2)
- [] A-4 Fourth
"""


def test_a_box_written_without_a_space_takes_a_status(tmp_path: Path) -> None:
    """``- []`` is an open box: the mark is written in its place. It was written over the
    closing bracket (``- [x A-4``), and the refusal named another line."""
    path = tmp_path / "PLAN.md"
    path.write_text(CHECKLIST, encoding="utf-8")
    done = cli("set", "A-4", "--status", "done", str(path), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == CHECKLIST.replace("- [] A-4", "- [x] A-4")
    weird = cli("set", "A-4", "--status", "weird", str(path), cwd=tmp_path)
    assert weird.stderr.startswith(f"roadmaplint: error: {path}:8: a box writes the statuses")


def test_a_note_in_parentheses_inside_inline_dependencies(tmp_path: Path) -> None:
    """``(depends on: A-1 (partly), A-2)``: both are dependencies, the note is A-1's, and the
    title is the words before. The list ended at the note's ``)``: the title read
    "Third thing , A-2)" and A-2 was lost."""
    path = tmp_path / "PLAN.md"
    path.write_text(CHECKLIST, encoding="utf-8")
    listed = cli("list", "--format", "json", str(path), cwd=tmp_path)
    third = next(item for item in json.loads(listed.stdout) if item["id"] == "A-3")
    assert third["title"] == "Third thing"
    shown = cli("show", "A-3", str(path), cwd=tmp_path).stdout
    assert "Depends on:      A-1 ([ ]; partly), A-2 ([ ])\n" in shown  # open boxes
    added = cli("set", "A-3", "--add-dep", "A-4", str(path), cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert path.read_text(encoding="utf-8") == CHECKLIST.replace("A-2)", "A-2, A-4)")


MARKED = """\
# Plan

## Phase 1

### A1 ⬜ — First thing

Some text.

### A2 🔄 🟡Med — Second thing

### TASK-8 ✓ DONE

- **Module:** Schema
"""


@pytest.mark.parametrize(
    ("argv", "line", "written"),
    [
        (["A1", "--status", "done"], "### A1 ⬜ — First thing", "### A1 ✅ — First thing"),
        (["A2", "--status", "ready"], "### A2 🔄 🟡Med — Second", "### A2 ⬜ 🟡Med — Second"),
        (["A1", "--status", "🚧"], "### A1 ⬜ — First thing", "### A1 🚧 — First thing"),
        (
            ["TASK-8", "--status", "ready"],
            "### TASK-8 ✓ DONE\n\n",
            "### TASK-8\n\n- **Status:** ready\n",
        ),
    ],
)
def test_set_status_rewrites_the_heading_mark_that_is_the_status(
    argv: list[str], line: str, written: str, tmp_path: Path
) -> None:
    """Where the heading's mark is the item's status, set --status writes the mark: it
    added a Status field under a heading still saying the old status. A check mark that
    can say only done goes, and the field says the rest."""
    path = tmp_path / "PLAN.md"
    path.write_text(MARKED, encoding="utf-8")
    result = cli("set", *argv, str(path), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == MARKED.replace(line, written)
    listed = cli("list", "--format", "json", str(path), cwd=tmp_path)
    status = {item["id"]: item["status"] for item in json.loads(listed.stdout)}[argv[0]]
    assert status == {"done": "✅", "ready": "⬜" if argv[0] == "A2" else "ready"}.get(
        argv[2], argv[2]
    )
    # and says what it wrote where the plan writes the status another way
    echo = f"Set {argv[0]}: Status {argv[2]}"
    assert result.stdout == echo + (f" (written {status})" if status != argv[2] else "") + "\n"


def test_a_status_no_heading_mark_writes_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "PLAN.md"
    path.write_text(MARKED, encoding="utf-8")
    result = cli("set", "A1", "--status", "blocked", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"roadmaplint: error: {path}:5: the mark ⬜ in the heading is the status; give a "
        "status a mark writes: ✅ (done), ⬜ (ready), 🔄 (in progress)\n"
    )
    assert path.read_text(encoding="utf-8") == MARKED


HABIT = """\
# Backlog

| ID | Task | Status | Priority | Owner |
|----|------|--------|----------|-------|
| T-1 | Parser | done | High | ana |
| T-2 | Writer | todo | Medium | — |
| T-3 | Docs | todo | Low | ana |
| T-4 | Tests | doing | High | bob |
| T-5 | Bench | done | Medium | ana |
"""


def test_new_fills_the_cells_a_table_writes_on_every_row(tmp_path: Path) -> None:
    # The row was added with its Status, Priority and Owner cells empty, and the next
    # check said RL103 three times about the item just added.
    path = tmp_path / "BACKLOG.md"
    path.write_text(HABIT, encoding="utf-8")
    added = cli("new", "Backlog", "Release", str(path), cwd=tmp_path)
    assert (added.returncode, added.stdout) == (0, "Added T-6 to Backlog\n")
    # a not-started status it writes, its lowest priority, nobody as it writes nobody
    assert path.read_text(encoding="utf-8") == HABIT + "| T-6 | Release | todo | Low | — |\n"
    assert cli("check", str(path), cwd=tmp_path).returncode == 0
    # what the request names wins
    named = cli(
        "new", "Backlog", "Ship", "--priority", "High", "--dri", "bob", str(path), cwd=tmp_path
    )
    assert named.returncode == 0, named.stderr
    assert path.read_text(encoding="utf-8").endswith("| T-7 | Ship | todo | High | bob |\n")


BAR_JOINED = """\
# Roadmap

## Work

### [API-1] Login

{quote}Status: in progress | Priority: P1 | Owner: @alice

### [API-2] Export

{quote}Status: todo | Priority: P2 | Owner: @bob | Depends on: API-1
"""


@pytest.mark.parametrize("quote", ["", "> "])
def test_plain_fields_joined_by_bars_are_each_read_and_set_alone(
    quote: str, tmp_path: Path
) -> None:
    """``Status: todo | Priority: P2 | Owner: @bob``, plain or quoted: each name a field.
    The status read as the whole rest of the line, and set wrote ``Status: done`` over
    the priority, the owner and the dependency."""
    text = BAR_JOINED.format(quote=quote)
    export = parse(text, "ROADMAP.md", SETTINGS).items[1]
    assert (export.status, export.priority, export.dri, export.depends_on) == (
        "todo",
        "P2",
        "@bob",
        ("API-1",),
    )
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    done = cli("set", "API-2", "--status", "done", str(path), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    assert path.read_text(encoding="utf-8") == text.replace("Status: todo |", "Status: done |")


NUMBERED_ROWS = """\
# Sprint 4 backlog

| # | Story | Points | Status |
|---|-------|--------|--------|
| 1 | As a user I can log in | 3 | Done |
| 2 | As a user I can reset my password | 5 | In Progress |
| 3 | As an admin I can ban users | 8 | To Do |
"""


def test_new_numbers_a_row_of_bare_numbers_one_above_the_highest(tmp_path: Path) -> None:
    # The next row of 1, 2, 3 was 13: the number's digits were taken for a prefix.
    path = tmp_path / "BACKLOG.md"
    path.write_text(NUMBERED_ROWS, encoding="utf-8")
    added = cli("new", "Sprint 4 backlog", "Ban appeals", str(path), cwd=tmp_path)
    assert (added.returncode, added.stdout) == (0, "Added 4 to Sprint 4 backlog\n")
    assert "| 4 | Ban appeals |" in path.read_text(encoding="utf-8")
    padded = NUMBERED_ROWS.replace("| 1 |", "| 001 |").replace("| 2 |", "| 009 |")
    path.write_text(padded.replace("| 3 |", "| 010 |"), encoding="utf-8")
    assert cli("new", "Sprint 4 backlog", "X", str(path), cwd=tmp_path).stdout == (
        "Added 011 to Sprint 4 backlog\n"
    )
