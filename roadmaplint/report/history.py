"""Item timelines and cycle-time statistics as text, JSON or markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from roadmaplint.history.timeline import Cycle, Event, History, ItemTimeline, median_days
from roadmaplint.report.table import markdown_cell
from roadmaplint.text import shown

FORMAT_VERSION = 1


def describe(event: Event) -> str:
    if event.kind in ("created", "first-seen"):
        what = "created" if event.kind == "created" else "first seen (the clone is shallow)"
        return f"{what} as {event.new}" if event.new else what
    if event.kind == "removed":
        return "removed"
    if event.kind == "renamed":
        return f"renamed {event.old} → {event.new}"
    name = "DRI" if event.kind == "dri" else event.kind
    return f"{name} {event.old or '(none)'} → {event.new or '(none)'}"


def _short(event: Event) -> tuple[str, str, str]:
    return event.stamp.date.date().isoformat(), event.stamp.commit[:7], event.stamp.author


def render_text(timelines: Sequence[ItemTimeline]) -> str:
    lines: list[str] = []
    for timeline in timelines:
        was = [item_id for item_id in timeline.ids if item_id != timeline.id]
        gone = "" if timeline.present else " (removed)"
        also = f" (was {', '.join(was)})" if was else ""
        lines.append(f"{timeline.id}  {timeline.title}{also}{gone}")
        for event in timeline.events:
            date, commit, author = _short(event)
            lines.append(f"  {date}  {commit}  {author}  {describe(event)}")
    return "".join(shown(line) + "\n" for line in lines)


def _event(event: Event) -> dict[str, Any]:
    return {
        "commit": event.stamp.commit,
        "author": event.stamp.author,
        "date": event.stamp.date.isoformat(),
        "item": event.item,
        "kind": event.kind,
        "old": event.old,
        "new": event.new,
    }


def render_json(path: str, history: History, timelines: Sequence[ItemTimeline]) -> str:
    document = {
        "format": FORMAT_VERSION,
        "path": path,
        "shallow": history.shallow,
        "items": [
            {
                "id": timeline.id,
                "ids": list(timeline.ids),
                "title": timeline.title,
                "present": timeline.present,
                "events": [_event(event) for event in timeline.events],
            }
            for timeline in timelines
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_markdown(timelines: Sequence[ItemTimeline]) -> str:
    lines = ["| Date | Commit | Author | Item | Change |", "| --- | --- | --- | --- | --- |"]
    for timeline in timelines:
        for event in timeline.events:
            date, commit, author = _short(event)
            lines.append(
                f"| {date} | `{commit}` | {markdown_cell(author)} | {event.item} | "
                f"{markdown_cell(describe(event))} |"
            )
    return "\n".join(lines) + "\n"


def _days(seconds: float) -> float:
    return round(seconds / 86400, 1)


def cycle_rows(cycles: Sequence[Cycle]) -> list[dict[str, Any]]:
    rows = []
    for cycle in cycles:
        lead = _days((cycle.done - cycle.created).total_seconds())
        spent = _days((cycle.done - cycle.started).total_seconds()) if cycle.started else None
        rows.append(
            {
                "id": cycle.id,
                "title": cycle.title,
                "created": cycle.created.isoformat(),
                "started": cycle.started.isoformat() if cycle.started else None,
                "done": cycle.done.isoformat(),
                "lead_days": lead,
                "cycle_days": spent,
            }
        )
    return rows


def stats_document(path: str, cycles: Sequence[Cycle]) -> dict[str, Any]:
    rows = cycle_rows(cycles)
    leads = [row["lead_days"] for row in rows]
    spans = [row["cycle_days"] for row in rows if row["cycle_days"] is not None]
    return {
        "format": FORMAT_VERSION,
        "path": path,
        "done": rows,
        "median_lead_days": median_days(leads),
        "median_cycle_days": median_days(spans),
    }


def render_stats(path: str, cycles: Sequence[Cycle], output_format: str) -> str:
    document = stats_document(path, cycles)
    if output_format == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    rows = document["done"]

    def day(value: str | None) -> str:
        return value[:10] if value else "-"

    def number(value: float | None) -> str:
        return "-" if value is None else f"{value:g}"

    header = ["ID", "CREATED", "STARTED", "DONE", "LEAD (days)", "CYCLE (days)"]
    table = [
        [
            row["id"],
            day(row["created"]),
            day(row["started"]),
            day(row["done"]),
            number(row["lead_days"]),
            number(row["cycle_days"]),
        ]
        for row in rows
    ]
    summary = (
        f"{len(rows)} {'item' if len(rows) == 1 else 'items'} done; median lead time "
        f"{number(document['median_lead_days'])} days, median cycle time "
        f"{number(document['median_cycle_days'])} days."
    )
    if output_format == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(markdown_cell(cell) for cell in row) + " |" for row in table]
        return "\n".join([*lines, "", summary]) + "\n"
    from roadmaplint.report.table import table as columns

    return (columns([header, *table]) if table else "") + summary + "\n"
