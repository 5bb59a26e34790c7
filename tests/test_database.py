"""The roadmap as a database: read, plan, picture and edit, on the GoMLX example."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import GOMLX, REPO, item, roadmap

from roadmaplint.cli import main
from roadmaplint.database.export import items_from_document
from roadmaplint.reader import parse


@pytest.fixture
def gomlx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copyfile(GOMLX, tmp_path / "ROADMAP.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "ROADMAP.md"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_filters_and_sorts(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list", "--status", "ready", "--priority", "P0") == (
        0,
        "ID       TITLE                                                STATUS  PRIORITY  DRI         SECTION\n"
        "MODEL-1  HuggingFace Transformer Import (safetensors direct)  ready   P0        unassigned  Modeling\n"
        "MODEL-2  Text Generation Example (HF Transformer + Prompt)    ready   P0        unassigned  Modeling\n"
        "GRAPH-3  Symbolic Shapes (Named Axes)                         ready   P0        unassigned  Graph\n",
        "",
    )
    code, out, _ = run(
        capsys, "list", "--section", "backends", "--sort", "priority", "--format", "csv"
    )
    assert out == (
        "id,title,status,priority,dri,section\n"
        "BE-1,SimpleGo Backend – Fused Ops Expansion,ready,P1,unassigned,Backends\n"
        "BE-2,SimpleGo Backend – SIMD Support (Go 1.26+),idea,P1,unassigned,Backends\n"
        "BE-3,ONNX Export API,ready,P1,unassigned,Backends\n"
        "BE-5,llama.cpp Backend (purego / yzma),ready,P1,unassigned,Backends\n"
        "BE-4,WebGL/WebNN WASM Backend,idea,P2,unassigned,Backends\n"
        "BE-6,Additional Backend Exploration,idea,P2,unassigned,Backends\n"
    )
    code, out, _ = run(capsys, "list", "--depends-on", "GRAPH-1", "--format", "json")
    assert [entry["id"] for entry in json.loads(out)] == ["MODEL-1", "GRAPH-2", "GRAPH-3"]
    code, out, _ = run(
        capsys, "list", "--dri", "unassigned", "--status", "blocked", "--format", "markdown"
    )
    assert code == 0
    assert out == (
        "| ID | TITLE | STATUS | PRIORITY | DRI | SECTION |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| INFRA-2 | Distributed Training Validation | blocked | P0 | unassigned | Infrastructure |\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["list", "--status", "Redy"],
            "--status Redy: not in the Status Legend (did you mean ready?)",
        ),
        (
            ["list", "--section", "Graphs"],
            "--section Graphs: no such section (did you mean Graph?)",
        ),
        (["list", "--sort", "colour"], "--sort colour: sort by one of document, id, title"),
        (["show", "MODEL-9"], "ROADMAP.md: no item MODEL-9 (did you mean MODEL-7?)"),
        (["path", "NOPE-1"], "ROADMAP.md: no item NOPE-1"),
    ],
)
def test_bad_queries_are_one_line(
    gomlx: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("roadmaplint: error: " + message) and err.count("\n") == 1


def test_show(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "show", "MODEL-1")[1] == (
        "MODEL-1  HuggingFace Transformer Import (safetensors direct)\n"
        "\n"
        "Section:         Modeling\n"
        "Source:          ROADMAP.md:27\n"
        "DRI:             unassigned\n"
        "Status:          ready\n"
        "Priority:        P0\n"
        "Area:            pkg/ml/model/transformer\n"
        "Depends on:      GRAPH-1 (in_progress)\n"
        "Description:     Import generic transformer architectures directly from safetensors without ONNX.\n"
        "Depended on by:  MODEL-2 (ready)\n"
        "\n"
        "Definition of Done:\n"
        "  - Load at least 2 transformer families (e.g., GPT-style, BERT-style)\n"
        "  - Weights load successfully from safetensors\n"
        "  - Minimal documentation of supported architecture subset\n"
    )
    document = json.loads(run(capsys, "show", "BE-2", "--format", "json")[1])
    assert (document["external_deps"], document["depended_on_by"], document["line"]) == (
        ["Go 1.26", "go-highway"],
        [],
        174,
    )


def test_export_validates_and_round_trips(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from jsonschema.validators import validator_for

    code, out, _ = run(capsys, "export", "--format", "json")
    assert code == 0
    document = json.loads(out)
    schema = json.loads(
        (REPO / "roadmaplint" / "schemas" / "export.schema.json").read_text(encoding="utf-8")
    )
    validator = validator_for(schema)(schema)
    assert sorted(map(str, validator.iter_errors(document))) == []
    assert (
        items_from_document(document)
        == parse(GOMLX.read_text(encoding="utf-8"), "ROADMAP.md").items
    )
    assert document["legends"]["priority"] == [
        {"value": "P0", "description": "critical / ecosystem enabling", "line": 17},
        {"value": "P1", "description": "important feature expansion", "line": 18},
        {"value": "P2", "description": "nice to have / exploratory", "line": 19},
    ]
    graph1 = next(entry for entry in document["items"] if entry["id"] == "GRAPH-1")
    assert graph1["depended_on_by"] == ["MODEL-1", "GRAPH-2", "GRAPH-3"]
    assert [group["priority"] for group in document["overview"]] == ["P0", "P1", "P2"]


def test_stats(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "items": 20,
        "by_status": {"idea": 7, "ready": 11, "in_progress": 1, "blocked": 1, "done": 0},
        "by_priority": {"P0": 5, "P1": 11, "P2": 4},
        "sections": [
            {"section": "Modeling", "done": 0, "items": 7},
            {"section": "Graph", "done": 0, "items": 3},
            {"section": "Backends", "done": 0, "items": 6},
            {"section": "Infrastructure", "done": 0, "items": 2},
            {"section": "API Improvements", "done": 0, "items": 1},
            {"section": "Maintenance", "done": 0, "items": 1},
        ],
    }
    assert run(capsys, "stats")[1].startswith(
        "20 items in ROADMAP.md\n\nSTATUS       ITEMS\nidea         7\n"
    )


def test_next_orders_by_priority_then_what_it_unblocks(
    gomlx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "next", "--limit", "3")[1] == (
        "#  ID       PRIORITY  UNBLOCKS  TITLE\n"
        "1  MODEL-3  P1        0         ONNX Import Coverage Expansion\n"
        "2  MODEL-6  P1        0         Gradient Checkpointing\n"
        "3  MODEL-7  P1        0         Jacobian Support (non-scalar gradients)\n"
    )
    assert main(["set", "GRAPH-1", "--status", "done"]) == 0
    capsys.readouterr()
    # GRAPH-1 done: MODEL-1 (P0, unblocks MODEL-2) and GRAPH-3 (P0, unblocks nothing) can start
    code, out, _ = run(capsys, "next", "--format", "json")
    assert code == 0
    ids = [entry["id"] for entry in json.loads(out)]
    assert ids[:2] == ["MODEL-1", "GRAPH-3"]
    assert json.loads(out)[0]["unblocks"] == 1


def test_path_and_critical_path(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "path", "MODEL-2") == (
        0,
        "Before MODEL-2 (Text Generation Example (HF Transformer + Prompt)), in dependency order:\n"
        "  1.  GRAPH-1  in_progress  Dynamic Shapes (Input-Dependent, Fixed Rank)\n"
        "  2.  MODEL-1  ready        HuggingFace Transformer Import (safetensors direct)\n"
        "Critical path (2 unfinished before it): GRAPH-1 -> MODEL-1 -> MODEL-2\n",
        "",
    )
    assert run(capsys, "path", "MODEL-3")[1] == "MODEL-3 depends on no other item.\n"


def test_critical_path_is_the_longest_unfinished_chain() -> None:
    from roadmaplint.database.plan import path_to
    from roadmaplint.index import Context
    from roadmaplint.settings import Settings

    text = roadmap(
        (
            "Work",
            [
                item("W-1", status="idea"),
                item("W-2", status="idea", depends="W-1"),
                item("W-3", status="done"),
                item("W-4", status="idea", depends="W-2, W-3"),
                item("W-5", status="idea", depends="W-4, W-1"),
            ],
        )
    )
    plan = path_to(Context(parse(text), Settings()), "W-5")
    assert [found.id for found in plan.before] == ["W-1", "W-2", "W-3", "W-4"]
    assert [found.id for found in plan.critical] == ["W-1", "W-2", "W-4", "W-5"]


def test_planning_stops_at_a_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = roadmap(("Work", [item("W-1", depends="W-2"), item("W-2", depends="W-1")]))
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    for argv in (["next", str(path)], ["path", "W-1", "-f", str(path)]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, "")
        assert (
            err
            == f"roadmaplint: error: {path}: cannot plan: dependency cycle: W-1 -> W-2 -> W-1 (each must be done before the next)\n"
        )


def test_graph_formats(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mermaid = run(capsys, "graph")[1]
    assert mermaid.startswith(
        'flowchart LR\n  subgraph s0["Modeling"]\n    MODEL_1["MODEL-1: HuggingFace'
    )
    assert "  GRAPH_1 --> MODEL_1\n" in mermaid
    assert '  x_Go_1_26(["Go 1.26"])\n' in mermaid
    assert "  x_Go_1_26 -.-> BE_2\n" in mermaid
    assert "  class GRAPH_1 in_progress\n" in mermaid
    assert "  class INFRA_2 blocked\n" in mermaid
    assert run(capsys, "graph", "--focus", "MODEL-1", "--format", "dot")[1] == (
        "digraph roadmap {\n"
        "  rankdir=LR;\n"
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff"];\n'
        "  subgraph cluster_0 {\n"
        '    label="Modeling";\n'
        '    "MODEL-1" [label="MODEL-1: HuggingFace\\nTransformer Import\\n(safetensors direct)", fillcolor="#d0ebff"];\n'
        '    "MODEL-2" [label="MODEL-2: Text Generation\\nExample (HF Transformer +\\nPrompt)", fillcolor="#d0ebff"];\n'
        "  }\n"
        "  subgraph cluster_1 {\n"
        '    label="Graph";\n'
        '    "GRAPH-1" [label="GRAPH-1: Dynamic Shapes\\n(Input-Dependent, Fixed Rank)", fillcolor="#fff3bf"];\n'
        "  }\n"
        '  "GRAPH-1" -> "MODEL-1";\n'
        '  "MODEL-1" -> "MODEL-2";\n'
        "}\n"
    )
    document = json.loads(run(capsys, "graph", "--format", "json", "--focus", "BE-2")[1])
    assert document == {
        "nodes": [
            {
                "id": "BE-2",
                "label": "BE-2: SimpleGo Backend – SIMD Support (Go 1.26+)",
                "kind": "item",
                "section": "Backends",
                "status": "idea",
            },
            {
                "id": "external:Go 1.26",
                "label": "Go 1.26",
                "kind": "external",
                "section": None,
                "status": None,
            },
            {
                "id": "external:go-highway",
                "label": "go-highway",
                "kind": "external",
                "section": None,
                "status": None,
            },
        ],
        "edges": [
            {"from": "external:Go 1.26", "to": "BE-2"},
            {"from": "external:go-highway", "to": "BE-2"},
        ],
    }


def test_readme_shows_the_graph_roadmaplint_produces(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", str(REPO / "examples" / "gomlx" / "ROADMAP.md")]) == 0
    produced = capsys.readouterr().out
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "```mermaid\n" + produced + "```\n" in readme


def test_set_changes_only_the_field_lines(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = gomlx.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "set", "GRAPH-1", "--status", "done", "--dri", "@janpf")
    assert (code, out) == (0, "Set GRAPH-1: DRI @janpf, Status done\n")
    expected = original.replace(
        "  - **DRI:** _unassigned_\n  - **Status:** in_progress\n",
        "  - **DRI:** @janpf\n  - **Status:** done\n",
    )  # and nothing else: the overview already lacked GRAPH-2, which stays for fix
    assert gomlx.read_text(encoding="utf-8") == expected


def test_set_adds_a_missing_field_in_field_order(
    gomlx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "fix")
    before = gomlx.read_text(encoding="utf-8")
    assert run(capsys, "set", "INFRA-2", "--depends-on", "GRAPH-1, multi-node CI")[0] == 0
    after = gomlx.read_text(encoding="utf-8")
    assert after == before.replace(
        "  - **Status:** blocked\n  - **Priority:** P0\n",
        "  - **Status:** blocked\n  - **Priority:** P0\n  - **Depends on:** GRAPH-1, multi-node CI\n",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["set", "MODEL-1", "--status", "finished"],
            "ROADMAP.md:30: Status 'finished' is not in the Status Legend",
        ),
        (
            ["set", "MODEL-1", "--priority", "p0"],
            "ROADMAP.md:31: Priority 'p0' is not in the Priority Legend (did you mean P0?)",
        ),
        (
            ["set", "BE-6", "--depends-on", "GRAPH-9"],
            "ROADMAP.md:219: BE-6 cannot depend on unknown item GRAPH-9",
        ),
        (
            ["set", "GRAPH-1", "--depends-on", "MODEL-2"],
            "ROADMAP.md:123: GRAPH-1 cannot depend on MODEL-2: MODEL-2 already depends on GRAPH-1",
        ),
        (["set", "BE-1", "--depends-on", "BE-1"], "ROADMAP.md:163: BE-1 cannot depend on itself"),
        (["set", "BE-1"], "nothing to set"),
        (["new", "Nowhere", "Title"], "ROADMAP.md: no section 'Nowhere'"),
    ],
)
def test_bad_edits_change_nothing(
    gomlx: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    original = gomlx.read_bytes()
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("roadmaplint: error: " + message) and err.count("\n") == 1
    assert gomlx.read_bytes() == original


def test_new_appends_with_the_next_id_and_the_documents_style(
    gomlx: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = gomlx.read_text(encoding="utf-8")
    code, out, _ = run(
        capsys,
        "new",
        "Graph",
        "Shape Caching",
        "--priority",
        "P1",
        "--depends-on",
        "GRAPH-1",
        "--done",
        "Cache hit rate measured",
    )
    assert (code, out) == (0, "Added GRAPH-4 to Graph\n")
    block = (
        "\n"
        "  ---\n"
        "\n"
        "  ## [GRAPH-4] Shape Caching\n"
        "\n"
        "  - **DRI:** _unassigned_\n"
        "  - **Status:** blocked\n"  # GRAPH-1 is not done: ready would fail RL306
        "  - **Priority:** P1\n"
        "  - **Depends on:** GRAPH-1\n"
        "  - **Definition of Done:**\n"
        "    - [ ] Cache hit rate measured\n"
    )
    anchor = "    - Symbolic inference working in transformer example\n"
    expected = original.replace(anchor, anchor + block).replace(
        "  - MODEL-7\n", "  - MODEL-7\n  - GRAPH-4\n"
    )  # GRAPH-4's entry only: the overview already lacked GRAPH-2, which stays for fix
    assert gomlx.read_text(encoding="utf-8") == expected
    assert run(capsys, "show", "GRAPH-4")[1].startswith("GRAPH-4  Shape Caching\n")


def test_new_and_set_dry_run_print_a_diff(gomlx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = gomlx.read_bytes()
    code, out, _ = run(capsys, "new", "Maintenance", "Lint", "--status", "idea", "--dry-run")
    assert code == 1  # like fix --diff: 1 when the file would change
    assert "+  ## [MAINT-2] Lint\n" in out and "+  - MAINT-2\n" in out
    code, out, _ = run(capsys, "set", "BE-6", "--priority", "P0", "--dry-run")
    assert code == 1
    assert "-  - **Priority:** P2\n+  - **Priority:** P0\n" in out
    assert gomlx.read_bytes() == original


def test_init_writes_a_roadmap_that_passes_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "docs" / "ROADMAP.md"
    target.parent.mkdir()
    code, out, _ = run(capsys, "init", str(target), "--title", "Acme Roadmap")
    assert (code, out) == (
        0,
        f"Wrote {target}: a starter roadmap; `roadmaplint check --strict {target}` passes.\n",
    )
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Acme Roadmap\n")
    assert text.endswith("# Priority Overview\n\n## P1\n\n- START-1\n")
    assert run(capsys, "check", "--strict", str(target))[:2] == (0, "All checks passed.\n")
    assert [entry.name for entry in target.parent.iterdir()] == ["ROADMAP.md"]


def test_commands_work_on_the_projects_own_roadmap(capsys: pytest.CaptureFixture[str]) -> None:
    own = str(REPO / "ROADMAP.md")
    for argv in (["list", own], ["stats", own], ["next", own], ["export", own], ["graph", own]):
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "") and out


def test_set_adds_several_missing_fields_in_field_order(tmp_path: Path) -> None:
    from roadmaplint.edit.base import FieldChange
    from roadmaplint.edit.item import set_fields
    from roadmaplint.settings import Settings

    text = roadmap(("Work", [item("W-1", priority=None, dri=None, done=None)]))
    changes = [
        FieldChange("DRI", "@ana"),
        FieldChange("Priority", "P0"),
        FieldChange("Depends on", "Go 1.26"),
    ]
    edited = set_fields(parse(text), "W-1", changes, Settings())
    assert (
        "## [W-1] Something\n\n- **DRI:** @ana\n- **Status:** ready\n- **Priority:** P0\n- **Depends on:** Go 1.26\n"
        in edited
    )


@pytest.mark.parametrize("seed", range(60))
def test_the_dependency_graph_answers_as_networkx_does(seed: int) -> None:
    # The graph answers in plain Python and builds networkx only to name cycles: each
    # answer must be networkx's own on the same edges, on acyclic and cyclic graphs.
    import random
    from types import SimpleNamespace

    import networkx as nx

    from roadmaplint.graph import DependencyGraph

    chance = random.Random(seed)
    ids = [f"I-{number}" for number in range(chance.randint(0, 14))]
    items: dict[str, Any] = {}
    for item_id in ids:
        wanted = [chance.choice([*ids, "OUT-1"]) for _ in range(chance.randint(0, 3))]
        if seed % 3:  # mostly acyclic: only earlier items (a self-dependency now and then)
            wanted = [other for other in wanted if other == "OUT-1" or other <= item_id]
        items[item_id] = SimpleNamespace(id=item_id, depends_on=tuple(wanted))
    graph = DependencyGraph.from_roadmap(None, items)  # type: ignore[arg-type]
    oracle: nx.DiGraph[str] = nx.DiGraph()
    oracle.add_nodes_from(ids)
    oracle.add_edges_from(
        (item_id, other)
        for item_id in ids
        for other in items[item_id].depends_on
        if other in items and other != item_id
    )
    order = {item_id: index for index, item_id in enumerate(ids)}
    knots = [knot for knot in nx.strongly_connected_components(oracle) if len(knot) > 1]
    assert sorted(min(cycle[:-1]) for cycle in graph.cycles()) == sorted(min(k) for k in knots)
    for item_id in ids:
        assert graph.ancestors(item_id) == nx.descendants(oracle, item_id)
        assert graph.descendants(item_id) == nx.ancestors(oracle, item_id)
        assert graph.dependents(item_id) == sorted(oracle.predecessors(item_id), key=order.get)
    if not knots:
        chosen = set(chance.sample(ids, chance.randint(0, len(ids))))
        expected = nx.lexicographical_topological_sort(
            oracle.subgraph(chosen).reverse(copy=False), key=order.__getitem__
        )
        assert graph.dependency_order(chosen) == list(expected)
        chain = graph.longest_open_chain(chosen)
        longest = nx.dag_longest_path_length(oracle.subgraph(chosen)) + 1 if chosen else 0
        assert len(chain) == longest
        assert all(b in items[a].depends_on for a, b in zip(chain[1:], chain, strict=False))
