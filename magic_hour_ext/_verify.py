"""Verifying a webhook delivery: the signature, the timestamp window, then the event."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence

from ._errors import WebhookMalformedBodyError
from ._signature import (
    DEFAULT_TOLERANCE,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    Headers,
    WebhookKeys,
    check_tolerance,
    check_window,
    header_value,
    parse_timestamp,
    webhook_keys,
)
from ._webhook_event import WebhookEvent, parse_event

__all__ = ["verify_event", "verify_with_keys"]


def verify_event(
    body: bytes | str,
    headers: Headers,
    secret: str | Sequence[str] | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> WebhookEvent:
    """The event of a Magic Hour webhook delivery, once its signature and timestamp check out.

    Args:
        body: The raw request body, exactly as received (``str`` is encoded as UTF-8). Never a
            body parsed and serialised again: the signature covers the bytes.
        headers: The request headers, any mapping (or pairs), names in any case.
        secret: The webhook's signing secret, or several while rotating one (any of them may
            match). None reads ``MAGIC_HOUR_WEBHOOK_SECRET`` (several separated by spaces).
        tolerance: How many seconds the signed timestamp may be from now, on either side.
        now: The current time in seconds since the epoch (default: ``time.time()``).

    Returns:
        The :class:`WebhookEvent`. An event type this client does not know is returned too, with
        ``kind``, ``event`` and ``project`` None and the raw ``payload``.

    Raises:
        MissingWebhookSecretError: no *secret*, and ``MAGIC_HOUR_WEBHOOK_SECRET`` is not set (a
            ConfigurationError: the receiver's bug, not the sender's; do not answer 400).
        ConfigurationError: a secret is empty or not a string.
        WebhookVerificationError: the delivery must be refused (answer 400); its subclass says why:
            WebhookMissingHeaderError, WebhookMalformedTimestampError,
            WebhookSignatureMismatchError, WebhookTimestampOutsideWindowError (checked after the
            signature, so only a genuine but stale or future delivery gets it) or
            WebhookMalformedBodyError.

    Example:
        >>> import hashlib, hmac, time
        >>> secret = "whsec_example"
        >>> body = b'{"type": "image.completed", "payload": {"id": "cuid-1", "status": "complete", '
        >>> body += b'"downloads": [{"url": "https://h.example/1.png", "expires_at": "2030-01-01T00:00Z"}]}}'
        >>> timestamp = str(int(time.time()))
        >>> signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
        >>> headers = {"Magic-Hour-Event-Timestamp": timestamp, "Magic-Hour-Event-Signature": signature}
        >>> event = verify_event(body, headers, secret)
        >>> event.kind, event.event, event.project.id, str(event.project.status)
        ('image', 'completed', 'cuid-1', 'complete')
        >>> verify_event(body.replace(b"cuid-1", b"cuid-2"), headers, secret)
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.WebhookSignatureMismatchError: the signature does not match the webhook secret
    """
    return verify_with_keys(body, headers, webhook_keys(secret), tolerance=tolerance, now=now)


def verify_with_keys(
    body: bytes | str,
    headers: Headers,
    keys: WebhookKeys,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> WebhookEvent:
    """:func:`verify_event` with the secrets already turned into keys (a receiver holds them once).

    Example:
        >>> verify_with_keys(b"{}", {}, webhook_keys("whsec_example"))
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.WebhookMissingHeaderError: the webhook has no magic-hour-event-timestamp header
    """
    tolerance = check_tolerance(tolerance)
    moment = time.time() if now is None else now
    raw = _raw_body(body)
    timestamp_text = header_value(headers, TIMESTAMP_HEADER)
    signature = header_value(headers, SIGNATURE_HEADER)
    timestamp = parse_timestamp(timestamp_text)
    keys.check(timestamp_text, raw, signature)
    check_window(timestamp, moment, tolerance)
    return parse_event(
        raw,
        signed_at=dt.datetime.fromtimestamp(timestamp, dt.UTC),
        received_at=dt.datetime.fromtimestamp(moment, dt.UTC),
    )


def _raw_body(body: bytes | str) -> bytes:
    if isinstance(body, str):
        try:
            return body.encode("utf-8")
        except UnicodeEncodeError:
            raise WebhookMalformedBodyError("the webhook body is text UTF-8 cannot encode") from None
    if isinstance(body, bytes | bytearray | memoryview):
        return bytes(body)
    raise TypeError(f"the webhook body must be bytes or str, not {type(body).__name__}")
