"""A small webhook receiver: an asyncio HTTP server (h11) that verifies each POST and hands on its event.

What it answers is decided by :func:`answer` (pure): 200 to a delivery that verifies, 400 to one
that does not (Magic Hour then retries; a forgery gets nothing), 405 to anything but a POST. The
server (:func:`receive`) only does the I/O, with the h11 connection handling of the local server
(``magic_hour_ext._http_server``, which the local server uses too): keep-alive, bodies, malformed
requests. Any path is accepted.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

from attrs import frozen

from ._errors import WebhookVerificationError
from ._http_server import Reply, Request, Response, serve_http
from ._signature import DEFAULT_TOLERANCE, Headers, WebhookKeys
from ._verify import verify_with_keys
from ._webhook_event import WebhookEvent

__all__ = ["MAX_WEBHOOK_BODY", "Answer", "answer", "receive"]

#: The largest delivery accepted (a project's JSON is a few KiB); more is a 413.
MAX_WEBHOOK_BODY = 1 << 20


@frozen
class Answer:
    """What to answer a request: the status, the JSON body, and the event or the refusal."""

    status: int
    body: dict[str, str]
    event: WebhookEvent | None = None
    refused: WebhookVerificationError | None = None


def answer(
    method: str, body: bytes, headers: Headers, keys: WebhookKeys, *, tolerance: float = DEFAULT_TOLERANCE
) -> Answer:
    """How to answer one request to the receiver (pure, but for the clock of the timestamp check).

    Example:
        >>> from magic_hour_ext._signature import webhook_keys
        >>> answer("GET", b"", {}, webhook_keys("whsec_example")).status
        405
        >>> refused = answer("POST", b"{}", {}, webhook_keys("whsec_example"))
        >>> refused.status, type(refused.refused).__name__
        (400, 'WebhookMissingHeaderError')
    """
    if method != "POST":
        return Answer(405, {"message": "POST Magic Hour webhook deliveries here"})
    try:
        event = verify_with_keys(body, headers, keys, tolerance=tolerance)
    except WebhookVerificationError as exc:
        return Answer(400, {"message": str(exc)}, refused=exc)
    return Answer(200, {"received": event.type}, event=event)


async def receive(
    host: str,
    port: int,
    keys: WebhookKeys,
    on_answer: Callable[[Answer], Awaitable[None] | None],
    *,
    started: Callable[[str], None],
    stop: asyncio.Event,
) -> None:
    """Serve deliveries on *host*:*port* until *stop* is set; *on_answer* gets each answer.

    *started* is called with the receiver's URL once it listens (port 0: a free one).
    """

    async def handle(request: Request) -> Reply:
        body = await request.read(limit=MAX_WEBHOOK_BODY) if request.method == "POST" else b""
        result = answer(request.method, body, request.headers, keys)
        pending = on_answer(result)
        if pending is not None:
            await pending
        headers = [("Content-Type", "application/json")]
        if result.status == 405:
            headers.append(("Allow", "POST"))
        return Response(result.status, headers, json.dumps(result.body).encode())

    def error_page(status: int, text: str) -> Response:
        return Response(
            status, [("Content-Type", "application/json")], json.dumps({"message": text}).encode()
        )

    connections: set[asyncio.Task[None]] = set()

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        connections.add(task)
        try:
            await serve_http(reader, writer, handle, error_page)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            connections.discard(task)
            writer.close()

    server = await asyncio.start_server(connection, host, port)
    async with server:
        bound = server.sockets[0].getsockname()
        shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
        started(f"http://{shown}:{bound[1]}/")
        await stop.wait()
        server.close()
        for task in list(connections):
            task.cancel()
        await asyncio.gather(*connections, return_exceptions=True)
