"""DeadlineTransport over real sockets: httpx's behaviour and errors, large reads, sync and async."""

from __future__ import annotations

from pathlib import Path

import anyio
import httpx
import pytest

from magic_hour_ext import DeadlineTransport, NotFoundError, check_result, client_from_env
from magic_hour_ext._network import READ_SIZE
from magic_hour_ext._transport import proxy_mounts
from magic_hour_ext.testing import Fault, MagicHourServer, Output
from tests.magic_hour_ext._helpers import DownloadHost, refused_port

SIZE = 8 << 20


def test_sync_bodies_arrive_in_large_reads(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=SIZE, name="big.bin")])
    url = project.download_urls()[0]
    with httpx.Client(transport=DeadlineTransport()) as client, client.stream("GET", url) as response:
        sizes = [len(chunk) for chunk in response.iter_raw()]
    assert sum(sizes) == SIZE
    assert max(sizes) > 64 * 1024  # httpcore alone never reads more than 64 KiB at once
    assert max(sizes) <= READ_SIZE


@pytest.mark.anyio
async def test_async_bodies_arrive_in_large_reads(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=SIZE, name="big.bin")])
    url = project.download_urls()[0]
    async with httpx.AsyncClient(transport=DeadlineTransport()) as http, http.stream("GET", url) as body:
        sizes = [len(chunk) async for chunk in body.aiter_raw()]
    assert sum(sizes) == SIZE
    assert 64 * 1024 < max(sizes) <= READ_SIZE


def test_one_transport_serves_a_sync_and_an_async_client(server: MagicHourServer, anyio_backend: str) -> None:
    project = server.create_project()
    transport = DeadlineTransport()
    headers = {"Authorization": f"Bearer {server.token}"}
    url = server.base_url + project.url_path
    with httpx.Client(transport=transport, headers=headers) as client:
        assert client.get(url).json()["id"] == project.id

    async def main() -> int:
        async with httpx.AsyncClient(transport=transport, headers=headers) as client:
            return (await client.get(url)).status_code

    assert anyio.run(main, backend=anyio_backend) == 200


def test_errors_are_httpx_errors(anyio_backend: str) -> None:
    async def main(url: str) -> None:
        async with httpx.AsyncClient(transport=DeadlineTransport()) as client:
            await client.get(url)

    with refused_port() as port:
        url = f"http://127.0.0.1:{port}/"
        with httpx.Client(transport=DeadlineTransport()) as client, pytest.raises(httpx.ConnectError):
            client.get(url)
        with pytest.raises(httpx.ConnectError):
            anyio.run(main, url, backend=anyio_backend)


def test_a_read_timeout_is_httpx_read_timeout(server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.hang(route="get"))
    with httpx.Client(transport=DeadlineTransport()) as client, pytest.raises(httpx.ReadTimeout):
        client.get(server.base_url + project.url_path, timeout=0.2)


def test_repr_shows_the_limits() -> None:
    assert "max_connections=3" in repr(DeadlineTransport(limits=httpx.Limits(max_connections=3)))


@pytest.fixture
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return monkeypatch


def test_a_proxy_gets_every_request(
    server: MagicHourServer, download_host: DownloadHost, anyio_backend: str
) -> None:
    project = server.create_project()
    proxy = download_host.url("/").split("/?")[0]  # http://127.0.0.1:<port>
    url = server.base_url + project.url_path
    with httpx.Client(transport=DeadlineTransport(proxy=proxy)) as client:
        response = client.get(url)

    async def main() -> httpx.Response:
        async with httpx.AsyncClient(transport=DeadlineTransport(proxy=proxy)) as client:
            return await client.get(url)

    response_async = anyio.run(main, backend=anyio_backend)
    assert [s.path for s in download_host.seen] == [url, url]  # absolute-form: a proxy request
    assert server.requests == []
    assert response.status_code == response_async.status_code == 404  # the proxy's own answer


def test_environment_proxies_become_mounts(no_proxies: pytest.MonkeyPatch) -> None:
    assert proxy_mounts() == {}
    no_proxies.setenv("HTTPS_PROXY", "proxy.example:3128")
    no_proxies.setenv("NO_PROXY", "localhost,127.0.0.1,::1,.internal.example")
    mounts = proxy_mounts()
    assert isinstance(mounts.pop("https://"), DeadlineTransport)
    assert mounts == {
        "all://localhost": None,
        "all://127.0.0.1": None,
        "all://[::1]": None,
        "all://*.internal.example": None,
    }
    no_proxies.setenv("NO_PROXY", "*")
    assert proxy_mounts() == {}


def test_a_socks_proxy_is_refused() -> None:
    with pytest.raises(ValueError, match="http:// and https:// proxies"):
        DeadlineTransport(proxy="socks5://127.0.0.1:1080")


def test_the_library_built_clients_go_through_the_environments_proxy(
    server: MagicHourServer, download_host: DownloadHost, no_proxies: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    project = server.create_project()
    proxy = download_host.url("/").split("/?")[0]
    env = {"MAGIC_HOUR_API_KEY": server.token, "MAGIC_HOUR_BASE_URL": server.base_url}
    no_proxies.setenv("HTTP_PROXY", proxy)
    with pytest.raises(NotFoundError):  # the proxy answers 404 to anything
        check_result(project.id, client=client_from_env(env), download_directory=tmp_path)
    assert download_host.seen[0].path == server.base_url + project.url_path
    assert server.requests == []
    no_proxies.setenv("NO_PROXY", "127.0.0.1")  # the API and the download host, direct
    result = check_result(project.id, client=client_from_env(env), download_directory=tmp_path)
    assert result.downloaded_paths[0].is_file()
    assert len(download_host.seen) == 1
