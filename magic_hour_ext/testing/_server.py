"""`MagicHourServer`: the Magic Hour API and its download host, on two loopback listeners.

Both listeners run on one asyncio event loop in a background thread, so the server works the
same from sync and async tests, holds thousands of idle connections cheaply, and starts and
stops in a few milliseconds. HTTP is h11's (`.._http_server`); each host has a route table (`_router`)
from method and path pattern to an endpoint, so new endpoints need no change to the HTTP layer;
every request is logged, then meets its fault (`_inject`), then its endpoint.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import itertools
import json
import os
import secrets
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal
from urllib.parse import parse_qs, unquote

from generated.catalog import TOOLS, Tool

from .._http_server import NoAnswer, Reply, Request, Response, serve_http
from ._content import Output
from ._creates import DEFAULT_RENDERS, Render, body_problem, create_answer, invalid_file_input, project_type
from ._faults import Fault, FaultQueue, Route
from ._inject import after, before
from ._log import RecordedRequest
from ._projects import (
    DEFAULT_TYPES,
    KINDS,
    PREFIXES,
    Kind,
    Project,
    SignedTarget,
    Signer,
    default_outputs,
    expiry,
    iso,
)
from ._responses import file_response, json_response, message, status_message, xml_error
from ._router import MethodNotAllowed, NotFound, Router
from ._uploads import StoredUpload, UploadSlot, UploadStore, upload_urls_problem
from ._webhooks import DEFAULT_RETRY_DELAYS, WebhookSender

__all__ = ["MagicHourServer"]

_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_HostName = Literal["api", "download"]
#: The largest upload a PUT may carry unless told otherwise: S3's limit for a single PUT.
UPLOAD_LIMIT = 5 << 30


def _new_id() -> str:
    """A cuid-like id, as the API's."""
    return "cm" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(23))


class _Listener:
    def __init__(self, name: _HostName, sock: socket.socket) -> None:
        self.name = name
        self.sock = sock
        self.port: int = sock.getsockname()[1]
        self.open = 0
        self.peak = 0
        self.server: asyncio.Server | None = None


class MagicHourServer:
    """A local Magic Hour API and download host, for tests and offline demos.

    It listens on two ephemeral loopback ports: `base_url` serves `GET` and `DELETE` of image,
    video and audio projects (`/v1/<kind>-projects/{id}`) as `openapi.yaml` describes, and
    `download_base_url` serves the outputs at signed, expiring URLs, as an S3-style CDN would
    (`Content-Length`, `Range`, a strong `ETag`, `Last-Modified`, `If-Range`; 400 to a request
    that also carries an `Authorization` header). Projects follow scripted timelines, faults are
    injected on demand, and every request is logged.

    It also serves what a client calls to make projects: `POST /v1/files/upload-urls` hands out
    signed, expiring `PUT` URLs on the download host, where uploads are stored (streamed to a
    temporary directory, see `uploads`); and every tool's `POST /v1/<tool>` (all those of
    `generated.catalog.TOOLS`, by one generic handler) validates its body against the spec,
    checks that its file inputs were uploaded, charges `credits`, and creates a project of the
    tool's kind that renders as `renders` says (see `created`).

    Args:
        token: The bearer token the API accepts.
        host: The address both listeners bind; loopback unless you really mean otherwise.
        port: The API port; 0 picks a free one.
        download_port: The download host's port; 0 picks a free one.
        seed: Seeds the RNG of faults with a `probability`, for reproducible runs.
        credits: The balance creates are charged from (402 once a create costs more than what
            is left; a failed render is refunded). None: unlimited.
        upload_limit: The largest upload a `PUT` may carry (more: 413), 5 GiB by default.
        upload_dir: Where the server's temporary directory of uploads is made (e.g. a tmpfs
            such as /dev/shm, so that writing large uploads never waits for the disk); None:
            the system's temporary directory.
        webhook_url: Where to POST each project's webhook events, signed, as Magic Hour does:
            ``<kind>.started`` when its timeline enters ``rendering``, ``<kind>.completed`` on
            ``complete``, ``<kind>.errored`` on ``error``, each when the timeline says (whether or
            not anyone GETs the project), the payload being the project as GET answers it then.
            Answers other than 2xx are retried after each of *webhook_retry_delays*. Every
            attempt is in `requests` (host "webhook", see `webhook_deliveries`); faults of route
            "webhook" duplicate, delay, reorder, mis-sign, age or drop deliveries. None: no
            webhooks, until `webhook_url` is set.
        webhook_secret: The signing secret; None: a new random one (see `webhook_secret`).
        webhook_retry_delays: Seconds before each retry of a delivery (1, 2, 4, ... 32 s).

    Example:
        >>> import httpx
        >>> from magic_hour_ext.testing import Fault, MagicHourServer, Output
        >>> with MagicHourServer() as server:
        ...     project = server.create_project(outputs=[Output(size=1000, name="a.bin")])
        ...     server.add_fault(Fault.status(503))
        ...     headers = {"Authorization": f"Bearer {server.token}"}
        ...     first = httpx.get(server.base_url + project.url_path, headers=headers)
        ...     second = httpx.get(server.base_url + project.url_path, headers=headers)
        ...     url = second.json()["downloads"][0]["url"]
        ...     data = httpx.get(url).content
        >>> first.status_code, second.status_code, len(data)
        (503, 200, 1000)
        >>> [(r.host, r.status) for r in server.requests]
        [('api', 503), ('api', 200), ('download', 200)]

    It is also an async context manager (`async with MagicHourServer() as server:`); starting
    and stopping take milliseconds, so a server per test is fine.
    """

    def __init__(
        self,
        token: str = "test-token",  # noqa: S107 - a fake token for a local test server
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        download_port: int = 0,
        seed: int | None = 0,
        credits: int | None = None,
        upload_limit: int = UPLOAD_LIMIT,
        upload_dir: str | os.PathLike[str] | None = None,
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
        webhook_retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    ) -> None:
        if not isinstance(token, str) or not token:
            raise ValueError("token must be a non-empty str")
        if credits is not None and (isinstance(credits, bool) or not isinstance(credits, int) or credits < 0):
            raise ValueError(f"credits must be None or an int >= 0, got {credits!r}")
        self._credit_limit = credits
        #: The largest upload a `PUT` may carry, in bytes; a larger one gets 413.
        self.upload_limit = upload_limit
        #: Seconds until the upload URLs that upload-urls hands out expire.
        self.upload_url_ttl = 3600.0
        #: How projects created through a tool's endpoint render: by kind ("image", "video",
        #: "audio"), or by tool name ("face-swap"), which wins. See `Render`.
        self.renders: dict[str, Render] = dict(DEFAULT_RENDERS)
        self._created: list[Project] = []
        self._uploads = UploadStore(upload_dir)
        self._token = token
        self._host = host
        self._ports = (port, download_port)
        self._faults = FaultQueue(seed)
        self._lock = threading.Lock()
        self._projects: dict[str, Project] = {}
        self._log: list[RecordedRequest] = []
        self._connection_ids = itertools.count(1)
        self._listeners: dict[_HostName, _Listener] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: set[asyncio.StreamWriter] = set()
        self._signer: Signer | None = None
        self._routers: dict[_HostName, Router[_Endpoint]] = {"api": Router(), "download": Router()}
        self._add_routes()
        if webhook_secret is not None and (not isinstance(webhook_secret, str) or not webhook_secret):
            raise ValueError("webhook_secret must be a non-empty str")
        self._webhook_secret = webhook_secret or "whsec_" + secrets.token_urlsafe(24)
        self._webhooks = WebhookSender(
            webhook_url,
            self._webhook_secret,
            retry_delays=webhook_retry_delays,
            faults=self._faults,
            record=self._append_record,
        )

    # -- lifecycle -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        state = f"base_url={self.base_url!r}" if self._thread else "stopped"
        return f"<MagicHourServer {state}>"

    def start(self) -> None:
        """Bind both listeners and start serving in a background thread (`with` does this)."""
        if self._thread is not None:
            raise RuntimeError("This MagicHourServer is already running")
        sockets: list[socket.socket] = []
        try:
            for port in self._ports:
                sockets.append(socket.create_server((self._host, port), backlog=4096))
        except OSError:
            for sock in sockets:
                sock.close()
            raise
        self._listeners = {"api": _Listener("api", sockets[0]), "download": _Listener("download", sockets[1])}
        self._signer = Signer(secrets.token_bytes(32), self.download_base_url)
        self._uploads.open()
        loop = asyncio.new_event_loop()
        ready = threading.Event()
        failure: list[BaseException] = []
        self._loop = loop
        self._thread = threading.Thread(
            target=self._run, args=(loop, ready, failure), name=f"MagicHourServer-{self.port}", daemon=True
        )
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join()
            self._thread = None
            self._uploads.close()
            raise failure[0]

    def stop(self) -> None:
        """Close every connection and both listeners, wait for the server thread, remove the uploads."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        self._thread = None
        self._loop = None
        self._uploads.close()

    def __enter__(self) -> MagicHourServer:
        self.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    async def __aenter__(self) -> MagicHourServer:
        self.start()  # a few milliseconds: not worth a worker thread
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _run(
        self, loop: asyncio.AbstractEventLoop, ready: threading.Event, failure: list[BaseException]
    ) -> None:
        asyncio.set_event_loop(loop)
        try:
            try:
                loop.run_until_complete(self._start_listeners())
            except BaseException as exc:  # handed to the thread that called start()
                failure.append(exc)
                return
            finally:
                ready.set()
            loop.run_forever()
            loop.run_until_complete(self._shutdown())
        finally:
            for listener in self._listeners.values():
                listener.sock.close()
            loop.close()

    async def _start_listeners(self) -> None:
        self._webhooks.start(asyncio.get_running_loop())
        for listener in self._listeners.values():
            listener.server = await asyncio.start_server(
                self._connection_callback(listener), sock=listener.sock, backlog=4096
            )

    async def _shutdown(self) -> None:
        await self._webhooks.close()
        for listener in self._listeners.values():
            if listener.server is not None:
                listener.server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for listener in self._listeners.values():
            if listener.server is not None:
                await listener.server.wait_closed()
        # A connection accepted while closing gets a task that has not run yet: end it too, so no
        # coroutine is left unawaited when the loop closes.
        late = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)

    # -- public state --------------------------------------------------------------------------

    @property
    def token(self) -> str:
        """The bearer token the API accepts."""
        return self._token

    @property
    def port(self) -> int:
        """The API listener's port."""
        return self._listener("api").port

    @property
    def download_port(self) -> int:
        """The download host's port."""
        return self._listener("download").port

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`: the API, to use as a client's base URL."""
        return f"http://{self._url_host}:{self.port}"

    @property
    def download_base_url(self) -> str:
        """`http://127.0.0.1:<port>`: the download host, a second listener."""
        return f"http://{self._url_host}:{self.download_port}"

    @property
    def _url_host(self) -> str:
        return f"[{self._host}]" if ":" in self._host else self._host

    def _listener(self, name: _HostName) -> _Listener:
        try:
            return self._listeners[name]
        except KeyError:
            raise RuntimeError("The server is not started: use `with MagicHourServer() as server:`") from None

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request both listeners received, in order of arrival (a copy)."""
        with self._lock:
            return list(self._log)

    def api_requests(
        self, method: str | None = "GET", project_id: str | None = None
    ) -> list[RecordedRequest]:
        """The API listener's requests with this method (None: any) about this project (None: any).

        Example:
            >>> gets = server.api_requests(project_id=project.id)
            >>> deletes = server.api_requests("DELETE")
        """
        return self._filter("api", method, project_id)

    def download_requests(
        self, method: str | None = None, project_id: str | None = None
    ) -> list[RecordedRequest]:
        """The download host's requests with this method (None: any) for this project (None: any)."""
        return self._filter("download", method, project_id)

    def _filter(
        self, host: Literal["api", "download", "webhook"], method: str | None, project_id: str | None
    ) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if r.host == host
            and (method is None or r.method == method.upper())
            and (project_id is None or r.project_id == project_id)
        ]

    def webhook_deliveries(
        self, project_id: str | None = None, event: str | None = None
    ) -> list[RecordedRequest]:
        """The webhook delivery attempts so far (of this project, of this event type), in order.

        One record per attempt: `status` is the receiver's answer (None: none came, or a `drop`
        fault kept the delivery from being sent), `event` the type ("image.completed"), `fault`
        the webhook fault it met.

        Example:
            >>> server.webhook_url is None  # made without a webhook_url: it delivers nothing
            True
            >>> [(r.event, r.status) for r in server.webhook_deliveries(project.id)]
            []
        """
        return [r for r in self._filter("webhook", None, project_id) if event is None or r.event == event]

    @property
    def webhook_url(self) -> str | None:
        """Where the server POSTs webhook events, or None; settable while it runs.

        Example:
            >>> server.webhook_url = "http://127.0.0.1:8000/hooks"  # events due from now on go there
            >>> server.webhook_url
            'http://127.0.0.1:8000/hooks'
        """
        return self._webhooks.url

    @webhook_url.setter
    def webhook_url(self, url: str | None) -> None:
        """Deliver the events due from now on to *url* (None: deliver nothing), e.g. once a receiver
        whose port was not known before the server started is listening."""
        self._webhooks.url = url

    @property
    def webhook_secret(self) -> str:
        """The secret the webhook deliveries are signed with (give it to your receiver)."""
        return self._webhook_secret

    def _append_record(self, record: RecordedRequest) -> None:
        with self._lock:
            self._log.append(record)

    def clear_requests(self) -> None:
        """Forget the requests logged so far."""
        with self._lock:
            self._log.clear()

    @property
    def open_connections(self) -> int:
        """Connections open on the API listener now."""
        return self._listener("api").open

    @property
    def open_download_connections(self) -> int:
        """Connections open on the download host now."""
        return self._listener("download").open

    @property
    def peak_connections(self) -> int:
        """The most connections that were open at once on the API listener."""
        return self._listener("api").peak

    @property
    def peak_download_connections(self) -> int:
        """The most connections that were open at once on the download host."""
        return self._listener("download").peak

    @property
    def uploads(self) -> dict[str, StoredUpload]:
        """The files uploaded so far, by `file_path`, in the order they completed (a copy).

        A `PUT` cut short stores nothing; a second `PUT` to the same URL replaces the file. The
        files live in a temporary directory that `stop()` removes: read them before.

        Example:
            >>> from pathlib import Path
            >>> from magic_hour_ext import upload_file
            >>> _ = Path("face.png").write_bytes(b"not really a PNG")
            >>> file_path = upload_file("face.png")  # MAGIC_HOUR_BASE_URL is this server's
            >>> upload = server.uploads[file_path]
            >>> upload.size, upload.read()
            (16, b'not really a PNG')
        """
        return self._uploads.stored()

    def clear_uploads(self) -> None:
        """Remove every stored upload (its file included), e.g. between large uploads of a benchmark.

        The upload URLs already handed out keep working; their file_paths no longer name a file.
        """
        self._uploads.clear()

    @property
    def created(self) -> list[Project]:
        """The projects created through a tool's endpoint, in order (a copy).

        Every create that reached the server and was carried out (charged) is here, including
        one whose answer a fault dropped: count them to check that a client never paid twice.
        `project.tool` and `project.request_body` say how each was made.
        """
        with self._lock:
            return list(self._created)

    @property
    def credits(self) -> int | None:
        """The credits left for creates (None: unlimited); failed renders are refunded."""
        with self._lock:
            return self._credits_left()

    def _credits_left(self) -> int | None:
        if self._credit_limit is None:
            return None
        return self._credit_limit - sum(p.credits_charged for p in self._created if not p.failed)

    # -- projects and faults ---------------------------------------------------------------------

    def create_project(
        self,
        id: str | None = None,
        *,
        timeline: Sequence[tuple[str, float | None]] = (("complete", None),),
        outputs: Sequence[Output] | None = None,
        error: tuple[str, str] | None = None,
        url_ttl: float = 86_400.0,
        extra_fields: Mapping[str, Any] | None = None,
        name: str | None = "Example Name",
        type: str | None = None,
        credits_charged: int = 5,
        kind: Kind = "image",
        template: bool = False,
    ) -> Project:
        """Add a project that the API serves from now on, at its kind's path.

        Args:
            id: Its id; None generates a cuid-like one. Any str works, even with "/", "?" or spaces.
            timeline: (status, seconds in it) steps from creation; the last step's duration is
                None, as it is final. Any status string works, including unknown ones.
            outputs: The files it offers once `complete`; default: one small file of its kind
                (a PNG, an MP4 or a WAV; see `Output.mp4` and `Output.wav` for large ones).
            error: (code, message) shown in `error` once the status is "error".
            url_ttl: Seconds until its signed download URLs expire; 0 or less: already expired.
            extra_fields: Added to every body of this project (unknown fields, or overrides).
            name: Its `name` (may be None). type: Its `type` (None: `AI_IMAGE`, `FACE_SWAP` or
                `VOICE_GENERATOR`, by kind). credits_charged: Its cost (shown as 0 once the
                status is "error": failed renders are refunded). It is not taken from the
                server's `credits`: only creates through a tool's endpoint are.
            kind: "image", "video" or "audio": where the API serves it
                (`/v1/<kind>-projects/{id}`; it is 404 at another kind's path) and its fields.
            template: A video template: its DELETE answers 422 (the API's "cannot be deleted").

        Example:
            >>> project = server.create_project(
            ...     timeline=[("queued", 0.2), ("rendering", 0.3), ("complete", None)],
            ...     outputs=[Output(), Output(size=1 << 30, name="big.bin")],
            ... )
            >>> failed = server.create_project(
            ...     timeline=[("rendering", 0.1), ("error", None)],
            ...     error=("no_source_face", "Please use an image with a detectable face"),
            ... )
            >>> big = [Output.mp4(size=4 << 30)]
            >>> video = server.create_project(kind="video", outputs=big)  # 4 GiB, generated when served
            >>> video.outputs[0].length
            4294967296
        """
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if template and kind != "video":
            raise ValueError("only video projects can be templates (the API's DELETE answers 422 for them)")
        if self._signer is None:
            raise RuntimeError("Start the server first: `with MagicHourServer() as server:`")
        if id is None:
            id = _new_id()
        elif not isinstance(id, str) or not id:
            raise ValueError(f"A project id must be a non-empty str, got {id!r}")
        project = Project(
            id=id,
            timeline=timeline,
            outputs=default_outputs(kind) if outputs is None else outputs,
            error=error,
            url_ttl=url_ttl,
            extra_fields=extra_fields,
            name=name,
            type=DEFAULT_TYPES.get(kind, "") if type is None else type,
            credits_charged=credits_charged,
            signer=self._signer,
            kind=kind,
        )
        project.template = template
        with self._lock:
            if id in self._projects:
                raise ValueError(f"A project with id {id!r} already exists")
            self._projects[id] = project
        self._webhooks.track(project)
        return project

    def get_project(self, id: str) -> Project:
        """The project with this id (deleted ones included); KeyError if there is none."""
        with self._lock:
            return self._projects[id]

    def add_fault(self, fault: Fault) -> None:
        """Queue a fault; faults are tried in the order added (see `Fault`).

        Example:
            >>> server.add_fault(Fault.status(503, times=2))
            >>> server.add_fault(Fault.truncate(at=0.5, route="download"))
        """
        self._faults.add(fault)

    @property
    def faults(self) -> list[Fault]:
        """The faults not used up yet, in order."""
        return self._faults.pending()

    def clear_faults(self) -> None:
        """Drop every pending fault."""
        self._faults.clear()

    # -- routes ------------------------------------------------------------------------------------

    def _add_route(
        self,
        host: _HostName,
        method: str,
        pattern: str,
        handler: Callable[[_Call], Awaitable[Reply]],
        *,
        route: Route | None,
        subject: Callable[[Request, Mapping[str, str]], str | None] | None = None,
    ) -> None:
        """Serve `method` on paths matching `pattern` (see `_router`) of `host` with `handler`.

        `route` names the faults that apply (None: none); `subject` tells which project a
        request is about, for the log and for faults (default: the `id` parameter).
        """
        self._routers[host].add(method, pattern, _Endpoint(handler, route, subject or _id_parameter))

    def _add_routes(self) -> None:
        self._add_route("api", "POST", "/v1/files/upload-urls", self._upload_urls, route="upload_urls")
        for tool in TOOLS.values():
            self._add_route("api", "POST", tool.path, functools.partial(self._create, tool), route="create")
        self._add_route("download", "PUT", "/{path:path}", self._upload, route="upload", subject=_no_subject)
        for kind in KINDS:
            prefix = PREFIXES[kind]
            self._add_route(
                "api", "GET", prefix + "{id}", functools.partial(self._get_project, kind), route="get"
            )
            self._add_route(
                "api",
                "DELETE",
                prefix + "{id}",
                functools.partial(self._delete_project, kind),
                route="delete",
            )
        for method in ("GET", "HEAD"):
            self._add_route(
                "download",
                method,
                "/{path:path}",
                self._download,
                route="download",
                subject=self._download_subject,
            )

    # -- connections -------------------------------------------------------------------------------

    def _connection_callback(
        self, listener: _Listener
    ) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
        error_page = _ERROR_PAGES[listener.name]

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            self._tasks.add(task)
            self._writers.add(writer)
            connection_id = next(self._connection_ids)
            sock = writer.get_extra_info("socket")
            if sock is not None:
                # asyncio sets TCP_NODELAY only on sockets made with proto=IPPROTO_TCP, which
                # socket.create_server's are not; without it each keep-alive response waits ~40 ms.
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                listener.open += 1
                listener.peak = max(listener.peak, listener.open)
            try:
                handler = functools.partial(self._handle, listener.name, connection_id)
                await serve_http(reader, writer, handler, error_page)
            except ConnectionError:
                pass
            except asyncio.CancelledError:
                # stop() cancels connections; ending normally keeps Python 3.11's stream callback
                # from logging the cancellation as an error.
                pass
            finally:
                with self._lock:
                    listener.open -= 1
                self._writers.discard(writer)
                self._tasks.discard(task)
                writer.close()

        return serve

    async def _handle(self, host: _HostName, connection_id: int, request: Request) -> Reply:
        """Log a request, route it, apply the fault it meets, and answer it."""
        record = RecordedRequest(
            host=host,
            method=request.method,
            path=request.path,
            query=request.query,
            headers=request.headers,
            connection_id=connection_id,
            time=time.monotonic(),
        )
        request.meter = record
        with self._lock:
            self._log.append(record)
        if host == "download" and "authorization" in request.headers:
            # S3 refuses a presigned URL that also carries an Authorization header.
            return xml_error(400, "InvalidArgument", _ONE_AUTH)
        try:
            endpoint, params = self._routers[host].resolve(request.method, request.path)
        except NotFound:
            return _NOT_FOUND[host]()
        except MethodNotAllowed as exc:
            allow = [("Allow", ", ".join(exc.allowed))]
            if host == "api":
                return message(405, "Method Not Allowed", allow)
            return xml_error(405, "MethodNotAllowed", "The specified method is not allowed", allow)
        record.project_id = endpoint.subject(request, params)
        record.route = endpoint.route
        fault = None
        if endpoint.route is not None:
            fault = self._faults.take(endpoint.route, record.project_id)
            record.fault = fault.kind if fault is not None else None
        early = await before(fault)
        if early is not None:
            return early
        reply = await endpoint.handler(_Call(request, params, record, fault))
        return after(fault, reply) if isinstance(reply, Response) else reply

    # -- the API -------------------------------------------------------------------------------------

    async def _get_project(self, kind: Kind, call: _Call) -> Reply:
        return self._api_answer("get", kind, call.request, call.params["id"])

    async def _delete_project(self, kind: Kind, call: _Call) -> Reply:
        return self._api_answer("delete", kind, call.request, call.params["id"])

    def _api_answer(self, route: Route, kind: Kind, request: Request, project_id: str) -> Response:
        if not self._authorized(request.headers.get("authorization")):
            return message(401, "Unauthorized")
        with self._lock:
            project = self._projects.get(project_id)
            if project is None or not project.enabled or project.kind != kind:
                return message(404, "Not Found")
            if route == "delete":
                if project.template:
                    return message(422, "This project is a template and cannot be deleted")
                project.enabled = False
                return Response(204)
        return json_response(200, project.body())

    async def _upload_urls(self, call: _Call) -> Reply:
        if not self._authorized(call.request.headers.get("authorization")):
            return message(401, "Unauthorized")
        payload, problem = await _json_body(call.request)
        if problem is None:
            problem = upload_urls_problem(payload)
        if problem is not None:
            return message(400, problem)
        batch, expires = _new_id(), expiry(self.upload_url_ttl)
        items = []
        for index, item in enumerate(payload["items"]):
            slot = UploadSlot(
                f"api-assets/{batch}/{index}.{item['extension']}", item["type"], item["extension"], expires
            )
            self._uploads.add_slot(slot)
            url = self._download_signer.upload_url(slot.url_path, expires)
            items.append({"upload_url": url, "expires_at": iso(expires), "file_path": slot.file_path})
        return json_response(200, {"items": items})

    async def _create(self, tool: Tool, call: _Call) -> Reply:
        request, fault = call.request, call.fault
        if not self._authorized(request.headers.get("authorization")):
            return message(401, "Unauthorized")
        payload, problem = await _json_body(request)
        if problem is None:
            problem = body_problem(tool, payload)
        if problem is not None:
            return message(400, problem)
        if (
            problem := invalid_file_input(tool, payload, lambda path: self._uploads.get(path) is not None)
        ) is not None:
            return message(422, problem)
        render = self.renders.get(tool.name) or self.renders[tool.kind]
        name = payload.get("name")
        project = Project(
            id=_new_id(),
            timeline=render.timeline,
            outputs=render.outputs_for(tool.kind, payload),
            error=render.error,
            url_ttl=86_400.0,
            extra_fields=None,
            name=name if isinstance(name, str) else None,
            type=project_type(tool),
            credits_charged=render.credits_charged,
            signer=self._download_signer,
            kind=tool.kind,
            tool=tool.name,
            request_body=payload,
        )
        with self._lock:
            left = self._credits_left()
            if left is not None and left < render.credits_charged:
                return message(
                    402, f"Not enough credits: this render costs {render.credits_charged}, {left} left"
                )
            self._projects[project.id] = project
            self._created.append(project)
        self._webhooks.track(project)
        call.record.project_id = project.id
        if fault is not None and fault.kind == "drop_after_create":
            return NoAnswer.CLOSE
        if fault is not None and fault.kind == "error_after_create":
            return message(fault.status_code, status_message(fault.status_code))
        return json_response(200, create_answer(tool.kind, project.id, project.credits_charged))

    def _authorized(self, header: str | None) -> bool:
        if header is None:
            return False
        scheme, _, credentials = header.partition(" ")
        given = credentials.strip().encode()
        return scheme.lower() == "bearer" and hmac.compare_digest(given, self._token.encode())

    # -- the download host -----------------------------------------------------------------------------

    def _download_subject(self, request: Request, params: Mapping[str, str]) -> str | None:
        target = self._download_signer.lookup(_signed_query(request.query)[0])
        return target.project_id if target else self._project_id_of_path(request.path)

    async def _download(self, call: _Call) -> Reply:
        request, fault = call.request, call.fault
        signature, expires = _signed_query(request.query)
        target = self._download_signer.lookup(signature)
        if fault is not None and fault.kind == "expired":
            return xml_error(403, "AccessDenied", "Request has expired")
        if target is None:
            if signature or self._output_exists(request.path):
                return xml_error(403, "SignatureDoesNotMatch", "The request signature does not match")
            return xml_error(404, "NoSuchKey", "The specified key does not exist")
        if (
            not expires.lstrip("-").isdigit()
            or not hmac.compare_digest(self._download_signer.signature(target.path, int(expires)), signature)
            or not target.accepts(request.path)
        ):
            return xml_error(403, "SignatureDoesNotMatch", "The request signature does not match")
        if time.time() >= int(expires):
            return xml_error(403, "AccessDenied", "Request has expired")
        with self._lock:
            project = self._projects.get(target.project_id)
        if project is None or not project.enabled:
            return xml_error(404, "NoSuchKey", "The specified key does not exist")
        if fault is not None and fault.kind == "redirect":
            moved = SignedTarget("/r" + target.path, target.project_id, target.index)
            return Response(302, [("Location", self._download_signer.mint(moved, int(expires)))])
        body = project.output_body(target.index)
        name = project.outputs[target.index].name
        return file_response(
            request, body, name, ignore_range=fault is not None and fault.kind == "ignore_range"
        )

    async def _upload(self, call: _Call) -> Reply:
        request, fault = call.request, call.fault
        signature, expires = _signed_query(request.query)
        slot = self._uploads.slot(unquote(request.path))
        if fault is not None and fault.kind == "expired":
            return xml_error(403, "AccessDenied", "Request has expired")
        if (
            slot is None
            or not expires.lstrip("-").isdigit()
            or not hmac.compare_digest(
                self._download_signer.signature(slot.url_path, int(expires), "PUT"), signature
            )
        ):
            return xml_error(403, "SignatureDoesNotMatch", "The request signature does not match")
        if time.time() >= int(expires):
            return xml_error(403, "AccessDenied", "Request has expired")
        declared = request.headers.get("content-length")
        if declared is None or "transfer-encoding" in request.headers:
            # S3 refuses a streamed (chunked) PUT: a presigned upload must say its size.
            return xml_error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.")
        size = int(declared)  # h11 refused a malformed one with 400
        if size > self.upload_limit:
            return xml_error(413, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
        cut = int(size * fault.at) if fault is not None and fault.kind == "cut_upload" else None
        incoming = self._uploads.incoming(slot)
        try:
            async for chunk in request.stream(limit=self.upload_limit):
                if cut is not None and incoming.size + len(chunk) >= cut:
                    return NoAnswer.CLOSE  # the partial file is discarded below
                incoming.write(chunk)
            incoming.commit()
        finally:
            incoming.discard()
        return Response(200)

    @property
    def _download_signer(self) -> Signer:
        assert self._signer is not None  # set by start(), before any request
        return self._signer

    def _project_id_of_path(self, path: str) -> str | None:
        first = path.split("/")[1] if path.count("/") >= 1 else ""
        return unquote(first) or None

    def _output_exists(self, path: str) -> bool:
        parts = path.split("/")
        if len(parts) < 3 or not parts[2].isdigit():
            return False
        with self._lock:
            project = self._projects.get(unquote(parts[1]))
        return project is not None and project.enabled and int(parts[2]) < len(project.outputs)


@dataclass(slots=True)
class _Call:
    """What a handler gets: the request, its path parameters, its log entry and its fault."""

    request: Request
    params: Mapping[str, str]
    record: RecordedRequest
    fault: Fault | None


@dataclass(frozen=True, slots=True)
class _Endpoint:
    handler: Callable[[_Call], Awaitable[Reply]]
    route: Route | None
    subject: Callable[[Request, Mapping[str, str]], str | None]


def _id_parameter(request: Request, params: Mapping[str, str]) -> str | None:
    return params.get("id")


def _no_subject(request: Request, params: Mapping[str, str]) -> str | None:
    return None


async def _json_body(request: Request) -> tuple[Any, str | None]:
    """The decoded JSON body, or the problem with it (the message of a 400)."""
    raw = await request.read()
    if not raw.strip():
        return None, "Missing request body"
    try:
        return json.loads(raw), None
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, "The request body is not valid JSON"


@functools.lru_cache(maxsize=1024)
def _signed_query(query: str) -> tuple[str, str]:
    """The (signature, expires) of a download URL's query ("" for a missing one)."""
    params = parse_qs(query, keep_blank_values=True)
    return params.get("signature", [""])[-1], params.get("expires", [""])[-1]


_ONE_AUTH = (
    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
    "string parameter or the Authorization header should be specified"
)
_XML_CODES = {
    400: "BadRequest",
    411: "MissingContentLength",
    413: "EntityTooLarge",
    431: "RequestHeaderSectionTooLarge",
    500: "InternalError",
}
_ERROR_PAGES: dict[_HostName, Callable[[int, str], Response]] = {
    "api": lambda status, text: message(status, text),
    "download": lambda status, text: xml_error(status, _XML_CODES.get(status, "BadRequest"), text),
}
_NOT_FOUND: dict[_HostName, Callable[[], Response]] = {
    "api": lambda: message(404, "Not Found"),
    "download": lambda: xml_error(404, "NoSuchKey", "The specified key does not exist"),
}
