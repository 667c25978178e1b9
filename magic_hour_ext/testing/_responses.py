"""The local server's responses: JSON and HTML errors, S3-style XML errors, and files with Range."""

from __future__ import annotations

import email.utils
import functools
import html
import json
import mimetypes
from collections.abc import Sequence
from typing import Any, Literal

from .._http_server import Request, Response, http_date, reason
from ._content import Body

__all__ = [
    "file_response",
    "html_message",
    "if_range_holds",
    "json_response",
    "message",
    "parse_range",
    "status_message",
    "xml_error",
]


def json_response(status: int, payload: Any, headers: Sequence[tuple[str, str]] = ()) -> Response:
    body = json.dumps(payload).encode()
    return Response(status, [("Content-Type", "application/json"), *headers], body)


def message(status: int, message: str, headers: Sequence[tuple[str, str]] = ()) -> Response:
    """The API's error body: `{"message": ...}`."""
    return json_response(status, {"message": message}, headers)


def html_message(status: int, message: str, headers: Sequence[tuple[str, str]] = ()) -> Response:
    """A gateway's small HTML error page, as a proxy sends for a 502 or a 503."""
    title = html.escape(f"{status} {message}")
    page = (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n"
    )
    return Response(status, [("Content-Type", "text/html"), *headers], page.encode())


def xml_error(status: int, code: str, message: str, headers: Sequence[tuple[str, str]] = ()) -> Response:
    """A CDN's small error body (S3 style)."""
    body = f"<Error><Code>{code}</Code><Message>{html.escape(message)}</Message></Error>".encode()
    return Response(status, [("Content-Type", "application/xml"), *headers], body)


def parse_range(value: str, size: int) -> tuple[int, int] | None | Literal[False]:
    """[start, stop) of a single `bytes=` range; None: ignore the header; False: unsatisfiable."""
    unit, _, spec = value.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash or not (first.isdigit() or first == "") or not (last.isdigit() or last == ""):
        return None
    if first == "":
        if last == "":
            return None
        suffix = int(last)
        return (max(size - suffix, 0), size) if suffix > 0 and size > 0 else False
    start = int(first)
    stop = size if last == "" else int(last) + 1
    if last != "" and stop <= start:
        return None  # invalid: ignored, as RFC 9110 says
    if start >= size:
        return False
    return start, min(stop, size)


def if_range_holds(value: str, etag: str, modified: int) -> bool:
    """Whether an `If-Range` validator still names this representation (RFC 9110, section 13.1.5).

    An entity tag must be the strong `etag` itself (a weak one never matches); an HTTP-date must
    be exactly the `Last-Modified` time `modified`. Anything else does not hold.
    """
    value = value.strip()
    if value.startswith(('"', "W/")):
        return value == etag
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return False
    return when.tzinfo is not None and when.timestamp() == modified


def file_response(request: Request, body: Body, name: str, *, ignore_range: bool = False) -> Response:
    """The download host's answer for one output: whole, a `Range` of it, or 416.

    It carries a strong `ETag` and a `Last-Modified`. An `If-Range` that no longer matches them
    makes a `Range` request get the whole file (200), as RFC 9110 says.
    """
    headers = [
        ("Content-Type", _content_type(name)),
        ("Accept-Ranges", "bytes"),
        ("ETag", body.etag),
        ("Last-Modified", http_date(body.modified)),
    ]
    status, start, stop = 200, 0, body.size
    range_header = request.headers.get("range")
    if_range = request.headers.get("if-range")
    if (
        range_header is not None
        and not ignore_range
        and (if_range is None or if_range_holds(if_range, body.etag, body.modified))
    ):
        wanted = parse_range(range_header, body.size)
        if wanted is False:
            return Response(416, [*headers, ("Content-Range", f"bytes */{body.size}")])
        if wanted is not None:
            status, (start, stop) = 206, wanted
            headers.append(("Content-Range", f"bytes {start}-{stop - 1}/{body.size}"))
    return Response(status, headers, body, start, stop)


@functools.lru_cache(maxsize=1024)
def _content_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def status_message(status: int) -> str:
    """The message of a status fault: the reason phrase, or a generic one (520 and the like)."""
    phrase = reason(status)
    if phrase != "Unknown":
        return phrase
    return f"Server Error ({status})" if status >= 500 else f"Error ({status})"
