"""The fifteenth break pass: a task's front matter that a person could write and
ruamel.yaml reads into a Python error of its own (a date no calendar has, a number too
long for ``int``, a tag whose value is not of its kind, a ``<<`` merge key) gave a
traceback from either reader, fast or round trip; each is now one line naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import cli, finding_lines, read_items
from taskfolder_texts import CONFIG

from roadmaplint.errors import RoadmapError
from roadmaplint.model import Item
from roadmaplint.reader.shapes import taskfiles

# What YAML parses and ruamel.yaml's constructors then fail on with ValueError, KeyError,
# IndexError or AssertionError: each value was a traceback.
UNCONSTRUCTABLE = {
    "a-month-13": "created_date: 2024-13-45\n",
    "a-february-30": "labels: [2024-02-30]\n",
    "a-long-number": "ordinal: " + "9" * 5000 + "\n",
    "a-long-binary": "ordinal: 0b" + "1" * 20_000 + "\n",
    "an-int-tag-on-a-word": "priority: !!int abc\n",
    "a-float-tag-on-nothing": "priority: !!float ''\n",
    "a-bool-tag-on-maybe": "priority: !!bool maybe\n",
    "an-omap-with-a-key-twice": "x: !!omap [a: 1, a: 2]\n",
    "a-merge-key": "<<: {title: Merged}\n",
    "two-merged-mappings": "<<: [{title: M}, {status: Done}]\n",
}


@pytest.mark.parametrize("front", UNCONSTRUCTABLE.values(), ids=UNCONSTRUCTABLE)
def test_a_value_ruamel_yaml_cannot_construct_is_one_line(front: str) -> None:
    text = f"---\nid: TASK-3\n{front}---\n\nBody.\n"
    refusals = []
    for round_trip in (False, True):
        with pytest.raises(RoadmapError) as raised:
            taskfiles.read_task(text, "t.md", round_trip=round_trip)
        refusals.append(str(raised.value))
    assert refusals[0] == refusals[1]
    assert refusals[0].startswith("t.md:")
    assert "\n" not in refusals[0]
    assert "set_int_max_str_digits" not in refusals[0]  # Python's advice, not the user's


def test_a_number_just_under_pythons_limit_still_reads() -> None:
    text = "---\nid: TASK-3\ntitle: T\nordinal: " + "9" * 4000 + "\n---\n"
    fast, reference = (taskfiles.read_task(text, "t.md", round_trip=rt) for rt in (False, True))
    assert fast == reference
    assert isinstance(fast, Item)


def test_the_command_refuses_such_a_task_with_exit_2_and_the_file_unchanged(
    tmp_path: Path,
) -> None:
    tasks = tmp_path / "backlog" / "tasks"
    tasks.mkdir(parents=True)
    (tmp_path / "backlog" / "config.yml").write_text(CONFIG, encoding="utf-8")
    task = tasks / "task-3 - Merged.md"
    text = "---\nid: TASK-3\n<<: {title: Merged}\nstatus: To Do\n---\n\nBody.\n"
    task.write_text(text, encoding="utf-8")
    commands = (
        ("list", "backlog"),
        ("check", "backlog"),
        ("set", "TASK-3", "backlog", "--status", "Done"),
    )
    for command in commands:
        result = cli(*command, cwd=tmp_path)
        assert result.returncode == 2, command
        assert "Traceback" not in result.stderr
        assert "task-3 - Merged.md:3:" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert task.read_text(encoding="utf-8") == text


NOTES = """\
# Tasks

| ID | Task | Status | Notes |
|----|------|--------|-------|
| T013 | Schema | done | |
| T014 | API | todo | No longer blocked on T013 |
| T015 | UI | todo | Was blocked on T014, unblocked Monday |
| T016 | Docs | todo | Blocked on T014 |
"""


def test_a_note_saying_the_wait_is_over_names_no_dependency() -> None:
    # ``Blocked on T014`` in a notes cell names what the row waits for; a note saying it
    # no longer does (``No longer blocked on``, ``Was blocked on``) had made T013 and T014
    # dependencies of rows that wait for nothing
    read = [(i.id, i.depends_on) for i in read_items(NOTES, "TASKS.md")]
    assert read == [("T013", ()), ("T014", ()), ("T015", ()), ("T016", ("T014",))]
    assert finding_lines(NOTES, "TASKS.md") == []


TAGGED = """\
# Backlog

## Now

- [ ] BE-1: One
  `#x` `@est:4h` `@depends:BE-2`
- [ ] BE-2: Two
  `#backend` `@depends:BE-3`

- [ ] BE-3: Three
"""


def test_a_tag_line_under_a_box_is_no_part_of_its_title() -> None:
    # the tag line under a box whose title has no dash after it, or with no blank line
    # before the next box, was read as the title wrapped: ``One #x :4h @depends:BE-2``,
    # owned by ``est`` (the ``@est`` tag read as a mention)
    read = [(i.id, i.title, i.dri, i.depends_on) for i in read_items(TAGGED, "BACKLOG.md")]
    assert read == [
        ("BE-1", "One", None, ("BE-2",)),
        ("BE-2", "Two", None, ("BE-3",)),
        ("BE-3", "Three", None, ()),
    ]
    assert finding_lines(TAGGED, "BACKLOG.md") == []
