"""The public entry points generate and agenerate (thin: the decisions are in ``_create.py``).

Each does, in order: check everything (``_create.prepare_job``, and check_result's own checks),
upload the local files (``_upload_api.send_files``), send the create on a new connection
(``_fresh``) with the retries of ``_create.CreateRetry``, then wait and download with
:func:`check_result` for the tool's kind of project.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from generated import AuthenticatedClient

from ._async import AsyncDriver
from ._check import acheck_result, check_download_client, check_result, prepare
from ._create import (
    CREATE_DEADLINE,
    CREATE_TIMEOUT,
    Created,
    CreateJob,
    create_failure,
    create_request,
    find_tool,
    prepare_job,
)
from ._errors import InvalidArgumentError, MagicHourError
from ._fresh import fresh_client_kwargs
from ._kinds import KIND_DEFAULT, Timeout
from ._log import logger as log
from ._requests import ApiRequest
from ._result import CheckResult, DownloadProgress, UploadProgress
from ._sync import SyncDriver
from ._upload_api import asend_files, send_files
from ._waiter import WebhookWaiter

__all__ = ["agenerate", "generate"]

StatusHook = Callable[[Any], None]  # called with the kind's model (ImageProject, ...)
CreatedHook = Callable[[str], None]


def _check_hooks(**hooks: object) -> None:
    for name, hook in hooks.items():
        if hook is not None and not callable(hook):
            raise InvalidArgumentError(f"{name} must be callable")


def _begin(
    tool: str,
    body: object,
    *,
    client: AuthenticatedClient | None,
    on_upload_progress: object,
    on_created: object,
    **wait: Any,
) -> tuple[CreateJob, dict[str, Any], AuthenticatedClient, bool]:
    """Every check before the first request: the tool, the body, its files, the hooks, the wait's options.

    *wait* holds check_result's keyword arguments (generate's own, less the ones above); returned
    with the tool's ``kind``.
    """
    spec = find_tool(tool)
    job = prepare_job(spec, body)
    _check_hooks(on_upload_progress=on_upload_progress, on_created=on_created)
    options = {**wait, "kind": spec.kind}
    _, api, owned = prepare(
        "pending",  # the project has no id yet: everything else is checked as check_result will
        kind=spec.kind,
        wait_for_completion=options["wait_for_completion"],
        download_outputs=options["download_outputs"],
        download_directory=options["download_directory"],
        client=client,
        timeout=options["timeout"],
        on_status_change=options["on_status_change"],
        poll_interval=options["poll_interval"],
        max_concurrent_downloads=options["max_concurrent_downloads"],
        webhooks=options["webhooks"],
    )
    check_download_client(options["download_client"])
    return job, options, api, owned


def _request(job: CreateJob, file_paths: list[str]) -> ApiRequest[Created]:
    deadline = time.monotonic() + CREATE_DEADLINE
    return create_request(job, file_paths, time_left=lambda: deadline - time.monotonic())


def _failed(job: CreateJob, error: MagicHourError, base_url: httpx.URL, request: ApiRequest[Created]) -> None:
    url = str(base_url).rstrip("/") + job.tool.path
    failure = create_failure(job.tool, error, url=url, attempts=request.retry.retries + 1)
    if failure is error:
        raise error
    raise failure from error


def _announce(job: CreateJob, created: Created, on_created: CreatedHook | None) -> None:
    charged = (
        f"{created.credits_charged} credits" if created.credits_charged is not None else "credits not said"
    )
    log.info("%s created %s project %r (%s)", job.tool.name, job.tool.kind, created.id, charged)
    if on_created is not None:
        on_created(created.id)


@contextlib.contextmanager
def _about(job: CreateJob, project_id: str) -> Iterator[None]:
    """Every error raised once the project exists carries its id and kind."""
    try:
        yield
    except MagicHourError as err:
        err.about_project(project_id, job.tool.kind)
        raise


def _create(api: AuthenticatedClient, job: CreateJob, file_paths: list[str]) -> Created:
    request = _request(job, file_paths)
    kwargs = fresh_client_kwargs(api, CREATE_TIMEOUT)
    with contextlib.ExitStack() as stack:
        http = api.get_httpx_client() if kwargs is None else stack.enter_context(httpx.Client(**kwargs))
        try:
            return SyncDriver(http).request(request)
        except MagicHourError as error:
            _failed(job, error, http.base_url, request)
            raise  # pragma: no cover - _failed always raises


async def _acreate(api: AuthenticatedClient, job: CreateJob, file_paths: list[str]) -> Created:
    request = _request(job, file_paths)
    kwargs = fresh_client_kwargs(api, CREATE_TIMEOUT)
    async with contextlib.AsyncExitStack() as stack:
        if kwargs is None:
            http = api.get_async_httpx_client()
        else:
            http = await stack.enter_async_context(httpx.AsyncClient(**kwargs))
        try:
            return await AsyncDriver(http).request(request)
        except MagicHourError as error:
            _failed(job, error, http.base_url, request)
            raise  # pragma: no cover - _failed always raises


def generate(
    tool: str,
    body: object,
    *,
    download_directory: str | os.PathLike[str] | None = None,
    wait_for_completion: bool = True,
    download_outputs: bool = True,
    timeout: Timeout = KIND_DEFAULT,
    client: AuthenticatedClient | None = None,
    on_status_change: StatusHook | None = None,
    on_download_progress: Callable[[DownloadProgress], None] | None = None,
    on_upload_progress: Callable[[UploadProgress], None] | None = None,
    on_created: CreatedHook | None = None,
    overwrite: bool = False,
    download_client: httpx.Client | None = None,
    poll_interval: float | None = None,
    max_concurrent_downloads: int = 4,
    webhooks: WebhookWaiter | None = None,
) -> CheckResult[Any]:
    """Create a project with *tool*, uploading its local input files first; wait for it, and save its outputs.

    1. *body* is checked before anything is sent: a dict strictly against the tool's request
       schema (unknown keys, wrong types, enum values the spec does not list, values out of range:
       InvalidArgumentError naming the field), or the tool's generated body model.
    2. Every local file in a file-input field (the overlay's ``x-file-input``, nested and list
       fields included, such as ``assets.face_mappings[].new_face``) is uploaded, with that
       field's asset type, and replaced by its ``file_path``: a ``pathlib.Path``, or a ``str``
       naming an existing file. URLs and other strings (an earlier ``file_path``) are sent as
       they are. All of them take ONE upload-urls call; each file is streamed from disk (see
       :func:`upload_files`).
    3. The create is sent on a new connection, and sent again only when the failure proves the
       API never took it: the connection could not be made, or a 429 (its ``Retry-After`` waited,
       within 120 s). Any other failure once it may have reached the API (no answer, a dropped
       connection, a 5xx) raises CreateOutcomeUnknownError: the project may have been created
       and charged, and is never created twice.
    4. *on_created* is called with the new project's id; then the project is waited for and its
       outputs saved exactly as :func:`check_result` does (the same arguments, the same files
       ``mh-<id>-<n><ext>``), and every error from then on carries its ``project_id`` and
       ``kind``.

    Args:
        tool: The endpoint, as the API spells it (``"ai-image-generator"``, ``"face-swap-photo"``);
            ``magic-hour-ext tools`` lists them.
        body: Its request body: a dict, or its generated model
            (``generated.models.AiImageGeneratorBody``).
        timeout: The deadline of the wait (not of the uploads and the create, which have their
            own request timeouts); by default, check_result's for the tool's kind.
        on_upload_progress: Called with an UploadProgress as each local file is sent.
        on_created: Called with the project id as soon as the create has answered.
        download_directory, wait_for_completion, download_outputs, client, on_status_change,
            on_download_progress, overwrite, download_client, poll_interval,
            max_concurrent_downloads, webhooks: as for :func:`check_result` (with a
            WebhookWaiter, the wait ends the moment the project's final event is delivered).

    Returns:
        CheckResult: the project, its status and the saved paths.

    Raises:
        InvalidArgumentError: an unknown tool, a body that does not fit its schema, a missing local
            file, ... (before any request).
        CreateOutcomeUnknownError: the create may have been carried out (see 3.).
        InvalidRequestError, AuthenticationError, PaymentRequiredError, PermissionDeniedError,
            NotFoundError, RateLimitError: the API refused the create (400/422, 401, 402, 403,
            404, 429 after the retries), with its message; nothing was created.
        UploadError: a local file could not be uploaded (nothing was created).
        ProjectFailedError, WaitTimeoutError, DownloadError, ...: as check_result raises them.

    Example:
        >>> import pathlib
        >>> from magic_hour_ext import generate
        >>> _ = pathlib.Path("photo.png").write_bytes(b"a photo")
        >>> result = generate(
        ...     "image-background-remover",
        ...     {"assets": {"image_file_path": pathlib.Path("photo.png")}},
        ...     download_directory="outputs",
        ... )
        >>> result.status, len(result.downloaded_paths), result.project.credits_charged
        ('complete', 1, 5)
    """
    job, options, api, owned = _begin(**locals())  # the arguments, before any other local
    with contextlib.ExitStack() as stack:
        if owned:
            stack.enter_context(api.get_httpx_client())
        file_paths = (
            send_files(api.get_httpx_client(), job.uploads, on_upload_progress) if job.uploads else []
        )
        created = _create(api, job, file_paths)
        with _about(job, created.id):
            _announce(job, created, on_created)
            return check_result(created.id, client=api, **options)


async def agenerate(
    tool: str,
    body: object,
    *,
    download_directory: str | os.PathLike[str] | None = None,
    wait_for_completion: bool = True,
    download_outputs: bool = True,
    timeout: Timeout = KIND_DEFAULT,  # noqa: ASYNC109 - the same parameters as generate
    client: AuthenticatedClient | None = None,
    on_status_change: StatusHook | None = None,
    on_download_progress: Callable[[DownloadProgress], None] | None = None,
    on_upload_progress: Callable[[UploadProgress], None] | None = None,
    on_created: CreatedHook | None = None,
    overwrite: bool = False,
    download_client: httpx.AsyncClient | None = None,
    poll_interval: float | None = None,
    max_concurrent_downloads: int = 4,
    webhooks: WebhookWaiter | None = None,
) -> CheckResult[Any]:
    """The async version of :func:`generate` (asyncio and trio): the same parameters, the same behaviour.

    Example:
        >>> import asyncio, pathlib
        >>> from magic_hour_ext import agenerate
        >>> _ = pathlib.Path("old.jpg").write_bytes(b"an old photo")
        >>> result = asyncio.run(agenerate(
        ...     "photo-colorizer", {"assets": {"image_file_path": "old.jpg"}}, download_directory="outputs"
        ... ))
        >>> result.status, result.downloaded_paths[0].suffix
        ('complete', '.png')
    """
    job, options, api, owned = _begin(**locals())  # the arguments, before any other local
    async with contextlib.AsyncExitStack() as stack:
        http = api.get_async_httpx_client()
        if owned:
            await stack.enter_async_context(http)
        file_paths = await asend_files(http, job.uploads, on_upload_progress) if job.uploads else []
        created = await _acreate(api, job, file_paths)
        with _about(job, created.id):
            _announce(job, created, on_created)
            result: CheckResult[Any] = await acheck_result(created.id, client=api, **options)
            return result
