"""The generated client against the real local server on 127.0.0.1, not a mock transport."""

from collections.abc import Iterator
from http import HTTPStatus

import httpx
import pytest

from generated import AuthenticatedClient
from generated.api.image_projects import delete_image_project, get_image_project
from generated.models import ErrorBody, ImageProject, ProjectError, ProjectStatus
from magic_hour_ext.testing import MagicHourServer, Output


@pytest.fixture
def client(server: MagicHourServer) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=server.base_url, token=server.token) as client:
        yield client


def test_get_200_is_parsed(server: MagicHourServer, client: AuthenticatedClient) -> None:
    project = server.create_project(
        outputs=[Output(), Output(size=10, name="b.bin")], extra_fields={"beta": 1}
    )
    response = get_image_project.sync_detailed(project.id, client=client)
    assert response.status_code == HTTPStatus.OK
    parsed = response.parsed
    assert isinstance(parsed, ImageProject)
    assert parsed.id == project.id
    assert parsed.status == ProjectStatus.COMPLETE
    assert parsed.image_count == 2
    paths = [d.url.removeprefix(server.download_base_url).split("?")[0] for d in parsed.downloads]
    assert paths == [project.output_path(0), project.output_path(1)]
    assert parsed.created_at.tzinfo is not None
    assert parsed["beta"] == 1
    data = httpx.get(parsed.downloads[1].url).content
    assert data == project.output_bytes(1)


def test_error_project_is_parsed(server: MagicHourServer, client: AuthenticatedClient) -> None:
    project = server.create_project(timeline=[("error", None)], error=("file_too_large", "Too large"))
    parsed = get_image_project.sync(project.id, client=client)
    assert isinstance(parsed, ImageProject)
    assert parsed.status == ProjectStatus.ERROR
    assert isinstance(parsed.error, ProjectError)
    assert (parsed.error.code, parsed.error.message) == ("file_too_large", "Too large")
    assert parsed.downloads == []


def test_unknown_status_is_kept(server: MagicHourServer, client: AuthenticatedClient) -> None:
    project = server.create_project(timeline=[("upscaling", 60.0), ("complete", None)])
    parsed = get_image_project.sync(project.id, client=client)
    assert isinstance(parsed, ImageProject)
    assert parsed.status == "upscaling"
    assert not parsed.status.is_known


def test_delete_204_is_success(server: MagicHourServer, client: AuthenticatedClient) -> None:
    project = server.create_project()
    response = delete_image_project.sync_detailed(project.id, client=client)
    assert response.status_code == HTTPStatus.NO_CONTENT
    assert response.parsed is None
    assert project.enabled is False
    gone = get_image_project.sync_detailed(project.id, client=client)
    assert gone.status_code == HTTPStatus.NOT_FOUND


def test_wrong_token_is_401(server: MagicHourServer) -> None:
    project = server.create_project()
    with AuthenticatedClient(base_url=server.base_url, token="wrong") as client:
        response = get_image_project.sync_detailed(project.id, client=client)
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response.parsed == ErrorBody(message="Unauthorized")
    assert server.api_requests()[0].headers["authorization"] == "Bearer wrong"


def test_unknown_id_is_404(client: AuthenticatedClient) -> None:
    for call in (get_image_project.sync_detailed, delete_image_project.sync_detailed):
        response = call("no-such-project", client=client)
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert isinstance(response.parsed, ErrorBody)


@pytest.mark.parametrize("project_id", ["a/b?c", "../x", "q?x=1#y", "space d"])
def test_hostile_id_reaches_the_right_project(
    server: MagicHourServer, client: AuthenticatedClient, project_id: str
) -> None:
    server.create_project("a")  # what a client that does not encode the id would reach
    project = server.create_project(project_id)
    parsed = get_image_project.sync(project_id, client=client)
    assert isinstance(parsed, ImageProject)
    assert parsed.id == project_id
    assert server.requests[-1].path == project.url_path
    assert delete_image_project.sync_detailed(project_id, client=client).status_code == HTTPStatus.NO_CONTENT
    assert project.enabled is False
    assert server.get_project("a").enabled is True


@pytest.mark.anyio
async def test_async_get(server: MagicHourServer) -> None:
    project = server.create_project()
    async with AuthenticatedClient(base_url=server.base_url, token=server.token) as client:
        parsed = await get_image_project.asyncio(project.id, client=client)
    assert isinstance(parsed, ImageProject)
    assert parsed.id == project.id
