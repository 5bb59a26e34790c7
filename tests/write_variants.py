"""Writes through the installed command line, tried on a document as written, with CRLF
line endings and without a final newline: the bytes after are compared with the bytes
expected, or a refusal is one line, exit 2, and the file untouched. Shared by the writes
passes and the break passes that hold every write to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import cli

VARIANTS = ("lf", "crlf", "no-final-newline")


def variant_of(text: str, variant: str) -> str:
    """``text`` written with ``variant``'s line endings and ending."""
    if variant == "crlf":
        return text.replace("\n", "\r\n")
    if variant == "no-final-newline":
        return text.rstrip("\n")
    return text


def writes(
    folder: Path,
    text: str,
    args: tuple[str, ...],
    expected: str | Callable[[str], str],
    *,
    clean: bool = True,
) -> None:
    """``args`` leave ``text`` as ``expected`` in every variant, exit 0; with ``clean``,
    the file checks clean after."""
    for variant in VARIANTS:
        path = folder / "ROADMAP.md"
        path.write_bytes(variant_of(text, variant).encode())
        run = cli(*args, "ROADMAP.md", cwd=folder)
        assert (run.returncode, run.stderr) == (0, ""), (variant, run.stderr)
        wanted = expected(text) if callable(expected) else expected
        assert path.read_bytes().decode() == variant_of(wanted, variant), variant
        if clean:
            assert cli("check", "ROADMAP.md", cwd=folder).stdout == "All checks passed.\n"


def refuses(folder: Path, text: str, args: tuple[str, ...]) -> str:
    """``args`` say one line, exit 2, and leave every variant's bytes as they were; what
    was said."""
    said = ""
    for variant in VARIANTS:
        path = folder / "ROADMAP.md"
        before = variant_of(text, variant).encode()
        path.write_bytes(before)
        run = cli(*args, "ROADMAP.md", cwd=folder)
        assert (run.returncode, run.stdout) == (2, ""), variant
        assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
        assert path.read_bytes() == before, variant
        said = run.stderr
    return said
