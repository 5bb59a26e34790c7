"""The guard's findings (RL601-RL608): what an unreviewed edit broke between two versions.

``roadmaplint guard`` compares an older and a newer version of a roadmap
(``history.guard``); these records name its codes so ``rules``, ``rule`` and
docs/rules.md list them. ``check`` reads one version and finds none of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from roadmaplint.findings import Severity
from roadmaplint.index import Context
from roadmaplint.rules.base import Report, Rule


def _between_versions(context: Context) -> Iterator[Report]:
    """Nothing in one version: ``guard`` compares two (``history.guard``)."""
    return iter(())


def _rule(code: str, name: str, summary: str, why: str, bad: str, good: str) -> Rule:
    return Rule(code, name, Severity.ERROR, summary, why, bad, good, _between_versions)


_ITEM = "## [GRAPH-2] Shape Inference\n\n- **Status:** {}\n"

ITEM_REMOVED = _rule(
    "RL601",
    "item-removed",
    "An item that was there before is gone, and was not renamed (guard).",
    "Plans edited by agents lose items silently. A rename (the same item under a new ID, "
    "as `diff` recognises it) is not a removal; delete an item on purpose in a reviewed "
    "commit, or mark it done or dropped instead. Items written without an ID (a plain "
    "bullet or box, known by a reference made from its title) are not followed: a retitled "
    "one would read as removed.",
    "<!-- before: ## [GRAPH-2] ...; after: the item is gone -->\n",
    _ITEM.format("done"),
)
DONE_WITH_OPEN_DEPENDENCY = _rule(
    "RL602",
    "done-while-dependency-open",
    "An item was made done while one of its dependencies is not done (guard).",
    "Work that needs unfinished work cannot be finished; an agent that marks it done "
    "has skipped something.",
    "- **Status:** done   <!-- was ready -->\n- **Depends on:** GRAPH-1   <!-- ready -->\n",
    "- **Status:** ready\n- **Depends on:** GRAPH-1\n",
)
DONE_WITH_OPEN_BOXES = _rule(
    "RL603",
    "done-with-open-boxes",
    "An item was made done while its Definition of Done has unticked boxes (guard).",
    "The boxes say what finished means; an item made done with boxes open was declared "
    "finished without meeting its own definition.",
    "- **Status:** done   <!-- was ready -->\n- **Definition of Done:**\n  - [ ] Tests\n",
    "- **Status:** done\n- **Definition of Done:**\n  - [x] Tests\n",
)
BOXES_WITHOUT_STATUS = _rule(
    "RL604",
    "boxes-without-status",
    "Every box of an open item was ticked but its status did not change, or a done "
    "item's box was unticked and it stayed done (guard).",
    "Boxes and status say the same thing; an edit that changes one and not the other "
    "leaves the roadmap contradicting itself.",
    "- **Status:** in_progress\n- **Definition of Done:**\n  - [x] Tests   <!-- was [ ] -->\n",
    "- **Status:** done\n- **Definition of Done:**\n  - [x] Tests\n",
)
REOPENED = _rule(
    "RL605",
    "done-reopened",
    "An item went from done back to not done (guard).",
    "Reopening finished work is rare and deliberate; an agent that does it has usually "
    "misread the item.",
    "- **Status:** ready   <!-- was done -->\n",
    "- **Status:** done\n",
)
DANGLING_DEPENDENCY = _rule(
    "RL606",
    "dependency-now-dangles",
    "A dependency names an item that the edit removed or never existed (guard).",
    "A Depends on that names nothing cannot be planned; the edit removed or misspelled "
    "the item it names.",
    "- **Depends on:** GRAPH-9   <!-- no such item now -->\n",
    "- **Depends on:** GRAPH-1\n",
)
CLAIM_TAKEN = _rule(
    "RL607",
    "claim-taken-over",
    "An unexpired claim by one agent was replaced by another agent's (guard).",
    "A claim keeps agents off each other's work; taking one over while it holds is the "
    "double work claims exist to prevent. Wait for it to expire or be released.",
    "- **Claimed by:** @bob until 2999-01-01T00:00:00Z   <!-- was @alice's -->\n",
    "- **Claimed by:** @alice until 2999-01-01T00:00:00Z\n",
)
FEWER_ITEMS_READ = _rule(
    "RL608",
    "items-no-longer-read",
    "Items that were read before are not read now because a structure broke (guard).",
    "A stray list, a lost blank line or a broken heading makes the reader miss items "
    "that are still in the file; the line named is where the structure broke.",
    "- stray note\n\n  ## [GRAPH-2] Shape Inference   <!-- indented: inside the list above -->\n",
    "- stray note\n\n## [GRAPH-2] Shape Inference\n",
)

RULES = (
    ITEM_REMOVED,
    DONE_WITH_OPEN_DEPENDENCY,
    DONE_WITH_OPEN_BOXES,
    BOXES_WITHOUT_STATUS,
    REOPENED,
    DANGLING_DEPENDENCY,
    CLAIM_TAKEN,
    FEWER_ITEMS_READ,
)
