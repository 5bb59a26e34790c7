"""What refusing hostile input up front saves: roadmaplint check against a bare parse.

    python bench/hostile.py             # markdown table on stdout
    python bench/hostile.py --repeat 3

Each input is one that used to take minutes or gigabytes. ``check`` now
refuses it before markdown-it-py reads it; the bare parse column is what
reading it would cost (``MarkdownIt("commonmark").parse()`` in its own
process, run once: it is the slow side). Both are measured in the same run,
on the same file, so the ratio does not depend on this machine's speed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import BARE_PARSE, PYTHON, ROADMAPLINT, Sample, cell, machine, run_once  # noqa: E402

INPUTS = {
    # 18 nested block quotes whose paragraph runs on lazily for a million lines (2 MB).
    "lazy quote 18 deep, 1,000,000 lines": "> " * 18 + "x\n" * 1_000_000,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of check per input")
    options = parser.parse_args(argv)
    print(f"Machine: {machine()}.\n")
    print("| input | size | check (refuses) | bare parse (1 run) | ratio |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for name, text in INPUTS.items():
            path = Path(folder) / "ROADMAP.md"
            path.write_text(text, encoding="utf-8")
            check = Sample()
            for _ in range(options.repeat):
                seconds, peak = run_once([*ROADMAPLINT, "check", str(path)])
                check.seconds.append(seconds)
                check.peak_kb = max(check.peak_kb, peak)
            bare = Sample()
            seconds, peak = run_once([PYTHON, "-c", BARE_PARSE, str(path)])
            bare.seconds.append(seconds)
            bare.peak_kb = peak
            size = f"{len(text.encode()) // 1024} KB"
            ratio = f"{bare.median / check.median:.0f}×"
            print(f"| {name} | {size} | {cell(check)} | {cell(bare)} | {ratio} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
