"""The pure side of uploads: the upload-urls request and its answer, each PUT's kwargs and answers."""

from pathlib import Path

import httpx
import pytest

from magic_hour_ext import MalformedResponseError, RateLimitError, UploadError
from magic_hour_ext._retry import RetryState, TransientError
from magic_hour_ext._upload import FileToUpload, PutTransfer, UploadTarget, upload_urls_request

FILES = [FileToUpload(Path("a.png"), "image", "png"), FileToUpload(Path("b.mp3"), "audio", "mp3")]
ITEM = {
    "upload_url": "https://up.example/a?sig=1",
    "expires_at": "2030-01-01T00:00:00Z",
    "file_path": "api-assets/i/0.png",
}


def _put() -> PutTransfer:
    return PutTransfer(
        FILES[0], UploadTarget("https://up.example/a?sig=1", "api-assets/i/0.png"), RetryState(lambda: None)
    )


def test_upload_urls_sends_every_file_and_reads_their_targets_in_order() -> None:
    request = upload_urls_request(FILES, RetryState(lambda: None))
    kwargs = request.send_kwargs(httpx.Timeout(5.0))
    assert (kwargs["method"], kwargs["url"]) == ("POST", "/v1/files/upload-urls")
    assert kwargs["json"] == {
        "items": [{"type": "image", "extension": "png"}, {"type": "audio", "extension": "mp3"}]
    }
    second = {**ITEM, "file_path": "api-assets/i/1.mp3"}
    body = httpx.Response(200, json={"items": [ITEM, second]}).content
    assert [t.file_path for t in request.parse(200, {}, body)] == ["api-assets/i/0.png", "api-assets/i/1.mp3"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>", "the body is not JSON"),
        (b'{"items": []}', "did not answer 2 items"),
        (b'{"items": [{"file_path": "x"}, {"file_path": "y"}]}', r"items\[0\].upload_url is not an http"),
        (
            b'{"items": [{"upload_url": "https://u/1"}, {"upload_url": "https://u/2"}]}',
            r"items\[0\].file_path is missing",
        ),
    ],
)
def test_a_malformed_answer_is_refused(body: bytes, message: str) -> None:
    with pytest.raises(MalformedResponseError, match=message):
        upload_urls_request(FILES, RetryState(lambda: None)).parse(200, {}, body)


def test_an_error_answer_is_the_api_error() -> None:
    with pytest.raises(RateLimitError) as caught:
        upload_urls_request(FILES, RetryState(lambda: None)).parse(429, {"retry-after": "3"}, b"{}")
    assert caught.value.retry_after == 3.0


def test_a_put_names_its_length_and_carries_no_credentials() -> None:
    kwargs = _put().request_kwargs(1234)
    assert kwargs == {
        "method": "PUT",
        "url": "https://up.example/a?sig=1",
        "headers": {"Content-Length": "1234"},
        "auth": None,
        "follow_redirects": False,
    }


def test_each_answer_of_the_upload_host_means_one_thing() -> None:
    put = _put()
    assert put.finish(200, {}, b"") == "api-assets/i/0.png"
    assert put.finish(204, {}, b"") == "api-assets/i/0.png"
    with pytest.raises(TransientError) as transient:
        put.finish(503, {"retry-after": "2"}, b"")
    assert (transient.value.status_code, transient.value.retry_after) == (503, 2.0)
    with pytest.raises(UploadError, match=r"HTTP 411 \(MissingContentLength: You must provide") as final:
        put.finish(
            411, {}, b"<Error><Code>MissingContentLength</Code><Message>You must provide it</Message></Error>"
        )
    assert final.value.status_code == 411
    with pytest.raises(UploadError, match=r"answered HTTP 400$"):
        put.finish(400, {}, b"not xml")


def test_a_failure_left_after_the_retries_names_the_file_and_the_attempts() -> None:
    put = _put()
    put.attempts = 6
    with (
        pytest.raises(
            UploadError, match=r"cannot upload 'a.png': the upload host answered HTTP 502, after 6 attempts"
        ),
        put.errors(),
    ):
        raise TransientError("the upload host answered HTTP 502", status_code=502)
    with (
        pytest.raises(
            UploadError, match=r"no answer from the upload host \(ReadTimeout: slow\), after 6 attempts"
        ),
        put.errors(),
    ):
        raise httpx.ReadTimeout("slow")
    with pytest.raises(ValueError, match="untouched"), put.errors():
        raise ValueError("untouched")
