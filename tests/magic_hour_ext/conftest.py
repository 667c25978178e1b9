"""Fixtures shared by the tests of magic_hour_ext."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from magic_hour_ext.testing import MagicHourServer


@pytest.fixture
def server() -> Iterator[MagicHourServer]:
    """A local Magic Hour server on loopback, started and stopped around the test."""
    with MagicHourServer() as server:
        yield server
