"""Every kind of project (image, video, audio) over real sockets, sync and async (``run``, ``mode``).

The same machinery serves the three kinds: each test runs for each kind against the local server,
which serves them at their real paths with outputs of their type (PNG, MP4, WAV).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pytest

from generated.models import AudioProject, ImageProject, VideoProject
from generated.types import Unset
from magic_hour_ext import (
    KIND_DEFAULT,
    InvalidArgumentError,
    MalformedResponseError,
    NotFoundError,
    ProjectCanceledError,
    ProjectFailedError,
    UnprocessableEntityError,
    WaitTimeoutError,
    adelete_project,
    aget_project,
    check_result,
    delete_project,
    get_project,
)
from magic_hour_ext._check import prepare
from magic_hour_ext.testing import Fault, MagicHourServer, Output
from tests.magic_hour_ext._helpers import DEADLINE_SLACK, Run, api_client, files, in_mode, statuses_by_gets

pytestmark = pytest.mark.usefixtures("fast")

KINDS = ("image", "video", "audio")
MODELS = {"image": ImageProject, "video": VideoProject, "audio": AudioProject}
EXTENSIONS = {"image": "png", "video": "mp4", "audio": "wav"}


def output(kind: str) -> Output:
    """An output of *kind*, large enough to come in several chunks (a resume has work to do)."""
    if kind == "video":
        return Output.mp4(size=300 * 1024)
    if kind == "audio":
        return Output.wav()
    return Output(content=bytes(range(256)) * 1200)


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# -- waiting -----------------------------------------------------------------------------------------


def test_complete_downloads_every_output_under_its_kind_s_name(
    run: Run, server: MagicHourServer, kind: str, tmp_path: Path
) -> None:
    project = server.create_project(kind=kind, outputs=[output(kind), output(kind)])  # type: ignore[arg-type]
    seen: list[tuple[str, str]] = []
    with statuses_by_gets(server, project, ("queued", 1), ("rendering", 1)):
        result = run(
            project.id, kind=kind, on_status_change=lambda p: seen.append((type(p).__name__, str(p.status)))
        )
    ext = EXTENSIONS[kind]
    assert type(result.project) is MODELS[kind]
    assert result.status == "complete"
    assert result.downloaded_paths == [tmp_path / "out" / f"mh-{project.id}-{n}.{ext}" for n in (1, 2)]
    assert [p.read_bytes() for p in result.downloaded_paths] == [project.output_bytes(i) for i in (0, 1)]
    model = MODELS[kind].__name__
    assert seen == [(model, "queued"), (model, "rendering"), (model, "complete")]
    assert {r.path.rsplit("/", 1)[0] for r in server.api_requests(method="GET")} == {f"/v1/{kind}-projects"}


@pytest.mark.parametrize(
    ("final", "error"), [("error", ProjectFailedError), ("canceled", ProjectCanceledError)]
)
def test_the_terminal_statuses_raise_and_say_the_kind(
    run: Run, server: MagicHourServer, kind: str, final: str, error: type[Exception], tmp_path: Path
) -> None:
    project = server.create_project(kind=kind, timeline=[("rendering", 0.05), (final, None)])  # type: ignore[arg-type]
    with pytest.raises(error) as info:
        run(project.id, kind=kind)
    assert str(info.value).startswith(f"{kind} project {project.id!r} ")
    assert type(info.value.project) is MODELS[kind]  # type: ignore[attr-defined]
    assert info.value.kind == kind  # type: ignore[attr-defined]
    assert files(tmp_path / "out") is None


def test_the_deadline_says_the_kind_and_how_to_resume(run: Run, server: MagicHourServer, kind: str) -> None:
    project = server.create_project(kind=kind, timeline=[("rendering", 3600.0), ("complete", None)])  # type: ignore[arg-type]
    started = time.monotonic()
    with pytest.raises(WaitTimeoutError) as info:
        run(project.id, kind=kind, timeout=0.3)
    assert time.monotonic() - started < 0.3 + DEADLINE_SLACK
    assert info.value.kind == kind
    assert str(info.value).startswith(f"{kind} project {project.id!r} still 'rendering'")
    resume = (
        f"check_result({project.id!r})" if kind == "image" else f"check_result({project.id!r}, kind={kind!r})"
    )
    assert str(info.value).endswith(resume)
    assert type(info.value.project) is MODELS[kind]


@pytest.mark.parametrize(("kind", "seconds"), [("image", 600.0), ("video", 1800.0), ("audio", 1800.0)])
def test_a_timeout_not_given_is_the_kind_s_default_and_none_is_forever(
    server: MagicHourServer, kind: str, seconds: float
) -> None:
    def deadline(**given: Any) -> float | None:
        plan, _, _ = prepare(
            "p",
            kind=kind,
            wait_for_completion=True,
            download_outputs=False,
            download_directory=None,
            client=api_client(server),
            on_status_change=None,
            poll_interval=None,
            max_concurrent_downloads=1,
            **{"timeout": KIND_DEFAULT, **given},
        )
        return plan.timeout

    assert deadline() == seconds
    assert deadline(timeout=None) is None
    assert deadline(timeout=5.0) == 5.0


def test_an_unknown_kind_is_refused_before_any_request(server: MagicHourServer) -> None:
    with pytest.raises(InvalidArgumentError, match="kind must be 'image', 'video' or 'audio', not 'gif'"):
        check_result("p", kind="gif", client=api_client(server))  # type: ignore[call-overload]
    with pytest.raises(InvalidArgumentError):
        get_project("p", kind="images", client=api_client(server))  # type: ignore[call-overload]
    assert server.api_requests() == []


def test_a_project_asked_for_as_another_kind_is_not_found(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(kind="video")
    with pytest.raises(NotFoundError) as info:
        run(project.id)  # an image project, by default
    assert "GET image project" in str(info.value)
    assert "the id of a video or audio project" in str(info.value)


# -- downloading -------------------------------------------------------------------------------------


def test_a_cut_download_resumes_with_range(run: Run, server: MagicHourServer, kind: str) -> None:
    project = server.create_project(kind=kind, outputs=[output(kind)])  # type: ignore[arg-type]
    server.add_fault(Fault.truncate(at=0.5, route="download"))
    result = run(project.id, kind=kind)
    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    first, second = server.download_requests()
    assert first.headers.get("range") is None
    assert second.status == 206
    assert second.bytes_sent < project.output_body(0).size


def test_an_expired_url_is_refreshed_from_the_kind_s_path(
    run: Run, server: MagicHourServer, kind: str
) -> None:
    project = server.create_project(kind=kind, outputs=[output(kind)])  # type: ignore[arg-type]
    server.add_fault(Fault.expired(route="download"))
    result = run(project.id, kind=kind)
    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    gets = server.api_requests(method="GET")
    assert len(gets) == 2
    assert all(r.path.startswith(f"/v1/{kind}-projects/") for r in gets)
    assert [r.status for r in server.download_requests()] == [403, 200]


def test_a_video_with_only_the_deprecated_download_still_gets_it(
    run: Run, server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(kind="video", outputs=[Output.mp4(size=64 * 1024)])
    real_body = project.body

    def only_download() -> dict[str, Any]:  # an API that stopped filling `downloads`
        body = real_body()
        if body["status"] == "complete":
            body["download"], body["downloads"] = body["downloads"][0], []
        return body

    project.body = only_download  # type: ignore[method-assign]
    result = run(project.id, kind="video")
    assert result.downloaded_paths == [tmp_path / "out" / f"mh-{project.id}-1.mp4"]
    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)


# -- tolerant reading --------------------------------------------------------------------------------


@pytest.mark.parametrize("missing", ["total_frame_cost", "image_count", "credits_charged", "name", "fps"])
def test_a_missing_field_the_job_does_not_need_completes(
    run: Run, server: MagicHourServer, kind: str, missing: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour_ext")
    project = server.create_project(kind=kind, outputs=[output(kind)])  # type: ignore[arg-type]
    real_body = project.body
    project.body = lambda: {k: v for k, v in real_body().items() if k != missing}  # type: ignore[method-assign]
    with statuses_by_gets(server, project, ("rendering", 2)):
        result = run(project.id, kind=kind)
    assert result.status == "complete"
    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    assert isinstance(getattr(result.project, missing, Unset()), Unset)


@pytest.mark.parametrize("bad", [{"fps": "thirty", "width": None, "created_at": 5}, {"credits_charged": "x"}])
def test_a_field_of_the_wrong_type_is_logged_once_and_left_out(
    run: Run, server: MagicHourServer, kind: str, bad: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour_ext")
    project = server.create_project(kind=kind, extra_fields=bad)  # type: ignore[arg-type]
    with statuses_by_gets(server, project, ("rendering", 2)):
        result = run(project.id, kind=kind, download_outputs=False)
    known = [name for name in bad if name in type(result.project).__annotations__ or name == "created_at"]
    for name in known:
        assert sum(f"the field {name!r}" in r.getMessage() for r in caplog.records) == 1
    assert result.status == "complete"


def test_a_missing_status_is_malformed_and_named(run: Run, server: MagicHourServer, kind: str) -> None:
    project = server.create_project(kind=kind)  # type: ignore[arg-type]
    real_body = project.body
    project.body = lambda: {k: v for k, v in real_body().items() if k != "status"}  # type: ignore[method-assign]
    with pytest.raises(MalformedResponseError, match="the field 'status' is missing"):
        run(project.id, kind=kind)


def test_a_complete_project_without_an_expiry_is_malformed_and_named(
    run: Run, server: MagicHourServer, kind: str
) -> None:
    project = server.create_project(kind=kind)  # type: ignore[arg-type]
    real_body = project.body

    def no_expiry() -> dict[str, Any]:
        body = real_body()
        for item in body["downloads"]:
            del item["expires_at"]
        body.pop("download", None)
        return body

    project.body = no_expiry  # type: ignore[method-assign]
    with pytest.raises(MalformedResponseError, match="expires_at"):
        run(project.id, kind=kind)


# -- get and delete ----------------------------------------------------------------------------------


def test_get_reads_the_kind_s_model(mode: str, server: MagicHourServer, kind: str) -> None:
    project = server.create_project(kind=kind, extra_fields={"credits_charged": None})  # type: ignore[arg-type]
    got = in_mode(mode, get_project, aget_project)(project.id, kind=kind, client=api_client(server))  # type: ignore[arg-type]
    assert type(got) is MODELS[kind]
    assert (got.id, str(got.status)) == (project.id, "complete")
    assert isinstance(got.credits_charged, Unset)
    (request,) = server.api_requests()
    assert request.path == f"/v1/{kind}-projects/{project.id}"


def test_delete_deletes_at_the_kind_s_path(mode: str, server: MagicHourServer, kind: str) -> None:
    project = server.create_project(kind=kind)  # type: ignore[arg-type]
    in_mode(mode, delete_project, adelete_project)(project.id, kind=kind, client=api_client(server))  # type: ignore[arg-type]
    (request,) = server.api_requests(method=None)
    assert (request.method, request.path, request.status) == (
        "DELETE",
        f"/v1/{kind}-projects/{project.id}",
        204,
    )
    with pytest.raises(NotFoundError):
        get_project(project.id, kind=kind, client=api_client(server))  # type: ignore[call-overload]


def test_a_video_template_cannot_be_deleted(mode: str, server: MagicHourServer) -> None:
    project = server.create_project(kind="video", template=True)
    delete = in_mode(mode, delete_project, adelete_project)
    with pytest.raises(UnprocessableEntityError) as info:
        delete(project.id, kind="video", client=api_client(server))
    assert info.value.status_code == 422
    assert "DELETE video project" in str(info.value)
    assert [r.status for r in server.api_requests(method="DELETE")] == [422]  # not retried
    assert str(get_project(project.id, kind="video", client=api_client(server)).status) == "complete"
