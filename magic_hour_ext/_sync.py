"""The sync driver: performs the actions of the flow with httpx.Client, threads and time.sleep.

All decisions are in ``_core.py``, ``_requests.py``, ``_download.py`` and ``_files.py``; this module
only does I/O. Outputs download concurrently on a few threads over ONE shared httpx.Client; the
first failure, or Ctrl-C, stops them all within about CANCEL_GRACE seconds (see :class:`Batch`).
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TypeVar

import httpx

from ._core import Action, Download, Fetch, Sleep, Stepper
from ._download import DownloadItem, DownloadOutcome, outcome_of
from ._driver import DriverSettings
from ._files import Cancelled, Sink, open_sink, prepare_directory
from ._network import request_deadline
from ._requests import ApiRequest
from ._result import CheckResult
from ._upload import PutTransfer
from ._upload_body import FileBody, file_size

__all__ = ["CANCEL_GRACE", "Batch", "SyncDriver"]

#: After a failure or Ctrl-C, how long the main thread waits for download workers to stop.
CANCEL_GRACE = 0.5

T = TypeVar("T")


class SyncDriver(DriverSettings[httpx.Client]):
    """Performs actions over *api* (the AuthenticatedClient's httpx.Client) and *downloads*."""

    def run(self, stepper: Stepper) -> CheckResult[Any]:
        """Run a flow to its end."""
        while (action := stepper.action) is not None:
            with stepper.step():
                stepper.send(self.perform(action))
        assert stepper.result is not None  # a finished flow always has a result
        return stepper.result

    def perform(self, action: Action) -> Any:
        """Do one action; return its outcome."""
        if isinstance(action, Sleep):
            if action.wake_on is not None and self.webhooks is not None:
                return self.webhooks.sleep(action.wake_on, action.seconds)
            return time.sleep(action.seconds)
        if isinstance(action, Fetch):
            return self.request(action.request)
        return self.download(action)

    def request(self, request: ApiRequest[T]) -> T:
        """Send an API request, with its retries; each attempt ends by its limit on a DeadlineTransport."""
        with request.reporting(self.api.base_url):
            for attempt in request.retry.retrying():
                with attempt, request.guard(), request_deadline(request.limit()):
                    return request.read(self.api.request(**request.send_kwargs(self.api.timeout)))
        raise AssertionError("unreachable: stamina re-raises the last error")

    def download(self, action: Download) -> DownloadOutcome:
        """Save the outputs of *action*, a few at a time; the first failure stops the others.

        Each output downloads on a daemon worker thread; the main thread waits for their results
        and raises the first failure as soon as it arrives (or KeyboardInterrupt). It then cancels
        the batch (:meth:`Batch.cancel`) and gives the workers CANCEL_GRACE seconds to clean up;
        a worker still blocked after that (e.g. waiting for response headers) is left to end on
        its own: it can no longer save anything; a private temporary file loses its name, and the
        output's partial file is kept for the next run (see ``_files.Sink.abandon``).
        """
        prepare_directory(action.directory)
        batch = Batch()
        if len(action.items) == 1 or self.max_concurrent == 1:  # the main thread does the I/O
            return outcome_of(action.items, [self.download_one(item, batch) for item in action.items])
        todo: queue.SimpleQueue[tuple[int, DownloadItem]] = queue.SimpleQueue()
        done: queue.SimpleQueue[tuple[int, Path | None, BaseException | None]] = queue.SimpleQueue()
        for position, item in enumerate(action.items):
            todo.put((position, item))

        def work() -> None:
            while not batch.cancelled.is_set():
                try:
                    position, item = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    done.put((position, self.download_one(item, batch), None))
                except BaseException as exc:  # handed to the main thread, which raises it
                    done.put((position, None, exc))

        workers = [
            threading.Thread(target=work, name=f"magic-hour-download-{n}", daemon=True)
            for n in range(min(self.max_concurrent, len(action.items)))
        ]
        results: list[Path | None] = [None] * len(action.items)
        try:
            for worker in workers:
                worker.start()
            for _ in action.items:
                position, path, error = done.get()
                if error is not None:
                    raise error
                results[position] = path
        except BaseException:
            batch.cancel()
            batch.settle(workers, CANCEL_GRACE)
            raise
        return outcome_of(action.items, results)

    def download_one(self, item: DownloadItem, batch: Batch) -> Path | None:
        """Save one output; None when its URL expired."""
        assert self.downloads is not None  # set by the caller whenever downloads are wanted
        opening = open_sink(
            item,
            overwrite=self.overwrite,
            on_progress=self.on_progress,
            cancel=batch.cancelled,
            stall=self.stall,
        )
        with opening as sink, batch.holding(sink):
            for attempt in sink.transfer.retry.retrying():
                with attempt, batch.attempt(self.downloads.stream(**sink.stream_kwargs())) as response:
                    if sink.begin(response.status_code, response.headers):
                        for chunk in response.iter_bytes() if sink.decoding else response.iter_raw():
                            sink.write(chunk)
                    return sink.finish(response.num_bytes_downloaded)
        raise AssertionError("unreachable: stamina re-raises the last error")

    def upload(self, put: PutTransfer, on_chunk: Callable[[int, int], None] | None = None) -> str:
        """PUT one file to its upload URL, with its retries; each attempt sends the file from its start."""
        assert self.uploads is not None  # set by the caller whenever uploads are made
        with put.errors():
            for attempt in put.retry.retrying():
                with attempt:
                    put.attempts += 1
                    size = file_size(put.file.path)
                    body = FileBody(put.file.path, size, on_chunk)
                    response = self.uploads.request(**put.request_kwargs(size), content=body)
                    return put.finish(response.status_code, response.headers, response.content)
        raise AssertionError("unreachable: stamina re-raises the last error")


def _shut_down(response: httpx.Response) -> None:
    """Wake a thread blocked reading *response*: shut its socket down (reads then see EOF).

    ``socket.shutdown`` wakes a blocked ``recv`` in another thread at once, where ``close`` would
    not. The base class's method is called so that a TLS socket keeps its SSL object for the reader.
    Responses without a socket (custom transports) are left alone.
    """
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Batch:
    """What the worker threads of one download batch share, so the main thread can stop them.

    Workers check :attr:`cancelled` before each attempt and each chunk; :meth:`cancel` also wakes
    those blocked reading a body, by shutting down the socket of every response they hold.
    """

    def __init__(self) -> None:
        self.cancelled = threading.Event()
        self._lock = threading.Lock()
        self._responses: set[httpx.Response] = set()
        self._sinks: set[Sink] = set()

    def check(self) -> None:
        """Raise Cancelled when the batch was cancelled."""
        if self.cancelled.is_set():
            raise Cancelled

    @contextlib.contextmanager
    def holding(self, sink: Sink) -> Iterator[None]:
        """Let :meth:`settle` abandon *sink*'s file if its worker does not stop in time."""
        with self._lock:
            self._sinks.add(sink)
        try:
            yield
        finally:
            with self._lock:
                self._sinks.discard(sink)

    @contextlib.contextmanager
    def attempt(self, opening: AbstractContextManager[httpx.Response]) -> Iterator[httpx.Response]:
        """One attempt's response (*opening* is ``client.stream(...)``), which :meth:`cancel` can wake.

        Not started once cancelled. Any failure after cancelling becomes Cancelled, which is not
        retryable: the retry loop stops at once instead of backing off.
        """
        self.check()
        try:
            with opening as response:
                with self._lock:
                    self._responses.add(response)
                try:
                    self.check()
                    yield response
                finally:
                    with self._lock:
                        self._responses.discard(response)
        except Exception:
            if self.cancelled.is_set():
                raise Cancelled from None
            raise

    def cancel(self) -> None:
        """Stop every worker: no new attempt or chunk, and blocked body reads woken up."""
        with self._lock:
            self.cancelled.set()
            responses = list(self._responses)
        for response in responses:
            _shut_down(response)

    def settle(self, workers: list[threading.Thread], grace: float) -> None:
        """Wait up to *grace* seconds for *workers* to end, then abandon what they left behind."""
        deadline = time.monotonic() + grace
        for worker in workers:
            if worker.ident is not None:
                worker.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            sinks = list(self._sinks)
        for sink in sinks:
            sink.abandon()
