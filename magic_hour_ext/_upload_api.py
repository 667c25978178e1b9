"""The public upload functions: upload_file, upload_files and their async twins (thin: see ``_upload``)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence

import httpx

from generated import AuthenticatedClient

from ._async import AsyncDriver
from ._check import download_client_kwargs
from ._config import usable_client
from ._errors import InvalidArgumentError
from ._result import UploadProgress
from ._retry import RetryState
from ._sync import SyncDriver
from ._upload import FileToUpload, PutTransfer, UploadTarget, plan_uploads, upload_urls_request

__all__ = ["asend_files", "aupload_file", "aupload_files", "send_files", "upload_file", "upload_files"]

ProgressHook = Callable[[UploadProgress], None]


def _prepare(
    paths: Sequence[str | os.PathLike[str]],
    asset_type: str | None,
    client: AuthenticatedClient | None,
    on_progress: ProgressHook | None,
) -> tuple[list[FileToUpload], AuthenticatedClient]:
    """Check everything before any request: the files, the asset types, the hook, the client."""
    files = plan_uploads(paths, asset_type)
    if on_progress is not None and not callable(on_progress):
        raise InvalidArgumentError("on_progress must be callable")
    if client is not None and not isinstance(client, AuthenticatedClient):
        raise InvalidArgumentError("client must be a generated.AuthenticatedClient")
    return files, usable_client(client)


def _hook(file: FileToUpload, on_progress: ProgressHook | None) -> Callable[[int, int], None] | None:
    if on_progress is None:
        return None
    return lambda sent, total: on_progress(UploadProgress(file.path, sent, total))


def _done(file: FileToUpload, on_progress: ProgressHook | None) -> None:
    if on_progress is not None:
        size = file.path.stat().st_size
        on_progress(UploadProgress(file.path, size, size, done=True))


def _transfers(files: Sequence[FileToUpload], targets: list[UploadTarget]) -> list[PutTransfer]:
    return [
        PutTransfer(file, target, RetryState(lambda: None))
        for file, target in zip(files, targets, strict=True)
    ]


def send_files(
    http: httpx.Client, files: Sequence[FileToUpload], on_progress: ProgressHook | None = None
) -> list[str]:
    """Upload *files* (planned, checked) over *http*, the API client: ONE upload-urls call, then each PUT.

    The PUTs go through a client of their own, with no credentials. Returns each ``file_path``.
    """
    with httpx.Client(**download_client_kwargs(1)) as uploads:
        driver = SyncDriver(http, uploads=uploads)
        targets = driver.request(upload_urls_request(files, RetryState(lambda: None)))
        file_paths = []
        for put in _transfers(files, targets):
            file_paths.append(driver.upload(put, _hook(put.file, on_progress)))
            _done(put.file, on_progress)
        return file_paths


async def asend_files(
    http: httpx.AsyncClient, files: Sequence[FileToUpload], on_progress: ProgressHook | None = None
) -> list[str]:
    """The async version of :func:`send_files`."""
    async with httpx.AsyncClient(**download_client_kwargs(1)) as uploads:
        driver = AsyncDriver(http, uploads=uploads)
        targets = await driver.request(upload_urls_request(files, RetryState(lambda: None)))
        file_paths = []
        for put in _transfers(files, targets):
            file_paths.append(await driver.upload(put, _hook(put.file, on_progress)))
            _done(put.file, on_progress)
        return file_paths


def upload_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    asset_type: str | None = None,
    client: AuthenticatedClient | None = None,
    on_progress: ProgressHook | None = None,
) -> list[str]:
    """Upload local files to Magic Hour's storage, with ONE upload-urls call; their ``file_path``\\ s.

    Each file's asset type is *asset_type* when given, else its extension's (the lists of
    upload-urls' description: ``.png`` is an image, ``.mp4`` a video, ``.mp3`` an audio file, a
    ``.gif`` a video). An extension that may be two types (``.webm``: video or audio, ``.webp``:
    image or GIF) needs *asset_type*; it, an unsupported extension or a missing file raise
    InvalidArgumentError before any request. The extension is sent in lower case.

    Then each file is ``PUT`` to its signed upload URL, one after the other: streamed from disk
    a MiB at a time (memory does not grow with the file's size), with its ``Content-Length``, and
    without the API token (a separate client, with no credentials, as for downloads). A failed
    ``PUT`` is retried with the usual rule (connection errors, 408, 429, 499, 5xx; up to 6
    attempts, ``Retry-After`` honoured), each attempt reading the file again from its start.
    upload-urls itself creates nothing billable, and is retried the same way.

    Args:
        paths: The files (str or os.PathLike), uploaded in this order.
        asset_type: ``"image"``, ``"video"`` or ``"audio"`` for every file; None: from each
            file's extension.
        client: A generated AuthenticatedClient; None builds one from ``MAGIC_HOUR_API_KEY`` and
            ``MAGIC_HOUR_BASE_URL`` (and closes it afterwards).
        on_progress: Called with an UploadProgress as each file's bytes are sent, and once more
            (``done=True``) when the upload host has stored it.

    Returns:
        The ``file_path`` of each file, in the order of *paths*: what the create calls accept in
        their ``*_file_path`` fields.

    Raises:
        InvalidArgumentError: a missing file, or no single asset type for one (see above).
        UploadError: a file could not be uploaded (after the retries); it names the file.
        AuthenticationError, PaymentRequiredError, RateLimitError, APIError, APIConnectionError,
        MalformedResponseError: upload-urls failed. MissingAPIKeyError: no key and no client.

    Example:
        >>> import pathlib, tempfile
        >>> from generated import AuthenticatedClient
        >>> from magic_hour_ext import upload_files
        >>> from magic_hour_ext.testing import MagicHourServer
        >>> with MagicHourServer() as server, tempfile.TemporaryDirectory() as folder:
        ...     face, voice = pathlib.Path(folder, "face.png"), pathlib.Path(folder, "voice.MP3")
        ...     _ = face.write_bytes(b"a png"), voice.write_bytes(b"an mp3")
        ...     client = AuthenticatedClient(base_url=server.base_url, token=server.token)
        ...     file_paths = upload_files([face, voice], client=client)
        ...     stored = [server.uploads[p].read() for p in file_paths]
        >>> [p.rsplit("/", 1)[1] for p in file_paths], stored
        (['0.png', '1.mp3'], [b'a png', b'an mp3'])
    """
    files, api = _prepare(paths, asset_type, client, on_progress)
    with contextlib.ExitStack() as stack:
        http = api.get_httpx_client()
        if client is None:
            stack.enter_context(http)
        return send_files(http, files, on_progress)


def upload_file(
    path: str | os.PathLike[str],
    *,
    asset_type: str | None = None,
    client: AuthenticatedClient | None = None,
    on_progress: ProgressHook | None = None,
) -> str:
    """Upload one local file to Magic Hour's storage; its ``file_path``, for a create call.

    :func:`upload_files` for one file: the same asset types, streaming, retries and errors.

    Example:
        >>> import pathlib, tempfile
        >>> from generated import AuthenticatedClient
        >>> from magic_hour_ext import upload_file
        >>> from magic_hour_ext.testing import MagicHourServer
        >>> with MagicHourServer() as server, tempfile.TemporaryDirectory() as folder:
        ...     clip = pathlib.Path(folder, "clip.webm")
        ...     _ = clip.write_bytes(b"webm bytes")
        ...     client = AuthenticatedClient(base_url=server.base_url, token=server.token)
        ...     file_path = upload_file(clip, asset_type="video", client=client)  # .webm: say which
        ...     size = server.uploads[file_path].size
        >>> file_path.startswith("api-assets/"), file_path.endswith(".webm"), size
        (True, True, 10)
    """
    return upload_files([path], asset_type=asset_type, client=client, on_progress=on_progress)[0]


async def aupload_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    asset_type: str | None = None,
    client: AuthenticatedClient | None = None,
    on_progress: ProgressHook | None = None,
) -> list[str]:
    """The async version of :func:`upload_files` (asyncio and trio): the same behaviour.

    Files are read with blocking reads of a MiB each, as downloads are written.

    Example:
        >>> import asyncio, pathlib, tempfile
        >>> from generated import AuthenticatedClient
        >>> from magic_hour_ext import aupload_files
        >>> from magic_hour_ext.testing import MagicHourServer
        >>> with MagicHourServer() as server, tempfile.TemporaryDirectory() as folder:
        ...     song = pathlib.Path(folder, "song.wav")
        ...     _ = song.write_bytes(b"RIFF....WAVE")
        ...     client = AuthenticatedClient(base_url=server.base_url, token=server.token)
        ...     (file_path,) = asyncio.run(aupload_files([song], client=client))
        ...     asset_type = server.uploads[file_path].asset_type
        >>> asset_type
        'audio'
    """
    files, api = _prepare(paths, asset_type, client, on_progress)
    async with contextlib.AsyncExitStack() as stack:
        http = api.get_async_httpx_client()
        if client is None:
            await stack.enter_async_context(http)
        return await asend_files(http, files, on_progress)


async def aupload_file(
    path: str | os.PathLike[str],
    *,
    asset_type: str | None = None,
    client: AuthenticatedClient | None = None,
    on_progress: ProgressHook | None = None,
) -> str:
    """The async version of :func:`upload_file`.

    Example:
        >>> import asyncio, pathlib, tempfile
        >>> from generated import AuthenticatedClient
        >>> from magic_hour_ext import aupload_file
        >>> from magic_hour_ext.testing import MagicHourServer
        >>> with MagicHourServer() as server, tempfile.TemporaryDirectory() as folder:
        ...     photo = pathlib.Path(folder, "photo.JPG")
        ...     _ = photo.write_bytes(b"jpeg")
        ...     client = AuthenticatedClient(base_url=server.base_url, token=server.token)
        ...     file_path = asyncio.run(aupload_file(photo, client=client))
        >>> file_path.endswith(".jpg")
        True
    """
    return (await aupload_files([path], asset_type=asset_type, client=client, on_progress=on_progress))[0]
