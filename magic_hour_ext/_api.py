"""Single API calls with the same retries and errors as check_result: get and delete a project.

Each takes ``kind="image"`` (the default), ``"video"`` or ``"audio"``; the overloads of
:func:`get_project` make its return type the kind's model for a type checker.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Literal, overload

import httpx

from generated import AuthenticatedClient
from generated.models import AudioProject, ImageProject, VideoProject

from ._async import AsyncDriver
from ._config import usable_client
from ._errors import InvalidArgumentError
from ._kinds import Kind, kind_named
from ._requests import ApiRequest, ProjectReader, check_project_id, delete_request, get_request
from ._retry import RetryState
from ._sync import SyncDriver

if TYPE_CHECKING:
    from generated.catalog import KindName

    from ._kinds import Project

__all__ = ["adelete_project", "aget_project", "delete_project", "get_project"]


def _api_client(
    project_id: str, kind: object, client: AuthenticatedClient | None
) -> tuple[Kind, AuthenticatedClient]:
    check_project_id(project_id)
    chosen = kind_named(kind)
    if client is not None and not isinstance(client, AuthenticatedClient):
        raise InvalidArgumentError("client must be a generated.AuthenticatedClient")
    return chosen, usable_client(client)


def _get(project_id: str, kind: Kind) -> ApiRequest[Project]:
    return get_request(project_id, RetryState(lambda: None), lambda: None, ProjectReader(kind.model))


def _delete(project_id: str, kind: Kind) -> ApiRequest[None]:
    return delete_request(project_id, RetryState(lambda: None), kind)


@contextlib.contextmanager
def _sync_driver(
    project_id: str, kind: object, client: AuthenticatedClient | None
) -> Iterator[tuple[Kind, SyncDriver]]:
    chosen, api = _api_client(project_id, kind, client)
    http = api.get_httpx_client()
    with http if client is None else contextlib.nullcontext(http):
        yield chosen, SyncDriver(http)


@contextlib.asynccontextmanager
async def _async_driver(
    project_id: str, kind: object, client: AuthenticatedClient | None
) -> AsyncIterator[tuple[Kind, AsyncDriver]]:
    chosen, api = _api_client(project_id, kind, client)
    http: httpx.AsyncClient = api.get_async_httpx_client()
    async with http if client is None else contextlib.nullcontext(http):
        yield chosen, AsyncDriver(http)


@overload
def get_project(
    id: str, *, kind: Literal["image"] = ..., client: AuthenticatedClient | None = None
) -> ImageProject: ...
@overload
def get_project(
    id: str, *, kind: Literal["video"], client: AuthenticatedClient | None = None
) -> VideoProject: ...
@overload
def get_project(
    id: str, *, kind: Literal["audio"], client: AuthenticatedClient | None = None
) -> AudioProject: ...
@overload
def get_project(id: str, *, kind: KindName, client: AuthenticatedClient | None = None) -> Project: ...
def get_project(id: str, *, kind: KindName = "image", client: AuthenticatedClient | None = None) -> Project:
    """GET project *id* of *kind* once, retrying transient failures (see check_result).

    Args:
        id: The project id (percent-encoded in the path, whatever it holds).
        kind: ``"image"`` (the default), ``"video"`` or ``"audio"``: the project is read as
            ImageProject, VideoProject or AudioProject, tolerantly (see check_result).
        client: A generated AuthenticatedClient; None builds one from ``MAGIC_HOUR_API_KEY`` and
            ``MAGIC_HOUR_BASE_URL`` (and closes it afterwards).

    Raises:
        NotFoundError, AuthenticationError, PaymentRequiredError, RateLimitError, APIError,
        APIConnectionError, MalformedResponseError, MissingAPIKeyError; InvalidArgumentError for
        an unknown kind.

    Example:
        >>> from magic_hour_ext import get_project
        >>> project = get_project("cuid-example")  # MAGIC_HOUR_API_KEY is set
        >>> str(project.status), [d.url for d in project.downloads]
        ('complete', ['http...://.../cuid-example/0/output.png?expires=...&signature=...'])
        >>> _ = server.create_project("cuid-video", kind="video")  # the local server, here
        >>> video = get_project("cuid-video", kind="video")
        >>> type(video).__name__, [d.url for d in video.downloads]
        ('VideoProject', ['http...://.../cuid-video/0/output.mp4?expires=...&signature=...'])
    """
    with _sync_driver(id, kind, client) as (chosen, driver):
        return driver.request(_get(id, chosen))


@overload
async def aget_project(
    id: str, *, kind: Literal["image"] = ..., client: AuthenticatedClient | None = None
) -> ImageProject: ...
@overload
async def aget_project(
    id: str, *, kind: Literal["video"], client: AuthenticatedClient | None = None
) -> VideoProject: ...
@overload
async def aget_project(
    id: str, *, kind: Literal["audio"], client: AuthenticatedClient | None = None
) -> AudioProject: ...
@overload
async def aget_project(id: str, *, kind: KindName, client: AuthenticatedClient | None = None) -> Project: ...
async def aget_project(
    id: str, *, kind: KindName = "image", client: AuthenticatedClient | None = None
) -> Project:
    """The async version of :func:`get_project`.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import aget_project
        >>> project = asyncio.run(aget_project("cuid-example"))
        >>> str(project.status)
        'complete'
        >>> _ = server.create_project("cuid-audio", kind="audio")
        >>> type(asyncio.run(aget_project("cuid-audio", kind="audio"))).__name__
        'AudioProject'
    """
    async with _async_driver(id, kind, client) as (chosen, driver):
        return await driver.request(_get(id, chosen))


def delete_project(id: str, *, kind: KindName = "image", client: AuthenticatedClient | None = None) -> None:
    """DELETE project *id* of *kind* (``"image"``, ``"video"`` or ``"audio"``), retrying transient failures.

    A 404 answered to a retried attempt counts as success: an earlier attempt deleted it. A 404 on
    the first attempt raises NotFoundError. A video that is a template cannot be deleted: the API
    answers 422, raised as UnprocessableEntityError (not retried).

    Example:
        >>> from magic_hour_ext import delete_project
        >>> delete_project("cuid-example")
        >>> _ = server.create_project("cuid-video", kind="video")
        >>> delete_project("cuid-video", kind="video")
    """
    with _sync_driver(id, kind, client) as (chosen, driver):
        driver.request(_delete(id, chosen))


async def adelete_project(
    id: str, *, kind: KindName = "image", client: AuthenticatedClient | None = None
) -> None:
    """The async version of :func:`delete_project`.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import adelete_project
        >>> asyncio.run(adelete_project("cuid-example"))
    """
    async with _async_driver(id, kind, client) as (chosen, driver):
        await driver.request(_delete(id, chosen))
