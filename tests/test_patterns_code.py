"""roadmaplint/record/patterns.py: patterns built from stored code are re.compile's (PERF-20)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from roadmaplint.record import patterns as patterns_code
from roadmaplint.text import LazyPattern, compile_pattern, python_of_code
from tests.conftest import GOMLX, run_python

STORED_HERE = python_of_code() == patterns_code.PYTHON
ON_THIS_PYTHON = pytest.mark.skipif(
    not STORED_HERE, reason="record/patterns.py holds another Python's code: every pattern compiles"
)


@ON_THIS_PYTHON
def test_every_pattern_of_the_package_is_stored() -> None:
    """`python tests/patterns_code.py` rewrites the file when a pattern is added or changed."""
    from patterns_code import CODE_FILE, package_patterns, render

    assert CODE_FILE.read_text(encoding="utf-8") == render(package_patterns())


@pytest.mark.parametrize("key", sorted(patterns_code.CODE, key=repr), ids=repr)
def test_a_stored_pattern_is_the_pattern_re_compiles(key: tuple[str | bytes, int]) -> None:
    pattern, flags = key
    built, compiled = compile_pattern(pattern, flags), re.compile(pattern, flags)
    # a Pattern equals another with the same source, flags and engine code
    assert built == compiled
    assert (built.groups, built.groupindex) == (compiled.groups, compiled.groupindex)
    sample = pattern[:40]  # some text the pattern may match parts of
    assert [m.span() for m in built.finditer(sample)] == [
        m.span() for m in compiled.finditer(sample)
    ]


def test_a_pattern_not_stored_is_compiled() -> None:
    lazy = LazyPattern(r"(?P<word>not[ ]stored)+", re.IGNORECASE)
    assert (lazy.pattern, lazy.flags) not in patterns_code.CODE
    found = lazy.match("NOT STOREDnot stored")
    assert found is not None and found["word"] == "not stored"


@ON_THIS_PYTHON
def test_a_check_of_the_seed_compiles_no_pattern(tmp_path: Path) -> None:
    """Compiling the 31 patterns a seed check uses cost about 4 ms of every commit."""
    shutil.copyfile(GOMLX, tmp_path / "ROADMAP.md")
    done = run_python(
        "import re, sys\n"
        "from roadmaplint.entry import main\n"
        "code = main(['check', 'ROADMAP.md'])\n"
        "sys.stderr.write(f'{code} {[key[1] for key in re._cache]}')\n",
        cwd=tmp_path,
    )
    assert "RL401" in done.stdout
    assert done.stderr.endswith("1 []"), done.stderr


def test_stored_code_the_engine_refuses_is_compiled(tmp_path: Path) -> None:
    """Code stored for an engine of another build (a 32-bit Python, whose MAXREPEAT is
    2**31 - 1, reads the 2**32 - 1 of an unbounded ``*`` as invalid) compiles instead."""
    done = run_python(
        "import re\n"
        "from roadmaplint import text\n"
        "from roadmaplint.record import patterns\n"
        "pattern = r'[ \\t]*#{1,6}[ \\t]+'\n"
        "flags, code, groups, index, names = patterns.CODE[(pattern, 0)]\n"
        "refused = code[:-4] + bytes(4)  # its closing SUCCESS made FAILURE\n"
        "text._STORED = {(pattern, 0): (flags, refused, groups, index, names)}\n"
        "print(text.compile_pattern(pattern) == re.compile(pattern))\n",
        cwd=tmp_path,
    )
    assert done.stdout == "True\n", done.stderr


def test_stored_code_is_keyed_by_what_the_compiled_code_depends_on() -> None:
    """A micro release changes what re's compiler writes (3.11.5 wrote possessive
    quantifiers anew, MAGIC unchanged), and a 32-bit build bounds repeats lower."""
    import _sre  # type: ignore[import-not-found]
    import sys

    key = python_of_code()
    assert sys.version_info[:3] in key and sys.implementation.name in key
    assert _sre.MAXREPEAT in key and _sre.MAXGROUPS in key
