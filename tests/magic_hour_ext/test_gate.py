from __future__ import annotations

import anyio
import httpx
import pytest

from magic_hour_ext import DeadlineTransport
from magic_hour_ext._gate import DEFAULT_GATE, MAX_GATE, pool_size, request_gate


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        (httpx.Limits(max_connections=4), 4),
        (httpx.Limits(max_connections=100, max_keepalive_connections=8), 8),
        (httpx.Limits(max_connections=1000), MAX_GATE),
        (httpx.Limits(max_connections=None, max_keepalive_connections=None), DEFAULT_GATE),
    ],
)
def test_pool_size(limits: httpx.Limits, expected: int) -> None:
    assert pool_size(httpx.AsyncClient(limits=limits)) == expected


def test_deadline_transport_limits_are_read() -> None:
    transport = DeadlineTransport(limits=httpx.Limits(max_connections=5))
    assert pool_size(httpx.AsyncClient(transport=transport)) == 5


def test_custom_transport_gets_the_default() -> None:
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda request: httpx.Response(200)))
    assert pool_size(client) == DEFAULT_GATE


@pytest.mark.anyio
async def test_one_gate_per_client_bounds_requests_in_flight() -> None:
    client = httpx.AsyncClient(limits=httpx.Limits(max_connections=3))
    assert request_gate(client) is request_gate(client)
    inside = peak = 0

    async def one() -> None:
        nonlocal inside, peak
        async with request_gate(client):
            inside += 1
            peak = max(peak, inside)
            await anyio.sleep(0.001)
            inside -= 1

    async with anyio.create_task_group() as group:
        for _ in range(20):
            group.start_soon(one)
    assert peak == 3
