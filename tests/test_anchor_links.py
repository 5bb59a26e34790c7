"""RL111: a link to ``#anchor`` that no heading of the document has (SAFE-11)."""

from __future__ import annotations

from pathlib import Path

from conftest import GOMLX, REPO, cli

from roadmaplint.reader.incremental import full_snapshot, update
from roadmaplint.rules.engine import check_text
from roadmaplint.rules.incremental import first_check, recheck
from roadmaplint.settings import Settings

PLAN = """\
# Roadmap

See [the parser](#a-1-parsing) and [the writer](#a-2-writing).

## [A-1] Parsing

- **Status:** ready

## [A-2] Writing

- **Status:** idea
- **Depends on:** [A-1](#a-1-parsing)
"""


def dead(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in check_text(text) if f.code == "RL111"]


def test_a_link_to_a_heading_renamed_by_hand_is_reported_with_the_nearest_anchor() -> None:
    text = PLAN.replace("## [A-1] Parsing", "## [A-1] Parser")
    assert dead(text) == [
        (
            3,
            18,
            'the link to "#a-1-parsing" leads to no heading of this document; '
            'the nearest heading anchor is "#a-1-parser"',
        ),
        (
            12,
            25,
            'the link to "#a-1-parsing" leads to no heading of this document; '
            'the nearest heading anchor is "#a-1-parser"',
        ),
    ]


def test_links_that_lead_somewhere_on_github_are_no_finding() -> None:
    """Read as GitHub reads them: any case, percent-encoded, GitHub's ``user-content-``
    prefix, ``#top``; a second heading of one text is ``-1``; a heading in a list or a
    quote, an HTML id or name; a heading whose badges have no text but leave spaces."""
    text = PLAN + (
        "\n## Notes\n\n## Notes\n\n## Été\n\n"
        "## Contributors [![Good first issue](https://img.shields.io/x%21)](https://x) "
        "[![Commits](https://img.shields.io/y)](https://y)\n\n"
        "- ### In a list\n\n> ## In a quote\n\n"
        '<a name="custom"></a>\n\n<h3 id="html-heading">HTML</h3>\n\n'
        "[a](#A-1-Parsing) [b](#%C3%A9t%C3%A9) [c](#user-content-a-2-writing) [d](#top) "
        "[e](#) [f](#notes-1) [g](#contributors--) [h](#in-a-list) [i](#in-a-quote) "
        '[j](#custom) [k](#html-heading) [l](<#a-1-parsing>) [m](#a-1-parsing "title")\n'
    )
    assert dead(text) == []


def test_links_in_code_and_comments_are_text() -> None:
    text = PLAN + (
        "\n`[x](#nowhere)` in a code span\n\n```md\n[y](#nowhere)\n```\n\n"
        "    [z](#nowhere) indented code\n\n<!--\n[w](#nowhere)\n-->\n"
    )
    assert dead(text) == []


def test_a_reference_definition_to_a_missing_anchor_is_reported() -> None:
    text = PLAN + "\nSee [the plan][plan].\n\n[plan]: #the-plan\n"
    assert [line for line, _, _ in dead(text)] == [16]


def test_the_gomlx_files_and_this_repositorys_docs_have_no_dead_anchor() -> None:
    docs = sorted((REPO / "docs").glob("*.md"))
    for path in (
        GOMLX,
        *GOMLX.parent.glob("real/*.md"),
        REPO / "ROADMAP.md",
        REPO / "README.md",
        *docs,
    ):
        found = [f for f in check_text(path.read_text(encoding="utf-8")) if f.code == "RL111"]
        assert found == [], path.name


def test_rename_leaves_no_dead_link_and_a_hand_rename_leaves_one(tmp_path: Path) -> None:
    target = tmp_path / "ROADMAP.md"
    target.write_text(PLAN, encoding="utf-8")
    result = cli("rename", "A-1", "B-1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(#b-1-parsing)" in target.read_text(encoding="utf-8")
    result = cli("check", "--select", "RL111", cwd=tmp_path)
    assert result.returncode == 0 and "RL111" not in result.stdout
    target.write_text(PLAN.replace("[A-2] Writing", "[A-2] Writer"), encoding="utf-8")
    result = cli("check", "--select", "RL111", cwd=tmp_path)
    assert result.returncode == 0  # a warning
    assert 'ROADMAP.md:3:49: warning: RL111 the link to "#a-2-writing"' in result.stdout


def test_the_editor_finds_a_link_an_edit_kills_and_one_it_mends() -> None:
    """An edit to a heading's title kills links elsewhere in the document, outside the
    edited item: the rule reads the whole text and runs again after every edit."""
    settings = Settings()
    snapshot = full_snapshot(PLAN, "ROADMAP.md", settings)
    state = first_check(snapshot.roadmap, settings)
    for new in (
        PLAN.replace("## [A-1] Parsing", "## [A-1] Parser"),
        PLAN,
        PLAN.replace("- **Depends on:** [A-1](#a-1-parsing)", "- **Depends on:** [A-1](#a-1)"),
    ):
        snapshot = update(snapshot, new)
        assert not snapshot.full
        state = recheck(state, snapshot.roadmap, snapshot.edit, settings)
        assert list(state.findings) == check_text(new)
    assert [f.code for f in state.findings if f.code == "RL111"] == ["RL111"]


def test_lines_of_link_openers_are_read_in_linear_time(tmp_path: Path) -> None:
    """Lines just under the 100,000-character limit made of what opens a link, an image
    or an HTML tag, never closed: each pattern stopped at the end of the line from each
    start (33,000 `](#` took minutes). The timeout is a safety net, not a measurement."""
    import subprocess

    from conftest import installed_command

    lines = [
        "](#" * 33_000,
        "<a " * 33_000,
        "## " + "![" * 49_000,
        "## " + "[x](" * 24_000,
        "[a](#" + "x" * 99_000 + ")",
    ]
    target = tmp_path / "ROADMAP.md"
    target.write_text(PLAN + "\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [installed_command(), "check", "--select", "RL111", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "RL111" in result.stdout  # the last line's link leads nowhere
