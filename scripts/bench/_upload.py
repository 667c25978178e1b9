"""Row 6: one big file uploaded by ``upload_file``, by the official SDK's ``upload_file`` and by ``curl -T``.

Each upload runs in a process of its own, as the downloads of row 2 do, against the local server
in the parent, which streams every upload to its own temporary directory (emptied after each
run). The Python peers are timed around their whole call (the upload-urls POST, then the PUT);
curl around its PUT alone (``time_total``), to an upload URL the parent asked for. Memory as in
row 2: peak RSS during the call minus RSS before it (Python peers), curl's peak minus that of
the same curl uploading 1 KiB.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx

from magic_hour_ext.testing import Fault, MagicHourServer

from ._config import Config
from ._download import choose_size, transfer_rows
from ._procs import BenchError, Worker, run_command
from ._stats import MIB, fmt_bytes
from ._table import Section

__all__ = ["measure_upload", "write_file"]

#: A tmpfs: the server keeps each upload there, so that the disk's writeback never throttles it.
_SHM = "/dev/shm"  # noqa: S108 - the server's own temporary directory, made with mkdtemp inside


def write_file(path: Path, size: int) -> None:
    """A file of *size* bytes of varied (not sparse) data, written a MiB at a time.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     write_file(Path(folder, "f.mp4"), 3 * MIB + 5)
        ...     Path(folder, "f.mp4").stat().st_size == 3 * MIB + 5
        True
    """
    block = os.urandom(MIB)
    with path.open("wb") as out:
        for offset in range(0, size, MIB):
            out.write(block[: min(MIB, size - offset)])


def _upload_url(server: MagicHourServer) -> str:
    response = httpx.post(
        server.base_url + "/v1/files/upload-urls",
        headers={"Authorization": f"Bearer {server.token}"},
        json={"items": [{"type": "video", "extension": "mp4"}]},
    )
    response.raise_for_status()
    return str(response.json()["items"][0]["upload_url"])


def _stored(server: MagicHourServer) -> int:
    sizes = [upload.size for upload in server.uploads.values()]
    server.clear_uploads()
    return sizes[0] if len(sizes) == 1 else -1


def _python_peer(peer: str, server: MagicHourServer, file: Path, size: int) -> dict[str, float]:
    spec = {"peer": peer, "task": "upload", "file": str(file)}
    with Worker({**spec, "base_url": server.base_url, "token": server.token}) as worker:
        worker.wait_ready()
        worker.go(["-"])
        result = worker.result(timeout=size / (20 * MIB) + 120)
    stored = _stored(server)
    if result["error"] is not None:
        raise BenchError(f"{peer}: {result['error']}")
    if stored != size:
        raise BenchError(f"{peer}: the server stored {stored} bytes, not {size}")
    if not result["exact_peak"]:
        raise BenchError(f"{peer}: /proc/self/clear_refs is not available: no exact peak RSS")
    return {"seconds": result["seconds"], "growth": result["rss_peak"] - result["rss_before"]}


def _curl(curl: str, server: MagicHourServer, tiny: Path, file: Path, size: int) -> dict[str, float]:
    server.add_fault(Fault.slow(0.2, route="upload"))  # the next PUT: curl's 1 KiB, fully started
    base = run_command(
        [curl, "-sS", "-T", str(tiny), "-o", os.devnull, _upload_url(server)], 60, watch_memory=True
    )
    _stored(server)
    argv = [
        curl,
        "-sS",
        "-T",
        str(file),
        "-o",
        os.devnull,
        "-w",
        "%{time_total} %{size_upload}",
        _upload_url(server),
    ]
    run = run_command(argv, timeout=size / (20 * MIB) + 120, watch_memory=True)
    stored = _stored(server)
    if base.returncode != 0 or run.returncode != 0:
        raise BenchError(f"curl failed with status {run.returncode or base.returncode}")
    seconds, uploaded = run.stdout.split()
    if int(float(uploaded)) != size or stored != size:
        raise BenchError(f"curl: uploaded {uploaded} bytes, the server stored {stored}, not {size}")
    growth = (run.peak_rss or 0) - (base.peak_rss or 0)  # both watched: never None
    return {"seconds": float(seconds), "growth": growth}


def measure_upload(config: Config, scratch: Path) -> Section:
    """Row 6: throughput, wall time and peak RSS growth of each peer, repeats interleaved."""
    section = Section("6. Upload throughput and memory")
    # The file, and its copy on the server's side (in the temporary directory, as scratch is).
    size = choose_size(config.upload_bytes, shutil.disk_usage(scratch).free // 2)
    curl = shutil.which("curl")
    peers = ["ours", "official", *(["curl"] if curl else [])]
    runs: dict[str, list[dict[str, float]]] = {peer: [] for peer in peers}
    file, tiny = scratch / "upload.mp4", scratch / "tiny.mp4"
    write_file(file, size)
    write_file(tiny, 1024)
    try:
        with MagicHourServer(upload_dir=_SHM if os.path.isdir(_SHM) else None) as server:
            for repeat in range(config.upload_repeats):
                for peer in peers[repeat % len(peers) :] + peers[: repeat % len(peers)]:
                    if peer == "curl":
                        assert curl is not None
                        runs[peer].append(_curl(curl, server, tiny, file, size))
                    else:
                        runs[peer].append(_python_peer(peer, server, file, size))
    finally:
        file.unlink(missing_ok=True)
        tiny.unlink(missing_ok=True)
    section.rows += transfer_rows("6", "upload ", f"one {fmt_bytes(size)} file", size, runs)
    if size < config.upload_bytes:
        section.notes.append(
            f"**Reduced size**: {fmt_bytes(size)} instead of {fmt_bytes(config.upload_bytes)}."
        )
    section.notes.append(
        f"{config.upload_repeats} uploads per peer of the same file (varied bytes, in the page cache), in "
        "rotating order, each in a fresh process; the server runs in the parent and streams each upload "
        "to its temporary directory, on /dev/shm when there is one (a tmpfs, so that the disk's "
        "writeback of a GiB of dirty pages never throttles the server in the middle of one peer's run), "
        "emptied after every run. "
        "Time: the whole call for the Python peers "
        "(`upload_file`: the upload-urls POST, then the PUT; the SDK's `client.v1.files.upload_file`: "
        "the same, after reading the whole file into memory), curl's own `time_total` for its PUT alone "
        "(`curl -T`, to an upload URL the parent asked for). Growth: peak RSS during the call minus RSS "
        "before it (Python peers, exact), peak RSS minus that of the same curl uploading 1 KiB (curl, "
        "sampled every 2 ms). Throughput verdict on the medians, memory on the worst run. curl's rate is "
        "also the ceiling of the local server (Python asyncio and h11, in the parent process, writing each "
        "upload to its file), which serves every peer alike."
    )
    if curl is None:
        section.notes.append("curl is not installed on this machine: its column is empty.")
    return section
