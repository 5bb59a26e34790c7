"""The one write path: atomic, mode kept, links followed, refuses stale reads."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import GOMLX

from roadmaplint.cli import main
from roadmaplint.errors import RoadmapError
from roadmaplint.generate.fix import fix_text
from roadmaplint.reader.source import read_roadmap
from roadmaplint.write.atomic import write_roadmap

NEW = "# Replaced\n"


@pytest.fixture
def roadmap_file(tmp_path: Path) -> Path:
    path = tmp_path / "ROADMAP.md"
    path.write_bytes(GOMLX.read_bytes())
    path.chmod(0o640)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if entry.name != "ROADMAP.md")


def test_write_replaces_and_keeps_mode(roadmap_file: Path) -> None:
    write_roadmap(read_roadmap(roadmap_file), NEW)
    assert roadmap_file.read_text(encoding="utf-8") == NEW
    assert stat.S_IMODE(roadmap_file.stat().st_mode) == 0o640
    assert leftovers(roadmap_file.parent) == []


def test_symlink_stays_a_link(roadmap_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "docs" / "ROADMAP.md"
    link.parent.mkdir()
    link.symlink_to(roadmap_file)
    assert main(["fix", str(link)]) == 0
    assert link.is_symlink()
    assert "  - GRAPH-2\n" in roadmap_file.read_text(encoding="utf-8")


def test_refuses_when_the_file_changed_since_it_was_read(roadmap_file: Path) -> None:
    source = read_roadmap(roadmap_file)
    roadmap_file.write_text("# someone else saved\n", encoding="utf-8")
    with pytest.raises(RoadmapError, match="changed on disk since it was read"):
        write_roadmap(source, NEW)
    assert roadmap_file.read_text(encoding="utf-8") == "# someone else saved\n"


@pytest.mark.parametrize(
    ("target", "error"),
    [
        ("os.replace", OSError(18, "Invalid cross-device link")),
        ("os.fsync", OSError(28, "No space left on device")),
        ("os.chmod", PermissionError(1, "Operation not permitted")),
        ("tempfile.mkstemp", PermissionError(13, "Permission denied")),
    ],
)
def test_failures_leave_the_original_byte_for_byte(
    roadmap_file: Path, monkeypatch: pytest.MonkeyPatch, target: str, error: OSError
) -> None:
    original = roadmap_file.read_bytes()
    source = read_roadmap(roadmap_file)

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(target, fail)
    with pytest.raises(RoadmapError, match=error.strerror or ""):
        write_roadmap(source, NEW)
    monkeypatch.undo()
    assert roadmap_file.read_bytes() == original
    assert leftovers(roadmap_file.parent) == []


def test_disk_full_while_writing(roadmap_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = roadmap_file.read_bytes()

    def full(descriptor: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(RoadmapError, match="No space left on device"):
        write_roadmap(read_roadmap(roadmap_file), NEW)
    monkeypatch.undo()
    assert roadmap_file.read_bytes() == original
    assert leftovers(roadmap_file.parent) == []


def test_fix_reports_a_failed_write_in_one_line(
    roadmap_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    original = roadmap_file.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", fail)
    assert main(["fix", str(roadmap_file)]) == 2
    err = capsys.readouterr().err
    assert err == f"roadmaplint: error: {roadmap_file}: cannot write: Permission denied\n"
    assert roadmap_file.read_bytes() == original


def test_fix_says_a_failed_write_was_not_fixed(
    roadmap_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = roadmap_file.parent / "fresh.md"
    fresh.write_text(fix_text(GOMLX.read_text(encoding="utf-8")).text, encoding="utf-8")
    real_replace = os.replace

    def fail_for_the_roadmap(source: str, target: object) -> None:
        if Path(str(target)).name == "ROADMAP.md":
            raise OSError(28, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr("os.replace", fail_for_the_roadmap)
    assert main(["fix", str(roadmap_file), str(fresh)]) == 2
    out, err = capsys.readouterr()
    assert out == "0 files fixed, 1 left unchanged, 1 failed.\n"
    assert err == f"roadmaplint: error: {roadmap_file}: cannot write: No space left on device\n"
