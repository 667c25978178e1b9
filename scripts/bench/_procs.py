"""Child processes of the bench: measured workers (``worker.py``) and plain commands (curl, imports)."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

__all__ = ["BenchError", "Finished", "Worker", "run_command", "worker_env"]

WORKER = Path(__file__).with_name("worker.py")


class BenchError(RuntimeError):
    """A measurement could not be made (a worker died, hung or answered nonsense)."""


def worker_env() -> dict[str, str]:
    """The environment of every child: ours, without any MAGIC_HOUR_* setting (peers read them)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("MAGIC_HOUR_")}


class Worker:
    """A ``worker.py`` process: start it, wait until it is ready, give it ids, read its result.

    Example:
        >>> with Worker({"peer": "ours", "task": "cpu", ...}) as worker:  # doctest: +SKIP
        ...     worker.wait_ready()
        ...     worker.go(["project-id"])
        ...     result = worker.result(timeout=60)
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.label = f"{spec['peer']} {spec['task']}"
        # Closed in __exit__: it must outlive this method, so no `with` here.
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._proc = subprocess.Popen(
            [sys.executable, str(WORKER), json.dumps(spec)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=worker_env(),
            text=True,
        )

    def __enter__(self) -> Worker:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.wait()
        for stream in (self._proc.stdin, self._proc.stdout, self._stderr):
            if stream is not None:
                stream.close()

    def _fail(self, why: str) -> BenchError:
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        self._stderr.seek(0)
        tail = self._stderr.read().decode(errors="replace").strip().splitlines()[-15:]
        return BenchError(f"worker ({self.label}) {why}" + ("\n  " + "\n  ".join(tail) if tail else ""))

    def _line(self, timeout: float) -> dict[str, Any]:
        assert self._proc.stdout is not None
        ready, _, _ = select.select([self._proc.stdout], [], [], timeout)
        if not ready:
            raise self._fail(f"said nothing within {timeout:.0f} s")
        line = self._proc.stdout.readline()
        try:
            message: dict[str, Any] = json.loads(line)
        except json.JSONDecodeError:
            raise self._fail(f"answered {line[:200]!r}") from None
        return message

    def wait_ready(self, timeout: float = 60.0) -> dict[str, Any]:
        """Block until the worker has imported its peer and made its clients; its ready line."""
        line = self._line(timeout)
        if line.get("ready") is not True:
            raise self._fail("did not say it was ready")
        return line

    def go(self, ids: list[str]) -> None:
        """Give the worker its projects: it starts at once."""
        assert self._proc.stdin is not None
        self._proc.stdin.write(json.dumps({"ids": ids}) + "\n")
        self._proc.stdin.flush()

    def result(self, timeout: float) -> dict[str, Any]:
        """The worker's result; it must end within *timeout* seconds."""
        result = self._line(timeout)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            raise self._fail("did not exit after its result") from None
        if self._proc.returncode != 0:
            raise self._fail(f"exited with status {self._proc.returncode}")
        return result


@dataclass(frozen=True, slots=True)
class Finished:
    """A command that ran: its exit code, standard output, wall time and, if watched, peak RSS."""

    returncode: int
    stdout: str
    seconds: float
    peak_rss: int | None = None  # bytes: the VmHWM of the program itself, after its exec


def _own_peak(pid: int, exe: str) -> int | None:
    """VmHWM of *pid* once it runs *exe*: a fresh address space, so the program's own peak.

    (``ru_maxrss`` from ``wait4`` would not do: it keeps the peak of the forked parent's memory
    from before the exec, tens of MiB of the bench's own.)
    """
    try:
        if os.readlink(f"/proc/{pid}/exe") != exe:
            return None
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return None


def run_command(argv: list[str], timeout: float, *, watch_memory: bool = False) -> Finished:
    """Run *argv* to the end; with *watch_memory*, sample its peak RSS every 2 ms while it runs.

    Example:
        >>> run_command(["true"], timeout=5).returncode
        0
    """
    exe = os.path.realpath(shutil.which(argv[0]) or argv[0])
    start = time.perf_counter()
    peak: int | None = None
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=worker_env()) as proc:
        try:
            if watch_memory:
                while proc.poll() is None:
                    if time.perf_counter() - start > timeout:
                        raise subprocess.TimeoutExpired(argv, timeout)
                    seen = _own_peak(proc.pid, exe)
                    if seen is not None:
                        peak = max(peak or 0, seen)
                    time.sleep(0.002)
            out, _ = proc.communicate(timeout=max(0.1, timeout - (time.perf_counter() - start)))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise BenchError(f"{argv[0]} took more than {timeout:g} s") from None
        seconds = time.perf_counter() - start
    if watch_memory and peak is None:
        raise BenchError(f"{argv[0]} ended before its memory could be read")
    return Finished(proc.returncode, out.decode(errors="replace"), seconds, peak)
