"""Template errors are one line with file and line; arithmetic cannot explode; no path escapes.

Issue 9, items 16, 23 and 24.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import STALE_OVERVIEW

from roadmaplint.cli import main

TOO_BIG = "templates may not build values that large"


def fix_with(template_project: Path, template: str, capsys: pytest.CaptureFixture[str]) -> str:
    (template_project / "templates" / "overview.md.j2").write_text(template, encoding="utf-8")
    assert main(["fix"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert (template_project / "ROADMAP.md").read_text(encoding="utf-8") == STALE_OVERVIEW
    return err


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ 1 // 0 }}", "line 1: integer division or modulo by zero"),
        (
            "{% macro f(n) %}{{ f(n) }}{% endmacro %}\n{{ f(1) }}",
            "line 1: calls itself too deeply (a macro that recurses without end?)",
        ),
        ("# Overview\n\n{{ groups + 1 }}", 'line 3: can only concatenate list (not "int") to list'),
        ("{{ 10 ** 5000 }}", f"line 1: 10 ** 5000 has over 4096 bits; {TOO_BIG}"),
        ("{{ 'x' * 10000000000 }}", f"line 1: repeating 1 items 10000000000 times; {TOO_BIG}"),
        ("{{ [0] * 10 ** 9 }}", f"line 1: repeating 1 items 1000000000 times; {TOO_BIG}"),
        ("{{ (3 ** 30000000) % 7 }}", f"line 1: 3 ** 30000000 has over 4096 bits; {TOO_BIG}"),
        ("{{ (2 ** 4000) * (2 ** 4000) }}", f"line 1: a product of over 4096 bits; {TOO_BIG}"),
        ("{{ 'x'.ljust(10 ** 9) }}", f"line 1: str.ljust with 1000000000; {TOO_BIG}"),
        ("{{ 'x' | center(10 ** 9) }}", f"line 1: the center filter with 1000000000; {TOO_BIG}"),
        ("{{ '%0999999999d' % 1 }}", f"line 1: a %-format width of 999999999; {TOO_BIG}"),
        (
            "{{ '%*d' | format(9, 1) }}",
            f"line 1: a %-format width taken from an argument; {TOO_BIG}",
        ),
        ("{{ '{:>999999999}'.format(1) }}", f"line 1: a format width of 999999999; {TOO_BIG}"),
        ("{{ lipsum(10 ** 6) }}", "line 1: 'lipsum' is undefined"),
    ],
)
def test_a_template_runtime_error_is_one_line_with_file_and_line(
    template_project: Path, capsys: pytest.CaptureFixture[str], template: str, message: str
) -> None:
    err = fix_with(template_project, template, capsys)
    assert err == f"roadmaplint: error: template overview.md.j2 {message}\n"


def test_an_error_in_an_included_template_names_that_file(
    template_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (template_project / "templates" / "parts").mkdir()
    (template_project / "templates" / "parts" / "group.j2").write_text("ok\n{{ 1 % 0 }}\n")
    err = fix_with(template_project, "{% include 'parts/group.j2' %}", capsys)
    assert err == "roadmaplint: error: template parts/group.j2 line 2: integer modulo by zero\n"


def test_ordinary_arithmetic_still_works(
    template_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = (
        "{% for group in groups %}\n## {{ group.label }} ({{ group.ids | length * 2 // 2 }})\n"
        "{% for id in group.ids %}{{ '%-3s' % '*' }}{{ id }}\n{% endfor %}{% endfor %}"
    )
    (template_project / "templates" / "overview.md.j2").write_text(template, encoding="utf-8")
    assert main(["fix"]) == 0
    assert capsys.readouterr().err == ""
    text = (template_project / "ROADMAP.md").read_text(encoding="utf-8")
    assert text.endswith("## P1 (2)\n*  MODEL-1\n*  MODEL-2\n")


@pytest.mark.parametrize("how", ["file", "folder", "template itself"])
def test_a_symlink_out_of_the_template_folder_is_refused(
    template_project: Path,
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    how: str,
) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "secret").write_text("a private file\n", encoding="utf-8")
    templates = template_project / "templates"
    if how == "file":
        (templates / "leak").symlink_to(outside / "secret")
        (templates / "overview.md.j2").write_text("{% include 'leak' %}", encoding="utf-8")
        name, link = "leak", templates / "leak"
    elif how == "folder":
        (templates / "shared").symlink_to(outside)
        (templates / "overview.md.j2").write_text("{% include 'shared/secret' %}")
        name, link = "shared/secret", templates / "shared" / "secret"
    else:
        (outside / "overview.md.j2").write_text("{{ groups }}", encoding="utf-8")
        (templates / "overview.md.j2").symlink_to(outside / "overview.md.j2")
        name, link = "overview.md.j2", templates / "overview.md.j2"
    assert main(["fix"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    real = os.path.realpath(link)
    assert err == (
        f"roadmaplint: error: template {name}: {link} leads outside the template folder "
        f"(to {real}); templates must be files inside it\n"
    )
    assert (template_project / "ROADMAP.md").read_text(encoding="utf-8") == STALE_OVERVIEW
