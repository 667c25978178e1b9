"""``check-result`` with several ids (or ``--json``): concurrent waits over one connection pool.

Every wait is an :func:`~magic_hour_ext.acheck_result` on one event loop, all sharing the API
client's connection pool and one download client; at most *limit* waits are in flight at once.
Each project ends in an :class:`Outcome` (its status, exit code, error and saved paths); with
``--json`` each is one compact JSON object on its own line of standard output, as soon as it ends
(JSON Lines). The exit code of the command is the highest of the projects' codes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import anyio
import httpx

from generated import AuthenticatedClient

from ._check import acheck_result, download_client_kwargs
from ._commands import CheckOptions, NotFinishedError
from ._errors import InvalidArgumentError
from ._kinds import Project, kind_named
from ._render import FINAL_STATUSES, BatchDisplay, clean

__all__ = ["Outcome", "check_many", "read_ids"]


@dataclass
class Outcome:
    """How the wait of one project ended.

    Attributes:
        id: The project id.
        kind: Its kind (``"image"``, ``"video"``, ``"audio"``).
        status: Its last status, or None when it was never seen.
        exit_code: 0 when it is done as asked; else the code of its error (the command's table).
        error: The error (None when it is done as asked).
        message: The error as the command line words it ("" without one).
        project: The last project seen, or None.
        downloaded_paths: The saved files.

    Example:
        >>> Outcome("p", "video", "complete", 0).json_line()
        '{"id":"p","kind":"video","status":"complete","exit_code":0,"error":null,"project":null,"downloaded_paths":[]}'
    """

    id: str
    kind: str
    status: str | None
    exit_code: int
    error: BaseException | None = None
    message: str = ""
    project: Project | None = None
    downloaded_paths: list[Path] = field(default_factory=list)

    def json_line(self) -> str:
        """One compact JSON object: ``{id, kind, status, exit_code, error, project, downloaded_paths}``."""
        error = None if self.error is None else {"type": type(self.error).__name__, "message": self.message}
        body: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "exit_code": self.exit_code,
            "error": error,
            "project": None if self.project is None else self.project.to_dict(),
            "downloaded_paths": [str(path) for path in self.downloaded_paths],
        }
        return json.dumps(body, separators=(",", ":"), default=str)


def read_ids(ids: Iterable[str], source: str | None, stdin: TextIO | None = None) -> list[str]:
    """The ids of the command line, then those of *source* (a file, ``-`` for stdin), one a line.

    Blank lines and lines starting with ``#`` are skipped; an id given twice is waited for once
    (two waits would write the same files).

    Example:
        >>> import io
        >>> read_ids(["a", "b"], "-", io.StringIO("c\\n\\n# a comment\\n b \\na\\n"))
        ['a', 'b', 'c']
    """
    found = list(ids)
    if source is not None:
        if source == "-":
            text = (stdin or sys.stdin).read()
        else:
            try:
                text = Path(source).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise InvalidArgumentError(f"--from {source!r}: cannot read it ({exc})") from None
        found += [line.strip() for line in text.splitlines()]
    unique = dict.fromkeys(i for i in found if i and not i.startswith("#"))
    if not unique:
        raise InvalidArgumentError("no project id: give one or more ids, or --from FILE")
    return list(unique)


async def _wait_one(
    project_id: str,
    options: CheckOptions,
    client: AuthenticatedClient,
    downloads: httpx.AsyncClient,
    display: BatchDisplay,
    code_of: Callable[[BaseException], int],
    message_of: Callable[[BaseException], str],
) -> Outcome:
    try:
        result = await acheck_result(
            project_id, client=client, download_client=downloads, **options.wait_arguments(display)
        )
    except Exception as exc:
        project = getattr(exc, "project", None)
        status = str(project.status) if project is not None else None
        return Outcome(project_id, options.kind, status, code_of(exc), exc, message_of(exc), project)
    status = str(result.project.status)
    if status not in FINAL_STATUSES:  # --no-wait: not final yet
        unfinished = NotFinishedError(result.project)
        return Outcome(
            project_id,
            options.kind,
            status,
            code_of(unfinished),
            unfinished,
            message_of(unfinished),
            result.project,
        )
    return Outcome(project_id, options.kind, status, 0, None, "", result.project, result.downloaded_paths)


def check_many(
    ids: Sequence[str],
    client: AuthenticatedClient,
    options: CheckOptions,
    *,
    limit: int,
    display: BatchDisplay,
    out: TextIO,
    code_of: Callable[[BaseException], int],
    message_of: Callable[[BaseException], str],
) -> list[Outcome]:
    """Wait for every project of *ids* at once, at most *limit* in flight; print each as it ends.

    With ``options.json``, each outcome is one JSON line on *out* (:meth:`Outcome.json_line`);
    else the saved paths, one a line. *display* shows the progress and the summary (on standard
    error). Returns the outcomes in the order of *ids*.
    """
    chosen = kind_named(options.kind)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InvalidArgumentError("the number of projects in flight must be an int >= 1")
    outcomes: dict[str, Outcome] = {}

    def report(outcome: Outcome) -> None:
        outcomes[outcome.id] = outcome
        display.finished(outcome.id, outcome.status, outcome.exit_code, outcome.message)
        if options.json:
            print(outcome.json_line(), file=out, flush=True)
        elif outcome.downloaded_paths:
            print("\n".join(clean(p, 4000) for p in outcome.downloaded_paths), file=out, flush=True)

    async def main() -> None:
        gate = anyio.CapacityLimiter(limit)
        async with httpx.AsyncClient(**download_client_kwargs(4 * limit)) as downloads:

            async def one(project_id: str) -> None:
                async with gate:
                    report(
                        await _wait_one(project_id, options, client, downloads, display, code_of, message_of)
                    )

            try:
                async with anyio.create_task_group() as group:
                    for project_id in ids:
                        group.start_soon(one, project_id)
            finally:
                await client.get_async_httpx_client().aclose()

    display.begin(ids, chosen.name, chosen.timeout(options.timeout))
    try:
        anyio.run(main)
    finally:
        display.close()
    ordered = [outcomes[i] for i in ids if i in outcomes]
    display.summary([(o.id, o.status, o.exit_code) for o in ordered])
    return ordered
