"""WebhookWaiter: webhook deliveries in, woken waits out, across threads and event loops.

What counts as final, duplicates and how long events are remembered are decided by
:class:`~magic_hour_ext._final_events.FinalEvents` (pure); this module only does the waking:

- a sync wait blocks on its own ``threading.Event``;
- an async wait (asyncio or trio) waits on its own ``anyio.Event``, which a delivery sets by
  queueing ``event.set`` in the wait's event loop (:func:`~magic_hour_ext._loop_call.loop_call`),
  never by calling into another thread's loop directly.

A delivery verifies outside the lock, then holds it only to record the event and take the waits
to wake: it never blocks on a wait, whichever thread or loop it runs in.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial

import anyio
import anyio.lowlevel

from ._errors import InvalidArgumentError
from ._final_events import DEFAULT_KEEP_FOR, DEFAULT_MAX_PROJECTS, FinalEvents, is_final
from ._log import logger as log
from ._loop_call import loop_call
from ._signature import DEFAULT_TOLERANCE, Headers, check_tolerance, webhook_keys
from ._verify import verify_with_keys
from ._webhook_event import WebhookEvent

__all__ = ["WebhookWaiter"]


class _Wait:
    """One wait in progress: how to wake it, and the event that did (set under the waiter's lock)."""

    __slots__ = ("_notify", "event")

    def __init__(self, notify: Callable[[], object]) -> None:
        self._notify = notify
        self.event: WebhookEvent | None = None

    def wake(self) -> None:
        with contextlib.suppress(RuntimeError):  # its event loop has finished: nobody is waiting
            self._notify()


class WebhookWaiter:
    """Feed it webhook deliveries; it wakes whatever waits for those projects.

    The application's HTTP handler passes each delivery to :meth:`deliver`, which verifies it
    (exactly as :func:`~magic_hour_ext.webhooks.verify_event`) and returns the event. Waits for a
    project, :meth:`sleep` (sync) and :meth:`asleep` (asyncio or trio), return early, with the
    event, once a final event (``completed`` or ``errored``) of that project has been delivered,
    before the wait started or during it. ``started`` events and unknown types wake nothing.

    Args:
        secret: The webhook's signing secret, or several while rotating one. None reads
            ``MAGIC_HOUR_WEBHOOK_SECRET`` now (MissingWebhookSecretError if it is not set).
        tolerance: How many seconds a delivery's timestamp may be from now, on either side.
        keep_for: How long (seconds) a final event is remembered for a wait that starts later.
        max_projects: How many projects' final events are remembered at most (oldest forgotten).
        clock: The monotonic clock of ``keep_for`` (for tests).

    :meth:`deliver` may be called from any thread, or from a task in any event loop; it never
    waits for a waiter. A duplicate delivery returns its event again and wakes nothing new.

    Example:
        >>> import hashlib, hmac, json, threading, time
        >>> waiter = WebhookWaiter(secret="whsec_example")
        >>> def post(type_: str, status: str) -> None:  # what Magic Hour sends, signed here
        ...     payload = {"id": "p", "status": status, "downloads": []}
        ...     body = json.dumps({"type": type_, "payload": payload})
        ...     timestamp = str(int(time.time()))
        ...     mac = hmac.new(b"whsec_example", f"{timestamp}.{body}".encode(), hashlib.sha256)
        ...     headers = {
        ...         "Magic-Hour-Event-Timestamp": timestamp,
        ...         "Magic-Hour-Event-Signature": mac.hexdigest(),
        ...     }
        ...     waiter.deliver(body, headers)  # in your HTTP handler
        >>> post("image.started", "rendering")
        >>> print(waiter.sleep("p", 0.01))  # started is not final: the full sleep, then None
        None
        >>> threading.Timer(0.05, post, ("image.completed", "complete")).start()
        >>> started = time.monotonic()
        >>> waiter.sleep("p", 30.0)  # returns as soon as the delivery arrives
        <WebhookEvent image.completed: image project 'p' complete, signed at ...>
        >>> time.monotonic() - started < 20
        True
    """

    def __init__(
        self,
        secret: str | Sequence[str] | None = None,
        *,
        tolerance: float = DEFAULT_TOLERANCE,
        keep_for: float = DEFAULT_KEEP_FOR,
        max_projects: int = DEFAULT_MAX_PROJECTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._keys = webhook_keys(secret)
        self._tolerance = check_tolerance(tolerance)
        self._finals = FinalEvents(keep_for=keep_for, max_projects=max_projects)
        self._clock = clock
        self._lock = threading.Lock()
        self._waits: dict[str, set[_Wait]] = {}

    def __repr__(self) -> str:
        with self._lock:
            remembered, waiting = len(self._finals), sum(map(len, self._waits.values()))
        return f"<WebhookWaiter: {self._keys!r}, {remembered} final events remembered, {waiting} waits>"

    def deliver(self, body: bytes | str, headers: Headers, *, now: float | None = None) -> WebhookEvent:
        """Verify a delivery and wake the waits for its project if it is final; return its event.

        Args:
            body: The raw request body (``str`` is encoded as UTF-8).
            headers: The request headers, any mapping (or pairs), names in any case.
            now: The current time in seconds since the epoch (default: ``time.time()``).

        Raises:
            WebhookVerificationError: the delivery must be refused (answer 400); nothing is woken.
        """
        event = verify_with_keys(body, headers, self._keys, tolerance=self._tolerance, now=now)
        if not is_final(event) or event.project is None:
            log.debug("webhook %s: not final, wakes nothing", event.type[:60])
            return event
        project_id = event.project.id
        with self._lock:
            new = self._finals.add(event, self._clock())
            waits = self._waits.pop(project_id, set())
            for wait in waits:
                wait.event = event
        for wait in waits:
            wait.wake()
        log.debug(
            "webhook %s for project %r%s: %d waits woken",
            event.type[:60],
            project_id[:120],
            "" if new else " (a duplicate)",
            len(waits),
        )
        return event

    def final_event(self, project_id: str) -> WebhookEvent | None:
        """The final event of *project_id* delivered and still remembered, or None; never waits.

        Example:
            >>> print(WebhookWaiter(secret="whsec_example").final_event("p"))
            None
        """
        with self._lock:
            return self._finals.get(project_id, self._clock())

    def sleep(self, project_id: str, seconds: float) -> WebhookEvent | None:
        """Sleep *seconds*, or less: until a final event of *project_id* is delivered.

        Returns at once if one was delivered before (and is still remembered): a caller that got
        an event and keeps polling should sleep with ``time.sleep`` from then on. Do not call it
        from an event loop's thread (it blocks): use :meth:`asleep` there.

        Args:
            project_id: The project waited for.
            seconds: The longest sleep; ``math.inf`` for no limit.

        Returns:
            The final event, or None when *seconds* passed without one.

        Example:
            >>> WebhookWaiter(secret="whsec_example").sleep("p", 0.01) is None
            True
        """
        flag = threading.Event()
        entered = self._enter(project_id, flag.set)
        if isinstance(entered, WebhookEvent):
            return entered
        try:
            flag.wait(None if math.isinf(seconds) else max(0.0, seconds))
        finally:
            event = self._leave(project_id, entered)
        return event

    async def asleep(self, project_id: str, seconds: float) -> WebhookEvent | None:
        """:meth:`sleep` for asyncio and trio: the task sleeps, the event loop does not.

        Cancelling the task ends the wait at once. A delivery from this event loop's thread (an
        ASGI handler) or from any other thread wakes it.

        Raises:
            RuntimeError: it is not running in an asyncio or trio event loop.

        Example:
            >>> import asyncio
            >>> waiter = WebhookWaiter(secret="whsec_example")
            >>> asyncio.run(waiter.asleep("p", 0.01)) is None
            True
        """
        call = loop_call()
        woken = anyio.Event()
        entered = self._enter(project_id, partial(call, woken.set))
        if isinstance(entered, WebhookEvent):
            await anyio.lowlevel.checkpoint()
            return entered
        try:
            with anyio.move_on_after(seconds):
                await woken.wait()
        finally:
            event = self._leave(project_id, entered)
        return event

    def _enter(self, project_id: str, notify: Callable[[], object]) -> WebhookEvent | _Wait:
        """The final event already delivered, or a new wait registered for *project_id*."""
        if not isinstance(project_id, str):
            raise InvalidArgumentError(f"the project id must be a string, not {project_id!r:.40}")
        with self._lock:
            event = self._finals.get(project_id, self._clock())
            if event is not None:
                return event
            wait = _Wait(notify)
            self._waits.setdefault(project_id, set()).add(wait)
            return wait

    def _leave(self, project_id: str, wait: _Wait) -> WebhookEvent | None:
        """Unregister *wait*; the event that woke it, or None."""
        with self._lock:
            waits = self._waits.get(project_id)
            if waits is not None:
                waits.discard(wait)
                if not waits:
                    del self._waits[project_id]
            return wait.event
