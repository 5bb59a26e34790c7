"""The atheris fuzz target, run for a bounded time, and every input that ever broke roadmaplint.

tests/fuzz_regressions/ keeps those inputs: crashes the fuzzer writes (crash-*)
and the ones found by hand during development (deep nesting that markdown-it-py
stops reading, a mid-file overview whose trailing blank line fix dropped, an
unclosed comment full of directives that made the suppression pattern quadratic).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

# atheris is installed on x86_64 only (pyproject's test extra); fuzz_check imports it
pytest.importorskip("atheris")
pytestmark = pytest.mark.slow

REGRESSIONS = sorted((REPO / "tests" / "fuzz_regressions").glob("*"))
FUZZ_SECONDS = int(os.environ.get("ROADMAPLINT_FUZZ_SECONDS", "20"))


def _check_one() -> object:
    sys.path.insert(0, str(REPO / "fuzz"))
    import importlib

    return importlib.import_module("fuzz_check").check_one


def test_there_are_regression_cases() -> None:
    assert len(REGRESSIONS) >= 3


@pytest.mark.parametrize("case", REGRESSIONS, ids=[case.name for case in REGRESSIONS])
def test_fuzz_regressions_stay_fixed(case: Path) -> None:
    check_one = _check_one()
    check_one(case.read_bytes())  # type: ignore[operator]


def test_corpus_inputs_pass() -> None:
    check_one = _check_one()
    for case in sorted((REPO / "fuzz" / "corpus").glob("*")):
        check_one(case.read_bytes())  # type: ignore[operator]


def test_fuzzing_finds_no_crash(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "fuzz" / "corpus", corpus)
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "fuzz" / "fuzz_check.py"),
            f"-max_total_time={FUZZ_SECONDS}",
            "-max_len=4096",
            "-timeout=20",
            str(corpus),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=FUZZ_SECONDS + 240,
        check=False,
    )
    crashes = sorted(path.name for path in tmp_path.glob("crash-*"))
    assert (result.returncode, crashes) == (0, []), result.stderr[-3000:]
    assert "Done" in result.stderr
