from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest

from magic_hour_ext._errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    InvalidArgumentError,
    MalformedResponseError,
    NotFoundError,
    PaymentRequiredError,
    RateLimitError,
)
from magic_hour_ext._requests import (
    MIN_REQUEST_TIMEOUT,
    bounded_timeout,
    check_project_id,
    delete_request,
    error_from_response,
    get_request,
    parse_project,
    project_path,
)
from magic_hour_ext._retry import RetryState


def body(**overrides: Any) -> bytes:
    payload: dict[str, Any] = {
        "id": "p",
        "name": None,
        "status": "complete",
        "image_count": 1,
        "type": "AI_IMAGE",
        "created_at": "2026-05-01T12:00:00",
        "enabled": True,
        "total_frame_cost": 5,
        "credits_charged": 5,
        "downloads": [{"url": "http://cdn/x.png?signature=s", "expires_at": "2026-05-02T12:00:00"}],
        "error": None,
    }
    payload.update(overrides)
    return json.dumps(payload).encode()


def test_naive_datetimes_are_utc() -> None:
    project = parse_project(200, {}, body())
    assert project.created_at == dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC)
    assert project.downloads[0].expires_at.tzinfo is dt.UTC


def test_aware_datetimes_kept() -> None:
    project = parse_project(200, {}, body(created_at="2026-05-01T12:00:00.000Z"))
    assert project.created_at.utcoffset() == dt.timedelta(0)


def test_unknown_fields_ignored_and_kept() -> None:
    project = parse_project(200, {}, body(new_field={"x": 1}))
    assert project.additional_properties == {"new_field": {"x": 1}}


def test_unknown_status_parses() -> None:
    project = parse_project(200, {}, body(status="upscaling"))
    assert str(project.status) == "upscaling"
    assert not project.status.is_known


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b'{"id": "p", "status": ',
        b"[]",
        b"null",
        b"\xff\xfe",
        body(status=5),
        body(id=5),
        body(downloads="x"),
        body(downloads=[{"url": 5, "expires_at": "2026-05-02T12:00:00"}]),
        body(downloads=[{"url": "u"}]),
        body(created_at="yesterday"),
        body(created_at=None),
        b'{"id": "p"}',
    ],
)
def test_malformed_bodies(raw: bytes) -> None:
    with pytest.raises(MalformedResponseError) as info:
        parse_project(200, {}, raw)
    assert info.value.status_code == 200


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (401, AuthenticationError),
        (402, PaymentRequiredError),
        (404, NotFoundError),
        (429, RateLimitError),
        (400, APIError),
    ],
)
def test_error_statuses(status: int, cls: type[APIError]) -> None:
    with pytest.raises(cls) as info:
        parse_project(status, {}, b'{"message": "nope"}')
    assert info.value.message == "nope"


@pytest.mark.parametrize(("status", "phrase"), [(503, "Service Unavailable"), (520, "non-standard status")])
def test_error_without_json_body(status: int, phrase: str) -> None:
    err = error_from_response(status, {}, b"<html>")
    assert err.status_code == status
    assert err.message == phrase


def test_error_message_redacts_urls() -> None:
    err = error_from_response(400, {}, b'{"message": "bad http://h/x?signature=S"}')
    assert "signature=***" in err.message


def test_retry_after_read_from_headers() -> None:
    assert error_from_response(429, {"retry-after": "3"}, b"").retry_after == 3.0


def test_id_is_url_encoded() -> None:
    assert project_path("a/b?c d#e%") == "/v1/image-projects/a%2Fb%3Fc%20d%23e%25"
    assert get_request("../x", RetryState(lambda: None), lambda: None).path == "/v1/image-projects/..%2Fx"


@pytest.mark.parametrize("bad", ["", "  ", "a\x00b", None, 5, ".", ".."])
def test_bad_ids(bad: object) -> None:
    with pytest.raises(InvalidArgumentError):
        check_project_id(bad)


@pytest.mark.parametrize("dots", [".", ".."])
def test_project_path_refuses_dot_segments(dots: str) -> None:
    with pytest.raises(InvalidArgumentError, match="dot segment"):
        project_path(dots)
    with pytest.raises(InvalidArgumentError):
        delete_request(dots, RetryState(lambda: None))


@pytest.mark.parametrize(
    ("project_id", "segment"),
    [("...", "..."), ("a/../b", "a%2F..%2Fb"), (".%2e", ".%252e"), ("./.", ".%2F.")],
)
def test_dotted_ids_are_one_segment(project_id: str, segment: str) -> None:
    url = httpx.Client(base_url="http://h").build_request("GET", project_path(project_id)).url
    assert url.raw_path.decode() == "/v1/image-projects/" + segment


def test_bounded_timeout() -> None:
    base = httpx.Timeout(30.0, connect=10.0)
    assert bounded_timeout(base, None) is base
    assert bounded_timeout(base, 0.0).read == MIN_REQUEST_TIMEOUT == 0.5
    assert bounded_timeout(httpx.Timeout(None), 5.0).read == 5.0


def test_guard_turns_transport_errors_into_api_errors() -> None:
    request = get_request("p", RetryState(lambda: None), lambda: None)
    with pytest.raises(APIConnectionError) as info, request.guard():
        raise httpx.ConnectError("refused http://h/x?token=SECRET")
    assert "SECRET" not in str(info.value)
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_delete_404_counts_only_after_a_retry() -> None:
    retry = RetryState(lambda: None)
    request = delete_request("p", retry)
    assert request.parse(204, {}, b"") is None
    with pytest.raises(NotFoundError):
        request.parse(404, {}, b"")
    retry.retries = 1
    assert request.parse(404, {}, b"") is None


GOOD_DOWNLOAD = {"url": "http://cdn/x.png?signature=SECRETSIG", "expires_at": "2026-05-02T12:00:00"}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"image_count": "x"}, "image_count"),
        ({"image_count": True}, "image_count"),
        ({"image_count": 1.5}, "image_count"),
        ({"enabled": "x"}, "enabled"),
        ({"enabled": 1}, "enabled"),
        ({"name": 5}, "name"),
        ({"id": None}, "id"),
        ({"type": None}, "type"),
        ({"status": None}, "status"),
        ({"total_frame_cost": "5"}, "total_frame_cost"),
        ({"credits_charged": None}, "credits_charged"),
        ({"created_at": 1700000000}, "created_at"),
        ({"downloads": {}}, "downloads"),
        ({"downloads": None}, "downloads"),
        ({"downloads": [1]}, "downloads[0]"),
        ({"downloads": [GOOD_DOWNLOAD, "http://cdn/y.png?signature=SECRETSIG"]}, "downloads[1]"),
        ({"downloads": [{"url": 5, "expires_at": "2026-05-02T12:00:00"}]}, "downloads[0].url"),
        ({"downloads": [{"url": None, "expires_at": "2026-05-02T12:00:00"}]}, "downloads[0].url"),
        (
            {"downloads": [{"url": "http://cdn/x.png?signature=SECRETSIG", "expires_at": 5}]},
            "downloads[0].expires_at",
        ),
        ({"downloads": [{"url": "http://cdn/x.png?signature=SECRETSIG"}]}, "downloads[0].expires_at"),
        ({"status": "error", "error": "boom SECRETSIG"}, "error"),
        ({"status": "error", "error": 5}, "error"),
        ({"status": "error", "error": {}}, "error.message"),
        ({"status": "error", "error": {"message": "m", "code": None}}, "error.code"),
        ({"status": "error", "error": {"message": 5, "code": "c"}}, "error.message"),
    ],
)
def test_wrong_json_types_name_the_field(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(MalformedResponseError) as info:
        parse_project(200, {}, body(**overrides))
    message = str(info.value)
    assert f"'{field}'" in message
    assert "SECRETSIG" not in message
    assert "boom" not in message


@pytest.mark.parametrize("missing", ["id", "name", "status", "downloads", "error", "credits_charged"])
def test_missing_required_field_is_named(missing: str) -> None:
    payload = json.loads(body())
    del payload[missing]
    with pytest.raises(MalformedResponseError, match=f"'{missing}' is missing"):
        parse_project(200, {}, json.dumps(payload).encode())


def test_valid_variants_still_parse() -> None:
    project = parse_project(
        200,
        {},
        body(
            name="n",
            status="error",
            error={"message": "no face", "code": "no_source_face", "extra": 1},
            downloads=[],
            image_count=0,
            brand_new={"nested": [1, 2]},
        ),
    )
    assert project.error is not None
    assert project.error.code == "no_source_face"
    assert project.additional_properties == {"brand_new": {"nested": [1, 2]}}
    assert str(parse_project(200, {}, body(status="upscaling")).status) == "upscaling"
