"""Shapes of plan: how items are written in a document, one unit each."""
