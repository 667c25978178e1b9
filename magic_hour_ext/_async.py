"""The async driver: performs the actions of the flow with httpx.AsyncClient and anyio.

The twin of ``_sync.py`` (asyncio and trio alike): all decisions are in the shared modules. Outputs
download concurrently in a task group, a few at a time, over ONE shared httpx.AsyncClient.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio
import httpx

from ._core import Action, Download, Fetch, Sleep, Stepper
from ._download import DownloadItem, DownloadOutcome, outcome_of
from ._driver import DriverSettings
from ._files import open_sink, prepare_directory
from ._gate import request_gate
from ._requests import ApiRequest
from ._result import CheckResult
from ._upload import PutTransfer
from ._upload_body import FileBody, file_size

__all__ = ["AsyncDriver", "first_error"]

T = TypeVar("T")


def first_error(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The error to raise for a task group that failed: its first leaf that is not a cancellation."""
    leaves: list[BaseException] = []

    def walk(exc: BaseException) -> None:
        if isinstance(exc, BaseExceptionGroup):
            for inner in exc.exceptions:
                walk(inner)
        else:
            leaves.append(exc)

    walk(group)
    cancelled = anyio.get_cancelled_exc_class()
    return next((e for e in leaves if not isinstance(e, cancelled)), leaves[0] if leaves else group)


class AsyncDriver(DriverSettings[httpx.AsyncClient]):
    """Performs actions over *api* (the AuthenticatedClient's httpx.AsyncClient) and *downloads*."""

    async def run(self, stepper: Stepper) -> CheckResult[Any]:
        """Run a flow to its end."""
        while (action := stepper.action) is not None:
            with stepper.step():
                stepper.send(await self.perform(action))
        assert stepper.result is not None  # a finished flow always has a result
        return stepper.result

    async def perform(self, action: Action) -> Any:
        """Do one action; return its outcome."""
        if isinstance(action, Sleep):
            if action.wake_on is not None and self.webhooks is not None:
                return await self.webhooks.asleep(action.wake_on, action.seconds)
            return await anyio.sleep(action.seconds)
        if isinstance(action, Fetch):
            return await self.request(action.request)
        return await self.download(action)

    async def request(self, request: ApiRequest[T]) -> T:
        """Send an API request, with its retries; each attempt (the gate included) ends by its limit."""
        with request.reporting(self.api.base_url):
            async for attempt in request.retry.retrying():
                with attempt, request.guard(), anyio.fail_after(request.limit()):
                    async with request_gate(self.api):
                        return request.read(await self.api.request(**request.send_kwargs(self.api.timeout)))
        raise AssertionError("unreachable: stamina re-raises the last error")

    async def download(self, action: Download) -> DownloadOutcome:
        """Save the outputs of *action*, a few at a time; the first failure cancels the others."""
        prepare_directory(action.directory)
        results: list[Path | None] = [None] * len(action.items)
        limiter = anyio.CapacityLimiter(self.max_concurrent)

        async def one(position: int, item: DownloadItem) -> None:
            async with limiter:
                results[position] = await self.download_one(item)

        try:
            async with anyio.create_task_group() as group:
                for position, item in enumerate(action.items):
                    group.start_soon(one, position, item)
        except BaseExceptionGroup as group_error:
            raise first_error(group_error) from None
        return outcome_of(action.items, results)

    async def download_one(self, item: DownloadItem) -> Path | None:
        """Save one output; None when its URL expired."""
        assert self.downloads is not None  # set by the caller whenever downloads are wanted
        opening = open_sink(item, overwrite=self.overwrite, on_progress=self.on_progress, stall=self.stall)
        with opening as sink:
            async for attempt in sink.transfer.retry.retrying():
                with attempt:
                    async with self.downloads.stream(**sink.stream_kwargs()) as response:
                        if sink.begin(response.status_code, response.headers):
                            body = response.aiter_bytes() if sink.decoding else response.aiter_raw()
                            async for chunk in body:
                                sink.write(chunk)
                        return sink.finish(response.num_bytes_downloaded)
        raise AssertionError("unreachable: stamina re-raises the last error")

    async def upload(self, put: PutTransfer, on_chunk: Callable[[int, int], None] | None = None) -> str:
        """PUT one file to its upload URL, with its retries; each attempt sends the file from its start."""
        assert self.uploads is not None  # set by the caller whenever uploads are made
        with put.errors():
            async for attempt in put.retry.retrying():
                with attempt:
                    put.attempts += 1
                    size = file_size(put.file.path)
                    body = FileBody(put.file.path, size, on_chunk)
                    response = await self.uploads.request(
                        **put.request_kwargs(size), content=body.asynchronous()
                    )
                    return put.finish(response.status_code, response.headers, response.content)
        raise AssertionError("unreachable: stamina re-raises the last error")
