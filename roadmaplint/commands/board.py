"""`board`: the roadmap as one self-contained HTML page."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from roadmaplint.api import load, one_roadmap
from roadmaplint.commands.common import EXIT_OK, records_kept
from roadmaplint.generate.sandbox import CPU_LIMIT, MAX_OUTPUT, Limits


def build_date() -> str:
    """Today (UTC), or the date of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d")


# What the board's template may spend per item, on top of a user template's limits:
# a card and a graph box are about 1.5 KB of HTML (up to 4 with long titles and
# findings) and about 0.3 ms of CPU time (10,000 items: 3 s; allowed: 21 s).
OUTPUT_PER_ITEM = 16 * 1024
CPU_PER_ITEM = 0.002


def board_limits(items: int) -> Limits:
    """The board template's limits, sized by the roadmap; CPU time, no wall clock."""
    output = MAX_OUTPUT + OUTPUT_PER_ITEM * items
    return Limits(output=output, work=8 * output, cpu=CPU_LIMIT + CPU_PER_ITEM * items, wall=None)


def board_page(path: Path | None, config: Path | None) -> str:
    """The HTML page of one roadmap."""
    from roadmaplint.board.data import board_data
    from roadmaplint.generate.render import render
    from roadmaplint.history.git import commit_of
    from roadmaplint.rules.engine import check_roadmap

    # The records and the board's data (many small dicts and lists, no reference cycles)
    # live until the page is written: without the collector while they are made, which
    # would rescan them each time they grow (a third of board_data's time at 50,000
    # items), and frozen after, for the template's sake (as in check).
    with records_kept():
        loaded = load(path, config)
        # The findings `check` reports (without the git history rules' facts).
        findings = check_roadmap(loaded.context.roadmap, loaded.settings)
    commit = commit_of(loaded.source.path)
    with records_kept():
        data = board_data(loaded.context, commit, build_date(), findings)
    limits = board_limits(len(loaded.context.roadmap.items))
    return render(
        "board.html.j2",
        data,
        loaded.settings.template_dir,
        autoescape=True,
        limits=limits,
        trust_packaged=True,
    )


def run_board(
    paths: Sequence[Path] | None, output: Path | None, config: Path | None, out: TextIO
) -> int:
    path = one_roadmap(paths, config)
    page = board_page(path, config)
    if output is None or str(output) == "-":
        out.write(page)
        return EXIT_OK
    from roadmaplint.write.atomic import write_report

    write_report(output, page, [path])
    out.write(f"Wrote {output} ({len(page.encode('utf-8')) // 1024} KB)\n")
    return EXIT_OK
