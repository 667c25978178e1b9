"""The projects a foreground server starts with: from command-line flags or a small JSON file.

Shared by ``magic-hour-ext serve`` and ``python -m magic_hour_ext.testing`` (one set of flags,
:func:`add_project_arguments`). A project is a :class:`ProjectSpec`: a timeline of statuses (its
last one is the outcome: ``complete``, ``error``, ``canceled`` or any other), how many outputs and
of what size, the error of a failed render, and how long its URLs live.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._content import Output
from ._projects import Project
from ._server import MagicHourServer

__all__ = [
    "ProjectSpec",
    "add_project_arguments",
    "load_project_specs",
    "parse_size",
    "parse_timeline",
    "project_specs",
    "samples",
]

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "t": 10**12}


def parse_size(text: str) -> int:
    """A byte count from ``5000``, ``200MB``, ``1.5 GB`` or ``2GiB`` (decimal and binary units).

    Example:
        >>> parse_size("5000"), parse_size("200MB"), parse_size("2GiB"), parse_size("1.5k")
        (5000, 200000000, 2147483648, 1500)
    """
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a size: {text!r} (e.g. 5000, 200MB, 2GiB)")
    number, unit = float(match[1]), match[2].lower()
    prefix = unit[:1] if unit[:1] != "b" else ""
    scale = 1024 ** ("kmgt".index(prefix) + 1) if "i" in unit and prefix else _UNITS[prefix]
    return int(number * scale)


def parse_timeline(text: str) -> tuple[tuple[str, float | None], ...]:
    """A timeline from ``queued:2,rendering:3,complete``: each status and its seconds; the last has none.

    Example:
        >>> parse_timeline("queued:2,rendering:3.5,error")
        (('queued', 2.0), ('rendering', 3.5), ('error', None))
    """
    steps: list[tuple[str, float | None]] = []
    parts = [part.strip() for part in text.split(",")]
    for index, part in enumerate(parts):
        status, _, seconds = part.partition(":")
        last = index == len(parts) - 1
        if not status.strip():
            raise ValueError(f"an empty status in the timeline {text!r}")
        if last:
            if seconds:
                raise ValueError(f"the last status of {text!r} is final: give it no seconds")
            steps.append((status.strip(), None))
            continue
        try:
            duration = float(seconds)
        except ValueError:
            raise ValueError(f"{part!r} in {text!r}: give each status but the last its seconds") from None
        if not duration >= 0:
            raise ValueError(f"{part!r} in {text!r}: seconds must be >= 0")
        steps.append((status.strip(), duration))
    return tuple(steps)


@dataclass(frozen=True)
class ProjectSpec:
    """A project for a foreground server to start with.

    Attributes:
        id: Its id; None generates one.
        timeline: Its statuses and how long each lasts; the last one is final (the outcome).
        outputs: How many files it offers once ``complete``.
        size: Each output's size in bytes; None: a small PNG.
        error: The (code, message) of a project that ends in ``error``; None: a generic one.
        url_ttl: Seconds its download URLs stay valid.

    Example:
        >>> spec = ProjectSpec(timeline=parse_timeline("rendering:5,complete"), outputs=2, size=10**9)
        >>> spec.describe()
        'rendering 5 s, then complete; 2 outputs of 1.0 GB'
    """

    id: str | None = None
    timeline: tuple[tuple[str, float | None], ...] = (("complete", None),)
    outputs: int = 1
    size: int | None = None
    error: tuple[str, str] | None = None
    url_ttl: float = 86_400.0

    def create(self, server: MagicHourServer) -> Project:
        """Add this project to *server*."""
        names = [
            f"output-{n}.{'bin' if self.size is not None else 'png'}" for n in range(1, self.outputs + 1)
        ]
        return server.create_project(
            self.id,
            timeline=self.timeline,
            outputs=[Output(size=self.size, name=name) for name in names],
            error=self.error,
            url_ttl=self.url_ttl,
        )

    def describe(self) -> str:
        """The timeline and the outputs in words."""
        from .._sizes import human_size

        steps = [f"{status} {seconds:g} s" for status, seconds in self.timeline[:-1]]
        final = self.timeline[-1][0]
        timeline = f"{', '.join(steps)}, then {final}" if steps else final
        what = human_size(self.size) if self.size is not None else "a small PNG"
        outputs = f"{self.outputs} output{'s' if self.outputs != 1 else ''} of {what}"
        return f"{timeline}; {outputs}" if self.outputs else f"{timeline}; no outputs"


def _error(text: str) -> tuple[str, str]:
    code, _, message = text.partition(":")
    return code.strip(), message.strip() or "the render failed"


def _spec(entry: Mapping[str, Any], where: str) -> ProjectSpec:
    known = {"id", "timeline", "outputs", "size", "error", "url_ttl"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise ValueError(f"{where}: unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})")
    timeline = entry.get("timeline", "complete")
    if isinstance(timeline, str):
        steps = parse_timeline(timeline)
    elif isinstance(timeline, list):
        steps = tuple(
            (str(status), None if seconds is None else float(seconds)) for status, seconds in timeline
        )
    else:
        raise ValueError(f"{where}: timeline is a string like 'queued:2,complete' or a list of pairs")
    size = entry.get("size")
    error = entry.get("error")
    return ProjectSpec(
        id=entry.get("id"),
        timeline=steps,
        outputs=int(entry.get("outputs", 1)),
        size=parse_size(size) if isinstance(size, str) else size,
        error=_error(error)
        if isinstance(error, str)
        else None
        if error is None
        else (str(error[0]), str(error[1])),
        url_ttl=float(entry.get("url_ttl", 86_400.0)),
    )


def load_project_specs(path: Path) -> list[ProjectSpec]:
    """The projects of a JSON file: a list of objects, or one object.

    Each object may have ``id``, ``timeline`` (``"queued:2,rendering:3,complete"`` or
    ``[["queued", 2], ["complete", null]]``), ``outputs`` (a count), ``size`` (bytes, or
    ``"200MB"``), ``error`` (``"code: message"`` or ``["code", "message"]``) and ``url_ttl``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     file = Path(folder, "projects.json")
        ...     _ = file.write_text('[{"timeline": "rendering:2,error", "error": "no_source_face: no face"}]')
        ...     load_project_specs(file)[0].error
        ('no_source_face', 'no face')
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {str(path)!r}: {exc.strerror}") from exc
    except ValueError as exc:
        raise ValueError(f"{str(path)!r} is not JSON: {exc}") from exc
    entries = data if isinstance(data, list) else [data]
    specs = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ValueError(f"{path}: project {number} is not an object")
        try:
            specs.append(_spec(entry, f"{path}: project {number}"))
        except (TypeError, ValueError, IndexError) as exc:
            raise ValueError(
                str(exc) if str(exc).startswith(str(path)) else f"{path}: project {number}: {exc}"
            ) from None
    return specs


def add_project_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags that describe the projects to start with (see :func:`project_specs`)."""
    group = parser.add_argument_group("projects (default: two samples; with these flags, the ones described)")
    group.add_argument(
        "--timeline",
        metavar="STEPS",
        help="the statuses of one project and their seconds, the last one final: "
        "'queued:2,rendering:3,complete' (or ...,error / ...,canceled)",
    )
    group.add_argument("--outputs", type=int, metavar="N", help="how many outputs it offers (default: 1)")
    group.add_argument(
        "--size", metavar="SIZE", help="each output's size: 5000, 200MB, 2GiB (default: a small PNG)"
    )
    group.add_argument("--error", metavar="CODE:MESSAGE", help="the error of a project that ends in error")
    group.add_argument("--id", metavar="ID", help="its id (default: a new one)")
    group.add_argument(
        "--projects",
        metavar="FILE",
        type=Path,
        help='a JSON file of projects: [{"timeline": "rendering:5,complete", "outputs": 2, '
        '"size": "1GB"}, ...] (with the flags above, one more)',
    )


def project_specs(args: argparse.Namespace) -> list[ProjectSpec] | None:
    """The projects the flags of :func:`add_project_arguments` describe; None when none are given.

    Raises:
        ValueError: a flag or the file does not describe a project (the message says which).
    """
    specs = load_project_specs(args.projects) if args.projects is not None else []
    flags = (args.timeline, args.outputs, args.size, args.error, args.id)
    if any(flag is not None for flag in flags):
        outputs = 1 if args.outputs is None else args.outputs
        if outputs < 0:
            raise ValueError("--outputs must be >= 0")
        timeline = parse_timeline(args.timeline or ("error" if args.error else "complete"))
        specs.append(
            ProjectSpec(
                id=args.id,
                timeline=timeline,
                outputs=outputs,
                size=None if args.size is None else parse_size(args.size),
                error=None if args.error is None else _error(args.error),
            )
        )
    return specs or None


def samples() -> Sequence[ProjectSpec]:
    """The two projects a server starts with when none are described."""
    return (
        ProjectSpec(),
        ProjectSpec(timeline=(("queued", 2.0), ("rendering", 3.0), ("complete", None))),
    )
