"""Uploads without I/O: which files, the upload-urls request, and what each PUT's answer means.

Uploading files takes two steps, which the drivers (``_sync.py``, ``_async.py``) perform:

1. ONE ``POST /v1/files/upload-urls`` for every file (:func:`upload_urls_request`), each with its
   asset type and extension (:func:`plan_uploads`, from ``_assets``' table). It creates nothing
   billable, so it is retried like a GET, with the usual rule (``_retry``).
2. A ``PUT`` of each file to its upload URL (:class:`PutTransfer`), streamed from disk with its
   ``Content-Length`` (presigned storage refuses chunked uploads), with no credentials, and
   retried with the same rule. Every attempt reads the file again from its start
   (``_upload_body.FileBody``), so a retry never sends an empty or partial body.

=============================  ==============================================================
the upload host answers        meaning
=============================  ==============================================================
2xx                            stored: the file's ``file_path`` can be used in a create call
408, 429, 499, 5xx             retried (``Retry-After`` honoured), the file sent again whole
no answer, a connection cut    retried likewise
any other status               UploadError at once (403: the URL expired or was refused; 411,
                               413: refused as it is), with the host's error code
=============================  ==============================================================
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx
from attrs import define, frozen

from ._assets import AssetType, asset_type_of
from ._errors import InvalidArgumentError, MagicHourError, MalformedResponseError, UploadError
from ._redact import redact_text
from ._requests import ApiRequest, json_answer
from ._retry import RetryState, TransientError, is_retryable_status, parse_retry_after

__all__ = [
    "UPLOAD_URLS_PATH",
    "FileToUpload",
    "PutTransfer",
    "UploadTarget",
    "plan_uploads",
    "upload_urls_request",
]

UPLOAD_URLS_PATH = "/v1/files/upload-urls"

_XML_FIELD = re.compile(r"<(Code|Message)>([^<]{0,200})</\1>")


@frozen
class FileToUpload:
    """A local file to upload, and what upload-urls is told about it."""

    path: Path
    asset_type: AssetType
    extension: str


@frozen
class UploadTarget:
    """Where upload-urls said to put one file: its signed ``upload_url``, and its ``file_path``."""

    upload_url: str
    file_path: str


def plan_uploads(
    paths: Sequence[str | os.PathLike[str]], asset_type: str | None = None
) -> list[FileToUpload]:
    """The files to upload, each with its asset type and extension, checked before any request.

    Raises:
        InvalidArgumentError: no path, a path that is not an existing regular file, or an
            extension that gives no single asset type (see ``_assets.asset_type_of``).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     face = Path(folder, "Face.PNG")
        ...     _ = face.write_bytes(b"png")
        ...     [(f.asset_type, f.extension) for f in plan_uploads([face])]
        [('image', 'png')]
        >>> plan_uploads(["missing.png"])
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.InvalidArgumentError: cannot upload 'missing.png': there is no such file
    """
    if isinstance(paths, str | os.PathLike):
        raise InvalidArgumentError("paths must be a list of paths, not one path")
    if not paths:
        raise InvalidArgumentError("no file to upload")
    files = []
    for raw in paths:
        if not isinstance(raw, str | os.PathLike):
            raise InvalidArgumentError(
                f"a path to upload must be a str or os.PathLike, not {type(raw).__name__}"
            )
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise InvalidArgumentError(f"cannot upload {str(path)!r}: there is no such file") from None
        except OSError as exc:
            raise InvalidArgumentError(f"cannot upload {str(path)!r}: {exc.strerror or exc}") from None
        if not stat.S_ISREG(mode):
            raise InvalidArgumentError(f"cannot upload {str(path)!r}: it is not a regular file")
        kind, extension = asset_type_of(path, asset_type)
        files.append(FileToUpload(path, kind, extension))
    return files


def _targets(count: int) -> Callable[[int, Mapping[str, str], bytes], list[UploadTarget]]:
    def parse(status_code: int, headers: Mapping[str, str], body: bytes) -> list[UploadTarget]:
        payload = json_answer(status_code, headers, body)
        items = payload.get("items") if isinstance(payload, dict) else None
        if not isinstance(items, list) or len(items) != count:
            raise MalformedResponseError(status_code, f"upload-urls did not answer {count} items")
        targets = []
        for index, item in enumerate(items):
            url = item.get("upload_url") if isinstance(item, dict) else None
            file_path = item.get("file_path") if isinstance(item, dict) else None
            if not isinstance(url, str) or not url.startswith(("http://", "https://")):
                raise MalformedResponseError(status_code, f"items[{index}].upload_url is not an http(s) URL")
            if not isinstance(file_path, str) or not file_path:
                raise MalformedResponseError(status_code, f"items[{index}].file_path is missing")
            targets.append(UploadTarget(url, file_path))
        return targets

    return parse


def upload_urls_request(files: Sequence[FileToUpload], retry: RetryState) -> ApiRequest[list[UploadTarget]]:
    """The one upload-urls POST for *files*; its answer is their targets, in the same order.

    It creates nothing billable: it is retried like a GET (connection errors, 408, 429, 499,
    5xx), with the usual rule.

    Example:
        >>> files = [FileToUpload(Path("a.MP4"), "video", "mp4")]
        >>> request = upload_urls_request(files, RetryState(lambda: None))
        >>> request.method, request.path, request.body
        ('POST', '/v1/files/upload-urls', {'items': [{'type': 'video', 'extension': 'mp4'}]})
    """
    body = {"items": [{"type": f.asset_type, "extension": f.extension} for f in files]}
    return ApiRequest("POST", UPLOAD_URLS_PATH, _targets(len(files)), retry, lambda: None, body=body)


def _host_error(body: bytes) -> str:
    """The ``Code: Message`` of an S3-style XML error body, or ""."""
    fields = {match[1]: match[2] for match in _XML_FIELD.finditer(body[:4096].decode("utf-8", "replace"))}
    return ": ".join(part for part in (fields.get("Code"), fields.get("Message")) if part)


@define
class PutTransfer:
    """One file's ``PUT`` across its attempts (pure: the driver does the I/O).

    Attributes:
        file: The local file.
        target: Its upload URL and file_path.
        retry: The retry state of this upload.
        attempts: The attempts begun so far (the driver counts them).
    """

    file: FileToUpload
    target: UploadTarget
    retry: RetryState
    attempts: int = 0

    def request_kwargs(self, size: int) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.request`` for one attempt, but ``content``.

        ``Content-Length`` is the file's *size*, so the body is never sent chunked; auth is off
        and redirects are not followed, whatever the client's settings: the signed URL is the
        only credential the upload host gets.

        Example:
            >>> target = UploadTarget("https://up.example/a?sig=s", "api-assets/x/0.png")
            >>> file = FileToUpload(Path("a.png"), "image", "png")
            >>> put = PutTransfer(file, target, RetryState(lambda: None))
            >>> kwargs = put.request_kwargs(3)
            >>> kwargs["method"], kwargs["headers"], kwargs["auth"]
            ('PUT', {'Content-Length': '3'}, None)
        """
        return {
            "method": "PUT",
            "url": self.target.upload_url,
            "headers": {"Content-Length": str(size)},
            "auth": None,
            "follow_redirects": False,
        }

    def finish(self, status_code: int, headers: Mapping[str, str], body: bytes) -> str:
        """The file_path once the host stored the file; else what to do about its answer.

        Raises:
            TransientError: worth another attempt (a retryable status).
            UploadError: a final refusal, naming the file and the host's error code.

        Example:
            >>> target = UploadTarget("https://up.example/a?sig=s", "api-assets/x/0.png")
            >>> file = FileToUpload(Path("a.png"), "image", "png")
            >>> put = PutTransfer(file, target, RetryState(lambda: None))
            >>> put.finish(200, {}, b"")
            'api-assets/x/0.png'
            >>> expired = b"<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
            >>> put.finish(403, {}, expired)
            Traceback (most recent call last):
            ...
            magic_hour_ext._errors.UploadError: cannot upload 'a.png': ... 403 (AccessDenied: Request has ...)
        """
        if 200 <= status_code < 300:
            return self.target.file_path
        detail = _host_error(body)
        message = f"the upload host answered HTTP {status_code}" + (f" ({detail})" if detail else "")
        if is_retryable_status(status_code):
            raise TransientError(
                message, status_code=status_code, retry_after=parse_retry_after(headers.get("retry-after"))
            )
        raise UploadError(message, path=self.file.path, status_code=status_code)

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Around the attempts: a failure left after the retries becomes UploadError naming the file.

        Example:
            >>> target = UploadTarget("https://up.example/a?sig=s", "api-assets/x/0.png")
            >>> file = FileToUpload(Path("a.png"), "image", "png")
            >>> put = PutTransfer(file, target, RetryState(lambda: None))
            >>> with put.errors():
            ...     raise httpx.ConnectError("refused")
            Traceback (most recent call last):
            ...
            magic_hour_ext._errors.UploadError: cannot upload 'a.png': no answer ... (ConnectError: refused)
        """
        try:
            yield
        except MagicHourError:
            raise
        except TransientError as exc:
            raise UploadError(
                f"{exc}{self._after()}", path=self.file.path, status_code=exc.status_code
            ) from exc
        except httpx.HTTPError as exc:
            detail = redact_text(str(exc))[:200] or "no details"
            raise UploadError(
                f"no answer from the upload host ({type(exc).__name__}: {detail}){self._after()}",
                path=self.file.path,
            ) from exc

    def _after(self) -> str:
        return f", after {self.attempts} attempts" if self.attempts > 1 else ""
