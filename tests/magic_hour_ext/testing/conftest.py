"""A server per test (they start and stop in about a millisecond) and an authenticated client."""

from collections.abc import Iterator

import httpx
import pytest

from magic_hour_ext.testing import MagicHourServer


@pytest.fixture
def server() -> Iterator[MagicHourServer]:
    with MagicHourServer() as server:
        yield server


@pytest.fixture
def api(server: MagicHourServer) -> Iterator[httpx.Client]:
    """A client of the API listener, with the server's token."""
    headers = {"Authorization": f"Bearer {server.token}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=5) as client:
        yield client


@pytest.fixture
def cdn() -> Iterator[httpx.Client]:
    """A client for download URLs: no Authorization header."""
    with httpx.Client(timeout=5) as client:
        yield client
