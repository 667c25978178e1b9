"""Row 11: one ``generate`` end to end against the official SDK's ``generate()``, on the same local server.

Each peer runs, in a process of its own, the whole path of the background remover: upload a local
photo, create the project, wait for it, download its output. The server renders every project the
same way (queued, then rendering, then one PNG). Wall time is the call, in the child; requests are
counted by the server (API requests: upload-urls, the create and the GETs).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from magic_hour_ext.testing import MagicHourServer, Render

from ._config import Config
from ._procs import BenchError, Worker
from ._stats import TIMES, fmt_count, fmt_seconds, spread
from ._table import Section, compared, verdict

__all__ = ["GENERATE_JOB", "measure_generate"]

#: How long the local server's background remover takes: queued, then rendering (seconds).
GENERATE_JOB = (("queued", 0.5), ("rendering", 1.5))
#: Target: ours takes at most this much longer than the official SDK (its polls are 0.5 s apart).
MAX_WALL_RATIO = 1.25


def _peer(peer: str, server: MagicHourServer, photo: Path, directory: Path) -> dict[str, float]:
    directory.mkdir()  # the official SDK does not create it
    try:
        server.clear_requests()
        spec = {"peer": peer, "task": "generate", "file": str(photo), "directory": str(directory)}
        with Worker({**spec, "base_url": server.base_url, "token": server.token}) as worker:
            worker.wait_ready()
            worker.go(["-"])
            result = worker.result(timeout=120)
        if result["error"] is not None:
            raise BenchError(f"{peer}: {result['error']}")
        saved = list(directory.iterdir())
        if len(saved) != 1 or saved[0].stat().st_size == 0:
            raise BenchError(f"{peer}: saved {len(saved)} files, not the one output")
        requests = server.api_requests(None)
        if [r.route for r in requests].count("create") != 1:
            raise BenchError(f"{peer}: {len(requests)} requests, not one create")
        return {"seconds": result["seconds"], "requests": len(requests)}
    finally:
        shutil.rmtree(directory)


def measure_generate(config: Config, scratch: Path) -> Section:
    """Row 11: wall time and API requests of one generate, ours and the official SDK's, interleaved."""
    section = Section("11. generate, end to end")
    photo = scratch / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom((1 << 20) - 8))  # the server does not decode it
    runs: dict[str, list[dict[str, float]]] = {"ours": [], "official": []}
    try:
        with MagicHourServer() as server:
            server.renders["image-background-remover"] = Render(timeline=[*GENERATE_JOB, ("complete", None)])
            for repeat in range(config.generate_repeats):
                for peer in ("ours", "official") if repeat % 2 == 0 else ("official", "ours"):
                    runs[peer].append(_peer(peer, server, photo, scratch / f"{peer}-{repeat}"))
    finally:
        photo.unlink(missing_ok=True)
    seconds = {peer: spread([r["seconds"] for r in rs]) for peer, rs in runs.items()}
    requests = {peer: spread([r["requests"] for r in rs]) for peer, rs in runs.items()}
    job = sum(step for _, step in GENERATE_JOB)
    what = f"a {job:g} s background removal of a 1 MiB photo"
    section.rows += [
        compared(
            "11a",
            f"wall time: upload, create, wait, download; {what}",
            seconds,
            fmt_seconds,
            target=f"≤ {MAX_WALL_RATIO:g}{TIMES} official",
            verdict=verdict(seconds["ours"].median <= MAX_WALL_RATIO * seconds["official"].median),
        ),
        compared("11b", f"API requests, {what}", requests, fmt_count),
    ]
    section.notes.append(
        f"{config.generate_repeats} runs per peer, alternating, each in a fresh process: ours "
        "`generate('image-background-remover', {'assets': {'image_file_path': path}})`, the official "
        "SDK's `client.v1.image_background_remover.generate(assets=..., download_directory=...)`, "
        "against the same local server, which renders each project the same way. Both upload the photo, "
        "create the project once, wait and download its PNG; the official SDK polls every 0.5 s, ours "
        "follows its growing schedule (fewer GETs, a little later on short jobs), sends the create on a "
        "connection of its own and never twice. Run it alone with "
        '`make bench ARGS="--only generate"`.'
    )
    return section
