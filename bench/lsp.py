"""Latency of the language server: opening a roadmap, and a one-line edit, to diagnostics.

    python bench/lsp.py                   # 1,000 items, 41 edits
    python bench/lsp.py --items 10000 --edits 21

    python bench/lsp.py --paste-mb 10      # a 10 MB paste of prose instead

A real client (pygls) starts `python -m roadmaplint server`, opens a roadmap
from bench/generate.py (timed from didOpen to the first publishDiagnostics),
then sends `didChange` events that each change one line inside one item (typing
a character into a DRI value, then deleting it), and times each one until the
server's `publishDiagnostics` for that version arrives. Beside each wall time is
the server's own CPU time (user + system, read from /proc on Linux): for the edits
the mean over all counted edits, since one edit is shorter than the kernel's
clock tick. The first edit (which warms up the server) is not counted. Then as many
edits that add a line and remove it again (Enter at the end of that line, then
Backspace), timed the same way: each moves every record below the edited item.
The roadmap has two findings whose messages name other lines, which such an edit
moves: an ID written twice (RL102, naming its first item's line) and an overview
entry listed twice (RL401, naming the first listing); the session fails unless
the server still publishes both, at their moved lines, after the last edit.

The baselines, measured in the same run and interleaved with the sessions
(session, CLI check, in-process check, session, ...): a full in-process check of
the same text (``roadmaplint.check_text``, parse + every rule, timed inside its
own process after a warm-up), which is what each keystroke would cost without the
one-item re-read, and `python -m roadmaplint check FILE`, which is what opening
the file should cost. Every time-out scales with the size and the load, and a
session that fails (no diagnostics, a refusal, a server error) fails the bench.

With ``--paste-mb``, the one edit is a paste of that many megabytes of prose
(wrapped paragraphs) into one item, then its undo, each timed to its
diagnostics; a hover sent right after the paste shows how long the server
answers nothing else. The baseline is a full in-process check of the pasted text.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)
from timing import (  # noqa: E402
    PYTHON,
    ROADMAPLINT,
    BenchFailure,
    Run,
    load_average,
    loads_line,
    machine,
    run_checked,
)

# Goals of issue 23, as ratios to baselines measured in the same run.
GOAL_EDIT_FRACTION = 1 / 200  # keystroke CPU / full in-process check CPU
GOAL_EDIT_CPU_MS = 50.0
GOAL_OPEN_RATIO = 1.2  # open -> first diagnostics / CLI check

# A full check of the text inside one process, after a warm-up on a small roadmap
# (so that lazy imports are not counted); prints its CPU and wall seconds as JSON.
# Only the public API (roadmaplint.check_text) is used.
IN_PROCESS = """
import json, sys, time
import roadmaplint
roadmaplint.check_text(open(sys.argv[2], encoding="utf-8").read())
text = open(sys.argv[1], encoding="utf-8").read()
cpu, wall = time.process_time(), time.perf_counter()
findings = roadmaplint.check_text(text)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
print(json.dumps({"cpu": cpu, "wall": wall, "findings": len(findings)}))
"""


def budget(items: int, base: float = 60.0) -> float:
    """A time-out in seconds that grows with the size and with the load per core."""
    load = load_average()
    per_core = load / (os.cpu_count() or 1) if load == load else 1.0  # nan: unknown
    return base * max(1.0, items / 1000) * max(1.0, per_core)


def in_process_check(path: Path, warm: Path, timeout: float) -> Run:
    """One full in-process check of ``path``: CPU and wall of the call alone."""
    _, out = run_checked([PYTHON, "-c", IN_PROCESS, str(path), str(warm)], timeout=timeout)
    figures = json.loads(out)
    return Run(figures["wall"], figures["cpu"], 0, load_average())


def cli_check(path: Path, timeout: float) -> Run:
    run, _ = run_checked([*ROADMAPLINT, "check", str(path)], ok=(0, 1), timeout=timeout)
    return run


def process_cpu(pid: int) -> float | None:
    """User + system CPU seconds of a live process, from /proc (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Session:
    """A real client talking to `python -m roadmaplint server`, one roadmap open."""

    def __init__(self, timeout: float) -> None:
        self.client = LanguageClient("roadmaplint-bench", "1")
        self.timeout = timeout
        self.arrived: dict[int, float] = {}
        self.published: dict[int, list[types.Diagnostic]] = {}
        self.wanted = asyncio.Event()
        self.uri = ""
        self.pid = 0

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived[params.version] = time.perf_counter()
                self.published[params.version] = list(params.diagnostics)
                self.wanted.set()

    def cpu(self) -> float | None:
        return process_cpu(self.pid)

    async def start(self) -> None:
        client = self.client
        await client.start_io(PYTHON, "-m", "roadmaplint", "server")
        self.pid = client._server.pid  # type: ignore[attr-defined]  # pygls keeps the process
        capabilities = types.ClientCapabilities()
        await asyncio.wait_for(
            client.initialize_async(types.InitializeParams(capabilities=capabilities)),
            self.timeout,
        )
        client.initialized(types.InitializedParams())

    async def open(self, text: str, folder: Path) -> float:
        """Open the text as folder/ROADMAP.md; seconds to its first diagnostics."""
        self.uri = (folder / "ROADMAP.md").as_uri()
        self.wanted.clear()
        sent = time.perf_counter()
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=self.uri, language_id="markdown", version=1, text=text)
            )
        )
        return await self.diagnosed(1, sent)

    def send(self, version: int, change: types.TextDocumentContentChangeEvent) -> float:
        self.wanted.clear()
        sent = time.perf_counter()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=self.uri, version=version), [change]
            )
        )
        return sent

    async def diagnosed(self, version: int, sent: float) -> float:
        """Seconds from ``sent`` until the diagnostics of ``version`` arrived."""
        deadline = sent + self.timeout
        while version not in self.arrived:
            left = deadline - time.perf_counter()
            try:
                await asyncio.wait_for(self.wanted.wait(), max(left, 0.001))
            except TimeoutError:
                raise BenchFailure(
                    ["roadmaplint", "server"],
                    f"no diagnostics for version {version} after {self.timeout:.0f} s",
                    "",
                ) from None
            self.wanted.clear()
        refused = [
            d.message
            for d in self.published[version]
            if "could not check" in d.message or d.message.startswith("not checked")
        ]
        if refused:
            raise BenchFailure(["roadmaplint", "server"], "the server refused", refused[0])
        return self.arrived[version] - sent

    async def close(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), self.timeout)
        self.client.exit(None)
        await self.client.stop()


def _between(line: int, start: int, end: int, text: str) -> types.TextDocumentContentChangePartial:
    return types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(line, start), types.Position(line, end)), text=text
    )


@dataclass(frozen=True)
class Editing:
    """One session: opening the roadmap and the counted one-line edits."""

    open_wall: float
    open_cpu: float | None  # the server's CPU from didOpen to the first diagnostics
    edit_walls: list[float]
    edit_cpu: float | None  # the server's mean CPU per counted edit
    findings: int
    line_walls: list[float]  # the counted edits that add a line (Enter) or remove it
    line_cpu: float | None  # the server's mean CPU per counted line edit


async def edit_session(text: str, edits: int, folder: Path, timeout: float) -> Editing:
    session = Session(timeout)
    await session.start()
    before = session.cpu()
    open_wall = await session.open(text, folder)
    opened = session.cpu()
    lines = text.splitlines()
    line = next(n for n in range(len(lines) // 2, len(lines)) if "**DRI:** " in lines[n])
    column = lines[line].index("**DRI:** ") + len("**DRI:** ")
    walls = []
    warm: float | None = None
    for version in range(2, edits + 2):
        typing = version % 2 == 0
        change = _between(line, column, column if typing else column + 1, "x" if typing else "")
        sent = session.send(version, change)
        walls.append(await session.diagnosed(version, sent))
        if version == 2:
            warm = session.cpu()
    done = session.cpu()
    findings = len(session.published[edits + 1])
    line_walls, line_cpu = await _line_edits(session, edits, edits + 2, line, len(lines[line]))
    last = session.published[2 * edits + 1]
    codes = {str(d.code) for d in last}
    for code in LINE_FINDINGS:
        if code not in codes:
            raise BenchFailure(["roadmaplint", "server"], f"{code} lost after the line edits", "")
    await session.close()
    counted = walls[1:]
    open_cpu = opened - before if opened is not None and before is not None else None
    edit_cpu = (done - warm) / len(counted) if done is not None and warm is not None else None
    return Editing(open_wall, open_cpu, counted, edit_cpu, findings, line_walls, line_cpu)


async def _line_edits(
    session: Session, edits: int, first: int, line: int, end: int
) -> tuple[list[float], float | None]:
    """Enter at the end of ``line``, then Backspace, ``edits`` times in all: each adds or
    removes a line, so that every record below it moves. The first is not counted."""
    walls = []
    warm: float | None = None
    for version in range(first, first + edits):
        if (version - first) % 2 == 0:
            change = _between(line, end, end, "\n")
        else:
            change = types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(line, end), types.Position(line + 1, 0)),
                text="",
            )
        sent = session.send(version, change)
        walls.append(await session.diagnosed(version, sent))
        if version == first:
            warm = session.cpu()
    done = session.cpu()
    counted = walls[1:]
    cpu = (done - warm) / len(counted) if done is not None and warm is not None else None
    return counted, cpu


@dataclass(frozen=True)
class ServerFigures:
    """Medians over the interleaved sessions and baselines of one roadmap."""

    items: int
    kilobytes: int
    sessions: list[Editing]
    full: list[Run]  # in-process checks
    cli: list[Run]  # `roadmaplint check FILE`

    @property
    def edit_wall(self) -> float:
        return statistics.median(w for s in self.sessions for w in s.edit_walls)

    @property
    def edit_cpu(self) -> float | None:
        cpus = [s.edit_cpu for s in self.sessions if s.edit_cpu is not None]
        return statistics.median(cpus) if cpus else None

    @property
    def line_wall(self) -> float:
        return statistics.median(w for s in self.sessions for w in s.line_walls)

    @property
    def line_cpu(self) -> float | None:
        cpus = [s.line_cpu for s in self.sessions if s.line_cpu is not None]
        return statistics.median(cpus) if cpus else None

    @property
    def open_wall(self) -> float:
        return statistics.median(s.open_wall for s in self.sessions)

    @property
    def open_cpu(self) -> float | None:
        cpus = [s.open_cpu for s in self.sessions if s.open_cpu is not None]
        return statistics.median(cpus) if cpus else None

    def median(self, runs: list[Run], cpu: bool) -> float:
        return statistics.median(run.cpu if cpu else run.wall for run in runs)


def with_line_findings(text: str) -> str:
    """``text`` with an ID written twice (the first near the top) and an overview entry
    listed twice: findings whose messages name other lines (RL102, RL401)."""
    copied = text.index("## [", len(text) * 3 // 4)
    heading = text[copied : text.index("\n", copied) + 1]
    text = text.replace("\n\n", "\n\n" + heading + "\n", 1)
    entry = text.index("  - ", text.index("# Priority Overview"))
    return text[:entry] + text[entry : text.index("\n", entry) + 1] + text[entry:]


LINE_FINDINGS = ("RL102", "RL401")


def measure_server(items: int, edits: int, repeat: int) -> ServerFigures:
    """Sessions, in-process checks and CLI checks of one generated roadmap, interleaved."""
    text = with_line_findings(generate(items, seed=1))
    timeout = budget(items)
    sessions, full, cli = [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path, warm = folder / "ROADMAP.md", folder / "warm.md"
        path.write_text(text, encoding="utf-8")
        warm.write_text(generate(20, seed=2), encoding="utf-8")
        for _ in range(repeat):
            sessions.append(asyncio.run(edit_session(text, edits, folder / "open", timeout)))
            cli.append(cli_check(path, timeout))
            full.append(in_process_check(path, warm, timeout))
    return ServerFigures(items, len(text) // 1024, sessions, full, cli)


def prose(megabytes: float, seed: int = 1) -> str:
    """Paragraphs of wrapped lines, as pasted notes look: about ``megabytes`` MB."""
    rng = random.Random(seed)
    words = "the item waits for a backend review before it ships in the next release".split()  # noqa: SIM905
    paragraphs, size = [], 0
    while size < megabytes * 1024 * 1024:
        lines = [" ".join(rng.choices(words, k=12)) + "\n" for _ in range(rng.randint(3, 8))]
        paragraphs.append("".join(lines) + "\n")
        size += len(paragraphs[-1])
    return "".join(paragraphs)


async def paste_latencies(text: str, blob: str, folder: Path, timeout: float) -> dict[str, float]:
    """The paste (into the description of an item halfway down) and its undo, and how long
    a hover sent right after the paste waits."""
    session = Session(timeout)
    await session.start()
    await session.open(text, folder)
    lines = text.splitlines()
    line = next(n for n in range(len(lines) // 2, len(lines)) if "**DRI:** " in lines[n])
    hover = types.HoverParams(types.TextDocumentIdentifier(session.uri), types.Position(line, 3))
    blob_lines = blob.count("\n")
    sent = session.send(2, _between(line, 0, 0, blob))
    asked = time.perf_counter()
    await session.client.text_document_hover_async(hover)
    answered = time.perf_counter() - asked
    pasted = await session.diagnosed(2, sent)
    undo = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(line, 0), types.Position(line + blob_lines, 0)), text=""
    )
    sent = session.send(3, undo)
    undone = await session.diagnosed(3, sent)
    await session.close()
    return {"paste": pasted, "hover": answered, "undo": undone}


def paste_report(text: str, megabytes: float, repeat: int) -> None:
    blob = prose(megabytes)
    lines = text.splitlines(keepends=True)
    line = next(n for n in range(len(lines) // 2, len(lines)) if "**DRI:** " in lines[n])
    pasted = "".join([*lines[:line], blob, *lines[line:]])
    timeout = budget(len(pasted) // 270)  # about 270 bytes per item
    runs, full = [], []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        path, warm = folder / "pasted.md", folder / "warm.md"
        path.write_text(pasted, encoding="utf-8")
        warm.write_text(generate(20, seed=2), encoding="utf-8")
        for _ in range(repeat):
            runs.append(asyncio.run(paste_latencies(text, blob, folder / "open", timeout)))
            full.append(in_process_check(path, warm, timeout))
    print(f"a {len(blob) / 1024 / 1024:.1f} MB paste of prose into one of {len(text) // 1024} KB")
    print(f"| measure | median of {repeat} |")
    print("| --- | --- |")
    for key, label in (
        ("paste", "didChange (the paste) to publishDiagnostics"),
        ("hover", "a hover sent right after the paste, answered"),
        ("undo", "didChange (its undo) to publishDiagnostics"),
    ):
        print(f"| {label} | {statistics.median(run[key] for run in runs):.2f} s |")
    wall = statistics.median(run.wall for run in full)
    print(f"| full in-process check of the pasted text | {wall:.2f} s |")


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.1f} ms"


def report(figures: ServerFigures) -> str:
    full_cpu, full_wall = figures.median(figures.full, True), figures.median(figures.full, False)
    cli_cpu, cli_wall = figures.median(figures.cli, True), figures.median(figures.cli, False)
    edit_cpu, open_cpu = figures.edit_cpu, figures.open_cpu
    edits = len(figures.sessions[0].edit_walls)
    lines = [
        f"{figures.items} items ({figures.kilobytes} KB), {len(figures.sessions)} sessions "
        f"of {edits} counted one-line edits, {figures.sessions[-1].findings} findings after "
        "the last one",
        "",
        "| measure | wall (median) | CPU (median) |",
        "| --- | --- | --- |",
        f"| didOpen to first publishDiagnostics | {_ms(figures.open_wall)} | {_ms(open_cpu)} |",
        f"| CLI `check` of the file | {_ms(cli_wall)} | {_ms(cli_cpu)} |",
        f"| didChange to publishDiagnostics | {_ms(figures.edit_wall)} | {_ms(edit_cpu)} |",
        f"| the same, an edit that adds or removes a line | {_ms(figures.line_wall)} "
        f"| {_ms(figures.line_cpu)} |",
        f"| full in-process check (parse + rules) | {_ms(full_wall)} | {_ms(full_cpu)} |",
        "",
        "| ratio | wall | CPU | goal |",
        "| --- | --- | --- | --- |",
    ]
    edit_ratio_cpu = f"1/{full_cpu / edit_cpu:.0f}" if edit_cpu else "n/a"
    lines.append(
        f"| keystroke / full in-process check | 1/{full_wall / figures.edit_wall:.0f} "
        f"| {edit_ratio_cpu} "
        f"| <= 1/{1 / GOAL_EDIT_FRACTION:.0f}, <= {GOAL_EDIT_CPU_MS:.0f} ms CPU |"
    )
    line_cpu = figures.line_cpu
    line_ratio_cpu = f"1/{full_cpu / line_cpu:.0f}" if line_cpu else "n/a"
    lines.append(
        f"| a line added or removed / full in-process check "
        f"| 1/{full_wall / figures.line_wall:.0f} | {line_ratio_cpu} "
        f"| <= 1/{1 / GOAL_EDIT_FRACTION:.0f} |"
    )
    open_ratio_cpu = f"{open_cpu / cli_cpu:.2f}×" if open_cpu is not None else "n/a"
    lines.append(
        f"| open to first diagnostics / CLI check | {figures.open_wall / cli_wall:.2f}× "
        f"| {open_ratio_cpu} | <= {GOAL_OPEN_RATIO}× |"
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=41)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved sessions and checks")
    parser.add_argument("--paste-mb", type=float, default=0, help="time a paste of prose instead")
    arguments = parser.parse_args(argv)
    print(f"Machine: {machine()}; {loads_line()}.\n")
    if arguments.paste_mb:
        text = generate(arguments.items, seed=1)
        paste_report(text, arguments.paste_mb, min(arguments.repeat, 3))
        return 0
    try:
        figures = measure_server(arguments.items, arguments.edits, arguments.repeat)
    except BenchFailure as failure:
        print(f"FAILED: {failure}")
        return 1
    print(report(figures))
    print(f"After the run: {loads_line()}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
