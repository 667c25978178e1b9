"""One measured client process: magic-hour-ext ("ours") or the official SDK ("official").

The bench runs every client in a process of its own, so its CPU time and memory are its own and
the local server (in the parent process) is never counted. The protocol, one JSON line each way:

1. ``python worker.py '<spec>'``: imports the peer, makes its clients, prints ``{"ready": true}``;
2. the parent creates the projects on its server and writes ``{"ids": [...]}`` to stdin;
3. the worker runs its task on them at once and prints one JSON result line.

Tasks (``spec["task"]``):

- ``poll``: wait for each project (download off), one thread and one client per project;
  returns ``time.monotonic()`` when each call returned.
- ``download``: wait for one complete project and download its output into ``spec["directory"]``;
  returns the call's seconds and the process' resident memory before it and at its peak.
- ``upload``: upload the file ``spec["file"]`` (the ids are not used); returns what ``download``
  returns.
- ``generate``: run one generate of the background remover on ``spec["file"]`` into
  ``spec["directory"]`` (upload, create, wait, download; the ids are not used); returns what
  ``download`` returns.
- ``many``: await every project concurrently over one shared async client; returns the wall time.
- ``cpu``: wait for one project with a fixed poll interval of ``spec["interval"]`` seconds;
  returns the CPU seconds the process spent in the call.
- ``webhook`` (ours only): what ``poll`` does, waiting by webhook: a WebhookWaiter with the
  secret ``spec["secret"]``, fed by a small receiver on 127.0.0.1 whose URL the ready line gives
  (``{"ready": true, "url": ...}``: the parent points its server's webhooks there).

``spec["kind"]`` (``"image"`` by default, ``"video"``, ``"audio"``) is the kind of the projects:
the official SDK's ``v1.<kind>_projects``, our ``kind=``.
"""

from __future__ import annotations

import asyncio
import functools
import http.server
import importlib
import json
import os
import resource
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

__all__ = ["main"]

SyncCheck = Callable[[str], None]
AsyncCheck = Callable[[str], Awaitable[object]]


class _Peer:
    """How one peer waits for a project: a sync call (one client each) and an async one (shared)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.name: str = spec["peer"]
        self.base_url: str = spec["base_url"]
        self.token: str = spec["token"]
        self.directory: str | None = spec.get("directory")
        self.file: str | None = spec.get("file")
        self.interval: float | None = spec.get("interval")
        self.waiter: Any = None  # the task webhook's WebhookWaiter
        self.url: str | None = None  # ...and the URL of its receiver
        if spec["task"] == "webhook":
            self.waiter, self.url = _webhook_receiver(spec["secret"])
        self.kind: str = spec.get("kind", "image")
        if self.name == "official":
            # The official SDK ships no type hints, and only .venv-bench-<version> has it: load it as Any.
            self._sdk: Any = importlib.import_module("magic_hour")
            if self.interval is not None:
                os.environ["MAGIC_HOUR_POLL_INTERVAL"] = repr(self.interval)  # how the SDK takes one
        elif self.name != "ours":
            raise SystemExit(f"unknown peer {self.name!r}")

    def sync_check(self) -> SyncCheck:
        """A function that waits for one project (and downloads it when a directory is set)."""
        download = self.directory is not None
        if self.name == "official":
            v1 = self._sdk.Client(base_url=self.base_url, token=self.token).v1
            projects = getattr(v1, f"{self.kind}_projects")

            def official(id: str) -> None:
                projects.check_result(
                    id=id,
                    wait_for_completion=True,
                    download_outputs=download,
                    download_directory=self.directory,
                )

            return official

        from generated import AuthenticatedClient
        from magic_hour_ext import check_result

        client = AuthenticatedClient(base_url=self.base_url, token=self.token)
        client.get_httpx_client()  # made now, as the official SDK's is, not during the measurement
        kind: Any = self.kind  # a KindName, checked by check_result

        def ours(id: str) -> None:
            check_result(
                id,
                kind=kind,
                download_outputs=download,
                download_directory=self.directory,
                client=client,
                poll_interval=self.interval,
                webhooks=self.waiter,
            )

        return ours

    def uploader(self) -> SyncCheck:
        """A function that uploads ``spec["file"]`` (its argument is not used)."""
        file = self.file
        assert file is not None  # set for the upload task
        if self.name == "official":
            files = self._sdk.Client(base_url=self.base_url, token=self.token).v1.files

            def official(_: str) -> None:
                files.upload_file(file)  # reads the whole file, then one PUT

            return official

        from generated import AuthenticatedClient
        from magic_hour_ext import upload_file

        client = AuthenticatedClient(base_url=self.base_url, token=self.token)
        client.get_httpx_client()  # made now, as the official SDK's is

        def ours(_: str) -> None:
            upload_file(file, client=client)

        return ours

    def generator(self) -> SyncCheck:
        """A function that runs one background removal of ``spec["file"]`` (its argument is not used).

        The whole path: upload the local file, create, wait, download into ``spec["directory"]``.
        """
        file, directory = self.file, self.directory
        assert file is not None  # set for the generate task
        assert directory is not None
        if self.name == "official":
            tool = self._sdk.Client(base_url=self.base_url, token=self.token).v1.image_background_remover

            def official(_: str) -> None:
                tool.generate(assets={"image_file_path": file}, download_directory=directory)

            return official

        from generated import AuthenticatedClient
        from magic_hour_ext import generate

        client = AuthenticatedClient(base_url=self.base_url, token=self.token)
        client.get_httpx_client()  # made now, as the official SDK's is

        def ours(_: str) -> None:
            generate(
                "image-background-remover",
                {"assets": {"image_file_path": file}},
                client=client,
                download_directory=directory,
            )

        return ours

    def async_check(self) -> AsyncCheck:
        """A coroutine function that waits for one project, every call over one shared client."""
        if self.name == "official":
            v1 = self._sdk.AsyncClient(base_url=self.base_url, token=self.token).v1
            projects = getattr(v1, f"{self.kind}_projects")

            def official(id: str) -> Awaitable[object]:
                waiting: Awaitable[object] = projects.check_result(
                    id=id, wait_for_completion=True, download_outputs=False
                )
                return waiting

            return official

        from generated import AuthenticatedClient
        from magic_hour_ext import acheck_result

        client = AuthenticatedClient(base_url=self.base_url, token=self.token)
        client.get_async_httpx_client()  # made now, as the official SDK's is
        kind: Any = self.kind

        def ours(id: str) -> Awaitable[object]:
            return acheck_result(id, kind=kind, download_outputs=False, client=client)

        return ours


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _run_one(check: SyncCheck, id: str) -> dict[str, Any]:
    try:
        check(id)
    except Exception as exc:  # a failing peer is a result to report, not a crash of the bench
        return {"id": id, "returned": time.monotonic(), "error": _error(exc)}
    return {"id": id, "returned": time.monotonic(), "error": None}


def _poll(checks: list[SyncCheck], ids: list[str]) -> dict[str, Any]:
    with ThreadPoolExecutor(max_workers=max(1, len(ids))) as pool:
        calls = list(pool.map(_run_one, checks, ids))
    return {"calls": calls}


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset the kernel's peak-RSS mark (Linux >= 4.0); False when it cannot be done."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def _download(check: SyncCheck, ids: list[str]) -> dict[str, Any]:
    reset = _reset_peak()
    before = _status_kib("VmRSS")
    start = time.perf_counter()
    result = _run_one(check, ids[0])
    seconds = time.perf_counter() - start
    # Without /proc: ru_maxrss is the peak of the whole process life, so never below the truth.
    peak = _status_kib("VmHWM") if reset else None
    if peak is None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": seconds,
        "rss_before": (before or 0) * 1024,
        "rss_peak": peak * 1024,
        "exact_peak": reset and before is not None,
        "error": result["error"],
    }


async def _timed(waiting: Awaitable[object]) -> dict[str, Any]:
    try:
        await waiting
    except Exception as exc:  # reported, as in _run_one
        return {"returned": time.monotonic(), "error": _error(exc)}
    return {"returned": time.monotonic(), "error": None}


async def _gather(check: AsyncCheck, ids: list[str]) -> list[dict[str, Any]]:
    return await asyncio.gather(*(_timed(check(id)) for id in ids))


def _many(check: AsyncCheck, ids: list[str]) -> dict[str, Any]:
    calls = asyncio.run(_gather(check, ids))
    errors = [c["error"] for c in calls if c["error"] is not None]
    return {
        "ended": time.monotonic(),
        "returned": [c["returned"] for c in calls],
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
    }


def _cpu(check: SyncCheck, ids: list[str]) -> dict[str, Any]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = _run_one(check, ids[0])
    return {
        "cpu_seconds": time.process_time() - cpu,
        "seconds": time.perf_counter() - wall,
        "error": result["error"],
    }


def _webhook_receiver(secret: str) -> tuple[Any, str]:
    """A WebhookWaiter and the URL of a receiver (a daemon thread) whose handler feeds it."""
    from magic_hour_ext.webhooks import WebhookVerificationError, WebhookWaiter

    waiter = WebhookWaiter(secret=secret)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                waiter.deliver(body, dict(self.headers.items()))
                status = 200
            except WebhookVerificationError:
                status = 400
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return waiter, f"http://127.0.0.1:{server.server_address[1]}/webhooks"


def _prepare(peer: _Peer, spec: dict[str, Any]) -> Callable[[list[str]], dict[str, Any]]:
    task = spec["task"]
    if task == "poll":
        checks = [peer.sync_check() for _ in range(int(spec["count"]))]  # one client per call
        return functools.partial(_poll, checks)
    if task == "download":
        return functools.partial(_download, peer.sync_check())
    if task == "upload":  # measured as a download is: one call, its time and its peak memory
        return functools.partial(_download, peer.uploader())
    if task == "generate":  # the same: one call, its time and its peak memory
        return functools.partial(_download, peer.generator())
    if task == "many":
        return functools.partial(_many, peer.async_check())
    if task == "cpu":
        return functools.partial(_cpu, peer.sync_check())
    if task == "webhook":
        checks = [peer.sync_check() for _ in range(int(spec["count"]))]
        return functools.partial(_poll, checks)
    raise SystemExit(f"unknown task {task!r}")


def main(argv: list[str]) -> int:
    """Run the worker whose JSON spec is ``argv[1]``; see the module docstring."""
    spec: dict[str, Any] = json.loads(argv[1])
    peer = _Peer(spec)
    run = _prepare(peer, spec)  # imports and clients: before the clock starts
    print(json.dumps({"ready": True, "url": peer.url}), flush=True)
    go: dict[str, Any] = json.loads(sys.stdin.readline())
    print(json.dumps(run(go["ids"])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
