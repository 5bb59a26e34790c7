"""What sessions set on breaking the write path (issue 9), the reader (issue 10) and the
queries and edits that followed them found.

Each test drives the installed console script on a file in a temporary folder,
the way a user would, and asserts the exact outcome.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GOMLX, REPO, cli, installed_command

# --- a report written to a device or a FIFO goes into it; it never replaces it


def test_report_into_a_fifo_is_written_through_it_and_the_fifo_stays(tmp_path: Path) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        result = cli("check", "-o", fifo.name, roadmap.name, cwd=tmp_path)
    finally:
        reader.join(10)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced by a regular file"
    assert b"RL401" in received[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ROADMAP.md", "report.pipe"]


def test_report_into_a_fifo_nobody_reads_is_refused_at_once(tmp_path: Path) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    result = cli("check", "-o", fifo.name, roadmap.name, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "roadmaplint: error: report.pipe: cannot write: nothing reads it\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("command", ["check", "board"])
def test_report_into_a_full_device_fails_and_the_device_stays(tmp_path: Path, command: str) -> None:
    # Before the fix, `check -o /dev/full` exited 0 and `board -o /dev/null` said
    # "Wrote": both renamed a regular file over the device node itself.
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # the same device as /dev/full
    result = cli(command, "-o", full.name, roadmap.name, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "roadmaplint: error: full: cannot write: No space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode), "the device was replaced by a regular file"
    assert roadmap.read_bytes() == GOMLX.read_bytes()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_report_into_a_null_device_keeps_the_device(tmp_path: Path) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    result = cli("board", "-o", null.name, roadmap.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(null.lstat().st_mode), "the device was replaced by a regular file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ROADMAP.md", "null"]


# --- priorities of more than one word (MoSCoW) group the overview like any other

MOSCOW = """\
# Release plan

Written the MoSCoW way; see <!-- the wiki --> for what each means.

## Status Legend

- `ready` – free to claim
- `done` – finished

## Priority Legend

- `Must have` – the release waits for it
- `Should have` – the release would rather not wait
- `P0 (legacy)` – from the old tracker

# Work

## [REL-1] Signed builds

* **DRI:** @ana
* **Status:** ready
* **Priority:** Must have
* **Definition of Done:**
  * [ ] builds are signed

## [REL-2] Changelog

* **DRI:** @bo
* **Status:** ready
* **Priority:** Should have
* **Definition of Done:**
  * [ ] written by hand

## [REL-3] Old bug

* **DRI:** @cy
* **Status:** ready
* **Priority:** P0 (legacy)
* **Definition of Done:**
  * [ ] gone
"""


def test_fix_groups_priorities_of_several_words_and_check_accepts_its_overview(
    tmp_path: Path,
) -> None:
    # Before the fix, the overview reader took a group heading's first word for its
    # priority: check called a hand-written "## Must have" group unknown and every
    # entry under it misplaced, and fix refused to write the overview it generated.
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_text(MOSCOW, encoding="utf-8")
    fixed = cli("fix", roadmap.name, cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    text = roadmap.read_text(encoding="utf-8")
    assert text.startswith(MOSCOW)
    assert text.endswith(
        "# Priority Overview\n\n## Must have\n\n* REL-1\n\n## Should have\n\n* REL-2\n\n"
        "## P0 (legacy)\n\n* REL-3\n"
    )
    checked = cli("check", "--strict", roadmap.name, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    # A label after the priority is kept, as "P0 (Critical)" is; the longest name wins.
    labelled = text.replace("## Must have\n", "## Must have (blocks the release)\n")
    roadmap.write_text(labelled.replace("* REL-1\n", ""), encoding="utf-8")
    stale = cli("check", roadmap.name, cwd=tmp_path)
    assert (
        "RL401 Priority Overview is out of date: REL-1 (Must have) is missing under Must have"
        in (stale.stdout)
    )
    assert "names no priority" not in stale.stdout
    assert cli("fix", roadmap.name, cwd=tmp_path).returncode == 0
    assert roadmap.read_text(encoding="utf-8") == labelled


def test_fix_without_a_priority_legend_groups_priorities_of_several_words(
    tmp_path: Path,
) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    legendless = MOSCOW.replace(
        MOSCOW[MOSCOW.index("## Priority Legend") : MOSCOW.index("# Work")], ""
    )
    roadmap.write_text(legendless, encoding="utf-8")
    fixed = cli("fix", roadmap.name, cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert "grouped by the priorities the items use as there is no Priority Legend: " in (
        fixed.stdout
    )
    # with no legend to name it whole, `P0 (legacy)` is the level P0 and a remark, as a
    # person reads `P1 (anti-fabrication)`; the legend's own value is read whole (above)
    assert roadmap.read_text(encoding="utf-8").endswith(
        "## Must have\n\n* REL-1\n\n## P0\n\n* REL-3\n\n## Should have\n\n* REL-2\n"
    )
    assert "RL401" not in cli("check", roadmap.name, cwd=tmp_path).stdout


# --- set writing two missing fields into a numbered field list counts on


NUMBERED = """\
# Team roadmap

## Status Legend

- `ready` – free to claim
- `done` – finished

## Priority Legend

- `P0` – now
- `P1` – next

# Work

## [TEAM-1] Numbered fields

1) **Status:** ready
2) **Repo:** tools
3) **Definition of Done:**
   - [ ] shipped

## [TEAM-2] Plain

- **DRI:** @ana
- **Status:** ready
- **Priority:** P1
- **Definition of Done:**
  - [ ] done
"""


@pytest.mark.parametrize(
    "options",
    [("--dri", "@bo", "--priority", "P0"), ("--priority", "P0", "--dri", "@bo")],
)
def test_set_numbers_every_inserted_field_of_a_counted_list(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    # Before the fix, each inserted field was numbered against the lines as read:
    # DRI took 1) and Priority took 2), the number Status had been renumbered to.
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_text(NUMBERED, encoding="utf-8")
    result = cli("set", "TEAM-1", *options, roadmap.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "1) **DRI:** @bo\n2) **Status:** ready\n3) **Priority:** P0\n4) **Repo:** tools\n"
        "5) **Definition of Done:**\n   - [ ] shipped\n"
    ) in roadmap.read_text(encoding="utf-8")


# --- diff OLD.md NEW.md outside git names the file it cannot read


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda new: None, "new.md: no such file"),
        (lambda new: new.mkdir(), "new.md: is a folder, not a roadmap file"),
        (
            lambda new: new.symlink_to("new.md"),
            "new.md: cannot read: Too many levels of symbolic links",
        ),
        (lambda new: new.write_bytes(b"# R\n\xff\n"), "new.md: line 2 is not UTF-8"),
    ],
)
def test_diff_of_two_files_outside_git_says_what_is_wrong_with_the_second(
    tmp_path: Path, make: Callable[[Path], object], message: str
) -> None:
    # Before the fix, every one of these said "old.md: not in a git repository; to
    # compare two files: roadmaplint diff OLD.md NEW.md", which is what was typed.
    (tmp_path / "old.md").write_bytes(GOMLX.read_bytes())
    make(tmp_path / "new.md")
    result = subprocess.run(
        [installed_command(), "diff", "old.md", "new.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"roadmaplint: error: {message}"), result.stderr
    assert result.stderr.count("\n") == 1
    assert (tmp_path / "old.md").read_bytes() == GOMLX.read_bytes()


# --- one field line left of an indented document swallows the rest: RL108, fixed


def test_a_field_line_at_column_one_in_an_indented_list_is_a_stray_list(
    tmp_path: Path,
) -> None:
    # Before the fix, only a list whose *first* marker stood left of the document
    # counted as stray. One field line at column 1 in the GoMLX file (indented by
    # two spaces) swallowed every item after MODEL-3 without a word: check only
    # said GRAPH-1 was unknown, and list showed 3 items of 20.
    original = GOMLX.read_text(encoding="utf-8")
    written = "  - **Description:** Improve op coverage for ONNX graph import.\n"
    assert original.count(written) == 1
    stray = original.replace(written, written.lstrip())
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_text(stray, encoding="utf-8")
    line = stray[: stray.index(written.lstrip())].count("\n") + 1
    checked = cli("check", roadmap.name, cwd=tmp_path)
    assert f"ROADMAP.md:{line}:1: error: RL108 " in checked.stdout
    assert "unknown item GRAPH-1" not in checked.stdout
    listed = cli("list", "--format", "json", roadmap.name, cwd=tmp_path)
    assert listed.stdout.count('"id"') == 20
    fixed = cli("fix", roadmap.name, cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert "RL108" not in cli("check", roadmap.name, cwd=tmp_path).stdout
    # fix indents the stray item and what its lines hold, keeping how they nest.
    model_3 = stray[stray.index("## [MODEL-3]") : stray.index("## [MODEL-4]")]
    stray_lines = model_3[
        model_3.index(written.lstrip()) : model_3.index("\n\n", model_3.index(written.lstrip()))
    ]
    expected = model_3.replace(stray_lines, "  " + stray_lines.replace("\n", "\n  "))
    repaired = roadmap.read_text(encoding="utf-8")
    assert repaired[repaired.index("## [MODEL-3]") : repaired.index("## [MODEL-4]")] == expected
    assert written + "    - **Definition of Done:**\n      - Missing-op report tool\n" in expected


# --- new copies the heading of items written "ID – Title" at level 3


def test_new_writes_the_heading_like_the_items_around_it(tmp_path: Path) -> None:
    # Before the fix, an item heading without [brackets] gave no style to copy: new
    # wrote "## [ARK5] ..." at level 2 among level-3 items, and refused its own edit
    # ("would change the sections") on the shapes example and every roadmap like it.
    roadmap = tmp_path / "ROADMAP.md"
    shapes = REPO / "examples" / "shapes" / "ROADMAP.md"
    roadmap.write_bytes(shapes.read_bytes())
    result = cli("new", "M1 — runtime", "Shape Caching", roadmap.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Added ARK5 to M1 — runtime\n"
    text = roadmap.read_text(encoding="utf-8")
    assert text.startswith(shapes.read_text(encoding="utf-8").rstrip("\n"))
    # the owner field by the name the items around it write (``Owner``, an alias of DRI)
    assert "\n### ARK5 – Shape Caching\n\n1. **Owner:** _unassigned_\n" in text
    listed = cli("list", "--section", "M1 — runtime", roadmap.name, cwd=tmp_path)
    assert [line.split()[0] for line in listed.stdout.splitlines()[1:]] == ["ARK3", "ARK4", "ARK5"]


# --- set --title on a numbered box keeps its number and its stable ID (ninth break pass)

NUMBERED_BOXES = """\
# Tasks

## Build

- [ ] 2. Backend API <!-- id:bknd002 -->
- [ ] 3. Frontend UI <!-- id:frnt003 -->
- [ ] 4. Integration <!-- id:intg004 -->
  - Blocked-by: bknd002 (Backend API), frnt003 (Frontend UI)
- [ ] 1.2.1 Draft the guide
"""


@pytest.mark.parametrize(
    ("item", "line"),
    [
        ("3", "- [ ] 3. Frontend app <!-- id:frnt003 -->\n"),
        ("1.2.1", "- [ ] 1.2.1 Frontend app\n"),
    ],
)
def test_set_title_of_a_numbered_box_keeps_its_number(tmp_path: Path, item: str, line: str) -> None:
    # Before the fix the number was taken for the title's first word: the box lost its
    # number (its ID) and its stable ID, and 4 no longer depended on it
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_text(NUMBERED_BOXES, encoding="utf-8")
    result = cli("set", item, "--title", "Frontend app", roadmap.name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert line in roadmap.read_text(encoding="utf-8")
    assert cli("check", roadmap.name, cwd=tmp_path).returncode == 0
