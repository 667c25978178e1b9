from __future__ import annotations

import random

import pytest

from magic_hour_ext._kinds import kind_named
from magic_hour_ext._schedule import (
    CAP,
    FALLBACK_CAP,
    FALLBACK_FLOOR,
    FLOOR,
    LONG_CAP,
    fallback_interval,
    poll_interval,
    simulate_polls,
)


@pytest.mark.parametrize("elapsed", [0.0, 0.1, 1.0, 5.0, 30.0, 100.0, 10_000.0])
def test_interval_bounds(elapsed: float) -> None:
    rng = random.Random(7)  # noqa: S311 - seeded jitter for a test, not cryptography
    for _ in range(50):
        assert FLOOR <= poll_interval(elapsed, rng=rng) <= CAP


def test_interval_grows_then_caps() -> None:
    values = [poll_interval(t) for t in (0, 2, 5, 10, 30, 60, 600)]
    assert values == sorted(values)
    assert values[0] == FLOOR
    assert values[-1] == CAP


def test_jitter_spreads_clients() -> None:
    rng = random.Random(1)  # noqa: S311 - seeded jitter for a test, not cryptography
    assert len({poll_interval(20.0, rng=rng) for _ in range(10)}) > 1
    assert all(poll_interval(20.0, rng=rng) <= poll_interval(20.0) for _ in range(100))


@pytest.mark.parametrize(("job", "max_gets"), [(10.0, 12), (60.0, 25), (600.0, 90)])
def test_issue_targets_for_gets(job: float, max_gets: int) -> None:
    for seed in range(100):
        gets, _late = simulate_polls(job, rng=random.Random(seed))  # noqa: S311 - seeded jitter for a test, not cryptography
        assert gets <= max_gets


@pytest.mark.parametrize("job", [0.3, 1.0, 2.0, 7.0, 10.0, 25.0, 60.0, 200.0, 600.0, 3600.0])
def test_completion_noticed_within_bound(job: float) -> None:
    for seed in range(50):
        _gets, late = simulate_polls(job, rng=random.Random(seed))  # noqa: S311 - seeded jitter for a test, not cryptography
        assert late <= CAP
        assert late <= max(FLOOR, 0.28 * job) + 1e-9


def test_job_done_before_first_get_costs_one_get() -> None:
    assert simulate_polls(0.0) == (1, 0.0)


@pytest.mark.parametrize("elapsed", [0.0, 10.0, 39.0, 40.0, 60.0, 119.0, 120.0, 10_000.0])
def test_fallback_interval_doubles_the_age_between_its_bounds(elapsed: float) -> None:
    rng = random.Random(3)  # noqa: S311 - seeded jitter for a test, not cryptography
    for _ in range(50):
        value = fallback_interval(elapsed, rng=rng)
        assert FALLBACK_FLOOR * 0.95 <= value <= FALLBACK_CAP
        assert value <= max(FALLBACK_FLOOR, elapsed)


def test_fallback_polls_leave_a_60_s_job_3_gets() -> None:
    # The first GET at 0, fallback GETs while the job runs, then the GET after the event at 60 s.
    for seed in range(200):
        rng = random.Random(seed)  # noqa: S311 - seeded jitter for a test, not cryptography
        elapsed, fallbacks = 0.0, 0
        while (elapsed := elapsed + fallback_interval(elapsed, rng=rng)) < 60.0:
            fallbacks += 1
        assert 1 + fallbacks + 1 <= 3


# -- the kinds' caps: videos and audio (issue 10) -----------------------------------------------------


@pytest.mark.parametrize(("kind", "cap"), [("image", CAP), ("video", LONG_CAP), ("audio", LONG_CAP)])
def test_each_kind_has_its_cap(kind: str, cap: float) -> None:
    assert kind_named(kind).schedule_cap == cap
    assert kind_named(kind).interval(10_000.0) == cap
    assert kind_named(kind).interval(1.0) == poll_interval(1.0)  # the same growth below the cap


@pytest.mark.parametrize(("job", "max_gets"), [(300.0, 30), (1800.0, 90)])
def test_video_targets_for_gets(job: float, max_gets: int) -> None:
    # The official SDK polls every 0.5 s: 600 and 3,600 GETs for these jobs.
    worst = max(simulate_polls(job, rng=random.Random(seed), cap=LONG_CAP)[0] for seed in range(200))  # noqa: S311
    assert worst <= max_gets
    assert simulate_polls(job, cap=LONG_CAP)[0] <= max_gets  # no jitter: the longest intervals


def test_a_video_s_completion_is_noticed_within_30_s_whenever_it_ends() -> None:
    rng = random.Random(3)  # noqa: S311 - seeded jitter for a test, not cryptography
    jobs = [t / 4 for t in range(1, 4 * 3600, 7)]  # every 1.75 s up to an hour
    worst = max(simulate_polls(job, rng=rng, cap=LONG_CAP)[1] for job in jobs)
    assert worst <= 30.0
    assert worst > CAP  # the larger cap is used: fewer GETs, a later notice than an image's
