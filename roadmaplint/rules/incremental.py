"""Check again after an edit to one item: re-run only what the edit can have changed.

``reader/incremental.update`` re-reads the one item an edit touched and moves the
records after it (``ItemEdit``). Each rule says what its findings read
(``Rule.scope``, ``reads``, ``cites_lines``, ``clock``), and ``recheck`` decides per rule:

- a per-item rule runs on the edited item again; also on the items that name it under
  Depends on when a status or priority it reads changed, on the items without fields
  beside it when it reads "neighbours", on the items whose findings follow the clock;
  on every item when anything else it reads of other items changed (an ID). The findings
  of the other items are kept, moved by the lines the edit added;
- a document rule runs again when an attribute it reads changed, or when one of its
  findings lies in the edited item's lines; else its findings are kept, moved;
- a finding is moved with the lines it names (``Finding.cited``, message and all); a
  rule whose messages name lines only as text runs again when the edit added or removed
  lines, and so does any rule with a finding naming a line of the edited item.

Anything else (a full re-read, other settings or git facts, another number of items,
another document_settings) is a full check. Suppressions, RL901 and the order are
applied to the whole set every time, as ``check_all`` does. The result equals
``check_all`` of the same records: the property tests compare them after random edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from roadmaplint.findings import Finding
from roadmaplint.index import Context, GitFacts
from roadmaplint.model import Item, Roadmap
from roadmaplint.reader.incremental import ItemEdit
from roadmaplint.reader.quiet import document_settings, has_legends, names_owner
from roadmaplint.record import record, replace
from roadmaplint.record.moved import Moved
from roadmaplint.rules.base import Rule
from roadmaplint.rules.engine import Checked, check_all, finish
from roadmaplint.rules.suppressions import UNUSED_SUPPRESSION
from roadmaplint.settings import Settings

# The item attributes a rule may read of items other than the one it reports on.
_ATTRIBUTES = (
    "id",
    "title",
    "section",
    "status",
    "priority",
    "dri",
    "depends_on",
    "external_deps",
    "definition_of_done",
    "fields",
)
# What a per-item rule reads of the items it depends on (through Depends on): a change
# re-checks the items naming the edited one. A change to anything else a per-item rule
# reads of other items (an ID; a DRI, when whether the plan names owners at all decides)
# re-checks every item.
_THROUGH_DEPENDENCIES = frozenset({"status", "priority"})


@record(slots=False)
class State:
    """What the editor keeps between edits: the last check and two lookups built on the
    first edit and kept up to date after it."""

    checked: Checked
    dependents: Mapping[str, tuple[int, ...]] | None = None  # ID -> items naming it
    clocked: Mapping[str, tuple[int, ...]] | None = None  # rule code -> items it re-checks
    first_with_id: Mapping[str, int] | None = None  # ID -> the index of its first item

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.checked.findings


def first_check(roadmap: Roadmap, settings: Settings, facts: GitFacts | None = None) -> State:
    return State(check_all(roadmap, settings, facts))


def recheck(
    previous: State,
    roadmap: Roadmap,
    edit: ItemEdit | None,
    settings: Settings,
    facts: GitFacts | None = None,
) -> State:
    """The check of ``roadmap``, read from ``previous.checked.roadmap`` by ``edit``."""
    old = previous.checked
    if roadmap is old.roadmap and settings == old.settings and facts == old.facts:
        return previous  # the records checked (an update that changed no text)
    if (
        edit is None
        or settings != old.settings
        or facts != old.facts
        or len(roadmap.items) != len(old.roadmap.items)
    ):
        return first_check(roadmap, settings, facts)
    before, after = old.roadmap.items[edit.index], roadmap.items[edit.index]
    applied = _applied(old, roadmap, before, after, settings)
    if applied != old.applied:
        return first_check(roadmap, settings, facts)
    changed = (
        frozenset(name for name in _ATTRIBUTES if getattr(before, name) != getattr(after, name))
        | _facts_changed(before, after, applied)
        | ({"anchors"} if edit.anchors else set())
    )
    first_with_id = (
        previous.first_with_id
        if previous.first_with_id is not None and "id" not in changed
        else _first_with_id(roadmap.items)
    )
    items_by_id = _ItemsById(first_with_id, roadmap.items)
    context = Context(roadmap, applied, facts)
    context.__dict__["items_by_id"] = items_by_id  # the cached lookup, kept up to date
    dependents = _dependents(previous, edit.index, before, after)
    clocked = _clocked(previous, old.rules, roadmap, edit.index)
    again = _Again(context, old, edit, changed, dependents, clocked)
    raw = {
        rule.code: again.findings(rule, old.raw.get(rule.code, ()))
        for rule in old.rules
        if rule is not UNUSED_SUPPRESSION
    }
    checked = finish(roadmap, settings, facts, old.rules, applied, raw, items_by_id)
    return State(checked, dependents, clocked, first_with_id)


def _applied(
    old: Checked, roadmap: Roadmap, before: Item, after: Item, settings: Settings
) -> Settings:
    """document_settings of the new records; without computing them over every item when
    the edited item writes the same fields as before (only the share of items writing
    each field can change them)."""
    if has_legends(roadmap) == has_legends(old.roadmap) and _keys(before) == _keys(after):
        return old.applied
    return document_settings(roadmap, settings)


def _facts_changed(before: Item, after: Item, settings: Settings) -> frozenset[str]:
    """What changed of the plan-wide facts an item adds to: which fields it writes, and
    whether it names an owner ("field_names": whether any item names one decides RL501),
    and whether it writes a Definition of Done ("writes_done": whether any item does
    decides RL503). Typing in most values changes neither, so those rules stay per item."""
    changed = set()
    if _keys(before) != _keys(after) or names_owner(before, settings) != names_owner(
        after, settings
    ):
        changed.add("field_names")
    if _writes_done(before) != _writes_done(after):
        changed.add("writes_done")
    return frozenset(changed)


def _writes_done(item: Item) -> bool:
    return bool(item.definition_of_done) or item.field("definition of done") is not None


def _keys(item: Item) -> frozenset[str]:
    return frozenset(found.key for found in item.fields)


def _first_with_id(items: Sequence[Item]) -> dict[str, int]:
    """Each ID's first item, by index; the items' IDs as written (moving lines keeps them)."""
    found: dict[str, int] = {}
    for at, item in enumerate(items.unmoved() if isinstance(items, Moved) else items):
        found.setdefault(item.id, at)
    return found


class _ItemsById(Mapping[str, Item]):
    """Each ID's first item (``Context.items_by_id``), looked up by index, so that items
    an added line moved are made only when a rule asks for them."""

    def __init__(self, first_with_id: Mapping[str, int], items: Sequence[Item]) -> None:
        self._first = first_with_id
        self._items = items

    def __getitem__(self, key: str) -> Item:
        return self._items[self._first[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._first

    def get(self, key: str, default: Any = None) -> Any:  # what rules call most: no raising
        at = self._first.get(key)
        return default if at is None else self._items[at]

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)


def _named(item: Item) -> set[str]:
    """The IDs an item names under Depends on, ``path#ID`` by its ID (the path may be
    this roadmap's own)."""
    names = set(item.depends_on)
    names.update(name.rpartition("#")[2].strip() for name in item.external_deps if "#" in name)
    return names


def _dependents(
    previous: State, index: int, before: Item, after: Item
) -> Mapping[str, tuple[int, ...]]:
    gone, new = _named(before), _named(after)
    if gone == new and previous.dependents is not None:
        return previous.dependents
    if previous.dependents is None:
        found: dict[str, list[int]] = {}
        for at, item in enumerate(previous.checked.roadmap.items):
            for name in _named(item):
                found.setdefault(name, []).append(at)
        lookup = {name: tuple(indices) for name, indices in found.items()}
    else:
        lookup = dict(previous.dependents)
    for name in gone - new:
        lookup[name] = tuple(at for at in lookup.get(name, ()) if at != index)
    for name in new - gone:
        lookup[name] = tuple(sorted((*lookup.get(name, ()), index)))
    return lookup


def _clocked(
    previous: State, rules: Iterable[Rule], roadmap: Roadmap, index: int
) -> Mapping[str, tuple[int, ...]]:
    lookup: dict[str, tuple[int, ...]] = {}
    for rule in rules:
        if rule.clock is None:
            continue
        known = previous.clocked.get(rule.code) if previous.clocked is not None else None
        if known is None:  # from the records checked last: the edited item comes next
            before = previous.checked.roadmap.items
            known = tuple(at for at, item in enumerate(before) if rule.clock(item))
        others = tuple(at for at in known if at != index)
        lookup[rule.code] = (
            tuple(sorted((*others, index))) if rule.clock(roadmap.items[index]) else others
        )
    return lookup


class _Again:
    """Per rule: which findings to keep (moved) and which to compute again."""

    def __init__(
        self,
        context: Context,
        old: Checked,
        edit: ItemEdit,
        changed: frozenset[str],
        dependents: Mapping[str, tuple[int, ...]],
        clocked: Mapping[str, tuple[int, ...]],
    ) -> None:
        self.context = context
        self.old = old
        self.edit = edit
        self.changed = changed
        self.dependents = dependents
        self.clocked = clocked
        self.first = old.roadmap.items[edit.index].position.line

    def findings(self, rule: Rule, old: tuple[Finding, ...]) -> tuple[Finding, ...]:
        read = rule.reads & self.changed
        # Findings whose messages name lines as text only are computed again when lines
        # moved (those naming them as ``cited`` are moved, message and all); without any
        # findings there is nothing to move, and the rule goes as any other.
        if (
            (rule.cites_lines and self.edit.delta and old)
            or (read and (rule.scope == "document" or read - _THROUGH_DEPENDENCIES))
            or (self.edit.delta and self._cites_edited(old))
        ):
            return tuple(rule.run(self.context))
        if rule.scope == "document":
            inside = any(self.first <= found.line <= self.edit.last for found in old)
            return tuple(rule.run(self.context)) if inside else self._moved(old)
        targets = self._targets(rule, read)
        spans = [self._old_span(at) for at in targets]
        kept = self._moved(
            tuple(
                found
                for found in old
                if not any(first <= found.line <= last for first, last in spans)
            )
        )
        items = self.context.roadmap.items
        fresh = rule.run(self.context.restricted(tuple(items[at] for at in targets)))
        return (*kept, *fresh)

    def _targets(self, rule: Rule, read: frozenset[str]) -> list[int]:
        index = self.edit.index
        targets = {index}
        if read & _THROUGH_DEPENDENCIES:
            item = self.context.roadmap.items[index]
            targets.update(self.dependents.get(item.id, ()))
        if "neighbours" in rule.reads:
            targets.update(_fieldless_around(self.context.roadmap.items, index))
        if rule.clock is not None:
            targets.update(self.clocked.get(rule.code, ()))
        return sorted(targets)

    def _old_span(self, at: int) -> tuple[int, int]:
        if at == self.edit.index:
            return self.first, self.edit.last
        item = self.old.roadmap.items[at]
        return item.position.line, item.end_line

    def _moved(self, findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
        last, delta = self.edit.last, self.edit.delta
        if not delta:
            return findings
        return tuple(
            _moved_finding(found, last, delta)
            if found.line > last or any((at.last or at.line) > last for at in found.cited)
            else found
            for found in findings
        )

    def _cites_edited(self, findings: tuple[Finding, ...]) -> bool:
        """Whether a finding outside the edited item names a line inside it, which the
        edit may have moved by less than ``delta``."""
        first, last = self.first, self.edit.last
        return any(
            at.line <= last and first <= (at.last or at.line)
            for found in findings
            if not first <= found.line <= last
            for at in found.cited
        )


def _moved_finding(found: Finding, last: int, delta: int) -> Finding:
    """``found`` with its line and the lines it names after ``last`` moved by ``delta``,
    its message written anew from them as ``said`` wrote it."""
    message, cited, taken = "", [], 0
    for at in sorted(found.cited):
        line = at.line + delta if at.line > last else at.line
        end = None if at.last is None else at.last + delta if at.last > last else at.last
        written = at.written(line, end)
        message += found.message[taken : at.start]
        cited.append(
            replace(at, start=len(message), end=len(message) + len(written), line=line, last=end)
        )
        message += written
        taken = at.end
    return Finding(
        found.path,
        found.line + delta if found.line > last else found.line,
        found.column,
        found.code,
        found.severity,
        message + found.message[taken:],
        found.item,
        found.fixable,
        tuple(cited),
    )


def _fieldless_around(items: Sequence[Item], index: int) -> list[int]:
    """The items without fields next to ``index``, up to the nearest with fields each way:
    the items whose nearest item with fields the edited one can be."""
    found = []
    at = index - 1
    while at >= 0 and not items[at].fields:
        found.append(at)
        at -= 1
    at = index + 1
    while at < len(items) and not items[at].fields:
        found.append(at)
        at += 1
    return found
