"""The generated create functions work on their own, over a real socket on 127.0.0.1.

The local Magic Hour server does not take creates yet, so a minimal HTTP server stands in: it
records each request and answers as the API documents (200 with the response model, or an error).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from generated import AuthenticatedClient
from generated.api.audio_projects import create_ai_voice_generator
from generated.api.files import create_upload_urls
from generated.api.image_projects import create_face_swap_photo
from generated.api.video_projects import create_image_to_video
from generated.models import (
    AiVoiceGeneratorBody,
    AiVoiceGeneratorResponse,
    ErrorBody,
    FaceSwapPhotoBody,
    FaceSwapPhotoBodyAssets,
    FaceSwapPhotoBodyAssetsFaceMappingsItem,
    FaceSwapPhotoResponse,
    ImageToVideoBody,
    ImageToVideoResponse,
    UploadUrlsBody,
    UploadUrlsResponse,
)


class _Recorder(BaseHTTPRequestHandler):
    answers: list[tuple[int, dict[str, Any]]]
    received: list[tuple[str, str, str | None, Any]]

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append((self.command, self.path, self.headers.get("Authorization"), body))
        status, answer = self.answers.pop(0)
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[type[_Recorder]]:
    handler = type("Handler", (_Recorder,), {"answers": [], "received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.base_url = f"http://127.0.0.1:{server.server_address[1]}"  # type: ignore[attr-defined]
    yield handler
    server.shutdown()
    server.server_close()


def client(api: type[_Recorder]) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=api.base_url, token="test-token")  # type: ignore[attr-defined]


def test_an_image_tool_with_nested_models(api: type[_Recorder]) -> None:
    api.answers.append((200, {"id": "p1", "credits_charged": 5, "frame_cost": 5}))
    body = FaceSwapPhotoBody(
        assets=FaceSwapPhotoBodyAssets(
            target_file_path="api-assets/id/target.png",
            face_mappings=[
                FaceSwapPhotoBodyAssetsFaceMappingsItem(original_face="0-0.png", new_face="x.png")
            ],
        )
    )

    created = create_face_swap_photo.sync(client=client(api), body=body)

    assert isinstance(created, FaceSwapPhotoResponse)
    assert (created.id, created.credits_charged, created.frame_cost) == ("p1", 5, 5)
    [(method, path, auth, sent)] = api.received
    assert (method, path, auth) == ("POST", "/v1/face-swap-photo", "Bearer test-token")
    assert sent == {
        "assets": {
            "target_file_path": "api-assets/id/target.png",
            "face_mappings": [{"original_face": "0-0.png", "new_face": "x.png"}],
        }
    }


@pytest.mark.anyio
async def test_a_video_tool_async_and_its_deprecated_cost_is_optional(api: type[_Recorder]) -> None:
    api.answers.append((200, {"id": "v1", "credits_charged": 450}))
    body = ImageToVideoBody.from_dict({"end_seconds": 5, "assets": {"image_file_path": "https://x/y.png"}})

    created = await create_image_to_video.asyncio(client=client(api), body=body)

    assert isinstance(created, ImageToVideoResponse)
    assert created.id == "v1"
    assert api.received[0][1:2] == ("/v1/image-to-video",)


def test_an_audio_tool_and_a_422(api: type[_Recorder]) -> None:
    api.answers.append((422, {"message": "Unable to generate speech"}))
    body = AiVoiceGeneratorBody.from_dict({"style": {"prompt": "Hello", "voice_name": "Morgan Freeman"}})

    answer = create_ai_voice_generator.sync_detailed(client=client(api), body=body)

    assert answer.status_code == 422
    assert isinstance(answer.parsed, ErrorBody)
    assert answer.parsed.message == "Unable to generate speech"
    assert not isinstance(answer.parsed, AiVoiceGeneratorResponse)


def test_upload_urls(api: type[_Recorder]) -> None:
    item = {
        "upload_url": "https://h/a.png?sig=1",
        "expires_at": "2026-01-01T00:00:00Z",
        "file_path": "api-assets/a.png",
    }
    api.answers.append((200, {"items": [item]}))
    body = UploadUrlsBody.from_dict({"items": [{"type": "image", "extension": "png"}]})

    answer = create_upload_urls.sync(client=client(api), body=body)

    assert isinstance(answer, UploadUrlsResponse)
    assert [i.file_path for i in answer.items] == ["api-assets/a.png"]
    assert api.received[0][3] == {"items": [{"type": "image", "extension": "png"}]}
