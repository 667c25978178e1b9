"""The public entry points: check_result and acheck_result (thin: the flow is in ``_core.py``).

Both take ``kind="image"`` (the default), ``"video"`` or ``"audio"``, chosen once here
(``_kinds.kind_named``); their overloads make ``check_result(id, kind="video").project`` a
``VideoProject`` for a type checker (:class:`CheckArguments` lists the other arguments once).
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Callable
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypedDict, TypeVar, Unpack, overload

import httpx

from generated import AuthenticatedClient
from generated.models import AudioProject, ImageProject, VideoProject

from ._async import AsyncDriver
from ._config import poll_floor, poll_interval_from_env, usable_client
from ._core import Plan, Stepper, check_flow
from ._errors import InvalidArgumentError
from ._files import check_directory
from ._kinds import KIND_DEFAULT, Project, Timeout, kind_named
from ._requests import check_project_id
from ._result import CheckResult, DownloadProgress, P
from ._sync import SyncDriver
from ._transport import DeadlineTransport, proxy_mounts
from ._waiter import WebhookWaiter

if TYPE_CHECKING:
    from generated.catalog import KindName

__all__ = ["CheckArguments", "acheck_result", "check_result", "download_client_kwargs", "prepare"]

StatusHook = Callable[[Any], None]
ProgressHook = Callable[[DownloadProgress], None]
C = TypeVar("C", bound=httpx.Client | httpx.AsyncClient)


class CheckArguments(TypedDict, Generic[C, P], total=False):
    """The keyword arguments of check_result and acheck_result besides ``kind``, for their overloads.

    *C* is the download client's type (httpx.Client, or httpx.AsyncClient for acheck_result), *P*
    the kind's model (ImageProject, VideoProject, AudioProject).

    Example:
        >>> sorted(CheckArguments.__annotations__)[:3]
        ['client', 'download_client', 'download_directory']
    """

    wait_for_completion: bool
    download_outputs: bool
    download_directory: str | os.PathLike[str] | None
    client: AuthenticatedClient | None
    timeout: Timeout
    on_status_change: Callable[[P], None] | None
    on_download_progress: ProgressHook | None
    overwrite: bool
    download_client: C | None
    poll_interval: float | None
    max_concurrent_downloads: int
    webhooks: WebhookWaiter | None


def download_client_kwargs(max_concurrent: int) -> dict[str, Any]:
    """How the default download client is made: no credentials, redirects followed, timeouts, a pool.

    No auth, no Authorization header, and a cookie jar whose policy accepts no cookie from any
    domain, so a download host's ``Set-Cookie`` is never stored nor sent back. Its transport is a
    DeadlineTransport, for its large socket reads (downloads have no deadline), with the
    environment's proxies (``proxy_mounts``).

    Example:
        >>> request = httpx.Request("GET", "https://cdn.example/x.png")
        >>> response = httpx.Response(200, headers={"Set-Cookie": "session=s"}, request=request)
        >>> with httpx.Client(**download_client_kwargs(2)) as client:
        ...     client.cookies.extract_cookies(response)
        ...     len(client.cookies)
        0
    """
    limits = httpx.Limits(max_connections=max_concurrent, max_keepalive_connections=max_concurrent)
    return {
        "follow_redirects": True,
        "timeout": httpx.Timeout(30.0, connect=10.0),
        "transport": DeadlineTransport(limits=limits),
        "mounts": proxy_mounts(limits),
        "cookies": CookieJar(DefaultCookiePolicy(allowed_domains=[])),
    }


def check_download_client(client: httpx.Client | httpx.AsyncClient | None) -> None:
    """Refuse a download client that would send credentials to the download host, before any request.

    Refused: an ``Authorization`` header (the API token, say), ``auth=``, and cookies. Each download
    request also passes ``auth=None``, so auth set on the client later is not used either.

    Example:
        >>> check_download_client(httpx.Client(auth=("user", "password")))
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.InvalidArgumentError: download_client must not have auth: ...
    """
    if client is None:
        return
    if "authorization" in client.headers:
        raise InvalidArgumentError("download_client must not send an Authorization header (the API token)")
    if client.auth is not None:
        raise InvalidArgumentError(
            "download_client must not have auth: it would send credentials to the download host"
        )
    if len(client.cookies):
        raise InvalidArgumentError(
            "download_client must hold no cookies: they would be sent to the download host"
        )


def _positive(name: str, value: float | None, *, allow_zero: bool = False) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidArgumentError(f"{name} must be a number of seconds, not {value!r:.40}")
    if value < 0 or (value == 0 and not allow_zero):
        raise InvalidArgumentError(f"{name} must be {'>= 0' if allow_zero else '> 0'}, not {value!r}")
    return float(value)


def prepare(
    project_id: str,
    *,
    kind: object,
    wait_for_completion: bool,
    download_outputs: bool,
    download_directory: str | os.PathLike[str] | None,
    client: AuthenticatedClient | None,
    timeout: Timeout,
    on_status_change: StatusHook | None,
    poll_interval: float | None,
    max_concurrent_downloads: int,
    webhooks: WebhookWaiter | None = None,
) -> tuple[Plan, AuthenticatedClient, bool]:
    """Check the arguments; return the plan, the API client, and whether this call owns (closes) it.

    The kind is chosen here, once (InvalidArgumentError for an unknown one), and with it the
    deadline when *timeout* is KIND_DEFAULT.
    """
    check_project_id(project_id)
    chosen = kind_named(kind)
    if isinstance(max_concurrent_downloads, bool) or not isinstance(max_concurrent_downloads, int):
        raise InvalidArgumentError("max_concurrent_downloads must be an int")
    if max_concurrent_downloads < 1:
        raise InvalidArgumentError("max_concurrent_downloads must be >= 1")
    if client is not None and not isinstance(client, AuthenticatedClient):
        raise InvalidArgumentError("client must be a generated.AuthenticatedClient")
    if webhooks is not None and not isinstance(webhooks, WebhookWaiter):
        raise InvalidArgumentError(
            f"webhooks must be a magic_hour_ext.webhooks.WebhookWaiter, not {type(webhooks).__name__}"
        )
    deadline = _positive("timeout", chosen.timeout(timeout), allow_zero=True)
    interval = _positive("poll_interval", poll_interval)
    api = usable_client(client)
    # The generated client keeps its base URL private; reading it needs no client (and no I/O).
    floor = poll_floor(api._base_url)
    if interval is not None and interval < floor:
        raise InvalidArgumentError(f"poll_interval must be at least {floor:g} s, not {interval!r}")
    directory = Path(download_directory) if download_directory is not None else Path()
    if download_outputs:
        check_directory(directory)  # before the first request: not after a render of minutes
    plan = Plan(
        project_id=project_id,
        kind=chosen,
        timeout=deadline,
        wait=bool(wait_for_completion),
        download=bool(download_outputs),
        directory=directory,
        fixed_interval=interval or poll_interval_from_env(floor=floor),
        on_status_change=on_status_change,
        webhooks=webhooks is not None,
    )
    return plan, api, client is None


@overload
def check_result(
    id: str, *, kind: Literal["image"] = ..., **options: Unpack[CheckArguments[httpx.Client, ImageProject]]
) -> CheckResult[ImageProject]: ...
@overload
def check_result(
    id: str, *, kind: Literal["video"], **options: Unpack[CheckArguments[httpx.Client, VideoProject]]
) -> CheckResult[VideoProject]: ...
@overload
def check_result(
    id: str, *, kind: Literal["audio"], **options: Unpack[CheckArguments[httpx.Client, AudioProject]]
) -> CheckResult[AudioProject]: ...
@overload
def check_result(  # a kind known only at run time: the project is one of the three models
    id: str, *, kind: KindName, **options: Unpack[CheckArguments[httpx.Client, Project]]
) -> CheckResult[Project]: ...
def check_result(
    id: str,
    *,
    kind: KindName = "image",
    wait_for_completion: bool = True,
    download_outputs: bool = True,
    download_directory: str | os.PathLike[str] | None = None,
    client: AuthenticatedClient | None = None,
    timeout: Timeout = KIND_DEFAULT,
    on_status_change: StatusHook | None = None,
    on_download_progress: ProgressHook | None = None,
    overwrite: bool = False,
    download_client: httpx.Client | None = None,
    poll_interval: float | None = None,
    max_concurrent_downloads: int = 4,
    webhooks: WebhookWaiter | None = None,
) -> CheckResult[Any]:
    """Wait for project *id* of *kind* to reach a final status, then download its outputs.

    *kind* is ``"image"`` (the default), ``"video"`` or ``"audio"``: the project is fetched at
    ``/v1/<kind>-projects/{id}`` and read as its generated model (``result.project`` is an
    ImageProject, a VideoProject or an AudioProject), and the kind sets the default *timeout* and
    the schedule's cap (see ``magic_hour_ext._kinds``). Everything else is the same for every kind.

    The first GET goes out at once; later ones follow the poll schedule (intervals growing from
    0.5 s to the kind's cap, 15 s for images and 30 s for videos and audio, with jitter, see
    ``magic_hour_ext._schedule``), or a fixed *poll_interval* /
    ``MAGIC_HOUR_POLL_INTERVAL``. Connection errors, timeouts, 408, 429, 499 and 5xx are retried
    with backoff (``Retry-After`` honoured, up to 60 s), within the deadline. Each output of a
    ``complete`` project is streamed to its partial file next to its final name, size-checked, then
    moved into place atomically; expired URLs are refreshed by fetching the project again. The
    outputs are ``project.downloads``, or a video's deprecated single ``download`` when
    ``downloads`` is empty (see ``magic_hour_ext._requests.project_outputs``). A body
    the download host encodes despite ``Accept-Encoding: identity`` (gzip, deflate) is saved
    decoded, or raises DownloadError when it cannot be decoded (see ``magic_hour_ext._download``).

    The download directory: *download_directory* (the current directory when None) is checked
    before the first GET when *download_outputs* is true: it must be a folder this process can
    create files in, or be missing with a nearest existing parent that is one; else
    DownloadDirectoryError, at once, before any wait (see ``magic_hour_ext._files.check_directory``;
    the check creates nothing). It is created, parents included, just before the first output is
    saved: only when the project is ``complete``, *download_outputs* is true and it has outputs.
    Output *n* (1-based, in the order of ``project.downloads``) is saved as ``mh-<id>-<n><ext>`` in
    it, a name that cannot leave the directory whatever the id or URL holds (see
    ``magic_hour_ext._naming``). Partial files live in the same directory: what arrived of an
    output whose download failed or was interrupted (``KeyboardInterrupt`` included) stays in
    ``.<name>.partial``, described by ``.<name>.partial.json`` (URL path without its query, size,
    ETag or Last-Modified), and the next call for the same output resumes it with ``Range`` and
    ``If-Range``, or starts again from zero when anything does not match (see
    ``magic_hour_ext._partial``). A finished download, or *overwrite*, removes it; delete
    ``.mh-*.partial*`` files to give up downloads for good.

    Existing files (one rule, ``magic_hour_ext._files.holds_output``): a regular file under the
    final name of exactly the output's size is this output, saved by an earlier run or by another
    process saving the same project into the same folder. It is kept, counted in
    ``downloaded_paths``, reported as complete to the progress hook and logged at INFO ("already
    saved"). The rule applies when a download starts, with the size the host announces (then the
    body is not downloaded: re-running after a partial failure downloads only what is missing),
    and again when it ends, if the name was taken meanwhile (then both savers succeed). When no
    size is known at the start (no ``Content-Length``, or an encoded body), the output is
    downloaded and the rule applied at the end. Anything else under that name (another size, a
    symlink or directory) raises OutputExistsError and is left untouched, unless
    ``overwrite=True``, which downloads every output again and replaces the files atomically.

    Args:
        id: The project id (any string but ``.`` and ``..``: it is percent-encoded in the path).
        kind: ``"image"``, ``"video"`` or ``"audio"``; anything else raises InvalidArgumentError.
        wait_for_completion: Poll until ``complete``, ``error`` or ``canceled``; False makes one GET.
        download_outputs: Download the outputs when the final status is ``complete``.
        download_directory: Where to save them (created if missing, see above); None: the current
            directory.
        client: A generated AuthenticatedClient (its connection pool serves every API request of
            the wait); None builds one with :func:`client_from_env` (``MAGIC_HOUR_API_KEY``,
            ``MAGIC_HOUR_BASE_URL``), on a :class:`DeadlineTransport`.
        timeout: The deadline of the wait in seconds (monotonic clock); None waits forever; not
            given, the kind's default: 600 s for images, 1,800 s for videos and audio. It is
            kept to within about a second whatever the API server does: each API request is
            bounded as a whole, body included, by the time left (at least 0.5 s). On a client of
            your own with httpx's transport, only each connect, read and write is bounded, which a
            server that keeps trickling can stretch: give it a DeadlineTransport (async code needs
            none). Downloads are not counted in it: they have their own timeouts and retries.
        on_status_change: Called with the project (the kind's model) after the first GET and
            whenever the status changes.
        on_download_progress: Called with a DownloadProgress after every chunk of every output
            (from worker threads in the sync version: keep it cheap and thread-safe).
        overwrite: Download every output again and replace existing files; by default an existing
            file of another size raises OutputExistsError (one of the announced size is kept).
        download_client: The httpx client for downloads. It must hold no credentials: an
            ``Authorization`` header, ``auth=`` or cookies raise InvalidArgumentError before any
            request, and every download request turns auth off (``auth=None``). None makes one for
            this call (closed at the end): no credentials, a cookie jar that stores nothing, and a
            DeadlineTransport (256 KiB socket reads). A client of your own gets httpx's transport
            unless you give it ``transport=DeadlineTransport()``.
        poll_interval: A fixed poll interval in seconds, replacing the schedule. At least 0.1 s
            (``MIN_POLL_INTERVAL``; so is ``MAGIC_HOUR_POLL_INTERVAL``): shorter intervals would
            nearly busy-loop the API. Against a loopback base URL (a local test server) any
            interval > 0 is accepted.
        max_concurrent_downloads: How many outputs of the project download at once.
        webhooks: Wait by webhook: a :class:`~magic_hour_ext.webhooks.WebhookWaiter` that your
            HTTP handler feeds with Magic Hour's deliveries (``waiter.deliver(body, headers)``).
            The sleeps between GETs end the moment a ``completed`` or ``errored`` event of this
            project is delivered (or at once, if it was delivered before the call); the project
            is then fetched once (fresh download URLs), and polled quickly if that GET is not
            final yet. Until an event arrives, GETs follow a slow fallback schedule (40 s, then
            doubling up to 2 minutes, see ``magic_hour_ext._schedule``), so a lost delivery or a
            cancellation (which has no event) still ends the wait: a 60 s job costs 3 GETs.

    Returns:
        CheckResult: the last project, its status, and the saved paths in the order of the
        outputs (``[]`` when nothing was downloaded).

    Raises:
        ProjectFailedError: the final status is ``error`` (carries ``code`` and ``message``).
        ProjectCanceledError: the final status is ``canceled``.
        WaitTimeoutError: the deadline passed, or a retry would have ended after it (carries the
            last project seen).
        AuthenticationError, PaymentRequiredError, NotFoundError, RateLimitError, APIError:
            the API refused, after retries where retrying makes sense.
        MalformedResponseError: a body that does not parse or does not match the spec.
        DownloadDirectoryError: the download directory cannot be used (not a folder, not writable),
            raised before the first GET.
        OutputExistsError: a final file exists with another size, and *overwrite* is False.
        DownloadError: an output could not be saved (what arrived is kept in its partial file, for
            the next call to resume; never under the final name).
        InvalidArgumentError: a bad argument (an id of ``.`` or ``..``, an unknown kind, a poll
            interval below the floor, ...).
        ConfigurationError, MissingAPIKeyError: a bad or missing environment variable.

    Example:
        >>> from magic_hour_ext import check_result
        >>> result = check_result("cuid-example", download_directory="outputs")
        >>> result.status, result.downloaded_paths
        ('complete', [PosixPath('outputs/mh-cuid-example-1.png')])
        >>> once = check_result("cuid-example", wait_for_completion=False, download_outputs=False)
        >>> once.status, once.downloaded_paths  # one GET, whatever the status
        ('complete', [])
        >>> _ = server.create_project("cuid-video", kind="video")  # the local server, here
        >>> video = check_result("cuid-video", kind="video", download_directory="outputs")
        >>> type(video.project).__name__, video.downloaded_paths
        ('VideoProject', [PosixPath('outputs/mh-cuid-video-1.mp4')])

        Waiting by webhook (``waiter.deliver`` is called by your HTTP handler)::

            >>> from magic_hour_ext.webhooks import WebhookWaiter
            >>> waiter = WebhookWaiter(secret="whsec_example")
            >>> check_result("cuid-example", download_outputs=False, webhooks=waiter).status
            'complete'
    """
    plan, api, owned = prepare(
        id,
        kind=kind,
        wait_for_completion=wait_for_completion,
        download_outputs=download_outputs,
        download_directory=download_directory,
        client=client,
        timeout=timeout,
        on_status_change=on_status_change,
        poll_interval=poll_interval,
        max_concurrent_downloads=max_concurrent_downloads,
        webhooks=webhooks,
    )
    check_download_client(download_client)
    with contextlib.ExitStack() as stack:
        if owned:
            stack.enter_context(api.get_httpx_client())
        downloads = download_client
        if downloads is None and plan.download:
            downloads = stack.enter_context(httpx.Client(**download_client_kwargs(max_concurrent_downloads)))
        driver = SyncDriver(
            api.get_httpx_client(),
            downloads,
            overwrite=overwrite,
            on_progress=on_download_progress,
            max_concurrent=max_concurrent_downloads,
            webhooks=webhooks,
        )
        return driver.run(Stepper(check_flow(plan)))


@overload
async def acheck_result(
    id: str,
    *,
    kind: Literal["image"] = ...,
    **options: Unpack[CheckArguments[httpx.AsyncClient, ImageProject]],
) -> CheckResult[ImageProject]: ...
@overload
async def acheck_result(
    id: str, *, kind: Literal["video"], **options: Unpack[CheckArguments[httpx.AsyncClient, VideoProject]]
) -> CheckResult[VideoProject]: ...
@overload
async def acheck_result(
    id: str, *, kind: Literal["audio"], **options: Unpack[CheckArguments[httpx.AsyncClient, AudioProject]]
) -> CheckResult[AudioProject]: ...
@overload
async def acheck_result(
    id: str, *, kind: KindName, **options: Unpack[CheckArguments[httpx.AsyncClient, Project]]
) -> CheckResult[Project]: ...
async def acheck_result(
    id: str,
    *,
    kind: KindName = "image",
    wait_for_completion: bool = True,
    download_outputs: bool = True,
    download_directory: str | os.PathLike[str] | None = None,
    client: AuthenticatedClient | None = None,
    timeout: Timeout = KIND_DEFAULT,  # noqa: ASYNC109 - issue 4: the same parameters as check_result
    on_status_change: StatusHook | None = None,
    on_download_progress: ProgressHook | None = None,
    overwrite: bool = False,
    download_client: httpx.AsyncClient | None = None,
    poll_interval: float | None = None,
    max_concurrent_downloads: int = 4,
    webhooks: WebhookWaiter | None = None,
) -> CheckResult[Any]:
    """The async version of :func:`check_result`: the same parameters, the same behaviour.

    Everything :func:`check_result` documents holds here: the poll schedule and the 0.1 s floor of
    *poll_interval*, the retries within the deadline, the download directory (created when the
    project is ``complete`` and has outputs to download; files ``mh-<id>-<n><ext>``; partial
    files kept on failure and resumed by the next call), and existing files (one of the announced
    size is kept and counted as downloaded; anything else raises OutputExistsError;
    ``overwrite=True`` downloads every output again).

    *download_client* is an ``httpx.AsyncClient`` (the same rules: no credentials). Many calls may
    share one *client*: all of them then use its connection pool (and never open more connections
    than its limits allow). Pass one shared *download_client* too, to bound the download
    connections across calls (``httpx.AsyncClient(transport=DeadlineTransport())`` downloads
    faster than httpx's own transport). Each API request is bounded by ``anyio.fail_after``, so the
    deadline holds on any client. Works under asyncio and trio; cancelling the task keeps what
    arrived in the partial files, for the next call to resume. With *webhooks*, the sleeps between
    GETs are the waiter's :meth:`~magic_hour_ext.webhooks.WebhookWaiter.asleep`: a delivery from
    this event loop (an ASGI handler) or from any thread wakes the wait.

    Example:
        >>> import asyncio
        >>> from magic_hour_ext import acheck_result
        >>> waiting = acheck_result("cuid-example", download_directory="outputs")
        >>> result = asyncio.run(waiting)
        >>> result.downloaded_paths
        [PosixPath('outputs/mh-cuid-example-1.png')]
    """
    plan, api, owned = prepare(
        id,
        kind=kind,
        wait_for_completion=wait_for_completion,
        download_outputs=download_outputs,
        download_directory=download_directory,
        client=client,
        timeout=timeout,
        on_status_change=on_status_change,
        poll_interval=poll_interval,
        max_concurrent_downloads=max_concurrent_downloads,
        webhooks=webhooks,
    )
    check_download_client(download_client)
    async with contextlib.AsyncExitStack() as stack:
        if owned:
            await stack.enter_async_context(api.get_async_httpx_client())
        downloads = download_client
        if downloads is None and plan.download:
            downloads = await stack.enter_async_context(
                httpx.AsyncClient(**download_client_kwargs(max_concurrent_downloads))
            )
        driver = AsyncDriver(
            api.get_async_httpx_client(),
            downloads,
            overwrite=overwrite,
            on_progress=on_download_progress,
            max_concurrent=max_concurrent_downloads,
            webhooks=webhooks,
        )
        return await driver.run(Stepper(check_flow(plan)))
