"""THE retry rule, in one place: what is retried, how long to wait, and when to give up.

- Retried: no response at all (connection errors, timeouts, a connection closed mid-body), and the
  statuses 408, 429, 499 and every 5xx (500, 502, 503, 504, and non-standard ones such as 520).
  Every other status (400, 401, 402, 403, 404, ...) is final at once, and so is a host name that
  does not exist (DNS: ``EAI_NONAME``; a resolver that is only failing for now is retried).
- The wait before retry *n* (1-based) is ``min(WAIT_MAX, WAIT_INITIAL * 2 ** (n - 1))`` times a
  jitter in [0.5, 1.0): 0.25-0.5 s, 0.5-1 s, 1-2 s, 4 s, 8 s at most.
- A ``Retry-After`` header, in seconds or as an HTTP-date, replaces that wait; it is capped at
  RETRY_AFTER_CAP (60 s).
- At most ATTEMPTS attempts (6) per request.
- Never past the caller's deadline: a retry whose wait would end after it is not made, and
  :attr:`RetryState.deadline_hit` says so.

The loop itself is stamina's ``retry_context`` (``for attempt in state.retrying()`` in sync code,
``async for`` in async code); :meth:`RetryState.backoff_hook` is its ``on=`` hook, and logs every
retry it grants at WARNING on the ``magic_hour_ext`` logger, naming the request, the cause, the
attempt and the delay: ``retrying GET image project 'abc' (503 Service Unavailable), attempt 2 of
6, in 0.5 s``. Under ``stamina.set_testing(True)`` (or ``magic_hour_ext.testing.instant_retries``)
the waits are skipped, and logged as 0 s.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import random
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from http import HTTPStatus
from typing import Protocol

import httpx
import stamina

from ._errors import APIConnectionError, APIError
from ._log import logger as log
from ._redact import redact_text

__all__ = [
    "ATTEMPTS",
    "RETRY_AFTER_CAP",
    "WAIT_INITIAL",
    "WAIT_MAX",
    "AttemptLoop",
    "RetryState",
    "TransientError",
    "backoff",
    "cause_of",
    "dns_failure",
    "is_retryable_status",
    "is_transient",
    "parse_retry_after",
    "retry_after_of",
]

ATTEMPTS = 6
WAIT_INITIAL = 0.5
WAIT_MAX = 8.0
RETRY_AFTER_CAP = 60.0


class AttemptLoop(Protocol):
    """What ``stamina.retry_context`` returns: iterable with ``for`` and ``async for``."""

    def __iter__(self) -> Iterator[stamina.Attempt]: ...

    def __aiter__(self) -> AsyncIterator[stamina.Attempt]: ...


class TransientError(Exception):
    """Internal: a failure worth retrying that is not an httpx error (e.g. a body cut short).

    Attributes:
        retry_after: The server's ``Retry-After`` in seconds, or None.
        status_code: The HTTP status that caused it, or None.
        summary: What happened in a few words, for the log line of the retry (default: the message).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        retry_after: float | None = None,
        summary: str | None = None,
    ):
        super().__init__(message)
        self.status_code = status_code
        self.retry_after = retry_after
        self.summary = summary or message


def is_retryable_status(status_code: int) -> bool:
    """Whether a response with *status_code* is worth retrying.

    Example:
        >>> [c for c in (400, 404, 408, 429, 499, 500, 501, 503, 520) if is_retryable_status(c)]
        [408, 429, 499, 500, 501, 503, 520]
    """
    return status_code in (408, 429, 499) or 500 <= status_code <= 599


def parse_retry_after(
    value: str | None, *, now: dt.datetime | None = None, cap: float = RETRY_AFTER_CAP
) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date), within [0, cap].

    None when the header is absent or unparseable.

    Example:
        >>> parse_retry_after("3"), parse_retry_after("3600"), parse_retry_after("soon")
        (3.0, 60.0, None)
        >>> now = dt.datetime(2015, 10, 21, 7, 28, 0, tzinfo=dt.UTC)
        >>> parse_retry_after("Wed, 21 Oct 2015 07:28:05 GMT", now=now)
        5.0
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        seconds = (when - (now or dt.datetime.now(dt.UTC))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return min(cap, max(0.0, seconds))


def backoff(retry_number: int, *, rng: random.Random | None = None) -> float:
    """The wait before retry *retry_number* (1-based) when the server sent no ``Retry-After``.

    Example:
        >>> [backoff(n) for n in range(1, 7)]
        [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    """
    factor = rng.uniform(0.5, 1.0) if rng is not None else 1.0
    return min(WAIT_MAX, WAIT_INITIAL * 2.0 ** min(retry_number - 1, 32)) * factor


def retry_after_of(exc: BaseException) -> float | None:
    """The ``Retry-After`` an error carries, if any."""
    value = getattr(exc, "retry_after", None)
    return value if isinstance(value, float) else None


def dns_failure(exc: BaseException) -> socket.gaierror | None:
    """The DNS lookup failure behind *exc* (a ``socket.gaierror`` in its chain of causes), or None.

    Example:
        >>> try:
        ...     raise httpx.ConnectError("lookup failed") from socket.gaierror(socket.EAI_NONAME, "unknown")
        ... except httpx.ConnectError as exc:
        ...     dns_failure(exc).errno == socket.EAI_NONAME
        True
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, socket.gaierror):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def is_transient(exc: BaseException) -> bool:
    """Whether *exc* is a failure the retry rule retries.

    A host name that does not exist (``EAI_NONAME``) is not: it will not exist a second later.

    Example:
        >>> is_transient(APIError(503, "busy")), is_transient(APIError(404, "gone"))
        (True, False)
    """
    lookup = dns_failure(exc)
    if lookup is not None and lookup.errno == socket.EAI_NONAME:
        return False
    if isinstance(exc, APIConnectionError | httpx.TransportError | TransientError):
        return True
    return isinstance(exc, APIError) and exc.status_code is not None and is_retryable_status(exc.status_code)


def cause_of(exc: BaseException) -> str:
    """What went wrong, in a few words, for the log line of a retry (signed queries redacted).

    Example:
        >>> cause_of(APIError(503, "busy")), cause_of(APIError(520, "odd")), cause_of(TransientError("cut"))
        ('503 Service Unavailable', '520 odd', 'cut')
    """
    if isinstance(exc, APIConnectionError):
        return f"no response: {exc.message}"
    code = getattr(exc, "status_code", None)
    if isinstance(exc, APIError) and code is not None:
        try:
            return f"{code} {HTTPStatus(code).phrase}"
        except ValueError:
            return f"{code} {exc.message}"
    if isinstance(exc, TransientError):
        return exc.summary
    detail = redact_text(str(exc))[:200]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _retrying(exc: BaseException) -> str:
    return f"retrying ({cause_of(exc)})"


class RetryState:
    """The retries of one request: stamina's hook, the attempts made, and the deadline.

    Args:
        time_left: Seconds left before the caller's deadline, or None for no deadline.
        rng: The source of jitter.
        describe: The start of each retry's log line, from the error that caused it (the request
            or download sets it: ``"retrying GET image project 'p' (503 Service Unavailable)"``).
    """

    def __init__(
        self,
        time_left: Callable[[], float | None],
        rng: random.Random | None = None,
        *,
        describe: Callable[[BaseException], str] | None = None,
    ) -> None:
        self._time_left = time_left
        self._rng = rng
        self.retries = 0
        self.deadline_hit = False
        #: When a retry was refused because it would end after the deadline: what it was, e.g.
        #: ``"Retry-After 30 s, after HTTP 429"`` or ``"in 4 s, after no response"``.
        self.refused_retry: str | None = None
        #: Whether a failed attempt got a response (a status), so the host was reached.
        self.answered = False
        #: Says what is retried and why, at the start of the retry's log line (the request sets it).
        self.describe: Callable[[BaseException], str] = describe or _retrying

    def backoff_hook(self, exc: Exception) -> bool | float:
        """stamina's ``on=`` hook: False when *exc* is final, else the seconds to wait.

        Example:
            >>> state = RetryState(lambda: 3.0)
            >>> state.backoff_hook(APIError(429, "slow", retry_after=30.0)), state.refused_retry
            (False, 'Retry-After 30 s, after HTTP 429')
        """
        if isinstance(getattr(exc, "status_code", None), int):
            self.answered = True
        if not is_transient(exc) or self.retries + 1 >= ATTEMPTS:
            return False
        wait = retry_after_of(exc)
        told = wait is not None
        if wait is None:
            wait = backoff(self.retries + 1, rng=self._rng)
        left = self._time_left()
        if left is not None and wait >= left:
            self.deadline_hit = True
            code = getattr(exc, "status_code", None)
            cause = f"HTTP {code}" if isinstance(code, int) else "no response"
            self.refused_retry = f"{'Retry-After' if told else 'in'} {wait:.3g} s, after {cause}"
            return False
        self.retries += 1
        self._log(exc, wait)
        return wait

    def _log(self, exc: BaseException, wait: float) -> None:
        """One WARNING per retry: what, why, which attempt comes, and when."""
        waited = 0.0 if stamina.is_testing() else wait
        log.warning("%s, attempt %d of %d, in %.2g s", self.describe(exc), self.retries + 1, ATTEMPTS, waited)

    def retrying(self) -> AttemptLoop:
        """The stamina retry loop for this request (``for`` or ``async for``)."""
        # The hook returns the wait itself, so stamina's own wait parameters are not used, and the
        # deadline is enforced by the hook rather than by stamina's timeout.
        return stamina.retry_context(on=self.backoff_hook, attempts=ATTEMPTS, timeout=None)
