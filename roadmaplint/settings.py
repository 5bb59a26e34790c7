"""The settings a run uses, with the defaults that fit the GoMLX-style format.

Status meanings live here, in one place: rules ask "is this status done?"
through ``Statuses``, never by comparing to the literal word, so a config can
map other legend values onto the five meanings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_ID_PATTERN = r"[A-Z][A-Z0-9_]*-[0-9]+"

KNOWN_FIELDS = (
    "DRI",
    "Status",
    "Priority",
    "Area",
    "Repo",
    "Depends on",
    "Links",
    "Description",
    "Definition of Done",
)


@dataclass(frozen=True, slots=True)
class Statuses:
    """Which legend values carry each meaning the rules care about."""

    done: tuple[str, ...] = ("done",)
    ready: tuple[str, ...] = ("ready",)
    in_progress: tuple[str, ...] = ("in_progress",)
    blocked: tuple[str, ...] = ("blocked",)
    idea: tuple[str, ...] = ("idea",)

    def is_done(self, status: str | None) -> bool:
        return status in self.done

    def is_ready(self, status: str | None) -> bool:
        return status in self.ready

    def is_in_progress(self, status: str | None) -> bool:
        return status in self.in_progress

    def is_blocked(self, status: str | None) -> bool:
        return status in self.blocked

    def is_idea(self, status: str | None) -> bool:
        return status in self.idea


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    strict: bool = False
    required_fields: tuple[str, ...] = ("DRI", "Status", "Priority")
    id_pattern: str = DEFAULT_ID_PATTERN
    overview_heading: str = "Priority Overview"
    graph_heading: str = "Dependency Graph"
    template_dir: str | None = None
    statuses: Statuses = field(default_factory=Statuses)
    no_dri: tuple[str, ...] = ("unassigned", "none", "nobody", "tbd", "n/a", "-", "?")
    stale_after_days: int | None = None  # RL505: in progress longer than this (by git)
    # Which files a run with no path (or a folder) reads: globs relative to that folder.
    include: tuple[str, ...] = ("**/ROADMAP.md",)
    exclude: tuple[str, ...] = ()
