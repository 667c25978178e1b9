"""Faults the local server injects: what can go wrong (`Fault`) and the queue that applies them."""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, TypedDict, Unpack

__all__ = ["Fault", "FaultKind", "FaultOptions", "FaultQueue", "Route"]

Route: TypeAlias = Literal["get", "delete", "download", "create", "upload_urls", "upload", "webhook"]
FaultKind: TypeAlias = Literal[
    "status",
    "rate_limit",
    "slow",
    "close",
    "truncate",
    "ignore_range",
    "redirect",
    "bad_json",
    "truncated_json",
    "expired",
    "trickle",
    "stall",
    "hang",
    "drop_after_create",
    "error_after_create",
    "cut_upload",
    "duplicate",
    "delay",
    "out_of_order",
    "bad_signature",
    "stale_timestamp",
    "drop",
]

_ANY: Final = frozenset({"get", "delete", "download", "create", "upload_urls", "upload"})
_DOWNLOAD: Final = frozenset({"download"})
_GET: Final = frozenset({"get"})
_CREATE: Final = frozenset({"create"})
_UPLOAD: Final = frozenset({"upload"})
_WEBHOOK: Final = frozenset({"webhook"})
ROUTES: Final[Mapping[str, frozenset[str]]] = {
    "status": _ANY,
    "rate_limit": _ANY,
    "slow": _ANY,
    "close": _ANY,
    "truncate": _DOWNLOAD,
    "ignore_range": _DOWNLOAD,
    "redirect": _DOWNLOAD,
    "bad_json": _GET,
    "truncated_json": _GET,
    "expired": frozenset({"download", "upload"}),
    "trickle": _ANY,
    "stall": _ANY,
    "hang": _ANY,
    "drop_after_create": _CREATE,
    "error_after_create": _CREATE,
    "cut_upload": _UPLOAD,
    "duplicate": _WEBHOOK,
    "delay": _WEBHOOK,
    "out_of_order": _WEBHOOK,
    "bad_signature": _WEBHOOK,
    "stale_timestamp": _WEBHOOK,
    "drop": _WEBHOOK,
}
_HTML: Final = frozenset({"status", "rate_limit"})


class FaultOptions(TypedDict, total=False):
    """The keyword arguments every `Fault` factory takes (see `Fault`)."""

    route: Route | None
    project_id: str | None
    times: int | None
    probability: float
    event: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Fault:
    """Something the local server does wrong on purpose, for the next matching request(s).

    Build faults with the factories (`Fault.status`, `Fault.rate_limit`, ...) and give them to
    `MagicHourServer.add_fault`. Every factory takes the same keyword arguments:

    Args:
        route: Which requests it may hit. The API listener: "get" and "delete" (a project of
            any kind), "create" (a tool's `POST /v1/<tool>`), "upload_urls" (`POST
            /v1/files/upload-urls`). The download host: "download" (`GET`/`HEAD` of an output)
            and "upload" (a `PUT` to an upload URL). "webhook": the server's own deliveries to
            its `webhook_url`. None: every route the fault applies to.
        project_id: Only requests for this project. None: any project.
        times: How many matching requests it hits. None: all of them, forever.
        probability: The chance that a matching request is hit; the server's RNG is seeded,
            so a run is reproducible. A request it misses does not use up `times`.
        event: A webhook fault's event: only deliveries of this one ("completed", or the whole
            type, "image.completed"). None: any event.

    Faults are tried in the order they were added; the first one that matches a request is
    applied (one fault per request), and is used up after `times` hits.

    A fault that answers instead of the handler (`status`, `rate_limit`, `close`, `hang`, ...)
    does so before the request is carried out: a create it hits creates nothing, an upload it
    hits stores nothing (its body is not read). `drop_after_create` and `error_after_create`
    hit a create after it was carried out (recorded and charged); `cut_upload` an upload while
    its body arrives.

    Example:
        >>> Fault.status(503, times=2).status_code
        503
        >>> Fault.rate_limit(retry_after="http-date", seconds=1).retry_after
        'http-date'
        >>> sorted(Fault.truncate(at=0.5).routes)
        ['download']
        >>> Fault.status(502, html=True).html
        True
    """

    kind: FaultKind
    route: Route | None = None
    project_id: str | None = None
    times: int | None = 1
    probability: float = 1.0
    status_code: int = 0
    headers: tuple[tuple[str, str], ...] = ()
    retry_after: str | None = None
    seconds: float = 0.0
    at: float = 0.0
    html: bool = False
    chunk: int = 1
    interval: float = 0.0
    event: str | None = None

    def __post_init__(self) -> None:
        allowed = ROUTES.get(self.kind)
        if allowed is None:
            raise ValueError(f"Unknown fault kind {self.kind!r}")
        if self.route is not None and self.route not in allowed:
            raise ValueError(f"A {self.kind} fault applies to {sorted(allowed)}, not to route {self.route!r}")
        if self.times is not None and (isinstance(self.times, bool) or self.times < 1):
            raise ValueError(f"times must be None or an int >= 1, got {self.times!r}")
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError(f"probability must be between 0 and 1, got {self.probability!r}")
        if self.kind == "status" and not 400 <= self.status_code <= 599:
            raise ValueError(f"a status fault is an error: between 400 and 599, got {self.status_code!r}")
        if self.kind == "error_after_create" and not 500 <= self.status_code <= 599:
            raise ValueError(f"an error after a create is a 5xx, got {self.status_code!r}")
        if self.seconds < 0:
            raise ValueError(f"seconds must be >= 0, got {self.seconds!r}")
        if not 0.0 <= self.at < 1.0:
            raise ValueError(f"at must be a fraction in [0, 1), got {self.at!r}")
        if self.html and self.kind not in _HTML:
            raise ValueError(f"html applies to {sorted(_HTML)} faults, not to {self.kind}")
        if isinstance(self.chunk, bool) or not isinstance(self.chunk, int) or self.chunk < 1:
            raise ValueError(f"chunk must be an int >= 1, got {self.chunk!r}")
        if self.interval < 0:
            raise ValueError(f"interval must be >= 0, got {self.interval!r}")
        if self.event is not None and allowed != _WEBHOOK:
            raise ValueError(f"event applies to webhook faults, not to {self.kind}")

    def hits_event(self, event_type: str | None) -> bool:
        """Whether this fault applies to a delivery of *event_type* ("image.completed")."""
        if self.event is None:
            return True
        return event_type is not None and self.event in (event_type, event_type.partition(".")[2])

    @property
    def routes(self) -> frozenset[str]:
        """The routes this fault can hit."""
        return ROUTES[self.kind] if self.route is None else frozenset({self.route})

    @classmethod
    def status(
        cls,
        code: int,
        *,
        headers: Mapping[str, str] | None = None,
        html: bool = False,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Answer `code` (500, 502, 503, 504, 520, ...) with a `{"message": ...}` body.

        Args:
            code: The status, 400 to 599.
            headers: Added to the response, e.g. `{"Retry-After": "2"}`.
            html: Send a small HTML page (`text/html`) instead, as a gateway does for 502 or 503.

        Example:
            >>> fault = Fault.status(503, times=3, headers={"Retry-After": "2"})
            >>> gateway = Fault.status(502, html=True)
        """
        return cls(
            kind="status", status_code=code, headers=tuple((headers or {}).items()), html=html, **options
        )

    @classmethod
    def rate_limit(
        cls,
        *,
        retry_after: str | None = "1",
        seconds: float = 1.0,
        html: bool = False,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Answer 429 Too Many Requests with a `Retry-After` header.

        Args:
            retry_after: The header's value, sent as given ("1", "0.5", even "soon"); the
                special value "http-date" sends an HTTP-date `seconds` after the response;
                None sends no header.
            seconds: How far ahead the HTTP-date is, for `retry_after="http-date"`.
            html: Send a small HTML page (`text/html`) instead of `{"message": ...}`.

        Example:
            >>> Fault.rate_limit(retry_after="2").retry_after
            '2'
        """
        return cls(kind="rate_limit", retry_after=retry_after, seconds=seconds, html=html, **options)

    @classmethod
    def slow(
        cls,
        seconds: float,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Wait `seconds` before answering normally (longer than a client's timeout, say).

        Example:
            >>> Fault.slow(2.0, route="get").seconds
            2.0
        """
        return cls(kind="slow", seconds=seconds, **options)

    @classmethod
    def close(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Close the connection before sending any response.

        Example:
            >>> Fault.close(route="get").kind
            'close'
        """
        return cls(kind="close", **options)

    @classmethod
    def truncate(
        cls,
        *,
        at: float = 0.5,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Download: send the full `Content-Length`, then only the fraction `at` of the body, then close.

        Example:
            >>> Fault.truncate(at=0.25).at
            0.25
        """
        return cls(kind="truncate", at=at, **options)

    @classmethod
    def ignore_range(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Download: ignore a `Range` header and answer 200 with the whole file.

        Example:
            >>> Fault.ignore_range(times=None).times is None
            True
        """
        return cls(kind="ignore_range", **options)

    @classmethod
    def redirect(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Download: answer 302 with a `Location` that is another valid signed URL of the same file.

        Example:
            >>> Fault.redirect().kind
            'redirect'
        """
        return cls(kind="redirect", **options)

    @classmethod
    def bad_json(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """GET: answer 200 with a body that is not JSON (an HTML error page from a proxy).

        Example:
            >>> Fault.bad_json().routes
            frozenset({'get'})
        """
        return cls(kind="bad_json", **options)

    @classmethod
    def truncated_json(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """GET: answer 200 with the first half of the JSON body it would have sent.

        Example:
            >>> Fault.truncated_json(times=2).times
            2
        """
        return cls(kind="truncated_json", **options)

    @classmethod
    def expired(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Download or upload: answer 403 as if the signed URL had expired, whatever its `expires`.

        Example:
            >>> Fault.expired().kind
            'expired'
        """
        return cls(kind="expired", **options)

    @classmethod
    def trickle(
        cls,
        *,
        chunk: int = 1,
        interval: float = 0.1,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Send the whole response (status line, headers, body) `chunk` bytes at a time, `interval` s apart.

        The response is complete and correct, only slow: a client's read timeout between two
        chunks never fires, however long the whole takes.

        Example:
            >>> Fault.trickle(chunk=10, interval=0.05).chunk
            10
        """
        return cls(kind="trickle", chunk=chunk, interval=interval, **options)

    @classmethod
    def stall(
        cls,
        *,
        at: float = 0.5,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Send the head and the fraction `at` of the body, then nothing, keeping the connection open.

        The connection stays open and silent until the client closes it or the server stops.

        Example:
            >>> Fault.stall(at=0.25).at
            0.25
        """
        return cls(kind="stall", at=at, **options)

    @classmethod
    def hang(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Read the request and never answer, keeping the connection open.

        The connection stays open and silent until the client closes it or the server stops.

        Example:
            >>> Fault.hang(route="get").kind
            'hang'
        """
        return cls(kind="hang", **options)

    @classmethod
    def drop_after_create(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Create: create the project and charge it, then close the connection without answering.

        What a client sees when a connection breaks after the API took its request: it cannot
        tell whether the project exists. `server.created` lists it all the same.

        Example:
            >>> Fault.drop_after_create().routes
            frozenset({'create'})
        """
        return cls(kind="drop_after_create", **options)

    @classmethod
    def error_after_create(
        cls,
        code: int = 500,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Create: create the project and charge it, then answer `code` (a 5xx) instead of its id.

        Example:
            >>> Fault.error_after_create(502).status_code
            502
        """
        return cls(kind="error_after_create", status_code=code, **options)

    @classmethod
    def cut_upload(
        cls,
        *,
        at: float = 0.5,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Upload: read the fraction `at` of the `PUT`'s body, then close the connection; nothing is stored.

        Example:
            >>> Fault.cut_upload(at=0.25).routes
            frozenset({'upload'})
        """
        return cls(kind="cut_upload", at=at, **options)

    @classmethod
    def duplicate(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Webhook: deliver the event twice (the second once the first was answered).

        Example:
            >>> Fault.duplicate(event="completed").routes
            frozenset({'webhook'})
        """
        return cls(kind="duplicate", **options)

    @classmethod
    def delay(
        cls,
        seconds: float,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Webhook: deliver the event `seconds` late (its payload is still the one of its transition).

        Example:
            >>> Fault.delay(2.0).seconds
            2.0
        """
        return cls(kind="delay", seconds=seconds, **options)

    @classmethod
    def out_of_order(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Webhook: hold the event back and deliver it just after the project's next one.

        An event with none after it (a final one) is delivered as usual.

        Example:
            >>> Fault.out_of_order(event="started").event
            'started'
        """
        return cls(kind="out_of_order", **options)

    @classmethod
    def bad_signature(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Webhook: sign the event with another secret (a receiver must refuse it, 400).

        Example:
            >>> Fault.bad_signature().kind
            'bad_signature'
        """
        return cls(kind="bad_signature", **options)

    @classmethod
    def stale_timestamp(
        cls,
        seconds: float = 600.0,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Webhook: sign the event with a timestamp `seconds` in the past (10 minutes by default).

        The signature is right for that timestamp: only the 5-minute window refuses it.

        Example:
            >>> Fault.stale_timestamp().seconds
            600.0
        """
        return cls(kind="stale_timestamp", seconds=seconds, **options)

    @classmethod
    def drop(
        cls,
        **options: Unpack[FaultOptions],
    ) -> Fault:
        """Webhook: never deliver the event (logged with no status: a lost delivery).

        Example:
            >>> Fault.drop(event="completed").kind
            'drop'
        """
        return cls(kind="drop", **options)


class _Pending:
    __slots__ = ("fault", "remaining")

    def __init__(self, fault: Fault) -> None:
        self.fault = fault
        self.remaining = fault.times


class FaultQueue:
    """The faults of one server, in the order added, with a seeded RNG for probabilities."""

    def __init__(self, seed: int | None) -> None:
        self._lock = threading.Lock()
        self._pending: list[_Pending] = []
        self._rng = random.Random(seed)  # noqa: S311 - reproducible fault injection, not security

    def add(self, fault: Fault) -> None:
        if not isinstance(fault, Fault):
            raise TypeError(f"Expected a Fault, got {type(fault).__name__}")
        with self._lock:
            self._pending.append(_Pending(fault))

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()

    def pending(self) -> list[Fault]:
        with self._lock:
            return [p.fault for p in self._pending]

    def take(self, route: Route, project_id: str | None, event: str | None = None) -> Fault | None:
        """The fault to apply to a request on `route` for `project_id`, if any (and use it up).

        *event* is the type of a webhook delivery ("image.completed").
        """
        with self._lock:
            for pending in self._pending:
                fault = pending.fault
                if route not in fault.routes or not fault.hits_event(event):
                    continue
                if fault.project_id is not None and fault.project_id != project_id:
                    continue
                if fault.probability < 1.0 and self._rng.random() >= fault.probability:
                    continue
                if pending.remaining is not None:
                    pending.remaining -= 1
                    if pending.remaining == 0:
                        self._pending.remove(pending)
                return fault
            return None
