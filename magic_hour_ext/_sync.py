"""The sync driver: performs the actions of the flow with httpx.Client, threads and time.sleep.

All decisions are in ``_core.py``, ``_requests.py``, ``_download.py`` and ``_files.py``; this module
only does I/O. Outputs download concurrently on a few threads over ONE shared httpx.Client.
"""

from __future__ import annotations

import concurrent.futures as cf
import threading
import time
from pathlib import Path
from typing import Any, TypeVar

import httpx

from ._core import Action, Download, Fetch, Sleep, Stepper
from ._download import DownloadItem, DownloadOutcome, Transfer, outcome_of
from ._driver import DriverSettings
from ._files import open_sink, prepare_directory
from ._requests import ApiRequest
from ._result import CheckResult
from ._retry import RetryState

__all__ = ["SyncDriver"]

T = TypeVar("T")


class SyncDriver(DriverSettings[httpx.Client]):
    """Performs actions over *api* (the AuthenticatedClient's httpx.Client) and *downloads*."""

    def run(self, stepper: Stepper) -> CheckResult:
        """Run a flow to its end."""
        while (action := stepper.action) is not None:
            with stepper.step():
                stepper.send(self.perform(action))
        assert stepper.result is not None  # a finished flow always has a result
        return stepper.result

    def perform(self, action: Action) -> Any:
        """Do one action; return its outcome."""
        if isinstance(action, Sleep):
            return time.sleep(action.seconds)
        if isinstance(action, Fetch):
            return self.request(action.request)
        return self.download(action)

    def request(self, request: ApiRequest[T]) -> T:
        """Send an API request, with its retries."""
        for attempt in request.retry.retrying():
            with attempt, request.guard():
                return request.read(self.api.request(**request.send_kwargs(self.api.timeout)))
        raise AssertionError("unreachable: stamina re-raises the last error")

    def download(self, action: Download) -> DownloadOutcome:
        """Save the outputs of *action*, a few at a time; the first failure stops the others."""
        prepare_directory(action.directory)
        if len(action.items) == 1 or self.max_concurrent == 1:
            return outcome_of(action.items, [self.download_one(item, None) for item in action.items])
        cancel = threading.Event()
        pool = cf.ThreadPoolExecutor(min(self.max_concurrent, len(action.items)), "magic-hour-download")
        try:
            futures = [pool.submit(self.download_one, item, cancel) for item in action.items]
            cf.wait(futures, return_when=cf.FIRST_EXCEPTION)
            return outcome_of(action.items, [f.result() for f in futures])
        except BaseException:
            cancel.set()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def download_one(self, item: DownloadItem, cancel: threading.Event | None) -> Path | None:
        """Save one output; None when its URL expired."""
        assert self.downloads is not None  # set by the caller whenever downloads are wanted
        transfer = Transfer(item.url, RetryState(lambda: None))
        with open_sink(
            item, transfer, overwrite=self.overwrite, on_progress=self.on_progress, cancel=cancel
        ) as sink:
            for attempt in transfer.retry.retrying():
                with attempt, self.downloads.stream(**sink.stream_kwargs()) as response:
                    if not sink.begin(response.status_code, response.headers):
                        return None
                    for chunk in response.iter_raw():
                        sink.write(chunk)
                    return sink.finish()
        raise AssertionError("unreachable: stamina re-raises the last error")
