"""The local server's webhook deliveries, received by a plain threaded receiver in the test.

Signatures are checked here with hmac, following the API's documentation, not with the code
under test. Time bounds are lower bounds (a delay) or generous upper ones (a loaded machine).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from generated.catalog import TOOLS
from magic_hour_ext.testing import Fault, MagicHourServer
from magic_hour_ext.webhooks import (
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
    verify_event,
)
from tests.conftest import TOKEN
from tests.magic_hour_ext._helpers import Delivery, WebhookReceiver, wait_until
from tests.magic_hour_ext.testing._bodies import minimal

SECRET = "whsec_local_7d1e+/=="
FAST_RETRIES = (0.05, 0.1, 0.2)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver


@pytest.fixture
def hooked(receiver: WebhookReceiver) -> Iterator[MagicHourServer]:
    """A server that delivers its webhooks to *receiver*, retrying quickly."""
    with MagicHourServer(
        TOKEN, webhook_url=receiver.url, webhook_secret=SECRET, webhook_retry_delays=FAST_RETRIES
    ) as server:
        yield server


def signed_correctly(delivery: Delivery, secret: str = SECRET) -> bool:
    timestamp = delivery.headers["magic-hour-event-timestamp"]
    expected = hmac.new(
        secret.encode(), timestamp.encode() + b"." + delivery.body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, delivery.headers["magic-hour-event-signature"])


def payload(delivery: Delivery) -> dict[str, Any]:
    return json.loads(delivery.body)["payload"]  # type: ignore[no-any-return]


def test_each_transition_is_delivered_signed_without_any_get(
    hooked: MagicHourServer, receiver: WebhookReceiver
) -> None:
    project = hooked.create_project(timeline=[("queued", 0.1), ("rendering", 0.2), ("complete", None)])

    wait_until(lambda: len(receiver.received()) == 2, what="two deliveries")

    started, completed = receiver.received()
    assert [started.type, completed.type] == ["image.started", "image.completed"]
    assert all(signed_correctly(d) for d in (started, completed))
    assert all(
        abs(int(d.headers["magic-hour-event-timestamp"]) - time.time()) < 60 for d in (started, completed)
    )
    assert started.headers["content-type"] == "application/json"
    assert payload(started)["status"] == "rendering"
    assert payload(started)["downloads"] == []
    assert payload(completed)["id"] == project.id
    assert payload(completed)["status"] == "complete"
    url = payload(completed)["downloads"][0]["url"]
    assert httpx.get(url).content == project.output_bytes(0)  # the payload's URLs work
    assert hooked.api_requests(method=None) == []  # the timeline advanced with no GET
    records = hooked.webhook_deliveries(project.id)
    assert records[1].time - project.created_monotonic >= 0.28  # when the timeline says (at 0.3 s)
    assert [(r.event, r.status, r.host, r.method) for r in records] == [
        ("image.started", 200, "webhook", "POST"),
        ("image.completed", 200, "webhook", "POST"),
    ]
    assert records[0].path == "/hooks/magic-hour"
    assert records[0].query == "source=test"


def test_a_failed_video_is_errored_and_a_canceled_project_has_no_final_event(
    hooked: MagicHourServer, receiver: WebhookReceiver
) -> None:
    failed = hooked.create_project(
        kind="video", timeline=[("rendering", 0.05), ("error", None)], error=("no_face", "No face found")
    )
    canceled = hooked.create_project(timeline=[("rendering", 0.05), ("canceled", None)])
    wait_until(lambda: len(hooked.webhook_deliveries()) == 3, what="three deliveries")
    time.sleep(0.3)  # anything else would come by now

    by_project = {(payload(d)["id"], d.type): d for d in receiver.received()}
    assert set(by_project) == {
        (failed.id, "video.started"),
        (failed.id, "video.errored"),
        (canceled.id, "image.started"),
    }
    errored = payload(by_project[failed.id, "video.errored"])
    assert errored["error"] == {"code": "no_face", "message": "No face found"}
    assert errored["width"] == 1024  # a video's fields


def test_projects_made_by_a_tool_deliver_too(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    response = httpx.post(
        hooked.base_url + "/v1/ai-image-generator",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json=minimal(TOOLS["ai-image-generator"].body_schema),
    )
    assert response.status_code == 200, response.text
    project_id = response.json()["id"]

    wait_until(lambda: "image.completed" in receiver.types(), what="the completed event")
    assert {payload(d)["id"] for d in receiver.received()} == {project_id}


def test_answers_other_than_2xx_are_retried_with_backoff() -> None:
    with (
        WebhookReceiver(statuses=[500, 503]) as receiver,
        MagicHourServer(
            TOKEN, webhook_url=receiver.url, webhook_secret=SECRET, webhook_retry_delays=(0.2, 0.4)
        ) as server,
    ):
        project = server.create_project()
        wait_until(
            lambda: [r.status for r in server.webhook_deliveries(project.id)] == [500, 503, 200],
            what="three attempts",
        )
        records = server.webhook_deliveries(project.id)
    gaps = [b.time - a.time for a, b in itertools.pairwise(records)]
    assert gaps[0] >= 0.19
    assert gaps[1] >= 0.39  # backoff: each wait longer than the last
    assert len({r.headers["magic-hour-event-timestamp"] for r in records}) >= 1
    assert all(signed_correctly(d) for d in receiver.received())


def test_a_receiver_that_is_down_is_retried_then_given_up(receiver: WebhookReceiver) -> None:
    url = receiver.url
    receiver.__exit__()  # nothing listens there any more
    with MagicHourServer(
        TOKEN, webhook_url=url, webhook_secret=SECRET, webhook_retry_delays=(0.05, 0.05)
    ) as server:
        project = server.create_project()
        wait_until(lambda: len(server.webhook_deliveries(project.id)) == 3, what="three attempts")
        time.sleep(0.2)
        assert [r.status for r in server.webhook_deliveries(project.id)] == [None, None, None]


def test_duplicate(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    hooked.add_fault(Fault.duplicate(event="completed"))
    hooked.create_project()
    wait_until(lambda: len(receiver.received()) == 2, what="two deliveries")
    first, second = receiver.received()
    assert first.type == second.type == "image.completed"
    assert first.body == second.body  # the same event: an idempotent receiver sees one
    assert all(signed_correctly(d) for d in (first, second))


def test_delay(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    hooked.add_fault(Fault.delay(0.5))
    project = hooked.create_project()
    wait_until(lambda: len(receiver.received()) == 1, what="the delivery")
    assert receiver.received()[0].time - project.created_monotonic >= 0.5
    assert hooked.webhook_deliveries()[0].fault == "delay"


def test_out_of_order(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    hooked.add_fault(Fault.out_of_order(event="started"))
    hooked.create_project(timeline=[("rendering", 0.1), ("complete", None)])
    wait_until(lambda: len(receiver.received()) == 2, what="two deliveries")
    assert receiver.types() == ["image.completed", "image.started"]


def test_bad_signature(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    hooked.add_fault(Fault.bad_signature())
    hooked.create_project()
    wait_until(lambda: len(receiver.received()) == 1, what="the delivery")
    delivery = receiver.received()[0]
    assert not signed_correctly(delivery)
    with pytest.raises(WebhookSignatureMismatchError):
        verify_event(delivery.body, delivery.headers, SECRET)


def test_stale_timestamp(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    hooked.add_fault(Fault.stale_timestamp(600))
    hooked.create_project()
    wait_until(lambda: len(receiver.received()) == 1, what="the delivery")
    delivery = receiver.received()[0]
    assert signed_correctly(delivery)  # right for its timestamp: only the window refuses it
    assert int(delivery.headers["magic-hour-event-timestamp"]) <= time.time() - 590
    with pytest.raises(WebhookTimestampOutsideWindowError):
        verify_event(delivery.body, delivery.headers, SECRET)


def test_drop(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    hooked.add_fault(Fault.drop(event="completed"))
    project = hooked.create_project(timeline=[("rendering", 0.05), ("complete", None)])
    wait_until(lambda: len(hooked.webhook_deliveries(project.id)) == 2, what="two records")
    time.sleep(0.2)
    assert receiver.types() == ["image.started"]
    dropped = hooked.webhook_deliveries(project.id, event="image.completed")
    assert [(r.status, r.fault) for r in dropped] == [(None, "drop")]


def test_every_delivery_is_in_the_request_log(hooked: MagicHourServer, receiver: WebhookReceiver) -> None:
    for _ in range(3):
        hooked.create_project(timeline=[("rendering", 0.05), ("complete", None)])
    wait_until(lambda: len(receiver.received()) == 6, what="six deliveries")
    records = [r for r in hooked.requests if r.host == "webhook"]
    assert len(records) == 6
    assert sorted(r.body_size for r in records) == sorted(len(d.body) for d in receiver.received())
    assert all(SECRET not in repr(r) for r in records)


def test_the_secret_is_generated_when_not_given_and_never_shown(receiver: WebhookReceiver) -> None:
    with MagicHourServer(TOKEN, webhook_url=receiver.url) as server:
        secret = server.webhook_secret
        assert secret.startswith("whsec_")
        assert len(secret) > 20
        assert secret not in repr(server)
        server.create_project()
        wait_until(lambda: len(receiver.received()) == 1, what="the delivery")
        assert signed_correctly(receiver.received()[0], secret)
        assert server.webhook_url == receiver.url


@pytest.mark.parametrize("url", ["ftp://example.com/x", "not a url", "http:///nohost"])
def test_a_webhook_url_must_be_http(url: str) -> None:
    with pytest.raises(ValueError, match="webhook_url"):
        MagicHourServer(TOKEN, webhook_url=url)


def test_webhook_faults_apply_only_to_webhooks() -> None:
    with pytest.raises(ValueError, match="event applies to webhook faults"):
        Fault.status(500, event="completed")
    with pytest.raises(ValueError, match="applies to"):
        Fault.drop(route="get")


def test_the_webhook_url_can_be_set_once_the_server_runs(receiver: WebhookReceiver) -> None:
    with MagicHourServer(TOKEN, webhook_secret=SECRET) as server:
        project = server.create_project(timeline=[("rendering", 0.3), ("complete", None)])
        time.sleep(0.1)  # started is due before the URL is set: it goes nowhere
        server.webhook_url = receiver.url
        wait_until(lambda: len(receiver.received()) == 1, what="the completed event")
        assert receiver.types() == ["image.completed"]
        assert [r.event for r in server.webhook_deliveries(project.id)] == ["image.completed"]
        server.webhook_url = None
        server.create_project()
        time.sleep(0.2)
        assert len(receiver.received()) == 1
        with pytest.raises(ValueError, match="webhook_url"):
            server.webhook_url = "gopher://x"
