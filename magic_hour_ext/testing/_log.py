"""The request log: every request either listener received, in order of arrival."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import httpx

__all__ = ["RecordedRequest"]


@dataclass(slots=True, repr=False)
class RecordedRequest:
    """One request as the local server received it.

    Attributes:
        host: "api" (the API listener), "download" (the download host), or "webhook": a
            delivery the server POSTed to its `webhook_url` (one record per attempt; the status
            is the receiver's answer, None when none came or the delivery was dropped).
        method: "GET", "DELETE", ...
        path: The raw path as sent, still percent-encoded.
        query: The raw query string, without "?" ("" when there is none).
        headers: The request headers; case-insensitive.
        connection_id: Which connection it came on (numbered from 1 per server).
        time: `time.monotonic()` when its head was read.
        status: The status answered, or None when the connection was closed without an answer.
        project_id: The project it was about, when the server could tell (for a create, the
            project it created).
        route: What it was: "get", "delete", "create", "upload_urls" (the API listener),
            "download", "upload" (the download host), "webhook"; None when no endpoint matched.
        fault: The kind of fault applied to it, if any.
        event: A webhook delivery's event type ("image.completed"); None for other requests.
        bytes_sent: The response body bytes written to the socket so far (the head not
            counted): what the client could really receive. It grows while a body streams, and
            stays short of the body when the client stops reading or goes away (though bytes
            already in the kernel's socket buffers, a few MiB on loopback, count as written).
        body_size: The request body bytes received (read by the server, or skipped): a `PUT`'s
            upload, a create's JSON.

    Its repr shows neither headers nor a signed query string (they hold credentials).

    Example:
        >>> downloads = server.download_requests()
        >>> assert all("authorization" not in r.headers for r in downloads)
    """

    host: Literal["api", "download", "webhook"]
    method: str
    path: str
    query: str
    headers: httpx.Headers
    connection_id: int
    time: float
    status: int | None = None
    project_id: str | None = None
    route: str | None = None
    fault: str | None = None
    bytes_sent: int = 0
    body_size: int = 0
    event: str | None = None

    def __repr__(self) -> str:
        query = "?<redacted>" if self.query else ""
        fault = f", fault={self.fault!r}" if self.fault else ""
        return (
            f"RecordedRequest({self.host} {self.method} {self.path}{query} -> {self.status}, "
            f"connection {self.connection_id}{fault})"
        )
