"""Every error magic_hour_ext raises, in one place.

The tree::

    MagicHourError
    ├── ConfigurationError (also a ValueError)     bad environment, e.g. MAGIC_HOUR_POLL_INTERVAL=abc
    │   └── MissingAPIKeyError                     MAGIC_HOUR_API_KEY is not set
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
    └── DownloadError                              an output could not be saved
        ├── DownloadExpiredError                   its URL stayed expired after fetching fresh URLs
        └── OutputExistsError (also a FileExistsError)  the final file exists and overwrite is False

Messages never contain the API token, and every URL in them is redacted by
:func:`magic_hour_ext._redact.redact_url`.
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
    "NotFoundError",
    "OutputExistsError",
    "PaymentRequiredError",
    "ProjectCanceledError",
    "ProjectFailedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
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
