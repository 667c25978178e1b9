"""Fixtures shared by the tests of magic_hour_ext; plain helpers are in _helpers.py.

In tests/conftest.py, for every folder:

- ``server``: a local Magic Hour server (token ``TOKEN``), started and stopped around the test.
- ``anyio_backend``: ``"asyncio"`` and ``"trio"``: every ``async def`` test marked
  ``pytest.mark.anyio`` runs on both (anyio's pytest plugin); a sync test that takes it runs twice.

Here:

- ``mode``: ``"sync"``, ``"asyncio"`` or ``"trio"``; a test that takes it runs three times.
- ``run``: ``check_result`` in the test's mode against ``server``, into ``tmp_path / "out"``, with
  a client of the server unless the test passes ``client=``. Returns the CheckResult.
- ``fast``: polls every 0.02 s and retry waits skipped (``instant_retries``: 6 attempts); opt in with
  ``pytestmark = pytest.mark.usefixtures("fast")``.
- ``download_host``: a download host the test scripts (``_helpers.DownloadHost``).
- ``retries``: the list of retries stamina schedules during the test (one ``RetryDetails`` each),
  to count them instead of timing them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import stamina
from stamina.instrumentation import RetryDetails

from magic_hour_ext import CheckResult, acheck_result, check_result
from magic_hour_ext.testing import MagicHourServer, instant_retries
from tests.magic_hour_ext._helpers import MODES, DownloadHost, Run, api_client, in_mode


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def run(mode: str, server: MagicHourServer, tmp_path: Path) -> Run:
    def call(project_id: str, **kwargs: Any) -> CheckResult:
        kwargs.setdefault("client", api_client(server))
        kwargs.setdefault("download_directory", tmp_path / "out")
        return in_mode(mode, check_result, acheck_result)(project_id, **kwargs)

    return call


@pytest.fixture
def fast(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MAGIC_HOUR_POLL_INTERVAL", "0.02")
    with instant_retries():
        yield


@pytest.fixture
def retries() -> Iterator[list[RetryDetails]]:
    scheduled: list[RetryDetails] = []
    hooks = stamina.instrumentation.get_on_retry_hooks()
    stamina.instrumentation.set_on_retry_hooks([*hooks, scheduled.append])
    try:
        yield scheduled
    finally:
        stamina.instrumentation.set_on_retry_hooks(hooks)


@pytest.fixture
def download_host() -> Iterator[DownloadHost]:
    """A download host the test scripts (see DownloadHost)."""
    with DownloadHost() as host:
        yield host


@pytest.fixture
def webhook_secret() -> str:
    """The webhook secret of the webhook tests."""
    return "whsec_test_5f2c9e+/=="


@pytest.fixture
def sign_webhook(webhook_secret: str) -> Callable[..., tuple[bytes, dict[str, str]]]:
    """Makes a webhook delivery (body, headers) as Magic Hour does, signed here with hmac.

    Independent of the code under test: it follows the API's documentation (HMAC-SHA256 of
    ``"{timestamp}.{raw body}"``, keyed with the secret as UTF-8, in lowercase hex). Arguments:
    the event type, the payload (default: a complete image project), or the raw *body*; *secret*
    and *timestamp* (default: now).
    """

    def sign(
        event_type: str = "image.completed",
        payload: object = None,
        *,
        body: bytes | None = None,
        secret: str = webhook_secret,
        timestamp: int | str | None = None,
    ) -> tuple[bytes, dict[str, str]]:
        if payload is None:
            payload = {"id": "cuid-1", "status": "complete", "downloads": []}
        if body is None:
            body = json.dumps({"type": event_type, "payload": payload}).encode()
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        signature = hmac.new(secret.encode("utf-8"), stamp.encode() + b"." + body, hashlib.sha256)
        headers = {"magic-hour-event-timestamp": stamp, "magic-hour-event-signature": signature.hexdigest()}
        return body, headers

    return sign
