"""Whole checks of plans holding one long hostile line, in every place a plan's line sits.

    python bench/lines_linear.py        # exit 1 and the lines named when one grows faster
    python bench/lines_linear.py --quick

`bench/patterns_linear.py` tries each module pattern alone. This tries what a check does
with a line: every reading, every rule, the patterns in the order the code calls them and
the Python around them. SAFE-35 showed the gap: each of the patterns a box's title passes
through grew "seconds, not minutes" alone, but one box line of 99,000 tabs after its title
took 147 s of CPU to check, so a repository's file of such lines could hold a machine for
hours.

Each case is a small plan of one shape (a box list, heading items and their fields, a
table, planning phases, a legend, prose) with one line holding a fragment repeated to a
size (a blank, a mark, a bracket, an ID, a field's name, a piece of markup), then a tail.
`check_text` (what `roadmaplint check` runs on a file's text) reads it at two sizes; linear
work grows 4x from one to the next, quadratic 16x. A case whose work grows more than
GROWTH_LIMIT times, and takes long enough to measure, is timed again at the next size
and fails the run. Work is CPU time (`time.process_time`), the least of REPEATS runs, so
that a loaded machine slows both sides alike; only the ratio decides.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import sys
import time
from dataclasses import dataclass

from roadmaplint.errors import RoadmapError
from roadmaplint.rules.engine import check_text
from roadmaplint.settings import Settings

# the repeated fragment's sizes in characters; the line limit is 100,000
SIZES = (3_000, 12_000, 48_000)
QUICK_SIZES = (2_000, 8_000)
GROWTH_LIMIT = 8.0
# a ratio is read only where the larger run takes this long: below it a start-up
# cost or the clock's resolution decides the ratio, not the line
MEASURABLE = 0.02
REPEATS = 3

# One plan per place a line sits; {P} is the pumped fragment and its tail.
PLACES = {
    "box title": "# Plan\n\n- [ ] T-1 Title{P}\n- [ ] T-2 Other\n",
    "box bold title": "# Plan\n\n- [ ] **T-1**{P}\n- [x] **T-2** Other\n",
    "box alone": "# Plan\n\n- [ ] {P}\n- [ ] T-2 Other\n",
    "nested box": "# Plan\n\n- [ ] T-1 Title\n  - [ ] {P}\n- [ ] T-2 Other\n",
    "numbered box": "# Plan\n\n1. [ ] {P}\n2. [x] Other\n",
    "heading title": "# Plan\n\n## [A-1] Title{P}\n\n- **Status:** ready\n",
    "heading alone": "# Plan\n\n## {P}\n\n- **Status:** ready\n\n## [A-2] Other\n",
    "status field": "# Plan\n\n## [A-1] Title\n\n- **Status:** {P}\n",
    "depends field": "# Plan\n\n## [A-1] Title\n\n- **Status:** ready\n- **Depends on:** {P}\n",
    "plain field": "# Plan\n\n## A-1: Title\n\nStatus: ready\nPriority: {P}\n",
    "field paragraph": "# Plan\n\n### R1: Title\n\n**Status:** done · **Owner:** {P}\n",
    "table cell": "# Plan\n\n| ID | Title | Status |\n|---|---|---|\n| T-1 | {P} | done |\n",
    "table id cell": "# Plan\n\n| ID | Title | Status |\n|---|---|---|\n| {P} | x | done |\n",
    "table header": "# Plan\n\n| ID | Title | {P} |\n|---|---|---|\n| T-1 | x | done |\n",
    "phase": "# Roadmap\n\n### Phase 1: {P}\n\n**Depends on**: Nothing\n\n- [ ] 01-01 Plan\n",
    "phase depends": "# Roadmap\n\n### Phase 2: Next\n\n**Depends on**: {P}\n\n- [ ] 02-01 x\n",
    "legend": "# Plan\n\n## Status Legend\n\n- `{P}` — done\n\n## [A-1] x\n\n- **Status:** done\n",
    "prose": "# Plan\n\n{P}\n\n- [ ] T-1 Title\n",
    "quote": "# Plan\n\n> {P}\n\n- [ ] T-1 Title\n",
    "comment": "# Plan\n\n<!-- {P} -->\n\n- [ ] T-1 Title\n",
    "link": "# Plan\n\n- [ ] T-1 [Title](#{P})\n",
    "front matter": "---\ntitle: {P}\n---\n\n# Plan\n\n- [ ] T-1 Title\n",
}
FRAGMENTS = (
    " ",
    "\t",
    " -",
    "- ",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "|",
    " | ",
    "[",
    "]",
    "[ ]",
    "[x] ",
    "(",
    ")",
    "#",
    "# ",
    ":",
    ": ",
    "`",
    "0",
    "0.",
    "1. ",
    "—",
    " — ",
    "–",
    "<",
    ">",
    "<!--",
    "@",
    "@a ",
    "~",
    "\\",
    "x ",
    "✅",
    "✅ ",
    "P1 ",
    "P1",
    ", ",
    "T-1 ",
    "T-1, ",
    "A-1 ",
    "#T1 ",
    "](#",
    "![",
    "**A:** ",
    "Status: ",
    " · ",
    "&",
    "'",
    '"',
    "(P1)",
    "{{",
    "depends on ",
    "blocked by ",
    "v1.",
    "1.2.",
    "Phase ",
    "(2026-01-01)",
    "\u00a0",
    "é",
)
TAILS = ("", "x", " -x", ":")


@dataclass(frozen=True)
class Case:
    place: str
    fragment: str
    tail: str

    def build(self, size: int) -> str:
        line = self.fragment * max(1, size // len(self.fragment)) + self.tail
        return PLACES[self.place].replace("{P}", line)

    def __str__(self) -> str:
        return f"{self.place}: {self.fragment!r} * n + {self.tail!r}"


def work(text: str) -> float:
    """The least CPU time of REPEATS checks of the text."""
    best = float("inf")
    for _ in range(REPEATS):
        started = time.process_time()
        # refused in one line is what a hostile line may get
        with contextlib.suppress(RoadmapError):
            check_text(text, "ROADMAP.md", Settings())
        best = min(best, time.process_time() - started)
    return best


def superlinear(case: Case, sizes: tuple[int, ...]) -> str | None:
    """Why the case's work grows faster than linearly, or None."""
    previous = work(case.build(sizes[0]))
    for small, large in itertools.pairwise(sizes):
        current = work(case.build(large))
        if current < MEASURABLE or current <= GROWTH_LIMIT * previous:
            return None
        if large == sizes[-1]:
            return f"{case}: {current / previous:.0f}x the work from n={small} to n={large}"
        previous = current
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="two sizes, the small ones")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else SIZES
    cases = [Case(*c) for c in itertools.product(PLACES, FRAGMENTS, TAILS)]
    failures = []
    started = time.process_time()
    gc.disable()
    try:
        for case in cases:
            found = superlinear(case, sizes)
            if found:
                failures.append(found)
                print(f"SUPERLINEAR {found}", flush=True)
    finally:
        gc.enable()
    spent = time.process_time() - started
    print(f"{len(cases)} cases, {len(failures)} superlinear, {spent:.0f} s of CPU")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
