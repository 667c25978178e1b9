"""get_project / delete_project (and their async twins) over real sockets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from generated import AuthenticatedClient
from magic_hour_ext import (
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    adelete_project,
    aget_project,
    delete_project,
    get_project,
)
from magic_hour_ext.testing import Fault, MagicHourServer
from tests.magic_hour_ext._helpers import api_client, in_mode

pytestmark = pytest.mark.usefixtures("fast")


@pytest.fixture
def get(mode: str) -> Callable[..., Any]:
    return in_mode(mode, get_project, aget_project)


@pytest.fixture
def delete(mode: str) -> Callable[..., Any]:
    return in_mode(mode, delete_project, adelete_project)


def client(server: MagicHourServer, token: str | None = None) -> AuthenticatedClient:
    return api_client(server, token=token or server.token)


def test_get(get: Callable[..., Any], server: MagicHourServer) -> None:
    project = server.create_project(id="x/y?z", extra_fields={"brand_new": 1})
    got = get(project.id, client=client(server))
    assert got.id == "x/y?z"
    assert str(got.status) == "complete"
    assert got.additional_properties["brand_new"] == 1
    assert server.api_requests()[0].path == "/v1/image-projects/x%2Fy%3Fz"


def test_get_retries_and_errors(get: Callable[..., Any], server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(503, route="get"))
    assert get(project.id, client=client(server)).id == project.id
    with pytest.raises(NotFoundError):
        get("missing", client=client(server))
    with pytest.raises(AuthenticationError):
        get(project.id, client=client(server, "bad"))
    server.add_fault(Fault.bad_json(route="get"))
    with pytest.raises(MalformedResponseError):
        get(project.id, client=client(server))


def test_get_from_environment(
    get: Callable[..., Any], server: MagicHourServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", server.token)
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", server.base_url)
    project = server.create_project()
    assert get(project.id).id == project.id


def test_delete(delete: Callable[..., Any], server: MagicHourServer) -> None:
    project = server.create_project()
    assert delete(project.id, client=client(server)) is None
    assert [r.status for r in server.api_requests(method="DELETE")] == [204]
    with pytest.raises(NotFoundError):
        get_project(project.id, client=client(server))
    with pytest.raises(NotFoundError):
        delete(project.id, client=client(server))


def test_delete_404_after_a_retry_is_success(delete: Callable[..., Any], server: MagicHourServer) -> None:
    project = server.create_project()
    delete_project(project.id, client=client(server))
    server.add_fault(Fault.status(503, route="delete"))
    delete(project.id, client=client(server))
    assert [r.status for r in server.api_requests(method="DELETE")] == [204, 503, 404]
