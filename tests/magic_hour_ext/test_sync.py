"""Integration tests of the download drivers over real sockets: stopping, failing, re-running.

Named for the sync driver (``_sync.py``), whose threads these tests are mostly about; every
behaviour is checked with the async driver too, so both stay alike.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from magic_hour_ext import (
    CheckResult,
    DeadlineTransport,
    DownloadDirectoryError,
    DownloadError,
    DownloadProgress,
    OutputExistsError,
    acheck_result,
    check_result,
)
from magic_hour_ext._async import AsyncDriver
from magic_hour_ext._core import Download
from magic_hour_ext._download import DownloadItem, DownloadOutcome, StallRule
from magic_hour_ext._sync import SyncDriver
from magic_hour_ext.testing import Fault, MagicHourServer, Output, RecordedRequest
from tests.magic_hour_ext._helpers import (
    Run,
    api_client,
    child_env,
    download_client,
    files,
    finished_files,
    in_mode,
    wait_until,
)

# The child of the Ctrl-C tests: one check_result (or acheck_result) against the test's server.
CHILD = """
import functools, sys, anyio
from generated import AuthenticatedClient
from magic_hour_ext import acheck_result, check_result
base_url, token, project_id, directory, mode, concurrency = sys.argv[1:7]
client = AuthenticatedClient(base_url=base_url, token=token)
kwargs = dict(client=client, download_directory=directory, max_concurrent_downloads=int(concurrency))
if mode == "sync":
    check_result(project_id, **kwargs)
else:
    anyio.run(functools.partial(acheck_result, project_id, **kwargs), backend=mode)
"""


pytestmark = pytest.mark.usefixtures("fast")


# -- Ctrl-C ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("child_mode", "outputs", "concurrency"),
    [("sync", 2, 4), ("sync", 1, 4), ("asyncio", 2, 4), ("trio", 2, 4)],
)
def test_ctrl_c_during_a_stalled_download_stops_at_once(
    server: MagicHourServer, tmp_path: Path, child_mode: str, outputs: int, concurrency: int
) -> None:
    project = server.create_project(outputs=[Output(size=1000, name=f"{i}.bin") for i in range(outputs)])
    server.add_fault(Fault.slow(60, route="download", times=None))  # headers never come in time
    directory = tmp_path / "out"
    argv = [server.base_url, server.token, project.id, str(directory), child_mode, str(concurrency)]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        wait_until(lambda: len(server.download_requests()) >= outputs, what="the child's downloads")
        time.sleep(0.1)  # well inside the blocked reads
        sent = time.monotonic()
        child.send_signal(signal.SIGINT)
        _, stderr = child.communicate(timeout=10)
        elapsed = time.monotonic() - sent
    finally:
        if child.poll() is None:  # pragma: no cover - only when the test fails
            child.kill()
            child.communicate()
    assert elapsed < 3.0, f"the child took {elapsed:.1f} s to stop"
    assert "KeyboardInterrupt" in stderr
    assert child.returncode == -signal.SIGINT  # an uncaught KeyboardInterrupt, as the CLI maps to 130
    assert files(directory) == []  # no .part file, no final file


class CountingTransport(httpx.HTTPTransport):
    """Counts the body bytes read from the download host; delays the requests for some outputs.

    Args:
        delays: Seconds to wait before sending the request of output n (0-based, as in the URL).
    """

    def __init__(self, delays: dict[int, float] | None = None) -> None:
        super().__init__()
        self.delays = delays or {}
        self.body_bytes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        time.sleep(self.delays.get(int(request.url.path.split("/")[2]), 0.0))
        response = super().handle_request(request)
        inner = response.stream
        transport = self

        class Counted(httpx.SyncByteStream):
            def __iter__(self) -> Iterator[bytes]:
                for chunk in inner:  # type: ignore[union-attr]  # a sync transport's stream
                    transport.body_bytes += len(chunk)
                    yield chunk

            def close(self) -> None:
                inner.close()  # type: ignore[union-attr]  # a sync transport's stream

        response.stream = Counted()
        return response


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    """The async twin of CountingTransport."""

    def __init__(self, delays: dict[int, float] | None = None) -> None:
        super().__init__()
        self.delays = delays or {}
        self.body_bytes = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await anyio.sleep(self.delays.get(int(request.url.path.split("/")[2]), 0.0))
        response = await super().handle_async_request(request)
        inner = response.stream
        transport = self

        class Counted(httpx.AsyncByteStream):
            async def __aiter__(self) -> Any:
                async for chunk in inner:  # type: ignore[union-attr]  # an async transport's stream
                    transport.body_bytes += len(chunk)
                    yield chunk

            async def aclose(self) -> None:
                await inner.aclose()  # type: ignore[union-attr]  # an async transport's stream

        response.stream = Counted()
        return response


def counted_run(
    run: Run, mode: str, project_id: str, delays: dict[int, float] | None = None, **kwargs: Any
) -> tuple[CheckResult, int]:
    """Run with a download client that counts the body bytes it reads (and delays some requests)."""
    if mode == "sync":
        sync_transport = CountingTransport(delays)
        with httpx.Client(transport=sync_transport) as client:
            return run(project_id, download_client=client, **kwargs), sync_transport.body_bytes
    async_transport = AsyncCountingTransport(delays)
    result = run(project_id, download_client=httpx.AsyncClient(transport=async_transport), **kwargs)
    return result, async_transport.body_bytes


# -- the first failure stops the others --------------------------------------------------------------


def test_first_failed_download_stops_the_others(
    run: Run, mode: str, server: MagicHourServer, tmp_path: Path
) -> None:
    # Output 2 fails at once (its request is sent first), while output 1 is a long download in
    # flight: it must be stopped, not finished and committed before the error is raised.
    big, small = Output(size=256 << 20, name="big.bin"), Output(size=10, name="small.bin")
    project = server.create_project(outputs=[big, small])
    server.add_fault(Fault.status(404, route="download"))
    with pytest.raises(DownloadError, match="404") as info:
        counted_run(run, mode, project.id, delays={0: 0.1})
    assert info.value.path == tmp_path / "out" / f"mh-{project.id}-2.bin"
    assert finished_files(tmp_path / "out") == []


BIG = 256 << 20  # a big output, served as a trickle (FLOW): about 10 s to send whole


def flow() -> Fault:
    """A download that flows steadily but slowly (256 KiB every 10 ms): in flight for seconds."""
    return Fault.trickle(chunk=256 << 10, interval=0.01, route="download")


def closed_downloads(server: MagicHourServer) -> list[RecordedRequest]:
    """The download requests, once the client has closed every download connection.

    A download that was not really stopped keeps its connection open and bytes flowing, and this
    fails after 15 s (a stopped one closes at once; 5 s proved too short on a loaded machine).
    """
    deadline = time.monotonic() + 15
    while server.open_download_connections and time.monotonic() < deadline:
        time.sleep(0.01)
    if server.open_download_connections:  # say where every thread is, to tell why
        stacks = "\n".join(
            f"{thread.name}:\n{''.join(traceback.format_stack(sys._current_frames()[thread.ident]))}"
            for thread in threading.enumerate()
            if thread.ident in sys._current_frames()
        )
        sent = [r.bytes_sent for r in server.download_requests()]
        pytest.fail(f"downloads still open after 15 s (bytes sent: {sent}); threads:\n{stacks}")
    return server.download_requests()


def test_the_first_failure_stops_a_download_in_flight(
    run: Run, mode: str, server: MagicHourServer, tmp_path: Path
) -> None:
    # Output 1 flows; output 2's request goes out 0.3 s later and fails: the download of output 1
    # must stop there, counted in the bytes the server sent, not only in the files left.
    project = server.create_project(
        outputs=[Output(size=BIG, name="big.bin"), Output(size=10, name="small.bin")]
    )
    server.add_fault(flow())
    server.add_fault(Fault.status(404, route="download"))
    with pytest.raises(DownloadError, match="404") as info:
        counted_run(run, mode, project.id, delays={1: 0.3})
    assert info.value.path == tmp_path / "out" / f"mh-{project.id}-2.bin"
    big, small = closed_downloads(server)
    assert (big.fault, small.status) == ("trickle", 404)
    assert 0 < big.bytes_sent < BIG // 4, big.bytes_sent
    assert finished_files(tmp_path / "out") == []


@pytest.fixture
def sigint_raises() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt in this process for the test (as in a program run by hand)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("sigint_raises")
def test_ctrl_c_in_the_main_thread_stops_every_download(server: MagicHourServer, tmp_path: Path) -> None:
    # Ctrl-C as the terminal sends it: SIGINT to the main thread (waiting for the download
    # threads), once all three downloads flow. Python raises KeyboardInterrupt there.
    project = server.create_project(outputs=[Output(size=BIG, name=f"{i}.bin") for i in range(3)])
    for _ in range(3):
        server.add_fault(flow())
    flowing: set[int] = set()
    lock = threading.Lock()
    main = threading.main_thread().ident
    assert main == threading.get_ident()

    def ctrl_c(progress: DownloadProgress) -> None:
        with lock:
            if len(flowing) < 3 and progress.bytes_done > 0:
                flowing.add(progress.index)
                if len(flowing) == 3:
                    signal.pthread_kill(main, signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        check_result(
            project.id, client=api_client(server), download_directory=tmp_path, on_download_progress=ctrl_c
        )
    downloads = closed_downloads(server)
    assert len(downloads) == 3
    assert all(d.bytes_sent < BIG // 4 for d in downloads), [d.bytes_sent for d in downloads]
    assert finished_files(tmp_path) == []


@pytest.mark.anyio
async def test_cancellation_stops_every_download(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(size=BIG, name=f"{i}.bin") for i in range(3)])
    for _ in range(3):
        server.add_fault(flow())
    flowing: set[int] = set()
    with anyio.CancelScope() as scope:

        def cancel(progress: DownloadProgress) -> None:  # once all three downloads flow
            if progress.bytes_done > 0:
                flowing.add(progress.index)
                if len(flowing) == 3:
                    scope.cancel()

        await acheck_result(
            project.id, client=api_client(server), download_directory=tmp_path, on_download_progress=cancel
        )
    assert scope.cancelled_caught
    downloads = closed_downloads(server)
    assert len(downloads) == 3
    assert all(d.bytes_sent < BIG // 4 for d in downloads), [d.bytes_sent for d in downloads]
    assert finished_files(tmp_path) == []


def test_first_failure_is_raised_while_another_output_stalls(
    run: Run, mode: str, server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(outputs=[Output(size=10, name="a.bin"), Output(size=10, name="b.bin")])
    server.add_fault(Fault.slow(30, route="download"))  # output 1's request hangs
    server.add_fault(Fault.status(404, route="download"))  # output 2's fails
    started = time.monotonic()
    with pytest.raises(DownloadError, match="404"):
        counted_run(run, mode, project.id, delays={1: 0.1})
    assert time.monotonic() - started < 10, "it did not wait for the stalled download (30 s)"
    assert finished_files(tmp_path / "out") == []


# -- files that cannot be written --------------------------------------------------------------------


def test_a_directory_where_files_cannot_be_created_is_refused_before_the_wait(
    run: Run, server: MagicHourServer
) -> None:
    # /proc/self exists and is a directory, but no file can be created in it, even by root. The
    # check before the first GET says so (files that cannot be written later, e.g. on a full disk,
    # are test_files.py's).
    project = server.create_project(outputs=[Output(content=b"data")])
    with pytest.raises(DownloadDirectoryError, match="may not create files in it") as info:
        run(project.id, download_directory="/proc/self")
    assert info.value.path == Path("/proc/self")
    assert server.requests == []


# -- running again -----------------------------------------------------------------------------------


def test_running_again_keeps_the_saved_outputs(
    run: Run, mode: str, server: MagicHourServer, tmp_path: Path
) -> None:
    data = [bytes(range(256)) * 400, b"second output"]
    project = server.create_project(outputs=[Output(content=d, name=f"{i}.bin") for i, d in enumerate(data)])
    first, first_bytes = counted_run(run, mode, project.id)
    assert first_bytes == sum(map(len, data))
    inodes = [p.stat().st_ino for p in first.downloaded_paths]
    progress: list[DownloadProgress] = []
    second, second_bytes = counted_run(run, mode, project.id, on_download_progress=progress.append)
    assert second_bytes == 0  # no body downloaded again
    assert second.downloaded_paths == first.downloaded_paths
    assert [p.stat().st_ino for p in second.downloaded_paths] == inodes  # the same files, untouched
    assert [p.read_bytes() for p in second.downloaded_paths] == data
    assert sorted((p.index, p.bytes_done, p.bytes_total) for p in progress) == [
        (1, len(data[0]), len(data[0])),
        (2, len(data[1]), len(data[1])),
    ]
    assert files(tmp_path / "out") == sorted(p.name for p in first.downloaded_paths)


def test_running_again_after_a_partial_failure_completes(
    run: Run, server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(
        outputs=[Output(content=b"one", name="a.bin"), Output(content=b"two", name="b.bin")]
    )
    server.add_fault(Fault.slow(0, route="download"))  # the first download succeeds
    server.add_fault(Fault.status(404, route="download"))  # the second fails
    with pytest.raises(DownloadError):
        run(project.id, max_concurrent_downloads=1)
    assert len(files(tmp_path / "out")) == 1
    result = run(project.id)
    assert [p.read_bytes() for p in result.downloaded_paths] == [b"one", b"two"]


def test_an_existing_file_of_another_size_still_raises(
    run: Run, server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(outputs=[Output(content=b"new data")])
    target = tmp_path / "out" / f"mh-{project.id}-1.png"
    target.parent.mkdir()
    target.write_bytes(b"mine")
    with pytest.raises(OutputExistsError, match="overwrite=True") as info:
        run(project.id)
    assert info.value.path == target
    assert target.read_bytes() == b"mine"
    assert files(tmp_path / "out") == [target.name]
    assert run(project.id, overwrite=True).downloaded_paths == [target]
    assert target.read_bytes() == b"new data"


def test_an_existing_symlink_is_not_taken_for_the_output(
    run: Run, server: MagicHourServer, tmp_path: Path
) -> None:
    # The link's own size (the length of its target, 8) equals the download's: only a regular file
    # of that size counts as already saved.
    project = server.create_project(outputs=[Output(content=b"12345678")])
    target = tmp_path / "out" / f"mh-{project.id}-1.png"
    target.parent.mkdir()
    (target.parent / "elsewhere").write_bytes(b"87654321")
    target.symlink_to("elsewhere")
    with pytest.raises(OutputExistsError):
        run(project.id)
    assert target.is_symlink()
    assert target.read_bytes() == b"87654321"


# -- stalled downloads -------------------------------------------------------------------------------


def download_with(mode: str, item: DownloadItem, client: Any, stall: StallRule) -> DownloadOutcome:
    """Run one Download action of the driver, over *client*, with a stall rule of its own."""
    action = Download(item.path.parent, (item,))
    if mode == "sync":
        return SyncDriver(client, client, stall=stall).download(action)

    async def main() -> DownloadOutcome:
        async with client:
            return await AsyncDriver(client, client, stall=stall).download(action)

    return anyio.run(main, backend=mode)


def test_a_trickling_download_is_resumed_on_a_new_connection(
    mode: str, server: MagicHourServer, tmp_path: Path
) -> None:
    data = bytes(range(256)) * 80  # 20 KiB: about 5 s at the trickle's 4 KB/s
    project = server.create_project(outputs=[Output(content=data, name="a.bin")])
    server.add_fault(Fault.trickle(chunk=200, interval=0.05, route="download"))
    item = DownloadItem(1, project.download_urls()[0], tmp_path / "a.bin")
    client = download_client(mode, transport=DeadlineTransport())
    outcome = download_with(mode, item, client, StallRule(min_rate=20_000, window=0.3))
    assert outcome.saved == {1: item.path}
    assert item.path.read_bytes() == data
    first, second = server.download_requests()
    assert first.fault == "trickle"
    assert second.status == 206
    assert 0 < int(second.headers["range"].removeprefix("bytes=").rstrip("-")) < len(data)
    assert first.connection_id != second.connection_id
    assert files(tmp_path) == ["a.bin"]


def test_a_download_that_stops_sending_is_resumed(run: Run, mode: str, server: MagicHourServer) -> None:
    data = bytes(range(256)) * 400
    project = server.create_project(outputs=[Output(content=data, name="a.bin")])
    server.add_fault(Fault.stall(at=0.5, route="download"))  # half the body, then silence
    downloads = download_client(mode, transport=DeadlineTransport(), timeout=httpx.Timeout(0.3))
    result = run(project.id, download_client=downloads)
    assert result.downloaded_paths[0].read_bytes() == data
    assert [r.status for r in server.download_requests()] == [200, 206]
    assert server.download_requests()[1].headers["range"] == f"bytes={len(data) // 2}-"


# -- two savers, one folder --------------------------------------------------------------------------


def save_together(mode: str, server: MagicHourServer, project_id: str, directory: Path) -> list[object]:
    """Two check_result calls (threads) that wait for each other once the project is seen, then
    download into *directory* at once; what each returned or raised."""
    together = threading.Barrier(2)
    results: list[object] = []

    def save() -> None:
        kwargs: dict[str, Any] = {
            "client": api_client(server),
            "download_directory": directory,
            "on_status_change": lambda _: together.wait(timeout=10),
        }
        try:
            results.append(in_mode(mode, check_result, acheck_result)(project_id, **kwargs))
        except Exception as exc:
            results.append(exc)

    savers = [threading.Thread(target=save) for _ in range(2)]
    for saver in savers:
        saver.start()
    for saver in savers:
        saver.join(timeout=30)
    return results


def test_two_savers_of_one_project_into_one_folder_both_succeed(
    mode: str, server: MagicHourServer, tmp_path: Path
) -> None:
    # Each finds, at the start or at the end of a download, the file the other saved, and takes
    # it as saved. Repeated, so that both ends get hit (the end, most of the time).
    data = [bytes([i]) * (2 << 20) for i in range(3)]
    project = server.create_project(outputs=[Output(content=d, name=f"{i}.bin") for i, d in enumerate(data)])
    for attempt in range(8):
        directory = tmp_path / str(attempt)
        results = save_together(mode, server, project.id, directory)
        assert [type(r).__name__ for r in results] == ["CheckResult", "CheckResult"], results
        paths = [r.downloaded_paths for r in results if isinstance(r, CheckResult)]
        assert paths[0] == paths[1]
        assert [p.read_bytes() for p in paths[0]] == data
        assert files(directory) == sorted(p.name for p in paths[0])  # no .part left
