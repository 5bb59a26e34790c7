"""Generate synthetic plans in the table-rows and checkboxes shapes.

The same items as ``generate.py`` makes headings of (IDs, statuses, priorities,
owners, dependencies on earlier items), written as one table per section or as
one checkbox list per section, so ``check`` on the three compares the shapes.
Seeded and reproducible.

    python bench/generate_shapes.py table 10000 -o table.md
    python bench/generate_shapes.py checkboxes 10000 -o boxes.md
    python bench/generate_shapes.py phases 10000 -o phases.md
    python bench/generate_shapes.py tasks 2000 -o folder   # folder/backlog/ of 2,000 files
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

SECTIONS = (("Modeling", "MODEL"), ("Graph", "GRAPH"), ("Backends", "BE"), ("Maintenance", "MAINT"))
WORDS = (  # noqa: SIM905 - one string reads better than quoted words
    "shape inference transformer backend export import layer optimizer gradient memory "
    "kernel fused matmul conv attention cache runtime graph tensor model benchmark"
).split()
PRIORITIES = ("P0", "P1", "P2")


def _items(count: int, seed: int) -> list[tuple[str, str, str, bool, str, list[str]]]:
    """(section, id, title, done, owner, dependencies) for each item."""
    rng = random.Random(seed)
    made: list[tuple[str, str, str, bool, str, list[str]]] = []
    for index in range(count):
        name, prefix = SECTIONS[index * len(SECTIONS) // max(count, 1)]
        item_id = f"{prefix}-{index + 1}"
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 4))).capitalize()
        done = rng.random() < 0.4
        owner = rng.choice(WORDS)
        earlier = [other[1] for other in made[-40:] if other[3]]  # ready waits on done only
        deps = sorted({rng.choice(earlier) for _ in range(rng.randint(0, 2))}) if earlier else []
        made.append((name, item_id, title, done, owner, deps))
    return made


def table(count: int, seed: int = 1) -> str:
    out = ["# Synthetic Plan\n"]
    section = None
    rng = random.Random(seed + 1)
    for name, item_id, title, done, owner, deps in _items(count, seed):
        if name != section:
            section = name
            out.append(f"\n## {name}\n\n| ID | Title | Status | Priority | Owner | Depends on |\n")
            out.append("|---|---|---|---|---|---|\n")
        status = "done" if done else "ready"
        priority = rng.choice(PRIORITIES)
        out.append(
            f"| {item_id} | {title} | {status} | {priority} | {owner} | {', '.join(deps)} |\n"
        )
    return "".join(out)


def checkboxes(count: int, seed: int = 1) -> str:
    out = ["# Synthetic Plan\n"]
    section = None
    for name, item_id, title, done, owner, deps in _items(count, seed):
        if name != section:
            section = name
            out.append(f"\n## {name}\n\n")
        after = f" (depends on: {', '.join(deps)})" if deps else ""
        priority = PRIORITIES[len(title) % len(PRIORITIES)]
        out.append(f"- [{'x' if done else ' '}] {item_id} {title}{after} @{owner} ({priority})\n")
    return "".join(out)


def phases(count: int, seed: int = 1) -> str:
    """The same items as planning phases (``## Phase 1: Title``), each with its status,
    goal and dependencies as lines of bold fields and its success criteria numbered."""
    out = ["# Synthetic Phase Plan\n"]
    number = {item_id: at for at, (_, item_id, *_) in enumerate(_items(count, seed), 1)}
    for name, item_id, title, done, _owner, deps in _items(count, seed):
        after = ", ".join(f"Phase {number[dep]}" for dep in deps) or "Nothing"
        out.append(
            f"\n## Phase {number[item_id]}: {title}\n\n"
            f"**Status:** {'done' if done else 'ready'}\n"
            f"**Goal:** {title} for {name.lower()}.\n"
            f"**Depends on:** {after}\n\n"
            f"**Success Criteria:**\n1. {title} works\n2. It is tested\n\n---\n"
        )
    return "".join(out)


TASK_CONFIG = """\
project_name: "Synthetic"
default_status: "To Do"
statuses: ["To Do", "In Progress", "Done"]
labels: []
task_prefix: "task"
"""


def task_folder(folder: Path, count: int, seed: int = 1) -> Path:
    """The same items as a Backlog.md task folder of ``count`` files under ``folder``
    (``backlog/config.yml``, ``backlog/tasks/task-1 - Title.md`` ...); its path."""
    root = folder / "backlog"
    tasks = root / "tasks"
    tasks.mkdir(parents=True, exist_ok=True)
    (root / "config.yml").write_text(TASK_CONFIG, encoding="utf-8")
    number = {item_id: at for at, (_, item_id, *_) in enumerate(_items(count, seed), 1)}
    for name, item_id, title, done, owner, deps in _items(count, seed):
        at = number[item_id]
        listed = "".join(f"\n  - TASK-{number[dep]}" for dep in deps)
        text = (
            f"---\nid: TASK-{at}\ntitle: {title}\nstatus: {'Done' if done else 'To Do'}\n"
            f"assignee:\n  - '@{owner}'\nlabels:\n  - {name.lower()}\n"
            f"dependencies:{listed or ' []'}\npriority: medium\n---\n\n"
            f"## Description\n\n<!-- SECTION:DESCRIPTION:BEGIN -->\n{title}.\n"
            f"<!-- SECTION:DESCRIPTION:END -->\n\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n"
            f"- [{'x' if done else ' '}] #1 {title} works\n<!-- AC:END -->\n"
        )
        (tasks / f"task-{at} - {title.replace(' ', '-')}.md").write_text(text, encoding="utf-8")
    return root


def boxes_under_headings(count: int) -> str:
    """One checkbox under each of ``count`` headings: a plan whose reading once grew with
    the square of its headings (each list stepped over every token before it)."""
    out = ["# Synthetic Plan\n"]
    for number in range(1, count + 1):
        out.append(f"\n## Part {number}\n\n- [ ] TASK-{number} Do part {number}\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("shape", choices=("table", "checkboxes", "phases", "tasks"))
    parser.add_argument("items", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    if args.shape == "tasks":  # a folder, not one text
        root = task_folder(args.output or Path("."), args.items, args.seed)
        print(root)
        return 0
    text = {"table": table, "checkboxes": checkboxes, "phases": phases}[args.shape](
        args.items, args.seed
    )
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
