"""The decisions of a create, without I/O: which failures prove it was never taken, and what to raise."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from magic_hour_ext import (
    APIConnectionError,
    APIError,
    CreateOutcomeUnknownError,
    InvalidArgumentError,
    MalformedResponseError,
    PaymentRequiredError,
    RateLimitError,
)
from magic_hour_ext._create import CreateRetry, create_failure, find_tool, never_taken, prepare_job

URL = "https://api.example/v1/photo-colorizer"


def _no_response(cause: Exception) -> APIConnectionError:
    try:
        raise APIConnectionError(f"{type(cause).__name__}: x") from cause
    except APIConnectionError as err:
        return err


@pytest.mark.parametrize(
    ("cause", "taken"),
    [
        (httpx.ConnectError("refused"), False),
        (httpx.ConnectTimeout("slow"), False),
        (httpx.PoolTimeout("busy"), False),
        (httpx.ReadTimeout("no answer"), True),
        (httpx.RemoteProtocolError("Server disconnected without sending a response"), True),
        (httpx.ReadError("reset"), True),
        (httpx.WriteError("broken pipe"), True),
    ],
)
def test_only_a_connection_never_made_proves_nothing_was_sent(cause: Exception, taken: bool) -> None:
    error = _no_response(cause)
    assert never_taken(error) is not taken
    failure = create_failure(find_tool("photo-colorizer"), error, url=URL, attempts=1)
    assert isinstance(failure, CreateOutcomeUnknownError) is taken
    assert CreateRetry(lambda: 60.0).backoff_hook(error) is False or not taken


def test_a_timeout_of_the_whole_request_is_an_unknown_outcome() -> None:
    # anyio.fail_after's TimeoutError becomes an APIConnectionError without a cause.
    failure = create_failure(
        find_tool("photo-colorizer"), APIConnectionError("no answer"), url=URL, attempts=2
    )
    assert isinstance(failure, CreateOutcomeUnknownError)
    assert failure.attempts == 2
    assert failure.reason == "no answer: no answer"


@pytest.mark.parametrize("code", [408, 499, 500, 504, 520])
def test_statuses_that_may_follow_a_create_are_unknown_outcomes(code: int) -> None:
    failure = create_failure(find_tool("ai-voice-generator"), APIError(code, "oops"), url=URL, attempts=1)
    assert isinstance(failure, CreateOutcomeUnknownError)
    assert (failure.status_code, failure.kind, failure.tool) == (code, "audio", "ai-voice-generator")
    assert CreateRetry(lambda: 60.0).backoff_hook(APIError(code, "oops")) is False


def test_an_answer_that_cannot_be_read_is_an_unknown_outcome() -> None:
    error = MalformedResponseError(200, "the answer has no project id")
    failure = create_failure(find_tool("photo-colorizer"), error, url=URL, attempts=1)
    assert isinstance(failure, CreateOutcomeUnknownError)
    assert "HTTP 200: the answer has no project id" in str(failure)


def test_refusals_are_raised_as_they_are() -> None:
    for error in (
        PaymentRequiredError(402, "no credits"),
        RateLimitError(429, "slow down"),
        APIError(409, "x"),
    ):
        assert create_failure(find_tool("photo-colorizer"), error, url=URL, attempts=1) is error


def test_a_429_is_retried_within_the_deadline_only() -> None:
    assert CreateRetry(lambda: 60.0).backoff_hook(RateLimitError(429, "slow", retry_after=3.0)) == 3.0
    late = CreateRetry(lambda: 2.0)
    assert late.backoff_hook(RateLimitError(429, "slow", retry_after=3.0)) is False
    assert late.deadline_hit


def test_a_local_file_of_the_wrong_type_names_its_field(tmp_path: Path) -> None:
    song = tmp_path / "song.mp3"
    song.write_bytes(b"mp3")
    with pytest.raises(
        InvalidArgumentError, match=r"assets\.image_file_path: .*an image upload cannot be a \.mp3"
    ):
        prepare_job(find_tool("photo-colorizer"), {"assets": {"image_file_path": song}})
