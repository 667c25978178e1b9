"""The overloads of ``kind=``: what a type checker sees is what the call returns.

``make lint`` runs ``mypy --strict`` on this file: each ``assert_type`` fails the lint when the
overloads give another type (``CheckResult[ImageProject]`` for a video, say). pytest runs the same
calls against the local server and checks the types at run time.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import assert_type

from generated.models import AudioProject, ImageProject, VideoProject
from generated.types import Unset
from magic_hour_ext import (
    CheckResult,
    acheck_result,
    aget_project,
    check_result,
    get_project,
)
from magic_hour_ext.testing import MagicHourServer
from tests.magic_hour_ext._helpers import api_client


def test_check_result_is_typed_by_kind(server: MagicHourServer, tmp_path: Path) -> None:
    for kind in ("image", "video", "audio"):
        server.create_project(f"p-{kind}", kind=kind)
    client = api_client(server)

    image = check_result("p-image", client=client, download_directory=tmp_path)
    assert_type(image, CheckResult[ImageProject])
    assert_type(image.project, ImageProject)
    video = check_result("p-video", kind="video", client=client, download_directory=tmp_path)
    assert_type(video.project, VideoProject)
    audio = check_result("p-audio", kind="audio", client=client, download_directory=tmp_path)
    assert_type(audio.project, AudioProject)
    hooked: list[float | Unset] = []

    def hook(project: VideoProject) -> None:  # a hook of ImageProject would not type-check here
        hooked.append(project.fps)

    check_result("p-video", kind="video", client=client, download_outputs=False, on_status_change=hook)

    assert [type(r.project) for r in (image, video, audio)] == [ImageProject, VideoProject, AudioProject]
    assert [
        p.suffix for p in (*image.downloaded_paths, *video.downloaded_paths, *audio.downloaded_paths)
    ] == [
        ".png",
        ".mp4",
        ".wav",
    ]
    assert hooked == [30.0]


def test_the_async_functions_and_get_project_are_typed_by_kind(server: MagicHourServer) -> None:
    server.create_project("v", kind="video")
    server.create_project("a", kind="audio")
    client = api_client(server)

    async def both() -> tuple[CheckResult[VideoProject], AudioProject]:
        video = await acheck_result("v", kind="video", client=client, download_outputs=False)
        audio = await aget_project("a", kind="audio", client=client)
        return video, audio

    video, audio = asyncio.run(both())
    assert_type(video.project, VideoProject)
    assert_type(audio, AudioProject)
    got = get_project("v", kind="video", client=client)
    assert_type(got, VideoProject)
    assert_type(get_project("v", kind="video", client=client).end_seconds, float | Unset)
    assert (type(video.project), type(audio), type(got)) == (VideoProject, AudioProject, VideoProject)
