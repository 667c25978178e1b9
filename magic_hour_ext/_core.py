"""Every decision of check_result, without I/O (sans-IO, in the style of h11).

:func:`check_flow` is a generator. It yields actions and receives their outcomes:

============================  ==========================================  =========================
action                        the driver does                             and sends back
============================  ==========================================  =========================
:class:`Fetch`                the API request, with its retries           the ImageProject
:class:`Sleep`                sleeps (``wake_on``: or until a final       None (or the WebhookEvent
                              webhook event of that project arrives)      that woke it)
:class:`Download`             downloads the outputs, concurrently         a DownloadOutcome
============================  ==========================================  =========================

A failed action is thrown into the generator (``flow.throw(error)``); its return value (the
``StopIteration`` value) is the CheckResult. :class:`Stepper` runs that protocol, so a driver is a
four-line loop around it. The sync driver (``_sync.py``) and the async one (``_async.py``) differ
only in how they sleep, send requests and stream files.

The flow:

1. GET the project at once; then, while its status is not final (``complete``, ``error``,
   ``canceled``) and *wait* is true, sleep :func:`~magic_hour_ext._schedule.poll_interval` with the
   kind's cap (or the fixed interval), shortened to the time left before the deadline, and GET
   again. Unknown statuses keep the wait going; each is logged once at WARNING. Waiting by webhook
   (``plan.webhooks``), the sleeps follow the fallback schedule and end early when a final event
   of the project arrives; the project is then fetched at once, and polled on the ordinary
   schedule restarted from the event if that GET is not final yet.
2. Past the deadline (monotonic clock), raise WaitTimeoutError with the last project seen; a
   transient failure whose retry would end after the deadline raises it at once, saying so
   (``next_retry``: e.g. a ``Retry-After`` of 30 s with 3 s left).
3. ``error`` raises ProjectFailedError, ``canceled`` ProjectCanceledError.
4. ``complete`` with *download*: the outputs are ``downloads``, or the deprecated single
   ``download`` of a video when ``downloads`` is empty (``_requests.project_outputs``). Outputs whose
   ``expires_at`` has passed, or that the download host refuses (403/410), are not downloaded: the
   project is fetched again for fresh URLs, at most ``max_url_refreshes`` times, then
   DownloadExpiredError.

The flow knows one kind of project per wait, :attr:`Plan.kind` (``_kinds.Kind``): its API path, its
model, its words and its schedule's cap come from there, and from nowhere else.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from attrs import define, field, frozen

from ._download import DownloadItem, DownloadOutcome
from ._errors import (
    APIConnectionError,
    DownloadExpiredError,
    MagicHourError,
    MalformedResponseError,
    ProjectCanceledError,
    ProjectFailedError,
    WaitTimeoutError,
)
from ._kinds import Kind, Project
from ._log import logger as log
from ._naming import output_filename
from ._redact import redact_url
from ._requests import ApiRequest, ProjectReader, get_request, project_outputs
from ._result import CheckResult
from ._retry import RetryState, is_transient
from ._schedule import fallback_interval

__all__ = [
    "TERMINAL_STATUSES",
    "Action",
    "Download",
    "Fetch",
    "Plan",
    "Sleep",
    "Stepper",
    "check_flow",
]


TERMINAL_STATUSES = frozenset({"complete", "error", "canceled"})


@frozen
class Fetch:
    """GET the project (the driver runs ``request`` with its retries)."""

    request: ApiRequest[Project]


@frozen
class Sleep:
    """Wait *seconds* before the next GET; with *wake_on*, less if a final event of that project arrives.

    The driver sends back the WebhookEvent that cut the sleep short, or None.
    """

    seconds: float
    wake_on: str | None = None


@frozen
class Download:
    """Save these outputs into *directory* (created if missing)."""

    directory: Path
    items: tuple[DownloadItem, ...]


Action = Fetch | Sleep | Download


@define(kw_only=True)
class Plan:
    """Everything check_result was asked to do, and the clocks to do it with.

    Attributes:
        project_id: The project.
        kind: Its kind (path, model, words, the schedule's cap).
        timeout: The deadline of the wait in seconds, or None (the caller resolved the kind's default).
        wait: Wait for a final status (else one GET).
        download: Download the outputs of a complete project.
        directory: Where to save them.
        fixed_interval: A fixed poll interval replacing the schedule, or None.
        on_status_change: Called with the project on the first GET and whenever the status changes.
        max_url_refreshes: How many times expired URLs are replaced by fetching the project again.
        clock: A monotonic clock (seconds).
        now: The current UTC time, for ``expires_at``.
        rng: The jitter of the schedule and of the retries.
        webhooks: The driver's sleeps can be woken by the project's final webhook event: poll on
            the fallback schedule until one arrives.
    """

    project_id: str
    kind: Kind
    timeout: float | None
    wait: bool = True
    download: bool = True
    directory: Path = field(factory=Path)
    fixed_interval: float | None = None
    on_status_change: Callable[[Any], None] | None = None
    max_url_refreshes: int = 3
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    rng: random.Random = field(factory=random.Random)
    webhooks: bool = False

    def interval(self, elapsed: float, since_event: float | None = None) -> float:
        """The wait before the next GET, *elapsed* s into the wait, *since_event* s after a final event.

        The fixed interval; or the schedule with the kind's cap (restarted from the final event,
        once one arrived); or, waiting by webhook until one does, the fallback schedule.
        """
        if self.fixed_interval is not None:
            return self.fixed_interval
        if since_event is not None:
            return self.kind.interval(since_event, self.rng)
        if self.webhooks:
            return fallback_interval(elapsed, rng=self.rng)
        return self.kind.interval(elapsed, self.rng)


class _Wait:
    """The state of one wait: the deadline, the last project, the statuses seen."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.start = plan.clock()
        self.deadline = None if plan.timeout is None else self.start + plan.timeout
        self.project: Project | None = None
        self.read = ProjectReader(plan.kind.model)  # logs each tolerated field once per wait
        self.status: str | None = None
        self.warned: set[str] = set()
        self.answered = False  # whether the API answered any request of this wait (any status)

    def time_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - self.plan.clock()

    def timed_out(
        self, next_retry: str | None = None, cause: MagicHourError | None = None
    ) -> WaitTimeoutError:
        """The deadline has passed; or, with *next_retry*, that retry would end after it."""
        return WaitTimeoutError(
            self.plan.project_id,
            self.project,
            float(self.plan.timeout or 0.0),
            next_retry=next_retry,
            elapsed=None if next_retry is None else self.plan.clock() - self.start,
            answered=self.answered,
            kind=self.plan.kind.name,
            no_response=cause.outcome() if isinstance(cause, APIConnectionError) else None,
        )

    def fetch(self, *, deadline: bool = True) -> Generator[Action, Any, Project]:
        """GET the project, with retries; a failure becomes WaitTimeoutError once past the deadline.

        Before the deadline, no response after the retries stays APIConnectionError, even when the
        retries stopped because the next one would end after the deadline: the host is down, and
        waiting longer would not tell more. A response that asks for a retry past the deadline
        (a 503, a long ``Retry-After``) raises WaitTimeoutError at once, saying so.
        """
        time_left = self.time_left if deadline else lambda: None
        retry = RetryState(time_left, self.plan.rng)
        try:
            project = yield Fetch(get_request(self.plan.project_id, retry, time_left, self.read))
        except MagicHourError as err:
            self.answered |= retry.answered or getattr(err, "status_code", None) is not None
            left = time_left()
            if is_transient(err) and left is not None and left <= 0:
                raise self.timed_out(cause=err) from err
            if is_transient(err) and retry.deadline_hit:
                if isinstance(err, APIConnectionError):
                    err.hint = err.hint or (
                        f"the next retry ({retry.refused_retry}) would have ended after the "
                        f"{self.plan.timeout:g} s deadline"
                    )
                    raise
                raise self.timed_out(retry.refused_retry, cause=err) from err
            raise
        if not isinstance(project, self.plan.kind.model):
            raise TypeError(f"a driver sent {type(project).__name__} for a Fetch")
        self.answered = True
        self.observe(project)
        return project

    def observe(self, project: Project) -> None:
        self.project = project
        status = str(project.status)
        label = self.plan.kind.label
        log.debug("GET %s %r: %s", label, self.plan.project_id, status)
        if status == self.status:
            return
        log.info("%s %r is %s", label, self.plan.project_id, status)
        if not project.status.is_known and status not in self.warned:
            self.warned.add(status)
            log.warning("%s %r has the unknown status %r; still waiting", label, self.plan.project_id, status)
        self.status = status
        if self.plan.on_status_change is not None:
            self.plan.on_status_change(project)

    def poll(self) -> Generator[Action, Any, Project]:
        project = yield from self.fetch()
        woken_at: float | None = None  # when a final webhook event cut a sleep short
        while self.plan.wait and str(project.status) not in TERMINAL_STATUSES:
            left = self.time_left()
            if left is not None and left <= 0:
                raise self.timed_out()
            now = self.plan.clock()
            pause = self.plan.interval(now - self.start, None if woken_at is None else now - woken_at)
            listen = self.plan.webhooks and woken_at is None
            event = yield Sleep(
                pause if left is None else min(pause, left), self.plan.project_id if listen else None
            )
            if event is not None and woken_at is None:
                woken_at = self.plan.clock()
                log.info(
                    "%s %r: webhook %s arrived; fetching the project",
                    self.plan.kind.label,
                    self.plan.project_id,
                    str(getattr(event, "type", "event"))[:60],
                )
            project = yield from self.fetch()
        return project

    def item(self, index: int, url: str, path: Path) -> DownloadItem:
        """Output *index* of this project, to save at *path*."""
        return DownloadItem(index, url, path, project_id=self.plan.project_id, kind=self.plan.kind.name)

    def download(self, project: Project) -> Generator[Action, Any, list[Path]]:
        outputs = project_outputs(project)
        count = len(outputs)
        directory = self.plan.directory
        paths = {
            i: directory / output_filename(self.plan.project_id, i, d.url)
            for i, d in enumerate(outputs, start=1)
        }
        saved: dict[int, Path] = {}
        pending = list(paths)
        refreshes = 0
        while pending:
            now = self.plan.now()
            expired = [i for i in pending if outputs[i - 1].expires_at <= now]
            refused = False
            if not expired:
                items = tuple(self.item(i, outputs[i - 1].url, paths[i]) for i in pending)
                outcome = yield Download(directory, items)
                if not isinstance(outcome, DownloadOutcome):
                    raise TypeError(f"a driver sent {type(outcome).__name__} for a Download")
                saved.update(outcome.saved)
                pending = [i for i in pending if i not in saved]
                expired, refused = pending, True
                if not pending:
                    break
            first = outputs[expired[0] - 1]
            if refreshes >= self.plan.max_url_refreshes:
                raise DownloadExpiredError(
                    f"output {expired[0]} still has an expired URL after {refreshes} refreshes", url=first.url
                )
            refreshes += 1
            log.warning(
                "%s: %s (%s); fetching the project again for fresh URLs, refresh %d of %d",
                self.item(expired[0], first.url, paths[expired[0]]).label,
                "the download host refused its URL (403 or 410: expired)"
                if refused
                else f"its URL expired at {first.expires_at.isoformat()}",
                redact_url(first.url),
                refreshes,
                self.plan.max_url_refreshes,
            )
            project = yield from self.fetch(deadline=False)
            outputs = project_outputs(project)
            if str(project.status) != "complete" or len(outputs) != count:
                raise MalformedResponseError(
                    200, f"the project changed while downloading (status {str(project.status)!r})"
                )
        self.project = project
        return [saved[i] for i in sorted(saved)]


def check_flow(plan: Plan) -> Generator[Action, Any, CheckResult[Any]]:
    """The whole of check_result as a generator of actions (see the module docstring).

    Example:
        >>> from magic_hour_ext._kinds import kind_named
        >>> flow = check_flow(Plan(project_id="p", kind=kind_named("video"), timeout=None))
        >>> action = next(flow)
        >>> type(action).__name__, action.request.path
        ('Fetch', '/v1/video-projects/p')
    """
    wait = _Wait(plan)
    project = yield from wait.poll()
    status = str(project.status)
    if status == "error":
        raise ProjectFailedError(project)
    if status == "canceled":
        raise ProjectCanceledError(project)
    paths: list[Path] = []
    if status == "complete" and plan.download:
        paths = yield from wait.download(project)
        project = wait.project or project
    return CheckResult(project=project, status=str(project.status), downloaded_paths=paths)


class Stepper:
    """Runs the send/throw protocol of a flow for a driver.

    A driver::

        stepper = Stepper(check_flow(plan))
        while (action := stepper.action) is not None:
            with stepper.step():
                stepper.send(perform(action))
        return stepper.result
    """

    def __init__(self, flow: Generator[Action, Any, CheckResult[Any]]) -> None:
        self._flow = flow
        self.result: CheckResult[Any] | None = None
        self.action: Action | None = self._advance(lambda: next(flow))

    def _advance(self, step: Callable[[], Action]) -> Action | None:
        try:
            return step()
        except StopIteration as stop:
            self.result = stop.value
            return None

    def send(self, outcome: object) -> None:
        """The outcome of the current action."""
        self.action = self._advance(lambda: self._flow.send(outcome))

    def fail(self, error: MagicHourError) -> None:
        """The current action failed with *error* (the flow may turn it into another error)."""
        self.action = self._advance(lambda: self._flow.throw(error))

    def step(self) -> _StepGuard:
        """A context manager around performing one action: a MagicHourError is thrown into the flow."""
        return _StepGuard(self)


class _StepGuard:
    def __init__(self, stepper: Stepper) -> None:
        self._stepper = stepper

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> bool:
        if isinstance(exc, MagicHourError):
            self._stepper.fail(exc)
            return True
        return False
