"""Holes found by adversarial testing of the write path (issue 9), each closed for good.

The report that replaced its roadmap, lost updates between two processes, an
editor saving during ``fix``, a read-only file replaced anyway, temporary files
left by Ctrl-C, and a failed write reported as fixed.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import GOMLX, installed_command
from taskfolder_texts import CONFIG, PARSER

from roadmaplint.cli import main
from roadmaplint.generate.fix import FixResult, fix_text
from roadmaplint.settings import Settings
from roadmaplint.write.atomic import editing, editing_folder

NOBODY = 65534


def fixed_gomlx() -> str:
    return fix_text(GOMLX.read_text(encoding="utf-8")).text


def leftovers(folder: Path, *keep: str) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if entry.name not in keep)


# --- 1: a report never replaces a roadmap; report files are written atomically


@pytest.mark.parametrize("alias", ["same", "relative", "hardlink", "symlink"])
def test_report_onto_its_own_roadmap_is_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    alias: str,
) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    output = {
        "same": roadmap,
        "relative": Path("./ROADMAP.md"),
        "hardlink": tmp_path / "report.txt",
        "symlink": tmp_path / "report.txt",
    }[alias]
    if alias == "hardlink":
        os.link(roadmap, output)
    elif alias == "symlink":
        output.symlink_to(roadmap)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-o", str(output), str(roadmap)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"roadmaplint: error: {output}: is the roadmap {roadmap} being checked; "
        "the report would replace it. Give another --output-file\n"
    )
    assert roadmap.read_bytes() == GOMLX.read_bytes()


@pytest.mark.parametrize("output", ["backlog/config.yml", "backlog/tasks/task-9 - Report.md"])
def test_a_report_into_the_task_folder_it_reports_on_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    """`check -o backlog/config.yml` replaced the folder's configuration with the report,
    and the folder was read no more; one into tasks/ would be read as a task."""
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    (backlog / "tasks" / "task-2 - Write-parser.md").write_text(PARSER, encoding="utf-8")
    assert main(["check", "-o", str(tmp_path / output), str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"roadmaplint: error: {tmp_path / output}: is inside the task folder {backlog} "
        "being checked; the report would be read as part of it. Give another --output-file\n"
    )
    assert (backlog / "config.yml").read_text(encoding="utf-8") == CONFIG
    assert sorted(path.name for path in (backlog / "tasks").iterdir()) == [
        "task-2 - Write-parser.md"
    ]


def test_report_file_is_replaced_atomically_keeping_its_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    report = tmp_path / "report.json"
    report.write_text("old report\n", encoding="utf-8")
    report.chmod(0o600)
    assert main(["check", "--format", "json", str(roadmap)]) == 1
    printed = capsys.readouterr().out
    assert json.loads(printed)  # the findings of the GoMLX roadmap
    assert main(["check", "--format", "json", "-o", str(report), str(roadmap)]) == 1
    assert capsys.readouterr() == ("", "")
    assert report.read_text(encoding="utf-8") == printed
    assert oct(report.stat().st_mode & 0o777) == oct(0o600)
    assert leftovers(tmp_path) == ["ROADMAP.md", "report.json"]


def test_report_into_a_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    assert main(["check", "-o", str(tmp_path), str(roadmap)]) == 2
    assert capsys.readouterr() == (
        "",
        f"roadmaplint: error: {tmp_path}: is a folder; give a file name for the report\n",
    )
    assert leftovers(tmp_path) == ["ROADMAP.md"]


# --- 6: processes serialise on the file's lock; an editor's save always wins


def test_twenty_rounds_of_two_concurrent_sets_keep_both_edits(tmp_path: Path) -> None:
    start = fixed_gomlx()
    first = tmp_path / "sequential.md"
    first.write_text(start, encoding="utf-8")
    assert main(["set", "MODEL-1", "--dri", "@ana", "-f", str(first)]) == 0
    assert main(["set", "BE-3", "--status", "in_progress", "-f", str(first)]) == 0
    expected = first.read_bytes()
    assert expected.count(b"@ana") == 1 and b"in_progress" in expected
    command = installed_command()
    edits = (["MODEL-1", "--dri", "@ana"], ["BE-3", "--status", "in_progress"])
    # Five rounds at a time, each round its own file: the pairs race each other and the load.
    for batch in range(4):
        rounds = [tmp_path / f"round-{batch}-{number}" / "ROADMAP.md" for number in range(5)]
        runs = []
        for roadmap in rounds:
            roadmap.parent.mkdir()
            roadmap.write_text(start, encoding="utf-8")
            runs += [
                subprocess.Popen(
                    [command, "set", *edit, "-f", str(roadmap)],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for edit in edits
            ]
        results = [(run.wait(60), *run.communicate()) for run in runs]
        assert results == 5 * [
            (0, "Set MODEL-1: DRI @ana\n", ""),
            (0, "Set BE-3: Status in_progress\n", ""),
        ]
        for roadmap in rounds:
            assert roadmap.read_bytes() == expected
            assert leftovers(roadmap.parent) == ["ROADMAP.md"]


def test_a_set_waits_for_the_lock_and_edits_what_the_holder_wrote(tmp_path: Path) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_text(fixed_gomlx(), encoding="utf-8")
    command = [installed_command(), "set", "BE-3", "--dri", "@bo", "-f", str(roadmap)]
    with editing(roadmap) as pending:
        waiting = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(1.5)  # it cannot read, let alone write, while we hold the lock
        pending.write(pending.source.text.replace("# GoMLX", "# GoMLX (locked edit)", 1))
    assert waiting.wait(60) == 0
    text = roadmap.read_text(encoding="utf-8")
    assert "# GoMLX (locked edit)" in text
    assert "## [BE-3] ONNX Export API\n\n  - **DRI:** @bo\n" in text


def test_a_new_task_waits_for_the_folders_lock_and_takes_the_next_number(
    tmp_path: Path,
) -> None:
    """Two `new`s in one task folder at once each took the next free number, TASK-4 twice
    (RL102): an edit of a folder holds the folder's lock from its read to its write."""
    backlog = tmp_path / "backlog"
    (backlog / "tasks").mkdir(parents=True)
    (backlog / "config.yml").write_text(CONFIG, encoding="utf-8")
    (backlog / "tasks" / "task-2 - Write-parser.md").write_text(PARSER, encoding="utf-8")
    command = [installed_command(), "new", "tasks", "Second one", str(backlog)]
    with editing_folder(backlog):
        waiting = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(1.5)  # it cannot read the folder while we hold its lock
        first = backlog / "tasks" / "task-3 - First-one.md"
        first.write_text("---\nid: TASK-3\ntitle: First one\nstatus: To Do\n---\n", "utf-8")
    assert waiting.wait(60) == 0
    assert sorted(path.name for path in (backlog / "tasks").iterdir()) == [
        "task-2 - Write-parser.md",
        "task-3 - First-one.md",
        "task-4 - Second-one.md",
    ]


def editor_saves_during(
    monkeypatch: pytest.MonkeyPatch, save: Callable[[], None]
) -> Callable[..., FixResult]:
    """fix_text as fix calls it, with the user's editor saving while it computes."""
    from roadmaplint.commands import fix as fix_command

    def fix_while_the_editor_saves(
        text: str, path: str = "ROADMAP.md", settings: Settings | None = None
    ) -> FixResult:
        result = fix_text(text, path, settings)
        save()
        return result

    monkeypatch.setattr(fix_command, "fix_text", fix_while_the_editor_saves)
    return fix_while_the_editor_saves


@pytest.mark.parametrize("how", ["in place", "by rename"])
def test_an_editor_saving_during_fix_wins(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    how: str,
) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    saved = GOMLX.read_bytes().replace(b"_unassigned_", b"@editor", 1)

    def save() -> None:
        if how == "in place":
            roadmap.write_bytes(saved)
        else:
            (tmp_path / "ROADMAP.md~").write_bytes(saved)
            os.replace(tmp_path / "ROADMAP.md~", roadmap)

    editor_saves_during(monkeypatch, save)
    assert main(["fix", str(roadmap)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"roadmaplint: error: {roadmap}: changed on disk since it was read (an editor saved?); "
        "wrote nothing, run it again\n"
    )
    assert roadmap.read_bytes() == saved
    assert leftovers(tmp_path) == ["ROADMAP.md"]


# --- 7 and 9: the file's own write permission; a failed write is never "fixed"


def as_another_user(args: list[str]) -> tuple[int, str, str]:
    """``main(args)`` in a forked child that is not root (root drops to nobody)."""
    main(["rules"])  # import what the commands import, while we still may read anything
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            os.close(reader)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
            code = main(args)
            payload = [code, sys.stdout.getvalue(), sys.stderr.getvalue()]
        except BaseException as error:
            payload = [99, "", repr(error)]
        os.write(writer, json.dumps(payload).encode())
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    code, out, err = json.loads(data)
    return code, out, err


def shared_folder(tmp_path: Path, name: str) -> Path:
    """A folder the other user can reach; ``tmp_path`` itself is private to root."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix=f"roadmaplint-{name}-"))
    folder.chmod(0o755)
    return folder


@pytest.fixture
def foreign(tmp_path: Path) -> Path:
    folder = shared_folder(tmp_path, "foreign")
    yield folder
    import shutil

    shutil.rmtree(folder)


def test_a_read_only_file_in_a_writable_folder_is_not_replaced(foreign: Path) -> None:
    roadmap = foreign / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())  # owned by root when we are root: someone else
    roadmap.chmod(0o444)
    if os.geteuid() == 0:
        os.chown(foreign, NOBODY, NOBODY)  # the folder is theirs: a rename would succeed
    code, out, err = as_another_user(["fix", str(roadmap)])
    assert (code, out) == (2, "")
    assert err == (
        f"roadmaplint: error: {roadmap}: is read-only for you (mode 0444, owner uid "
        f"{roadmap.stat().st_uid}); not replacing it\n"
    )
    assert roadmap.read_bytes() == GOMLX.read_bytes()
    assert oct(roadmap.stat().st_mode & 0o777) == oct(0o444)
    assert leftovers(foreign) == ["ROADMAP.md"]


def test_a_failed_write_is_reported_as_failed_not_fixed(foreign: Path) -> None:
    stale = foreign / "ROADMAP.md"
    stale.write_bytes(GOMLX.read_bytes())
    stale.chmod(0o666)  # writable by anyone, in a folder only its owner may change
    if os.geteuid() != 0:
        foreign.chmod(0o555)
    code, out, err = as_another_user(["fix", str(stale)])
    foreign.chmod(0o755)
    assert (code, out) == (2, "")
    assert err == (f"roadmaplint: error: {stale}: cannot write in {foreign}: Permission denied\n")
    assert stale.read_bytes() == GOMLX.read_bytes()
    assert leftovers(foreign) == ["ROADMAP.md"]


# --- 8: Ctrl-C in the middle of a write leaves nothing behind


def test_ctrl_c_during_the_write_leaves_the_file_and_no_temporary(tmp_path: Path) -> None:
    roadmap = tmp_path / "ROADMAP.md"
    roadmap.write_bytes(GOMLX.read_bytes())
    # A real SIGINT, delivered at a fixed point: once the temporary file holds the new text.
    script = textwrap.dedent(
        """
        import os, signal, sys
        real_fsync = os.fsync
        def interrupted_fsync(descriptor):
            os.kill(os.getpid(), signal.SIGINT)
            real_fsync(descriptor)
        os.fsync = interrupted_fsync
        from roadmaplint.cli import main
        sys.exit(main(["fix", sys.argv[1]]))
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(roadmap)],
        capture_output=True,
        text=True,
        timeout=60,
        # Ctrl-C as a terminal delivers it, even when the test runner's own process
        # ignores SIGINT by then (a child inherits an ignored signal).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert (run.returncode, run.stdout, run.stderr) == (130, "", "roadmaplint: interrupted\n")
    assert roadmap.read_bytes() == GOMLX.read_bytes()
    assert leftovers(tmp_path) == ["ROADMAP.md"]


# --- 18: our own output on a full disk is one line and exit 2


@pytest.mark.parametrize(
    "arguments",
    [
        ["list", "ROADMAP.md"],
        ["export", "ROADMAP.md"],
        ["graph", "ROADMAP.md"],
        ["show", "MODEL-1"],
        ["rules"],
        ["stats", "ROADMAP.md"],
        ["fix", "--diff", "ROADMAP.md"],
        ["check", "ROADMAP.md"],
        ["--version"],
    ],
    ids=lambda arguments: " ".join(arguments),
)
def test_output_to_a_full_disk_is_one_line(tmp_path: Path, arguments: list[str]) -> None:
    (tmp_path / "ROADMAP.md").write_bytes(GOMLX.read_bytes())
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [installed_command(), *arguments],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (run.returncode, run.stderr) == (
        2,
        "roadmaplint: error: cannot write the output: No space left on device\n",
    )
    assert (tmp_path / "ROADMAP.md").read_bytes() == GOMLX.read_bytes()
