"""``magic-hour-ext webhook listen``: the local server delivers to it; events printed, outputs saved.

Most tests run the listener in a thread of the test (``listen(..., stop=...)``); one runs the
command in a child process, for Ctrl-C and SIGTERM.
"""

from __future__ import annotations

import io
import json
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from magic_hour_ext._listen import ListenOptions, listen
from magic_hour_ext._signature import webhook_keys
from magic_hour_ext.testing import Fault, MagicHourServer
from tests.conftest import TOKEN
from tests.magic_hour_ext._helpers import api_client, child_env, files, wait_until

SECRET = "whsec_listen_0b7e"
URL = re.compile(r"at (http://\S+) ")


class Running:
    """A listener running in a thread: its URL, and what it printed so far."""

    def __init__(self, out: io.StringIO, err: io.StringIO) -> None:
        self.out = out
        self.err = err
        self.url = ""

    def lines(self) -> list[str]:
        return self.out.getvalue().splitlines()


@contextmanager
def running(options: ListenOptions, server: MagicHourServer | None = None) -> Iterator[Running]:
    out, err = io.StringIO(), io.StringIO()
    stop = threading.Event()
    client = api_client(server) if server is not None else None
    thread = threading.Thread(
        target=listen,
        args=(options, webhook_keys(SECRET), client),
        kwargs={"out": out, "err": err, "stop": stop},
        daemon=True,
    )
    thread.start()
    state = Running(out, err)
    try:
        wait_until(lambda: URL.search(err.getvalue()) is not None, what="the listener to start")
        match = URL.search(err.getvalue())
        assert match is not None
        state.url = match[1]
        yield state
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert err.getvalue().endswith("Stopped.\n")


@contextmanager
def delivering_to(url: str, **kwargs: object) -> Iterator[MagicHourServer]:
    with MagicHourServer(
        TOKEN, webhook_url=url + "hooks", webhook_secret=SECRET, webhook_retry_delays=(0.05, 0.1), **kwargs
    ) as server:
        yield server


def test_each_event_is_printed_as_a_line() -> None:
    with running(ListenOptions()) as listener, delivering_to(listener.url) as server:
        project = server.create_project(timeline=[("rendering", 0.1), ("complete", None)])
        wait_until(lambda: len(listener.lines()) == 2, what="two lines")
    started, completed = listener.lines()
    assert re.fullmatch(rf"\d\d:\d\d:\d\d  image\.started  {project.id}  rendering", started)
    assert re.fullmatch(rf"\d\d:\d\d:\d\d  image\.completed  {project.id}  complete", completed)


def test_json_lines_and_each_completed_project_downloaded_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    # The API the listener downloads from, and a server that delivers the events of the same ids
    # (the listener needs the API's URL first, the delivering server the listener's).
    with MagicHourServer(TOKEN) as api:
        options = ListenOptions(download=True, output_dir=out, json=True)
        with running(options, api) as listener, delivering_to(listener.url) as hooks:
            hooks.add_fault(Fault.duplicate(event="completed"))
            project = api.create_project()
            failed = api.create_project(timeline=[("error", None)])
            for made in (project, failed):
                hooks.create_project(made.id, timeline=[("rendering", 0.1), made.timeline[-1]])
            wait_until(lambda: len(listener.lines()) == 6, what="five events and one download")
    lines = [json.loads(line) for line in listener.lines()]
    events = [line for line in lines if "type" in line]
    assert sorted((e["type"], e["project_id"]) for e in events) == sorted(
        [
            ("image.started", project.id),
            ("image.completed", project.id),
            ("image.completed", project.id),  # a duplicate: printed, not downloaded again
            ("image.started", failed.id),
            ("image.errored", failed.id),
        ]
    )
    saved = [line for line in lines if "downloaded_paths" in line]
    assert saved == [{"project_id": project.id, "downloaded_paths": [str(out / f"mh-{project.id}-1.png")]}]
    assert files(out) == [f"mh-{project.id}-1.png"]
    assert (out / f"mh-{project.id}-1.png").read_bytes() == project.output_bytes(0)
    assert len(api.api_requests(project_id=project.id)) == 1  # one GET for fresh URLs
    assert len(api.download_requests(project_id=project.id)) == 1
    assert api.api_requests(project_id=failed.id) == []
    completed = next(e for e in events if e["type"] == "image.completed")
    assert completed["kind"] == "image"
    assert completed["project"]["status"] == "complete"


def test_refused_deliveries_are_reported_and_not_printed_as_events() -> None:
    with running(ListenOptions()) as listener, delivering_to(listener.url) as server:
        server.add_fault(Fault.bad_signature(times=None))
        project = server.create_project()
        wait_until(lambda: len(server.webhook_deliveries(project.id)) == 3, what="three attempts")
        wait_until(
            lambda: all(r.status == 400 for r in server.webhook_deliveries(project.id)), what="answers"
        )
    assert listener.lines() == []
    assert listener.err.getvalue().count("refused a delivery (400): ") == 3
    assert SECRET not in listener.err.getvalue()


def test_a_download_that_fails_is_reported_and_the_listener_keeps_listening(tmp_path: Path) -> None:
    with MagicHourServer(TOKEN) as api:
        options = ListenOptions(download=True, output_dir=tmp_path)
        with running(options, api) as listener, delivering_to(listener.url) as hooks:
            api.add_fault(Fault.status(404, route="get", times=1))
            first, second = api.create_project(), api.create_project()
            hooks.create_project(first.id)
            wait_until(lambda: "error: image project" in listener.err.getvalue(), what="the error")
            hooks.create_project(second.id)
            wait_until(lambda: any(line.startswith("saved") for line in listener.lines()), what="a save")
    assert first.id in listener.err.getvalue()
    assert files(tmp_path) == [f"mh-{second.id}-1.png"]


def test_only_posts_are_deliveries() -> None:
    with running(ListenOptions()) as listener:
        response = httpx.get(listener.url + "anything")
        malformed = httpx.post(listener.url, content=b"{}")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert malformed.status_code == 400
    assert "magic-hour-event" in malformed.json()["message"]


# --- the command, in a child process


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_command_stops_cleanly_on_ctrl_c_and_sigterm(signum: int) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "magic_hour_ext", "webhook", "listen", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(MAGIC_HOUR_WEBHOOK_SECRET=SECRET),
    )
    try:
        assert process.stderr is not None
        assert process.stdout is not None
        first = process.stderr.readline()
        match = URL.search(first)
        assert match is not None, first
        with delivering_to(match[1]) as server:
            project = server.create_project()
            line = process.stdout.readline()
        assert json.loads(line)["project_id"] == project.id
        process.send_signal(signum)
        assert process.wait(timeout=10) == 0
        assert process.stderr.read().endswith("Stopped.\n")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_command_needs_the_secret(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from magic_hour_ext._cli import main

    monkeypatch.delenv("MAGIC_HOUR_WEBHOOK_SECRET", raising=False)
    assert main(["webhook", "listen"]) == 2
    assert "MAGIC_HOUR_WEBHOOK_SECRET" in capsys.readouterr().err


def test_the_command_reports_a_port_it_cannot_listen_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from magic_hour_ext._cli import main

    monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", SECRET)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        assert main(["webhook", "listen", "--port", str(taken.getsockname()[1])]) == 1
    assert "cannot listen" in capsys.readouterr().err
