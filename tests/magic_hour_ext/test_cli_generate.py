"""``magic-hour-ext tools``, ``upload`` and ``generate``, end to end: subprocesses against a local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from magic_hour_ext import CreateOutcomeUnknownError
from magic_hour_ext._cli import EXIT_OUTCOME_UNKNOWN, exit_code
from magic_hour_ext._tool_commands import body_from, set_value
from magic_hour_ext.testing import Fault, MagicHourServer
from tests.magic_hour_ext.test_cli import assert_plain, run_cli

URL = "https://example.com/photo.png"


def test_tools_lists_each_tool_its_kind_and_its_file_inputs(server: MagicHourServer, tmp_path: Path) -> None:
    run = run_cli(server, "tools", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = {row["tool"]: row for row in json.loads(run.stdout)}
    assert len(rows) == 25
    assert rows["face-swap-photo"]["file_inputs"] == {
        "assets.source_file_path": "image",
        "assets.face_mappings[].new_face": "image",
        "assets.target_file_path": "image",
    }
    assert (rows["lip-sync"]["kind"], rows["ai-voice-generator"]["kind"]) == ("video", "audio")
    plain = run_cli(server, "tools", cwd=tmp_path).stdout
    assert "ai-talking-photo" in plain
    assert "assets.audio_file_path (audio)" in plain


def test_upload_prints_each_file_path(server: MagicHourServer, tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"png")
    (tmp_path / "b.mp3").write_bytes(b"mp3!")
    run = run_cli(server, "upload", "a.png", "b.mp3", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    file_paths = run.stdout.split()
    assert [server.uploads[p].read() for p in file_paths] == [b"png", b"mp3!"]
    assert "uploaded a.png" in run.stderr
    assert_plain(run.stderr)
    as_json = json.loads(run_cli(server, "upload", "a.png", "--json", cwd=tmp_path).stdout)
    assert as_json[0]["path"] == "a.png"
    assert server.uploads[as_json[0]["file_path"]].size == 3


def test_generate_uploads_waits_downloads_and_says_what_it_cost(
    server: MagicHourServer, tmp_path: Path
) -> None:
    (tmp_path / "photo.png").write_bytes(b"a photo")
    (tmp_path / "body.json").write_text(json.dumps({"name": "cli"}))
    run = run_cli(
        server,
        "generate",
        "image-background-remover",
        "--body",
        "body.json",
        "--set",
        "assets.image_file_path=photo.png",
        "-o",
        "out",
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    (project,) = server.created
    assert project.request_body["name"] == "cli"
    assert server.uploads[project.request_body["assets"]["image_file_path"]].read() == b"a photo"
    assert run.stdout.splitlines() == [f"out/mh-{project.id}-1.png"]
    assert (tmp_path / "out" / f"mh-{project.id}-1.png").read_bytes() == project.output_bytes(0)
    assert "uploaded photo.png" in run.stderr
    assert "complete" in run.stderr
    assert f"image project {project.id}: complete, 5 credits charged, 1 outputs saved" in run.stderr
    assert_plain(run.stderr)


def test_generate_no_wait_json_prints_the_project(server: MagicHourServer, tmp_path: Path) -> None:
    run = run_cli(
        server, "generate", "photo-colorizer", "--set", f"assets.image_file_path={URL}", "--no-wait",
        "--json", cwd=tmp_path,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    (project,) = server.created
    shown = json.loads(run.stdout)
    assert (shown["id"], shown["downloaded_paths"]) == (project.id, [])
    assert len(server.api_requests("GET")) == 1


def test_an_unknown_outcome_has_its_own_exit_code(server: MagicHourServer, tmp_path: Path) -> None:
    server.add_fault(Fault.drop_after_create())
    run = run_cli(
        server, "generate", "photo-colorizer", "--set", f"assets.image_file_path={URL}", cwd=tmp_path
    )
    assert run.returncode == EXIT_OUTCOME_UNKNOWN == 5
    assert "may have been created and charged" in run.stderr
    assert len(server.created) == 1
    assert len([r for r in server.api_requests("POST") if r.route == "create"]) == 1
    assert exit_code(CreateOutcomeUnknownError("t", "image", reason="x")) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["generate", "photo-colorizer", "--set", "colour=1", "--set", f"assets.image_file_path={URL}"],
            "unknown field 'colour'",
        ),
        (["generate", "no-such-tool"], "no tool 'no-such-tool'"),
        (["generate"], "the following arguments are required: TOOL"),
        (["generate", "photo-colorizer", "--body", "missing.json"], "--body missing.json"),
        (["upload", "missing.png"], "there is no such file"),
    ],
)
def test_usage_errors_exit_2_before_any_request(
    server: MagicHourServer, tmp_path: Path, args: list[str], message: str
) -> None:
    run = run_cli(server, *args, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert message in run.stderr
    assert server.requests == []


def test_generate_help_shows_the_tool_fields(server: MagicHourServer, tmp_path: Path) -> None:
    run = run_cli(server, "generate", "ai-talking-photo", "--help", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "ai-talking-photo: creates a video project" in run.stdout
    assert "assets.audio_file_path" in run.stdout
    assert "a local path is uploaded (audio)" in run.stdout
    assert "  5    the create's outcome is unknown" in run.stdout


def test_the_body_comes_from_standard_input_and_sets(tmp_path: Path) -> None:
    import io

    body = body_from(
        "-",
        ["style.prompt=a cat", "image_count=2", 'style.tool="ai-art-generator"'],
        io.StringIO('{"name": "n"}'),
    )
    assert body == {"name": "n", "style": {"prompt": "a cat", "tool": "ai-art-generator"}, "image_count": 2}
    with pytest.raises(ValueError, match="FIELD=VALUE"):
        set_value({}, "nothing")
    with pytest.raises(ValueError, match="is not an object"):
        set_value({"a": 1}, "a.b=2")
    with pytest.raises(ValueError, match="not a JSON object"):
        body_from("-", [], io.StringIO("[1]"))


def test_a_terminal_shows_upload_bars_then_the_wait(tmp_path: Path) -> None:
    import io

    from rich.console import Console

    from magic_hour_ext import UploadProgress
    from magic_hour_ext._render import RichDisplay
    from tests.magic_hour_ext._helpers import image_project

    screen = io.StringIO()
    display = RichDisplay(Console(file=screen, force_terminal=True, width=100))
    photo = tmp_path / "photo.png"
    display.upload(UploadProgress(photo, 0, 2048))
    display.upload(UploadProgress(photo, 2048, 2048, done=True))
    display.start("p", 600.0, "image")  # the upload bars stop: one live display at a time
    display.status(image_project(status="rendering"))
    display.close()
    shown = screen.getvalue()
    assert "upload photo.png" in shown
    assert "Checking image project p" in shown
