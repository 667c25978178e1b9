"""The pieces of the signature check: headers, timestamps, the window and the keys."""

from __future__ import annotations

import pytest

from magic_hour_ext import ConfigurationError, MissingWebhookSecretError
from magic_hour_ext import _signature as s
from magic_hour_ext.webhooks import (
    WebhookMalformedTimestampError,
    WebhookMissingHeaderError,
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
)


def test_header_value_takes_the_first_of_repeated_headers() -> None:
    pairs = [("X-Other", "1"), ("Magic-Hour-Event-Timestamp", "10"), ("magic-hour-event-timestamp", "20")]
    assert s.header_value(pairs, s.TIMESTAMP_HEADER) == "10"


def test_header_value_reads_bytes_as_latin1() -> None:
    assert s.header_value({b"Magic-Hour-Event-Signature": b"\xe9"}, s.SIGNATURE_HEADER) == "é"


def test_header_value_of_an_empty_first_header_is_missing() -> None:
    pairs = [("magic-hour-event-timestamp", " "), ("magic-hour-event-timestamp", "20")]
    with pytest.raises(WebhookMissingHeaderError):
        s.header_value(pairs, s.TIMESTAMP_HEADER)


@pytest.mark.parametrize(
    ("text", "seconds"), [("0", 0), ("0001750000000", None), ("99999999999", 99_999_999_999)]
)
def test_parse_timestamp(text: str, seconds: int | None) -> None:
    if seconds is None:
        with pytest.raises(WebhookMalformedTimestampError):
            s.parse_timestamp(text)
    else:
        assert s.parse_timestamp(text) == seconds


@pytest.mark.parametrize(
    ("timestamp", "now", "ok"),
    [(100, 400.0, True), (100, 400.5, False), (400, 100.0, True), (401, 100.0, False)],
)
def test_check_window_is_inclusive_on_both_sides(timestamp: int, now: float, ok: bool) -> None:
    if ok:
        s.check_window(timestamp, now, 300.0)
    else:
        with pytest.raises(WebhookTimestampOutsideWindowError):
            s.check_window(timestamp, now, 300.0)


def test_keys_show_no_secret() -> None:
    keys = s.WebhookKeys(["whsec_a1", "whsec_b2"])
    assert repr(keys) == str(keys) == "<WebhookKeys: 2 secrets>"
    assert "whsec" not in repr(s.webhook_keys("whsec_a1"))


def test_keys_try_every_secret() -> None:
    import hashlib
    import hmac

    good = hmac.new(b"whsec_b2", b"1.{}", hashlib.sha256).hexdigest()
    s.WebhookKeys(["whsec_a1", "whsec_b2"]).check("1", b"{}", good)
    with pytest.raises(WebhookSignatureMismatchError):
        s.WebhookKeys(["whsec_a1"]).check("1", b"{}", good)


def test_webhook_keys_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAGIC_HOUR_WEBHOOK_SECRET", "whsec_a1\twhsec_b2")
    assert repr(s.webhook_keys(None)) == "<WebhookKeys: 2 secrets>"
    monkeypatch.delenv("MAGIC_HOUR_WEBHOOK_SECRET")
    with pytest.raises(MissingWebhookSecretError):
        s.webhook_keys(None)


def test_a_secret_utf8_cannot_encode_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="UTF-8") as info:
        s.webhook_keys("whsec_\udc80")
    assert "whsec" not in str(info.value)
