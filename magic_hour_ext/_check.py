"""The public entry points: check_result and acheck_result."""

from __future__ import annotations

import os
from collections.abc import Callable

import httpx

from generated import AuthenticatedClient
from generated.models import ImageProject

from ._result import CheckResult, DownloadProgress

__all__ = ["acheck_result", "check_result"]

StatusHook = Callable[[ImageProject], None]
ProgressHook = Callable[[DownloadProgress], None]


def check_result(
    id: str,
    *,
    wait_for_completion: bool = True,
    download_outputs: bool = True,
    download_directory: str | os.PathLike[str] | None = None,
    client: AuthenticatedClient | None = None,
    timeout: float | None = 600.0,
    on_status_change: StatusHook | None = None,
    on_download_progress: ProgressHook | None = None,
    overwrite: bool = False,
    download_client: httpx.Client | None = None,
    poll_interval: float | None = None,
    max_concurrent_downloads: int = 4,
) -> CheckResult:
    """Wait for image project *id* to finish, then download its outputs.

    Not implemented yet: this first version fixes the signature.

    Example:
        >>> from magic_hour_ext import check_result
        >>> result = check_result("cuid-example", download_directory="outputs")  # doctest: +SKIP
        >>> result.downloaded_paths  # doctest: +SKIP
        [PosixPath('outputs/mh-cuid-example-1.png')]
    """
    raise NotImplementedError


async def acheck_result(
    id: str,
    *,
    wait_for_completion: bool = True,
    download_outputs: bool = True,
    download_directory: str | os.PathLike[str] | None = None,
    client: AuthenticatedClient | None = None,
    timeout: float | None = 600.0,  # noqa: ASYNC109 - issue 4: the same parameters as check_result
    on_status_change: StatusHook | None = None,
    on_download_progress: ProgressHook | None = None,
    overwrite: bool = False,
    download_client: httpx.AsyncClient | None = None,
    poll_interval: float | None = None,
    max_concurrent_downloads: int = 4,
) -> CheckResult:
    """The async version of :func:`check_result`, with the same parameters.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import acheck_result
        >>> result = asyncio.run(acheck_result("cuid-example"))  # doctest: +SKIP
    """
    raise NotImplementedError
