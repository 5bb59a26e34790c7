"""Writes the third write gate's leftovers pass (ROADMAP SAFE-82) made or refused: each
edit's bytes exact, each refusal one line, exit 2, the file untouched."""

from __future__ import annotations

from roadmaplint.generate.fix import fix_text
from roadmaplint.reader import parse
from roadmaplint.settings import Settings
from roadmaplint.write.proof import Targets, prove_edit

# A dependency named by the title of an item above the graph: the proof's shortcut read
# the rest alone, where the title names nothing, and refused the regenerated graph.
TITLED = """\
# Roadmap

---

# Section 0

## [WEB-1] Login page

- **Status:** ready

# Dependency Graph

---

# Section 1

## [WEB-2] Profile page

- **Status:** ready
- **Depends on:** Login page
"""

GRAPH = """\
# Dependency Graph

```mermaid
flowchart LR
  subgraph s0["Section 0"]
    WEB_1["WEB-1: Login page"]
  end
  subgraph s1["Section 1"]
    WEB_2["WEB-2: Profile page"]
  end
  WEB_1 --> WEB_2
  classDef ready fill:#d0ebff,stroke:#1864ab
  class WEB_1,WEB_2 ready
```
"""


def test_fix_draws_a_dependency_named_by_a_title_above_the_graph() -> None:
    result = fix_text(TITLED)
    assert result.refused is None
    assert result.text == TITLED.replace("# Dependency Graph\n", GRAPH)


# The same ID written above the graph and below it, under a setext heading naming it again:
# the whole reads the setext line as restating the first, the rest alone the last.
REPEATED = """\
# Roadmap

---

# Section 0

## [WEB-1] Login

## [WEB-1] Login

## [WEB-2] Logout

# Dependency Graph

---

# Section 1

## [WEB-1] Login

WEB-1 — Login
-------------
"""


def test_the_proof_reads_an_item_restated_below_its_split_as_the_whole_does() -> None:
    before = parse(REPEATED)
    result = fix_text(REPEATED)
    assert result.changed
    targets = Targets(generated=True)
    proved = prove_edit(before, result.text, targets, Settings(), result.edits)
    assert proved.items == parse(result.text).items
