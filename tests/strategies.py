"""A hypothesis strategy for random roadmaps in the GoMLX format and its relatives, warts and all.

Random sections, items, fields and legends; dependencies with cycles, unknown IDs
and externals; 0-3 spaces of indentation; `-`/`*`/`+`/`1.`/`1)` list markers;
setext headings for the title, sections, items, the generated sections and their
groups; CRLF or LF; with or without BOM and final newline; code blocks and HTML
comments in between; unicode in titles; a Priority Overview that is right,
stale, missing or doubled and a Dependency Graph, in either order and anywhere
among the sections; and inside both of them, blocks people write that fix must
keep: prose, comments, tables, link definitions, foreign fences, `<details>`,
`###` headings, thematic breaks, notes nested under entries. Item headings at
level 2 or 3, with brackets or a separator; fields bold or plain, under their built-in
aliases; and a stray list at column 1 that swallows an indented document.
"""

from __future__ import annotations

import contextlib
import re

from hypothesis import strategies as st

STATUSES = ("idea", "ready", "in_progress", "blocked", "done")
PRIORITIES = ("P0", "P1", "P2")
PREFIXES = ("MODEL", "MODEL", "GRAPH", "X_1")
MARKERS = ("-", "*", "+", "1.", "1)")
# Titles: any printable unicode but line breaks (markdown would end the heading there).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
titles = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=LINE_BREAKS),
    min_size=1,
    max_size=30,
).filter(lambda title: title.strip() != "")
words = st.text(alphabet="abcdefghij -_`*", min_size=0, max_size=20)

# Blocks people write inside the generated sections (and fix must keep).
USER_BLOCKS = (
    "Some prose about what comes first.",
    "<!-- a note for maintainers -->",
    "<!-- roadmaplint-disable-file RL503 -->",
    "| who | what |\n| --- | --- |\n| ana | P0 |",
    "[doc]: https://example.com/design",
    "```sh\nroadmaplint graph --format dot\n```",
    "~~~python\nprint('a picture')\n~~~",
    "<details><summary>More</summary>\n\nHidden text.\n\n</details>",
    "### A smaller heading",
    "---",
    "> a quoted line",
    "Text with a footnote.[^1]\n\n[^1]: The footnote.",
    "- a list of notes\n  - nested under it",
)


@st.composite
def item_ids(draw: st.DrawFn) -> str:
    # a small space of IDs, so that duplicates and cycles are common
    return f"{draw(st.sampled_from(PREFIXES))}-{draw(st.integers(1, 3))}"


def heading(draw: st.DrawFn, level: int, text: str, indent: str, setext: bool) -> str:
    """An ATX heading, or a setext one (text underlined) where the text allows it."""
    if setext and level <= 2 and text[:1].isalnum():
        underline = "=" if level == 1 else "-"
        return f"{indent}{text}\n{indent}{underline * max(3, draw(st.integers(1, 12)))}"
    return f"{indent}{'#' * level} {text}"


ALIASES = {"DRI": "Owner", "Status": "State", "Depends on": "Dependencies"}
HEADINGS = ["[{id}] {title}", "{id} — {title}", "{id} – {title}", "{id} - {title}", "{id}: {title}"]
# Plain `Name: value` fields are read for known names only.
NOT_PLAIN = frozenset({"Stauts", "Links"})


# Values with inline markup an edit must keep byte for byte: links with commas and
# parentheses in their URLs, code spans (with commas), emphasis, escapes.
MARKUP_VALUES = (
    "see [notes](https://x.y/z?a=1,2)",
    "[a link](https://e.x/a_(b),c)",
    "`a, code` span",
    "*emphasis* and __strong__",
    "an escaped \\# and \\*",
    "<https://e.x/a,b>",
)
MARKUP_DEPENDENCIES = ("(see [notes](https://x.y/z?a=1,2))", "[Go](https://go.dev/x,y) 1.26")
# How a paragraph of fields (no list) ends its lines.
HARD_BREAKS = ("\\", "  ", "")


@st.composite
def items(
    draw: st.DrawFn,
    item_id: str,
    known: list[str],
    indent: str,
    level: int = 2,
    rich: bool = False,
) -> str:
    """One item. ``rich``: also paragraphs of fields ended by hard breaks, levels 2-4,
    values with inline markup, and boxes whose text is on the next line."""
    marker = draw(st.sampled_from(MARKERS))
    paragraph = rich and draw(st.integers(0, 3)) == 0
    hard_break = draw(st.sampled_from(HARD_BREAKS)) if paragraph else ""
    nested = indent + ("" if paragraph else " " * (len(marker) + 1))
    setext = draw(st.integers(0, 5)) == 0
    title = draw(st.sampled_from(HEADINGS)).format(id=item_id, title=draw(titles))
    lines = [heading(draw, level, title, indent, setext and title.isprintable()), ""]
    fields = []
    if draw(st.integers(0, 9)):
        fields.append(("DRI", draw(st.sampled_from(["_unassigned_", "@ana", "", "none"]))))
    if draw(st.integers(0, 9)):
        fields.append(("Status", draw(st.sampled_from([*STATUSES, "wip", "`ready`"]))))
    if draw(st.integers(0, 9)):
        fields.append(("Priority", draw(st.sampled_from([*PRIORITIES, "p1", "P9"]))))
    if draw(st.booleans()):
        # any item of the document (so cycles happen), unknown IDs, externals, itself
        choices = [*known, "GHOST-1", "Go 1.26", item_id]
        choices += list(MARKUP_DEPENDENCIES) if rich else []
        deps = draw(st.lists(st.sampled_from(choices), max_size=3))
        fields.append(("Depends on", ", ".join(deps)))
    if draw(st.booleans()):
        value = draw(st.sampled_from(MARKUP_VALUES) if rich and draw(st.booleans()) else words)
        fields.append((draw(st.sampled_from(["Area", "Stauts", "Description", "Status"])), value))
    if draw(st.integers(0, 4)) == 0:
        fields.append(("Links", "[design][doc]"))
    draw(st.randoms()).shuffle(fields)
    written = []
    for name, value in fields:
        if name in ALIASES and draw(st.integers(0, 4)) == 0:
            name = ALIASES[name]
        plain = "{}:" if name not in NOT_PLAIN else "**{}:**"
        style = draw(st.sampled_from(["**{}:**", "**{}**:", plain]))
        written.append(f"{style.format(name)} {value}".rstrip())
    done = draw(st.booleans())
    if done:
        written.append("**Definition of Done:**")
    for number, line in enumerate(written, 1):
        if paragraph:
            ending = hard_break if number < len(written) and line[-1:] != "\\" else ""
            lines.append(f"{indent}{line}{ending}")
        else:
            lines.append(f"{indent}{marker} {line}")
    if done:
        for _ in range(draw(st.integers(0, 3))):
            box = draw(st.sampled_from(["", "[ ] ", "[x] ", *(["[ ]\n"] if rich else [])]))
            text = draw(words)
            if box.endswith("\n"):
                lines.append(f"{nested}- {box.strip()}\n{nested}  {text.strip() or 'text'}")
            else:
                lines.append(f"{nested}- {box}{text}".rstrip())
    lines.append("")
    return "\n".join(lines) + "\n"


def user_blocks(draw: st.DrawFn, indent: str, most: int = 2) -> list[str]:
    chosen = draw(st.lists(st.sampled_from(USER_BLOCKS), max_size=most))
    return [
        "\n".join(indent + line if line else line for line in block.split("\n")) for block in chosen
    ]


@st.composite
def overview(draw: st.DrawFn, known: list[str], indent: str) -> str:
    """A Priority Overview, stale or not, with the user's blocks in it."""
    setext = draw(st.integers(0, 4)) == 0
    parts = [heading(draw, 1, "Priority Overview", indent, setext), ""]
    parts += user_blocks(draw, indent)
    marker = draw(st.sampled_from(["-", "-", "*", "1."]))
    for priority in draw(st.sampled_from([PRIORITIES, PRIORITIES, PRIORITIES[:2], ()])):
        parts += ["", heading(draw, 2, priority, indent, draw(st.integers(0, 4)) == 0)]
        chosen = draw(st.lists(st.sampled_from([*known, "GHOST-2"]), max_size=4)) if known else []
        for item_id in chosen:
            note = draw(st.sampled_from(["", "", "", " (why)", f"\n{indent}  - a nested note"]))
            parts.append(f"{indent}{marker} {item_id}{note}")
        between = user_blocks(draw, indent, 1)
        if between:
            parts += ["", *between]
    return "\n".join(parts) + "\n"


@st.composite
def graph_section(draw: st.DrawFn, indent: str) -> str:
    setext = draw(st.integers(0, 4)) == 0
    parts = [heading(draw, 1, "Dependency Graph", indent, setext), ""]
    parts += user_blocks(draw, indent)
    if draw(st.booleans()):
        parts += ["", f"{indent}```mermaid", f"{indent}flowchart LR", f"{indent}```"]
    parts += ["", *user_blocks(draw, indent, 1)]
    return "\n".join(parts) + "\n"


@st.composite
def roadmaps(draw: st.DrawFn, rich: bool = False) -> str:
    """A random roadmap; ``rich`` as for ``items``."""
    indent = " " * draw(st.integers(0, 3))
    level = draw(st.sampled_from([2, 2, 3, *([4] if rich else [])]))
    setext_title = draw(st.integers(0, 4)) == 0
    parts = [heading(draw, 1, f"Roadmap {draw(titles)}", indent, setext_title), ""]
    if len(indent) >= 2 and draw(st.integers(0, 4)) == 0:
        # A stray list at column 1: under CommonMark it swallows the rest (RL108).
        parts += ["## Notes", "", "- a stray note", "- another", ""]
    if draw(st.integers(0, 9)):
        parts += [f"{indent}## Status Legend", ""]
        parts += [f"{indent}- `{status}` – {status}" for status in STATUSES]
        parts.append("")
    if draw(st.integers(0, 9)):
        parts += [f"{indent}## Priority Legend", ""]
        parts += [f"{indent}- `{priority}` – {priority}" for priority in PRIORITIES]
        parts.append("")
    known = draw(st.lists(item_ids(), max_size=10))
    sections = draw(st.lists(st.integers(0, 2), min_size=len(known), max_size=len(known)))
    ending = draw(st.sampled_from(["none", "right", "stale", "double"]))
    generated: list[str] = []
    if ending != "none":
        generated += [draw(overview(known, indent))] * (2 if ending == "double" else 1)
    if draw(st.integers(0, 2)) == 0:
        generated.append(draw(graph_section(indent)))
    # Where the generated sections go: after which section (3 means at the end).
    places = draw(
        st.lists(
            st.sampled_from([0, 1, 2, 3, 3, 3]), min_size=len(generated), max_size=len(generated)
        )
    )
    draw(st.randoms()).shuffle(generated)
    setext_sections = draw(st.integers(0, 4)) == 0
    for section in range(3 if known else 1):
        parts += [
            f"{indent}---",
            "",
            heading(draw, 1, f"Section {section}", indent, setext_sections),
            "",
        ]
        for item_id, where in zip(known, sections, strict=True):
            if where != section:
                continue
            parts.append(draw(items(item_id, known, indent, level, rich)))
            interlude = draw(
                st.sampled_from(
                    [
                        "",
                        f"{indent}```\n## [MODEL-9] in a fence\n{indent}```\n",
                        f"{indent}<!-- a comment\n## [GRAPH-9] inside it -->\n",
                        "<!-- roadmaplint-disable RL306 -->\n",
                        f"{indent}---\n",
                        f"{indent}## Notes without an ID\n",
                        f"{indent}[doc]: https://example.com/doc\n",
                    ]
                )
            )
            parts.append(interlude)
        parts += [text for text, place in zip(generated, places, strict=True) if place == section]
    text = "\n".join(parts) + "\n"
    tail = [
        text
        for text, place in zip(generated, places, strict=True)
        if place == 3 or place >= (3 if known else 1)
    ]
    if tail:
        text += "\n" + "\n".join(tail)
    if ending == "right":
        from roadmaplint.errors import RoadmapError
        from roadmaplint.generate.fix import fix_text

        with contextlib.suppress(RoadmapError):
            text = fix_text(text).text
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


# What people type, paste and delete while editing a roadmap, the awkward cases included.
PIECES = (
    "x",
    "\n",
    " ",
    "ready",
    "redy",
    "- **Status:** in_progress\n",
    "  - **Depends on:** MODEL-1, GRAPH-9\n",
    "- **Stauts:** idea\n",
    "```python\n",
    "```\n",
    "~~~\n",
    "## [MODEL-9] Pasted item\n",
    "## ",
    "# Section\n",
    "<!-- roadmaplint-disable RL201 -->\n",
    "<!-- ",
    "-->",
    "1. **DRI:** @ana\n",
    "* ",
    "> ",
    "    ",
    "---\n",
    "===\n",
    "\r\n",
    "[link]: https://example.com\n",
    "<details>\n",
    "| a | b |\n",
    "- [x] ",
    "é😀",
)


@st.composite
def edits(draw: st.DrawFn, text: str) -> tuple[int, int, str]:
    """Where to edit: mostly inside a line of the text, sometimes across lines."""
    start = draw(st.integers(0, len(text)))
    length = draw(st.sampled_from([0, 0, 0, 1, 2, 8, 40, 200]))
    piece = draw(st.sampled_from(("", *PIECES)))
    return start, min(len(text), start + length), piece


# Edits people make to a plan, each as (start, end, replacement) of the text.
_VALUE = r"(?m)^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\**{name}:?\**:?[ \t]*(?P<value>[^\n\r]*)"
_STATUS_VALUE = re.compile(_VALUE.format(name="Status"))
_PRIORITY_VALUE = re.compile(_VALUE.format(name="Priority"))
_DEPENDS_VALUE = re.compile(_VALUE.format(name="Depends on"))
_HEADING_ID = re.compile(r"(?m)^[ \t]*#{2,3}[ \t]+\[?(?P<value>[A-Z][A-Z0-9_]*-\d+)")
_LINE = re.compile(r"(?m)^(?P<indent>[ \t]*)(?P<value>[^\n\r]*)(?:\r\n|\n|\r|$)")


def _pick(draw: st.DrawFn, pattern: re.Pattern[str], text: str) -> object:
    found = list(pattern.finditer(text))
    return draw(st.sampled_from(found)) if found else None


@st.composite
def people_edits(draw: st.DrawFn, text: str) -> tuple[int, int, str]:
    """One edit a person makes: change a status or a priority, add or remove a
    dependency, rename an ID, add an item, delete a line, paste a list, press Enter at the
    end of a line (a blank line, or a new list item begun) or Backspace at the start of
    one (joining it to the line above); else a random edit."""
    ids = sorted(set(_HEADING_ID.findall(text))) or ["MODEL-1"]
    kind = draw(
        st.sampled_from(
            (
                "status",
                "priority",
                "depend",
                "undepend",
                "rename",
                "item",
                "delete",
                "paste",
                "enter",
                "backspace",
            )
        )
    )
    line = _pick(draw, _LINE, text)
    if kind in ("status", "priority", "depend", "undepend", "rename"):
        pattern = {
            "status": _STATUS_VALUE,
            "priority": _PRIORITY_VALUE,
            "depend": _DEPENDS_VALUE,
            "undepend": _DEPENDS_VALUE,
            "rename": _HEADING_ID,
        }[kind]
        match = _pick(draw, pattern, text)
        if isinstance(match, re.Match):
            start, end = match.span("value")
            value = {
                "status": st.sampled_from((*STATUSES, "redy", "")),
                "priority": st.sampled_from((*PRIORITIES, "p1", "")),
                "depend": st.sampled_from([*ids, "GRAPH-99", "Go 1.26"]).map(
                    lambda name, old=match["value"]: f"{old}, {name}" if old else name
                ),
                "undepend": st.sampled_from(("", match["value"].partition(",")[2].strip())),
                "rename": st.sampled_from([*ids, "MODEL-77", "GRAPH-1"]),
            }[kind]
            return start, end, draw(value)
    if isinstance(line, re.Match):
        indent = line["indent"]
        if kind == "delete":
            return line.start(), line.end(), ""
        end = line.end("value")
        if kind == "enter":
            return end, end, draw(st.sampled_from(("\n", f"\n{indent}- ", f"\n{indent}")))
        if kind == "backspace" and line.end() > end:
            return end, line.end(), ""  # the line break: the next line joins this one
        if kind == "item":
            new = draw(st.sampled_from(("MODEL-50", "GRAPH-51", ids[0])))
            piece = f"{indent}## [{new}] Added\n\n{indent}- **Status:** ready\n\n"
            return line.start(), line.start(), piece
        if kind == "paste":
            piece = "".join(
                f"{indent}- **{name}:** {value}\n"
                for name, value in (("DRI", "@ana"), ("Status", "done"), ("Priority", "P0"))
            )
            return line.start(), line.start(), piece
    return draw(edits(text))


_ITEM_HEADING = re.compile(r"(?m)^[ \t]{0,3}(?P<hashes>#{1,6})[ \t]+\S[^\n\r]*(?:\r\n|\n|\r|$)")


@st.composite
def block_edits(draw: st.DrawFn, text: str) -> tuple[int, int, str]:
    """An edit of whole items, as people make them: delete an item (its heading through
    the next heading), paste a copy of it under itself (many lines at once), move it
    above another heading, or open a code fence or comment above a heading (typed, not
    yet closed); else one of ``people_edits``."""
    headings = list(_ITEM_HEADING.finditer(text))
    kind = draw(st.sampled_from(("delete", "duplicate", "move", "fence", "other")))
    if len(headings) < 2 or kind == "other":
        return draw(people_edits(text))
    at = draw(st.integers(0, len(headings) - 2))
    start, end = headings[at].start(), headings[at + 1].start()
    block = text[start:end]
    if kind == "delete":
        return start, end, ""
    if kind == "duplicate":
        return end, end, block
    if kind == "fence":
        return start, start, draw(st.sampled_from(("```\n", "~~~ sh\n", "<!--\n", "<pre>\n")))
    other = draw(st.integers(0, len(headings) - 1))
    target = headings[other].start()
    if start <= target <= end:
        return start, end, block  # onto itself: the text stays as it was
    if target < start:
        return target, end, block + text[target:start]
    return start, target, text[end:target] + block
