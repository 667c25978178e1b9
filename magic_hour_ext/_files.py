"""The file side of a download, shared by the sync and async drivers (file I/O is blocking in both).

Each output is written to a temporary file in the destination directory,
``.<final name>.<random>.part``, then moved to its final name without ever replacing an existing
file (unless ``overwrite=True``): ``os.link`` then ``os.unlink`` of the temporary name, or
``os.replace`` when overwriting. On every failure (errors, ``KeyboardInterrupt``, task
cancellation) the temporary file is removed, so the final name never holds a partial file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

from ._download import DownloadItem, Start, Transfer
from ._errors import DownloadError, MagicHourError, OutputExistsError
from ._log import logger as log
from ._redact import redact_text, redact_url
from ._result import DownloadProgress
from ._retry import TransientError

__all__ = ["Cancelled", "Sink", "commit_file", "open_sink", "prepare_directory"]


ProgressHook = Callable[[DownloadProgress], None]


class Cancelled(BaseException):
    """Internal: another download of the batch failed, so this one stops (sync driver)."""


def prepare_directory(directory: Path) -> None:
    """Create *directory* (and its parents) if missing.

    Raises:
        DownloadError: it cannot be created, or it is not a directory.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(f"cannot use the download directory {str(directory)!r}: {exc.strerror}") from exc
    if not directory.is_dir():
        raise DownloadError(f"the download directory {str(directory)!r} is not a directory")


def _create_temp(final: Path) -> tuple[int, Path]:
    """Create ``.<final name>.<random>.part`` beside *final*, exclusively.

    Unlike ``tempfile.mkstemp`` (always 0600) the mode follows the umask, like any file the user
    creates, since this very file becomes the output.
    """
    while True:
        temp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp
        except FileExistsError:  # pragma: no cover - 32 random bits collided
            continue


def commit_file(temp: Path, final: Path, *, overwrite: bool) -> None:
    """Move the complete *temp* file to *final*, atomically; never replace a file unless *overwrite*.

    Raises:
        FileExistsError: *final* exists and *overwrite* is False (*temp* is left for the caller).
    """
    if overwrite:
        os.replace(temp, final)
        return
    try:
        os.link(temp, final)
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise FileExistsError(errno.EEXIST, "exists", str(final)) from None
        # A file system without hard links: claim the name exclusively, then replace it.
        fd = os.open(final, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.close(fd)
        os.replace(temp, final)
        return
    os.unlink(temp)


class Sink:
    """The temporary file of one output, fed by a driver's streaming loop.

    Args:
        item: The output.
        transfer: Its download state.
        overwrite: Replace an existing final file.
        on_progress: Called with a DownloadProgress after every chunk (keep it cheap).
        cancel: When set (by another failing download), the next chunk raises Cancelled.
    """

    def __init__(
        self,
        item: DownloadItem,
        transfer: Transfer,
        *,
        overwrite: bool,
        on_progress: ProgressHook | None,
        cancel: threading.Event | None,
    ) -> None:
        self.item = item
        self.transfer = transfer
        self._overwrite = overwrite
        self._on_progress = on_progress
        self._cancel = cancel
        if not overwrite and os.path.lexists(item.path):
            raise OutputExistsError(
                f"{str(item.path)!r} exists; pass overwrite=True to replace it", url=item.url, path=item.path
            )
        fd, self.temp = _create_temp(item.path)
        self._file = os.fdopen(fd, "wb", buffering=0)

    def stream_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.stream`` for the next attempt (``Range`` when resuming).

        Redirects are followed whatever the client's default.
        """
        return {
            "method": "GET",
            "url": self.item.url,
            "headers": self.transfer.request_headers(),
            "follow_redirects": True,
        }

    def begin(self, status_code: int, headers: httpx.Headers) -> bool:
        """Start a response: False when the URL expired, else ready for :meth:`write`."""
        start = self.transfer.start(status_code, headers)
        if start is Start.EXPIRED:
            return False
        if start is Start.REWRITE:
            self._file.seek(0)
            self._file.truncate()
        self._report()
        return True

    def write(self, chunk: bytes) -> None:
        """Save one chunk of the body."""
        if self._cancel is not None and self._cancel.is_set():
            raise Cancelled
        self._file.write(chunk)
        self.transfer.received(len(chunk))
        if self._on_progress is not None:
            self._report()

    def _report(self) -> None:
        if self._on_progress is not None:
            t = self.transfer
            self._on_progress(DownloadProgress(self.item.index, self.item.path, t.bytes_done, t.total))

    def finish(self) -> Path:
        """Check the size, then move the file to its final name."""
        self.transfer.finish()
        self._file.close()
        try:
            commit_file(self.temp, self.item.path, overwrite=self._overwrite)
        except FileExistsError:
            raise OutputExistsError(
                f"{str(self.item.path)!r} appeared while downloading; pass overwrite=True to replace it",
                url=self.item.url,
                path=self.item.path,
            ) from None
        log.info(
            "saved output %d to %s (%d bytes) from %s",
            self.item.index,
            self.item.path,
            self.transfer.bytes_done,
            redact_url(self.item.url),
        )
        return self.item.path

    def discard(self) -> None:
        """Close and remove the temporary file (idempotent)."""
        self._file.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temp)


@contextlib.contextmanager
def open_sink(
    item: DownloadItem,
    transfer: Transfer,
    *,
    overwrite: bool,
    on_progress: ProgressHook | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[Sink]:
    """A Sink whose temporary file is always removed, and whose failures become DownloadError.

    Whatever happens inside (an error, ``KeyboardInterrupt``, cancellation, an expired URL), the
    temporary file is gone afterwards; a committed file is the only thing left behind.
    """
    sink = Sink(item, transfer, overwrite=overwrite, on_progress=on_progress, cancel=cancel)
    try:
        yield sink
    except MagicHourError:
        raise
    except (httpx.HTTPError, TransientError) as exc:
        detail = redact_text(str(exc))[:200] or type(exc).__name__
        raise DownloadError(
            f"download of output {item.index} failed: {detail}", url=item.url, path=item.path
        ) from exc
    except OSError as exc:
        raise DownloadError(
            f"cannot write output {item.index} to {str(item.path)!r}: {exc.strerror or exc}",
            url=item.url,
            path=item.path,
        ) from exc
    finally:
        sink.discard()
