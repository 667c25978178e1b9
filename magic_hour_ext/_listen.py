"""``magic-hour-ext webhook listen``: receive Magic Hour webhooks, print each event, save completed outputs.

The receiver (``_receiver.py``) verifies each delivery with the secret of
``MAGIC_HOUR_WEBHOOK_SECRET``; this module prints one line per event (or one JSON object per line)
and, with *download*, saves the outputs of each completed project with :func:`acheck_result`
(one GET for fresh URLs, then the usual downloads: partial files, resume, existing files kept).
A project's outputs are downloaded once, however many times its event is delivered. Ctrl-C and
SIGTERM stop it cleanly: the receiver closes, downloads in progress keep their partial files.
"""

from __future__ import annotations

import asyncio
import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from attrs import frozen

from generated import AuthenticatedClient
from generated.catalog import KindName

from ._check import acheck_result
from ._errors import MagicHourError
from ._receiver import Answer, receive
from ._render import clean
from ._signature import WebhookKeys
from ._webhook_event import WebhookEvent

__all__ = ["ListenOptions", "event_line", "listen"]


@frozen
class ListenOptions:
    """What ``webhook listen`` was asked: where to listen, whether to download, where, how to print."""

    host: str = "127.0.0.1"
    port: int = 0
    download: bool = False
    output_dir: Path | None = None
    json: bool = False


def event_line(event: WebhookEvent, *, as_json: bool) -> str:
    """The line printed for *event*: words, or one JSON object.

    Example:
        >>> import datetime as dt
        >>> from generated.models import ImageProject
        >>> at = dt.datetime(2026, 5, 1, 12, 0, 5, tzinfo=dt.UTC)
        >>> project = ImageProject.from_dict({"id": "p", "status": "complete", "downloads": []})
        >>> event = WebhookEvent("image.completed", "image", "completed", project, {}, at, at)
        >>> event_line(event, as_json=False)
        '12:00:05  image.completed  p  complete'
        >>> json.loads(event_line(event, as_json=True))["project_id"]
        'p'
    """
    project = event.project
    if as_json:
        body: dict[str, Any] = {
            "type": event.type,
            "kind": event.kind,
            "event": event.event,
            "project_id": project.id if project is not None else None,
            "status": str(project.status) if project is not None else None,
            "received_at": event.received_at.isoformat(),
            "project": project.to_dict() if project is not None else event.payload,
        }
        return json.dumps(body, default=str)
    when = event.received_at.strftime("%H:%M:%S")
    if project is None:
        return f"{when}  {clean(event.type, 80)}  (an event type this client does not know)"
    return f"{when}  {clean(event.type, 80)}  {clean(project.id, 120)}  {clean(project.status, 40)}"


def listen(
    options: ListenOptions,
    keys: WebhookKeys,
    client: AuthenticatedClient | None,
    *,
    out: TextIO,
    err: TextIO,
    stop: threading.Event | None = None,
) -> None:
    """Receive deliveries until Ctrl-C, SIGTERM (or *stop*, for tests); print and download as asked.

    *client* is the API client for downloads (None without *options.download*). Events go to
    *out*; what the receiver is doing (its URL, refused deliveries, download errors) to *err*.
    """
    asyncio.run(_Listener(options, keys, client, out, err).run(stop))


class _Listener:
    def __init__(
        self,
        options: ListenOptions,
        keys: WebhookKeys,
        client: AuthenticatedClient | None,
        out: TextIO,
        err: TextIO,
    ) -> None:
        self.options = options
        self.keys = keys
        self.client = client
        self.out = out
        self.err = err
        self.downloading: set[str] = set()  # project ids whose outputs were (being) saved
        self.tasks: set[asyncio.Task[None]] = set()

    async def run(self, stop_flag: threading.Event | None) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        with _stopped_by_signals(loop, stop):
            if stop_flag is not None:
                loop.run_in_executor(None, _set_when, stop_flag, loop, stop)
            await receive(
                self.options.host,
                self.options.port,
                self.keys,
                self.on_answer,
                started=self.started,
                stop=stop,
            )
            if stop_flag is not None:
                stop_flag.set()  # ends the thread that waits for it
            for task in list(self.tasks):
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
            if self.client is not None:
                await self.client.get_async_httpx_client().aclose()
        self.say("Stopped.")

    def say(self, line: str) -> None:
        print(line, file=self.err, flush=True)

    def started(self, url: str) -> None:
        saving = f"; saving completed outputs into {self.directory}" if self.options.download else ""
        self.say(f"Listening for Magic Hour webhooks at {url} (any path){saving}")
        self.say("Stop it with Ctrl-C, or SIGTERM (kill <pid>).")

    @property
    def directory(self) -> Path:
        return self.options.output_dir if self.options.output_dir is not None else Path()

    def on_answer(self, answer: Answer) -> None:
        if answer.refused is not None:
            self.say(f"refused a delivery (400): {clean(answer.refused, 300)}")
            return
        event = answer.event
        if event is None:
            return
        print(event_line(event, as_json=self.options.json), file=self.out, flush=True)
        project = event.project
        if (
            self.options.download
            and event.event == "completed"
            and project is not None
            and event.kind is not None
            and project.id not in self.downloading
        ):
            self.downloading.add(project.id)
            task = asyncio.get_running_loop().create_task(self.save(project.id, event.kind))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def save(self, project_id: str, kind: KindName) -> None:
        try:
            result = await acheck_result(
                project_id,
                kind=kind,
                wait_for_completion=False,
                download_directory=self.directory,
                client=self.client,
            )
        except MagicHourError as exc:
            self.downloading.discard(project_id)  # the next delivery of its event tries again
            self.say(f"error: {kind} project {clean(project_id, 120)}: {clean(exc, 500)}")
            return
        paths = [str(path) for path in result.downloaded_paths]
        if self.options.json:
            line = json.dumps({"project_id": project_id, "downloaded_paths": paths})
        else:
            line = (
                "\n".join(f"saved  {clean(path, 500)}" for path in paths) or f"nothing to save: {project_id}"
            )
        print(line, file=self.out, flush=True)


def _set_when(flag: threading.Event, loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    """(In a worker thread) set *stop* in *loop* once *flag* is set."""
    flag.wait()
    loop.call_soon_threadsafe(stop.set)


@contextmanager
def _stopped_by_signals(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> Iterator[None]:
    """While the block runs, Ctrl-C (SIGINT) and SIGTERM set *stop* (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        yield
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
