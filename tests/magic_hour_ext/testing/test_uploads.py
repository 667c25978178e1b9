"""Uploads on the local server over real HTTP: upload-urls, and PUTs streamed to disk, S3-style."""

import hashlib
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from magic_hour_ext.testing import Fault, MagicHourServer
from tests.magic_hour_ext._helpers import wait_until

CONTINUE = "Expect: 100-continue\r\n"
FILE_PATH = re.compile(r"api-assets/cm[a-z0-9]{23}/(\d+)\.([a-z0-9]+)")


def _urls(api: httpx.Client, *items: tuple[str, str]) -> list[dict[str, str]]:
    response = api.post(
        "/v1/files/upload-urls", json={"items": [{"type": t, "extension": e} for t, e in items]}
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_upload_urls_answers_one_signed_put_url_per_item_in_order(
    server: MagicHourServer, api: httpx.Client
) -> None:
    items = _urls(api, ("video", "mp4"), ("audio", "mp3"), ("image", "png"))
    assert [FILE_PATH.fullmatch(i["file_path"]).groups() for i in items] == [  # type: ignore[union-attr]
        ("0", "mp4"),
        ("1", "mp3"),
        ("2", "png"),
    ]
    assert len({i["file_path"].split("/")[1] for i in items}) == 1  # one id per call
    for item in items:
        url = urlsplit(item["upload_url"])
        assert f"{url.scheme}://{url.netloc}" == server.download_base_url
        assert url.path == "/" + item["file_path"]
        assert "signature=" in url.query
        assert item["expires_at"].endswith("Z")
    assert _urls(api, ("image", "png"))[0]["file_path"] != items[2]["file_path"]
    assert [r.route for r in server.requests] == ["upload_urls", "upload_urls"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (None, "Missing request body"),
        (b"{", "The request body is not valid JSON"),
        ({}, "the body: the field 'items' is required"),
        ({"items": []}, "items: must have at least 1 items, not 0"),
        (
            {"items": [{"type": "gif", "extension": "gif"}]},
            "items[0].type: must be one of 'video', 'audio', 'image'",
        ),
        ({"items": [{"type": "image", "extension": ".png"}]}, "items[0].extension: must match ^[a-z0-9]+$"),
        ({"items": [{"type": "image", "extension": "PNG"}]}, "items[0].extension: must match ^[a-z0-9]+$"),
        ({"items": [{"type": "image", "extension": "mp4"}]}, "items[0].extension: an image upload cannot be"),
        ({"items": [{"type": "image"}]}, "items[0]: the field 'extension' is required"),
    ],
)
def test_upload_urls_refuses_a_bad_body_with_400(
    server: MagicHourServer, api: httpx.Client, body: object, message: str
) -> None:
    if body is None or isinstance(body, bytes):
        response = api.post("/v1/files/upload-urls", content=body or b"")
    else:
        response = api.post("/v1/files/upload-urls", json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)


def test_upload_urls_needs_the_token(server: MagicHourServer) -> None:
    response = httpx.post(server.base_url + "/v1/files/upload-urls", json={"items": []})
    assert response.status_code == 401


def test_a_put_is_stored_and_can_be_read_and_hashed(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    (item,) = _urls(api, ("image", "png"))
    data = bytes(range(256)) * 4000
    response = cdn.put(item["upload_url"], content=data)
    assert response.status_code == 200
    stored = server.uploads[item["file_path"]]
    assert (stored.asset_type, stored.extension, stored.size) == ("image", "png", len(data))
    assert stored.read() == data
    assert stored.sha256() == hashlib.sha256(data).hexdigest()
    (put,) = server.download_requests("PUT")
    assert (put.route, put.body_size, put.status, put.project_id) == ("upload", len(data), 200, None)
    assert cdn.get(item["upload_url"]).status_code == 403  # an upload URL does not download


def test_a_second_put_replaces_the_first(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    (item,) = _urls(api, ("image", "png"))
    assert cdn.put(item["upload_url"], content=b"first").status_code == 200
    first = server.uploads[item["file_path"]].path
    assert cdn.put(item["upload_url"], content=b"second!").status_code == 200
    assert server.uploads[item["file_path"]].read() == b"second!"
    assert not first.exists()


def test_the_body_goes_to_disk_as_it_arrives(server: MagicHourServer, api: httpx.Client) -> None:
    (item,) = _urls(api, ("video", "mp4"))
    url = urlsplit(item["upload_url"])
    size = 8 << 20
    with socket.create_connection(("127.0.0.1", server.download_port)) as sock:
        head = f"PUT {url.path}?{url.query} HTTP/1.1\r\nHost: x\r\nContent-Length: {size}\r\n\r\n"
        sock.sendall(head.encode())
        sock.sendall(b"a" * (size // 2))
        directory = server._uploads.directory
        parts = lambda: [p for p in directory.iterdir() if p.suffix == ".part"]  # noqa: E731
        wait_until(lambda: bool(parts()) and parts()[0].stat().st_size >= size // 4, what="bytes on disk")
        assert not server.uploads  # not stored before the end
        sock.sendall(b"b" * (size // 2))
        assert sock.recv(100).startswith(b"HTTP/1.1 200")
    assert server.uploads[item["file_path"]].size == size


def test_expect_100_continue_is_honoured(server: MagicHourServer, api: httpx.Client) -> None:
    (item,) = _urls(api, ("image", "png"))
    url = urlsplit(item["upload_url"])
    with socket.create_connection(("127.0.0.1", server.download_port)) as sock:
        sock.settimeout(5)
        head = f"PUT {url.path}?{url.query} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n{CONTINUE}\r\n"
        sock.sendall(head.encode())
        assert sock.recv(100).startswith(b"HTTP/1.1 100 ")
        sock.sendall(b"hello")
        assert sock.recv(100).startswith(b"HTTP/1.1 200")
    assert server.uploads[item["file_path"]].read() == b"hello"


def test_a_refused_put_never_gets_100_continue(server: MagicHourServer, api: httpx.Client) -> None:
    server.upload_limit = 10
    (item,) = _urls(api, ("image", "png"))
    url = urlsplit(item["upload_url"])
    with socket.create_connection(("127.0.0.1", server.download_port)) as sock:
        sock.settimeout(5)
        head = f"PUT {url.path}?{url.query} HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n{CONTINUE}\r\n"
        sock.sendall(head.encode())
        answer = sock.recv(1000)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"<Code>EntityTooLarge</Code>" in answer
    assert not server.uploads


def _chunks() -> Iterator[bytes]:
    yield b"no length"


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"signature": "0" * 64}, 403, "SignatureDoesNotMatch"),
        ({"signature": ""}, 403, "SignatureDoesNotMatch"),
        ({"expires": "1"}, 403, "SignatureDoesNotMatch"),  # the signature covers the expiry
        ({"path": "/api-assets/other/0.png"}, 403, "SignatureDoesNotMatch"),
        ({"authorization": "Bearer token"}, 400, "InvalidArgument"),
        ({"chunked": True}, 411, "MissingContentLength"),
        ({"size": 11}, 413, "EntityTooLarge"),
    ],
)
def test_a_put_is_refused_as_s3_refuses_it(
    server: MagicHourServer, api: httpx.Client, change: dict[str, object], status: int, code: str
) -> None:
    server.upload_limit = 10
    (item,) = _urls(api, ("image", "png"))
    url = httpx.URL(item["upload_url"])
    params = dict(url.params)
    for key in ("signature", "expires"):
        if key in change:
            params[key] = str(change[key])
    url = url.copy_with(params=params, path=str(change.get("path", url.path)))
    headers = {"Authorization": str(change["authorization"])} if "authorization" in change else {}
    content: bytes | Iterator[bytes] = (
        _chunks() if change.get("chunked") else b"x" * int(str(change.get("size", 5)))
    )
    response = httpx.put(url, content=content, headers=headers)
    assert response.status_code == status
    assert f"<Code>{code}</Code>" in response.text
    assert not server.uploads
    assert not list(server._uploads.directory.iterdir())


def test_an_expired_upload_url_gets_403(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    server.upload_url_ttl = 0
    (item,) = _urls(api, ("image", "png"))
    response = cdn.put(item["upload_url"], content=b"late")
    assert (response.status_code, "<Code>AccessDenied</Code>" in response.text) == (403, True)
    server.upload_url_ttl = 60
    (item,) = _urls(api, ("image", "png"))
    server.add_fault(Fault.expired(route="upload"))
    assert cdn.put(item["upload_url"], content=b"x").status_code == 403
    assert cdn.put(item["upload_url"], content=b"x").status_code == 200


def test_a_cut_upload_stores_nothing_and_the_retry_does(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    (item,) = _urls(api, ("video", "mp4"))
    server.add_fault(Fault.cut_upload(at=0.5))
    data = b"v" * (4 << 20)
    with pytest.raises(httpx.TransportError):
        cdn.put(item["upload_url"], content=data)
    assert not server.uploads
    assert not list(server._uploads.directory.iterdir())  # the partial file is gone
    cut = server.download_requests("PUT")[0]
    assert (cut.fault, cut.status) == ("cut_upload", None)
    assert len(data) // 2 <= cut.body_size < len(data)
    assert cdn.put(item["upload_url"], content=data).status_code == 200
    assert server.uploads[item["file_path"]].size == len(data)


def test_a_client_gone_mid_body_leaves_nothing(server: MagicHourServer, api: httpx.Client) -> None:
    (item,) = _urls(api, ("image", "png"))
    url = urlsplit(item["upload_url"])
    with socket.create_connection(("127.0.0.1", server.download_port)) as sock:
        sock.sendall(
            f"PUT {url.path}?{url.query} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n".encode()
        )
        sock.sendall(b"x" * 300)
        wait_until(lambda: server.download_requests("PUT") != [], what="the PUT")
    wait_until(lambda: server.open_download_connections == 0, what="the connection to close")
    time.sleep(0.05)
    assert not server.uploads
    assert not list(server._uploads.directory.iterdir())


def test_stop_removes_the_uploads(api: httpx.Client, server: MagicHourServer, cdn: httpx.Client) -> None:
    (item,) = _urls(api, ("image", "png"))
    cdn.put(item["upload_url"], content=b"data")
    path: Path = server.uploads[item["file_path"]].path
    directory = path.parent
    assert path.exists()
    server.stop()
    assert not directory.exists()


def test_clear_uploads_removes_the_files(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    (item,) = _urls(api, ("image", "png"))
    cdn.put(item["upload_url"], content=b"data")
    path = server.uploads[item["file_path"]].path
    server.clear_uploads()
    assert server.uploads == {}
    assert not path.exists()
    assert cdn.put(item["upload_url"], content=b"again").status_code == 200  # the URL still works


def test_uploads_go_where_the_server_is_told(tmp_path: Path) -> None:
    with (
        MagicHourServer(upload_dir=tmp_path) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {server.token}"}) as api,
    ):
        (item,) = _urls(api, ("image", "png"))
        assert httpx.put(item["upload_url"], content=b"data").status_code == 200
        assert server.uploads[item["file_path"]].path.parent.parent == tmp_path
    assert list(tmp_path.iterdir()) == []  # removed on stop
