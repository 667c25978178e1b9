"""THE poll schedule: how long to wait before the next GET of a project, and nothing else.

The first GET goes out at once. After it, the wait before the next GET is::

    interval(elapsed) = max(FLOOR, min(cap, GROWTH * elapsed) * jitter)
    GROWTH = 0.28, FLOOR = 0.5 s, jitter ~ Uniform(0.95, 1.0)
    cap = CAP (15 s) for image projects, LONG_CAP (30 s) for video and audio projects

where *elapsed* is the time since the wait started (so the interval is about 28 % of the age of
the job, between half a second and the cap). Short jobs are seen finishing quickly, long jobs cost
few requests, and the jitter spreads many waiting clients apart. Each kind of project has its cap
(``magic_hour_ext._kinds``): images take seconds, videos minutes, and a larger cap halves the
GETs of a long job for a later notice. What it gives, for a job that completes T seconds after the
first GET (computed by :func:`simulate_polls`, the worst of 2,001 jitters):

    ========  ==========================  ==========================
    T         image (cap 15 s)            video, audio (cap 30 s)
              GETs, noticed after         GETs, noticed after
    ========  ==========================  ==========================
    2 s       5, 0 s                      5, 0 s
    10 s      12, 1.3 s                   12, 1.3 s
    60 s      20, 14.9 s                  20, 16.7 s
    300 s     36, 11.4 s                  29, 30 s
    600 s     57, 15 s                    39, 27.5 s
    1,800 s   139, 15 s                   80, 29.3 s
    ========  ==========================  ==========================

The delay before a completion is noticed is at most ``max(0.5 s, 0.28 * T)`` and never more than
the cap. The worst case over all T is 28 % of T (a job ending just after a GET), above the 25 %
target: a growth of 0.25 would meet 25 % everywhere but needs 13 GETs for a 10 s job, and the two
targets cannot both hold for every T. For videos the targets are at most 30 GETs for a 300 s job,
at most 90 for a 1,800 s one, and a completion noticed within 30 s (the official SDK, polling
every 0.5 s, makes 600 and 3,600 GETs). ``MAGIC_HOUR_POLL_INTERVAL`` replaces the schedule by a
fixed interval.

Waiting by webhook (``check_result(..., webhooks=waiter)``), the waits between GETs are sleeps that
a final event of the project (``completed``, ``errored``) cuts short. Until one arrives, the GETs
are only a safety net, for a lost delivery or a cancellation (which has no event)::

    fallback_interval(elapsed) = min(FALLBACK_CAP, max(FALLBACK_FLOOR, elapsed)) * jitter
    FALLBACK_FLOOR = 40 s, FALLBACK_CAP = 120 s

(the wait doubles its age, from 40 s up to 2 minutes). Once an event has arrived, the project is
fetched at once (fresh download URLs); if that GET is not final yet, the ordinary schedule above
restarts from the event (0.5 s first). A job of T seconds whose delivery arrives costs the first
GET, one fallback GET per step of the fallback schedule before T, and the GET after the event:
2 GETs up to 38 s, 3 up to 76 s, 4 up to 148 s; its completion is noticed one loopback GET after
the delivery. A lost delivery is noticed at most ``min(120 s, max(40 s, T))`` late.
``MAGIC_HOUR_POLL_INTERVAL`` (or ``poll_interval=``) replaces the fallback schedule too.

The caller shortens the last wait to the time left before its deadline.
"""

from __future__ import annotations

import random

__all__ = [
    "CAP",
    "FALLBACK_CAP",
    "FALLBACK_FLOOR",
    "FLOOR",
    "GROWTH",
    "JITTER",
    "LONG_CAP",
    "fallback_interval",
    "poll_interval",
    "simulate_polls",
]

GROWTH = 0.28
FLOOR = 0.5
#: The cap of image projects (seconds).
CAP = 15.0
#: The cap of video and audio projects, whose jobs take minutes (seconds).
LONG_CAP = 30.0
JITTER = (0.95, 1.0)
FALLBACK_FLOOR = 40.0
FALLBACK_CAP = 120.0


def poll_interval(elapsed: float, *, rng: random.Random | None = None, cap: float = CAP) -> float:
    """Seconds to wait before the next GET, *elapsed* seconds after the wait started.

    Pure: the jitter comes from *rng*; without one there is no jitter (the upper bound). *cap* is
    the longest interval (the kind's: 15 s for images, 30 s for videos and audio).

    Example:
        >>> poll_interval(0.0), poll_interval(10.0), poll_interval(3600.0)
        (0.5, 2.8000000000000003, 15.0)
        >>> poll_interval(3600.0, cap=LONG_CAP)
        30.0
        >>> 0.5 <= poll_interval(10.0, rng=random.Random(1)) <= 2.8000000000000003
        True
    """
    factor = rng.uniform(*JITTER) if rng is not None else 1.0
    return max(FLOOR, min(cap, GROWTH * max(0.0, elapsed)) * factor)


def simulate_polls(
    job_seconds: float, *, rng: random.Random | None = None, cap: float = CAP
) -> tuple[int, float]:
    """How many GETs the schedule makes for a job that completes *job_seconds* after the first GET,
    and how late it notices, in seconds (requests are taken as instantaneous).

    Example:
        >>> gets, late = simulate_polls(10.0)
        >>> gets, round(late, 1)
        (12, 1.3)
        >>> simulate_polls(300.0, cap=LONG_CAP)[0], simulate_polls(1800.0, cap=LONG_CAP)[0]
        (28, 78)
    """
    elapsed, gets = 0.0, 1
    while elapsed < job_seconds:
        elapsed += poll_interval(elapsed, rng=rng, cap=cap)
        gets += 1
    return gets, elapsed - job_seconds


def fallback_interval(elapsed: float, *, rng: random.Random | None = None) -> float:
    """Seconds to wait for a webhook before the next GET, *elapsed* seconds after the wait started.

    The safety net of a wait by webhook (a lost delivery, a cancellation): pure, as
    :func:`poll_interval`.

    Example:
        >>> fallback_interval(0.0), fallback_interval(60.0), fallback_interval(3600.0)
        (40.0, 60.0, 120.0)
    """
    factor = rng.uniform(*JITTER) if rng is not None else 1.0
    return min(FALLBACK_CAP, max(FALLBACK_FLOOR, elapsed)) * factor
