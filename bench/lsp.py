"""Latency of the language server: from a one-line edit to the published diagnostics.

    python bench/lsp.py                   # 1,000 items, 41 edits
    python bench/lsp.py --items 10000 --edits 21

A real client (pygls) starts `python -m roadmaplint server`, opens a roadmap
from bench/generate.py, then sends `didChange` events that each change one
line inside one item (typing a character into a DRI value, then deleting it),
and times each one until the server's `publishDiagnostics` for that version
arrives. The baseline, measured in the same run, is a full in-process check of
the same text (parse + every rule), which is what the server would do on every
keystroke without the one-item re-read. Medians of all runs; the first edit
(which warms up the server) is not counted.
"""

from __future__ import annotations

import argparse
import asyncio
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
    from roadmaplint.engine import check_roadmap
    from roadmaplint.parse import parse
    from roadmaplint.settings import Settings

    settings = Settings()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check_roadmap(parse(text, "ROADMAP.md", settings), settings)
        times.append(time.perf_counter() - start)
    return times


async def edit_latencies(text: str, edits: int, folder: Path) -> tuple[list[float], int]:
    client = LanguageClient("roadmaplint-bench", "1")
    arrived: dict[int, float] = {}
    wanted: asyncio.Event = asyncio.Event()
    counts: list[int] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            counts.append(len(params.diagnostics))
            wanted.set()

    await client.start_io(sys.executable, "-m", "roadmaplint", "server")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = (folder / "ROADMAP.md").as_uri()
    wanted.clear()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    await asyncio.wait_for(wanted.wait(), 120)
    lines = text.splitlines()
    line = next(n for n in range(len(lines) // 2, len(lines)) if "**DRI:** " in lines[n])
    column = lines[line].index("**DRI:** ") + len("**DRI:** ")
    latencies = []
    for version in range(2, edits + 2):
        typing = version % 2 == 0
        end = column if typing else column + 1
        change = types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(line, column), types.Position(line, end)),
            text="x" if typing else "",
        )
        wanted.clear()
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
            )
        )
        while version not in arrived:
            await asyncio.wait_for(wanted.wait(), 60)
            wanted.clear()
        latencies.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies[1:], counts[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=41)
    parser.add_argument("--repeat", type=int, default=7, help="full checks for the baseline")
    arguments = parser.parse_args()
    import tempfile

    text = generate(arguments.items, seed=1)
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
