"""What a document asks for where the configuration says nothing: quiet by default.

With no configuration a finding must be a real defect, so the rules that hold a
document to roadmaplint's own format (its required fields, its known field
names, its legends and its Priority Overview) apply only to a document written
in that format, one with a Status or a Priority Legend (written, or given as
``status-values`` or ``priority-values``), or when the configuration asks for
them. Elsewhere a field is required when the document itself writes it on
nearly all of its items, and statuses in their common spellings carry their
meaning without a legend.
"""

from __future__ import annotations

from dataclasses import replace

from roadmaplint.model import Roadmap
from roadmaplint.reader.dialect import Dialect
from roadmaplint.settings import Settings

# A field the configuration does not require is required when at least this share of
# the document's items write it, and at least this many do.
FIELD_SHARE = 0.8
FIELD_MINIMUM = 3


def has_legends(roadmap: Roadmap) -> bool:
    """Whether the document has a Status or a Priority Legend: its own, or the vocabulary
    the configuration gives it (``status-values``, ``priority-values``). Statuses listed
    under another heading (``## Statuses``) are a vocabulary only, and a task folder's
    statuses (its ``config.yml``'s) are its tool's vocabulary: neither makes the document
    one in roadmaplint's format."""
    from roadmaplint.reader.shapes.taskfiles import STATUS_LEGEND

    return any(
        legend is not None and not legend.inferred and legend.name != STATUS_LEGEND
        for legend in (roadmap.status_legend, roadmap.priority_legend)
    )


def asks_for(settings: Settings, code: str, name: str) -> bool:
    """Whether the configuration names this rule in ``select`` (not through ALL or a prefix)."""
    return code in settings.select or name in settings.select


def wants_overview(roadmap: Roadmap, settings: Settings) -> bool:
    """Whether the document should have a Priority Overview: it is in roadmaplint's format
    (it has legends) or the configuration asks for one (RL402 in ``select``, or
    ``overview-heading`` set)."""
    return (
        has_legends(roadmap)
        or "overview-heading" in settings.configured
        or asks_for(settings, "RL402", "missing-overview")
    )


def declares_fields(roadmap: Roadmap, settings: Settings) -> bool:
    """Whether the field names are declared: by roadmaplint's format (a document with
    legends) or by the configuration (``fields``, ``extra-fields``, ``required-fields``)."""
    configured = {"fields", "extra-fields", "required-fields"} & settings.configured
    return bool(configured) or has_legends(roadmap)


def used_fields(roadmap: Roadmap, settings: Settings) -> tuple[str, ...]:
    """The default required fields that nearly all of the document's items write."""
    items = roadmap.items
    if len(items) < FIELD_MINIMUM:
        return ()
    dialect = Dialect.from_settings(settings)
    used = []
    for name in settings.required_fields:
        key = dialect.key(name)
        count = sum(1 for item in items if item.field(key) is not None)
        if count >= FIELD_MINIMUM and count >= FIELD_SHARE * len(items):
            used.append(name)
    return tuple(used)


def document_settings(roadmap: Roadmap, settings: Settings) -> Settings:
    """The settings the rules apply to this document: the configuration's, with what a
    document without legends asks for where the configuration is silent."""
    changes: dict[str, object] = {}
    legends = has_legends(roadmap)
    if not legends and "required-fields" not in settings.configured:
        changes["required_fields"] = used_fields(roadmap, settings)
    if (
        (roadmap.status_legend is None or roadmap.status_legend.inferred)
        and "statuses" not in settings.configured
        and not settings.statuses.common
    ):
        changes["statuses"] = replace(settings.statuses, common=True)
    return replace(settings, **changes) if changes else settings  # type: ignore[arg-type]
