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

from generated.models import ProjectError
from generated.types import Unset

from . import DownloadProgress, UploadProgress, redact_url
from ._kinds import Project, kind_of
from ._requests import project_outputs
from ._sizes import human_size

__all__ = [
    "FINAL_STATUSES",
    "BatchDisplay",
    "Display",
    "PlainBatchDisplay",
    "PlainDisplay",
    "RichBatchDisplay",
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


def project_json(project: Project, downloaded_paths: Sequence[Path] | None = ()) -> str:
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


def _seconds(value: object) -> str:
    return f"{value:g} s" if isinstance(value, int | float) and not isinstance(value, bool) else "-"


def _kind_rows(project: Project) -> list[tuple[str, str]]:
    """The rows that fit the kind: images for an image project; resolution, duration, fps for a video."""
    kind = kind_of(project).name
    if kind == "image":
        return [("images", _shown(getattr(project, "image_count", None)))]
    if kind == "video":
        width, height = getattr(project, "width", None), getattr(project, "height", None)
        both = all(isinstance(v, int) and not isinstance(v, bool) for v in (width, height))
        start, end = getattr(project, "start_seconds", None), getattr(project, "end_seconds", None)
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (start, end))
        return [
            ("resolution", f"{width}x{height}" if both else "-"),
            ("duration", _seconds(end - start) if numbers else "-"),  # type: ignore[operator]
            ("fps", _shown(getattr(project, "fps", None))),
        ]
    return []


def project_lines(project: Project) -> list[str]:
    """The details of *project* for people, one ``label  value`` line each; signed URLs redacted.

    A field the API did not send shows as ``-``. The rows fit the kind: ``images`` for an image
    project; ``resolution``, ``duration`` and ``fps`` for a video; none of those for audio.

    Example:
        >>> from generated.models import ImageProject, VideoProject
        >>> for line in project_lines(ImageProject.from_dict({"id": "p", "status": "queued"})):
        ...     print(line)
        id               p
        status           queued
        name             -
        type             -
        created at       -
        credits charged  -
        images           -
        >>> video = {"id": "v", "status": "queued", "width": 1024, "height": 576, "start_seconds": 0,
        ...          "end_seconds": 15.5, "fps": 30.0}
        >>> for line in project_lines(VideoProject.from_dict(video))[-3:]:
        ...     print(line)
        resolution       1024x576
        duration         15.5 s
        fps              30.0
    """
    rows: list[tuple[str, str]] = [
        ("id", clean(project.id)),
        ("status", clean(project.status)),
        ("name", _shown(project.name)),
        ("type", _shown(project.type_)),
        ("created at", _shown(project.created_at)),
        ("credits charged", _shown(project.credits_charged)),
        *_kind_rows(project),
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

    def start(self, project_id: str, timeout: float | None, kind: str) -> None:
        """A check of *project_id*, a project of *kind*, begins."""
        self._start = time.monotonic()

    def status(self, project: Project) -> None:
        """``on_status_change``: the project was seen for the first time, or its status changed."""

    def progress(self, event: DownloadProgress) -> None:
        """``on_download_progress``: bytes of an output arrived."""

    def upload(self, event: UploadProgress) -> None:
        """``on_upload_progress``: bytes of a local input file were sent (``done``: stored)."""

    def message(self, text: str) -> None:
        """A log line (a warning, or debug output)."""

    def close(self) -> None:
        """Stop any live display (idempotent)."""

    def _status_line(self, project: Project) -> tuple[str, str]:
        status = clean(project.status, 60)
        return f"{self.elapsed():6.1f} s  ", status

    @staticmethod
    def _header(project_id: str, timeout: float | None, kind: str) -> str:
        limit = "no timeout" if timeout is None else f"timeout {timeout:g} s"
        return f"Checking {kind} project {clean(project_id, 120)} ({limit})"


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

    def start(self, project_id: str, timeout: float | None, kind: str) -> None:
        super().start(project_id, timeout, kind)
        self._write(self._header(project_id, timeout, kind))

    def status(self, project: Project) -> None:
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

    def start(self, project_id: str, timeout: float | None, kind: str) -> None:
        super().start(project_id, timeout, kind)
        with self._lock:  # the upload bars, if any, are done: one live display at a time
            if self._downloads is not None:
                self._downloads.stop()
                self._downloads = None
        self._print(Text(self._header(project_id, timeout, kind), style="bold"))
        self._waiting = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            TimeElapsedColumn(),
            console=self._console,
            transient=True,
        )
        self._wait_task = self._waiting.add_task("waiting for the API")
        self._waiting.start()

    def status(self, project: Project) -> None:
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


class BatchDisplay(Display):
    """The events of many waits at once (``check-result`` with several ids, or ``--json``).

    ``status`` and ``progress`` come from every wait (``DownloadProgress.project_id`` tells which
    project an output is of); ``finished`` when one ends; ``summary`` once, at the end.
    """

    def begin(self, ids: Sequence[str], kind: str, timeout: float | None) -> None:
        """The waits of *ids*, projects of *kind*, begin."""
        self._start = time.monotonic()

    def finished(self, project_id: str, status: str | None, code: int, note: str) -> None:
        """The wait of *project_id* ended: its last status (None if never seen), exit code, and note."""

    def summary(self, outcomes: Sequence[tuple[str, str | None, int]]) -> None:
        """All waits ended: (id, status, exit code) each."""

    @staticmethod
    def summary_line(outcomes: Sequence[tuple[str, str | None, int]]) -> str:
        """``3 projects: 2 complete, 1 error (exit code 1)``: the count of each final status.

        Example:
            >>> BatchDisplay.summary_line([("a", "complete", 0), ("b", None, 4), ("c", "complete", 0)])
            '3 projects: 2 complete, 1 not seen (exit code 4)'
        """
        counts: dict[str, int] = {}
        for _, status, _code in outcomes:
            name = clean(status, 60) if status is not None else "not seen"
            counts[name] = counts.get(name, 0) + 1
        parts = ", ".join(f"{n} {name}" for name, n in counts.items())
        code = max((c for *_, c in outcomes), default=0)
        noun = "project" if len(outcomes) == 1 else "projects"
        return f"{len(outcomes)} {noun}: {parts} (exit code {code})"


class PlainBatchDisplay(BatchDisplay):
    """Plain lines on *stream*, each naming its project: ``<id>: rendering``."""

    def __init__(self, stream: TextIO, secret: str | None = None) -> None:
        super().__init__(secret)
        self._stream = stream
        self._done: set[tuple[str | None, int]] = set()

    def _write(self, line: str) -> None:
        with self._lock:
            print(clean(hide_secret(line, self.secret), 2000), file=self._stream, flush=True)

    def begin(self, ids: Sequence[str], kind: str, timeout: float | None) -> None:
        super().begin(ids, kind, timeout)
        limit = "no timeout" if timeout is None else f"timeout {timeout:g} s each"
        noun = "project" if len(ids) == 1 else "projects"
        self._write(f"Checking {len(ids)} {kind} {noun} ({limit})")

    def status(self, project: Project) -> None:
        self._write(f"{self.elapsed():6.1f} s  {clean(project.id, 120)}: {clean(project.status, 60)}")

    def progress(self, event: DownloadProgress) -> None:
        total = event.bytes_total
        key = (event.project_id, event.index)
        with self._lock:
            if total is None or event.bytes_done < total or key in self._done:
                return
            self._done.add(key)
        how = "already saved as" if event.already_saved else "saved"
        self._write(
            f"{self.elapsed():6.1f} s  {clean(event.project_id, 120)}: output {event.index} {how} "
            f"{clean(event.path, 2000)} ({human_size(total)})"
        )

    def finished(self, project_id: str, status: str | None, code: int, note: str) -> None:
        if code:
            self._write(f"{self.elapsed():6.1f} s  {clean(project_id, 120)}: {note}")

    def summary(self, outcomes: Sequence[tuple[str, str | None, int]]) -> None:
        self._write(self.summary_line(outcomes))

    def message(self, text: str) -> None:
        self._write(text)


class RichBatchDisplay(BatchDisplay):
    """One live line per project: its id, its status, then its downloads' bytes, rate and time."""

    def __init__(self, console: Console, secret: str | None = None) -> None:
        super().__init__(secret)
        self._console = console
        self._live: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._bytes: dict[str, dict[int, tuple[int, int | None]]] = {}
        self._width = 0

    def begin(self, ids: Sequence[str], kind: str, timeout: float | None) -> None:
        super().begin(ids, kind, timeout)
        limit = "no timeout" if timeout is None else f"timeout {timeout:g} s each"
        noun = "project" if len(ids) == 1 else "projects"
        self._console.print(Text(f"Checking {len(ids)} {kind} {noun} ({limit})", style="bold"))
        self._live = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            DownloadColumn(),
            TimeElapsedColumn(),
            console=self._console,
        )
        width = self._width = min(40, max((len(clean(i, 40)) for i in ids), default=0))
        for project_id in ids:
            self._tasks[project_id] = self._live.add_task(
                self._line(project_id, "waiting", width), total=None
            )
        self._live.start()

    def _line(self, project_id: str, status: str, width: int | None = None) -> str:
        return f"{clean(project_id, 40):<{width if width is not None else self._width}}  {status}"

    def _update(self, project_id: str | None, **fields: object) -> None:
        with self._lock:
            if self._live is None or project_id not in self._tasks:
                return
            self._live.update(self._tasks[project_id], **fields)  # type: ignore[arg-type]

    def status(self, project: Project) -> None:
        self._update(project.id, description=self._line(project.id, clean(project.status, 30)))

    def progress(self, event: DownloadProgress) -> None:
        if event.project_id is None:
            return
        with self._lock:
            outputs = self._bytes.setdefault(event.project_id, {})
            outputs[event.index] = (event.bytes_done, event.bytes_total)
            done = sum(d for d, _ in outputs.values())
            totals = [t for _, t in outputs.values()]
            total = None if None in totals else sum(t for t in totals if t is not None)
        self._update(event.project_id, completed=done, total=total)

    def finished(self, project_id: str, status: str | None, code: int, note: str) -> None:
        shown = clean(status, 30) if status is not None else "not seen"
        self._update(
            project_id, description=self._line(project_id, shown if not code else f"{shown}: {note}")
        )
        with self._lock:
            if self._live is not None and project_id in self._tasks:
                task = self._live.tasks[self._tasks[project_id]]
                self._live.update(self._tasks[project_id], total=task.total or 1, completed=task.total or 1)
                self._live.stop_task(self._tasks[project_id])

    def summary(self, outcomes: Sequence[tuple[str, str | None, int]]) -> None:
        self.close()
        self._console.print(Text(self.summary_line(outcomes), style="bold"))

    def message(self, text: str) -> None:
        self._console.print(Text(clean(hide_secret(text, self.secret), 2000), style="dim"), soft_wrap=True)

    def close(self) -> None:
        with self._lock:
            if self._live is not None:
                self._live.stop()
                self._live = None


def make_display(stream: TextIO, secret: str | None = None, *, batch: bool = False) -> Display:
    """A RichDisplay when *stream* is a terminal (as rich decides it), else a PlainDisplay.

    With *batch*, their BatchDisplay twins (many projects at once): RichBatchDisplay or
    PlainBatchDisplay.

    Example:
        >>> import io
        >>> type(make_display(io.StringIO())).__name__
        'PlainDisplay'
    """
    console = Console(file=stream)
    if console.is_terminal and not console.is_dumb_terminal:
        return RichBatchDisplay(console, secret) if batch else RichDisplay(console, secret)
    return PlainBatchDisplay(stream, secret) if batch else PlainDisplay(stream, secret)
