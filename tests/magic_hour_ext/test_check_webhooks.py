"""check_result(..., webhooks=waiter), sync and async (asyncio, trio), against the local server.

Deliveries are signed here with hmac (the sign_webhook fixture), as Magic Hour signs them, and
handed to the waiter from another thread, as an HTTP handler would. Counts of GETs, not clocks:
the only timing bounds are generous (a fallback poll is 40 s away; the tests' deadline is 20 s,
so a wait that misses its event fails with WaitTimeoutError instead of passing slowly).
"""

from __future__ import annotations

import logging
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
    agenerate,
    check_result,
    generate,
)
from magic_hour_ext.testing import Fault, MagicHourServer, Project, Render
from magic_hour_ext.webhooks import WebhookWaiter
from tests.conftest import TOKEN
from tests.magic_hour_ext._helpers import (
    Run,
    WebhookReceiver,
    api_client,
    files,
    in_mode,
    statuses_by_gets,
    wait_until,
)

Sign = Callable[..., tuple[bytes, dict[str, str]]]

TIMEOUT = 20.0  # far below the 40 s of the first fallback poll: a missed event times out
NOTICED = 8.0  # "at once" on a loaded machine; a missed wake would sleep until the deadline (20 s)


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

    def finish_after_first_get(
        self, server: MagicHourServer, project: Project, times: int = 1, payload: dict[str, Any] | None = None
    ) -> None:
        """Show *project* rendering to its first GET; then let it be final and deliver its event.

        Counted in GETs, not seconds: the wait sees a render in progress, then the event, however
        loaded the machine. *project*'s timeline gives its final status; *payload* replaces the
        one delivered (default: the project as GET answers it then).
        """
        project.extra_fields["status"] = "rendering"

        def watch() -> None:
            while not any(r.status is not None for r in server.api_requests(project_id=project.id)):
                if self._stop.wait(0.005):
                    return
            project.extra_fields.pop("status", None)
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
    project = server.create_project()
    sender.finish_after_first_get(server, project)

    result = run(project.id, webhooks=waiter, timeout=TIMEOUT)

    assert result.status == "complete"
    assert files(tmp_path / "out") == [f"mh-{project.id}-1.png"]
    times = gets(server, project)
    assert len(times) == 2  # the first GET, and the one the event woke: no polling in between
    assert noticed_after(server, project, sender) < NOTICED


def test_the_wake_is_logged_with_the_kind_of_project(
    run: Run,
    server: MagicHourServer,
    waiter: WebhookWaiter,
    sender: Sender,
    caplog: pytest.LogCaptureFixture,
) -> None:
    project = server.create_project(kind="video")
    sender.finish_after_first_get(server, project)

    with caplog.at_level(logging.INFO, logger="magic_hour_ext"):
        result = run(project.id, kind="video", webhooks=waiter, timeout=TIMEOUT, download_outputs=False)

    assert result.status == "complete"
    woke = [r.getMessage() for r in caplog.records if "arrived" in r.getMessage()]
    assert woke == [f"video project {project.id!r}: webhook video.completed arrived; fetching the project"]


def test_duplicate_deliveries_cost_nothing_more(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender
) -> None:
    project = server.create_project()
    sender.finish_after_first_get(server, project, times=3)

    result = run(project.id, webhooks=waiter, timeout=TIMEOUT, download_outputs=False)

    assert result.status == "complete"
    assert len(gets(server, project)) == 2
    assert noticed_after(server, project, sender) < NOTICED
    wait_until(lambda: len(sender.delivered_at) == 3, what="the three deliveries")
    assert len(gets(server, project)) == 2  # the duplicates after the wait woke nothing


def test_a_late_completed_with_expired_urls_downloads_from_the_fresh_get(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender, tmp_path: Path
) -> None:
    project = server.create_project()
    expired = [
        {"url": url, "expires_at": "2020-01-01T00:00:00.000Z"} for url in project.download_urls(ttl=-60)
    ]
    stale = {**project.body(), "status": "complete", "downloads": expired}
    sender.finish_after_first_get(server, project, payload=stale)

    result = run(project.id, webhooks=waiter, timeout=TIMEOUT)

    assert files(tmp_path / "out") == [f"mh-{project.id}-1.png"]
    assert noticed_after(server, project, sender) < NOTICED
    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    expired_queries = {urlsplit(d["url"]).query for d in expired}
    downloads = server.download_requests(project_id=project.id)
    assert downloads
    assert all(r.status in (200, 206) and r.query not in expired_queries for r in downloads)


def test_a_lost_delivery_falls_back_to_polling(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter
) -> None:
    project = server.create_project()

    # No delivery ever; poll_interval replaces the fallback schedule (40 s) to keep the test short.
    with statuses_by_gets(server, project, ("rendering", 2)):
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
    project = server.create_project()
    # The event arrives before the wait starts, and before the API shows the project complete.
    sender.deliver("image.completed", project.body())

    started = time.monotonic()
    with statuses_by_gets(server, project, ("rendering", 2)):
        result = run(project.id, webhooks=waiter, timeout=TIMEOUT, download_outputs=False)

    assert result.status == "complete"
    assert time.monotonic() - started < TIMEOUT / 2  # the ordinary schedule from the event, not 40 s
    assert len(gets(server, project)) >= 3


def test_an_errored_event_ends_the_wait_with_the_failure(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender
) -> None:
    project = server.create_project(timeline=[("error", None)], error=("no_source_face", "no face"))
    sender.finish_after_first_get(server, project)

    with pytest.raises(ProjectFailedError) as info:
        run(project.id, webhooks=waiter, timeout=TIMEOUT)
    assert info.value.code == "no_source_face"
    assert len(gets(server, project)) == 2
    assert noticed_after(server, project, sender) < NOTICED


def test_an_event_of_another_project_wakes_nothing(
    run: Run, server: MagicHourServer, waiter: WebhookWaiter, sender: Sender
) -> None:
    other = server.create_project()
    project = server.create_project(timeline=[("canceled", None)])
    sender.finish_after_first_get(server, other)

    with statuses_by_gets(server, project, ("rendering", 1)), pytest.raises(ProjectCanceledError):
        run(project.id, webhooks=waiter, timeout=TIMEOUT, poll_interval=1.0)
    assert len(gets(server, project)) == 2  # the first GET, then one after the 1 s fixed interval


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
    project = server.create_project(timeline=[("queued", 0.2), ("rendering", 0.3), ("complete", None)])

    check = in_mode(mode, check_result, acheck_result)
    with statuses_by_gets(server, project, ("queued", 1)):  # the first GET sees it queued, however late
        result = check(
            project.id,
            client=api_client(server),
            download_directory=tmp_path,
            webhooks=waiter,
            timeout=TIMEOUT,
        )

    assert result.downloaded_paths[0].read_bytes() == project.output_bytes(0)
    times = gets(server, project)
    assert len(times) == 2
    completed = [d for d in receiver.received() if d.type == "image.completed"]
    assert times[1] - completed[0].time < NOTICED


def test_end_to_end_a_dropped_delivery_falls_back_to_polling(
    mode: str, delivering: tuple[MagicHourServer, WebhookReceiver], waiter: WebhookWaiter
) -> None:
    server, receiver = delivering
    server.add_fault(Fault.drop(event="completed"))
    project = server.create_project(timeline=[("rendering", 0.3), ("complete", None)])

    check = in_mode(mode, check_result, acheck_result)
    with statuses_by_gets(server, project, ("rendering", 2)):
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


@pytest.mark.parametrize(
    "fault", [Fault.bad_signature(), Fault.stale_timestamp(600)], ids=["signature", "stale"]
)
def test_end_to_end_refused_deliveries_wake_nothing(
    mode: str, delivering: tuple[MagicHourServer, WebhookReceiver], waiter: WebhookWaiter, fault: Fault
) -> None:
    server, receiver = delivering
    server.add_fault(fault)  # its completed event: refused by the receiver (400), every attempt
    project = server.create_project()

    check = in_mode(mode, check_result, acheck_result)
    with statuses_by_gets(server, project, ("rendering", 1)):  # then complete
        result = check(
            project.id,
            client=api_client(server),
            webhooks=waiter,
            timeout=TIMEOUT,
            poll_interval=1.0,
            download_outputs=False,
        )

    assert result.status == "complete"
    refused = receiver.received()
    assert refused
    assert {d.status for d in refused} == {400}
    times = gets(server, project)
    assert len(times) == 2  # the first GET, then the one 1 s later: nothing woke the wait
    assert times[1] - refused[0].time > 0.5
    assert waiter.final_event(project.id) is None


def test_generate_waits_by_webhook_too(
    mode: str,
    delivering: tuple[MagicHourServer, WebhookReceiver],
    waiter: WebhookWaiter,
    tmp_path: Path,
) -> None:
    # generate(..., webhooks=waiter): the new project's completed event ends the wait (the first
    # fallback poll is 40 s away, beyond TIMEOUT), and one GET after it fetches the outputs.
    server, receiver = delivering
    server.renders["image"] = Render(timeline=[("queued", 1.0), ("rendering", 0.5), ("complete", None)])
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"a photo")
    gen = in_mode(mode, generate, agenerate)
    result = gen(
        "image-background-remover",
        {"assets": {"image_file_path": photo}},
        client=api_client(server),
        download_directory=tmp_path / "out",
        webhooks=waiter,
        timeout=TIMEOUT,
    )
    assert result.status == "complete"
    assert [p.parent for p in result.downloaded_paths] == [tmp_path / "out"]
    project_gets = server.api_requests(project_id=result.project.id)
    assert 1 <= len(project_gets) <= 2, [r.status for r in project_gets]
    assert any(d.type == "image.completed" for d in receiver.received())
