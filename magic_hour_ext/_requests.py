"""One API request, without I/O: what to send, how long it may take, and how to read the answer.

The drivers (``_sync.py``, ``_async.py``) only send it::

    for attempt in request.retry.retrying():
        with attempt, request.guard(), <the whole request bounded by request.limit()>:
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
    "check_project_types",
    "delete_request",
    "error_from_response",
    "get_request",
    "parse_project",
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


def project_path(project_id: str) -> str:
    """The API path of a project: the id checked, then percent-encoded as ONE path segment.

    ``/``, ``?``, ``#`` and ``%`` are encoded; ``.`` and ``..`` are refused (see
    :func:`check_project_id`), so the path never leaves ``/v1/image-projects/``.

    Example:
        >>> project_path("a/b?c")
        '/v1/image-projects/a%2Fb%3Fc'
        >>> project_path("a/../b")
        '/v1/image-projects/a%2F..%2Fb'
    """
    return "/v1/image-projects/" + quote(check_project_id(project_id), safe="")


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


# JSON types by Python type, exact (a bool is not an int here).
_JSON_KINDS: dict[type, str] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
    list: "an array",
    dict: "an object",
}
_DATE_TIME = "date-time"
# The required fields of ImageProject in openapi.yaml and the JSON types each may have.
_PROJECT_FIELDS: dict[str, tuple[type | str, ...]] = {
    "id": (str,),
    "name": (str, type(None)),
    "status": (str,),
    "image_count": (int,),
    "type": (str,),
    "created_at": (_DATE_TIME,),
    "enabled": (bool,),
    "total_frame_cost": (int,),
    "credits_charged": (int,),
    "downloads": (list,),
    "error": (dict, type(None)),
}
_DOWNLOAD_FIELDS: dict[str, tuple[type | str, ...]] = {"url": (str,), "expires_at": (_DATE_TIME,)}
_ERROR_FIELDS: dict[str, tuple[type | str, ...]] = {"message": (str,), "code": (str,)}


def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _kind_of(value: object) -> str:
    if _is_date_time(value):
        return "a date-time string"
    if isinstance(value, str):
        return "a string that is not a date-time"
    return _JSON_KINDS.get(type(value), "of another type")


def _expected(allowed: tuple[type | str, ...]) -> str:
    return " or ".join("a date-time string" if isinstance(t, str) else _JSON_KINDS[t] for t in allowed)


def _check_fields(obj: Mapping[str, Any], fields: Mapping[str, tuple[type | str, ...]], where: str) -> None:
    """Raise TypeError naming the first required field missing or of the wrong JSON type.

    The message names the field and the JSON type found, never the value (it may be a signed URL).
    """
    for name, allowed in fields.items():
        label = f"{where}{name}"
        if name not in obj:
            raise TypeError(f"the field {label!r} is missing")
        value = obj[name]
        if type(value) not in allowed and not (_DATE_TIME in allowed and _is_date_time(value)):
            found = (
                _kind_of(value) if _DATE_TIME in allowed else _JSON_KINDS.get(type(value), "of another type")
            )
            raise TypeError(f"the field {label!r} is {found}, not {_expected(allowed)}")


def check_project_types(payload: Mapping[str, Any]) -> None:
    """Raise TypeError unless *payload* has every required field of an ImageProject with its JSON type.

    Checked (openapi.yaml): ``id``, ``status``, ``type`` strings; ``name`` string or null;
    ``image_count``, ``total_frame_cost``, ``credits_charged`` integers; ``enabled`` boolean;
    ``created_at`` a date-time string; ``downloads`` an array of objects with a string ``url`` and
    a date-time ``expires_at``; ``error`` null or an object with string ``message`` and ``code``.
    Extra fields are allowed everywhere, and ``status`` may be any string.

    Example:
        >>> check_project_types({"id": 5})
        Traceback (most recent call last):
        ...
        TypeError: the field 'id' is an integer, not a string
    """
    _check_fields(payload, _PROJECT_FIELDS, "")
    for i, item in enumerate(payload["downloads"]):
        if not isinstance(item, dict):
            found = _JSON_KINDS.get(type(item), "of another type")
            raise TypeError(f"the field 'downloads[{i}]' is {found}, not an object")
        _check_fields(item, _DOWNLOAD_FIELDS, f"downloads[{i}].")
    if payload["error"] is not None:
        _check_fields(payload["error"], _ERROR_FIELDS, "error.")


def parse_project(status_code: int, headers: Mapping[str, str], body: bytes) -> ImageProject:
    """The ImageProject of a GET response, or the APIError it stands for.

    Unknown fields are kept in ``additional_properties``; naive datetimes are taken as UTC; an
    unknown status is kept (``project.status.is_known`` is False). A required field missing or of
    the wrong JSON type (see :func:`check_project_types`), or anything else that does not parse,
    raises MalformedResponseError naming the field (never its value), never KeyError, TypeError or a
    JSON error.

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
        check_project_types(payload)
    except TypeError as exc:
        raise MalformedResponseError(status_code, f"the project does not match the spec: {exc}") from None
    try:
        project = ImageProject.from_dict(payload)
        project.created_at = _utc(project.created_at)
        for download in project.downloads:
            download.expires_at = _utc(download.expires_at)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:  # pragma: no cover - checked above
        raise MalformedResponseError(
            status_code, f"the project does not match the spec ({type(exc).__name__})"
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

    def limit(self) -> float | None:
        """How long this attempt may take as a whole (:func:`request_limit` of the time left)."""
        return request_limit(self.time_left())

    def send_kwargs(self, base_timeout: httpx.Timeout) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.request`` for one attempt."""
        return {
            "method": self.method,
            "url": self.path,
            "timeout": bounded_timeout(base_timeout, self.time_left()),
        }

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Turn a failure to get any response into APIConnectionError (so the retry rule sees it).

        That includes a request cut short by its limit (``TimeoutError`` from ``anyio.fail_after``).
        """
        try:
            yield
        except TimeoutError:
            raise APIConnectionError(f"{self.method} did not end within its time limit") from None
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
