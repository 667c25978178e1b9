"""What ends a wait, duplicates and the bounds of the memory: pure, with the time given."""

from __future__ import annotations

import datetime as dt

import pytest

from generated.models import ImageProject
from magic_hour_ext import InvalidArgumentError
from magic_hour_ext._final_events import FinalEvents, is_final
from magic_hour_ext._webhook_event import WebhookEvent

AT = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
STATUS = {"started": "rendering", "completed": "complete", "errored": "error"}


def _event(type_: str = "image.completed", project_id: str = "p") -> WebhookEvent:
    kind, _, name = type_.partition(".")
    if name not in STATUS:
        return WebhookEvent(type_, None, None, None, {"id": project_id}, AT, AT)
    project = ImageProject.from_dict({"id": project_id, "status": STATUS[name], "downloads": []})
    return WebhookEvent(type_, kind, name, project, {}, AT, AT)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("type_", "final"),
    [
        ("image.completed", True),
        ("image.errored", True),
        ("video.completed", True),
        ("audio.errored", True),
        ("image.started", False),
        ("image.canceled", False),  # unknown today: no project, so nothing to wake
        ("ping", False),
    ],
)
def test_is_final(type_: str, final: bool) -> None:
    assert is_final(_event(type_)) is final


def test_the_first_final_event_is_kept_and_duplicates_change_nothing() -> None:
    finals = FinalEvents(keep_for=60.0, max_projects=10)
    first = _event("image.completed")

    assert finals.add(first, now=0.0) is True
    assert finals.add(_event("image.completed"), now=1.0) is False  # a retried delivery
    assert finals.add(_event("image.errored"), now=2.0) is False  # a contradiction: the first stays

    assert finals.get("p", now=3.0) is first
    assert len(finals) == 1


@pytest.mark.parametrize("type_", ["image.started", "image.archived"])
def test_events_that_cannot_be_final_are_not_kept(type_: str) -> None:
    finals = FinalEvents(keep_for=60.0, max_projects=10)
    assert finals.add(_event(type_), now=0.0) is False
    assert finals.get("p", now=0.0) is None
    assert len(finals) == 0


def test_an_event_is_forgotten_after_keep_for() -> None:
    finals = FinalEvents(keep_for=60.0, max_projects=10)
    finals.add(_event(project_id="old"), now=0.0)
    finals.add(_event(project_id="new"), now=30.0)

    assert finals.get("old", now=60.0) is not None  # exactly keep_for: still there
    assert finals.get("old", now=60.5) is None
    assert finals.get("new", now=60.5) is not None
    assert len(finals) == 1
    assert finals.add(_event(project_id="old"), now=61.0) is True  # a late duplicate is remembered again


def test_the_oldest_projects_are_forgotten_past_max_projects() -> None:
    finals = FinalEvents(keep_for=3600.0, max_projects=3)
    for i in range(5):
        finals.add(_event(project_id=f"p{i}"), now=float(i))

    assert len(finals) == 3
    assert [finals.get(f"p{i}", now=5.0) is not None for i in range(5)] == [False, False, True, True, True]


@pytest.mark.parametrize(("keep_for", "max_projects"), [(-1.0, 10), (float("nan"), 10), (1.0, 0)])
def test_bad_bounds_are_argument_errors(keep_for: float, max_projects: int) -> None:
    with pytest.raises(InvalidArgumentError):
        FinalEvents(keep_for=keep_for, max_projects=max_projects)
