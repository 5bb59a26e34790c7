"""The registry of rules: an explicit tuple, checked for duplicate codes and names."""

from __future__ import annotations

from collections.abc import Iterable

from roadmaplint.index import Context
from roadmaplint.rules import (
    dependencies,
    generated,
    guard,
    links,
    structure,
    values,
    workflow,
)
from roadmaplint.rules.base import Report, Rule
from roadmaplint.rules.suppressions import UNUSED_SUPPRESSION

ALL_RULES: tuple[Rule, ...] = (
    *structure.RULES,
    *links.RULES,
    *values.RULES,
    *dependencies.RULES,
    *generated.RULES,
    *workflow.RULES,
    *guard.RULES,
    UNUSED_SUPPRESSION,
)


def _index(rules: Iterable[Rule]) -> dict[str, Rule]:
    index: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.code, rule.name):
            if key in index:
                raise RuntimeError(f"two rules are registered as {key}")
            index[key] = rule
    return index


BY_KEY = _index(ALL_RULES)


def find_rule(key: str) -> Rule | None:
    """A rule by code (``RL302``, any case) or name (``dependency-cycle``)."""
    return BY_KEY.get(key.upper()) or BY_KEY.get(key.lower())


def is_selector(key: str) -> bool:
    """Whether ``key`` names a rule, a code prefix such as ``RL3``, or ``ALL``."""
    return find_rule(key) is not None or _prefix_matches(key.upper())


def _prefix_matches(prefix: str) -> bool:
    return prefix == "ALL" or any(rule.code.startswith(prefix) for rule in ALL_RULES)


def _matches(rule: Rule, selector: str) -> bool:
    found = find_rule(selector)
    if found is not None:
        return found is rule
    upper = selector.upper()
    return upper == "ALL" or rule.code.startswith(upper)


def select_rules(select: Iterable[str], ignore: Iterable[str]) -> tuple[Rule, ...]:
    """The rules ``select`` names and ``ignore`` does not, in registry order."""
    chosen = list(select)
    dropped = list(ignore)
    return tuple(
        rule
        for rule in ALL_RULES
        if any(_matches(rule, key) for key in chosen)
        and not any(_matches(rule, key) for key in dropped)
    )


__all__ = ["ALL_RULES", "Context", "Report", "Rule", "find_rule", "is_selector", "select_rules"]
