"""The local server's webhook deliveries: each project's events, signed, POSTed, retried, faulted, logged.

As Magic Hour sends them: on each transition of a project's timeline into ``rendering``,
``complete`` or ``error``, a POST of ``{"type": "<kind>.<started|completed|errored>", "payload":
<the project as GET answers it at that moment>}`` to the webhook URL, with the headers
``magic-hour-event-timestamp`` (integer seconds) and ``magic-hour-event-signature`` (the lowercase
hex HMAC-SHA256 of ``"{timestamp}.{body}"``, keyed with the secret as UTF-8). There is no event
for ``canceled`` (nor for ``queued``, ``draft`` or unknown statuses).

Deliveries are timers on the server's event loop, so they go out when the timeline says, whether or
not anyone GETs the project. An answer other than 2xx (or none) is retried after each delay of
``retry_delays``, each attempt signed anew; every attempt is a record of the request log (host
"webhook"). Faults of route "webhook" (`Fault.duplicate`, `delay`, `out_of_order`,
`bad_signature`, `stale_timestamp`, `drop`) hit one event each.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ._faults import Fault, FaultQueue
from ._log import RecordedRequest
from ._projects import Project

__all__ = ["DEFAULT_RETRY_DELAYS", "EVENTS", "WebhookSender", "check_webhook_url", "sign"]

#: The webhook event of each status a project enters; the others (canceled, queued...) have none.
EVENTS = {"rendering": "started", "complete": "completed", "error": "errored"}
#: Seconds between the attempts of a delivery whose answer was not 2xx (Magic Hour retries for
#: up to 24 h; a local server gives up after about a minute).
DEFAULT_RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0)
_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
# Connections to the receiver are kept between a project's events (minutes apart), as a sender
# that delivers often would: an event is not delayed by a new connection.
_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=600.0)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``magic-hour-event-signature`` of *body* sent at *timestamp*.

    Example:
        >>> sign("whsec_example", 1700000000, b"{}")[:16]
        '7fd3f63e358a5b46'
    """
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def check_webhook_url(url: str) -> str:
    """*url* if it is an ``http`` or ``https`` URL with a host; else ValueError.

    Example:
        >>> check_webhook_url("http://127.0.0.1:8000/webhooks")
        'http://127.0.0.1:8000/webhooks'
    """
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"webhook_url must be an http(s) URL with a host, not {url!r:.80}")
    return url


@dataclass(slots=True)
class _Event:
    """One event of one project: its type and body, fixed at its transition; the fault it met."""

    project_id: str
    type: str
    body: bytes
    fault: Fault | None
    url: str


class WebhookSender:
    """Delivers the events of the projects it tracks to *url*, on the server's event loop.

    Args:
        url: Where to POST; None: nowhere (events fall due and are not sent) until `url` is set.
        secret: The signing secret (never logged, never in a repr).
        retry_delays: Seconds before each retry of a delivery that got no 2xx.
        faults: The server's fault queue (route "webhook").
        record: Appends a RecordedRequest to the server's log.
    """

    def __init__(
        self,
        url: str | None,
        secret: str,
        *,
        retry_delays: Sequence[float],
        faults: FaultQueue,
        record: Callable[[RecordedRequest], None],
    ) -> None:
        self._url = None if url is None else check_webhook_url(url)
        self._secret = secret
        self._retry_delays = tuple(float(delay) for delay in retry_delays)
        if any(delay < 0 for delay in self._retry_delays):
            raise ValueError(f"webhook retry delays must be >= 0 seconds, not {retry_delays!r}")
        self._faults = faults
        self._record = record
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: httpx.AsyncClient | None = None
        self._timers: set[asyncio.TimerHandle] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._held: dict[str, list[_Event]] = {}  # out_of_order: sent after the project's next event

    def __repr__(self) -> str:
        return f"<WebhookSender to {self._url!r}>"

    @property
    def url(self) -> str | None:
        """Where events are POSTed (None: nowhere)."""
        return self._url

    @url.setter
    def url(self, url: str | None) -> None:
        self._url = None if url is None else check_webhook_url(url)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        """Called in the server's event loop once it runs."""
        self._loop = loop
        if self._url is not None:  # the client's setup (some milliseconds) before the first event
            self._client = httpx.AsyncClient(timeout=_TIMEOUT, trust_env=False, limits=_LIMITS)

    async def close(self) -> None:
        """Cancel what is pending and close the client (in the server's event loop)."""
        for timer in self._timers:
            timer.cancel()
        self._timers.clear()
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def track(self, project: Project) -> None:
        """Deliver *project*'s events when its timeline reaches them (from any thread)."""
        loop = self._loop
        if loop is None:
            raise RuntimeError("The server is not started")
        loop.call_soon_threadsafe(self._schedule, project)

    def _schedule(self, project: Project) -> None:
        assert self._loop is not None  # set by start(), before any project
        steps = [(at, status) for at, status in project.transitions() if status in EVENTS]
        for position, (at, status) in enumerate(steps):
            last = position == len(steps) - 1
            timer = self._loop.call_at(at, self._fire, project, status, last)
            self._timers.add(timer)

    def _fire(self, project: Project, status: str, last: bool) -> None:
        if self._url is None:
            return
        event_type = f"{project.kind}.{EVENTS[status]}"
        body = json.dumps({"type": event_type, "payload": project.body(status)}).encode()
        fault = self._faults.take("webhook", project.id, event_type)
        event = _Event(project.id, event_type, body, fault, self._url)
        if fault is not None and fault.kind == "out_of_order" and not last:
            self._held.setdefault(project.id, []).append(event)
            return
        held = self._held.pop(project.id, [])
        task = asyncio.get_running_loop().create_task(self._deliver_in_order([event, *held]))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _deliver_in_order(self, events: list[_Event]) -> None:
        for event in events:
            await self._deliver(event)

    async def _deliver(self, event: _Event) -> None:
        fault = event.fault
        kind = fault.kind if fault is not None else None
        if kind == "drop":
            self._log(event, {}, None)
            return
        if fault is not None and kind == "delay":
            await asyncio.sleep(fault.seconds)
        for _ in range(2 if kind == "duplicate" else 1):
            await self._send_with_retries(event)

    async def _send_with_retries(self, event: _Event) -> None:
        for delay in (0.0, *self._retry_delays):
            if delay:
                await asyncio.sleep(delay)
            if await self._send(event):
                return

    async def _send(self, event: _Event) -> bool:
        """One attempt; whether the receiver answered 2xx."""
        if self._client is None:  # made at the first delivery: servers without webhooks need none
            self._client = httpx.AsyncClient(timeout=_TIMEOUT, trust_env=False, limits=_LIMITS)
        fault = event.fault
        timestamp = int(time.time())
        secret = self._secret
        if fault is not None and fault.kind == "stale_timestamp":
            timestamp -= int(fault.seconds)
        if fault is not None and fault.kind == "bad_signature":
            secret = secrets.token_hex(16)  # anything but the secret
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "magic-hour-ext local server",
            "magic-hour-event-timestamp": str(timestamp),
            "magic-hour-event-signature": sign(secret, timestamp, event.body),
        }
        record = self._log(event, headers, None)
        try:
            response = await self._client.post(event.url, content=event.body, headers=headers)
        except httpx.HTTPError:
            return False
        record.status = response.status_code
        return 200 <= response.status_code < 300

    def _log(self, event: _Event, headers: dict[str, str], status: int | None) -> RecordedRequest:
        path, _, query = event.url.partition("://")[2].partition("/")[2].partition("?")
        record = RecordedRequest(
            host="webhook",
            method="POST",
            path="/" + path,
            query=query,
            headers=httpx.Headers(headers),
            connection_id=0,
            time=time.monotonic(),
            status=status,
            project_id=event.project_id,
            route="webhook",
            fault=event.fault.kind if event.fault is not None else None,
            body_size=len(event.body),
            event=event.type,
        )
        self._record(record)
        return record
