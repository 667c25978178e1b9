"""What the command line shows: status lines, download bars, project details, JSON, error lines.

A :class:`Display` receives the events of one command (``status`` from ``on_status_change``,
``progress`` from ``on_download_progress``, ``message`` from log records) and shows them on
standard error: with rich's live spinner and progress bars on a terminal (:class:`RichDisplay`),
as plain log lines without any control character otherwise (:class:`PlainDisplay`). Standard
output only ever gets the result (paths, project details or one JSON object).

Everything that came from the server (statuses, names, error messages) is shown through
:func:`clean`, so it cannot move the cursor or inject rich markup, and every line passes through
:func:`hide_secret`, so the API key is never shown.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from generated.models import ImageProject, ProjectError
from generated.types import Unset

from . import DownloadProgress, UploadProgress, redact_url
from ._requests import project_outputs
from ._sizes import human_size

__all__ = [
    "FINAL_STATUSES",
    "Display",
    "PlainDisplay",
    "RichDisplay",
    "clean",
    "hide_secret",
    "human_size",
    "make_display",
    "project_json",
    "project_lines",
]

FINAL_STATUSES = frozenset({"complete", "error", "canceled"})
_STYLES = {"queued": "yellow", "rendering": "cyan", "complete": "green", "error": "red", "canceled": "red"}
_REDACTED = "***"


def clean(text: object, limit: int = 300) -> str:
    """*text* as one printable line: control characters become ``?``, cut to *limit* characters.

    Example:
        >>> clean("rendering\\x1b[2J\\nnow")
        'rendering?[2J?now'
    """
    line = "".join(ch if ch.isprintable() else "?" for ch in str(text))
    return line if len(line) <= limit else line[: limit - 3] + "..."


def hide_secret(text: str, secret: str | None) -> str:
    """*text* with *secret* replaced by ``***``, also where it shows escaped by ``repr`` (up to thrice).

    Example:
        >>> hide_secret("Illegal header value b'Bearer k\\\\ney'", "k\\ney")
        "Illegal header value b'Bearer ***'"
    """
    if not secret:
        return text
    forms: set[str] = set()
    level = {secret}
    for _ in range(4):
        forms |= level
        level = {repr(form)[1:-1] for form in level} | {
            repr(form.encode("utf-8", "backslashreplace"))[2:-1] for form in level
        }
    for form in sorted(forms, key=len, reverse=True):
        if form:
            text = text.replace(form, _REDACTED)
    return text


def project_json(project: ImageProject, downloaded_paths: Sequence[Path] | None = ()) -> str:
    """The ``--json`` output: ``project.to_dict()`` plus ``downloaded_paths`` (unless None), one object.

    Example:
        >>> import json
        >>> from generated.models import ImageProject
        >>> project = ImageProject.from_dict({"id": "p", "status": "complete", "downloads": []})
        >>> json.loads(project_json(project))["downloaded_paths"]
        []
        >>> "downloaded_paths" in json.loads(project_json(project, None))  # get --json: the project alone
        False
    """
    body = project.to_dict()
    if downloaded_paths is not None:
        body["downloaded_paths"] = [str(path) for path in downloaded_paths]
    return json.dumps(body, indent=2, default=str)


def _shown(value: object) -> str:
    """A field's value for people: ``-`` when the body did not have it (UNSET) or had null."""
    if value is None or isinstance(value, Unset):
        return "-"
    return clean(value.isoformat() if isinstance(value, dt.datetime) else value)


def project_lines(project: ImageProject) -> list[str]:
    """The details of *project* for people, one ``label  value`` line each; signed URLs redacted.

    A field the API did not send shows as ``-``.

    Example:
        >>> from generated.models import ImageProject
        >>> for line in project_lines(ImageProject.from_dict({"id": "p", "status": "queued"})):
        ...     print(line)
        id               p
        status           queued
        name             -
        type             -
        created at       -
        credits charged  -
        images           -
    """
    rows: list[tuple[str, str]] = [
        ("id", clean(project.id)),
        ("status", clean(project.status)),
        ("name", _shown(project.name)),
        ("type", _shown(project.type_)),
        ("created at", _shown(project.created_at)),
        ("credits charged", _shown(project.credits_charged)),
        ("images", _shown(project.image_count)),
    ]
    if isinstance(project.error, ProjectError):
        code = clean(project.error.code) if isinstance(project.error.code, str) else ""
        message = clean(project.error.message) if isinstance(project.error.message, str) else ""
        rows.append(("error", f"{code}: {message}" if code and message else code or message or "-"))
    outputs = project_outputs(project)
    for index, download in enumerate(outputs, start=1):
        rows.append(
            (
                f"download {index}",
                f"{clean(redact_url(download.url))}  (expires {download.expires_at.isoformat()})",
            )
        )
    lines = [f"{label:<16} {value}" for label, value in rows]
    if outputs:
        lines.append("(signed URLs are hidden here; --json shows them in full)")
    return lines


class Display:
    """The events of one command, shown on standard error; the base class shows nothing.

    Subclasses are thread-safe: ``progress`` is called from download threads.
    """

    def __init__(self, secret: str | None = None) -> None:
        self.secret = secret
        self._start = time.monotonic()
        self._lock = threading.RLock()

    def elapsed(self) -> float:
        """Seconds since :meth:`start` (or since the display was made)."""
        return time.monotonic() - self._start

    def start(self, project_id: str, timeout: float | None) -> None:
        """A check of *project_id* begins."""
        self._start = time.monotonic()

    def status(self, project: ImageProject) -> None:
        """``on_status_change``: the project was seen for the first time, or its status changed."""

    def progress(self, event: DownloadProgress) -> None:
        """``on_download_progress``: bytes of an output arrived."""

    def upload(self, event: UploadProgress) -> None:
        """``on_upload_progress``: bytes of a local input file were sent (``done``: stored)."""

    def message(self, text: str) -> None:
        """A log line (a warning, or debug output)."""

    def close(self) -> None:
        """Stop any live display (idempotent)."""

    def _status_line(self, project: ImageProject) -> tuple[str, str]:
        status = clean(project.status, 60)
        return f"{self.elapsed():6.1f} s  ", status

    @staticmethod
    def _header(project_id: str, timeout: float | None) -> str:
        limit = "no timeout" if timeout is None else f"timeout {timeout:g} s"
        return f"Checking image project {clean(project_id, 120)} ({limit})"


class PlainDisplay(Display):
    """Plain log lines on *stream*, for logs and pipes: no colours, no cursor moves, no ``\\r``."""

    def __init__(self, stream: TextIO, secret: str | None = None) -> None:
        super().__init__(secret)
        self._stream = stream
        self._seen: set[int] = set()
        self._done: set[int] = set()

    def _write(self, line: str) -> None:
        with self._lock:
            print(clean(hide_secret(line, self.secret), 2000), file=self._stream, flush=True)

    def start(self, project_id: str, timeout: float | None) -> None:
        super().start(project_id, timeout)
        self._write(self._header(project_id, timeout))

    def status(self, project: ImageProject) -> None:
        elapsed, status = self._status_line(project)
        self._write(elapsed + status)

    def progress(self, event: DownloadProgress) -> None:
        with self._lock:
            first = event.index not in self._seen
            self._seen.add(event.index)
            total = event.bytes_total
            finished = total is not None and event.bytes_done >= total and event.index not in self._done
            if finished:
                self._done.add(event.index)
        output = f"{self.elapsed():6.1f} s  output {event.index}:"
        if event.already_saved:
            if finished:
                self._write(f"{output} already saved as {event.path} ({human_size(total)})")
            return
        if first and event.bytes_done:  # the partial file of an earlier run
            self._write(
                f"{output} resuming {event.path} from {human_size(event.bytes_done)} of {human_size(total)}"
            )
        elif first:
            self._write(f"{output} downloading to {event.path} ({human_size(total)})")
        if finished:
            self._write(f"{output} received {human_size(total)}")

    def upload(self, event: UploadProgress) -> None:
        if event.done:
            self._write(f"{self.elapsed():6.1f} s  uploaded {event.path} ({human_size(event.bytes_total)})")
        elif event.bytes_sent == 0:
            self._write(f"{self.elapsed():6.1f} s  uploading {event.path} ({human_size(event.bytes_total)})")

    def message(self, text: str) -> None:
        self._write(text)


class RichDisplay(Display):
    """A live spinner while waiting, then one progress bar per download (bytes, rate, ETA)."""

    def __init__(self, console: Console, secret: str | None = None) -> None:
        super().__init__(secret)
        self._console = console
        self._waiting: Progress | None = None
        self._wait_task: TaskID | None = None
        self._downloads: Progress | None = None
        self._tasks: dict[int, TaskID] = {}
        self._uploads: dict[Path, TaskID] = {}
        self._closed = False

    def _print(self, text: Text) -> None:
        # A print during a live display goes above it.
        self._console.print(text, soft_wrap=True, highlight=False)

    def start(self, project_id: str, timeout: float | None) -> None:
        super().start(project_id, timeout)
        with self._lock:  # the upload bars, if any, are done: one live display at a time
            if self._downloads is not None:
                self._downloads.stop()
                self._downloads = None
        self._print(Text(self._header(project_id, timeout), style="bold"))
        self._waiting = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            TimeElapsedColumn(),
            console=self._console,
            transient=True,
        )
        self._wait_task = self._waiting.add_task("waiting for the API")
        self._waiting.start()

    def status(self, project: ImageProject) -> None:
        elapsed, status = self._status_line(project)
        self._print(Text.assemble((elapsed, "dim"), (status, _STYLES.get(status, "magenta"))))
        with self._lock:
            if str(project.status) in FINAL_STATUSES:
                self._stop_waiting()
            elif self._waiting is not None and self._wait_task is not None:
                self._waiting.update(self._wait_task, description=status)

    def _stop_waiting(self) -> None:
        if self._waiting is not None:
            self._waiting.stop()
            self._waiting = None

    def _bars(self) -> Progress:
        """The transfer bars (uploads, then downloads), started on first use; call with the lock held."""
        if self._downloads is None:
            self._downloads = Progress(
                TextColumn("  {task.description}", markup=False),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
                console=self._console,
            )
            self._downloads.start()
        return self._downloads

    def progress(self, event: DownloadProgress) -> None:
        with self._lock:
            if self._closed:
                return
            self._stop_waiting()
            if event.already_saved and event.index not in self._tasks:  # no bar: nothing to download
                self._print(Text(f"  {clean(event.path)}: already saved ({human_size(event.bytes_total)})"))
                return
            downloads = self._bars()
            task = self._tasks.get(event.index)
            if task is None:
                task = downloads.add_task(event.path.name, total=event.bytes_total)
                self._tasks[event.index] = task
        downloads.update(task, completed=event.bytes_done, total=event.bytes_total)

    def upload(self, event: UploadProgress) -> None:
        with self._lock:
            if self._closed:
                return
            self._stop_waiting()
            bars = self._bars()
            task = self._uploads.get(event.path)
            if task is None:
                task = bars.add_task(f"upload {clean(event.path.name)}", total=event.bytes_total)
                self._uploads[event.path] = task
        bars.update(task, completed=event.bytes_sent, total=event.bytes_total)

    def message(self, text: str) -> None:
        self._print(Text(clean(hide_secret(text, self.secret), 2000), style="dim"))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._stop_waiting()
            if self._downloads is not None:
                self._downloads.stop()
                self._downloads = None


def make_display(stream: TextIO, secret: str | None = None) -> Display:
    """A RichDisplay when *stream* is a terminal (as rich decides it), else a PlainDisplay.

    Example:
        >>> import io
        >>> type(make_display(io.StringIO())).__name__
        'PlainDisplay'
    """
    console = Console(file=stream)
    if console.is_terminal and not console.is_dumb_terminal:
        return RichDisplay(console, secret)
    return PlainDisplay(stream, secret)
