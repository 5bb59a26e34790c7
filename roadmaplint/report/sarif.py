"""SARIF 2.1.0, as code-scanning services read it: one rule entry per code."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from urllib.parse import quote

from roadmaplint import __version__
from roadmaplint.findings import Finding
from roadmaplint.rules import ALL_RULES
from roadmaplint.rules.docs import rule_markdown
from roadmaplint.text import json_shown

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix())


def render(findings: Sequence[Finding]) -> str:
    index = {rule.code: number for number, rule in enumerate(ALL_RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why},
            "help": {"text": f"{rule.summary} {rule.why}", "markdown": rule_markdown(rule)},
            "defaultConfiguration": {"level": rule.severity.value},
            "properties": {"fixable": rule.fixable},
        }
        for rule in ALL_RULES
    ]
    results = [
        {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": finding.severity.value,
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "region": {"startLine": finding.line, "startColumn": finding.column},
                    }
                }
            ],
        }
        for finding in findings
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "roadmaplint", "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }
    return json_shown(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
