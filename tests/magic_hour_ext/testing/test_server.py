"""The API listener over real HTTP: auth, 404, DELETE, ids, timelines, bodies, log, connections."""

import socket
import threading
import time

import anyio
import httpx
import pytest

from magic_hour_ext.testing import MagicHourServer, Output, Project

REQUIRED = {
    "id",
    "name",
    "status",
    "image_count",
    "type",
    "created_at",
    "enabled",
    "total_frame_cost",
    "credits_charged",
    "downloads",
    "error",
}


def test_start_and_stop_are_fast_and_leave_no_thread() -> None:
    before = threading.active_count()
    started = time.perf_counter()
    for _ in range(20):
        with MagicHourServer() as server:
            assert server.port != server.download_port
    per_server = (time.perf_counter() - started) / 20
    assert per_server < 0.25  # about 1 ms each; generous for a loaded machine
    assert threading.active_count() == before


def test_stop_closes_open_connections_and_the_thread_ends() -> None:
    before = threading.active_count()
    server = MagicHourServer()
    server.start()
    sock = socket.create_connection(("127.0.0.1", server.port))
    sock.sendall(b"GET /v1/image-projects/x HTTP/1.1\r\nHost: x\r\n\r\n")
    assert sock.recv(1000).startswith(b"HTTP/1.1 401")
    server.stop()
    sock.settimeout(2)
    assert sock.recv(1000) == b""  # closed by the server
    sock.close()
    assert threading.active_count() == before
    server.stop()  # stopping twice is harmless


def test_binds_loopback_on_ephemeral_ports(server: MagicHourServer) -> None:
    assert server.base_url == f"http://127.0.0.1:{server.port}"
    assert server.download_base_url == f"http://127.0.0.1:{server.download_port}"
    assert server.port > 0
    assert server.download_port > 0


def test_not_started_is_a_clear_error() -> None:
    server = MagicHourServer()
    with pytest.raises(RuntimeError, match="not started"):
        _ = server.base_url
    with pytest.raises(RuntimeError, match="Start the server"):
        server.create_project()


def test_get_answers_every_required_field(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project(name="Sunset", type="AI_HEADSHOT", credits_charged=7)
    response = api.get(project.url_path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == REQUIRED
    assert body["id"] == project.id
    assert body["name"] == "Sunset"
    assert body["type"] == "AI_HEADSHOT"
    assert body["status"] == "complete"
    assert body["enabled"] is True
    assert body["credits_charged"] == body["total_frame_cost"] == 7
    assert body["image_count"] == 1
    assert len(body["downloads"]) == 1
    assert body["error"] is None
    assert body["created_at"].endswith("Z")


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic dGVzdC10b2tlbg==", "Bearer"])
def test_missing_or_wrong_token_is_401(server: MagicHourServer, header: str | None) -> None:
    project = server.create_project()
    headers = {} if header is None else {"Authorization": header}
    response = httpx.get(server.base_url + project.url_path, headers=headers)
    assert response.status_code == 401
    assert response.json() == {"message": "Unauthorized"}


def test_custom_token(server: MagicHourServer) -> None:
    with MagicHourServer(token="mhk_other") as other:
        project = other.create_project()
        ok = httpx.get(other.base_url + project.url_path, headers={"Authorization": "bearer mhk_other"})
        assert ok.status_code == 200
        assert "mhk_other" not in repr(other)


def test_unknown_id_and_unknown_path_are_404(api: httpx.Client) -> None:
    assert api.get("/v1/image-projects/nope").json() == {"message": "Not Found"}
    assert api.get("/v1/image-projects/nope").status_code == 404
    assert api.get("/v1/video-projects/nope").status_code == 404
    assert api.get("/v1/image-projects/").status_code == 404


def test_other_methods_are_405(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    response = api.post(project.url_path)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, DELETE"


def test_delete_is_204_then_404(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    [url] = project.download_urls()
    response = api.delete(project.url_path)
    assert response.status_code == 204
    assert response.content == b""
    assert "content-length" not in response.headers
    assert project.enabled is False
    assert api.get(project.url_path).status_code == 404
    assert api.delete(project.url_path).status_code == 404
    assert httpx.get(url).status_code == 404  # its files are gone too


@pytest.mark.parametrize("project_id", ["a/b?c", "with space", "../x", "ümlaut#frag", "%2F"])
def test_any_id_reaches_its_project(server: MagicHourServer, api: httpx.Client, project_id: str) -> None:
    server.create_project("decoy")
    project = server.create_project(project_id)
    response = api.get(project.url_path)
    assert response.status_code == 200
    assert response.json()["id"] == project_id
    assert server.requests[-1].project_id == project_id


def test_an_unencoded_slash_does_not_reach_the_project(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project("a/b")
    assert api.get(project.url_path).status_code == 200  # /v1/image-projects/a%2Fb
    assert api.get("/v1/image-projects/a/b").status_code == 404
    assert api.get("/v1/image-projects/").status_code == 404


def test_duplicate_and_empty_ids_are_refused(server: MagicHourServer) -> None:
    server.create_project("same")
    with pytest.raises(ValueError, match="already exists"):
        server.create_project("same")
    with pytest.raises(ValueError, match="non-empty"):
        server.create_project("")


def test_generated_ids_are_cuid_like_and_distinct(server: MagicHourServer) -> None:
    ids = {server.create_project().id for _ in range(50)}
    assert len(ids) == 50
    assert all(i.startswith("cm") and len(i) == 25 and i.isalnum() for i in ids)


def _age(project: Project, seconds: float) -> None:
    """Move *project* along its timeline by *seconds*, as if it had been made that much earlier."""
    project.created_monotonic -= seconds


def test_timeline_moves_through_statuses(server: MagicHourServer, api: httpx.Client) -> None:
    # Steps of a minute, aged by hand: each GET lands well inside its step, however loaded.
    project = server.create_project(timeline=[("queued", 60), ("rendering", 60), ("complete", None)])
    assert project.final_at == pytest.approx(project.created_monotonic + 120)
    first = api.get(project.url_path).json()
    assert first["status"] == "queued"
    assert first["downloads"] == []
    _age(project, 90)
    assert api.get(project.url_path).json()["status"] == "rendering"
    _age(project, 60)
    last = api.get(project.url_path).json()
    assert last["status"] == "complete"
    assert len(last["downloads"]) == 1


def test_error_status_shows_the_error_and_refunds(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project(
        timeline=[("rendering", 60), ("error", None)],
        error=("no_source_face", "Please use an image with a detectable face"),
    )
    rendering = api.get(project.url_path).json()
    assert rendering["error"] is None
    assert rendering["credits_charged"] == 5
    _age(project, 60)
    body = api.get(project.url_path).json()
    assert body["status"] == "error"
    assert body["error"] == {
        "code": "no_source_face",
        "message": "Please use an image with a detectable face",
    }
    assert body["downloads"] == []
    assert body["credits_charged"] == 0


def test_error_without_details_still_has_an_error_object(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project(timeline=[("error", None)])
    assert api.get(project.url_path).json()["error"]["code"] == "unknown_error"


def test_unknown_statuses_and_extra_fields(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project(
        timeline=[("upscaling", 5.0), ("complete", None)], extra_fields={"priority": "high", "name": None}
    )
    body = api.get(project.url_path).json()
    assert body["status"] == "upscaling"
    assert body["priority"] == "high"
    assert body["name"] is None
    assert project.status == "upscaling"


@pytest.mark.parametrize(
    ("timeline", "message"),
    [
        ([], "at least one"),
        ([("complete", 1.0)], "must be None"),
        ([("queued", None), ("complete", None)], "needs a duration"),
        ([("queued", -1.0), ("complete", None)], "needs a duration"),
        ([("", None)], "non-empty"),
        (["complete"], "tuple"),
    ],
)
def test_bad_timelines_are_clear_errors(server: MagicHourServer, timeline: list, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match=message):
        server.create_project(timeline=timeline)


def test_bad_error_and_outputs_are_clear_errors(server: MagicHourServer) -> None:
    with pytest.raises(ValueError, match="code, message"):
        server.create_project(error=("only-code",))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Output"):
        server.create_project(outputs=[b"png"])  # type: ignore[list-item]


def test_request_log_records_both_hosts(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    project = server.create_project(timeline=[("queued", 60), ("complete", None)])
    api.get(project.url_path)
    _age(project, 60)
    url = api.get(project.url_path).json()["downloads"][0]["url"]
    cdn.get(url)
    api.delete(project.url_path)

    assert [(r.host, r.method, r.status) for r in server.requests] == [
        ("api", "GET", 200),
        ("api", "GET", 200),
        ("download", "GET", 200),
        ("api", "DELETE", 204),
    ]
    assert len(server.api_requests(project_id=project.id)) == 2
    assert len(server.api_requests("DELETE")) == 1
    assert len(server.api_requests(None)) == 3
    [download] = server.download_requests()
    assert "authorization" not in download.headers
    assert all(r.headers["authorization"] == f"Bearer {server.token}" for r in server.api_requests(None))
    assert download.project_id == project.id
    assert download.path == project.output_path(0)
    assert "signature=" in download.query
    assert server.requests[0].time <= server.requests[-1].time
    server.clear_requests()
    assert server.requests == []


def test_request_log_repr_hides_credentials(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    project = server.create_project()
    cdn.get(api.get(project.url_path).json()["downloads"][0]["url"])
    text = repr(server.requests)
    assert server.token not in text
    assert "signature" not in text
    assert "<redacted>" in text


def test_connections_are_counted_per_listener(server: MagicHourServer) -> None:
    project = server.create_project()
    headers = {"Authorization": f"Bearer {server.token}"}
    clients = [httpx.Client(base_url=server.base_url, headers=headers) for _ in range(3)]
    try:
        for client in clients:  # each keeps its connection open
            assert client.get(project.url_path).status_code == 200
        assert server.open_connections == 3
        assert server.peak_connections == 3
        assert server.peak_download_connections == 0
        assert len({r.connection_id for r in server.requests}) == 3
    finally:
        for client in clients:
            client.close()
    deadline = time.monotonic() + 2
    while server.open_connections and time.monotonic() < deadline:
        time.sleep(0.005)
    assert server.open_connections == 0
    assert server.peak_connections == 3


def test_keep_alive_reuses_one_connection(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    for _ in range(3):
        api.get(project.url_path)
    assert {r.connection_id for r in server.requests} == {1}


@pytest.mark.anyio
async def test_works_from_async_code() -> None:
    async with MagicHourServer() as server:
        project = server.create_project(outputs=[Output(size=100_000, name="a.bin")])
        headers = {"Authorization": f"Bearer {server.token}"}
        bodies: list[httpx.Response] = []

        async def get(client: httpx.AsyncClient) -> None:
            bodies.append(await client.get(project.url_path))

        client = httpx.AsyncClient(base_url=server.base_url, headers=headers)
        async with client, anyio.create_task_group() as group:
            for _ in range(20):
                group.start_soon(get, client)
        url = bodies[0].json()["downloads"][0]["url"]
        async with httpx.AsyncClient() as cdn:  # no token: the download host refuses one
            data = (await cdn.get(url)).content
        assert data == project.output_bytes(0)
    assert [b.status_code for b in bodies] == [200] * 20


def test_malformed_requests_get_400_and_close(server: MagicHourServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"NONSENSE\r\n\r\n")
        answer = sock.recv(1000)
        assert answer.startswith(b"HTTP/1.1 400")
        assert b"Connection: close" in answer
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 70_000 + b"\r\n\r\n")
        assert sock.recv(1000).startswith(b"HTTP/1.1 431")


def test_http_1_0_closes_after_the_response(server: MagicHourServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"GET /v1/image-projects/x HTTP/1.0\r\n\r\n")
        data = b""
        while chunk := sock.recv(1000):
            data += chunk
    assert data.startswith(b"HTTP/1.1 401")
    assert data.endswith(b'{"message": "Unauthorized"}')


def test_starting_twice_is_an_error(server: MagicHourServer) -> None:
    with pytest.raises(RuntimeError, match="already running"):
        server.start()


def test_a_port_in_use_fails_in_start() -> None:
    with MagicHourServer() as first:
        taken = MagicHourServer(port=first.port)
        with pytest.raises(OSError, match="in use"):
            taken.start()
        with pytest.raises(RuntimeError, match="not started"):
            _ = taken.base_url


def test_many_concurrent_connections_are_counted(server: MagicHourServer) -> None:
    project = server.create_project()
    request = f"GET {project.url_path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.token}\r\n\r\n"
    sockets = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(300)]
    try:
        for sock in sockets:
            sock.sendall(request.encode())
        for sock in sockets:
            with sock.makefile("rb") as answer:
                assert answer.read(12) == b"HTTP/1.1 200"
        assert server.peak_connections == 300
        assert server.open_connections == 300
    finally:
        for sock in sockets:
            sock.close()
    assert len(server.api_requests()) == 300


def test_a_large_download_streams_quickly(server: MagicHourServer, cdn: httpx.Client) -> None:
    size = 64 << 20
    project = server.create_project(outputs=[Output(size=size, name="big.bin")])
    [url] = project.download_urls()
    expected = project.output_body(0).chunks()
    received = 0
    started = time.monotonic()
    with cdn.stream("GET", url) as response:
        assert response.headers["content-length"] == str(size)
        pending = b""
        for chunk in response.iter_raw(1 << 20):
            pending += chunk
            while len(pending) >= 1 << 20:
                assert pending[: 1 << 20] == next(expected)
                pending = pending[1 << 20 :]
            received += len(chunk)
    assert received == size
    assert time.monotonic() - started < 15  # about 0.1 s; generous for a loaded machine
