"""`python -m magic_hour_ext.testing`: run the local server in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import sys
import threading
from collections.abc import Sequence
from typing import TextIO

from ._content import Output
from ._server import MagicHourServer

__all__ = ["main", "serve"]


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    download_port: int = 0,
    token: str = "test-token",  # noqa: S107 - a fake token for a local test server
    out: TextIO | None = None,
    until: threading.Event | None = None,
) -> None:
    """Run a `MagicHourServer` with two sample projects until Ctrl-C (or until `until` is set).

    It prints the API and download URLs, the token and the sample project ids to `out`
    (default: standard output).

    Example:
        >>> stop = threading.Event()
        >>> stop.set()  # stops it at once; serve() alone runs until Ctrl-C
        >>> serve(until=stop)
        Magic Hour local server
          API:        http://127.0.0.1:...
          downloads:  http://127.0.0.1:...
          token:      test-token
        ...
        Press Ctrl-C to stop.
        Stopped.
    """
    out = sys.stdout if out is None else out
    until = threading.Event() if until is None else until
    if not _is_loopback(host):
        print(f"warning: listening on {host}, reachable from other machines", file=sys.stderr)
    # Ctrl-C is caught from before the server starts: one pressed as soon as the URLs show (or
    # earlier) stops it as cleanly as one pressed later, with "Stopped." and exit status 0.
    with (
        contextlib.suppress(KeyboardInterrupt),
        MagicHourServer(token, host=host, port=port, download_port=download_port) as server,
    ):
        ready = server.create_project(outputs=[Output(name="output.png")])
        rendering = server.create_project(timeline=[("queued", 2.0), ("rendering", 3.0), ("complete", None)])
        lines = [
            "Magic Hour local server",
            f"  API:        {server.base_url}",
            f"  downloads:  {server.download_base_url}",
            f"  token:      {server.token}",
            f"  project:    {ready.id}  (complete, one PNG)",
            f"  project:    {rendering.id}  (queued 2 s, rendering 3 s, then complete)",
            "",
            f'Try: curl -H "Authorization: Bearer {server.token}" {server.base_url}{ready.url_path}',
            "Press Ctrl-C to stop.",
        ]
        print("\n".join(lines), file=out, flush=True)
        until.wait()
    print("Stopped.", file=out, flush=True)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: `python -m magic_hour_ext.testing [--port N] [--download-port N] [--token T]`.

    Runs the server in the foreground until Ctrl-C; returns the exit status.

    Example:
        In a shell; point a client at the printed URL and token, and press Ctrl-C to stop::

            $ python -m magic_hour_ext.testing --port 8080 --token my-token
    """
    parser = argparse.ArgumentParser(
        prog="python -m magic_hour_ext.testing",
        description="Run a local Magic Hour image-projects API and download host, for tests and demos.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)"
    )
    parser.add_argument("--port", type=int, default=0, help="API port (default: a free one)")
    parser.add_argument(
        "--download-port", type=int, default=0, help="download host port (default: a free one)"
    )
    parser.add_argument(
        "--token", default="test-token", help="the bearer token to accept (default: test-token)"
    )
    args = parser.parse_args(argv)
    try:
        serve(host=args.host, port=args.port, download_port=args.download_port, token=args.token)
    except OSError as exc:
        print(f"error: cannot listen: {exc}", file=sys.stderr)
        return 1
    return 0
