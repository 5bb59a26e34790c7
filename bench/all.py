"""Issue 23's table in one run: each figure a ratio of CPU times measured side by side.

    python bench/all.py                   # seed, 10,000 and 50,000 items (5 to 20 minutes)
    python bench/all.py --quick           # 1,000 items instead, a smoke run
    python bench/all.py --json out.json   # the figures as JSON as well
    python bench/all.py --only shapes     # one group: seed scale shapes server history

Every command is a whole process (the installed `roadmaplint` console script, as
pre-commit runs it; `python -m roadmaplint` where none is installed, and the output
says which), timed with its CPU
time (user + system, from ``wait4``) beside its wall time and the load average.
The commands behind one figure run interleaved (A, B, A, B, ...), so load on a
shared machine hits both sides alike; CPU time is what such load disturbs least.
A command that exits with an unexpected status, prints a traceback or does not do
its work (no page written, nothing fixed) is FAILED, with its last error line, never
a time; the script then exits 1. A goal not met is reported, not an error.

markdownlint-cli2 is installed with npm into bench/.cache/ on first use; without
npm (or with --no-markdownlint) its figure is skipped with a note. The language
server's figures need the `lsp` extra (pygls), and are skipped without it.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)
from generate_shapes import boxes_under_headings, task_folder  # noqa: E402
from generate_shapes import checkboxes as checkbox_plan  # noqa: E402
from generate_shapes import phases as phase_plan  # noqa: E402
from generate_shapes import table as table_plan  # noqa: E402
from history import REVISIONS, build_repository, revisions  # noqa: E402
from run import BARE_PARSE, GOMLX, markdownlint  # noqa: E402
from timing import (  # noqa: E402
    PYTHON,
    ROADMAPLINT,
    RUNS_AS,
    BenchFailure,
    Job,
    Samples,
    import_floor,
    imported_modules,
    interleave,
    loads_line,
    machine,
    top_level,
    write_json,
)


@dataclass(frozen=True)
class Figure:
    """One row of the table: a ratio (or a CPU time), its goal, and how it was measured."""

    name: str
    measured: str
    goal: str
    met: bool | None  # None: not measured (skipped or failed)
    value: float | None = None
    failed: str | None = None


def ratio(
    name: str,
    top: Samples | BenchFailure,
    bottom: Samples | BenchFailure,
    limit: float | None,
    goal: str = "",
    note: str = "",
) -> Figure:
    """``top`` / ``bottom`` in CPU time, with the wall-time ratio and the load beside it
    (and ``note``, when given, last)."""
    goal = goal or (f"≤ {limit:g}×" if limit is not None else "")
    for side in (top, bottom):
        if isinstance(side, BenchFailure):
            return Figure(name, f"FAILED: {side.short}", goal, None, failed=side.short)
    assert isinstance(top, Samples) and isinstance(bottom, Samples)
    value = top.cpu / bottom.cpu
    load = max(top.load, bottom.load)
    measured = (
        f"{value:.2f}× ({top.cpu:.3f} s / {bottom.cpu:.3f} s CPU; "
        f"wall {top.wall / bottom.wall:.2f}×; {len(top.runs)}+{len(bottom.runs)} runs; "
        f"load {load:.1f}{'; ' + note if note else ''})"
    )
    return Figure(name, measured, goal, None if limit is None else value <= limit, value)


# `check` with markdown-it-py reading every document, the parser before issue 23
REFERENCE_PARSER = {"ROADMAPLINT_PARSER": "markdown-it-py"}


def check_job(path: Path, env: dict[str, str] | None = None) -> Job:
    def verify(stdout: str, _: str) -> str | None:
        said = "All checks passed" in stdout or "Found " in stdout
        return None if said else "printed neither findings nor 'All checks passed'"

    return Job([*ROADMAPLINT, "check", str(path)], ok=(0, 1), verify=verify, env=env)


def said_version(stdout: str, _: str) -> str | None:
    return None if stdout.startswith("roadmaplint ") else "printed no version"


def compiled_bytecode() -> None:
    """Write roadmaplint's bytecode before timing, as installing a package does: where
    Python may not write it (PYTHONDONTWRITEBYTECODE, a read-only checkout), every run
    would compile each module from source, and the seed figures would time the compiler."""
    spec = importlib.util.find_spec("roadmaplint")
    folders = spec.submodule_search_locations if spec is not None else None
    for folder in folders or []:
        compileall.compile_dir(folder, quiet=1)


def parsers() -> str:
    """Which block parser `check` uses here, with the versions installed."""
    try:
        native = f"markdown-it-pyrs {version('markdown-it-pyrs')}"
    except PackageNotFoundError:
        return f"markdown-it-py {version('markdown-it-py')} (markdown-it-pyrs is not installed)"
    return (
        f"{native} where it serves the document, markdown-it-py "
        f"{version('markdown-it-py')} otherwise and for the reference figures"
    )


def fix_job(stale: Path, work: Path) -> Job:
    def verify(_: str, __: str) -> str | None:
        same = work.read_bytes() == stale.read_bytes()
        return "left the stale file as it was" if same else None

    def prepare() -> None:
        shutil.copyfile(stale, work)

    return Job([*ROADMAPLINT, "fix", str(work)], verify=verify, prepare=prepare)


def board_job(path: Path) -> Job:
    page = path.with_suffix(".html")

    def verify(_: str, __: str) -> str | None:
        written = page.exists() and page.stat().st_size > 0
        return None if written else f"wrote no {page.name}"

    return Job(
        [*ROADMAPLINT, "board", str(path), "-o", str(page)],
        verify=verify,
        prepare=lambda: page.unlink(missing_ok=True),
    )


def stale_copy(path: Path) -> Path:
    """The roadmap with its last overview line missing, so that fix has work to do."""
    text = path.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n", 1)[1] + "\n"
    stale = path.with_name(path.stem + "-stale.md")
    stale.write_text(text[: len(text) - len(last)], encoding="utf-8")
    return stale


def roadmap(folder: Path, items: int) -> Path:
    path = folder / f"roadmap-{items}.md"
    if not path.exists():
        path.write_text(generate(items, seed=1), encoding="utf-8")
    return path


def seed_copies(folder: Path) -> tuple[Path, Path]:
    """The seed as its own repository has it, and the same file under a configuration.

    GoMLX's repository has no Python configuration, so the goal's copy sits alone in a
    fresh folder with nothing configured above it; checked where it lies in this
    repository, every run would also parse this repository's ``pyproject.toml``, which
    names roadmaplint. The second copy sits beside that ``pyproject.toml``, for its own
    row that is not a goal.
    """
    alone = folder / "seed-alone" / "ROADMAP.md"
    configured = folder / "seed-configured" / "ROADMAP.md"
    for copy in (alone, configured):
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(GOMLX, copy)
    shutil.copyfile(HERE.parent / "pyproject.toml", configured.parent / "pyproject.toml")
    return alone, configured


def seed_figures(folder: Path, repeat: int, lint: list[str] | None, lint_note: str) -> list[Figure]:
    """The hook: seed `check` against `python -c pass`, its import floor, markdownlint-cli2."""
    alone, configured = seed_copies(folder)
    modules = imported_modules(["check", str(alone)])
    jobs = {
        "pass": Job([PYTHON, "-c", "pass"]),
        "floor": Job(import_floor(modules)),
        "check": check_job(alone),
        "configured check": check_job(configured),
        "version": Job([*ROADMAPLINT, "--version"], verify=said_version),
        "reference check": check_job(alone, REFERENCE_PARSER),
    }
    if lint is not None:

        def linted(stdout: str, stderr: str) -> str | None:
            said = "Summary" in stdout + stderr
            return None if said else "printed no summary"

        jobs["markdownlint"] = Job([*lint, str(alone)], ok=(0, 1), verify=linted)
    results = interleave(jobs, repeat)
    figures = [
        ratio(
            "seed `check` / `python -c pass`",
            results["check"],
            results["pass"],
            4,
            note=f"{RUNS_AS}, in a folder with no configuration",
        ),
        ratio(
            "seed `check` beside a `pyproject.toml` that configures roadmaplint / `python -c pass`",
            results["configured check"],
            results["pass"],
            None,
            "(not a goal)",
            note=RUNS_AS,
        ),
        ratio("`--version` / `python -c pass`", results["version"], results["pass"], 4),
        ratio(
            f"seed `check` / its import floor (`import {', '.join(top_level(modules))}`, "
            f"the {len(modules)} third-party modules `check` imports)",
            results["check"],
            results["floor"],
            None,
            "(not a goal)",
        ),
        ratio(
            "seed `check` with markdown-it-py alone / `python -c pass`",
            results["reference check"],
            results["pass"],
            None,
            "(not a goal)",
        ),
    ]
    if lint is not None:
        lint_figure = ratio(
            "seed `check` / markdownlint-cli2", results["check"], results["markdownlint"], 0.08
        )
        figures.append(lint_figure)
    else:
        figures.append(Figure("seed `check` / markdownlint-cli2", lint_note, "≤ 0.08×", None))
    return figures


def scale_figures(folder: Path, big: int, huge: int, repeat: int) -> list[Figure]:
    """10k `check` against the bare parse, `fix` (stale) against `check`, `board` at scale."""
    path = roadmap(folder, big)
    work = folder / "work.md"
    bare_parse = Job([PYTHON, "-c", BARE_PARSE, str(path)])
    jobs = {
        "bare parse": bare_parse,
        "check": check_job(path),
        "reference check": check_job(path, REFERENCE_PARSER),
        "fix": fix_job(stale_copy(path), work),
        "board": board_job(path),
    }
    results = interleave(jobs, repeat)
    size = f"{big:,}"
    figures = [
        ratio(
            f'{size} `check` / markdown-it-py `MarkdownIt("commonmark").parse` of the same file',
            results["check"],
            results["bare parse"],
            0.3,
        ),
        ratio(
            f"{size} `check` / the same with markdown-it-py alone",
            results["check"],
            results["reference check"],
            None,
            "(not a goal)",
        ),
        ratio(
            f"{size} `fix` (stale overview) / {size} `check`", results["fix"], results["check"], 1.2
        ),
        ratio(f"`board` at {size} items / `check`", results["board"], results["check"], 2),
    ]
    if huge != big:
        checked = results["check"]
        path = roadmap(folder, huge)
        results = interleave({"check": check_job(path), "board": board_job(path)}, repeat)
        figures.append(
            ratio(f"`board` at {huge:,} items / `check`", results["board"], results["check"], 2)
        )
        figures.append(growth(big, huge, checked, results["check"]))
    return figures


def growth(
    big: int, huge: int, less: Samples | BenchFailure, more: Samples | BenchFailure
) -> Figure:
    """`check` at ``huge`` items against ``huge / big`` times `check` at ``big``: 1.0 is
    linear. A rule that counted a list once per item made it quadratic (1.45× at 50,000)."""
    times = huge / big
    name = f"`check` at {huge:,} items / {times:g} × `check` at {big:,}"
    for side in (less, more):
        if isinstance(side, BenchFailure):
            return Figure(name, f"FAILED: {side.short}", "≤ 1.2×", None, failed=side.short)
    assert isinstance(less, Samples) and isinstance(more, Samples)
    value = more.cpu / (times * less.cpu)
    measured = (
        f"{value:.2f}× ({more.cpu:.3f} s and {less.cpu:.3f} s CPU; "
        f"{len(more.runs)}+{len(less.runs)} runs; load {max(more.load, less.load):.1f})"
    )
    return Figure(name, measured, "≤ 1.2×", value <= 1.2, value)


def clean_check_job(path: Path) -> Job:
    """`check` of a generated plan that is clean: any finding (RL109 "no items" first)
    means it was not read as generated, and the run fails instead of timing."""

    def clean(stdout: str, _: str) -> str | None:
        return None if "All checks passed" in stdout else "not read as generated"

    # RL109 asked for by name: a generated plan is meant to hold items, prose or not.
    return Job([*ROADMAPLINT, "check", "--extend-select", "RL109", str(path)], verify=clean)


def shape_figures(folder: Path, big: int, repeat: int) -> list[Figure]:
    """Issue 20: `check` on the same items as table rows, as checkboxes and as planning
    phases, and on a task folder of a fifth as many files, against the heading roadmap
    of ``big`` items (bench/generate_shapes.py), interleaved."""
    headings = roadmap(folder, big)
    made: dict[str, Path] = {}
    for name, write in (
        ("table", table_plan),
        ("checkboxes", checkbox_plan),
        ("phases", phase_plan),
    ):
        made[name] = folder / f"{name}-{big}.md"
        made[name].write_text(write(big, 1), encoding="utf-8")
    files = max(big // 5, 1)  # a file each: 2,000 files for 10,000 items
    made["tasks"] = task_folder(folder / f"tasks-{files}", files)

    jobs = {"headings": check_job(headings)} | {
        name: clean_check_job(path) for name, path in made.items()
    }
    results = interleave(jobs, repeat)
    size = f"{big:,}"
    return [
        ratio(
            f"{size}-row table `check` / {size}-item heading `check`",
            results["table"],
            results["headings"],
            1.3,
        ),
        ratio(
            f"{size}-checkbox `check` / {size}-item heading `check`",
            results["checkboxes"],
            results["headings"],
            1.3,
        ),
        ratio(
            f"{size}-phase plan `check` / {size}-item heading `check`",
            results["phases"],
            results["headings"],
            1.3,
        ),
        per_item(
            f"{files:,}-file task folder `check` / {size}-item heading `check`, per item",
            (results["tasks"], files),
            (results["headings"], big),
            1.3,
        ),
    ]


def per_item(
    name: str,
    top: tuple[Samples | BenchFailure, int],
    bottom: tuple[Samples | BenchFailure, int],
    limit: float,
) -> Figure:
    """The CPU per item of one `check` against another's, each with its item count."""
    goal = f"≤ {limit:g}×"
    for side, _ in (top, bottom):
        if isinstance(side, BenchFailure):
            return Figure(name, f"FAILED: {side.short}", goal, None, failed=side.short)
    (more, more_items), (less, less_items) = top, bottom
    assert isinstance(more, Samples) and isinstance(less, Samples)
    value = (more.cpu / more_items) / (less.cpu / less_items)
    measured = (
        f"{value:.2f}× ({more.cpu / more_items * 1000:.2f} ms / "
        f"{less.cpu / less_items * 1000:.2f} ms CPU an item: {more.cpu:.3f} s for "
        f"{more_items:,}, {less.cpu:.3f} s for {less_items:,}; "
        f"wall {(more.wall / more_items) / (less.wall / less_items):.2f}×; "
        f"{len(more.runs)}+{len(less.runs)} runs; load {max(more.load, less.load):.1f})"
    )
    return Figure(name, measured, goal, value <= limit, value)


def growth_figure(folder: Path, small: int, repeat: int) -> Figure:
    """`check` of one box under each of 4 × ``small`` headings (16,000) against ``small``,
    the CPU of a one-heading plan (start-up) taken from both and the quotient divided by
    4: 1.0 is linear. A box under each heading made reading quadratic (SAFE-22)."""
    sizes = (1, small, 4 * small)
    jobs = {}
    for count in sizes:
        path = folder / f"boxes-under-headings-{count}.md"
        path.write_text(boxes_under_headings(count), encoding="utf-8")
        jobs[count] = clean_check_job(path)
    results = interleave(jobs, repeat)
    name = f"{4 * small:,} headings with a box each / 4 × {small:,}, start-up taken off"
    failed = next((one for one in results.values() if isinstance(one, BenchFailure)), None)
    if failed is not None:
        return Figure(name, f"FAILED: {failed.short}", "≤ 1.2×", None, failed=failed.short)
    start, less, more = (results[count] for count in sizes)
    assert isinstance(start, Samples) and isinstance(less, Samples)
    assert isinstance(more, Samples)
    value = (more.cpu - start.cpu) / max(4 * (less.cpu - start.cpu), 1e-9)
    load = max(one.load for one in (start, less, more))
    measured = (
        f"{value:.2f}× ({more.cpu:.3f} s and {less.cpu:.3f} s CPU, start-up "
        f"{start.cpu:.3f} s; {len(more.runs)} runs each; load {load:.1f})"
    )
    return Figure(name, measured, "≤ 1.2×", value <= 1.2, value)


def server_figures(items: int, edits: int, repeat: int) -> list[Figure]:
    """The editor at scale: a keystroke, and opening the file, against full checks."""
    keystroke = f"keystroke → diagnostics at {items:,} items / full in-process check"
    lines = f"a keystroke that adds or removes a line, at {items:,} items / the same"
    opening = f"open → first diagnostics at {items:,} items / CLI `check` of the file"
    goals = ("≤ 1/200, and ≤ 50 ms CPU", "≤ 1.2×")
    try:
        import lsp  # needs pygls, the `lsp` extra
    except ImportError as error:
        note = f"skipped: {error} (install the `lsp` extra)"
        return [
            Figure(keystroke, note, goals[0], None),
            Figure(lines, note, goals[0], None),
            Figure(opening, note, goals[1], None),
        ]
    try:
        server = lsp.measure_server(items, edits, repeat)
    except BenchFailure as failure:
        text = f"FAILED: {failure.short}"
        return [
            Figure(keystroke, text, goals[0], None, failed=failure.short),
            Figure(lines, text, goals[0], None, failed=failure.short),
            Figure(opening, text, goals[1], None, failed=failure.short),
        ]
    full_cpu = server.median(server.full, True)
    full_wall = server.median(server.full, False)
    cli_cpu, cli_wall = server.median(server.cli, True), server.median(server.cli, False)
    runs = f"{len(server.sessions)} sessions"
    edit_cpu, open_cpu = server.edit_cpu, server.open_cpu
    load = max(run.load for run in server.cli)
    if edit_cpu is None or open_cpu is None:  # no /proc: wall times only
        edit_wall, open_wall = server.edit_wall, server.open_wall
        return [
            Figure(keystroke, f"wall 1/{full_wall / edit_wall:.0f} (no CPU time)", goals[0], None),
            Figure(
                lines, f"wall 1/{full_wall / server.line_wall:.0f} (no CPU time)", goals[0], None
            ),
            Figure(opening, f"wall {open_wall / cli_wall:.2f}× (no CPU time)", goals[1], None),
        ]
    below = ""
    if edit_cpu == 0:  # under one clock tick over all edits: say so, with that bound
        below = "< "
        edit_cpu = 1 / os.sysconf("SC_CLK_TCK") / len(server.sessions[0].edit_walls)
    fraction = edit_cpu / full_cpu
    line_cpu = server.line_cpu or 1 / os.sysconf("SC_CLK_TCK") / len(server.sessions[0].line_walls)
    line_fraction = line_cpu / full_cpu
    return [
        Figure(
            keystroke,
            f"{below}1/{1 / fraction:.0f} ({below}{edit_cpu * 1000:.1f} ms / "
            f"{full_cpu * 1000:.0f} ms CPU; "
            f"wall {server.edit_wall * 1000:.1f} ms, 1/{full_wall / server.edit_wall:.0f}; "
            f"{runs}; load {load:.1f})",
            goals[0],
            fraction <= 1 / 200 and edit_cpu <= 0.050,
            fraction,
        ),
        Figure(
            lines,
            f"1/{1 / line_fraction:.0f} ({line_cpu * 1000:.1f} ms / {full_cpu * 1000:.0f} ms CPU; "
            f"wall {server.line_wall * 1000:.1f} ms, 1/{full_wall / server.line_wall:.0f}; "
            f"{runs}; load {load:.1f})",
            goals[0],
            line_fraction <= 1 / 200 and line_cpu <= 0.050,
            line_fraction,
        ),
        Figure(
            opening,
            f"{open_cpu / cli_cpu:.2f}× ({open_cpu:.3f} s / {cli_cpu:.3f} s CPU; "
            f"wall {server.open_wall:.2f} s / {cli_wall:.2f} s = "
            f"{server.open_wall / cli_wall:.2f}×; {runs}; load {load:.1f})",
            goals[1],
            open_cpu / cli_cpu <= 1.2,
            open_cpu / cli_cpu,
        ),
    ]


def history_figure(folder: Path, repeat: int) -> Figure:
    """`history` over a 200-revision git repository, CPU per revision, beside `python -c pass`."""
    repository = folder / "history"
    build_repository(repository, revisions(REVISIONS))

    def verify(stdout: str, _: str) -> str | None:
        try:
            json.loads(stdout)
        except ValueError:
            return "printed no JSON"
        return None

    jobs = {
        "history": Job(
            [*ROADMAPLINT, "history", "--format", "json"], verify=verify, cwd=repository
        ),
        "pass": Job([PYTHON, "-c", "pass"]),
    }
    results = interleave(jobs, repeat)
    name, goal = f"history per revision (CPU, {REVISIONS} revisions)", "≤ 5 ms"
    history, floor = results["history"], results["pass"]
    if isinstance(history, BenchFailure):
        return Figure(name, f"FAILED: {history.short}", goal, None, failed=history.short)
    per = history.cpu / REVISIONS
    extra = ""
    if isinstance(floor, Samples):
        extra = f"; {per / floor.cpu:.2f}× `python -c pass`"
    wall = history.wall / REVISIONS * 1000
    measured = (
        f"{per * 1000:.1f} ms ({history.cpu:.3f} s CPU{extra}; wall {wall:.1f} ms; "
        f"{len(history.runs)} runs; load {history.load:.1f})"
    )
    return Figure(name, measured, goal, per <= 0.005, per)


STEPS = ("seed", "scale", "shapes", "server", "history")


def table(figures: list[Figure]) -> str:
    lines = ["| figure | measured | goal | met |", "| --- | --- | --- | --- |"]
    for figure in figures:
        met = {True: "yes", False: "no", None: ""}[figure.met]
        lines.append(f"| {figure.name} | {figure.measured} | {figure.goal} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="1,000 items instead of 10k/50k")
    parser.add_argument("--items", type=int, help="one size for every scale figure")
    parser.add_argument("--repeat", type=int, help="interleaved runs per command")
    parser.add_argument("--edits", type=int, default=21, help="keystrokes per server session")
    parser.add_argument("--no-markdownlint", action="store_true", help="skip markdownlint-cli2")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=STEPS,
        default=list(STEPS),
        help="measure these groups of figures only",
    )
    options = parser.parse_args(argv)
    big, huge = (1000, 1000) if options.quick else (10_000, 50_000)
    if options.items:
        big = huge = options.items
    repeat = options.repeat or (2 if options.quick else 3)
    compiled_bytecode()
    started = f"{datetime.datetime.now():%Y-%m-%d %H:%M}"
    print(f"Machine: {machine()}. Started {started}, {loads_line()}.", flush=True)
    print(f"Parser: {parsers()}.", flush=True)
    print(f"roadmaplint runs as: {RUNS_AS}.", flush=True)
    if options.no_markdownlint or "seed" not in (options.only or STEPS):
        lint, note = None, "skipped (--no-markdownlint)"
    else:
        lint = markdownlint()
        note = "skipped: npm is not installed" if lint is None else ""
    every: dict[str, Callable[[Path], list[Figure]]] = {
        "seed": lambda folder: seed_figures(folder, repeat, lint, note),
        "scale": lambda folder: scale_figures(folder, big, huge, repeat),
        "shapes": lambda folder: [
            *shape_figures(folder, big, repeat),
            # at least 1,000: below, the start-up is most of the time and noise the rest
            growth_figure(folder, min(max(big, 1_000), 4_000), repeat),
        ],
        "server": lambda _: server_figures(big, options.edits, max(1, repeat - 1)),
        "history": lambda folder: [history_figure(folder, repeat)],
    }
    steps = [every[name] for name in STEPS if name in options.only]
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as scratch:
        for step in steps:
            figures += step(Path(scratch))
            print(f"measured {len(figures)} figures; {loads_line()}", file=sys.stderr, flush=True)
    print(f"\n{table(figures)}")
    print(
        f"Ratios of medians of CPU time (user + system), {repeat} interleaved runs per command "
        f"(a command slower than 30 s runs once). Finished {datetime.datetime.now():%H:%M}, "
        f"{loads_line()}."
    )
    failed = [figure for figure in figures if figure.failed]
    if options.json:
        write_json(
            options.json,
            {
                "machine": machine(),
                "parser": parsers(),
                "runs_as": RUNS_AS,
                "started": started,
                "load": loads_line(),
                "figures": [asdict(figure) for figure in figures],
            },
        )
    if failed:
        print(f"{len(failed)} figure(s) FAILED.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
