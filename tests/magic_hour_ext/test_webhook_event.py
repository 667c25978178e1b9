"""WebhookEvent and the reading of a verified body."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generated.models import ImageProject
from magic_hour_ext._webhook_event import WebhookEvent, parse_event, project_reader
from magic_hour_ext.webhooks import WebhookMalformedBodyError

AT = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)
SIGNED_URL = "https://videos.magichour.ai/p/1.png?Expires=1&Signature=secret-part"


def _parse(data: object) -> WebhookEvent:
    return parse_event(json.dumps(data).encode(), signed_at=AT, received_at=AT)


def test_the_repr_is_short_and_holds_no_signed_url() -> None:
    payload = {
        "id": "p",
        "status": "complete",
        "downloads": [{"url": SIGNED_URL, "expires_at": "2030-01-01T00:00:00Z"}],
    }
    event = _parse({"type": "image.completed", "payload": payload})
    assert (
        repr(event)
        == "<WebhookEvent image.completed: image project 'p' complete, signed at 2025-06-01T12:00:00+00:00>"
    )
    assert "secret-part" not in repr(event)
    assert str(event) == repr(event)


def test_the_repr_of_an_unknown_type() -> None:
    event = _parse({"type": "x" * 500, "payload": {"url": SIGNED_URL}})
    assert repr(event).startswith("<WebhookEvent " + "x" * 60 + ": unknown type")
    assert "secret-part" not in repr(event)


def test_events_are_frozen() -> None:
    event = _parse({"type": "image.started", "payload": {"id": "p", "status": "queued"}})
    with pytest.raises(AttributeError):
        event.type = "image.completed"  # type: ignore[misc]


def test_a_naive_date_time_is_taken_as_utc_as_check_result_does() -> None:
    payload = {"id": "p", "status": "complete", "created_at": "2025-06-01T10:00:00", "downloads": []}
    project = _parse({"type": "image.completed", "payload": payload}).project
    assert isinstance(project, ImageProject)
    assert project.created_at == dt.datetime(2025, 6, 1, 10, tzinfo=dt.UTC)


def test_an_unknown_status_is_kept() -> None:
    project = _parse({"type": "image.started", "payload": {"id": "p", "status": "warming_up"}}).project
    assert project is not None
    assert (str(project.status), project.status.is_known) == ("warming_up", False)


@pytest.mark.parametrize("kind", ["image", "video", "audio"])
def test_project_reader_follows_the_catalog(kind: str) -> None:
    from generated.catalog import PROJECT_KINDS

    reader = project_reader(kind)
    assert reader is not None
    assert reader.model.__name__ == PROJECT_KINDS[kind].model  # type: ignore[index]


@pytest.mark.parametrize("kind", ["", "images", "Image", "__class__", "tools"])
def test_project_reader_of_no_kind(kind: str) -> None:
    assert project_reader(kind) is None


def test_a_payload_error_names_the_field_never_its_value() -> None:
    with pytest.raises(WebhookMalformedBodyError) as info:
        _parse(
            {"type": "image.completed", "payload": {"id": "p", "status": "complete", "downloads": "s3cr3t"}}
        )
    assert "'downloads'" in str(info.value)
    assert "s3cr3t" not in str(info.value)
