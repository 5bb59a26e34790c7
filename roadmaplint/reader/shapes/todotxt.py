"""todo.txt lines written as a list (``- (A) Title +project @context``): whether a
document keeps them, and the patterns of their priority."""

from __future__ import annotations

from roadmaplint.reader.shapes import Document
from roadmaplint.text import LazyPattern

# todo.txt's priority opening a box, ``- [ ] (A) Call the client +work @phone due:2025-08-05``
_TODO_TXT_PRIORITY = LazyPattern(r"[ \t]*\((?P<p>[A-Z])\)[ \t]+(?=\S)")
_TODO_TXT_BOX = LazyPattern(r"[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+\([A-Z]\)[ \t]+\S")
# the tokens todo.txt ends a task with: ``+project``, ``@context``, ``key:value``, ``#tag``
_TODO_TXT_TOKEN = LazyPattern(
    r"(?<![ \t])[ \t]+(?:[+@#][^\s+@#][^\s]*|[a-z][a-z-]*:[^\s:]\S*)[ \t]*$"
)
_FEWEST_TODO_TXT = 2


def todo_txt(document: Document) -> bool:
    """Whether the document's boxes are written in todo.txt's grammar (todomd, Obsidian's
    todo.txt plugins): two boxes or more open with a priority letter in brackets, ``- [ ]
    (A) Title``. There ``(A)`` is the priority, ``@phone`` a context (where the task can be
    done, no owner) and ``+project`` the project it is part of, none of them the title."""

    return document.memo("todo-txt", lambda: todo_txt_lines(document.lines))


def todo_txt_lines(lines: list[str]) -> bool:
    """Whether ``lines`` hold boxes written in todo.txt's grammar (``todo_txt``)."""
    found = 0
    fenced = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced  # an example of the grammar in a fence is no task
        elif not fenced and "[" in line and "(" in line and _TODO_TXT_BOX.match(line):
            found += 1
            if found >= _FEWEST_TODO_TXT:
                return True
    return False
