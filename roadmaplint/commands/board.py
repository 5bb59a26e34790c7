"""`board`: the roadmap as one self-contained HTML page."""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from roadmaplint.api import load, one_roadmap
from roadmaplint.commands.common import EXIT_OK


def build_date() -> str:
    """Today (UTC), or the date of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d")


def board_page(path: Path | None, config: Path | None) -> str:
    """The HTML page of one roadmap."""
    from roadmaplint.board.data import board_data
    from roadmaplint.generate.render import render
    from roadmaplint.history.git import commit_of
    from roadmaplint.rules.engine import check_roadmap

    loaded = load(path, config)
    # The records live until the page is written; the collector need not rescan them
    # each time the layout and the template make many small objects (as in check).
    gc.freeze()
    commit = commit_of(loaded.source.path)
    # The findings `check` reports (without the git history rules' facts).
    findings = check_roadmap(loaded.context.roadmap, loaded.settings)
    data = board_data(loaded.context, commit, build_date(), findings)
    return render("board.html.j2", data, loaded.settings.template_dir, autoescape=True)


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
