"""Clients of the ``server`` fixture (tests/conftest.py: a server per test, about a millisecond)."""

from collections.abc import Iterator

import httpx
import pytest

from magic_hour_ext.testing import MagicHourServer


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
