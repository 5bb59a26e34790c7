"""Queries people reach for, run through the installed console script as a user would:
`path` with what lies outside the roadmap, `--dri` for the unassigned, and filter values
in any case."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, LEGENDS, cli, item, roadmap


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def listed(*args: str, cwd: Path) -> list[str]:
    result = cli("list", *args, "--format", "json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """core/ROADMAP.md, and web/ROADMAP.md whose items wait for core's and for the world."""
    core = roadmap(
        (
            "Core",
            [
                item("CORE-1", title="Parser", status="done"),
                item("CORE-2", title="Lexer", depends="CORE-1"),
            ],
        )
    )
    write(tmp_path, "core/ROADMAP.md", core.replace("# Test Roadmap\n", "# Core\n", 1))
    web = roadmap(
        (
            "Web",
            [
                item("WEB-0", title="Design", depends="../core/ROADMAP.md#CORE-1, Figma licence"),
                item(
                    "WEB-1",
                    title="Login Page",
                    priority="P0",
                    depends="WEB-0, ../core/ROADMAP.md#CORE-2, ../core/ROADMAP.md#CORE-9, "
                    "../auth/ROADMAP.md#AUTH-1, an OAuth provider",
                ),
                item("WEB-2", title="Styles", depends="Go 1.26"),
                item("WEB-3", title="Footer"),
            ],
        )
    )
    write(tmp_path, "web/ROADMAP.md", web.replace("# Test Roadmap\n", "# Web\n\nOurs.\n", 1))
    return tmp_path


def test_path_lists_dependencies_outside_the_roadmap(two: Path) -> None:
    planned = cli("path", "WEB-1", "web/ROADMAP.md", cwd=two)
    assert planned.returncode == 0, planned.stderr
    assert planned.stdout.splitlines() == [
        "Before WEB-1 (Login Page), in dependency order:",
        "  1.  WEB-0  ready  Design",
        "External dependencies, not items of web/ROADMAP.md (X -> Y: X must be done before Y):",
        "  ../core/ROADMAP.md#CORE-1  -> WEB-0  done: Parser",
        "  Figma licence              -> WEB-0  external: not tracked",
        "  ../core/ROADMAP.md#CORE-2  -> WEB-1  ready: Lexer",
        "  ../core/ROADMAP.md#CORE-9  -> WEB-1  status unknown: no item CORE-9 in ../core/ROADMAP.md",
        "  ../auth/ROADMAP.md#AUTH-1  -> WEB-1  status unknown: auth/ROADMAP.md: no such file",
        "  an OAuth provider          -> WEB-1  external: not tracked",
        "Critical path (1 unfinished before it): WEB-0 -> WEB-1",
    ]
    document = json.loads(cli("path", "web/ROADMAP.md#WEB-1", "--format", "json", cwd=two).stdout)
    assert [entry["id"] for entry in document["before"]] == ["WEB-0"]
    assert document["critical_path"] == ["WEB-0", "WEB-1"]
    external = {entry["name"]: entry for entry in document["external"]}
    assert external["Figma licence"] == {
        "name": "Figma licence",
        "needed_by": "WEB-0",
        "kind": "text",
    }
    assert external["../core/ROADMAP.md#CORE-2"] == {
        "name": "../core/ROADMAP.md#CORE-2",
        "needed_by": "WEB-1",
        "kind": "roadmap",
        "path": "core/ROADMAP.md",
        "id": "CORE-2",
        "status": "ready",
        "title": "Lexer",
        "problem": None,
    }
    assert external["../auth/ROADMAP.md#AUTH-1"]["status"] is None
    assert external["../auth/ROADMAP.md#AUTH-1"]["problem"] == "auth/ROADMAP.md: no such file"

    # Run from the roadmap's own folder, the other file is found relative to it all the same.
    alone = cli("path", "WEB-2", cwd=two / "web")
    assert alone.stdout.splitlines() == [
        "WEB-2 depends on no other item of ROADMAP.md.",
        "External dependencies, not items of ROADMAP.md (X -> Y: X must be done before Y):",
        "  Go 1.26  -> WEB-2  external: not tracked",
    ]
    assert cli("path", "WEB-3", cwd=two / "web").stdout == "WEB-3 depends on no other item.\n"


def test_path_shows_the_other_roadmaps_status_as_it_changes(two: Path) -> None:
    before = cli("path", "WEB-1", "web/ROADMAP.md", cwd=two).stdout
    assert "  ../core/ROADMAP.md#CORE-2  -> WEB-1  ready: Lexer\n" in before
    done = cli("set", "CORE-2", "--status", "done", "core/ROADMAP.md", cwd=two)
    assert done.returncode == 0, done.stderr
    after = cli("path", "WEB-1", "web/ROADMAP.md", cwd=two).stdout
    assert "  ../core/ROADMAP.md#CORE-2  -> WEB-1  done: Lexer\n" in after


def _unassigned_ids(text: str) -> list[str]:
    """The items whose DRI line says _unassigned_, read line by line (not by roadmaplint)."""
    found: list[str] = []
    current = None
    for line in text.splitlines():
        heading = re.match(r"\s*#+ \[([A-Z]+-\d+)\]", line)
        if heading:
            current = heading.group(1)
        elif current and re.fullmatch(r"\s*- \*\*DRI:\*\* _unassigned_\s*", line):
            found.append(current)
    return found


@pytest.mark.parametrize(
    "name", ["gomlx-roadmap.md", "gomlx-TODO-e0c8724.md", "gomlx-TODO-e9f81d3.md"]
)
def test_dri_unassigned_finds_the_unassigned_items_of_the_gomlx_roadmap(
    tmp_path: Path, name: str
) -> None:
    shutil.copyfile(FIXTURES / name, tmp_path / "ROADMAP.md")
    expected = _unassigned_ids((tmp_path / "ROADMAP.md").read_text(encoding="utf-8"))
    assert len(expected) >= 17
    for spelled in ("_unassigned_", "unassigned", "none", "UNASSIGNED", "n/a"):
        assert listed("--dri", spelled, cwd=tmp_path) == expected, spelled
    if name == "gomlx-TODO-e9f81d3.md":
        assert "MAINT-1" not in expected
        assert listed("--dri", "@JanPfeifer", cwd=tmp_path) == ["MAINT-1"]


def test_dri_matches_the_value_as_written_and_as_read(tmp_path: Path) -> None:
    owners = {
        "A-1": "_unassigned_",
        "A-2": "none",
        "A-3": "-",
        "A-4": None,  # no DRI field at all
        "A-5": "@ana",
        "A-6": "`bob`",
        "A-7": "[Cleo](https://example.com/cleo)",
        "A-8": "**TBD**",
    }
    items = [item(item_id, status="idea", dri=dri) for item_id, dri in owners.items()]
    write(tmp_path, "ROADMAP.md", roadmap(("Work", items)))
    nobody = ["A-1", "A-2", "A-3", "A-4", "A-8"]
    for spelled in ("_unassigned_", "none", "unassigned", "Nobody", "-", "*tbd*"):
        assert listed("--dri", spelled, cwd=tmp_path) == nobody, spelled
    assert listed("--dri", "ANA", cwd=tmp_path) == ["A-5"]
    assert listed("--dri", "@ana", cwd=tmp_path) == ["A-5"]
    assert listed("--dri", "`bob`", cwd=tmp_path) == ["A-6"]
    assert listed("--dri", "bob", cwd=tmp_path) == ["A-6"]
    assert listed("--dri", "[Cleo](https://example.com/cleo)", cwd=tmp_path) == ["A-7"]
    assert listed("--dri", "cleo", "--dri", "bob", cwd=tmp_path) == ["A-6", "A-7"]
    assert listed("--dri", "dora", cwd=tmp_path) == []
    # The no-dri words are the configuration's: without "none", none is a name like any other.
    write(tmp_path, ".roadmaplint.toml", 'no-dri = ["unassigned"]\n')
    assert listed("--dri", "none", cwd=tmp_path) == ["A-2"]
    assert listed("--dri", "_unassigned_", cwd=tmp_path) == ["A-1", "A-4"]


def test_filter_values_ignore_case_where_the_legend_has_one_match(tmp_path: Path) -> None:
    shutil.copyfile(FIXTURES / "gomlx-roadmap.md", tmp_path / "ROADMAP.md")
    exact = listed("--status", "ready", "--priority", "P0", cwd=tmp_path)
    assert exact == ["MODEL-1", "MODEL-2", "GRAPH-3"]
    assert listed("--status", "READY", "--priority", "p0", cwd=tmp_path) == exact
    assert listed("--status", "`Ready`", "--priority", "`p0`", cwd=tmp_path) == exact
    assert (
        listed("--section", "MODELING", "--status", "Ready", "--priority", "P0", cwd=tmp_path)
        == exact[:2]
    )
    refused = cli("list", "--status", "redy", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr == (
        "roadmaplint: error: --status redy: not in the Status Legend (did you mean ready?); "
        "allowed: idea, ready, in_progress, blocked, done\n"
    )


def test_a_legend_with_two_entries_equal_but_for_case_is_refused(tmp_path: Path) -> None:
    legends = LEGENDS.replace(
        "- `done` – completed\n", "- `done` – completed\n- `Done` – completed and announced\n"
    )
    items = [
        item("W-1", status="done"),
        item("W-2", status="Done"),
        item("W-3", status="Ready"),  # off the legend by case: RL201, yet it means ready
        item("W-4"),
    ]
    write(tmp_path, "ROADMAP.md", roadmap(("Work", items), legends=legends))
    refused = cli("list", "--status", "DONE", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert refused.stderr == (
        "roadmaplint: error: --status DONE: ROADMAP.md's Status Legend has done and Done, "
        "which differ only by case; write one of them exactly\n"
    )
    assert listed("--status", "done", cwd=tmp_path) == ["W-1"]
    assert listed("--status", "Done", cwd=tmp_path) == ["W-2"]
    assert listed("--status", "READY", cwd=tmp_path) == ["W-3", "W-4"]


def test_filters_ignore_case_across_several_roadmaps(two: Path) -> None:
    # core's legend spells the priority p0, web's P0: --priority P0 means each file's own.
    core = two / "core" / "ROADMAP.md"
    text = core.read_text(encoding="utf-8").replace("`P0`", "`p0`")
    core.write_text(text.replace("**Priority:** P1", "**Priority:** p0", 1), encoding="utf-8")
    rows = json.loads(cli("list", "--priority", "P0", "--format", "json", cwd=two).stdout)
    assert [(row["file"], row["id"]) for row in rows] == [
        ("core/ROADMAP.md", "CORE-1"),
        ("web/ROADMAP.md", "WEB-1"),
    ]


@pytest.mark.parametrize("option", ["--status", "--priority", "--dri", "--section", "--depends-on"])
@pytest.mark.parametrize("value", ["", "  ", ","])
def test_an_empty_filter_value_is_refused_rather_than_ignored(
    tmp_path: Path, option: str, value: str
) -> None:
    # A script's `--dri "$OWNER"` with OWNER unset listed every item, as if no
    # filter had been given.
    shutil.copyfile(FIXTURES / "gomlx-roadmap.md", tmp_path / "ROADMAP.md")
    result = cli("list", "--status", "ready", option, value, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    hint = "; --dri unassigned lists the items nobody owns" if option == "--dri" else ""
    assert result.stderr == (
        f"roadmaplint: error: {option} {value!r}: an empty value matches no item; "
        f"give a value or leave {option} out{hint}\n"
    )


def test_a_filter_value_with_a_comma_is_taken_whole_where_it_is_one(tmp_path: Path) -> None:
    # Before the fix, every value was split at its commas: a legend entry or a DRI
    # with a comma could not be selected, and the refusal suggested the very value typed.
    legends = LEGENDS.replace(
        "- `done` – completed\n", "- `done` – completed\n- `won't do, ever` – dropped\n"
    )
    items = [
        item("W-1", status="won't do, ever", dri="Smith, Jane"),
        item("W-2", dri="Smith"),
        item("W-3", status="idea", dri="@ana"),
    ]
    write(tmp_path, "ROADMAP.md", roadmap(("Work", items), legends=legends))
    assert listed("--status", "won't do, ever", cwd=tmp_path) == ["W-1"]
    assert listed("--status", "WON'T DO, EVER", cwd=tmp_path) == ["W-1"]
    assert listed("--dri", "Smith, Jane", cwd=tmp_path) == ["W-1"]
    # Values that are not one are alternatives, as before.
    assert listed("--status", "ready,idea", cwd=tmp_path) == ["W-2", "W-3"]
    assert listed("--dri", "Smith,@ana", cwd=tmp_path) == ["W-2", "W-3"]


def test_section_filters_fold_case_as_status_filters_do(tmp_path: Path) -> None:
    # --status STRASSE found a legend's straße (casefold) while --section STRASSE was
    # refused for a section Straße (lower): one filter, one notion of case.
    text = roadmap(("Straße", [item("ST-1")]), ("Work", [item("W-1")]))
    write(tmp_path, "ROADMAP.md", text)
    for spelled in ("Straße", "STRASSE", "strasse", "STRAẞE"):
        assert listed("--section", spelled, cwd=tmp_path) == ["ST-1"], spelled


def test_a_misspelt_value_in_another_case_still_gets_a_suggestion(tmp_path: Path) -> None:
    # `--status REDY` was refused with no "did you mean": the near-miss search compared
    # case first and only then looked for the very same word in another case.
    write(tmp_path, "ROADMAP.md", roadmap(("Work", [item("W-1", status="REDY")])))
    refused = cli("list", "--status", "REDY", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr == (
        "roadmaplint: error: --status REDY: not in the Status Legend (did you mean ready?); "
        "allowed: idea, ready, in_progress, blocked, done\n"
    )
    checked = cli("check", "ROADMAP.md", cwd=tmp_path)
    assert 'W-1 has status "REDY", which is not in the Status Legend (did you mean ready?)' in (
        checked.stdout
    )
