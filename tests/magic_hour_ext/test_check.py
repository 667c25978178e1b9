"""check_result and acheck_result over real sockets, against the local Magic Hour server.

Every test runs with the sync driver and the async one on asyncio and trio (the ``run`` and
``mode`` fixtures), so parity is checked on each behaviour. Polls are fast
(MAGIC_HOUR_POLL_INTERVAL=0.02) and retry waits are skipped by stamina's testing mode (the
``fast`` fixture), except where the wait is what is tested.
"""

from __future__ import annotations

import gzip
import itertools
import logging
import time
import zlib
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import stamina
from stamina.instrumentation import RetryDetails

from generated import AuthenticatedClient
from generated.models import ImageProject
from magic_hour_ext import (
    AuthenticationError,
    CheckResult,
    DownloadError,
    DownloadExpiredError,
    DownloadProgress,
    InvalidArgumentError,
    MagicHourError,
    MalformedResponseError,
    MissingAPIKeyError,
    NotFoundError,
    OutputExistsError,
    PaymentRequiredError,
    ProjectCanceledError,
    ProjectFailedError,
    WaitTimeoutError,
    acheck_result,
    check_result,
    redact_signed_urls_in_logs,
)
from magic_hour_ext.testing import Fault, MagicHourServer, Output, Project
from tests.magic_hour_ext._helpers import (
    DEADLINE_SLACK,
    DownloadHost,
    Run,
    api_client,
    download_client,
    files,
    statuses_by_gets,
)

pytestmark = pytest.mark.usefixtures("fast")

DATA = bytes(range(256)) * 1200  # 300 KiB, several chunks on the wire


# -- statuses ----------------------------------------------------------------------------------------


def test_complete_downloads_outputs(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(content=DATA), Output(content=b"second")])
    seen: list[str] = []
    with statuses_by_gets(server, project, ("queued", 1), ("rendering", 1)):
        result = run(project.id, on_status_change=lambda p: seen.append(str(p.status)))
    out = tmp_path / "out"
    assert result.status == "complete"
    assert result.project.id == project.id
    assert result.downloaded_paths == [out / f"mh-{project.id}-1.png", out / f"mh-{project.id}-2.png"]
    assert result.downloaded_paths[0].read_bytes() == DATA
    assert result.downloaded_paths[1].read_bytes() == b"second"
    assert seen == ["queued", "rendering", "complete"]
    assert files(out) == [f"mh-{project.id}-1.png", f"mh-{project.id}-2.png"]


def test_missing_nested_directory_is_created(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()
    result = run(project.id, download_directory=tmp_path / "a" / "b" / "c")
    assert result.downloaded_paths[0].parent == tmp_path / "a" / "b" / "c"
    assert result.downloaded_paths[0].is_file()


def test_error_status(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(
        timeline=[("queued", 0.05), ("error", None)], error=("no_source_face", "Please use a face")
    )
    with pytest.raises(ProjectFailedError) as info:
        run(project.id)
    assert (info.value.code, info.value.message) == ("no_source_face", "Please use a face")
    assert str(info.value.project.status) == "error"
    assert files(tmp_path / "out") is None  # not even created


def test_canceled_status(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(timeline=[("rendering", 0.05), ("canceled", None)])
    with pytest.raises(ProjectCanceledError) as info:
        run(project.id)
    assert info.value.project.id == project.id


def test_no_wait_is_one_get(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(timeline=[("queued", 5.0), ("complete", None)])
    result = run(project.id, wait_for_completion=False)
    assert result.status == "queued"
    assert result.downloaded_paths == []
    assert len(server.api_requests(method="GET")) == 1


def test_no_download(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()
    result = run(project.id, download_outputs=False)
    assert result.downloaded_paths == []
    assert server.download_requests() == []


def test_unknown_status_waits_and_warns_once(
    run: Run, server: MagicHourServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour_ext")
    project = server.create_project()
    with statuses_by_gets(server, project, ("upscaling", 4)):
        result = run(project.id)
    assert result.status == "complete"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "magic_hour_ext"]
    assert len(warnings) == 1  # once, although 4 GETs or more said "upscaling"
    assert "upscaling" in warnings[0].getMessage()
    gets = server.api_requests(method="GET")
    assert len(gets) >= 5
    # Each GET came a poll interval (0.02 s) or more after the one before: no busy loop.
    assert all(b.time - a.time >= 0.015 for a, b in itertools.pairwise(gets))
    assert any(r.levelno == logging.INFO and "saved output 1" in r.getMessage() for r in caplog.records)


# -- the deadline ------------------------------------------------------------------------------------


def test_deadline(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(timeline=[("queued", None)])
    start = time.monotonic()
    with pytest.raises(WaitTimeoutError) as info:
        run(project.id, timeout=0.3)
    elapsed = time.monotonic() - start
    assert 0.3 <= elapsed < 0.3 + DEADLINE_SLACK
    assert isinstance(info.value, TimeoutError)
    assert info.value.project is not None
    assert str(info.value.project.status) == "queued"
    assert project.id in str(info.value)


def test_deadline_with_the_schedule(
    run: Run, server: MagicHourServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MAGIC_HOUR_POLL_INTERVAL")
    project = server.create_project(timeline=[("queued", None)])
    start = time.monotonic()
    with pytest.raises(WaitTimeoutError):
        run(project.id, timeout=1.2)
    assert time.monotonic() - start < 1.2 + DEADLINE_SLACK
    assert len(server.api_requests(method="GET")) <= 4  # 0 s, 0.5 s, 1.0 s, the deadline


def test_retries_stay_within_the_deadline(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(timeline=[("queued", None)])
    server.add_fault(Fault.status(503, route="get", times=None))
    start = time.monotonic()
    with stamina.set_testing(False), pytest.raises(WaitTimeoutError) as info:
        run(project.id, timeout=1.0)
    assert time.monotonic() - start < 1.0 + DEADLINE_SLACK
    assert info.value.project is None
    assert isinstance(info.value.__cause__, Exception)


# -- retries -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [408, 429, 499, 500, 502, 503, 504, 520])
def test_retried_codes(run: Run, server: MagicHourServer, code: int, retries: list[RetryDetails]) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(code, route="get", times=2))
    result = run(project.id)
    assert result.status == "complete"
    assert [r.status for r in server.api_requests(method="GET")] == [code, code, 200]
    assert len(retries) == 2


@pytest.mark.parametrize("fault", [Fault.close(route="get"), Fault.slow(1.0, route="get")])
def test_dropped_and_slow_requests_are_retried(run: Run, server: MagicHourServer, fault: Fault) -> None:
    project = server.create_project()
    server.add_fault(fault)
    result = run(project.id, client=api_client(server, timeout=httpx.Timeout(0.3)))
    assert result.status == "complete"
    assert len(server.api_requests(method="GET")) == 2


def test_attempts_are_bounded(run: Run, server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(503, route="get", times=None))
    with pytest.raises(Exception) as info:  # noqa: PT011 - the type is checked below
        run(project.id)
    assert type(info.value).__name__ == "APIError"
    assert info.value.status_code == 503  # type: ignore[attr-defined]
    assert len(server.api_requests(method="GET")) == 6


@pytest.mark.parametrize(("retry_after", "minimum"), [("1", 0.95), ("http-date", 1.0)])
def test_retry_after_is_honoured(run: Run, server: MagicHourServer, retry_after: str, minimum: float) -> None:
    project = server.create_project()
    server.add_fault(Fault.rate_limit(retry_after=retry_after, seconds=2.0, route="get"))
    with stamina.set_testing(False):
        result = run(project.id)
    gets = server.api_requests(method="GET")
    assert result.status == "complete"
    assert [r.status for r in gets] == [429, 200]
    assert minimum <= gets[1].time - gets[0].time < 3.5  # what it asked for, not much more


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.status(402, route="get"), PaymentRequiredError),
        (Fault.status(404, route="get"), NotFoundError),
        (Fault.bad_json(route="get"), MalformedResponseError),
        (Fault.truncated_json(route="get"), MalformedResponseError),
    ],
)
def test_final_errors_are_not_retried(
    run: Run, server: MagicHourServer, fault: Fault, error: type[Exception]
) -> None:
    project = server.create_project()
    server.add_fault(fault)
    with pytest.raises(error):
        run(project.id)
    assert len(server.api_requests(method="GET")) == 1


def test_unknown_project_is_404(run: Run, server: MagicHourServer) -> None:
    with pytest.raises(NotFoundError) as info:
        run("no-such-project")
    assert info.value.status_code == 404


def test_wrong_token_is_401(run: Run, server: MagicHourServer) -> None:
    project = server.create_project()
    with pytest.raises(AuthenticationError) as info:
        run(project.id, client=AuthenticatedClient(base_url=server.base_url, token="wrong-secret-token"))
    assert "wrong-secret-token" not in str(info.value)
    assert "wrong-secret-token" not in repr(info.value)
    assert len(server.api_requests()) == 1


# -- ids and file names ------------------------------------------------------------------------------


def test_id_with_slash_and_question_mark(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(id="a/b?c d#e")
    result = run(project.id)
    assert result.status == "complete"
    assert server.api_requests()[0].path == "/v1/image-projects/a%2Fb%3Fc%20d%23e"
    name = result.downloaded_paths[0].name
    assert name.startswith("mh-a_b_c_d_e.")
    assert name.endswith("-1.png")


def test_hostile_and_duplicate_names(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    names = ["%2F..%2Fx.png", "..", "a" * 300 + ".png", "output.png", "output.png", "..%5C..%5Cwin.png"]
    project = server.create_project(outputs=[Output(content=n.encode(), name=n) for n in names])
    result = run(project.id)
    out = (tmp_path / "out").resolve()
    assert len(set(result.downloaded_paths)) == len(names)
    for path, name in zip(result.downloaded_paths, names, strict=True):
        assert path.resolve().parent == out
        assert path.read_bytes() == name.encode()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == files(tmp_path / "out")


def test_existing_file_is_not_overwritten(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(content=b"new")])
    target = tmp_path / "out" / f"mh-{project.id}-1.png"
    target.parent.mkdir()
    target.write_bytes(b"mine")
    with pytest.raises(OutputExistsError):
        run(project.id)
    assert target.read_bytes() == b"mine"
    assert files(tmp_path / "out") == [target.name]
    run(project.id, overwrite=True)
    assert target.read_bytes() == b"new"


# -- downloads ---------------------------------------------------------------------------------------


def test_truncated_download_resumes_with_range(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(content=DATA)])
    server.add_fault(Fault.truncate(at=0.5, route="download"))
    result = run(project.id)
    assert result.downloaded_paths[0].read_bytes() == DATA
    first, second = server.download_requests()
    assert first.headers.get("range") is None
    assert second.headers.get("range", "").startswith("bytes=")
    assert second.status == 206
    assert int(second.headers["range"][6:-1]) > 0


def test_truncated_download_restarts_when_range_is_ignored(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(content=DATA)])
    server.add_fault(Fault.truncate(at=0.5, route="download"))
    server.add_fault(Fault.ignore_range(route="download"))
    result = run(project.id)
    assert result.downloaded_paths[0].read_bytes() == DATA
    assert [r.status for r in server.download_requests()][-1] == 200


def test_a_failed_download_keeps_its_partial_file_and_the_next_run_resumes_it(
    run: Run, server: MagicHourServer, tmp_path: Path
) -> None:
    # Before: the partial file was removed on any failure, and the next run fetched it all again.
    project = server.create_project(outputs=[Output(content=DATA)])
    server.add_fault(Fault.truncate(at=0.5, route="download", times=None))
    with pytest.raises(DownloadError) as info:
        run(project.id)
    assert "signature=***" in str(info.value)
    out = tmp_path / "out"
    name = f"mh-{project.id}-1.png"
    assert files(out) == [f".{name}.partial", f".{name}.partial.json"]  # never under the final name
    held = (out / f".{name}.partial").stat().st_size
    assert 0 < held < len(DATA)
    server.clear_faults()
    server.clear_requests()

    result = run(project.id)

    assert [p.read_bytes() for p in result.downloaded_paths] == [DATA]
    (first,) = server.download_requests()
    assert first.headers["range"] == f"bytes={held}-"
    assert first.headers["if-range"].startswith('"')  # the ETag the host gave the first run
    assert (first.status, first.bytes_sent) == (206, len(DATA) - held)
    assert files(out) == [name]


def interrupted_download(run: Run, server: MagicHourServer) -> Project:
    """A project of one output (DATA) whose download failed half-way; the server is clean again."""
    project = server.create_project(outputs=[Output(content=DATA)])
    server.add_fault(Fault.truncate(at=0.5, route="download", times=None))
    with pytest.raises(DownloadError):
        run(project.id)
    server.clear_faults()
    server.clear_requests()
    return project


def test_an_output_that_changed_between_runs_is_downloaded_again_whole(
    run: Run, server: MagicHourServer, tmp_path: Path
) -> None:
    project = interrupted_download(run, server)
    changed = bytes(reversed(DATA))
    project.replace_output(0, Output(content=changed))  # a new ETag and Last-Modified

    result = run(project.id)

    assert result.downloaded_paths[0].read_bytes() == changed
    (only,) = server.download_requests()
    assert only.headers["range"].startswith("bytes=")  # it asked to resume ...
    assert (only.status, only.bytes_sent) == (200, len(changed))  # ... and got the new file whole
    assert files(tmp_path / "out") == [f"mh-{project.id}-1.png"]


def test_overwrite_removes_the_partial_file_and_downloads_everything(
    run: Run, server: MagicHourServer, tmp_path: Path
) -> None:
    project = interrupted_download(run, server)

    result = run(project.id, overwrite=True)

    assert result.downloaded_paths[0].read_bytes() == DATA
    (only,) = server.download_requests()
    assert "range" not in only.headers
    assert files(tmp_path / "out") == [f"mh-{project.id}-1.png"]


def test_download_error_statuses(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(404, route="download"))
    with pytest.raises(DownloadError, match="404"):
        run(project.id)
    assert files(tmp_path / "out") == []


def test_redirects_are_followed(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(content=DATA)])
    server.add_fault(Fault.redirect(route="download"))
    result = run(project.id)
    assert result.downloaded_paths[0].read_bytes() == DATA
    assert [r.status for r in server.download_requests()] == [302, 200]


def test_expired_url_at_the_host_is_refreshed(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(content=b"fresh")])
    server.add_fault(Fault.expired(route="download"))
    result = run(project.id)
    assert result.downloaded_paths[0].read_bytes() == b"fresh"
    assert len(server.api_requests(method="GET")) == 2
    assert [r.status for r in server.download_requests()] == [403, 200]


def test_expired_url_is_never_downloaded(run: Run, server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(url_ttl=0)
    with pytest.raises(DownloadExpiredError) as info:
        run(project.id)
    assert server.download_requests() == []
    assert len(server.api_requests(method="GET")) == 4  # the first GET and 3 refreshes
    assert "signature=***" in str(info.value)
    assert files(tmp_path / "out") is None  # no download started: not even the folder


@pytest.mark.parametrize(("outputs", "limit"), [(6, 2), (4, 4)])
def test_downloads_run_concurrently_up_to_the_limit(
    run: Run, server: MagicHourServer, outputs: int, limit: int
) -> None:
    # Each download's answer is held 0.5 s: downloads overlap only when they really run at once,
    # so the peak of download connections is the limit exactly (not merely at most the limit).
    project = server.create_project(outputs=[Output(content=DATA) for _ in range(outputs)])
    server.add_fault(Fault.slow(0.5, route="download", times=None))
    progress: list[DownloadProgress] = []
    result = run(project.id, max_concurrent_downloads=limit, on_download_progress=progress.append)
    assert [p.read_bytes() for p in result.downloaded_paths] == [DATA] * outputs
    assert server.peak_download_connections == limit
    finals = {p.index: p.bytes_done for p in progress if p.bytes_done == p.bytes_total}
    assert finals == dict.fromkeys(range(1, outputs + 1), len(DATA))


def test_one_api_connection_for_the_whole_wait(run: Run, server: MagicHourServer) -> None:
    project = server.create_project()
    with statuses_by_gets(server, project, ("queued", 3)):
        run(project.id)
    gets = server.api_requests(method="GET")
    assert len(gets) >= 4
    assert len({r.connection_id for r in gets}) == 1


# -- security ----------------------------------------------------------------------------------------


def test_download_host_never_gets_the_token(run: Run, server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(), Output()])
    server.add_fault(Fault.redirect(route="download"))
    run(project.id)
    assert server.download_requests()
    assert all("authorization" not in r.headers for r in server.download_requests())
    assert all(r.headers["authorization"] == f"Bearer {server.token}" for r in server.api_requests())


@pytest.mark.parametrize(
    ("kwargs", "what"),
    [
        ({"headers": {"Authorization": "Bearer x"}}, "Authorization"),
        ({"auth": ("user", "s3cret")}, "auth"),
        ({"auth": httpx.BasicAuth("user", "s3cret")}, "auth"),
        ({"cookies": {"session": "s3cret"}}, "cookies"),
    ],
)
def test_a_download_client_with_credentials_is_refused(
    run: Run, mode: str, server: MagicHourServer, kwargs: dict[str, Any], what: str
) -> None:
    project = server.create_project()
    with pytest.raises(InvalidArgumentError, match=what) as info:
        run(project.id, download_client=download_client(mode, **kwargs))
    assert "s3cret" not in str(info.value)
    assert server.requests == []  # refused before any request


def test_credentials_added_to_the_download_client_later_are_not_sent(
    run: Run, mode: str, server: MagicHourServer
) -> None:
    project = server.create_project(timeline=[("rendering", 0.05), ("complete", None)])
    server.add_fault(Fault.redirect(route="download"))
    downloads = download_client(mode)

    def add_auth(_: ImageProject) -> None:  # after the check, before the downloads
        downloads.auth = ("user", "s3cret")

    result = run(project.id, download_client=downloads, on_status_change=add_auth)
    assert result.downloaded_paths
    assert [r.status for r in server.download_requests()] == [302, 200]
    assert all("authorization" not in r.headers for r in server.download_requests())


def test_the_default_download_client_keeps_no_cookies(
    run: Run, server: MagicHourServer, download_host: DownloadHost
) -> None:
    cookie_and_redirect = [("Set-Cookie", "session=s3cret; Path=/"), ("Location", "/b.png")]
    download_host.answer("/a.png", status=302, headers=cookie_and_redirect)
    download_host.answer("/b.png", body=b"image")
    project = server.create_project(extra_fields={"downloads": download_host.downloads("/a.png", "/a.png")})
    result = run(project.id, max_concurrent_downloads=1)
    assert [p.read_bytes() for p in result.downloaded_paths] == [b"image", b"image"]
    assert [s.path.split("?")[0] for s in download_host.seen] == ["/a.png", "/b.png", "/a.png", "/b.png"]
    assert all("cookie" not in s.headers for s in download_host.seen)


def test_no_secret_in_logs_or_errors(
    run: Run, server: MagicHourServer, caplog: pytest.LogCaptureFixture
) -> None:
    redact_signed_urls_in_logs()  # caplog shows httpx's and httpcore's records too
    caplog.set_level(logging.DEBUG)
    project = server.create_project(timeline=[("queued", 0.05), ("complete", None)])
    server.add_fault(Fault.status(503, route="get"))
    server.add_fault(Fault.expired(route="download"))
    server.add_fault(Fault.truncate(at=0.5, route="download"))
    run(project.id)
    broken = server.create_project(outputs=[Output(content=DATA)])
    server.add_fault(Fault.truncate(at=0.5, route="download", times=None))
    with pytest.raises(DownloadError) as info:
        run(broken.id)
    signatures = [r.query.split("signature=")[1] for r in server.download_requests()]
    assert signatures
    text = caplog.text + str(info.value) + repr(info.value) + repr(api_client(server))
    assert server.token not in text
    for signature in signatures:
        assert signature not in text
    assert "signature=***" in caplog.text


def test_missing_api_key(run: Run, server: MagicHourServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAGIC_HOUR_API_KEY", raising=False)
    with pytest.raises(MissingAPIKeyError, match="MAGIC_HOUR_API_KEY"):
        run("p", client=None)


def test_client_from_environment(run: Run, server: MagicHourServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", server.token)
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", server.base_url)
    project = server.create_project()
    assert run(project.id, client=None).status == "complete"


@pytest.mark.parametrize(
    "kwargs",
    [{"timeout": -1}, {"poll_interval": 0}, {"max_concurrent_downloads": 0}, {"client": "x"}],
)
def test_bad_arguments(run: Run, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError):
        run("p", **kwargs)


@pytest.mark.parametrize("project_id", ["", "a\x00b"])
def test_bad_ids(run: Run, project_id: str) -> None:
    with pytest.raises(InvalidArgumentError):
        run(project_id)


# -- interruption ------------------------------------------------------------------------------------


def test_keyboard_interrupt_keeps_the_partial_file_for_the_next_run(
    server: MagicHourServer, tmp_path: Path
) -> None:
    project = server.create_project(outputs=[Output(size=8 << 20)])

    def interrupt(progress: DownloadProgress) -> None:
        if progress.bytes_done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check_result(
            project.id, client=api_client(server), download_directory=tmp_path, on_download_progress=interrupt
        )
    name = f"mh-{project.id}-1.png"
    assert files(tmp_path) == [f".{name}.partial", f".{name}.partial.json"]
    held = (tmp_path / f".{name}.partial").stat().st_size
    result = check_result(project.id, client=api_client(server), download_directory=tmp_path)
    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    assert server.download_requests()[-1].headers["range"] == f"bytes={held}-"
    assert files(tmp_path) == [name]


def test_keyboard_interrupt_stops_concurrent_downloads(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(size=8 << 20) for _ in range(3)])

    def interrupt(progress: DownloadProgress) -> None:
        if progress.index == 2 and progress.bytes_done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check_result(
            project.id, client=api_client(server), download_directory=tmp_path, on_download_progress=interrupt
        )
    assert not any(name.endswith(".part") for name in files(tmp_path) or [])


@pytest.mark.anyio
async def test_cancellation_keeps_the_partial_files(server: MagicHourServer, tmp_path: Path) -> None:
    project = server.create_project(outputs=[Output(size=8 << 20), Output(size=8 << 20)])
    with anyio.CancelScope() as scope:

        def cancel(progress: DownloadProgress) -> None:
            if progress.bytes_done > 0:
                scope.cancel()

        await acheck_result(
            project.id, client=api_client(server), download_directory=tmp_path, on_download_progress=cancel
        )
    assert scope.cancelled_caught
    left = files(tmp_path) or []
    assert not [name for name in left if not name.startswith(".")]  # no output under its final name
    assert any(name.endswith(".partial") for name in left)  # what arrived is kept for the next run


@pytest.mark.anyio
async def test_many_concurrent_waits_share_the_pool(server: MagicHourServer, tmp_path: Path) -> None:
    projects = [server.create_project(timeline=[("queued", 0.1), ("complete", None)]) for _ in range(40)]
    client = api_client(server, httpx_args={"limits": httpx.Limits(max_connections=4)})
    results: list[CheckResult] = []

    async def wait(project_id: str, downloads: httpx.AsyncClient) -> None:
        results.append(
            await acheck_result(
                project_id, client=client, download_directory=tmp_path, download_client=downloads
            )
        )

    limits = httpx.Limits(max_connections=3)
    async with httpx.AsyncClient(limits=limits) as downloads, anyio.create_task_group() as group:
        for project in projects:
            group.start_soon(wait, project.id, downloads)

    assert [r.status for r in results] == ["complete"] * 40
    assert len(files(tmp_path) or []) == 40
    assert server.peak_connections <= 4
    assert server.peak_download_connections <= 3


@pytest.mark.parametrize("token", ["s3cret\nX-Evil: 1", "s3crét-token"])
def test_a_token_http_cannot_carry_fails_fast_and_never_shows(
    run: Run, server: MagicHourServer, token: str, retries: list[RetryDetails]
) -> None:
    project = server.create_project()
    with pytest.raises(MagicHourError) as info:
        run(project.id, client=AuthenticatedClient(base_url=server.base_url, token=token))
    assert retries == [], "not retried: it can never succeed"
    text = f"{info.value!s} {info.value!r}"
    assert "s3cr" not in text
    assert info.value.__cause__ is None
    assert server.api_requests() == []


def test_a_header_http_cannot_carry_is_not_retried_nor_quoted(
    run: Run, server: MagicHourServer, retries: list[RetryDetails]
) -> None:
    project = server.create_project()
    client = api_client(server, headers={"X-Trace": "s3cret\nX-Evil: 1"})
    with pytest.raises(MagicHourError, match="could not be sent") as info:
        run(project.id, client=client)
    assert retries == []
    assert "s3cret" not in f"{info.value!s} {info.value!r}"


# -- encoded bodies ----------------------------------------------------------------------------------

IMAGE = bytes(range(256)) * 400  # 100 KiB that compress well


def encode(coding: str, data: bytes) -> bytes:
    if coding == "gzip":
        return gzip.compress(data)
    return zlib.compress(data)  # "deflate" is the zlib format


def encoded_project(server: MagicHourServer, download_host: DownloadHost, *answers: dict[str, Any]) -> str:
    for answer in answers:
        download_host.answer("/a.png", **answer)
    return server.create_project(extra_fields={"downloads": download_host.downloads("/a.png")}).id


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_an_encoded_body_is_saved_decoded(
    run: Run, server: MagicHourServer, download_host: DownloadHost, coding: str
) -> None:
    body = encode(coding, IMAGE)
    project_id = encoded_project(
        server, download_host, {"headers": [("Content-Encoding", coding)], "body": body}
    )
    progress: list[DownloadProgress] = []
    result = run(project_id, on_download_progress=progress.append)
    assert result.downloaded_paths[0].read_bytes() == IMAGE
    assert download_host.seen[0].headers["accept-encoding"] == "identity"  # asked for, not given
    assert len(body) < len(IMAGE) == progress[-1].bytes_done
    assert progress[-1].bytes_total is None  # Content-Length counts encoded bytes


def test_an_encoded_body_cut_short_is_downloaded_again_from_the_start(
    run: Run, server: MagicHourServer, download_host: DownloadHost
) -> None:
    body = gzip.compress(IMAGE)
    headers = [("Content-Encoding", "gzip")]
    project_id = encoded_project(
        server,
        download_host,
        {"headers": headers, "body": body, "send": len(body) // 2},
        {"headers": headers, "body": body},
    )
    result = run(project_id)
    assert result.downloaded_paths[0].read_bytes() == IMAGE
    assert len(download_host.seen) == 2
    assert "range" not in download_host.seen[1].headers  # no resuming an encoded body


@pytest.mark.parametrize(
    ("headers", "body", "message"),
    [
        ([("Content-Encoding", "x-squash")], b"squashed", "'x-squash', which cannot be decoded"),
        ([("Content-Encoding", "gzip")], b"this is not gzip", "cannot be decoded"),
    ],
)
def test_a_body_that_cannot_be_decoded_is_a_clear_download_error(
    run: Run,
    server: MagicHourServer,
    download_host: DownloadHost,
    tmp_path: Path,
    headers: list[tuple[str, str]],
    body: bytes,
    message: str,
) -> None:
    project_id = encoded_project(server, download_host, {"headers": headers, "body": body})
    with pytest.raises(DownloadError, match=message) as info:
        run(project_id)
    assert info.value.path == tmp_path / "out" / f"mh-{project_id}-1.png"
    assert len(download_host.seen) == 1  # not retried: it cannot get better
    assert files(tmp_path / "out") == []


def test_an_existing_output_is_downloaded_again_when_encoded_then_kept(
    run: Run, server: MagicHourServer, download_host: DownloadHost, tmp_path: Path
) -> None:
    answer = {"headers": [("Content-Encoding", "gzip")], "body": gzip.compress(IMAGE)}
    project_id = encoded_project(server, download_host, answer)
    [path] = run(project_id).downloaded_paths
    inode = path.stat().st_ino
    progress: list[DownloadProgress] = []
    assert run(project_id, on_download_progress=progress.append).downloaded_paths == [path]
    assert len(download_host.seen) == 2
    # The size could not be compared before downloading: the body came again (decoded bytes were
    # counted), then the file, of the size decoded, was taken for the output and kept.
    assert [p.bytes_total for p in progress[:-1]] == [None] * (len(progress) - 1)
    assert len(progress) >= 2
    assert progress[-1].bytes_done == progress[-1].bytes_total == len(IMAGE)
    assert path.stat().st_ino == inode
    assert path.read_bytes() == IMAGE
    path.write_bytes(b"another file")
    with pytest.raises(OutputExistsError, match="holds 12 bytes"):
        run(project_id)
    assert path.read_bytes() == b"another file"
    assert files(tmp_path / "out") == [path.name]
