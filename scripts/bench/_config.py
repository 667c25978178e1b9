"""What a run measures: the full bench (``make bench``) and the quick one (``--quick``)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

__all__ = ["FULL", "QUICK", "Config"]


@dataclass(frozen=True, slots=True)
class Config:
    """Sizes, counts and repeats of one run. Every row is measured in both modes."""

    name: str
    # 1. polls: real jobs of these lengths (seconds), each repeated; pure-schedule lengths; seeds.
    poll_jobs: tuple[float, ...]
    poll_repeats: int
    schedule_jobs: tuple[float, ...]
    schedule_seeds: int
    # 2. download: one output of this many bytes (less if the disk is short), per peer and repeat.
    download_bytes: int
    download_repeats: int
    # 3. many projects: this many, lasting up to this long, per repeat.
    many_projects: int
    many_longest: float
    many_repeats: int
    # 4. import time: process runs per peer.
    import_runs: int
    # 5. CPU per poll: a job of this length polled every interval seconds, per repeat.
    cpu_job: float
    cpu_interval: float
    cpu_repeats: int
    # 6. upload: one file of this many bytes (less if the disk is short), per peer and repeat.
    upload_bytes: int = 1 << 30
    upload_repeats: int = 5
    # 7. resume: one output of this many bytes, interrupted half-way then finished, per repeat.
    resume_bytes: int = 2 << 30
    resume_repeats: int = 3
    # 8. many video ids through the command line: this many, lasting up to this long, so many in flight.
    cli_projects: int = 200
    cli_longest: float = 10.0
    cli_jobs: int = 32
    # 9. a video download: one MP4 of this many bytes (less if the disk is short), per peer and repeat.
    video_bytes: int = 4 << 30
    video_repeats: int = 3
    # 10. webhooks: jobs of this length, waited for by webhook, by our polling and by the SDK.
    webhook_job: float = 60.0
    webhook_repeats: int = 3
    # 11. generate: one background removal end to end, per peer and repeat.
    generate_repeats: int = 5


FULL = Config(
    name="full",
    poll_jobs=(2.0, 10.0),
    poll_repeats=5,
    schedule_jobs=(60.0, 600.0),
    schedule_seeds=2000,
    download_bytes=1 << 30,
    download_repeats=5,
    many_projects=1000,
    many_longest=10.0,
    many_repeats=3,
    import_runs=15,
    cpu_job=3.0,
    cpu_interval=0.001,
    cpu_repeats=5,
)

# The same rows, smaller: short jobs, 32 MiB outputs and uploads, 100 projects, fewer repeats.
QUICK = dataclasses.replace(
    FULL,
    name="quick",
    poll_jobs=(1.0, 2.0),
    poll_repeats=2,
    schedule_seeds=200,
    download_bytes=32 << 20,
    download_repeats=2,
    many_projects=100,
    many_longest=2.0,
    many_repeats=1,
    import_runs=3,
    cpu_job=0.5,
    cpu_repeats=2,
    upload_bytes=32 << 20,
    upload_repeats=2,
    resume_bytes=32 << 20,
    resume_repeats=1,
    cli_projects=20,
    cli_longest=2.0,
    cli_jobs=8,
    video_bytes=32 << 20,
    video_repeats=1,
    webhook_job=3.0,
    webhook_repeats=1,
    generate_repeats=1,
)
