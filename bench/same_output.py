"""Prove that a change of code changed no behaviour: same output as a base revision.

    python bench/same_output.py BASE        # e.g. main, or a commit

Runs ``check``, ``fix --diff``, ``export``, ``board -o``, ``list --format json`` on
every GoMLX roadmap (examples/gomlx/ROADMAP.md, tests/fixtures/gomlx-*.md, the
shared fixtures ../shared/fixtures/real/*.md when they are there) and on a
1,000-item roadmap from bench/generate.py, and ``diff`` between two GoMLX versions
committed in a temporary git repository; each under the BASE revision (checked
out with ``git worktree add`` in a temporary folder) and under the working tree,
with the same interpreter and the same input files. Stdout, stderr, exit codes
and the board's HTML must be equal byte for byte once the two code folders'
paths are replaced by one placeholder. Exit 0 when every run agrees, 1 with a
unified diff of each difference, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from generate import generate  # noqa: E402 - bench/ is not a package

GENERATED_ITEMS = 1000
PER_FILE = (
    ("check", "{file}"),
    ("fix", "--diff", "{file}"),
    ("export", "{file}"),
    ("board", "{file}", "-o", "board.html"),
    ("list", "{file}", "--format", "json"),
)


@dataclass(frozen=True)
class Outcome:
    """What one command printed, wrote and returned."""

    stdout: str
    stderr: str
    code: int
    board: str


def _inputs() -> list[Path]:
    files = [REPO / "examples" / "gomlx" / "ROADMAP.md"]
    files += sorted((REPO / "tests" / "fixtures").glob("gomlx-*.md"))
    files += sorted((REPO.parent / "shared" / "fixtures" / "real").glob("*.md"))
    return files


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


@contextmanager
def _base_tree(revision: str) -> Iterator[Path]:
    """A detached worktree of REVISION in a temporary folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="same-output-base-"))
    tree = folder / "tree"
    _git(REPO, "worktree", "add", "--detach", "--quiet", str(tree), revision)
    try:
        yield tree
    finally:
        _git(REPO, "worktree", "remove", "--force", str(tree))
        shutil.rmtree(folder, ignore_errors=True)


def _prepare(work: Path) -> list[tuple[str, ...]]:
    """Copy the inputs into WORK (flat, unique names) and list every command to run."""
    names: list[str] = []
    for source in _inputs():
        name = f"{source.parent.name}-{source.name}"
        shutil.copyfile(source, work / name)
        names.append(name)
    (work / "generated-1000.md").write_text(generate(GENERATED_ITEMS), encoding="utf-8")
    names.append("generated-1000.md")
    commands = [
        tuple(arg.format(file=name) for arg in command) for name in names for command in PER_FILE
    ]
    history = work / "history"
    history.mkdir()
    _git(history, "init", "--quiet", "--initial-branch=main")
    for version in ("e0c8724", "e9f81d3"):
        fixture = REPO / "tests" / "fixtures" / f"gomlx-TODO-{version}.md"
        shutil.copyfile(fixture, history / "TODO.md")
        _git(history, "add", "TODO.md")
        _git(
            history,
            "-c", "user.name=bench", "-c", "user.email=bench@example.invalid",
            "commit", "--quiet", "-m", version,
        )  # fmt: skip
    commands += [
        ("diff", "HEAD~1", "HEAD", "history/TODO.md"),
        ("diff", "HEAD~1", "HEAD", "history/TODO.md", "--format", "json"),
        ("diff", "fixtures-gomlx-TODO-e0c8724.md", "fixtures-gomlx-TODO-e9f81d3.md"),
    ]
    return commands


def _run(code: Path, work: Path, command: tuple[str, ...]) -> Outcome:
    env = {**os.environ, "PYTHONPATH": str(code), "NO_COLOR": "1", "COLUMNS": "100"}
    cwd = work / "history" if command[0] == "diff" and "history/TODO.md" in command else work
    args = [a.removeprefix("history/") if cwd != work else a for a in command]
    board = work / "board.html"
    board.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "roadmaplint", *args],
        cwd=cwd, env=env, capture_output=True, check=False,
    )  # fmt: skip
    html = board.read_bytes() if board.exists() else b""

    def clean(data: bytes) -> str:
        text = data.decode("utf-8", "replace")
        return text.replace(str(code), "<CODE>").replace(str(work), "<WORK>")

    return Outcome(clean(result.stdout), clean(result.stderr), result.returncode, clean(html))


def _differences(command: tuple[str, ...], base: Outcome, head: Outcome) -> list[str]:
    shown = " ".join(command)
    out: list[str] = []
    if base.code != head.code:
        out.append(f"{shown}: exit code {base.code} (base) != {head.code} (working tree)\n")
    for part in ("stdout", "stderr", "board"):
        old, new = getattr(base, part), getattr(head, part)
        if old != new:
            out.extend(
                difflib.unified_diff(
                    old.splitlines(keepends=True),
                    new.splitlines(keepends=True),
                    f"base: {shown} ({part})",
                    f"working tree: {shown} ({part})",
                )
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("base", help="the git revision to compare the working tree with")
    args = parser.parse_args(argv)
    try:
        _git(REPO, "rev-parse", "--verify", "--quiet", f"{args.base}^{{commit}}")
    except subprocess.CalledProcessError:
        print(f"same_output.py: {args.base}: not a revision of {REPO.name}", file=sys.stderr)
        return 2
    differences: list[str] = []
    with tempfile.TemporaryDirectory(prefix="same-output-") as temp, _base_tree(args.base) as base:
        work = Path(temp)
        commands = _prepare(work)
        for command in commands:
            outcomes = _run(base, work, command), _run(REPO, work, command)
            if "No module named" in outcomes[0].stderr:
                print(f"same_output.py: {args.base} does not run: {outcomes[0].stderr}")
                return 2
            differences += _differences(command, *outcomes)
    sys.stdout.writelines(differences)
    verdict = "differ" if differences else "agree"
    print(f"{len(commands)} runs against {args.base}: outputs {verdict}", file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
