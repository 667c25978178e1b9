"""`make bench-quick` runs and fills every row; the pure parts of the bench compute what they claim.

The end-to-end test builds `.venv-bench-<Python version>` on first use (the official SDK lives
only there), runs the quick mode against the local server and checks the page it writes to a
temporary path: every row present with figures, a verdict wherever there is a target, and
docs/benchmarks.md left alone. It does not check any speed: that is what the bench reports, not
what it must achieve.
"""

import doctest
import importlib
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bench._download import choose_size
from bench._many import durations
from bench._polls import (
    allowance,
    official_poll_times,
    official_polls,
    ours_poll_times,
    worst_delay,
)
from bench._procs import BenchError, Worker, run_command
from bench._stats import fmt_ratio, fmt_seconds, spread
from bench._table import Row, Section, render_page

from magic_hour_ext import simulate_polls

ROOT = Path(__file__).resolve().parents[2]
# The bench environment of the Python running these tests (the Makefile names it for its version).
BENCH_PYTHON = ROOT / f".venv-bench-{sys.version_info[0]}.{sys.version_info[1]}" / "bin" / "python"
MIB = 1 << 20
ROWS = [
    *(f"1{c}" for c in "abcdefghij"),
    *(f"2{c}" for c in "abc"),
    *(f"3{c}" for c in "abcde"),
    "4a",
    "5a",
    *(f"6{c}" for c in "abc"),
    "7a",
    "7b",
    *(f"8{c}" for c in "abcdef"),
    *(f"9{c}" for c in "abc"),
    *(f"10{c}" for c in "abcde"),
    "11a",
    "11b",
]
CURL_ROWS = {"2a", "2b", "2c", "6a", "6b", "6c", "9a", "9b", "9c"}


def _first_at_or_after(times: list[float], job: float) -> int:
    return next(i for i, t in enumerate(times) if t >= job)


@pytest.mark.parametrize("job", [0.3, 2.0, 10.0, 60.0, 600.0])
def test_poll_times_agree_with_simulate_polls(job: float) -> None:
    times, extra = ours_poll_times(2 * job, rng=None)
    k = _first_at_or_after(times, job)
    assert extra == 0.0
    assert (k + 1, times[k] - job) == simulate_polls(job)


def test_official_model_matches_the_issue_and_its_own_poll_times() -> None:
    assert [official_polls(t)[0] for t in (10.0, 60.0, 600.0)] == [22, 122, 1202]
    for job in (0.3, 2.0, 2.2, 10.0, 60.0):
        times, extra = official_poll_times(2 * job)
        k = _first_at_or_after(times, job)
        gets, delay = official_polls(job)
        assert gets == k + 1
        assert delay == pytest.approx(times[k] + extra - job)


@pytest.mark.parametrize("rng_seed", [None, 3])
def test_worst_delay_is_the_supremum_over_every_job_length(rng_seed: int | None) -> None:
    rng = None if rng_seed is None else random.Random(rng_seed)  # noqa: S311 - the schedule's jitter
    times, extra = ours_poll_times(120.0, rng=rng)
    ratio, at, longest = worst_delay(times, extra)
    # Brute force on a fine grid of job lengths: never above the supremum, and close to it.
    grid = [0.001 + i * 0.01 for i in range(int(100 / 0.01))]
    delays = [(times[_first_at_or_after(times, job)] - job, job) for job in grid]
    brute = max(delay / allowance(job) for delay, job in delays)
    assert brute <= ratio + 1e-9
    assert brute == pytest.approx(ratio, rel=0.02)
    assert max(d for d, _ in delays) == pytest.approx(longest, rel=0.02)
    assert at in times


def test_worst_delay_counts_the_sleep_after_the_final_get() -> None:
    assert worst_delay([0.0, 0.0, 0.5, 1.0], 0.5) == (2.0, 0.0, 1.0)


def test_choose_size_halves_until_the_disk_keeps_a_margin() -> None:
    assert choose_size(1 << 30, 100 << 30) == 1 << 30
    assert choose_size(1 << 30, 900 * MIB) == 256 * MIB
    with pytest.raises(BenchError, match="too little"):
        choose_size(1 << 30, 100 * MIB)


def test_durations_spread_from_a_tenth_to_the_longest() -> None:
    jobs = durations(1000, 10.0)
    assert len(jobs) == 1000
    assert (min(jobs), max(jobs)) == (1.0, 10.0)
    assert jobs == sorted(jobs)
    assert durations(1, 2.0) == [2.0]


def test_spread_and_formatting() -> None:
    summary = spread([0.3, 0.1, 0.2, 0.4])
    assert (summary.median, summary.low, summary.high, summary.n) == (0.25, 0.1, 0.4, 4)
    assert summary.show(fmt_seconds) == "0.25 s (0.1 s\N{EN DASH}0.4 s)"
    assert spread([2.0, 2.0]).show(fmt_seconds) == "2 s"
    assert fmt_ratio(1.0, 4.0) == "0.25\N{MULTIPLICATION SIGN}"
    assert fmt_ratio(1.0, 0.0) == "\N{EM DASH}"
    with pytest.raises(ValueError, match="no values"):
        spread([])


def test_page_escapes_cells_and_keeps_notes() -> None:
    section = Section("1. Polls", [Row("1a", "a | b", "1")], ["a note"])
    page = render_page(["- header"], [section])
    assert "| 1a | a \\| b | 1 |" in page
    assert page.index("- header") < page.index("| 1a") < page.index("- a note")


def test_a_worker_that_fails_is_a_bench_error_with_its_stderr() -> None:
    spec = {"peer": "nobody", "task": "poll", "base_url": "http://127.0.0.1:9", "token": "t"}
    with Worker(spec) as worker, pytest.raises(BenchError, match="unknown peer 'nobody'"):
        worker.wait_ready(timeout=30)


def test_run_command_watches_the_peak_memory_of_the_program_itself() -> None:
    # The parent (pytest) holds far more than 30 MiB: none of it may be counted for the child.
    hold = "import time; b = bytearray(64 << 20); time.sleep(0.1); print(len(b))"
    small = run_command([sys.executable, "-c", "import time; time.sleep(0.1)"], timeout=30, watch_memory=True)
    big = run_command([sys.executable, "-c", hold], timeout=30, watch_memory=True)
    assert (small.returncode, big.returncode, big.stdout.strip()) == (0, 0, str(64 << 20))
    assert small.peak_rss is not None
    assert big.peak_rss is not None
    assert small.peak_rss < 30 * MIB
    assert big.peak_rss - small.peak_rss >= 60 * MIB
    assert run_command([sys.executable, "-c", "pass"], timeout=30).peak_rss is None
    with pytest.raises(BenchError, match="took more than"):
        run_command([sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5, watch_memory=True)
    with pytest.raises(BenchError, match="took more than"):
        run_command([sys.executable, "-c", "import time; time.sleep(30)"], timeout=0.5)


@pytest.mark.parametrize("module", ["_stats", "_table", "_polls", "_many", "_download", "_procs", "_video"])
def test_docstring_examples(module: str) -> None:
    results = doctest.testmod(importlib.import_module(f"bench.{module}"))
    assert results.attempted > 0
    assert results.failed == 0


def _rows(page: str) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in page.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if line.startswith("| ") and re.fullmatch(r"\d+[a-z]", cells[0]):
            rows[cells[0]] = cells
    return rows


def test_make_bench_quick_measures_every_row(tmp_path: Path) -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    docs_before = docs.read_bytes() if docs.exists() else None
    output = tmp_path / "bench.md"
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "bench-quick", f"ARGS=--output {output}"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    page = output.read_text(encoding="utf-8")
    assert (docs.read_bytes() if docs.exists() else None) == docs_before
    assert "| 1a |" in done.stdout  # printed as well as written

    assert re.search(r"\*\*Date\*\*: \d{4}-\d\d-\d\d \d\d:\d\d UTC; the run took \d+ s \(quick mode\)", page)
    assert "**Command**: `make bench-quick ARGS=" in page
    assert re.search(r"\*\*Machine\*\*: \d+ cores .*Python 3\.\d+", page)
    assert "official SDK magic-hour 0.90.0" in page

    rows = _rows(page)
    assert list(rows) == ROWS
    curl = shutil.which("curl") is not None
    for id, (_, what, ours, official, in_curl, _, _, target, verdict) in rows.items():
        assert what, id
        assert re.search(r"\d", ours), (id, ours)
        assert re.search(r"\d", official), (id, official)
        assert "failed" not in ours + official, (id, ours, official)
        if id in CURL_ROWS:
            assert re.search(r"\d", in_curl) if curl else in_curl == "not installed", (id, in_curl)
        if target == "\N{EM DASH}":
            assert verdict == "\N{EM DASH}", id
        else:
            assert verdict in ("met", "MISSED"), (id, verdict)
    for title in (
        "1. Polls",
        "2. Download",
        "3. Many projects",
        "4. Import time",
        "5. CPU time",
        "6. Upload",
        "7. Resuming",
        "8. Video waits",
        "9. A big video download",
        "10. Waiting by webhook",
        "11. generate",
    ):
        assert f"**{title}" in page


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_ceiling_script_measures_a_tree(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.ceiling import main

    assert (
        main(["--tree", str(ROOT), "--rounds", "1", "--repeats", "1", "--size", str(MIB), "--gets", "5"]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == str(ROOT)
    names = [line.split("  median")[0].strip() for line in lines[1:]]
    assert names == ["download MiB/s", "to a file MiB/s", "API GETs/s", "download GETs/s"]
    assert all("(n=1)" in line for line in lines[1:])


def test_only_one_row_is_measured_and_printed_not_written() -> None:
    docs = ROOT / "docs" / "benchmarks.md"
    docs_before = docs.read_bytes() if docs.exists() else None
    done = subprocess.run(
        [str(BENCH_PYTHON), "-m", "bench", "--quick", "--only", "imports"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert list(_rows(done.stdout)) == ["4a"]
    assert "written to" not in done.stderr
    assert (docs.read_bytes() if docs.exists() else None) == docs_before


def test_the_video_schedule_rows_meet_issue_10_and_say_the_official_figures() -> None:
    from bench._config import QUICK
    from bench._table import Section
    from bench._video import VIDEO_GET_TARGETS, _schedule_rows

    section = Section("8")
    _schedule_rows(QUICK, section)
    rows = {row.id: row for row in section.rows}
    assert list(rows) == ["8a", "8b", "8c"]
    assert [rows["8a"].official, rows["8b"].official] == ["602", "3,602"]  # the SDK polls every 0.5 s
    assert [rows[i].target for i in ("8a", "8b")] == [f"≤ {n}" for n in VIDEO_GET_TARGETS.values()]
    assert all(row.verdict == "met" for row in section.rows)
    assert int(rows["8b"].ours.split()[0]) > int(rows["8a"].ours.split()[0]) > 20
