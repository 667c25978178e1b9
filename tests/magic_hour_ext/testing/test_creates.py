"""Every tool's create endpoint over real HTTP: validation, uploaded inputs, kinds, credits, faults."""

import io
import time
import wave

import httpx
import pytest

from generated.catalog import TOOLS
from magic_hour_ext.testing import Fault, MagicHourServer, Output, Render
from magic_hour_ext.testing._creates import PROJECT_TYPES
from tests.magic_hour_ext.testing._bodies import URL, minimal

SIGNATURES = {"image": b"\x89PNG\r\n\x1a\n", "video": b"ftyp", "audio": b"RIFF"}


def _upload(
    api: httpx.Client, cdn: httpx.Client, asset_type: str, extension: str, data: bytes = b"data"
) -> str:
    (item,) = api.post(
        "/v1/files/upload-urls", json={"items": [{"type": asset_type, "extension": extension}]}
    ).json()["items"]
    assert cdn.put(item["upload_url"], content=data).status_code == 200
    return str(item["file_path"])


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_every_tool_creates_a_project_of_its_kind(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client, name: str
) -> None:
    tool = TOOLS[name]
    server.renders[tool.kind] = Render(timeline=[("complete", None)], credits_charged=7)
    body = minimal(tool.body_schema)
    response = api.post(tool.path, json=body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["credits_charged"] == 7
    (project,) = server.created
    assert (project.id, project.kind, project.tool, project.request_body) == (
        answer["id"],
        tool.kind,
        name,
        body,
    )
    got = api.get(f"/v1/{tool.kind}-projects/{answer['id']}").json()
    assert (got["status"], got["type"]) == ("complete", PROJECT_TYPES[name])
    data = cdn.get(got["downloads"][0]["url"]).content
    signature = SIGNATURES[tool.kind]
    assert data[4:8] == signature if tool.kind == "video" else data.startswith(signature)
    create = server.api_requests("POST")[0]
    assert (create.route, create.project_id, create.body_size) == (
        "create",
        answer["id"],
        len(response.request.content),
    )


def test_a_wav_from_an_audio_tool_opens(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    server.renders["audio"] = Render(timeline=[("complete", None)])
    answer = api.post("/v1/ai-voice-generator", json=minimal(TOOLS["ai-voice-generator"].body_schema)).json()
    url = api.get(f"/v1/audio-projects/{answer['id']}").json()["downloads"][0]["url"]
    with wave.open(io.BytesIO(cdn.get(url).content)) as audio:
        assert audio.getnframes() > 0


def test_a_project_follows_the_render_of_its_tool_or_kind(server: MagicHourServer, api: httpx.Client) -> None:
    server.renders["video"] = Render(timeline=[("queued", 60.0), ("complete", None)])
    server.renders["face-swap"] = Render(
        timeline=[("rendering", 0.05), ("error", None)],
        error=("no_source_face", "No face"),
        credits_charged=9,
    )
    queued = api.post("/v1/text-to-video", json=minimal(TOOLS["text-to-video"].body_schema)).json()
    failing = api.post("/v1/face-swap", json=minimal(TOOLS["face-swap"].body_schema)).json()
    assert api.get(f"/v1/video-projects/{queued['id']}").json()["status"] == "queued"
    assert failing["credits_charged"] == 9
    time.sleep(0.1)
    body = api.get(f"/v1/video-projects/{failing['id']}").json()
    assert (body["status"], body["error"], body["credits_charged"]) == (
        "error",
        {"code": "no_source_face", "message": "No face"},
        0,
    )


def test_an_image_tool_offers_one_png_per_image_asked_for(server: MagicHourServer, api: httpx.Client) -> None:
    server.renders["image"] = Render(timeline=[("complete", None)])
    body = {**minimal(TOOLS["ai-image-generator"].body_schema), "image_count": 3, "name": "three"}
    answer = api.post("/v1/ai-image-generator", json=body).json()
    got = api.get(f"/v1/image-projects/{answer['id']}").json()
    assert (got["image_count"], len(got["downloads"]), got["name"]) == (3, 3, "three")
    server.renders["image"] = Render(timeline=[("complete", None)], outputs=[Output(size=10, name="x.png")])
    answer = api.post("/v1/ai-image-generator", json=body).json()
    assert api.get(f"/v1/image-projects/{answer['id']}").json()["image_count"] == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"surprise": 1}, "the body: unknown field 'surprise'"),
        ({"image_count": "2"}, "image_count: must be integer, not string"),
        ({"image_count": 0}, "image_count: must be >= 1, not 0"),
        ({"model": "no-such-model"}, "model: must be one of 'default', "),
        ({"style": None}, "style: must be object, not null"),
    ],
)
def test_a_body_the_spec_refuses_gets_400_naming_the_field(
    server: MagicHourServer, api: httpx.Client, change: dict[str, object], message: str
) -> None:
    body = {**minimal(TOOLS["ai-image-generator"].body_schema), **change}
    response = api.post("/v1/ai-image-generator", json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)
    assert server.created == []


@pytest.mark.parametrize(("content", "message"), [(b"", "Missing request body"), (b"[1,", "not valid JSON")])
def test_a_body_that_is_not_json_gets_400(
    server: MagicHourServer, api: httpx.Client, content: bytes, message: str
) -> None:
    response = api.post("/v1/ai-image-generator", content=content)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_file_inputs_must_be_urls_or_uploaded_files(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    tool = TOOLS["face-swap-photo"]
    uploaded = _upload(api, cdn, "image", "png")
    (handed_out,) = api.post(
        "/v1/files/upload-urls", json={"items": [{"type": "image", "extension": "png"}]}
    ).json()["items"]

    def body(new_faces: list[str], source: str = URL) -> dict[str, object]:
        assets = {
            **minimal(tool.body_schema)["assets"],
            "source_file_path": source,
            "target_file_path": uploaded,
        }
        assets["face_mappings"] = [{"original_face": "0-0.png", "new_face": face} for face in new_faces]
        return {**minimal(tool.body_schema), "assets": assets}

    assert api.post(tool.path, json=body([uploaded, URL])).status_code == 200
    refused = {
        "assets.face_mappings[1].new_face: nothing was uploaded to": body(
            [uploaded, handed_out["file_path"]]
        ),
        "assets.source_file_path: 'photo.png' is neither a URL nor": body([], source="photo.png"),
        "assets.face_mappings[0].new_face: nothing was uploaded to 'api-assets/x/0.png'": body(
            ["api-assets/x/0.png"]
        ),
    }
    for message, refused_body in refused.items():
        response = api.post(tool.path, json=refused_body)
        assert response.status_code == 422
        assert response.json()["message"].startswith(message)
    assert len(server.created) == 1


def test_creates_need_the_token(server: MagicHourServer) -> None:
    response = httpx.post(server.base_url + "/v1/ai-image-generator", json={})
    assert response.status_code == 401
    assert server.created == []


def test_credits_are_charged_refunded_and_402_when_they_run_out(api: httpx.Client) -> None:
    with (
        MagicHourServer(token="t", credits=12) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": "Bearer t"}) as client,
    ):
        server.renders["image"] = Render(timeline=[("complete", None)], credits_charged=5)
        server.renders["photo-colorizer"] = Render(timeline=[("error", None)], credits_charged=5)
        body = minimal(TOOLS["ai-image-generator"].body_schema)
        assert server.credits == 12
        assert client.post("/v1/ai-image-generator", json=body).status_code == 200
        assert client.post("/v1/ai-image-generator", json=body).status_code == 200
        assert server.credits == 2
        refused = client.post("/v1/ai-image-generator", json=body)
        assert refused.status_code == 402
        assert refused.json() == {"message": "Not enough credits: this render costs 5, 2 left"}
        assert len(server.created) == 2
    with (
        MagicHourServer(token="t", credits=5) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": "Bearer t"}) as client,
    ):
        server.renders["image"] = Render(timeline=[("rendering", 0.05), ("error", None)], credits_charged=5)
        assert client.post("/v1/ai-image-generator", json=body).status_code == 200
        assert server.credits == 0
        time.sleep(0.1)
        assert server.credits == 5  # the failed render was refunded
    assert MagicHourServer().credits is None
    with pytest.raises(ValueError, match="credits"):
        MagicHourServer(credits=-1)


def test_a_fault_before_the_create_creates_nothing(server: MagicHourServer, api: httpx.Client) -> None:
    server.add_fault(Fault.status(503, route="create"))
    server.add_fault(Fault.rate_limit(route="create"))
    body = minimal(TOOLS["ai-image-generator"].body_schema)
    assert [api.post("/v1/ai-image-generator", json=body).status_code for _ in range(3)] == [503, 429, 200]
    assert len(server.created) == 1


def test_a_connection_dropped_after_the_create_leaves_a_charged_project(server: MagicHourServer) -> None:
    server.add_fault(Fault.drop_after_create())
    body = minimal(TOOLS["lip-sync"].body_schema)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(
            server.base_url + "/v1/lip-sync", json=body, headers={"Authorization": f"Bearer {server.token}"}
        )
    (project,) = server.created
    (create,) = server.requests
    assert (create.status, create.fault, create.project_id) == (None, "drop_after_create", project.id)
    assert project.kind == "video"


def test_a_5xx_after_the_create_leaves_a_charged_project(server: MagicHourServer, api: httpx.Client) -> None:
    server = server
    server.add_fault(Fault.error_after_create(502, route="create"))
    response = api.post("/v1/ai-voice-cloner", json=minimal(TOOLS["ai-voice-cloner"].body_schema))
    assert response.status_code == 502
    assert response.json() == {"message": "Bad Gateway"}
    (project,) = server.created
    assert api.get(f"/v1/audio-projects/{project.id}").status_code == 200
    with pytest.raises(ValueError, match="5xx"):
        Fault.error_after_create(404)


def test_an_unknown_tool_is_404_and_a_get_on_a_tool_405(api: httpx.Client) -> None:
    assert api.post("/v1/no-such-tool", json={}).status_code == 404
    response = api.get("/v1/ai-image-generator")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
