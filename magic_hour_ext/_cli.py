"""The ``magic-hour-ext`` command line (also ``python -m magic_hour_ext``): parsing and dispatch.

The commands themselves are in ``_commands.py`` and ``_demo.py``, what they show in ``_render.py``.
This module turns arguments into calls, and errors into one line on standard error and an exit
code (see :data:`EPILOG`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import NoReturn

from generated import AuthenticatedClient

from . import (
    AuthenticationError,
    ConfigurationError,
    CreateOutcomeUnknownError,
    DownloadDirectoryError,
    InvalidArgumentError,
    MagicHourError,
    MissingAPIKeyError,
    OutputExistsError,
    ProjectCanceledError,
    ProjectFailedError,
    WaitTimeoutError,
    client_from_env,
    redact_signed_urls_in_logs,
)
from ._batch import check_many, read_ids
from ._commands import CheckOptions, DeclinedError, NotConfirmedError, NotFinishedError, check, delete, get
from ._config import check_base_url, webhook_secrets_from_env
from ._demo import DEMO_DIRECTORY, run_demo
from ._files import check_directory
from ._kinds import KIND_DEFAULT, KIND_NAMES
from ._listen import ListenOptions, listen
from ._render import BatchDisplay, Display, clean, hide_secret, make_display
from ._signature import webhook_keys
from ._tool_commands import (
    GenerateOptions,
    body_from,
    generate_command,
    tool_fields,
    tools_command,
    upload_command,
)
from .testing._main import STOP_HINT, add_server_arguments, run_server

__all__ = [
    "BATCH_LIMIT",
    "EPILOG",
    "EXIT_ERROR",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_MEANINGS",
    "EXIT_OK",
    "EXIT_OUTCOME_UNKNOWN",
    "EXIT_TIMEOUT",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
    "error_json",
    "error_message",
    "exit_code",
    "is_batch",
    "main",
]

PROG = "magic-hour-ext"
ENV_API_KEY = "MAGIC_HOUR_API_KEY"
ENV_BASE_URL = "MAGIC_HOUR_BASE_URL"

#: How many projects ``check-result`` waits for at once, by default (``--jobs``).
BATCH_LIMIT = 8
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_TIMEOUT = 3
EXIT_ERROR = 4
EXIT_OUTCOME_UNKNOWN = 5
EXIT_INTERRUPTED = 130

#: What each exit code means, for every command; each command's --help lists its own.
EXIT_MEANINGS = {
    EXIT_OK: "success (check-result: the project is complete and its outputs are saved)",
    EXIT_FAILED: "the project failed or was canceled (delete: the prompt was answered no)",
    EXIT_USAGE: "usage error (a bad option, an empty id, a download folder that cannot be used), "
    "no API key, or the API refused the key (HTTP 401)",
    EXIT_TIMEOUT: "check-result: no final status yet: --timeout passed, or --no-wait found the project "
    "unfinished (run again to keep waiting)",
    EXIT_ERROR: "any other API, network or download error, and an API that never answered (even "
    "when --timeout passed: running again will not help until it answers)",
    EXIT_OUTCOME_UNKNOWN: "generate: the create's outcome is unknown (no answer after it was sent, "
    "or a 5xx): the project may have been created and charged; check your projects before running it again",
    EXIT_INTERRUPTED: "interrupted with Ctrl-C (a download keeps its partial file; the next run resumes it)",
}

_ENVIRONMENT = f"""\
environment:
  {ENV_API_KEY}        your API key (--api-key overrides it; prefer the variable:
                            command-line arguments are visible to other users)
  {ENV_BASE_URL}       the API to call (default https://api.magichour.ai)
  MAGIC_HOUR_POLL_INTERVAL  a fixed poll interval in seconds instead of the growing schedule
  NO_COLOR                  no colours on a terminal
"""


def _epilog(meanings: dict[int, str], *, environment: bool = True) -> str:
    """The ``exit codes:`` section of a --help (and the environment, for commands that call the API)."""
    width = 105
    lines = ["exit codes:"]
    for code, meaning in meanings.items():
        words, line = meaning.split(), f"  {code:<4} "
        for word in words:
            if len(line) + len(word) > width and line.strip():
                lines.append(line.rstrip())
                line = " " * 7
            line += word + " "
        lines.append(line.rstrip())
    return "\n".join(lines) + ("\n\n" + _ENVIRONMENT if environment else "\n")


#: The epilog of ``magic-hour-ext --help``: every exit code.
EPILOG = _epilog(EXIT_MEANINGS)

_COMMAND_CODES: dict[str, dict[int, str]] = {
    "check-result": {code: text for code, text in EXIT_MEANINGS.items() if code != EXIT_OUTCOME_UNKNOWN},
    "get": {
        EXIT_OK: "the project was printed",
        EXIT_USAGE: EXIT_MEANINGS[EXIT_USAGE],
        EXIT_ERROR: "any API or network error (HTTP 404: no such project of that kind here)",
        EXIT_INTERRUPTED: "interrupted with Ctrl-C",
    },
    "delete": {
        EXIT_OK: "the project was deleted",
        EXIT_FAILED: "the prompt was answered no: nothing was deleted",
        EXIT_USAGE: f"{EXIT_MEANINGS[EXIT_USAGE]}; no --yes while standard input is not a terminal",
        EXIT_ERROR: "any API or network error (HTTP 422: a video template cannot be deleted)",
        EXIT_INTERRUPTED: "interrupted with Ctrl-C",
    },
    "serve": {
        EXIT_OK: "stopped with Ctrl-C or SIGTERM",
        EXIT_FAILED: "a port could not be listened on",
        EXIT_USAGE: "usage error (a timeline, size or projects file that does not describe a project; "
        "--webhook-url without a secret, or not an http(s) URL)",
    },
    "webhook": {
        EXIT_OK: "stopped with Ctrl-C or SIGTERM",
        EXIT_FAILED: "the port could not be listened on",
        EXIT_USAGE: "usage error, or MAGIC_HOUR_WEBHOOK_SECRET not set (--download: no API key either)",
    },
    "tools": {EXIT_OK: "the tools were listed"},
    "upload": {
        EXIT_OK: "every file was uploaded; its file_path printed",
        EXIT_USAGE: f"{EXIT_MEANINGS[EXIT_USAGE]}; a missing file, or an extension upload-urls does not take",
        EXIT_ERROR: "any API, network or upload error (the message names the file)",
        EXIT_INTERRUPTED: "interrupted with Ctrl-C",
    },
    "generate": {
        EXIT_OK: "the project is complete and its outputs are saved (--no-wait: it was created)",
        EXIT_FAILED: EXIT_MEANINGS[EXIT_FAILED].split(" (")[0],
        EXIT_USAGE: f"{EXIT_MEANINGS[EXIT_USAGE]}; a body that does not fit the tool's fields (nothing sent)",
        EXIT_TIMEOUT: "no final status yet when --timeout passed (check-result ID waits again)",
        EXIT_ERROR: "any other API, network, upload or download error",
        EXIT_OUTCOME_UNKNOWN: EXIT_MEANINGS[EXIT_OUTCOME_UNKNOWN].removeprefix("generate: "),
        EXIT_INTERRUPTED: "interrupted with Ctrl-C",
    },
    "demo": {
        EXIT_OK: "the demo images are saved",
        EXIT_USAGE: "usage error (a folder that cannot be used)",
        EXIT_ERROR: "the demo could not finish (an error of the library, the message says which)",
        EXIT_INTERRUPTED: "interrupted with Ctrl-C",
    },
}

Command = Callable[[argparse.Namespace, Display], int]


class UsageError(Exception):
    """The command line cannot be parsed (argparse's error, as an exception the CLI reports)."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are raised, so that ``--json`` can report them as JSON too."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage())


def _seconds(text: str) -> float | None:
    if text.strip().lower() in ("none", "inf", "forever"):
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0 or 'none', not {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, not {text!r}")
    return value


def _add_kind(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        choices=KIND_NAMES,
        default="image",
        help="the kind of project: image (the default), video or audio",
    )


def is_batch(args: argparse.Namespace) -> bool:
    """Whether ``check-result`` runs as a batch: several ids, ``--from``, or ``--json`` (JSON Lines).

    Example:
        >>> is_batch(build_parser().parse_args(["check-result", "a", "b"]))
        True
        >>> is_batch(build_parser().parse_args(["check-result", "a"]))
        False
    """
    return args.command == "check-result" and (
        len(args.ids) != 1 or args.from_file is not None or bool(args.json)
    )


def _add_global_options(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    # In a subcommand the defaults are SUPPRESS, so `cmd --debug` and `--debug cmd` both work
    # without the subcommand resetting what the main parser saw.
    suppress = argparse.SUPPRESS if in_subcommand else None
    parser.add_argument(
        "--api-key",
        metavar="KEY",
        default=suppress,
        help=f"the Magic Hour API key (default: ${ENV_API_KEY}); it is never shown",
    )
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default=suppress,
        help=f"the API base URL (default: ${ENV_BASE_URL}, else https://api.magichour.ai)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if in_subcommand else False,
        help="log every request and show tracebacks (the API key stays hidden)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``magic-hour-ext``, every subcommand included.

    Each subcommand's ``--help`` shows only its own options and exit codes: ``--api-key``,
    ``--base-url`` and ``--debug`` belong to those that call the API (``check-result``, ``get``,
    ``delete``; before the command name they work for any). Errors raise UsageError.

    Example:
        >>> args = build_parser().parse_args(["check-result", "cuid-example", "--timeout", "30"])
        >>> args.command, args.ids, args.timeout, args.kind
        ('check-result', ['cuid-example'], 30.0, 'image')
    """
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog=PROG,
        description="Wait for Magic Hour image, video and audio projects and download their outputs, safely.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    _add_global_options(parser, in_subcommand=False)
    with contextlib.suppress(PackageNotFoundError):  # only in a source tree that is not installed
        parser.add_argument("--version", action="version", version=f"%(prog)s {version('magic-hour-ext')}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, run: Command, summary: str, *, api: bool = True, add_help: bool = True
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=_epilog(_COMMAND_CODES[name], environment=api),
            formatter_class=formatter,
            add_help=add_help,
        )
        if api:
            _add_global_options(sub, in_subcommand=True)
        sub.set_defaults(run=run, parser=sub)
        return sub

    sub = command(
        "check-result",
        _run_check,
        "Wait for one or more projects to finish, then download their outputs (several at once).",
    )
    sub.add_argument(
        "ids", nargs="*", metavar="ID", help="the project ids (several are waited for at the same time)"
    )
    sub.add_argument(
        "--from",
        dest="from_file",
        metavar="FILE",
        help="also read ids from FILE, one a line ('-': standard input)",
    )
    _add_kind(sub)
    sub.add_argument(
        "--jobs",
        metavar="N",
        type=_positive_int,
        default=BATCH_LIMIT,
        help=f"wait for at most N projects at once (default: {BATCH_LIMIT})",
    )
    sub.add_argument(
        "--no-wait",
        action="store_true",
        help="get the project once instead of waiting (exit code 3 when it is not final yet)",
    )
    sub.add_argument("--no-download", action="store_true", help="do not download the outputs")
    sub.add_argument(
        "-o",
        "--output-dir",
        metavar="DIR",
        type=Path,
        help="where to save the outputs (created if missing; default: the current directory)",
    )
    sub.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_seconds,
        default=KIND_DEFAULT,
        help="give up waiting after this long, exit code 3 ('none': never; default: the kind's, "
        "600 for images, 1800 for videos and audio)",
    )
    sub.add_argument(
        "--overwrite", action="store_true", help="download again and replace files that already exist"
    )
    sub.add_argument(
        "--json",
        action="store_true",
        help="print one compact JSON object per project, one a line (JSON Lines): id, kind, status, "
        "exit_code, error, project, downloaded_paths",
    )

    sub = command("get", _run_get, "Print the details of a project.")
    sub.add_argument("id", help="the project id")
    _add_kind(sub)
    sub.add_argument(
        "--json", action="store_true", help="print the project (or the error) as one JSON object"
    )

    sub = command("delete", _run_delete, "Delete a project (it cannot be undone).")
    sub.add_argument("id", help="the project id")
    _add_kind(sub)
    sub.add_argument(
        "-y", "--yes", action="store_true", help="do not ask (required when standard input is not a terminal)"
    )
    sub.add_argument(
        "--json", action="store_true", help="print the outcome (or the error) as one JSON object"
    )

    sub = command(
        "tools", _run_tools, "List the tools: the kind of project each creates, its file inputs.", api=False
    )
    sub.add_argument("--json", action="store_true", help="print the list as JSON")

    sub = command(
        "upload", _run_upload, "Upload local files; print the file_path of each, for a tool's body."
    )
    sub.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the files (one upload-urls call)")
    sub.add_argument("--json", action="store_true", help="print [{path, file_path}] as JSON")

    sub = command(
        "generate",
        _run_generate,
        "Create a project with a tool (local files in its file fields are uploaded), wait, save its outputs.",
        add_help=False,
    )
    sub.add_argument(
        "-h", "--help", action="store_true", help="show this help; with TOOL, the tool's fields too"
    )
    sub.add_argument("tool", nargs="?", metavar="TOOL", help="the tool, as the API spells it (see: tools)")
    sub.add_argument("--body", metavar="FILE", help="the body as a JSON file ('-': standard input)")
    sub.add_argument(
        "--set",
        metavar="FIELD=VALUE",
        action="append",
        default=[],
        help="set one field (e.g. assets.image_file_path=photo.png); VALUE is JSON when it parses, "
        "else a string; after --body; repeatable",
    )
    sub.add_argument(
        "-o", "--output-dir", metavar="DIR", type=Path, help="where to save the outputs (default: here)"
    )
    sub.add_argument(
        "--no-wait", action="store_true", help="create it, print its id, and do not wait (check-result ID)"
    )
    sub.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_seconds,
        default=KIND_DEFAULT,
        help="give up waiting after this long, exit code 3 ('none': never; default: the kind's)",
    )
    sub.add_argument("--json", action="store_true", help="print the project and downloaded_paths as JSON")

    sub = command(
        "serve",
        _run_serve,
        "Run a local Magic Hour server in the foreground, for tests. " + STOP_HINT,
        api=False,
    )
    add_server_arguments(sub)

    sub = command("webhook", _run_webhook_help, "Receive Magic Hour webhooks.")
    webhook_commands = sub.add_subparsers(dest="webhook_command", metavar="WEBHOOK_COMMAND", required=True)
    summary = (
        "Receive Magic Hour webhooks: verify each delivery (the secret of MAGIC_HOUR_WEBHOOK_SECRET), "
        "print each event, and with --download save the outputs of completed projects."
    )
    sub = webhook_commands.add_parser(
        "listen",
        help=summary,
        description=summary,
        epilog=_epilog(_COMMAND_CODES["webhook"]),
        formatter_class=formatter,
    )
    _add_global_options(sub, in_subcommand=True)
    sub.set_defaults(run=_run_listen, parser=sub)
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    sub.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one, printed)")
    sub.add_argument(
        "--download",
        action="store_true",
        help="save the outputs of each completed project (one GET for fresh URLs; needs the API key)",
    )
    sub.add_argument(
        "-o",
        "--output-dir",
        metavar="DIR",
        type=Path,
        help="where --download saves them (created if missing; default: the current directory)",
    )
    sub.add_argument(
        "--json", action="store_true", help="print each event (and each download) as one JSON object per line"
    )

    sub = command(
        "demo",
        _run_demo,
        "Show the whole path offline: a photo uploaded, rendered, 2 images saved.",
        api=False,
    )
    sub.add_argument(
        "-o",
        "--output-dir",
        metavar="DIR",
        type=Path,
        default=DEMO_DIRECTORY,
        help=f"where to save the images (default: ./{DEMO_DIRECTORY}/)",
    )
    return parser


def _client(args: argparse.Namespace) -> AuthenticatedClient:
    env = dict(os.environ)
    if args.api_key is not None:
        env[ENV_API_KEY] = args.api_key
    if args.base_url is not None:
        env[ENV_BASE_URL] = check_base_url(args.base_url.strip(), "--base-url")  # the flag is named
    return client_from_env(env)


def _run_check(args: argparse.Namespace, display: Display) -> int:
    options = CheckOptions(
        wait=not args.no_wait,
        download=not args.no_download,
        output_dir=args.output_dir,
        timeout=args.timeout,
        json=args.json,
        overwrite=args.overwrite,
        kind=args.kind,
    )
    if not isinstance(display, BatchDisplay):  # one id, without --json: the single wait's display
        with _client(args) as client:
            check(args.ids[0], client, options, display, sys.stdout)
        return EXIT_OK
    ids = read_ids(args.ids, args.from_file)
    if options.download:
        check_directory(options.output_dir or Path())
    with _client(args) as client:
        outcomes = check_many(
            ids,
            client,
            options,
            limit=args.jobs,
            display=display,
            out=sys.stdout,
            code_of=exit_code,
            message_of=lambda exc: clean(hide_secret(error_message(exc), display.secret), 2000),
        )
    return max(outcome.exit_code for outcome in outcomes)


def _run_get(args: argparse.Namespace, display: Display) -> int:
    with _client(args) as client:
        get(args.id, client, as_json=args.json, out=sys.stdout, kind=args.kind)
    return EXIT_OK


def _run_delete(args: argparse.Namespace, display: Display) -> int:
    with _client(args) as client:
        delete(args.id, client, yes=args.yes, out=sys.stdout, as_json=args.json, kind=args.kind)
    return EXIT_OK


def _run_tools(args: argparse.Namespace, display: Display) -> int:
    tools_command(as_json=args.json, out=sys.stdout)
    return EXIT_OK


def _run_upload(args: argparse.Namespace, display: Display) -> int:
    with _client(args) as client:
        upload_command(args.files, client, display, as_json=args.json, out=sys.stdout)
    return EXIT_OK


def _run_generate(args: argparse.Namespace, display: Display) -> int:
    if args.help:
        print(args.parser.format_help(), end="")
        if args.tool is not None:
            print("\n" + "\n".join(tool_fields(args.tool)))
        return EXIT_OK
    if args.tool is None:
        raise UsageError("the following arguments are required: TOOL", args.parser.format_usage())
    body = body_from(args.body, args.set, sys.stdin)
    options = GenerateOptions(
        wait=not args.no_wait, output_dir=args.output_dir, timeout=args.timeout, json=args.json
    )
    with _client(args) as client:
        generate_command(args.tool, body, client, options, display, sys.stdout)
    return EXIT_OK


def _run_serve(args: argparse.Namespace, display: Display) -> int:
    return run_server(args, args.parser)


def _run_webhook_help(args: argparse.Namespace, display: Display) -> int:  # pragma: no cover
    raise AssertionError("unreachable: the webhook command requires a subcommand")


def _run_listen(args: argparse.Namespace, display: Display) -> int:
    keys = webhook_keys(webhook_secrets_from_env())  # MissingWebhookSecretError before listening
    options = ListenOptions(
        host=args.host, port=args.port, download=args.download, output_dir=args.output_dir, json=args.json
    )
    client = _client(args) if args.download else None
    try:
        listen(options, keys, client, out=sys.stdout, err=sys.stderr)
    except OSError as exc:
        display.close()
        print(f"{PROG}: error: cannot listen: {exc}", file=sys.stderr, flush=True)
        return EXIT_FAILED
    return EXIT_OK


def _run_demo(args: argparse.Namespace, display: Display) -> int:
    run_demo(args.output_dir, display, sys.stdout)
    return EXIT_OK


def exit_code(exc: BaseException) -> int:
    """The exit code for an error (see :data:`EPILOG`).

    Example:
        >>> from magic_hour_ext import NotFoundError, WaitTimeoutError
        >>> exit_code(WaitTimeoutError("p", None, 1.0)), exit_code(NotFoundError(404, "Not Found"))
        (3, 4)
    """
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, ProjectFailedError | ProjectCanceledError | DeclinedError):
        return EXIT_FAILED
    if isinstance(exc, UsageError):
        return EXIT_USAGE
    if isinstance(exc, NotFinishedError):
        return EXIT_TIMEOUT
    usage = ConfigurationError | InvalidArgumentError | AuthenticationError | DownloadDirectoryError
    if isinstance(exc, usage | NotConfirmedError):
        return EXIT_USAGE
    if isinstance(exc, CreateOutcomeUnknownError):
        return EXIT_OUTCOME_UNKNOWN
    if isinstance(exc, WaitTimeoutError) and exc.answered:
        return EXIT_TIMEOUT
    return EXIT_ERROR  # a WaitTimeoutError of an API that never answered too: waiting again won't help


def error_message(exc: BaseException) -> str:
    """What the command line says about an error, worded for the command line.

    Example:
        >>> from magic_hour_ext import MissingAPIKeyError
        >>> error_message(MissingAPIKeyError()).split(":")[0]
        'MAGIC_HOUR_API_KEY is not set'
    """
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted"
    if isinstance(exc, MissingAPIKeyError):
        return (
            f"{exc.variable} is not set: export your Magic Hour API key as {exc.variable}, or pass --api-key"
        )
    if isinstance(exc, WaitTimeoutError):
        project = f"{exc.kind} project {clean(exc.project_id, 120)}"
        if not exc.answered:
            cause = exc.no_response or "no response"
            return f"timed out after {exc.timeout:g} s: the API never answered {project} ({cause})"
        status = f"still {clean(exc.project.status, 60)}" if exc.project is not None else "never seen"
        return (
            f"timed out: {project} is {status} after {exc.timeout:g} s; "
            "run the same command again to keep waiting"
        )
    if isinstance(exc, OutputExistsError) and exc.path is not None:
        return f"{exc.path} already exists; pass --overwrite to replace it"
    if isinstance(exc, MagicHourError | NotConfirmedError | DeclinedError | NotFinishedError | UsageError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
    return f"unexpected {type(exc).__name__}: {exc} (--debug shows the traceback)"


class _DisplayHandler(logging.Handler):
    """Sends log records to the display, so they never break a live progress bar.

    Without ``--debug`` only our own warnings are shown: each retry, resume and URL refresh says
    what it is about (``retrying GET image project 'abc' (503 Service Unavailable), attempt 2 of
    6, in 0.5 s``). With it, every record of every library.
    """

    def __init__(self, display: Display, *, debug: bool) -> None:
        super().__init__(logging.DEBUG)
        self._display = display
        self._debug = debug

    def filter(self, record: logging.LogRecord) -> bool:
        if self._debug:
            return True
        return record.levelno >= logging.WARNING and record.name.split(".")[0] == "magic_hour_ext"

    def emit(self, record: logging.LogRecord) -> None:
        try:
            prefix = f"{record.name}: " if self._debug else ""
            self._display.message(f"{record.levelname.lower()}: {prefix}{record.getMessage()}")
        except Exception:
            self.handleError(record)


def _configure_logging(display: Display, *, debug: bool) -> Callable[[], None]:
    """Route log records to *display*, signed URLs redacted; return a function that undoes the routing.

    The command line shows httpx's, httpcore's and stamina's records too, so it turns on the
    redaction of theirs (:func:`redact_signed_urls_in_logs`, which stays on: it is harmless).
    """
    redact_signed_urls_in_logs()
    handler = _DisplayHandler(display, debug=debug)
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("magic_hour_ext", "httpx")}
    root.addHandler(handler)
    if debug:
        logging.getLogger("magic_hour_ext").setLevel(logging.DEBUG)
        logging.getLogger("httpx").setLevel(logging.INFO)

    def undo() -> None:
        root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)

    return undo


def error_json(exc: BaseException, message: str, code: int) -> str:
    """The one JSON object ``--json`` prints for an error: ``{"error": {...}}``, plus the project if known.

    Example:
        >>> print(error_json(UsageError("bad", ""), "bad", 2))
        {"error": {"type": "UsageError", "message": "bad", "exit_code": 2}}
    """
    body: dict[str, object] = {"error": {"type": type(exc).__name__, "message": message, "exit_code": code}}
    project = getattr(exc, "project", None)
    if project is not None and hasattr(project, "to_dict"):
        body["project"] = project.to_dict()
    return json.dumps(body, default=str)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``magic-hour-ext`` with *argv* (default: ``sys.argv[1:]``); return the exit code.

    An error is one line on standard error and an exit code; with ``--json``, standard output also
    gets exactly one JSON object for it (:func:`error_json`), so a pipe always reads one object.

    Example:
        >>> main(["get", "cuid-example"])  # MAGIC_HOUR_API_KEY is set
        id               cuid-example
        status           complete
        ...
        0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"{exc.usage}{PROG}: error: {clean(str(exc), 2000)}", file=sys.stderr, end="\n", flush=True)
        if "--json" in argv:
            print(error_json(exc, clean(str(exc), 2000), EXIT_USAGE), flush=True)
        return EXIT_USAGE
    secret = args.api_key if args.api_key is not None else os.environ.get(ENV_API_KEY)
    as_json = bool(getattr(args, "json", False))
    display = make_display(sys.stderr, secret, batch=is_batch(args))
    undo_logging = _configure_logging(display, debug=args.debug)
    try:
        run: Command = args.run
        return run(args, display)
    except (Exception, KeyboardInterrupt) as exc:
        display.close()
        if args.debug and not isinstance(exc, KeyboardInterrupt):
            trace = "".join(traceback.format_exception(exc))
            print(hide_secret(trace, secret), end="", file=sys.stderr, flush=True)
        line = clean(hide_secret(error_message(exc), secret), 2000)
        if isinstance(exc, UsageError):
            print(exc.usage, end="", file=sys.stderr)
        print(f"{PROG}: error: {line}", file=sys.stderr, flush=True)
        code = exit_code(exc)
        if as_json:
            print(hide_secret(error_json(exc, line, code), secret), flush=True)
        return code
    finally:
        display.close()
        undo_logging()
