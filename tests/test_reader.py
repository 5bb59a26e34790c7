"""The shapes real roadmaps are written in: item headings, sections, field styles, aliases,
vocabularies from the configuration, stray lists (RL108) and documents with no items (RL109)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import FIXTURES, LEGENDS, findings, installed_command, item, roadmap
from hypothesis import given
from hypothesis import strategies as st

from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse, read_item_lines
from roadmaplint.settings import Settings
from roadmaplint.text import split_lines

IDS = ["MODEL-1", "SSQ-001", "ARK1", "BB-BL1", "BB-ENV1", "ROAD-C01", "API_V2-10"]
SHAPES = ["[{id}] {title}", "{id} — {title}", "{id} – {title}", "{id} - {title}", "{id}: {title}"]
FIELDS = "- **DRI:** @ana\n- **Status:** ready\n- **Priority:** P1\n"


def document(*headings: str, body: str = FIELDS) -> str:
    text = LEGENDS + "# Work\n\n"
    for heading in headings:
        text += f"{heading}\n\n{body}\n" if body else f"{heading}\n\n"
    return text


@pytest.mark.parametrize("level", [2, 3, 4])
@pytest.mark.parametrize("shape", SHAPES)
def test_item_headings_at_each_level_and_separator(level: int, shape: str) -> None:
    heading = "#" * level + " " + shape.format(id="MODEL-1", title="Load weights")
    [found] = parse(document(heading)).items
    assert (found.id, found.title, found.section) == ("MODEL-1", "Load weights", "Work")
    assert (found.dri, found.status, found.priority) == ("@ana", "ready", "P1")


@pytest.mark.parametrize("item_id", IDS)
def test_the_default_id_pattern_reads_the_ids_real_projects_use(item_id: str) -> None:
    [found] = parse(document(f"## {item_id} — Title")).items
    assert found.id == item_id


@pytest.mark.parametrize("heading", ["## model-1 — Title", "## MODEL — Title", "## v0.28 TODOs"])
def test_what_is_no_id(heading: str) -> None:
    assert parse(document("## [MODEL-2] Real", heading)).items[0].id == "MODEL-2"
    assert len(parse(document("## [MODEL-2] Real", heading)).items) == 1


ARK = """\
# ARK Roadmap

## M0 — usable policy compiler

Goal: a compiler people can use.

### ARK1 — Parse policies

- **Status:** ready

### ARK2 — Compile policies

- **Status:** idea

## M1 — runtime

### Notes on the runtime

Prose under a section, before its items.

### ARK3 — Evaluate at runtime

- **Status:** idea
"""


def test_a_heading_with_an_id_that_holds_items_is_a_section() -> None:
    parsed = parse(ARK)
    assert [(found.id, found.section) for found in parsed.items] == [
        ("ARK1", "M0 — usable policy compiler"),
        ("ARK2", "M0 — usable policy compiler"),
        ("ARK3", "M1 — runtime"),
    ]
    assert [section.name for section in parsed.sections] == [
        "M0 — usable policy compiler",
        "M1 — runtime",
    ]
    assert parsed.sections[0].end_line == 14  # the line before "## M1 — runtime"


def test_item_heading_level_fixes_the_level() -> None:
    at_three = parse(ARK, settings=Settings(item_heading_level=3))
    assert [found.id for found in at_three.items] == ["ARK1", "ARK2", "ARK3"]
    at_two = parse(ARK, settings=Settings(item_heading_level=2))
    assert [(found.id, found.title) for found in at_two.items] == [
        ("M0", "usable policy compiler"),
        ("M1", "runtime"),
    ]


def test_prose_headings_between_a_section_and_its_items() -> None:
    text = roadmap(
        (
            "Modeling",
            [
                "## Background\n\nWhy this section exists.\n\n### Details\n\nMore.\n\n",
                item("MODEL-1"),
                "## Notes\n\nsome text\n\n",
                item("MODEL-2"),
            ],
        )
    )
    parsed = parse(text)
    assert [(found.id, found.section) for found in parsed.items] == [
        ("MODEL-1", "Modeling"),
        ("MODEL-2", "Modeling"),
    ]
    assert findings(text) == []


def test_items_at_level_three_under_prose_level_two_headings() -> None:
    text = LEGENDS + (
        "# Roadmap\n\n## Backlog\n\n### BB-BL1 — Bootstrap\n\n- **Status:** ready\n\n"
        "## Environment\n\nSome prose.\n\n### BB-ENV1 — Containers\n\n- **Status:** idea\n"
    )
    parsed = parse(text)
    assert [(found.id, found.section) for found in parsed.items] == [
        ("BB-BL1", "Backlog"),
        ("BB-ENV1", "Environment"),
    ]


def test_a_sub_heading_of_an_item_stays_in_the_item() -> None:
    text = document("## [MODEL-1] A", body=FIELDS + "\n### Design notes\n\n- **Links:** PR 1\n")
    [found] = parse(text).items
    assert [field.key for field in found.fields] == ["dri", "status", "priority", "links"]


@pytest.mark.parametrize("marker", ["-", "*", "+", "1.", "1)"])
def test_fields_in_lists_with_every_marker(marker: str) -> None:
    body = f"{marker} **DRI:** @ana\n{marker} **Status:** done\n{marker} **Priority:** P0\n"
    [found] = parse(document("## [MODEL-1] A", body=body)).items
    assert (found.dri, found.status, found.priority) == ("@ana", "done", "P0")
    # the bullet generated lists use: an ordered list's marker is none
    assert parse(document("## [MODEL-1] A", body=body)).style.bullet == (
        marker if marker in "-*+" else "-"
    )


def test_bold_inside_or_outside_the_colon_and_plain_known_names() -> None:
    body = "- **DRI:** @ana\n- **Status**: done\n- Priority: P0\n- Depends on: MODEL-9\n- Note: x\n"
    [found] = parse(document("## [MODEL-1] A", body=body)).items
    assert [(field.name, field.key, field.value) for field in found.fields] == [
        ("DRI", "dri", "@ana"),
        ("Status", "status", "done"),
        ("Priority", "priority", "P0"),
        ("Depends on", "depends on", "MODEL-9"),
    ]  # "Note" is no known name, so "- Note: x" is a plain bullet, not a field


def test_paragraph_lines_under_the_heading_are_fields_with_exact_positions() -> None:
    body = "**Status:** ready  \n**Owner:** @ana\nPriority: P2\n\nA description.\n\n**Note:** x\n"
    text = document("### SSQ-001 — Queue", body=body)
    [found] = parse(text).items
    lines = text.splitlines()
    assert [
        (
            f.name,
            f.value,
            (f.position.line, f.position.column),
            (f.value_position.line, f.value_position.column),
            f.end_line,
        )
        for f in found.fields
    ] == [
        ("Status", "ready", (21, 1), (21, 13), 21),
        ("Owner", "@ana", (22, 1), (22, 12), 22),
        ("Priority", "P2", (23, 1), (23, 11), 23),
    ]  # the paragraph after the description is prose
    for field in found.fields:
        line = lines[field.position.line - 1]
        assert line[field.position.column - 1 :].startswith(("**", field.name))
        assert line[field.value_position.column - 1 :].rstrip() == field.value
    assert (found.status, found.dri, found.priority) == ("ready", "@ana", "P2")


def test_plain_list_fields_record_where_name_and_value_start() -> None:
    text = document("## [MODEL-1] A", body="  * Status: ready\n  * Assigned to: @bo\n")
    [status, dri] = parse(text).items[0].fields
    line = text.splitlines()[status.position.line - 1]
    assert line[status.position.column - 1 :] == "Status: ready"
    assert line[status.value_position.column - 1 :] == "ready"
    line = text.splitlines()[dri.position.line - 1]
    assert line[dri.value_position.column - 1 :] == "@bo"


def test_a_definition_of_done_under_a_paragraph_field() -> None:
    body = "**Status:** ready\n**Definition of Done:**\n- [x] parsed\n- [ ] compiled\n"
    [found] = parse(document("## ARK1 — Parse", body=body)).items
    assert [(done.text, done.checked) for done in found.definition_of_done] == [
        ("parsed", True),
        ("compiled", False),
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Owner", "dri"),
        ("Assignee", "dri"),
        ("Assigned to", "dri"),
        ("Dependencies", "depends on"),
        ("Depends", "depends on"),
        ("Blocked by", "depends on"),
        ("Requires", "depends on"),
        ("State", "status"),
    ],
)
def test_built_in_aliases(name: str, key: str) -> None:
    body = f"- **Status:** blocked\n- **Priority:** P1\n- **DRI:** @ana\n- **{name}:** MODEL-2\n"
    body = body.replace(f"- **{key.title() if key != 'dri' else 'DRI'}:**", "- **Old:**", 1)
    text = document("## [MODEL-1] A", "## [MODEL-2] B", body=body)
    first = parse(text).items[0]
    assert first.field(key) is not None and first.field(key).name == name  # type: ignore[union-attr]
    assert "RL104" not in {
        f.code for f in findings(text) if f.item == "MODEL-1" and "Old" not in f.message
    }


def test_aliased_fields_fill_the_item() -> None:
    body = (
        "- **Owner:** @ana\n- **State:** blocked\n- **Priority:** P1\n- **Blocked by:** MODEL-2\n"
    )
    body += "- **Definition of Done:**\n  - it works\n"
    text = roadmap(("Work", [f"## [MODEL-1] A\n\n{body}\n", item("MODEL-2")]))
    first = parse(text).items[0]
    assert (first.dri, first.status, first.depends_on) == ("@ana", "blocked", ("MODEL-2",))
    assert findings(text) == []


def test_configured_aliases_extra_fields_and_required_fields_by_alias() -> None:
    body = "- **Lead:** @ana\n- **Status:** ready\n- **Priority:** P1\n- **Target:** v1\n"
    body += "- **Definition of Done:**\n  - it works\n"
    text = roadmap(("Work", [f"## [MODEL-1] A\n\n{body}\n"]))
    plain = [(f.code, f.message) for f in findings(text)]
    assert [code for code, _ in plain] == ["RL103", "RL104", "RL104"]
    settings = Settings(
        field_aliases=(("Lead", "DRI"),),
        extra_fields=("Target",),
        required_fields=("Owner", "State", "Priority"),
    )
    assert findings(text, settings=settings) == []
    assert parse(text, settings=settings).items[0].dri == "@ana"
    missing = Settings(required_fields=("Owner", "Repo"))
    assert [f.message for f in findings(text, settings=missing) if f.code == "RL103"] == [
        'MODEL-1 is missing the required field Owner (add "- **Owner:** ...")',
        'MODEL-1 is missing the required field Repo (add "- **Repo:** ...")',
    ]


@pytest.mark.parametrize("nothing", ["None", "none", "NONE", "n/a", "N/A", "-"])
def test_words_that_mean_no_dependency(nothing: str) -> None:
    body = f"- **Status:** blocked\n- **Depends on:** {nothing}\n"
    [found] = parse(document("## [MODEL-1] A", body=body)).items
    assert (found.depends_on, found.external_deps) == ((), ())


NO_LEGENDS = (
    "# Plan\n\n## SSQ-001 — Queue\n\n- **Owner:** @ana\n- **Status:** redy\n- **Priority:** P1\n"
)


def test_vocabularies_from_the_configuration() -> None:
    # Without legends or configuration, roadmaplint's format is not asked for (issue 20).
    assert [f.code for f in findings(NO_LEGENDS)] == []
    settings = Settings(status_values=("ready", "done"), priority_values=("P0", "P1"))
    reported = [(f.code, f.message) for f in findings(NO_LEGENDS, settings=settings)]
    assert reported == [
        (
            "RL201",
            'SSQ-001 has status "redy", which is not in the status-values of the configuration '
            "(did you mean ready?); allowed: ready, done",
        ),
        ("RL402", 'the "# Priority Overview" section is missing; roadmaplint fix appends it'),
    ]
    fixed = fix_text(NO_LEGENDS.replace("redy", "ready"), settings=settings).text
    assert fixed.endswith("# Priority Overview\n\n## P1\n\n- SSQ-001\n")


# RL109: no items


def rl109(text: str, settings: Settings | None = None) -> str:
    found = findings(text, settings=settings)
    assert [f.code for f in found] == ["RL109"]
    return found[0].message


def test_no_items_is_one_finding_naming_what_was_looked_for() -> None:
    message = rl109(LEGENDS + "# Plans\n\nWe will do things.\n\n# Priority Overview\n\n## P0\n")
    assert message.startswith(
        'no items found: an item is a heading "[ID] Title" or "ID — Title" (or –, -, :) at '
        "level 2, 3 or 4 whose ID matches the default id-pattern"
    )
    assert message.endswith(
        "and no heading looks like one; set id-pattern or item-heading-level in the "
        "configuration if your items are written otherwise"
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "## [road-c01] Lower case\n",
            'line 19: heading "[road-c01] Lower case": its ID "road-c01"',
        ),
        ("## task-12: Write it\n", 'line 19: heading "task-12: Write it": its ID "task-12"'),
        ("## MODEL-1 Attention\n", 'line 19: heading "MODEL-1 Attention": no separator'),
        ("##### [MODEL-1] Deep\n", 'line 19: heading "[MODEL-1] Deep" is of level 5'),
        ("- ## [MODEL-1] In a list\n", 'line 19: heading "[MODEL-1] In a list" is inside a list'),
        ("| ID | Title |\n| --- | --- |\n| MODEL-1 | A |\n", "line 21: a table row names MODEL-1"),
        (
            "```\n## [MODEL-1] Quoted\n- **Status:** ready\n```\n",
            "line 20: item headings or fields",
        ),
    ],
)
def test_near_misses_say_why_they_were_not_read(body: str, reason: str) -> None:
    message = rl109(LEGENDS + "# Work\n\n" + body)
    assert f"; near misses: {reason}" in message


def test_a_custom_id_pattern_is_named_as_written() -> None:
    settings = Settings(id_pattern="T-[0-9]+")
    message = rl109(LEGENDS + "# Work\n\n## TASK-1: A\n", settings)
    assert "whose ID matches id-pattern 'T-[0-9]+'" in message
    assert "its ID \"TASK-1\" does not match id-pattern 'T-[0-9]+'" in message


def test_fix_on_a_document_with_no_items_changes_nothing_and_says_why(tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "ROADMAP.md"
    text = LEGENDS + "# Plans\n\nWe will do things.\n"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [installed_command(), "fix", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr == (
        f"{path}: cannot fix: no items were read, so there is nothing to generate; "
        "`roadmaplint check` (RL109) says what was looked for\n"
    )
    assert path.read_text(encoding="utf-8") == text
    strict = subprocess.run(
        [installed_command(), "check", "--strict", str(path)], capture_output=True, text=True
    )
    assert strict.returncode == 1 and "RL109" in strict.stdout


# RL108: the list that swallows the document


def indented(text: str, spaces: int) -> str:
    return "".join(" " * spaces + line if line.strip() else line for line in text.splitlines(True))


@pytest.mark.parametrize(
    ("document_indent", "stray", "reindented"),
    [
        (2, "- a\n- b\n", "  - a\n  - b\n"),
        (3, " - a\n - b\n", "   - a\n   - b\n"),
        (3, "- a\n- b\n", "   - a\n   - b\n"),
        (3, "1. a\n2. b\n", "   1. a\n   2. b\n"),
    ],
)
def test_a_stray_list_is_reported_read_through_and_fixed(
    document_indent: str, stray: str, reindented: str
) -> None:
    clean = indented(
        roadmap(("Work", [item("MODEL-1", status="redy"), item("MODEL-2")])), int(document_indent)
    )
    broken = clean.replace("\n\n", "\n\n" + stray + "\n", 1)
    found = findings(broken)
    assert [f.code for f in found] == ["RL108", "RL201"]
    assert found[0].line == 3
    assert f"in a document indented by {document_indent} spaces" in found[0].message
    # Every other finding keeps its real line: RL201 is two lines lower than in the clean file.
    [clean_rl201] = findings(clean)
    assert (found[1].line, found[1].message) == (clean_rl201.line + 3, clean_rl201.message)
    assert [i.id for i in parse(broken).items] == ["MODEL-1", "MODEL-2"]
    result = fix_text(broken)
    assert result.changes == ("stray list on line 3 indented like the document",)
    assert result.text == clean.replace("\n\n", "\n\n" + reindented + "\n", 1)
    assert [f.code for f in findings(result.text)] == ["RL201"]
    assert fix_text(result.text).text == result.text


def test_a_list_that_swallows_nothing_is_no_stray_list() -> None:
    text = roadmap(("Work", [item("MODEL-1")]))
    with_list = text.replace("\n\n", "\n\n- a\n- b\n\n", 1)  # not indented: nothing to swallow
    assert findings(with_list) == []


# The incremental re-read


@pytest.mark.parametrize(
    "name", ["gomlx-roadmap.md", "gomlx-TODO-e0c8724.md", "gomlx-TODO-e9f81d3.md"]
)
def test_reading_one_item_alone_equals_the_full_parse(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    parsed = parse(text)
    for found in parsed.items:
        first, last = found.position.line, found.end_line
        alone = read_item_lines(
            "".join(split_lines(text)[first - 1 : last]),
            first,
            section=found.section,
            references=parsed.references,
        )
        assert alone is not None and alone.item == found
        assert alone.blocks == tuple(b for b in parsed.blocks if first <= b.line <= last)
        assert alone.comments == tuple(c for c in parsed.comments if first <= c.line <= last)


def test_reading_one_item_alone_in_every_shape() -> None:
    for text in (ARK, document("### SSQ-001 — Queue", body="**Status:** ready\nOwner: @ana\n")):
        parsed = parse(text)
        for found in parsed.items:
            first, last = found.position.line, found.end_line
            item_text = "".join(split_lines(text)[first - 1 : last])
            alone = read_item_lines(item_text, first, section=found.section)
            assert alone is not None and alone.item == found
    # a range that is not one item
    assert read_item_lines("".join(split_lines(ARK)[2:14]), 3) is None


@given(st.text(alphabet="ab\n\r\v\f\x1c\x85\u2028 "))
def test_split_lines_ends_lines_where_markdown_does_only(text: str) -> None:
    # splitlines() (the fast path) also breaks at \v, \f, \x1c-\x1e, \x85, \u2028-9.
    expected = [line for line in re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text) if line]
    assert split_lines(text) == expected


@pytest.mark.parametrize(
    "row",
    [
        "| Status | done | shipped in v2 |",  # a third cell under a two-column header
        "| Status | done |## Done",  # a row left open
        "| **Status** |  done  |  |",
    ],
)
def test_a_field_table_row_of_other_cells_is_read_not_crashed_on(row: str) -> None:
    # The value was looked for as its cells joined by bare bars, which the line does not
    # hold: check stopped with a traceback (ValueError: substring not found).
    text = f"# Roadmap\n\n### [API-3] Import\n\n| Field | Value |\n|---|---|\n{row}\n"
    item = parse(text, "ROADMAP.md", Settings()).items[0]
    status = item.field("status")
    assert status is not None and status.value.startswith("done")
    assert not status.value.endswith("|")  # an empty cell after it is none of it
    line = text.splitlines()[status.value_position.line - 1]
    assert line[status.value_position.column - 1 :].startswith("done")
