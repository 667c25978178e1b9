"""Instant retries for the tests of code that uses magic_hour_ext: no waits, the same attempts."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import stamina

from .._retry import ATTEMPTS

__all__ = ["instant_retries"]


@contextlib.contextmanager
def instant_retries() -> Iterator[None]:
    """Within the block, retries happen at once (no backoff, no ``Retry-After``), as many as usual.

    magic_hour_ext retries with stamina. ``stamina.set_testing(True)`` alone also cuts the attempts
    to one, so a test of how your code rides out a ``503`` fails; this keeps the
    :data:`~magic_hour_ext._retry.ATTEMPTS` (6), and restores the previous setting on exit. It
    is stamina's testing mode, so it applies to the whole process (every thread, every retry of
    stamina, yours included) while the block runs. Under pytest, the ``instant_retries`` fixture
    does the same for one test (the plugin comes with the package: nothing to configure).

    Example:
        >>> from generated import AuthenticatedClient
        >>> from magic_hour_ext import get_project
        >>> from magic_hour_ext.testing import Fault, MagicHourServer, instant_retries
        >>> with MagicHourServer() as server, instant_retries():
        ...     project = server.create_project()
        ...     server.add_fault(Fault.status(503, times=2))  # two failures, then the answer
        ...     client = AuthenticatedClient(base_url=server.base_url, token=server.token)
        ...     str(get_project(project.id, client=client).status)
        'complete'
    """
    with stamina.set_testing(True, attempts=ATTEMPTS, cap=True):
        yield
