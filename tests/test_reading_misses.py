"""Shapes people write that the corpus once missed (CORE-25, CORE-28, CORE-32): each
read by a general rule, shown on a small hand-written document, with the prose beside
it that must stay prose."""

from __future__ import annotations

from pathlib import Path

from roadmaplint import check_text
from roadmaplint.model import Item
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from tests.conftest import cli


def _items(text: str) -> list[Item]:
    return list(parse(text, "PLAN.md", Settings()).items)


def _read(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(item.title, item.status, item.priority) for item in _items(text)]


EMOJI_LEGEND = """\
# Todo

## List

- [x] 📝🟡✅ Remove the old links.
- [ ] ✨🔴🔄 Add dark mode.
- [ ] 🐛🟢⏳ Fix the footer.

## Emoji Definition

### Task Type

| Emoji | Meaning |
| :---: | :-----: |
| 📝 | Documentation |
| ✨ | Feature |
| 🐛 | Fix |
| 🏗️ | Build |

### Task Priority

| Emoji | Meaning |
| :---: | :-----: |
| 🔴 | High |
| 🟡 | Medium |
| 🟢 | Low |

### Task Status

| Emoji | Meaning |
| :---: | :-----: |
| ⏳ | Not started |
| 🔄 | In progress |
| ✅ | Done |
"""


def test_marks_a_legend_table_defines_are_the_priority_and_status() -> None:
    assert _read(EMOJI_LEGEND) == [
        ("Remove the old links.", "done", "Medium"),
        ("Add dark mode.", "In progress", "High"),  # the open box says less than 🔄
        ("Fix the footer.", "Not started", "Low"),
    ]
    assert [finding.code for finding in check_text(EMOJI_LEGEND, "PLAN.md", Settings())] == []


def test_marks_no_legend_defines_stay_the_titles() -> None:
    text = EMOJI_LEGEND.replace("| 🔴 | High |", "| 🔴 | High |\n").split("## Emoji")[0]
    assert _read(text)[1] == ("✨🔴🔄 Add dark mode.", "[ ]", None)
    # A mark the legend tables do not define leaves the whole first word to the title.
    unknown = EMOJI_LEGEND.replace("- [ ] 🐛🟢⏳", "- [ ] 🐛🟣⏳")
    assert _read(unknown)[2] == ("🐛🟣⏳ Fix the footer.", "[ ]", None)


INTERFACES = """\
# Persona

## User Interface Layer

| Interface | Framework | Status |
|-----------|-----------|--------|
| CLI | Typer | ✅ Complete |
| REST API | FastAPI | ✅ Complete |
| TUI Dashboard | Textual | 🚧 In Progress |
| WebUI | TBD | ⏸️ Deferred |
"""


def test_a_table_whose_status_cells_are_all_statuses_is_a_table_of_items() -> None:
    assert _read(INTERFACES) == [
        ("CLI", "✅ Complete", None),
        ("REST API", "✅ Complete", None),
        ("TUI Dashboard", "🚧 In Progress", None),
        ("WebUI", "⏸️ Deferred", None),
    ]


def test_a_comparison_table_or_a_short_one_is_no_table_of_items() -> None:
    supported = INTERFACES.replace("✅ Complete", "✅ Supported")
    assert _read(supported) == []  # a status cell that is no status: a comparison
    short = "\n".join(INTERFACES.splitlines()[:7]) + "\n"
    assert _read(short) == []  # two rows say too little to call it a plan


HORIZONS = """\
# Roadmap

Items are grouped by horizon.

## Now

- Cloud KMS plugins (AWS, GCP). The seam is in place.
- Workload attestor.

## Next (3-6 months)

- Key rotation for the disk authority, with the
  sequence field incrementing on each rotation. Today it stays at one.
- Build matrix (today the image is cross-compiled; native runners would be faster).

## Later

- **SCIM provisioning** — the user catalog ahead of first login.
"""


def test_bullets_under_horizon_headings_are_items_named_by_their_first_sentence() -> None:
    assert _read(HORIZONS) == [
        ("Cloud KMS plugins (AWS, GCP)", "in progress", None),
        ("Workload attestor", "in progress", None),
        # A horizon with a time says when, not how far along: no status.
        (
            "Key rotation for the disk authority, with the sequence field incrementing on "
            "each rotation",
            None,
            None,
        ),
        ("Build matrix", None, None),  # a closing remark with a clause is description
        ("SCIM provisioning", "idea", None),
    ]
    assert [finding.code for finding in check_text(HORIZONS, "ROADMAP.md", Settings())] == []


def test_bullets_elsewhere_stay_prose() -> None:
    readme = "# Tool\n\n## Next steps\n\n- Read the guide.\n\n## Later versions\n\n- More.\n"
    assert _read(readme) == []  # "Next steps" names no horizon
    alone = "# Notes\n\n## Now\n\n- Fix the build.\n- Ship it.\n\n## Ideas\n\n- A theme.\n"
    assert _read(alone) == []  # one horizon heading alone is just a heading
    # A plan written in boxes writes every item as a box: the notes under Later stay prose.
    boxed = HORIZONS + "\n## Done\n\n- [x] Set up CI\n"
    assert _read(boxed) == [("Set up CI", "done", None)]


NUMBERED = """\
# Tasks

Status marks: `+` Completed, `~` In Progress, `-` Pending.

## Current Tasks

1) + Initial spec document
   Action: Create the founding SPEC.md document
   Acceptance: SPEC.md exists

2) ~ Task format
   Action: Write down the format.
   Dependencies: 1

3) - Specification template
   Dependencies: 1, 2, the design review
"""


def test_numbered_items_take_their_status_from_the_marks_the_document_defines() -> None:
    items = _items(NUMBERED)
    assert [(item.id, item.title, item.status) for item in items] == [
        ("1", "Initial spec document", "Completed"),
        ("2", "Task format", "In Progress"),
        ("3", "Specification template", "Pending"),
    ]
    assert [(item.depends_on, item.external_deps) for item in items] == [
        ((), ()),
        (("1",), ()),
        (("1", "2"), ("the design review",)),
    ]


def test_numbered_marks_no_legend_defines_mean_what_the_convention_says() -> None:
    text = NUMBERED.replace("Status marks:", "Marks:").replace("`", "")
    text = text.replace("2) ~", "2) ?").replace("3) -", "3) +")
    assert [item.status for item in _items(text)] == ["done", "idea", "done"]


def test_a_numbered_list_of_one_mark_without_fields_stays_prose() -> None:
    readme = "# Tool\n\n## Why\n\n1. ✓ Fast\n2. ✓ Small\n3. ✓ Safe\n"
    assert _read(readme) == []
    unknown = "# Plan\n\n1) + One\n2) = Two\n3) ? Three\n"
    assert _read(unknown) == []  # `=` means nothing the document or the convention says


PARAGRAPHS = """\
# Backlog

## Top 3

B01 — Parser robustness for the template library
- Owner: Impl
- Scope: M
- Dependency: B03

**B02: Stricter separation of the gates**
- **Status:** in progress
- **Owner:** Design

B03 — Korean marker coverage
- Owner: QA

Notes — the lines below are prose.
- Keep the list short.
"""


def test_a_paragraph_over_a_field_list_is_an_item() -> None:
    items = _items(PARAGRAPHS)
    assert [(item.id, item.title, item.status, item.dri, item.depends_on) for item in items] == [
        ("B01", "Parser robustness for the template library", None, "Impl", ("B03",)),
        ("B02", "Stricter separation of the gates", "in progress", "Design", ()),
        ("B03", "Korean marker coverage", None, "QA", ()),
    ]
    assert [item.end_line for item in items] == [8, 12, 15]
    assert [finding.code for finding in check_text(PARAGRAPHS, "BACKLOG.md", Settings())] == []


TASK_ID_BOXES = """\
# Tasks

## Completed
- [x] Task ID: SETUP-001
  - **Title:** Create the documentation structure
  - **Assignee:** @ana
  - **Completed:** 2024-01-20
- [ ] Task ID: SETUP-002
  - **Title:** Write the task template
  - **Dependencies:** SETUP-001
"""


def test_a_box_that_labels_its_id_takes_its_title_from_the_fields_below() -> None:
    items = _items(TASK_ID_BOXES)
    assert [(item.id, item.title, item.status, item.dri, item.depends_on) for item in items] == [
        ("SETUP-001", "Create the documentation structure", "done", "@ana", ()),
        ("SETUP-002", "Write the task template", "[ ]", None, ("SETUP-001",)),
    ]


def test_an_edit_the_gate_cannot_prove_on_these_items_leaves_the_file_as_it_was(
    tmp_path: Path,
) -> None:
    # a numbered entry's mark is rewritten now (``2) ~`` to ``2) +``, ROADMAP SAFE-57)
    numbered = tmp_path / "TASKS.md"
    numbered.write_text(NUMBERED, encoding="utf-8")
    done = cli("set", "2", "TASKS.md", "--status", "done", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert numbered.read_text(encoding="utf-8") == NUMBERED.replace("2) ~", "2) +")
    for name, text, item in (("ROADMAP.md", HORIZONS, "workload-attestor"),):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        done = cli("set", item, name, "--status", "done", cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.startswith(f"roadmaplint: error: {name}:")
        assert len(done.stderr.strip().splitlines()) == 1
        assert path.read_text(encoding="utf-8") == text
