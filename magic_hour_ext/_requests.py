"""One API request, without I/O: what to send, how long it may take, and how to read the answer.

The drivers (``_sync.py``, ``_async.py``) only send it::

    for attempt in request.retry.retrying():
        with attempt, request.guard():
            return request.read(http.request(**request.send_kwargs(http.timeout)))
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import httpx
from attrs import frozen

from generated.models import ImageProject

from ._errors import (
    APIConnectionError,
    APIError,
    ConfigurationError,
    InvalidArgumentError,
    MalformedResponseError,
    api_error_for_status,
)
from ._redact import redact_text
from ._retry import RetryState, parse_retry_after

__all__ = [
    "MIN_REQUEST_TIMEOUT",
    "ApiRequest",
    "bounded_timeout",
    "check_project_id",
    "delete_request",
    "error_from_response",
    "get_request",
    "parse_project",
    "project_path",
]

T = TypeVar("T")

#: A request made when (almost) no time is left before the deadline still gets this long.
MIN_REQUEST_TIMEOUT = 1.0


def check_project_id(project_id: object) -> str:
    """*project_id* if it is a non-empty string without NUL, else InvalidArgumentError.

    Example:
        >>> check_project_id("cuid-example")
        'cuid-example'
    """
    if not isinstance(project_id, str) or not project_id.strip() or "\x00" in project_id:
        raise InvalidArgumentError(f"the project id must be a non-empty string, not {project_id!r:.40}")
    return project_id


def project_path(project_id: str) -> str:
    """The API path of a project, with the id percent-encoded (``/``, ``?``, ``#`` included).

    Example:
        >>> project_path("a/b?c")
        '/v1/image-projects/a%2Fb%3Fc'
    """
    return "/v1/image-projects/" + quote(project_id, safe="")


def bounded_timeout(base: httpx.Timeout, time_left: float | None) -> httpx.Timeout:
    """*base* with every phase cut to the time left before the deadline (at least MIN_REQUEST_TIMEOUT).

    Example:
        >>> bounded_timeout(httpx.Timeout(30.0, connect=10.0), 4.0)
        Timeout(timeout=4.0)
        >>> bounded_timeout(httpx.Timeout(30.0, connect=10.0), 20.0)
        Timeout(connect=10.0, read=20.0, write=20.0, pool=20.0)
    """
    if time_left is None:
        return base
    limit = max(MIN_REQUEST_TIMEOUT, time_left)

    def cut(value: float | None) -> float:
        return limit if value is None else min(value, limit)

    return httpx.Timeout(
        connect=cut(base.connect), read=cut(base.read), write=cut(base.write), pool=cut(base.pool)
    )


def _message_of(status_code: int, body: bytes) -> str:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        payload = None
    if isinstance(payload, dict) and isinstance(payload.get("message"), str) and payload["message"].strip():
        return redact_text(payload["message"].strip()[:500])
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return "non-standard status"


def error_from_response(status_code: int, headers: Mapping[str, str], body: bytes) -> APIError:
    """The APIError for a non-success response (the body's ``message`` when it has one).

    Example:
        >>> str(error_from_response(404, {}, b'{"message": "Not Found"}'))
        'HTTP 404: Not Found'
        >>> error_from_response(429, {"retry-after": "2"}, b"").retry_after
        2.0
    """
    retry_after = parse_retry_after(headers.get("retry-after"))
    return api_error_for_status(status_code, _message_of(status_code, body), retry_after=retry_after)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def parse_project(status_code: int, headers: Mapping[str, str], body: bytes) -> ImageProject:
    """The ImageProject of a GET response, or the APIError it stands for.

    Unknown fields are kept in ``additional_properties``; naive datetimes are taken as UTC; an
    unknown status is kept (``project.status.is_known`` is False). Anything that does not parse
    raises MalformedResponseError, never KeyError, TypeError or a JSON error.

    Example:
        >>> parse_project(200, {}, b"not json")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.MalformedResponseError: HTTP 200: the body is not JSON
    """
    if status_code != 200:
        raise error_from_response(status_code, headers, body)
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise MalformedResponseError(status_code, "the body is not JSON") from None
    if not isinstance(payload, dict):
        raise MalformedResponseError(status_code, "the body is not a JSON object")
    try:
        project = ImageProject.from_dict(payload)
        if not isinstance(project.id, str) or not isinstance(project.downloads, list):
            raise TypeError("id must be a string and downloads a list")
        project.created_at = _utc(project.created_at)
        for download in project.downloads:
            if not isinstance(download.url, str):
                raise TypeError("a download url is not a string")
            download.expires_at = _utc(download.expires_at)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise MalformedResponseError(
            status_code, f"the project does not match the spec ({exc!s:.200})"
        ) from None
    return project


@frozen
class ApiRequest(Generic[T]):
    """One API call: method, path, how to read the answer, its retries and its deadline.

    Attributes:
        method: ``"GET"`` or ``"DELETE"``.
        path: The percent-encoded path.
        parse: Turns (status, headers, body) into the result, or raises an APIError.
        retry: The retry state (stamina loop, attempts, deadline).
        time_left: Seconds left before the deadline, or None.
    """

    method: str
    path: str
    parse: Callable[[int, Mapping[str, str], bytes], T]
    retry: RetryState
    time_left: Callable[[], float | None]

    def send_kwargs(self, base_timeout: httpx.Timeout) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.request`` for one attempt."""
        return {
            "method": self.method,
            "url": self.path,
            "timeout": bounded_timeout(base_timeout, self.time_left()),
        }

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn a failure to get any response into APIConnectionError (so the retry rule sees it)."""
        try:
            yield
        except (httpx.LocalProtocolError, UnicodeEncodeError):
            # The request could not be written at all (a header value HTTP cannot carry, such as a
            # key with a newline or non-ASCII text): retrying cannot help, and the exception's text
            # quotes the header value, so none of it is kept.
            raise ConfigurationError(
                f"{self.method} could not be sent: a header value has characters HTTP does not allow"
            ) from None
        except httpx.TransportError as exc:
            detail = redact_text(str(exc))[:200] or "no details"
            raise APIConnectionError(f"{self.method} failed: {type(exc).__name__}: {detail}") from exc

    def read(self, response: httpx.Response) -> T:
        """The result of *response* (already read), or the APIError it stands for."""
        return self.parse(response.status_code, response.headers, response.content)


def get_request(
    project_id: str, retry: RetryState, time_left: Callable[[], float | None]
) -> ApiRequest[ImageProject]:
    """The GET of a project.

    Example:
        >>> get_request("a/b", RetryState(lambda: None), lambda: None).path
        '/v1/image-projects/a%2Fb'
    """
    return ApiRequest("GET", project_path(project_id), parse_project, retry, time_left)


def delete_request(project_id: str, retry: RetryState) -> ApiRequest[None]:
    """The DELETE of a project. A 404 after a retried attempt means an earlier attempt deleted it.

    Example:
        >>> delete_request("p", RetryState(lambda: None)).method
        'DELETE'
    """

    def parse(status_code: int, headers: Mapping[str, str], body: bytes) -> None:
        if 200 <= status_code < 300 or (status_code == 404 and retry.retries > 0):
            return
        raise error_from_response(status_code, headers, body)

    return ApiRequest("DELETE", project_path(project_id), parse, retry, lambda: None)
