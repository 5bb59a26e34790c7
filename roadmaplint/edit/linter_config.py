"""The configuration markdownlint-cli2 and rumdl need to accept a roadmap.

Their default rules pass everything roadmaplint writes except the three a
multi-section roadmap must break: MD013 (a field is one line, however long),
MD025 (each section is a level-1 heading) and MD024 beyond siblings (formats
that repeat a heading such as ``## Done`` under each phase). ``init
--with-markdownlint-config`` writes these files; docs/markdownlint.md shows them,
and a test keeps the two the same.
"""

from __future__ import annotations

MARKDOWNLINT_CLI2 = """\
# markdownlint-cli2 for a roadmap kept with roadmaplint: every default rule but the
# ones a multi-section roadmap must break.
config:
  MD013: false # line-length: a field is one line ("- **Description:** ...")
  MD025: false # single-title: each section is a top-level "# Section"
  MD024:
    siblings_only: true # a heading may repeat under different parents (## Done)
"""

RUMDL = """\
# rumdl for a roadmap kept with roadmaplint: every default rule but the ones a
# multi-section roadmap must break.
[global]
disable = [
  "MD013", # line-length: a field is one line ("- **Description:** ...")
  "MD025", # single-title: each section is a top-level "# Section"
]

[MD024]
siblings-only = true # a heading may repeat under different parents (## Done)
"""

# file name -> text, in the order init writes them
LINTER_CONFIGS: tuple[tuple[str, str], ...] = (
    (".markdownlint-cli2.yaml", MARKDOWNLINT_CLI2),
    (".rumdl.toml", RUMDL),
)
