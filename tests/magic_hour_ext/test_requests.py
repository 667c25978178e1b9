from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys
from typing import Any

import httpx
import pytest

from generated.models import AudioProject, ImageProject, ProjectDownload, ProjectError, VideoProject
from generated.types import Unset
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
from magic_hour_ext._kinds import KIND_NAMES, kind_named
from magic_hour_ext._requests import (
    MIN_REQUEST_TIMEOUT,
    ProjectReader,
    bounded_timeout,
    check_project_id,
    delete_request,
    error_from_response,
    get_request,
    parse_project,
    project_outputs,
    project_path,
)
from magic_hour_ext._retry import RetryState
from tests.magic_hour_ext._helpers import project_body


def body(**overrides: Any) -> bytes:
    """A project body with naive datetimes (the API's own examples send some)."""
    naive = {
        "id": "p",
        "name": None,
        "created_at": "2026-05-01T12:00:00",
        "downloads": [{"url": "http://cdn/x.png?signature=s", "expires_at": "2026-05-02T12:00:00"}],
    }
    return json.dumps(project_body(**{**naive, **overrides})).encode()


def test_naive_datetimes_are_utc() -> None:
    project = parse_project(ImageProject, 200, {}, body())
    assert project.created_at == dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC)
    assert project.downloads[0].expires_at.tzinfo is dt.UTC


def test_aware_datetimes_kept() -> None:
    project = parse_project(ImageProject, 200, {}, body(created_at="2026-05-01T12:00:00.000Z"))
    assert project.created_at.utcoffset() == dt.timedelta(0)


def test_unknown_fields_ignored_and_kept() -> None:
    project = parse_project(ImageProject, 200, {}, body(new_field={"x": 1}))
    assert project.additional_properties == {"new_field": {"x": 1}}


def test_unknown_status_parses() -> None:
    project = parse_project(ImageProject, 200, {}, body(status="upscaling"))
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
        b'{"id": "p"}',
    ],
)
def test_malformed_bodies(raw: bytes) -> None:
    with pytest.raises(MalformedResponseError) as info:
        parse_project(ImageProject, 200, {}, raw)
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
        parse_project(ImageProject, status, {}, b'{"message": "nope"}')
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


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_id_is_url_encoded_under_the_kind_s_collection(kind: str) -> None:
    chosen = kind_named(kind)
    assert project_path("a/b?c d#e%", chosen) == f"/v1/{kind}-projects/a%2Fb%3Fc%20d%23e%25"
    read = ProjectReader(chosen.model)
    assert (
        get_request("../x", RetryState(lambda: None), lambda: None, read).path
        == f"/v1/{kind}-projects/..%2Fx"
    )
    assert delete_request("../x", RetryState(lambda: None), chosen).path == f"/v1/{kind}-projects/..%2Fx"


@pytest.mark.parametrize("bad", ["", "  ", "a\x00b", None, 5, ".", ".."])
def test_bad_ids(bad: object) -> None:
    with pytest.raises(InvalidArgumentError):
        check_project_id(bad)


@pytest.mark.parametrize("dots", [".", ".."])
def test_project_path_refuses_dot_segments(dots: str) -> None:
    with pytest.raises(InvalidArgumentError, match="dot segment"):
        project_path(dots, kind_named("video"))
    with pytest.raises(InvalidArgumentError):
        delete_request(dots, RetryState(lambda: None), kind_named("image"))


@pytest.mark.parametrize(
    ("project_id", "segment"),
    [("...", "..."), ("a/../b", "a%2F..%2Fb"), (".%2e", ".%252e"), ("./.", ".%2F.")],
)
def test_dotted_ids_are_one_segment(project_id: str, segment: str) -> None:
    path = project_path(project_id, kind_named("image"))
    url = httpx.Client(base_url="http://h").build_request("GET", path).url
    assert url.raw_path.decode() == "/v1/image-projects/" + segment


def test_bounded_timeout() -> None:
    base = httpx.Timeout(30.0, connect=10.0)
    assert bounded_timeout(base, None) is base
    assert bounded_timeout(base, 0.0).read == MIN_REQUEST_TIMEOUT == 0.5
    assert bounded_timeout(httpx.Timeout(None), 5.0).read == 5.0


def test_guard_turns_transport_errors_into_api_errors() -> None:
    request = get_request("p", RetryState(lambda: None), lambda: None, ProjectReader(ImageProject))
    with pytest.raises(APIConnectionError) as info, request.guard():
        raise httpx.ConnectError("refused http://h/x?token=SECRET")
    assert "SECRET" not in str(info.value)
    assert isinstance(info.value.__cause__, httpx.ConnectError)


def test_delete_404_counts_only_after_a_retry() -> None:
    retry = RetryState(lambda: None)
    request = delete_request("p", retry, kind_named("audio"))
    assert request.parse(204, {}, b"") is None
    with pytest.raises(NotFoundError):
        request.parse(404, {}, b"")
    retry.retries = 1
    assert request.parse(404, {}, b"") is None


GOOD_DOWNLOAD = {"url": "http://cdn/x.png?signature=SECRETSIG", "expires_at": "2026-05-02T12:00:00"}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"id": None}, "id"),
        ({"id": 5}, "id"),
        ({"status": None}, "status"),
        ({"status": 5}, "status"),
        ({"status": ["complete"]}, "status"),
        # Once complete, the outputs are needed.
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
        (
            {"downloads": [{"url": "http://cdn/x.png?signature=SECRETSIG", "expires_at": "SECRETSIG"}]},
            "downloads[0].expires_at",
        ),
        ({"downloads": [{"url": "http://cdn/x.png?signature=SECRETSIG"}]}, "downloads[0].expires_at"),
    ],
)
def test_what_the_job_needs_is_strict_and_named(overrides: dict[str, Any], field: str) -> None:
    with pytest.raises(MalformedResponseError) as info:
        parse_project(ImageProject, 200, {}, body(**overrides))
    message = str(info.value)
    assert f"'{field}'" in message
    assert "SECRETSIG" not in message


@pytest.mark.parametrize("missing", ["id", "status", "downloads"])
def test_a_missing_needed_field_is_named(missing: str) -> None:
    payload = json.loads(body())
    del payload[missing]
    with pytest.raises(MalformedResponseError, match=f"'{missing}' is missing"):
        parse_project(ImageProject, 200, {}, json.dumps(payload).encode())


@pytest.mark.parametrize(
    "overrides",
    [
        {"image_count": "x"},
        {"image_count": True},
        {"image_count": 1.5},
        {"image_count": None},
        {"enabled": "x"},
        {"enabled": 1},
        {"name": 5},
        {"type": None},
        {"total_frame_cost": "5"},
        {"total_frame_cost": None},
        {"credits_charged": None},
        {"credits_charged": "SECRETSIG"},
        {"created_at": 1700000000},
        {"created_at": "yesterday"},
        {"created_at": None},
    ],
)
def test_other_fields_of_an_unexpected_type_are_read_as_absent(
    overrides: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour_ext")
    [(name, _)] = overrides.items()

    project = parse_project(ImageProject, 200, {}, body(**overrides))

    assert isinstance(getattr(project, "type_" if name == "type" else name), Unset)
    assert project.downloads[0].url == "http://cdn/x.png?signature=s"  # the job goes on
    [record] = [r for r in caplog.records if f"'{name}'" in r.getMessage()]
    assert record.levelno == logging.DEBUG
    assert "SECRETSIG" not in record.getMessage()


@pytest.mark.parametrize(
    "missing",
    ["name", "image_count", "type", "created_at", "enabled", "total_frame_cost", "credits_charged", "error"],
)
def test_other_fields_may_be_missing(missing: str) -> None:
    payload = json.loads(body())
    del payload[missing]

    project = parse_project(ImageProject, 200, {}, json.dumps(payload).encode())

    assert str(project.status) == "complete"
    assert len(project.downloads) == 1


@pytest.mark.parametrize("downloads", [None, "x", [{"url": 5}], [1]])
def test_outputs_of_an_unfinished_project_are_not_needed(downloads: object) -> None:
    project = parse_project(ImageProject, 200, {}, body(status="rendering", downloads=downloads))
    assert isinstance(project.downloads, Unset)


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (None, None, None),
        ({}, Unset, Unset),
        ({"code": "unknown_error"}, "unknown_error", Unset),
        ({"message": "no face"}, Unset, "no face"),
        ({"message": 5, "code": "c"}, "c", Unset),
        ({"message": "m", "code": None}, Unset, "m"),
    ],
)
def test_an_error_of_any_shape_is_read(error: object, code: object, message: object) -> None:
    project = parse_project(ImageProject, 200, {}, body(status="error", downloads=[], error=error))
    if error is None:
        assert project.error is None
        return
    assert isinstance(project.error, ProjectError)
    for value, expected in ((project.error.code, code), (project.error.message, message)):
        assert isinstance(value, Unset) if expected is Unset else value == expected


@pytest.mark.parametrize("error", ["boom SECRETSIG", 5, ["x"]])
def test_an_error_that_is_not_an_object_is_read_as_absent(error: object) -> None:
    project = parse_project(ImageProject, 200, {}, body(status="error", downloads=[], error=error))
    assert isinstance(project.error, Unset)


def test_each_tolerated_field_is_logged_once_per_reader(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour_ext")
    read = ProjectReader(ImageProject)
    for _ in range(3):
        read(200, {}, body(credits_charged=None, image_count="x"))
    messages = [r.getMessage() for r in caplog.records]
    assert sum("'credits_charged'" in m for m in messages) == 1
    assert sum("'image_count'" in m for m in messages) == 1
    ProjectReader(ImageProject)(200, {}, body(credits_charged=None))
    assert sum("'credits_charged'" in r.getMessage() for r in caplog.records) == 2


def test_the_reader_follows_the_model_video() -> None:
    video = parse_project(
        VideoProject,
        200,
        {},
        body(
            fps="fast", width=512, download={"url": "http://cdn/x.mp4", "expires_at": "2026-05-02T12:00:00"}
        ),
    )
    assert isinstance(video, VideoProject)
    assert isinstance(video.fps, Unset)
    assert video.width == 512
    assert not isinstance(video.download, Unset)
    assert video.download is not None
    assert video.download.expires_at.tzinfo is dt.UTC
    broken = parse_project(VideoProject, 200, {}, body(download={"url": "http://cdn/x.mp4"}))
    assert isinstance(broken.download, Unset)  # deprecated, and not needed: never stops the job


SINGLE = {"url": "http://cdn/v/output.mp4?signature=s", "expires_at": "2026-05-02T12:00:00"}


@pytest.mark.parametrize("downloads", [[], "missing", None])
def test_a_complete_video_with_only_the_deprecated_download_has_that_output(downloads: object) -> None:
    # Before: a video whose downloads was empty had no output, and one without downloads was malformed.
    fields: dict[str, Any] = {"status": "complete", "download": SINGLE}
    if downloads != "missing":
        fields["downloads"] = downloads
    raw = json.loads(body(**fields))
    if downloads == "missing":
        del raw["downloads"]
    video = parse_project(VideoProject, 200, {}, json.dumps(raw).encode())
    assert [d.url for d in project_outputs(video)] == [SINGLE["url"]]
    assert isinstance(project_outputs(video)[0], ProjectDownload)


def test_downloads_win_over_the_deprecated_download() -> None:
    two = [{"url": f"http://cdn/v/{i}.mp4", "expires_at": "2026-05-02T12:00:00"} for i in range(2)]
    video = parse_project(VideoProject, 200, {}, body(status="complete", downloads=two, download=SINGLE))
    assert [d.url for d in project_outputs(video)] == ["http://cdn/v/0.mp4", "http://cdn/v/1.mp4"]


@pytest.mark.parametrize(
    ("model", "fields", "named"),
    [
        (VideoProject, {"downloads": [], "download": {"url": "http://cdn/x.mp4"}}, "download.expires_at"),
        (VideoProject, {"downloads": None, "download": None}, "downloads"),
        (ImageProject, {"downloads": [], "download": SINGLE}, None),  # images have no `download`
        (AudioProject, {"downloads": None, "download": SINGLE}, "downloads"),
    ],
)
def test_a_complete_project_needs_outputs_it_can_download(
    model: type[Any], fields: dict[str, Any], named: str | None
) -> None:
    raw = body(status="complete", **fields)
    if named is None:
        assert project_outputs(parse_project(model, 200, {}, raw)) == []
        return
    with pytest.raises(MalformedResponseError, match=f"the field {named!r}"):
        parse_project(model, 200, {}, raw)


def test_valid_variants_still_parse() -> None:
    project = parse_project(
        ImageProject,
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
    assert isinstance(project.error, ProjectError)
    assert project.error.code == "no_source_face"
    assert project.additional_properties == {"brand_new": {"nested": [1, 2]}}
    assert str(parse_project(ImageProject, 200, {}, body(status="upscaling")).status) == "upscaling"


def test_importing_the_package_does_not_load_the_catalog() -> None:
    """The catalog holds every tool's request schema: it is loaded when a body is first read."""
    code = "import sys, magic_hour_ext; print('generated.catalog' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
