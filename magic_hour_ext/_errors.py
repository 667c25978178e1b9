"""Every error magic_hour_ext raises, in one place.

The tree::

    MagicHourError
    ├── ConfigurationError (also a ValueError)     bad environment, e.g. MAGIC_HOUR_POLL_INTERVAL=abc
    │   ├── MissingAPIKeyError                     MAGIC_HOUR_API_KEY is not set
    │   └── MissingWebhookSecretError              no webhook secret given, MAGIC_HOUR_WEBHOOK_SECRET not set
    ├── InvalidArgumentError (also a ValueError)   a bad argument, e.g. an empty project id
    ├── APIError                                   a non-success API response, after retries
    │   ├── InvalidRequestError                    400: the API refused the request as it is
    │   │   └── UnprocessableEntityError           422, e.g. a video template cannot be deleted
    │   ├── AuthenticationError                    401
    │   ├── PaymentRequiredError                   402
    │   ├── PermissionDeniedError                  403, e.g. the plan does not allow that tool
    │   ├── NotFoundError                          404
    │   ├── RateLimitError                         429, after retries
    │   ├── APIConnectionError                     no response (connection error, timeout), after retries
    │   └── MalformedResponseError                 a body that does not parse as the spec says
    ├── CreateOutcomeUnknownError                  a create may have been carried out and charged
    ├── ProjectFailedError                         the final status is ``error``
    ├── ProjectCanceledError                       the final status is ``canceled``
    ├── WaitTimeoutError (also a TimeoutError)     the deadline passed (or would, during a retry)
    ├── DownloadError                              an output could not be saved
    │   ├── DownloadDirectoryError                 the download directory cannot be used (checked first)
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

Every error has ``project_id`` and ``kind`` (None when it is about no project): an error that
:func:`magic_hour_ext.generate` raises once its project exists always carries that project's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack
from urllib.parse import urlsplit

from ._redact import redact_url

if TYPE_CHECKING:
    from ._kinds import Project

__all__ = [
    "APIConnectionError",
    "APIError",
    "AuthenticationError",
    "ConfigurationError",
    "CreateOutcomeUnknownError",
    "DownloadDirectoryError",
    "DownloadError",
    "DownloadExpiredError",
    "InvalidArgumentError",
    "InvalidRequestError",
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
    "RequestInfo",
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

    Attributes:
        project_id: The project the error is about, or None (also for an error of a request about
            no project, such as upload-urls).
        kind: That project's kind (``"image"``, ``"video"``, ``"audio"``), or None.
    """

    project_id: str | None = None
    kind: str | None = None

    def about_project(self, project_id: str, kind: str) -> None:
        """Say which project this error is about, where it does not say it yet.

        :func:`magic_hour_ext.generate` calls it on every error raised once its project exists.

        Example:
            >>> err = DownloadError("the download host answered HTTP 500")
            >>> err.about_project("cm123", "image")
            >>> err.project_id, err.kind
            ('cm123', 'image')
        """
        if self.project_id is None:
            self.project_id = project_id
        if self.kind is None:
            self.kind = kind


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


class RequestInfo(TypedDict, total=False):
    """Which request an APIError answered (the keyword arguments of its constructor)."""

    method: str | None
    url: str | None
    kind: str | None
    project_id: str | None
    hint: str | None
    attempts: int | None


class APIError(MagicHourError):
    """The API answered with a non-success status (after retries), or not at all.

    Every APIError raised by a request says which request it was: the method, the URL (its query
    redacted), the kind of project and its id. None of them ever holds the API token.

    Attributes:
        status_code: The HTTP status, or None when no response came (see APIConnectionError).
        message: The ``message`` of the error body when there was one, else a short description.
        retry_after: Seconds the server asked to wait (``Retry-After``), capped; None when absent.
        method: The request's method (``"GET"``, ``"DELETE"``), or None when not known.
        url: The request's URL, query values redacted, or None when not known.
        kind: The kind of project asked for (``"image"``, ``"video"``, ``"audio"``), or None.
        project_id: The project asked for, or None.
        hint: The likely causes, for a reader (e.g. of a 404), or None.
        attempts: How many attempts were made before giving up, or None when not known.

    Example:
        >>> err = NotFoundError(404, "Not Found", method="GET", kind="image", project_id="p",
        ...                     url="https://api.magichour.ai/v1/image-projects/p", hint="a wrong id?")
        >>> print(err)
        GET image project 'p' (https://api.magichour.ai/v1/image-projects/p): HTTP 404: Not Found; a wrong id?
        >>> err.host
        'api.magichour.ai'
    """

    def __init__(
        self,
        status_code: int | None,
        message: str,
        *,
        retry_after: float | None = None,
        **where: Unpack[RequestInfo],
    ) -> None:
        super().__init__(status_code, message)
        self.status_code = status_code
        self.message = message
        self.retry_after = retry_after
        self.method = where.get("method")
        url = where.get("url")
        self.url = redact_url(url) if url is not None else None
        self.kind = where.get("kind")
        self.project_id = where.get("project_id")
        self.hint = where.get("hint")
        self.attempts = where.get("attempts")

    @property
    def host(self) -> str | None:
        """The host (and port, when one is given) the request went to, or None when not known."""
        if self.url is None:
            return None
        try:
            return urlsplit(self.url).netloc.rpartition("@")[2] or None
        except ValueError:
            return None

    def about(self) -> str | None:
        """The request in words, e.g. ``"GET image project 'p'"``; None when not known."""
        if self.method is None:
            return None
        if self.project_id is None:
            return self.method
        kind = f"{self.kind} project" if self.kind else "project"
        return f"{self.method} {kind} {self.project_id!r}"

    def outcome(self) -> str:
        """What the API answered (``"HTTP 404: Not Found"``), or that it did not (``"no response ..."``)."""
        return f"HTTP {self.status_code}: {self.message}"

    def __str__(self) -> str:
        text = self.outcome()
        about = self.about()
        if about is not None:
            text = f"{about} ({self.url}): {text}" if self.url else f"{about}: {text}"
        return f"{text}; {self.hint}" if self.hint else text

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled with every attribute (subclasses take other positional arguments).
        return (_restore, (type(self), self.args, self.__dict__.copy()))

    def locate(
        self, *, method: str, url: str | None, kind: str | None, project_id: str | None, attempts: int | None
    ) -> None:
        """Say which request this error answered, where the error does not say it yet.

        Called by the request that got it (``magic_hour_ext._requests.ApiRequest``).
        """
        self.method = self.method or method
        if self.url is None and url is not None:
            self.url = redact_url(url)
        self.kind = self.kind or kind
        self.project_id = self.project_id if self.project_id is not None else project_id
        self.attempts = self.attempts or attempts


def _restore(cls: type[MagicHourError], args: tuple[object, ...], state: dict[str, object]) -> MagicHourError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class InvalidRequestError(APIError):
    """400 (and 422, a subclass): the API refused the request as it is; ``message`` says why.

    Sending it again unchanged will not help. For a create, nothing was created or charged.
    """


class AuthenticationError(APIError):
    """401: the API key is missing, wrong or revoked."""


class PaymentRequiredError(APIError):
    """402: the account has run out of credits."""


class PermissionDeniedError(APIError):
    """403: the key may not do this, e.g. the account's plan does not allow that model or resolution."""


class NotFoundError(APIError):
    """404: no such project here.

    Its :attr:`~APIError.hint` names the likely causes: a wrong id, the id of another kind of
    project (a video's id asked for as an image project), a deleted project, or a base URL that is
    not the API (said first when the answer is not the API's JSON, e.g. a download host's XML).
    """


class UnprocessableEntityError(InvalidRequestError):
    """422: the request is well formed, but the API refuses to carry it out.

    For example, deleting a video project that is a template, or a create whose input file does
    not exist; ``message`` says why.
    """


class RateLimitError(APIError):
    """429, still there after the retries."""


class APIConnectionError(APIError):
    """No response from the API host, after the retries: it could not be reached, or did not answer.

    It names the host (:attr:`~APIError.host`); ``message`` says what failed (connection refused,
    a DNS lookup, no answer in time). Raised whatever the timeout of a wait, as long as its
    deadline has not passed (past the deadline, WaitTimeoutError is raised from it).

    Example:
        >>> err = APIConnectionError("ConnectError: [Errno 111] Connection refused", method="GET",
        ...                          url="http://127.0.0.1:1/v1/image-projects/p", kind="image",
        ...                          project_id="p", attempts=4)
        >>> err.host
        '127.0.0.1:1'
        >>> str(err).split(": ", 1)[1]
        'no response from 127.0.0.1:1 after 4 attempts: ConnectError: [Errno 111] Connection refused'
    """

    def __init__(self, message: str, **where: Unpack[RequestInfo]) -> None:
        super().__init__(None, message, **where)

    def outcome(self) -> str:
        """``"no response from <host> after <n> attempts: <what failed>"``."""
        where = f" from {self.host}" if self.host else ""
        tries = f" after {self.attempts} attempts" if self.attempts and self.attempts > 1 else ""
        return f"no response{where}{tries}: {self.message}"


class MalformedResponseError(APIError):
    """A response whose body does not match the API's spec (not JSON, cut short, fields missing)."""


class CreateOutcomeUnknownError(MagicHourError):
    """A create request may have reached the API, but no answer says whether it was carried out.

    The connection dropped or timed out after the request was sent, or the API answered a 5xx
    (or 408, 499): the project may have been created, and its credits charged. Magic Hour
    documents no idempotency key, so the request is never sent again (it could pay twice): look
    at your projects before creating it again. Deliberately not an APIError, so that code which
    retries APIErrors does not resend it by accident.

    Attributes:
        tool: The tool (``"ai-image-generator"``).
        kind: The kind of project it creates.
        method: ``"POST"``.
        url: The create's URL (query redacted).
        status_code: The status answered (a 5xx), or None when no answer came.
        reason: What happened, in words (``"the connection closed before any answer"``).
        attempts: How many times the create was sent (more than 1 only after failures that prove
            the earlier attempts were never taken: a refused connection, a 429).

    Example:
        >>> err = CreateOutcomeUnknownError("ai-image-generator", "image", reason="HTTP 502: Bad Gateway",
        ...     status_code=502, url="https://api.magichour.ai/v1/ai-image-generator")
        >>> print(str(err).replace("; ", ";\\n"))
        POST ai-image-generator (https://api.magichour.ai/v1/ai-image-generator): HTTP 502: Bad Gateway;
        the image project may have been created and charged: not sent again (it could pay twice);
        check your projects before creating it again
    """

    def __init__(
        self,
        tool: str,
        kind: str,
        *,
        reason: str,
        status_code: int | None = None,
        method: str = "POST",
        url: str | None = None,
        attempts: int = 1,
    ) -> None:
        self.tool = tool
        self.kind = kind
        self.reason = reason
        self.status_code = status_code
        self.method = method
        self.url = redact_url(url) if url is not None else None
        self.attempts = attempts
        where = f" ({self.url})" if self.url else ""
        super().__init__(
            f"{method} {tool}{where}: {reason}; the {kind} project may have been created and charged: "
            "not sent again (it could pay twice); check your projects before creating it again"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_restore, (type(self), self.args, self.__dict__.copy()))


class ProjectFailedError(MagicHourError):
    """The project ended with the status ``error``.

    Attributes:
        project: The final project (ImageProject, VideoProject or AudioProject).
        kind: Its kind (``"image"``, ``"video"``, ``"audio"``), from its model.
        code: ``project.error.code`` (e.g. ``"no_source_face"``), or None when the body has none.
        message: ``project.error.message``, or None when the body has none.

    Example:
        >>> from generated.models import VideoProject
        >>> failed = VideoProject.from_dict({"id": "v", "status": "error", "error": {"code": "timeout"}})
        >>> print(ProjectFailedError(failed))
        video project 'v' failed (timeout)
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.kind = _kind_of(project)
        # Whatever shape the error has (null, absent, no code, no message), the project failed.
        err = project.error
        self.code: str | None = _text(getattr(err, "code", None))
        self.message: str | None = _text(getattr(err, "message", None))
        detail = f"{self.code}: {self.message}" if self.code and self.message else self.code or self.message
        super().__init__(f"{self.kind} project {project.id!r} failed ({detail or 'no error details'})")


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _kind_of(project: Project) -> str:
    from ._kinds import kind_of  # imported here: _kinds raises errors of this module

    return kind_of(project).name


class ProjectCanceledError(MagicHourError):
    """The project ended with the status ``canceled``.

    Attributes:
        project: The final project (ImageProject, VideoProject or AudioProject).
        kind: Its kind, from its model.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.kind = _kind_of(project)
        super().__init__(f"{self.kind} project {project.id!r} was canceled")


class WaitTimeoutError(MagicHourError, TimeoutError):
    r"""The overall deadline passed, or would pass during the next retry, before a final status.

    When the requests of the wait failed without a response (connections refused, or never
    answered), its ``__cause__`` is the APIConnectionError of the last one; :attr:`answered` says
    whether the API answered anything at all.

    Attributes:
        project_id: The id waited for.
        project: The last project seen, or None if no GET succeeded.
        timeout: The deadline, in seconds.
        next_retry: None when the deadline has passed. Otherwise it has not yet, but the retry the
            last failure called for would end after it, so it was not made; this describes that
            retry, e.g. ``"Retry-After 30 s, after HTTP 429"``.
        elapsed: Seconds spent waiting when it was raised early (with *next_retry*), else None.
        answered: False when no request of the wait got any response from the API (the host was
            never reached, or never answered): waiting again will not help until it does.
        kind: The kind of project waited for (``"image"``, ...).
        no_response: When the API never answered: what the last request got (e.g. ``"no response
            from 127.0.0.1:1 after 4 attempts: ConnectError: ..."``), else None.

    Example:
        >>> err = WaitTimeoutError("p", None, 3, next_retry="Retry-After 30 s, after HTTP 429", elapsed=0.02)
        >>> print(str(err).replace(": ", ":\n", 1).replace("; ", ";\n"))
        image project 'p' not seen:
        after 0.02 s, the next retry (Retry-After 30 s, after HTTP 429) would end after the 3 s deadline;
        resume with check_result('p')
        >>> print(WaitTimeoutError("p", None, 3, answered=False, no_response="no response from h:1: refused"))
        image project 'p' not seen after 3 s: the API never answered (no response from h:1: refused)
    """

    def __init__(
        self,
        project_id: str,
        project: Project | None,
        timeout: float,
        *,
        next_retry: str | None = None,
        elapsed: float | None = None,
        answered: bool = True,
        kind: str = "image",
        no_response: str | None = None,
    ) -> None:
        self.project_id = project_id
        self.project = project
        self.timeout = timeout
        self.next_retry = next_retry
        self.elapsed = elapsed
        self.answered = answered
        self.kind = kind
        self.no_response = no_response
        status = f"still {str(project.status)!r}" if project is not None else "not seen"
        if next_retry is None:
            what = f"{status} after {timeout:g} s"
        else:
            spent = f"after {elapsed:.2f} s, " if elapsed is not None else ""
            what = (
                f"{status}: {spent}the next retry ({next_retry}) would end after the {timeout:g} s deadline"
            )
        if not answered:
            why = f" ({no_response})" if no_response else ""
            super().__init__(f"{kind} project {project_id!r} {what}: the API never answered{why}")
            return
        again = (
            f"check_result({project_id!r})"
            if kind == "image"
            else f"check_result({project_id!r}, kind={kind!r})"
        )
        super().__init__(f"{kind} project {project_id!r} {what}; resume with {again}")


class DownloadError(MagicHourError):
    """An output could not be downloaded; never a partial output under its final name.

    What arrived stays in the output's partial file when a later call can resume it (see
    ``magic_hour_ext._partial``).

    Attributes:
        url: The output's URL, with its signed query string redacted (None when no URL is involved).
        path: The final path it was meant for, or None.
    """

    def __init__(self, message: str, *, url: str | None = None, path: Path | None = None) -> None:
        self.url = redact_url(url) if url is not None else None
        self.path = path
        super().__init__(f"{message} ({self.url})" if self.url else message)


class DownloadDirectoryError(DownloadError):
    """The download directory cannot be used: it is not a folder, or cannot be created or written.

    Raised before the first request of a wait that would download (nothing is waited for in vain),
    or when the directory is created, if it changed meanwhile. ``path`` is the directory.

    Example:
        >>> err = DownloadDirectoryError("the download directory 'out' is not a folder", path=Path("out"))
        >>> err.path, isinstance(err, DownloadError)
        (PosixPath('out'), True)
    """


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
    400: InvalidRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
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
