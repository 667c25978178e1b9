"""magic-hour-ext: a robust Python client for Magic Hour image, video and audio projects.

Create a project with any tool, uploading its local input files, then wait and save its outputs,
with :func:`generate` (or :func:`agenerate`); wait for a project and download its outputs with
:func:`check_result` (or :func:`acheck_result`), ``kind="image"`` (the default), ``"video"`` or
``"audio"``; get or delete one project with :func:`get_project` and :func:`delete_project`; upload
input files with :func:`upload_file` (or :func:`upload_files`, :func:`aupload_file`); verify webhook
deliveries with :mod:`magic_hour_ext.webhooks`. Every error is a :class:`MagicHourError`.
:class:`DeadlineTransport` is the httpx transport that keeps deadlines whatever a server does (the
library's own clients use it). Importing the package changes nothing outside it;
:func:`redact_signed_urls_in_logs` is the one process-wide switch, for applications that show
httpx's, httpcore's and stamina's logs.
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
    CreateOutcomeUnknownError,
    DownloadDirectoryError,
    DownloadError,
    DownloadExpiredError,
    InvalidArgumentError,
    InvalidRequestError,
    MagicHourError,
    MalformedResponseError,
    MissingAPIKeyError,
    MissingWebhookSecretError,
    NotFoundError,
    OutputExistsError,
    PaymentRequiredError,
    PermissionDeniedError,
    ProjectCanceledError,
    ProjectFailedError,
    RateLimitError,
    UnprocessableEntityError,
    UploadError,
    WaitTimeoutError,
    WebhookMalformedBodyError,
    WebhookMalformedTimestampError,
    WebhookMissingHeaderError,
    WebhookSignatureMismatchError,
    WebhookTimestampOutsideWindowError,
    WebhookVerificationError,
)
from ._generate import agenerate, generate
from ._kinds import KIND_DEFAULT
from ._log import SignedURLFilter as _SignedURLFilter
from ._log import redact_signed_urls_in_logs
from ._naming import output_filename
from ._redact import redact_url
from ._result import CheckResult, DownloadProgress, UploadProgress
from ._schedule import poll_interval, simulate_polls
from ._transport import DeadlineTransport
from ._upload_api import aupload_file, aupload_files, upload_file, upload_files

__all__ = [  # noqa: RUF022 - sorted as sorted() sorts (test_init)
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "CheckResult",
    "ConfigurationError",
    "CreateOutcomeUnknownError",
    "DeadlineTransport",
    "DownloadDirectoryError",
    "DownloadError",
    "DownloadExpiredError",
    "DownloadProgress",
    "InvalidArgumentError",
    "InvalidRequestError",
    "KIND_DEFAULT",
    "MagicHourError",
    "MalformedResponseError",
    "MissingAPIKeyError",
    "MissingWebhookSecretError",
    "NotFoundError",
    "OutputExistsError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "ProjectCanceledError",
    "ProjectFailedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "UploadError",
    "UploadProgress",
    "WaitTimeoutError",
    "WebhookMalformedBodyError",
    "WebhookMalformedTimestampError",
    "WebhookMissingHeaderError",
    "WebhookSignatureMismatchError",
    "WebhookTimestampOutsideWindowError",
    "WebhookVerificationError",
    "acheck_result",
    "adelete_project",
    "agenerate",
    "aget_project",
    "aupload_file",
    "aupload_files",
    "check_result",
    "client_from_env",
    "delete_project",
    "generate",
    "get_project",
    "output_filename",
    "poll_interval",
    "redact_signed_urls_in_logs",
    "redact_url",
    "simulate_polls",
    "upload_file",
    "upload_files",
]

# Silent unless the application configures logging, and redacted: our own logger only. Importing
# the package changes nothing in any other library (see redact_signed_urls_in_logs to opt in).
_logging.getLogger(__name__).addHandler(_logging.NullHandler())
_logging.getLogger(__name__).addFilter(_SignedURLFilter())
