"""Generate synthetic plans in the table-rows and checkboxes shapes.

The same items as ``generate.py`` makes headings of (IDs, statuses, priorities,
owners, dependencies on earlier items), written as one table per section or as
one checkbox list per section, so ``check`` on the three compares the shapes.
Seeded and reproducible.

    python bench/generate_shapes.py table 10000 -o table.md
    python bench/generate_shapes.py checkboxes 10000 -o boxes.md
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


def boxes_under_headings(count: int) -> str:
    """One checkbox under each of ``count`` headings: a plan whose reading once grew with
    the square of its headings (each list stepped over every token before it)."""
    out = ["# Synthetic Plan\n"]
    for number in range(1, count + 1):
        out.append(f"\n## Part {number}\n\n- [ ] TASK-{number} Do part {number}\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("shape", choices=("table", "checkboxes"))
    parser.add_argument("items", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    text = (table if args.shape == "table" else checkboxes)(args.items, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
