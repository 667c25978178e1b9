"""`python -m magic_hour_ext.testing` and `serve()`: foreground server, printed details, Ctrl-C."""

import argparse
import hashlib
import hmac
import io
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import IO

import httpx
import pytest

from magic_hour_ext.testing import main, serve
from magic_hour_ext.testing._main import add_server_arguments, webhook_secret
from tests.magic_hour_ext._helpers import WebhookReceiver, child_env, wait_until


def _details(text: str) -> tuple[str, str, str]:
    found = [
        re.search(pattern, text)
        for pattern in (r"API:\s+(\S+)", r"token:\s+(\S+)", r"project:\s+(\S+)\s+\(complete")
    ]
    api, token, project = (
        match[1] if match else pytest.fail(f"not in the output: {text!r}") for match in found
    )
    return api, token, project


def _until_ready(stdout: IO[str]) -> str:
    """What a foreground server printed up to its stop hint (it is then serving)."""
    text = ""
    while "Ctrl-C" not in text:
        line = stdout.readline()
        assert line, f"the server exited early: {text!r}"
        text += line
    return text


def test_serve_prints_what_a_user_needs_and_stops() -> None:
    out = io.StringIO()
    until = threading.Event()
    thread = threading.Thread(target=serve, kwargs={"out": out, "until": until, "token": "demo"})
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while "Ctrl-C" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        base_url, token, project_id = _details(out.getvalue())
        assert token == "demo"
        assert base_url.startswith("http://127.0.0.1:")
        response = httpx.get(
            f"{base_url}/v1/image-projects/{project_id}", headers={"Authorization": "Bearer demo"}
        )
        assert response.json()["status"] == "complete"
        png = httpx.get(response.json()["downloads"][0]["url"]).content
        assert png.startswith(b"\x89PNG")
    finally:
        until.set()
        thread.join(5)
    assert not thread.is_alive()
    assert out.getvalue().endswith("Stopped.\n")
    # Its port is closed: refused, or (when another test's server took the port since, as
    # parallel tests can) answered by a server that does not know this token and project.
    try:
        after = httpx.get(f"{base_url}/v1/image-projects/{project_id}", headers=response.request.headers)
    except httpx.ConnectError:
        pass
    else:
        assert after.status_code != 200


def test_module_runs_in_the_foreground_until_ctrl_c() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "magic_hour_ext.testing", "--token", "cli-token"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        text = _until_ready(process.stdout)
        base_url, token, project_id = _details(text)
        assert token == "cli-token"
        response = httpx.get(
            f"{base_url}/v1/image-projects/{project_id}", headers={"Authorization": "Bearer cli-token"}
        )
        assert response.status_code == 200
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=5) == 0
        assert "Stopped." in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_port_in_use_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["--port", str(port)]) == 1
    assert "cannot listen" in capsys.readouterr().err


def test_help_mentions_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "loopback" in capsys.readouterr().out


def test_serve_with_a_webhook_url_delivers_signed_events_and_never_prints_the_secret() -> None:
    secret = "whsec_cli_3c9a"
    with WebhookReceiver() as receiver:
        process = subprocess.Popen(
            [sys.executable, "-m", "magic_hour_ext.testing", "--webhook-url", receiver.url],
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(MAGIC_HOUR_WEBHOOK_SECRET=secret),
        )
        try:
            assert process.stdout is not None
            text = _until_ready(process.stdout)
            _, _, project_id = _details(text)
            assert f"webhooks:   POST {receiver.url}" in text
            wait_until(lambda: "image.completed" in receiver.types(), what="the completed event")
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=5) == 0
            text += process.stdout.read()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    delivery = next(d for d in receiver.received() if d.type == "image.completed")
    timestamp = delivery.headers["magic-hour-event-timestamp"]
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + delivery.body, hashlib.sha256)
    assert delivery.headers["magic-hour-event-signature"] == mac.hexdigest()
    assert json.loads(delivery.body)["payload"]["id"] == project_id
    assert secret not in text


def test_a_webhook_url_without_a_secret_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MAGIC_HOUR_WEBHOOK_SECRET", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        main(["--webhook-url", "http://127.0.0.1:9/hooks"])
    assert exit_info.value.code == 2
    assert "MAGIC_HOUR_WEBHOOK_SECRET" in capsys.readouterr().err


def test_a_webhook_url_that_is_not_http_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", "whsec_x")
    with pytest.raises(SystemExit) as exit_info:
        main(["--webhook-url", "ftp://127.0.0.1/hooks"])
    assert exit_info.value.code == 2
    assert "webhook_url" in capsys.readouterr().err


def test_the_webhook_secret_can_be_typed_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return "whsec_typed\n"

    monkeypatch.setattr("getpass.getpass", typed)
    parser = argparse.ArgumentParser()
    add_server_arguments(parser)
    args = parser.parse_args(["--webhook-url", "http://127.0.0.1:9/h", "--ask-webhook-secret"])
    assert webhook_secret(args, parser) == "whsec_typed"
    assert asked == ["Webhook secret: "]
