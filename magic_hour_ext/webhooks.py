"""Magic Hour webhooks: verify a delivery into a typed event.

- :func:`verify_event` checks a delivery's signature (HMAC-SHA256, constant time, one secret or
  several while rotating) and timestamp (within 5 minutes, on either side), and returns a
  :class:`WebhookEvent` whose ``project`` is the typed model of its kind.

Every failure is a :class:`WebhookVerificationError` (answer 400); a missing secret is a
:class:`~magic_hour_ext.ConfigurationError` (your bug, not the sender's). No message, repr or log
line holds a secret or a signature.
"""

from ._config import ENV_WEBHOOK_SECRET
from ._errors import (
    MissingWebhookSecretError,
    WebhookMalformedBodyError,
    WebhookMalformedTimestampError,
    WebhookMissingHeaderError,
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
    WebhookVerificationError,
)
from ._signature import DEFAULT_TOLERANCE, SIGNATURE_HEADER, TIMESTAMP_HEADER, Headers
from ._verify import verify_event
from ._webhook_event import EventName, Project, WebhookEvent

__all__ = [
    "DEFAULT_TOLERANCE",
    "ENV_WEBHOOK_SECRET",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "EventName",
    "Headers",
    "MissingWebhookSecretError",
    "Project",
    "WebhookEvent",
    "WebhookMalformedBodyError",
    "WebhookMalformedTimestampError",
    "WebhookMissingHeaderError",
    "WebhookSignatureMismatchError",
    "WebhookTimestampOutsideWindowError",
    "WebhookVerificationError",
    "verify_event",
]
