"""Magic Hour's webhook signature, without I/O: the headers, the secrets, the window and the HMAC.

A delivery carries two headers:

- ``magic-hour-event-timestamp``: when it was signed, in integer seconds since the epoch;
- ``magic-hour-event-signature``: the lowercase hex HMAC-SHA256 of ``"{timestamp}.{raw body}"``,
  keyed with the webhook secret taken as UTF-8.

The secrets are held by :class:`WebhookKeys`, whose repr shows how many there are and nothing of
them; signatures are compared in constant time (:func:`hmac.compare_digest`) and never quoted.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias, cast

from ._config import webhook_secrets_from_env
from ._errors import (
    ConfigurationError,
    InvalidArgumentError,
    WebhookMalformedTimestampError,
    WebhookMissingHeaderError,
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
)

__all__ = [
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "Headers",
    "WebhookKeys",
    "check_tolerance",
    "check_window",
    "header_value",
    "parse_timestamp",
    "webhook_keys",
]

TIMESTAMP_HEADER = "magic-hour-event-timestamp"
SIGNATURE_HEADER = "magic-hour-event-signature"
#: How far (seconds) the signed timestamp may be from now, on either side.
DEFAULT_TOLERANCE = 300.0

#: Request headers as web frameworks hand them over: a mapping (a dict, Starlette's ``Headers``,
#: httpx's) or pairs (Flask's ``request.headers``, an ASGI scope's raw ``headers``), names in any
#: case, as text or as bytes (read as Latin-1, as HTTP does).
Headers: TypeAlias = (
    Mapping[str, str] | Mapping[bytes, bytes] | Iterable[tuple[str, str]] | Iterable[tuple[bytes, bytes]]
)

# Integer seconds, at most 11 digits (up to the year 5138, so that a datetime can hold it even
# when the window is off): int() alone would also take "+1", "1_000" and non-ASCII digits.
_TIMESTAMP = re.compile(r"[0-9]{1,11}")


class WebhookKeys:
    """The webhook secrets as HMAC keys. Its repr says how many there are, never what they are.

    Example:
        >>> keys = WebhookKeys(["whsec_new", "whsec_old"])
        >>> keys
        <WebhookKeys: 2 secrets>
        >>> keys.check("1700000000", b"{}", "0" * 64)
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.WebhookSignatureMismatchError: the signature matches none of the 2 ...
    """

    __slots__ = ("_keys",)

    def __init__(self, secrets: Sequence[str]) -> None:
        if not secrets:
            raise ConfigurationError("no webhook secret: give at least one")
        if not all(isinstance(secret, str) and secret.strip() for secret in secrets):
            raise ConfigurationError("a webhook secret must be a non-empty string")
        try:
            self._keys = tuple(secret.encode("utf-8") for secret in secrets)
        except UnicodeEncodeError:
            raise ConfigurationError("a webhook secret holds text UTF-8 cannot encode") from None

    def __repr__(self) -> str:
        count = len(self._keys)
        return f"<WebhookKeys: {count} secret{'s' if count != 1 else ''}>"

    def check(self, timestamp: str, body: bytes, signature: str) -> None:
        """Raise WebhookSignatureMismatchError unless a secret signs *timestamp* and *body* as *signature*.

        Every secret is tried, each comparison in constant time.
        """
        received = signature.strip().lower().encode("utf-8", "replace")
        message = timestamp.encode("ascii") + b"." + body
        matched = False
        for key in self._keys:
            expected = hmac.new(key, message, hashlib.sha256).hexdigest().encode("ascii")
            matched |= hmac.compare_digest(expected, received)
        if not matched:
            count = len(self._keys)
            raise WebhookSignatureMismatchError(
                "the signature does not match the webhook secret"
                if count == 1
                else f"the signature matches none of the {count} webhook secrets"
            )


def webhook_keys(secret: str | Sequence[str] | None) -> WebhookKeys:
    """The keys of *secret* (one, or several during a rotation), or of ``MAGIC_HOUR_WEBHOOK_SECRET``.

    Raises:
        MissingWebhookSecretError: *secret* is None and the variable is not set.
        ConfigurationError: a secret is empty or not a string.

    Example:
        >>> webhook_keys("whsec_example")
        <WebhookKeys: 1 secret>
        >>> webhook_keys(["whsec_new", ""])
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.ConfigurationError: a webhook secret must be a non-empty string
    """
    if secret is None:
        return WebhookKeys(webhook_secrets_from_env())
    if isinstance(secret, str):
        return WebhookKeys([secret])
    if isinstance(secret, bytes | bytearray):
        raise ConfigurationError("a webhook secret must be text (str), not bytes")
    return WebhookKeys(list(secret))


def check_tolerance(tolerance: float) -> float:
    """*tolerance* if it is a number of seconds >= 0 (``math.inf`` turns the window off).

    Example:
        >>> check_tolerance(300)
        300.0
    """
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or math.isnan(tolerance):
        raise InvalidArgumentError(f"tolerance must be a number of seconds, not {tolerance!r:.40}")
    if tolerance < 0:
        raise InvalidArgumentError(f"tolerance must be >= 0 seconds, not {tolerance!r}")
    return float(tolerance)


def header_value(headers: Headers, name: str) -> str:
    """The value of the header *name* (lowercase), matched case-insensitively; the first if repeated.

    Raises:
        WebhookMissingHeaderError: it is missing, empty or blank.

    Example:
        >>> header_value({"Magic-Hour-Event-Timestamp": " 1700000000"}, TIMESTAMP_HEADER)
        '1700000000'
        >>> header_value([(b"magic-hour-event-signature", b"ab12")], SIGNATURE_HEADER)
        'ab12'
    """
    items = getattr(headers, "items", None)
    pairs = cast("Iterable[tuple[str | bytes, str | bytes]]", items() if callable(items) else headers)
    for key, value in pairs:
        if _text(key).lower() == name:
            text = _text(value).strip()
            if text:
                return text
            break
    raise WebhookMissingHeaderError(name)


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes | bytearray) else str(value)


def parse_timestamp(text: str) -> int:
    """The seconds since the epoch of a timestamp header.

    Raises:
        WebhookMalformedTimestampError: it is not a plain integer.

    Example:
        >>> parse_timestamp("1700000000")
        1700000000
        >>> parse_timestamp("2023-11-14T22:13:20Z")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.WebhookMalformedTimestampError: the magic-hour-event-timestamp header is ...
    """
    if not _TIMESTAMP.fullmatch(text):
        raise WebhookMalformedTimestampError(
            f"the {TIMESTAMP_HEADER} header is not integer seconds since the epoch"
        )
    return int(text)


def check_window(timestamp: int, now: float, tolerance: float) -> None:
    """Raise WebhookTimestampOutsideWindowError unless *timestamp* is within *tolerance* of *now*.

    Both sides count: a timestamp from the future is refused as well as a stale one.

    Example:
        >>> check_window(1_000, 1_300.0, 300.0)  # exactly at the edge: accepted
        >>> check_window(1_000, 699.0, 300.0)
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.WebhookTimestampOutsideWindowError: ... signed 301 s in the future, ...
    """
    if abs(now - timestamp) > tolerance:
        raise WebhookTimestampOutsideWindowError(timestamp, now=now, tolerance=tolerance)
