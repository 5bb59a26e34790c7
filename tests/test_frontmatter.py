"""Task files' front matter read from libyaml's events (reader/shapes/frontmatter.py), held
to ruamel.yaml's round-trip reading (``read_task(..., round_trip=True)``): the same records
over every task file of the corpus and over the spellings YAML 1.1 and 1.2 read apart.
Hostile front matter gives what the round trip gives (one line, exit 2), whichever reader
meets it first: the fast one leaves anything it does not read to ruamel.yaml's guard."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cli
from taskfolder_texts import CONFIG, PARSER

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item
from roadmaplint.reader.shapes import frontmatter, taskfiles

CORPUS = Path(__file__).resolve().parent / "corpus" / "taskfiles"
TASK_FILES = sorted(CORPUS.glob("*/backlog/**/*.md")) if CORPUS.is_dir() else []


def _both(text: str, path: str = "t.md") -> tuple[Item | str, Item | str]:
    """The item (or the one-line refusal) as each reader reads ``text``."""
    read: list[Item | str] = []
    for round_trip in (False, True):
        try:
            read.append(taskfiles.read_task(text, path, round_trip=round_trip))
        except RoadmapError as error:
            read.append(f"RoadmapError: {error}")
    return read[0], read[1]


def test_the_resolvers_copied_are_ruamel_yamls_for_yaml_1_2() -> None:
    """A plain scalar any of these match is not a plain string to ruamel.yaml: the fast
    reader resolves none of them but decimals, and leaves the rest to ruamel.yaml."""
    from ruamel.yaml.resolver import VersionedResolver

    theirs = {
        re.sub(r"\s+", "", pattern.pattern)
        for resolvers in VersionedResolver(version=(1, 2)).versioned_resolver.values()
        for _, pattern in resolvers
    }
    ours = {re.sub(r"\s+", "", f"^{pattern}$") for pattern in frontmatter.RESOLVED}
    assert ours == theirs


@pytest.mark.skipif(not TASK_FILES, reason="the corpus of other people's task folders is absent")
def test_every_corpus_task_file_reads_the_same_and_fast() -> None:
    read_fast = 0
    for path in TASK_FILES:
        text = taskfiles.as_read(path.read_text(encoding="utf-8"))
        fast, reference = _both(text, str(path))
        assert fast == reference, path
        if text.startswith("---\n"):
            front, _ = taskfiles.split(text, str(path))
            read_fast += frontmatter.read(front) is not None
    # Backlog.md writes nothing the fast reader leaves to ruamel.yaml
    assert read_fast == sum(path.read_text().startswith("---\n") for path in TASK_FILES) > 250


@pytest.mark.skipif(not TASK_FILES, reason="the corpus of other people's task folders is absent")
def test_every_corpus_config_reads_the_same() -> None:
    for path in sorted(CORPUS.glob("*/backlog/config.yml")):
        text = path.read_text(encoding="utf-8")
        fast = frontmatter.read(text)
        assert fast is not None, path
        reference = taskfiles.guarded_load(text, str(path), taskfiles.yaml(), 1)
        assert {key: _plain(value) for key, value in fast.data.items()} == {
            key: _plain(value) for key, value in reference.items()
        }, path


def _plain(value: object) -> object:
    return [str(part) for part in value] if isinstance(value, list) else str(value)


# YAML 1.1 (PyYAML's resolver, js-yaml's) reads the first five as booleans, 010 as 8 and
# 1:30 as 5400; ruamel.yaml reads YAML 1.2, and so must the fast reader.
SPELLINGS = [
    "yes", "no", "on", "off", "y", "010", "1:30", "0o17", "0x1F", "0b101", "1_000",
    "+5", "-0", "00", "007", "62.5", "-0.0", "1.50", "1e3", "1.", ".5", ".inf", ".NaN",
    "NaN", "true", "True", "FALSE", "tRue", "null", "Null", "~", "", "2025-06-04",
    "2025-06-04 19:43", "2025-06-04 19:43:00", "'2025-06-04'", "'q'", '"d"', "''",
    "=", "<<", "@bob", "'@bob'", "a: b", "- x", "[]", "[a, 1, yes, 1.5, null]",
    "{a: 1}", "|\n  two\n  lines", ">-\n  folded\n  text", "x # a comment", "#nope",
    "2FA login", "1.5x faster", "v1.2", "-", "a\n  b", "'it''s'", '"tab\\there"',
    "12345678901234567890123", "Fix A & B!", "*", "&", "!", "%x",
]  # fmt: skip


@pytest.mark.parametrize("value", SPELLINGS)
def test_a_value_reads_as_ruamel_yaml_reads_it(value: str) -> None:
    for front in (
        f"id: TASK-7\ntitle: T\npriority: {value}\n",
        f"id: TASK-7\nlabels:\n  - {value}\n  - b\ndependencies: [{value}]\n",
        f"id: TASK-7\nassignee:\n- {value}\nstatus: To Do\n",
        f"{value}: x\nid: TASK-7\n",
    ):
        fast, reference = _both(f"---\n{front}---\n\nBody.\n")
        assert fast == reference, front


# Front matter laid out otherwise than Backlog.md writes it.
STRUCTURES = [
    "{id: T-1, title: x}\n", "id: T-1\n# c\n\ntitle: x  # c\n", "id: T-1\ntitle: a\n  b\n  c\nstatus: x\n",
    "id: T-1\n...\n", "? id\n: T-1\n", "id: T-1\ntitle:   spaced   \n", "id: T-1\nlabels: [a,\n  b]\n",
    "id: T-1\nlabels:\n- a\n-  b\n", "id: T-1\nlabels: []\nassignee: ''\n", "id: T-1\n'quoted key': v\n",
    "id: T-1\nkey with spaces: v\n", "id: T-1\ntitle: |\n  lit\n  more\nstatus: x\n",
    "id: T-1\ntitle: >\n  fold\n  more\n\nstatus: x\n", "  id: T-1\n  title: x\n", "id: T-1\nlabels:\n  -\n  - b\n",
    "%YAML 1.1\n---\nid: T-1\n", "id: T-1\nlabels: [a, [b]]\n", "id: T-1\nlabels: [a: b]\n",
    "id: T-1\ntitle: \"multi\n  line\"\n", "id:\n  T-1\n", "id: T-1 # c\n",
    "id: T-1\nlabels:\n  - a # c\n  # x\n  - b\n", "id: T-1\ndependencies: task-2, task-3\n",
]  # fmt: skip


@pytest.mark.parametrize("front", STRUCTURES)
def test_a_layout_reads_as_ruamel_yaml_reads_it(front: str) -> None:
    fast, reference = _both(f"---\n{front}---\n")
    assert fast == reference


# Every C0 and C1 control, and the characters YAML 1.1 and 1.2 read apart (NEL, the Unicode
# line and paragraph separators, a tab), a byte order mark, a zero-width space, an emoji.
CHARACTERS = [chr(code) for code in (*range(0x20), *range(0x7F, 0xA1)) if code != 0x0A] + [
    "\u2028", "\u2029", "\ufeff", "\u200b", "\ufffe", "\U0001f680", "\\", "\"", "'",
]  # fmt: skip


@pytest.mark.parametrize("character", CHARACTERS, ids=[hex(ord(c)) for c in CHARACTERS])
def test_a_character_in_a_value_reads_as_ruamel_yaml_reads_it(character: str) -> None:
    for front in (
        f"id: TASK-7\ntitle: a{character}b\nstatus: To Do\n",
        f"id: TASK-7\ntitle: 'a{character}b'\nstatus: To Do\n",
        f'id: TASK-7\ntitle: "a{character}b"\nstatus: To Do\n',
        f"id: TASK-7\nlabels:\n  - a{character}b\nstatus: To Do\n",
    ):
        fast, reference = _both(f"---\n{front}---\n")
        assert fast == reference, repr(front)


@pytest.mark.parametrize("value", ["yes", "on", "off", "no", "010", "1:30", "62.5", "-7", "~"])
def test_the_yaml_1_1_spellings_are_read_by_the_fast_reader_itself(value: str) -> None:
    """Not left to ruamel.yaml: read here, and as YAML 1.2 reads them."""
    read = frontmatter.read(f"id: TASK-7\npriority: {value}\nlabels: [{value}]\n")
    assert read is not None
    assert str(read.data["priority"]) == str(read.data["labels"][0])  # type: ignore[index]
    item, reference = _both(f"---\nid: TASK-7\npriority: {value}\n---\n")
    assert item == reference
    assert isinstance(item, Item)
    assert item.priority == {"~": None, "62.5": "62.5", "010": "10", "-7": "-7"}.get(value, value)


def _alias_bomb() -> str:
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    rows += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    return "\n".join(rows) + "\nlabels: *a9\n"


# What each hostile front matter gives: the same one-line refusal from either reader, or
# (a tag naming a plain string, a key written once) the same reading.
HOSTILE = {
    "billion-laughs": (_alias_bomb(), "t.md:3: YAML anchors and aliases are not read here"),
    "an-unused-anchor": ("title: &t T\n", "t.md:3: YAML anchors and aliases are not read here"),
    "deep-flow": ("labels: " + "[" * 100_000 + "]" * 100_000 + "\n", "nests deeper than 32"),
    "deep-block": ("k:\n" + "".join(f"{'  ' * n}- \n" for n in range(1, 40)), "nests deeper"),
    "python-tag": (
        "title: !!python/object/apply:os.system ['true']\n",
        "t.md:3: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not read",
    ),
    "huge-scalar": ("title: '" + "x" * (1 << 21) + "'\n", "t.md:2: the YAML is over 1 MiB"),
    "huge-plain-under-the-limit": ("title: " + "x" * (1 << 19) + "\n", None),
    "duplicate-key": ("status: To Do\nstatus: Done\n", 't.md:4: not valid YAML: found duplicate key "status"'),
    "a-string-tag": ("title: !!str 5\n", None),
    "not-yaml": ("title: [oops\n", "t.md:4: not valid YAML"),
}  # fmt: skip


@pytest.mark.parametrize(("front", "refusal"), HOSTILE.values(), ids=HOSTILE)
def test_hostile_front_matter_gives_what_the_round_trip_gives(
    front: str, refusal: str | None
) -> None:
    fast, reference = _both(f"---\nid: TASK-3\n{front}---\n")
    assert fast == reference
    if refusal is None:
        assert isinstance(fast, Item)
    else:
        assert isinstance(fast, str)
        assert refusal in fast
        assert "\n" not in fast


def test_a_hostile_task_is_one_line_and_exit_2_from_the_command(tmp_path: Path) -> None:
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    task = f"---\nid: TASK-3\ntitle: Bomb\n{_alias_bomb()}---\n"
    (backlog / "tasks" / "task-3 - Bomb.md").write_text(task, encoding="utf-8")
    done = cli("check", "backlog", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "roadmaplint: error: backlog/tasks/task-3 - Bomb.md:4: YAML anchors and aliases are "
        "not read here"
    ]


PLAIN_TASK = """\
---
id: TASK-1
title: Set up
status: Done
assignee:
  - '@ann'
labels: []
dependencies: []
ordinal: 62.5
---
"""

READ_FOLDER = """\
import sys
from pathlib import Path
from roadmaplint.reader.shapes import taskfiles
folder = taskfiles.read(Path(sys.argv[1]))
print(sorted(name for name in sys.modules if name.split(".")[0] == "ruamel"))
print([repr(task.item) for task in folder.tasks])
"""


def _read_in_a_process(backlog: Path, before: str = "") -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", before + READ_FOLDER, str(backlog)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_a_folder_backlog_wrote_is_read_without_ruamel_yaml(tmp_path: Path) -> None:
    """And with ruamel.yaml alone (PyYAML without its C parser), the same records."""
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    (backlog / "tasks" / "task-1 - Set-up.md").write_text(PLAIN_TASK, encoding="utf-8")
    modules, items = _read_in_a_process(backlog)
    assert modules == "[]"
    without = _read_in_a_process(backlog, "import sys; sys.modules['yaml._yaml'] = None\n")
    assert without[0] != "[]"  # ruamel.yaml read it
    assert without[1] == items
    (backlog / "tasks" / "task-2 - Write-parser.md").write_text(PARSER, encoding="utf-8")
    modules, _ = _read_in_a_process(backlog)
    assert modules != "[]"  # a flow mapping in a task's front matter: ruamel.yaml's to read
