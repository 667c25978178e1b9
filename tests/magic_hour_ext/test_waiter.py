"""WebhookWaiter: deliveries wake sync waits and async waits (asyncio, trio), from any thread.

Signatures are made here with hmac (the sign_webhook fixture). Timing bounds are generous (a
loaded 2-core machine): a wait that should be cut short sleeps LONG and must return within EARLY.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterator

import anyio
import pytest

from magic_hour_ext import ConfigurationError, MissingWebhookSecretError
from magic_hour_ext.webhooks import (
    WebhookEvent,
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
    WebhookWaiter,
)

Sign = Callable[..., tuple[bytes, dict[str, str]]]

LONG = 10.0  # a sleep that a delivery must cut short
EARLY = 5.0  # "returned early": well under LONG, whatever the load
DELAY = 0.2  # when the delivery arrives, after the wait started
SHORT = 0.3  # a sleep that must run to its end


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def waiter(webhook_secret: str) -> WebhookWaiter:
    return WebhookWaiter(secret=webhook_secret)


@pytest.fixture
def later() -> Iterator[Callable[..., None]]:
    """Runs a function on another thread after a delay; joins those threads after the test."""
    threads: list[threading.Timer] = []

    def run(delay: float, function: Callable[..., object], *args: object) -> None:
        timer = threading.Timer(delay, function, args)
        timer.start()
        threads.append(timer)

    yield run
    for timer in threads:
        timer.cancel()
        timer.join(timeout=30)


def _project(project_id: str = "cuid-1", status: str = "complete") -> dict[str, object]:
    return {"id": project_id, "status": status, "downloads": []}


# --- sync


@pytest.mark.parametrize(
    ("event_type", "status"), [("image.completed", "complete"), ("video.errored", "error")]
)
def test_sleep_wakes_when_a_final_event_arrives_from_another_thread(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None], event_type: str, status: str
) -> None:
    body, headers = sign_webhook(event_type, _project(status=status))
    later(DELAY, waiter.deliver, body, headers)

    started = time.monotonic()
    event = waiter.sleep("cuid-1", LONG)
    elapsed = time.monotonic() - started

    assert isinstance(event, WebhookEvent)
    assert (event.type, event.project_id) == (event_type, "cuid-1")
    assert elapsed < EARLY


def test_sleep_without_limit_wakes_too(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None]
) -> None:
    results: list[WebhookEvent | None] = []
    sleeper = threading.Thread(target=lambda: results.append(waiter.sleep("cuid-1", math.inf)), daemon=True)
    sleeper.start()
    later(DELAY, waiter.deliver, *sign_webhook())
    sleeper.join(timeout=EARLY)  # the test cannot hang, even when waking is broken
    assert len(results) == 1
    assert results[0] is not None


def test_an_event_delivered_before_the_wait_returns_at_once(
    waiter: WebhookWaiter, sign_webhook: Sign
) -> None:
    delivered = waiter.deliver(*sign_webhook())

    started = time.monotonic()
    event = waiter.sleep("cuid-1", LONG)

    assert event is delivered
    assert time.monotonic() - started < EARLY
    assert waiter.final_event("cuid-1") is delivered


def test_sleep_returns_none_when_no_event_arrives(waiter: WebhookWaiter) -> None:
    started = time.monotonic()
    assert waiter.sleep("cuid-1", SHORT) is None
    assert time.monotonic() - started >= SHORT * 0.9
    assert waiter.sleep("cuid-1", -1.0) is None  # a negative sleep is no sleep
    assert "0 waits" in repr(waiter)  # each wait unregistered itself


@pytest.mark.parametrize(
    ("event_type", "payload"),
    [
        ("image.started", _project(status="rendering")),
        ("image.canceled", _project(status="canceled")),  # no such event today: unknown, wakes nothing
        ("image.completed", _project("another-project")),
    ],
)
def test_events_that_are_not_final_for_this_project_do_not_wake(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None], event_type: str, payload: object
) -> None:
    returned: list[WebhookEvent] = []
    later(0.05, lambda: returned.append(waiter.deliver(*sign_webhook(event_type, payload))))

    started = time.monotonic()
    assert waiter.sleep("cuid-1", SHORT) is None
    assert time.monotonic() - started >= SHORT * 0.9
    assert [event.type for event in returned] == [event_type]  # delivered, verified, returned


def test_duplicates_are_harmless(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None]
) -> None:
    body, headers = sign_webhook()
    later(DELAY, waiter.deliver, body, headers)
    later(DELAY, waiter.deliver, body, headers)

    first = waiter.sleep("cuid-1", LONG)
    again = waiter.deliver(body, headers)

    assert first is not None
    assert again == first
    assert waiter.sleep("cuid-1", LONG) is first  # the first is remembered, not replaced
    assert "1 final events remembered, 0 waits" in repr(waiter)


def test_every_wait_for_the_project_wakes(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None]
) -> None:
    results: list[WebhookEvent | None] = []
    threads = [
        threading.Thread(target=lambda: results.append(waiter.sleep("cuid-1", LONG))) for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + EARLY
    while "5 waits" not in repr(waiter) and time.monotonic() < deadline:
        time.sleep(0.01)

    started = time.monotonic()
    waiter.deliver(*sign_webhook())
    for thread in threads:
        thread.join(timeout=LONG)

    assert time.monotonic() - started < EARLY
    assert len(results) == 5
    assert all(event is not None and event.project_id == "cuid-1" for event in results)


def test_a_refused_delivery_raises_and_wakes_nothing(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None]
) -> None:
    errors: list[Exception] = []

    def deliver_forged() -> None:
        try:
            waiter.deliver(*sign_webhook(secret="whsec_forger"))
        except WebhookSignatureMismatchError as exc:
            errors.append(exc)

    later(0.05, deliver_forged)
    assert waiter.sleep("cuid-1", SHORT) is None
    assert len(errors) == 1
    assert waiter.final_event("cuid-1") is None


def test_an_event_is_remembered_for_keep_for(webhook_secret: str, sign_webhook: Sign) -> None:
    now = [0.0]
    waiter = WebhookWaiter(secret=webhook_secret, keep_for=60.0, clock=lambda: now[0])
    waiter.deliver(*sign_webhook())

    now[0] = 59.0
    assert waiter.sleep("cuid-1", 0.0) is not None
    now[0] = 61.0
    assert waiter.sleep("cuid-1", 0.0) is None
    assert waiter.final_event("cuid-1") is None


def test_the_tolerance_applies_to_deliveries(webhook_secret: str, sign_webhook: Sign) -> None:
    body, headers = sign_webhook(timestamp=1_000_000)
    waiter = WebhookWaiter(secret=webhook_secret, tolerance=10)
    assert waiter.deliver(body, headers, now=1_000_010).project_id == "cuid-1"
    with pytest.raises(WebhookTimestampOutsideWindowError, match="outside the 10 s window"):
        waiter.deliver(body, headers, now=1_000_011)


def test_rotation(sign_webhook: Sign) -> None:
    waiter = WebhookWaiter(secret=["whsec_new", "whsec_old"])
    assert waiter.deliver(*sign_webhook(secret="whsec_old")).project_id == "cuid-1"


def test_the_secret_comes_from_the_environment_at_construction(
    sign_webhook: Sign, webhook_secret: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", webhook_secret)
    waiter = WebhookWaiter()
    monkeypatch.delenv("MAGIC_HOUR_WEBHOOK_SECRET")
    assert waiter.deliver(*sign_webhook()).project_id == "cuid-1"
    with pytest.raises(MissingWebhookSecretError):
        WebhookWaiter()


@pytest.mark.parametrize("kwargs", [{"tolerance": -1}, {"keep_for": -1.0}, {"max_projects": 0}])
def test_bad_settings_are_argument_errors(webhook_secret: str, kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        WebhookWaiter(secret=webhook_secret, **kwargs)  # type: ignore[arg-type]


def test_a_project_id_that_is_not_a_string_is_refused(waiter: WebhookWaiter) -> None:
    with pytest.raises(ValueError, match="project id"):
        waiter.sleep(None, 0.0)  # type: ignore[arg-type]


def test_no_secret_in_repr_or_logs(
    sign_webhook: Sign, caplog: pytest.LogCaptureFixture, later: Callable[..., None]
) -> None:
    secret = "whsec_never_show_me"
    caplog.set_level(logging.DEBUG)
    waiter = WebhookWaiter(secret=[secret, "whsec_second_never_show_me"])
    body, headers = sign_webhook(secret=secret)
    later(0.05, waiter.deliver, body, headers)
    waiter.sleep("cuid-1", LONG)
    waiter.deliver(body, headers)
    waiter.deliver(*sign_webhook("image.started", _project(status="rendering"), secret=secret))
    with pytest.raises(ConfigurationError) as info:
        WebhookWaiter(secret=[secret, ""])

    texts = [repr(waiter), str(waiter), str(info.value), *(record.getMessage() for record in caplog.records)]
    assert len(caplog.records) >= 3  # the deliveries were logged at DEBUG
    assert repr(waiter) == "<WebhookWaiter: <WebhookKeys: 2 secrets>, 1 final events remembered, 0 waits>"
    for text in texts:
        assert "never_show" not in text
        assert headers["magic-hour-event-signature"][:16] not in text


# --- async: asyncio and trio


@pytest.mark.anyio
async def test_asleep_wakes_on_a_delivery_from_another_thread(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None]
) -> None:
    later(DELAY, waiter.deliver, *sign_webhook())

    started = time.monotonic()
    event = await waiter.asleep("cuid-1", LONG)

    assert event is not None
    assert event.project_id == "cuid-1"
    assert time.monotonic() - started < EARLY


@pytest.mark.anyio
async def test_asleep_wakes_on_a_delivery_from_inside_the_loop(
    waiter: WebhookWaiter, sign_webhook: Sign
) -> None:
    # An ASGI handler delivers in the loop's own thread: it must neither block nor deadlock.
    results: list[WebhookEvent | None] = []

    async def wait() -> None:
        results.append(await waiter.asleep("cuid-1", LONG))

    started = time.monotonic()
    with anyio.fail_after(EARLY):
        async with anyio.create_task_group() as group:
            group.start_soon(wait)
            await anyio.sleep(DELAY)
            delivered = waiter.deliver(*sign_webhook())  # a plain call, in the loop

    assert results == [delivered]
    assert time.monotonic() - started < EARLY


@pytest.mark.anyio
async def test_asleep_returns_at_once_for_an_event_delivered_before(
    waiter: WebhookWaiter, sign_webhook: Sign
) -> None:
    delivered = waiter.deliver(*sign_webhook())
    started = time.monotonic()
    assert await waiter.asleep("cuid-1", LONG) is delivered
    assert time.monotonic() - started < EARLY


@pytest.mark.anyio
async def test_asleep_returns_none_when_no_event_arrives(waiter: WebhookWaiter) -> None:
    started = time.monotonic()
    assert await waiter.asleep("cuid-1", SHORT) is None
    assert time.monotonic() - started >= SHORT * 0.9
    assert "0 waits" in repr(waiter)


@pytest.mark.anyio
async def test_a_started_event_does_not_wake_asleep(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None]
) -> None:
    later(0.05, waiter.deliver, *sign_webhook("image.started", _project(status="rendering")))
    waiter.deliver(*sign_webhook("audio.started", _project(status="queued")))  # and from the loop
    started = time.monotonic()
    assert await waiter.asleep("cuid-1", SHORT) is None
    assert time.monotonic() - started >= SHORT * 0.9


@pytest.mark.anyio
async def test_cancelling_asleep_ends_the_wait_and_unregisters_it(waiter: WebhookWaiter) -> None:
    started = time.monotonic()
    with anyio.move_on_after(DELAY):
        await waiter.asleep("cuid-1", LONG)
    assert time.monotonic() - started < EARLY
    assert "0 waits" in repr(waiter)


@pytest.mark.anyio
async def test_one_delivery_wakes_sync_and_async_waits(
    waiter: WebhookWaiter, sign_webhook: Sign, later: Callable[..., None]
) -> None:
    sync_results: list[WebhookEvent | None] = []
    thread = threading.Thread(target=lambda: sync_results.append(waiter.sleep("cuid-1", LONG)))
    thread.start()
    later(DELAY, waiter.deliver, *sign_webhook())

    started = time.monotonic()
    event = await waiter.asleep("cuid-1", LONG)
    await anyio.to_thread.run_sync(thread.join, LONG)

    assert event is not None
    assert sync_results == [event]
    assert time.monotonic() - started < EARLY


def test_asleep_needs_an_event_loop(waiter: WebhookWaiter) -> None:
    coroutine = waiter.asleep("cuid-1", 0.0)
    with pytest.raises(RuntimeError, match="event loop"):
        coroutine.send(None)
