"""Fast guards for the performance work (no timings here: see bench/ for those)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import GOMLX, REPO, run_python

sys.path.insert(0, str(REPO / "bench"))
from generate import generate

HEAVY = ("markdown_it", "networkx", "jinja2")
# With the native block parser a plain check reads the example without markdown_it
# (issue 23); without it markdown-it-py parses.
try:
    import markdown_it_pyrs  # noqa: F401

    PARSER: list[str] = []
except ImportError:
    PARSER = ["markdown_it"]


def modules_after(argv: list[str], cwd: Path) -> list[str]:
    """Which heavy modules a real process has imported once ``main(argv)`` returns."""
    code = (
        "import sys\n"
        "from roadmaplint.cli import main\n"
        f"code = main({argv!r})\n"
        f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))\n"
    )
    result = run_python(code, cwd)
    return result.stdout.strip().splitlines()[-1:]


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["check", "--help"], ["rules"]])
def test_startup_imports_no_heavy_module(argv: list[str]) -> None:
    assert modules_after(argv, REPO) == ["[]"]


def test_check_of_a_clean_roadmap_needs_neither_networkx_nor_jinja2(tmp_path: Path) -> None:
    from roadmaplint.generate.fix import fix_text

    clean = fix_text(GOMLX.read_text(encoding="utf-8")).text
    (tmp_path / "ROADMAP.md").write_text(clean, encoding="utf-8")
    assert modules_after(["check"], tmp_path) == [str(PARSER)]


def test_a_cycle_brings_networkx_in_to_spell_it(tmp_path: Path) -> None:
    text = GOMLX.read_text(encoding="utf-8").replace(
        "  - **Links:** PR #306\n", "  - **Links:** PR #306\n  - **Depends on:** MODEL-1\n"
    )
    (tmp_path / "ROADMAP.md").write_text(text, encoding="utf-8")
    assert modules_after(["check"], tmp_path) == [str([*PARSER, "networkx"])]


def test_inline_parser_runs_a_bounded_number_of_times_per_item(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from markdown_it.parser_inline import ParserInline

    from roadmaplint.rules.engine import check_text

    calls = 0
    original = ParserInline.parse

    def counting(self: ParserInline, *args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ParserInline, "parse", counting)
    items = 2000
    findings = check_text(generate(items, seed=3))
    assert [finding.code for finding in findings] == []
    # only text with inline markup is parsed, and each distinct text once
    assert calls <= items // 2, calls


def test_work_grows_linearly_with_the_number_of_items(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count Python function calls of check at two sizes: a quadratic step would show."""
    import cProfile
    import pstats

    from roadmaplint.rules.engine import check_text

    def calls(items: int) -> int:
        text = generate(items, seed=5)
        profile = cProfile.Profile()
        profile.enable()
        check_text(text)
        profile.disable()
        return sum(stat[1] for stat in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]

    small, large = calls(300), calls(3000)
    assert large / small < 11, (small, large)


def test_work_grows_linearly_with_headings_each_over_a_box() -> None:
    """Lines of roadmaplint run, counted at two sizes of a plan of one box under each of
    many headings: each list asked for the level-1 heading above it and walked every
    heading after it to find the next (SAFE-25's overview check; 16,000 headings cost
    twice four times 4,000). Lines, not calls: a generator's steps are no calls."""
    from types import FrameType

    from generate_shapes import boxes_under_headings

    from roadmaplint.rules.engine import check_text

    def lines(count: int) -> int:
        text = boxes_under_headings(count)
        run = 0

        def counting(frame: FrameType, event: str, arg: object) -> object:
            nonlocal run
            run += event == "line"
            return counting

        def ours(frame: FrameType, event: str, arg: object) -> object:
            return counting if "roadmaplint" in frame.f_code.co_filename else None

        sys.settrace(ours)
        try:
            check_text(text)
        finally:
            sys.settrace(None)
        return run

    small, large = lines(300), lines(3000)
    assert large / small < 12, (small, large)  # 9.8 linear; 25.9 with the walk
