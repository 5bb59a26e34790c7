"""The one error type for "the run itself could not happen"; the CLI turns it into exit 2."""

from __future__ import annotations


class RoadmapError(Exception):
    """A problem with the user's input or environment, said in one line."""

    exit_code = 2
