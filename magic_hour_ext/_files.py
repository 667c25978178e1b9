"""The file side of a download, shared by the sync and async drivers (file I/O is blocking in both).

Each output is written to its partial file in the destination directory, ``.<final name>.partial``,
with what a later run needs to resume it in ``.<final name>.partial.json`` (the decisions are in
``_partial.py``), then moved to its final name without ever replacing an existing file (unless
``overwrite=True``): ``os.link`` then ``os.unlink`` of the partial name, or ``os.replace`` when
overwriting. The partial file is locked (``flock``) while a saver uses it; a second saver of the
same output (another process, or thread) writes a private ``.<final name>.<random>.part`` instead,
without resume. On a failure (errors, ``KeyboardInterrupt``, task cancellation) the partial file
is kept when a later run can resume it, and removed otherwise, as a private file always is: the
final name never holds a partial output.

Existing files follow ONE rule, :func:`holds_output`, applied at both ends of a download (unless
``overwrite=True``): a regular file under the final name that has exactly the output's size IS this
output, saved by an earlier run or by another process saving the same project into the same folder.
It is kept as it is and counted as saved. Anything else there raises OutputExistsError and is never
replaced. Failing file system calls (a directory where files cannot be created, a full disk, ...)
raise DownloadError naming the path.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: no locks, so no shared partial files
    fcntl = None  # type: ignore[assignment]

from ._download import STALL_RULE, DownloadItem, StallRule, Start, Transfer
from ._errors import DownloadDirectoryError, DownloadError, MagicHourError, OutputExistsError
from ._log import logger as log
from ._partial import PartialMeta, meta_path, partial_path, plan_resume
from ._redact import redact_text, redact_url
from ._result import DownloadProgress
from ._retry import RetryState, TransientError

__all__ = [
    "Cancelled",
    "Sink",
    "check_directory",
    "commit_file",
    "holds_output",
    "open_partial",
    "open_sink",
    "prepare_directory",
    "read_meta",
    "remove_partial",
    "write_meta",
]


ProgressHook = Callable[[DownloadProgress], None]


class Cancelled(BaseException):
    """Internal: the batch was cancelled (another download failed, or Ctrl-C), so this one stops.

    Only the sync driver's worker threads use it; the async driver has task cancellation.
    """


def check_directory(directory: Path) -> None:
    """Raise DownloadDirectoryError unless *directory* is a folder that can be written, or can be made.

    Creates nothing: when *directory* is missing, its nearest existing parent must be a folder this
    process may create entries in (``os.access``, with the effective ids where the system allows).
    THE rule for a download directory, applied before the first request of a wait that would
    download, so that an unusable one fails at once instead of after the render.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     check_directory(Path(folder, "new", "deeper"))  # missing, but it can be made
        ...     _ = Path(folder, "afile").write_bytes(b"")
        ...     check_directory(Path(folder, "afile", "sub"))
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.DownloadDirectoryError: cannot use ... '.../afile' is not a folder
    """
    for candidate in (directory, *directory.parents):
        try:
            found = os.stat(candidate)
        except (FileNotFoundError, NotADirectoryError):
            continue  # missing: it would be created, if its parent allows
        except OSError as exc:
            raise _unusable(directory, f"{str(candidate)!r} cannot be reached ({exc.strerror})") from exc
        if not stat.S_ISDIR(found.st_mode):
            what = f"{str(candidate)!r} is not a folder"
            raise (
                _unusable(directory, what)
                if candidate != directory
                else DownloadDirectoryError(f"the download directory {what}", path=directory)
            )
        if not os.access(candidate, os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids):
            where = "in it" if candidate == directory else f"in {str(candidate)!r}, to create it"
            raise _unusable(directory, f"this process may not create files {where}")
        return


def _unusable(directory: Path, why: str) -> DownloadDirectoryError:
    return DownloadDirectoryError(
        f"cannot use the download directory {str(directory)!r}: {why}", path=directory
    )


def prepare_directory(directory: Path) -> None:
    """Create *directory* (and its parents) if missing.

    Raises:
        DownloadDirectoryError: it cannot be created, or it is not a directory.
    """
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if isinstance(exc, FileExistsError | NotADirectoryError):
            check_directory(directory)  # says which path is not a folder
        raise _unusable(directory, str(exc.strerror)) from exc
    if not directory.is_dir():
        raise DownloadDirectoryError(
            f"the download directory {str(directory)!r} is not a folder", path=directory
        )


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


def _existing(path: Path) -> os.stat_result | None:
    """The ``lstat`` of *path*, or None when nothing has that name."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def holds_output(existing: os.stat_result | None, size: int | None) -> bool:
    """THE rule for an existing file under an output's final name: does it hold this output?

    Yes when it is a regular file (not a symlink, directory, ...) of exactly *size* bytes, the
    output's size. It is applied at both ends of a download:

    - when the response starts, with the size the host announces (``Content-Length``, or the total
      of a ``Content-Range``): a file that holds the output is kept and the body is not downloaded;
      another regular file raises OutputExistsError at once. When the size cannot be known yet (no
      ``Content-Length``, or a body the host encoded, whose length counts encoded bytes), the
      output is downloaded, and the rule is applied at the end;
    - when the download is complete, if the name was taken meanwhile (another process or thread
      saving the same project into the same folder), with the size downloaded: a file that holds
      the output is kept, the download is dropped, and both savers succeed.

    Sizes only, never contents: at the start, contents cannot be compared without downloading, and
    comparing them only at the end would make the outcome of a race depend on which end it hit.
    Two runs of one project get identical outputs of identical sizes; another file of the very
    same size under a name only magic_hour_ext gives out is taken for the output (pass
    ``overwrite=True`` to download everything again).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = Path(folder, "mh-p-1.png")
        ...     _ = path.write_bytes(b"1234")
        ...     holds_output(os.lstat(path), 4), holds_output(os.lstat(path), 5), holds_output(None, 4)
        (True, False, False)
    """
    return existing is not None and stat.S_ISREG(existing.st_mode) and existing.st_size == size


def _lock(fd: int) -> bool:
    """Take an exclusive lock on *fd*'s open file at once, or say it is held (False without fcntl)."""
    if fcntl is None:  # pragma: no cover - not on POSIX: no shared partial files, no resume
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def open_partial(path: Path, *, create: bool) -> int | None:
    """The partial file at *path*, opened and locked by this process; None when it cannot be had.

    None when it is missing (and not *create*), held by another saver (a process, or a thread of
    this one: ``flock`` locks belong to each opening), or not a regular file this process can open
    (a symlink is never followed). The lock is only trusted if *path* still names the locked file
    afterwards: a saver that committed or removed it meanwhile leaves a name that is no longer it.
    """
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | (os.O_CREAT if create else 0)
    for _ in range(3):
        try:
            fd = os.open(path, flags, 0o666)
        except OSError:
            return None
        if not _lock(fd):
            os.close(fd)
            return None
        try:
            held, named = os.fstat(fd), os.stat(path, follow_symlinks=False)
        except OSError:
            named = None
        if named is not None and (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino):
            if stat.S_ISREG(held.st_mode):
                return fd
            os.close(fd)
            return None
        os.close(fd)  # committed or removed meanwhile: try the name again
    return None


def read_meta(final: Path) -> PartialMeta | None:
    """The metadata of the partial file of the output at *final*, or None (missing or unreadable)."""
    try:
        return PartialMeta.from_json(meta_path(final).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def write_meta(final: Path, meta: PartialMeta | None) -> None:
    """Write (or, for None, remove) the metadata of the partial file of *final*, atomically."""
    target = meta_path(final)
    if meta is None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        return
    temp = target.with_name(f"{target.name}.{secrets.token_hex(4)}")
    temp.write_text(meta.to_json(), encoding="utf-8")
    os.replace(temp, target)


def remove_partial(final: Path) -> None:
    """Remove the partial file of *final* and its metadata (call it while holding the lock)."""
    for path in (partial_path(final), meta_path(final)):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


class Sink:
    """The file one output is saved into, fed by a driver's streaming loop.

    A driver calls :meth:`claim` before the first request, :meth:`begin` with each response's
    status and headers, :meth:`write` with each chunk of the body when ``begin`` returned True,
    then :meth:`finish`, which returns the saved path (or None when the URL expired).

    The file is the output's partial file (``_partial.partial_path``), locked while this sink
    uses it: one left by an earlier run is resumed when :func:`~magic_hour_ext._partial.plan_resume`
    allows (:meth:`claim`), else the first response with a body creates it. When another saver
    holds it, a private temporary file ``.<final name>.<random>.part`` is used instead, without
    resume, and removed on failure. Nothing is created for an existing output or an expired URL.

    Existing final files follow :func:`holds_output`, at :meth:`begin` and at :meth:`finish`: a
    file that holds the output is kept as it is (no body is read when that is known at the start)
    and finish() returns its path; anything else raises OutputExistsError, unless *overwrite*.

    Args:
        item: The output.
        transfer: Its download state.
        overwrite: Replace an existing final file, and never resume a partial file.
        on_progress: Called with a DownloadProgress after every chunk (keep it cheap).
        cancel: When set (another download of the batch failed, or Ctrl-C), the next step
            raises Cancelled.
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
        #: The file being written (the partial file, or a private temporary file), once there is one.
        self.temp: Path | None = None
        #: Whether :attr:`temp` is the output's partial file, locked by this sink (kept on failure).
        self.shared = False
        self._file: io.FileIO | None = None
        self._expired = False
        self._kept: int | None = None  # the size of an existing final file that holds this output
        self._resumable = False  # the partial file's metadata was written for what it holds
        self._done = False  # the file took the final name, or was dropped for an existing one

    def check_cancel(self) -> None:
        """Raise Cancelled when the batch was cancelled."""
        if self._cancel is not None and self._cancel.is_set():
            raise Cancelled

    def claim(self) -> None:
        """Before the first request: take the partial file an earlier run left, and resume it if it fits.

        Not when another saver holds it (it is theirs), nor with *overwrite* (the partial file is
        then started again from zero, and its metadata removed at once).
        """
        fd = open_partial(partial_path(self.item.path), create=False)
        if fd is None:
            return
        self._adopt(fd)
        if self._overwrite:
            write_meta(self.item.path, None)
            return
        held, meta = os.fstat(fd).st_size, read_meta(self.item.path)
        plan = plan_resume(meta, held, self.item.url)
        if plan.offset and meta is not None:
            self.transfer.resume(plan.offset, meta)
            self._resumable = True
            log.info("%s: resuming the partial download of an earlier run (%s)", self.item.label, plan.why)
        elif held:
            log.info(
                "%s: not resuming the partial file of an earlier run (%s); downloading from the start",
                self.item.label,
                plan.why,
            )

    def _adopt(self, fd: int) -> None:
        self._file = os.fdopen(fd, "r+b", buffering=0)
        self.temp, self.shared = partial_path(self.item.path), True

    def stream_kwargs(self) -> dict[str, Any]:
        """The keyword arguments of ``httpx.Client.stream`` for the next attempt (``Range`` when resuming).

        Redirects are followed whatever the client's default, and auth is off (``auth=None``),
        whatever the client's: no redirect and no auth set on the client later sends credentials.
        """
        return {
            "method": "GET",
            "url": self.item.url,
            "headers": self.transfer.request_headers(),
            "follow_redirects": True,
            "auth": None,
        }

    @property
    def decoding(self) -> bool:
        """Whether the body of the response just begun must be decoded (``iter_bytes``, not ``iter_raw``)."""
        return bool(self.transfer.codings)

    def begin(self, status_code: int, headers: httpx.Headers) -> bool:
        """Start a response: True when its body is to be saved with :meth:`write`.

        False when the URL expired, or when the final file already holds this output. A body from
        byte 0 truncates the file; the rest of the output (a ``206``) is appended where the file's
        bytes end. The metadata of a partial file is written before any byte it describes.

        Raises:
            OutputExistsError: the final name is taken by something else, and not *overwrite*.
            TransientError, DownloadError: see :meth:`Transfer.start`.
        """
        self.check_cancel()
        start = self.transfer.start(status_code, headers)
        self._expired = start is Start.EXPIRED
        if self._expired:
            return False
        if not self._overwrite and (existing := _existing(self.item.path)) is not None:
            size = self.transfer.total
            if holds_output(existing, size):
                self._kept = existing.st_size
                return False
            if size is not None or not stat.S_ISREG(existing.st_mode):
                raise self._exists_error(existing, size)
            # The size is not known before the body has arrived: the rule applies at the end.
        if self._file is None:
            fd = open_partial(partial_path(self.item.path), create=True)
            if fd is not None:
                self._adopt(fd)
            else:  # another saver holds the partial file: a private one, never resumed
                fd, self.temp = _create_temp(self.item.path)
                self._file = os.fdopen(fd, "wb", buffering=0)
        assert self._file is not None  # just opened
        self._file.seek(self.transfer.bytes_done if start is Start.APPEND else 0)
        self._file.truncate()
        if self.shared:
            meta = self.transfer.meta()
            write_meta(self.item.path, meta)
            self._resumable = meta is not None
        self._report(self.transfer.bytes_done, self.transfer.total)
        return True

    def _exists_error(self, existing: os.stat_result | None, size: int | None) -> OutputExistsError:
        if existing is None:
            what = "was taken and freed again while downloading"
        elif stat.S_ISREG(existing.st_mode):
            what = f"exists and holds {existing.st_size} bytes"
        else:
            what = "exists and is not a regular file"
        wanted = f"the download has {size}" if size is not None else "the download announced no size"
        return OutputExistsError(
            f"{str(self.item.path)!r} {what} ({wanted}); pass overwrite=True to replace it",
            url=self.item.url,
            path=self.item.path,
        )

    def write(self, chunk: bytes) -> None:
        """Save one chunk of the body."""
        self.check_cancel()
        assert self._file is not None  # begin() returned True
        self._file.write(chunk)
        self.transfer.received(len(chunk))
        if self._on_progress is not None:
            self._report(self.transfer.bytes_done, self.transfer.total)

    def _report(self, done: int, total: int | None, *, already_saved: bool = False) -> None:
        if self._on_progress is not None:
            event = DownloadProgress(
                self.item.index, self.item.path, done, total, already_saved, project_id=self.item.project_id
            )
            self._on_progress(event)

    def finish(self, received: int | None = None) -> Path | None:
        """End the response: the saved path, or None when the URL expired.

        *received* is the bytes the response sent on the wire (the size check of an encoded body).

        A body is size-checked, then its file takes the final name (the lock on a partial file is
        held until then); an existing file that already holds this output is kept (logged at INFO,
        reported as complete), and the partial file removed.
        """
        if self._expired:
            return None
        if self._kept is not None:
            self._drop()
            return self._keep(self._kept, "not downloaded again")
        self.check_cancel()
        self.transfer.finish(received)
        assert self._file is not None  # begin() returned True
        assert self.temp is not None
        try:
            commit_file(self.temp, self.item.path, overwrite=self._overwrite)
        except FileExistsError:  # the name was taken while downloading: the rule decides
            existing = _existing(self.item.path)
            self._drop()
            if not holds_output(existing, self.transfer.bytes_done):
                raise self._exists_error(existing, self.transfer.bytes_done) from None
            return self._keep(self.transfer.bytes_done, "kept (the download is dropped)")
        self._done = True
        if self.shared:
            write_meta(self.item.path, None)
        log.info(
            "saved output %d to %s (%d bytes) from %s",
            self.item.index,
            self.item.path,
            self.transfer.bytes_done,
            redact_url(self.item.url),
        )
        return self.item.path

    def _drop(self) -> None:
        """The output is saved under its final name by someone else: remove what this sink wrote."""
        self._done = True
        if self.shared:
            remove_partial(self.item.path)
        elif self.temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)

    def _keep(self, size: int, how: str) -> Path:
        """An existing file holds this output: keep it, say so, and report the output complete."""
        log.info(
            "output %d already saved as %s (%d bytes), %s, from %s",
            self.item.index,
            self.item.path,
            size,
            how,
            redact_url(self.item.url),
        )
        self._report(size, size, already_saved=True)
        return self.item.path

    def abandon(self) -> None:
        """Give up the file from another thread than the one writing it (idempotent).

        A private temporary file loses its name: the writer may still hold it open, so it is not
        closed here; whatever it writes afterwards goes to an unnamed file, and it cannot be
        committed. The partial file is left to its writer, which keeps it for the next run (every
        byte it holds is a byte of the output, in place).
        """
        if self.temp is not None and not self.shared and not self._done:
            with contextlib.suppress(OSError):
                os.unlink(self.temp)

    def discard(self) -> None:
        """Close the file; remove it unless it is a partial file a later run can resume (idempotent)."""
        if self._file is None:
            return
        try:
            if self.shared and not self._done:
                held = os.fstat(self._file.fileno()).st_size
                if not (self._resumable and 0 < held < (self.transfer.total or 0)):
                    remove_partial(self.item.path)  # nothing a later run could use
            else:
                self.abandon()
        finally:
            self._file.close()  # releases the lock, after the name is settled


@contextlib.contextmanager
def open_sink(
    item: DownloadItem,
    *,
    overwrite: bool,
    on_progress: ProgressHook | None = None,
    cancel: threading.Event | None = None,
    transfer: Transfer | None = None,
    stall: StallRule = STALL_RULE,
) -> Iterator[Sink]:
    """A claimed Sink (see :meth:`Sink.claim`) whose failures become DownloadError.

    Whatever happens inside (an error, ``KeyboardInterrupt``, cancellation, an expired URL), the
    final name only ever holds a complete, size-checked output. What arrived stays in the output's
    partial file for the next run to resume, when its metadata allows that; a private temporary
    file, or a partial file nothing can resume, is removed. *transfer* defaults to a fresh one for
    the item's URL, retried without a deadline, with the *stall* rule.
    """
    if transfer is None:
        transfer = Transfer(item.url, RetryState(lambda: None), stall=stall, label=item.label)
    sink = Sink(item, transfer, overwrite=overwrite, on_progress=on_progress, cancel=cancel)
    try:
        sink.claim()
        yield sink
    except DownloadError as exc:
        if exc.path is None:  # e.g. a final HTTP status, raised where the path is not known
            exc.path = item.path
        raise
    except MagicHourError:
        raise
    except httpx.DecodingError as exc:
        codings = ", ".join(transfer.codings) or "encoded"
        raise DownloadError(
            f"download of output {item.index} failed: its {codings} body cannot be decoded",
            url=item.url,
            path=item.path,
        ) from exc
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
