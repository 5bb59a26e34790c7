"""Broken and hostile input: one clear line on stderr, exit 2, the file untouched."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import GOMLX, LEGENDS, installed_command, item, roadmap

from roadmaplint.cli import main
from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse
from roadmaplint.reader.source import decode
from roadmaplint.rules.engine import check_text
from roadmaplint.settings import Settings


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(err: str, *fragments: str) -> None:
    assert err.count("\n") == 1 and err.startswith("roadmaplint: error: "), err
    for fragment in fragments:
        assert fragment in err


CASES = {
    "not-utf8.md": (
        b"# Roadmap\n\xff\xfe broken\n",
        "line 2 is not UTF-8 (byte 0xff at offset 10)",
    ),
    "nul.md": (b"# Roadmap\n\n## [A-1] x\0y\n", "line 3 contains a NUL byte"),
    # what Windows' Notepad saves as "Unicode": a NUL after every ASCII character
    "utf16.md": ("# Roadmap\n".encode("utf-16"), "is UTF-16 (its first bytes say so); save"),
    "utf16be.md": ("# Roadmap\n".encode("utf-16-be"), "is UTF-16 (its first bytes say so)"),
    "empty.md": (b"", "is empty"),
    "blank.md": (b"\xef\xbb\xbf \n\n", "is empty"),
    "long-line.md": (b"# R\n" + b"x" * 10_000_001 + b"\n", "line 2 is over 100000 characters long"),
    # a bound on what one file may make the reader hold: a million one-line boxes took
    # 3.4 GB, and 32 MB of them (four million) would take some 14 GB
    "many-lines.md": (b"- [ ] a\n" * 1_000_001, "has 1,000,001 lines, over the 1,000,000"),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("command", ["check", "fix"])
def test_unreadable_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, command: str
) -> None:
    data, fragment = CASES[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run([command, str(path)], capsys)
    assert (code, out) == (2, "")
    assert_one_line_error(err, str(path), fragment)
    assert path.read_bytes() == data


def test_a_50_megabyte_roadmap_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.md"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NULs, never read
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert_one_line_error(err, "is 50.0 MB; roadmaplint reads roadmaps up to 32 MB")


def test_folder_missing_fifo_and_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for path, fragment in [
        (tmp_path, "no roadmap found: no file under"),
        (tmp_path / "missing.md", "no such file"),
        (fifo, "is not a regular file"),
        (Path("/dev/null"), "is not a regular file"),
    ]:
        code, out, err = run(["check", str(path)], capsys)
        assert (code, out) == (2, "")
        assert_one_line_error(err, fragment)


def test_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ROADMAP.md"
    path.write_text("# R\n", encoding="utf-8")
    real_open = open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refuse)
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert_one_line_error(err, "cannot read: Permission denied")


@pytest.mark.parametrize("unit", ["- ", "> ", "1. "])
def test_deep_nesting_is_refused_not_half_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], unit: str
) -> None:
    # 10,000 lists or block quotes, each inside the one before: markdown-it-py would
    # silently drop everything after them, the Priority Overview included.
    text = LEGENDS + "# Modeling\n\n" + item("MODEL-1") + unit * 10_000 + "x\n\n"
    text += "# Priority Overview\n\n## P1\n- MODEL-1\n"
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    for command in ("check", "fix"):
        code, out, err = run([command, str(path)], capsys)
        assert (code, out) == (2, "")
        assert_one_line_error(err, f"{path}: line 29 nests lists or block quotes more than 19")
    assert path.read_text(encoding="utf-8") == text


def test_nesting_a_roadmap_might_use_is_read() -> None:
    text = roadmap(("Modeling", [item("MODEL-1"), "- " * 8 + "x\n\n" + "> " * 15 + "q\n\n"]))
    assert check_text(text) == []


def test_a_dependency_chain_of_100000_items() -> None:
    # no RecursionError in parsing, graph algorithms or rendering
    header = roadmap(("Chain", []))  # no items: fix adds no overview
    assert "# Priority Overview" not in header
    count = 100_000
    body = "".join(
        f"## [C-{n}] Step\n- **DRI:** x\n- **Status:** idea\n- **Priority:** P1\n"
        + (f"- **Depends on:** C-{n - 1}\n" if n > 1 else f"- **Depends on:** C-{count}\n")
        + "\n"
        for n in range(1, count + 1)
    )
    found = check_text(header + "# Chain\n\n" + body)
    codes = [finding.code for finding in found]
    assert codes.count("RL302") == 1
    assert codes == ["RL302", "RL402"]
    cycle = found[0].message
    assert cycle.startswith("dependency cycle: C-1 -> C-2 -> C-3 -> ")
    assert cycle.endswith(f" -> C-{count} -> C-1 (each must be done before the next)")


@pytest.mark.parametrize(
    "title",
    [
        "# Priority Overview",
        "ends a comment -->",
        "with `backticks` and ``` fences",
        "line\rbreak through CR",
        "Real title <!-- roadmaplint-disable -->",
    ],
)
def test_titles_cannot_inject_into_the_overview(title: str) -> None:
    text = roadmap(("Modeling", [item("MODEL-1", title=title), item("MODEL-2")]))
    stale = text.replace("- MODEL-2\n", "")
    fixed = fix_text(stale)
    assert fixed.text == text
    assert [finding.code for finding in check_text(fixed.text)] == []


def test_unicode_look_alike_ids_are_not_ids() -> None:
    # "MODEL‐1" with U+2010 HYPHEN, and a Cyrillic "О" in "MОDEL-2"
    text = roadmap(
        ("Modeling", [item("MODEL-1"), "## [MODEL\u20101] Fake\n\n", "## [M\u041eDEL-2] Fake\n\n"])
    )
    found = check_text(text)
    assert [(finding.code, finding.line) for finding in found] == [("RL101", 31), ("RL101", 33)]


def test_lazy_lines_in_deep_block_quotes_are_refused_at_once(tmp_path: Path) -> None:
    # Issue 9, item 22: markdown-it-py reads a lazily continued paragraph once per
    # quote level; these 2 MB took 50 s and 880 MB before they were refused up front.
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_text("> " * 18 + "x\n" * 1_000_000, encoding="utf-8")
    run = subprocess.run(
        [installed_command(), "check", str(roadmap)],
        capture_output=True,
        text=True,
        timeout=60,  # a safety net, not a measurement: bench/ measures
    )
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"roadmaplint: error: {roadmap}: line 1 starts a paragraph 1000000 lines long in block "
        "quotes 18 deep; the markdown parser reads such a paragraph once per level, which "
        "would take minutes. End it with a blank line or quote less deeply\n"
    )


def test_nested_quotes_people_write_are_read() -> None:
    notes = (
        "> From the review:\n> > we should\nship the importer first\nand the example second.\n"
        ">\n> > > agreed\n\n"
        + "> > "
        + "a long quoted paragraph, lazily continued\n" * 50_000
        + "\n"
    )
    text = GOMLX.read_text(encoding="utf-8") + "\n" + notes
    assert decode(text.encode("utf-8"), "ROADMAP.md") == text


@pytest.mark.parametrize(
    ("range_of", "first_past", "last"),
    [
        (lambda n: f"Task {n * 200 + 1}-{n * 200 + 200}", "Task 201", "Task 60000"),
        (lambda n: f"T-{n * 50 + 1:06d} through T-{n * 50 + 50:06d}", "T-000202", "T-015000"),
    ],
    ids=["numbered", "through"],
)
def test_many_ranges_in_one_value_name_a_bounded_number_of_items(
    range_of: Any, first_past: str, last: str
) -> None:
    # 300 ranges in a 5 kB line named 60,000 items (and took 13 s, a quadratic walk)
    depends = ", ".join(range_of(n) for n in range(300))
    text = f"# Roadmap\n\n## Items\n\n### A-1: First\n\n- Status: todo\n- Depends on: {depends}\n"
    (first,) = parse(text, "ROADMAP.md", Settings(id_pattern=r"[A-Z]+-\d+")).items
    assert len(first.depends_on) < 600
    assert len(set(first.depends_on)) == len(first.depends_on)
    # the ranges past the bound are read as a range too long is
    assert first_past not in first.depends_on and last not in first.depends_on


def _checked_in_a_process(target: Path) -> None:
    """``roadmaplint check`` of ``target`` as its own process ends with findings or none,
    never a traceback; its 60 s timeout is a safety net, not a measurement."""
    result = subprocess.run(
        [installed_command(), "check", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_a_line_of_spaces_before_a_dash_in_a_table_is_read_in_linear_time(
    tmp_path: Path,
) -> None:
    """A table's second line of 99,000 spaces and then `-x`: the delimiter pattern split
    the run of spaces two ways at each position (quadratic: 8,000 spaces took 0.4 s, a
    line at the 100,000-character limit about a minute, and a file holds hundreds). The
    timeout is a safety net, not a measurement."""
    rows = "| ID | Status |\n" + " " * 99_000 + "-x\n"
    target = tmp_path / "ROADMAP.md"
    target.write_text("# Plan\n\n## Legend\n\n" + rows + "\n## Work\n\n" + rows, encoding="utf-8")
    _checked_in_a_process(target)


def test_references_made_for_many_items_of_one_title_are_found_in_linear_work() -> None:
    """50,000 boxes all titled ``T`` took 37 s of CPU: each reference tried ``t-2``,
    ``t-3`` ... from the start, so the n-th tried n names. The references stay as they
    were, and the names tried grow with the items, not with their square."""
    from roadmaplint.reader.shapes.common import Taken, reference_from_title

    class Counting(Taken):
        tried = 0

        def __contains__(self, name: object) -> bool:
            Counting.tried += 1
            return super().__contains__(name)

    taken = Counting({"fix-3"})  # written by hand, skipped as before
    made = [reference_from_title("Fix", taken) for _ in range(5_000)]
    assert made[:4] == ["fix", "fix-2", "fix-4", "fix-5"] and made[-1] == "fix-5001"
    assert reference_from_title("Fix 2", taken) == "fix-2-2"
    assert Counting.tried < 3 * 5_000
    boxes = "# TODO\n\n" + "- [ ] Same\n" * 3_000 + "| Task | Owner |\n|---|---|\n"
    text = boxes + "| Same | @a |\n" * 3
    ids = [found.id for found in parse(text, "TODO.md", Settings()).items]
    assert ids[:3] == ["same", "same-2", "same-3"] and len(set(ids)) == len(ids) == 3_000


def test_a_status_of_many_marks_is_read_in_linear_time(tmp_path: Path) -> None:
    """A status of 45,000 dashes (``**Status:** — — — ...``) took about 10 s of CPU: the
    common spellings dropped its leading marks one list copy at a time (quadratic), on
    each of the six questions the rules ask of a status. The timeout is a safety net,
    not a measurement."""
    from roadmaplint.settings import common_meaning

    assert common_meaning("🔄 ✅ In Progress") == "in_progress"
    assert common_meaning("— " * 3 + "done") == "done" and common_meaning("— —") is None
    marks = "— " * 45_000
    items = "".join(f"## [A-{n}] Item\n\n- **Status:** {marks}\n\n" for n in range(1, 11))
    target = tmp_path / "ROADMAP.md"
    target.write_text("# Roadmap\n\n" + items, encoding="utf-8")
    _checked_in_a_process(target)
