"""One API request, without I/O: what to send, how long it may take, and how to read the answer.

The drivers (``_sync.py``, ``_async.py``) only send it::

    with request.reporting(http.base_url):
        for attempt in request.retry.retrying():
            with attempt, request.guard(), <the whole request bounded by request.limit()>:
                return request.read(http.request(**request.send_kwargs(http.timeout)))
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Container, Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any, Generic, Protocol, Self, TypeVar
from urllib.parse import quote

import httpx
from attrs import frozen

from generated.models import ProjectDownload, ProjectStatus
from generated.types import Unset

from ._errors import (
    APIConnectionError,
    APIError,
    ConfigurationError,
    InvalidArgumentError,
    MalformedResponseError,
    NotFoundError,
    api_error_for_status,
)
from ._kinds import KIND_NAMES, Kind, kind_for_model
from ._log import logger as log
from ._redact import redact_text
from ._retry import RetryState, cause_of, dns_failure, is_retryable_status, is_transient, parse_retry_after
from ._tolerant import FieldError, field_name, fit_object

__all__ = [
    "MIN_REQUEST_TIMEOUT",
    "NOT_THE_API",
    "ApiRequest",
    "ProjectModel",
    "ProjectReader",
    "bounded_timeout",
    "check_project_id",
    "connection_failure",
    "delete_request",
    "error_from_response",
    "get_request",
    "json_answer",
    "not_found_hint",
    "parse_project",
    "project_outputs",
    "project_path",
    "request_limit",
]

T = TypeVar("T")

#: A request made when (almost) no time is left before the deadline still gets this long, so a
#: wait ends at most this long after its deadline (the last GET goes out right at the deadline).
MIN_REQUEST_TIMEOUT = 0.5


def check_project_id(project_id: object) -> str:
    """*project_id* if it can name a project in a URL path, else InvalidArgumentError.

    Refused: anything but a string, an empty or blank string, NUL, and the dot segments ``.`` and
    ``..``. A dot segment cannot travel as a path segment: httpx removes it (``..`` would turn
    ``DELETE /v1/image-projects/..`` into ``DELETE /v1``), and its percent-encoded form ``%2E%2E``
    is a dot segment too for WHATWG URL parsers and RFC 3986 normalisers (proxies, CDNs, server
    frameworks), so it could still reach another resource. Every other id, dots included
    (``...``, ``a/../b``), is sent as one percent-encoded segment by :func:`project_path`.

    Example:
        >>> check_project_id("cuid-example")
        'cuid-example'
        >>> check_project_id("..")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.InvalidArgumentError: the project id '..' is a dot segment URLs cannot carry
    """
    if not isinstance(project_id, str) or not project_id.strip() or "\x00" in project_id:
        raise InvalidArgumentError(f"the project id must be a non-empty string, not {project_id!r:.40}")
    if project_id in (".", ".."):
        raise InvalidArgumentError(f"the project id {project_id!r} is a dot segment URLs cannot carry")
    return project_id


def project_path(project_id: str, kind: Kind) -> str:
    """The API path of a project of *kind*: the id checked, then percent-encoded as ONE path segment.

    ``/``, ``?``, ``#`` and ``%`` are encoded; ``.`` and ``..`` are refused (see
    :func:`check_project_id`), so the path never leaves the kind's collection
    (``/v1/video-projects/``, say).

    Example:
        >>> from magic_hour_ext._kinds import kind_named
        >>> project_path("a/b?c", kind_named("image"))
        '/v1/image-projects/a%2Fb%3Fc'
        >>> project_path("a/../b", kind_named("video"))
        '/v1/video-projects/a%2F..%2Fb'
    """
    return kind.path_prefix + quote(check_project_id(project_id), safe="")


def request_limit(time_left: float | None) -> float | None:
    """How long one API request may take as a whole, body included: THE deadline rule of a request.

    The time left before the deadline, but at least MIN_REQUEST_TIMEOUT; None without a deadline.
    The drivers bound each attempt by it: ``anyio.fail_after`` in async code, and in sync code the
    socket operations of a DeadlineTransport (see ``_network.py``), which no server can stretch.

    Example:
        >>> request_limit(12.0), request_limit(0.1), request_limit(None)
        (12.0, 0.5, None)
    """
    return None if time_left is None else max(MIN_REQUEST_TIMEOUT, time_left)


def bounded_timeout(base: httpx.Timeout, time_left: float | None) -> httpx.Timeout:
    """*base* with every phase cut to :func:`request_limit` of the time left.

    Each phase bounded is all a client's own transport offers in sync code: a server that keeps
    sending a little can stretch a request well beyond it (a DeadlineTransport cannot be stretched).

    Example:
        >>> bounded_timeout(httpx.Timeout(30.0, connect=10.0), 4.0)
        Timeout(timeout=4.0)
        >>> bounded_timeout(httpx.Timeout(30.0, connect=10.0), 20.0)
        Timeout(connect=10.0, read=20.0, write=20.0, pool=20.0)
    """
    limit = request_limit(time_left)
    if limit is None:
        return base

    def cut(value: float | None) -> float:
        return limit if value is None else min(value, limit)

    return httpx.Timeout(
        connect=cut(base.connect), read=cut(base.read), write=cut(base.write), pool=cut(base.pool)
    )


def _message_of(status_code: int, body: bytes) -> tuple[str, bool]:
    """The message of an error body, and whether the body is the API's (``{"message": ...}`` JSON)."""
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        payload = None
    if isinstance(payload, dict) and isinstance(payload.get("message"), str) and payload["message"].strip():
        return redact_text(payload["message"].strip()[:500]), True
    try:
        return HTTPStatus(status_code).phrase, False
    except ValueError:
        return "non-standard status", False


#: The hint of a final 4xx (a 404, say) whose body is not the API's JSON: a download host's XML, a
#: web server's HTML page. (Statuses that are retried, such as 429 or a 502 from a gateway, get none.)
NOT_THE_API = (
    "the answer is not the API's JSON, so the base URL is probably not the Magic Hour API "
    "(a download host, a proxy or another server answered): check it"
)


def error_from_response(status_code: int, headers: Mapping[str, str], body: bytes) -> APIError:
    """The APIError for a non-success response (the body's ``message`` when it has one).

    A final 4xx whose body is not the API's JSON (a 404 or 400 in XML or HTML) says so in its
    ``hint``: the base URL is likely not the API's.

    Example:
        >>> str(error_from_response(404, {}, b'{"message": "Not Found"}'))
        'HTTP 404: Not Found'
        >>> error_from_response(404, {}, b"<Error><Code>NoSuchKey</Code></Error>").hint == NOT_THE_API
        True
        >>> error_from_response(429, {"retry-after": "2"}, b"").retry_after
        2.0
    """
    retry_after = parse_retry_after(headers.get("retry-after"))
    message, from_api = _message_of(status_code, body)
    error = api_error_for_status(status_code, message, retry_after=retry_after)
    if 400 <= status_code < 500 and not is_retryable_status(status_code) and not from_api:
        error.hint = NOT_THE_API
    return error


def json_answer(
    status_code: int, headers: Mapping[str, str], body: bytes, *, success: Container[int] = (200,)
) -> Any:
    """The decoded JSON of an API answer; its APIError when *status_code* is not a *success*.

    MalformedResponseError when the body of a success is not JSON.
    """
    if status_code not in success:
        raise error_from_response(status_code, headers, body)
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise MalformedResponseError(status_code, "the body is not JSON") from None


def not_found_hint(kind: str | None) -> str:
    """The likely causes of a 404 from the API for a project of *kind*, from the catalog's kinds.

    Example:
        >>> not_found_hint("image")[:55]
        'likely a wrong id, the id of a video or audio project, '
        >>> "the id of an image or audio project" in not_found_hint("video")
        True
    """
    others = [name for name in KIND_NAMES if name != kind] if kind in KIND_NAMES else []
    article = "an" if others and others[0][0] in "aeiou" else "a"
    another = f"the id of {article} {' or '.join(others)} project, " if others else ""
    return f"likely a wrong id, {another}a deleted project, or a base URL that is not the Magic Hour API"


class ProjectModel(Protocol):
    """What the reader needs of a generated project model (ImageProject, VideoProject, AudioProject)."""

    id: str
    status: ProjectStatus
    downloads: list[ProjectDownload] | Unset

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...  # pragma: no cover - a protocol


P = TypeVar("P", bound=ProjectModel)


class ProjectReader(Generic[P]):
    """Reads the GET responses of one kind of project, tolerantly; one per wait.

    Only what the job needs is strict: ``id`` and ``status`` (the fields openapi.yaml requires),
    and, once the status is ``complete``, ``downloads`` with each item's ``url`` and
    ``expires_at``; or, for a kind whose model has the deprecated single ``download`` (videos),
    that ``download`` when it is an object and ``downloads`` is empty or absent (see
    :func:`project_outputs`). A violation raises MalformedResponseError naming the field, never
    its value.
    Any other field that is missing, null or of an unexpected type is left out (the model reads it
    as UNSET), and logged at DEBUG on the ``magic_hour_ext`` logger, once per field for this
    reader. Unknown fields are kept in ``additional_properties``; an unknown status is kept
    (``project.status.is_known`` is False); naive datetimes are taken as UTC. What each field may
    be comes from the spec, through ``generated.catalog`` (see ``_tolerant``).

    Example:
        >>> from generated.models import ImageProject
        >>> read = ProjectReader(ImageProject)
        >>> project = read(200, {}, b'{"id": "p", "status": "queued", "credits_charged": null}')
        >>> project.status, project.credits_charged
        (<ProjectStatus.QUEUED: 'queued'>, <generated.types.Unset object at ...>)
        >>> read(200, {}, b'{"id": "p"}')
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.MalformedResponseError: HTTP 200: ... the field 'status' is missing
    """

    def __init__(self, model: type[P]) -> None:
        self.model = model
        self.kind = kind_for_model(model)
        self._logged: set[str] = set()

    def __call__(self, status_code: int, headers: Mapping[str, str], body: bytes) -> P:
        """The project of a GET response, or the APIError it stands for."""
        payload = json_answer(status_code, headers, body)
        if not isinstance(payload, dict):
            raise MalformedResponseError(status_code, "the body is not a JSON object")
        try:
            return self.read_object(payload)
        except FieldError as exc:
            raise MalformedResponseError(
                status_code, f"the {self.kind.name} project does not match the spec: {exc}"
            ) from None

    def read_object(self, payload: Mapping[str, Any]) -> P:
        """The project of a decoded JSON object (a GET's body, a webhook's ``payload``).

        Raises:
            FieldError: a strict field is missing or does not fit; it names the field, never its value.

        Example:
            >>> from generated.models import ImageProject
            >>> ProjectReader(ImageProject).read_object({"id": "p", "status": "complete"})
            Traceback (most recent call last):
            ...
            magic_hour_ext._tolerant.FieldError: the field 'downloads' is missing
        """
        dropped: list[FieldError] = []
        fitted = fit_object(payload, self.kind.fields, strict=self._needed(payload), dropped=dropped)
        for error in dropped:
            self._log(fitted, error)
        try:
            return self.model.from_dict(fitted)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # pragma: no cover - fitted above
            raise FieldError("(model)", f"does not parse ({type(exc).__name__})") from None

    def _needed(self, payload: Mapping[str, Any]) -> tuple[str, ...]:
        """The fields the job needs although the spec does not require them: the outputs, once complete."""
        if payload.get("status") != "complete":
            return ()
        only_single = not payload.get("downloads") and isinstance(payload.get("download"), dict)
        return ("download",) if only_single and "download" in self.kind.fields else ("downloads",)

    def _log(self, payload: Mapping[str, Any], error: FieldError) -> None:
        name = field_name(error.field)
        if name in self._logged:
            return
        self._logged.add(name)
        log.debug(
            "%s project %r: the field %r %s; read as absent",
            self.kind.name,
            payload.get("id"),
            name,
            error.problem,
        )


def parse_project(model: type[P], status_code: int, headers: Mapping[str, str], body: bytes) -> P:
    """The *model* (ImageProject, VideoProject, AudioProject) of a GET response, or its APIError.

    A one-off :class:`ProjectReader`: see it for what is strict and what is tolerated.

    Example:
        >>> from generated.models import ImageProject
        >>> parse_project(ImageProject, 200, {}, b"not json")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.MalformedResponseError: HTTP 200: the body is not JSON
    """
    return ProjectReader(model)(status_code, headers, body)


def project_outputs(project: ProjectModel) -> list[ProjectDownload]:
    """The outputs to download: ``downloads``, or the deprecated single ``download`` when it is empty.

    A video whose body has only the deprecated ``download`` (an older API, or one that stopped
    filling ``downloads``) still has its output; ``[]`` when the body has neither (a complete
    project always has one of them, see :class:`ProjectReader`).

    Example:
        >>> from generated.models import ImageProject, VideoProject
        >>> project_outputs(ImageProject.from_dict({"id": "p", "status": "queued"}))
        []
        >>> only = {"url": "https://cdn/v/output.mp4", "expires_at": "2099-01-01T00:00:00Z"}
        >>> body = {"id": "v", "status": "complete", "downloads": [], "download": only}
        >>> video = VideoProject.from_dict(body)
        >>> [d.url for d in project_outputs(video)]
        ['https://cdn/v/output.mp4']
    """
    if isinstance(project.downloads, list) and project.downloads:
        return project.downloads
    single = getattr(project, "download", None)
    return [single] if isinstance(single, ProjectDownload) else []


@frozen
class ApiRequest(Generic[T]):
    """One API call: method, path, how to read the answer, its retries and its deadline.

    Attributes:
        method: ``"GET"`` or ``"DELETE"``.
        path: The percent-encoded path.
        parse: Turns (status, headers, body) into the result, or raises an APIError.
        retry: The retry state (stamina loop, attempts, deadline); its retries are logged as this
            request's (see :meth:`retry_text`).
        time_left: Seconds left before the deadline, or None.
        kind: The kind of project it is about (the catalog's name: ``"image"``, ...), or None.
        project_id: The project it is about, or None.
        body: The JSON body of a POST, or None for no body.
    """

    method: str
    path: str
    parse: Callable[[int, Mapping[str, str], bytes], T]
    retry: RetryState
    time_left: Callable[[], float | None]
    kind: str | None = None
    project_id: str | None = None
    body: Any = None

    def __attrs_post_init__(self) -> None:
        self.retry.describe = self.retry_text

    def about(self) -> str:
        """The request in words, as errors and log lines name it.

        Example:
            >>> from generated.models import VideoProject
            >>> get_request("p", RetryState(lambda: None), lambda: None, ProjectReader(VideoProject)).about()
            "GET video project 'p'"
        """
        if self.project_id is None:
            return f"{self.method} {self.path}"
        kind = f"{self.kind} project" if self.kind else "project"
        return f"{self.method} {kind} {self.project_id!r}"

    def retry_text(self, error: BaseException) -> str:
        """What a retry of this request logs, before its attempt number and delay.

        Example:
            >>> from generated.models import ImageProject
            >>> read = ProjectReader(ImageProject)
            >>> request = get_request("p", RetryState(lambda: None), lambda: None, read)
            >>> request.retry_text(APIError(503, "busy"))
            "retrying GET image project 'p' (503 Service Unavailable)"
        """
        return f"retrying {self.about()} ({cause_of(error)})"

    def limit(self) -> float | None:
        """How long this attempt may take as a whole (:func:`request_limit` of the time left)."""
        return request_limit(self.time_left())

    def send_kwargs(self, base_timeout: httpx.Timeout) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.request`` for one attempt."""
        kwargs: dict[str, Any] = {
            "method": self.method,
            "url": self.path,
            "timeout": bounded_timeout(base_timeout, self.time_left()),
        }
        if self.body is not None:
            kwargs["json"] = self.body
        return kwargs

    @contextmanager
    def reporting(self, base_url: str | httpx.URL) -> Iterator[None]:
        """Around the whole request (every attempt): an APIError says which request it answered.

        It gets the method, the URL (*base_url*, the client's, joined with the path), the kind, the
        project id and the attempts made; a 404 gets the likely causes (see :func:`not_found_hint`).
        """
        try:
            yield
        except APIError as error:
            error.locate(
                method=self.method,
                url=str(base_url).rstrip("/") + self.path,
                kind=self.kind,
                project_id=self.project_id,
                attempts=self.retry.retries + 1,
            )
            if isinstance(error, NotFoundError) and error.hint is None:
                error.hint = not_found_hint(self.kind)
            raise

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn a failure to get any response into APIConnectionError (so the retry rule sees it).

        That includes a request cut short by its limit (``TimeoutError`` from ``anyio.fail_after``)
        and a host name that does not resolve (which the retry rule does not retry).
        """
        try:
            yield
        except TimeoutError:
            limit = self.limit()
            within = f" within {limit:.3g} s" if limit is not None else ""
            raise APIConnectionError(f"no answer{within} (the time left before the deadline)") from None
        except (httpx.LocalProtocolError, UnicodeEncodeError):
            # The request could not be written at all (a header value HTTP cannot carry, such as a
            # key with a newline or non-ASCII text): retrying cannot help, and the exception's text
            # quotes the header value, so none of it is kept.
            raise ConfigurationError(
                f"{self.method} could not be sent: a header value has characters HTTP does not allow"
            ) from None
        except httpx.TransportError as exc:
            raise APIConnectionError(connection_failure(exc)) from exc

    def read(self, response: httpx.Response) -> T:
        """The result of *response* (already read), or the APIError it stands for."""
        return self.parse(response.status_code, response.headers, response.content)


def connection_failure(exc: httpx.TransportError) -> str:
    """What went wrong with a request that got no response, in words (signed queries redacted).

    A host name that does not resolve says so (a DNS failure), as does a connection refused.

    Example:
        >>> import socket
        >>> try:
        ...     raise httpx.ConnectError("[Errno -2] Name or service not known") from socket.gaierror(
        ...         socket.EAI_NONAME, "Name or service not known")
        ... except httpx.ConnectError as exc:
        ...     connection_failure(exc)
        'the host name does not resolve (DNS: Name or service not known)'
    """
    lookup = dns_failure(exc)
    if lookup is not None:
        what = "does not resolve" if not is_transient(exc) else "could not be resolved"
        return f"the host name {what} (DNS: {lookup.strerror or lookup})"
    system = _system_error(exc)
    detail = str(exc) if system is None else f"[Errno {system.errno}] {os.strerror(system.errno or 0)}"
    return f"{type(exc).__name__}: {redact_text(detail)[:200] or 'no details'}"


def _system_error(exc: BaseException) -> OSError | None:
    """The operating system's error behind *exc* (``ECONNREFUSED``, ...), also inside a group."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError) and isinstance(current.errno, int) and current.errno > 0:
            return current
        if isinstance(current, BaseExceptionGroup):
            todo.extend(current.exceptions)
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return None


def get_request(
    project_id: str, retry: RetryState, time_left: Callable[[], float | None], read: ProjectReader[P]
) -> ApiRequest[P]:
    """The GET of a project, read by *read* (one :class:`ProjectReader` for a whole wait).

    Example:
        >>> from generated.models import AudioProject
        >>> get_request("a/b", RetryState(lambda: None), lambda: None, ProjectReader(AudioProject)).path
        '/v1/audio-projects/a%2Fb'
    """
    path = project_path(project_id, read.kind)
    return ApiRequest("GET", path, read, retry, time_left, kind=read.kind.name, project_id=project_id)


def delete_request(project_id: str, retry: RetryState, kind: Kind) -> ApiRequest[None]:
    """The DELETE of a project of *kind*. A 404 after a retried attempt means an earlier attempt deleted it.

    Example:
        >>> from magic_hour_ext._kinds import kind_named
        >>> delete_request("p", RetryState(lambda: None), kind_named("video")).about()
        "DELETE video project 'p'"
    """

    def parse(status_code: int, headers: Mapping[str, str], body: bytes) -> None:
        if 200 <= status_code < 300 or (status_code == 404 and retry.retries > 0):
            return
        raise error_from_response(status_code, headers, body)

    path = project_path(project_id, kind)
    return ApiRequest("DELETE", path, parse, retry, lambda: None, kind=kind.name, project_id=project_id)
