"""The three kinds of project over real HTTP: paths, bodies, outputs, faults and DELETE per kind."""

import io
import wave

import httpx
import pytest

from magic_hour_ext.testing import Fault, MagicHourServer, Output
from magic_hour_ext.testing._projects import KINDS

FIELDS = {
    "image": {"image_count", "total_frame_cost"},
    "video": {"width", "height", "fps", "start_seconds", "end_seconds", "total_frame_cost", "download"},
    "audio": set(),
}
COMMON = {"id", "name", "status", "type", "created_at", "enabled", "credits_charged", "downloads", "error"}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_served_at_its_own_path_only(
    server: MagicHourServer, api: httpx.Client, kind: str
) -> None:
    project = server.create_project("p1", kind=kind)  # type: ignore[arg-type]
    assert project.url_path == f"/v1/{kind}-projects/p1"
    body = api.get(project.url_path).json()
    assert set(body) == COMMON | FIELDS[kind]
    assert body["type"] == {"image": "AI_IMAGE", "video": "FACE_SWAP", "audio": "VOICE_GENERATOR"}[kind]
    for other in KINDS:
        if other != kind:
            assert api.get(f"/v1/{other}-projects/p1").status_code == 404
            assert api.delete(f"/v1/{other}-projects/p1").status_code == 404
    assert api.get(project.url_path).status_code == 200  # a DELETE at another path deleted nothing
    assert api.delete(project.url_path).status_code == 204
    assert api.get(project.url_path).status_code == 404


@pytest.mark.parametrize(
    ("kind", "content_type", "suffix"),
    [("image", "image/png", ".png"), ("video", "video/mp4", ".mp4"), ("audio", "audio/x-wav", ".wav")],
)
def test_default_outputs_have_the_kind_s_type_and_signature(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client, kind: str, content_type: str, suffix: str
) -> None:
    project = server.create_project(kind=kind)  # type: ignore[arg-type]
    (download,) = api.get(project.url_path).json()["downloads"]
    assert download["url"].split("?")[0].endswith(suffix)
    response = cdn.get(download["url"])
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type
    data = response.content
    if kind == "image":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    elif kind == "video":
        assert data[4:8] == b"ftyp"
    else:
        with wave.open(io.BytesIO(data)) as audio:
            assert audio.getnframes() > 0
    assert data == project.output_bytes(0)


def test_a_video_lists_its_first_output_in_the_deprecated_download(
    server: MagicHourServer, api: httpx.Client
) -> None:
    project = server.create_project(
        kind="video",
        timeline=[("rendering", 60.0), ("complete", None)],
        outputs=[Output.mp4(size=1 << 30), Output.mp4(name="b.mp4")],
    )
    rendering = api.get(project.url_path).json()
    assert (rendering["downloads"], rendering["download"]) == ([], None)
    done = server.create_project(kind="video", outputs=[Output.mp4(size=1 << 30), Output.mp4(name="b.mp4")])
    body = api.get(done.url_path).json()
    assert body["download"] == body["downloads"][0]
    assert len(body["downloads"]) == 2
    assert (body["width"], body["height"], body["fps"], body["start_seconds"], body["end_seconds"]) == (
        1024,
        576,
        30.0,
        0.0,
        15.0,
    )


def test_a_large_video_streams_without_being_held(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    project = server.create_project(kind="video", outputs=[Output.mp4(size=3 << 30)])
    url = api.get(project.url_path).json()["downloads"][0]["url"]
    head = cdn.get(url, headers={"Range": "bytes=0-47"})
    assert head.status_code == 206
    assert head.content[4:8] == b"ftyp"
    assert head.headers["content-range"] == f"bytes 0-47/{3 << 30}"
    tail = cdn.get(url, headers={"Range": "bytes=-5"})
    assert tail.content == project.output_bytes(0, (3 << 30) - 5)


def test_a_video_template_cannot_be_deleted(server: MagicHourServer, api: httpx.Client) -> None:
    template = server.create_project(kind="video", template=True)
    response = api.delete(template.url_path)
    assert response.status_code == 422
    assert response.json() == {"message": "This project is a template and cannot be deleted"}
    assert api.get(template.url_path).status_code == 200
    with pytest.raises(ValueError, match="video"):
        server.create_project(kind="image", template=True)


def test_an_unknown_kind_is_refused(server: MagicHourServer) -> None:
    with pytest.raises(ValueError, match="kind"):
        server.create_project(kind="music")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", KINDS)
def test_get_and_delete_faults_apply_to_every_kind(
    server: MagicHourServer, api: httpx.Client, kind: str
) -> None:
    project = server.create_project(kind=kind, timeline=[("error", None)], credits_charged=9)  # type: ignore[arg-type]
    server.add_fault(Fault.status(503, route="get"))
    server.add_fault(Fault.rate_limit(route="delete"))
    assert api.get(project.url_path).status_code == 503
    body = api.get(project.url_path).json()
    assert (body["status"], body["credits_charged"]) == ("error", 0)  # refunded, whatever the kind
    assert api.delete(project.url_path).status_code == 429
    assert api.delete(project.url_path).status_code == 204
    assert [r.fault for r in server.requests] == ["status", None, "rate_limit", None]
