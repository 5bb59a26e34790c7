"""Edits of items: fields, new items, renames; pure text -> text steps that the gate proves."""
