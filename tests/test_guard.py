"""`roadmaplint guard`: what an edit broke, on GoMLX's real history and on agent-style damage."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, cli, run

E0C = FIXTURES / "gomlx-TODO-e0c8724.md"
E9F = FIXTURES / "gomlx-TODO-e9f81d3.md"
EXAMPLE = FIXTURES / "gomlx-roadmap.md"


def _guard(tmp_path: Path, old: str, new: str, *args: str) -> tuple[int, list[tuple[int, str]]]:
    (tmp_path / "OLD.md").write_text(old, encoding="utf-8")
    (tmp_path / "ROADMAP.md").write_text(new, encoding="utf-8")
    done = cli("guard", "--against-file", "OLD.md", "--format", "json", *args, cwd=tmp_path)
    assert done.stderr == ""
    return done.returncode, [(f["line"], f["code"]) for f in json.loads(done.stdout)]


def test_the_real_history_pair_names_only_the_stray_list_the_maintainers_added(
    tmp_path: Path,
) -> None:
    code, found = _guard(tmp_path, E0C.read_text("utf-8"), E9F.read_text("utf-8"))
    # e9f81d3 put a list at column 1 that swallows the rest of the document (RL108)
    assert (code, found) == (1, [(9, "RL608")])


def test_the_example_to_the_real_file_names_the_two_items_really_deleted(tmp_path: Path) -> None:
    # BE-2..BE-5 became BACKEND-2..5 (renames, not findings); BE-1 and BE-6 are gone
    code, found = _guard(tmp_path, EXAMPLE.read_text("utf-8"), E0C.read_text("utf-8"))
    assert (code, found) == (1, [(165, "RL601"), (216, "RL601")])


def test_no_change_and_formatting_only_are_no_finding(tmp_path: Path) -> None:
    text = E0C.read_text("utf-8")
    assert _guard(tmp_path, text, text) == (0, [])
    assert _guard(tmp_path, text, text.replace("**Status:** `ready`", "**Status:** ready")) == (
        0,
        [],
    )


def _without(text: str, item_id: str) -> str:
    start = text.index(f"## [{item_id}]")
    start = text.rindex("\n", 0, start) + 1
    end = text.index("  ---\n", start) + len("  ---\n\n")
    return text[:start] + text[end:]


DAMAGE = {
    # an agent deleted an open item: reported at the item that now follows
    "item deleted": (lambda t: _without(t, "MODEL-7"), [(111, "RL601")]),
    # made done while MODEL-1 is ready
    "done with open deps": (
        lambda t: t.replace(
            "- **Status:** `ready`\n  - **Priority:** `P1`\n  - **Depends on:** MODEL-1",
            "- **Status:** done\n  - **Priority:** `P1`\n  - **Depends on:** MODEL-1",
        ),
        [(45, "RL602")],
    ),
    # an open item's Depends on now names an item that does not exist
    "dangling dependency": (
        lambda t: t.replace("**Depends on:** MODEL-1", "**Depends on:** MODEL-99"),
        [(47, "RL606")],
    ),
    # a list at column 1 between indented items: the items after it are swallowed
    "stray list": (lambda t: t.replace("  ## [GRAPH-2]", "- note\n  ## [GRAPH-2]", 1), None),
    # a heading broken so the item is no longer read
    "heading broken": (
        lambda t: t.replace("  ## [GRAPH-2] Data", "  ##[GRAPH-2] Data", 1),
        [(136, "RL608")],
    ),
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_agent_style_damage_is_caught_with_its_code_and_line(tmp_path: Path, name: str) -> None:
    damage, expected = DAMAGE[name]
    old = E0C.read_text("utf-8")
    new = damage(old)
    assert new != old
    code, found = _guard(tmp_path, old, new)
    assert code == 1
    if expected is None:  # the stray list: its own line, RL608
        line = new.splitlines().index("- note") + 1
        expected = [(line, "RL608")]
    assert found == expected


BOXES_OLD = "    - [ ] API to compute Jacobian\n    - [ ] Unit tests with analytic comparison\n"


def _with_boxes(text: str, ticks: tuple[str, str], status: str = "ready") -> str:
    boxed = text.replace(
        "    - API to compute Jacobian\n    - Unit tests with analytic comparison\n",
        f"    - [{ticks[0]}] API to compute Jacobian\n    - [{ticks[1]}] Unit tests with analytic comparison\n",
    )
    return boxed.replace(
        "- **Status:** ready\n  - **Priority:** P2\n  - **Description:** Support gradients",
        f"- **Status:** {status}\n  - **Priority:** P2\n  - **Description:** Support gradients",
    )


def test_boxes_ticked_without_the_status_and_done_with_open_boxes(tmp_path: Path) -> None:
    text = E0C.read_text("utf-8")
    before = _with_boxes(text, (" ", " "))
    assert _guard(tmp_path, before, _with_boxes(text, ("x", "x"))) == (1, [(114, "RL604")])
    # one box of two ticked while the work goes on: ordinary progress, no finding
    assert _guard(tmp_path, before, _with_boxes(text, ("x", " "))) == (0, [])
    assert _guard(tmp_path, before, _with_boxes(text, ("x", " "), "done")) == (
        1,
        [(115, "RL603")],
    )
    done = _with_boxes(text, ("x", "x"), "done")
    assert _guard(tmp_path, before, done) == (0, [])
    # the reverse: reopened, and a box unticked on an item left done
    assert _guard(tmp_path, done, before) == (1, [(110, "RL605")])
    assert _guard(tmp_path, done, _with_boxes(text, ("x", " "), "done")) == (1, [(115, "RL604")])


def test_a_claim_taken_over_is_caught_and_an_expired_one_is_not(tmp_path: Path) -> None:
    text = E0C.read_text("utf-8")

    def claimed(agent: str, until: str) -> str:
        return text.replace(
            "  - **Priority:** P2\n  - **Description:** Support gradients",
            f"  - **Priority:** P2\n  - **Claimed by:** {agent} until {until}\n"
            "  - **Description:** Support gradients",
        )

    alice = claimed("@alice", "2999-01-01T00:00:00Z")
    assert _guard(tmp_path, alice, claimed("@bob", "2999-01-01T00:00:00Z")) == (
        1,
        [(112, "RL607")],
    )
    expired = claimed("@alice", "2020-01-01T00:00:00Z")
    assert _guard(tmp_path, expired, claimed("@bob", "2999-01-01T00:00:00Z")) == (0, [])


def test_against_head_in_git_and_the_other_formats(tmp_path: Path) -> None:
    shutil.copy(E0C, tmp_path / "ROADMAP.md")
    for args in (
        ("init", "-q"),
        ("add", "ROADMAP.md"),
        ("-c", "user.name=T", "-c", "user.email=t@e.x", "commit", "-qm", "plan"),
    ):
        assert run("git", *args, cwd=tmp_path).returncode == 0
    assert cli("guard", cwd=tmp_path).returncode == 0
    path = tmp_path / "ROADMAP.md"
    path.write_text(_without(E0C.read_text("utf-8"), "MODEL-7"), encoding="utf-8")
    text = cli("guard", cwd=tmp_path)
    assert text.returncode == 1
    assert text.stdout.startswith(
        "ROADMAP.md:111:3: error: RL601 MODEL-7 (Jacobian Support (non-scalar gradients), "
        "ready, line 107 before) was removed and not renamed\n"
    )
    github = cli("guard", "--format", "github", cwd=tmp_path).stdout
    assert github.startswith("::error file=ROADMAP.md,line=111,")
    sarif = json.loads(cli("guard", "--format", "sarif", cwd=tmp_path).stdout)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "RL601"
    bad = cli("guard", "--against", "nope", cwd=tmp_path)
    assert (bad.returncode, bad.stderr) == (
        2,
        "roadmaplint: error: --against nope: no such commit\n",
    )
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(E0C, outside / "ROADMAP.md")
    (outside / ".git").write_text("gitdir: /nonexistent\n")  # not a work tree
    refused = cli("guard", cwd=outside)
    assert refused.returncode == 2
    assert re.fullmatch(r"roadmaplint: error: .*\n", refused.stderr)


def test_guard_codes_are_listed_by_rules(tmp_path: Path) -> None:
    listed = cli("rules", cwd=tmp_path).stdout
    for code in ("RL601", "RL602", "RL603", "RL604", "RL605", "RL606", "RL607", "RL608"):
        assert code in listed


def test_without_against_staged_edits_count_as_reviewed_and_unstaged_ones_do_not(
    tmp_path: Path,
) -> None:
    """With staged changes and further edits on top, the index is the older version;
    with only staged changes (a pre-commit hook's work tree), HEAD is. No git command
    that runs the repository's filters is started."""
    text = E0C.read_text("utf-8")
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    git = ("-c", "user.name=T", "-c", "user.email=t@e.x")
    for args in (("init", "-q"), ("add", "ROADMAP.md"), (*git, "commit", "-qm", "plan")):
        assert run("git", *args, cwd=tmp_path).returncode == 0

    def found(*args: str) -> tuple[int, list[tuple[int, str]]]:
        done = cli("guard", "--format", "json", *args, cwd=tmp_path)
        assert done.stderr == ""
        return done.returncode, [(f["line"], f["code"]) for f in json.loads(done.stdout)]

    removed = _without(text, "MODEL-7")
    path.write_text(removed, encoding="utf-8")
    assert run("git", "add", "ROADMAP.md", cwd=tmp_path).returncode == 0
    # staged damage, nothing on top: against HEAD, as pre-commit runs the hook
    assert found() == (1, [(111, "RL601")])

    # a filter and a textconv the repository names: guard must run neither
    marker = tmp_path / "ran"
    for args in (
        ("config", "filter.evil.clean", f"touch {marker}; cat"),
        ("config", "filter.evil.smudge", f"touch {marker}; cat"),
        ("config", "diff.evil.textconv", f"touch {marker}; cat"),
    ):
        assert run("git", *args, cwd=tmp_path).returncode == 0
    (tmp_path / ".gitattributes").write_text("ROADMAP.md filter=evil diff=evil\n")

    path.write_text(removed.replace("**Depends on:** MODEL-1", "**Depends on:** MODEL-99"))
    # unstaged damage on top of the staged removal: only what the unstaged edit broke
    assert found() == (1, [(47, "RL606")])
    # asked for HEAD, both
    assert found("--against", "HEAD") == (1, [(47, "RL606"), (111, "RL601")])
    # the unstaged edit undone: the staged removal is reported against HEAD again
    path.write_text(removed, encoding="utf-8")
    assert found() == (1, [(111, "RL601")])
    assert not marker.exists()


# docs/TODO.md in GoMLX, oldest first: nine free-form versions, then the roadmap's three
HISTORY = [
    FIXTURES / "gomlx-TODO-history" / f"TODO-{commit}.md"
    for commit in (
        "d3623981",
        "ba089728",
        "e5cf2f2c",
        "01bc6d0d",
        "3335a18a",
        "b5a9876e",
        "3f8a7926",
        "fe1e6836",
        "1bde7198",
    )
] + [EXAMPLE, E0C, E9F]


def test_every_consecutive_pair_of_the_real_history_names_only_what_really_broke(
    tmp_path: Path,
) -> None:
    """The whole history of the file, twelve versions: before it held items nothing is
    said; after, the two items really deleted (BE-1, BE-6: the other BE-* were renamed)
    and the stray list that swallowed the rest of the document."""
    expected = {
        (EXAMPLE.name, E0C.name): (1, [(165, "RL601"), (216, "RL601")]),
        (E0C.name, E9F.name): (1, [(9, "RL608")]),
    }
    assert len(HISTORY) == 12
    for old, new in itertools.pairwise(HISTORY):
        found = _guard(tmp_path, old.read_text("utf-8"), new.read_text("utf-8"))
        assert found == expected.get((old.name, new.name), (0, [])), (old.name, new.name)


SMALL = "# R\n\n## A\n\n### [A-1] x\n\n- **Status:** ready\n- **Priority:** P1\n"


def _committed(folder: Path, data: bytes) -> None:
    folder.mkdir()
    (folder / "ROADMAP.md").write_bytes(data)
    git = ("-c", "user.name=T", "-c", "user.email=t@e.x")
    for args in (("init", "-q"), ("add", "ROADMAP.md"), (*git, "commit", "-qm", "plan")):
        assert run("git", *args, cwd=folder).returncode == 0
    (folder / "ROADMAP.md").write_text(SMALL, encoding="utf-8")


def test_an_older_version_is_refused_as_check_refuses_it(tmp_path: Path) -> None:
    """A hostile history: the committed version is a block-quote run the parser would
    spend minutes on (check refuses it), or a line too long; the guard says so in one line
    instead of parsing it."""
    bomb = SMALL + "\n" + ">" * 18 + " q\n" + "lazy\n" * 60_000
    _committed(tmp_path / "bomb", bomb.encode())
    refused = cli("guard", cwd=tmp_path / "bomb")
    assert refused.returncode == 2
    assert refused.stderr.startswith(
        "roadmaplint: error: ROADMAP.md at HEAD: line 10 starts a paragraph 60001 lines long "
    )
    assert refused.stderr.count("\n") == 1
    _committed(tmp_path / "long", (SMALL + "x" * 100_001 + "\n").encode())
    long = cli("guard", cwd=tmp_path / "long")
    assert (long.returncode, long.stderr) == (
        2,
        "roadmaplint: error: ROADMAP.md at HEAD: line 9 is over 100000 characters long; "
        "is this a roadmap?\n",
    )
    # an empty file before is a new roadmap: nothing it had can have broken
    _committed(tmp_path / "empty", b"")
    assert cli("guard", cwd=tmp_path / "empty").returncode == 0


def test_a_revision_with_a_newline_is_named_in_one_line(tmp_path: Path) -> None:
    _committed(tmp_path / "repo", SMALL.encode())
    for against, shown in (("HEAD\nx", "'HEAD\\nx'"), ("", "''")):
        refused = cli("guard", "--against", against, cwd=tmp_path / "repo")
        assert (refused.returncode, refused.stderr) == (
            2,
            f"roadmaplint: error: --against {shown}: no such commit\n",
        )


def _moved_and_damaged(tmp_path: Path, name: str) -> list[tuple[int, str]]:
    """Commit TODO.md, `git mv` it to ``name``, delete MODEL-7 and stage it: what guard
    says of ``name``."""
    text = E0C.read_text("utf-8")
    (tmp_path / "TODO.md").write_text(text, encoding="utf-8")
    git = ("-c", "user.name=T", "-c", "user.email=t@e.x")
    for args in (("init", "-q"), ("add", "TODO.md"), (*git, "commit", "-qm", "plan")):
        assert run("git", *args, cwd=tmp_path).returncode == 0
    assert run("git", "mv", "TODO.md", name, cwd=tmp_path).returncode == 0
    (tmp_path / name).write_text(_without(text, "MODEL-7"), encoding="utf-8")
    assert run("git", "add", name, cwd=tmp_path).returncode == 0
    done = cli("guard", name, "--format", "json", cwd=tmp_path)
    assert done.stderr == ""
    return [(f["line"], f["code"]) for f in json.loads(done.stdout)]


def test_a_roadmap_renamed_with_git_mv_is_guarded_against_its_old_name(tmp_path: Path) -> None:
    """git mv and an item deleted in the same commit: the old version is the file under
    its old name at HEAD, not nothing."""
    text = E0C.read_text("utf-8")
    assert _moved_and_damaged(tmp_path, "ROADMAP.md") == [(111, "RL601")]
    # a new file that is no rename still has nothing to be compared with
    (tmp_path / "NEW.md").write_text(text, encoding="utf-8")
    assert run("git", "add", "NEW.md", cwd=tmp_path).returncode == 0
    assert cli("guard", "NEW.md", cwd=tmp_path).returncode == 0


def test_a_roadmap_renamed_to_a_name_with_a_space_is_guarded(tmp_path: Path) -> None:
    """git cat-file says '<name> missing' for the new name at HEAD; a name holding a
    space split into three words and was read as a size (a traceback)."""
    assert _moved_and_damaged(tmp_path, "plän x.md") == [(111, "RL601")]


def test_an_item_written_without_an_id_is_not_followed_when_it_is_retitled_or_gone(
    tmp_path: Path,
) -> None:
    """A plain TODO list's items are known by references made from their titles: a title
    edited reads as one item removed and another added, so the guard says nothing of
    them (the free-form GoMLX TODO versions, read as items since the eighth corpus set,
    gave RL601 on every edited line); an item with a written ID still gives RL601."""
    old = "# TODO List\n\n## Modeling\n\n* FFT operation for FNets.\n* GNN layer.\n"
    new = "# TODO List\n\n## Modeling\n\n* FFT operation (for FNets).\n"
    assert _guard(tmp_path, old, new) == (0, [])
    with_ids = "# TODO\n\n- [ ] A-1 FFT operation\n- [ ] A-2 GNN layer\n"
    assert _guard(tmp_path, with_ids, "# TODO\n\n- [ ] A-1 FFT operation\n") == (
        1,
        [(3, "RL601")],
    )
