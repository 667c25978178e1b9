"""generate and agenerate over real sockets, in every mode, on the local server."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import stamina
from stamina.instrumentation import RetryDetails

from generated import AuthenticatedClient
from generated.models import FaceSwapPhotoBody, PhotoColorizerBody, PhotoColorizerBodyAssets
from magic_hour_ext import (
    APIConnectionError,
    AuthenticationError,
    CheckResult,
    CreateOutcomeUnknownError,
    InvalidArgumentError,
    InvalidRequestError,
    NotFoundError,
    PaymentRequiredError,
    PermissionDeniedError,
    ProjectFailedError,
    RateLimitError,
    UnprocessableEntityError,
    UploadProgress,
    agenerate,
    generate,
)
from magic_hour_ext.testing import Fault, MagicHourServer, Render
from tests.conftest import TOKEN
from tests.magic_hour_ext._helpers import api_client, in_mode, refused_port

Generate = Callable[..., CheckResult]
URL = "https://example.com/photo.png"


@pytest.fixture
def gen(mode: str, server: MagicHourServer, tmp_path: Path) -> Generate:
    """generate in the test's mode against *server*, into tmp_path/out, unless the test says otherwise."""

    def call(tool: str, body: Any, **kwargs: Any) -> CheckResult:
        kwargs.setdefault("client", api_client(server))
        kwargs.setdefault("download_directory", tmp_path / "out")
        kwargs.setdefault("poll_interval", 0.02)
        return in_mode(mode, generate, agenerate)(tool, body, **kwargs)

    return call


def _png(tmp_path: Path, name: str = "face.png", data: bytes = b"\x89PNG a face") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _creates(server: MagicHourServer) -> list[Any]:
    return [r for r in server.api_requests("POST") if r.route == "create"]


def test_local_files_are_uploaded_and_replaced_by_their_file_paths(
    server: MagicHourServer, gen: Generate, tmp_path: Path
) -> None:
    photo = _png(tmp_path, "photo.PNG")
    backdrop = _png(tmp_path, "sky.jpg", b"jpeg sky")
    uploads: list[UploadProgress] = []
    created: list[str] = []
    result = gen(
        "image-background-remover",
        {"assets": {"image_file_path": photo, "background_image_file_path": str(backdrop)}},
        on_upload_progress=uploads.append,
        on_created=created.append,
    )
    (project,) = server.created
    assert created == [project.id] == [result.project.id]
    assert result.status == "complete"
    assert [p.name for p in result.downloaded_paths] == [f"mh-{project.id}-1.png"]
    assets = project.request_body["assets"]
    assert server.uploads[assets["image_file_path"]].read() == photo.read_bytes()
    assert server.uploads[assets["background_image_file_path"]].read() == backdrop.read_bytes()
    assert assets["image_file_path"].endswith(".png")  # the extension in lower case
    assert [r.route for r in server.api_requests("POST")] == ["upload_urls", "create"]
    assert {u.path for u in uploads if u.done} == {photo, backdrop}
    assert result.project.credits_charged == 5


@pytest.mark.parametrize(
    ("tool", "kind", "model", "suffix"),
    [
        ("ai-talking-photo", "video", "VideoProject", ".mp4"),
        ("ai-voice-cloner", "audio", "AudioProject", ".wav"),
    ],
)
def test_video_and_audio_tools_wait_for_their_kind(
    server: MagicHourServer, gen: Generate, tmp_path: Path, tool: str, kind: str, model: str, suffix: str
) -> None:
    voice = tmp_path / "voice.MP3"
    voice.write_bytes(b"ID3 a voice")
    bodies = {
        "ai-talking-photo": {
            "start_seconds": 0,
            "end_seconds": 2.5,
            "assets": {"image_file_path": _png(tmp_path), "audio_file_path": voice},
        },
        "ai-voice-cloner": {"assets": {"audio_file_path": str(voice)}, "style": {"prompt": "Hello"}},
    }
    result = gen(tool, bodies[tool])
    (project,) = server.created
    assert (project.kind, type(result.project).__name__, result.status) == (kind, model, "complete")
    assert [p.suffix for p in result.downloaded_paths] == [suffix]
    assert server.api_requests("GET")[0].path == f"/v1/{kind}-projects/{project.id}"
    audio_path = project.request_body["assets"]["audio_file_path"]
    assert (server.uploads[audio_path].asset_type, server.uploads[audio_path].read()) == (
        "audio",
        b"ID3 a voice",
    )


def test_nested_list_fields_are_uploaded_and_other_strings_sent_as_they_are(
    server: MagicHourServer, gen: Generate, tmp_path: Path
) -> None:
    face = _png(tmp_path)
    earlier = "api-assets/earlier/0.png"  # not a local file: sent as it is (here, unknown: 422)
    body = {
        "assets": {
            "face_swap_mode": "individual-faces",
            "target_file_path": URL,
            "face_mappings": [
                {"original_face": "0-0", "new_face": face},
                {"original_face": str(face), "new_face": URL},  # original_face is no file input
            ],
        }
    }
    gen("face-swap-photo", body)
    sent = server.created[0].request_body["assets"]
    assert sent["target_file_path"] == URL
    assert sent["face_mappings"][0]["new_face"].startswith("api-assets/")
    assert sent["face_mappings"][1] == {"original_face": str(face), "new_face": URL}
    body["assets"]["face_mappings"][0]["new_face"] = earlier
    with pytest.raises(UnprocessableEntityError, match="nothing was uploaded"):
        gen("face-swap-photo", body)


def test_a_list_of_files_is_uploaded_item_by_item(
    server: MagicHourServer, gen: Generate, tmp_path: Path
) -> None:
    first, second = _png(tmp_path, "a.png", b"first"), _png(tmp_path, "b.jpeg", b"second")
    body = {
        "style": {"prompt": "sunset"},
        "image_count": 4,
        "assets": {"image_file_paths": [first, URL, str(second)]},
    }
    result = gen("ai-image-editor", body)
    sent = server.created[0].request_body["assets"]["image_file_paths"]
    assert sent[1] == URL
    assert [server.uploads[sent[0]].read(), server.uploads[sent[2]].read()] == [b"first", b"second"]
    assert len(result.downloaded_paths) == 4
    assert body["assets"]["image_file_paths"][0] == first  # the caller's body is left as it was


def test_the_same_file_in_two_fields_is_uploaded_once(
    server: MagicHourServer, gen: Generate, tmp_path: Path
) -> None:
    face = _png(tmp_path)
    gen("face-swap-photo", {"assets": {"source_file_path": face, "target_file_path": Path(str(face))}})
    assets = server.created[0].request_body["assets"]
    assert assets["source_file_path"] == assets["target_file_path"]
    assert len(server.download_requests("PUT")) == 1


def test_a_body_model_is_accepted(server: MagicHourServer, gen: Generate) -> None:
    body = PhotoColorizerBody(assets=PhotoColorizerBodyAssets(image_file_path=URL), name="old")
    result = gen("photo-colorizer", body)
    assert server.created[0].request_body == {"assets": {"image_file_path": URL}, "name": "old"}
    assert result.status == "complete"


@pytest.mark.parametrize(
    ("tool", "body", "message"),
    [
        ("photo-colorizer", {"assets": {"image_file_path": URL}, "colour": 1},
         "the body: unknown field 'colour'"),
        ("ai-image-generator", {"image_count": "2", "style": {"prompt": "a"}},
         "image_count: must be integer"),
        ("ai-image-generator", {"image_count": 1, "style": {"prompt": "a"}, "aspect_ratio": "2:1"},
         "must be one of"),
        ("face-swap-photo", {"assets": {"target_file_path": URL, "face_mappings": [{"original_face": "0"}]}},
         "assets.face_mappings[0]: the field 'new_face' is required"),
        ("photo-colorizer", {"assets": {"image_file_path": Path("missing.png")}},
         "assets.image_file_path: cannot upload 'missing.png': there is no such file"),
        ("photo-colorizer", {"assets": {"image_file_path": Path(__file__)}},
         "assets.image_file_path: 'test_generate.py'"),
        ("no-such-tool", {}, "no tool 'no-such-tool'"),
        ("face-swap", {}, "the body: the field 'start_seconds' is required"),
        ("photo-colorizer", ["a list"], "must be a dict or a generated.models.PhotoColorizerBody"),
        ("photo-colorizer", FaceSwapPhotoBody.from_dict({"assets": {"target_file_path": URL}}),
         "is a PhotoColorizerBody (or a dict), not a FaceSwapPhotoBody"),
    ],
)  # fmt: skip
def test_bad_bodies_fail_before_any_request(
    server: MagicHourServer, gen: Generate, tool: str, body: Any, message: str
) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        gen(tool, body)
    assert message in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"on_created": "print"}, "on_created must be callable"),
        ({"on_upload_progress": 1}, "on_upload_progress must be callable"),
        ({"timeout": -1}, "timeout must be >= 0"),
        ({"download_directory": __file__}, "is not a folder"),
        ({"client": "a client"}, "client must be a generated.AuthenticatedClient"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    server: MagicHourServer, gen: Generate, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(Exception, match=message):
        gen("photo-colorizer", {"assets": {"image_file_path": URL}}, **kwargs)
    assert server.requests == []


# -- never pay twice ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("fast")
def test_a_connection_dropped_after_the_create_is_never_sent_again(
    server: MagicHourServer, gen: Generate, retries: list[RetryDetails]
) -> None:
    server.add_fault(Fault.drop_after_create())
    created: list[str] = []
    with pytest.raises(CreateOutcomeUnknownError) as caught:
        gen("photo-colorizer", {"assets": {"image_file_path": URL}}, on_created=created.append)
    assert len(_creates(server)) == 1  # exactly one create reached the server
    assert len(server.created) == 1  # which created (and charged) the project
    assert retries == []
    assert created == []
    err = caught.value
    assert (err.tool, err.kind, err.status_code, err.attempts) == ("photo-colorizer", "image", None, 1)
    assert err.url == f"{server.base_url}/v1/photo-colorizer"
    assert "may have been created and charged" in str(err)
    assert isinstance(err.__cause__, APIConnectionError)
    assert TOKEN not in str(err)


@pytest.mark.usefixtures("fast")
@pytest.mark.parametrize("code", [500, 502, 503])
def test_a_5xx_after_the_create_is_never_sent_again(
    server: MagicHourServer, gen: Generate, code: int
) -> None:
    server.add_fault(Fault.error_after_create(code))
    with pytest.raises(CreateOutcomeUnknownError) as caught:
        gen("photo-colorizer", {"assets": {"image_file_path": URL}})
    assert caught.value.status_code == code
    assert len(_creates(server)) == 1
    assert str(code) in str(caught.value)


@pytest.mark.usefixtures("fast")
def test_a_5xx_before_the_create_is_not_sent_again_either(server: MagicHourServer, gen: Generate) -> None:
    # The client cannot tell a 503 of a gateway (nothing created) from one after the create.
    server.add_fault(Fault.status(503, route="create"))
    with pytest.raises(CreateOutcomeUnknownError):
        gen("photo-colorizer", {"assets": {"image_file_path": URL}})
    assert len(_creates(server)) == 1
    assert server.created == []


def test_a_create_that_never_answers_times_out_and_is_not_sent_again(
    server: MagicHourServer, gen: Generate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("magic_hour_ext._generate.CREATE_TIMEOUT", httpx.Timeout(0.5, connect=5.0))
    server.add_fault(Fault.hang(route="create"))
    with pytest.raises(CreateOutcomeUnknownError) as caught:
        gen("photo-colorizer", {"assets": {"image_file_path": URL}})
    assert len(_creates(server)) == 1
    assert caught.value.status_code is None
    assert "no answer" in caught.value.reason


def test_a_429_is_waited_and_sent_again(
    server: MagicHourServer, gen: Generate, retries: list[RetryDetails]
) -> None:
    server.add_fault(Fault.rate_limit(retry_after="0.2", route="create"))
    created: list[str] = []
    result = gen("photo-colorizer", {"assets": {"image_file_path": URL}}, on_created=created.append)
    assert [r.status for r in _creates(server)] == [429, 200]
    assert [r.wait_for for r in retries] == [0.2]  # its Retry-After, waited for real
    assert created == [result.project.id]


@pytest.mark.usefixtures("fast")
def test_a_429_that_stays_raises_a_rate_limit_error(server: MagicHourServer, gen: Generate) -> None:
    server.add_fault(Fault.rate_limit(route="create", times=None))
    with pytest.raises(RateLimitError):
        gen("photo-colorizer", {"assets": {"image_file_path": URL}})
    assert len(_creates(server)) == 6
    assert server.created == []


class _LateListener:
    """A port that refuses connections until :meth:`open`, then relays each one to *target*."""

    def __init__(self, sock: socket.socket, target: int) -> None:
        self._sock, self._target = sock, target
        self._threads: list[threading.Thread] = []

    def open(self) -> None:
        self._sock.listen()
        self._threads.append(threading.Thread(target=self._accept, daemon=True))
        self._threads[-1].start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = self._sock.accept()
                upstream = socket.create_connection(("127.0.0.1", self._target))
                for a, b in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def test_a_refused_connection_is_retried(
    server: MagicHourServer, mode: str, tmp_path: Path, retries: list[RetryDetails]
) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # bound, not listening: connections are refused
    port = sock.getsockname()[1]
    late = _LateListener(sock, server.port)
    opened: list[bool] = []

    def listen_on_first_retry(details: RetryDetails) -> None:
        if not opened:
            opened.append(True)
            late.open()  # before the retry's wait: the next attempt connects

    hooks = stamina.instrumentation.get_on_retry_hooks()
    stamina.instrumentation.set_on_retry_hooks([*hooks, listen_on_first_retry])
    try:
        client = AuthenticatedClient(base_url=f"http://127.0.0.1:{port}", token=TOKEN)
        result = in_mode(mode, generate, agenerate)(
            "photo-colorizer",
            {"assets": {"image_file_path": URL}},
            client=client,
            download_directory=tmp_path,
            poll_interval=0.02,
        )
    finally:
        stamina.instrumentation.set_on_retry_hooks(hooks)
        sock.close()
    assert result.status == "complete"
    assert len(retries) == 1
    assert isinstance(retries[0].caused_by.__cause__, httpx.ConnectError)
    assert len(_creates(server)) == 1  # the refused attempt never reached it


@pytest.mark.usefixtures("fast")
def test_a_host_that_stays_down_raises_a_connection_error_nothing_created(mode: str, tmp_path: Path) -> None:
    with refused_port() as port:
        client = AuthenticatedClient(base_url=f"http://127.0.0.1:{port}", token=TOKEN)
        with pytest.raises(APIConnectionError) as caught:
            in_mode(mode, generate, agenerate)(
                "photo-colorizer",
                {"assets": {"image_file_path": URL}},
                client=client,
                download_directory=tmp_path,
            )
    assert caught.value.attempts == 6
    assert caught.value.method == "POST"


def test_each_create_goes_on_a_new_connection(server: MagicHourServer, mode: str, tmp_path: Path) -> None:
    client = api_client(server)  # one client, whose pool keeps the connections of the GETs
    body = {"assets": {"image_file_path": URL}}

    def twice() -> None:
        for _ in range(2):
            generate("photo-colorizer", body, client=client, download_directory=tmp_path, poll_interval=0.02)

    async def atwice() -> None:
        for _ in range(2):
            await agenerate(
                "photo-colorizer", body, client=client, download_directory=tmp_path, poll_interval=0.02
            )

    in_mode(mode, twice, atwice)()
    first, second = _creates(server)
    others = {r.connection_id for r in server.api_requests(None) if r.route != "create"}
    assert len(others) >= 1
    assert first.connection_id != second.connection_id
    assert not {first.connection_id, second.connection_id} & others


# -- the API refuses the create --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (400, InvalidRequestError),
        (401, AuthenticationError),
        (402, PaymentRequiredError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (422, UnprocessableEntityError),
    ],
)
def test_a_refused_create_raises_a_typed_error_with_the_api_message(
    server: MagicHourServer, gen: Generate, code: int, error: type[Exception]
) -> None:
    server.add_fault(Fault.status(code, route="create"))
    with pytest.raises(error) as caught:
        gen("photo-colorizer", {"assets": {"image_file_path": URL}})
    assert caught.value.status_code == code  # type: ignore[attr-defined]
    assert caught.value.method == "POST"  # type: ignore[attr-defined]
    assert len(_creates(server)) == 1


def test_running_out_of_credits_says_so(mode: str, tmp_path: Path) -> None:
    with MagicHourServer(credits=3) as server:
        with pytest.raises(PaymentRequiredError, match="Not enough credits: this render costs 5, 3 left"):
            in_mode(mode, generate, agenerate)(
                "photo-colorizer",
                {"assets": {"image_file_path": URL}},
                client=api_client(server),
                download_directory=tmp_path,
            )
        assert server.created == []


def test_a_wrong_token_is_an_authentication_error(server: MagicHourServer, gen: Generate) -> None:
    with pytest.raises(AuthenticationError):
        gen("photo-colorizer", {"assets": {"image_file_path": URL}}, client=api_client(server, token="wrong"))


# -- after the create ------------------------------------------------------------------------------------


def test_errors_after_the_create_carry_the_project(server: MagicHourServer, gen: Generate) -> None:
    server.renders["photo-colorizer"] = Render(
        timeline=[("rendering", 0.05), ("error", None)], error=("no_source_face", "No face")
    )
    created: list[str] = []
    with pytest.raises(ProjectFailedError) as caught:
        gen("photo-colorizer", {"assets": {"image_file_path": URL}}, on_created=created.append)
    assert (caught.value.project_id, caught.value.kind) == (created[0], "image")
    assert caught.value.code == "no_source_face"


def test_no_wait_returns_after_one_get(server: MagicHourServer, gen: Generate) -> None:
    server.renders["photo-colorizer"] = Render(timeline=[("rendering", None)])
    result = gen("photo-colorizer", {"assets": {"image_file_path": URL}}, wait_for_completion=False)
    assert result.status == "rendering"
    assert result.downloaded_paths == []
    assert len(server.api_requests("GET")) == 1


def test_the_client_comes_from_the_environment(
    server: MagicHourServer, mode: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", server.token)
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", server.base_url)
    face = _png(tmp_path)
    result = in_mode(mode, generate, agenerate)(
        "photo-colorizer",
        {"assets": {"image_file_path": face}},
        download_directory=tmp_path / "out",
        poll_interval=0.02,
    )
    assert result.status == "complete"
    assert len(server.uploads) == 1
