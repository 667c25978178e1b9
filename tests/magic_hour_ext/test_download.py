from __future__ import annotations

from pathlib import Path

import pytest

from magic_hour_ext._download import (
    MIN_RATE,
    STALL_RULE,
    STALL_WINDOW,
    DownloadItem,
    DownloadOutcome,
    StallRule,
    Start,
    Transfer,
    content_codings,
    decodable_codings,
    outcome_of,
    parse_content_range,
)
from magic_hour_ext._errors import DownloadError
from magic_hour_ext._retry import RetryState, TransientError

URL = "http://cdn/p/0/output.png?signature=SECRET"


def transfer(**kwargs: int) -> Transfer:
    return Transfer(URL, RetryState(lambda: None), **kwargs)


def test_first_request_has_no_range() -> None:
    headers = transfer().request_headers()
    assert "Range" not in headers
    assert headers["Accept-Encoding"] == "identity"


def test_200_rewrites_and_records_size() -> None:
    t = transfer(bytes_done=50)
    assert t.start(200, {"content-length": "100"}) is Start.REWRITE
    assert (t.bytes_done, t.total) == (0, 100)


def test_truncated_body_resumes_with_range() -> None:
    t = transfer()
    t.start(200, {"content-length": "100"})
    t.received(40)
    with pytest.raises(TransientError, match="40 of 100"):
        t.finish()
    assert t.request_headers()["Range"] == "bytes=40-"
    assert t.start(206, {"content-range": "bytes 40-99/100"}) is Start.APPEND
    t.received(60)
    t.finish()
    assert t.bytes_done == 100


def test_range_ignored_restarts() -> None:
    t = transfer()
    t.start(200, {"content-length": "100"})
    t.received(40)
    assert t.start(200, {"content-length": "100"}) is Start.REWRITE
    assert t.bytes_done == 0


def test_wrong_range_restarts_without_range() -> None:
    t = transfer(bytes_done=40)
    with pytest.raises(TransientError):
        t.start(206, {"content-range": "bytes 0-99/100"})
    assert "Range" not in t.request_headers()


def test_416_restarts() -> None:
    t = transfer(bytes_done=40)
    with pytest.raises(TransientError):
        t.start(416, {})
    assert t.bytes_done == 0


def test_body_longer_than_announced_restarts() -> None:
    t = transfer()
    t.start(200, {"content-length": "10"})
    t.received(12)
    with pytest.raises(TransientError):
        t.finish()
    assert t.bytes_done == 0


def test_unknown_length_is_accepted() -> None:
    t = transfer()
    t.start(200, {})
    t.received(7)
    t.finish()
    assert t.total is None


@pytest.mark.parametrize("status", [403, 410])
def test_expired(status: int) -> None:
    assert transfer().start(status, {}) is Start.EXPIRED


@pytest.mark.parametrize("status", [408, 429, 500, 503, 520])
def test_retryable_statuses(status: int) -> None:
    with pytest.raises(TransientError) as info:
        transfer().start(status, {"retry-after": "2"})
    assert info.value.retry_after == 2.0


@pytest.mark.parametrize("status", [400, 404, 405])
def test_final_statuses(status: int) -> None:
    with pytest.raises(DownloadError) as info:
        transfer().start(status, {})
    assert "SECRET" not in str(info.value)
    assert str(status) in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("bytes 0-9/10", (0, 10)), ("bytes 5-9/*", (5, None)), ("bytes */10", None), (None, None), ("x", None)],
)
def test_parse_content_range(value: str | None, expected: tuple[int, int | None] | None) -> None:
    assert parse_content_range(value) == expected


def test_outcome_of() -> None:
    items = (DownloadItem(1, "a", Path("a")), DownloadItem(3, "c", Path("c")))
    assert outcome_of(items, [None, Path("c")]) == DownloadOutcome({3: Path("c")}, (1,))


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_stall_rule_floor_and_window() -> None:
    rule = StallRule(min_rate=1000.0, window=2.0)
    assert not rule.stalled(received=0, seconds=1.9)  # the window is not over
    assert rule.stalled(received=1999, seconds=2.0)
    assert not rule.stalled(received=2000, seconds=2.0)
    assert rule.stalled(received=2999, seconds=3.0)  # a longer gap is averaged over its length


def test_default_floor_is_one_kib_a_second_over_30_seconds() -> None:
    assert (STALL_RULE.min_rate, STALL_RULE.window) == (MIN_RATE, STALL_WINDOW) == (1024.0, 30.0)


def test_a_slow_window_raises_and_keeps_the_bytes_for_a_resume() -> None:
    clock = Clock()
    t = Transfer(URL, RetryState(lambda: None), stall=StallRule(1000.0, 1.0), clock=clock)
    t.start(200, {"content-length": "100000"})
    clock.now = 0.5
    t.received(400)
    clock.now = 1.0
    t.received(2000)  # 2,400 bytes in the first second: fine, a new window starts
    clock.now = 1.6
    t.received(300)
    clock.now = 2.1
    with pytest.raises(TransientError, match=r"stalled: 400 bytes in 1\.1 s"):
        t.received(100)
    assert t.request_headers()["Range"] == "bytes=2800-"


def test_the_window_starts_with_each_response() -> None:
    clock = Clock()
    t = Transfer(URL, RetryState(lambda: None), stall=StallRule(1000.0, 1.0), clock=clock)
    clock.now = 50.0  # a long wait for the head does not count against the body
    t.start(206, {"content-range": "bytes 0-99999/100000"})
    clock.now = 50.5
    t.received(10)
    assert t.bytes_done == 10


@pytest.mark.parametrize(
    ("value", "expected"),
    [("gzip", ("gzip",)), ("GZip , identity", ("gzip",)), ("deflate, gzip", ("deflate", "gzip")), ("", ())],
)
def test_content_codings(value: str, expected: tuple[str, ...]) -> None:
    assert content_codings({"content-encoding": value}) == expected


def test_an_encoded_body_is_decoded_and_never_resumed() -> None:
    t = transfer()
    assert t.start(200, {"content-length": "40", "content-encoding": "gzip"}) is Start.REWRITE
    assert (t.codings, t.encoded_length, t.total) == (("gzip",), 40, None)
    t.received(75)  # decoded bytes
    assert "Range" not in t.request_headers()  # after a failure: from byte 0
    t.finish(received=40)  # the wire bytes match Content-Length
    assert t.start(200, {"content-length": "100"}) is Start.REWRITE  # identity again
    assert (t.codings, t.total) == ((), 100)


def test_an_encoded_body_shorter_on_the_wire_starts_again() -> None:
    t = transfer()
    t.start(200, {"content-length": "40", "content-encoding": "deflate"})
    t.received(60)
    with pytest.raises(TransientError, match="30 of 40"):
        t.finish(received=30)
    assert t.bytes_done == 0


def test_an_encoded_range_starts_again() -> None:
    t = transfer(bytes_done=40)
    with pytest.raises(TransientError, match="encoded range"):
        t.start(206, {"content-range": "bytes 40-99/100", "content-encoding": "gzip"})
    assert "Range" not in t.request_headers()


def test_a_coding_that_cannot_be_decoded_is_final() -> None:
    with pytest.raises(DownloadError, match="'compress', which cannot be decoded") as info:
        transfer().start(200, {"content-encoding": "gzip, compress"})
    assert "SECRET" not in str(info.value)
    assert {"gzip", "deflate"} <= decodable_codings()
