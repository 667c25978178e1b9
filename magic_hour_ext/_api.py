"""Single API calls with the same retries and errors as check_result: get and delete a project."""

from __future__ import annotations

from generated import AuthenticatedClient
from generated.models import ImageProject

__all__ = ["adelete_project", "aget_project", "delete_project", "get_project"]


def get_project(id: str, *, client: AuthenticatedClient | None = None) -> ImageProject:
    """GET image project *id* once (with retries of transient failures).

    Example:
        >>> from magic_hour_ext import get_project
        >>> project = get_project("cuid-example")  # doctest: +SKIP
        >>> project.status  # doctest: +SKIP
        <ImageProjectStatus.COMPLETE: 'complete'>
    """
    raise NotImplementedError


async def aget_project(id: str, *, client: AuthenticatedClient | None = None) -> ImageProject:
    """The async version of :func:`get_project`.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import aget_project
        >>> project = asyncio.run(aget_project("cuid-example"))  # doctest: +SKIP
    """
    raise NotImplementedError


def delete_project(id: str, *, client: AuthenticatedClient | None = None) -> None:
    """DELETE image project *id* (with retries; a 404 after a retried attempt counts as deleted).

    Example:
        >>> from magic_hour_ext import delete_project
        >>> delete_project("cuid-example")  # doctest: +SKIP
    """
    raise NotImplementedError


async def adelete_project(id: str, *, client: AuthenticatedClient | None = None) -> None:
    """The async version of :func:`delete_project`.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import adelete_project
        >>> asyncio.run(adelete_project("cuid-example"))  # doctest: +SKIP
    """
    raise NotImplementedError
