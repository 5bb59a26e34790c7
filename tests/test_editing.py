"""set, new, rename and init through the installed console script: exact bytes, or a
one-line refusal and an untouched file (issue 9 items 4, 10-12, 19, 20; issue 11 §4)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import cli

from roadmaplint.edit.base import items_changed
from roadmaplint.errors import RoadmapError
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from roadmaplint.write.proof import prove_edit

LEGENDS = """\
# Acme Roadmap

Prose about the roadmap, with a [reference link][guide] and a table:

| Team | Lead |
|------|------|
| Core | @ana |

<!-- Keep the legends in sync with the tracker. -->

## Status Legend

- `idea` – not scoped yet
- `ready` – free to claim
- `in_progress` – being worked on
- `done` – completed

## Priority Legend

- `P0` – critical
- `P1` – important

[guide]: https://example.com/guide
"""

OVERVIEW = """
# Priority Overview

## P1
- CORE-1
- CORE-2
"""


def document(marker: str, second: str) -> str:
    """Two items whose fields use ``marker`` ("-", "*", "+", "1.", "1)")."""
    numbered = marker[0].isdigit()

    def mark(number: int) -> str:
        return f"{number}{marker[1]}" if numbered else marker

    nested = " " * (len(mark(1)) + 1) + "- "
    first = (
        "## [CORE-1] Parser\n\n"
        f"{mark(1)} **DRI:** @ana\n"
        f"{mark(2)} **Status:** ready <!-- agreed in Q3 review -->\n"
        f"{mark(3)} **Priority:** P1\n"
        f"{mark(4)} **Definition of Done:**\n"
        f"{nested}[ ] Reads every list marker\n"
        f"{nested}[x] Has tests\n"
        f"{nested}Documented\n\n"
        "```sh\nroadmaplint check\n```\n\n"
    )
    return LEGENDS + "\n# Core\n\n" + first + "Setext items work too\n\n" + second + OVERVIEW


def second_item(marker: str) -> str:
    numbered = marker[0].isdigit()
    mark = (lambda n: f"{n}{marker[1]}") if numbered else (lambda n: marker)
    return (
        "## [CORE-2] Writer\n\n"
        f"{mark(1)} **DRI**: @bo\n"
        f"{mark(2)} **Status**: idea\n"
        f"{mark(3)} **Priority**: P1\n"
        f"{mark(4)} **Depends on**: [`CORE-1`](#core-1-parser), Go 1.26\n"
    )


def write(tmp: Path, text: str) -> Path:
    target = tmp / "ROADMAP.md"
    target.write_bytes(text.encode("utf-8"))
    return target


MARKERS = ["-", "*", "+", "1.", "1)"]


@pytest.mark.parametrize("marker", MARKERS)
def test_set_inserts_and_rewrites_in_the_items_own_marker(marker: str, tmp_path: Path) -> None:
    original = document(marker, second_item(marker))
    target = write(tmp_path, original)
    result = cli("set", "CORE-1", "--add-dep", "Go 1.26", "--status", "in_progress", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    numbered = marker[0].isdigit()
    mark = (lambda n: f"{n}{marker[1]}") if numbered else (lambda n: marker)
    expected = original.replace(
        f"{mark(2)} **Status:** ready <!-- agreed in Q3 review -->\n"
        f"{mark(3)} **Priority:** P1\n{mark(4)} **Def",
        f"{mark(2)} **Status:** in_progress <!-- agreed in Q3 review -->\n"
        f"{mark(3)} **Priority:** P1\n{mark(4)} **Depends on:** Go 1.26\n{mark(5)} **Def",
    )
    assert target.read_text(encoding="utf-8") == expected
    assert cli("check", "--strict", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("marker", ["1.", "+"])
def test_new_follows_the_sections_items(marker: str, tmp_path: Path) -> None:
    original = document(marker, second_item(marker))
    target = write(tmp_path, original)
    result = cli("new", "Core", "Printer", "--done", "Prints", "--priority", "P1", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "Added CORE-3 to Core\n"), result.stderr
    if marker == "1.":
        block = (
            "\n## [CORE-3] Printer\n\n"
            "1. **DRI**: _unassigned_\n2. **Status**: ready\n3. **Priority**: P1\n"
            "4. **Definition of Done**:\n   - [ ] Prints\n"
        )
    else:
        block = (
            "\n## [CORE-3] Printer\n\n"
            "+ **DRI**: _unassigned_\n+ **Status**: ready\n+ **Priority**: P1\n"
            "+ **Definition of Done**:\n  - [ ] Prints\n"
        )
    anchor = "Go 1.26\n"
    expected = original.replace(anchor, anchor + block).replace(
        "- CORE-2\n", "- CORE-2\n- CORE-3\n"
    )
    assert target.read_text(encoding="utf-8") == expected
    assert cli("check", "--strict", cwd=tmp_path).returncode == 0


def test_new_defaults_pass_strict_and_section_and_id_options(tmp_path: Path) -> None:
    target = write(tmp_path, document("-", second_item("-")))
    assert cli("new", "Core", "Idea only", cwd=tmp_path).returncode == 0
    assert "## [CORE-3] Idea only\n\n- **DRI**: _unassigned_\n- **Status**: idea\n" in (
        target.read_text(encoding="utf-8")
    )
    refused = cli("new", "Tools", "Release", cwd=tmp_path)
    assert refused.returncode == 2 and "(--create-section adds it)" in refused.stderr
    created = cli("new", "Tools", "Release", "--id", "TOOL-7", "--create-section", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    text = target.read_text(encoding="utf-8")
    assert "\n# Tools\n\n## [TOOL-7] Release\n\n- **DRI**: _unassigned_\n" in text
    assert text.index("# Tools") < text.index("# Priority Overview")
    taken = cli("new", "Tools", "Again", "--id", "CORE-1", cwd=tmp_path)
    assert taken.returncode == 2 and "CORE-1 already exists" in taken.stderr
    assert cli("check", "--strict", cwd=tmp_path).returncode == 0


def test_set_keeps_a_zero_width_value_separated(tmp_path: Path) -> None:
    original = document("-", second_item("-")).replace("- **DRI:** @ana", "- **DRI:**\u200b@ana")
    target = write(tmp_path, original)
    assert cli("set", "CORE-1", "--dri", "@cy", cwd=tmp_path).returncode == 0
    assert target.read_text(encoding="utf-8") == original.replace(
        "- **DRI:**\u200b@ana", "- **DRI:** @cy"
    )


def test_set_never_inserts_under_a_suppression(tmp_path: Path) -> None:
    comment = "<!-- roadmaplint-disable RL502 -->\n"
    original = document("-", second_item("-")).replace(
        "## [CORE-1] Parser\n\n", "## [CORE-1] Parser\n\n" + comment
    )
    target = write(tmp_path, original)
    assert cli("set", "CORE-1", "--add-dep", "Rust", cwd=tmp_path).returncode == 0
    # Depends on goes after the fields before it in the usual order, never between the
    # comment and the DRI line it covers.
    text = target.read_text(encoding="utf-8")
    assert comment + "- **DRI:** @ana\n" in text
    # A field that sorts before every field goes above the comment.
    original = text.replace("- **DRI:** @ana\n", "")
    target.write_text(original, encoding="utf-8")
    assert cli("set", "CORE-1", "--dri", "@cy", cwd=tmp_path).returncode == 0
    assert target.read_text(encoding="utf-8") == original.replace(
        comment, "- **DRI:** @cy\n" + comment
    )


def test_dependencies_title_and_boxes(tmp_path: Path) -> None:
    original = document("-", second_item("-"))
    target = write(tmp_path, original)
    result = cli("set", "CORE-2", "--add-dep", "Rust", "--remove-dep", "Go 1.26", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = cli("set", "CORE-1", "--title", "Reader", "--done-item", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = cli("set", "CORE-1", "--undone-item", "has tests", "--done-item", "3", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = (
        original.replace("[`CORE-1`](#core-1-parser), Go 1.26", "[`CORE-1`](#core-1-parser), Rust")
        .replace("## [CORE-1] Parser", "## [CORE-1] Reader")
        .replace("[ ] Reads every", "[x] Reads every")
        .replace("[x] Has tests", "[ ] Has tests")
        .replace("- Documented", "- [x] Documented")
    )
    assert target.read_text(encoding="utf-8") == expected
    same = cli("set", "CORE-2", "--add-dep", "CORE-1", cwd=tmp_path)
    assert (same.returncode, same.stdout) == (0, "No change: CORE-2 already reads that way\n")
    assert target.read_text(encoding="utf-8") == expected
    deduplicated = cli("set", "CORE-2", "--depends-on", "CORE-1,,CORE-1, Rust", cwd=tmp_path)
    assert deduplicated.returncode == 0
    assert "- **Depends on**: [`CORE-1`](#core-1-parser), Rust\n" in target.read_text(
        encoding="utf-8"
    )


def test_set_keeps_backticks_when_only_the_text_changes(tmp_path: Path) -> None:
    original = document("-", second_item("-")).replace("**Status**: idea", "**Status**: `idea`")
    target = write(tmp_path, original)
    assert cli("set", "CORE-2", "--status", "ready", cwd=tmp_path).returncode == 0
    expected = original.replace("**Status**: `idea`", "**Status**: `ready`")
    assert target.read_text(encoding="utf-8") == expected


def test_rename(tmp_path: Path) -> None:
    prose = "CORE-1 is also named in prose.\n"
    original = document("-", second_item("-")).replace("```\n\n", "```\n\n" + prose)
    target = write(tmp_path, original)
    result = cli("rename", "CORE-1", "PARSE-1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    line = original[: original.index(prose)].count("\n") + 1
    assert result.stdout == (
        "Renamed CORE-1 to PARSE-1 (1 dependent updated); CORE-1 is still named in prose "
        f"on line {line}\n"
    )
    expected = (
        original.replace("## [CORE-1]", "## [PARSE-1]")
        .replace("[`CORE-1`](#core-1-parser)", "[`PARSE-1`](#parse-1-parser)")
        .replace("## P1\n- CORE-1\n", "## P1\n- PARSE-1\n")
    )
    assert target.read_text(encoding="utf-8") == expected
    for argv, message in (
        (["rename", "PARSE-1", "CORE-2"], "CORE-2 already exists"),
        (["rename", "NOPE-1", "X-1"], "no item NOPE-1"),
        (["rename", "CORE-2", "lower-1"], "'lower-1' is not an ID"),
    ):
        refused = cli(*argv, cwd=tmp_path)
        assert refused.returncode == 2 and message in refused.stderr
        assert refused.stderr.count("\n") == 1 and refused.stdout == ""
    assert target.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["set", "CORE-1", "--dri", ""], "DRI is required and cannot be empty"),
        (["set", "CORE-1", "--dri", "a\udcffb"], "is not valid UTF-8"),
        (["set", "CORE-1", "--done-item", "9"], "has entries 1 to 3, not 9"),
        (["set", "CORE-1", "--add-dep", "NOPE-3"], "cannot depend on unknown item NOPE-3"),
        (["set", "CORE-1", "--add-dep", "CORE-2"], "which would make a cycle"),
        (["set", "CORE-2", "--remove-dep", "Rust"], "CORE-2 does not depend on Rust"),
        (["new", "Core", "T\udcff"], "is not valid UTF-8"),
        (["new", "Core", "T", "--done", "x\n\n<!-- roadmaplint-disable-file -->"], "newlines"),
        (["set", "DUP-1", "--status", "done"], "DUP-1 is defined 2 times"),
        (["set", "CORE-1", "--dri", "<!-- x -->"], "cannot hold an HTML comment"),
        (["new", "Core", "T <!-- roadmaplint-disable-file -->"], "cannot hold an HTML comment"),
    ],
)
def test_refusals_leave_the_file_untouched(argv: list[str], message: str, tmp_path: Path) -> None:
    duplicate = "## [DUP-1] One\n\n- **Status:** idea\n\n## [DUP-1] Two\n\n"
    original = document("-", second_item("-")).replace("\n# Core\n\n", "\n# Core\n\n" + duplicate)
    target = write(tmp_path, original)
    result = cli(*argv, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert target.read_bytes() == original.encode("utf-8")


def test_dry_run_exit_codes(tmp_path: Path) -> None:
    original = document("-", second_item("-"))
    target = write(tmp_path, original)
    changing = cli("set", "CORE-1", "--dri", "@cy", "--dry-run", cwd=tmp_path)
    assert changing.returncode == 1 and "+- **DRI:** @cy\n" in changing.stdout
    unchanged = cli("set", "CORE-1", "--dri", "@ana", "--dry-run", cwd=tmp_path)
    assert (unchanged.returncode, unchanged.stdout) == (
        0,
        "No change: CORE-1 already reads that way\n",
    )
    assert cli("new", "Core", "X", "--dry-run", cwd=tmp_path).returncode == 1
    assert cli("rename", "CORE-1", "X-1", "--dry-run", cwd=tmp_path).returncode == 1
    assert target.read_bytes() == original.encode("utf-8")


def test_new_with_thousands_of_digits(tmp_path: Path) -> None:
    big = "9" * 5000
    original = document("-", second_item("-")).replace("CORE-2", f"CORE-{big}")
    target = write(tmp_path, original)
    result = cli("new", "Core", "Next", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"## [CORE-1{'0' * 5000}] Next\n" in target.read_text(encoding="utf-8")


def test_init_creates_the_folder_and_refuses_bad_titles(tmp_path: Path) -> None:
    made = cli("init", "docs/plans/ROADMAP.md", "--title", "Acme", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "docs/plans/ROADMAP.md").read_text(encoding="utf-8").startswith("# Acme\n")
    assert cli("check", "--strict", "docs/plans/ROADMAP.md", cwd=tmp_path).returncode == 0
    for title in ("A\n\n# Priority Overview", "A\udcffB"):
        refused = cli("init", "other/ROADMAP.md", "--title", title, cwd=tmp_path)
        assert refused.returncode == 2 and refused.stderr.count("\n") == 1
        assert not (tmp_path / "other").exists()


def test_edit_patterns_never_backtrack_catastrophically() -> None:
    # Not a timing test: linear scans take milliseconds here, quadratic ones on
    # 100,000 characters take minutes. The bound only tells them apart.
    import time

    from roadmaplint.edit import item_plan as edit
    from roadmaplint.edit import rename
    from roadmaplint.edit.item_fields import _value_markup
    from roadmaplint.edit.item_plan import _closing_sequence
    from roadmaplint.reader import linestyle
    from roadmaplint.rules import suppressions

    hostile = [
        "<!-- " * 20_000,
        "<!--" * 20_000 + "-->",
        " " * 100_000 + "#",
        "`" * 100_000,
        "1" * 100_000 + "x",
        "> " * 50_000,
        " " * 100_000 + "x",
    ]
    # Each pattern as the code uses it: anchored ones with match, the others with search.
    anchored: list[re.Pattern[str]] = [
        linestyle._ORDERED,
        linestyle._MARKER,
        linestyle._BOX,
        edit._LIST_LINE,
        rename._LIST_LINE,
    ]
    searched = [suppressions.DIRECTIVE, rename._mention("CORE-1")]
    start = time.perf_counter()
    for text in hostile:
        linestyle.split_tail(text)
        _closing_sequence(text)
        _value_markup(text, "x", "y")
        for pattern in anchored:
            pattern.match(text)
            pattern.fullmatch(text)
        for pattern in searched:
            list(pattern.finditer(text))
    assert time.perf_counter() - start < 10


def test_rename_with_a_dependent_far_below(tmp_path: Path) -> None:
    """The proof gets the rename's own edits: one span from the heading to a distant
    dependent would cross the `---` between them and be refused (found on GoMLX)."""
    from conftest import REPO

    original = (REPO / "examples" / "gomlx" / "ROADMAP.md").read_text(encoding="utf-8")
    target = write(tmp_path, original)
    result = cli("rename", "MODEL-1", "MODEL-10", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Renamed MODEL-1 to MODEL-10 (1 dependent updated)\n"
    expected = (
        original.replace("## [MODEL-1] ", "## [MODEL-10] ")
        .replace("**Depends on:** MODEL-1\n", "**Depends on:** MODEL-10\n")
        .replace("  - MODEL-1\n", "  - MODEL-10\n")
        # and nothing else: the overview was already missing GRAPH-2, which stays for fix
    )
    assert "  - GRAPH-2\n" not in original
    assert target.read_text(encoding="utf-8") == expected
    checked = cli("check", "--select", "RL401", cwd=tmp_path)
    assert "GRAPH-2 (P1) is missing under P1" in checked.stdout


def test_rename_reaches_the_repositorys_other_roadmaps(tmp_path: Path) -> None:
    import shutil

    git = shutil.which("git")
    assert git, "the test needs git"
    subprocess.run([git, "init", "-q", str(tmp_path)], check=True)
    original = document("-", second_item("-"))
    write(tmp_path, original)
    other = document("*", second_item("*")).replace("CORE-", "DOCS-")
    other = other.replace(
        "* **Depends on**: [`DOCS-1`](#core-1-parser), Go 1.26",
        "* **Depends on**: [`DOCS-1`](#core-1-parser), ../ROADMAP.md#CORE-1, ROADMAP.md#CORE-1",
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ROADMAP.md").write_text(other, encoding="utf-8")
    assert (
        cli("check", "docs/ROADMAP.md", cwd=tmp_path).returncode == 1
    )  # its own ROADMAP.md#CORE-1
    preview = cli("rename", "CORE-1", "PARSE-1", "--dry-run", cwd=tmp_path)
    assert preview.returncode == 1, preview.stderr
    assert "+* **Depends on**: [`DOCS-1`](#core-1-parser), ../ROADMAP.md#PARSE-1, ROADMAP" in (
        preview.stdout
    )
    assert (tmp_path / "docs" / "ROADMAP.md").read_text(encoding="utf-8") == other
    result = cli("rename", "CORE-1", "PARSE-1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Renamed CORE-1 to PARSE-1 (2 dependents updated in 2 files)\n"
    # Only the reference that resolves to the renamed roadmap changes.
    assert (tmp_path / "docs" / "ROADMAP.md").read_text(encoding="utf-8") == other.replace(
        "../ROADMAP.md#CORE-1", "../ROADMAP.md#PARSE-1"
    )
    assert "## [PARSE-1] Parser" in (tmp_path / "ROADMAP.md").read_text(encoding="utf-8")


def test_rename_reaches_a_roadmap_two_paths_name_once(tmp_path: Path) -> None:
    """A symlinked ROADMAP.md naming another roadmap of the repository (or the renamed
    one): the rename locked the same file twice, waited 60 s on its own lock and ended
    in a traceback."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    core = "# Core\n\n## Core\n\n## [CORE-1] Parser\n\n- **Status:** ready\n- **Priority:** P1\n"
    docs = core.replace("Core", "Docs").replace("CORE-1] Parser", "DOCS-2] Ref")
    docs += "- **Depends on:** ../ROADMAP.md#CORE-1\n"
    write(tmp_path, core)
    for folder in ("docs", "alias", "self"):
        (tmp_path / folder).mkdir()
    (tmp_path / "docs" / "ROADMAP.md").write_text(docs, encoding="utf-8")
    (tmp_path / "alias" / "ROADMAP.md").symlink_to("../docs/ROADMAP.md")
    (tmp_path / "self" / "ROADMAP.md").symlink_to("../ROADMAP.md")
    result = cli("rename", "CORE-1", "PARSE-1", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "Renamed CORE-1 to PARSE-1 (1 dependent updated in 2 files)\n"
    assert (tmp_path / "docs" / "ROADMAP.md").read_text(encoding="utf-8") == docs.replace(
        "#CORE-1", "#PARSE-1"
    )
    assert (tmp_path / "alias" / "ROADMAP.md").is_symlink()


def test_new_in_an_indented_document_without_items_indents_its_fields(tmp_path: Path) -> None:
    """With no item to copy, the fields follow the heading's indentation; at column 1 they
    joined the stray list above (RL108) and the new item read back without them."""
    original = "  # Roadmap\n\n## Notes\n\n- a stray note\n- another\n\n  ---\n\n  # Core\n\n"
    target = write(tmp_path, original)
    result = cli("new", "Core", "A new thing", "--id", "CORE-1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "  ## [CORE-1] A new thing\n\n  - **DRI:** _unassigned_\n" in text
    shown = cli("show", "CORE-1", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Status Legend", "it names the Status Legend"),
        ("priority  legend", "it names the Priority Legend"),
        ("**Priority Legend**", "it names the Priority Legend"),
        ("Plan by priority", "it names the generated Plan by Priority (overview-heading)"),
        ("Dependency Graph", "it names the generated Dependency Graph (graph-heading)"),
        ("Acme Roadmap", "it is the roadmap's title"),
    ],
)
def test_new_section_never_takes_a_legends_or_generated_sections_name(
    name: str, why: str, tmp_path: Path
) -> None:
    """A section of items named like a legend or a generated section reads as one to
    people (and, for the generated ones, to fix): refused, the file untouched."""
    (tmp_path / ".roadmaplint.toml").write_text(
        'overview-heading = "Plan by Priority"\n', encoding="utf-8"
    )
    original = document("-", second_item("-")).replace("# Priority Overview", "# Plan by Priority")
    target = write(tmp_path, original)
    result = cli("new", name, "Release", "--id", "TOOL-1", "--create-section", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    said = re.fullmatch(
        rf"roadmaplint: error: ROADMAP\.md:(\d+): {re.escape(repr(name))} cannot be a section "
        rf"of items: {re.escape(why)}; give the new section another name\n",
        result.stderr,
    )
    assert said is not None, result.stderr
    # the line named is the heading that already has the name, where the document has one
    lines = original.splitlines()
    wanted = " ".join(name.replace("*", "").split()).lower()
    headings = [
        number
        for number, line in enumerate(lines, 1)
        if line.startswith("#") and line.lstrip("# ").replace("*", "").lower() == wanted
    ]
    assert int(said[1]) == (headings[0] if headings else int(said[1])) <= len(lines) + 1
    assert target.read_bytes() == original.encode("utf-8")


STRAY = """\
  # Acme Roadmap

  ## Status Legend

  - `idea` – not scoped yet
  - `done` – completed

  ## Priority Legend

  - `P0` – critical
  - `P1` – important

  # Core

## Notes

- a stray note, written at column 1

  ## [CORE-1] Parser

  - **DRI:** @ana
  - **Status:** idea
  - **Priority:** P1

  # Priority Overview

  ## P1
  - CORE-1
"""


@pytest.mark.parametrize(
    ("argv", "old", "new"),
    [
        (
            ["set", "CORE-1", "--priority", "P0"],
            "  - **Priority:** P1\n\n  # Priority Overview\n\n  ## P1\n",
            # the P1 group the edit empties goes, as fix drops it
            "  - **Priority:** P0\n\n  # Priority Overview\n\n  ## P0\n",
        ),
        (
            ["new", "Core", "Writer"],
            "  - **Priority:** P1\n\n",
            "  - **Priority:** P1\n\n  ## [CORE-2] Writer\n\n  - **DRI:** _unassigned_\n"
            "  - **Status:** idea\n  - **Priority:** P1\n\n",
        ),
        (["rename", "CORE-1", "CORE-7"], "CORE-1", "CORE-7"),
    ],
)
def test_editing_leaves_a_stray_list_to_fix(
    argv: list[str], old: str, new: str, tmp_path: Path
) -> None:
    """An edit changes only what it was asked to: the stray list (RL108) stays at column 1,
    in the diff and in the file, until `fix` indents it."""
    target = write(tmp_path, STRAY)
    expected = STRAY.replace(old, new)
    if argv[0] == "new":
        expected += "  - CORE-2\n"
    dry = cli(*argv, "--dry-run", cwd=tmp_path)
    assert dry.returncode == 1, dry.stderr
    assert "+## Notes" not in dry.stdout and "+  - a stray" not in dry.stdout
    result = cli(*argv, cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert target.read_text(encoding="utf-8") == expected
    fixed = cli("fix", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert target.read_text(encoding="utf-8") == expected.replace(
        "\n## Notes\n\n- a stray", "\n  ## Notes\n\n  - a stray"
    )


FIELDLESS = (
    "  # Roadmap\n\n## Notes\n\n- a stray note\n- another\n\n  ---\n\n  # Core\n\n"
    "  ## [CORE-1] Parser\n\n\n  # Priority Overview\n"
)


def test_set_on_an_item_without_fields_writes_them_indented_like_the_document(
    tmp_path: Path,
) -> None:
    """At column 1 the new field joined the stray list above, which then swallowed the
    item itself (found by test_set_and_new_keep_every_block_they_do_not_target)."""
    target = write(tmp_path, FIELDLESS)
    result = cli("set", "CORE-1", "--status", "done", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert target.read_text(encoding="utf-8") == FIELDLESS.replace(
        "  ## [CORE-1] Parser\n\n", "  ## [CORE-1] Parser\n\n  - **Status:** done\n\n"
    )


def test_the_proof_reads_a_document_with_a_stray_list_in_full() -> None:
    """Below a level-1 heading an edit cannot change how the lines above read, except
    through a stray list, whose repair is read from the whole document."""
    before = parse(FIELDLESS)
    edited = FIELDLESS.replace("Parser\n\n", "Parser\n\n- **Status:** done\n")
    with pytest.raises(RoadmapError, match="refusing to write"):
        prove_edit(before, edited, items_changed({"CORE-1"}), Settings())


STYLES = """\
# Roadmap

## Status Legend

- `idea` – not scoped yet
- `ready` – free to claim

## Priority Legend

- `P1` – important

# Core

## [CORE-1] Paragraph lines

**Status:** ready
**Priority:** P1

## [CORE-2] Stars

* **DRI**: @ana
* **Status**: ready

## [CORE-3] Numbered

1. **Status:** ready
2. **Priority:** P1

## [CORE-4] Underscores

  + __DRI__: @bo
  + __Status__: ready

## [CORE-5] No fields yet
"""


@pytest.mark.parametrize(
    ("item_id", "name", "hint", "option"),
    [
        ("CORE-1", "DRI", "**DRI:** ...", "--dri"),
        ("CORE-2", "Priority", "* **Priority**: ...", "--priority"),
        ("CORE-3", "DRI", "1. **DRI:** ...", "--dri"),
        ("CORE-4", "Priority", "+ __Priority__: ...", "--priority"),
        ("CORE-5", "Status", "+ __Status__: ...", "--status"),
    ],
)
def test_a_missing_fields_hint_is_the_line_set_writes(
    item_id: str, name: str, hint: str, option: str, tmp_path: Path
) -> None:
    """RL103 suggested "- **DRI:** ..." whatever style the item's fields were written in."""
    target = write(tmp_path, STYLES)
    checked = cli("check", "--select", "RL103", cwd=tmp_path)
    said = f'{item_id} is missing the required field {name} (add "{hint}")'
    assert said in checked.stdout, checked.stdout
    value = {"--dri": "@cy", "--priority": "P1", "--status": "idea"}[option]
    assert cli("set", item_id, option, value, cwd=tmp_path).returncode == 0
    before = STYLES.splitlines()
    added = [line for line in target.read_text(encoding="utf-8").splitlines() if line not in before]
    assert hint.replace("...", value) in [line.lstrip(" ") for line in added], added


ANCHORED = """# Core Roadmap

See [the parser](#core-1-parser) first. In code: `[x](#core-1-parser)`.

# Core

## [CORE-1] Parser

- **Status:** ready
- **Priority:** P1
- **Description:** Reads; see also [below](#core-2-writer).

## [CORE-2] Writer

- **Status:** idea
- **Priority:** P2
- **Depends on:** [CORE-1](#core-1-parser)
- **Description:** Writes what [the parser](<#core-1-parser> "title") reads.

```md
[CORE-1](#core-1-parser)
```

# Priority Overview

## P1

- [CORE-1](#core-1-parser)

## P2

- [CORE-2](#core-2-writer)
"""


def test_rename_points_links_to_the_heading_at_its_new_anchor(tmp_path: Path) -> None:
    """SAFE-10: `[CORE-1](#core-1-parser)` became `[PARSE-1](#core-1-parser)`, a link to
    a heading no longer there. In Depends on, prose, the overview: the anchor follows;
    in code it is text and stays."""
    target = write(tmp_path, ANCHORED)
    result = cli("rename", "CORE-1", "PARSE-1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == (
        ANCHORED.replace("## [CORE-1] Parser", "## [PARSE-1] Parser")
        .replace("See [the parser](#core-1-parser)", "See [the parser](#parse-1-parser)")
        .replace(
            "**Depends on:** [CORE-1](#core-1-parser)", "**Depends on:** [PARSE-1](#parse-1-parser)"
        )
        .replace("(<#core-1-parser> ", "(<#parse-1-parser> ")
        .replace("- [CORE-1](#core-1-parser)\n\n## P2", "- [PARSE-1](#parse-1-parser)\n\n## P2")
    )
    assert "`[x](#core-1-parser)`" in target.read_text(encoding="utf-8")
    assert "```md\n[CORE-1](#core-1-parser)\n```" in target.read_text(encoding="utf-8")


def test_rename_follows_the_anchor_another_heading_takes_over(tmp_path: Path) -> None:
    """A second heading reading "CORE-1 Parser" is #core-1-parser-1 while the item's is
    #core-1-parser; once the item is renamed it is #core-1-parser. Each link keeps
    leading to the heading it led to."""
    text = ANCHORED.replace(
        "```md\n", "## CORE-1 Parser\n\nNotes, [back](#core-1-parser-1).\n\n```md\n"
    )
    target = write(tmp_path, text)
    result = cli("rename", "CORE-1", "PARSE-1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = target.read_text(encoding="utf-8")
    assert "Notes, [back](#core-1-parser)." in after
    assert "**Depends on:** [PARSE-1](#parse-1-parser)" in after
    assert "See [the parser](#parse-1-parser) first." in after
