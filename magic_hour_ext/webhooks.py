"""Magic Hour webhooks: verify a delivery into a typed event, and wake waits for projects.

- :func:`verify_event` checks a delivery's signature (HMAC-SHA256, constant time, one secret or
  several while rotating) and timestamp (within 5 minutes, on either side), and returns a
  :class:`WebhookEvent` whose ``project`` is the typed model of its kind.
- :class:`WebhookWaiter` takes each delivery from your HTTP handler (:meth:`WebhookWaiter.deliver`)
  and wakes sync and async (asyncio, trio) waits for that project
  (:meth:`WebhookWaiter.sleep`, :meth:`WebhookWaiter.asleep`).

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
from ._final_events import FINAL_EVENT_NAMES
from ._signature import DEFAULT_TOLERANCE, SIGNATURE_HEADER, TIMESTAMP_HEADER, Headers
from ._verify import verify_event
from ._waiter import WebhookWaiter
from ._webhook_event import EventName, Project, WebhookEvent

__all__ = [
    "DEFAULT_TOLERANCE",
    "ENV_WEBHOOK_SECRET",
    "FINAL_EVENT_NAMES",
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
    "WebhookWaiter",
    "verify_event",
]
