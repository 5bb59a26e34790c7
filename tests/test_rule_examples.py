"""Every rule's own examples, as `roadmaplint rule CODE` and docs/rules.md show them.

Each rule carries a fragment that fails and the same fragment corrected. Most are
excerpts (a field line or two) that give no finding alone, so each is placed in a
host roadmap as a reader would place it: field lines replace the host item's lines
of the same name, items join the document. The rule must fire on the failing
fragment and stay quiet on the corrected one; a wrong example teaches users a
wrong roadmap (ROADMAP INT-13).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import LEGENDS, cli
from test_history import git

from roadmaplint.rules import ALL_RULES, Rule

HOST = (
    LEGENDS.replace("# Test Roadmap\n", "# Roadmap\n", 1)
    + """\
## Field Legend

- **DRI** – who drives it
- **Status** – one of the statuses above
- **Priority** – one of the priorities above
- **Depends on** – items that must be done first
- **Claimed by** – an agent's claim
- **Description** – what it is
- **Definition of Done** – how we know

# Graph

## [GRAPH-1] Dynamic Shapes

- **DRI:** @janpf
- **Status:** in_progress
- **Priority:** P0
- **Description:** Shapes known at run time.
- **Definition of Done:**
  - [ ] Shapes inferred

# Host

## [HOST-1] Host Item

- **DRI:** _unassigned_
- **Status:** ready
- **Priority:** P0
- **Description:** The item a fragment is placed in.
- **Definition of Done:**
  - Something shipped
"""
)

_FIELD = re.compile(r"^- \*\*([^*]+):\*\*")
_COMMENT = re.compile(r"\s*<!--.*?-->")

# Fragments that are whole documents (their headings and sections are the point).
WHOLE = {"RL106", "RL108", "RL109", "RL203"}
# Fragments about the generated sections: a document of their own, under a title and
# the legends that make it one in roadmaplint's format.
GENERATED = {"RL401", "RL402", "RL403", "RL404", "RL405"}
# Rules that read a second version (guard) or the history (RL505): tested below.
BETWEEN_VERSIONS = {f"RL60{n}" for n in range(1, 9)}
CONFIG = {
    "RL103": 'required-fields = ["DRI", "Status", "Priority"]\n',
    "RL505": "stale-after-days = 30\n",
}


def _blocks(fragment: str) -> list[tuple[str | None, list[str]]]:
    """The fragment's field lines, each with the indented lines under it."""
    blocks: list[tuple[str | None, list[str]]] = []
    for line in _COMMENT.sub("", fragment).splitlines():
        if not line.strip():
            continue
        field = _FIELD.match(line)
        if field or not blocks:
            blocks.append((field.group(1) if field else None, [line]))
        else:
            blocks[-1][1].append(line)
    return blocks


def _with_fields(fragment: str) -> str:
    """The host with HOST-1's fields replaced by the fragment's of the same name."""
    head, host_item = HOST.split("## [HOST-1] Host Item\n\n")
    fields = _blocks(host_item)
    names = {name for name, _ in _blocks(fragment)}
    kept = [lines for name, lines in fields if name not in names]
    given = [lines for _, lines in _blocks(fragment)]
    body = "\n".join(line for lines in [*kept, *given] for line in lines)
    return f"{head}## [HOST-1] Host Item\n\n{body}\n"


def _with_items(fragment: str) -> str:
    """The host with the fragment's items added after its own."""
    return f"{HOST}\n{_shown(fragment)}"


def _shown(fragment: str) -> str:
    """The fragment without the lines that say "more of the same here"."""
    return "\n".join(line for line in fragment.splitlines() if line.strip() != "...") + "\n"


def placed(rule: Rule, fragment: str) -> str:
    if rule.code in WHOLE:
        return _shown(fragment)
    if rule.code in GENERATED:
        head = HOST.split("## Field Legend")[0]
        return f"{head}{_shown(fragment)}"
    if fragment.lstrip().startswith(("#", "<!--")):
        return _with_items(fragment)
    return _with_fields(fragment)


def codes(tmp_path: Path, text: str, config: str = "") -> list[str]:
    (tmp_path / "ROADMAP.md").write_text(text, encoding="utf-8")
    if config:
        (tmp_path / ".roadmaplint.toml").write_text(config, encoding="utf-8")
    done = cli("check", "ROADMAP.md", "--format", "json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return [finding["code"] for finding in json.loads(done.stdout)]


ONE_VERSION = [rule for rule in ALL_RULES if rule.code not in BETWEEN_VERSIONS | {"RL505", "RL901"}]


def test_the_host_alone_is_clean(tmp_path: Path) -> None:
    # so each finding below is the fragment's doing
    assert codes(tmp_path, HOST) == ["RL402"]  # no overview yet: fix appends one
    assert codes(tmp_path, HOST, CONFIG["RL103"]) == ["RL402"]


def fixed(tmp_path: Path, text: str) -> str:
    (tmp_path / "ROADMAP.md").write_text(text, encoding="utf-8")
    done = cli("fix", "ROADMAP.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return (tmp_path / "ROADMAP.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "rule", [rule for rule in ONE_VERSION if rule.fixable], ids=lambda rule: rule.code
)
def test_fix_writes_what_the_corrected_example_shows(tmp_path: Path, rule: Rule) -> None:
    after = fixed(tmp_path, placed(rule, rule.bad))
    assert rule.code not in codes(tmp_path, after)
    if rule.code in GENERATED:
        # the corrected fragment's lines, in order ("..." leaves lines out)
        lines = iter(after.splitlines())
        for line in _shown(rule.good).splitlines():
            assert any(written.strip() == line.strip() for written in lines), (line, after)


def test_fix_regenerates_a_graph_where_nothing_has_a_priority(tmp_path: Path) -> None:
    # fix never adds an empty overview; it refused to write the graph for want of one
    text = placed(
        next(rule for rule in ALL_RULES if rule.code == "RL404"),
        "## [MODEL-1] Import\n\n## [MODEL-2] Example\n- **Depends on:** MODEL-1\n\n"
        "# Dependency Graph\n\n```mermaid\nflowchart LR\n```\n",
    )
    after = fixed(tmp_path, text)
    assert "  MODEL_1 --> MODEL_2\n" in after
    assert "# Priority Overview" not in after
    assert "RL404" not in codes(tmp_path, after)


@pytest.mark.parametrize("rule", ONE_VERSION, ids=lambda rule: rule.code)
def test_a_rule_fires_on_its_failing_example_and_not_on_the_corrected_one(
    tmp_path: Path, rule: Rule
) -> None:
    config = CONFIG.get(rule.code, "")
    assert rule.code in codes(tmp_path, placed(rule, rule.bad), config), placed(rule, rule.bad)
    if _shown(rule.good) != rule.good:
        return  # lines left out: the fix test above compares it with what fix writes
    assert rule.code not in codes(tmp_path, placed(rule, rule.good), config), placed(
        rule, rule.good
    )


def test_an_unused_suppression_example(tmp_path: Path) -> None:
    rule = next(rule for rule in ALL_RULES if rule.code == "RL901")
    # the failing example silences RL305 where nothing inverts a priority
    assert "RL901" in codes(tmp_path, _with_items(rule.bad))
    assert "RL901" not in codes(tmp_path, _with_items(rule.good))


def test_the_stale_in_progress_example_with_real_history(tmp_path: Path) -> None:
    rule = next(rule for rule in ALL_RULES if rule.code == "RL505")
    git("init", "-q", cwd=tmp_path)
    (tmp_path / ".roadmaplint.toml").write_text(CONFIG["RL505"], encoding="utf-8")
    (tmp_path / "ROADMAP.md").write_text(_with_fields(rule.bad), encoding="utf-8")
    git("add", ".", cwd=tmp_path)
    git("commit", "-q", "-m", "start", cwd=tmp_path, date="2026-01-01T00:00:00+00:00")
    # "since a commit 200 days ago"; the host's GRAPH-1 is in progress as long
    assert "HOST-1" in stale(tmp_path, _with_fields(rule.bad))
    assert "HOST-1" not in stale(tmp_path, _with_fields(rule.good))


def stale(tmp_path: Path, text: str) -> str:
    (tmp_path / "ROADMAP.md").write_text(text, encoding="utf-8")
    done = cli("check", "ROADMAP.md", "--select", "RL505", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


# What each guard example's comments say the file was before the edit.
BEFORE = {
    "RL601": "## [GRAPH-2] Shape Inference\n\n- **Status:** ready\n",
    "RL602": "- **Status:** ready\n- **Depends on:** GRAPH-1\n",
    "RL603": "- **Status:** ready\n- **Definition of Done:**\n  - [ ] Tests\n",
    "RL604": "- **Status:** in_progress\n- **Definition of Done:**\n  - [ ] Tests\n",
    "RL605": "- **Status:** done\n",
    "RL606": "- **Depends on:** GRAPH-1\n",
    "RL607": "- **Claimed by:** @alice until 2999-01-01T00:00:00Z\n",
    "RL608": "- stray note\n\n## [GRAPH-2] Shape Inference\n",  # as corrected
}


def _version(fragment: str) -> str:
    if "the item is gone" in fragment:
        return HOST
    return _guard_placed(fragment)


def _guard_placed(fragment: str) -> str:
    if fragment.lstrip().startswith(("#", "- stray")):
        return _with_items(fragment)
    return _with_fields(fragment)


def guard_codes(tmp_path: Path, before: str, after: str) -> list[str]:
    (tmp_path / "OLD.md").write_text(before, encoding="utf-8")
    (tmp_path / "ROADMAP.md").write_text(after, encoding="utf-8")
    done = cli("guard", "--against-file", "OLD.md", "--format", "json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    return [finding["code"] for finding in json.loads(done.stdout)]


@pytest.mark.parametrize("code", sorted(BEFORE))
def test_a_guard_rule_fires_on_its_failing_example_and_not_on_the_corrected_one(
    tmp_path: Path, code: str
) -> None:
    rule = next(rule for rule in ALL_RULES if rule.code == code)
    before = _guard_placed(BEFORE[code])
    assert code in guard_codes(tmp_path, before, _version(rule.bad))
    assert code not in guard_codes(tmp_path, before, _guard_placed(rule.good))


def test_every_rule_is_tried() -> None:
    tried = {rule.code for rule in ONE_VERSION} | set(BEFORE) | {"RL505", "RL901"}
    assert tried == {rule.code for rule in ALL_RULES}
