"""The command line on a terminal: runs inside a pseudo-terminal, as a person would see them."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from magic_hour_ext.testing import MagicHourServer, Output
from tests.magic_hour_ext._helpers import child_env, statuses_by_gets


def run_in_pty(
    server: MagicHourServer, *args: str, cwd: Path, answer: str | None = None, timeout: float = 30.0
) -> tuple[int, str]:
    """Run the command line with stdin, stdout and stderr on a 120x40 pseudo-terminal.

    When *answer* is given, it is typed (with Enter) once a ``[y/N]`` prompt shows.
    Returns the exit code and everything the terminal received.
    """
    env = child_env(TERM="xterm-256color", MAGIC_HOUR_API_KEY=server.token, MAGIC_HOUR_POLL_INTERVAL="0.1")
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "magic_hour_ext", "--base-url", server.base_url, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
    )
    os.close(slave)
    received = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if not select.select([master], [], [], 0.1)[0]:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child is gone and the terminal closed
                break
            if not data:
                break
            received += data
            if answer is not None and b"[y/N]" in received:
                os.write(master, answer.encode() + b"\r")
                answer = None
        return proc.wait(timeout=max(0.1, deadline - time.monotonic())), received.decode("utf-8", "replace")
    finally:
        proc.kill()
        os.close(master)


def test_a_terminal_gets_status_lines_and_a_progress_bar(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(size=3_000_000, name="big.png")])

    with statuses_by_gets(server, project, ("rendering", 1)):
        code, screen = run_in_pty(server, "check-result", project.id, "-o", "out", cwd=tmp_path)

    assert code == 0, screen
    assert "\x1b[" in screen  # rich drew it: colours and cursor moves
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
    assert re.search(r"\d\.\d s  rendering\r?\n", text)
    assert re.search(r"\d\.\d s  complete\r?\n", text)
    bar = re.search(rf"mh-{project.id}-1\.png ━+ 3\.0/3\.0 MB [0-9.]+ [kMG]B/s", text)
    assert bar is not None, text
    assert f"out/mh-{project.id}-1.png" in text  # the result, on stdout
    assert (tmp_path / "out" / f"mh-{project.id}-1.png").stat().st_size == 3_000_000


@pytest.mark.parametrize(("answer", "code", "deleted"), [("y", 0, True), ("n", 1, False), ("", 1, False)])
def test_delete_asks_on_a_terminal(
    server: MagicHourServer, tmp_path: Path, answer: str, code: int, deleted: bool
) -> None:
    project = server.create_project()

    exit_code, screen = run_in_pty(server, "delete", project.id, cwd=tmp_path, answer=answer)

    assert f"Delete image project {project.id}? This cannot be undone. [y/N]" in screen
    assert exit_code == code, screen
    assert project.enabled is not deleted
    assert [r.method for r in server.api_requests(None)] == (["DELETE"] if deleted else [])
