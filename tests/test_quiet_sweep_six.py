"""Quiet by default, swept a sixth time across public plan files and the documents a user
runs roadmaplint on by mistake or through a pre-commit glob, in neither the corpus nor the
earlier sweeps (issue 20; ``tests/corpus/README.md``, "Sixth quiet sweep"): each class of
false alarm or of a document that is no plan read as items, in the real file (kept in
``tests/quiet/six/`` with its origin) or a small document of its class, with no finding
and no item; and beside it a plan of the same shape that still gets its real finding."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import finding_lines, read_items

SIX = Path(__file__).parent / "quiet" / "six"


def real(name: str) -> str:
    return (SIX / name).read_text(encoding="utf-8")


# stjude-rust-labs/tes RELEASE.md 4846da20b334b8467d7e24333d6066165ce30f88: the steps of
# each release, ticked again every time.
RELEASE = real("tes-RELEASE.md")


def test_a_release_procedures_steps_read_no_items() -> None:
    for path in ("RELEASE.md", "RELEASING.md", "docs/release-checklist.md", "RELEASE_PROCESS.md"):
        assert read_items(RELEASE, path) == (), path
        assert finding_lines(RELEASE, path) == [], path


def test_the_same_steps_in_a_plan_are_items_and_an_id_keeps_its_finding() -> None:
    assert len(read_items(RELEASE, "TODO.md")) == 12
    assert len(read_items(RELEASE, "RELEASE_NOTES_PLAN.md")) == 12
    # a box written with an ID in a release procedure is still an item
    planned = "# Release\n\n- [ ] REL-1 Ship it\n- [ ] REL-1 Again\n\n## Steps\n\n- [ ] Tag\n"
    assert [item.id for item in read_items(planned, "RELEASE.md")] == ["REL-1", "REL-1"]
    assert finding_lines(planned, "RELEASE.md") == ["4:RL102"]


def test_indented_front_matter_is_the_pages_data() -> None:
    page = "---\n  title: Schedule\n  week1: Week 1\n---\n\n# Schedule\n\n## T-1 — Read\n"
    assert [item.id for item in read_items(page, "schedule.md")] == ["T-1"]
    assert read_items(page.replace("T-1 — Read", "Week 1"), "schedule.md") == ()
