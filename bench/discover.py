"""What finding roadmaps costs: `roadmaplint stats` with no path in a 20,000-file tree.

Three commands on the same tree, interleaved, median of N runs each:
- named: the two roadmaps named on the command line (no discovery at all)
- walk: no path, outside git (os.walk, skipping hidden folders and environments)
- git: no path, in a git work tree (git ls-files --cached --others --exclude-standard)

Run: python bench/discover.py [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "gomlx" / "ROADMAP.md"
FOLDERS, FILES_PER_FOLDER = 200, 100


def make_tree(root: Path) -> None:
    for folder in range(FOLDERS):
        sub = root / f"pkg{folder}" / "sub"
        sub.mkdir(parents=True)
        for number in range(FILES_PER_FOLDER):
            (sub / f"f{number}.py").write_text("x = 1\n", encoding="utf-8")
    shutil.copyfile(EXAMPLE, root / "pkg7" / "ROADMAP.md")
    shutil.copyfile(EXAMPLE, root / "pkg9" / "sub" / "ROADMAP.md")


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=True)
    return time.perf_counter() - start


def main(runs: int) -> None:
    roadmaplint = [sys.executable, "-m", "roadmaplint"]
    with tempfile.TemporaryDirectory() as folder:
        walk, git = Path(folder) / "walk", Path(folder) / "git"
        make_tree(walk)
        make_tree(git)
        subprocess.run(["git", "init", "-q"], cwd=git, check=True)
        subprocess.run(["git", "add", "."], cwd=git, check=True)
        named = [*roadmaplint, "stats", "pkg7/ROADMAP.md", "pkg9/sub/ROADMAP.md"]
        cases = {"named": (named, walk), "walk": ([*roadmaplint, "stats"], walk)}
        cases["git"] = ([*roadmaplint, "stats"], git)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (command, cwd) in cases.items():
                times[name].append(timed(command, cwd))
    files = FOLDERS * FILES_PER_FOLDER + 2
    print(f"{files} files, median of {runs} interleaved runs:")
    base = statistics.median(times["named"])
    for name, found in times.items():
        median = statistics.median(found)
        print(f"  {name:6} {median:.3f} s  ({median / base:.2f}x named)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 9)
