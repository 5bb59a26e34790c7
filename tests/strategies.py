"""A hypothesis strategy for random roadmaps in the GoMLX format and its relatives, warts and all.

Random sections, items, fields and legends; dependencies with cycles, unknown IDs
and externals; 0-3 spaces of indentation; `-`/`*`/`+`/`1.` bullets; CRLF or LF; with or
without BOM and final newline; code blocks and HTML comments in between; unicode
in titles; and an overview that is right, stale, missing or doubled. Item headings at
level 2 or 3, with brackets or a separator; fields bold or plain, under their built-in
aliases; and a stray list at column 1 that swallows an indented document.
"""

from __future__ import annotations

from hypothesis import strategies as st

STATUSES = ("idea", "ready", "in_progress", "blocked", "done")
PRIORITIES = ("P0", "P1", "P2")
PREFIXES = ("MODEL", "MODEL", "GRAPH", "X_1")
# Titles: any printable unicode but line breaks (markdown would end the heading there).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
titles = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=LINE_BREAKS),
    min_size=1,
    max_size=30,
).filter(lambda title: title.strip() != "")
words = st.text(alphabet="abcdefghij -_`*", min_size=0, max_size=20)


@st.composite
def item_ids(draw: st.DrawFn) -> str:
    # a small space of IDs, so that duplicates and cycles are common
    return f"{draw(st.sampled_from(PREFIXES))}-{draw(st.integers(1, 3))}"


ALIASES = {"DRI": "Owner", "Status": "State", "Depends on": "Dependencies"}
HEADINGS = ["[{id}] {title}", "{id} — {title}", "{id} – {title}", "{id} - {title}", "{id}: {title}"]


@st.composite
def items(draw: st.DrawFn, item_id: str, known: list[str], indent: str, level: int = 2) -> str:
    bullet = draw(st.sampled_from(["-", "*", "+", "1."]))
    shape = draw(st.sampled_from(HEADINGS))
    title = draw(titles)
    heading = shape.format(id=item_id, title=title)
    lines = [f"{indent}{'#' * level} {heading}", ""]
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
        deps = draw(st.lists(st.sampled_from(choices), max_size=3))
        fields.append(("Depends on", ", ".join(deps)))
    if draw(st.booleans()):
        fields.append(
            (draw(st.sampled_from(["Area", "Stauts", "Description", "Status"])), draw(words))
        )
    draw(st.randoms()).shuffle(fields)
    for name, value in fields:
        if name in ALIASES and draw(st.integers(0, 4)) == 0:
            name = ALIASES[name]
        known_name = name != "Stauts"
        style = draw(st.sampled_from(["**{}:**", "**{}**:", "{}:" if known_name else "**{}:**"]))
        lines.append(f"{indent}{bullet} {style.format(name)} {value}".rstrip())
    if draw(st.booleans()):
        lines.append(f"{indent}{bullet} **Definition of Done:**")
        nested = " " * (len(bullet) + 1)
        for _ in range(draw(st.integers(0, 3))):
            box = draw(st.sampled_from(["", "[ ] ", "[x] "]))
            lines.append(f"{indent}{nested}- {box}{draw(words)}".rstrip())
    lines.append("")
    return "\n".join(lines) + "\n"


@st.composite
def roadmaps(draw: st.DrawFn) -> str:
    indent = " " * draw(st.integers(0, 3))
    level = draw(st.sampled_from([2, 2, 3]))
    parts = [f"{indent}# {draw(titles)}", ""]
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
    for section in range(3 if known else 1):
        parts += [f"{indent}---", "", f"{indent}# Section {section}", ""]
        for item_id, where in zip(known, sections, strict=True):
            if where != section:
                continue
            parts.append(draw(items(item_id, known, indent, level)))
            interlude = draw(
                st.sampled_from(
                    [
                        "",
                        f"{indent}```\n## [MODEL-9] in a fence\n{indent}```\n",
                        f"{indent}<!-- a comment\n## [GRAPH-9] inside it -->\n",
                        "<!-- roadmaplint-disable RL306 -->\n",
                        f"{indent}---\n",
                        f"{indent}## Notes without an ID\n",
                    ]
                )
            )
            parts.append(interlude)
    text = "\n".join(parts) + "\n"
    ending = draw(st.sampled_from(["none", "right", "stale", "double"]))
    if ending != "none":
        overview = f"\n{indent}# Priority Overview\n"
        for priority in PRIORITIES:
            overview += f"\n{indent}## {priority}\n"
            chosen = (
                draw(st.lists(st.sampled_from([*known, "GHOST-2"]), max_size=4)) if known else []
            )
            overview += "".join(f"{indent}- {item_id}\n" for item_id in chosen)
        text += overview * (2 if ending == "double" else 1)
        if ending == "right":
            from roadmaplint.fix import fix_text

            result = fix_text(text)
            text = result.text
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text
