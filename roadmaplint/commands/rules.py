"""`roadmaplint rules` and `roadmaplint rule CODE`: the rules' own documentation."""

from __future__ import annotations

import json
from typing import TextIO

from roadmaplint.commands.common import EXIT_ERROR, EXIT_OK, say_error
from roadmaplint.rules import ALL_RULES, find_rule
from roadmaplint.rules.docs import rule_text, rules_table


def run_rules(output_format: str, out: TextIO) -> int:
    if output_format == "json":
        document = [
            {
                "code": rule.code,
                "name": rule.name,
                "severity": rule.severity.value,
                "fixable": rule.fixable,
                "summary": rule.summary,
            }
            for rule in ALL_RULES
        ]
        out.write(json.dumps(document, indent=2) + "\n")
    else:
        out.write(rules_table(ALL_RULES))
    return EXIT_OK


def run_rule(key: str, out: TextIO, err: TextIO) -> int:
    rule = find_rule(key)
    if rule is None:
        say_error(err, f"no rule {key!r}; `roadmaplint rules` lists them")
        return EXIT_ERROR
    out.write(rule_text(rule))
    return EXIT_OK
