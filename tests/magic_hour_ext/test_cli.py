"""The command line, end to end: ``python -m magic_hour_ext`` as a subprocess against a local server.

Standard error is not a terminal here, so these runs take the plain (no control character) path;
the terminal path is in test_cli_tty.py.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from magic_hour_ext import (
    AuthenticationError,
    DownloadError,
    MissingAPIKeyError,
    NotFoundError,
    ProjectCanceledError,
    ProjectFailedError,
    UnprocessableEntityError,
    WaitTimeoutError,
)
from magic_hour_ext._cli import UsageError, build_parser, error_message, exit_code
from magic_hour_ext._commands import DeclinedError, NotConfirmedError
from magic_hour_ext._sizes import human_size
from magic_hour_ext.testing import Fault, MagicHourServer, Output
from tests.magic_hour_ext._helpers import child_env, image_project, statuses_by_gets

FAST = [("queued", 0.2), ("rendering", 0.2), ("complete", None)]


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a run: no MAGIC_HOUR_* or colour settings of ours, a fast poll interval."""
    return child_env(MAGIC_HOUR_POLL_INTERVAL="0.1", **extra)


def run_cli(
    server: MagicHourServer, *args: str, cwd: Path, key: str | None = "server", timeout: float = 30.0
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m magic_hour_ext --base-url <local server> *args``; the key comes from the env."""
    env = cli_env() if key is None else cli_env(MAGIC_HOUR_API_KEY=server.token if key == "server" else key)
    return subprocess.run(
        [sys.executable, "-m", "magic_hour_ext", "--base-url", server.base_url, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def assert_plain(text: str) -> None:
    """No escape sequence, no carriage return, no other control character but newlines."""
    assert all(ch == "\n" or ch.isprintable() for ch in text), repr(text)


def test_check_result_waits_downloads_and_prints_the_paths(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(), Output(size=300_000, name="b.bin")])

    with statuses_by_gets(server, project, ("queued", 1), ("rendering", 1)):
        run = run_cli(server, "check-result", project.id, "-o", "out", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    paths = [tmp_path / line for line in run.stdout.splitlines()]
    assert [p.name for p in paths] == [f"mh-{project.id}-1.png", f"mh-{project.id}-2.bin"]
    assert [p.read_bytes() for p in paths] == [project.output_bytes(0), project.output_bytes(1)]
    assert sorted(os.listdir(tmp_path / "out")) == sorted(p.name for p in paths)  # no temporary file left
    statuses = [
        line.split()[-1]
        for line in run.stderr.splitlines()
        if line.endswith(("queued", "rendering", "complete"))
    ]
    assert statuses == ["queued", "rendering", "complete"]
    err = run.stderr
    assert f"output 2: downloading to out/mh-{project.id}-2.bin (300.0 kB)" in err
    assert_plain(run.stdout + run.stderr)
    assert server.token not in run.stdout + run.stderr


@pytest.mark.parametrize(
    ("final", "expected"),
    [("error", "failed (no_source_face: Please use an image with a face)"), ("canceled", "was canceled")],
)
def test_a_failed_or_canceled_project_exits_1(
    server: MagicHourServer, tmp_path: Path, final: str, expected: str
) -> None:
    project = server.create_project(
        timeline=[("rendering", 0.2), (final, None)],
        error=("no_source_face", "Please use an image with a face"),
    )

    run = run_cli(server, "check-result", project.id, cwd=tmp_path)

    assert run.returncode == 1
    assert run.stdout == ""
    last = run.stderr.splitlines()[-1]
    assert last.startswith("magic-hour-ext: error: image project ")
    assert last.endswith(expected)
    assert "Traceback" not in run.stderr
    assert os.listdir(tmp_path) == []


def test_a_timeout_exits_3_with_one_line(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(timeline=[("rendering", 60.0), ("complete", None)])
    started = time.monotonic()

    # 2 s: long enough for the first GET to be answered in a child started on a loaded machine.
    run = run_cli(server, "check-result", project.id, "--timeout", "2", cwd=tmp_path)

    assert run.returncode == 3
    assert time.monotonic() - started < 15
    assert run.stderr.splitlines()[-1] == (
        f"magic-hour-ext: error: timed out: image project {project.id} is still rendering after 2 s; "
        "run the same command again to keep waiting"
    )
    assert "Traceback" not in run.stderr


def test_an_unreachable_api_exits_4_naming_the_host_and_says_nothing_of_running_again(
    tmp_path: Path,
) -> None:
    # Before: exit 3, "timed out ... run the same command again to keep waiting" (with --timeout 30,
    # exit 4): a script that runs again on 3 looped for ever against a dead host.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        host = f"127.0.0.1:{sock.getsockname()[1]}"  # nothing listens once it is closed
    run = subprocess.run(
        [sys.executable, "-m", "magic_hour_ext", "check-result", "cuid-example", "--timeout", "5"],
        capture_output=True,
        text=True,
        env=cli_env(MAGIC_HOUR_API_KEY="mhk_live_KEY", MAGIC_HOUR_BASE_URL=f"http://{host}"),
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        timeout=30,
    )
    assert run.returncode == 4, run.stderr
    last = run.stderr.splitlines()[-1]
    assert f"no response from {host}" in last
    assert "Connection refused" in last
    assert "again" not in last
    assert "mhk_live_KEY" not in run.stderr


def test_an_api_that_never_answers_before_the_timeout_exits_4_with_the_cause(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project()
    server.add_fault(Fault.hang(route="get", times=None))

    run = run_cli(server, "check-result", project.id, "--timeout", "1", cwd=tmp_path)

    assert run.returncode == 4, run.stderr
    last = run.stderr.splitlines()[-1]
    assert last.startswith(
        f"magic-hour-ext: error: timed out after 1 s: the API never answered image project {project.id}"
    )
    assert f"no response from 127.0.0.1:{server.port}" in last
    assert "again" not in last


def test_retries_are_shown_as_lines_naming_the_request(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(503, route="get", times=1))

    run = run_cli(server, "check-result", project.id, cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    retries = [line for line in run.stderr.splitlines() if line.startswith("warning: ")]
    assert len(retries) == 1, run.stderr
    assert retries[0].startswith(
        f"warning: retrying GET image project '{project.id}' (503 Service Unavailable), attempt 2 of 6, in 0."
    )
    assert "stamina" not in run.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["-o", "afile"], "the download directory 'afile' is not a folder"),
        (["-o", "/proc/self/nope"], "cannot use the download directory '/proc/self/nope': "),
        (["--id-is-empty"], "the project id must be a non-empty string, not ''"),
    ],
)
def test_bad_input_is_refused_before_anything_is_shown_or_sent(
    server: MagicHourServer, tmp_path: Path, args: list[str], line: str
) -> None:
    # Before: "-o afile" said "File exists", after the wait; "/proc/self/nope" failed after the
    # wait; an empty id printed "Checking image project  (timeout 600 s)" first.
    project = server.create_project(timeline=[("rendering", 60.0), ("complete", None)])
    (tmp_path / "afile").write_bytes(b"")
    argv = ["check-result", ""] if args == ["--id-is-empty"] else ["check-result", project.id, *args]

    run = run_cli(server, *argv, "--timeout", "1", cwd=tmp_path)

    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"magic-hour-ext: error: {line}")
    assert run.stdout == ""
    assert server.requests == []


def test_a_missing_key_is_one_line_naming_the_variable_and_exit_2(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project()

    run = run_cli(server, "check-result", project.id, cwd=tmp_path, key=None)

    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert "MAGIC_HOUR_API_KEY" in run.stderr
    assert "Traceback" not in run.stderr
    assert server.requests == []


def test_a_refused_key_exits_2_and_is_never_shown_even_with_debug(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project()
    key = "mhk_live_wrong_0123456789"

    run = run_cli(server, "get", project.id, "--debug", cwd=tmp_path, key=key)

    assert run.returncode == 2
    assert "Traceback" in run.stderr  # --debug shows it
    assert "AuthenticationError" in run.stderr
    assert run.stderr.splitlines()[-1] == (
        f"magic-hour-ext: error: GET image project {project.id!r} "
        f"({server.base_url}/v1/image-projects/{project.id}): HTTP 401: Unauthorized"
    )
    assert key not in run.stdout + run.stderr
    assert [r.status for r in server.api_requests()] == [401]


def test_an_api_key_flag_is_used_and_never_shown(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()

    run = run_cli(server, "--debug", "get", project.id, "--api-key", server.token, cwd=tmp_path, key=None)

    assert run.returncode == 0, run.stderr
    assert f"info: httpx: HTTP Request: GET {server.base_url}/v1/image-projects/{project.id}" in run.stderr
    assert server.token not in run.stdout + run.stderr


def test_json_prints_one_line_per_project_with_the_project_and_the_paths(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(timeline=FAST, outputs=[Output(), Output(name="second.png")])

    run = run_cli(server, "check-result", project.id, "--json", "-o", str(tmp_path / "out"), cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    (line,) = run.stdout.splitlines()  # JSON Lines: one compact object, with one id too
    body = json.loads(line)
    assert list(body) == ["id", "kind", "status", "exit_code", "error", "project", "downloaded_paths"]
    assert (body["id"], body["kind"], body["status"], body["exit_code"], body["error"]) == (
        project.id,
        "image",
        "complete",
        0,
        None,
    )
    assert datetime.fromisoformat(body["project"]["created_at"]).tzinfo is not None
    assert [d["url"].startswith(server.download_base_url) for d in body["project"]["downloads"]] == [
        True,
        True,
    ]
    assert [Path(p).read_bytes() for p in body["downloaded_paths"]] == [
        project.output_bytes(0),
        project.output_bytes(1),
    ]
    assert "complete" in run.stderr  # the status lines went to stderr
    assert run.stderr.splitlines()[-1] == "1 project: 1 complete (exit code 0)"


def test_json_of_a_failed_project_is_its_line_with_the_error(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(timeline=[("error", None)], error=("bad_input", "Nope"))

    run = run_cli(server, "check-result", project.id, "--json", cwd=tmp_path)

    assert run.returncode == 1
    (line,) = run.stdout.splitlines()
    body = json.loads(line)
    assert (body["status"], body["exit_code"], body["downloaded_paths"]) == ("error", 1, [])
    assert body["error"] == {
        "type": "ProjectFailedError",
        "message": f"image project {project.id!r} failed (bad_input: Nope)",
    }
    assert (body["project"]["status"], body["project"]["error"]) == (
        "error",
        {"code": "bad_input", "message": "Nope"},
    )


@pytest.mark.parametrize(
    ("args", "code", "kind"),
    [
        (["get", "no-such-id"], 4, "NotFoundError"),
        (["delete", "no-such-id", "--yes"], 4, "NotFoundError"),
        (["delete", "no-such-id"], 2, "NotConfirmedError"),  # stdin is not a terminal
        (["check-result", "x", "--timeout", "abc"], 2, "UsageError"),
        (["check-result", "x", "-o", "/proc/self"], 2, "DownloadDirectoryError"),
        (["--base-url", "127.0.0.1:1", "get", "x"], 2, "ConfigurationError"),
    ],
)
def test_json_prints_exactly_one_object_for_an_error(
    server: MagicHourServer, tmp_path: Path, args: list[str], code: int, kind: str
) -> None:
    # Before: nothing on stdout, so `| jq` read empty input.
    run = run_cli(server, *args, "--json", cwd=tmp_path)

    assert run.returncode == code, run.stderr
    body = json.loads(run.stdout)
    assert list(body) == ["error"]
    assert (body["error"]["type"], body["error"]["exit_code"]) == (kind, code)
    assert body["error"]["message"] in run.stderr
    assert server.token not in run.stdout


def test_no_wait_on_an_unfinished_project_prints_it_and_exits_3(
    server: MagicHourServer, tmp_path: Path
) -> None:
    # Before: exit 0, which the table said meant "complete and saved".
    project = server.create_project(timeline=[("rendering", 30.0), ("complete", None)])

    run = run_cli(server, "check-result", project.id, "--no-wait", cwd=tmp_path)
    as_json = run_cli(server, "check-result", project.id, "--no-wait", "--json", cwd=tmp_path)

    assert run.returncode == as_json.returncode == 3, run.stderr
    assert f"id               {project.id}" in run.stdout
    assert "status           rendering" in run.stdout
    assert run.stderr.splitlines()[-1] == (
        f"magic-hour-ext: error: image project {project.id} is still rendering (--no-wait: not waited for); "
        "run again, or without --no-wait, to wait for it"
    )
    body = json.loads(as_json.stdout)
    assert (body["error"]["type"], body["exit_code"], body["status"]) == ("NotFinishedError", 3, "rendering")
    assert body["project"]["status"] == "rendering"
    assert len(server.api_requests()) == 2  # one GET each


def test_no_wait_on_a_complete_project_downloads_and_exits_0(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()

    run = run_cli(server, "check-result", project.id, "--no-wait", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [f"mh-{project.id}-1.png"]


def test_get_redacts_signed_urls_and_json_shows_them(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(name="out.png")])

    human = run_cli(server, "get", project.id, cwd=tmp_path)
    as_json = run_cli(server, "get", project.id, "--json", cwd=tmp_path)

    assert human.returncode == as_json.returncode == 0
    assert "downloaded_paths" not in json.loads(as_json.stdout)  # the project alone
    assert "status           complete" in human.stdout
    assert "/out.png?expires=***&signature=***" in human.stdout
    url = json.loads(as_json.stdout)["downloads"][0]["url"]
    assert url.split("signature=")[1] not in human.stdout
    assert os.listdir(tmp_path) == []


def test_get_shows_a_dash_for_fields_the_api_did_not_send(server: MagicHourServer, tmp_path: Path) -> None:
    odd = {"created_at": None, "credits_charged": "many", "image_count": None, "name": 5, "type": None}
    project = server.create_project(timeline=[("rendering", None)], extra_fields=odd)

    human = run_cli(server, "get", project.id, cwd=tmp_path)
    as_json = run_cli(server, "get", project.id, "--json", cwd=tmp_path)

    assert human.returncode == as_json.returncode == 0, human.stderr
    for label in ("name", "type", "created at", "credits charged", "images"):
        assert re.search(rf"^{label} +-$", human.stdout, re.MULTILINE), human.stdout
    assert not set(odd) & set(json.loads(as_json.stdout))  # left out, not invented


def test_an_unknown_project_exits_4_naming_the_request_and_the_likely_causes(
    server: MagicHourServer, tmp_path: Path
) -> None:
    run = run_cli(server, "check-result", "no-such-project", cwd=tmp_path)

    assert run.returncode == 4
    assert run.stderr.splitlines()[-1] == (
        "magic-hour-ext: error: GET image project 'no-such-project' "
        f"({server.base_url}/v1/image-projects/no-such-project): HTTP 404: Not Found; likely a wrong id, "
        "the id of a video or audio project, a deleted project, or a base URL that is not the Magic Hour API"
    )


def test_a_base_url_of_the_download_host_says_it_is_probably_not_the_api(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project()

    run = run_cli(server, "--base-url", server.download_base_url, "get", project.id, cwd=tmp_path)

    assert run.returncode == 4
    assert run.stderr.splitlines()[-1].endswith(
        "the answer is not the API's JSON, so the base URL is probably not the Magic Hour API "
        "(a download host, a proxy or another server answered): check it"
    )


def test_running_again_keeps_the_saved_output(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()
    first = run_cli(server, "check-result", project.id, cwd=tmp_path)
    saved = (tmp_path / f"mh-{project.id}-1.png").stat()

    again = run_cli(server, "check-result", project.id, cwd=tmp_path)

    assert first.returncode == 0
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [f"mh-{project.id}-1.png"]
    assert (tmp_path / f"mh-{project.id}-1.png").stat().st_ino == saved.st_ino
    # Before: "downloading to ... (N kB)" then "received N kB", for a file it kept.
    size = human_size(project.outputs[0].length)
    assert f"output 1: already saved as mh-{project.id}-1.png ({size})" in again.stderr
    assert "downloading" not in again.stderr
    assert "received" not in again.stderr


def test_another_file_under_the_name_exits_4_unless_overwrite(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project()
    (tmp_path / f"mh-{project.id}-1.png").write_bytes(b"x")

    again = run_cli(server, "check-result", project.id, cwd=tmp_path)
    replaced = run_cli(server, "check-result", project.id, "--overwrite", cwd=tmp_path)

    assert again.returncode == 4
    assert again.stderr.splitlines()[-1] == (
        f"magic-hour-ext: error: mh-{project.id}-1.png already exists; pass --overwrite to replace it"
    )
    assert replaced.returncode == 0
    assert os.listdir(tmp_path) == [f"mh-{project.id}-1.png"]


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("127.0.0.1:44803", "--base-url must be an http:// or https:// URL, not '127.0.0.1:44803': "
         "did you mean http://127.0.0.1:44803?"),
        ("ftp://example.com", "--base-url must be an http:// or https:// URL, not 'ftp://example.com'"),
    ],
)  # fmt: skip
def test_a_bad_base_url_flag_is_named(server: MagicHourServer, tmp_path: Path, value: str, line: str) -> None:
    # Before: "MAGIC_HOUR_BASE_URL must be an http:// or https:// URL", for a flag.
    run = run_cli(server, "get", "x", "--base-url", value, cwd=tmp_path)

    assert run.returncode == 2
    assert run.stderr == f"magic-hour-ext: error: {line}\n"
    assert server.requests == []


def test_delete_refuses_without_yes_when_stdin_is_not_a_terminal(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project()

    run = run_cli(server, "delete", project.id, cwd=tmp_path)

    assert run.returncode == 2
    assert "standard input is not a terminal; pass --yes" in run.stderr
    assert project.enabled
    assert server.requests == []


def test_delete_with_yes_deletes(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()

    run = run_cli(server, "delete", "--yes", project.id, cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    assert run.stdout == f"Deleted image project {project.id}.\n"
    assert not project.enabled


def test_delete_json_prints_the_outcome(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()

    run = run_cli(server, "delete", "--yes", project.id, "--json", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"id": project.id, "kind": "image", "deleted": True}
    assert not project.enabled


@pytest.mark.parametrize("outputs", [1, 2])
def test_ctrl_c_during_a_download_exits_130_and_the_next_run_resumes(
    server: MagicHourServer, tmp_path: Path, outputs: int
) -> None:
    # Before: the .part file was removed on Ctrl-C, and the next run fetched everything again.
    size = 256 << 20  # generated on the fly: the download is still running when SIGINT arrives
    project = server.create_project(outputs=[Output(size=size, name=f"big{i}.bin") for i in range(outputs)])
    out = tmp_path / "out"
    env = cli_env(MAGIC_HOUR_API_KEY=server.token, MAGIC_HOUR_BASE_URL=server.base_url)
    argv = [sys.executable, "-m", "magic_hour_ext", "check-result", project.id, "-o", str(out)]
    proc = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 20
        while not (out.is_dir() and any(p.stat().st_size > 0 for p in out.glob("*.partial"))):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "no partial file appeared"
            time.sleep(0.005)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr
    # Stopped at once: far from the whole gibibyte of any output (counted by the server).
    assert all(r.bytes_sent < (1 << 30) // 4 for r in server.download_requests())
    assert stderr.splitlines()[-1] == "magic-hour-ext: error: interrupted"
    assert "Traceback" not in stderr
    assert stdout == ""
    kept = {p.name: p.stat().st_size for p in out.glob(".*.partial")}
    assert kept, sorted(os.listdir(out))
    assert all(name.startswith(".") for name in os.listdir(out))  # nothing under a final name
    server.clear_requests()

    again = subprocess.run(
        argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
    )

    assert again.returncode == 0, again.stderr
    assert sorted(os.listdir(out)) == [f"mh-{project.id}-{i + 1}.bin" for i in range(outputs)]
    resumed = {r.path.split("/")[2]: r for r in server.download_requests()}
    for index in range(outputs):
        held = kept.get(f".mh-{project.id}-{index + 1}.bin.partial", 0)
        saved = out / f"mh-{project.id}-{index + 1}.bin"
        assert saved.stat().st_size == size
        with saved.open("rb") as file:  # the bytes on both sides of where it resumed
            file.seek(max(0, held - 4096))
            assert file.read(8192) == project.output_bytes(
                index, max(0, held - 4096), max(0, held - 4096) + 8192
            )
        request = resumed[str(index)]
        if held:
            assert request.headers["range"] == f"bytes={held}-"
            assert f"output {index + 1}: resuming {saved} from " in again.stderr
        assert request.bytes_sent == size - held
    assert sum(kept.values()) > 0


def test_the_console_script_is_installed_and_documents_exit_codes(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("magic-hour-ext")

    run = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, env=cli_env(), cwd=tmp_path, timeout=30
    )

    assert run.returncode == 0
    for text in (
        "check-result",
        "delete",
        "generate",
        "upload",
        "tools",
        "serve",
        "demo",
        "MAGIC_HOUR_API_KEY",
    ):
        assert text in run.stdout
    assert exit_codes_of(run.stdout) == ["0", "1", "2", "3", "4", "5", "130"]


def exit_codes_of(help_text: str) -> list[str]:
    """The codes listed under ``exit codes:`` in a --help."""
    section = help_text.split("exit codes:")[1].split("environment:")[0]
    return re.findall(r"^  (\d+) ", section, re.MULTILINE)


@pytest.mark.parametrize(
    ("command", "codes", "api"),
    [
        ("check-result", ["0", "1", "2", "3", "4", "130"], True),
        ("get", ["0", "2", "4", "130"], True),
        ("delete", ["0", "1", "2", "4", "130"], True),
        ("serve", ["0", "1", "2"], False),
        ("demo", ["0", "2", "4", "130"], False),
        ("tools", ["0"], False),
        ("upload", ["0", "2", "4", "130"], True),
        ("generate", ["0", "1", "2", "3", "4", "5", "130"], True),
    ],
)
def test_each_command_s_help_shows_its_own_options_and_codes(
    tmp_path: Path, command: str, codes: list[str], api: bool
) -> None:
    # Before: every --help showed --api-key, --base-url, --debug and check-result's codes.
    run = subprocess.run(
        [sys.executable, "-m", "magic_hour_ext", command, "--help"],
        capture_output=True, text=True, env=cli_env(), cwd=tmp_path, timeout=30,
    )  # fmt: skip

    assert run.returncode == 0
    assert exit_codes_of(run.stdout) == codes
    for option in ("--api-key", "--base-url", "--debug", "MAGIC_HOUR_API_KEY"):
        assert (option in run.stdout) is api, option
    assert ("--timeout" in run.stdout) is (command in ("check-result", "generate"))
    if command == "serve":
        assert "Ctrl-C" in run.stdout
        assert "SIGTERM" in run.stdout
        assert "--timeline" in run.stdout


class Served:
    """``magic-hour-ext serve *args`` running; :attr:`lines` are what it printed up to how to stop it."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "magic_hour_ext", "serve", *args],
            env=cli_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        stdout = self.proc.stdout
        assert stdout is not None
        self._arrived: queue.SimpleQueue[str] = queue.SimpleQueue()
        self._reader = threading.Thread(target=lambda: [self._arrived.put(line) for line in stdout])
        self._reader.start()
        self.lines: list[str] = []
        try:  # a server that never says how to stop it fails the test instead of hanging it
            while not self.lines or not self.lines[-1].startswith("Stop it with"):
                self.lines.append(self._arrived.get(timeout=20).rstrip("\n"))
        except BaseException:
            self.stop(signal.SIGKILL)
            raise

    def stop(self, how: signal.Signals) -> tuple[int, str, str]:
        """Send *how*; the exit status, the rest of standard output, and standard error."""
        self.proc.send_signal(how)
        try:
            code = self.proc.wait(timeout=20)
        finally:
            self.proc.kill()
        self._reader.join(5)
        rest = []
        while not self._arrived.empty():
            rest.append(self._arrived.get())
        assert self.proc.stderr is not None
        return code, "".join(rest), self.proc.stderr.read()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serve_runs_until_ctrl_c_or_sigterm_and_says_so(stop: signal.Signals) -> None:
    served = Served("--token", "serve-token")
    code, rest, err = served.stop(stop)
    lines = served.lines
    assert lines[0] == "Magic Hour local server"
    assert lines[1].startswith("  API:        http://127.0.0.1:")
    assert lines[3] == "  token:      serve-token"
    assert lines[4].startswith("  project:    ")
    assert lines[-1] == "Stop it with Ctrl-C, or SIGTERM (kill <pid>)."
    assert rest == "Stopped.\n"
    assert "Traceback" not in err
    assert code == 0


def test_serve_starts_projects_of_any_timeline_size_and_outcome(tmp_path: Path) -> None:
    # Before: two fixed projects only.
    specs = tmp_path / "projects.json"
    specs.write_text(json.dumps([
        {"id": "fails", "timeline": "rendering:0.2,error", "error": "no_source_face: no face here"},
        {"id": "canceled", "timeline": [["queued", 0.1], ["canceled", None]]},
    ]))  # fmt: skip
    served = Served(
        "--projects", str(specs), "--id", "big", "--timeline", "queued:0.1,complete", "--outputs", "2",
        "--size", "3MB",
    )  # fmt: skip
    try:
        lines = served.lines
        api = lines[1].split()[-1]
        assert [line.split()[1] for line in lines if line.startswith("  project:")] == [
            "fails",
            "canceled",
            "big",
        ]
        assert lines[6].endswith("(queued 0.1 s, then complete; 2 outputs of 3.0 MB)")
        time.sleep(0.3)
        headers = {"Authorization": "Bearer test-token"}
        bodies = {
            pid: httpx.get(f"{api}/v1/image-projects/{pid}", headers=headers).json()
            for pid in ("fails", "canceled", "big")
        }
        assert bodies["fails"]["status"] == "error"
        assert bodies["fails"]["error"] == {"code": "no_source_face", "message": "no face here"}
        assert bodies["canceled"]["status"] == "canceled"
        assert [len(httpx.get(d["url"]).content) for d in bodies["big"]["downloads"]] == [3_000_000] * 2
    finally:
        code, _, err = served.stop(signal.SIGTERM)
    assert code == 0, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timeline", "queued,complete"], "give each status but the last its seconds"),
        (["--size", "big"], "not a size: 'big'"),
        (["--projects", "/nonexistent.json"], "cannot read '/nonexistent.json'"),
    ],
)
def test_serve_refuses_flags_that_describe_no_project(tmp_path: Path, args: list[str], message: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "magic_hour_ext", "serve", *args],
        capture_output=True, text=True, env=cli_env(), cwd=tmp_path, timeout=30,
    )  # fmt: skip
    assert run.returncode == 2
    assert message in run.stderr.splitlines()[-1]


# -- in-process: the parser and the error mapping ---------------------------------------------------


def test_global_options_work_before_and_after_the_subcommand() -> None:
    parser = build_parser()

    before = parser.parse_args(["--debug", "--base-url", "http://a", "get", "x"])
    after = parser.parse_args(["get", "x", "--debug", "--base-url", "http://a", "--api-key", "k"])
    neither = parser.parse_args(["get", "x"])

    assert (before.debug, before.base_url, before.api_key) == (True, "http://a", None)
    assert (after.debug, after.base_url, after.api_key) == (True, "http://a", "k")
    assert (neither.debug, neither.base_url, neither.api_key) == (False, None, None)


@pytest.mark.parametrize("value", ["-1", "abc", "nan"])
def test_a_bad_timeout_is_a_usage_error(value: str) -> None:
    with pytest.raises(UsageError, match="--timeout") as info:
        build_parser().parse_args(["check-result", "x", "--timeout", value])

    assert exit_code(info.value) == 2
    assert info.value.usage.startswith("usage: magic-hour-ext check-result")


def test_timeout_none_waits_forever() -> None:
    assert build_parser().parse_args(["check-result", "x", "--timeout", "none"]).timeout is None


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (KeyboardInterrupt(), 130),
        (MissingAPIKeyError(), 2),
        (AuthenticationError(401, "Unauthorized"), 2),
        (NotConfirmedError("no"), 2),
        (DeclinedError("no"), 1),
        (WaitTimeoutError("p", None, 1.0), 3),
        (NotFoundError(404, "Not Found"), 4),
        (UnprocessableEntityError(422, "video is a template and cannot be deleted"), 4),
        (DownloadError("broken"), 4),
        (RuntimeError("bug"), 4),
    ],
)
def test_exit_codes(error: BaseException, code: int) -> None:
    assert exit_code(error) == code


def test_an_unexpected_error_says_how_to_see_the_traceback() -> None:
    assert error_message(RuntimeError("bug")) == "unexpected RuntimeError: bug (--debug shows the traceback)"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            ProjectFailedError(
                image_project(status="error", error={"code": "no_face", "message": "No face"})
            ),
            "image project 'cuid-example' failed (no_face: No face)",
        ),
        (ProjectCanceledError(image_project(status="canceled")), "image project 'cuid-example' was canceled"),
    ],
)
def test_a_failed_or_canceled_project_exits_1_with_the_library_message(
    error: Exception, message: str
) -> None:
    assert exit_code(error) == 1
    assert error_message(error) == str(error) == message


def test_a_download_error_exits_4_with_its_own_message() -> None:
    assert exit_code(DownloadError("broken")) == 4
    assert error_message(DownloadError("broken")) == "broken"
