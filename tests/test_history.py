"""The roadmap over time: `diff`, `history`, `check --since` and RL505, with real git.

The test repository is the GoMLX roadmap's own history: examples/gomlx/ROADMAP.md
(GoMLX commit be653c5), then tests/fixtures/gomlx-TODO-e0c8724.md, then
tests/fixtures/gomlx-TODO-e9f81d3.md, committed in that order.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, installed_command, item, roadmap

from roadmaplint.cli import main
from roadmaplint.history.diff import diff_roadmaps
from roadmaplint.reader import parse

BE653C5 = REPO / "examples" / "gomlx" / "ROADMAP.md"
E0C8724 = FIXTURES / "gomlx-TODO-e0c8724.md"
E9F81D3 = FIXTURES / "gomlx-TODO-e9f81d3.md"
DATES = ("2026-01-05T10:00:00+00:00", "2026-01-05T18:00:00+00:00", "2026-02-20T09:30:00+00:00")


def git(*args: str, cwd: Path, date: str | None = None) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Jan Pfeifer",
        "GIT_AUTHOR_EMAIL": "jan@example.com",
        "GIT_COMMITTER_NAME": "Jan Pfeifer",
        "GIT_COMMITTER_EMAIL": "jan@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(cwd),
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def commit_versions(root: Path, versions: list[tuple[str, str]], name: str = "ROADMAP.md") -> None:
    """Commit each (text, date) as the next version of ``name``."""
    if not (root / ".git").exists():
        root.mkdir(parents=True, exist_ok=True)
        git("init", "-q", "-b", "main", cwd=root)
    for number, (text, date) in enumerate(versions):
        (root / name).write_bytes(text.encode("utf-8"))
        git("add", name, cwd=root)
        git("commit", "-q", "-m", f"version {number}", cwd=root, date=date)


@pytest.fixture(scope="module")
def gomlx_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gomlx") / "gomlx"
    texts = [path.read_text(encoding="utf-8") for path in (BE653C5, E0C8724, E9F81D3)]
    commit_versions(root, list(zip(texts, DATES, strict=True)))
    return root


def run_in(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(folder)
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- diff: the GoMLX history ------------------------------------------------------------

GOMLX_DIFF = {
    "added": [],
    "removed": [
        {"id": "BE-1", "title": "SimpleGo Backend – Fused Ops Expansion", "section": "Backends"},
        {"id": "BE-6", "title": "Additional Backend Exploration", "section": "Backends"},
    ],
    "renamed": [
        {"old": "BE-2", "new": "BACKEND-2"},
        {"old": "BE-3", "new": "BACKEND-3"},
        {"old": "BE-4", "new": "BACKEND-4"},
        {"old": "BE-5", "new": "BACKEND-5"},
    ],
    "legends": [],
    "sections": [],
}


def _field(name: str, old: str | None, new: str | None) -> dict[str, str | None]:
    return {"field": name, "old": old, "new": new}


def _changes(document: dict[str, object]) -> dict[str, object]:
    """changed, as id -> (old id, fields, Definition of Done changes)."""
    changed = document["changed"]
    assert isinstance(changed, list)
    return {
        entry["id"]: (
            entry["old_id"],
            entry["fields"],
            [(done["change"], done["text"]) for done in entry["definition_of_done"]],
        )
        for entry in changed
    }


def test_gomlx_diff_be653c5_to_e0c8724_exactly(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_in(
        gomlx_repo, monkeypatch, capsys, "diff", "HEAD~2", "HEAD~1", "--format", "json"
    )
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["format"] == 1
    [entry] = document["files"]
    assert (entry["path"], entry["base"], entry["head"]) == ("ROADMAP.md", "HEAD~2", "HEAD~1")
    assert {key: entry[key] for key in GOMLX_DIFF} == GOMLX_DIFF
    target = _field("Target", None, "v0.28.0")
    assert _changes(entry) == {
        "MODEL-2": ("MODEL-2", [_field("Priority", "P0", "P1")], []),
        "MODEL-3": (
            "MODEL-3",
            [],
            [
                ("removed", "Missing-op report tool"),
                ("removed", "Implement top 5 most common missing ops"),
                ("removed", "Validate against 3 popular models"),
                (
                    "added",
                    "Continous: there will always be another model to import, untill all ops "
                    "are covered.",
                ),
                ("added", "Per contribution:"),
            ],
        ),
        "MODEL-4": (
            "MODEL-4",
            [],
            [
                ("removed", "At least 2 new optimizers"),
                ("removed", "At least 2 new layers"),
                ("removed", "Benchmark example"),
                ("added", "Continuous: there will always be new papers."),
                ("added", "For each new contribution:"),
            ],
        ),
        "MODEL-6": (
            "MODEL-6",
            [_field("Status", "ready", "idea"), _field("Priority", "P1", "P2")],
            [],
        ),
        "MODEL-7": ("MODEL-7", [_field("Priority", "P1", "P2")], []),
        "GRAPH-1": ("GRAPH-1", [target], []),
        "GRAPH-3": ("GRAPH-3", [target], []),
        "BACKEND-2": (
            "BE-2",
            [_field("Status", "idea", "in-progress"), _field("Priority", "P1", "P0"), target],
            [
                ("removed", "SIMD path for matmul or conv"),
                (
                    "added",
                    "Supporting AVX-2, AVX-512 and Arm64 NEON (with C/Assembly tranliteration).",
                ),
            ],
        ),
        "BACKEND-3": (
            "BE-3",
            [_field("Status", "ready", "idea")],
            [("removed", "ExportONNX() API"), ("added", "Save() API for the ONNX backend.")],
        ),
        "BACKEND-5": (
            "BE-5",
            [
                _field("Status", "ready", "idea"),
                _field("Priority", "P1", "P2"),
                _field("Link", None, "https://github.com/hybridgroup/yzma/"),
            ],
            [],
        ),
        "INFRA-1": ("INFRA-1", [_field("Status", "ready", "idea")], []),
    }


def test_gomlx_diff_e0c8724_to_e9f81d3_exactly(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read from the two files side by side, entry by entry. e9f81d3 inserts a
    ``## v0.28 TODOs`` list at column 1 (a stray list, read as repaired: no item,
    section or legend changes), adds ``Current State:`` notes to three items and
    rewrites Definitions of Done, titles and MAINT-1's owner. The notes are a list
    nested under the field name, with nothing after the name: the field is added
    with an empty value (only a Definition of Done's nested entries are compared).
    MODEL-1 writes ``**Current State: **``, which CommonMark does not make bold; it
    is read as the field its authors meant. The Priority Overview is not compared."""
    code, out, err = run_in(
        gomlx_repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD", "--format", "json"
    )
    assert (code, err) == (0, "")
    [entry] = json.loads(out)["files"]
    assert {key: entry[key] for key in GOMLX_DIFF} == {
        "added": [],
        "removed": [],
        "renamed": [],
        "legends": [],
        "sections": [],
    }
    notes = _field("Current State", None, "")
    assert _changes(entry) == {
        "MODEL-1": (
            "MODEL-1",
            [_field("Status", "ready", "partially done"), notes],
            [
                ("removed", "Load at least 2 transformer families (e.g., GPT-style, BERT-style)"),
                (
                    "added",
                    "Load at various transformer of different families (e.g., GPT-style, "
                    "BERT-style, Gemma-style, Qwen-style, etc.)",
                ),
            ],
        ),
        "MODEL-4": (
            "MODEL-4",
            [
                _field(
                    "Description",
                    "Add recent ML layers, optimizers, regularizers.",
                    "Add recent ML layers, optimizer, regularizers.",
                )
            ],
            [],
        ),
        "GRAPH-1": (
            "GRAPH-1",
            [notes],
            [
                ("removed", "Input-dependent shapes supported"),
                (
                    "added",
                    "Input-dependent shapes supported in the compute.Backend API and in the "
                    "Go backend implementation.",
                ),
                ("added", "Examples with Go backend."),
            ],
        ),
        "GRAPH-3": (
            "GRAPH-3",
            [],
            [
                ("removed", "Named axis abstraction"),
                ("removed", "Symbolic inference working in transformer example"),
                (
                    "added",
                    "Named axes accept expressions (e.g.: 2*batchSize, FeatureDim+128, etc.)",
                ),
                ("added", "Symbolic inference in graph building working according."),
                ("added", "Resolution during execution working accordingly"),
            ],
        ),
        "BACKEND-2": (
            "BACKEND-2",
            [
                _field(
                    "Title",
                    "SimpleGo Backend – SIMD Support (Go 1.26+)",
                    "Go Backend – SIMD Support (Go 1.26+)",
                ),
                notes,
            ],
            [
                (
                    "added",
                    "MatMul, binary ops, unary ops main fused ops (softmax, gelu, sigmoid, "
                    "dense&activation, etc.)",
                )
            ],
        ),
        "BACKEND-3": (
            "BACKEND-3",
            [_field("Title", "ONNX Export API", "ONNX Backend And Export API")],
            [
                ("added", "Inference and training using ONNX Runtime."),
                ("added", "Dynamic shapes support via ONNX."),
            ],
        ),
        "API-1": (
            "API-1",
            [
                _field(
                    "Title",
                    "Replace Context with Plain Go Struct + Annotations",
                    "Replace Scope with Plain Go Struct + Annotations",
                ),
                _field(
                    "Description",
                    "Replace Context object with struct-based annotated config.",
                    "Replace Scope object with struct-based annotated config.",
                ),
            ],
            [],
        ),
        "MAINT-1": (
            "MAINT-1",
            [
                _field("DRI", "unassigned", "janpfeifer"),
                _field("Status", "ready", "in-progress, ETA v0.28.0."),
                _field("Priority", "P2", "P1"),
            ],
            [
                ("added", "Redesign github.com/gomlx/gomlx/ml/context."),
                ("added", "Fix API bad naming (inconsistencies) across the repo."),
            ],
        ),
    }
    code, text, _ = run_in(gomlx_repo, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    assert text.splitlines()[-1] == "  8 changed."


def test_diff_json_validates_against_the_shipped_schema(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jsonschema.validators import validator_for

    schema = json.loads(
        (REPO / "roadmaplint" / "schemas" / "diff.schema.json").read_text(encoding="utf-8")
    )
    validator_for(schema).check_schema(schema)
    for args in (("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD"), (str(BE653C5), str(E0C8724))):
        code, out, _ = run_in(gomlx_repo, monkeypatch, capsys, "diff", *args, "--format", "json")
        assert code == 0
        errors = sorted(validator_for(schema)(schema).iter_errors(json.loads(out)), key=str)
        assert errors == []


def test_gomlx_diff_as_text_and_markdown(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_in(gomlx_repo, monkeypatch, capsys, "diff", "HEAD~2", "HEAD~1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "ROADMAP.md: HEAD~2 → HEAD~1"
    assert lines[1] == "  removed  BE-1       SimpleGo Backend – Fused Ops Expansion"
    assert "  renamed  BE-2 → BACKEND-2" in lines
    assert (
        "  changed  BACKEND-2  Status: idea → in-progress; Priority: P1 → P0; Target added: "
        "v0.28.0; Definition of Done: 1 added, 1 removed" in lines
    )
    assert lines[-1] == "  2 removed, 4 renamed, 11 changed."
    assert "\033[" not in out  # no colour off a terminal
    code, out, _ = run_in(
        gomlx_repo, monkeypatch, capsys, "diff", "HEAD~2", "HEAD~1", "--format", "markdown"
    )
    assert out.startswith(
        "### Roadmap changes: `ROADMAP.md` (HEAD~2 → HEAD~1)\n\n2 removed, 4 renamed, 11 changed."
        "\n\n| Item | Change | Before | After |\n| --- | --- | --- | --- |\n"
        "| BE-1 | removed | SimpleGo Backend – Fused Ops Expansion | |\n"
    )
    assert "| MODEL-6 | Status | ready | idea |\n| MODEL-6 | Priority | P1 | P2 |\n" in out
    assert "| BACKEND-4 | renamed | BE-4 | BACKEND-4 |\n" in out


def test_diff_defaults_to_the_working_tree_against_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    commit_versions(root, [(BE653C5.read_text(encoding="utf-8"), DATES[0])])
    code, out, _ = run_in(root, monkeypatch, capsys, "diff")
    assert (code, out) == (0, "ROADMAP.md: HEAD → working tree\n  no changes.\n")
    text = (root / "ROADMAP.md").read_text(encoding="utf-8")
    (root / "ROADMAP.md").write_text(
        text.replace("- **Status:** blocked", "- **Status:** in_progress"), encoding="utf-8"
    )
    code, out, _ = run_in(root, monkeypatch, capsys, "diff")
    assert out == (
        "ROADMAP.md: HEAD → working tree\n"
        "  changed  INFRA-2  Status: blocked → in_progress\n"
        "  1 changed.\n"
    )


# --- diff: what is and is not a change ---------------------------------------------------


def _diff(old: str, new: str) -> dict[str, object]:
    return diff_roadmaps(parse(old), parse(new)).as_dict()


BASE = roadmap(
    (
        "Modeling",
        [
            item("MODEL-1", title="Import", status="ready", depends="GRAPH-1, Go 1.26"),
            item("MODEL-2", title="Generate", status="idea", done=("[ ] Example", "[x] Docs")),
        ],
    ),
    ("Graph", [item("GRAPH-1", title="Shapes", status="in_progress", dri="@janpf")]),
)


def test_formatting_that_changes_no_value_is_no_change() -> None:
    reformatted = (
        BASE.replace("- **Status:** ready", "- **Status:** `ready`")
        .replace("- **Priority:** P1", "- **Priority:** `P1`")
        .replace("GRAPH-1, Go 1.26", "[GRAPH-1](#graph-1), Go 1.26")
        .replace("- **DRI:** @janpf", "*   **dri:**   @janpf")
    )
    indented = "\n".join(f"  {line}" if line else line for line in reformatted.split("\n"))
    crlf = indented.replace("\n", "\r\n")
    assert crlf != BASE
    assert parse(crlf).items[0].depends_on == ("GRAPH-1",)
    assert diff_roadmaps(parse(BASE), parse(crlf)).empty


def test_reordered_items_and_sections_are_no_change() -> None:
    reordered = roadmap(
        ("Graph", [item("GRAPH-1", title="Shapes", status="in_progress", dri="@janpf")]),
        (
            "Modeling",
            [
                item("MODEL-2", title="Generate", status="idea", done=("[ ] Example", "[x] Docs")),
                item("MODEL-1", title="Import", status="ready", depends="GRAPH-1, Go 1.26"),
            ],
        ),
    )
    assert diff_roadmaps(parse(BASE), parse(reordered)).empty


def test_renames_by_title_and_by_mostly_the_same_fields() -> None:
    renamed = BASE.replace("[MODEL-1] Import", "[ML-1] Import").replace(
        "[MODEL-2] Generate", "[ML-7] Text generation"
    )
    document = _diff(BASE, renamed)
    assert document["renamed"] == [
        {"old": "MODEL-1", "new": "ML-1"},
        {"old": "MODEL-2", "new": "ML-7"},
    ]
    assert (document["added"], document["removed"]) == ([], [])
    assert _changes(document) == {
        "ML-7": ("MODEL-2", [_field("Title", "Generate", "Text generation")], [])
    }
    unrelated = BASE.replace(
        item("MODEL-2", title="Generate", status="idea", done=("[ ] Example", "[x] Docs")),
        item("MODEL-9", title="Distributed", status="blocked", priority="P0", dri="@x", done=()),
    )
    document = _diff(BASE, unrelated)
    assert document["renamed"] == []
    assert [ref["id"] for ref in document["removed"]] == ["MODEL-2"]  # type: ignore[index]
    assert [ref["id"] for ref in document["added"]] == ["MODEL-9"]  # type: ignore[index]


def test_definition_of_done_ticked_unticked_added_removed() -> None:
    changed = BASE.replace("  - [ ] Example", "  - [x] Example\n  - [ ] Benchmark").replace(
        "  - [x] Docs", "  - [ ] Docs"
    )
    changed = changed.replace("  - It works\n", "  - Done\n", 1)
    assert _changes(_diff(BASE, changed)) == {
        "MODEL-1": ("MODEL-1", [], [("removed", "It works"), ("added", "Done")]),
        "MODEL-2": (
            "MODEL-2",
            [],
            [("ticked", "Example"), ("added", "Benchmark"), ("unticked", "Docs")],
        ),
    }


def test_fields_added_removed_and_moved_between_sections() -> None:
    changed = BASE.replace("- **Depends on:** GRAPH-1, Go 1.26\n", "").replace(
        "- **DRI:** @janpf", "- **DRI:** @ana\n- **Repo:** gomlx/gomlx"
    )
    moved = changed.replace(
        item("MODEL-2", title="Generate", status="idea", done=("[ ] Example", "[x] Docs")), ""
    ).replace(
        "# Graph\n\n",
        "# Graph\n\n"
        + item("MODEL-2", title="Generate", status="idea", done=("[ ] Example", "[x] Docs")),
    )
    assert _changes(_diff(BASE, moved)) == {
        "MODEL-1": ("MODEL-1", [_field("Depends on", "GRAPH-1, Go 1.26", None)], []),
        "MODEL-2": ("MODEL-2", [_field("Section", "Modeling", "Graph")], []),
        "GRAPH-1": (
            "GRAPH-1",
            [_field("DRI", "@janpf", "@ana"), _field("Repo", None, "gomlx/gomlx")],
            [],
        ),
    }


def test_legend_entries_and_sections_added_removed_renamed() -> None:
    changed = (
        BASE.replace("- `blocked` – waiting\n", "- `review` – in review\n")
        .replace("# Modeling", "# Models")
        .replace("# Graph\n", "# Research\n\n" + item("RES-1", title="Study") + "# Graph\n")
    )
    document = _diff(BASE, changed)
    assert document["legends"] == [
        {"legend": "Status Legend", "value": "blocked", "change": "removed"},
        {"legend": "Status Legend", "value": "review", "change": "added"},
    ]
    assert document["sections"] == [
        {"name": "Models", "change": "renamed", "old_name": "Modeling"},
        {"name": "Research", "change": "added", "old_name": None},
    ]
    assert document["added"] == [{"id": "RES-1", "title": "Study", "section": "Research"}]
    assert document["changed"] == []  # renaming a section moves no item
    from jsonschema.validators import validator_for

    from roadmaplint.history.diff import diff_roadmaps as semantic_diff
    from roadmaplint.report.diff import FileDiff, render_markdown, render_text
    from roadmaplint.report.diff import document as json_document

    schema = json.loads(
        (REPO / "roadmaplint" / "schemas" / "diff.schema.json").read_text(encoding="utf-8")
    )
    files = [FileDiff("R.md", "a", "b", semantic_diff(parse(BASE), parse(changed)))]
    assert list(validator_for(schema)(schema).iter_errors(json_document(files))) == []
    assert render_text(files) == (
        "R.md: a → b\n  added    RES-1  Study\n  removed  Status Legend: blocked\n"
        "  added    Status Legend: review\n  renamed  section Models (was Modeling)\n"
        "  added    section Research\n  1 added, 2 legend entries, 2 sections.\n"
    )
    assert render_markdown(files).splitlines()[4:] == [
        "| Item | Change | Before | After |",
        "| --- | --- | --- | --- |",
        "| RES-1 | added | | Study |",
        "| | Status Legend | blocked |  |",
        "| | Status Legend |  | review |",
        "| | section renamed | Modeling | Models |",
        "| | section added |  | Research |",
        "",
    ]


def test_diff_of_two_files_needs_no_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.md").write_text(BASE.replace("[MODEL-1] Import", "[ML-1] Import"), "utf-8")
    code, out, _ = run_in(tmp_path, monkeypatch, capsys, "diff", "old.md", "new.md")
    assert (code, out) == (0, "old.md → new.md\n  renamed  MODEL-1 → ML-1\n  1 renamed.\n")


def test_without_git_diff_and_history_say_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ROADMAP.md").write_text(BASE, encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, out, err = run_in(tmp_path, monkeypatch, capsys, "diff")
    assert (code, out) == (2, "")
    assert err == (
        "roadmaplint: error: not in a git repository; to compare two files: "
        "roadmaplint diff OLD.md NEW.md\n"
    )
    code, out, err = run_in(tmp_path, monkeypatch, capsys, "history")
    assert (code, out) == (2, "")
    assert err == (
        "roadmaplint: error: ROADMAP.md: not in a git repository; to compare two files: "
        "roadmaplint diff OLD.md NEW.md\n"
    )
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))  # no git at all
    code, _, err = run_in(tmp_path, monkeypatch, capsys, "diff", "HEAD")
    assert code == 2 and err.count("\n") == 1 and "git repository" in err


# --- history -----------------------------------------------------------------------------


def test_history_of_backend_2_follows_its_rename(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    commits = git("log", "--reverse", "--format=%H", cwd=gomlx_repo).split()
    code, out, err = run_in(
        gomlx_repo, monkeypatch, capsys, "history", "BACKEND-2", "--format", "json"
    )
    assert (code, err) == (0, "")
    document = json.loads(out)
    [timeline] = document["items"]
    assert (timeline["id"], timeline["ids"]) == ("BACKEND-2", ["BE-2", "BACKEND-2"])
    # the newest title: e9f81d3 is read (its stray list is read as repaired)
    assert (timeline["title"], timeline["present"]) == (
        "Go Backend – SIMD Support (Go 1.26+)",
        True,
    )
    # All three versions: e9f81d3 renames its title, adds a Definition of Done entry and
    # Current State notes, none of which is a status, priority, DRI or ID change.
    assert [
        (e["commit"], e["date"], e["author"], e["item"], e["kind"], e["old"], e["new"])
        for e in timeline["events"]
    ] == [
        (commits[0], DATES[0], "Jan Pfeifer", "BE-2", "created", None, "idea"),
        (commits[1], DATES[1], "Jan Pfeifer", "BACKEND-2", "renamed", "BE-2", "BACKEND-2"),
        (commits[1], DATES[1], "Jan Pfeifer", "BACKEND-2", "status", "idea", "in-progress"),
        (commits[1], DATES[1], "Jan Pfeifer", "BACKEND-2", "priority", "P1", "P0"),
    ]
    # asking by its old ID finds the same item
    code, by_old_id, _ = run_in(gomlx_repo, monkeypatch, capsys, "history", "BE-2")
    code, text, _ = run_in(gomlx_repo, monkeypatch, capsys, "history", "BACKEND-2")
    assert by_old_id == text
    assert text.splitlines() == [
        "BACKEND-2  Go Backend – SIMD Support (Go 1.26+) (was BE-2)",
        f"  2026-01-05  {commits[0][:7]}  Jan Pfeifer  created as idea",
        f"  2026-01-05  {commits[1][:7]}  Jan Pfeifer  renamed BE-2 → BACKEND-2",
        f"  2026-01-05  {commits[1][:7]}  Jan Pfeifer  status idea → in-progress",
        f"  2026-01-05  {commits[1][:7]}  Jan Pfeifer  priority P1 → P0",
    ]


def test_history_of_model_6(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    commits = git("log", "--reverse", "--format=%h", cwd=gomlx_repo).split()
    code, out, _ = run_in(
        gomlx_repo, monkeypatch, capsys, "history", "MODEL-6", "ROADMAP.md", "--format", "markdown"
    )
    assert code == 0
    # All three versions: e9f81d3 leaves MODEL-6 as e0c8724 had it.
    assert out.splitlines() == [
        "| Date | Commit | Author | Item | Change |",
        "| --- | --- | --- | --- | --- |",
        f"| 2026-01-05 | `{commits[0]}` | Jan Pfeifer | MODEL-6 | created as ready |",
        f"| 2026-01-05 | `{commits[1]}` | Jan Pfeifer | MODEL-6 | status ready → idea |",
        f"| 2026-01-05 | `{commits[1]}` | Jan Pfeifer | MODEL-6 | priority P1 → P2 |",
    ]


def test_each_version_history_reads_from_the_one_before_equals_a_full_parse(
    gomlx_repo: Path,
) -> None:
    # Versions reads each blob by reusing the tokens of the blob read before it
    # (reader/reuse.py); e9f81d3's stray list makes its items come from a repaired text.
    from roadmaplint.history.revisions import Versions, file_history, locate
    from roadmaplint.settings import Settings

    located = locate(gomlx_repo / "ROADMAP.md")
    assert located is not None
    blobs = [revision.blob for revision in file_history(located).revisions]
    texts = [path.read_text(encoding="utf-8") for path in (BE653C5, E0C8724, E9F81D3)]
    for order in (blobs, blobs[::-1], [blobs[0], blobs[2], blobs[1]]):
        found = Versions(gomlx_repo, Settings()).roadmaps(order, "ROADMAP.md")
        expected = [parse(texts[blobs.index(blob)], "ROADMAP.md") for blob in order]
        assert found == expected


def test_history_of_an_unknown_item_is_one_line(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_in(gomlx_repo, monkeypatch, capsys, "history", "NOPE-1")
    assert (code, out) == (2, "")
    assert err == "roadmaplint: error: ROADMAP.md: no item NOPE-1 in any version of the file\n"


def _lifecycle_repo(root: Path) -> None:
    """MODEL-1: created 1 Jan, in progress 11 Jan, done 31 Jan; MODEL-2 done at once."""

    def version(model_1: str, model_2: str | None = None) -> str:
        items = [item("MODEL-1", title="Import", status=model_1, dri="@ana")]
        if model_2:
            items.append(item("MODEL-2", title="Docs", status=model_2, dri="@bo"))
        return roadmap(("Modeling", items))

    commit_versions(
        root,
        [
            (version("ready"), "2026-01-01T00:00:00+00:00"),
            (version("in_progress"), "2026-01-11T00:00:00+00:00"),
            (version("in_progress", "done"), "2026-01-21T00:00:00+00:00"),
            (version("done", "done"), "2026-01-31T00:00:00+00:00"),
        ],
    )


def test_history_stats_lead_and_cycle_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _lifecycle_repo(tmp_path / "repo")
    code, out, _ = run_in(tmp_path / "repo", monkeypatch, capsys, "history", "--stats")
    assert (code, out) == (
        0,
        "ID       CREATED     STARTED     DONE        LEAD (days)  CYCLE (days)\n"
        "MODEL-1  2026-01-01  2026-01-11  2026-01-31  30           20\n"
        "MODEL-2  2026-01-21  -           2026-01-21  0            -\n"
        "2 items done; median lead time 15 days, median cycle time 20 days.\n",
    )
    code, out, _ = run_in(
        tmp_path / "repo", monkeypatch, capsys, "history", "--stats", "--format", "json"
    )
    document = json.loads(out)
    assert (document["median_lead_days"], document["median_cycle_days"]) == (15.0, 20.0)


def test_history_follows_a_renamed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    _lifecycle_repo(root)
    (root / "docs").mkdir()
    git("mv", "ROADMAP.md", "docs/ROADMAP.md", cwd=root)
    git("commit", "-q", "-m", "move", cwd=root, date="2026-02-01T00:00:00+00:00")
    code, out, _ = run_in(
        root / "docs", monkeypatch, capsys, "history", "MODEL-1", "ROADMAP.md", "--format", "json"
    )
    assert code == 0
    events = json.loads(out)["items"][0]["events"]
    assert [(e["date"][:10], e["kind"], e["new"]) for e in events] == [
        ("2026-01-01", "created", "ready"),
        ("2026-01-11", "status", "in_progress"),
        ("2026-01-31", "status", "done"),
    ]


def test_history_in_a_shallow_clone_says_where_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _lifecycle_repo(tmp_path / "origin")
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "2", (tmp_path / "origin").as_uri(), str(clone), cwd=tmp_path)
    code, out, err = run_in(clone, monkeypatch, capsys, "history", "MODEL-1")
    head = git("rev-parse", "--short=7", "HEAD~1", cwd=clone).strip()
    assert code == 0
    assert err == (
        f"roadmaplint: note: ROADMAP.md: the clone is shallow; history starts at {head} "
        "(git fetch --unshallow for all of it)\n"
    )
    assert [line.split("  ", 4)[-1] for line in out.splitlines()[1:]] == [
        "first seen (the clone is shallow) as in_progress",
        "status in_progress → done",
    ]


# --- check --since -----------------------------------------------------------------------


def test_since_reports_only_what_e0c8724_introduced(
    gomlx_repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    work = tmp_path / "work"
    git("clone", "-q", gomlx_repo.as_uri(), str(work), cwd=tmp_path)
    git("checkout", "-q", "HEAD~1", cwd=work)  # e0c8724
    code, everything, _ = run_in(work, monkeypatch, capsys, "check", "--format", "json")
    code, out, err = run_in(
        work, monkeypatch, capsys, "check", "--since", "HEAD~1", "--format", "json"
    )
    assert (code, err) == (1, "")
    new = json.loads(out)
    old = {(f["code"], f["item"], f["message"]) for f in json.loads(everything)} - {
        (f["code"], f["item"], f["message"]) for f in new
    }
    # what be653c5 already had, still there in e0c8724 (on other lines)
    assert old == {
        (
            "RL306",
            "MODEL-1",
            "MODEL-1 is ready but depends on GRAPH-1, which is in_progress, not done",
        ),
        ("RL306", "MODEL-2", "MODEL-2 is ready but depends on MODEL-1, which is ready, not done"),
        ("RL501", "GRAPH-1", "GRAPH-1 is in_progress but has no DRI; name who is working on it"),
        (
            "RL306",
            "GRAPH-3",
            "GRAPH-3 is ready but depends on GRAPH-1, which is in_progress, not done",
        ),
        (
            "RL502",
            "INFRA-2",
            "INFRA-2 is blocked but names no dependency; say what it waits for under Depends on",
        ),
        ("RL401", "GRAPH-2", "Priority Overview is out of date: GRAPH-2 (P1) is missing under P1"),
    }
    assert [(f["code"], f["item"]) for f in new] == [
        ("RL104", "GRAPH-1"),
        ("RL104", "GRAPH-3"),
        ("RL201", "BACKEND-2"),
        ("RL104", "BACKEND-2"),
        ("RL104", "BACKEND-5"),
        ("RL401", "MODEL-2"),
        ("RL401", "MODEL-6"),
        ("RL401", "MODEL-7"),
        ("RL401", "BACKEND-2"),
        ("RL401", "BACKEND-5"),
        ("RL401", "BACKEND-6"),
    ]
    code, out, _ = run_in(work, monkeypatch, capsys, "check", "--since", "HEAD~1")
    assert out.splitlines()[-1] == (
        "Found 7 errors and 4 warnings new since HEAD~1; 6 older findings (already in HEAD~1) "
        "left out."
    )
    code, out, _ = run_in(work, monkeypatch, capsys, "check", "--since", "HEAD")
    assert (code, out) == (
        0,
        "No new findings since HEAD; 17 older findings (already in HEAD) left out.\n",
    )


def test_since_matches_moved_and_renamed_items_not_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = item("INFRA-2", title="Distributed", status="blocked", priority="P0")
    other = item("INFRA-1", title="Inference", status="ready")
    before = roadmap(("Infrastructure", [other, blocked]))
    root = tmp_path / "repo"
    commit_versions(root, [(before, DATES[0])])
    # moved above INFRA-1 and renamed: still the same RL502 finding
    after = roadmap(("Infrastructure", [blocked.replace("INFRA-2", "INFRA-9"), other]))
    (root / "ROADMAP.md").write_text(after, encoding="utf-8")
    code, out, _ = run_in(root, monkeypatch, capsys, "check", "--since", "HEAD")
    assert (code, out) == (
        0,
        "No new findings since HEAD; 1 older finding (already in HEAD) left out.\n",
    )
    # a second blocked item without dependency is new, though its finding reads alike
    again = item("INFRA-3", title="Again", status="blocked", priority="P0")
    (root / "ROADMAP.md").write_text(
        roadmap(("Infrastructure", [blocked.replace("INFRA-2", "INFRA-9"), other, again])),
        encoding="utf-8",
    )
    code, out, _ = run_in(root, monkeypatch, capsys, "check", "--since", "HEAD", "--strict")
    assert code == 1
    assert [line.split(" ", 3)[2:] for line in out.splitlines()[:-1]] == [
        [
            "RL502",
            "INFRA-3 is blocked but names no dependency; say what it waits for under Depends on",
        ]
    ]


def test_since_outside_git_or_with_a_bad_revision_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    commit_versions(root, [(BASE, DATES[0])])
    code, out, err = run_in(root, monkeypatch, capsys, "check", "--since", "no-such-branch")
    assert (code, out) == (2, "")
    assert err == "roadmaplint: error: --since no-such-branch: not a commit in repo\n"


# --- RL505 stale-in-progress ---------------------------------------------------------------


def test_stale_in_progress_from_git_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    _lifecycle_repo(root)  # MODEL-1 in progress 11-31 Jan 2026, then done
    (root / "ROADMAP.md").write_text(
        roadmap(
            (
                "Modeling",
                [
                    item("MODEL-1", title="Import", status="in_progress", dri="@ana"),
                    item("MODEL-2", title="Docs", status="in_progress", dri="@bo"),
                ],
            )
        ),
        encoding="utf-8",
    )
    git("commit", "-q", "-am", "reopen", cwd=root, date="2026-02-10T00:00:00+00:00")
    text = (root / "ROADMAP.md").read_text(encoding="utf-8")
    fresh = item("MODEL-3", title="Fresh", status="in_progress", dri="@cy")
    (root / "ROADMAP.md").write_text(
        text.replace("# Priority Overview", fresh + "# Priority Overview"), encoding="utf-8"
    )
    git("commit", "-q", "-am", "started today", cwd=root)  # in progress for 0 days: not stale
    code, out, _ = run_in(root, monkeypatch, capsys, "check", "--select", "RL505")
    assert (code, out) == (0, "All checks passed.\n")  # off unless stale-after-days is set
    (root / ".roadmaplint.toml").write_text("stale-after-days = 30\n", encoding="utf-8")
    code, out, err = run_in(root, monkeypatch, capsys, "check", "--select", "RL505")
    assert (code, err) == (0, "")
    reopened = git("rev-parse", "--short=7", "HEAD~1", cwd=root).strip()
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("ROADMAP.md:24:15: warning: RL505 MODEL-1 has been in_progress for ")
    assert f"days (since 2026-02-10, commit {reopened})" in lines[0]  # after its done, anew
    assert lines[1].startswith("ROADMAP.md:34:15: warning: RL505 MODEL-2 has been in_progress for ")
    assert lines[2] == "Found 0 errors and 2 warnings."


def test_stale_in_progress_without_git_is_a_note_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "ROADMAP.md").write_text(BASE, encoding="utf-8")
    expected = run_in(tmp_path, monkeypatch, capsys, "check", "--strict")
    assert expected[0] == 1 and expected[2] == ""  # RL306: a warning that --strict fails
    (tmp_path / ".roadmaplint.toml").write_text("stale-after-days = 30\n", encoding="utf-8")
    code, out, err = run_in(tmp_path, monkeypatch, capsys, "check", "--strict")
    assert (code, out) == expected[:2]
    assert err == (
        "roadmaplint: note: ROADMAP.md: not in a git repository; "
        "RL505 stale-in-progress needs its history\n"
    )


def test_stale_after_days_must_be_a_positive_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "ROADMAP.md").write_text(BASE, encoding="utf-8")
    (tmp_path / ".roadmaplint.toml").write_text('stale-after-days = "soon"\n', encoding="utf-8")
    code, _, err = run_in(tmp_path, monkeypatch, capsys, "check")
    assert code == 2
    assert err.endswith(
        ".roadmaplint.toml: stale-after-days: expected a whole number of days, such as 30\n"
    )


# --- from a fresh clone, with the installed command ----------------------------------------


def test_diff_and_history_from_a_fresh_clone(gomlx_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git("clone", "-q", gomlx_repo.as_uri(), str(clone), cwd=tmp_path)
    command = installed_command()
    env = {**os.environ, "NO_COLOR": "1"}
    diff = subprocess.run(
        [command, "diff", "HEAD~2", "HEAD~1", "ROADMAP.md", "--format", "json"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert diff.returncode == 0, diff.stderr
    assert json.loads(diff.stdout)["files"][0]["renamed"] == GOMLX_DIFF["renamed"]
    history = subprocess.run(
        [command, "history", "MODEL-6"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert history.returncode == 0, history.stderr
    assert history.stdout.splitlines()[2].endswith("Jan Pfeifer  status ready → idea")


# --- the GitHub Action on a pull request ----------------------------------------------------


def test_action_on_a_pull_request_summarises_the_roadmap_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_integrations import run_action_steps

    upstream = tmp_path / "upstream"
    commit_versions(upstream, [(BE653C5.read_text(encoding="utf-8"), DATES[0])])
    git("checkout", "-q", "-b", "roadmap-update", cwd=upstream)
    commit_versions(upstream, [(E0C8724.read_text(encoding="utf-8"), DATES[1])])
    git("checkout", "-q", "main", cwd=upstream)
    workspace = tmp_path / "workspace"
    # as actions/checkout leaves it: the pull request's head only, no base branch yet
    git(
        "clone",
        "-q",
        "--single-branch",
        "--branch",
        "roadmap-update",
        upstream.as_uri(),
        str(workspace),
        cwd=tmp_path,
    )
    assert "origin/main" not in git("branch", "-r", cwd=workspace)
    monkeypatch.setenv("GITHUB_EVENT_NAME", "pull_request")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    monkeypatch.setenv("GITHUB_HEAD_REF", "roadmap-update")
    runner = tmp_path / "runner"
    runner.mkdir()
    # the Install step is tested in test_integrations; here the check step runs the
    # roadmaplint installed beside this Python, where the Install step would put it
    (runner / "roadmaplint-venv").symlink_to(Path(installed_command()).parent.parent)
    summary_file = runner / "step-summary.md"

    code, output, summary = run_action_steps(
        workspace, {"only-new": "true"}, runner, installed=True
    )
    assert code == 1
    annotations = output.splitlines()
    assert len(annotations) == 11  # only what the pull request introduced
    assert annotations[0].startswith("::warning file=ROADMAP.md,line=128,col=5,title=RL104::")
    assert "origin/main" in git("branch", "-r", cwd=workspace)  # the base was fetched
    changes, findings = summary.split("### roadmaplint: ", 1)
    assert changes.startswith(
        "### Roadmap changes: `ROADMAP.md` (origin/main → working tree)\n\n"
        "2 removed, 4 renamed, 11 changed.\n\n| Item | Change | Before | After |\n"
    )
    assert "| MODEL-6 | Status | ready | idea |\n" in changes
    assert "| BACKEND-2 | renamed | BE-2 | BACKEND-2 |\n" in changes
    assert findings.startswith("`ROADMAP.md`\n\n**7 errors**, **4 warnings**")
    assert findings.count("\n| `ROADMAP.md:") == 11
    assert findings.endswith("\n\n6 older findings (already in `origin/main`) left out.\n\n")

    summary_file.write_text("", encoding="utf-8")
    code, output, summary = run_action_steps(workspace, {}, runner, installed=True)
    assert code == 1
    assert len(output.splitlines()) == 17  # every finding, old ones too
    assert summary.startswith("### Roadmap changes: `ROADMAP.md`")
    assert "**8 errors**, **9 warnings**" in summary

    summary_file.write_text("", encoding="utf-8")
    code, output, summary = run_action_steps(
        workspace, {"summary": "false"}, runner, installed=True
    )
    assert (code, summary) == (1, "")
    assert len(output.splitlines()) == 17

    # a push (no pull request): no roadmap changes, the findings table as before
    monkeypatch.setenv("GITHUB_EVENT_NAME", "push")
    summary_file.write_text("", encoding="utf-8")
    code, _, summary = run_action_steps(workspace, {"only-new": "true"}, runner, installed=True)
    assert code == 1
    assert summary.startswith("### roadmaplint: `ROADMAP.md`\n\n**8 errors**, **9 warnings**")


def test_the_readme_shows_the_history_of_backend_2_and_maint_1_as_it_is(
    gomlx_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("```text\n$ roadmaplint history BACKEND-2\n", 1)[1].split("```", 1)[0]
    shown = ("$ roadmaplint history BACKEND-2\n" + block).split("$ roadmaplint ")[1:]
    assert [command.split("\n", 1)[0] for command in shown] == [
        "history BACKEND-2",
        "history MAINT-1",  # what the third version, e9f81d3, changed
    ]
    for command in shown:
        arguments, output = command.split("\n", 1)
        code, out, _ = run_in(gomlx_repo, monkeypatch, capsys, *arguments.split())
        assert (code, out) == (0, output)


def test_history_reads_an_empty_version_and_refuses_an_uncommitted_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    text = roadmap(("Modeling", [item("MODEL-1", title="Import")]))
    commit_versions(root, [(text, DATES[0]), ("", DATES[1]), (text, DATES[2])])
    code, out, _ = run_in(root, monkeypatch, capsys, "history", "MODEL-1", "--format", "json")
    assert code == 0
    events = json.loads(out)["items"][0]["events"]
    assert [(e["date"], e["kind"]) for e in events] == [
        (DATES[0], "created"),
        (DATES[1], "removed"),
        (DATES[2], "created"),
    ]
    (root / "NEW.md").write_text(text, encoding="utf-8")
    code, out, err = run_in(root, monkeypatch, capsys, "history", "NEW.md")
    assert (code, out) == (2, "")
    assert err == "roadmaplint: error: NEW.md: has no commits yet; commit it to start its history\n"


def test_a_version_the_reader_refuses_is_named_not_the_file_as_it_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The middle version has an item heading inside the overview, which the reader
    # refuses; the file as it stands is fine, so its line number alone misleads.
    root = tmp_path / "repo"
    text = roadmap(("Modeling", [item("MODEL-1", title="Import")]))
    refused = text + "\n## [MODEL-2] Export\n\n- **Status:** ready\n"
    commit_versions(root, [(text, DATES[0]), (refused, DATES[1]), (text, DATES[2])])
    line = refused.splitlines().index("## [MODEL-2] Export") + 1
    blob = git("rev-parse", "HEAD~1:ROADMAP.md", cwd=root).strip()[:7]
    code, out, err = run_in(root, monkeypatch, capsys, "history")
    assert (code, out) == (2, "")
    assert err.startswith(f"roadmaplint: error: ROADMAP.md@{blob}:{line}: the item heading")
    code, out, err = run_in(root, monkeypatch, capsys, "diff", "HEAD~1", "HEAD")
    assert (code, out) == (2, "")
    assert err.startswith(f"roadmaplint: error: ROADMAP.md@HEAD~1:{line}: the item heading")
    code, out, err = run_in(root, monkeypatch, capsys, "diff", "HEAD~2", "HEAD~1")
    assert err.startswith(f"roadmaplint: error: ROADMAP.md@HEAD~1:{line}: the item heading")
    (root / "ROADMAP.md").write_text(refused, encoding="utf-8")
    code, out, err = run_in(root, monkeypatch, capsys, "diff")  # the working tree is the file
    assert err.startswith(f"roadmaplint: error: ROADMAP.md:{line}: the item heading")
