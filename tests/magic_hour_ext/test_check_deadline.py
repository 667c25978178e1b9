"""The deadline holds whatever the API server does: check_result(timeout=T) ends within T + 1 s.

Against the local server's slow faults, over real sockets: a response sent a byte at a time, one
that stops halfway with the connection open, one that never comes, and a ``Retry-After`` of an
hour. The first GET is answered normally (so the project is seen); the fault hits every GET after
it. Bounds are generous for a loaded 2-core machine; the counts are exact.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from generated import AuthenticatedClient
from generated.models import ImageProject
from magic_hour_ext import DeadlineTransport, WaitTimeoutError, acheck_result, check_result
from magic_hour_ext.testing import Fault, MagicHourServer
from tests.magic_hour_ext._helpers import DEADLINE_SLACK, in_mode

T = 1.0

FAULTS: dict[str, Callable[[], Fault]] = {
    "trickle": lambda: Fault.trickle(chunk=1, interval=0.1, route="get", times=None),
    "stall": lambda: Fault.stall(at=0.5, route="get", times=None),
    "hang": lambda: Fault.hang(route="get", times=None),
    "retry-after an hour": lambda: Fault.rate_limit(retry_after="3600", route="get", times=None),
}


def wait_with_fault(mode: str, server: MagicHourServer, fault: Fault, **kwargs: Any) -> float:
    """Wait T for a project that never ends; the fault starts after the first GET. The seconds taken."""
    project = server.create_project(timeline=[("queued", None)])

    def first_seen(_: ImageProject) -> None:
        server.add_fault(fault)

    wait = in_mode(mode, check_result, acheck_result)
    started = time.monotonic()
    with pytest.raises(WaitTimeoutError) as info:
        wait(project.id, timeout=T, poll_interval=0.1, on_status_change=first_seen, **kwargs)
    elapsed = time.monotonic() - started
    assert info.value.project is not None  # the last project seen: the first GET's
    assert len(server.api_requests(method="GET")) == 2  # the good one, and the one the fault held
    return elapsed


@pytest.mark.parametrize("fault", FAULTS)
def test_the_library_built_client_keeps_the_deadline(
    mode: str, fault: str, server: MagicHourServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", server.token)
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", server.base_url)
    elapsed = wait_with_fault(mode, server, FAULTS[fault](), client=None)
    assert elapsed < T + DEADLINE_SLACK


def test_a_hung_first_request_ends_at_the_deadline_with_the_library_built_client(
    mode: str, server: MagicHourServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # End to end, nothing shortened by the test: the client the library builds from the
    # environment (its own timeouts: 30 s reads), and a server that reads the very first GET and
    # never answers it. Only the deadline can end the wait, and it must, within its second.
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", server.token)
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", server.base_url)
    project = server.create_project(timeline=[("queued", None)])
    server.add_fault(Fault.hang(route="get", times=None))
    wait = in_mode(mode, check_result, acheck_result)
    started = time.monotonic()
    with pytest.raises(WaitTimeoutError) as info:
        wait(project.id, timeout=T)
    elapsed = time.monotonic() - started
    assert T <= elapsed < T + DEADLINE_SLACK
    assert info.value.project is None  # never seen
    [held] = server.api_requests(method="GET")
    assert (held.fault, held.status) == ("hang", None)  # the one GET, never answered


@pytest.mark.parametrize("fault", ["trickle"])
def test_a_client_on_a_deadline_transport_keeps_the_deadline(
    mode: str, fault: str, server: MagicHourServer
) -> None:
    transport = DeadlineTransport()
    client = AuthenticatedClient(
        base_url=server.base_url, token=server.token, httpx_args={"transport": transport}
    )
    elapsed = wait_with_fault(mode, server, FAULTS[fault](), client=client)
    assert elapsed < T + DEADLINE_SLACK


def test_async_keeps_the_deadline_on_any_transport(server: MagicHourServer, anyio_backend: str) -> None:
    client = AuthenticatedClient(base_url=server.base_url, token=server.token)  # httpx's transport
    elapsed = wait_with_fault(anyio_backend, server, FAULTS["trickle"](), client=client)
    assert elapsed < T + DEADLINE_SLACK


def test_sync_on_httpx_transport_bounds_each_phase(server: MagicHourServer) -> None:
    # What a client of your own gets in sync code (documented): every read, write and connect is
    # cut to the time left, so a server that never answers cannot hold it past the deadline.
    client = AuthenticatedClient(base_url=server.base_url, token=server.token)
    elapsed = wait_with_fault("sync", server, FAULTS["hang"](), client=client)
    assert elapsed < T + DEADLINE_SLACK


def test_a_request_still_gets_its_minimum_when_the_deadline_is_near(server: MagicHourServer) -> None:
    # The last GET goes out at the deadline; a healthy server answers it within MIN_REQUEST_TIMEOUT.
    project = server.create_project(timeline=[("queued", None)])
    client = AuthenticatedClient(
        base_url=server.base_url, token=server.token, httpx_args={"transport": DeadlineTransport()}
    )
    # 0.2 s per answer leaves 0.3 s of margin within the minimum on a loaded machine (0.3 s failed once).
    server.add_fault(Fault.slow(0.2, route="get", times=None))
    with pytest.raises(WaitTimeoutError) as info:
        check_result(project.id, client=client, timeout=0.5, poll_interval=0.1)
    assert info.value.project is not None
    assert all(r.status == 200 for r in server.api_requests())


def test_an_expired_deadline_fails_the_next_socket_operation(server: MagicHourServer) -> None:
    from magic_hour_ext._network import request_deadline

    project = server.create_project()
    headers = {"Authorization": f"Bearer {server.token}"}
    with httpx.Client(transport=DeadlineTransport(), headers=headers) as http:
        assert http.get(server.base_url + project.url_path).status_code == 200
        with request_deadline(-1.0), pytest.raises(httpx.TimeoutException):
            http.get(server.base_url + project.url_path)
        assert http.get(server.base_url + project.url_path).status_code == 200  # only in the block
