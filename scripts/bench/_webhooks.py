"""Row 10: waiting by webhook, by our polling and by the official SDK, side by side, on real jobs.

Three worker processes wait at the same time, each for its own jobs of the same length: ours with
``check_result(..., webhooks=waiter)`` (its receiver fed by the local server's signed deliveries),
ours polling, and the official SDK. GETs are counted by the server; the detection delay runs
from the server's switch to ``complete`` (``project.final_at``) to the return of
``check_result``, and, by webhook, from the moment the server POSTed the completed event.
"""

from __future__ import annotations

import secrets

from magic_hour_ext.testing import MagicHourServer, Output

from ._config import Config
from ._procs import Worker
from ._stats import Spread, fmt_count, fmt_seconds, spread
from ._table import Section, compared, verdict

__all__ = ["DELIVERY_TARGET", "GET_TARGET", "measure_webhooks"]

GET_TARGET = 3  # issue 12: at most 3 GETs in all for a 60 s job waited for by webhook
DELIVERY_TARGET = 0.05  # issue 12: completion noticed within 50 ms of the delivery
_PEERS = ("webhook", "polling", "official")


def _timeline(job: float) -> list[tuple[str, float | None]]:
    return [("queued", 0.1 * job), ("rendering", 0.9 * job), ("complete", None)]


def measure_webhooks(config: Config) -> Section:
    """Row 10: GETs and detection delays of the three ways of waiting, for the same job length."""
    section = Section("10. Waiting by webhook")
    job, count = config.webhook_job, config.webhook_repeats
    secret = "whsec_" + secrets.token_urlsafe(16)
    gets: dict[str, list[float]] = {peer: [] for peer in _PEERS}
    delays: dict[str, list[float]] = {peer: [] for peer in _PEERS}
    after_delivery: list[float] = []
    with (
        MagicHourServer(webhook_secret=secret) as hooks,  # the webhook peer's projects
        MagicHourServer() as polled,  # the polling peers' projects
    ):
        servers = {"webhook": hooks, "polling": polled, "official": polled}
        tasks = {
            "webhook": ("ours", "webhook"),
            "polling": ("ours", "poll"),
            "official": ("official", "poll"),
        }
        workers = {
            peer: Worker(
                {
                    "peer": name,
                    "task": task,
                    "count": count,
                    "secret": secret,
                    "base_url": servers[peer].base_url,
                    "token": servers[peer].token,
                }
            )
            for peer, (name, task) in tasks.items()
        }
        try:
            for peer, worker in workers.items():
                ready = worker.wait_ready()
                if peer == "webhook":
                    hooks.webhook_url = ready["url"]
            projects = {
                peer: [
                    servers[peer].create_project(timeline=_timeline(job), outputs=[Output(size=1)])
                    for _ in range(count)
                ]
                for peer in _PEERS
            }
            for peer, worker in workers.items():
                worker.go([p.id for p in projects[peer]])
            results = {peer: w.result(timeout=3 * job + 120) for peer, w in workers.items()}
        finally:
            for worker in workers.values():
                worker.__exit__(None, None, None)
        for peer in _PEERS:
            server = servers[peer]
            for project, call in zip(projects[peer], results[peer]["calls"], strict=True):
                if call["error"] is not None:
                    section.notes.append(f"{peer}, {job:g} s job: failed: {call['error']}")
                    continue
                gets[peer].append(len(server.api_requests(project_id=project.id)))
                delays[peer].append(call["returned"] - project.final_at)
                if peer == "webhook":
                    sent = hooks.webhook_deliveries(project.id, event="image.completed")
                    if sent:
                        after_delivery.append(call["returned"] - sent[0].time)
    _rows(section, job, gets, delays, after_delivery)
    section.notes.append(
        f"{count} job(s) of {job:g} s per way of waiting, all waited for at once, each way in a "
        "process of its own (one thread and one client per job), download off. By webhook: "
        "`check_result(..., webhooks=waiter)`, its receiver (a plain threaded HTTP server in the "
        "worker) calling `waiter.deliver`; the local server signs and POSTs each event when the "
        "timeline reaches it. Until an event arrives, ours by webhook polls on the fallback "
        "schedule (40 s, then doubling to 120 s), so a lost delivery still ends the wait. The "
        "ours ÷ SDK ratio of each row compares that way of ours with the SDK's polling."
    )
    return section


def _rows(
    section: Section,
    job: float,
    gets: dict[str, list[float]],
    delays: dict[str, list[float]],
    after_delivery: list[float],
) -> None:
    failed = {"ours": "failed", "official": "failed"}

    def pair(ours: str, values: dict[str, list[float]]) -> dict[str, Spread]:
        return {
            name: spread(values[peer])
            for name, peer in (("ours", ours), ("official", "official"))
            if values[peer]
        }

    by_webhook = pair("webhook", gets)
    ok = bool(gets["webhook"]) and max(gets["webhook"]) <= GET_TARGET
    section.rows.append(
        compared(
            "10a",
            f"GETs, {job:g} s job: by webhook",
            by_webhook,
            fmt_count,
            target=f"≤ {GET_TARGET}",
            verdict=verdict(ok),
            absent=failed,
        )
    )
    section.rows.append(
        compared("10b", f"GETs, {job:g} s job: our polling", pair("polling", gets), fmt_count, absent=failed)
    )
    section.rows.append(
        compared(
            "10c",
            f"completion noticed after, {job:g} s job: by webhook",
            pair("webhook", delays),
            fmt_seconds,
            absent=failed,
        )
    )
    section.rows.append(
        compared(
            "10d",
            f"completion noticed after, {job:g} s job: our polling",
            pair("polling", delays),
            fmt_seconds,
            absent=failed,
        )
    )
    ok = bool(after_delivery) and max(after_delivery) <= DELIVERY_TARGET
    section.rows.append(
        compared(
            "10e",
            "completion noticed after the event is sent (SDK: after the switch, when it is sent)",
            {
                **({"ours": spread(after_delivery)} if after_delivery else {}),
                **({"official": spread(delays["official"])} if delays["official"] else {}),
            },
            fmt_seconds,
            target=f"≤ {fmt_seconds(DELIVERY_TARGET)}",
            verdict=verdict(ok),
            absent=failed,
        )
    )
