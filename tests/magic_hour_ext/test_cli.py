"""The command line, end to end: ``python -m magic_hour_ext`` as a subprocess against a local server.

Standard error is not a terminal here, so these runs take the plain (no control character) path;
the terminal path is in test_cli_tty.py.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

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
from magic_hour_ext._cli import build_parser, error_message, exit_code
from magic_hour_ext._commands import DeclinedError, NotConfirmedError
from magic_hour_ext.testing import MagicHourServer, Output
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
    assert run.stderr.splitlines()[-1] == "magic-hour-ext: error: HTTP 401: Unauthorized"
    assert key not in run.stdout + run.stderr
    assert [r.status for r in server.api_requests()] == [401]


def test_an_api_key_flag_is_used_and_never_shown(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()

    run = run_cli(server, "--debug", "get", project.id, "--api-key", server.token, cwd=tmp_path, key=None)

    assert run.returncode == 0, run.stderr
    assert f"info: httpx: HTTP Request: GET {server.base_url}/v1/image-projects/{project.id}" in run.stderr
    assert server.token not in run.stdout + run.stderr


def test_json_prints_one_object_with_the_project_and_the_paths(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(timeline=FAST, outputs=[Output(), Output(name="second.png")])

    run = run_cli(server, "check-result", project.id, "--json", "-o", str(tmp_path / "out"), cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    body = json.loads(run.stdout)  # the whole of stdout is one JSON object
    assert body["id"] == project.id
    assert body["status"] == "complete"
    assert datetime.fromisoformat(body["created_at"]).tzinfo is not None
    assert [d["url"].startswith(server.download_base_url) for d in body["downloads"]] == [True, True]
    assert [Path(p).read_bytes() for p in body["downloaded_paths"]] == [
        project.output_bytes(0),
        project.output_bytes(1),
    ]
    assert "complete" in run.stderr  # the status lines went to stderr


def test_json_of_a_failed_project_is_still_printed(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(timeline=[("error", None)], error=("bad_input", "Nope"))

    run = run_cli(server, "check-result", project.id, "--json", cwd=tmp_path)

    assert run.returncode == 1
    body = json.loads(run.stdout)
    assert (body["status"], body["error"], body["downloaded_paths"]) == (
        "error",
        {"code": "bad_input", "message": "Nope"},
        [],
    )


def test_no_wait_gets_once_and_prints_the_details(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(timeline=[("rendering", 30.0), ("complete", None)])

    run = run_cli(server, "check-result", project.id, "--no-wait", cwd=tmp_path)

    assert run.returncode == 0, run.stderr
    assert f"id               {project.id}" in run.stdout
    assert "status           rendering" in run.stdout
    assert len(server.api_requests()) == 1


def test_get_redacts_signed_urls_and_json_shows_them(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(name="out.png")])

    human = run_cli(server, "get", project.id, cwd=tmp_path)
    as_json = run_cli(server, "get", project.id, "--json", cwd=tmp_path)

    assert human.returncode == as_json.returncode == 0
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


def test_an_unknown_project_exits_4(server: MagicHourServer, tmp_path: Path) -> None:
    run = run_cli(server, "check-result", "no-such-project", cwd=tmp_path)

    assert run.returncode == 4
    assert run.stderr.splitlines()[-1] == "magic-hour-ext: error: HTTP 404: Not Found"


def test_running_again_keeps_the_saved_output(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()
    first = run_cli(server, "check-result", project.id, cwd=tmp_path)
    saved = (tmp_path / f"mh-{project.id}-1.png").stat()

    again = run_cli(server, "check-result", project.id, cwd=tmp_path)

    assert first.returncode == 0
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [f"mh-{project.id}-1.png"]
    assert (tmp_path / f"mh-{project.id}-1.png").stat().st_ino == saved.st_ino


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


@pytest.mark.parametrize("outputs", [1, 2])
def test_ctrl_c_during_a_download_exits_130_and_leaves_no_file(
    server: MagicHourServer, tmp_path: Path, outputs: int
) -> None:
    # 1 GiB outputs, generated on the fly: the download is still running when SIGINT arrives.
    project = server.create_project(
        outputs=[Output(size=1 << 30, name=f"big{i}.bin") for i in range(outputs)]
    )
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "magic_hour_ext", "check-result", project.id, "-o", str(out)],
        env=cli_env(MAGIC_HOUR_API_KEY=server.token, MAGIC_HOUR_BASE_URL=server.base_url),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not (out.is_dir() and any(p.stat().st_size > 0 for p in out.glob("*.part"))):
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
    assert os.listdir(out) == []


def test_the_console_script_is_installed_and_documents_exit_codes(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("magic-hour-ext")

    run = subprocess.run(
        [str(script), "--help"], capture_output=True, text=True, env=cli_env(), cwd=tmp_path, timeout=30
    )

    assert run.returncode == 0
    for text in ("check-result", "delete", "serve", "demo", "MAGIC_HOUR_API_KEY", "MAGIC_HOUR_BASE_URL"):
        assert text in run.stdout
    codes = run.stdout.split("exit codes:")[1].split("environment:")[0]
    assert [line.split()[0] for line in codes.strip().splitlines()] == ["0", "1", "2", "3", "4", "130"]


def test_serve_runs_the_local_server_until_interrupted(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "magic_hour_ext", "serve", "--token", "serve-token"],
        env=cli_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(5)]
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert lines[0] == "Magic Hour local server\n"
    assert lines[1].startswith("  API:        http://127.0.0.1:")
    assert lines[3] == "  token:      serve-token\n"
    assert lines[4].startswith("  project:    ")
    assert rest.endswith("Stopped.\n")
    assert proc.returncode == 0


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
def test_a_bad_timeout_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["check-result", "x", "--timeout", value])

    assert exit_info.value.code == 2
    assert "--timeout" in capsys.readouterr().err


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
