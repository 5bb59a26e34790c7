"""The burn-up chart's data: items per status band over time, as shapes for the SVG template.

This module decides where everything goes (bands, axes, ticks); the template
``burnup.svg.j2`` only writes the shapes out. Drawn by our own template rather
than a plotting library: the chart is a few stacked step areas and two axes,
the SVG stays small, deterministic and readable in a diff, and nobody has to
install a plotting stack to get it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from roadmaplint.history.timeline import Snapshot
from roadmaplint.settings import Statuses

WIDTH, HEIGHT = 760, 380
TAIL = 0.08  # the share of the time axis after the last commit
LABEL_WIDTH = 150  # of "first commit 2026-01-01" at 12 px, rounded up
LEFT, RIGHT, TOP, BOTTOM = 56, 170, 48, 48
# Colour-blind-safe (Okabe-Ito), one per meaning: done, in progress, blocked, ready,
# idea; then the colours of statuses with no meaning. Every band also has its label.
# Neighbouring bands differ in lightness too, so that they stay apart for deuteranopes
# (the browser test simulates it); in progress and idea are no longer two blues.
MEANING_COLOURS = ("#009e73", "#e69f00", "#d55e00", "#0072b2", "#f0e442")
OTHER_COLOURS = ("#cc79a7", "#999999", "#56b4e9", "#000000")


def band_order(
    snapshots: Sequence[Snapshot], legend: Sequence[str], statuses: Statuses
) -> list[tuple[str, str]]:
    """(status, colour), bottom up: done, in progress, blocked, ready, idea, then the rest."""
    seen = {status for snapshot in snapshots for status in snapshot.statuses}
    meanings = (
        statuses.done,
        statuses.in_progress,
        statuses.blocked,
        statuses.ready,
        statuses.idea,
    )
    bands = [
        (status, colour)
        for meaning, colour in zip(meanings, MEANING_COLOURS, strict=True)
        for status in meaning
        if status in seen
    ]
    named = {status for status, _ in bands}
    rest = [status for status in legend if status in seen and status not in named]
    rest += sorted(status for status in seen if status not in named and status not in rest)
    return bands + [
        (status, OTHER_COLOURS[min(index, len(OTHER_COLOURS) - 1)])
        for index, status in enumerate(rest)
    ]


def _nice_maximum(value: int) -> tuple[int, int]:
    """A round top for the y axis and its tick step."""
    value = max(value, 1)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if value / step <= 6:
            return -(-value // step) * step, step
    step = 10 ** len(str(value))
    return -(-value // step) * step, step


def today() -> datetime:
    """Now (UTC), or the moment of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)


def chart(
    title: str,
    snapshots: Sequence[Snapshot],
    bands: Sequence[tuple[str, str]],
    done: Sequence[str],
    now: datetime | None = None,
) -> dict[str, Any]:
    """The template's variables: band polygons, axis ticks, legend and headline.

    The time axis runs to ``now`` (today) when that is after the last commit: the
    last state has held since then.
    """
    start = snapshots[0].stamp.date
    latest = snapshots[-1].stamp.date
    end = latest
    if now is not None:
        if start.tzinfo is None:
            now = now.replace(tzinfo=None)
        end = max(end, now)
    if end <= start:
        end = start + timedelta(days=1)
    # The axis runs a little past the end, so that the last state shows too.
    span = (end - start).total_seconds() * (1 + TAIL)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    totals = [sum(snapshot.statuses.values()) for snapshot in snapshots]
    top, step = _nice_maximum(max(totals))

    def x(moment: datetime) -> float:
        return round(LEFT + (moment - start).total_seconds() / span * plot_width, 1)

    def y(count: float) -> float:
        return round(TOP + plot_height - count / top * plot_height, 1)

    xs = [x(snapshot.stamp.date) for snapshot in snapshots] + [float(LEFT + plot_width)]
    below = [0] * len(snapshots)
    shapes = []
    for band, colour in bands:
        above = [
            low + snapshot.statuses.get(band, 0)
            for low, snapshot in zip(below, snapshots, strict=True)
        ]
        upper = [(xs[i + edge], y(above[i])) for i in range(len(snapshots)) for edge in (0, 1)]
        lower = [(xs[i + edge], y(below[i])) for i in range(len(snapshots)) for edge in (0, 1)]
        points = " ".join(f"{px:g},{py:g}" for px, py in [*upper, *reversed(lower)])
        last = snapshots[-1].statuses.get(band, 0)
        shapes.append(
            {
                "status": band or "(no status)",
                "colour": colour,
                "points": points,
                "count": last,
            }
        )
        below = above
    total_line = " ".join(
        f"{xs[i + edge]:g},{y(totals[i]):g}" for i in range(len(snapshots)) for edge in (0, 1)
    )
    ticks = 4 if end > latest else max(1, min(5, len(snapshots) - 1))
    x_ticks = [
        {
            "x": x(start + (end - start) * i / ticks),
            "label": (start + (end - start) * i / ticks).date().isoformat(),
        }
        for i in range(ticks + 1)
    ]
    done_now = sum(snapshots[-1].statuses.get(status, 0) for status in done)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "top": TOP,
        "right": LEFT + plot_width,
        "bottom": TOP + plot_height,
        "title": title,
        "headline": f"{done_now} of {totals[-1]} items done",
        "bands": shapes,
        "total": total_line,
        "y_ticks": [{"y": y(value), "label": value} for value in range(0, top + 1, step)],
        "x_ticks": x_ticks,
        # the first and the last commit's dates, at their points
        "first": {"x": x(start), "label": start.date().isoformat()},
        "last": _last_label(x(start), x(latest), LEFT + plot_width / 2, latest),
        "legend_x": LEFT + plot_width + 16,
    }


def _last_label(first: float, last: float, middle: float, latest: datetime) -> dict[str, Any]:
    """Where the last commit's date goes: beside its line, clear of the first one's."""
    return {
        "x": last,
        "label": latest.date().isoformat(),
        "anchor": "end" if last > middle else "start",
        "offset": -4 if last > middle else 4,
        "row": 2 if last - first < LABEL_WIDTH else 1,
    }


def render(
    title: str, snapshots: Sequence[Snapshot], legend: Sequence[str], statuses: Statuses
) -> str:
    from roadmaplint.generate.render import render as render_template

    bands = band_order(snapshots, legend, statuses)
    variables = chart(title, snapshots, bands, statuses.done, today())
    return render_template("burnup.svg.j2", variables)
