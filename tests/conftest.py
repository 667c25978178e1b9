"""Fixtures for every test folder (the tests of magic_hour_ext have more in their conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from magic_hour_ext.testing import MagicHourServer
from tests.magic_hour_ext._helpers import BACKENDS

TOKEN = "mhk_test_SECRET-TOKEN-4f9a7c1e"  # distinctive, so a test can search any text for it

# The tests of the tooling (spec pipeline, generator, bench): `make test` does not measure their
# coverage, in process or in their children (generator and bench runs, slowed 2-3x by tracing, and
# the bench's timings distorted). The coverage gate is about magic_hour_ext, which the other tests
# exercise.
UNMEASURED = ("tests/scripts/", "tests/test_generation.py")


# The files whose tests take longest (child processes, generator runs, deadlines): run first, so
# that with xdist none of them is left running alone at the end.
SLOW_FIRST = (
    "tests/scripts/test_bench.py",
    "tests/scripts/test_update_spec.py",
    "tests/test_generation.py",
    "tests/magic_hour_ext/test_cli.py",
    "tests/magic_hour_ext/test_check_deadline.py",
    "tests/magic_hour_ext/test_demo.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(UNMEASURED):
            item.add_marker(pytest.mark.no_cover)  # pytest-cov pauses during the test

    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return SLOW_FIRST.index(path) if path in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: the order within a file is kept


@pytest.fixture(autouse=True)
def _unmeasured_children(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The children of an unmeasured test start without coverage (see coverage's subprocess patch)."""
    if request.node.get_closest_marker("no_cover") is not None:
        monkeypatch.delenv("COVERAGE_PROCESS_CONFIG", raising=False)


@pytest.fixture(params=BACKENDS)
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Every ``async def`` test marked ``pytest.mark.anyio`` runs on asyncio and on trio."""
    return str(request.param)


@pytest.fixture
def server() -> Iterator[MagicHourServer]:
    """A local Magic Hour server on loopback (token TOKEN), started and stopped around the test."""
    with MagicHourServer(token=TOKEN) as server:
        yield server
