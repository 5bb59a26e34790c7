"""Templates and configuration are data, not code; no pattern backtracks for ever."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from roadmaplint.cli import main
from roadmaplint.config.load import id_pattern
from roadmaplint.generate import render as generate


def fix_with_template(
    template_project: Path, template: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    (template_project / "templates" / "overview.md.j2").write_text(template, encoding="utf-8")
    code = main(["fix"])
    return code, capsys.readouterr().err


def test_a_user_template_is_used(
    template_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = "{% for group in groups %}\n## {{ group.label }}\n{% for id in group.ids %}* {{ id }}\n{% endfor %}{% endfor %}"
    assert fix_with_template(template_project, template, capsys) == (0, "")
    assert (
        (template_project / "ROADMAP.md")
        .read_text(encoding="utf-8")
        .endswith("## P1\n* MODEL-1\n* MODEL-2\n")
    )


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ groups.__class__.__mro__ }}", "access to attribute '__class__'"),
        ("{{ ''.__class__.__subclasses__() }}", "access to attribute '__class__'"),
        ("{{ nothing_like_this }}", "'nothing_like_this' is undefined"),
        ("{% for x in groups %}", "Unexpected end of template"),
    ],
)
def test_templates_cannot_reach_outside_the_records(
    template_project: Path, capsys: pytest.CaptureFixture[str], template: str, message: str
) -> None:
    original = (template_project / "ROADMAP.md").read_bytes()
    code, err = fix_with_template(template_project, template, capsys)
    assert code == 2
    assert err.startswith("roadmaplint: error: template overview.md.j2") and err.count("\n") == 1
    assert message in err
    assert (template_project / "ROADMAP.md").read_bytes() == original


def test_a_template_that_loops_for_ever_is_stopped(
    template_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generate, "TIME_LIMIT", 0.5)
    endless = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    code, err = fix_with_template(template_project, endless, capsys)
    assert (code, err) == (
        2,
        "roadmaplint: error: template overview.md.j2 line 1: ran for more than 0.5 s; "
        "does it loop without end?\n",
    )


def test_a_template_whose_output_explodes_is_stopped(
    template_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "{% for a in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"
    code, err = fix_with_template(template_project, huge, capsys)
    assert code == 2
    assert "produced more than 8388608 characters" in err


def test_template_dir_outside_the_project_is_refused(
    template_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (template_project / ".roadmaplint.toml").write_text('template-dir = "/etc"\n', encoding="utf-8")
    assert main(["fix"]) == 2
    assert (
        "template-dir: '/etc' is outside the folder of the config file" in capsys.readouterr().err
    )
    (template_project / ".roadmaplint.toml").write_text(
        'template-dir = "ROADMAP.md"\n', encoding="utf-8"
    )
    assert main(["fix"]) == 2
    assert "template-dir: 'ROADMAP.md' is not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "pattern",
    ["(?=A)A-1", r"(A)\1-1", "A" * 201, "[A-Z", "[A-Z]*", r"\[A\]", "A\n-1", "A)(B"],
)
def test_broken_id_patterns_or_ones_re2_cannot_run_are_refused(pattern: str) -> None:
    with pytest.raises((ValueError, TypeError)):
        id_pattern(pattern)


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    from roadmaplint import text
    from roadmaplint.generate import fix
    from roadmaplint.reader import fields, inline, legends, misses, shape_misses
    from roadmaplint.reader.idpattern import ITEM_HEADING, LOOSE_HEADING, id_regex
    from roadmaplint.rules import structure
    from roadmaplint.rules.suppressions import DIRECTIVE
    from roadmaplint.settings import DEFAULT_ID_PATTERN

    return [
        ("bold field", fields._BOLD_FIELD),
        ("plain field", fields._PLAIN_FIELD),
        ("legend code", legends._LEGEND_CODE),
        ("legend plain", legends._LEGEND_PLAIN),
        ("task box", fields._TASK_BOX),
        ("inline markup", inline._INLINE_MARKUP),
        ("newlines", text._NEWLINES),
        ("thematic break", fix._THEMATIC_BREAK),
        ("suppression", DIRECTIVE),
        ("id", id_regex(DEFAULT_ID_PATTERN)),
        ("item heading", id_regex(DEFAULT_ID_PATTERN, ITEM_HEADING)),
        ("id first", id_regex(DEFAULT_ID_PATTERN, LOOSE_HEADING)),
        ("bracketed heading", structure._BRACKETED),
        ("first word", structure._FIRST_WORD),
        ("near miss bracketed", misses._BRACKETED),
        ("near miss separated", misses._SEPARATED),
        ("near miss first word", misses._FIRST_WORD),
        ("near miss numbered heading", misses._NUMBERED),
        ("near miss worded box", shape_misses._WORDED_BOX),
        ("near miss front matter key", shape_misses._FRONT_KEY),
        ("near miss heading line", misses._HEADING_LINE),
    ]


ADVERSARIAL = [
    "*" * 50_000,
    "_" * 50_000,
    "**" + "a" * 50_000,
    "`" + "a " * 25_000,
    "- " * 25_000 + "x",
    "] " * 25_000,
    "[" + "A" * 50_000 + "-",
    "[A-" + "1" * 50_000 + "]",
    "<!-- roadmaplint-disable " * 2_000,
    "(" * 25_000 + "+" * 25_000,
    "A-1 " * 12_500,
]


@pytest.mark.parametrize(("name", "pattern"), _patterns(), ids=[name for name, _ in _patterns()])
def test_no_pattern_backtracks_catastrophically(name: str, pattern: re.Pattern[str]) -> None:
    # Not a timing test: linear matching takes milliseconds here, catastrophic
    # backtracking on 50,000 characters takes hours. The bound only tells them apart;
    # it counts CPU time, so a machine busy with other work does not fail it.
    start = time.process_time()
    for text in ADVERSARIAL:
        pattern.match(text)
        pattern.search(text)
        list(pattern.finditer(text))
    assert time.process_time() - start < 10
