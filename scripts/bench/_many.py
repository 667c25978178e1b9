"""Row 3: many projects awaited at once over one shared async client, ours against the official SDK."""

from __future__ import annotations

import dataclasses
import statistics
from typing import Any

from magic_hour_ext.testing import MagicHourServer, Output

from ._config import Config
from ._procs import Worker
from ._stats import DASH, TIMES, fmt_count, fmt_seconds, spread
from ._table import Section, compared, verdict

__all__ = ["POOL_LIMIT", "durations", "measure_many"]

# Both peers use httpx's default pool: at most 100 connections (20 kept alive). Neither the
# generated AuthenticatedClient nor the SDK's AsyncClient changes it, and the bench does not either.
POOL_LIMIT = 100
_PEERS = ("ours", "official")


def durations(count: int, longest: float) -> list[float]:
    """Job lengths spread evenly from a tenth of *longest* to *longest*.

    Example:
        >>> durations(3, 10.0)
        [1.0, 5.5, 10.0]
    """
    if count == 1:
        return [longest]
    low = longest / 10
    return [low + (longest - low) * i / (count - 1) for i in range(count)]


def _run(peer: str, config: Config) -> dict[str, Any]:
    """One repeat for one peer, on a fresh server (its peak connection count is per server)."""
    jobs = durations(config.many_projects, config.many_longest)
    with MagicHourServer() as server:
        spec = {"peer": peer, "task": "many", "base_url": server.base_url, "token": server.token}
        with Worker(spec) as worker:
            worker.wait_ready()
            projects = [
                server.create_project(
                    timeline=[("rendering", job), ("complete", None)], outputs=[Output(size=1)]
                )
                for job in jobs
            ]
            worker.go([p.id for p in projects])
            result = worker.result(timeout=20 * config.many_longest + 120)
        return {
            # From the first project's creation (the jobs' clock) to the end of the gather.
            "seconds": result["ended"] - projects[0].created_monotonic,
            "requests": len(server.api_requests(method=None)),
            "peak": server.peak_connections,
            "delays": [end - p.final_at for end, p in zip(result["returned"], projects, strict=True)],
            "errors": result["errors"],
            "first_error": result["first_error"],
        }


def measure_many(config: Config) -> Section:
    """Row 3: wall time, requests and peak connections; repeats alternate between the peers."""
    section = Section("3. Many projects at once")
    runs: dict[str, list[dict[str, Any]]] = {peer: [] for peer in _PEERS}
    for repeat in range(config.many_repeats):
        for peer in _PEERS if repeat % 2 == 0 else reversed(_PEERS):
            runs[peer].append(_run(peer, config))
    n, longest = config.many_projects, config.many_longest
    limit = 1.5 * longest + 2
    wall = {peer: spread([r["seconds"] for r in rs]) for peer, rs in runs.items()}
    requests = {peer: spread([float(r["requests"]) for r in rs]) for peer, rs in runs.items()}
    peak = {peer: spread([float(r["peak"]) for r in rs]) for peer, rs in runs.items()}
    delay = {peer: spread([statistics.median(r["delays"]) for r in rs]) for peer, rs in runs.items()}
    worst = {peer: spread([max(r["delays"]) for r in rs]) for peer, rs in runs.items()}
    failed = {peer: sum(r["errors"] for r in rs) for peer, rs in runs.items()}

    ours_ok = failed["ours"] == 0
    wall_row = compared(
        "3a",
        f"wall time, {n:,} projects of {longest / 10:g}{DASH}{longest:g} s",
        wall,
        fmt_seconds,
        target=f"≤ {fmt_seconds(limit)} (1.5 {TIMES} {longest:g} s + 2 s)",
        verdict=verdict(ours_ok and wall["ours"].high <= limit),
    )
    calls_failed = {peer: f" ({count:,} calls failed)" if count else "" for peer, count in failed.items()}
    section.rows += [
        dataclasses.replace(
            wall_row,
            ours=wall_row.ours + calls_failed["ours"],
            official=wall_row.official + calls_failed["official"],
        ),
        compared("3b", f"total API requests, {n:,} projects", requests, fmt_count),
        compared(
            "3c",
            f"peak open connections, {n:,} projects",
            peak,
            fmt_count,
            target=f"≤ {POOL_LIMIT} (the pool limit)",
            verdict=verdict(peak["ours"].high <= POOL_LIMIT),
        ),
        compared("3d", f"detection delay, median of {n:,} projects", delay, fmt_seconds),
        compared("3e", f"detection delay, worst of {n:,} projects", worst, fmt_seconds),
    ]
    section.notes.append(
        f"{config.many_repeats} run(s) per peer, alternating, each on a fresh server with the client in "
        f"its own process: {n:,} projects lasting {longest / 10:g} to {longest:g} s (evenly spread), "
        "awaited with `asyncio.gather` over one shared client (ours: `acheck_result` with one "
        "`AuthenticatedClient`; SDK: `AsyncClient().v1.image_projects.check_result`), download off. "
        "Wall time: from the creation of the first project to the end of the gather. Requests and "
        "connections: the server's own log. Pool limit: httpx's default, which both peers keep."
    )
    if requests["official"].median <= 1.1 * n:
        section.notes.append(
            "The SDK made about one request per project: its first GETs queued in httpx's pool "
            "until most projects had completed, so one answer each was enough (see its detection "
            "delay, 3d and 3e)."
        )
    for peer in _PEERS:
        errors = [r["first_error"] for r in runs[peer] if r["first_error"]]
        if errors:
            section.notes.append(f"{peer}: {failed[peer]:,} calls failed; the first: {errors[0]}")
    if not ours_ok:
        section.notes.append("Our wall time is MISSED because calls failed.")
    return section
