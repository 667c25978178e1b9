"""`MagicHourServer`: the image-projects API and its download host, on two loopback listeners.

Both listeners run on one asyncio event loop in a background thread, so the server works the
same from sync and async tests, holds thousands of idle connections cheaply, and starts and
stops in a few milliseconds.
"""

from __future__ import annotations

import asyncio
import email.utils
import hmac
import itertools
import secrets
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, Literal
from urllib.parse import parse_qs, unquote

from ._content import Output
from ._faults import Fault, FaultQueue, Route
from ._http import HttpError, Request, read_request, response_head
from ._log import RecordedRequest
from ._projects import API_PREFIX, Project, SignedTarget, Signer
from ._responses import (
    Response,
    file_response,
    json_response,
    message,
    send,
    shaped,
    status_message,
    xml_error,
)

__all__ = ["MagicHourServer"]

_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_HostName = Literal["api", "download"]


class _Listener:
    def __init__(self, name: _HostName, sock: socket.socket) -> None:
        self.name = name
        self.sock = sock
        self.port: int = sock.getsockname()[1]
        self.open = 0
        self.peak = 0
        self.server: asyncio.Server | None = None


class MagicHourServer:
    """A local Magic Hour image-projects API and download host, for tests and offline demos.

    It listens on two ephemeral loopback ports: `base_url` serves `GET` and `DELETE
    /v1/image-projects/{id}` as `openapi.yaml` describes, and `download_base_url` serves the
    outputs at signed, expiring URLs, as a CDN would (`Content-Length`, `Range`). Projects
    follow scripted timelines, faults are injected on demand, and every request is logged.

    Args:
        token: The bearer token the API accepts.
        host: The address both listeners bind; loopback unless you really mean otherwise.
        port: The API port; 0 picks a free one.
        download_port: The download host's port; 0 picks a free one.
        seed: Seeds the RNG of faults with a `probability`, for reproducible runs.

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
    ) -> None:
        if not isinstance(token, str) or not token:
            raise ValueError("token must be a non-empty str")
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
            raise failure[0]

    def stop(self) -> None:
        """Close every connection and both listeners, and wait for the server thread to end."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        self._thread = None
        self._loop = None

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
        for listener in self._listeners.values():
            handler = self._api if listener.name == "api" else self._download
            listener.server = await asyncio.start_server(
                self._connection_callback(listener, handler), sock=listener.sock, backlog=4096
            )

    async def _shutdown(self) -> None:
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
            >>> gets = server.api_requests(project_id=project.id)  # doctest: +SKIP
            >>> deletes = server.api_requests("DELETE")  # doctest: +SKIP
        """
        return self._filter("api", method, project_id)

    def download_requests(
        self, method: str | None = None, project_id: str | None = None
    ) -> list[RecordedRequest]:
        """The download host's requests with this method (None: any) for this project (None: any)."""
        return self._filter("download", method, project_id)

    def _filter(self, host: _HostName, method: str | None, project_id: str | None) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if r.host == host
            and (method is None or r.method == method.upper())
            and (project_id is None or r.project_id == project_id)
        ]

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
        type: str = "AI_IMAGE",
        credits_charged: int = 5,
    ) -> Project:
        """Add a project that the API serves from now on.

        Args:
            id: Its id; None generates a cuid-like one. Any str works, even with "/", "?" or spaces.
            timeline: (status, seconds in it) steps from creation; the last step's duration is
                None, as it is final. Any status string works, including unknown ones.
            outputs: The files it offers once `complete`; default: one small PNG.
            error: (code, message) shown in `error` once the status is "error".
            url_ttl: Seconds until its signed download URLs expire; 0 or less: already expired.
            extra_fields: Added to every body of this project (unknown fields, or overrides).
            name: Its `name` (may be None). type: Its `type`. credits_charged: Its cost
                (shown as 0 once the status is "error": failed renders are refunded).

        Example:
            >>> project = server.create_project(  # doctest: +SKIP
            ...     timeline=[("queued", 0.2), ("rendering", 0.3), ("complete", None)],
            ...     outputs=[Output(), Output(size=1 << 30, name="big.bin")],
            ... )
            >>> failed = server.create_project(  # doctest: +SKIP
            ...     timeline=[("rendering", 0.1), ("error", None)],
            ...     error=("no_source_face", "Please use an image with a detectable face"),
            ... )
        """
        if self._signer is None:
            raise RuntimeError("Start the server first: `with MagicHourServer() as server:`")
        if id is None:
            id = "cm" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(23))
        elif not isinstance(id, str) or not id:
            raise ValueError(f"A project id must be a non-empty str, got {id!r}")
        project = Project(
            id=id,
            timeline=timeline,
            outputs=[Output()] if outputs is None else outputs,
            error=error,
            url_ttl=url_ttl,
            extra_fields=extra_fields,
            name=name,
            type=type,
            credits_charged=credits_charged,
            signer=self._signer,
        )
        with self._lock:
            if id in self._projects:
                raise ValueError(f"A project with id {id!r} already exists")
            self._projects[id] = project
        return project

    def get_project(self, id: str) -> Project:
        """The project with this id (deleted ones included); KeyError if there is none."""
        with self._lock:
            return self._projects[id]

    def add_fault(self, fault: Fault) -> None:
        """Queue a fault; faults are tried in the order added (see `Fault`).

        Example:
            >>> server.add_fault(Fault.status(503, times=2))  # doctest: +SKIP
            >>> server.add_fault(Fault.truncate(at=0.5, route="download"))  # doctest: +SKIP
        """
        self._faults.add(fault)

    @property
    def faults(self) -> list[Fault]:
        """The faults not used up yet, in order."""
        return self._faults.pending()

    def clear_faults(self) -> None:
        """Drop every pending fault."""
        self._faults.clear()

    # -- connections -------------------------------------------------------------------------------

    def _connection_callback(
        self,
        listener: _Listener,
        handler: Callable[[Request, RecordedRequest], Awaitable[Response | None]],
    ) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
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
                await self._serve_connection(listener.name, connection_id, reader, writer, handler)
            except (ConnectionError, asyncio.IncompleteReadError):
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

    async def _serve_connection(
        self,
        host: _HostName,
        connection_id: int,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        handler: Callable[[Request, RecordedRequest], Awaitable[Response | None]],
    ) -> None:
        while True:
            try:
                request = await read_request(reader)
            except HttpError as exc:
                body = exc.message.encode()
                head = response_head(exc.status, [("Content-Length", str(len(body)))], close=True)
                writer.write(head + body)
                await writer.drain()
                return
            if request is None:
                return
            record = RecordedRequest(
                host=host,
                method=request.method,
                path=request.path,
                query=request.query,
                headers=request.headers,
                connection_id=connection_id,
                time=time.monotonic(),
            )
            with self._lock:
                self._log.append(record)
            response = await handler(request, record)
            if response is None:
                return  # close without an answer
            record.status = response.status
            if not await send(writer, request, response):
                return

    def _take_fault(self, route: Route, project_id: str | None, record: RecordedRequest) -> Fault | None:
        fault = self._faults.take(route, project_id)
        if fault is not None:
            record.fault = fault.kind
        return fault

    async def _common_fault(self, fault: Fault | None) -> Response | None | Literal[True]:
        """Apply a fault any route has: a response, None to close, or True to go on normally."""
        if fault is None:
            return True
        if fault.kind == "slow":
            await asyncio.sleep(fault.seconds)
            return True
        if fault.kind == "close":
            return None
        if fault.kind == "hang":
            await asyncio.Event().wait()  # until the client closes or the server stops
        if fault.kind == "status":
            return message(fault.status_code, status_message(fault.status_code), fault.headers)
        if fault.kind == "rate_limit":
            headers: list[tuple[str, str]] = []
            if fault.retry_after == "http-date":
                when = email.utils.formatdate(time.time() + fault.seconds, usegmt=True)
                headers.append(("Retry-After", when))
            elif fault.retry_after is not None:
                headers.append(("Retry-After", fault.retry_after))
            return message(429, "Too Many Requests", headers)
        return True

    # -- the API -------------------------------------------------------------------------------------

    async def _api(self, request: Request, record: RecordedRequest) -> Response | None:
        raw_id = request.path[len(API_PREFIX) :]
        # One path segment, as the real API routes it: an id with a "/" only arrives encoded (%2F),
        # so a client that forgets to encode fails here as it would in production.
        if not request.path.startswith(API_PREFIX) or not raw_id or "/" in raw_id:
            return message(404, "Not Found")
        project_id = unquote(raw_id)
        record.project_id = project_id
        routes: dict[str, Route] = {"GET": "get", "DELETE": "delete"}
        route = routes.get(request.method)
        if route is None:
            return message(405, "Method Not Allowed", [("Allow", "GET, DELETE")])
        fault = self._take_fault(route, project_id, record)
        outcome = await self._common_fault(fault)
        if outcome is not True:
            return outcome
        response = self._api_answer(route, request, project_id)
        if fault is not None and fault.kind == "bad_json":
            page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            return Response(200, [("Content-Type", "application/json")], page)
        if fault is not None and fault.kind == "truncated_json":
            assert isinstance(response.body, bytes)
            return Response(200, response.headers, response.body[: len(response.body) // 2])
        return shaped(response, fault)

    def _api_answer(self, route: Route, request: Request, project_id: str) -> Response:
        if not self._authorized(request.headers.get("authorization")):
            return message(401, "Unauthorized")
        with self._lock:
            project = self._projects.get(project_id)
            if project is None or not project.enabled:
                return message(404, "Not Found")
            if route == "delete":
                project.enabled = False
                return Response(204)
        return json_response(200, project.body())

    def _authorized(self, header: str | None) -> bool:
        if header is None:
            return False
        scheme, _, credentials = header.partition(" ")
        given = credentials.strip().encode()
        return scheme.lower() == "bearer" and hmac.compare_digest(given, self._token.encode())

    # -- the download host -----------------------------------------------------------------------------

    async def _download(self, request: Request, record: RecordedRequest) -> Response | None:
        if request.method not in ("GET", "HEAD"):
            return xml_error(405, "MethodNotAllowed", "The specified method is not allowed")
        params = parse_qs(request.query, keep_blank_values=True)
        signature = params.get("signature", [""])[-1]
        expires = params.get("expires", [""])[-1]
        target = self._download_signer.lookup(signature)
        record.project_id = target.project_id if target else self._project_id_of_path(request.path)
        fault = self._take_fault("download", record.project_id, record)
        outcome = await self._common_fault(fault)
        if outcome is not True:
            return outcome
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
        return file_response(request, project, target.index, fault)

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
