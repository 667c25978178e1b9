"""Row 5: CPU time per GET parsed, in the real wait loop of each peer, with a fixed tiny interval."""

from __future__ import annotations

from magic_hour_ext.testing import MagicHourServer, Output

from ._config import Config
from ._procs import BenchError, Worker
from ._stats import fmt_count, spread
from ._table import Section, compared

__all__ = ["measure_cpu"]

_PEERS = ("ours", "official")


def _fmt_us(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f} µs"


def _run(peer: str, config: Config) -> tuple[float, int]:
    """CPU seconds per GET, and the GET count, of one wait for a job of ``config.cpu_job`` seconds."""
    with MagicHourServer() as server:
        spec = {"peer": peer, "task": "cpu", "interval": config.cpu_interval}
        with Worker({**spec, "base_url": server.base_url, "token": server.token}) as worker:
            worker.wait_ready()
            project = server.create_project(
                timeline=[("rendering", config.cpu_job), ("complete", None)], outputs=[Output(size=1)]
            )
            worker.go([project.id])
            result = worker.result(timeout=10 * config.cpu_job + 60)
        if result["error"] is not None:
            raise BenchError(f"{peer}: {result['error']}")
        gets = len(server.api_requests(project_id=project.id))
    return result["cpu_seconds"] / gets, gets


def measure_cpu(config: Config) -> Section:
    """Row 5: each repeat runs both peers, in alternating order."""
    section = Section("5. CPU time per poll")
    per_get: dict[str, list[float]] = {peer: [] for peer in _PEERS}
    gets: dict[str, list[float]] = {peer: [] for peer in _PEERS}
    for repeat in range(config.cpu_repeats):
        for peer in _PEERS if repeat % 2 == 0 else reversed(_PEERS):
            cost, count = _run(peer, config)
            per_get[peer].append(cost)
            gets[peer].append(float(count))
    costs = {peer: spread(values) for peer, values in per_get.items()}
    section.rows.append(
        compared("5a", "CPU time per GET parsed (client process, user + system)", costs, _fmt_us)
    )
    section.notes.append(
        f"{config.cpu_repeats} waits per peer for a {config.cpu_job:g} s job, polled every "
        f"{config.cpu_interval * 1000:g} ms (ours: `poll_interval=`; SDK: `MAGIC_HOUR_POLL_INTERVAL`), "
        "the client alone in its process, the server in the parent: the process' CPU time during "
        "the call divided by the GETs the server answered "
        f"(ours {spread(gets['ours']).show(fmt_count)}, "
        f"SDK {spread(gets['official']).show(fmt_count)} per wait)."
    )
    return section
