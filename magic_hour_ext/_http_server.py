"""HTTP/1.1 servers of this package (the local Magic Hour server, `webhook listen`): h11 on asyncio streams.

h11 does everything HTTP: it parses request heads (and says which status a malformed one gets),
reads request bodies (Content-Length or chunked), tracks keep-alive, pipelining and
`Expect: 100-continue`, and frames responses. This module drives it for one connection: it
hands each request to a handler and writes the handler's `Response`: whole, or cut short,
stalled or trickled when a fault asks for it. Bodies go out in slices handed to the socket as
they are (`send_with_data_passthrough`), so a 1 GiB body is never copied whole nor held in
memory, and request bodies stream in chunks through `Request.stream`.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import enum
import functools
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Protocol, cast

import h11
import httpx

__all__ = [
    "MAX_BODY",
    "MAX_READ",
    "HttpError",
    "Meter",
    "NoAnswer",
    "Pace",
    "Reply",
    "Request",
    "Response",
    "Source",
    "http_date",
    "reason",
    "serve_http",
]

MAX_HEAD = 64 * 1024  # request line and headers; more is a 431
MAX_BODY = 1 << 30  # the default limit of a streamed request body; more is a 413
MAX_READ = 1 << 20  # the default limit of a request body read whole into memory
DRAIN_LIMIT = 1 << 20  # a body the handler did not read: read and dropped up to this, else close
READ_SIZE = 64 * 1024
LINGER = 2.0  # seconds to read and drop what a refused client still sends, before closing
COALESCE = 64 * 1024  # pieces smaller than this are joined into one write (one syscall, one segment)


class HttpError(Exception):
    """Raised by a handler (or a body read): answer `status` with `message` and close the connection."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Meter(Protocol):
    """What the HTTP layer reports about one exchange (`RecordedRequest` is one)."""

    status: int | None
    bytes_sent: int
    body_size: int


@dataclass(slots=True)
class _Counts:
    status: int | None = None
    bytes_sent: int = 0
    body_size: int = 0


class Source(Protocol):
    """A body too big to hold: its bytes in [start, stop), in slices."""

    def chunks(self, start: int, stop: int) -> Iterator[memoryview]: ...


@dataclass(frozen=True, slots=True)
class Pace:
    """Send a response `chunk` bytes at a time, `interval` seconds apart."""

    chunk: int
    interval: float


@dataclass(slots=True)
class Response:
    """A response to write. `Content-Length`, `Date` and the framing come from the HTTP layer.

    `body` is bytes, or a `Source` of which the slice [start, stop) is sent. `cut` sends only
    that many body bytes and then closes the connection, or, with `hold`, keeps it open and
    silent until the client closes it. `pace` trickles the whole response, head included.
    """

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | Source = b""
    start: int = 0
    stop: int = 0
    cut: int | None = None
    hold: bool = False
    pace: Pace | None = None

    @property
    def length(self) -> int:
        """The body's length: what `Content-Length` announces."""
        return len(self.body) if isinstance(self.body, bytes) else self.stop - self.start


class NoAnswer(enum.Enum):
    """A handler's decision not to answer: close the connection now, or hang on to it silently."""

    CLOSE = "close"
    HANG = "hang"


Reply = Response | NoAnswer


class Request:
    """One request: its head as received, and its body to stream or read (at most once).

    `path` and `query` are raw, still percent-encoded. `meter` receives the status, the body
    bytes written to the socket and the request body bytes received.
    """

    __slots__ = (
        "_connection",
        "_started",
        "headers",
        "http_version",
        "meter",
        "method",
        "path",
        "query",
        "target",
    )

    def __init__(self, event: h11.Request, connection: _Connection) -> None:
        self.method = event.method.decode("ascii")
        self.target = event.target.decode("latin-1")
        self.path, _, self.query = self.target.partition("?")
        self.http_version = event.http_version.decode("ascii")
        self.headers = httpx.Headers(
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in event.headers.raw_items()]
        )
        self.meter: Meter = _Counts()
        self._connection = connection
        self._started = False

    async def stream(self, *, limit: int = MAX_BODY) -> AsyncIterator[bytes]:
        """The body, chunk by chunk (at most 64 KiB each), as it arrives; HttpError 413 past `limit`.

        A client that sent `Expect: 100-continue` gets its `100 Continue` here, and only here:
        a handler that answers without reading the body never asks for it.
        """
        if self._started:
            raise RuntimeError("The request body can be read only once")
        self._started = True
        declared = self.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise HttpError(413, f"The request body is larger than {limit} bytes")
        received = 0
        async with contextlib.aclosing(self._connection.body(self.meter)) as chunks:
            async for chunk in chunks:
                received += len(chunk)
                if received > limit:
                    raise HttpError(413, f"The request body is larger than {limit} bytes")
                yield chunk

    async def read(self, *, limit: int = MAX_READ) -> bytes:
        """The whole body, for small ones (JSON); HttpError 413 past `limit`."""
        return b"".join([chunk async for chunk in self.stream(limit=limit)])


Handler = Callable[[Request], Awaitable[Reply]]
ErrorPage = Callable[[int, str], Response]


def http_date(timestamp: float | None = None) -> str:
    """`Sun, 06 Nov 1994 08:49:37 GMT`: an HTTP-date (now by default)."""
    return _formatted(int(time.time() if timestamp is None else timestamp))


@functools.lru_cache(maxsize=4)
def _formatted(second: int) -> str:
    return email.utils.formatdate(second, usegmt=True)


def reason(status: int) -> str:
    """The reason phrase of `status`, or "Unknown" (520 and the like)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


async def serve_http(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, handler: Handler, error: ErrorPage
) -> None:
    """Serve requests on one connection until either side closes it.

    `handler` answers each request; `error` renders the answer to a request h11 rejects or a
    handler refuses with `HttpError` (after which the connection is closed).
    """
    await _Connection(reader, writer).run(handler, error)


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_HEAD)

    async def next_event(self) -> h11.Event | type[h11.PAUSED]:
        while True:
            event = self.h11.next_event()
            if event is not h11.NEED_DATA:
                return cast(h11.Event | type[h11.PAUSED], event)
            self.h11.receive_data(await self.reader.read(READ_SIZE))

    @property
    def peer_closed(self) -> bool:
        return self.h11.trailing_data[1]

    async def run(self, handler: Handler, error: ErrorPage) -> None:
        while True:
            try:
                event = await self.next_event()
            except h11.RemoteProtocolError as exc:
                if not self.peer_closed:
                    await self.refuse(error(exc.error_status_hint, str(exc)))
                return
            if not isinstance(event, h11.Request):
                return  # ConnectionClosed: the client is done
            if _head_size(event) > MAX_HEAD:
                # h11 bounds a head still arriving; this bounds one that arrived whole in a read.
                await self.refuse(error(431, "Request header fields too large"))
                return
            request = Request(event, self)
            try:
                reply = await handler(request)
            except HttpError as exc:
                await self.refuse(error(exc.status, exc.message), request)
                return
            except h11.RemoteProtocolError as exc:  # a malformed body, met while the handler read it
                await self.refuse(error(exc.error_status_hint, str(exc)), request)
                return
            except Exception:
                await self.refuse(error(500, "Internal Server Error"), request)
                raise
            if reply is NoAnswer.CLOSE:
                return
            if reply is NoAnswer.HANG:
                await self.wait_for_close()
                return
            waiting = self.h11.they_are_waiting_for_100_continue
            if not await self.send(request, reply) or not await self.finish(request, waiting):
                return
            self.h11.start_next_cycle()

    async def body(self, meter: Meter) -> AsyncGenerator[bytes]:
        if self.h11.they_are_waiting_for_100_continue:
            self.writer.write(self.h11.send(h11.InformationalResponse(status_code=100, headers=[])))
            await self.writer.drain()
        while True:
            event = await self.next_event()
            if isinstance(event, h11.Data):
                meter.body_size += len(event.data)
                yield event.data
            elif isinstance(event, h11.EndOfMessage):
                return
            else:  # pragma: no cover - h11 raises RemoteProtocolError on an early close
                raise HttpError(400, "The request body ended early")

    async def finish(self, request: Request, waiting_for_continue: bool) -> bool:
        """After a response: skip a body the handler did not read; whether to serve another request."""
        if self.h11.their_state is h11.SEND_BODY:
            if waiting_for_continue:
                return False  # the client may or may not send it now: only a close is unambiguous
            dropped = 0
            try:
                while isinstance(event := await self.next_event(), h11.Data):
                    dropped += len(event.data)
                    request.meter.body_size += len(event.data)
                    if dropped > DRAIN_LIMIT:
                        return False
            except h11.RemoteProtocolError:
                return False
        return self.h11.our_state is h11.DONE and self.h11.their_state is h11.DONE

    async def refuse(self, response: Response, request: Request | None = None) -> None:
        """Answer an error and end the connection (when a response can still be sent).

        Then linger a little, reading what the client still sends: closing a socket with
        unread data resets the connection, and the client would lose the answer.
        """
        if self.h11.our_state not in (h11.IDLE, h11.SEND_RESPONSE):
            return
        response.headers.append(("Connection", "close"))
        if request is None:
            await self.send_head_and_body(response, has_body=True, meter=_Counts())
        else:
            await self.send(request, response)
        if self.writer.can_write_eof():
            self.writer.write_eof()
        with contextlib.suppress(TimeoutError, ConnectionError):
            async with asyncio.timeout(LINGER):
                await self.wait_for_close()

    async def send(self, request: Request, response: Response) -> bool:
        """Write a response; whether it ended in a way that lets the connection go on."""
        request.meter.status = response.status
        has_body = request.method != "HEAD" and response.status not in (204, 304)
        return await self.send_head_and_body(response, has_body=has_body, meter=request.meter)

    async def send_head_and_body(self, response: Response, *, has_body: bool, meter: Meter) -> bool:
        headers = [("Date", http_date()), *response.headers]
        if response.status not in (204, 304):
            headers.append(("Content-Length", str(response.length)))
        event = h11.Response(
            status_code=response.status,
            headers=[(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers],
            reason=reason(response.status).encode("ascii"),
        )
        wire = _Wire(self.writer, meter, response.pace)
        await wire.head(self.h11.send(event))
        budget = response.length if response.cut is None else min(response.cut, response.length)
        if has_body and budget:
            for piece in _pieces(response, budget):
                for data in self.h11.send_with_data_passthrough(h11.Data(data=cast(bytes, piece))) or ():
                    await wire.body(data)
        if response.cut is not None:
            await wire.flush()
            if response.hold:
                await self.wait_for_close()
            return False
        await wire.body(self.h11.send(h11.EndOfMessage()))
        await wire.flush()
        return self.h11.our_state is not h11.MUST_CLOSE

    async def wait_for_close(self) -> None:
        """Say nothing more, and drop what arrives, until the client closes (or the server stops)."""
        while await self.reader.read(READ_SIZE):
            pass


def _head_size(event: h11.Request) -> int:
    """About the bytes of a request head, from its parsed fields."""
    fields = sum(len(name) + len(value) + 4 for name, value in event.headers.raw_items())
    return len(event.method) + len(event.target) + 12 + fields


def _pieces(response: Response, budget: int) -> Iterator[bytes | memoryview]:
    if isinstance(response.body, bytes):
        yield response.body[:budget]
    else:
        yield from response.body.chunks(response.start, response.start + budget)


class _Wire:
    """Writes one response to the transport, counting the body bytes that reached the socket.

    Small pieces are joined into one write; large ones are handed over as they are. With a
    `Pace`, everything goes out `chunk` bytes at a time, `interval` seconds apart.
    """

    def __init__(self, writer: asyncio.StreamWriter, meter: Meter, pace: Pace | None) -> None:
        self.writer = writer
        self.meter = meter
        self.pace = pace
        self.head_size = 0
        self.written = 0  # head and body bytes handed to the transport
        self.pending: list[bytes | memoryview] = []
        self.pending_size = 0
        self.carry = bytearray()  # paced: bytes waiting for a full chunk
        self.emitted = False

    async def head(self, data: bytes) -> None:
        self.head_size = len(data)
        await self.body(data)

    async def body(self, data: bytes | memoryview) -> None:
        if not data:
            return
        if self.pace is not None:
            await self._paced(data)
        elif len(data) >= COALESCE:
            self._write_pending()
            self._write(data)
            await self._drain()
        else:
            self.pending.append(data)
            self.pending_size += len(data)
            if self.pending_size >= COALESCE:
                self._write_pending()
                await self._drain()

    async def flush(self) -> None:
        """Write what is left, and count every body byte as sent, unless the connection fails."""
        if self.carry:
            await self._emit(bytes(self.carry))
            self.carry.clear()
        self._write_pending()
        # The transport sends what it still holds as soon as this coroutine yields: count it now,
        # so that a client that has the whole body never reads a smaller bytes_sent (it drops
        # below its low-water mark before drain returns, and is flushed even on a close).
        unsent = self.writer.transport.get_write_buffer_size()
        self.meter.bytes_sent = max(0, self.written - self.head_size)
        try:
            await self.writer.drain()
        except BaseException:
            self.meter.bytes_sent = max(0, self.written - unsent - self.head_size)
            raise

    async def _paced(self, data: bytes | memoryview) -> None:
        assert self.pace is not None
        view = memoryview(data)
        while view:
            take = self.pace.chunk - len(self.carry)
            self.carry += view[:take]
            view = view[take:]
            if len(self.carry) == self.pace.chunk:
                await self._emit(bytes(self.carry))
                self.carry.clear()

    async def _emit(self, chunk: bytes) -> None:
        assert self.pace is not None
        if self.emitted:
            await asyncio.sleep(self.pace.interval)
        self.emitted = True
        self._write(chunk)
        await self._drain()

    def _write_pending(self) -> None:
        if self.pending:
            self._write(self.pending[0] if len(self.pending) == 1 else b"".join(self.pending))
            self.pending.clear()
            self.pending_size = 0

    def _write(self, data: bytes | memoryview) -> None:
        # Count the bytes before the send: the client may read them (in another thread) before
        # this thread runs again. Then take back what the transport kept for later.
        unsent = self.writer.transport.get_write_buffer_size()
        self.written += len(data)
        self.meter.bytes_sent = max(0, self.written - unsent - self.head_size)
        self.writer.write(data)  # sends at once what the socket takes
        self._count()

    async def _drain(self) -> None:
        await self.writer.drain()
        self._count()

    def _count(self) -> None:
        unsent = self.writer.transport.get_write_buffer_size()
        self.meter.bytes_sent = max(0, self.written - unsent - self.head_size)
