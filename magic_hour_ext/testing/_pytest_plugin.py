"""magic-hour-ext's pytest plugin: pytest loads it through the ``pytest11`` entry point.

Installing magic-hour-ext is all it takes: its fixtures are then available in every test suite
(``pytest -p no:magic_hour_ext`` turns the plugin off; with ``PYTEST_DISABLE_PLUGIN_AUTOLOAD``
set, ``-p magic_hour_ext`` turns it on). Only pytest imports this module, so pytest is not a
dependency of the library.

Fixtures:

- ``instant_retries``: retry waits are instant for the test, with as many attempts as usual
  (:func:`magic_hour_ext.testing.instant_retries`).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._retries import instant_retries as _instant_retries

__all__ = ["instant_retries"]


@pytest.fixture
def instant_retries() -> Iterator[None]:
    """Retries without waiting during the test, as many as usual (see ``magic_hour_ext.testing``).

    Example:
        A test of your code that must ride out two 503s::

            def test_survives_a_flaky_api(instant_retries: None) -> None:
                with MagicHourServer() as server:
                    server.add_fault(Fault.status(503, times=2))
                    ...
    """
    with _instant_retries():
        yield
