"""The HTTP layer (h11) over raw sockets: framing, keep-alive, pipelining, request bodies, errors.

An `echo` endpoint, added through the server's route table as future upload endpoints will be,
reads request bodies; responses are parsed with h11 as a client, so the test trusts no
hand-written parsing either.
"""

import hashlib
import socket
import time
from collections.abc import Iterator

import h11
import httpx
import pytest

from magic_hour_ext._http_server import Reply, Response
from magic_hour_ext.testing import MagicHourServer, Output
from magic_hour_ext.testing._responses import json_response

LIMIT = 100_000


@pytest.fixture
def server(server: MagicHourServer) -> MagicHourServer:
    """The shared server, plus `POST /v1/echo` (streams the body, up to LIMIT) and `POST /v1/ignore`
    (never reads it)."""

    async def echo(call) -> Reply:  # type: ignore[no-untyped-def]
        digest = hashlib.sha256()
        size = 0
        async for chunk in call.request.stream(limit=LIMIT):
            digest.update(chunk)
            size += len(chunk)
        return json_response(200, {"size": size, "sha256": digest.hexdigest()})

    async def ignore(call) -> Reply:  # type: ignore[no-untyped-def]
        return Response(403, [("Content-Type", "text/plain")], b"no")

    server._add_route("api", "POST", "/v1/echo", echo, route=None)
    server._add_route("api", "POST", "/v1/ignore", ignore, route=None)
    return server


class Raw:
    """A raw socket to the server, and h11 as a client to read its answers.

    Requests go out as raw bytes (pipelined, malformed, half sent); h11 learns of each one, by
    its method, only when its response is read, which is all it needs to frame that response.
    """

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.h11 = h11.Connection(h11.CLIENT)
        self.methods: list[str] = []

    def send(self, data: bytes, *methods: str) -> None:
        """Send raw bytes holding requests with these methods (default: one, whatever it is)."""
        self.methods += methods or ["GET"]
        self.sock.sendall(data)

    def event(self) -> h11.Event:
        if self.h11.our_state is h11.IDLE:
            self.h11.send(h11.Request(method=self.methods.pop(0), target="/", headers=[("Host", "x")]))
            self.h11.send(h11.EndOfMessage())
        while True:
            event = self.h11.next_event()
            if event is h11.NEED_DATA:
                self.h11.receive_data(self.sock.recv(65536))
                continue
            assert event is not h11.PAUSED
            return event  # type: ignore[return-value]

    def response(self) -> tuple[h11.Response, bytes]:
        """The next final response and its body (100 Continue skipped)."""
        head = self.event()
        while isinstance(head, h11.InformationalResponse):
            head = self.event()
        assert isinstance(head, h11.Response), head
        body = b""
        while not isinstance(event := self.event(), h11.EndOfMessage):
            assert isinstance(event, h11.Data), event
            body += event.data
        if self.h11.our_state is h11.DONE and self.h11.their_state is h11.DONE:
            self.h11.start_next_cycle()
        return head, body

    def closed(self) -> bool:
        """Whether the server closed the connection (nothing more arrives)."""
        self.sock.settimeout(2)
        try:
            return self.sock.recv(1) == b""
        except ConnectionResetError:
            return True

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def raw(server: MagicHourServer) -> Iterator[Raw]:
    connection = Raw(server.port)
    yield connection
    connection.close()


def _header(response: h11.Response, name: bytes) -> bytes | None:
    values = [v for k, v in response.headers if k == name]
    return values[0] if values else None


def _get(server: MagicHourServer, path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.token}\r\n\r\n".encode()


def test_pipelined_requests_are_answered_in_order_on_one_connection(
    server: MagicHourServer, raw: Raw
) -> None:
    first, second = server.create_project("first"), server.create_project("second")
    requests = _get(server, first.url_path) + _get(server, "/v1/x") + _get(server, second.url_path)
    raw.send(requests, "GET", "GET", "GET")
    answers = [raw.response() for _ in range(3)]
    assert [head.status_code for head, _ in answers] == [200, 404, 200]
    assert b'"id": "first"' in answers[0][1]
    assert b'"id": "second"' in answers[2][1]
    assert {r.connection_id for r in server.requests} == {1}
    assert _header(answers[0][0], b"date") is not None


def test_a_chunked_request_body_is_read(server: MagicHourServer, raw: Raw) -> None:
    parts = [b"hello ", b"chunked ", b"world" * 1000]
    body = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"
    raw.send(b"POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
    head, answer = raw.response()
    whole = b"".join(parts)
    assert head.status_code == 200
    assert answer == b'{"size": %d, "sha256": "%s"}' % (
        len(whole),
        hashlib.sha256(whole).hexdigest().encode(),
    )
    assert server.requests[-1].body_size == len(whole)
    raw.send(_get(server, "/v1/image-projects/nope"))  # the connection goes on
    assert raw.response()[0].status_code == 404


def test_a_large_body_streams_in_chunks(server: MagicHourServer, raw: Raw) -> None:
    data = bytes(range(256)) * 390  # 99,840 bytes, just under the limit
    raw.send(b"POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(data) + data)
    head, answer = raw.response()
    assert head.status_code == 200
    assert hashlib.sha256(data).hexdigest().encode() in answer
    assert server.requests[-1].body_size == len(data)


def test_expect_100_continue_is_answered_when_the_handler_reads(server: MagicHourServer, raw: Raw) -> None:
    raw.send(b"POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
    interim = raw.event()
    assert isinstance(interim, h11.InformationalResponse)
    assert interim.status_code == 100
    raw.send(b"abcde")
    head, answer = raw.response()
    assert head.status_code == 200
    assert answer.startswith(b'{"size": 5,')


def test_no_100_continue_when_the_handler_does_not_read(server: MagicHourServer, raw: Raw) -> None:
    raw.send(b"POST /v1/ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
    head = raw.event()
    assert isinstance(head, h11.Response)  # no 100 Continue first
    assert head.status_code == 403
    assert server.requests[-1].body_size == 0
    assert raw.closed()  # the body may or may not come: only a close is unambiguous


def test_an_unread_body_is_skipped_and_the_connection_goes_on(server: MagicHourServer, raw: Raw) -> None:
    raw.send(
        b"POST /v1/ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" + _get(server, "/v1/x"),
        "POST",
        "GET",
    )
    assert raw.response()[0].status_code == 403
    assert raw.response()[0].status_code == 404
    assert [r.body_size for r in server.requests] == [3, 0]


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n"
        % (LIMIT + 1),
        b"POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n%s\r\n" % (LIMIT + 1, b"x" * (LIMIT + 1))
        + b"0\r\n\r\n",
    ],
    ids=["declared", "chunked"],
)
def test_a_body_over_the_limit_is_413(server: MagicHourServer, raw: Raw, request_bytes: bytes) -> None:
    raw.send(request_bytes)
    head, answer = raw.response()
    assert head.status_code == 413
    assert b"larger than 100000 bytes" in answer
    assert server.requests[-1].status == 413
    assert raw.closed()


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"NONSENSE\r\n\r\n", 400),
        (b"GET /\r\n\r\n", 400),
        (b"GET / HTTP/2\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n\r\n", 400),  # no Host
        (b"GET / HTTP/1.1\r\nHost: x\r\nno colon\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n folded: x\r\nHost: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
        (b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * 1_000_000 + b"\r\n\r\n", 431),  # refused before it ends
    ],
)
def test_malformed_requests_get_the_status_h11_gives(
    server: MagicHourServer, data: bytes, status: int
) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(data)
        answer = b""
        while chunk := sock.recv(65536):  # the server answers, then closes
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 %d " % status)
    assert b"\r\nConnection: close\r\n" in answer
    assert server.requests == []  # not a request: never logged


def test_a_bad_chunk_in_a_body_is_400(server: MagicHourServer, raw: Raw) -> None:
    raw.send(b"POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n")
    head, _ = raw.response()
    assert head.status_code == 400
    assert raw.closed()


def test_http_1_0_is_answered_then_closed(server: MagicHourServer, raw: Raw) -> None:
    raw.send(b"GET /v1/image-projects/x HTTP/1.0\r\n\r\n")
    head, body = raw.response()
    assert head.status_code == 401
    assert body == b'{"message": "Unauthorized"}'
    assert _header(head, b"connection") == b"close"
    assert raw.closed()


def test_connection_close_is_honoured(server: MagicHourServer, raw: Raw) -> None:
    raw.send(b"GET /v1/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert raw.response()[0].status_code == 404
    assert raw.closed()


def test_bytes_sent_counts_the_body_only(server: MagicHourServer, raw: Raw) -> None:
    project = server.create_project(outputs=[Output(size=3 << 20, name="a.bin")])
    [url] = project.download_urls()
    path = url.removeprefix(server.download_base_url)
    download = Raw(server.download_port)
    try:
        for method, headers in (("GET", ""), ("HEAD", ""), ("GET", "Range: bytes=100-199\r\n")):
            download.send(f"{method} {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n".encode(), method)
            download.response()
    finally:
        download.close()
    assert [(r.method, r.status, r.bytes_sent) for r in server.requests] == [
        ("GET", 200, 3 << 20),
        ("HEAD", 200, 0),
        ("GET", 206, 100),
    ]


def test_bytes_sent_stays_short_when_the_client_stops_reading(server: MagicHourServer) -> None:
    size = 256 << 20
    project = server.create_project(outputs=[Output(size=size, name="big.bin")])
    [url] = project.download_urls()
    path = url.removeprefix(server.download_base_url)
    with socket.create_connection(("127.0.0.1", server.download_port), timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        received = 0
        while received < 1 << 20:
            received += len(sock.recv(65536))
    deadline = time.monotonic() + 10
    while server.open_download_connections and time.monotonic() < deadline:
        time.sleep(0.01)
    [record] = server.requests
    assert record.status == 200
    # What the socket buffers (a few MiB on loopback) took, never the whole body.
    assert received <= record.bytes_sent < 64 << 20


def test_a_large_body_then_more_requests_on_the_same_connection(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=32 << 20, name="a.bin")])
    [url] = project.download_urls()
    with httpx.Client(timeout=10) as cdn:
        sizes = [len(cdn.get(url).content) for _ in range(3)]
    assert sizes == [32 << 20] * 3
    assert [(r.connection_id, r.bytes_sent) for r in server.requests] == [(1, 32 << 20)] * 3
