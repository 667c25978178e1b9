"""The commands of ``magic-hour-ext``: each calls the library once and renders what it returns.

They take an already built client and :class:`~magic_hour_ext._render.Display`, write their result
to *out* (standard output), and let every error propagate: ``_cli.main`` turns errors into one line
on standard error and an exit code.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from generated import AuthenticatedClient

from . import check_result, delete_project, get_project
from ._files import check_directory
from ._kinds import KIND_DEFAULT, Project, Timeout, kind_named, kind_of
from ._render import FINAL_STATUSES, BatchDisplay, Display, clean, project_json, project_lines
from ._requests import check_project_id

__all__ = ["CheckOptions", "DeclinedError", "NotConfirmedError", "NotFinishedError", "check", "delete", "get"]


class NotConfirmedError(Exception):
    """``delete`` without ``--yes`` while standard input is not a terminal (a usage error)."""


class DeclinedError(Exception):
    """The answer to the ``delete`` prompt was not yes."""


class NotFinishedError(Exception):
    """``check-result --no-wait`` found the project without a final status yet (exit code 3).

    Attributes:
        project: The project as the one GET saw it.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        super().__init__(
            f"{kind_of(project).label} {clean(project.id, 120)} is still "
            f"{clean(project.status, 60)} (--no-wait: not waited for); run again, or without --no-wait, "
            "to wait for it"
        )


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """The options of ``check-result`` (and of the demo, which runs the same code).

    Attributes:
        wait: Wait for a final status (``--no-wait`` makes it False).
        download: Download the outputs of a complete project (``--no-download``).
        output_dir: Where to save them; None is the current directory.
        timeout: The deadline of the wait in seconds; None waits forever; KIND_DEFAULT (not
            given) is the kind's default (600 s for images, 1,800 s for videos and audio).
        kind: ``"image"``, ``"video"`` or ``"audio"`` (``--kind``).
        json: Print one JSON object instead of the paths or details.
        overwrite: Replace existing files.
    """

    wait: bool = True
    download: bool = True
    output_dir: Path | None = None
    timeout: Timeout = KIND_DEFAULT
    json: bool = False
    overwrite: bool = False
    kind: str = "image"

    def wait_arguments(self, display: Display | BatchDisplay) -> dict[str, Any]:
        """check_result's (or acheck_result's) keyword arguments for these options and *display*."""
        return {
            "kind": kind_named(self.kind).name,
            "wait_for_completion": self.wait,
            "download_outputs": self.download,
            "download_directory": self.output_dir,
            "timeout": self.timeout,
            "overwrite": self.overwrite,
            "on_status_change": display.status,
            "on_download_progress": display.progress,
        }


def check(
    project_id: str, client: AuthenticatedClient, options: CheckOptions, display: Display, out: TextIO
) -> list[Path]:
    """``check-result``: wait, download, then print the saved paths (or details, or JSON).

    Returns the saved paths. A bad id or a download directory that cannot be used is refused
    before anything is shown or sent.
    """
    check_project_id(project_id)
    kind = kind_named(options.kind)
    if options.download:
        check_directory(options.output_dir or Path())
    display.start(project_id, kind.timeout(options.timeout), kind.name)
    try:
        result = check_result(project_id, client=client, **options.wait_arguments(display))
    finally:
        display.close()
    unfinished = str(result.project.status) not in FINAL_STATUSES
    if options.json:
        if unfinished:  # the error's JSON object carries the project
            raise NotFinishedError(result.project)
        print(project_json(result.project, result.downloaded_paths), file=out, flush=True)
    elif result.downloaded_paths:
        print("\n".join(clean(path, 4000) for path in result.downloaded_paths), file=out, flush=True)
    else:
        print("\n".join(project_lines(result.project)), file=out, flush=True)
    if unfinished:
        raise NotFinishedError(result.project)
    return result.downloaded_paths


def get(
    project_id: str, client: AuthenticatedClient, *, as_json: bool, out: TextIO, kind: str = "image"
) -> None:
    """``get``: print the project of *kind* (its details, or its JSON: the project alone)."""
    project = get_project(project_id, kind=kind_named(kind).name, client=client)
    text = project_json(project, None) if as_json else "\n".join(project_lines(project))
    print(text, file=out, flush=True)


def delete(
    project_id: str,
    client: AuthenticatedClient,
    *,
    yes: bool,
    out: TextIO,
    stdin: TextIO | None = None,
    prompt_to: TextIO | None = None,
    as_json: bool = False,
    kind: str = "image",
) -> None:
    """``delete``: ask first on a terminal, refuse without ``--yes`` elsewhere, then delete.

    Prints ``Deleted <kind> project <id>.``, or with *as_json* ``{"id": ..., "kind": ...,
    "deleted": true}``.

    Raises:
        NotConfirmedError: no ``--yes`` and *stdin* is not a terminal.
        DeclinedError: the answer to the prompt was not ``y`` or ``yes``.
    """
    stdin = sys.stdin if stdin is None else stdin
    prompt_to = sys.stderr if prompt_to is None else prompt_to
    shown = clean(project_id, 120)
    chosen = kind_named(kind)
    label = chosen.label
    if not yes:
        if not stdin.isatty():
            raise NotConfirmedError(
                f"refusing to delete {label} {shown} without confirmation: "
                "standard input is not a terminal; pass --yes to delete it"
            )
        print(f"Delete {label} {shown}? This cannot be undone. [y/N] ", end="", file=prompt_to, flush=True)
        answer = stdin.readline().strip().lower()
        if answer not in ("y", "yes"):
            raise DeclinedError(f"{label} {shown} was not deleted")
    delete_project(project_id, kind=chosen.name, client=client)
    if as_json:
        print(json.dumps({"id": project_id, "kind": chosen.name, "deleted": True}), file=out, flush=True)
    else:
        print(f"Deleted {label} {shown}.", file=out, flush=True)
