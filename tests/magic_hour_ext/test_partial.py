from __future__ import annotations

from pathlib import Path

import pytest

from magic_hour_ext._download import Start, Transfer
from magic_hour_ext._partial import PartialMeta, if_range, meta_path, partial_path, plan_resume, resource_of
from magic_hour_ext._retry import RetryState, TransientError

URL = "https://cdn.example/abc/0/output.png?expires=1&signature=SECRET"
META = PartialMeta("https://cdn.example/abc/0/output.png", 1000, '"e1"', "Wed, 21 Oct 2015 07:28:00 GMT")


def test_names_say_what_they_are_and_sit_next_to_the_output() -> None:
    final = Path("out/mh-abc-1.png")
    assert partial_path(final) == Path("out/.mh-abc-1.png.partial")
    assert meta_path(final) == Path("out/.mh-abc-1.png.partial.json")


def test_the_resource_leaves_out_every_credential() -> None:
    assert (
        resource_of("https://user:pw@CDN.example/a/b.png?signature=S#frag") == "https://cdn.example/a/b.png"
    )


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"format": 2, "url": "u", "size": 5}',
        '{"format": 1, "url": "u", "size": 0}',
        '{"format": 1, "url": "u", "size": true}',
        '{"format": 1, "url": "u", "size": 5, "etag": 7}',
    ],
)
def test_metadata_that_cannot_be_trusted_is_none(text: str) -> None:
    assert PartialMeta.from_json(text) is None


def test_the_metadata_never_holds_the_signed_query() -> None:
    transfer = Transfer(URL, RetryState(lambda: None))
    assert transfer.start(200, {"content-length": "1000", "etag": '"e1"'}) is Start.REWRITE
    meta = transfer.meta()
    assert meta is not None
    assert "SECRET" not in meta.to_json()
    assert "expires" not in meta.to_json()


@pytest.mark.parametrize(
    ("meta", "held", "url", "offset"),
    [
        (META, 400, URL, 400),
        (META, 400, URL.replace("SECRET", "REFRESHED"), 400),  # a refreshed URL of the same output
        (META, 0, URL, 0),
        (None, 400, URL, 0),
        (META, 400, "https://cdn.example/abc/1/output.png?signature=S", 0),  # another output
        (META, 1000, URL, 0),  # as long as the output: nothing to resume
        (META, 1200, URL, 0),
    ],
)
def test_plan_resume(meta: PartialMeta | None, held: int, url: str, offset: int) -> None:
    assert plan_resume(meta, held, url).offset == offset


def test_if_range_prefers_a_strong_etag() -> None:
    assert if_range('"e1"', "date") == '"e1"'
    assert if_range('W/"e1"', "date") == "date"
    assert if_range(None, None) is None


def test_a_resumed_transfer_checks_what_the_host_sends() -> None:
    transfer = Transfer(URL, RetryState(lambda: None))
    transfer.resume(400, META)
    assert transfer.request_headers() == {
        "Accept-Encoding": "identity",
        "Range": "bytes=400-",
        "If-Range": '"e1"',
    }
    assert transfer.start(206, {"content-range": "bytes 400-999/1000", "etag": '"e1"'}) is Start.APPEND
    transfer.bytes_done = 500  # dropped again: the next attempt resumes the same file
    with pytest.raises(TransientError, match=r"changed on the download host \(its ETag changed\)"):
        transfer.start(206, {"content-range": "bytes 500-999/1000", "etag": '"e2"'})
    assert transfer.request_headers() == {"Accept-Encoding": "identity"}  # from zero


def test_a_resumed_transfer_restarts_on_another_size_or_date() -> None:
    transfer = Transfer(URL, RetryState(lambda: None))
    transfer.resume(400, PartialMeta(META.url, 1000, None, "Wed, 21 Oct 2015 07:28:00 GMT"))
    assert transfer.request_headers()["If-Range"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    with pytest.raises(TransientError, match="its size changed from 1000 to 2000 bytes"):
        transfer.start(206, {"content-range": "bytes 400-1999/2000"})
    transfer.resume(400, PartialMeta(META.url, 1000, None, "Wed, 21 Oct 2015 07:28:00 GMT"))
    with pytest.raises(TransientError, match="its Last-Modified changed"):
        transfer.start(206, {"content-range": "bytes 400-999/1000", "last-modified": "Thu, 22 Oct 2015"})
