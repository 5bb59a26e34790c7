"""What refusing hostile input up front saves: roadmaplint check against a bare parse.

    python bench/hostile.py             # markdown table on stdout
    python bench/hostile.py --repeat 3

Each input is one that used to take minutes or gigabytes. ``check`` now
refuses it before markdown-it-py reads it; the bare parse column is what
reading it would cost (``MarkdownIt("commonmark").parse()`` in its own
process, run once: it is the slow side). Both are measured in the same run,
on the same file, so the ratio does not depend on this machine's speed; it is
a ratio of CPU times (user + system), with wall times beside them.

``check`` must refuse: exit status 2 and a one-line error naming the file (a
check that reads the input, crashes or prints a traceback fails the bench).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import BARE_PARSE  # noqa: E402  (bench/ is not a package)
from timing import (  # noqa: E402
    PYTHON,
    ROADMAPLINT,
    BenchFailure,
    Job,
    Samples,
    interleave,
    loads_line,
    machine,
)

INPUTS = {
    # 18 nested block quotes whose paragraph runs on lazily for a million lines (2 MB).
    "lazy quote 18 deep, 1,000,000 lines": "> " * 18 + "x\n" * 1_000_000,
}


def refused(path: Path) -> Job:
    def verify(_: str, stderr: str) -> str | None:
        said = f"{path}" in stderr and "error" in stderr
        return None if said else "printed no one-line error naming the file"

    return Job([*ROADMAPLINT, "check", str(path)], ok=(2,), verify=verify)


def cell(sample: Samples | BenchFailure) -> str:
    if isinstance(sample, BenchFailure):
        return f"FAILED: {sample.short}"
    once = " (1 run)" if len(sample.runs) == 1 else ""
    return f"{sample.cpu:.3f} s CPU, {sample.wall:.3f} s wall / {sample.peak_kb // 1024} MB{once}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of check per input")
    options = parser.parse_args(argv)
    print(f"Machine: {machine()}; {loads_line()}.\n")
    print("| input | size | check (refuses) | bare parse (1 run) | ratio (CPU) |")
    print("| --- | --- | --- | --- | --- |")
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        for name, text in INPUTS.items():
            path = Path(folder) / "ROADMAP.md"
            path.write_text(text, encoding="utf-8")
            check = interleave({"check": refused(path)}, options.repeat)["check"]
            # The bare parse takes minutes: once, and without a time limit.
            bare = interleave({"bare": Job([PYTHON, "-c", BARE_PARSE, str(path)])}, 1)["bare"]
            size = f"{len(text.encode()) // 1024} KB"
            if isinstance(check, Samples) and isinstance(bare, Samples):
                ratio = f"{bare.cpu / check.cpu:.0f}×"
            else:
                ratio, failed = "FAILED", True
            print(f"| {name} | {size} | {cell(check)} | {cell(bare)} | {ratio} |")
    print(f"\nAfter the run: {loads_line()}.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
