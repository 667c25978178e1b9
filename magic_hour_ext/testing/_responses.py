"""Responses of the local server: what they hold, how they are built, and how they are written."""

from __future__ import annotations

import asyncio
import json
import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ._content import Body
from ._faults import Fault
from ._http import Request, reason, response_head
from ._projects import Project

__all__ = [
    "Response",
    "file_response",
    "json_response",
    "message",
    "parse_range",
    "send",
    "shaped",
    "status_message",
    "xml_error",
]


@dataclass(slots=True)
class Response:
    """A response to write; `body` is bytes or an output's Body, sent in slices."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | Body = b""
    start: int = 0  # for a Body: the slice of it to send
    stop: int = 0
    cut: int | None = None  # send only this many body bytes, then close
    hold: bool = False  # after the (cut) body, keep the connection open and send nothing more
    trickle: tuple[int, float] | None = None  # send (chunk) bytes at a time, (interval) s apart


def json_response(status: int, payload: Any, headers: Sequence[tuple[str, str]] = ()) -> Response:
    body = json.dumps(payload).encode()
    return Response(status, [("Content-Type", "application/json"), *headers], body)


def message(status: int, message: str, headers: Sequence[tuple[str, str]] = ()) -> Response:
    return json_response(status, {"message": message}, headers)


def xml_error(status: int, code: str, message: str) -> Response:
    """A CDN's small error body (S3 style)."""
    body = f"<Error><Code>{code}</Code><Message>{message}</Message></Error>".encode()
    return Response(status, [("Content-Type", "application/xml")], body)


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


def file_response(request: Request, project: Project, index: int, fault: Fault | None) -> Response:
    """The download host's answer for output `index`: whole, a `Range` of it, or cut short."""
    body = project.output_body(index)
    content_type = mimetypes.guess_type(project.outputs[index].name)[0] or "application/octet-stream"
    headers = [("Content-Type", content_type), ("Accept-Ranges", "bytes")]
    status, start, stop = 200, 0, body.size
    range_header = request.headers.get("range")
    if range_header is not None and not (fault is not None and fault.kind == "ignore_range"):
        wanted = parse_range(range_header, body.size)
        if wanted is False:
            return Response(416, [*headers, ("Content-Range", f"bytes */{body.size}")])
        if wanted is not None:
            status, (start, stop) = 206, wanted
            headers.append(("Content-Range", f"bytes {start}-{stop - 1}/{body.size}"))
    cut = int((stop - start) * fault.at) if fault is not None and fault.kind == "truncate" else None
    return shaped(Response(status, headers, body, start, stop, cut), fault)


def shaped(response: Response, fault: Fault | None) -> Response:
    """*response* as a trickle or stall fault sends it (unchanged for other faults)."""
    if fault is not None and fault.kind == "trickle":
        response.trickle = (fault.chunk, fault.interval)
    if fault is not None and fault.kind == "stall":
        length = len(response.body) if isinstance(response.body, bytes) else response.stop - response.start
        response.cut, response.hold = int(length * fault.at), True
    return response


async def send(writer: asyncio.StreamWriter, request: Request, response: Response) -> bool:
    """Write a response; whether the connection may serve another request."""
    body = response.body
    length = len(body) if isinstance(body, bytes) else response.stop - response.start
    close = response.cut is not None or not request.keep_alive
    headers = list(response.headers)
    if response.status != 204 and response.status >= 200:
        headers.append(("Content-Length", str(length)))
    head = response_head(response.status, headers, close=close)
    if request.method == "HEAD" or response.status == 204:
        writer.write(head)
        await writer.drain()
        return not close
    budget = length if response.cut is None else response.cut
    if response.trickle is not None:
        data = head + (body[:budget] if isinstance(body, bytes) else body.read(response.start, response.stop))
        piece, interval = response.trickle
        for offset in range(0, len(data), piece):
            writer.write(data[offset : offset + piece])
            await writer.drain()
            await asyncio.sleep(interval)
    elif isinstance(body, bytes):
        writer.write(head + body[:budget])
    else:
        writer.write(head)
        for chunk in body.chunks(response.start, response.start + budget):
            writer.write(chunk)
            await writer.drain()
    await writer.drain()
    if response.hold:
        await asyncio.Event().wait()  # until the client closes or the server stops
    return not close


def status_message(status: int) -> str:
    phrase = reason(status)
    if phrase != "Unknown":
        return phrase
    return f"Server Error ({status})" if status >= 500 else f"Error ({status})"
