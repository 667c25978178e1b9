"""``magic-hour-ext demo``: the main job (wait for a render, download its images), offline.

It starts the local Magic Hour server in this process, adds a project that is queued for
:data:`QUEUED_SECONDS`, renders for :data:`RENDERING_SECONDS`, then offers two PNG images, and runs
the code of ``check-result`` against it, progress display included. Every run makes a new project
id, so the file names of a run never collide with those of an earlier one.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TextIO

from . import client_from_env
from ._commands import CheckOptions, check
from ._render import Display
from .testing import MagicHourServer, Output, sample_png

__all__ = ["DEMO_DIRECTORY", "QUEUED_SECONDS", "RENDERING_SECONDS", "demo_outputs", "run_demo"]

DEMO_DIRECTORY = Path("magic-hour-demo")
QUEUED_SECONDS = 1.0
RENDERING_SECONDS = 2.5
_TIMEOUT = 60.0


def demo_outputs() -> list[Output]:
    """The two images of the demo project: a landscape and a portrait magic-hour sky.

    Example:
        >>> [output.content[:8] for output in demo_outputs()] == [b"\\x89PNG\\r\\n\\x1a\\n"] * 2
        True
    """
    return [
        Output(content=sample_png(1280, 720), name="landscape.png"),
        Output(content=sample_png(720, 1280), name="portrait.png"),
    ]


def run_demo(output_dir: Path, display: Display, out: TextIO) -> list[Path]:
    """Serve the demo project locally, check it like ``check-result`` does; return the saved paths."""
    with MagicHourServer() as server:
        project = server.create_project(
            timeline=[("queued", QUEUED_SECONDS), ("rendering", RENDERING_SECONDS), ("complete", None)],
            outputs=demo_outputs(),
            name="magic-hour-ext demo",
        )
        print(
            f"magic-hour-ext demo: a local Magic Hour server ({server.base_url}) plays an image project\n"
            f"that is queued for {QUEUED_SECONDS:g} s and renders for {RENDERING_SECONDS:g} s, "
            "then offers two PNG images.\nNothing leaves this machine.\n\n"
            f"$ magic-hour-ext check-result {project.id} -o {shlex.quote(str(output_dir))}",
            file=out,
            flush=True,
        )
        client = client_from_env({"MAGIC_HOUR_API_KEY": server.token, "MAGIC_HOUR_BASE_URL": server.base_url})
        with client:
            paths = check(
                project.id, client, CheckOptions(output_dir=output_dir, timeout=_TIMEOUT), display, out
            )
    print(
        f"\nSaved {len(paths)} images in {output_dir.resolve()}/ (open them).\n"
        "Against the real API: export MAGIC_HOUR_API_KEY=<your key>, then run\n"
        "  magic-hour-ext check-result <project id> -o <folder>",
        file=out,
        flush=True,
    )
    return paths
