"""The board's data, page and layout, without a browser (the browser tests are beside)."""

from __future__ import annotations

import itertools
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import GOMLX, item, roadmap

from roadmaplint.board.data import board_data
from roadmaplint.board.layout import NODE_HEIGHT, lay_out
from roadmaplint.cli import main
from roadmaplint.commands.board import board_page
from roadmaplint.database.plan import startable
from roadmaplint.history.git import GitError, commit_of, run_git
from roadmaplint.index import Context
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

# Markdown entities and code spans are how a literal "<" reaches a title's plain text.
HOSTILE = (
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\" 'too' &lt;/script&gt;"
    " `<img src=x onerror=alert(2)>` {{ 7*7 }} שלום 🚀 " + "very long " * 40
)


def context_of(text: str) -> Context:
    return Context(parse(text, "ROADMAP.md", Settings()), Settings())


def test_columns_counts_and_planning_on_gomlx() -> None:
    context = context_of(GOMLX.read_text(encoding="utf-8"))
    data = board_data(context, None, "2026-01-01")
    columns = {
        column["status"]: [card["id"] for card in column["cards"]] for column in data["columns"]
    }
    assert list(columns) == ["idea", "ready", "in_progress", "blocked", "done"]
    assert {status: len(ids) for status, ids in columns.items()} == {
        "idea": 7,
        "ready": 11,
        "in_progress": 1,
        "blocked": 1,
        "done": 0,
    }
    assert columns["in_progress"] == ["GRAPH-1"]
    assert columns["blocked"] == ["INFRA-2"]
    cards = {card["id"]: card for column in data["columns"] for card in column["cards"]}
    assert len(cards) == 20
    # "can start now" is exactly what `next` lists
    assert {i for i, card in cards.items() if card["can_start"]} == {
        candidate.item.id for candidate in startable(context)
    }
    assert not cards["MODEL-1"]["can_start"]  # ready, but GRAPH-1 is not done
    assert [step["id"] for step in data["critical_path"]] == ["GRAPH-1", "MODEL-1", "MODEL-2"]
    assert [dep["id"] for dep in cards["MODEL-1"]["waits_for"]] == ["GRAPH-1"]
    assert [other["id"] for other in cards["GRAPH-1"]["waited_by"]] == [
        "MODEL-1",
        "GRAPH-2",
        "GRAPH-3",
    ]
    assert cards["BE-2"]["externals"] == ["Go 1.26", "go-highway"]
    assert cards["MODEL-1"]["dri"] == "_unassigned_"
    assert cards["MODEL-1"]["progress"] == {"done": 0, "boxes": 0, "criteria": 3}
    assert data["counts"]["priorities"] == [
        {"value": "P0", "count": 5},
        {"value": "P1", "count": 11},
        {"value": "P2", "count": 4},
    ]
    assert data["filters"]["dris"] == [{"value": "_unassigned_", "label": "unassigned"}]


def test_progress_counts_ticked_boxes_and_owners_are_filters() -> None:
    text = roadmap(
        (
            "Work",
            [
                item("W-1", dri="@ana", done=("[x] one", "[x] two", "[ ] three")),
                item("W-2", dri="@bo", status="done", done=("[x] all",)),
                item("W-3", dri="TBD", depends="W-2, W-9, Go 1.26"),
            ],
        )
    )
    data = board_data(context_of(text), None, "2026-01-01")
    cards = {card["id"]: card for column in data["columns"] for card in column["cards"]}
    assert cards["W-1"]["progress"] == {"done": 2, "boxes": 3, "criteria": 3}
    assert cards["W-3"]["dri"] == "_unassigned_"
    assert [(d["id"], d["done"], d["anchor"]) for d in cards["W-3"]["waits_for"]] == [
        ("W-2", True, "W-2"),
        ("W-9", False, None),
    ]
    assert [owner["value"] for owner in data["filters"]["dris"]] == ["_unassigned_", "@ana", "@bo"]
    assert cards["W-1"]["can_start"]
    assert not cards["W-3"]["can_start"]  # as in `next`: W-9 is no item, so it is not done


def test_a_card_counts_one_criterion_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "ROADMAP.md"
    path.write_text(
        roadmap(("Work", [item("W-1"), item("W-2", done=("one", "two")), item("W-3", done=())])),
        encoding="utf-8",
    )
    page = board_page(path, None)
    done = re.findall(r"<dt>Done</dt><dd>([^<]*)</dd>", page)
    assert done == ["1 criterion", "2 criteria"]  # W-3 has no Definition of Done
    assert "1 criteria" not in page


def test_a_card_shows_what_a_dependency_entry_says_after_the_id(tmp_path: Path) -> None:
    """`A-1 merged upstream` names A-1 and says "merged upstream" of it: the card shows
    both, the note escaped as text."""
    path = tmp_path / "ROADMAP.md"
    path.write_text(
        roadmap(("Work", [item("W-1"), item("W-2", depends="W-1 merged `x<y` upstream")])),
        encoding="utf-8",
    )
    page = board_page(path, None)
    assert re.search(
        r'<a class="dep[^"]*" href="#[^"]+" title="[^"]*">W-1</a> '
        r'<span class="note">merged x&lt;y upstream</span>',
        page,
    )
    assert "x<y" not in page


def test_a_cycle_still_gives_a_page_that_says_why_it_cannot_plan() -> None:
    text = roadmap(("Work", [item("W-1", depends="W-2"), item("W-2", depends="W-1")]))
    data = board_data(context_of(text), None, "2026-01-01")
    assert data["planning_error"].startswith(
        "ROADMAP.md: cannot plan: dependency cycle: W-1 -> W-2 -> W-1"
    )
    assert data["critical_path"] == []
    assert len(data["graph"]["edges"]) == 2


class _Text(HTMLParser):
    """The text a browser would show and the tags it would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def test_hostile_titles_and_values_are_text(tmp_path: Path) -> None:
    text = roadmap(
        (
            "Sec &lt;b&gt;tion & co",
            [
                item("W-1", title=HOSTILE, dri='`@"x"<y>`', depends="W-2, `</script>`"),
                item("W-2", title="{% raw %}{{ x }}{% endraw %}"),
            ],
        )
    )
    path = tmp_path / "ROADMAP.md"
    path.write_text(text, encoding="utf-8")
    records = context_of(text).roadmap.items
    title = records[0].title
    assert "<script>alert(1)</script>" in title and "<img src=x onerror=alert(2)>" in title
    page = board_page(path, None)
    parsed = _Text()
    parsed.feed(page)
    assert parsed.tags.count("script") == 1  # ours, and no other
    assert "img" not in parsed.tags and "b" not in parsed.tags
    shown = "".join(parsed.text)
    for record in records:
        assert record.title in shown
    assert records[0].dri == '@"x"<y>' and records[0].dri in shown
    assert "Sec <b>tion & co" in shown
    assert "</script>" in records[0].external_deps and "</script>" not in "".join(parsed.scripts)
    assert page.count("</script>") == 1


def test_page_is_small_and_self_contained(tmp_path: Path) -> None:
    page = board_page(GOMLX, None)
    assert len(page.encode("utf-8")) < 150 * 1024
    # nothing is fetched at view time: no external script, style, image or font
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(http" not in page
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page


def test_cli_writes_the_page_and_never_over_the_roadmap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ROADMAP.md"
    path.write_text(GOMLX.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    assert main(["board", str(path), "-o", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"roadmaplint: error: {path}: is the roadmap {path} being checked; the report would "
        "replace it. Give another --output-file\n"
    )
    assert path.read_bytes() == before
    out = tmp_path / "board.html"
    assert main(["board", str(path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Wrote {out} (")
    assert out.read_text(encoding="utf-8").count('class="card"') == 20
    assert main(["board", str(tmp_path / "missing.md")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["board", "-f", str(path), "-o", str(out)]) == 0  # -f names it too
    capsys.readouterr()
    other = tmp_path / "other" / "ROADMAP.md"
    other.parent.mkdir()
    other.write_bytes(before)
    assert main(["board", str(path), str(other)]) == 2  # one page is one roadmap
    assert "this command works on one roadmap" in capsys.readouterr().err


def test_the_installed_command_prints_the_page_to_stdout(tmp_path: Path) -> None:
    done = subprocess.run(
        ["roadmaplint", "board", str(GOMLX)],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": str(Path(__import__("sys").executable).parent), "SOURCE_DATE_EPOCH": "0"},
    )
    assert done.returncode == 0, done.stderr
    assert "Built 1970-01-01 from" in done.stdout


def git(*args: str, cwd: Path) -> str:
    return run_git(*args, cwd=cwd).decode("utf-8")


def _git_repo(folder: Path) -> None:
    for args in (
        ("init", "-q"),
        ("config", "user.email", "t@example.org"),
        ("config", "user.name", "T"),
    ):
        git(*args, cwd=folder)


def test_header_names_the_commit_in_git(tmp_path: Path) -> None:
    path = tmp_path / "ROADMAP.md"
    path.write_text(GOMLX.read_text(encoding="utf-8"), encoding="utf-8")
    assert commit_of(path) is None  # not in git yet
    _git_repo(tmp_path)
    git("add", "ROADMAP.md", cwd=tmp_path)
    git("commit", "-qm", "roadmap", cwd=tmp_path)
    sha = git("rev-parse", "HEAD", cwd=tmp_path).strip()
    commit = commit_of(path)
    assert commit is not None and commit.sha == sha and not commit.modified
    page = board_page(path, None)
    assert f'at commit <code title="{sha}">{sha[:7]}</code>.' in page
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "with uncommitted changes" in board_page(path, None)
    with pytest.raises(GitError, match=r"^git rev-parse: fatal: "):
        git("rev-parse", "no-such-revision", cwd=tmp_path)


def _inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    left, top, width, height = box
    return left + 1 < x < left + width - 1 and top + 1 < y < top + height - 1


def _points(path: str) -> list[tuple[float, float]]:
    """Points along an SVG path of M, L and C commands, sampled finely."""
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    commands = re.findall(r"[MLC]", path)
    points: list[tuple[float, float]] = []
    cursor = 0
    for command in commands:
        if command in "ML":
            points.append((numbers[cursor], numbers[cursor + 1]))
            cursor += 2
        else:
            x0, y0 = points[-1]
            x1, y1, x2, y2, x3, y3 = numbers[cursor : cursor + 6]
            cursor += 6
            for step in range(1, 41):
                t = step / 40
                u = 1 - t
                points.append(
                    (
                        u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
                        u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
                    )
                )
    if len(points) > 1 and "L" in path:  # straight runs: sample them too
        dense = [points[0]]
        for (ax, ay), (bx, by) in itertools.pairwise(points):
            dense += [(ax + (bx - ax) * k / 20, ay + (by - ay) * k / 20) for k in range(1, 21)]
        points = dense
    return points


def _assert_no_edge_through_a_box(nodes: list[str], edges: list[tuple[str, str]]) -> None:
    layout = lay_out(nodes, edges)
    assert [box.key for box in layout.boxes] == nodes
    assert len(layout.routes) == len(set(edges))
    boxes = {box.key: (box.x, box.y, box.width, box.height) for box in layout.boxes}
    by_column: dict[float, list[tuple[str, tuple[float, float, float, float]]]] = {}
    for key, box in boxes.items():
        by_column.setdefault(box[0], []).append((key, box))
    for route in layout.routes:
        for x, y in _points(route.path):
            for left, column in by_column.items():
                if left < x < left + column[0][1][2]:
                    for key, box in column:
                        assert not _inside(x, y, box), (
                            f"{route.source}->{route.target} crosses {key}"
                        )
    # no two boxes overlap
    ordered = sorted(boxes.values())
    for a in ordered:
        for b in ordered:
            if a is not b and a[0] == b[0]:
                assert abs(a[1] - b[1]) >= NODE_HEIGHT


def test_layout_routes_edges_around_boxes() -> None:
    # A long edge (A -> D) must pass the boxes of the layers between in a lane of its own.
    nodes = ["A", "B", "C", "D", "E", "F", "LONE"]
    edges = [("A", "B"), ("B", "C"), ("C", "D"), ("A", "D"), ("E", "C"), ("F", "D"), ("A", "C")]
    _assert_no_edge_through_a_box(nodes, edges)


def test_layout_of_a_200_item_roadmap_is_legible() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    from generate import generate

    context = context_of(generate(200))
    data = board_data(context, None, "2026-01-01")
    graph = data["graph"]
    assert len([n for n in graph["nodes"] if not n["external"]]) == 200
    nodes = [item.id for item in context.roadmap.items]
    edges = [
        (dependency, item.id)
        for item in context.roadmap.items
        for dependency in item.depends_on
        if dependency in context.items_by_id
    ]
    _assert_no_edge_through_a_box(nodes, edges)


def test_layers_put_each_node_after_what_it_depends_on() -> None:
    from roadmaplint.graph import layers

    found = layers(["A", "B", "C", "D", "X", "Y"], [("A", "B"), ("B", "C"), ("X", "Y"), ("Y", "X")])
    assert found == [["A", "D", "X", "Y"], ["B"], ["C"]]


def test_the_pages_workflow_in_the_docs_validates_and_builds_the_board(tmp_path: Path) -> None:
    import shutil

    import yaml

    text = (Path(__file__).parent.parent / "docs" / "board.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- board-workflow -->\n```yaml\n(.*?)```\n", text, re.DOTALL)
    assert found is not None
    workflow = tmp_path / "board.yml"
    workflow.write_text(found.group(1), encoding="utf-8")
    tool = shutil.which("check-jsonschema", path=str(Path(__import__("sys").executable).parent))
    assert tool is not None
    checked = subprocess.run(
        [tool, "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    steps = yaml.safe_load(found.group(1))["jobs"]["build"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert any("roadmaplint board ROADMAP.md -o site/index.html" in c for c in commands)
    assert [step.get("uses") for step in steps if "pages" in str(step.get("uses"))] == [
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
    ]


# Five items: one done, two with statuses the legend lacks, two ready ones of P2 and P0.
MATURE = roadmap(
    (
        "Modeling",
        [
            item("MODEL-1", status="done", priority="P2"),
            item("MODEL-2", status="wip", priority="P2", depends="MODEL-1"),
            item("MODEL-3", status="bogus", priority="P0"),
            item("MODEL-4", status="ready", priority="P2", dri="@ana"),
            item("MODEL-5", status="ready", priority="P0", dri="@ana"),
        ],
    )
)


def _mature_data() -> dict[str, object]:
    from roadmaplint.rules.engine import check_roadmap

    context = context_of(MATURE)
    return board_data(context, None, "2026-01-01", check_roadmap(context.roadmap, Settings()))


def test_cards_are_sorted_by_priority_then_file_order() -> None:
    data = _mature_data()
    columns = {column["status"]: column for column in data["columns"]}  # type: ignore[attr-defined]
    assert [card["id"] for card in columns["ready"]["cards"]] == ["MODEL-5", "MODEL-4"]
    # a priority the legend lacks goes last, as in the Priority Overview
    context = context_of(
        roadmap(("M", [item("M-1", priority="P9"), item("M-2", priority="P2"), item("M-3")]))
    )
    ready = next(c for c in board_data(context, None, "x")["columns"] if c["status"] == "ready")
    assert [card["id"] for card in ready["cards"]] == ["M-3", "M-2", "M-1"]


def test_statuses_not_in_the_legend_share_one_column() -> None:
    data = _mature_data()
    columns = data["columns"]
    assert [column["status"] for column in columns] == [  # type: ignore[attr-defined]
        "idea",
        "ready",
        "in_progress",
        "blocked",
        "done",
        "not in the legend",
    ]
    off = columns[-1]  # type: ignore[index]
    assert not off["legend"] and [card["id"] for card in off["cards"]] == ["MODEL-3", "MODEL-2"]
    assert [card["status_label"] for card in off["cards"]] == ["bogus", "wip"]
    page = board_page_of(MATURE)
    assert page.count('data-status="not in the legend"') == 3  # the column and its two cards
    assert '<span class="badge">wip</span>' in page


def test_findings_of_check_are_on_their_cards_and_counted() -> None:
    data = _mature_data()
    cards = {c["id"]: c for column in data["columns"] for c in column["cards"]}  # type: ignore[attr-defined]
    assert [(f["code"], f["severity"]) for f in cards["MODEL-2"]["findings"]] == [
        ("RL201", "error")
    ]
    assert (
        'status "wip", which is not in the Status Legend'
        in cards["MODEL-2"]["findings"][0]["message"]
    )
    assert cards["MODEL-4"]["findings"] == []
    assert data["counts"]["findings"] == {"total": 2, "errors": 2, "warnings": 0}  # type: ignore[index]
    page = board_page_of(MATURE)
    assert "<strong>2</strong> findings of check (2 errors, 0 warnings)" in page
    assert "<code>RL201</code> MODEL-3 has status &#34;bogus&#34;" in page


def test_done_cards_are_compact_and_a_one_item_path_is_not_shown() -> None:
    data = _mature_data()
    assert data["critical_path"] == []  # MODEL-2 alone is unfinished on its chain
    page = board_page_of(MATURE)
    assert 'class="card compact" id="MODEL-1"' in page
    done_card = page.split('id="MODEL-1"', 1)[1].split("</article>", 1)[0]
    assert "<dl>" not in done_card and "<dl>" in page.split('id="MODEL-4"', 1)[1]
    assert "Critical path" not in page


def test_the_critical_path_arrows_are_text() -> None:
    page = board_page(GOMLX, None)
    path = page.split('<div class="critical">', 1)[1].split("</div>", 1)[0]
    text = re.sub(r"<[^>]+>", "", path)
    assert text.endswith("GRAPH-1 → MODEL-1 → MODEL-2")


def board_page_of(text: str) -> str:
    from roadmaplint.board.data import board_data as data_of
    from roadmaplint.generate.render import render
    from roadmaplint.rules.engine import check_roadmap

    context = context_of(text)
    findings = check_roadmap(context.roadmap, Settings())
    return render("board.html.j2", data_of(context, None, "x", findings), autoescape=True)


def test_the_board_limits_grow_with_the_roadmap_and_user_templates_keep_theirs() -> None:
    from roadmaplint.commands.board import board_limits
    from roadmaplint.generate.sandbox import CPU_LIMIT, MAX_OUTPUT, Limits

    small, large = board_limits(10), board_limits(50_000)
    assert small.output > MAX_OUTPUT and large.output > 50_000 * 1500 * 2
    assert large.cpu > small.cpu > CPU_LIMIT
    assert large.wall is None  # CPU time only: a loaded machine does not fail the board
    assert Limits() == Limits(MAX_OUTPUT, 8 * MAX_OUTPUT, CPU_LIMIT, None)


@pytest.mark.slow
def test_the_board_of_10000_items_is_built(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    from generate import generate

    source = tmp_path / "ROADMAP.md"
    source.write_text(generate(10_000), encoding="utf-8")
    page = board_page(source, None)  # past 8388608 characters, which was the limit
    assert len(page) > 8 * 1024 * 1024
    assert page.count('<article class="card') == 10_000


def test_the_installed_board_template_renders_alike_with_and_without_the_sandbox() -> None:
    # `board` renders its own template without the sandbox; the page must be the one the
    # sandbox makes of the same data, byte for byte, hostile titles included.
    from roadmaplint.generate.render import render
    from roadmaplint.rules.engine import check_roadmap

    hostile = roadmap(
        ("Sec &lt;b&gt;tion", [item("W-1", title=HOSTILE, depends="W-2, `</script>`"), item("W-2")])
    )
    for text in (GOMLX.read_text(encoding="utf-8"), hostile):
        context = context_of(text)
        data = board_data(context, None, "x", check_roadmap(context.roadmap, Settings()))
        sandboxed = render("board.html.j2", data, autoescape=True)
        trusted = render("board.html.j2", data, autoescape=True, trust_packaged=True)
        assert trusted == sandboxed
    assert "<script>alert" not in trusted and "&lt;script&gt;alert(1)" in trusted


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ title.__class__.__mro__ }}", "access to attribute '__class__'"),
        ("{% for a in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "produced more than"),
        ("{{ 'x' * 10**9 }}", "template board.html.j2 line 1"),
    ],
)
def test_a_users_board_template_is_still_sandboxed(
    template_project: Path, capsys: pytest.CaptureFixture[str], template: str, message: str
) -> None:
    (template_project / "templates" / "board.html.j2").write_text(template, encoding="utf-8")
    code = main(["board", "-o", "board.html", "ROADMAP.md"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("roadmaplint: error: template board.html.j2") and err.count("\n") == 1
    assert message in err
    assert not (template_project / "board.html").exists()


def test_a_users_board_template_is_used(
    template_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (template_project / "templates" / "board.html.j2").write_text(
        "{{ counts.total }} items", encoding="utf-8"
    )
    assert main(["board", "-o", "-", "ROADMAP.md"]) == 0
    assert capsys.readouterr().out == "2 items"


@pytest.mark.parametrize("seed", range(40))
def test_layers_without_networkx_are_networkxs(seed: int) -> None:
    # Acyclic graphs are layered in plain Python; networkx layers the rest. Both must
    # give the same layers (cycles, self-loops and edges to unknown nodes go to networkx).
    import random

    import networkx as nx

    from roadmaplint.graph import _acyclic_layers, layers

    chance = random.Random(seed)
    nodes = [f"N{number}" for number in range(chance.randint(0, 30))]
    edges = [
        (chance.choice(nodes), chance.choice(nodes))
        for _ in range(chance.randint(0, 3 * len(nodes)))
        if nodes
    ]
    acyclic = [(a, b) for a, b in edges if nodes.index(a) < nodes.index(b)]
    for chosen in (acyclic, edges):
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from((a, b) for a, b in chosen if a != b)
        condensed = nx.condensation(graph)
        depth = {
            component: number
            for number, generation in enumerate(nx.topological_generations(condensed))
            for component in generation
        }
        layer_of = {node: depth[condensed.graph["mapping"][node]] for node in nodes}
        expected = [
            [node for node in nodes if layer_of[node] == layer]
            for layer in range(max(layer_of.values(), default=-1) + 1)
        ]
        assert layers(nodes, chosen) == expected
    assert _acyclic_layers(nodes, [edge for edge in acyclic if edge[0] != edge[1]]) is not None


def test_the_installed_templates_escape_as_markupsafe_does() -> None:
    from markupsafe import Markup, escape

    from roadmaplint.generate.render import _escaped

    for value in [HOSTILE, "&amp;&<>'\"", "", "plain", 7, -2.5, True, None, Markup("<b>")]:
        assert str(_escaped(value)) == str(escape(value))
