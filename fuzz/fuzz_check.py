"""An atheris fuzz target over the parser, the rules and fix.

    python fuzz/fuzz_check.py -max_total_time=60 fuzz/corpus

Any input must give findings or a one-line RoadmapError; fix must be
idempotent and keep every block it does not generate byte for byte. A crash
is written to crash-<sha1> in the current folder; keep it
in tests/fuzz_regressions/ so that tests/test_fuzz.py replays it for ever.

tests/test_fuzz.py runs it with a fixed seed and number of runs (3,000, seed 1), so
that a commit fuzzes the same inputs everywhere; fuzz longer or elsewhere with
ROADMAPLINT_FUZZ_RUNS and ROADMAPLINT_FUZZ_SEED, or with this command and no -seed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports(include=["roadmaplint"]):
    from roadmaplint.errors import RoadmapError
    from roadmaplint.generate.fix import fix_text
    from roadmaplint.reader import parse
    from roadmaplint.reader.source import decode
    from roadmaplint.rules.engine import check_text

from oracle import fix_kept_every_block  # tests/ is not a package


def check_one(data: bytes) -> None:
    """The property every input must keep; raises on a bug."""
    try:
        text = decode(data, "fuzz.md")
        check_text(text)
        result = fix_text(text)
    except RoadmapError as error:
        if "\n" in str(error):
            raise AssertionError(f"a multi-line error: {error!r}") from None
        return
    if result.refused or not result.changed:
        return
    if fix_text(result.text).text != result.text:
        raise AssertionError("fix is not idempotent")
    if not fix_kept_every_block(parse(text), parse(result.text)):
        raise AssertionError("fix changed a block it does not generate")


if __name__ == "__main__":
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()
