"""DeadlineTransport over real sockets: httpx's behaviour and errors, large reads, sync and async."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from magic_hour_ext import DeadlineTransport
from magic_hour_ext._network import READ_SIZE
from magic_hour_ext.testing import Fault, MagicHourServer, Output

SIZE = 8 << 20


def test_sync_bodies_arrive_in_large_reads(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=SIZE, name="big.bin")])
    url = project.download_urls()[0]
    with httpx.Client(transport=DeadlineTransport()) as client, client.stream("GET", url) as response:
        sizes = [len(chunk) for chunk in response.iter_raw()]
    assert sum(sizes) == SIZE
    assert max(sizes) > 64 * 1024  # httpcore alone never reads more than 64 KiB at once
    assert max(sizes) <= READ_SIZE


def test_async_bodies_arrive_in_large_reads(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=SIZE, name="big.bin")])

    async def main() -> list[int]:
        url = project.download_urls()[0]
        async with httpx.AsyncClient(transport=DeadlineTransport()) as http, http.stream("GET", url) as body:
            return [len(chunk) async for chunk in body.aiter_raw()]

    sizes = asyncio.run(main())
    assert sum(sizes) == SIZE
    assert 64 * 1024 < max(sizes) <= READ_SIZE


def test_one_transport_serves_a_sync_and_an_async_client(server: MagicHourServer) -> None:
    project = server.create_project()
    transport = DeadlineTransport()
    headers = {"Authorization": f"Bearer {server.token}"}
    url = server.base_url + project.url_path
    with httpx.Client(transport=transport, headers=headers) as client:
        assert client.get(url).json()["id"] == project.id

    async def main() -> int:
        async with httpx.AsyncClient(transport=transport, headers=headers) as client:
            return (await client.get(url)).status_code

    assert asyncio.run(main()) == 200


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_errors_are_httpx_errors() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/"
    with httpx.Client(transport=DeadlineTransport()) as client, pytest.raises(httpx.ConnectError):
        client.get(url)

    async def main() -> None:
        async with httpx.AsyncClient(transport=DeadlineTransport()) as client:
            await client.get(url)

    with pytest.raises(httpx.ConnectError):
        asyncio.run(main())


def test_a_read_timeout_is_httpx_read_timeout(server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.hang(route="get"))
    with httpx.Client(transport=DeadlineTransport()) as client, pytest.raises(httpx.ReadTimeout):
        client.get(server.base_url + project.url_path, timeout=0.2)


def test_repr_shows_the_limits() -> None:
    assert "max_connections=3" in repr(DeadlineTransport(limits=httpx.Limits(max_connections=3)))
