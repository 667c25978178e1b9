"""The sans-IO flow, driven by hand: fake clock, fake outcomes, no sleeping, no sockets."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from generated.models import ImageProject
from magic_hour_ext._core import Download, Fetch, Plan, Sleep, Stepper, check_flow
from magic_hour_ext._download import DownloadOutcome
from magic_hour_ext._errors import (
    APIConnectionError,
    APIError,
    DownloadExpiredError,
    MalformedResponseError,
    NotFoundError,
    ProjectCanceledError,
    ProjectFailedError,
    WaitTimeoutError,
)
from magic_hour_ext._kinds import kind_named
from magic_hour_ext._result import CheckResult
from tests.magic_hour_ext._helpers import image_project

NOW = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)
LATER = (NOW + dt.timedelta(hours=24)).isoformat()
EARLIER = (NOW - dt.timedelta(seconds=1)).isoformat()


def project(status: str, *, downloads: int = 0, expires: str = LATER, error: Any = None) -> ImageProject:
    return image_project(
        id="p",
        status=status,
        image_count=downloads,
        created_at=NOW.isoformat(),
        downloads=[
            {"url": f"http://cdn/p/{i}/output.png?signature=s{i}", "expires_at": expires}
            for i in range(downloads)
        ],
        error=error,
    )


class FakeClock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def make_plan(clock: FakeClock, **kwargs: Any) -> Plan:
    kwargs.setdefault("project_id", "p")
    kwargs.setdefault("directory", Path("out"))
    kwargs.setdefault("kind", kind_named("image"))
    kwargs.setdefault("timeout", 600.0)
    return Plan(clock=clock, now=lambda: NOW, rng=random.Random(0), **kwargs)  # noqa: S311 - test jitter


class Driver:
    """Answers the flow's actions from a script, advancing the fake clock on Sleep."""

    def __init__(self, flow: Generator[Any, Any, CheckResult], clock: FakeClock) -> None:
        self.flow = flow
        self.clock = clock
        self.actions: list[Any] = []
        self.action = next(flow)
        self.actions.append(self.action)

    def send(self, outcome: Any) -> Any:
        self.action = self.flow.send(outcome)
        self.actions.append(self.action)
        return self.action

    def throw(self, error: BaseException) -> Any:
        self.action = self.flow.throw(error)
        self.actions.append(self.action)
        return self.action

    def sleep(self) -> Any:
        assert isinstance(self.action, Sleep)
        self.clock.t += self.action.seconds
        return self.send(None)


def finish(driver: Driver, outcome: Any) -> CheckResult:
    with pytest.raises(StopIteration) as stop:
        driver.send(outcome)
    return stop.value.value  # type: ignore[no-any-return]


def test_first_get_is_immediate_and_sleeps_grow() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=None)), clock)
    assert isinstance(d.action, Fetch)
    assert d.action.request.path == "/v1/image-projects/p"
    sleeps = []
    d.send(project("queued"))
    for _ in range(20):
        assert isinstance(d.action, Sleep)
        sleeps.append(d.action.seconds)
        d.sleep()
        assert isinstance(d.action, Fetch)
        d.send(project("rendering"))
    assert sleeps[0] == 0.5
    assert sleeps[-1] > sleeps[5] > sleeps[0]
    assert max(sleeps) <= 15.0


@pytest.mark.parametrize(
    ("status", "error", "exc"),
    [
        ("error", {"code": "no_source_face", "message": "no face"}, ProjectFailedError),
        ("canceled", None, ProjectCanceledError),
    ],
)
def test_failed_and_canceled(status: str, error: Any, exc: type[Exception]) -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock)), clock)
    d.send(project("queued"))
    d.sleep()
    final = project(status, error=error)
    with pytest.raises(exc) as info:
        d.send(final)
    assert info.value.project is final  # type: ignore[attr-defined]
    if status == "error":
        assert info.value.code == "no_source_face"  # type: ignore[attr-defined]


def test_complete_downloads_every_output_in_order() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock)), clock)
    d.send(project("complete", downloads=3))
    assert isinstance(d.action, Download)
    assert d.action.directory == Path("out")
    assert [i.index for i in d.action.items] == [1, 2, 3]
    assert [i.path.name for i in d.action.items] == ["mh-p-1.png", "mh-p-2.png", "mh-p-3.png"]
    saved = {i.index: i.path for i in d.action.items}
    result = finish(d, DownloadOutcome(saved, ()))
    assert result.status == "complete"
    assert result.downloaded_paths == [Path("out/mh-p-1.png"), Path("out/mh-p-2.png"), Path("out/mh-p-3.png")]


def test_complete_without_download() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, download=False)), clock)
    result = finish(d, project("complete", downloads=2))
    assert result.downloaded_paths == []


def test_no_wait_is_one_get() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, wait=False)), clock)
    result = finish(d, project("rendering"))
    assert result.status == "rendering"
    assert len(d.actions) == 1


def test_deadline_shortens_last_sleep_then_times_out() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=3.0, fixed_interval=2.0)), clock)
    last = project("rendering")
    d.send(project("queued"))
    assert d.action.seconds == 2.0
    d.sleep()
    d.send(project("rendering"))
    assert d.action.seconds == pytest.approx(1.0)  # shortened to the time left
    d.sleep()
    with pytest.raises(WaitTimeoutError) as info:
        d.send(last)
    assert info.value.project is last
    assert info.value.timeout == 3.0
    assert clock.t - 100.0 == pytest.approx(3.0)


def test_deadline_bounds_each_request() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=10.0)), clock)
    clock.t += 7.5
    assert d.action.request.time_left() == pytest.approx(2.5)


def test_transient_error_at_deadline_becomes_timeout() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=2.0)), clock)
    d.send(project("queued"))
    d.sleep()
    assert isinstance(d.action, Fetch)
    clock.t += 2.5
    cause = APIConnectionError("refused")
    with pytest.raises(WaitTimeoutError) as info:
        d.throw(cause)
    assert info.value.__cause__ is cause


def test_transient_error_refused_by_deadline_becomes_timeout() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=2.0)), clock)
    retry = d.action.request.retry
    assert retry.backoff_hook(APIError(503, "busy", retry_after=5.0)) is False
    with pytest.raises(WaitTimeoutError):
        d.throw(APIError(503, "busy"))


def test_early_timeout_says_the_retry_would_pass_the_deadline() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=3.0)), clock)
    clock.t += 0.02
    cause = APIError(429, "slow", retry_after=30.0)
    assert d.action.request.retry.backoff_hook(cause) is False
    with pytest.raises(WaitTimeoutError) as info:
        d.throw(cause)
    err = info.value
    assert err.__cause__ is cause
    assert err.next_retry == "Retry-After 30 s, after HTTP 429"
    assert err.elapsed == pytest.approx(0.02)
    assert str(err) == (
        "image project 'p' not seen: after 0.02 s, the next retry (Retry-After 30 s, after HTTP 429)"
        " would end after the 3 s deadline; resume with check_result('p')"
    )
    assert "after 3 s;" not in str(err)


def test_timeout_after_the_deadline_keeps_the_plain_message() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=2.0)), clock)
    clock.t += 2.5
    with pytest.raises(WaitTimeoutError) as info:
        d.throw(APIError(503, "busy"))
    assert info.value.next_retry is None
    assert info.value.answered
    assert str(info.value) == "image project 'p' not seen after 2 s; resume with check_result('p')"


def test_timeout_of_an_api_that_never_answered_says_so() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=2.0)), clock)
    clock.t += 2.5
    cause = APIConnectionError("no answer within 0.5 s", url="http://h:1/v1/image-projects/p")
    with pytest.raises(WaitTimeoutError) as info:
        d.throw(cause)
    assert info.value.__cause__ is cause
    assert not info.value.answered
    assert str(info.value) == (
        "image project 'p' not seen after 2 s: the API never answered"
        " (no response from h:1: no answer within 0.5 s)"
    )


def test_no_response_before_the_deadline_stays_a_connection_error() -> None:
    # The next retry would end after the deadline, but no response ever came: the host is down.
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=2.0)), clock)
    retry = d.action.request.retry
    cause = APIConnectionError("ConnectError: refused")
    assert retry.backoff_hook(cause) == pytest.approx(0.5, abs=0.25)
    clock.t += 1.9
    assert retry.backoff_hook(cause) is False
    with pytest.raises(APIConnectionError) as info:
        d.throw(cause)
    assert info.value is cause
    assert "would have ended after the 2 s deadline" in str(cause)


@pytest.mark.parametrize(
    "error", [NotFoundError(404, "x"), APIError(503, "x"), MalformedResponseError(200, "x")]
)
def test_other_errors_pass_through(error: Exception) -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, timeout=60.0)), clock)
    with pytest.raises(type(error)) as info:
        d.throw(error)
    assert info.value is error


def test_unknown_status_waits_and_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock()
    seen: list[str] = []
    d = Driver(check_flow(make_plan(clock, on_status_change=lambda p: seen.append(str(p.status)))), clock)
    caplog.set_level(logging.DEBUG, logger="magic_hour_ext")
    for status in ["queued", "upscaling", "upscaling", "rendering", "upscaling"]:
        d.send(project(status))
        assert isinstance(d.action, Sleep)
        assert d.action.seconds >= 0.5  # never a busy loop
        d.sleep()
    finish(d, project("complete"))
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "upscaling" in warnings[0].getMessage()
    assert seen == ["queued", "upscaling", "rendering", "upscaling", "complete"]
    infos = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert len(infos) == 5
    debugs = [r for r in caplog.records if r.levelno == logging.DEBUG]
    assert len(debugs) == 6


def test_expired_urls_are_refreshed_before_downloading() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock)), clock)
    d.send(project("complete", downloads=1, expires=EARLIER))
    assert isinstance(d.action, Fetch)  # fetched again, not downloaded
    d.send(project("complete", downloads=1))
    assert isinstance(d.action, Download)
    result = finish(d, DownloadOutcome({1: d.action.items[0].path}, ()))
    assert len(result.downloaded_paths) == 1


def test_urls_refused_by_host_are_refreshed_and_bounded() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, max_url_refreshes=2)), clock)
    d.send(project("complete", downloads=2))
    d.send(DownloadOutcome({1: Path("out/mh-p-1.png")}, (2,)))
    assert isinstance(d.action, Fetch)
    d.send(project("complete", downloads=2))
    assert isinstance(d.action, Download)
    assert [i.index for i in d.action.items] == [2]  # only what is missing
    d.send(DownloadOutcome({}, (2,)))
    d.send(project("complete", downloads=2))
    with pytest.raises(DownloadExpiredError) as info:
        d.send(DownloadOutcome({}, (2,)))
    assert "signature=***" in str(info.value)
    assert "s1" not in str(info.value)


def test_project_changing_under_refresh_is_malformed() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock)), clock)
    d.send(project("complete", downloads=2, expires=EARLIER))
    with pytest.raises(MalformedResponseError):
        d.send(project("complete", downloads=1))


def test_stepper_runs_the_protocol() -> None:
    clock = FakeClock()
    stepper = Stepper(check_flow(make_plan(clock, timeout=5.0)))
    saved = {1: Path("out/mh-p-1.png"), 2: Path("out/mh-p-2.png")}
    outcomes = iter([project("queued"), None, project("complete", downloads=2), DownloadOutcome(saved, ())])
    actions = []
    while (action := stepper.action) is not None:
        actions.append(type(action).__name__)
        with stepper.step():
            stepper.send(next(outcomes))
    assert actions == ["Fetch", "Sleep", "Fetch", "Download"]
    assert stepper.result is not None
    assert stepper.result.status == "complete"
    assert stepper.result.downloaded_paths == [saved[1], saved[2]]


def test_stepper_throws_errors_into_the_flow() -> None:
    clock = FakeClock()
    stepper = Stepper(check_flow(make_plan(clock, timeout=5.0)))
    with pytest.raises(NotFoundError), stepper.step():
        raise NotFoundError(404, "gone")


def test_stepper_lets_other_exceptions_through() -> None:
    stepper = Stepper(check_flow(make_plan(FakeClock())))
    with pytest.raises(KeyboardInterrupt), stepper.step():
        raise KeyboardInterrupt
    assert stepper.action is not None


# --- waiting by webhook (plan.webhooks): sleeps a final event cuts short, slow fallback polls


EVENT = object()  # what a driver sends back for a Sleep that a final webhook event cut short


def test_webhook_sleeps_listen_for_the_project_and_follow_the_fallback_schedule() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, webhooks=True, timeout=None)), clock)
    d.send(project("rendering"))
    assert isinstance(d.action, Sleep)
    assert d.action.wake_on == "p"  # a final event of project "p" ends it
    assert 38.0 <= d.action.seconds <= 40.0
    d.sleep()
    d.send(project("rendering"))
    assert isinstance(d.action, Sleep)
    assert d.action.wake_on == "p"
    assert 38.0 <= d.action.seconds <= 40.0  # max(40 s, its age), jittered


def test_a_60_s_job_whose_event_arrives_costs_3_gets() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, webhooks=True, timeout=600.0)), clock)
    gets = 1
    d.send(project("rendering"))
    start = clock.t
    while True:
        assert isinstance(d.action, Sleep)
        until_event = start + 60.0 - clock.t
        if d.action.seconds < until_event:  # a fallback GET
            d.sleep()
            gets += 1
            d.send(project("rendering"))
            continue
        clock.t += until_event
        d.send(EVENT)  # the completed event arrives at 60 s: the project is fetched at once
        assert isinstance(d.action, Fetch)
        gets += 1
        break
    result = finish(d, project("complete"))
    assert result.status == "complete"
    assert gets == 3


def test_after_an_event_a_get_that_is_not_final_polls_quickly_without_listening() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, webhooks=True)), clock)
    d.send(project("rendering"))
    clock.t += 1.0
    d.send(EVENT)
    assert isinstance(d.action, Fetch)
    d.send(project("rendering"))  # the API does not say complete yet
    assert isinstance(d.action, Sleep)
    assert d.action.wake_on is None  # the event was had: a plain sleep
    assert d.action.seconds == 0.5  # the ordinary schedule, from the event
    d.sleep()
    d.send(project("rendering"))
    assert isinstance(d.action, Sleep)
    assert d.action.wake_on is None
    assert d.action.seconds <= 0.5
    d.sleep()
    assert finish(d, project("complete")).status == "complete"


def test_without_an_event_the_fallback_polls_end_a_canceled_wait() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, webhooks=True)), clock)
    d.send(project("rendering"))
    d.sleep()  # no event ever: canceled projects have none
    with pytest.raises(ProjectCanceledError):
        d.send(project("canceled"))


def test_a_fixed_interval_replaces_the_fallback_schedule() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, webhooks=True, fixed_interval=2.0)), clock)
    d.send(project("rendering"))
    assert d.action == Sleep(2.0, "p")


def test_the_fallback_sleep_is_shortened_to_the_deadline() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock, webhooks=True, timeout=10.0)), clock)
    d.send(project("rendering"))
    assert d.action == Sleep(10.0, "p")
    d.sleep()
    with pytest.raises(WaitTimeoutError):
        d.send(project("rendering"))


def test_without_webhooks_sleeps_listen_for_nothing() -> None:
    clock = FakeClock()
    d = Driver(check_flow(make_plan(clock)), clock)
    d.send(project("rendering"))
    assert d.action == Sleep(0.5, None)
