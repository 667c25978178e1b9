"""The generated models parse what the API sends, including what the spec does not list yet."""

import datetime
from typing import Any

import pytest

from generated.models import ImageProject, ProjectError, ProjectStatus

# The docs' example body, in the snake_case of the wire format.
UPSTREAM_EXAMPLE: dict[str, Any] = {
    "created_at": "1970-01-01T00:00:00",
    "credits_charged": 5,
    "downloads": [{"expires_at": "2024-10-19T05:16:19.027Z", "url": "https://videos.magichour.ai/id/output.png"}],
    "enabled": True,
    "error": {"code": "no_source_face", "message": "Please use an image with a detectable face"},
    "id": "cuid-example",
    "image_count": 1,
    "name": "Example Name",
    "status": "complete",
    "total_frame_cost": 5,
    "type": "AI_IMAGE",
}


def test_parses_the_upstream_example() -> None:
    project = ImageProject.from_dict(UPSTREAM_EXAMPLE)

    assert project.id == "cuid-example"
    assert project.status is ProjectStatus.COMPLETE
    assert project.status.is_known
    assert project.credits_charged == 5
    assert project.total_frame_cost == 5
    assert project.created_at == datetime.datetime(1970, 1, 1)
    assert project.downloads[0].url == "https://videos.magichour.ai/id/output.png"
    assert project.downloads[0].expires_at == datetime.datetime(2024, 10, 19, 5, 16, 19, 27000, tzinfo=datetime.UTC)
    assert isinstance(project.error, ProjectError)
    assert project.error.code == "no_source_face"
    assert project.to_dict()["downloads"][0]["url"] == UPSTREAM_EXAMPLE["downloads"][0]["url"]


def test_keeps_unknown_fields_and_an_unknown_status() -> None:
    body = {**UPSTREAM_EXAMPLE, "status": "upscaling", "priority": "high", "error": None, "name": None}

    project = ImageProject.from_dict(body)

    assert project.status == "upscaling"
    assert str(project.status) == "upscaling"
    assert not project.status.is_known
    assert project.status not in list(ProjectStatus)
    assert project.additional_properties == {"priority": "high"}
    assert project.error is None
    assert project.name is None
    assert project.to_dict()["status"] == "upscaling"


@pytest.mark.parametrize("status", [s.value for s in ProjectStatus])
def test_every_listed_status_is_a_known_member(status: str) -> None:
    assert ProjectStatus(status).is_known


def test_a_non_string_status_is_still_rejected() -> None:
    with pytest.raises(ValueError, match="42"):
        ProjectStatus(42)
