"""Tolerant reading, over real sockets: only what the job needs stops a wait; failed means failed.

The local server's ``extra_fields`` override or null any field of the project's body. Every test
runs in each mode (sync, asyncio, trio).
"""

from __future__ import annotations

import logging
from typing import Any

import pytest

from generated.types import Unset
from magic_hour_ext import (
    MalformedResponseError,
    ProjectFailedError,
    get_project,
)
from magic_hour_ext.testing import MagicHourServer, Output
from tests.magic_hour_ext._helpers import Run, api_client, statuses_by_gets

pytestmark = pytest.mark.usefixtures("fast")


@pytest.mark.parametrize(
    "extra",
    [
        {"total_frame_cost": None},
        {"image_count": None},
        {"credits_charged": None},
        {"total_frame_cost": "5", "image_count": "one", "credits_charged": 1.5},
        {"created_at": "yesterday", "name": 5, "type": None, "enabled": "yes"},
    ],
)
def test_fields_the_job_does_not_need_never_stop_it(
    run: Run, server: MagicHourServer, extra: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="magic_hour_ext")
    project = server.create_project(outputs=[Output(content=b"png")], extra_fields=extra)

    with statuses_by_gets(server, project, ("queued", 1), ("rendering", 1)):
        result = run(project.id)

    assert result.status == "complete"
    assert [path.read_bytes() for path in result.downloaded_paths] == [b"png"]
    for name in extra:
        assert isinstance(getattr(result.project, "type_" if name == "type" else name), Unset)
        # Logged once at DEBUG, although every GET of the wait had it.
        assert sum(f"the field {name!r}" in r.getMessage() for r in caplog.records) == 1
    assert len(server.api_requests(project_id=project.id)) >= 3


@pytest.mark.parametrize("status", [None, 5, {"value": "complete"}])
def test_a_status_that_is_not_a_string_is_malformed_and_named(
    run: Run, server: MagicHourServer, status: object
) -> None:
    project = server.create_project(extra_fields={"status": status})

    with pytest.raises(MalformedResponseError, match="'status'"):
        run(project.id)


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (None, None, None),
        ({"code": "unknown_error"}, "unknown_error", None),
        ({}, None, None),
        (
            {"message": "Please use an image with a detectable face"},
            None,
            "Please use an image with a detectable face",
        ),
        ("boom", None, None),
    ],
)
def test_a_failed_project_is_failed_whatever_its_error_says(
    run: Run, server: MagicHourServer, error: object, code: str | None, message: str | None
) -> None:
    project = server.create_project(
        timeline=[("queued", 0.05), ("error", None)], extra_fields={"error": error}
    )

    with pytest.raises(ProjectFailedError) as info:
        run(project.id)

    assert (info.value.code, info.value.message) == (code, message)
    assert str(info.value.project.status) == "error"
    assert project.id in str(info.value)


def test_get_project_reads_tolerantly_too(server: MagicHourServer) -> None:
    project = server.create_project(extra_fields={"credits_charged": None, "created_at": 5})
    got = get_project(project.id, client=api_client(server))

    assert str(got.status) == "complete"
    assert isinstance(got.credits_charged, Unset)
    assert isinstance(got.created_at, Unset)
