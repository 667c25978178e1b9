"""Single API calls with the same retries and errors as check_result: get and delete a project."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator

import httpx

from generated import AuthenticatedClient
from generated.models import ImageProject

from ._async import AsyncDriver
from ._config import usable_client
from ._errors import InvalidArgumentError
from ._requests import check_project_id, delete_request, get_request, image_project_reader
from ._retry import RetryState
from ._sync import SyncDriver

__all__ = ["adelete_project", "aget_project", "delete_project", "get_project"]


def _api_client(project_id: str, client: AuthenticatedClient | None) -> AuthenticatedClient:
    check_project_id(project_id)
    if client is not None and not isinstance(client, AuthenticatedClient):
        raise InvalidArgumentError("client must be a generated.AuthenticatedClient")
    return usable_client(client)


@contextlib.contextmanager
def _sync_driver(project_id: str, client: AuthenticatedClient | None) -> Iterator[SyncDriver]:
    api = _api_client(project_id, client)
    http = api.get_httpx_client()
    with http if client is None else contextlib.nullcontext(http):
        yield SyncDriver(http)


@contextlib.asynccontextmanager
async def _async_driver(project_id: str, client: AuthenticatedClient | None) -> AsyncIterator[AsyncDriver]:
    api = _api_client(project_id, client)
    http: httpx.AsyncClient = api.get_async_httpx_client()
    async with http if client is None else contextlib.nullcontext(http):
        yield AsyncDriver(http)


def get_project(id: str, *, client: AuthenticatedClient | None = None) -> ImageProject:
    """GET image project *id* once, retrying transient failures (see check_result).

    Args:
        id: The project id (percent-encoded in the path, whatever it holds).
        client: A generated AuthenticatedClient; None builds one from ``MAGIC_HOUR_API_KEY`` and
            ``MAGIC_HOUR_BASE_URL`` (and closes it afterwards).

    Raises:
        NotFoundError, AuthenticationError, PaymentRequiredError, RateLimitError, APIError,
        APIConnectionError, MalformedResponseError, MissingAPIKeyError.

    Example:
        >>> from magic_hour_ext import get_project
        >>> project = get_project("cuid-example")  # MAGIC_HOUR_API_KEY is set
        >>> str(project.status), [d.url for d in project.downloads]
        ('complete', ['http...://.../cuid-example/0/output.png?expires=...&signature=...'])
    """
    with _sync_driver(id, client) as driver:
        return driver.request(get_request(id, RetryState(lambda: None), lambda: None, image_project_reader()))


async def aget_project(id: str, *, client: AuthenticatedClient | None = None) -> ImageProject:
    """The async version of :func:`get_project`.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import aget_project
        >>> project = asyncio.run(aget_project("cuid-example"))
        >>> str(project.status)
        'complete'
    """
    async with _async_driver(id, client) as driver:
        return await driver.request(
            get_request(id, RetryState(lambda: None), lambda: None, image_project_reader())
        )


def delete_project(id: str, *, client: AuthenticatedClient | None = None) -> None:
    """DELETE image project *id*, retrying transient failures.

    A 404 answered to a retried attempt counts as success: an earlier attempt deleted it. A 404 on
    the first attempt raises NotFoundError.

    Example:
        >>> from magic_hour_ext import delete_project
        >>> delete_project("cuid-example")
    """
    with _sync_driver(id, client) as driver:
        driver.request(delete_request(id, RetryState(lambda: None)))


async def adelete_project(id: str, *, client: AuthenticatedClient | None = None) -> None:
    """The async version of :func:`delete_project`.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import adelete_project
        >>> asyncio.run(adelete_project("cuid-example"))
    """
    async with _async_driver(id, client) as driver:
        await driver.request(delete_request(id, RetryState(lambda: None)))
