"""`roadmaplint check`: findings for each roadmap, in the chosen report format."""

from __future__ import annotations

import os
from collections.abc import Sequence

from roadmaplint.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    records_kept,
    say_error,
)
from roadmaplint.config.cache import SettingsCache, needs_git_facts
from roadmaplint.config.discover import DEFAULT_NAME, roadmap_names
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.findings import Finding, Severity
from roadmaplint.index import GitFacts
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.shapes import in_folder_with_ids
from roadmaplint.reader.source import MAX_BYTES, decode, read_bytes
from roadmaplint.record import field, record
from roadmaplint.rules.engine import check_roadmap
from roadmaplint.text import path_spelling, shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO, TextIO

    from roadmaplint.api import Loaded

STDIN = "-"  # the path that means: read the roadmap from standard input


# A check's paths are strings, spelt as pathlib spells them (``text.path_spelling``;
# the typer command passes ``str`` of its ``Path``s): a plain check imports no pathlib,
# with its urllib.parse and ipaddress (PERF-18). What only a folder, a task file, a
# report file or git needs makes its ``Path`` where it is used.
@record(slots=False)
class CheckOptions:
    format: str = "text"
    config: str | None = None
    overrides: Overrides = field(default_factory=Overrides)
    colour: bool = False
    quiet: bool = False
    statistics: bool = False
    exit_zero: bool = False
    output_file: str | None = None
    step_summary: str | None = None  # where GitHub wants the job summary, if anywhere
    stdin: BinaryIO | None = None  # read for the path "-"
    stdin_filename: str | None = None  # the name findings give it; its config applies
    since: str | None = None  # report only findings new since this git revision
    explain: bool = False  # print how each file was read before its findings


def run_check(paths: Sequence[str] | None, options: CheckOptions, out: TextIO, err: TextIO) -> int:
    if options.statistics and options.format not in STATISTICS_FORMATS:
        raise RoadmapError(
            f"--statistics prints a count per rule, in text or json, not {options.format}; "
            "drop --statistics, or use --format text or --format json"
        )
    if options.explain and options.format != "text":
        raise RoadmapError(
            f"--explain prints how files were read as text, not {options.format}; "
            "drop --explain, or use --format text"
        )
    if options.stdin_filename is not None and not paths:
        paths = [STDIN]
    files = roadmap_names(paths, options.config)
    if options.output_file is not None:
        from pathlib import Path

        from roadmaplint.write.atomic import refuse_input_as_output  # only a report file needs it

        try:
            refuse_input_as_output(Path(options.output_file), [Path(file) for file in files])
        except RoadmapError as error:
            say_error(err, str(error))
            return EXIT_ERROR
    settings = SettingsCache(options.config, options.overrides)
    findings: list[Finding] = []
    failing = False
    broken = False
    checked = 0
    left_out = 0
    noted = 0
    unread: list[str] = []  # files checked that read no item and had no finding
    for path in files:
        try:
            result = _check_file(path, settings, options, err)
            if isinstance(result, str):  # a file that holds nothing to check, said once
                # beside a text report; a JSON or SARIF one stays one document
                (out if options.format == "text" else err).write(f"{shown(result)}\n")
                noted += 1
                continue
            if options.explain:
                from roadmaplint.report.explain import explain

                out.write(explain(result.roadmap, settings.for_path(path)))
            found = result.findings
            if options.since is not None:
                found, older = _only_new(result, options, settings)
                left_out += older
        except RoadmapError as error:
            say_error(err, str(error))
            broken = True
            continue
        checked += 1
        if not result.roadmap.items and not found:
            # "All checks passed" of a file read as nothing misleads (RL109 is quiet on a
            # file that came close to no shape): the report says so, and where to look
            unread.append(
                f"{shown(result.location)}: no items read, so nothing was checked; "
                f"`roadmaplint check --explain {shown(path)}` shows how it was read\n"
            )
        strict = settings.for_path(path).strict
        failing |= any(f.severity is Severity.ERROR or strict for f in found)
        findings.extend(found)
    findings.sort()
    if checked == 0 and (broken or not noted or options.format == "text"):
        # nothing was read: there is nothing to report (beyond what each file held)
        return EXIT_OK if noted and not broken else EXIT_ERROR
    try:
        _report(findings, files, options, out, left_out, unread=unread, checked=checked)
    except OSError as error:  # the job summary; a report file fails as a RoadmapError
        say_error(err, f"cannot write the report: {error.strerror or error}")
        return EXIT_ERROR
    if broken:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not options.exit_zero else EXIT_OK


@record(slots=False)
class Checked:
    """One roadmap's findings, with what ``--since`` needs to compare them."""

    findings: list[Finding]
    roadmap: Roadmap
    location: str  # where the file is (for stdin: the name it is given)
    facts: GitFacts | None


def _check_file(
    path: str, settings: SettingsCache, options: CheckOptions, err: TextIO
) -> Checked | str:
    with records_kept():
        return _read_and_check(path, settings, options, err)


def _read_and_check(
    path: str, settings: SettingsCache, options: CheckOptions, err: TextIO
) -> Checked | str:
    """The file's findings, or why it holds nothing to check."""
    if os.path.isdir(path):  # a folder of task files
        if options.since is not None:
            raise RoadmapError(f"{path}: --since compares one file's history, not a folder's")
        from pathlib import Path

        from roadmaplint.api import check_loaded, load_folder

        loaded = load_folder(Path(path), settings)
        return Checked(check_loaded(loaded), loaded.roadmap, path, None)
    # one task file (a hook or an editor names the file it changed): its folder's
    # findings in that file, as the language server gives them, not "no items"
    # (by the folder's name first: a plain roadmap imports no task-folder reader)
    found = _task_file_check(path, settings) if in_folder_with_ids(path) else None
    if found is not None:
        if options.since is not None:
            # read alone, the file held no item, and a new finding in it passed unseen
            raise RoadmapError(
                f"{path}: a task file is checked with its folder, and --since compares one "
                "file's history, not a folder's; check it without --since"
            )
        loaded, own = found
        return Checked(own, loaded.roadmap, path, None)
    if path == STDIN:
        name = options.stdin_filename or "-"
        data = options.stdin.read(MAX_BYTES + 1) if options.stdin is not None else b""
        text = decode(data, name)
        # The name also decides which configuration applies, as if the file were there.
        location = path_spelling(options.stdin_filename or DEFAULT_NAME)
        file_settings = settings.for_path(location)
        roadmap = parse(text, name, file_settings)
    else:
        location = path
        data = read_bytes(path)
        file_settings = settings.for_path(path)
        roadmap = parse(decode(data, path), path, file_settings)
        # only where it would be "no items" (RL109): a plan there is checked as one
        nothing = _no_task_there(path) if not roadmap.items else None
        if nothing is not None:
            return nothing
    facts = None
    if needs_git_facts(file_settings):
        from pathlib import Path

        from roadmaplint.history.facts import git_facts

        facts = git_facts(Path(location), file_settings, err)
    return Checked(check_roadmap(roadmap, file_settings, facts), roadmap, location, facts)


def _task_file_check(path: str, settings: SettingsCache) -> tuple[Loaded, list[Finding]] | None:
    from pathlib import Path

    from roadmaplint.api import task_file_check

    return task_file_check(Path(path), settings)


def _no_task_there(path: str) -> str | None:
    from pathlib import Path

    from roadmaplint.api import no_task_there

    return no_task_there(Path(path))


def _only_new(
    checked: Checked, options: CheckOptions, settings: SettingsCache
) -> tuple[list[Finding], int]:
    """The findings not already in the roadmap at ``--since``, and how many were left out.

    The older version is checked with today's git facts, so an item that was
    already in progress there and is stale now is no news.
    """
    from pathlib import Path

    from roadmaplint.history.facts import older_findings
    from roadmaplint.history.since import new_findings

    assert options.since is not None
    older, renames = older_findings(
        Path(checked.location),
        options.since,
        settings.for_path(checked.location),
        checked.roadmap,
        checked.facts,
    )
    return new_findings(checked.findings, older, renames)


def _report(
    findings: list[Finding],
    paths: list[str],
    options: CheckOptions,
    out: TextIO,
    left_out: int = 0,
    unread: Sequence[str] = (),
    checked: int = 0,
) -> None:
    """Write the report where it is asked for, a text report after the note of each file
    read as nothing (a report file holds them too: its summary names no file)."""
    nothing_read = checked == len(unread)
    text = render_report(findings, options, left_out, nothing_read)
    if options.format == "text" and not options.quiet and not options.statistics:
        text = "".join(unread) + text
    if options.output_file is not None:
        from pathlib import Path

        from roadmaplint.write.atomic import write_report

        write_report(Path(options.output_file), text, [Path(path) for path in paths])
    else:
        out.write(text)
    if options.step_summary is not None:
        from pathlib import Path

        from roadmaplint.report.github import job_summary
        from roadmaplint.write.atomic import append_report

        names = [options.stdin_filename or "-" if path == STDIN else str(path) for path in paths]
        summary = job_summary(findings, names, nothing_read=nothing_read)
        if options.since is not None:
            from roadmaplint.report import plural

            summary += (
                f"{plural(left_out, 'older finding')} (already in `{options.since}`) left out.\n\n"
            )
        append_report(Path(options.step_summary), summary)


STATISTICS_FORMATS = ("text", "json")


def render_report(
    findings: list[Finding], options: CheckOptions, left_out: int = 0, nothing_read: bool = False
) -> str:
    if options.statistics and options.format == "json":
        import json as json_module

        from roadmaplint.report.text import statistics_rows

        rows = statistics_rows(findings)
        return json_module.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if options.format == "json":
        from roadmaplint.report import json

        return json.render(findings)
    if options.format == "github":
        from roadmaplint.report import github

        return github.render(findings)
    if options.format == "sarif":
        from roadmaplint.report import sarif

        return sarif.render(findings)
    from roadmaplint.report import text

    colour = options.colour and options.output_file is None
    older = (left_out, options.since) if options.since is not None else None
    return text.render(
        findings,
        colour=colour,
        quiet=options.quiet,
        statistics=options.statistics,
        older=older,
        nothing_read=nothing_read,
    )


def wants_colour(stream: TextIO) -> bool:
    """Colour on a terminal, or wherever FORCE_COLOR is set; never when NO_COLOR is set.

    NO_COLOR (https://no-color.org) wins over FORCE_COLOR (https://force-color.org):
    a person who turned colour off everywhere keeps it off. Both count only when
    non-empty, and FORCE_COLOR=0 means no.
    """
    if os.environ.get("NO_COLOR"):
        return False
    forced = os.environ.get("FORCE_COLOR")
    if forced:
        return forced != "0"
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
