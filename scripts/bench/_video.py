"""Rows 8 and 9: video projects (issue 10), ours against the official SDK's ``v1.video_projects``.

8. The wait of a video, from the schedules (GETs for a 300 s and a 1,800 s job, and the worst
   detection delay over every job length), then many video ids through our command line at once
   (``check-result --kind video --json ID ...``) against the official SDK's async client awaiting
   the same number at once.
9. One big MP4 (4 GiB in the full run) downloaded by ``check_result(kind="video")``, by the
   official SDK's ``v1.video_projects.check_result`` and by curl: throughput and peak RSS growth.
"""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from magic_hour_ext import simulate_polls
from magic_hour_ext._kinds import kind_named
from magic_hour_ext.testing import MagicHourServer, Output

from ._config import Config
from ._download import choose_size, download_runs, transfer_rows
from ._many import durations
from ._polls import official_poll_times, official_polls, worst_delay
from ._procs import BenchError, Worker
from ._stats import fmt_bytes, fmt_count, fmt_ratio, fmt_seconds, spread
from ._table import Row, Section, compared, verdict

__all__ = [
    "VIDEO_GET_TARGETS",
    "VIDEO_MAX_DELAY",
    "measure_video",
    "measure_video_download",
    "video_poll_times",
]

VIDEO_GET_TARGETS = {300.0: 30, 1800.0: 90}  # issue 10: at most this many GETs for a T-second video
VIDEO_MAX_DELAY = 30.0  # issue 10: a video's completion is noticed within this many seconds
_CLI_START = 1.5  # seconds given to our command line to start before its ids are created and sent


def video_poll_times(horizon: float, rng: random.Random | None) -> tuple[list[float], float]:
    """When our schedule GETs a video (from the first GET, up to *horizon*), with the video cap.

    Example:
        >>> times, extra = video_poll_times(100.0, None)
        >>> times[:3], extra, times[-1] - times[-2] <= 30.0
        ([0.0, 0.5, 1.0], 0.0, True)
    """
    video = kind_named("video")
    times = [0.0]
    while times[-1] < horizon:
        times.append(times[-1] + video.interval(times[-1], rng))
    return times, 0.0


def _schedule_rows(config: Config, section: Section) -> None:
    cap = kind_named("video").schedule_cap
    seeded = (random.Random(seed) for seed in range(config.schedule_seeds))  # noqa: S311 - jitter, seeded
    rngs: list[random.Random | None] = [None, *seeded]
    for letter, (job, most) in zip("ab", VIDEO_GET_TARGETS.items(), strict=True):
        gets = spread([float(simulate_polls(job, rng=rng, cap=cap)[0]) for rng in rngs])
        theirs = official_polls(job)[0]
        section.rows.append(
            Row(
                f"8{letter}",
                f"GETs, {job:,.0f} s video job (schedule, worst of {len(rngs):,} jitters)",
                f"{fmt_count(gets.high)} (median {fmt_count(gets.median)})",
                fmt_count(theirs),
                vs_official=fmt_ratio(gets.high, theirs),
                target=f"≤ {most}",
                verdict=verdict(gets.high <= most),
            )
        )
    horizon = max(VIDEO_GET_TARGETS)
    longest = max(worst_delay(*video_poll_times(horizon, rng))[2] for rng in rngs)
    their_longest = worst_delay(*official_poll_times(horizon))[2]
    section.rows.append(
        Row(
            "8c",
            f"worst detection delay of a video, over every T up to {horizon:,.0f} s (schedule)",
            fmt_seconds(longest),
            fmt_seconds(their_longest),
            vs_official=fmt_ratio(longest, their_longest),
            target=f"≤ {fmt_seconds(VIDEO_MAX_DELAY)}",
            verdict=verdict(longest <= VIDEO_MAX_DELAY + 1e-9),
        )
    )
    section.notes.append(
        f"Rows 8a-8c: computed from the schedules, not timed: `simulate_polls(T, cap=30)` (the video "
        f"kind's cap, `magic_hour_ext._kinds`) with no jitter and {config.schedule_seeds:,} seeded "
        "jitters, requests taken as instantaneous; the SDK's `v1.video_projects.check_result` polls "
        "as its image twin does (a GET, then GET and sleep 0.5 s until a final status). Row 8c is the "
        "supremum over every job length: a job that completes just after a GET is seen one interval "
        "later. Fewer GETs cost a later notice: ours is at most 30 s late, the SDK's 1 s."
    )


def _cli_rows(config: Config, section: Section) -> None:
    count, longest = config.cli_projects, config.cli_longest
    jobs = durations(count, longest)
    runs: dict[str, dict[str, float]] = {}
    for peer in ("ours", "official"):
        with MagicHourServer() as server, contextlib.ExitStack() as stack:
            spec = {"peer": peer, "task": "many", "kind": "video"}
            spec |= {"base_url": server.base_url, "token": server.token}
            worker = stack.enter_context(Worker(spec)) if peer == "official" else None
            if worker is not None:
                worker.wait_ready()
            cli = None if worker is not None else stack.enter_context(_cli(server, config.cli_jobs))
            projects = [
                server.create_project(
                    kind="video",
                    timeline=[("rendering", job), ("complete", None)],
                    outputs=[Output.mp4(1024)],
                )
                for job in jobs
            ]
            ids = [p.id for p in projects]
            if worker is not None:
                worker.go(ids)
                result = worker.result(timeout=20 * longest + 120)
                ended = result["ended"]
                if result["errors"]:
                    raise BenchError(f"official: {result['errors']} waits failed: {result['first_error']}")
            else:
                assert cli is not None
                ended = _finish(cli, ids, timeout=20 * longest + 120)
            runs[peer] = {
                "seconds": ended - projects[0].created_monotonic,
                "gets": float(len(server.api_requests())),
                "peak": float(server.peak_connections),
            }
    what = f"{count} video ids at once"
    for letter, key, label, fmt in (
        ("d", "seconds", "wall time", fmt_seconds),
        ("e", "gets", "API GETs", fmt_count),
        ("f", "peak", "peak API connections", fmt_count),
    ):
        values = {peer: spread([run[key]]) for peer, run in runs.items()}
        section.rows.append(compared(f"8{letter}", f"{label}, {what}", values, fmt))
    section.notes.append(
        f"Rows 8d-8f: {count} video projects rendering {longest / 10:g} to {longest:g} s, created just "
        f"before the call. Ours: the command line, `magic-hour-ext check-result --kind video --json "
        f"--no-download --jobs {config.cli_jobs} --from -` (one process, one connection pool, at most "
        f"{config.cli_jobs} waits in flight), started {_CLI_START:g} s before the projects are created "
        "and their ids written to its stdin (the rest of its start-up is counted). The SDK has no command "
        "line: its `AsyncClient().v1.video_projects.check_result`, every id awaited at once with "
        "`asyncio.gather` in a worker that was started beforehand. Wall time from the first project's "
        "creation to the end of the last wait; one run each."
    )


@contextlib.contextmanager
def _cli(server: MagicHourServer, jobs: int) -> Iterator[subprocess.Popen[str]]:
    """Our command line reading its ids from stdin, started (its imports done) before they exist."""
    argv = [sys.executable, "-m", "magic_hour_ext", "--base-url", server.base_url, "check-result"]
    argv += ["--kind", "video", "--json", "--no-download", "--jobs", str(jobs), "--from", "-"]
    env = {"MAGIC_HOUR_API_KEY": server.token, "PATH": "/usr/bin:/bin"}
    pipe = subprocess.PIPE
    with subprocess.Popen(argv, stdin=pipe, stdout=pipe, stderr=pipe, text=True, env=env) as cli:
        try:
            time.sleep(_CLI_START)  # the SDK's worker is started beforehand too
            yield cli
        finally:
            cli.kill()


def _finish(cli: subprocess.Popen[str], ids: list[str], *, timeout: float) -> float:
    """Give the command line *ids*; when it ended (``time.monotonic()``). Every project must be complete."""
    try:
        out, err = cli.communicate("\n".join(ids) + "\n", timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"ours (the command line) took more than {timeout:g} s") from None
    ended = time.monotonic()
    lines = [json.loads(line) for line in out.splitlines()]
    if cli.returncode != 0 or sorted(line["id"] for line in lines) != sorted(ids):
        raise BenchError(f"ours (the command line) exited {cli.returncode}: {err[-1000:]}")
    return ended


def measure_video(config: Config) -> Section:
    """Row 8: a video's wait from the schedules, then many video ids through the command line."""
    section = Section("8. Video waits, and many video ids through the command line")
    _schedule_rows(config, section)
    _cli_rows(config, section)
    return section


def measure_video_download(config: Config, scratch: Path) -> Section:
    """Row 9: one big MP4 saved by each peer (``kind="video"``): throughput, wall time, RSS growth."""
    section = Section("9. A big video download")
    free = shutil.disk_usage(scratch).free
    size = choose_size(config.video_bytes, free)
    curl = shutil.which("curl")
    runs = download_runs(Output.mp4(size), config.video_repeats, scratch, kind="video")
    section.rows += transfer_rows("9", "video ", f"one {fmt_bytes(size)} MP4", size, runs)
    wanted = config.video_bytes
    if size < wanted:
        section.notes.append(
            f"**Reduced size**: {fmt_bytes(size)} instead of {fmt_bytes(wanted)}: the disk is short."
        )
    elif wanted < 4 << 30:
        section.notes.append(f"**Reduced size** in quick mode: {fmt_bytes(size)} instead of 4,096 MiB.")
    section.notes.append(
        f"{config.video_repeats} downloads per peer, measured as row 2 is, of one MP4 the local server "
        "generates on the fly (an `ftyp` box, then generated bytes; never held in memory): "
        '`check_result(id, kind="video")`, the SDK\'s `v1.video_projects.check_result`, and curl.'
    )
    if curl is None:
        section.notes.append("curl is not installed on this machine: its column is empty.")
    return section
