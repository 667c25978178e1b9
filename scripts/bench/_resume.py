"""Row 6: the second run of a download that was interrupted half-way (issue 15, resume across runs).

Ours: a first ``check_result`` in a process of its own is interrupted (``KeyboardInterrupt``, as
Ctrl-C raises it) once half of the output has arrived; a second one, in a fresh process, finishes
the download. The official SDK has no resume: whatever its first run did, its second one downloads
the whole output, so that download is what is measured for it. Bytes are counted by the local
server (``RecordedRequest.bytes_sent`` of the second run's download requests), time by the child.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from magic_hour_ext.testing import MagicHourServer, Output, Project

from ._config import Config
from ._download import choose_size
from ._procs import BenchError, Worker, run_command
from ._stats import fmt_bytes, fmt_seconds, spread
from ._table import Section, compared, verdict

__all__ = ["MAX_SECOND_RUN_SHARE", "measure_resume"]

#: Target: the second run fetches at most this share of the output (what the first run left).
MAX_SECOND_RUN_SHARE = 0.51

# One run of ours: interrupted once `stop_at` bytes have arrived (0: never); prints its seconds.
_CHILD = """
import json, sys, time
from generated import AuthenticatedClient
from magic_hour_ext import check_result
base_url, token, project_id, directory, stop_at = sys.argv[1:6]

def interrupt(progress):
    if int(stop_at) and progress.bytes_done >= int(stop_at):
        raise KeyboardInterrupt

client = AuthenticatedClient(base_url=base_url, token=token)
started = time.perf_counter()
try:
    check_result(project_id, client=client, download_directory=directory, on_download_progress=interrupt)
except KeyboardInterrupt:
    print(json.dumps({"interrupted": True}))
    sys.exit(0)
print(json.dumps({"interrupted": False, "seconds": time.perf_counter() - started}))
"""


def _ours(server: MagicHourServer, project: Project, directory: Path, size: int) -> dict[str, float]:
    """Interrupt a first run half-way, then measure the second one: its seconds and the bytes it fetched."""
    directory.mkdir()
    try:
        results = []
        for stop_at in (size // 2, 0):
            argv = [sys.executable, "-c", _CHILD, server.base_url, server.token, project.id, str(directory)]
            server.clear_requests()
            done = run_command([*argv, str(stop_at)], timeout=size / (10 << 20) + 120)
            if done.returncode != 0:
                raise BenchError(f"ours: a run exited with status {done.returncode}")
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        first, second = results
        if not first["interrupted"] or second["interrupted"]:
            raise BenchError("ours: the first run was not interrupted, or the second one was")
        saved = directory / f"mh-{project.id}-1.bin"
        if not saved.is_file() or saved.stat().st_size != size:
            raise BenchError(f"ours: the second run did not save {size} bytes")
        fetched = sum(r.bytes_sent for r in server.download_requests())
        return {"seconds": second["seconds"], "bytes": fetched}
    finally:
        shutil.rmtree(directory)


def _official(server: MagicHourServer, project: Project, directory: Path, size: int) -> dict[str, float]:
    """The official SDK's second run: a whole download (it keeps nothing to resume from)."""
    directory.mkdir()
    try:
        server.clear_requests()
        spec = {"peer": "official", "task": "download", "directory": str(directory)}
        with Worker({**spec, "base_url": server.base_url, "token": server.token}) as worker:
            worker.wait_ready()
            worker.go([project.id])
            result = worker.result(timeout=size / (10 << 20) + 120)
        if result["error"] is not None:
            raise BenchError(f"official: {result['error']}")
        return {"seconds": result["seconds"], "bytes": sum(r.bytes_sent for r in server.download_requests())}
    finally:
        shutil.rmtree(directory)


def measure_resume(config: Config, scratch: Path) -> Section:
    """Row 6: bytes and time of the second run of an interrupted download, ours and the SDK's."""
    section = Section("7. Resuming an interrupted download")
    size = choose_size(config.resume_bytes, shutil.disk_usage(scratch).free)
    runs: dict[str, list[dict[str, float]]] = {"ours": [], "official": []}
    with MagicHourServer() as server:
        project = server.create_project(outputs=[Output(size=size, name="big.bin")])
        for repeat in range(config.resume_repeats):
            runs["ours"].append(_ours(server, project, scratch / f"ours-{repeat}", size))
            runs["official"].append(_official(server, project, scratch / f"official-{repeat}", size))
    fetched = {peer: spread([r["bytes"] for r in rs]) for peer, rs in runs.items()}
    seconds = {peer: spread([r["seconds"] for r in rs]) for peer, rs in runs.items()}
    what = f"a {fmt_bytes(size)} output interrupted half-way"
    section.rows += [
        compared(
            "7a",
            f"bytes fetched by the second run, {what}",
            fetched,
            fmt_bytes,
            target=f"≤ {MAX_SECOND_RUN_SHARE:.0%} of it",
            verdict=verdict(fetched["ours"].high <= MAX_SECOND_RUN_SHARE * size),
        ),
        compared("7b", f"wall time of the second run, {what}", seconds, fmt_seconds),
    ]
    if size < config.resume_bytes:
        section.notes.append(
            f"**Reduced size**: {fmt_bytes(size)} instead of {fmt_bytes(config.resume_bytes)}."
        )
    section.notes.append(
        f"{config.resume_repeats} repeats. Ours: a first `check_result` (a process of its own) is "
        "interrupted with KeyboardInterrupt once half the output has arrived, keeping its partial file; "
        "a second one, in a fresh process, resumes it with `Range` and `If-Range`. Before issue 15 the "
        "partial file was removed and the second run fetched the whole output, as the official SDK "
        "(which has no resume) does: its column is that whole download. Bytes: what the local server "
        "wrote to the socket for the second run's download requests (`bytes_sent`). Time: the call, "
        'in the child. Run it alone with `make bench ARGS="--only resume"`.'
    )
    return section
