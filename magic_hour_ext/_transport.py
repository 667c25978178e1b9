"""DeadlineTransport: the httpx transport of every client magic_hour_ext builds itself.

It is httpx's own transport (an httpcore connection pool, httpcore errors mapped to httpx ones as
``httpx.HTTPTransport`` maps them) over the network streams of ``_network.py``: sync requests end
by their deadline whatever the server does, and bodies are read 256 KiB at a time. One instance
serves an ``httpx.Client`` and an ``httpx.AsyncClient`` alike (a sync pool and an async pool), so
it can go in a generated client's ``httpx_args``, which both of its clients receive.
"""

from __future__ import annotations

import contextlib
import ipaddress
import ssl
import urllib.request
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from types import TracebackType
from typing import Self, TypedDict

import httpcore
import httpx

from ._network import AsyncNetworkBackend, NetworkBackend

__all__ = ["DEFAULT_LIMITS", "ONE_SHOT_LIMITS", "DeadlineTransport", "proxy_mounts"]

#: httpx's own default pool limits.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)
#: The limits of :meth:`DeadlineTransport.one_shot`: one connection, never kept for another request.
ONE_SHOT_LIMITS = httpx.Limits(max_connections=1, max_keepalive_connections=0)

# From the most specific httpcore error to the httpx error it becomes (as in httpx's transport).
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


class _PoolOptions(TypedDict):
    """What the sync and the async connection pool share."""

    ssl_context: ssl.SSLContext
    max_connections: int | None
    max_keepalive_connections: int | None
    keepalive_expiry: float | None


class _ProxyOptions(TypedDict):
    """Where a proxied pool sends its requests."""

    proxy_url: httpcore.URL
    proxy_auth: tuple[bytes, bytes] | None
    proxy_headers: list[tuple[bytes, bytes]]
    proxy_ssl_context: ssl.SSLContext | None


def proxy_mounts(limits: httpx.Limits = DEFAULT_LIMITS) -> dict[str, httpx.BaseTransport | None]:
    """The environment's proxies as httpx mounts of DeadlineTransports, as httpx reads them itself.

    ``HTTP_PROXY``, ``HTTPS_PROXY`` and ``ALL_PROXY`` (and the system's settings on macOS and
    Windows, through ``urllib.request.getproxies``) each become a DeadlineTransport through that
    proxy; each host of ``NO_PROXY`` maps to None, which sends it through the client's own
    transport. Give both to a client: ``httpx.Client(transport=DeadlineTransport(),
    mounts=proxy_mounts())``. That is how the clients magic_hour_ext builds reach the network.

    Example:
        >>> with httpx.Client(transport=DeadlineTransport(), mounts=proxy_mounts()) as client:
        ...     client.follow_redirects
        False
    """
    found = urllib.request.getproxies()
    direct = [host for host in (part.strip() for part in found.get("no", "").split(",")) if host]
    if "*" in direct:
        return {}
    mounts: dict[str, httpx.BaseTransport | None] = {}
    for scheme in ("http", "https", "all"):
        if url := found.get(scheme):
            mounts[f"{scheme}://"] = DeadlineTransport(
                limits=limits, proxy=url if "://" in url else f"http://{url}"
            )
    mounts.update((_no_proxy_pattern(host), None) for host in direct)
    return mounts


def _no_proxy_pattern(host: str) -> str:
    """The httpx mount pattern of one ``NO_PROXY`` entry (as httpx makes it)."""
    if "://" in host:
        return host
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return f"all://{host}" if host.lower() == "localhost" else f"all://*{host}"
    return f"all://[{host}]" if address.version == 6 else f"all://{host}"


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    """Raise httpcore's errors as the httpx errors httpx's own transport raises for them."""
    try:
        yield
    except Exception as exc:
        mapped = next((to for source, to in _ERRORS if isinstance(exc, source)), None)
        if mapped is None:
            raise
        raise mapped(str(exc)) from exc


def _core_request(request: httpx.Request) -> httpcore.Request:
    return httpcore.Request(
        method=request.method,
        url=httpcore.URL(
            scheme=request.url.raw_scheme,
            host=request.url.raw_host,
            port=request.url.port,
            target=request.url.raw_path,
        ),
        headers=request.headers.raw,
        content=request.stream,
        extensions=request.extensions,
    )


def _httpx_response(
    response: httpcore.Response, stream: httpx.SyncByteStream | httpx.AsyncByteStream
) -> httpx.Response:
    return httpx.Response(
        status_code=response.status, headers=response.headers, stream=stream, extensions=response.extensions
    )


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, stream: AsyncIterable[bytes]) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _httpx_errors():
            async for part in self._stream:
                yield part

    async def aclose(self) -> None:
        aclose = getattr(self._stream, "aclose", None)
        if aclose is not None:
            await aclose()


class DeadlineTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport for the Magic Hour API: deadlines that hold, and fast downloads.

    With this transport, every request that :func:`check_result` makes ends within the time left
    before its deadline, body included, whatever the server does (never answering, sending a byte
    a second, stopping halfway): each connect, read and write gets at most the time left. Without
    it, sync httpx bounds each read separately, so a server that keeps trickling can hold a request
    open far beyond the deadline (:func:`acheck_result` bounds its requests with any transport).
    It also reads bodies 256 KiB per socket read instead of httpx's 64 KiB, which makes large
    downloads faster. Otherwise it behaves as ``httpx.HTTPTransport``: HTTP/1.1, connection pooling,
    TLS verified by default, the same errors.

    The clients magic_hour_ext builds itself use it: the API client of :func:`client_from_env`
    (used when no ``client`` is passed) and the default download clients. Give it to your own
    ``AuthenticatedClient`` through ``httpx_args``; one instance serves both its sync and its async
    httpx client. Like any transport passed to httpx, it reads no proxy settings from the
    environment: pass ``proxy=`` (the clients magic_hour_ext builds mount one per proxy the
    environment sets, as httpx would).

    Args:
        verify: TLS verification, as httpx takes it: True, False, a CA bundle path, or an
            ``ssl.SSLContext`` (for a client certificate too). An ``AuthenticatedClient``'s
            ``verify_ssl`` does not reach a transport you pass: set it here.
        trust_env: Read ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``, as httpx does.
        limits: The connection pool's limits (httpx's defaults: 100 connections, 20 kept alive).
        proxy: An ``http://`` or ``https://`` proxy to send every request through (a URL or an
            ``httpx.Proxy``), as httpx's transport takes it; the deadline covers the proxy too.

    Example:
        >>> import httpx
        >>> from generated import AuthenticatedClient
        >>> from magic_hour_ext import DeadlineTransport
        >>> transport = DeadlineTransport(limits=httpx.Limits(max_connections=10))
        >>> api = AuthenticatedClient(
        ...     base_url="https://api.magichour.ai",
        ...     token="mhk_live_example",
        ...     httpx_args={"transport": transport},  # for check_result and acheck_result alike
        ... )
        >>> transport.limits.max_connections
        10
    """

    def __init__(
        self,
        *,
        verify: ssl.SSLContext | str | bool = True,
        trust_env: bool = True,
        limits: httpx.Limits = DEFAULT_LIMITS,
        proxy: str | httpx.URL | httpx.Proxy | None = None,
    ) -> None:
        self.limits = limits
        self._ssl_context = httpx.create_ssl_context(verify=verify, trust_env=trust_env)
        self._proxy: httpx.Proxy | None = None
        options = _PoolOptions(
            ssl_context=self._ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
        )
        self._pool: httpcore.ConnectionPool
        self._async_pool: httpcore.AsyncConnectionPool
        if proxy is None:
            self._pool = httpcore.ConnectionPool(**options, network_backend=NetworkBackend())
            self._async_pool = httpcore.AsyncConnectionPool(**options, network_backend=AsyncNetworkBackend())
            return
        proxy = self._proxy = proxy if isinstance(proxy, httpx.Proxy) else httpx.Proxy(proxy)
        if proxy.url.scheme not in ("http", "https"):
            raise ValueError(
                f"DeadlineTransport takes http:// and https:// proxies, not {proxy.url.scheme}://"
            )
        via = _ProxyOptions(
            proxy_url=httpcore.URL(
                scheme=proxy.url.raw_scheme,
                host=proxy.url.raw_host,
                port=proxy.url.port,
                target=proxy.url.raw_path,
            ),
            proxy_auth=proxy.raw_auth,
            proxy_headers=proxy.headers.raw,
            proxy_ssl_context=proxy.ssl_context,
        )
        self._pool = httpcore.HTTPProxy(**via, **options, network_backend=NetworkBackend())
        self._async_pool = httpcore.AsyncHTTPProxy(**via, **options, network_backend=AsyncNetworkBackend())

    def __repr__(self) -> str:
        return f"DeadlineTransport(limits={self.limits!r})"

    def one_shot(self) -> DeadlineTransport:
        """A transport like this one (TLS settings, proxy) whose requests each go on a new connection.

        Its pool holds one connection and keeps none alive: a request never goes on a connection
        that served another one, and the connection closes after its answer. A create is sent
        this way (see ``magic_hour_ext._fresh``): a pooled connection the server has just closed fails
        exactly like a request dropped after the server took it.

        Example:
            >>> DeadlineTransport().one_shot().limits == ONE_SHOT_LIMITS
            True
        """
        return DeadlineTransport(verify=self._ssl_context, limits=ONE_SHOT_LIMITS, proxy=self._proxy)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send *request* (sync) and return its response, body unread."""
        with _httpx_errors():
            response = self._pool.handle_request(_core_request(request))
        assert isinstance(response.stream, Iterable)  # a sync pool's body
        return _httpx_response(response, _Body(response.stream))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send *request* (async) and return its response, body unread."""
        with _httpx_errors():
            response = await self._async_pool.handle_async_request(_core_request(request))
        assert isinstance(response.stream, AsyncIterable)  # an async pool's body
        return _httpx_response(response, _AsyncBody(response.stream))

    def __enter__(self) -> Self:
        self._pool.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        with _httpx_errors():
            self._pool.__exit__(exc_type, exc_value, traceback)

    def close(self) -> None:
        """Close the sync pool's connections."""
        self._pool.close()

    async def __aenter__(self) -> Self:
        await self._async_pool.__aenter__()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        with _httpx_errors():
            await self._async_pool.__aexit__(exc_type, exc_value, traceback)

    async def aclose(self) -> None:
        """Close the async pool's connections."""
        await self._async_pool.aclose()
