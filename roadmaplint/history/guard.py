"""The guard: what an edit broke, from the older and the newer version's records.

Pure: two Roadmap records in, findings (RL601-RL608) out. Items are matched by ID,
and a renamed item as ``diff`` recognises it; the findings point at the newer file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path

from roadmaplint.errors import RoadmapError
from roadmaplint.findings import Finding
from roadmaplint.history.diff import diff_roadmaps
from roadmaplint.model import Item, Position, Roadmap
from roadmaplint.reader.claims import now_utc, read_claim
from roadmaplint.rules import guard as codes
from roadmaplint.rules.base import Report, Rule
from roadmaplint.settings import Settings


def _first(items: Sequence[Item]) -> dict[str, Item]:
    found: dict[str, Item] = {}
    for item in items:
        found.setdefault(item.id, item)
    return found


def _status_at(item: Item) -> Position:
    status = item.field("status")
    return status.value_position if status is not None else item.position


def _still_written(new: Roadmap, item_id: str) -> int | None:
    """The line where the item's heading still stands in the newer text, if it does."""
    pattern = re.compile(rf"^[ \t>]*#.*(?<![\w-]){re.escape(item_id)}(?![\w-])")
    for number, line in enumerate(new.source.splitlines(), 1):
        if pattern.match(line):
            return number
    return None


def _broke_at(new: Roadmap, line: int) -> Position:
    """Where the structure that swallowed ``line`` begins: a stray list reaching it, a
    fence or HTML block left open above it, or the line itself."""
    for stray in new.stray_lists:
        if stray.swallowed[0] <= line <= stray.swallowed[1] or stray.position.line <= line:
            return stray.position
    for found in new.unclosed:
        if found.position.line < line:
            return found.position
    return Position(line, 1)


def _removed(
    old: Roadmap, new: Roadmap, gone: list[str], renamed: dict[str, str]
) -> Iterator[tuple[Rule, Report]]:
    old_items = _first(old.items)
    new_items = _first(new.items)
    order = [renamed.get(item.id, item.id) for item in old.items]
    for item_id in gone:
        written = _still_written(new, item_id)
        if written is not None:
            at = _broke_at(new, written)
            yield (
                codes.FEWER_ITEMS_READ,
                Report(
                    at,
                    f"{item_id} (line {written}) is no longer read as an item: the structure "
                    f"breaks at line {at.line}; run `roadmaplint check` (RL108, RL109, RL110)",
                    item_id,
                ),
            )
            continue
        old_item = old_items[item_id]
        if old_item.named_by_title:
            continue  # no ID written: a retitled item reads as one removed and one added
        following = order[order.index(item_id) + 1 :]
        after = next((new_items[other] for other in following if other in new_items), None)
        at = after.position if after is not None else Position(max(new.style.line_count, 1), 1)
        yield (
            codes.ITEM_REMOVED,
            Report(
                at,
                f"{item_id} ({old_item.title}, {old_item.status or 'no status'}, line "
                f"{old_item.position.line} before) was removed and not renamed",
                item_id,
            ),
        )


def _changed(
    before: Item, after: Item, new_items: dict[str, Item], settings: Settings, now: datetime
) -> Iterator[tuple[Rule, Report]]:
    statuses = settings.statuses
    was_done, is_done = statuses.is_done(before.status), statuses.is_done(after.status)
    if is_done and not was_done:
        for dependency in after.depends_on:
            other = new_items.get(dependency)
            if other is not None and not statuses.is_done(other.status):
                yield (
                    codes.DONE_WITH_OPEN_DEPENDENCY,
                    Report(
                        _status_at(after),
                        f"{after.id} was made {after.status} while its dependency {dependency} "
                        f"is {other.status or 'without status'}",
                        after.id,
                    ),
                )
        open_boxes = [entry for entry in after.definition_of_done if entry.checked is False]
        if open_boxes:
            yield (
                codes.DONE_WITH_OPEN_BOXES,
                Report(
                    Position(open_boxes[0].line, 1),
                    f"{after.id} was made {after.status} with {len(open_boxes)} unticked "
                    f"Definition of Done box{'es' * (len(open_boxes) > 1)}: {open_boxes[0].text}",
                    after.id,
                ),
            )
    if was_done and not is_done:
        yield (
            codes.REOPENED,
            Report(
                _status_at(after),
                f"{after.id} went from {before.status} back to {after.status or 'no status'}",
                after.id,
            ),
        )
    if before.status == after.status:
        yield from _boxes(before, after, is_done)
    yield from _claims(before, after, now)


def _boxes(before: Item, after: Item, done: bool) -> Iterator[tuple[Rule, Report]]:
    old_boxes = {entry.text: entry.checked for entry in before.definition_of_done}
    boxes = [entry for entry in after.definition_of_done if entry.checked is not None]
    ticked = [e for e in boxes if e.checked and old_boxes.get(e.text) is False]
    unticked = [e for e in boxes if e.checked is False and old_boxes.get(e.text) is True]
    if not done and ticked and all(entry.checked for entry in boxes):
        yield (
            codes.BOXES_WITHOUT_STATUS,
            Report(
                Position(ticked[0].line, 1),
                f"every Definition of Done box of {after.id} is now ticked, but it is still "
                f"{after.status or 'without status'}",
                after.id,
            ),
        )
    if done and unticked:
        yield (
            codes.BOXES_WITHOUT_STATUS,
            Report(
                Position(unticked[0].line, 1),
                f"{after.id}'s box {unticked[0].text!r} was unticked, "
                f"but it is still {after.status}",
                after.id,
            ),
        )


def _claims(before: Item, after: Item, now: datetime) -> Iterator[tuple[Rule, Report]]:
    old_claim, new_claim = read_claim(before), read_claim(after)
    if (
        old_claim is not None
        and new_claim is not None
        and old_claim.agent != new_claim.agent
        and not old_claim.expired(now)
    ):
        yield (
            codes.CLAIM_TAKEN,
            Report(
                Position(new_claim.line, 1),
                f"{after.id} was {old_claim.spelled()}, and {new_claim.agent} took the claim over",
                after.id,
            ),
        )


def _dangling(old: Roadmap, new: Roadmap, renamed: dict[str, str]) -> Iterator[tuple[Rule, Report]]:
    old_items, new_items = _first(old.items), _first(new.items)
    for item in new.items:
        depends = item.field("depends on")
        for dependency in item.depends_on:
            if dependency in new_items:
                continue
            before = old_items.get(next((o for o, n in renamed.items() if n == item.id), item.id))
            if (
                before is not None
                and dependency in before.depends_on
                and dependency not in old_items
            ):
                continue  # it dangled before the edit: `check` (RL301) says so
            yield (
                codes.DANGLING_DEPENDENCY,
                Report(
                    depends.value_position if depends is not None else item.position,
                    f"{item.id} depends on {dependency}, which "
                    + ("the edit removed" if dependency in old_items else "is no item"),
                    item.id,
                ),
            )


def guard(
    old: Roadmap, new: Roadmap, settings: Settings, now: datetime | None = None
) -> list[Finding]:
    """What the edit from ``old`` to ``new`` broke, as findings on ``new``'s lines."""
    moment = now or now_utc()
    changes = diff_roadmaps(old, new)
    renamed = {rename.old: rename.new for rename in changes.renamed}
    old_items, new_items = _first(old.items), _first(new.items)
    reports: list[tuple[Rule, Report]] = list(
        _removed(old, new, [ref.id for ref in changes.removed], renamed)
    )
    if len(new.stray_lists) > len(old.stray_lists):
        for stray in new.stray_lists:
            first, last = stray.swallowed
            reports.append(
                (
                    codes.FEWER_ITEMS_READ,
                    Report(
                        stray.position,
                        f"a list at line {stray.position.line} is less indented than the "
                        f"document and swallows lines {first}-{last}; other tools read no "
                        "item there (RL108: `roadmaplint fix` indents it)",
                    ),
                )
            )
    for old_id, before in old_items.items():
        after = new_items.get(renamed.get(old_id, old_id))
        if after is not None:
            reports.extend(_changed(before, after, new_items, settings, moment))
    reports.extend(_dangling(old, new, renamed))
    findings = [
        finding for rule, report in reports for finding in rule.findings(new.path, [report])
    ]
    return sorted(set(findings))


def older_text(path: Path, against: str | None, against_file: Path | None) -> str | None:
    """The older version's text: the file ``against_file``, or ``path`` at the git revision
    ``against``; None when git has no such file there (a new roadmap).

    Without ``against``: the index when the file has staged changes and the work tree
    holds further edits on top of them (what was staged was reviewed; the edit since was
    not), else ``HEAD`` (as in a pre-commit hook, where the work tree is what is staged).
    The blobs are read with ``git cat-file``, which runs no filter.
    """
    from roadmaplint.history import git
    from roadmaplint.reader.source import decode, read_roadmap

    if against_file is not None:
        return read_roadmap(against_file).text
    root = git.worktree_root(path.resolve().parent)
    if root is None:
        raise RoadmapError(
            f"{path}: not in a git work tree; give the older version with --against-file OLD"
        )
    commit = None if against == "" else git.resolve_commit(root, against or "HEAD")
    if commit is None and against is not None:
        shown = against if against.isprintable() and against else repr(against)
        raise RoadmapError(f"--against {shown}: no such commit")
    relative = path.resolve().relative_to(root.resolve()).as_posix()
    committed, staged = f"{commit}:{relative}", f":{relative}"
    names = ([committed] if commit else []) + ([staged] if against is None else [])
    found = git.read_objects(root, names)
    older = found.get(committed)
    where = f"at {against or 'HEAD'}"
    if older is None and commit is not None:
        # renamed since (git mv): the older version is the one under its old name
        source = git.staged_rename_source(root, commit, relative)
        if source is not None:
            older = git.read_objects(root, [f"{commit}:{source}"]).get(f"{commit}:{source}")
            where = f"at {against or 'HEAD'} as {source}"
    index = found.get(staged)
    is_staged = index is not None and (older is None or index.hash != older.hash)
    if index is not None and is_staged and _edited_since(path, index.data):
        older, where = index, "in the index"
    if older is None or not older.data.strip(b"\xef\xbb\xbf \t\r\n"):
        return None  # new since the revision (or empty there), or no commit yet
    # What check refuses to read (a quote run the parser would spend minutes on, a
    # binary blob) a hostile history may hold as well.
    return decode(older.data, f"{path} {where}").removeprefix("\ufeff")


def _edited_since(path: Path, staged: bytes) -> bool:
    """The work tree's file differs from the staged blob (line endings aside, as git's
    autocrlf may change them; compared here, since ``git diff`` would run clean filters)."""
    try:
        here = path.read_bytes()
    except OSError:
        return False
    return here.replace(b"\r\n", b"\n") != staged.replace(b"\r\n", b"\n")
