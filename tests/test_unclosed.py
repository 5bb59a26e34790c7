"""RL110: a code fence or an HTML block left open hides every heading after it.

Under CommonMark (and on GitHub) an unclosed fence runs to the end of the document,
so the items after it render as code; roadmaplint reads as GitHub renders and reports
the block instead of losing the items in silence (ROADMAP CORE-7).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import REPO, cli

from roadmaplint.reader import parse
from roadmaplint.reader.incremental import full_snapshot, update
from roadmaplint.rules.engine import check_text
from roadmaplint.rules.incremental import first_check, recheck
from roadmaplint.settings import Settings

HEAD = "# Roadmap\n\n## [A-1] Parser\n\n- **Status:** ready\n\n"
AFTER = "## [A-2] Writer\n\n- **Status:** ready\n\n## [A-3] Reader\n"


def unclosed(text: str) -> list[str]:
    return [f.message for f in check_text(text) if f.code == "RL110"]


@pytest.mark.parametrize(
    ("opening", "kind", "closer"),
    [
        ("```sh\nmake parser\n\n", "code fence", "```"),
        ("~~~~\nx\n~~~\n", "code fence", "~~~~"),  # a shorter fence closes nothing
        ("````\nx\n```\n", "code fence", "````"),
        ("<!-- TODO: later\n\n", "HTML comment", "-->"),
        ("<pre>\nlog\n\n", "<pre> block", "</pre>"),
        ("<script>\nx = 1\n\n", "<script> block", "</script>"),
    ],
)
def test_an_open_block_hiding_items_is_named_with_the_headings_it_hides(
    opening: str, kind: str, closer: str
) -> None:
    text = HEAD + opening + AFTER
    roadmap = parse(text, "ROADMAP.md", Settings())
    assert [item.id for item in roadmap.items] == ["A-1"]  # as GitHub renders it
    first = text.count("\n", 0, text.index(opening)) + 1
    hidden = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("## [A-")][1:]
    assert unclosed(text) == [
        f"the {kind} opened on line {first} is never closed: the 2 headings after it "
        f"(lines {hidden[0]}, {hidden[1]}) render as its text, unread; close it with a "
        f"{closer} line where it should end"
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "```sh\nmake parser\n```\n\n",  # closed
        "````\nx\n`````\n\n",  # a longer fence closes it
        "<!-- a note -->\n\n",
        "<!--\nnote\n-->\n\n",
        "<pre>log</pre>\n\n",
        "<div>\nnote\n\n",  # ends at a blank line: hides nothing
    ],
)
def test_a_closed_block_is_no_finding(opening: str) -> None:
    text = HEAD + opening + AFTER
    assert [item.id for item in parse(text, "ROADMAP.md", Settings()).items] == [
        "A-1",
        "A-2",
        "A-3",
    ]
    assert unclosed(text) == []


def test_an_open_fence_at_the_end_with_shell_comments_only_is_quiet() -> None:
    # a `# comment` line in code is no hidden heading: no finding a person would doubt
    assert unclosed(HEAD + "```sh\n# build it\nmake\n# and test\n") == []
    assert unclosed(HEAD + "```sh\nmake\n") == []


def test_an_open_fence_in_an_indented_document() -> None:
    text = "  # Roadmap\n\n  ## [A-1] Parser\n\n  ```\n  x\n\n  ## [A-2] Writer\n"
    assert unclosed(text) == [
        "the code fence opened on line 5 is never closed: the heading on line 8 renders "
        "as its text, unread; close it with a ``` line where it should end"
    ]


def test_the_installed_command_reports_it_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "ROADMAP.md").write_text(HEAD + "```\nx\n\n" + AFTER, encoding="utf-8")
    done = cli("check", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    [finding] = [f for f in json.loads(done.stdout) if f["code"] == "RL110"]
    assert (finding["line"], finding["column"], finding["severity"]) == (7, 1, "error")


def test_the_editor_opening_and_closing_a_fence_agrees_with_a_full_check() -> None:
    settings = Settings()
    text = HEAD + AFTER
    snapshot = full_snapshot(text, "ROADMAP.md", settings)
    state = first_check(snapshot.roadmap, settings)
    at = text.index("## [A-3]")
    opened = text[:at] + "```\n" + text[at:]
    for new in (opened, opened + "```\n", opened, text):
        snapshot = update(snapshot, new)
        assert snapshot.roadmap == parse(new, "ROADMAP.md", settings)
        state = recheck(state, snapshot.roadmap, snapshot.edit, settings)
        assert list(state.findings) == check_text(new)


@pytest.mark.parametrize("opening", ["```\n", "~~~~ text\n", "<!-- note\n", "<pre>\n"])
def test_both_parsers_read_an_open_block_the_same(opening: str) -> None:
    """The native parser reads a large document in pieces: an open block must not end one."""
    from test_native_parser import same_reading

    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    text = generate(120, seed=3)
    at = text.index("## [", len(text) // 2)
    same_reading(text[:at] + opening + text[at:])
    same_reading(HEAD + opening + AFTER)


def test_guard_names_the_open_fence_as_where_the_structure_breaks(tmp_path: Path) -> None:
    (tmp_path / "OLD.md").write_text(HEAD + AFTER, encoding="utf-8")
    (tmp_path / "ROADMAP.md").write_text(HEAD + "```\nx\n\n" + AFTER, encoding="utf-8")
    done = cli("guard", "--against-file", "OLD.md", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    found = [(f["line"], f["code"], f["message"]) for f in json.loads(done.stdout)]
    assert [(line, code) for line, code, _ in found] == [(7, "RL608"), (7, "RL608")]
    assert all("the structure breaks at line 7" in message for _, _, message in found)
