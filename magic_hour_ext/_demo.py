"""``magic-hour-ext demo``: the whole path (upload a photo, render it, save the outputs), offline.

It starts the local Magic Hour server in this process, writes a photo to a temporary folder, and
runs the code of ``generate`` against the server, progress display included: the photo is
uploaded, the :data:`DEMO_TOOL` creates a project that is queued for :data:`QUEUED_SECONDS`,
renders for :data:`RENDERING_SECONDS`, then offers two PNG images, which are saved. Every run makes
a new project id, so the file names of a run never collide with those of an earlier one.
"""

from __future__ import annotations

import shlex
import tempfile
from pathlib import Path
from typing import TextIO

from . import client_from_env
from ._render import Display
from ._tool_commands import GenerateOptions, generate_command
from .testing import MagicHourServer, Output, Render, sample_png

__all__ = ["DEMO_DIRECTORY", "DEMO_TOOL", "QUEUED_SECONDS", "RENDERING_SECONDS", "demo_outputs", "run_demo"]

DEMO_DIRECTORY = Path("magic-hour-demo")
DEMO_TOOL = "image-background-remover"
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
    """Serve the API locally, then run ``generate`` as the command line does; return the saved paths.

    A photo is written to a temporary folder, uploaded, and rendered by the background remover of
    the local server (queued, then rendering, then two PNG images), whose outputs are saved.
    """
    with MagicHourServer() as server, tempfile.TemporaryDirectory(prefix="magic-hour-demo-") as folder:
        server.renders[DEMO_TOOL] = Render(
            timeline=[("queued", QUEUED_SECONDS), ("rendering", RENDERING_SECONDS), ("complete", None)],
            outputs=demo_outputs(),
        )
        photo = Path(folder, "photo.png")
        photo.write_bytes(sample_png(1920, 1080))
        field = "assets.image_file_path"
        print(
            f"magic-hour-ext demo: a local Magic Hour server ({server.base_url}) plays the API: a photo\n"
            f"is uploaded, the {DEMO_TOOL} tool queues it for {QUEUED_SECONDS:g} s and renders it for "
            f"{RENDERING_SECONDS:g} s,\nthen offers two PNG images. Nothing leaves this machine.\n\n"
            f"$ magic-hour-ext generate {DEMO_TOOL} --set {field}={shlex.quote(str(photo))} "
            f"-o {shlex.quote(str(output_dir))}",
            file=out,
            flush=True,
        )
        client = client_from_env({"MAGIC_HOUR_API_KEY": server.token, "MAGIC_HOUR_BASE_URL": server.base_url})
        with client:
            paths = generate_command(
                DEMO_TOOL,
                {"name": "magic-hour-ext demo", "assets": {"image_file_path": str(photo)}},
                client,
                GenerateOptions(output_dir=output_dir, timeout=_TIMEOUT),
                display,
                out,
            )
    print(
        f"\nSaved {len(paths)} images in {output_dir.resolve()}/ (open them).\n"
        "Against the real API: export MAGIC_HOUR_API_KEY=<your key>, then run\n"
        f"  magic-hour-ext generate {DEMO_TOOL} --set {field}=<your photo> -o <folder>",
        file=out,
        flush=True,
    )
    return paths
