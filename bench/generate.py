"""Generate synthetic roadmaps in the GoMLX example's format.

Seeded and reproducible: the same size and seed always give the same bytes.
The output is clean under ``roadmaplint check`` apart from workflow warnings
(the generator never makes cycles or unknown references, and writes a correct
Priority Overview), so ``check`` and ``fix --check`` do their full work on it.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

STATUSES = ("idea", "ready", "in_progress", "blocked", "done")
PRIORITIES = ("P0", "P1", "P2")
LABELS = {"P0": "P0 (Critical)", "P1": "P1 (Important)", "P2": "P2 (Exploratory)"}
SECTIONS = (
    ("Modeling", "MODEL"),
    ("Graph", "GRAPH"),
    ("Backends", "BE"),
    ("Infrastructure", "INFRA"),
    ("API Improvements", "API"),
    ("Maintenance", "MAINT"),
)
WORDS = (  # noqa: SIM905 - one string reads better than 30 quoted words
    "shape inference transformer backend export import layer optimizer gradient memory "
    "kernel fused matmul conv attention cache runtime graph tensor model benchmark "
    "example distributed training symbolic dynamic static compile"
).split()
EXTERNALS = ("Go 1.26", "go-highway", "XLA 0.5", "ONNX 1.17", "CUDA 13")


def _phrase(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def generate(items: int, seed: int = 1) -> str:
    """Return a roadmap with ``items`` items spread over the six sections."""
    rng = random.Random(seed)
    out: list[str] = []
    add = out.append
    add("  # Synthetic Roadmap & Ownership\n\n")
    add("  This document tracks feature development, ownership, and priorities.\n\n  ---\n\n")
    add("  ## Status Legend\n\n")
    for status in STATUSES:
        add(f"  - `{status}` – {status.replace('_', ' ')}\n")
    add("\n  ## Priority Legend\n\n")
    for priority in PRIORITIES:
        add(f"  - `{priority}` – {LABELS[priority].split(' ', 1)[1]}\n")
    add("\n  ---\n\n")
    per_section = [items // len(SECTIONS)] * len(SECTIONS)
    for index in range(items % len(SECTIONS)):
        per_section[index] += 1
    records: list[tuple[str, str, str]] = []  # (id, status, priority)
    for (name, prefix), count in zip(SECTIONS, per_section, strict=True):
        if count == 0:
            continue
        add(f"  # {name}\n\n  ---\n\n")
        for number in range(1, count + 1):
            item_id = f"{prefix}-{number}"
            status = rng.choice(STATUSES)
            priority = rng.choice(PRIORITIES)
            rank = PRIORITIES.index(priority)
            add(f"  ## [{item_id}] {_phrase(rng, 2, 4).title()}\n\n")
            unowned = rng.random() < 0.6 and status != "in_progress"
            dri = "_unassigned_" if unowned else f"@{rng.choice(WORDS)}"
            add(f"  - **DRI:** {dri}\n")
            add(f"  - **Status:** {status}\n")
            add(f"  - **Priority:** {priority}\n")
            if rng.random() < 0.3:
                add(f"  - **Area:** `pkg/{rng.choice(WORDS)}/{rng.choice(WORDS)}`\n")
            # Only earlier items, so the graph stays acyclic; only ones that keep the
            # file consistent (no priority inversion, done and ready wait on done).
            candidates = [
                other
                for other in records[-60:]
                if PRIORITIES.index(other[2]) <= rank
                and (status not in ("done", "ready") or other[1] == "done")
            ]
            deps = [rng.choice(candidates)[0] for _ in range(rng.randint(0, 2)) if candidates]
            if rng.random() < 0.1 or (status == "blocked" and not deps):
                deps.append(rng.choice(EXTERNALS))
            if deps:
                add(f"  - **Depends on:** {', '.join(dict.fromkeys(deps))}\n")
            if rng.random() < 0.4:
                add(f"  - **Description:** {_phrase(rng, 3, 8).capitalize()}.\n")
            add("  - **Definition of Done:**\n")
            for _ in range(rng.randint(1, 2)):
                box = rng.choice(("", "[ ] ", "[x] "))
                if status == "done" and box == "[ ] ":
                    box = "[x] "  # a done item's boxes are ticked (RL504), same random stream
                add(f"    - {box}{_phrase(rng, 2, 5).capitalize()}\n")
            add("\n  ---\n\n")
            records.append((item_id, status, priority))
    add("  # Priority Overview\n")
    for priority in PRIORITIES:
        add(f"\n  ## {LABELS[priority]}\n")
        for item_id, _, item_priority in records:
            if item_priority == priority:
                add(f"  - {item_id}\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("items", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    text = generate(args.items, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
