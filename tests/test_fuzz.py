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
# A fixed seed and a number of runs, not a time: the same commit fuzzes the same inputs on
# every machine, however loaded, so CI cannot fail on an input the author never saw.
# Fuzz for longer, or another seed, with the variables (fuzz/fuzz_check.py's docstring).
FUZZ_RUNS = int(os.environ.get("ROADMAPLINT_FUZZ_RUNS", "3000"))
FUZZ_SEED = int(os.environ.get("ROADMAPLINT_FUZZ_SEED", "1"))


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
            f"-runs={FUZZ_RUNS}",
            f"-seed={FUZZ_SEED}",
            "-max_len=4096",
            "-timeout=20",
            str(corpus),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    crashes = sorted(path.name for path in tmp_path.glob("crash-*"))
    # atheris prints an uncaught exception's traceback on stdout, libFuzzer's log on stderr
    assert (result.returncode, crashes) == (0, []), result.stdout[-3000:] + result.stderr[-1500:]
    assert "Done" in result.stderr
