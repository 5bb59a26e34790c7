"""What the Priority Overview should hold, and how the one in the file differs.

Pure functions over records; comparing needs no template, so ``check`` on a
file whose overview is right never loads jinja2.
"""

from __future__ import annotations

from collections.abc import Mapping

from roadmaplint.findings import Cited, Line, said
from roadmaplint.model import Item, Overview, Roadmap
from roadmaplint.record import record


@record
class Group:
    priority: str
    label: str
    ids: tuple[str, ...]


@record
class Difference:
    line: int
    message: str
    item: str | None = None
    fixable: bool = True  # False where fix refuses rather than delete what a person wrote
    cited: tuple[Cited, ...] = ()  # the lines the message names (findings.said)


def expected_groups(roadmap: Roadmap, items_by_id: Mapping[str, Item]) -> list[Group]:
    """Priorities in legend order, each with its items in document order.

    A priority keeps the label the file already gives it (``P0 (Critical)``).
    A priority with no items gets a group only if the file already has one.
    Without a Priority Legend, the priorities are those the overview already
    groups by, in its order, then those the items use, sorted.
    """
    legend = (
        roadmap.priority_legend.values
        if roadmap.priority_legend
        else _used_priorities(roadmap, items_by_id)
    )
    members: dict[str, list[str]] = {priority: [] for priority in legend}
    for item in items_by_id.values():
        if item.priority in members:
            members[item.priority].append(item.id)
    labels: dict[str, str] = {}
    for overview in roadmap.overviews[:1]:
        for group in overview.groups:
            labels.setdefault(group.priority, group.label)
    return [
        Group(priority, labels.get(priority, priority), tuple(members[priority]))
        for priority in legend
        if members[priority] or priority in labels
    ]


def _used_priorities(roadmap: Roadmap, items_by_id: Mapping[str, Item]) -> tuple[str, ...]:
    """The priorities of a roadmap without a legend: the overview's groups keep the order
    someone wrote them in (nothing else tells it); the others follow, sorted as ``stats``
    and ``list --sort priority`` sort them."""
    written = [group.priority for overview in roadmap.overviews[:1] for group in overview.groups]
    used = {item.priority for item in items_by_id.values() if item.priority}
    return tuple(dict.fromkeys([*written, *sorted(used - set(written))]))


def differences(
    overview: Overview, expected: list[Group], items_by_id: Mapping[str, Item]
) -> list[Difference]:
    """Every way ``overview`` differs from ``expected``, in file order."""
    found: list[Difference] = []
    heading_line = overview.region.heading.line
    legend_order = [group.priority for group in expected]
    group_lines: dict[str, int] = {}
    listed: dict[str, tuple[str, int]] = {}
    for group in overview.groups:
        if group.priority in group_lines:
            message, cited = said(
                f"{group.priority} has a second group here (the first is ",
                Line(group_lines[group.priority], "on "),
                ")",
            )
            found.append(Difference(group.line, message, cited=cited))
            continue
        group_lines[group.priority] = group.line
        if group.priority not in legend_order:
            found.append(
                Difference(
                    group.line,
                    f'group "{group.label}" names no priority of the Priority Legend',
                    fixable=False,
                )
            )
        for entry in group.entries:
            if entry.id in listed:
                message, cited = said(
                    f"{entry.id} is listed twice (first ", Line(listed[entry.id][1], "on "), ")"
                )
                found.append(Difference(entry.line, message, entry.id, cited=cited))
                continue
            listed[entry.id] = (group.priority, entry.line)
            found.extend(_misplaced(entry.id, group.priority, entry.line, items_by_id))
    present = [priority for priority in group_lines if priority in legend_order]
    expected_present = [priority for priority in legend_order if priority in group_lines]
    if present != expected_present:
        found.append(
            Difference(
                heading_line,
                f"priority groups are in the order {', '.join(present)}; the Priority "
                f"Legend orders them {', '.join(expected_present)}",
            )
        )
    for wanted in expected:
        where = group_lines.get(wanted.priority, heading_line)
        for item_id in wanted.ids:
            if item_id not in listed:
                found.append(
                    Difference(
                        where,
                        f"{item_id} ({wanted.priority}) is missing under {wanted.priority}",
                        item_id,
                    )
                )
        found.extend(_out_of_order(wanted, overview, listed))
    found.sort(key=lambda difference: difference.line)
    return found


def _misplaced(
    item_id: str, priority: str, line: int, items_by_id: Mapping[str, Item]
) -> list[Difference]:
    item = items_by_id.get(item_id)
    if item is None:
        return [Difference(line, f"{item_id} is listed but is no item", item_id)]
    if item.priority != priority:
        actual = f"is {item.priority}" if item.priority else "has no priority"
        return [Difference(line, f"{item_id} is listed under {priority} but {actual}", item_id)]
    return []


def _out_of_order(
    group: Group, overview: Overview, listed: Mapping[str, tuple[str, int]]
) -> list[Difference]:
    members = set(group.ids)
    written = [
        entry
        for candidate in overview.groups
        if candidate.priority == group.priority
        for entry in candidate.entries
        if entry.id in members and listed.get(entry.id, ("", -1))[1] == entry.line
    ]
    written_ids = {entry.id for entry in written}
    wanted = [item_id for item_id in group.ids if item_id in written_ids]
    for entry, item_id in zip(written, wanted, strict=True):
        if entry.id != item_id:
            return [
                Difference(
                    entry.line,
                    f"under {group.priority}, {entry.id} is listed before {item_id}; "
                    "items are listed in document order",
                    entry.id,
                )
            ]
    return []


def missing_line(roadmap: Roadmap) -> int:
    """Where a missing overview is reported: the last line."""
    return max(roadmap.style.line_count, 1)
