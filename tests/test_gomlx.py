"""The first user: the GoMLX roadmap, byte for byte as its maintainers wrote it."""

from __future__ import annotations

from conftest import GOMLX, REPO, brief, findings

from roadmaplint.commands.fix import unified_diff
from roadmaplint.generate.fix import fix_text

EXPECTED = [
    (33, 21, "RL306", "MODEL-1 is ready but depends on GRAPH-1, which is in_progress, not done"),
    (47, 21, "RL306", "MODEL-2 is ready but depends on MODEL-1, which is ready, not done"),
    (125, 14, "RL501", "GRAPH-1 is in_progress but has no DRI; name who is working on it"),
    (152, 21, "RL306", "GRAPH-3 is ready but depends on GRAPH-1, which is in_progress, not done"),
    (
        246,
        17,
        "RL502",
        "INFRA-2 is blocked but names no dependency; say what it waits for under Depends on",
    ),
    (296, 3, "RL401", "Priority Overview is out of date: GRAPH-2 (P1) is missing under P1"),
]

EXPECTED_DIFF = """\
--- a/ROADMAP.md
+++ b/ROADMAP.md
@@ -298,6 +298,7 @@
   - MODEL-4
   - MODEL-6
   - MODEL-7
+  - GRAPH-2
   - BE-1
   - BE-2
   - BE-3
"""


def test_fixture_copies_are_the_shared_original() -> None:
    shared = REPO.parent / "shared" / "fixtures" / "gomlx-roadmap.md"
    example = REPO / "examples" / "gomlx" / "ROADMAP.md"
    assert example.read_bytes() == GOMLX.read_bytes()
    if shared.exists():  # beside the clone on the project's machines
        assert shared.read_bytes() == GOMLX.read_bytes()


def test_gomlx_findings_exactly(gomlx_text: str) -> None:
    assert brief(findings(gomlx_text)) == EXPECTED


def test_gomlx_defect_is_the_only_error(gomlx_text: str) -> None:
    errors = [found for found in findings(gomlx_text) if found.severity == "error"]
    assert [(found.code, found.item, found.fixable) for found in errors] == [
        ("RL401", "GRAPH-2", True)
    ]


def test_gomlx_fix_diff_exactly(gomlx_text: str) -> None:
    result = fix_text(gomlx_text)
    assert result.changes == ("Priority Overview regenerated",)
    assert unified_diff("ROADMAP.md", gomlx_text, result.text) == EXPECTED_DIFF


def test_gomlx_after_fix_only_warnings_remain(gomlx_text: str) -> None:
    fixed = fix_text(gomlx_text).text
    assert [found.code for found in findings(fixed)] == [
        "RL306",
        "RL306",
        "RL501",
        "RL306",
        "RL502",
    ]
    assert fix_text(fixed).text == fixed


def test_gomlx_records(gomlx_text: str) -> None:
    from roadmaplint.reader import parse

    parsed = parse(gomlx_text, "ROADMAP.md")
    assert parsed.title == "GoMLX Roadmap & Ownership"
    assert tuple(section.name for section in parsed.sections) == (
        "Modeling",
        "Graph",
        "Backends",
        "Infrastructure",
        "API Improvements",
        "Maintenance",
    )
    assert len(parsed.items) == 20
    assert parsed.status_legend is not None and parsed.priority_legend is not None
    assert parsed.status_legend.values == ("idea", "ready", "in_progress", "blocked", "done")
    assert parsed.priority_legend.values == ("P0", "P1", "P2")
    be2 = next(item for item in parsed.items if item.id == "BE-2")
    assert be2.section == "Backends"
    assert be2.depends_on == ()
    assert be2.external_deps == ("Go 1.26", "go-highway")
    model1 = parsed.items[0]
    assert model1.dri == "unassigned"
    assert model1.field("area") is not None
    assert model1.field("area").value == "pkg/ml/model/transformer"  # type: ignore[union-attr]
    assert [criterion.text for criterion in model1.definition_of_done] == [
        "Load at least 2 transformer families (e.g., GPT-style, BERT-style)",
        "Weights load successfully from safetensors",
        "Minimal documentation of supported architecture subset",
    ]
    assert (model1.position.line, model1.end_line) == (27, 38)
    assert parsed.style.indent == "  "
