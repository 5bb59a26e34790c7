"""`roadmaplint guard`: what an edit broke, against git's HEAD or an older file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from roadmaplint.api import DEFAULT_PATH
from roadmaplint.commands.check import CheckOptions, render_report
from roadmaplint.commands.common import EXIT_FINDINGS, EXIT_OK
from roadmaplint.config.cache import SettingsCache
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.findings import Finding, Severity
from roadmaplint.history.guard import guard, older_text
from roadmaplint.reader import parse
from roadmaplint.reader.source import read_roadmap


def run_guard(
    paths: Sequence[Path] | None,
    against: str | None,
    against_file: Path | None,
    output_format: str,
    config: Path | None,
    out: TextIO,
) -> int:
    targets = list(paths or [DEFAULT_PATH])
    if against_file is not None and len(targets) > 1:
        raise RoadmapError("--against-file compares one roadmap; name one")
    cache = SettingsCache(config, Overrides())
    findings: list[Finding] = []
    for target in targets:
        source = read_roadmap(target)
        old_text = older_text(target, against, against_file)
        if old_text is None:
            continue  # new since the revision: nothing to compare
        settings = cache.for_path(target)
        new = parse(source.text, str(target), settings)
        findings += guard(parse(old_text, str(target), settings), new, settings)
    out.write(render_report(findings, CheckOptions(format=output_format)))
    failing = any(finding.severity is Severity.ERROR for finding in findings)
    return EXIT_FINDINGS if failing else EXIT_OK
