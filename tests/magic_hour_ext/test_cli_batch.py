"""The command line with every kind and several ids: ``--kind``, ``check-result ID [ID ...]``, ``--from``.

End to end, as in test_cli.py: ``python -m magic_hour_ext`` as a subprocess against a local server.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from magic_hour_ext._batch import read_ids
from magic_hour_ext._errors import InvalidArgumentError
from magic_hour_ext.testing import MagicHourServer, Output
from tests.magic_hour_ext._helpers import statuses_by_gets
from tests.magic_hour_ext.test_cli import cli_env, run_cli

FAST = [("queued", 0.2), ("rendering", 0.2), ("complete", None)]


def json_lines(text: str) -> dict[str, dict[str, object]]:
    """The JSON Lines of *text* by id (every line one compact object)."""
    lines = text.splitlines()
    assert all(line.startswith("{") and line.endswith("}") for line in lines), text
    return {body["id"]: body for body in map(json.loads, lines)}


def test_several_video_ids_are_waited_for_together_and_exit_with_the_highest_code(
    server: MagicHourServer, tmp_path: Path
) -> None:
    done = [
        server.create_project(kind="video", timeline=FAST, outputs=[Output.mp4(size=50_000)])
        for _ in range(3)
    ]
    failed = server.create_project(kind="video", timeline=[("error", None)], error=("bad", "Nope"))

    run = run_cli(
        server,
        "check-result",
        *(p.id for p in done),
        failed.id,
        "no-such-id",
        "--kind",
        "video",
        "-o",
        "out",
        cwd=tmp_path,
    )

    assert run.returncode == 4, run.stderr  # the highest: 4 (not found) over 1 (failed)
    assert sorted(run.stdout.splitlines()) == sorted(f"out/mh-{p.id}-1.mp4" for p in done)
    for project in done:
        assert (tmp_path / f"out/mh-{project.id}-1.mp4").read_bytes() == project.output_bytes(0)
    err = run.stderr.splitlines()
    assert err[0] == "Checking 5 video projects (timeout 1800 s each)"  # the kind's default deadline
    assert err[-1] == "5 projects: 3 complete, 1 error, 1 not seen (exit code 4)"
    assert any(line.endswith(f"{failed.id}: video project {failed.id!r} failed (bad: Nope)") for line in err)
    assert any("GET video project 'no-such-id'" in line for line in err)
    assert {r.path.split("/")[2] for r in server.api_requests()} == {"video-projects"}


def test_json_lines_from_a_file_and_stdin_one_per_project(server: MagicHourServer, tmp_path: Path) -> None:
    first, second, third = (server.create_project(kind="audio", outputs=[Output.wav()]) for _ in range(3))
    listed = tmp_path / "ids.txt"
    listed.write_text(f"# audio renders\n{first.id}\n\n{second.id}\n{first.id}\n")
    env = cli_env(MAGIC_HOUR_API_KEY=server.token, MAGIC_HOUR_BASE_URL=server.base_url)

    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "magic_hour_ext",
            "check-result",
            third.id,
            "--kind",
            "audio",
            "--json",
            "--from",
            str(listed),
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )

    assert run.returncode == 0, run.stderr
    lines = json_lines(run.stdout)
    assert sorted(lines) == sorted([first.id, second.id, third.id])  # an id given twice is waited for once
    for project in (first, second, third):
        body = lines[project.id]
        assert (body["kind"], body["status"], body["exit_code"], body["error"]) == (
            "audio",
            "complete",
            0,
            None,
        )
        assert body["downloaded_paths"] == [f"mh-{project.id}-1.wav"]
    assert run.stderr.splitlines()[-1] == "3 projects: 3 complete (exit code 0)"

    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "magic_hour_ext",
            "check-result",
            "--kind",
            "audio",
            "--json",
            "--no-download",
            "--from",
            "-",
        ],
        input=f"{second.id}\n{third.id}\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    assert sorted(json_lines(piped.stdout)) == sorted([second.id, third.id])


def test_jobs_bounds_the_waits_in_flight_over_one_connection_pool(
    server: MagicHourServer, tmp_path: Path
) -> None:
    projects = [server.create_project() for _ in range(6)]

    with contextlib.ExitStack() as stack:
        for project in projects:  # each is rendering for its first 3 GETs
            stack.enter_context(statuses_by_gets(server, project, ("rendering", 3)))
        run = run_cli(
            server,
            "check-result",
            *(p.id for p in projects),
            "--jobs",
            "2",
            "--no-download",
            "--json",
            cwd=tmp_path,
        )

    assert run.returncode == 0, run.stderr
    assert sorted(json_lines(run.stdout)) == sorted(p.id for p in projects)
    gets = server.api_requests()
    assert len(gets) >= 4 * 6  # every project waited for ...
    assert server.peak_connections <= 2  # ... never more than two at once ...
    assert len({r.connection_id for r in gets}) <= 2  # ... over the same connections, reused


def test_no_id_at_all_is_a_usage_error(server: MagicHourServer, tmp_path: Path) -> None:
    run = run_cli(server, "check-result", "--json", cwd=tmp_path)
    assert run.returncode == 2
    body = json.loads(run.stdout)
    assert body["error"]["type"] == "InvalidArgumentError"
    assert "no project id" in body["error"]["message"]
    assert server.api_requests() == []


def test_read_ids_refuses_a_file_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="--from"):
        read_ids([], str(tmp_path / "missing.txt"))


def test_ctrl_c_during_several_waits_exits_130(server: MagicHourServer, tmp_path: Path) -> None:
    projects = [server.create_project(timeline=[("rendering", 3600.0), ("complete", None)]) for _ in range(3)]
    env = cli_env(MAGIC_HOUR_API_KEY=server.token, MAGIC_HOUR_BASE_URL=server.base_url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "magic_hour_ext", "check-result", *(p.id for p in projects)],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while len({r.project_id for r in server.api_requests()}) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the waits did not start"
            time.sleep(0.01)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr
    assert stderr.splitlines()[-1] == "magic-hour-ext: error: interrupted"
    assert "Traceback" not in stderr
    assert stdout == ""


# -- get and delete by kind --------------------------------------------------------------------------


def test_get_shows_a_video_s_fields(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(kind="video")

    run = run_cli(server, "get", project.id, "--kind", "video", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    labels = [line.split("  ")[0] for line in run.stdout.splitlines()]
    assert "resolution       1024x576" in run.stdout
    assert "duration         15 s" in run.stdout
    assert "images" not in labels
    assert run_cli(server, "get", project.id, cwd=tmp_path).returncode == 4  # not an image project


def test_delete_by_kind_and_a_template_exits_4_with_the_422(server: MagicHourServer, tmp_path: Path) -> None:
    audio = server.create_project(kind="audio")
    template = server.create_project(kind="video", template=True)

    deleted = run_cli(server, "delete", audio.id, "--kind", "audio", "--yes", "--json", cwd=tmp_path)
    refused = run_cli(server, "delete", template.id, "--kind", "video", "--yes", cwd=tmp_path)

    assert deleted.returncode == 0, deleted.stderr
    assert json.loads(deleted.stdout) == {"id": audio.id, "kind": "audio", "deleted": True}
    assert refused.returncode == 4
    assert f"DELETE video project {template.id!r}" in refused.stderr
    assert "HTTP 422" in refused.stderr
    assert [r.path for r in server.api_requests("DELETE")] == [
        f"/v1/audio-projects/{audio.id}",
        f"/v1/video-projects/{template.id}",
    ]


def test_an_unknown_kind_is_a_usage_error(server: MagicHourServer, tmp_path: Path) -> None:
    run = run_cli(server, "get", "p", "--kind", "gif", cwd=tmp_path)
    assert run.returncode == 2
    assert "invalid choice: 'gif'" in run.stderr
    assert os.listdir(tmp_path) == []


def test_no_wait_with_several_ids_gives_each_its_code(server: MagicHourServer, tmp_path: Path) -> None:
    rendering = server.create_project(kind="video", timeline=[("rendering", 3600.0), ("complete", None)])
    complete = server.create_project(kind="video")

    run = run_cli(
        server,
        "check-result",
        rendering.id,
        complete.id,
        "--kind",
        "video",
        "--no-wait",
        "--json",
        cwd=tmp_path,
    )

    assert run.returncode == 3, run.stderr  # not final yet: exit code 3, the highest
    lines = json_lines(run.stdout)
    assert (lines[rendering.id]["status"], lines[rendering.id]["exit_code"]) == ("rendering", 3)
    assert lines[rendering.id]["error"]["type"] == "NotFinishedError"  # type: ignore[index]
    assert (lines[complete.id]["status"], lines[complete.id]["exit_code"]) == ("complete", 0)
    assert len(server.api_requests()) == 2  # one GET each
