"""The sockets under :class:`~magic_hour_ext.DeadlineTransport`: deadlines for sync requests, large reads.

httpx bounds each phase of a request (connect, each read, each write) but not the request as a
whole: a server that sends its answer a byte at a time restarts the read timeout on every byte.
Sync httpx cannot be cancelled from outside either. So the streams here, wrapped around httpcore's
own (its public ``NetworkBackend`` / ``NetworkStream`` interface), cut the timeout of every
connect, read, write and TLS handshake to the time left before the deadline that
:func:`request_deadline` sets for the current thread; once it has passed, the next operation
raises httpcore's timeout error at once. A sync request thus ends within its deadline whatever the
server does (DNS lookups aside: the system resolver takes no timeout). Async requests are bounded
by ``anyio.fail_after`` instead.

The same streams read up to :data:`READ_SIZE` (256 KiB) per socket read, whatever httpcore asks for
(64 KiB): a large body then crosses h11, httpcore and httpx in 4 times fewer pieces, and that
per-piece cost is what limits a download on a fast link. Larger reads save little more and cost
more: each piece is copied several times by h11 and httpcore, and a piece that no longer fits in
the CPU's cache (or that needs fresh pages from the kernel) makes those copies slower; on the
bench's machine 1 MiB reads took more CPU and time than 256 KiB ones (docs/benchmarks.md). Reading
more than asked is safe for HTTP/1.1 and HTTP/2: both parsers buffer whatever arrives.
"""

# httpcore's async stream interface takes timeouts as arguments (ruff's ASYNC109 wants scopes).
# ruff: noqa: ASYNC109

from __future__ import annotations

import contextlib
import contextvars
import ssl
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore

__all__ = ["READ_SIZE", "AsyncNetworkBackend", "NetworkBackend", "request_deadline", "time_left"]

#: Bytes asked of the socket per read (httpcore asks for 64 KiB); see the module docstring.
READ_SIZE = 256 * 1024

SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]

# The monotonic time at which the current request must end, or None; set by request_deadline().
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("magic_hour_deadline", default=None)


@contextlib.contextmanager
def request_deadline(seconds: float | None) -> Iterator[None]:
    """Within the block, every sync socket operation of a DeadlineTransport ends *seconds* from now.

    None sets no deadline. The deadline belongs to the current thread (a context variable):
    requests made by other threads are not affected.

    Example:
        >>> with request_deadline(5.0):
        ...     0 < time_left() <= 5.0
        True
        >>> time_left() is None
        True
    """
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def time_left() -> float | None:
    """Seconds left before the current request's deadline (negative once passed), or None."""
    deadline = _deadline.get()
    return None if deadline is None else deadline - time.monotonic()


def _capped(timeout: float | None, error: type[Exception]) -> float | None:
    """*timeout* cut to the time left before the deadline; *error* once it has passed."""
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        raise error("the request's deadline has passed")
    return left if timeout is None else min(timeout, left)


class NetworkStream(httpcore.NetworkStream):
    """A sync stream whose operations end by the deadline, and whose reads are large."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max(max_bytes, READ_SIZE), _capped(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _capped(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return NetworkStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class NetworkBackend(httpcore.NetworkBackend):
    """httpcore's sync backend, with the streams above."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return NetworkStream(self._backend.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[SocketOption] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return NetworkStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class AsyncNetworkStream(httpcore.AsyncNetworkStream):
    """An async stream with large reads (async requests are bounded by ``anyio.fail_after``)."""

    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max(max_bytes, READ_SIZE), timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        return AsyncNetworkStream(await self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class AsyncNetworkBackend(httpcore.AsyncNetworkBackend):
    """httpcore's anyio backend (asyncio and trio), with the streams above."""

    def __init__(self) -> None:
        self._backend = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        return AsyncNetworkStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[SocketOption] | None = None
    ) -> httpcore.AsyncNetworkStream:
        return AsyncNetworkStream(await self._backend.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)
