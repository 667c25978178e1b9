"""The request reader and response head writer, on in-memory streams."""

import asyncio

import pytest

from magic_hour_ext.testing._http import HttpError, Request, read_request, response_head


def _read(data: bytes) -> Request | None:
    async def run() -> Request | None:
        reader = asyncio.StreamReader(limit=1024)
        reader.feed_data(data)
        reader.feed_eof()
        return await read_request(reader)

    return asyncio.run(run())


def test_reads_a_request() -> None:
    request = _read(b"GET /a%2Fb?x=1&y HTTP/1.1\r\nHost: h\r\nX-Two: a\r\nx-two: b\r\n\r\n")
    assert request is not None
    assert (request.method, request.path, request.query) == ("GET", "/a%2Fb", "x=1&y")
    assert request.headers.get_list("X-Two") == ["a", "b"]
    assert request.keep_alive


def test_skips_a_body_and_reads_the_next_request() -> None:
    async def run() -> list[str]:
        reader = asyncio.StreamReader()
        reader.feed_data(b"DELETE /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\n")
        reader.feed_eof()
        first, second = await read_request(reader), await read_request(reader)
        assert first is not None
        assert second is not None
        return [first.path, second.path]

    assert asyncio.run(run()) == ["/a", "/b"]


@pytest.mark.parametrize(
    ("head", "keep_alive"),
    [
        (b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", False),
        (b"GET / HTTP/1.0\r\n\r\n", False),
        (b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", True),
    ],
)
def test_keep_alive(head: bytes, keep_alive: bool) -> None:
    request = _read(head)
    assert request is not None
    assert request.keep_alive is keep_alive


def test_eof_is_none() -> None:
    assert _read(b"") is None
    assert _read(b"GET / HTT") is None


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"GET /\r\n\r\n", 400),
        (b"GET / HTTP/2\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nno colon\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\n folded: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", 413),
        (b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
        (b"GET / HTTP/1.1\r\nX: " + b"a" * 2000 + b"\r\n\r\n", 431),
    ],
)
def test_bad_requests(data: bytes, status: int) -> None:
    with pytest.raises(HttpError) as info:
        _read(data)
    assert info.value.status == status


def test_response_head() -> None:
    head = response_head(520, [("Content-Length", "0")], close=True).decode()
    assert head.startswith("HTTP/1.1 520 Unknown\r\nDate: ")
    assert head.endswith("Content-Length: 0\r\nConnection: close\r\n\r\n")
    assert "Connection" not in response_head(200, [], close=False).decode()
