"""Rules and template variables people asked for, and one meaning of ``->``, run as a user would."""

from __future__ import annotations

from pathlib import Path

from conftest import cli, item, roadmap


def test_new_rules_through_the_console_script(tmp_path: Path) -> None:
    text = roadmap(
        (
            "Graph",
            [
                item("GRAPH-1", status="done", done=["[x] Shapes flow", "[ ] Docs written"]),
                item("GRAPH-2", status="idea", depends="GRAPH-1, graph-1, GRAPH 1 (mostly)"),
            ],
        )
    )
    (tmp_path / "ROADMAP.md").write_text(text, encoding="utf-8")
    result = cli("check", "--strict", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "ROADMAP.md:28:5: warning: RL504 GRAPH-1 is done but 1 of 2 Definition of Done boxes "
        "are unchecked: Docs written; tick them or reopen GRAPH-1",
        "ROADMAP.md:37:19: warning: RL308 GRAPH-2 depends on 'GRAPH 1 (mostly)', which is not "
        "an item ID and so counts as an external dependency; did you mean GRAPH-1?",
        "ROADMAP.md:37:19: warning: RL308 GRAPH-2 depends on 'graph-1', which is not an item "
        "ID and so counts as an external dependency; did you mean GRAPH-1?",
        "Found 0 errors and 3 warnings.",
    ]
    repeated = text.replace("GRAPH-1, graph-1, GRAPH 1 (mostly)", "GRAPH-1, GRAPH-1")
    (tmp_path / "ROADMAP.md").write_text(repeated, encoding="utf-8")
    result = cli("check", "--select", "RL307", cwd=tmp_path)
    assert result.stdout.splitlines()[0] == (
        "ROADMAP.md:37:19: warning: RL307 GRAPH-2 names GRAPH-1 more than once under Depends "
        "on; keep one"
    )
    assert "RL504" in cli("rules", cwd=tmp_path).stdout


def test_templates_get_each_items_title_status_dri_and_section(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "overview.md.j2").write_text(
        "{% for group in groups %}\n## {{ group.label }}\n{% for id in group.ids -%}\n"
        "- {{ id }} — {{ items[id].title }} ({{ items[id].status }}, "
        "{{ items[id].dri }}, {{ items[id].section }})\n{% endfor -%}\n{% endfor -%}\n",
        encoding="utf-8",
    )
    (tmp_path / ".roadmaplint.toml").write_text('template-dir = "templates"\n', encoding="utf-8")
    text = roadmap(
        ("Modeling", [item("MODEL-1", title="HuggingFace Transformer Import", dri="@ana")])
    )
    (tmp_path / "ROADMAP.md").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "ROADMAP.md").write_text(
        text.replace("- MODEL-1\n", "- MODEL-2\n"), encoding="utf-8"
    )
    fixed = cli("fix", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    written = (tmp_path / "ROADMAP.md").read_text(encoding="utf-8")
    assert "- MODEL-1 — HuggingFace Transformer Import (ready, @ana, Modeling)\n" in written
    assert cli("check", "--strict", cwd=tmp_path).returncode == 0


def test_an_arrow_means_comes_before_everywhere(tmp_path: Path) -> None:
    # W-2 depends on W-1: W-1 must be done before W-2, drawn and printed as W-1 -> W-2.
    chain = roadmap(("Work", [item("W-1"), item("W-2", status="idea", depends="W-1")]))
    (tmp_path / "ROADMAP.md").write_text(chain, encoding="utf-8")
    assert (
        "Critical path (1 unfinished before it): W-1 -> W-2\n"
        in cli("path", "W-2", cwd=tmp_path).stdout
    )
    assert "  W_1 --> W_2\n" in cli("graph", cwd=tmp_path).stdout
    loop = roadmap(
        (
            "Work",
            [item("W-1", depends="W-3"), item("W-2", depends="W-1"), item("W-3", depends="W-2")],
        )
    )
    (tmp_path / "ROADMAP.md").write_text(loop, encoding="utf-8")
    reported = cli("check", "--select", "RL302", cwd=tmp_path).stdout
    assert reported.splitlines()[0] == (
        "ROADMAP.md:26:19: error: RL302 dependency cycle: W-1 -> W-2 -> W-3 -> W-1 (each must "
        "be done before the next)"
    )
    planned = cli("next", cwd=tmp_path)
    assert planned.stderr.endswith(
        "cannot plan: dependency cycle: W-1 -> W-2 -> W-3 -> W-1 (each must be done before "
        "the next)\n"
    )
