"""Fixtures for every test folder (the tests of magic_hour_ext have more in their conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from magic_hour_ext.testing import MagicHourServer
from tests.magic_hour_ext._helpers import BACKENDS

TOKEN = "mhk_test_SECRET-TOKEN-4f9a7c1e"  # distinctive, so a test can search any text for it


@pytest.fixture(params=BACKENDS)
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Every ``async def`` test marked ``pytest.mark.anyio`` runs on asyncio and on trio."""
    return str(request.param)


@pytest.fixture
def server() -> Iterator[MagicHourServer]:
    """A local Magic Hour server on loopback (token TOKEN), started and stopped around the test."""
    with MagicHourServer(token=TOKEN) as server:
        yield server
