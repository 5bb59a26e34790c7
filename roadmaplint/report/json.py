"""A JSON array of findings: path, line, column, code, severity, message, item, fixable."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from roadmaplint.findings import Finding
from roadmaplint.text import json_shown


def render(findings: Sequence[Finding]) -> str:
    document = [finding.as_dict() for finding in findings]
    return json_shown(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def write_json(out: TextIO, document: object) -> None:
    """Any JSON document the commands print, indented as the findings are."""
    out.write(json_shown(json.dumps(document, indent=2, ensure_ascii=False)) + "\n")
