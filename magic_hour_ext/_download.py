"""The download of one output, without I/O: what to ask for, and what each answer means.

One :class:`Transfer` per output, across its attempts:

==========================  ===================================================================
answer                      meaning
==========================  ===================================================================
200                         the whole body follows: (re)write the file from byte 0
206 ``bytes N-M/T``, N ok   the rest follows: append (a resumed download)
206 from another offset     start again without ``Range`` (retried)
403, 410                    the signed URL expired: the project is fetched again for fresh URLs
416                         the range was wrong: start again without ``Range`` (retried)
408, 429, 499, 5xx          retried (``Retry-After`` honoured), resuming where it stopped
other                       DownloadError at once
body shorter than announced retried with ``Range: bytes=<bytes saved>-``
body longer than announced  start again (retried)
body too slow (stalled)     retried with ``Range``, on a new connection (see :class:`StallRule`)
2xx, ``Content-Encoding``   decoded as it arrives (see below)
==========================  ===================================================================

An existing final file that holds the output (``_files.holds_output``: a regular file of the size
in :attr:`Transfer.total`) is kept, and the body not downloaded: a re-run after a partial failure
saves only what is missing.

Encoded bodies. Every request asks for ``Accept-Encoding: identity``, so that the bytes on the
wire are the bytes of the file. A host that encodes anyway (``Content-Encoding: gzip``, say) gets
its body decoded as it arrives (:attr:`Transfer.codings`): the file holds the decoded entity, or
a coding httpx cannot decode (anything but gzip and deflate, and br / zstd when their packages are
installed), or a body that does not decode, raises DownloadError and leaves nothing. Then
``Content-Length`` counts the encoded bytes, so: the size check compares the bytes received on the
wire with it (:meth:`Transfer.finish`); a failed attempt starts again from byte 0, never resumes
with ``Range`` (a range of encoded bytes cannot be appended to decoded ones); and the full size is
unknown until the end (:attr:`Transfer.total` is None), so the existing-file rule is applied when
the download is complete: an existing output is downloaded again before it can be recognised.

The drivers stream bodies with ``iter_raw()`` / ``aiter_raw()`` (``iter_bytes()`` /
``aiter_bytes()`` when decoding) and write each chunk as the transport delivers it (up to 256 KiB per
socket read on a DeadlineTransport): nothing is buffered in memory, and a dropped connection loses
nothing that arrived, so the resumed request asks for exactly the missing bytes.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import time
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path

import httpx
from attrs import define, field, frozen

from ._errors import DownloadError
from ._partial import PartialMeta, if_range, resource_of
from ._retry import RetryState, TransientError, cause_of, is_retryable_status, parse_retry_after
from ._sizes import human_size

__all__ = [
    "LOST",
    "MIN_RATE",
    "STALLED",
    "STALL_RULE",
    "STALL_WINDOW",
    "DownloadItem",
    "DownloadOutcome",
    "StallRule",
    "Start",
    "Transfer",
    "content_codings",
    "decodable_codings",
    "outcome_of",
    "parse_content_range",
]

#: The floor of a download's rate, in bytes per second ...
MIN_RATE = 1024.0
#: ... averaged over this many seconds: slower than that, the response is abandoned and resumed.
STALL_WINDOW = 30.0

_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)", re.ASCII)

#: How a retry's log line calls a body cut short, and a body too slow.
LOST = "connection lost"
STALLED = "the download stalled"
_CUT = (LOST, STALLED)
#: The httpx errors of a connection lost while the body was arriving.
_LOST = (httpx.ReadError, httpx.RemoteProtocolError, httpx.ReadTimeout, httpx.CloseError)


@frozen
class DownloadItem:
    """One output to save: 1-based *index*, signed *url*, final *path*; the project it belongs to.

    Example:
        >>> DownloadItem(1, "https://cdn/x.png", Path("x.png"), project_id="p", kind="image").label
        "output 1 of image project 'p'"
    """

    index: int
    url: str
    path: Path
    project_id: str | None = None
    kind: str | None = None

    @property
    def label(self) -> str:
        """The output in words, as log lines and errors name it."""
        if self.project_id is None:
            return f"output {self.index}"
        return f"output {self.index} of {self.kind or 'a'} project {self.project_id!r}"


@frozen
class DownloadOutcome:
    """What a batch of downloads gave: the saved paths by index, and the indexes whose URL expired."""

    saved: dict[int, Path]
    expired: tuple[int, ...]


def outcome_of(items: tuple[DownloadItem, ...], results: list[Path | None]) -> DownloadOutcome:
    """Pair each item with its result (a saved path, or None for an expired URL).

    Example:
        >>> items = (DownloadItem(1, "u1", Path("a")), DownloadItem(2, "u2", Path("b")))
        >>> outcome_of(items, [Path("a"), None])
        DownloadOutcome(saved={1: PosixPath('a')}, expired=(2,))
    """
    saved = {item.index: path for item, path in zip(items, results, strict=True) if path is not None}
    expired = tuple(item.index for item, path in zip(items, results, strict=True) if path is None)
    return DownloadOutcome(saved, expired)


@frozen
class StallRule:
    """THE rule for a download that still sends bytes, but too few: when it counts as stalled.

    A response body is stalled when, over a window of *window* seconds (counted from the response
    head, then window after window), fewer than ``min_rate * window`` bytes arrived. The attempt
    is then abandoned and retried like a dropped connection: with ``Range`` from the bytes saved,
    on a new connection (often another server of the CDN), within the download's retries. A body
    that sends nothing at all is caught sooner by the download client's read timeout (30 s by
    default). The defaults, MIN_RATE (1 KiB/s) over STALL_WINDOW (30 s), only catch transfers that
    no real link is that slow for: an output megabytes long would take hours at that rate.

    Example:
        >>> rule = StallRule(min_rate=1024.0, window=30.0)
        >>> rule.stalled(received=10_000, seconds=30.0), rule.stalled(received=40_000, seconds=30.0)
        (True, False)
        >>> rule.stalled(received=0, seconds=29.0)  # a window not over yet
        False
    """

    min_rate: float = MIN_RATE
    window: float = STALL_WINDOW

    def stalled(self, received: int, seconds: float) -> bool:
        """Whether *received* bytes over *seconds* (a whole window or more) fall below the floor."""
        return seconds >= self.window and received < self.min_rate * seconds


STALL_RULE = StallRule()


class Start(Enum):
    """What to do with the file when a response starts."""

    REWRITE = "rewrite"  # truncate the file, the whole body follows
    APPEND = "append"  # keep what is there, the rest follows
    EXPIRED = "expired"  # do not save anything: the URL must be refreshed


def parse_content_range(value: str | None) -> tuple[int, int | None] | None:
    """(first byte, total size or None) of a ``Content-Range`` header, or None if unparseable.

    Example:
        >>> parse_content_range("bytes 100-199/200"), parse_content_range("bytes 5-9/*")
        ((100, 200), (5, None))
    """
    match = _CONTENT_RANGE.fullmatch((value or "").strip())
    if match is None:
        return None
    total = match.group(3)
    return int(match.group(1)), None if total == "*" else int(total)


def content_codings(headers: Mapping[str, str]) -> tuple[str, ...]:
    """The content codings of a response, in the order applied (``identity`` left out).

    Example:
        >>> content_codings({"content-encoding": "gzip, identity"}), content_codings({})
        (('gzip',), ())
    """
    value = headers.get("content-encoding", "")
    return tuple(c for c in (part.strip().lower() for part in value.split(",")) if c and c != "identity")


@functools.cache
def decodable_codings() -> frozenset[str]:
    """The content codings httpx decodes here: gzip and deflate, br and zstd when their packages are.

    httpx passes a body with any other coding through undecoded, so those must be refused.

    Example:
        >>> {"gzip", "deflate"} <= decodable_codings()
        True
    """
    optional = {"br": ("brotli", "brotlicffi"), "zstd": ("zstandard",)}
    found = {c for c, packages in optional.items() if any(importlib.util.find_spec(p) for p in packages)}
    return frozenset({"gzip", "deflate", *found})


def _content_length(headers: Mapping[str, str]) -> int | None:
    value = headers.get("content-length", "").strip()
    return int(value) if value.isdigit() else None


@define
class Transfer:
    """The state of one output's download across attempts (pure: the caller does the I/O).

    Attributes:
        url: The signed URL (never logged unredacted).
        retry: The retry state of this download; its retries are logged as this download's (see
            :meth:`retry_text`).
        bytes_done: Bytes in the file (the partial file of an earlier run included, when resumed).
        total: The full size announced by the server, or None.
        stall: When a body arriving too slowly counts as stalled.
        clock: A monotonic clock (seconds), for the stall rule.
        codings: The content codings of the current response's body, ``()`` for identity. An
            encoded body is decoded as it arrives: *bytes_done* counts decoded bytes, and *total*
            is None (unknown until the end).
        encoded_length: The ``Content-Length`` of an encoded body (encoded bytes), or None.
        label: The output in words, for log lines (``"output 1 of image project 'p'"``).
        etag: The ``ETag`` of the file being saved, or None: sent back in ``If-Range`` (when strong).
        last_modified: Its ``Last-Modified``, or None: ``If-Range`` when there is no strong ``ETag``.
    """

    url: str
    retry: RetryState
    bytes_done: int = 0
    total: int | None = None
    codings: tuple[str, ...] = ()
    encoded_length: int | None = None
    stall: StallRule = STALL_RULE
    clock: Callable[[], float] = time.monotonic
    label: str = "the output"
    etag: str | None = None
    last_modified: str | None = None
    _window_start: float = field(default=0.0, init=False)
    _window_bytes: int = field(default=0, init=False)

    def __attrs_post_init__(self) -> None:
        self.retry.describe = self.retry_text

    def retry_text(self, error: BaseException) -> str:
        """What a retry of this download logs, before its attempt number and delay.

        A body cut short resumes where it stopped, and says so.

        Example:
            >>> t = Transfer("u", RetryState(lambda: None), bytes_done=400_000_000, total=1_000_000_000,
            ...              label="output 1")
            >>> t.retry_text(httpx.ReadError("peer closed"))
            'output 1: connection lost at 40 %, resuming from 400.0 MB'
            >>> t.bytes_done = 0
            >>> t.retry_text(TransientError("the download host answered HTTP 503", status_code=503))
            'retrying GET output 1 (the download host answered HTTP 503)'
        """
        done = human_size(self.bytes_done)
        resumes = bool(self.bytes_done) and not self.codings
        if isinstance(error, _LOST) or (isinstance(error, TransientError) and error.summary in _CUT):
            cause = error.summary if isinstance(error, TransientError) else LOST
            if resumes:
                at = f"{100 * self.bytes_done / self.total:.0f} %" if self.total else done
                return f"{self.label}: {cause} at {at}, resuming from {done}"
        else:
            cause = cause_of(error)
        return f"retrying GET {self.label} ({cause}){f', resuming from {done}' if resumes else ''}"

    def request_headers(self) -> dict[str, str]:
        """Headers for the next attempt: ask for the rest when some bytes are already saved.

        ``Accept-Encoding: identity`` keeps the bytes on the wire the bytes of the file, so
        ``Content-Length`` and ranges count the same bytes as the file. An attempt that was
        decoding an encoded body never resumes: it starts again from byte 0.

        Example:
            >>> t = Transfer("u", RetryState(lambda: None), bytes_done=10)
            >>> t.request_headers()["Range"]
            'bytes=10-'
        """
        headers = {"Accept-Encoding": "identity"}
        if self.bytes_done and not self.codings:
            headers["Range"] = f"bytes={self.bytes_done}-"
            validator = if_range(self.etag, self.last_modified)
            if validator is not None:
                headers["If-Range"] = validator  # the file changed: the host sends all of it (200)
        return headers

    def resume(self, offset: int, meta: PartialMeta) -> None:
        """Continue the partial file of an earlier run, which holds *offset* bytes of *meta*'s file.

        Example:
            >>> t = Transfer("u", RetryState(lambda: None))
            >>> t.resume(800, PartialMeta("https://cdn/x.png", 2000, '"e1"'))
            >>> t.request_headers()
            {'Accept-Encoding': 'identity', 'Range': 'bytes=800-', 'If-Range': '"e1"'}
        """
        self.bytes_done, self.total = offset, meta.size
        self.etag, self.last_modified = meta.etag, meta.last_modified

    def meta(self) -> PartialMeta | None:
        """What a partial file of this download needs to be resumed by a later run; None if it cannot be.

        An encoded body, or one of unknown size, cannot be resumed.

        Example:
            >>> t = Transfer("https://cdn/x.png?signature=s", RetryState(lambda: None))
            >>> t.start(200, {"content-length": "2000", "etag": '"e1"'})
            <Start.REWRITE: 'rewrite'>
            >>> t.meta()
            PartialMeta(url='https://cdn/x.png', size=2000, etag='"e1"', last_modified=None)
        """
        if self.codings or not self.total:
            return None
        return PartialMeta(resource_of(self.url), self.total, self.etag, self.last_modified)

    def _changed(self, headers: Mapping[str, str], total: int | None) -> str | None:
        """Why a 206 is of another file than the one being saved, or None when it is the same."""
        if self.total is not None and total is not None and total != self.total:
            return f"its size changed from {self.total} to {total} bytes"
        etag, modified = headers.get("etag"), headers.get("last-modified")
        if self.etag and etag and etag != self.etag:
            return "its ETag changed"
        if not (self.etag and etag) and self.last_modified and modified and modified != self.last_modified:
            return "its Last-Modified changed"
        return None

    def start(self, status_code: int, headers: Mapping[str, str]) -> Start:
        """Read the status line of a response: rewrite, append, or the URL expired.

        Raises:
            TransientError: worth another attempt (retryable status, unexpected range).
            DownloadError: a final failure (e.g. 404, or a content coding that cannot be decoded).
        """
        if status_code in (403, 410):
            return Start.EXPIRED
        codings = content_codings(headers) if 200 <= status_code < 300 else ()
        if codings:
            return self._start_encoded(status_code, codings, headers)
        self.codings, self.encoded_length = (), None
        if status_code == 206:
            content_range = parse_content_range(headers.get("content-range"))
            if content_range is None or content_range[0] != self.bytes_done:
                self.bytes_done = 0
                raise TransientError("the download host sent an unexpected range", status_code=206)
            changed = self._changed(headers, content_range[1])
            if changed is not None:  # a range of another file: start again, from zero
                self.bytes_done, self.etag, self.last_modified = 0, None, None
                raise TransientError(f"the output changed on the download host ({changed})", status_code=206)
            self.total = content_range[1]
            self.etag = headers.get("etag") or self.etag
            self.last_modified = headers.get("last-modified") or self.last_modified
            self._open_window()
            return Start.APPEND
        if 200 <= status_code < 300:
            self.bytes_done = 0
            self.total = _content_length(headers)
            self.etag, self.last_modified = headers.get("etag"), headers.get("last-modified")
            self._open_window()
            return Start.REWRITE
        if status_code == 416:
            self.bytes_done = 0
            raise TransientError("the download host refused the range", status_code=416)
        if is_retryable_status(status_code):
            retry_after = parse_retry_after(headers.get("retry-after"))
            raise TransientError(
                f"the download host answered HTTP {status_code}",
                status_code=status_code,
                retry_after=retry_after,
            )
        raise DownloadError(f"the download host answered HTTP {status_code}", url=self.url)

    def _start_encoded(self, status_code: int, codings: tuple[str, ...], headers: Mapping[str, str]) -> Start:
        unknown = [c for c in codings if c not in decodable_codings()]
        if unknown:
            raise DownloadError(
                f"the download host encoded the body as {unknown[0]!r}, which cannot be decoded",
                url=self.url,
            )
        self.bytes_done, self.codings = 0, codings
        if status_code == 206:  # encoded bytes from some offset: no way to append them
            raise TransientError("the download host sent an encoded range", status_code=206)
        self.encoded_length, self.total = _content_length(headers), None
        self._open_window()
        return Start.REWRITE

    def _open_window(self) -> None:
        self._window_start, self._window_bytes = self.clock(), 0

    def received(self, size: int) -> None:
        """Count *size* more bytes saved.

        Raises:
            TransientError: the body is stalled (:class:`StallRule`): resume on a new connection.

        Example:
            >>> now = [0.0]
            >>> rule = StallRule(min_rate=100.0, window=1.0)
            >>> t = Transfer("u", RetryState(lambda: None), stall=rule, clock=lambda: now[0])
            >>> t.start(200, {"content-length": "1000"})
            <Start.REWRITE: 'rewrite'>
            >>> now[0] = 1.5
            >>> t.received(20)
            Traceback (most recent call last):
            ...
            magic_hour_ext._retry.TransientError: the download stalled: 20 bytes in 1.5 s, below ...
            >>> t.request_headers()["Range"]
            'bytes=20-'
        """
        self.bytes_done += size
        self._window_bytes += size
        elapsed = self.clock() - self._window_start
        if elapsed < self.stall.window:
            return
        if self.stall.stalled(self._window_bytes, elapsed):
            raise TransientError(
                f"the download stalled: {self._window_bytes} bytes in {elapsed:.3g} s, "
                f"below the floor of {self.stall.min_rate:g} bytes/s",
                summary=STALLED,
            )
        self._open_window()

    def finish(self, received: int | None = None) -> None:
        """Check the size when the body ends; *received* is the bytes this response sent on the wire.

        An identity body is checked by the bytes saved, an encoded one by the bytes received
        (``Content-Length`` counts those).

        Raises:
            TransientError: the body was shorter (resume) or longer (start again) than announced.

        Example:
            >>> t = Transfer("u", RetryState(lambda: None))
            >>> t.start(200, {"content-length": "40", "content-encoding": "gzip"})
            <Start.REWRITE: 'rewrite'>
            >>> t.received(100)
            >>> t.finish(received=30)
            Traceback (most recent call last):
            ...
            magic_hour_ext._retry.TransientError: the encoded body ended at 30 of 40 bytes
        """
        if self.codings:
            if self.encoded_length is not None and received is not None and received != self.encoded_length:
                self.bytes_done = 0
                raise TransientError(f"the encoded body ended at {received} of {self.encoded_length} bytes")
            return
        if self.total is None or self.bytes_done == self.total:
            return
        done = self.bytes_done
        if done > self.total:
            self.bytes_done = 0
            raise TransientError(f"the body ended at {done} of {self.total} bytes")
        raise TransientError(f"the body ended at {done} of {self.total} bytes", summary=LOST)
