"""RL401-RL403 and regenerating the Priority Overview with `fix`."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import brief, cli, findings, item, roadmap

from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse

BASE = roadmap(
    ("Modeling", [item("MODEL-1", priority="P0"), item("MODEL-2"), item("MODEL-3", priority="P2")])
)
OVERVIEW = "# Priority Overview\n\n## P0\n\n- MODEL-1\n\n## P1\n\n- MODEL-2\n\n## P2\n\n- MODEL-3\n"
STALE = "Priority Overview is out of date: "


def test_generated_overview_has_the_example_style() -> None:
    assert BASE.endswith("---\n\n" + OVERVIEW)
    assert findings(BASE) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("- MODEL-3\n", "- MODEL-3\n- BE-9\n"), [(64, 1, "BE-9 is listed but is no item")]),
        (("- MODEL-2\n", ""), [(57, 1, "MODEL-2 (P1) is missing under P1")]),
        (
            ("- MODEL-1\n\n## P1\n\n- MODEL-2\n", "\n## P1\n\n- MODEL-1\n- MODEL-2\n"),
            [(58, 1, "MODEL-1 is listed under P1 but is P0")],
        ),
        (
            ("- MODEL-3\n", "- MODEL-3\n- MODEL-2\n"),
            [(64, 1, "MODEL-2 is listed twice (first on line 59)")],
        ),
        (
            (
                "## P0\n\n- MODEL-1\n\n## P1\n\n- MODEL-2\n",
                "## P1\n\n- MODEL-2\n\n## P0\n\n- MODEL-1\n",
            ),
            [
                (
                    51,
                    1,
                    "priority groups are in the order P1, P0, P2; the Priority Legend orders them P0, P1, P2",
                )
            ],
        ),
    ],
)
def test_stale_overview_messages(
    edit: tuple[str, str], expected: list[tuple[int, int, str]]
) -> None:
    text = BASE.replace(*edit)
    assert text != BASE
    found = findings(text, "RL4")
    assert [(line, column, message) for line, column, _, message in brief(found)] == [
        (line, column, STALE + message) for line, column, message in expected
    ]
    assert all(finding.fixable for finding in found)
    fixed = fix_text(text)
    assert fixed.text == BASE


def test_a_group_naming_no_priority_is_refused_not_deleted() -> None:
    # It may be a heading of the user's own; fix names the line and writes nothing.
    text = BASE.replace("## P0", "## PX")
    found = findings(text, "RL4")
    assert [(f.line, f.message, f.fixable) for f in found] == [
        (53, STALE + 'group "PX" names no priority of the Priority Legend', False),
        (55, STALE + "MODEL-1 is listed under PX but is P0", True),
    ]
    fixed = fix_text(text)
    assert (fixed.text, fixed.changes) == (text, ())
    assert fixed.refused == (
        'line 53: "PX" in the Priority Overview names no priority of the Priority Legend, '
        "and fix will not delete it; rename it to a priority, make it a ### heading, or remove it"
    )


def test_items_out_of_document_order() -> None:
    text = roadmap(("Modeling", [item("MODEL-1"), item("MODEL-2")]))
    swapped = text.replace("- MODEL-1\n- MODEL-2\n", "- MODEL-2\n- MODEL-1\n")
    assert brief(findings(swapped, "RL401")) == [
        (
            len(swapped.splitlines()) - 1,
            1,
            "RL401",
            STALE
            + "under P1, MODEL-2 is listed before MODEL-1; items are listed in document order",
        )
    ]
    assert fix_text(swapped).text == text


def test_fix_is_a_byte_for_byte_no_op_on_a_correct_file() -> None:
    result = fix_text(BASE)
    assert result.text is BASE
    assert not result.changed


def test_fix_keeps_labels_indentation_bullets_and_crlf() -> None:
    text = BASE.replace("## P0\n", "## P0 (Critical)\n").replace("## P2\n", "## P2 (Someday)\n")
    text = text.replace("- MODEL-2\n", "")
    text = "".join("  " + line if line.strip() else line for line in text.splitlines(True))
    text = text.replace("\n  - MODEL", "\n  * MODEL").replace("\n", "\r\n")
    fixed = fix_text(text).text
    assert "\r\n  ## P1\r\n\r\n  * MODEL-2\r\n" in fixed
    assert "  ## P0 (Critical)\r\n\r\n  * MODEL-1\r\n" in fixed
    assert "  ## P2 (Someday)\r\n\r\n  * MODEL-3\r\n" in fixed
    assert "\n" not in fixed.replace("\r\n", "")
    assert fix_text(fixed).text == fixed


def test_fix_keeps_a_missing_final_newline_and_a_bom() -> None:
    text = "\ufeff" + BASE.replace("- MODEL-2\n", "").rstrip("\n")
    fixed = fix_text(text).text
    assert fixed == "\ufeff" + BASE.rstrip("\n")


def test_fix_appends_a_missing_overview_after_a_rule() -> None:
    without = BASE[: BASE.index("# Priority Overview")]
    assert without.endswith("---\n\n")
    assert brief(findings(without, "RL402")) == [
        (
            len(without.splitlines()),
            1,
            "RL402",
            'the "# Priority Overview" section is missing; roadmaplint fix appends it',
        )
    ]
    assert fix_text(without).text == BASE
    ends_with_text = without.rstrip("-\n") + "\nlast words"
    appended = fix_text(ends_with_text).text
    assert appended == ends_with_text + "\n\n---\n\n" + OVERVIEW


def test_overview_in_the_middle_keeps_what_follows() -> None:
    middle = BASE.replace("---\n\n# Modeling", OVERVIEW + "\n---\n\n# Modeling", 1)
    middle = middle[: middle.rindex("# Priority Overview")].rstrip("-\n") + "\n"
    stale = middle.replace("- MODEL-2\n", "")
    fixed = fix_text(stale)
    assert fixed.text == middle
    assert findings(fixed.text, "RL4") == []


def test_fix_drops_a_group_left_empty_as_init_leaves_unused_groups_out() -> None:
    # MODEL-3 moved to P1 by hand: its old group is left with nothing in it
    text = BASE.replace("- **Priority:** P2", "- **Priority:** P1")
    fixed = fix_text(text).text
    assert fixed.endswith("## P1\n\n- MODEL-2\n- MODEL-3\n")
    assert "## P2" not in fixed
    assert findings(fixed, "RL4") == []
    # the same from a group written empty, in the old layout with no blank line
    old = BASE.replace("## P2\n\n- MODEL-3\n", "## P2\n").replace("\n\n- MODEL", "\n- MODEL")
    moved = old.replace("- **Priority:** P2", "- **Priority:** P1")
    assert findings(old.replace("- MODEL-3\n", ""), "RL4")  # stale: MODEL-3 missing
    assert "## P2" not in fix_text(moved).text


def test_fix_keeps_an_empty_group_that_holds_words_of_the_user() -> None:
    text = BASE.replace("- **Priority:** P2", "- **Priority:** P1")
    text = text.replace("- MODEL-3\n", "- MODEL-3\n\nNothing here until the spring.\n")
    fixed = fix_text(text).text
    assert fixed.endswith("- MODEL-3\n\n## P2\n\nNothing here until the spring.\n")
    assert findings(fixed, "RL4") == []


def test_repeated_overview_is_reported_and_not_fixed() -> None:
    text = BASE + "\n" + OVERVIEW
    second = len(BASE.splitlines()) + 2
    assert brief(findings(text, "RL403")) == [
        (
            second,
            1,
            "RL403",
            "a second Priority Overview section (the first is on line 51); remove one, "
            "fix will not guess which",
        )
    ]
    result = fix_text(text)
    assert result.text == text
    assert result.refused == f"more than one Priority Overview (lines 51, {second}); not guessing"


def test_fix_refuses_when_rendering_would_lose_an_item(monkeypatch: pytest.MonkeyPatch) -> None:
    import roadmaplint.generate.render as generate

    def broken(
        name: str, variables: dict[str, object], configured: str | None = None, **_: object
    ) -> str:
        return "\n## P0\n- MODEL-1\n\n# Modeling\n\n## [MODEL-9] injected\n"

    monkeypatch.setattr(generate, "render", broken)
    stale = BASE.replace("- MODEL-2\n", "")
    result = fix_text(stale)  # the template's output has no line for MODEL-2
    assert result.refused == "the overview template's output has no line for MODEL-2"
    assert result.text == stale


def test_fixed_records_equal_the_original_records() -> None:
    stale = BASE.replace("- MODEL-2\n", "")
    before = parse(stale).items
    after = parse(fix_text(stale).text).items
    assert before == after


def test_an_edit_that_empties_a_group_drops_it_and_leaves_other_empty_groups(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ROADMAP.md"
    # P0 is empty and was before: not the edit's to remove (fix would, were it stale)
    text = BASE.replace("- **Priority:** P0", "- **Priority:** P1").replace("- MODEL-1\n\n", "")
    text = text.replace("## P1\n\n- MODEL-2\n", "## P1\n\n- MODEL-1\n- MODEL-2\n")
    assert findings(text, "RL4") == []
    path.write_text(text, encoding="utf-8")
    result = cli("set", "MODEL-3", "--priority", "P1", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert path.read_text(encoding="utf-8").endswith(
        "# Priority Overview\n\n## P0\n\n## P1\n\n- MODEL-1\n- MODEL-2\n- MODEL-3\n"
    )
    assert findings(path.read_text(encoding="utf-8"), "RL4") == []
    assert cli("set", "MODEL-3", "--priority", "P2", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8").endswith(
        "## P1\n\n- MODEL-1\n- MODEL-2\n\n## P2\n\n- MODEL-3\n"
    )


BOXED = """\
# Roadmap

## [A-1] Parse

- **Status:** done
- **Priority:** P1

## [A-2] Write

- **Status:** {status}
- **Priority:** {priority}

# Priority Overview

## P1

- [x] A-1 Parse
"""


@pytest.mark.parametrize(
    ("status", "priority", "entry", "where"),
    [
        ("ready", "P2", "- [ ] A-2 Write", "\n## P2\n\n"),  # a new group's entry
        ("done", "P1", "- [x] A-2 Write", ""),  # beside its neighbour, ticked
    ],
)
def test_fix_writes_a_new_entry_as_the_overview_writes_its_own(
    status: str, priority: str, entry: str, where: str
) -> None:
    # An overview written as a checklist of titled boxes had `- A-2` appended to it.
    text = BOXED.format(status=status, priority=priority)
    fixed = fix_text(text).text
    assert fixed == text + where + entry + "\n"
    assert fix_text(fixed).text == fixed
    # bare boxes take a bare box; a title other than the item's is no style to copy
    bare = text.replace("- [x] A-1 Parse", "- [x] A-1")
    assert fix_text(bare).text == bare + where + entry.removesuffix(" Write") + "\n"
    noted = text.replace("- [x] A-1 Parse", "- [x] A-1 parsing, shipped")
    assert fix_text(noted).text == noted + where + entry.removesuffix(" Write") + "\n"
