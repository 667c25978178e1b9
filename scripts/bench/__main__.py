"""Benchmarks of magic-hour-ext against the official SDK (magic-hour==0.90.0) and curl, in one run.

Run as ``make bench`` (or ``make bench-quick``), which runs ``PYTHONPATH=scripts
.venv-bench-3.11/bin/python -m bench [--quick] [--output PATH]`` in the separate virtualenv
``.venv-bench-<Python version>``, the only place the official SDK is installed. Every peer talks
to a local Magic Hour server on 127.0.0.1 (``magic_hour_ext.testing``): nothing reaches the
network. It prints a markdown table and writes it, with the date, the machine and the command,
to ``docs/benchmarks.md`` (or ``--output``).

Rows: 1. polls and detection delay; 2. download throughput and memory; 3. many projects at once;
4. import time; 5. CPU time per poll; 6. upload throughput and memory; 7. the second run of a
download interrupted half-way; 8. video waits (from the schedule) and many video ids through the
command line; 9. a big (4 GiB) video download; 10. waiting by webhook, by our polling and by the
SDK; 11. one ``generate`` end to end against the official ``generate()``. ``--quick`` measures
every row with smaller sizes, fewer projects and fewer repeats, in about a minute. Where we miss a
target, the table says MISSED.

``--only ROW`` (``polls``, ``download``, ``many``, ``imports``, ``cpu``, ``upload``, ``resume``,
``video``, ``video-download``, ``webhooks`` or ``generate``)
measures that row alone and only prints it, unless ``--output`` is given: docs/benchmarks.md always
shows a full run.

Exit status: 0 when every row was measured (whatever the verdicts), 1 when a measurement failed.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ._config import FULL, QUICK, Config
from ._cpu import measure_cpu
from ._download import measure_download
from ._generate import measure_generate
from ._imports import measure_imports
from ._many import measure_many
from ._polls import measure_polls
from ._procs import BenchError
from ._resume import measure_resume
from ._table import Section, render_page
from ._upload import measure_upload
from ._video import measure_video, measure_video_download
from ._webhooks import measure_webhooks

__all__ = ["ROOT", "main", "write_atomically"]

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
#: The names of the rows, in order, for ``--only``.
ROWS = (
    "polls",
    "download",
    "many",
    "imports",
    "cpu",
    "upload",
    "resume",
    "video",
    "video-download",
    "webhooks",
    "generate",
)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="every row, smaller and fewer: under a minute")
    parser.add_argument(
        "--only", choices=ROWS, default=None, help="measure this row alone (printed, not written)"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="where to write the page (default: docs/benchmarks.md; nowhere with --only)",
    )
    parser.add_argument("--via", default=None, help="the command that ran this one, e.g. 'make bench'")
    return parser.parse_args(argv)


def _first_line(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False, cwd=ROOT)
    except OSError:
        return ""
    return done.stdout.strip().splitlines()[0] if done.returncode == 0 and done.stdout.strip() else ""


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    try:
        pages, size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return "unknown memory"
    return f"{pages * size / (1 << 30):.0f} GiB RAM"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _header(
    config: Config, args: argparse.Namespace, started: datetime.datetime, seconds: float
) -> list[str]:
    commit = _first_line(["git", "rev-parse", "--short", "HEAD"]) or "unknown"
    dirty = _first_line(["git", "status", "--porcelain", "--", "magic_hour_ext", "generated"])
    script = shlex.join(
        ["PYTHONPATH=scripts", os.path.relpath(sys.executable, ROOT), "-m", "bench", *sys.argv[1:]]
    )
    command = f"`{args.via}` (which runs `{script}`)" if args.via else f"`{script}`"
    curl = _first_line(["curl", "--version"]).split(" (")[0] if shutil.which("curl") else "not installed"
    return [
        f"- **Date**: {started:%Y-%m-%d %H:%M} UTC; the run took {seconds:.0f} s ({config.name} mode).",
        f"- **Command**: {command}",
        f"- **Machine**: {os.cpu_count()} cores ({_cpu_model()}), {_memory()}, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}.",
        f"- **Peers**: magic-hour-ext {_version('magic-hour-ext')} (commit {commit}"
        f"{', with uncommitted changes' if dirty else ''}), "
        f"official SDK magic-hour {_version('magic-hour')}, {curl}; "
        f"httpx {_version('httpx')} under both Python peers.",
        "- **Setup**: every peer talks to the local Magic Hour server (`magic_hour_ext.testing`) on "
        "127.0.0.1, which runs in the bench's own process; each measured client runs in a process of "
        "its own.",
        "- **Reading it**: every figure comes from this run. Cells are the median, then the min-to-max "
        "spread of the repeats. The machine is shared and noisy: the ratios side by side are the "
        "claim, absolute times are context. A ratio below 1 means ours takes less (time, requests, "
        "memory, CPU), except for throughput, where above 1 is better. *verdict* compares ours with "
        "the targets of issue 4.",
    ]


def write_atomically(path: Path, text: str) -> None:
    """Write *text* to *path* through a temporary file in the same folder: never a partial page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


def main(argv: list[str] | None = None) -> int:
    """Measure every row, print the page, and write it to ``--output``."""
    args = _parse(argv)
    config = QUICK if args.quick else FULL
    started, clock = datetime.datetime.now(datetime.UTC), time.perf_counter()
    steps: list[tuple[str, Callable[[Path], Section]]] = [
        ("polls and detection delay", lambda _: measure_polls(config)),
        ("download throughput and memory", lambda scratch: measure_download(config, scratch)),
        ("many projects at once", lambda _: measure_many(config)),
        ("import time", lambda _: measure_imports(config)),
        ("CPU time per poll", lambda _: measure_cpu(config)),
        ("upload throughput and memory", lambda scratch: measure_upload(config, scratch)),
        ("resuming an interrupted download", lambda scratch: measure_resume(config, scratch)),
        ("video waits and many video ids", lambda _: measure_video(config)),
        ("a big video download", lambda scratch: measure_video_download(config, scratch)),
        ("waiting by webhook", lambda _: measure_webhooks(config)),
        ("generate end to end", lambda scratch: measure_generate(config, scratch)),
    ]
    if args.only is not None:
        steps = [steps[ROWS.index(args.only)]]
    output = args.output if args.output is not None or args.only is not None else DEFAULT_OUTPUT
    sections: list[Section] = []
    try:
        with tempfile.TemporaryDirectory(prefix="magic-hour-bench-") as scratch:
            for number, (title, step) in enumerate(steps, 1):
                print(f"[{number}/{len(steps)}] {title} ... ", end="", file=sys.stderr, flush=True)
                at = time.perf_counter()
                sections.append(step(Path(scratch)))
                print(f"{time.perf_counter() - at:.1f} s", file=sys.stderr, flush=True)
    except BenchError as exc:
        print(f"\nbench failed: {exc}", file=sys.stderr)
        return 1
    page = render_page(_header(config, args, started, time.perf_counter() - clock), sections)
    print(page)
    if output is not None:
        write_atomically(output, page)
        print(f"written to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
