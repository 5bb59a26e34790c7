"""The fourteenth break pass: this session's readings and writes (plain bullets that
lead with an ID under status headings, moved between them by ``set --status``) on
documents written the way people write them; every write through the installed command
line with the file's bytes compared: only what was asked changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items

BOARD = """\
# Plan

## Todo

- FEAT-1: Login page @alice (P1)
- FEAT-2: Logout (blocked by FEAT-1)

## In progress

- [FEAT-4] Sessions @bob

## Done

- FEAT-3 — Signup
"""


def _set(tmp_path: Path, text: str, *args: str) -> str:
    plan = tmp_path / "PLAN.md"
    plan.write_bytes(text.encode("utf-8"))
    done = cli("set", *args, "PLAN.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return plan.read_bytes().decode("utf-8")


def test_moving_the_last_bullet_out_of_the_last_section_leaves_no_blank_line(
    tmp_path: Path,
) -> None:
    # the file ended with one newline; a blank line left at its end is a second one
    # (markdownlint's MD012), which the user did not ask for
    after = _set(tmp_path, BOARD, "FEAT-3", "--status", "todo")
    assert after == BOARD.replace("- FEAT-3 — Signup\n", "").replace(
        "(blocked by FEAT-1)\n", "(blocked by FEAT-1)\n- FEAT-3 — Signup\n"
    ).replace("## Done\n\n", "## Done\n")


def test_a_file_without_a_final_newline_keeps_none_after_a_move(tmp_path: Path) -> None:
    bare = BOARD.rstrip("\n")
    into = _set(tmp_path, bare, "FEAT-2", "--status", "done")
    assert not into.endswith("\n")
    assert into == bare.replace("- FEAT-2: Logout (blocked by FEAT-1)\n", "") + (
        "\n- FEAT-2: Logout (blocked by FEAT-1)"
    )
    # moved out of the last line, the heading left last keeps the newline it has (a
    # write never edits a heading it does not own), and no blank line is left after it
    out = _set(tmp_path, bare, "FEAT-3", "--status", "todo")
    assert out == bare.replace("\n- FEAT-3 — Signup", "").replace(
        "(blocked by FEAT-1)\n", "(blocked by FEAT-1)\n- FEAT-3 — Signup\n"
    )


def test_a_crlf_board_keeps_its_line_ends_after_a_move(tmp_path: Path) -> None:
    crlf = BOARD.replace("\n", "\r\n")
    after = _set(tmp_path, crlf, "FEAT-3", "--status", "todo")
    assert "\n" not in after.replace("\r\n", "")
    assert after.endswith("## Done\r\n")


QUEUE = """\
# Queue

## Todo

### T-1 — Login page

- **Priority**: P1

## Done

### T-2 — Signup

- **Priority**: P2"""


def test_a_task_heading_moved_to_the_end_of_a_file_without_a_final_newline(
    tmp_path: Path,
) -> None:
    # the heading queue's move, as the bullets': the moved lines end the file as its last
    # line did
    after = _set(tmp_path, QUEUE, "T-1", "--status", "done")
    task = "### T-1 — Login page\n\n- **Priority**: P1"
    assert after == QUEUE.replace(task + "\n\n", "") + "\n\n" + task


def test_a_title_keeps_its_combining_marks_in_the_reference_made_from_it() -> None:
    # a title typed with combining accents (as macOS writes them) names the item as one
    # typed precomposed does, so ``café-au-lait`` names both spellings, and ``Cafe au
    # lait`` without the accent stays another item
    import unicodedata

    text = "# TODO\n\n## Todo\n\n- Café au lait\n- Übersetzen\n- Cafe au lait\n"
    for spelled in (text, unicodedata.normalize("NFD", text)):
        assert [i.id for i in read_items(spelled, "TODO.md")] == [
            "café-au-lait",
            "übersetzen",
            "cafe-au-lait",
        ]
    # Hindi writes its vowels as marks: a word is not cut at each of them, and two
    # titles that differ in their last word are two references, not one made twice
    hindi = "# TODO\n\n## Todo\n\n- परियोजना की योजना बनाना\n- परियोजना की योजना बदलना\n"
    assert [i.id for i in read_items(hindi, "TODO.md")] == [
        "परियोजना-की-योजना-बनाना",
        "परियोजना-की-योजना-बदलना",
    ]


RANGED = """\
# Plan

| ID | Task | Status | Depends on |
|----|------|--------|------------|
| T033 | Parser | done | |
| T034 | Lexer | done | |
| T035 | Checker | todo | |
| T036 | Docs | todo | |
| T040 | Release | todo | T033-T036 |
"""


def test_removing_a_dependency_a_range_names_says_the_range_names_it(tmp_path: Path) -> None:
    # T040 depends on T035 (show says so): "does not depend on T035" was false; the one
    # line says the range names it, and the file is untouched
    plan = tmp_path / "PLAN.md"
    plan.write_bytes(RANGED.encode())
    done = cli("set", "T040", "--remove-dep", "T035", "PLAN.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "roadmaplint: error: PLAN.md:9: T040 depends on T035 by the range T033-T036; "
        "nothing written: edit the range by hand\n"
    )
    assert plan.read_bytes() == RANGED.encode()


PLAIN_BOARD = """\
# Board

## To Do

- Write the docs
- Add a logo

## Done

- Set up CI
"""


def test_new_under_a_status_heading_of_bullets_names_the_heading_it_found(
    tmp_path: Path,
) -> None:
    # "no section 'To Do'; sections: none" denied the heading on line 3; new writes no
    # bullet yet, and says so of the heading it found
    plan = tmp_path / "PLAN.md"
    plan.write_bytes(PLAIN_BOARD.encode())
    done = cli("new", "To Do", "Write the changelog", "PLAN.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        "roadmaplint: error: PLAN.md:3: 'To Do' is a heading over list entries, which new "
        "does not write yet (it adds a heading, a row or a box like the items around it); "
        "add the entry by hand\n"
    )
    assert plan.read_bytes() == PLAIN_BOARD.encode()


@pytest.mark.parametrize(
    "title",
    ["About the backlog", "What is a backlog", "Managing the backlog", "Grooming your backlog"],
)
def test_a_guide_titled_about_a_backlog_reads_no_items(title: str) -> None:
    # a guide or a glossary entry about backlogs: its bullets are advice, not work
    text = f"# {title}\n\n## Rules\n\n- Keep items small\n- Order them by value\n"
    assert read_items(text, "NOTES.md") == ()
    assert finding_lines(text, "NOTES.md") == []


@pytest.mark.parametrize("title", ["Backlog", "Product Backlog", "Mi backlog", "The backlog"])
def test_a_backlog_by_its_name_still_reads_its_bullets(title: str) -> None:
    text = f"# {title}\n\n## Code\n\n- Fix admin logout\n- Add a CSV export\n"
    assert [i.title for i in read_items(text, "BACKLOG.md")] == [
        "Fix admin logout",
        "Add a CSV export",
    ]


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (("--remove-dep", "FEAT-1"), "- FEAT-2: Logout\n"),
        (("--add-dep", "FEAT-3"), "- FEAT-2: Logout (blocked by FEAT-1, FEAT-3)\n"),
    ],
)
def test_a_dependency_written_in_a_bullets_words_is_edited_there(
    tmp_path: Path, args: tuple[str, str], written: str
) -> None:
    # "FEAT-2 does not depend on FEAT-1; it depends on: - FEAT-2: Logout (blocked by
    # FEAT-1)" was false twice; the fourth writes pass then wrote the words themselves
    plan = tmp_path / "PLAN.md"
    plan.write_bytes(BOARD.encode())
    done = cli("set", "FEAT-2", *args, "PLAN.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (
        plan.read_bytes()
        == BOARD.replace("- FEAT-2: Logout (blocked by FEAT-1)\n", written).encode()
    )


def test_rename_of_an_id_bullet_writes_its_line_and_its_dependents(tmp_path: Path) -> None:
    plan = tmp_path / "PLAN.md"
    plan.write_bytes(BOARD.encode())
    done = cli("rename", "FEAT-1", "FEAT-9", "PLAN.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Renamed FEAT-1 to FEAT-9 (1 dependent updated)\n"
    assert plan.read_bytes() == BOARD.replace("FEAT-1", "FEAT-9").encode()


def test_an_id_typed_decomposed_finds_its_item(tmp_path: Path) -> None:
    # a terminal (or a script) may hand over ``café`` with a combining accent: the item
    # read from the title ``Café`` is the one meant
    import unicodedata

    text = "# TODO\n\n## Todo\n\n- Café\n- Cafe\n\n## Done\n\n- Tea\n"
    plan = tmp_path / "PLAN.md"
    plan.write_bytes(text.encode())
    typed = unicodedata.normalize("NFD", "café")
    shown = cli("show", typed, "PLAN.md", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("café  Café\n")
    done = cli("set", typed, "--status", "done", "PLAN.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert plan.read_bytes().decode() == text.replace("- Café\n", "") + "- Café\n"


README_TABLES = {
    # what runs where: a support matrix, its marks no work's status
    "platforms": "| Platform | Status |\n|---|---|\n| Linux | ✅ Supported |\n| Windows | 🚧 Beta |\n",
    "browsers": "| Browser | Status |\n|---|---|\n| Firefox | ✅ |\n| Safari | 🚧 |\n",
    # what each feature does
    "features": "| Feature | Description |\n|---|---|\n| Export | CSV and JSON |\n| Sync | Two-way |\n",
    # a triage guide's labels: a legend, each label's priority and meaning
    "labels": (
        "| Label | Priority | Meaning |\n|---|---|---|\n| bug | P1 | Something broke |\n"
        "| docs | P3 | Docs only |\n"
    ),
}


@pytest.mark.parametrize("name", sorted(README_TABLES))
def test_a_readmes_support_feature_and_label_tables_give_no_near_miss(name: str) -> None:
    text = f"# Toolkit\n\nA toolkit.\n\n## Details\n\n{README_TABLES[name]}"
    assert read_items(text, "README.md") == ()
    assert finding_lines(text, "README.md") == []
