"""Latency of the language server: from a one-line edit to the published diagnostics.

    python bench/lsp.py                   # 1,000 items, 41 edits
    python bench/lsp.py --items 10000 --edits 21

    python bench/lsp.py --paste-mb 10      # a 10 MB paste of prose instead

A real client (pygls) starts `python -m roadmaplint server`, opens a roadmap
from bench/generate.py, then sends `didChange` events that each change one
line inside one item (typing a character into a DRI value, then deleting it),
and times each one until the server's `publishDiagnostics` for that version
arrives. The baseline, measured in the same run, is a full in-process check of
the same text (parse + every rule), which is what the server would do on every
keystroke without the one-item re-read. Medians of all runs; the first edit
(which warms up the server) is not counted.

With ``--paste-mb``, the one edit is a paste of that many megabytes of prose
(wrapped paragraphs) into one item, then its undo, each timed to its
diagnostics; a hover sent right after the paste shows how long the server
answers nothing else. The baseline is a full in-process check of the pasted text.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)

TARGET_MS = 30.0
TARGET_RATIO = 10.0


def full_check_seconds(text: str, repeat: int) -> list[float]:
    from roadmaplint.reader import parse
    from roadmaplint.rules.engine import check_roadmap
    from roadmaplint.settings import Settings

    settings = Settings()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check_roadmap(parse(text, "ROADMAP.md", settings), settings)
        times.append(time.perf_counter() - start)
    return times


class Session:
    """A real client talking to `python -m roadmaplint server`, one roadmap open."""

    def __init__(self) -> None:
        self.client = LanguageClient("roadmaplint-bench", "1")
        self.arrived: dict[int, float] = {}
        self.counts: list[int] = []
        self.wanted = asyncio.Event()
        self.uri = ""

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived[params.version] = time.perf_counter()
                self.counts.append(len(params.diagnostics))
                self.wanted.set()

    async def open(self, text: str, folder: Path) -> None:
        client = self.client
        await client.start_io(sys.executable, "-m", "roadmaplint", "server")
        capabilities = types.ClientCapabilities()
        await client.initialize_async(types.InitializeParams(capabilities=capabilities))
        client.initialized(types.InitializedParams())
        self.uri = (folder / "ROADMAP.md").as_uri()
        self.wanted.clear()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=self.uri, language_id="markdown", version=1, text=text)
            )
        )
        await asyncio.wait_for(self.wanted.wait(), 120)

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
        while version not in self.arrived:
            await asyncio.wait_for(self.wanted.wait(), 300)
            self.wanted.clear()
        return self.arrived[version] - sent

    async def close(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def _between(line: int, start: int, end: int, text: str) -> types.TextDocumentContentChangePartial:
    return types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(line, start), types.Position(line, end)), text=text
    )


async def edit_latencies(text: str, edits: int, folder: Path) -> tuple[list[float], int]:
    session = Session()
    await session.open(text, folder)
    lines = text.splitlines()
    line = next(n for n in range(len(lines) // 2, len(lines)) if "**DRI:** " in lines[n])
    column = lines[line].index("**DRI:** ") + len("**DRI:** ")
    latencies = []
    for version in range(2, edits + 2):
        typing = version % 2 == 0
        change = _between(line, column, column if typing else column + 1, "x" if typing else "")
        sent = session.send(version, change)
        latencies.append(await session.diagnosed(version, sent))
    await session.close()
    return latencies[1:], session.counts[-1]


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


async def paste_latencies(text: str, blob: str, folder: Path) -> dict[str, float]:
    """The paste (into the description of an item halfway down) and its undo, and how long
    a hover sent right after the paste waits."""
    session = Session()
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
    import tempfile

    blob = prose(megabytes)
    lines = text.splitlines(keepends=True)
    line = next(n for n in range(len(lines) // 2, len(lines)) if "**DRI:** " in lines[n])
    pasted = "".join([*lines[:line], blob, *lines[line:]])
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            runs.append(asyncio.run(paste_latencies(text, blob, Path(folder))))
    full = full_check_seconds(pasted, repeat)
    print(f"a {len(blob) / 1024 / 1024:.1f} MB paste of prose into one of {len(text) // 1024} KB")
    print(f"| measure | median of {repeat} |")
    print("| --- | --- |")
    for key, label in (
        ("paste", "didChange (the paste) to publishDiagnostics"),
        ("hover", "a hover sent right after the paste, answered"),
        ("undo", "didChange (its undo) to publishDiagnostics"),
    ):
        print(f"| {label} | {statistics.median(run[key] for run in runs):.2f} s |")
    print(f"| full in-process check of the pasted text | {statistics.median(full):.2f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=41)
    parser.add_argument("--repeat", type=int, default=7, help="full checks for the baseline")
    parser.add_argument("--paste-mb", type=float, default=0, help="time a paste of prose instead")
    arguments = parser.parse_args()
    import tempfile

    text = generate(arguments.items, seed=1)
    if arguments.paste_mb:
        paste_report(text, arguments.paste_mb, min(arguments.repeat, 3))
        return
    with tempfile.TemporaryDirectory() as folder:
        latencies, findings = asyncio.run(edit_latencies(text, arguments.edits, Path(folder)))
    full = full_check_seconds(text, arguments.repeat)
    edit_ms = statistics.median(latencies) * 1000
    full_ms = statistics.median(full) * 1000
    ratio = full_ms / edit_ms
    print(
        f"{arguments.items} items ({len(text) // 1024} KB), {len(latencies)} one-line edits, "
        f"{findings} findings after the last one"
    )
    print("| measure | median | target | met |")
    print("| --- | --- | --- | --- |")
    print(
        f"| didChange to publishDiagnostics | {edit_ms:.1f} ms | <= {TARGET_MS:.0f} ms "
        f"| {'yes' if edit_ms <= TARGET_MS else 'no'} |"
    )
    print(f"| full in-process check (parse + rules) | {full_ms:.1f} ms | | |")
    print(
        f"| full check / edit | {ratio:.1f}x | >= {TARGET_RATIO:.0f}x "
        f"| {'yes' if ratio >= TARGET_RATIO else 'no'} |"
    )


if __name__ == "__main__":
    main()
