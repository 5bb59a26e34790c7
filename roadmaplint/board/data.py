"""Records -> the plain data the board page shows: columns, cards, filters, graph, header.

Everything that decides what something *is* (ready to start, on the critical
path, waiting for what) is decided here, from ``plan`` and ``graph``; the
template ``board.html.j2`` only lays it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from roadmaplint.board.layout import NODE_HEIGHT, NODE_WIDTH, lay_out
from roadmaplint.database.plan import CycleError, critical_path, startable
from roadmaplint.findings import Finding
from roadmaplint.generate.graph_picture import build_view, meaning_of
from roadmaplint.history.git import Commit
from roadmaplint.index import Context
from roadmaplint.model import Item, Legend
from roadmaplint.reader.claims import now_utc, shown_claim

UNASSIGNED = "_unassigned_"  # the filter value of items nobody owns
SECTION_COLOURS = (  # stripes and graph borders; each at least 3:1 against white
    "#1c7ed6",
    "#e8590c",
    "#2b8a3e",
    "#ae3ec9",
    "#c92a2a",
    "#0b7285",
    "#5f3dc4",
    "#866b00",
    "#495057",
    "#a61e4d",
)
TITLE_CHARACTERS = 27  # of a title shown in a graph box
OFF_LEGEND = "not in the legend"  # the one column of every status the legend lacks


def board_data(
    context: Context,
    commit: Commit | None,
    built: str,
    findings: Sequence[Finding] = (),
    now: datetime | None = None,
) -> dict[str, Any]:
    """Everything the board template shows, as plain dicts, lists and strings.

    ``findings``: what ``check`` reports on this roadmap; each is shown on the card
    of the item it names, and all of them are counted in the header. ``now``: the
    moment claims are read at (default: the clock's).
    """
    roadmap = context.roadmap
    items = roadmap.items
    now = now or now_utc()
    try:
        can_start = {candidate.item.id for candidate in startable(context, now)}
        critical = critical_path(context)
        planning_error = None
    except CycleError as error:
        can_start, critical, planning_error = set(), (), str(error)
    anchors = _anchors(items)
    sections = _sections(context)
    by_item = _findings_by_item(findings)
    cards = [
        _card(item, context, anchors, sections, item.id in can_start, by_item.get(item.id, []))
        | {"claim": shown_claim(item, now)}
        for item in items
    ]
    # Within a column: by priority in the legend's order, then in the file's order.
    cards.sort(key=lambda card: card["priority_rank"])
    statuses = _in_legend_order(roadmap.status_legend, (item.status for item in items))
    priorities = _in_legend_order(roadmap.priority_legend, (item.priority for item in items))
    return {
        "title": roadmap.title or roadmap.path,
        "path": roadmap.path,
        "built": built,
        "commit": None
        if commit is None
        else {"sha": commit.sha, "short": commit.short, "modified": commit.modified},
        "counts": {
            "total": len(items),
            "statuses": _counted(statuses, Counter(item.status or "" for item in items)),
            "priorities": _counted(priorities, Counter(item.priority or "" for item in items)),
            "can_start": len(can_start),
            "findings": _counted_findings(findings),
        },
        # One unfinished item is no path: it is shown only from two items on.
        "critical_path": [_reference(item, anchors) for item in critical]
        if len(critical) > 1
        else [],
        "planning_error": planning_error,
        "findings": [_finding(finding) for finding in findings if finding.item is None],
        "columns": _columns(roadmap.status_legend, statuses, cards, context),
        "filters": {
            "priorities": [value or "none" for value in priorities],
            "dris": _dris(cards),
            "sections": [{"name": name, "colour": colour} for name, colour in sections.items()],
        },
        "graph": _graph(context, anchors, sections),
    }


def _columns(
    legend: Legend | None,
    statuses: list[str | None],
    cards: list[dict[str, Any]],
    context: Context,
) -> list[dict[str, Any]]:
    """A column per status of the legend, then ONE for every other status (and none)."""
    # Without a status legend there is nothing to be out of: a column per status.
    known = set(legend.values) if legend else {status for status in statuses if status}
    columns = [
        {
            "status": status,
            "meaning": meaning_of(status, context.settings.statuses) or "other",
            "legend": True,
            "cards": [card for card in cards if card["status"] == status],
        }
        for status in statuses
        if status in known
    ]
    others = [card for card in cards if card["status"] not in known]
    if others:
        columns.append({"status": OFF_LEGEND, "meaning": "other", "legend": False, "cards": others})
    return columns


def _findings_by_item(findings: Sequence[Finding]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        if finding.item is not None:
            found.setdefault(finding.item, []).append(_finding(finding))
    return found


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": str(finding.severity),
        "message": finding.message,
        "line": finding.line,
    }


def _counted_findings(findings: Sequence[Finding]) -> dict[str, int]:
    errors = sum(1 for finding in findings if str(finding.severity) == "error")
    return {"total": len(findings), "errors": errors, "warnings": len(findings) - errors}


Anchors = dict[int, str]  # id() of an item record -> its HTML id


def _anchors(items: Sequence[Item]) -> Anchors:
    """An HTML id per item: its ID (spaces as dashes), made unique for duplicate IDs."""
    found: Anchors = {}
    used: set[str] = set()
    for index, item in enumerate(items):
        base = "-".join(item.id.split()) or f"item-{index}"
        anchor, number = base, 1
        while anchor in used:
            number += 1
            anchor = f"{base}~{number}"
        used.add(anchor)
        found[id(item)] = anchor
    return found


def _reference(item: Item, anchors: Anchors) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "anchor": anchors[id(item)]}


def _sections(context: Context) -> dict[str, str]:
    names = [section.name for section in context.roadmap.sections]
    names += [
        item.section for item in context.roadmap.items if item.section not in names and item.section
    ]
    unique = list(dict.fromkeys(names))
    return {
        name: SECTION_COLOURS[index % len(SECTION_COLOURS)] for index, name in enumerate(unique)
    }


def _in_legend_order(legend: Legend | None, values: Iterable[str | None]) -> list[str | None]:
    """Legend order, then values the legend lacks as they appear, then None ('no status')."""
    found: list[str | None] = list(legend.values if legend else ())
    for value in values:
        if value not in found:
            found.append(value)
    return sorted(found, key=lambda value: value is None)


def _counted(values: list[str | None], counts: Counter[str]) -> list[dict[str, Any]]:
    return [{"value": value or "none", "count": counts[value or ""]} for value in values]


def _dri_key(item: Item, context: Context) -> str:
    """The owner a card is filtered by; unassigned as RL501 and ``list --dri`` count it."""
    return UNASSIGNED if context.settings.is_unassigned(item.dri) else (item.dri or "").strip()


def _dris(cards: list[dict[str, Any]]) -> list[dict[str, str]]:
    owners = sorted({card["dri"] for card in cards} - {UNASSIGNED}, key=str.lower)
    unassigned = [UNASSIGNED] if any(card["dri"] == UNASSIGNED for card in cards) else []
    return [
        {"value": owner, "label": "unassigned" if owner == UNASSIGNED else owner}
        for owner in unassigned + owners
    ]


def _progress(item: Item) -> dict[str, int] | None:
    boxes = [criterion for criterion in item.definition_of_done if criterion.checked is not None]
    if not item.definition_of_done:
        return None
    return {
        "done": sum(1 for criterion in boxes if criterion.checked),
        "boxes": len(boxes),
        "criteria": len(item.definition_of_done),
    }


def _card(
    item: Item,
    context: Context,
    anchors: Anchors,
    sections: dict[str, str],
    can_start: bool,
    findings: list[dict[str, Any]],
) -> dict[str, Any]:
    items = context.items_by_id
    statuses = context.settings.statuses
    waits_for = []
    notes = dict(item.dependency_notes)  # ``A-1 merged upstream``: what it says of A-1
    for dependency in dict.fromkeys(item.depends_on):
        other = items.get(dependency)
        waits_for.append(
            {
                "id": dependency,
                "title": other.title if other else None,
                "anchor": anchors[id(other)] if other else None,
                "done": bool(other and statuses.is_done(other.status)),
                "note": notes.get(dependency),
            }
        )
    graph = context.graph if item.id in items else None
    waited_by = graph.dependents(item.id) if graph is not None else []
    dri = _dri_key(item, context)
    return {
        "id": item.id,
        "anchor": anchors[id(item)],
        "title": item.title,
        "status": item.status,
        "meaning": meaning_of(item.status, statuses) or "other",
        "priority": item.priority or "none",
        "priority_rank": context.priority_rank.get(item.priority or "", len(context.priority_rank)),
        "dri": dri,
        "dri_label": "unassigned" if dri == UNASSIGNED else dri,
        "section": item.section or "",
        "section_colour": sections.get(item.section or "", SECTION_COLOURS[-1]),
        "progress": _progress(item),
        "waits_for": waits_for,
        "externals": list(dict.fromkeys(item.external_deps)),
        "waited_by": [_reference(items[other], anchors) for other in waited_by],
        "can_start": can_start,
        "done": statuses.is_done(item.status),
        "status_label": item.status or "no status",
        "findings": findings,
        "line": item.position.line,
    }


def _short(text: str) -> str:
    return text if len(text) <= TITLE_CHARACTERS else text[: TITLE_CHARACTERS - 1].rstrip() + "…"


def _graph(context: Context, anchors: Anchors, sections: dict[str, str]) -> dict[str, Any]:
    items = context.items_by_id
    view = build_view(context.roadmap, items, context.settings.statuses)
    nodes = {node.key: node for node in view.nodes}
    # Each external gets a box of its own beside each item that waits for it: one shared
    # box would pull long edges across the whole drawing.
    keys = [node.key for node in view.nodes if node.kind != "external"]
    edges: list[tuple[str, str]] = []
    drawn_as: dict[str, str] = {}
    for source, target in view.edges:
        if source in nodes and nodes[source].kind == "external":
            copy = f"{source}\x1f{target}"
            drawn_as[copy] = source
            keys.append(copy)
            source = copy
        edges.append((source, target))
    layout = lay_out(keys, edges)
    boxes = []
    for box in layout.boxes:
        node = nodes[drawn_as.get(box.key, box.key)]
        external = node.kind == "external"
        item = items.get(node.key)
        title = item.title if item else node.label
        boxes.append(
            {
                "key": node.key,
                "id": "" if external else node.key,
                "title": title,
                "short": _short(title),
                "href": None if item is None else "#" + anchors[id(item)],
                "external": external,
                "meaning": node.meaning or "other",
                "status": node.status or "",
                "section": node.section or "",
                "colour": sections.get(node.section or "", "#495057"),
                "x": round(box.x, 1),
                "y": round(box.y, 1),
            }
        )
    return {
        "width": round(layout.width),
        "height": round(layout.height),
        "box_width": NODE_WIDTH,
        "box_height": NODE_HEIGHT,
        "nodes": boxes,
        "edges": [
            {
                "source": drawn_as.get(route.source, route.source),
                "target": route.target,
                "path": route.path,
                "external": route.source in drawn_as,
            }
            for route in layout.routes
        ],
        "grid_label_y": None if layout.grid_top is None else round(layout.grid_top - 10, 1),
    }
