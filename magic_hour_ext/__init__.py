"""magic-hour-ext: a robust Python client for Magic Hour image projects.

Wait for an image project and download its outputs with :func:`check_result` (or
:func:`acheck_result`); get or delete one project with :func:`get_project` and
:func:`delete_project`; verify webhook deliveries with :mod:`magic_hour_ext.webhooks`. Every
error is a :class:`MagicHourError`.
"""

import logging as _logging

from ._api import adelete_project, aget_project, delete_project, get_project
from ._check import acheck_result, check_result
from ._config import client_from_env
from ._errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ConfigurationError,
    DownloadError,
    DownloadExpiredError,
    InvalidArgumentError,
    MagicHourError,
    MalformedResponseError,
    MissingAPIKeyError,
    MissingWebhookSecretError,
    NotFoundError,
    OutputExistsError,
    PaymentRequiredError,
    ProjectCanceledError,
    ProjectFailedError,
    RateLimitError,
    UnprocessableEntityError,
    WaitTimeoutError,
    WebhookMalformedBodyError,
    WebhookMalformedTimestampError,
    WebhookMissingHeaderError,
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
    WebhookVerificationError,
)
from ._log import install_log_filters as _install_log_filters
from ._naming import output_filename
from ._read_size import raise_read_size as _raise_read_size
from ._redact import redact_url
from ._result import CheckResult, DownloadProgress
from ._schedule import poll_interval, simulate_polls

__all__ = [
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "CheckResult",
    "ConfigurationError",
    "DownloadError",
    "DownloadExpiredError",
    "DownloadProgress",
    "InvalidArgumentError",
    "MagicHourError",
    "MalformedResponseError",
    "MissingAPIKeyError",
    "MissingWebhookSecretError",
    "NotFoundError",
    "OutputExistsError",
    "PaymentRequiredError",
    "ProjectCanceledError",
    "ProjectFailedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "WebhookMalformedBodyError",
    "WebhookMalformedTimestampError",
    "WebhookMissingHeaderError",
    "WebhookSignatureMismatchError",
    "WebhookTimestampOutsideWindowError",
    "WebhookVerificationError",
    "acheck_result",
    "adelete_project",
    "aget_project",
    "check_result",
    "client_from_env",
    "delete_project",
    "get_project",
    "output_filename",
    "poll_interval",
    "redact_url",
    "simulate_polls",
]

# The library is silent unless the application configures logging; no log record of httpx,
# httpcore, stamina or ours shows a signed query string (see _log).
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
# stamina reports each retry on its own logger at WARNING; in an application that configured no
# logging, Python's last-resort handler would print a bare "stamina.retry_scheduled" to stderr.
# A NullHandler keeps that silent and changes nothing once the application configures logging.
_logging.getLogger("stamina").addHandler(_logging.NullHandler())
_install_log_filters()
# Large outputs download at close to disk speed only with large socket reads (see _read_size).
_raise_read_size()
