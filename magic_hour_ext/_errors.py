"""Every error magic_hour_ext raises, in one place.

The tree::

    MagicHourError
    ├── ConfigurationError (also a ValueError)     bad environment, e.g. MAGIC_HOUR_POLL_INTERVAL=abc
    │   ├── MissingAPIKeyError                     MAGIC_HOUR_API_KEY is not set
    │   └── MissingWebhookSecretError              no webhook secret given, MAGIC_HOUR_WEBHOOK_SECRET not set
    ├── InvalidArgumentError (also a ValueError)   a bad argument, e.g. an empty project id
    ├── APIError                                   a non-success API response, after retries
    │   ├── AuthenticationError                    401
    │   ├── PaymentRequiredError                   402
    │   ├── NotFoundError                          404
    │   ├── UnprocessableEntityError               422, e.g. a video template cannot be deleted
    │   ├── RateLimitError                         429, after retries
    │   ├── APIConnectionError                     no response (connection error, timeout), after retries
    │   └── MalformedResponseError                 a body that does not parse as the spec says
    ├── ProjectFailedError                         the final status is ``error``
    ├── ProjectCanceledError                       the final status is ``canceled``
    ├── WaitTimeoutError (also a TimeoutError)     the deadline passed (or would, during a retry)
    ├── DownloadError                              an output could not be saved
    │   ├── DownloadExpiredError                   its URL stayed expired after fetching fresh URLs
    │   └── OutputExistsError (also a FileExistsError)  the final file exists and overwrite is False
    ├── UploadError                                a file could not be uploaded (names the file)
    └── WebhookVerificationError                   a webhook delivery to refuse (answer 400)
        ├── WebhookMissingHeaderError              a signing header is missing or empty
        ├── WebhookMalformedTimestampError         the timestamp header is not integer seconds
        ├── WebhookTimestampOutsideWindowError     signed too long ago, or too far in the future
        ├── WebhookSignatureMismatchError          no webhook secret gives the signature received
        └── WebhookMalformedBodyError              signed, but not an event: not JSON, no type, no project

Messages never contain the API token, a webhook secret or a signature, and every URL in them is
redacted by :func:`magic_hour_ext._redact.redact_url`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._redact import redact_url

if TYPE_CHECKING:
    from generated.models import ImageProject

__all__ = [
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "ConfigurationError",
    "DownloadError",
    "DownloadExpiredError",
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
    "UploadError",
    "WaitTimeoutError",
    "WebhookMalformedBodyError",
    "WebhookMalformedTimestampError",
    "WebhookMissingHeaderError",
    "WebhookSignatureMismatchError",
    "WebhookTimestampOutsideWindowError",
    "WebhookVerificationError",
    "api_error_for_status",
]


class MagicHourError(Exception):
    """Base class of every error raised by magic_hour_ext.

    Example:
        >>> try:
        ...     raise NotFoundError(404, "Not Found")
        ... except MagicHourError as err:
        ...     print(type(err).__name__, err.status_code)
        NotFoundError 404
    """


class ConfigurationError(MagicHourError, ValueError):
    """The environment holds a value that cannot be used."""


class MissingAPIKeyError(ConfigurationError):
    """``MAGIC_HOUR_API_KEY`` is not set and no client was given."""

    def __init__(self, variable: str = "MAGIC_HOUR_API_KEY") -> None:
        self.variable = variable
        super().__init__(
            f"{variable} is not set: export your Magic Hour API key as {variable}, or pass client=..."
        )


class MissingWebhookSecretError(ConfigurationError):
    """No webhook secret was given and ``MAGIC_HOUR_WEBHOOK_SECRET`` is not set.

    A configuration error, not a verification error: a receiver should fail loudly (500, or at
    start-up), not answer 400 to every genuine delivery.
    """

    def __init__(self, variable: str = "MAGIC_HOUR_WEBHOOK_SECRET") -> None:
        self.variable = variable
        super().__init__(
            f"{variable} is not set: export your webhook's signing secret as {variable}, or pass secret=..."
        )


class InvalidArgumentError(MagicHourError, ValueError):
    """An argument that cannot be used, such as an empty project id."""


class APIError(MagicHourError):
    """The API answered with a non-success status (after retries), or not at all.

    Attributes:
        status_code: The HTTP status, or None when no response came (see APIConnectionError).
        message: The ``message`` of the error body when there was one, else a short description.
        retry_after: Seconds the server asked to wait (``Retry-After``), capped; None when absent.
    """

    def __init__(self, status_code: int | None, message: str, *, retry_after: float | None = None) -> None:
        self.status_code = status_code
        self.message = message
        self.retry_after = retry_after
        prefix = f"HTTP {status_code}" if status_code is not None else "no response"
        super().__init__(f"{prefix}: {message}")


class AuthenticationError(APIError):
    """401: the API key is missing, wrong or revoked."""


class PaymentRequiredError(APIError):
    """402: the account has run out of credits."""


class NotFoundError(APIError):
    """404: no such project, or it was deleted."""


class UnprocessableEntityError(APIError):
    """422: the request is well formed, but the API refuses to carry it out.

    For example, deleting a video project that is a template; ``message`` says why.
    """


class RateLimitError(APIError):
    """429, still there after the retries."""


class APIConnectionError(APIError):
    """The API could not be reached, or did not answer in time, after the retries."""

    def __init__(self, message: str) -> None:
        super().__init__(None, message)


class MalformedResponseError(APIError):
    """A response whose body does not match the API's spec (not JSON, cut short, fields missing)."""


class ProjectFailedError(MagicHourError):
    """The project ended with the status ``error``.

    Attributes:
        project: The final ImageProject.
        code: ``project.error.code`` (e.g. ``"no_source_face"``), or None when the body has none.
        message: ``project.error.message``, or None when the body has none.
    """

    def __init__(self, project: ImageProject) -> None:
        self.project = project
        # Whatever shape the error has (null, absent, no code, no message), the project failed.
        err = project.error
        self.code: str | None = _text(getattr(err, "code", None))
        self.message: str | None = _text(getattr(err, "message", None))
        detail = f"{self.code}: {self.message}" if self.code and self.message else self.code or self.message
        super().__init__(f"image project {project.id!r} failed ({detail or 'no error details'})")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


class ProjectCanceledError(MagicHourError):
    """The project ended with the status ``canceled``.

    Attributes:
        project: The final ImageProject.
    """

    def __init__(self, project: ImageProject) -> None:
        self.project = project
        super().__init__(f"image project {project.id!r} was canceled")


class WaitTimeoutError(MagicHourError, TimeoutError):
    r"""The overall deadline passed, or would pass during the next retry, before a final status.

    Attributes:
        project_id: The id waited for.
        project: The last ImageProject seen, or None if no GET succeeded.
        timeout: The deadline, in seconds.
        next_retry: None when the deadline has passed. Otherwise it has not yet, but the retry the
            last failure called for would end after it, so it was not made; this describes that
            retry, e.g. ``"Retry-After 30 s, after HTTP 429"``.
        elapsed: Seconds spent waiting when it was raised early (with *next_retry*), else None.

    Example:
        >>> err = WaitTimeoutError("p", None, 3, next_retry="Retry-After 30 s, after HTTP 429", elapsed=0.02)
        >>> print(str(err).replace(": ", ":\n", 1).replace("; ", ";\n"))
        image project 'p' not seen:
        after 0.02 s, the next retry (Retry-After 30 s, after HTTP 429) would end after the 3 s deadline;
        resume with check_result('p')
    """

    def __init__(
        self,
        project_id: str,
        project: ImageProject | None,
        timeout: float,
        *,
        next_retry: str | None = None,
        elapsed: float | None = None,
    ) -> None:
        self.project_id = project_id
        self.project = project
        self.timeout = timeout
        self.next_retry = next_retry
        self.elapsed = elapsed
        status = f"still {str(project.status)!r}" if project is not None else "not seen"
        if next_retry is None:
            what = f"{status} after {timeout:g} s"
        else:
            spent = f"after {elapsed:.2f} s, " if elapsed is not None else ""
            what = (
                f"{status}: {spent}the next retry ({next_retry}) would end after the {timeout:g} s deadline"
            )
        super().__init__(f"image project {project_id!r} {what}; resume with check_result({project_id!r})")


class DownloadError(MagicHourError):
    """An output could not be downloaded; no partial file is left behind.

    Attributes:
        url: The output's URL, with its signed query string redacted (None when no URL is involved).
        path: The final path it was meant for, or None.
    """

    def __init__(self, message: str, *, url: str | None = None, path: Path | None = None) -> None:
        self.url = redact_url(url) if url is not None else None
        self.path = path
        super().__init__(f"{message} ({self.url})" if self.url else message)


class DownloadExpiredError(DownloadError):
    """The output's URL was expired, and so were the fresh ones fetched to replace it."""


class OutputExistsError(DownloadError, FileExistsError):
    """The final file already exists; pass ``overwrite=True`` to replace it."""


class UploadError(MagicHourError):
    """A file could not be uploaded to the upload URL upload-urls gave, after the retries.

    Attributes:
        path: The local file.
        status_code: The status of the upload host's last answer, or None when none came (a
            connection error, or the file could not be read).

    Example:
        >>> str(UploadError("the upload host answered HTTP 413", path=Path("big.mp4"), status_code=413))
        "cannot upload 'big.mp4': the upload host answered HTTP 413"
    """

    def __init__(self, message: str, *, path: Path, status_code: int | None = None) -> None:
        self.path = path
        self.status_code = status_code
        super().__init__(f"cannot upload {str(path)!r}: {message}")


class WebhookVerificationError(MagicHourError):
    """A webhook delivery that must not be trusted or cannot be read: answer it with HTTP 400.

    Each subclass names one reason. The message never contains a webhook secret, the signature
    expected or the one received.

    Example:
        >>> try:
        ...     raise WebhookMissingHeaderError("magic-hour-event-signature")
        ... except WebhookVerificationError as err:
        ...     print(err)
        the webhook has no magic-hour-event-signature header
    """


class WebhookMissingHeaderError(WebhookVerificationError):
    """A signing header is missing or empty.

    Attributes:
        header: Its name, e.g. ``"magic-hour-event-timestamp"``.
    """

    def __init__(self, header: str) -> None:
        self.header = header
        super().__init__(f"the webhook has no {header} header")


class WebhookMalformedTimestampError(WebhookVerificationError):
    """The timestamp header is not an integer number of seconds since the epoch."""


class WebhookTimestampOutsideWindowError(WebhookVerificationError):
    """The delivery was signed more than *tolerance* seconds before now, or after now.

    A replayed old delivery, or a clock that is off: the signature itself was right.

    Attributes:
        timestamp: The signed timestamp (seconds since the epoch).
        now: The time of the check (seconds since the epoch).
        tolerance: The window on either side of *now*, in seconds.
        age: ``now - timestamp``: positive when signed in the past, negative in the future.

    Example:
        >>> str(WebhookTimestampOutsideWindowError(1_000, now=1_400.0, tolerance=300.0))
        'the webhook was signed 400 s ago, outside the 300 s window (replayed, or a clock is off)'
        >>> str(WebhookTimestampOutsideWindowError(1_400, now=1_000.0, tolerance=300.0))
        'the webhook was signed 400 s in the future, outside the 300 s window (a clock is off)'
    """

    def __init__(self, timestamp: int, *, now: float, tolerance: float) -> None:
        self.timestamp = timestamp
        self.now = now
        self.tolerance = tolerance
        self.age = now - timestamp
        when, why = (
            (f"{self.age:.0f} s ago", "replayed, or a clock is off")
            if self.age >= 0
            else (f"{-self.age:.0f} s in the future", "a clock is off")
        )
        super().__init__(f"the webhook was signed {when}, outside the {tolerance:g} s window ({why})")


class WebhookSignatureMismatchError(WebhookVerificationError):
    """The signature is not the one any of the webhook secrets gives for this timestamp and body.

    The body or timestamp was changed on the way (a proxy that re-encodes JSON, a framework that
    parsed and re-serialised the body), the secret is another endpoint's, or it is a forgery.
    """


class WebhookMalformedBodyError(WebhookVerificationError):
    """The signed body is not a Magic Hour event.

    It is not JSON, not an object, has no ``type`` string, or the ``payload`` of a known event type
    is not a project (``id`` and ``status`` are required, and ``downloads`` once ``complete``).
    """


_ERRORS_BY_STATUS: dict[int, type[APIError]] = {
    401: AuthenticationError,
    402: PaymentRequiredError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def api_error_for_status(status_code: int, message: str, *, retry_after: float | None = None) -> APIError:
    """The APIError (or subclass) for a non-success *status_code*.

    Example:
        >>> err = api_error_for_status(402, "Payment required")
        >>> type(err).__name__, str(err)
        ('PaymentRequiredError', 'HTTP 402: Payment required')
    """
    return _ERRORS_BY_STATUS.get(status_code, APIError)(status_code, message, retry_after=retry_after)
