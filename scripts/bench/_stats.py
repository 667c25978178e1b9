"""Repeated measurements: the median with its min-max spread, and how they are printed."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["DASH", "TIMES", "Spread", "fmt_bytes", "fmt_count", "fmt_ratio", "fmt_seconds", "spread"]

MIB = 1 << 20
# Typography of the table, spelled out so that no look-alike of an ASCII character hides in the code.
DASH = "\N{EN DASH}"
TIMES = "\N{MULTIPLICATION SIGN}"


@dataclass(frozen=True, slots=True)
class Spread:
    """The median of some repeats, their min and max, and how many there were.

    Example:
        >>> spread([3.0, 1.0, 2.0])
        Spread(median=2.0, low=1.0, high=3.0, n=3)
    """

    median: float
    low: float
    high: float
    n: int

    def show(self, fmt: Callable[[float], str]) -> str:
        """``median (min-max)``, or only the median when every repeat gave the same value."""
        if self.n == 1 or fmt(self.low) == fmt(self.high):
            return fmt(self.median)
        return f"{fmt(self.median)} ({fmt(self.low)}{DASH}{fmt(self.high)})"


def spread(values: Sequence[float]) -> Spread:
    """Summarise repeats; at least one value is needed."""
    if not values:
        raise ValueError("no values to summarise")
    return Spread(statistics.median(values), min(values), max(values), len(values))


def fmt_seconds(value: float) -> str:
    """Seconds with a sensible precision: ``12.3 ms``, ``4.21 s``, ``61.3 s``, ``150 s``.

    Example:
        >>> fmt_seconds(0.0123), fmt_seconds(4.2149), fmt_seconds(61.31), fmt_seconds(150.0)
        ('12.3 ms', '4.21 s', '61.3 s', '150 s')
    """
    if abs(value) < 0.1:
        return f"{value * 1000:.3g} ms"
    if abs(value) < 10:
        return f"{value:.3g} s"
    return f"{value:.1f} s" if abs(value) < 100 else f"{value:,.0f} s"


def fmt_count(value: float) -> str:
    """A count, or a median of counts (which may end in .5)."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def fmt_bytes(value: float) -> str:
    """A size in KiB under 1 MiB, else in MiB.

    Example:
        >>> fmt_bytes(150_000), fmt_bytes(1.5 * MIB), fmt_bytes(1 << 30)
        ('146 KiB', '1.5 MiB', '1,024 MiB')
    """
    mib = value / MIB
    if abs(mib) < 1:
        return f"{value / 1024:,.0f} KiB"
    return f"{mib:,.1f} MiB" if abs(mib) < 100 else f"{mib:,.0f} MiB"


def fmt_ratio(ours: float, theirs: float) -> str:
    """``ours ÷ theirs`` with a multiplication sign, ``1/N`` below 0.01; an em dash when undefined.

    Example:
        >>> [fmt_ratio(a, 100.0).replace(TIMES, "x") for a in (45.0, 2000.0, 0.05)]
        ['0.45x', '20x', '1/2,000x']
    """
    if theirs == 0 or ours == 0:
        return "\N{EM DASH}"
    value = ours / theirs
    if value < 0.01:
        return f"1/{round(1 / value):,}{TIMES}"
    return f"{value:.2f}{TIMES}" if value < 10 else f"{value:.0f}{TIMES}"
