"""The burn-up chart: well-formed SVG that a real browser (headless Chromium) draws."""

from __future__ import annotations

import itertools
import math
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
import zlib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import CHROMIUM_FLAGS, item, roadmap
from test_history import commit_versions, run_in

from roadmaplint.history.burnup import MEANING_COLOURS, band_order, chart
from roadmaplint.history.timeline import Snapshot, Stamp
from roadmaplint.settings import Statuses

# the quick tier (-m "not slow") leaves this file out: it renders the chart in Chromium
pytestmark = pytest.mark.slow

SVG = "{http://www.w3.org/2000/svg}"
TITLE = 'Roadmap <"&"> of Acme'


def _version(statuses: list[str]) -> str:
    items = [
        item(f"MODEL-{number}", title=f"Item {number}", status=status, dri="@ana")
        for number, status in enumerate(statuses, 1)
    ]
    return roadmap(("Modeling", items)).replace("# Test Roadmap", f"# {TITLE}")


@pytest.fixture(scope="module")
def chart_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("burnup") / "repo"
    commit_versions(
        root,
        [
            (_version(["idea", "ready", "ready"]), "2026-01-01T00:00:00+00:00"),
            (_version(["in_progress", "ready", "ready", "idea"]), "2026-01-15T00:00:00+00:00"),
            (_version(["done", "in_progress", "ready", "ready"]), "2026-02-01T00:00:00+00:00"),
            (_version(["done", "done", "in_progress", "blocked", "idea"]), "2026-03-01T00:00:00Z"),
        ],
    )
    return root


def test_chart_is_well_formed_svg_with_a_band_per_status(
    chart_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_in(chart_file, monkeypatch, capsys, "history", "--chart", "burnup.svg")
    assert (code, out) == (0, "Wrote burnup.svg\n")
    tree = ElementTree.parse(chart_file / "burnup.svg")
    root = tree.getroot()
    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == f"Burn-up: {TITLE}: 2 of 5 items done"
    bands = [polygon.get("data-status") for polygon in root.iter(f"{SVG}polygon")]
    assert bands == ["done", "in_progress", "blocked", "ready", "idea"]
    labels = [text.text for text in root.iter(f"{SVG}text")]
    # the first and last points' dates are labelled, and the axis runs on to today
    assert "first commit 2026-01-01" in labels and "last commit 2026-03-01" in labels
    ticks = [text.text for text in root.iter(f"{SVG}text") if text.get("text-anchor") == "middle"]
    assert ticks[0] == "2026-01-01"
    assert ticks[-2] == datetime.now(UTC).date().isoformat()  # then the axis' "items"
    assert "done (2)" in labels and "idea (1)" in labels


def test_chart_is_never_written_over_the_roadmap(
    chart_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (chart_file / "ROADMAP.md").read_bytes()
    code, out, err = run_in(chart_file, monkeypatch, capsys, "history", "--chart", "ROADMAP.md")
    assert (code, out) == (2, "")
    assert (
        err == "roadmaplint: error: ROADMAP.md: is the roadmap; give another file for the chart\n"
    )
    assert (chart_file / "ROADMAP.md").read_bytes() == before


def test_band_heights_stack_to_the_number_of_items() -> None:
    snapshots = [
        Snapshot(Stamp("a", "x", datetime(2026, 1, 1, tzinfo=UTC)), {"ready": 3}),
        Snapshot(Stamp("b", "x", datetime(2026, 1, 11, tzinfo=UTC)), {"ready": 2, "done": 2}),
    ]
    bands = band_order(snapshots, ("idea", "ready", "done"), Statuses())
    assert bands == [("done", MEANING_COLOURS[0]), ("ready", MEANING_COLOURS[3])]
    data = chart("T", snapshots, bands, ("done",))
    assert data["headline"] == "2 of 4 items done"
    assert [tick["label"] for tick in data["y_ticks"]] == [0, 1, 2, 3, 4]
    bottom, top = data["bottom"], data["top"]
    done_points = [tuple(map(float, p.split(","))) for p in data["bands"][0]["points"].split()]
    # done is 0 high until the second commit, then 2 of 4 (half the plot)
    assert done_points[0][1] == bottom
    assert done_points[2][1] == pytest.approx(bottom - (bottom - top) / 2)


# --- in a real browser ------------------------------------------------------------------


def _png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat, header = 8, b"", b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert (depth, colour) in ((8, 2), (8, 6))
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0), (abs(guess - up), 1), (abs(guess - corner), 2))
                line[i] = (line[i] + (left, up, corner)[near[1]]) & 0xFF
        rows.append(line)
        previous = line
    pixels = [tuple(line[x * channels : x * channels + 3]) for line in rows for x in range(width)]
    return width, height, pixels  # type: ignore[return-value]


def _blend(colour: str, opacity: float = 0.85) -> tuple[int, int, int]:
    """The colour a band shows over the white background."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(round(c * opacity + 255 * (1 - opacity)) for c in (red, green, blue))  # type: ignore[return-value]


def test_chart_renders_in_headless_chromium(
    chart_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    browser = shutil.which("chromium")
    assert browser, "chromium is not installed: .ci/run installs Debian's chromium package"
    run_in(chart_file, monkeypatch, capsys, "history", "--chart", str(tmp_path / "burnup.svg"))
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [
            browser,
            *CHROMIUM_FLAGS,
            "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=760,380",
            f"--screenshot={shot}",
            (tmp_path / "burnup.svg").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), done.stderr
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (760, 380)
    counts = Counter(pixels)

    def near(colour: tuple[int, int, int]) -> int:
        return sum(
            n
            for p, n in counts.items()
            if max(abs(a - b) for a, b in zip(p, colour, strict=True)) <= 6
        )

    assert pixels[5 * width + 5] == (255, 255, 255)  # the white background
    # each status band is drawn as an area of its colour; the done band is the largest
    # of the last month (2 of 5 items)
    areas = {
        name: near(_blend(colour))
        for name, colour in zip(
            ("done", "in_progress", "blocked", "ready", "idea"), MEANING_COLOURS, strict=True
        )
    }
    assert all(area > 500 for area in areas.values()), areas
    # and text was drawn: dark pixels of the title, axes and labels
    assert near((34, 34, 34)) + near((68, 68, 68)) > 300


# Machado et al. (2009), deuteranopia of severity 1, as an SVG colour matrix.
DEUTERANOPIA = (
    "0.367322 0.860646 -0.227968 0 0 "
    "0.280085 0.672501 0.047413 0 0 "
    "-0.011820 0.042940 0.968881 0 0 "
    "0 0 0 1 0"
)


def test_band_colours_stay_apart_for_deuteranopes(
    chart_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Chromium draws the chart through a deuteranopia filter; the key's swatches differ."""
    browser = shutil.which("chromium")
    assert browser, "chromium is not installed: .ci/run installs Debian's chromium package"
    run_in(chart_file, monkeypatch, capsys, "history", "--chart", str(tmp_path / "burnup.svg"))
    page = tmp_path / "simulated.html"
    page.write_text(
        '<!doctype html><body style="margin:0">'
        '<svg width="0" height="0" style="position:absolute"><filter id="d" '
        f'color-interpolation-filters="sRGB"><feColorMatrix type="matrix" values="{DEUTERANOPIA}"/>'
        '</filter></svg><img src="burnup.svg" style="display:block;filter:url(#d)"></body>',
        encoding="utf-8",
    )
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [
            browser,
            *CHROMIUM_FLAGS,
            "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=760,380",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), done.stderr
    width, _, pixels = _png_pixels(shot.read_bytes())
    svg = ElementTree.parse(tmp_path / "burnup.svg").getroot()
    swatches = [
        rect
        for rect in svg.iter(f"{SVG}rect")
        if rect.get("width") == "12" and rect.get("fill", "").startswith("#")
    ]
    assert len(swatches) == 5
    seen = []
    for rect in swatches:
        x, y = int(float(rect.get("x", "0"))) + 6, int(float(rect.get("y", "0"))) + 6
        seen.append(pixels[y * width + x])
        assert seen[-1] != _hex(rect.get("fill", "")), "the filter was not applied"
    # Every two bands, as a deuteranope sees them, differ by at least 60 in RGB distance
    # (79 at the closest pair of these Okabe-Ito colours: orange and vermillion; a red
    # #c92a2a beside a green #2b8a3e would give 39).
    for (one, a), (two, b) in itertools.combinations(enumerate(seen), 2):
        assert math.dist(a, b) >= 60, (swatches[one].get("fill"), swatches[two].get("fill"))


def _hex(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))
