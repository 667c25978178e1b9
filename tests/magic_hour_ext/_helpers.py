"""Plain helpers shared by the tests of magic_hour_ext (the fixtures are in conftest.py).

Import them as ``from tests.magic_hour_ext._helpers import files, project_body`` (pytest puts the
repository root on ``sys.path``: ``pythonpath`` in pyproject.toml).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import anyio
import httpx

from generated import AuthenticatedClient
from generated.models import ImageProject
from magic_hour_ext import CheckResult
from magic_hour_ext.testing import MagicHourServer, Project

P = ParamSpec("P")
R = TypeVar("R")

Run = Callable[..., CheckResult]
"""The ``run`` fixture: ``run(project_id, **check_result_kwargs) -> CheckResult``."""

BACKENDS = ("asyncio", "trio")
"""The anyio backends every async test runs on."""

MODES = ("sync", *BACKENDS)
"""How a test calls the library: the sync function, or its async twin on each backend."""

DEADLINE_SLACK = 1.75
"""How far past its deadline a check_result call may end in a test: the promised second, plus
0.75 s for a loaded 2-core machine (``elapsed < timeout + DEADLINE_SLACK``)."""


def in_mode(mode: str, sync: Callable[P, R], asynchronous: Callable[P, Awaitable[R]]) -> Callable[P, R]:
    """*sync* itself when *mode* is ``"sync"``; else a call that runs *asynchronous* on that backend.

    ``in_mode("trio", get_project, aget_project)("p", client=c)`` runs ``aget_project("p",
    client=c)`` in a fresh trio event loop and returns its result, as ``get_project`` would.
    """
    if mode == "sync":
        return sync
    if mode not in BACKENDS:
        raise ValueError(f"unknown mode {mode!r}")

    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        return anyio.run(functools.partial(asynchronous, *args, **kwargs), backend=mode)

    return call


def api_client(server: MagicHourServer, **kwargs: Any) -> AuthenticatedClient:
    """A generated client of *server*'s API, with its token (*kwargs* go to AuthenticatedClient)."""
    kwargs.setdefault("token", server.token)
    return AuthenticatedClient(base_url=server.base_url, **kwargs)


def download_client(mode: str, **kwargs: Any) -> httpx.Client | httpx.AsyncClient:
    """A download client for the driver of *mode*: httpx.Client in sync code, else AsyncClient."""
    return (httpx.Client if mode == "sync" else httpx.AsyncClient)(**kwargs)


def files(directory: Path) -> list[str] | None:
    """The sorted names of what *directory* holds, or None when there is no such directory.

    ``files(out) == []`` says the folder was created and is empty; ``files(out) is None`` that it
    was never created.
    """
    if not directory.is_dir():
        return None
    return sorted(path.name for path in directory.iterdir())


def finished_files(directory: Path) -> list[str] | None:
    """Like :func:`files`, without the resume state an interrupted download leaves behind.

    A stopped download keeps its bytes as ``.NAME.partial`` (plus ``.NAME.partial.json``) for the
    next run to resume; never under a final name. This fails if such state is not hidden.
    """
    names = files(directory)
    if names is None:
        return None
    state = [n for n in names if n.endswith((".partial", ".partial.json"))]
    assert all(n.startswith(".") for n in state), state
    return [n for n in names if n not in state]


def project_body(**overrides: Any) -> dict[str, Any]:
    """An image project as the API sends it: the 11 fields of the spec, *overrides* applied.

    Complete, one output whose URL expires in 2099. ``project_body(status="queued", downloads=[])``.
    """
    body: dict[str, Any] = {
        "id": "cuid-example",
        "name": "My image",
        "status": "complete",
        "image_count": 1,
        "type": "AI_IMAGE",
        "created_at": "2026-05-01T12:00:00.000Z",
        "enabled": True,
        "total_frame_cost": 5,
        "credits_charged": 5,
        "downloads": [
            {
                "url": "https://cdn.example/cuid-example/output.png?expires=1700000000&signature=s3cr3tsig",
                "expires_at": "2099-01-01T00:00:00.000Z",
            }
        ],
        "error": None,
    }
    body.update(overrides)
    return body


def image_project(**overrides: Any) -> ImageProject:
    """:func:`project_body` parsed by the generated model."""
    return ImageProject.from_dict(project_body(**overrides))


@contextlib.contextmanager
def statuses_by_gets(server: MagicHourServer, project: Project, *steps: tuple[str, int]) -> Iterator[None]:
    """Show *project* with each status of *steps* until it has answered that many more GETs.

    Then (and after the block) the project shows what its timeline says: give it
    ``timeline=[("complete", None)]`` to end there. Counted in answered GETs, not in seconds, so
    a client sees every status however loaded the machine is (a step may be seen more often than
    its count, never less). Works for any client: a thread of the test watches the server's log.

    ``with statuses_by_gets(server, project, ("queued", 1), ("rendering", 2)): run(project.id)``
    """
    stop = threading.Event()

    def answered() -> int:
        return sum(r.status is not None for r in server.api_requests(project_id=project.id))

    def script() -> None:
        total = 0
        for status, gets in steps:
            project.extra_fields["status"] = status
            total += gets
            while answered() < total:
                if stop.wait(0.005):
                    return
        project.extra_fields.pop("status", None)

    project.extra_fields["status"] = steps[0][0]  # before the client's first GET
    thread = threading.Thread(target=script, name="statuses_by_gets", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        project.extra_fields.pop("status", None)


@contextlib.contextmanager
def refused_port() -> Iterator[int]:
    """A loopback port that refuses connections for the whole block.

    Bound and never listening, so no other test (nor another xdist worker's server) can take it
    meanwhile: a port closed before use could be anyone's by the time it is dialled.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: none of our variables, no colour settings; *extra* added."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("MAGIC_HOUR_") and key not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE")
    }
    env.update(extra)
    return env


def wait_until(condition: Callable[[], bool], timeout: float = 20.0, what: str = "the condition") -> None:
    """Poll *condition* every 10 ms until it holds; fail the test after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


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


@dataclass
class Delivery:
    """A webhook delivery a test receiver got: the raw body, the headers, when (monotonic)."""

    body: bytes
    headers: httpx.Headers
    time: float
    status: int

    @property
    def type(self) -> str:
        return str(json.loads(self.body)["type"])


class WebhookReceiver:
    """A webhook receiver on 127.0.0.1 (threaded) that records every POST and answers as told.

    ``statuses`` are the answers to the first deliveries, in order (then 200); ``on_delivery``, if
    given, is called with each body and headers (a WebhookWaiter's ``deliver``) and its
    exception, if any, makes the answer 400. ``url`` is where to POST.
    """

    def __init__(
        self,
        statuses: list[int] | None = None,
        on_delivery: Callable[[bytes, httpx.Headers], object] | None = None,
    ) -> None:
        self.statuses = list(statuses or [])
        self.deliveries: list[Delivery] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                headers = httpx.Headers(list(self.headers.items()))
                with receiver.lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                if status == 200 and on_delivery is not None:
                    try:
                        on_delivery(body, headers)
                    except Exception:
                        status = 400
                with receiver.lock:
                    receiver.deliveries.append(Delivery(body, headers, time.monotonic(), status))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks/magic-hour?source=test"

    def received(self) -> list[Delivery]:
        with self.lock:
            return list(self.deliveries)

    def types(self) -> list[str]:
        return [delivery.type for delivery in self.received()]

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
