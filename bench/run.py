"""Benchmark roadmaplint against its peers, whole processes, side by side.

    python bench/run.py                # all sizes, markdown table on stdout
    python bench/run.py --repeat 7 --sizes 10 1000 10000

Every command runs as its own process; the commands of one size are
interleaved (A, B, C, A, B, C, ...) so that load on a shared machine hits them
alike, and each cell is the median wall time and the largest peak memory
(max RSS) over the runs. The targets are ratios of cells measured in the same
run, so they do not depend on how fast this machine happens to be.

markdownlint-cli2 is installed with npm into bench/.cache/ on first use; when
npm is absent its column is skipped, and the output says so.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
GOMLX = HERE.parent / "examples" / "gomlx" / "ROADMAP.md"
MARKDOWNLINT_VERSION = "0.24.1"
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)

PYTHON = sys.executable
ROADMAPLINT = [PYTHON, "-m", "roadmaplint"]
BARE_PARSE = (
    "import sys\n"
    "from markdown_it import MarkdownIt\n"
    "MarkdownIt('commonmark').parse(open(sys.argv[1], encoding='utf-8').read())\n"
)
IMPORT_FLOOR = "import markdown_it, networkx, typer"
SLOW = 30.0  # seconds: a command slower than this on its first run is not repeated


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds
    peak_kb: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def run_once(
    command: list[str], prepare: Callable[[], None] | None = None
) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak resident memory (KB) of one process."""
    if prepare is not None:
        prepare()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = 0
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


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


def commands(
    path: Path, lint: list[str] | None
) -> dict[str, tuple[list[str], Callable[[], None] | None]]:
    stale = path.with_name(path.stem + "-stale.md")
    work = path.with_name(path.stem + "-work.md")
    table: dict[str, tuple[list[str], Callable[[], None] | None]] = {
        "import floor": ([PYTHON, "-c", IMPORT_FLOOR], None),
        "bare parse": ([PYTHON, "-c", BARE_PARSE, str(path)], None),
        "check": ([*ROADMAPLINT, "check", str(path)], None),
        "fix --check": ([*ROADMAPLINT, "fix", "--check", str(path)], None),
        "board": ([*ROADMAPLINT, "board", str(path), "-o", str(CACHE / f"{path.stem}.html")], None),
    }
    if stale.exists():
        table["fix (stale)"] = (
            [*ROADMAPLINT, "fix", str(work)],
            lambda: shutil.copyfile(stale, work),
        )
    if lint is not None:
        table["markdownlint-cli2"] = ([*lint, str(path)], None)
    return table


def measure(
    files: dict[str, Path], repeat: int, lint: list[str] | None
) -> dict[str, dict[str, Sample]]:
    results: dict[str, dict[str, Sample]] = {}
    for name, path in files.items():
        table = commands(path, lint)
        samples = {label: Sample() for label in table}
        for _ in range(repeat):
            for label, (command, prepare) in table.items():
                if samples[label].seconds and samples[label].seconds[0] > SLOW:
                    continue  # measured once: minutes per run would make the bench unusable
                seconds, cpu, peak = run_once(command, prepare)
                samples[label].seconds.append(seconds)
                samples[label].cpu.append(cpu)
                samples[label].peak_kb = max(samples[label].peak_kb, peak)
        results[name] = samples
        print(f"measured {name}", file=sys.stderr)
    return results


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
        + (f" ({model})" if model else "")
        + f", Python {platform.python_version()}"
    )


def cell(sample: Sample) -> str:
    once = " (1 run)" if len(sample.seconds) == 1 else ""
    return f"{sample.median:.3f} s / {sample.peak_kb // 1024} MB{once}"


def report(
    results: dict[str, dict[str, Sample]], files: dict[str, Path], repeat: int, lint: bool
) -> tuple[str, bool]:
    labels = list(dict.fromkeys(label for samples in results.values() for label in samples))
    lines = [
        f"Machine: {machine()}. Median wall time of {repeat} interleaved runs per cell "
        f"(a command slower than {SLOW:g} s is run once); peak memory is the largest max RSS.",
        "",
    ]
    if not lint:
        lines += ["markdownlint-cli2: skipped (npm is not installed).", ""]
    header = "| roadmap | size | " + " | ".join(labels) + " |"
    lines += [header, "|" + " --- |" * (len(labels) + 2)]
    for name, samples in results.items():
        size = files[name].stat().st_size
        cells = [cell(samples[label]) if label in samples else "" for label in labels]
        lines.append(f"| {name} | {size / 1024:.0f} KB | " + " | ".join(cells) + " |")
    lines += ["", "| target | measured | limit | met |", "| --- | --- | --- | --- |"]
    all_met = True

    def target(name: str, value: float, limit: float, unit: str = "×") -> None:
        nonlocal all_met
        met = value <= limit
        all_met &= met
        lines.append(f"| {name} | {value:.2f}{unit} | {limit}{unit} | {'yes' if met else 'NO'} |")

    gomlx = results["gomlx"]
    if lint:
        target(
            "check on GoMLX / markdownlint-cli2",
            gomlx["check"].median / gomlx["markdownlint-cli2"].median,
            0.65,
        )
    target(
        "check on GoMLX / import floor", gomlx["check"].median / gomlx["import floor"].median, 1.2
    )
    if "1000" in results:
        thousand = results["1000"]
        target("board on 1,000 / check", thousand["board"].median / thousand["check"].median, 2.0)
    if "10000" in results:
        big = results["10000"]
        target("check on 10,000 / bare parse", big["check"].median / big["bare parse"].median, 0.6)
        if lint:
            target(
                "check on 10,000 / markdownlint-cli2",
                big["check"].median / big["markdownlint-cli2"].median,
                0.3,
            )
        target("check on 10,000: peak memory", big["check"].peak_kb / 1024, 400, " MB")
        target(
            "fix on 10,000 (stale) / check", big["fix (stale)"].median / big["check"].median, 1.3
        )
        # CPU time is what a loaded machine disturbs least (other processes take wall time).
        target(
            "the same in CPU time (user + system)",
            big["fix (stale)"].median_cpu / big["check"].median_cpu,
            1.3,
        )
        if "1000" in results:
            small = results["1000"]["check"].median
            target("check time(10,000) / time(1,000)", big["check"].median / small, 11)
            floor = gomlx["import floor"].median
            lines.append(
                "| the same, each less the import floor (not a target) | "
                f"{(big['check'].median - floor) / (small - floor):.2f}× | | |"
            )
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
