"""Benchmark roadmaplint against its peers, whole processes, side by side.

    python bench/run.py                # all sizes, markdown table on stdout
    python bench/run.py --repeat 7 --sizes 10 1000 10000

Every command runs as its own process; the commands of one size are
interleaved (A, B, C, A, B, C, ...) so that load on a shared machine hits them
alike, and each cell is the median wall and CPU time (user + system) and the
largest peak memory (max RSS) over the runs. A command that exits with an
unexpected status or prints a traceback is FAILED in its cell (with its last
error line), and a target that needs it is not met. The targets are ratios of
CPU times measured in the same run, so they do not depend on how fast or how
loaded this machine happens to be. The import floor imports exactly the
third-party modules `check` imports on the GoMLX example (listed at run time).

markdownlint-cli2 is installed with npm into bench/.cache/ on first use; when
npm is absent its column is skipped, and the output says so.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
GOMLX = HERE.parent / "examples" / "gomlx" / "ROADMAP.md"
MARKDOWNLINT_VERSION = "0.24.1"
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)
from timing import (  # noqa: E402
    PYTHON,
    ROADMAPLINT,
    SLOW,
    BenchFailure,
    Job,
    Samples,
    import_floor,
    imported_modules,
    interleave,
    loads_line,
    machine,
)

BARE_PARSE = (
    "import sys\n"
    "from markdown_it import MarkdownIt\n"
    "MarkdownIt('commonmark').parse(open(sys.argv[1], encoding='utf-8').read())\n"
)


def markdownlint() -> list[str] | None:
    """The markdownlint-cli2 command, installing it into bench/.cache once."""
    script = CACHE / "node_modules" / "markdownlint-cli2" / "markdownlint-cli2-bin.mjs"
    if not script.exists():
        script = CACHE / "node_modules" / ".bin" / "markdownlint-cli2"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            return None
        CACHE.mkdir(exist_ok=True)
        subprocess.run(
            [
                npm,
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(CACHE),
                f"markdownlint-cli2@{MARKDOWNLINT_VERSION}",
            ],
            check=True,
        )
        script = CACHE / "node_modules" / ".bin" / "markdownlint-cli2"
    node = shutil.which("node")
    return [node, str(script.resolve())] if node else None


def roadmaps(sizes: list[int]) -> dict[str, Path]:
    CACHE.mkdir(exist_ok=True)
    files = {"gomlx": GOMLX}
    for size in sizes:
        path = CACHE / f"roadmap-{size}.md"
        text = generate(size, seed=1)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        # A stale copy: the overview misses the last item, so fix has real work.
        stale = CACHE / f"roadmap-{size}-stale.md"
        last = text.rstrip("\n").rsplit("\n", 1)[1] + "\n"
        stale.write_text(text[: len(text) - len(last)], encoding="utf-8")
        files[str(size)] = path
    return files


def commands(path: Path, lint: list[str] | None, floor: list[str]) -> dict[str, Job]:
    stale = path.with_name(path.stem + "-stale.md")
    work = path.with_name(path.stem + "-work.md")
    page = CACHE / f"{path.stem}.html"
    both = (0, 1)  # findings are no failure; exit 2 or a traceback is
    table = {
        "import floor": Job(floor),
        "bare parse": Job([PYTHON, "-c", BARE_PARSE, str(path)]),
        "check": Job([*ROADMAPLINT, "check", str(path)], both),
        "fix --check": Job([*ROADMAPLINT, "fix", "--check", str(path)], both),
        "board": Job(
            [*ROADMAPLINT, "board", str(path), "-o", str(page)],
            verify=lambda _, __: None if page.exists() else f"wrote no {page.name}",
            prepare=lambda: page.unlink(missing_ok=True),
        ),
    }
    if stale.exists():
        table["fix (stale)"] = Job(
            [*ROADMAPLINT, "fix", str(work)],
            verify=lambda _, __: (
                "fixed nothing" if work.read_bytes() == stale.read_bytes() else None
            ),
            prepare=lambda: shutil.copyfile(stale, work),
        )
    if lint is not None:
        table["markdownlint-cli2"] = Job([*lint, str(path)], both)
    return table


Results = dict[str, dict[str, Samples | BenchFailure]]


def measure(files: dict[str, Path], repeat: int, lint: list[str] | None) -> Results:
    floor = import_floor(imported_modules(["check", str(GOMLX)]))
    results: Results = {}
    for name, path in files.items():
        results[name] = interleave(commands(path, lint, floor), repeat)
        print(f"measured {name}; {loads_line()}", file=sys.stderr)
    return results


def cell(sample: Samples | BenchFailure) -> str:
    if isinstance(sample, BenchFailure):
        return f"FAILED: {sample.short}"
    once = " (1 run)" if len(sample.runs) == 1 else ""
    return f"{sample.wall:.3f} s wall, {sample.cpu:.3f} s CPU / {sample.peak_kb // 1024} MB{once}"


def report(results: Results, files: dict[str, Path], repeat: int, lint: bool) -> tuple[str, bool]:
    labels = list(dict.fromkeys(label for samples in results.values() for label in samples))
    lines = [
        f"Machine: {machine()}; {loads_line()}. Median wall and CPU time (user + system) of "
        f"{repeat} interleaved runs per cell (a command slower than {SLOW:g} s is run once); "
        "peak memory is the largest max RSS.",
        "",
    ]
    if not lint:
        lines += ["markdownlint-cli2: skipped (npm is not installed, or --no-markdownlint).", ""]
    header = "| roadmap | size | " + " | ".join(labels) + " |"
    lines += [header, "|" + " --- |" * (len(labels) + 2)]
    for name, samples in results.items():
        size = files[name].stat().st_size
        cells = [cell(samples[label]) if label in samples else "" for label in labels]
        lines.append(f"| {name} | {size / 1024:.0f} KB | " + " | ".join(cells) + " |")
    lines += ["", "| target (CPU time) | measured | limit | met |", "| --- | --- | --- | --- |"]
    all_met = True

    def target(name: str, roadmap: str, top: str, bottom: str, limit: float) -> None:
        """``top`` / ``bottom`` of one roadmap in CPU time; a failed side fails the target."""
        nonlocal all_met
        row = results.get(roadmap, {})
        sides = [row.get(top), row.get(bottom)]
        if any(side is None for side in sides):
            return
        failed = [side for side in sides if isinstance(side, BenchFailure)]
        if failed:
            all_met = False
            lines.append(f"| {name} | FAILED: {failed[0].error_line} | {limit}× | NO |")
            return
        over, under = (side for side in sides if isinstance(side, Samples))
        value = over.cpu / under.cpu
        all_met &= value <= limit
        lines.append(f"| {name} | {value:.2f}× | {limit}× | {'yes' if value <= limit else 'NO'} |")

    target("check on GoMLX / markdownlint-cli2", "gomlx", "check", "markdownlint-cli2", 0.65)
    target("check on GoMLX / import floor", "gomlx", "check", "import floor", 1.2)
    target("board on 1,000 / check", "1000", "board", "check", 2.0)
    target("check on 10,000 / bare parse", "10000", "check", "bare parse", 0.6)
    target("check on 10,000 / markdownlint-cli2", "10000", "check", "markdownlint-cli2", 0.3)
    target("fix on 10,000 (stale) / check", "10000", "fix (stale)", "check", 1.3)
    big, small = results.get("10000", {}).get("check"), results.get("1000", {}).get("check")
    if isinstance(big, Samples) and isinstance(small, Samples):
        growth = big.cpu / small.cpu
        all_met &= growth <= 11
        met = "yes" if growth <= 11 else "NO"
        lines.append(f"| check time(10,000) / time(1,000) | {growth:.2f}× | 11× | {met} |")
        peak = big.peak_kb / 1024
        all_met &= peak <= 400
        met = "yes" if peak <= 400 else "NO"
        lines.append(f"| check on 10,000: peak memory | {peak:.0f} MB | 400 MB | {met} |")
    return "\n".join(lines) + "\n", all_met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-markdownlint", action="store_true", help="Skip markdownlint-cli2.")
    args = parser.parse_args(argv)
    lint = None if args.no_markdownlint else markdownlint()
    files = roadmaps(args.sizes)
    results = measure(files, args.repeat, lint)
    text, met = report(results, files, args.repeat, lint is not None)
    print(text)
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
