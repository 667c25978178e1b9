"""The receiver's answers (pure): 200 with the event, 400 with the refusal, 405 but to a POST."""

from __future__ import annotations

from collections.abc import Callable

from magic_hour_ext._receiver import answer
from magic_hour_ext._signature import webhook_keys

Sign = Callable[..., tuple[bytes, dict[str, str]]]


def test_a_signed_delivery_is_answered_200_with_its_event(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook("video.completed", {"id": "v", "status": "complete", "downloads": []})
    result = answer("POST", body, headers, webhook_keys(webhook_secret))
    assert result.status == 200
    assert result.event is not None
    assert result.event.type == "video.completed"
    assert result.body == {"received": "video.completed"}
    assert result.refused is None


def test_a_tampered_delivery_is_refused_400_without_the_secret(
    sign_webhook: Sign, webhook_secret: str
) -> None:
    body, headers = sign_webhook()
    result = answer("POST", body.replace(b"complete", b"error"), headers, webhook_keys(webhook_secret))
    assert result.status == 400
    assert result.event is None
    assert type(result.refused).__name__ == "WebhookSignatureMismatchError"
    assert webhook_secret not in result.body["message"]
    assert headers["magic-hour-event-signature"] not in result.body["message"]


def test_anything_but_a_post_is_405(sign_webhook: Sign, webhook_secret: str) -> None:
    body, headers = sign_webhook()
    assert answer("PUT", body, headers, webhook_keys(webhook_secret)).status == 405
