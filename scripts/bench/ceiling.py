"""The local server's ceiling, as curl sees it: one big download, and many small keep-alive GETs.

``PYTHONPATH=scripts python -m bench.ceiling --tree OLD --tree NEW`` compares the
``magic_hour_ext.testing`` servers of two source trees (say, an export of ``main`` and a
checkout), in alternating rounds, each round a fresh process per tree with that tree first on
``sys.path``. Each process runs its server in a thread and times ``curl`` against it:

- *download*: one output of ``--size`` bytes, fetched whole by ``curl -o /dev/null``, and by
  ``curl -o FILE`` as the bench's download row does, ``--repeats`` times each (curl's own
  ``time_total``);
- *API GETs* and *download GETs*: ``--gets`` GETs of one project (with the token) and of a 1 KiB
  output (without it), each batch in one curl process that reuses one keep-alive connection.

curl is faster than the server, so its rates are the server's ceiling. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main"]

MIB = 1 << 20


def _curl_config(path: Path, urls: list[str], headers: list[str]) -> None:
    lines = [f'header = "{header}"' for header in headers]
    for url in urls:
        lines += [f'url = "{url}"', 'output = "/dev/null"']
    path.write_text("\n".join(lines) + "\n")


def _measure(size: int, repeats: int, gets: int) -> dict[str, list[float]]:
    """Run in the child: this tree's server, timed by curl."""
    import magic_hour_ext  # the tree's own, found through PYTHONPATH
    from magic_hour_ext.testing import MagicHourServer, Output

    if not Path(magic_hour_ext.__file__).resolve().is_relative_to(Path.cwd().resolve()):
        raise SystemExit(f"imported {magic_hour_ext.__file__}, not the tree's own")

    curl = shutil.which("curl")
    if curl is None:
        raise SystemExit("curl is not installed")
    rates: dict[str, list[float]] = {
        "download MiB/s": [],
        "to a file MiB/s": [],
        "API GETs/s": [],
        "download GETs/s": [],
    }
    with MagicHourServer() as server, tempfile.TemporaryDirectory() as scratch:
        big = server.create_project(outputs=[Output(size=size, name="big.bin")])
        small = server.create_project(outputs=[Output(size=1024, name="small.bin")])
        [big_url] = big.download_urls()
        [small_url] = small.download_urls()
        api_config, download_config = Path(scratch, "api.cfg"), Path(scratch, "download.cfg")
        _curl_config(
            api_config, [server.base_url + small.url_path] * gets, [f"Authorization: Bearer {server.token}"]
        )
        _curl_config(download_config, [small_url] * gets, [])
        for _ in range(repeats):
            for name, target in (("download MiB/s", "/dev/null"), ("to a file MiB/s", f"{scratch}/big.bin")):
                run = subprocess.run(
                    [curl, "-sS", "-o", target, "-w", "%{time_total} %{size_download}", big_url],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                seconds, downloaded = run.stdout.split()
                if int(downloaded) != size:
                    raise SystemExit(f"curl downloaded {downloaded} bytes, not {size}")
                rates[name].append(size / MIB / float(seconds))
            Path(scratch, "big.bin").unlink()
        for name, config in (("API GETs/s", api_config), ("download GETs/s", download_config)):
            started = time.perf_counter()
            subprocess.run([curl, "-sS", "--fail", "-K", str(config)], check=True)
            rates[name].append(gets / (time.perf_counter() - started))
        if len(server.requests) != 2 * repeats + 2 * gets:
            raise SystemExit(f"the server saw {len(server.requests)} requests, not {2 * repeats + 2 * gets}")
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ceiling", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--tree", action="append", type=Path, required=True, help="a source tree (repeatable)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default: 3)")
    parser.add_argument("--repeats", type=int, default=2, help="big downloads per round (default: 2)")
    parser.add_argument("--size", type=int, default=1 << 30, help="bytes of the big output (default: 1 GiB)")
    parser.add_argument("--gets", type=int, default=2000, help="small GETs per batch (default: 2000)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_measure(args.size, args.repeats, args.gets)))
        return 0
    results: dict[Path, dict[str, list[float]]] = {tree: {} for tree in args.tree}
    for _ in range(args.rounds):
        for tree in args.tree:
            env = {
                **os.environ,
                "PYTHONPATH": os.pathsep.join([str(tree.resolve()), str(Path(__file__).parents[1])]),
            }
            argv_child = [sys.executable, "-m", "bench.ceiling", "--child", "--tree", str(tree)]
            argv_child += ["--repeats", str(args.repeats), "--size", str(args.size), "--gets", str(args.gets)]
            run = subprocess.run(argv_child, env=env, capture_output=True, text=True, check=True, cwd=tree)
            for name, values in json.loads(run.stdout).items():
                results[tree].setdefault(name, []).extend(values)
    for tree, figures in results.items():
        print(tree)
        for name, values in figures.items():
            print(
                f"  {name:16} median {statistics.median(values):9,.0f}   "
                f"min {min(values):9,.0f}   max {max(values):9,.0f}   (n={len(values)})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
