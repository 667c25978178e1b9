"""``magic-hour-ext demo``: offline, a few seconds, a photo uploaded, two PNG images, and it can run again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from magic_hour_ext._demo import demo_outputs

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_demo_images_are_two_different_pngs() -> None:
    first, second = (output.content for output in demo_outputs())

    assert first is not None
    assert second is not None
    assert first.startswith(PNG_SIGNATURE)
    assert second.startswith(PNG_SIGNATURE)
    assert first != second


def test_demo_end_to_end_twice_at_once_into_the_same_folder(tmp_path: Path) -> None:
    # No key and no base URL: the demo needs neither. Two runs at once, into one folder: each has its
    # own project id, so their files never collide (and it keeps the test as short as one run).
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAGIC_HOUR_")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "magic_hour_ext", "demo", "-o", "pictures"],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=60) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outputs
    files = sorted((tmp_path / "pictures").iterdir())
    assert len(files) == 4
    assert all(f.read_bytes().startswith(PNG_SIGNATURE) for f in files)
    for stdout, stderr in outputs:
        saved = [line for line in stdout.splitlines() if line.startswith("pictures/mh-")]
        assert len(saved) == 2
        assert (tmp_path / saved[0]).read_bytes() != (tmp_path / saved[1]).read_bytes()
        assert f"Saved 2 images in {tmp_path / 'pictures'}/" in stdout
        assert "$ magic-hour-ext generate image-background-remover --set assets.image_file_path=" in stdout
        uploaded = [line for line in stderr.splitlines() if " uploaded " in line]
        assert len(uploaded) == 1, stderr  # the photo, uploaded before the create
        assert "image project " in stderr
        assert ": complete, 5 credits charged, 2 outputs saved" in stderr
        statuses = [
            line.split()[-1]
            for line in stderr.splitlines()
            if line.endswith(("queued", "rendering", "complete"))
        ]
        # Queued for 1 s from the project's creation in the child: on a loaded machine the first
        # GET can come later than that. Rendering (2.5 s) is always seen.
        assert statuses in (["queued", "rendering", "complete"], ["rendering", "complete"])
