"""A minimal HTTP/1.1 request reader and response writer on asyncio streams.

The local server only needs GET, HEAD and DELETE without request bodies, keep-alive and
byte-exact control over what is written (so that faults can cut a body short or close a
connection before any response). That is a few dozen lines, so it lives here instead of
pulling a server framework into the `testing` extra.
"""

from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass
from http import HTTPStatus

import httpx

__all__ = ["HttpError", "Request", "read_request", "reason", "response_head"]

MAX_HEAD = 64 * 1024
MAX_BODY = 1024 * 1024


class HttpError(Exception):
    """A request that cannot be parsed: answer `status` and close the connection."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(slots=True)
class Request:
    method: str
    target: str
    path: str
    query: str
    version: str
    headers: httpx.Headers
    keep_alive: bool


async def read_request(reader: asyncio.StreamReader) -> Request | None:
    """Read one request (head and any body); None when the peer closed the connection cleanly."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    except asyncio.LimitOverrunError as exc:
        raise HttpError(431, "Request header fields too large") from exc
    lines = head.decode("latin-1").lstrip("\r\n").split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
        raise HttpError(400, "Malformed request line")
    method, target, version = parts
    fields: list[tuple[str, str]] = []
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip() or line[0] in " \t":
            raise HttpError(400, "Malformed header line")
        fields.append((name, value.strip()))
    headers = httpx.Headers(fields)
    if "transfer-encoding" in headers:
        raise HttpError(501, "Request bodies with Transfer-Encoding are not supported")
    length = headers.get("content-length", "0")
    if not length.isdigit():
        raise HttpError(400, "Bad Content-Length")
    if int(length) > MAX_BODY:
        raise HttpError(413, "Request body too large")
    if int(length):
        await reader.readexactly(int(length))
    tokens = {token.strip().lower() for token in headers.get("connection", "").split(",")}
    keep_alive = "keep-alive" in tokens if version == "HTTP/1.0" else "close" not in tokens
    path, _, query = target.partition("?")
    return Request(method, target, path, query, version, headers, keep_alive)


def reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def response_head(status: int, headers: list[tuple[str, str]], *, close: bool) -> bytes:
    """The status line and headers of a response, with Date and (when closing) Connection: close."""
    lines = [f"HTTP/1.1 {status} {reason(status)}", f"Date: {email.utils.formatdate(usegmt=True)}"]
    lines += [f"{name}: {value}" for name, value in headers]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
