"""Fixtures shared by the tests of magic_hour_ext."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator

import pytest

from magic_hour_ext.testing import MagicHourServer


@pytest.fixture
def server() -> Iterator[MagicHourServer]:
    """A local Magic Hour server on loopback, started and stopped around the test."""
    with MagicHourServer() as server:
        yield server


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
