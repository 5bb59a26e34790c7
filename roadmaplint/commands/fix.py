"""`roadmaplint fix`: regenerate derived sections in place, or say what would change."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from roadmaplint.api import load_folder, roadmap_paths
from roadmaplint.commands.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, records_kept, say_error
from roadmaplint.config.cache import SettingsCache
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text
from roadmaplint.report import plural
from roadmaplint.text import split_lines
from roadmaplint.write.atomic import editing


@dataclass(frozen=True)
class FixOptions:
    check: bool = False  # write nothing; exit 1 if a file would change
    diff: bool = False  # write nothing; print a unified diff
    config: Path | None = None
    overrides: Overrides = field(default_factory=Overrides)


def unified_diff(path: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(
        split_lines(old),
        split_lines(new),
        f"a/{path.lstrip('/')}",
        f"b/{path.lstrip('/')}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


def run_fix(paths: Sequence[Path] | None, options: FixOptions, out: TextIO, err: TextIO) -> int:
    settings = SettingsCache(options.config, options.overrides)
    tally = _Tally()
    refused = False
    dry = options.check or options.diff
    for path in roadmap_paths(paths, options.config):
        try:
            if path.is_dir():  # a folder of task files has no generated sections
                load_folder(path, settings)  # still refuse a folder that is not one
                out.write(
                    f"{path}: nothing to fix: a folder of task files has no generated sections\n"
                )
                tally.unchanged += 1
                continue
            with editing(path, lock=not dry) as pending:
                source = pending.source
                with records_kept():
                    result = fix_text(source.text, str(path), settings.for_path(path))
                if result.refused:
                    err.write(f"{path}: cannot fix: {result.refused}\n")
                    refused = True
                if not result.changed:
                    tally.unchanged += 1
                    continue
                what = "; ".join(result.changes)
                if options.diff:
                    out.write(unified_diff(str(path), source.text, result.text))
                elif options.check:
                    out.write(f"Would fix {path} ({what})\n")
                else:
                    pending.write(result.text)
                    out.write(f"Fixed {path} ({what})\n")
                tally.changed += 1
        except RoadmapError as error:
            say_error(err, str(error))
            tally.failed += 1
    if not options.diff and tally.changed + tally.unchanged:
        out.write(tally.summary(options.check))
    if tally.failed:
        return EXIT_ERROR
    if refused or (tally.changed and dry):
        return EXIT_FINDINGS
    return EXIT_OK


@dataclass
class _Tally:
    """What happened to each file; a file counts as fixed only once it is written."""

    changed: int = 0
    unchanged: int = 0
    failed: int = 0

    def summary(self, check: bool) -> str:
        verb = "would be fixed" if check else "fixed"
        said = f"{plural(self.changed, 'file')} {verb}, {self.unchanged} left unchanged"
        if self.failed:
            said += f", {self.failed} failed"
        return said + ".\n"
