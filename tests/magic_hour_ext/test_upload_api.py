"""upload_file, upload_files and their async twins over real sockets, in every mode, on the local server."""

import hashlib
import os
import re
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from magic_hour_ext import (
    APIError,
    InvalidArgumentError,
    UploadError,
    UploadProgress,
    aupload_file,
    aupload_files,
    upload_file,
    upload_files,
)
from magic_hour_ext.testing import Fault, MagicHourServer
from tests.conftest import TOKEN
from tests.magic_hour_ext._helpers import api_client, in_mode

Upload = Callable[..., Any]


@pytest.fixture
def one(mode: str, server: MagicHourServer) -> Upload:
    """upload_file in the test's mode, with a client of the server unless the test passes one."""

    def call(path: Path, **kwargs: Any) -> str:
        kwargs.setdefault("client", api_client(server))
        return in_mode(mode, upload_file, aupload_file)(path, **kwargs)

    return call


@pytest.fixture
def many(mode: str, server: MagicHourServer) -> Upload:
    def call(paths: list[Path], **kwargs: Any) -> list[str]:
        kwargs.setdefault("client", api_client(server))
        return in_mode(mode, upload_files, aupload_files)(paths, **kwargs)

    return call


def _file(tmp_path: Path, name: str, size: int = 3 << 20) -> Path:
    path = tmp_path / name
    path.write_bytes(os.urandom(size))
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_is_streamed_to_its_upload_url_without_the_token(
    server: MagicHourServer, one: Upload, tmp_path: Path
) -> None:
    path = _file(tmp_path, "Face.PNG")
    file_path = one(path)
    assert file_path.startswith("api-assets/")
    assert file_path.endswith("/0.png")  # lower case
    stored = server.uploads[file_path]
    assert (stored.asset_type, stored.size, stored.sha256()) == ("image", path.stat().st_size, _sha(path))
    (post,) = server.api_requests("POST")
    assert post.route == "upload_urls"
    (put,) = server.download_requests("PUT")
    assert put.headers["content-length"] == str(path.stat().st_size)
    assert "transfer-encoding" not in put.headers
    assert "authorization" not in put.headers
    assert all(TOKEN not in value for value in put.headers.values())
    assert "cookie" not in put.headers


def test_several_files_take_one_upload_urls_call(
    server: MagicHourServer, many: Upload, tmp_path: Path
) -> None:
    paths = [_file(tmp_path, n, 1000) for n in ("a.mp4", "b.wav", "c.jpg", "d.gif")]
    file_paths = many(paths)
    assert [server.uploads[p].asset_type for p in file_paths] == ["video", "audio", "image", "video"]
    assert [server.uploads[p].read() for p in file_paths] == [p.read_bytes() for p in paths]
    assert len(server.api_requests("POST")) == 1
    assert len(server.download_requests("PUT")) == 4


@pytest.mark.usefixtures("fast")
def test_a_put_cut_short_is_sent_again_whole(server: MagicHourServer, one: Upload, tmp_path: Path) -> None:
    path = _file(tmp_path, "clip.mp4", 6 << 20)
    server.add_fault(Fault.cut_upload(at=0.5))
    reports: list[UploadProgress] = []
    file_path = one(path, on_progress=reports.append)
    cut, whole = server.download_requests("PUT")
    assert cut.fault == "cut_upload"
    assert cut.body_size < path.stat().st_size
    assert whole.body_size == path.stat().st_size  # read again from its start: never a partial body
    assert server.uploads[file_path].sha256() == _sha(path)
    sent = [r.bytes_sent for r in reports]
    assert sent.count(0) == 2  # each attempt starts again from byte 0
    assert reports[-1] == UploadProgress(path, path.stat().st_size, path.stat().st_size, done=True)
    assert sent[-2] == path.stat().st_size


@pytest.mark.usefixtures("fast")
@pytest.mark.parametrize("fault", [Fault.status(503, route="upload"), Fault.close(route="upload")])
def test_transient_failures_of_the_put_are_retried(
    server: MagicHourServer, one: Upload, tmp_path: Path, fault: Fault
) -> None:
    path = _file(tmp_path, "a.png", 1000)
    server.add_fault(fault)
    file_path = one(path)
    assert server.uploads[file_path].read() == path.read_bytes()
    assert len(server.download_requests("PUT")) == 2


@pytest.mark.usefixtures("fast")
def test_upload_urls_is_retried_like_a_get(server: MagicHourServer, one: Upload, tmp_path: Path) -> None:
    server.add_fault(Fault.status(502, route="upload_urls"))
    server.add_fault(Fault.close(route="upload_urls"))
    one(_file(tmp_path, "a.png", 10))
    assert [r.status for r in server.api_requests("POST")] == [502, None, 200]


@pytest.mark.usefixtures("fast")
def test_a_put_that_keeps_failing_raises_an_upload_error_naming_the_file(
    server: MagicHourServer, one: Upload, tmp_path: Path
) -> None:
    path = _file(tmp_path, "a.png", 10)
    server.add_fault(Fault.status(503, route="upload", times=None))
    with pytest.raises(UploadError) as caught:
        one(path)
    assert caught.value.path == path
    assert caught.value.status_code == 503
    assert (
        str(caught.value)
        == f"cannot upload {str(path)!r}: the upload host answered HTTP 503, after 6 attempts"
    )
    assert len(server.download_requests("PUT")) == 6


@pytest.mark.parametrize(
    ("setup", "status", "detail"),
    [
        (lambda s: s.add_fault(Fault.expired(route="upload")), 403, "(AccessDenied: Request has expired)"),
        (lambda s: setattr(s, "upload_limit", 5), 413, "(EntityTooLarge: Your proposed upload exceeds"),
    ],
)
def test_a_refused_put_is_not_retried(
    server: MagicHourServer,
    one: Upload,
    tmp_path: Path,
    setup: Callable[[MagicHourServer], None],
    status: int,
    detail: str,
) -> None:
    path = _file(tmp_path, "a.png", 10)
    setup(server)
    with pytest.raises(UploadError, match=f"HTTP {status} {re.escape(detail)}") as caught:
        one(path)
    assert caught.value.status_code == status
    assert len(server.download_requests("PUT")) == 1


@pytest.mark.parametrize(
    ("name", "kwargs", "message"),
    [
        ("clip.webm", {}, "may be audio or video: pass asset_type="),
        ("notes.txt", {}, "does not take .txt files"),
        ("a.png", {"asset_type": "audio"}, "an audio upload cannot be a .png file"),
        ("missing.png", {}, "there is no such file"),
        ("a.png", {"on_progress": "print"}, "on_progress must be callable"),
        ("a.png", {"client": "not a client"}, "client must be a generated.AuthenticatedClient"),
    ],
)
def test_bad_arguments_fail_before_any_request(
    server: MagicHourServer, one: Upload, tmp_path: Path, name: str, kwargs: dict[str, Any], message: str
) -> None:
    path = tmp_path / name
    if name != "missing.png":
        path.write_bytes(b"x")
    with pytest.raises(InvalidArgumentError, match=re.escape(message)):
        one(path, **kwargs)
    assert server.requests == []


def test_a_directory_or_no_file_is_refused(many: Upload, tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="not a regular file"):
        many([tmp_path])
    with pytest.raises(InvalidArgumentError, match="no file to upload"):
        many([])
    with pytest.raises(InvalidArgumentError, match="a list of paths"):
        many(tmp_path / "a.png")


def test_upload_urls_errors_are_api_errors(server: MagicHourServer, one: Upload, tmp_path: Path) -> None:
    with pytest.raises(APIError) as caught:
        one(_file(tmp_path, "a.png", 10), client=api_client(server, token="wrong"))
    assert caught.value.status_code == 401
    assert server.download_requests() == []


def test_the_client_comes_from_the_environment(
    server: MagicHourServer, one: Upload, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", server.token)
    monkeypatch.setenv("MAGIC_HOUR_BASE_URL", server.base_url)
    assert one(_file(tmp_path, "a.mp3", 10), client=None).endswith(".mp3")


def test_memory_does_not_grow_with_the_file(server: MagicHourServer, tmp_path: Path) -> None:
    path = tmp_path / "big.mp4"
    with path.open("wb") as file:
        file.truncate(48 << 20)
    tracemalloc.start()
    try:
        file_path = upload_file(path, client=api_client(server))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert server.uploads[file_path].size == 48 << 20
    assert peak < 12 << 20  # a few 1 MiB chunks (client and server alike), never the file
