from __future__ import annotations

import datetime as dt
import random
import time

import httpx
import pytest
import stamina
from stamina.instrumentation import RetryDetails

from magic_hour_ext import WaitTimeoutError, acheck_result, check_result
from magic_hour_ext._errors import APIConnectionError, APIError, MalformedResponseError, NotFoundError
from magic_hour_ext._retry import (
    ATTEMPTS,
    RETRY_AFTER_CAP,
    RetryState,
    TransientError,
    backoff,
    is_retryable_status,
    is_transient,
    parse_retry_after,
)
from magic_hour_ext.testing import Fault, MagicHourServer
from tests.magic_hour_ext._helpers import api_client, in_mode


@pytest.mark.parametrize("code", [408, 429, 499, 500, 502, 503, 504, 520, 599])
def test_retryable_statuses(code: int) -> None:
    assert is_retryable_status(code)


@pytest.mark.parametrize("code", [200, 204, 400, 401, 402, 403, 404, 410, 422])
def test_final_statuses(code: int) -> None:
    assert not is_retryable_status(code)


NOW = dt.datetime(2026, 5, 1, 12, 0, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("2", 2.0),
        ("0.5", 0.5),
        ("-3", 0.0),
        ("100000", RETRY_AFTER_CAP),
        ("nan", None),
        ("garbage", None),
        ("Fri, 01 May 2026 12:00:07 GMT", 7.0),
        ("Fri, 01 May 2026 11:00:00 GMT", 0.0),
        ("Sat, 02 May 2026 12:00:00 GMT", RETRY_AFTER_CAP),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_backoff_grows_with_jitter_and_caps() -> None:
    rng = random.Random(3)  # noqa: S311 - seeded jitter for a test, not cryptography
    waits = [backoff(n, rng=rng) for n in range(1, 40)]
    assert all(0.25 <= w <= 8.0 for w in waits)
    assert backoff(1) < backoff(2) < backoff(3)
    assert backoff(100) == 8.0


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (APIConnectionError("refused"), True),
        (httpx.ReadTimeout("t"), True),
        (httpx.RemoteProtocolError("closed"), True),
        (TransientError("short body"), True),
        (APIError(503, "x"), True),
        (APIError(520, "x"), True),
        (NotFoundError(404, "x"), False),
        (MalformedResponseError(200, "x"), False),
        (ValueError("x"), False),
    ],
)
def test_is_transient(exc: Exception, expected: bool) -> None:
    assert is_transient(exc) is expected


def test_hook_prefers_retry_after_and_counts() -> None:
    state = RetryState(lambda: None)
    assert state.backoff_hook(APIError(429, "slow", retry_after=3.0)) == 3.0
    assert state.backoff_hook(APIError(503, "x")) == backoff(2)
    assert state.retries == 2
    assert state.backoff_hook(NotFoundError(404, "x")) is False
    assert state.retries == 2


def test_hook_respects_deadline() -> None:
    state = RetryState(lambda: 1.0)
    assert state.backoff_hook(APIError(429, "slow", retry_after=0.5)) == 0.5
    assert not state.deadline_hit
    assert state.refused_retry is None
    assert state.backoff_hook(APIError(429, "slow", retry_after=2.0)) is False
    assert state.deadline_hit
    assert state.refused_retry == "Retry-After 2 s, after HTTP 429"


def test_refused_retry_without_retry_after_says_its_backoff() -> None:
    state = RetryState(lambda: 0.1)
    assert state.backoff_hook(APIConnectionError("refused")) is False
    assert state.refused_retry == "in 0.5 s, after no response"


def test_attempts_are_bounded() -> None:
    state = RetryState(lambda: None)
    calls = 0
    with stamina.set_testing(True, attempts=100, cap=True), pytest.raises(APIError):  # noqa: PT012
        for attempt in state.retrying():
            with attempt:
                calls += 1
                raise APIError(503, "down")
    assert calls == ATTEMPTS


def test_final_error_is_not_retried() -> None:
    state = RetryState(lambda: None)
    calls = 0
    with pytest.raises(NotFoundError):  # noqa: PT012
        for attempt in state.retrying():
            with attempt:
                calls += 1
                raise NotFoundError(404, "gone")
    assert calls == 1


def test_retry_after_beyond_the_deadline_fails_at_once_and_says_so(
    mode: str, server: MagicHourServer, retries: list[RetryDetails]
) -> None:
    project = server.create_project()
    server.add_fault(Fault.rate_limit(retry_after="30"))
    wait = in_mode(mode, check_result, acheck_result)
    started = time.monotonic()
    with pytest.raises(WaitTimeoutError) as info:
        wait(project.id, client=api_client(server), timeout=3, download_outputs=False)
    assert time.monotonic() - started < 3, "it did not wait for the deadline"
    assert retries == []  # no retry was scheduled
    assert [r.status for r in server.api_requests()] == [429]
    err = info.value
    assert isinstance(err, TimeoutError)
    assert err.project is None
    assert err.next_retry == "Retry-After 30 s, after HTTP 429"
    message = str(err)
    assert "the next retry (Retry-After 30 s, after HTTP 429) would end after the 3 s deadline" in message
    assert "after 3 s;" not in message
