"""check_result(..., webhooks=waiter), sync and async (asyncio, trio), against the local server.

Deliveries are signed here with hmac (the sign_webhook fixture), as Magic Hour signs them, and
handed to the waiter from another thread, as an HTTP handler would. Counts of GETs, not clocks:
the only timing bounds are generous (a fallback poll is 40 s away; the tests' deadline is 20 s,
so a wait that misses its event fails with WaitTimeoutError instead of passing slowly).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from magic_hour_ext import (
    InvalidArgumentError,
    ProjectCanceledError,
    ProjectFailedError,
    acheck_result,
    check_result,
)
from magic_hour_ext.testing import Fault, MagicHourServer, Project
from magic_hour_ext.webhooks import WebhookWaiter
from tests.conftest import TOKEN
from tests.magic_hour_ext._helpers import Run, WebhookReceiver, api_client, files, in_mode, wait_until

Sign = Callable[..., tuple[bytes, dict[str, str]]]

TIMEOUT = 20.0  # far below the 40 s of the first fallback poll: a missed event times out


@pytest.fixture
def waiter(webhook_secret: str) -> WebhookWaiter:
    return WebhookWaiter(secret=webhook_secret)


class Sender:
    """Plays Magic Hour's webhook sender: delivers a project's final event once its status is final."""

    def __init__(self, waiter: WebhookWaiter, sign: Sign) -> None:
        self.waiter = waiter
        self.sign = sign
        self.delivered_at: list[float] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def deliver(self, event_type: str, payload: dict[str, Any], times: int = 1) -> None:
        body, headers = self.sign(event_type, payload)
        for _ in range(times):
            self.delivered_at.append(time.monotonic())
            self.waiter.deliver(body, headers)

    def when_final(self, project: Project, times: int = 1, payload: dict[str, Any] | None = None) -> None:
        """On another thread: once *project* is final, deliver its event (*times* times)."""

        def watch() -> None:
            while project.status not in ("complete", "error") and not self._stop.wait(0.005):
                pass
            if self._stop.is_set():
                return
            body = project.body()
            kind_event = "completed" if body["status"] == "complete" else "errored"
            self.deliver(f"{project.kind}.{kind_event}", payload or body, times)

        thread = threading.Thread(target=watch, name="webhook-sender", daemon=True)
        thread.start()
        self._threads.append(thread)

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)


@pytest.fixture
def sender(waiter: WebhookWaiter, sign_webhook: Sign) -> Iterator[Sender]:
    sender = Sender(waiter, sign_webhook)
    yield sender
    sender.close()


def gets(server: MagicHourServer, project: Project) -> list[float]:
    """When each GET of *project* reached the server (monotonic clock)."""
    return [r.time for r in server.api_requests(project_id=project.id)]


def noticed_after(server: MagicHourServer, project: Project, sender: Sender) -> float:
    """Seconds from the first delivery to the GET it woke (the second GET)."""
    wait_until(lambda: bool(sender.delivered_at), what="the delivery")
    return gets(server, project)[1] - sender.delivered_at[0]


def test_the_final_event_ends_the_wait_then_one_get_fetches_fresh_urls(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender, tmp_path: Path
) -> None:
    project = server.create_project(timeline=[("queued", 0.3), ("rendering", 0.7), ("complete", None)])
    sender.when_final(project)

    result = run(project.id, webhooks=waiter, timeout=TIMEOUT)

    assert result.status == "complete"
    assert files(tmp_path / "out") == [f"mh-{project.id}-1.png"]
    times = gets(server, project)
    assert len(times) == 2  # the first GET, and the one the event woke: no polling in between
    assert noticed_after(server, project, sender) < 2.0  # at once (generous: a loaded machine)


def test_duplicate_deliveries_cost_nothing_more(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender
) -> None:
    project = server.create_project(timeline=[("rendering", 0.5), ("complete", None)])
    sender.when_final(project, times=3)

    result = run(project.id, webhooks=waiter, timeout=TIMEOUT, download_outputs=False)

    assert result.status == "complete"
    assert len(gets(server, project)) == 2
    assert noticed_after(server, project, sender) < 2.0
    wait_until(lambda: len(sender.delivered_at) == 3, what="the three deliveries")
    assert len(gets(server, project)) == 2  # the duplicates after the wait woke nothing


def test_a_late_completed_with_expired_urls_downloads_from_the_fresh_get(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender, tmp_path: Path
) -> None:
    project = server.create_project(timeline=[("rendering", 0.5), ("complete", None)])
    expired = [
        {"url": url, "expires_at": "2020-01-01T00:00:00.000Z"} for url in project.download_urls(ttl=-60)
    ]
    stale = {**project.body(), "status": "complete", "downloads": expired}
    sender.when_final(project, payload=stale)

    result = run(project.id, webhooks=waiter, timeout=TIMEOUT)

    assert files(tmp_path / "out") == [f"mh-{project.id}-1.png"]
    assert noticed_after(server, project, sender) < 2.0
    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    expired_queries = {urlsplit(d["url"]).query for d in expired}
    downloads = server.download_requests(project_id=project.id)
    assert downloads
    assert all(r.status in (200, 206) and r.query not in expired_queries for r in downloads)


def test_a_lost_delivery_falls_back_to_polling(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter
) -> None:
    project = server.create_project(timeline=[("rendering", 0.5), ("complete", None)])

    # No delivery ever; poll_interval replaces the fallback schedule (40 s) to keep the test short.
    result = run(project.id, webhooks=waiter, timeout=TIMEOUT, poll_interval=0.1, download_outputs=False)

    assert result.status == "complete"
    assert (
        len(gets(server, project)) >= 3
    )  # polled: the first GET, then more than the one an event would cost


def test_a_canceled_project_has_no_event_and_polling_ends_the_wait(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter
) -> None:
    project = server.create_project(timeline=[("rendering", 0.4), ("canceled", None)])

    started = time.monotonic()
    with pytest.raises(ProjectCanceledError):
        run(project.id, webhooks=waiter, timeout=TIMEOUT, poll_interval=0.1)
    assert time.monotonic() - started < TIMEOUT


def test_an_event_before_the_api_shows_it_final_polls_quickly(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender
) -> None:
    project = server.create_project(timeline=[("rendering", 1.5), ("complete", None)])
    # The event arrives before the wait starts, and before the API shows the project complete.
    sender.deliver("image.completed", {**project.body(), "status": "complete"})

    started = time.monotonic()
    result = run(project.id, webhooks=waiter, timeout=TIMEOUT, download_outputs=False)

    assert result.status == "complete"
    assert time.monotonic() - started < TIMEOUT / 2  # the ordinary schedule from the event, not 40 s
    assert len(gets(server, project)) >= 3


def test_an_errored_event_ends_the_wait_with_the_failure(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender
) -> None:
    project = server.create_project(
        timeline=[("rendering", 0.5), ("error", None)], error=("no_source_face", "no face")
    )
    sender.when_final(project)

    with pytest.raises(ProjectFailedError) as info:
        run(project.id, webhooks=waiter, timeout=TIMEOUT)
    assert info.value.code == "no_source_face"
    assert len(gets(server, project)) == 2
    assert noticed_after(server, project, sender) < 2.0


def test_an_event_of_another_project_wakes_nothing(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender
) -> None:
    other = server.create_project(timeline=[("rendering", 0.2), ("complete", None)])
    project = server.create_project(timeline=[("rendering", 1.0), ("canceled", None)])
    sender.when_final(other)

    with pytest.raises(ProjectCanceledError):
        run(project.id, webhooks=waiter, timeout=TIMEOUT, poll_interval=2.0)
    assert len(gets(server, project)) == 2  # the first GET, then one after the 2 s fixed interval


def test_webhooks_must_be_a_waiter(run: Run, server: MagicHourServer) -> None:
    project = server.create_project()
    with pytest.raises(InvalidArgumentError, match="WebhookWaiter"):
        run(project.id, webhooks=object())
    assert server.api_requests(project_id=project.id) == []


# --- end to end: the local server delivers its webhooks to a receiver that feeds the waiter


@pytest.fixture
def delivering(
    waiter: WebhookWaiter, webhook_secret: str
) -> Iterator[tuple[MagicHourServer, WebhookReceiver]]:
    """A local server that POSTs its webhooks to a receiver whose handler calls ``waiter.deliver``."""
    with (
        WebhookReceiver(on_delivery=waiter.deliver) as receiver,
        MagicHourServer(
            TOKEN, webhook_url=receiver.url, webhook_secret=webhook_secret, webhook_retry_delays=(0.05, 0.1)
        ) as server,
    ):
        yield server, receiver


@pytest.mark.parametrize(
    "fault", [None, Fault.duplicate(event="completed"), Fault.out_of_order(event="started")], ids=str
)
def test_end_to_end_the_server_delivers_and_the_wait_wakes(
    mode: str,
    delivering: tuple[MagicHourServer, WebhookReceiver],
    waiter: WebhookWaiter,
    tmp_path: Path,
    fault: Fault | None,
) -> None:
    server, receiver = delivering
    if fault is not None:
        server.add_fault(fault)
    project = server.create_project(timeline=[("queued", 0.2), ("rendering", 0.6), ("complete", None)])

    check = in_mode(mode, check_result, acheck_result)
    result = check(
        project.id, client=api_client(server), download_directory=tmp_path, webhooks=waiter, timeout=TIMEOUT
    )

    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    times = gets(server, project)
    assert len(times) == 2
    completed = [d for d in receiver.received() if d.type == "image.completed"]
    assert times[1] - completed[0].time < 2.0


def test_end_to_end_a_dropped_delivery_falls_back_to_polling(
    mode: str, delivering: tuple[MagicHourServer, WebhookReceiver], waiter: WebhookWaiter
) -> None:
    server, receiver = delivering
    server.add_fault(Fault.drop(event="completed"))
    project = server.create_project(timeline=[("rendering", 0.5), ("complete", None)])

    check = in_mode(mode, check_result, acheck_result)
    result = check(
        project.id,
        client=api_client(server),
        webhooks=waiter,
        timeout=TIMEOUT,
        poll_interval=0.2,
        download_outputs=False,
    )

    assert result.status == "complete"
    assert receiver.types() == ["image.started"]
    assert len(gets(server, project)) >= 3


def test_end_to_end_refused_deliveries_wake_nothing(
    mode: str, delivering: tuple[MagicHourServer, WebhookReceiver], waiter: WebhookWaiter
) -> None:
    server, receiver = delivering
    server.add_fault(Fault.bad_signature(event="completed", times=None))
    project = server.create_project(timeline=[("rendering", 0.3), ("canceled", None)])
    other = server.create_project(timeline=[("rendering", 0.2), ("complete", None)])
    server.add_fault(Fault.stale_timestamp(event="completed", project_id=other.id, times=None))

    check = in_mode(mode, check_result, acheck_result)
    with pytest.raises(ProjectCanceledError):
        check(project.id, client=api_client(server), webhooks=waiter, timeout=TIMEOUT, poll_interval=2.0)
    assert len(gets(server, project)) == 2
    assert waiter.final_event(other.id) is None
    assert 400 in [d.status for d in receiver.received()]
