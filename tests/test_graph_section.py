"""The optional generated `# Dependency Graph` section (RL404, RL405)."""

from __future__ import annotations

from conftest import brief, findings, item, roadmap

from roadmaplint.generate.fix import fix_text

ITEMS = [item("MODEL-1", status="done"), item("MODEL-2", depends="MODEL-1")]


def with_graph_section(body: str = "") -> str:
    text = roadmap(("Modeling", ITEMS))
    return text.replace(
        "# Priority Overview", "# Dependency Graph\n" + body + "\n# Priority Overview"
    )


def test_empty_section_is_reported_and_filled() -> None:
    text = with_graph_section()
    assert brief(findings(text, "RL404")) == [
        (
            42,
            1,
            "RL404",
            "the Dependency Graph section has no mermaid block; roadmaplint fix writes it",
        )
    ]
    fixed = fix_text(text)
    assert fixed.changes == ("Dependency Graph regenerated",)
    start = fixed.text.index("# Dependency Graph\n")
    assert fixed.text[start:].startswith(
        "# Dependency Graph\n\n```mermaid\nflowchart LR\n"
        '  subgraph s0["Modeling"]\n'
        '    MODEL_1["MODEL-1: Something"]\n'
        '    MODEL_2["MODEL-2: Something"]\n'
        "  end\n"
        "  MODEL_1 --> MODEL_2\n"
    )
    assert findings(fixed.text) == []
    assert fix_text(fixed.text).text == fixed.text


def test_stale_block_after_a_new_dependency() -> None:
    fixed = fix_text(with_graph_section()).text
    stale = fixed.replace("- **Depends on:** MODEL-1", "- **Depends on:** MODEL-1, Go 1.26")
    assert [(f.code, f.line) for f in findings(stale, "RL404")] == [("RL404", 44)]
    refreshed = fix_text(stale).text
    assert '  x_Go_1_26(["Go 1.26"])\n' in refreshed
    assert findings(refreshed) == []


def test_indented_document_keeps_its_indentation() -> None:
    text = with_graph_section()
    indented = "".join("  " + line if line.strip() else line for line in text.splitlines(True))
    fixed = fix_text(indented).text
    assert "  ```mermaid\n  flowchart LR\n    subgraph" in fixed
    assert findings(fixed) == []


def test_prose_under_the_heading_is_kept() -> None:
    text = with_graph_section("\nDrawn by roadmaplint; edit the items, not the picture.\n")
    fixed = fix_text(text).text
    start = fixed.index("# Dependency Graph\n")
    assert fixed[start:].startswith(
        "# Dependency Graph\n\nDrawn by roadmaplint; edit the items, not the picture.\n\n```mermaid\n"
    )
    stale = fixed.replace("- **Depends on:** MODEL-1", "- **Depends on:** MODEL-1, Go 1.26")
    refreshed = fix_text(stale).text
    assert "Drawn by roadmaplint; edit the items, not the picture.\n\n```mermaid\n" in refreshed
    assert findings(refreshed) == []


def test_a_title_named_like_a_generated_section_is_a_title() -> None:
    for title in ("Dependency Graph", "PRIORITY OVERVIEW"):
        text = roadmap(("Modeling", ITEMS)).replace("# Test Roadmap", f"# {title}", 1)
        fixed = fix_text(text).text
        assert fixed == text
        parsed_title = fixed.split("\n", 1)[0]
        assert parsed_title == f"# {title}"
        assert [finding.code for finding in findings(fixed)] == []


def test_a_status_changed_by_hand_is_a_warning_that_names_the_colours() -> None:
    """Issue 22: a status-only change is no RL404 error "out of date with the items'
    dependencies": no dependency changed. The picture keeps its status colours (readers
    see what is done), and RL405 says which colours are stale, as a warning."""
    fixed = fix_text(with_graph_section()).text
    assert "  class MODEL_2 ready\n" in fixed
    started = fixed.replace("- **Status:** ready", "- **Status:** in_progress", 1)
    found = findings(started, "RL4")
    assert [(f.code, f.severity.value, f.line, f.message) for f in found] == [
        (
            "RL405",
            "warning",
            44,
            "the Dependency Graph's status colours are out of date: MODEL-2 is in_progress "
            "(coloured ready); the dependencies are right; roadmaplint fix recolours it",
        )
    ]
    assert found[0].fixable
    recoloured = fix_text(started)
    assert recoloured.changes == ("Dependency Graph regenerated",)
    assert "  class MODEL_2 in_progress\n" in recoloured.text
    assert findings(recoloured.text, "RL4") == []
    # A dependency changed as well: the error, and no second finding for the colours
    both = started.replace("- **Depends on:** MODEL-1", "- **Depends on:** MODEL-1, Go 1.26")
    assert [f.code for f in findings(both, "RL404", "RL405")] == ["RL404"]


def test_rl404_names_what_changed_in_the_picture() -> None:
    """A retitled item or a moved one changes the picture too; RL404 said "the items'
    dependencies" whatever it was."""
    fixed = fix_text(with_graph_section()).text

    def said(text: str) -> str:
        (found,) = findings(text, "RL404")
        return found.message.removeprefix("the Dependency Graph is out of date with the ")

    retitled = fixed.replace("## [MODEL-2] ", "## [MODEL-2] Renamed ", 1)
    assert said(retitled) == "items' titles; roadmaplint fix regenerates it"
    depends = fixed.replace("- **Depends on:** MODEL-1", "- **Depends on:** MODEL-1, Go 1.26")
    assert said(depends) == "items' dependencies; roadmaplint fix regenerates it"
    both = depends.replace("## [MODEL-2] ", "## [MODEL-2] Renamed ", 1)
    assert said(both) == "items' dependencies and titles; roadmaplint fix regenerates it"
