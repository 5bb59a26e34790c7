"""Writing items of this shape (set, new) through the one write gate."""

from __future__ import annotations

from roadmaplint.edit.item import ItemEdit
from roadmaplint.edit.new import NewItem
from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item, Roadmap
from roadmaplint.settings import Settings


def edit_row(roadmap: Roadmap, item: Item, edit: ItemEdit, settings: Settings) -> str:
    raise RoadmapError(f"{roadmap.path}:{item.position.line}: editing this shape is not built yet")


def new_row(roadmap: Roadmap, request: NewItem, settings: Settings) -> tuple[str, str] | None:
    return None
