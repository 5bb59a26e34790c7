"""Timing whole processes honestly: a failed run raises, it is never a timing.

Every bench script times through :func:`run_checked`: it runs one process with its
output captured, waits for it with ``os.wait4`` (wall time, the CPU time of the
process and of the children it waited for, peak memory) and checks what it did:
an exit status that is not one the caller allows, a Python traceback on either
stream, or output the caller's ``verify`` rejects raises :class:`BenchFailure`,
whose message ends with the process's last error line. :func:`interleave` runs
several such commands in turn (A, B, C, A, B, C, ...) so that load on a shared
machine hits them alike, and records the load average beside every figure.

bench/ is not a package: scripts put this folder on ``sys.path`` and import this
module by name. It imports nothing from roadmaplint.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable


def _installed_command() -> tuple[list[str], str]:
    """How a user and pre-commit run roadmaplint: the console script installed beside
    this interpreter. ``python -m roadmaplint`` (which also imports runpy, 3 ms a user
    never pays) only where no console script is installed; the second value says which."""
    folder = Path(PYTHON).parent
    for name in ("roadmaplint", "roadmaplint.exe"):
        script = folder / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)], "console script"
    return [PYTHON, "-m", "roadmaplint"], "python -m roadmaplint"


# The command every bench script times, and which of the two it is (printed with figures)
ROADMAPLINT, RUNS_AS = _installed_command()
TRACEBACK = "Traceback (most recent call last)"
SLOW = 30.0  # seconds: a command slower than this on its first run is not repeated

# Checks a finished run: given its stdout and stderr, the reason it is wrong, or None.
Verify = Callable[[str, str], str | None]


class BenchFailure(RuntimeError):
    """A timed command did not do its work: its figure is FAILED, not a time."""

    def __init__(self, command: Sequence[str], reason: str, error_line: str) -> None:
        self.command = list(command)
        self.reason = reason
        self.error_line = error_line
        shown = " ".join(_short(part) for part in command)
        super().__init__(f"{shown}: {self.short}")

    @property
    def short(self) -> str:
        """The reason and the error line, without the command (which names local paths)."""
        return self.reason + (f": {self.error_line}" if self.error_line else "")


def _short(part: str) -> str:
    part = part if len(part) < 60 else part[:57] + "..."
    return part.replace("\n", "\\n")


@dataclass(frozen=True)
class Run:
    """One process: wall and CPU seconds (user + system), peak memory, load average."""

    wall: float
    cpu: float
    peak_kb: int
    load: float


@dataclass
class Samples:
    """The runs of one command in an interleaved measurement."""

    runs: list[Run] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.runs)

    @property
    def peak_kb(self) -> int:
        return max(run.peak_kb for run in self.runs)

    @property
    def load(self) -> float:
        """The largest one-minute load average seen at the end of a run."""
        return max(run.load for run in self.runs)


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:  # not every platform has one
        return float("nan")


def last_error_line(stdout: str, stderr: str) -> str:
    """What a failed process said last: its last non-empty stderr line, else stdout's."""
    for stream in (stderr, stdout):
        lines = [line.strip() for line in stream.splitlines() if line.strip()]
        if lines:
            return lines[-1]
    return ""


def run_checked(
    command: Sequence[str],
    *,
    ok: Sequence[int] = (0,),
    verify: Verify | None = None,
    cwd: Path | None = None,
    prepare: Callable[[], None] | None = None,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> tuple[Run, str]:
    """Time one process and check it; return the run and its stdout.

    Raises :class:`BenchFailure` when the exit status is not in ``ok``, a traceback
    was printed, ``verify`` names a problem, or the process ran past ``timeout``.
    ``env``: variables set for the process on top of this one's.
    """
    if prepare is not None:
        prepare()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        environment = {**os.environ, **env} if env else None
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, env=environment)
        status, usage = _wait(process, timeout, command)
        wall = time.perf_counter() - start
        load = load_average()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    error_line = last_error_line(stdout, stderr)
    if code not in ok:
        allowed = " or ".join(str(value) for value in ok)
        raise BenchFailure(command, f"exit status {code}, expected {allowed}", error_line)
    if TRACEBACK in stderr or TRACEBACK in stdout:
        raise BenchFailure(command, "printed a traceback", error_line)
    if verify is not None:
        problem = verify(stdout, stderr)
        if problem is not None:
            raise BenchFailure(command, problem, error_line)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss, load), stdout


def _wait(
    process: subprocess.Popen[bytes], timeout: float | None, command: Sequence[str]
) -> tuple[int, os.struct_rusage]:
    if timeout is None:
        _, status, usage = os.wait4(process.pid, 0)
        return status, usage
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            return status, usage
        if time.monotonic() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            raise BenchFailure(command, f"still running after {timeout:.0f} s (killed)", "")
        time.sleep(0.01)


@dataclass(frozen=True)
class Job:
    """A command to time, what counts as success, and what to do before each run."""

    command: list[str]
    ok: tuple[int, ...] = (0,)
    verify: Verify | None = None
    cwd: Path | None = None
    prepare: Callable[[], None] | None = None
    env: dict[str, str] | None = None  # set on top of this process's environment


def interleave(
    jobs: dict[str, Job], repeat: int, slow: float = SLOW, timeout: float | None = None
) -> dict[str, Samples | BenchFailure]:
    """Run the jobs in turn ``repeat`` times; a job that fails once is a failure.

    A job slower than ``slow`` seconds on its first run is not run again.
    """
    results: dict[str, Samples | BenchFailure] = {name: Samples() for name in jobs}
    for _ in range(repeat):
        for name, job in jobs.items():
            samples = results[name]
            if not isinstance(samples, Samples):
                continue
            if samples.runs and samples.runs[0].wall > slow:
                continue
            try:
                run, _ = run_checked(
                    job.command,
                    ok=job.ok,
                    verify=job.verify,
                    cwd=job.cwd,
                    prepare=job.prepare,
                    timeout=timeout,
                    env=job.env,
                )
            except BenchFailure as failure:
                print(f"FAILED {name}: {failure}", file=sys.stderr)
                results[name] = failure
                continue
            samples.runs.append(run)
    return results


def machine() -> str:
    """The machine line: system, cores, CPU model, Python."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
        + (f" ({model})" if model else "")
        + f", Python {platform.python_version()}"
    )


def loads_line() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load average unknown"
    cores = os.cpu_count() or 1
    shared = " (a shared, loaded machine)" if one > 2 else ""
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {cores} cores{shared}"


# Prints the third-party modules that running roadmaplint with the given arguments
# imported (those of installed distributions, other than roadmaplint and those the
# interpreter had loaded before it started), one per line.
_IMPORTED = """
import importlib.metadata, runpy, sys
before = set(sys.modules)
sys.argv = ["roadmaplint", *sys.argv[1:]]
try:
    runpy.run_module("roadmaplint", run_name="__main__", alter_sys=True)
except SystemExit:
    pass
owners = importlib.metadata.packages_distributions()
third = sorted(
    name for name in set(sys.modules) - before
    if name.split(".")[0] in owners and name.split(".")[0] != "roadmaplint"
)
sys.stdout.flush()
print("\\n".join(third), file=sys.__stderr__)
"""


def imported_modules(arguments: Sequence[str]) -> list[str]:
    """The third-party modules ``python -m roadmaplint ARGUMENTS`` really imports."""
    result = subprocess.run(
        [PYTHON, "-c", _IMPORTED, *arguments], capture_output=True, text=True, check=False
    )
    if result.returncode not in (0, 1) or TRACEBACK in result.stderr:
        raise BenchFailure(
            ["roadmaplint", *arguments],
            "could not list its imports",
            last_error_line(result.stdout, result.stderr),
        )
    modules = [line for line in result.stderr.splitlines() if line and " " not in line]
    if not modules:
        raise BenchFailure(["roadmaplint", *arguments], "imported no third-party module", "")
    return modules


def import_floor(modules: Sequence[str]) -> list[str]:
    """A process that imports exactly ``modules`` and does nothing else."""
    return [PYTHON, "-c", "import " + ", ".join(modules)]


def top_level(modules: Sequence[str]) -> list[str]:
    return sorted({name.split(".")[0] for name in modules})


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
