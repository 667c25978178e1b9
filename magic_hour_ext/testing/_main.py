"""`python -m magic_hour_ext.testing`: run the local server in the foreground until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import ipaddress
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TextIO

from .._config import ENV_WEBHOOK_SECRET
from ._server import MagicHourServer
from ._specs import ProjectSpec, add_project_arguments, project_specs, samples

__all__ = ["STOP_HINT", "add_server_arguments", "main", "run_server", "serve", "webhook_secret"]

#: How a foreground server is stopped, as it says once it is ready.
STOP_HINT = "Stop it with Ctrl-C, or SIGTERM (kill <pid>)."


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    download_port: int = 0,
    token: str = "test-token",  # noqa: S107 - a fake token for a local test server
    out: TextIO | None = None,
    until: threading.Event | None = None,
    projects: Sequence[ProjectSpec] | None = None,
    webhook_url: str | None = None,
    webhook_secret: str | None = None,
) -> None:
    """Run a `MagicHourServer` with *projects* until Ctrl-C or SIGTERM (or until `until` is set).

    It prints the API and download URLs, the token, each project's id and what it will do, and how
    to stop it, to `out` (default: standard output). Without *projects*, two samples: one
    complete with one PNG, one queued 2 s, rendering 3 s, then complete. Ctrl-C and SIGTERM (when
    called from the main thread) both stop it cleanly: connections closed, "Stopped." printed.
    With *webhook_url*, it POSTs each project's webhook events there, signed with
    *webhook_secret* (which it never prints).

    Example:
        >>> stop = threading.Event()
        >>> stop.set()  # stops it at once; serve() alone runs until Ctrl-C
        >>> serve(until=stop)
        Magic Hour local server
          API:        http://127.0.0.1:...
          downloads:  http://127.0.0.1:...
          token:      test-token
        ...
        Stop it with Ctrl-C, or SIGTERM (kill <pid>).
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
        MagicHourServer(
            token,
            host=host,
            port=port,
            download_port=download_port,
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
        ) as server,
        _stopped_by_sigterm(until),
    ):
        created = [(spec, spec.create(server)) for spec in (projects or samples())]
        lines = [
            "Magic Hour local server",
            f"  API:        {server.base_url}",
            f"  downloads:  {server.download_base_url}",
            f"  token:      {server.token}",
            *(
                [f"  webhooks:   POST {server.webhook_url} (signed; the secret is not shown)"]
                if webhook_url
                else []
            ),
            *(f"  project:    {project.id}  ({spec.describe()})" for spec, project in created),
            "",
            f'Try: curl -H "Authorization: Bearer {server.token}" {server.base_url}{created[0][1].url_path}'
            if created
            else "No project.",
            STOP_HINT,
        ]
        print("\n".join(lines), file=out, flush=True)
        while not until.wait(0.25):
            pass
    print("Stopped.", file=out, flush=True)


@contextlib.contextmanager
def _stopped_by_sigterm(until: threading.Event) -> Iterator[None]:
    """While the block runs, SIGTERM sets *until* (main thread only: elsewhere nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: until.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of a foreground server: where it listens, its token, and its projects."""
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
    parser.add_argument(
        "--webhook-url",
        metavar="URL",
        help=f"POST each project's webhook events (started, completed, errored) to URL, signed with "
        f"the secret in {ENV_WEBHOOK_SECRET} (or the one --ask-webhook-secret reads)",
    )
    parser.add_argument(
        "--ask-webhook-secret",
        action="store_true",
        help="read the webhook secret from the terminal, without echoing it",
    )
    add_project_arguments(parser)


def webhook_secret(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str | None:
    """The secret to sign webhooks with: typed (``--ask-webhook-secret``) or from the environment.

    None without ``--webhook-url``; a usage error when one is needed and neither gives it.
    """
    if not args.webhook_url:
        return None
    if args.ask_webhook_secret:
        secret = getpass.getpass("Webhook secret: ").strip()
    else:
        secret = next(iter(os.environ.get(ENV_WEBHOOK_SECRET, "").split()), "")
    if not secret:
        parser.error(f"--webhook-url needs a secret: set {ENV_WEBHOOK_SECRET}, or pass --ask-webhook-secret")
    return secret


def run_server(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Serve what *args* (of :func:`add_server_arguments`) describe; the exit status.

    A flag that does not describe a project is a usage error (*parser* reports it, status 2); a
    port that cannot be listened on is status 1.
    """
    try:
        projects = project_specs(args)
    except ValueError as exc:
        parser.error(str(exc))
    secret = webhook_secret(args, parser)
    try:
        serve(
            host=args.host,
            port=args.port,
            download_port=args.download_port,
            token=args.token,
            projects=projects,
            webhook_url=args.webhook_url,
            webhook_secret=secret,
        )
    except ValueError as exc:  # a webhook URL that is not one
        parser.error(str(exc))
    except OSError as exc:
        print(f"error: cannot listen: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: `python -m magic_hour_ext.testing [--port N] [--token T] [--timeline ...]`.

    Runs the server in the foreground until Ctrl-C or SIGTERM; returns the exit status.

    Example:
        In a shell; point a client at the printed URL and token, and press Ctrl-C to stop::

            $ python -m magic_hour_ext.testing --port 8080 --token my-token
            $ python -m magic_hour_ext.testing --timeline queued:2,rendering:30,complete --size 2GiB
    """
    parser = argparse.ArgumentParser(
        prog="python -m magic_hour_ext.testing",
        description="Run a local Magic Hour image-projects API and download host, for tests and demos.",
        epilog=f"{STOP_HINT} Exit status: 0 once stopped, 1 when a port cannot be listened on, "
        "2 for a usage error.",
    )
    add_server_arguments(parser)
    return run_server(parser.parse_args(argv), parser)
