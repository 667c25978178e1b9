"""What the command line shows: plain lines, rich bars, project details, JSON, cleaning, secrets."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from generated.models import AudioProject, ImageProject, VideoProject
from magic_hour_ext import DownloadProgress
from magic_hour_ext._render import (
    PlainBatchDisplay,
    PlainDisplay,
    RichBatchDisplay,
    RichDisplay,
    clean,
    hide_secret,
    human_size,
    make_display,
    project_json,
    project_lines,
)
from tests.magic_hour_ext._helpers import image_project

URL = "https://cdn.example/p/0/output.png?expires=1700000000&signature=s3cr3tsig"


def make_project(status: str = "complete", **fields: Any) -> ImageProject:
    downloads = [{"url": URL, "expires_at": "2024-05-02T12:00:00.000Z"}] if status == "complete" else []
    fields = {"created_at": "2024-05-01T12:00:00.000Z", "downloads": downloads, **fields}
    return image_project(status=status, **fields)


def test_clean_makes_one_printable_line() -> None:
    assert clean("a\x1b[31mb\r\nc\x00\x9b") == "a?[31mb??c??"
    assert clean("x" * 50, limit=10) == "xxxxxxx..."
    assert clean("naïve ✓") == "naïve ✓"


@pytest.mark.parametrize(
    ("text", "secret", "expected"),
    [
        ("key mhk_1 used", "mhk_1", "key *** used"),
        ("Illegal header value b'Bearer a\\nb'", "a\nb", "Illegal header value b'Bearer ***'"),
        ("repr 'ké\\ty'", "ké\ty", "repr '***'"),
        ("bytes b'k\\xc3\\xa9'", "ké", "bytes b'***'"),
        (
            "twice APIConnectionError(\"b'Bearer a\\\\nb'\")",
            "a\nb",
            "twice APIConnectionError(\"b'Bearer ***'\")",
        ),
        ("nothing to hide", None, "nothing to hide"),
        ("nothing to hide", "", "nothing to hide"),
    ],
)
def test_hide_secret_hides_the_raw_and_escaped_forms(text: str, secret: str | None, expected: str) -> None:
    assert hide_secret(text, secret) == expected


def test_human_size() -> None:
    assert [human_size(n) for n in (0, 999, 1000, 1_500_000, 3 * 10**9, 10**16)] == [
        "0 bytes",
        "999 bytes",
        "1.0 kB",
        "1.5 MB",
        "3.0 GB",
        "10000.0 TB",
    ]


def test_project_json_is_the_project_plus_the_paths() -> None:
    project = make_project(extra_field={"kept": True})

    body = json.loads(project_json(project, [Path("out/mh-cuid-example-1.png")]))

    assert body == {**project.to_dict(), "downloaded_paths": ["out/mh-cuid-example-1.png"]}
    assert body["created_at"] == "2024-05-01T12:00:00+00:00"
    assert body["downloads"][0]["url"] == URL
    assert body["extra_field"] == {"kept": True}


def test_project_lines_redact_signed_urls_and_clean_server_text() -> None:
    project = make_project(name="evil\x1b[2Jname")

    lines = project_lines(project)

    assert "id               cuid-example" in lines
    assert "name             evil?[2Jname" in lines
    assert any("output.png?expires=***&signature=***" in line for line in lines)
    assert not any("s3cr3tsig" in line for line in lines)


def test_project_lines_show_the_error() -> None:
    project = make_project("error", error={"code": "no_source_face", "message": "No face found"})

    assert "error            no_source_face: No face found" in project_lines(project)


def test_make_display_is_plain_off_a_terminal() -> None:
    assert isinstance(make_display(io.StringIO()), PlainDisplay)


def test_plain_display_writes_log_lines_without_control_characters() -> None:
    stream = io.StringIO()
    display = PlainDisplay(stream, secret="mhk_hidden")
    path = Path("out/mh-cuid-example-1.png")

    display.start("cuid-example", 600.0, "image")
    display.status(make_project("rend\x1bering"))
    display.status(make_project("complete"))
    for done in (0, 6_000, 12_000, 12_000):
        display.progress(DownloadProgress(index=1, path=path, bytes_done=done, bytes_total=12_000))
    display.message("warning: a retry with mhk_hidden")
    display.close()

    lines = [line.split(" s  ", 1)[-1] for line in stream.getvalue().splitlines()]
    assert lines == [
        "Checking image project cuid-example (timeout 600 s)",
        "rend?ering",
        "complete",
        "output 1: downloading to out/mh-cuid-example-1.png (12.0 kB)",
        "output 1: received 12.0 kB",
        "warning: a retry with ***",
    ]


def test_rich_display_draws_status_lines_and_a_bar_per_download() -> None:
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=100, color_system=None)
    display = RichDisplay(console)

    display.start("cuid-example", None, "video")
    display.status(make_project("[bold]queued"))  # server text is never rich markup
    display.status(make_project("complete"))
    for index in (1, 2):
        display.progress(DownloadProgress(index, Path(f"mh-x-{index}.png"), 1_500_000, 3_000_000))
        display.progress(DownloadProgress(index, Path(f"mh-x-{index}.png"), 3_000_000, 3_000_000))
    display.close()
    display.close()  # idempotent

    screen = stream.getvalue()
    assert "Checking video project cuid-example (no timeout)" in screen
    assert "[bold]queued" in screen
    assert "complete" in screen
    for index in (1, 2):
        assert f"mh-x-{index}.png ━━━━" in screen
    assert "3.0/3.0 MB" in screen


# -- the kinds, and many projects at once (issue 10) ---------------------------------------------------


def test_get_shows_the_fields_that_fit_the_kind() -> None:
    video = VideoProject.from_dict(
        {
            "id": "v",
            "status": "queued",
            "width": 1920,
            "height": 1080,
            "start_seconds": 2.0,
            "end_seconds": 12.5,
        }
    )
    audio = AudioProject.from_dict({"id": "a", "status": "queued"})
    video_labels = [line.split()[0] for line in project_lines(video)]
    assert "images" not in video_labels
    assert "resolution       1920x1080" in project_lines(video)
    assert "duration         10.5 s" in project_lines(video)
    assert "fps              -" in project_lines(video)
    audio_labels = [line.split()[0] for line in project_lines(audio)]
    assert not {"images", "resolution", "duration", "fps"} & set(audio_labels)
    assert "images" in [line.split()[0] for line in project_lines(make_project())]


def test_plain_batch_display_names_each_project_and_sums_up() -> None:
    stream = io.StringIO()
    display = make_display(stream, secret="mhk_hidden", batch=True)
    assert isinstance(display, PlainBatchDisplay)
    display.begin(["a", "b"], "video", 1800.0)
    display.status(VideoProject.from_dict({"id": "a", "status": "rendering"}))
    display.progress(DownloadProgress(1, Path("mh-a-1.mp4"), 10, 20, project_id="a"))
    display.progress(DownloadProgress(1, Path("mh-a-1.mp4"), 20, 20, project_id="a"))
    display.progress(DownloadProgress(1, Path("mh-a-1.mp4"), 20, 20, project_id="a"))  # said once
    display.finished("a", "complete", 0, "")
    display.finished("b", "error", 1, "video project 'b' failed (mhk_hidden)")
    display.summary([("a", "complete", 0), ("b", "error", 1)])

    lines = [line.split(" s  ", 1)[-1] for line in stream.getvalue().splitlines()]
    assert lines == [
        "Checking 2 video projects (timeout 1800 s each)",
        "a: rendering",
        "a: output 1 saved mh-a-1.mp4 (20 bytes)",
        "b: video project 'b' failed (***)",
        "2 projects: 1 complete, 1 error (exit code 1)",
    ]


def test_rich_batch_display_keeps_one_line_per_project() -> None:
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True, width=100, color_system=None)
    display = RichBatchDisplay(console)
    display.begin(["first", "second"], "audio", None)
    display.status(AudioProject.from_dict({"id": "first", "status": "[bold]rendering"}))
    display.progress(DownloadProgress(1, Path("mh-first-1.wav"), 1_500_000, 3_000_000, project_id="first"))
    display.finished("second", None, 4, "HTTP 404")
    display.summary([("first", "complete", 0), ("second", None, 4)])

    screen = stream.getvalue()
    assert "Checking 2 audio projects (no timeout)" in screen
    assert "first   [bold]rendering" in screen  # server text is never rich markup
    assert "1.5/3.0 MB" in screen
    assert "second  not seen: HTTP 404" in screen
    assert screen.rstrip().endswith("2 projects: 1 complete, 1 not seen (exit code 4)")
