"""Which webhook events end a wait, and the memory of them, without threads, clocks or I/O.

A wait for a project ends on its final event: ``completed`` or ``errored`` (there is no event for
``canceled``; only polling sees that). ``started`` and unknown types never end a wait.

:class:`FinalEvents` remembers the first final event of each project for a while (``keep_for``
seconds, at most ``max_projects`` projects, the oldest forgotten first), so that a delivery that
arrives before the wait starts is not lost. A duplicate (Magic Hour retries deliveries for up to
24 h) changes nothing. The caller gives the time (a monotonic clock) and holds any lock.
"""

from __future__ import annotations

from collections import OrderedDict

from ._errors import InvalidArgumentError
from ._webhook_event import WebhookEvent

__all__ = ["DEFAULT_KEEP_FOR", "DEFAULT_MAX_PROJECTS", "FINAL_EVENT_NAMES", "FinalEvents", "is_final"]

#: The events after which a project's status no longer changes.
FINAL_EVENT_NAMES = frozenset({"completed", "errored"})
#: How long a final event is remembered (seconds): far longer than the time between creating a
#: project and starting to wait for it.
DEFAULT_KEEP_FOR = 600.0
#: How many projects' final events are remembered at most (a few MiB of payloads at worst).
DEFAULT_MAX_PROJECTS = 10_000


def is_final(event: WebhookEvent) -> bool:
    """Whether *event* ends a wait for its project: a ``completed`` or ``errored`` with a project.

    Example:
        >>> import datetime as dt
        >>> from generated.models import ImageProject
        >>> at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        >>> project = ImageProject.from_dict({"id": "p", "status": "error"})
        >>> is_final(WebhookEvent("image.errored", "image", "errored", project, {}, at, at))
        True
        >>> is_final(WebhookEvent("image.started", "image", "started", project, {}, at, at))
        False
    """
    return event.event in FINAL_EVENT_NAMES and event.project is not None


class FinalEvents:
    """The first final event of each project, for *keep_for* seconds, for at most *max_projects*.

    Not thread-safe: the caller holds its lock and passes the time (``time.monotonic()``).

    Example:
        >>> import datetime as dt
        >>> from generated.models import ImageProject
        >>> at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        >>> def event(type_, status):
        ...     project = ImageProject.from_dict({"id": "p", "status": status, "downloads": []})
        ...     return WebhookEvent(type_, "image", type_.split(".")[1], project, {}, at, at)
        >>> finals = FinalEvents(keep_for=60.0, max_projects=100)
        >>> finals.add(event("image.started", "rendering"), now=0.0)  # not final: not kept
        False
        >>> finals.add(event("image.completed", "complete"), now=1.0)
        True
        >>> finals.add(event("image.completed", "complete"), now=2.0)  # a duplicate
        False
        >>> finals.get("p", now=30.0).type, finals.get("p", now=61.5)
        ('image.completed', None)
    """

    def __init__(
        self, *, keep_for: float = DEFAULT_KEEP_FOR, max_projects: int = DEFAULT_MAX_PROJECTS
    ) -> None:
        if not keep_for >= 0:
            raise InvalidArgumentError(f"keep_for must be >= 0 seconds, not {keep_for!r}")
        if max_projects < 1:
            raise InvalidArgumentError(f"max_projects must be at least 1, not {max_projects!r}")
        self.keep_for = keep_for
        self.max_projects = max_projects
        # Project id -> (when it was added, the event); in the order they were added.
        self._events: OrderedDict[str, tuple[float, WebhookEvent]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._events)

    def add(self, event: WebhookEvent, now: float) -> bool:
        """Remember *event* if it is final and the first for its project; True if it was remembered."""
        self._forget_expired(now)
        if not is_final(event) or event.project is None:
            return False
        project_id = event.project.id
        if project_id in self._events:
            return False
        self._events[project_id] = (now, event)
        while len(self._events) > self.max_projects:
            self._events.popitem(last=False)
        return True

    def get(self, project_id: str, now: float) -> WebhookEvent | None:
        """The final event of *project_id* remembered, or None."""
        self._forget_expired(now)
        found = self._events.get(project_id)
        return found[1] if found is not None else None

    def _forget_expired(self, now: float) -> None:
        while self._events:
            added, _ = next(iter(self._events.values()))
            if now - added <= self.keep_for:
                return
            self._events.popitem(last=False)
