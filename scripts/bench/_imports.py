"""Row 4: import time, as a user sees it: ``python -c "import <package>"``, whole process runs."""

from __future__ import annotations

import sys

from ._config import Config
from ._procs import BenchError, run_command
from ._stats import fmt_ratio, fmt_seconds, spread
from ._table import Section, compared

__all__ = ["measure_imports", "time_command"]

_COMMANDS = {"ours": "import magic_hour_ext", "official": "import magic_hour", "bare": "pass"}


def time_command(code: str) -> float:
    """Seconds for one ``python -c code`` process, start to exit."""
    finished = run_command([sys.executable, "-c", code], timeout=60)
    if finished.returncode != 0:
        raise BenchError(f"python -c {code!r} failed with status {finished.returncode}")
    return finished.seconds


def measure_imports(config: Config) -> Section:
    """Row 4: the median of several interleaved runs per package, after one warm-up run each."""
    section = Section("4. Import time")
    for code in _COMMANDS.values():
        time_command(code)  # warm-up: bytecode caches and the OS page cache
    times: dict[str, list[float]] = {name: [] for name in _COMMANDS}
    for _ in range(config.import_runs):
        for name, code in _COMMANDS.items():
            times[name].append(time_command(code))
    spreads = {name: spread(values) for name, values in times.items()}
    ours, official, bare = spreads["ours"], spreads["official"], spreads["bare"]
    peers = {"ours": ours, "official": official}
    section.rows.append(compared("4a", "import time (whole `python -c` process)", peers, fmt_seconds))
    net_ours, net_official = ours.median - bare.median, official.median - bare.median
    section.notes.append(
        f'{config.import_runs} runs of each `python -c "import magic_hour_ext"` and `python -c "import '
        f'magic_hour"`, interleaved, after a warm-up run each. The bare interpreter (`python -c pass`) '
        f"takes {bare.show(fmt_seconds)} of that: net of it, "
        f"ours is {fmt_seconds(net_ours)} and the SDK's {fmt_seconds(net_official)} "
        f"({fmt_ratio(net_ours, net_official)})."
    )
    return section
