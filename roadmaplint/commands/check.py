"""`roadmaplint check`: findings for each roadmap, in the chosen report format."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from roadmaplint.api import (
    DEFAULT_PATH,
    check_loaded,
    load_folder,
    no_task_there,
    roadmap_paths,
    task_file_check,
)
from roadmaplint.commands.common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    records_kept,
    say_error,
)
from roadmaplint.config.cache import SettingsCache, needs_git_facts
from roadmaplint.config.load import Overrides
from roadmaplint.errors import RoadmapError
from roadmaplint.findings import Finding, Severity
from roadmaplint.index import GitFacts
from roadmaplint.model import Roadmap
from roadmaplint.reader import parse
from roadmaplint.reader.shapes import in_folder_with_ids
from roadmaplint.reader.source import MAX_BYTES, decode, read_roadmap
from roadmaplint.record import field, record
from roadmaplint.rules.engine import check_roadmap
from roadmaplint.text import shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO, TextIO

STDIN = Path("-")  # the path that means: read the roadmap from standard input


@record(slots=False)
class CheckOptions:
    format: str = "text"
    config: Path | None = None
    overrides: Overrides = field(default_factory=Overrides)
    colour: bool = False
    quiet: bool = False
    statistics: bool = False
    exit_zero: bool = False
    output_file: Path | None = None
    step_summary: Path | None = None  # where GitHub wants the job summary, if anywhere
    stdin: BinaryIO | None = None  # read for the path "-"
    stdin_filename: str | None = None  # the name findings give it; its config applies
    since: str | None = None  # report only findings new since this git revision
    explain: bool = False  # print how each file was read before its findings


def run_check(paths: Sequence[Path] | None, options: CheckOptions, out: TextIO, err: TextIO) -> int:
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
    files = roadmap_paths(paths, options.config)
    if options.output_file is not None:
        from roadmaplint.write.atomic import refuse_input_as_output  # only a report file needs it

        try:
            refuse_input_as_output(options.output_file, files)
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
        strict = settings.for_path(path).strict
        failing |= any(f.severity is Severity.ERROR or strict for f in found)
        findings.extend(found)
    findings.sort()
    if checked == 0 and (broken or not noted or options.format == "text"):
        # nothing was read: there is nothing to report (beyond what each file held)
        return EXIT_OK if noted and not broken else EXIT_ERROR
    try:
        _report(findings, files, options, out, left_out)
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
    location: Path  # where the file is (for stdin: the name it is given)
    facts: GitFacts | None


def _check_file(
    path: Path, settings: SettingsCache, options: CheckOptions, err: TextIO
) -> Checked | str:
    with records_kept():
        return _read_and_check(path, settings, options, err)


def _read_and_check(
    path: Path, settings: SettingsCache, options: CheckOptions, err: TextIO
) -> Checked | str:
    """The file's findings, or why it holds nothing to check."""
    if path.is_dir():  # a folder of task files
        if options.since is not None:
            raise RoadmapError(f"{path}: --since compares one file's history, not a folder's")
        loaded = load_folder(path, settings)
        return Checked(check_loaded(loaded), loaded.roadmap, path, None)
    # one task file (a hook or an editor names the file it changed): its folder's
    # findings in that file, as the language server gives them, not "no items"
    # (by the folder's name first: a plain roadmap imports no task-folder reader)
    found = task_file_check(path, settings) if in_folder_with_ids(path) else None
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
        location = Path(options.stdin_filename or DEFAULT_PATH)
        file_settings = settings.for_path(location)
        roadmap = parse(text, name, file_settings)
    else:
        location = path
        source = read_roadmap(path)
        file_settings = settings.for_path(path)
        roadmap = parse(source.text, str(path), file_settings)
        # only where it would be "no items" (RL109): a plan there is checked as one
        nothing = no_task_there(path) if not roadmap.items else None
        if nothing is not None:
            return nothing
    facts = None
    if needs_git_facts(file_settings):
        from roadmaplint.history.facts import git_facts

        facts = git_facts(location, file_settings, err)
    return Checked(check_roadmap(roadmap, file_settings, facts), roadmap, location, facts)


def _only_new(
    checked: Checked, options: CheckOptions, settings: SettingsCache
) -> tuple[list[Finding], int]:
    """The findings not already in the roadmap at ``--since``, and how many were left out.

    The older version is checked with today's git facts, so an item that was
    already in progress there and is stale now is no news.
    """
    from roadmaplint.history.facts import older_findings
    from roadmaplint.history.since import new_findings

    assert options.since is not None
    older, renames = older_findings(
        checked.location,
        options.since,
        settings.for_path(checked.location),
        checked.roadmap,
        checked.facts,
    )
    return new_findings(checked.findings, older, renames)


def _report(
    findings: list[Finding],
    paths: list[Path],
    options: CheckOptions,
    out: TextIO,
    left_out: int = 0,
) -> None:
    text = render_report(findings, options, left_out)
    if options.output_file is not None:
        from roadmaplint.write.atomic import write_report

        write_report(options.output_file, text, paths)
    else:
        out.write(text)
    if options.step_summary is not None:
        from roadmaplint.report.github import job_summary
        from roadmaplint.write.atomic import append_report

        names = [options.stdin_filename or "-" if path == STDIN else str(path) for path in paths]
        summary = job_summary(findings, names)
        if options.since is not None:
            from roadmaplint.report import plural

            summary += (
                f"{plural(left_out, 'older finding')} (already in `{options.since}`) left out.\n\n"
            )
        append_report(options.step_summary, summary)


STATISTICS_FORMATS = ("text", "json")


def render_report(findings: list[Finding], options: CheckOptions, left_out: int = 0) -> str:
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
