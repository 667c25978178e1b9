"""Fixtures shared by the tests of magic_hour_ext."""

from __future__ import annotations

import hashlib
import hmac
import http.server
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from magic_hour_ext.testing import MagicHourServer


@pytest.fixture
def server() -> Iterator[MagicHourServer]:
    """A local Magic Hour server on loopback, started and stopped around the test."""
    with MagicHourServer() as server:
        yield server


@dataclass
class Answer:
    """What the test download host answers: status, headers, body, and how much of it to send."""

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    send: int | None = None  # send only this many body bytes, then close the connection


@dataclass
class Seen:
    """A request the test download host received."""

    path: str
    headers: httpx.Headers


class DownloadHost:
    """A download host that answers each path as a test tells it to (on 127.0.0.1, threaded).

    For what the local Magic Hour server does not do: ``Set-Cookie``, ``Content-Encoding``. Point
    a project's downloads at it with ``extra_fields={"downloads": host.downloads(...)}``.
    :meth:`answer` scripts what a path answers; ``Content-Length`` is the body's length unless the
    answer sets it. :attr:`seen` lists the requests received.
    """

    def __init__(self) -> None:
        self.answers: dict[str, list[Answer]] = {}
        self.seen: list[Seen] = []
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                host.seen.append(Seen(self.path, httpx.Headers(list(self.headers.items()))))
                queue = host.answers.get(self.path.split("?")[0]) or [Answer(404)]
                answer = queue.pop(0) if len(queue) > 1 else queue[0]
                self.send_response(answer.status)
                names = {name.lower() for name, _ in answer.headers}
                for name, value in answer.headers:
                    self.send_header(name, value)
                if "content-length" not in names:
                    self.send_header("Content-Length", str(len(answer.body)))
                if answer.send is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(answer.body if answer.send is None else answer.body[: answer.send])
                self.wfile.flush()
                if answer.send is not None:
                    self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    def answer(
        self,
        path: str,
        *,
        status: int = 200,
        headers: list[tuple[str, str]] | None = None,
        body: bytes = b"",
        send: int | None = None,
    ) -> None:
        """Add an answer for *path* (answers are used in turn; the last one repeats)."""
        self.answers.setdefault(path, []).append(Answer(status, headers or [], body, send))

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}?expires=1&signature=SIG"

    def downloads(self, *paths: str) -> list[dict[str, str]]:
        """The ``downloads`` field of a project whose outputs are at these paths of this host."""
        return [{"url": self.url(path), "expires_at": "2099-01-01T00:00:00Z"} for path in paths]

    def __enter__(self) -> DownloadHost:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def download_host() -> Iterator[DownloadHost]:
    """A download host the test scripts (see DownloadHost)."""
    with DownloadHost() as host:
        yield host


@pytest.fixture
def webhook_secret() -> str:
    """The webhook secret of the webhook tests."""
    return "whsec_test_5f2c9e+/=="


@pytest.fixture
def sign_webhook(webhook_secret: str) -> Callable[..., tuple[bytes, dict[str, str]]]:
    """Makes a webhook delivery (body, headers) as Magic Hour does, signed here with hmac.

    Independent of the code under test: it follows the API's documentation (HMAC-SHA256 of
    ``"{timestamp}.{raw body}"``, keyed with the secret as UTF-8, in lowercase hex). Arguments:
    the event type, the payload (default: a complete image project), or the raw *body*; *secret*
    and *timestamp* (default: now).
    """

    def sign(
        event_type: str = "image.completed",
        payload: object = None,
        *,
        body: bytes | None = None,
        secret: str = webhook_secret,
        timestamp: int | str | None = None,
    ) -> tuple[bytes, dict[str, str]]:
        if payload is None:
            payload = {"id": "cuid-1", "status": "complete", "downloads": []}
        if body is None:
            body = json.dumps({"type": event_type, "payload": payload}).encode()
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        signature = hmac.new(secret.encode("utf-8"), stamp.encode() + b"." + body, hashlib.sha256)
        headers = {"magic-hour-event-timestamp": stamp, "magic-hour-event-signature": signature.hexdigest()}
        return body, headers

    return sign
