"""A verified webhook event, and how its signed body is read.

The body is ``{"type": "<kind>.<event>", "payload": <the project, as GET returns it>}``. A known
type (``image``, ``video`` or ``audio``; ``started``, ``completed`` or ``errored``) has its
payload read with the same tolerant rules as ``check_result``'s GETs (:class:`ProjectReader`): only
``id`` and ``status`` are strict, and ``downloads`` once the status is ``complete``. Any other type
is kept as it came, so that a new event upstream never breaks a receiver.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Literal, cast

from attrs import field, frozen

from ._errors import WebhookMalformedBodyError
from ._kinds import Project, find_kind
from ._requests import ProjectReader
from ._tolerant import FieldError

if TYPE_CHECKING:
    from generated.catalog import KindName

__all__ = ["EVENT_NAMES", "EventName", "Project", "WebhookEvent", "parse_event", "project_reader"]

#: What happened to the project: the part of the event type after the dot.
EventName = Literal["started", "completed", "errored"]
EVENT_NAMES: tuple[EventName, ...] = ("started", "completed", "errored")


@frozen(repr=False)
class WebhookEvent:
    """A webhook delivery whose signature and timestamp were verified.

    Attributes:
        type: The event type as sent, e.g. ``"image.completed"``.
        kind: ``"image"``, ``"video"`` or ``"audio"``; None for a type this client does not know.
        event: ``"started"``, ``"completed"`` or ``"errored"``; None for an unknown type.
        project: The payload read as the kind's model (ImageProject, VideoProject, AudioProject),
            tolerantly; None for an unknown type. Its download URLs may already have expired when
            the delivery is late: fetch the project again before downloading.
        payload: The ``payload`` of the body as decoded JSON, whatever the type (None if absent).
        signed_at: When Magic Hour signed it (the timestamp header), in UTC.
        received_at: When it was verified, in UTC.

    Two deliveries of the same signed body are equal events, whenever they were received. Its
    repr names the type, the project and its status; never the payload (download URLs are signed).

    Example:
        >>> import datetime as dt
        >>> from generated.models import ImageProject
        >>> at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        >>> project = ImageProject.from_dict({"id": "p", "status": "rendering"})
        >>> WebhookEvent("image.started", "image", "started", project, {}, at, at)
        <WebhookEvent image.started: image project 'p' rendering, signed at 2025-01-01T00:00:00+00:00>
    """

    type: str
    kind: KindName | None
    event: EventName | None
    project: Project | None
    payload: Any
    signed_at: dt.datetime
    received_at: dt.datetime = field(eq=False)

    @property
    def project_id(self) -> str | None:
        """The project's id; None for an unknown type.

        Example:
            >>> import datetime as dt
            >>> at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
            >>> WebhookEvent("image.archived", None, None, None, {"id": "p"}, at, at).project_id is None
            True
        """
        return self.project.id if self.project is not None else None

    def __repr__(self) -> str:
        subject = (
            f"{self.kind} project {self.project.id!r} {self.project.status}"
            if self.project is not None
            else "unknown type"
        )
        return f"<WebhookEvent {self.type[:60]}: {subject:.200}, signed at {self.signed_at.isoformat()}>"


def project_reader(kind: str) -> ProjectReader[Any] | None:
    """A reader of *kind*'s projects (``"image"``, ...), or None when it is not a kind of project.

    The one place where a webhook's kind is looked up (``_kinds.find_kind``).

    Example:
        >>> project_reader("video").model.__name__, project_reader("archive")
        ('VideoProject', None)
    """
    found = find_kind(kind)
    return None if found is None else ProjectReader(found.model)


def parse_event(body: bytes, *, signed_at: dt.datetime, received_at: dt.datetime) -> WebhookEvent:
    """The event of a verified *body*.

    Raises:
        WebhookMalformedBodyError: the body is not a JSON object with a ``type`` string, or the
            payload of a known type is not a project (see :class:`ProjectReader`).

    Example:
        >>> import datetime as dt
        >>> at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        >>> parse_event(b'{"type": "audio.errored", "payload": {"id": "a"}}', signed_at=at, received_at=at)
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.WebhookMalformedBodyError: ... an audio project: the field 'status' is missing
    """
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise WebhookMalformedBodyError("the webhook body is not JSON") from None
    if not isinstance(data, dict):
        raise WebhookMalformedBodyError("the webhook body is not a JSON object")
    type_ = data.get("type")
    if not isinstance(type_, str) or not type_:
        raise WebhookMalformedBodyError("the webhook body has no 'type' string")
    payload = data.get("payload")
    kind, _, event = type_.partition(".")
    reader = project_reader(kind) if event in EVENT_NAMES else None
    if reader is None:
        return WebhookEvent(type_, None, None, None, payload, signed_at, received_at)
    what = f"the payload of the {type_!r} event is not {'an' if kind[0] in 'aeiou' else 'a'} {kind} project"
    if not isinstance(payload, dict):
        raise WebhookMalformedBodyError(f"{what}: it is not a JSON object")
    try:
        project = reader.read_object(payload)
    except FieldError as exc:
        raise WebhookMalformedBodyError(f"{what}: {exc}") from None
    return WebhookEvent(
        type_,
        cast("KindName", kind),
        cast("EventName", event),
        cast("Project", project),
        payload,
        signed_at,
        received_at,
    )
