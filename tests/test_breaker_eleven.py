"""The eleventh break pass: documents that are no plans read quiet, and plans written in
the shapes this session's readings learned keep their bytes through the writers."""

from __future__ import annotations

import pytest

from roadmaplint import check_text
from roadmaplint.reader import parse
from roadmaplint.settings import Settings

_README = "# Tool\n\nA tool.\n\n{heading}\n\n{line}\n\n## License\n\nMIT\n"


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("## Project status", "Status: in development. Contributions welcome."),
        ("## Statut", "Statut : en développement."),
        ("## Compatibility", "Estado: estable"),
        ("## Requirements", "Requires: Python 3.8 or newer."),
        ("## Maintainers", "Owner: @bob"),
        ("## Support", "Responsable: Ana García"),
    ],
)
def test_a_readme_section_with_one_field_line_is_no_near_miss(heading: str, line: str) -> None:
    # a README's one "Status: beta" or "Requires: Python 3.8" under its heading is no item
    # that lost its ID: RL109 called it one, an error on a file that is no plan (the
    # other languages' field names made more of them)
    text = _README.format(heading=heading, line=line)
    assert parse(text, "README.md", Settings()).items == ()
    assert check_text(text, "README.md", Settings()) == []


def test_a_heading_with_fields_of_work_is_still_a_near_miss() -> None:
    text = "# Plan\n\n## Login\n\nStatus: done\nOwner: ana\n"
    assert [f.code for f in check_text(text, "PLAN.md", Settings())] == ["RL109"]
