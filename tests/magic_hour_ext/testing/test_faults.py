"""Every fault kind, over real HTTP, and the rules for matching and using them up."""

import email.utils
import json
import re
import socket
import time

import httpx
import pytest

from magic_hour_ext.testing import Fault, MagicHourServer, Output


def _statuses(api: httpx.Client, path: str, n: int) -> list[int]:
    return [api.get(path).status_code for _ in range(n)]


@pytest.mark.parametrize("code", [500, 502, 503, 504, 520])
def test_status_burst_then_normal(server: MagicHourServer, api: httpx.Client, code: int) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(code, times=2))
    responses = [api.get(project.url_path) for _ in range(3)]
    assert [r.status_code for r in responses] == [code, code, 200]
    assert set(responses[0].json()) == {"message"}
    assert [r.fault for r in server.requests] == ["status", "status", None]
    assert server.faults == []


def test_status_with_headers(server: MagicHourServer, api: httpx.Client) -> None:
    server.add_fault(Fault.status(503, headers={"Retry-After": "7"}))
    assert api.get("/v1/image-projects/x").headers["retry-after"] == "7"


def test_faults_match_route_and_project(
    server: MagicHourServer, api: httpx.Client, cdn: httpx.Client
) -> None:
    target, other = server.create_project(), server.create_project()
    server.add_fault(Fault.status(520, route="get", project_id=target.id, times=None))
    server.add_fault(Fault.status(502, route="download"))
    assert api.get(other.url_path).status_code == 200
    assert _statuses(api, target.url_path, 3) == [520, 520, 520]
    [url] = other.download_urls()
    assert [cdn.get(url).status_code for _ in range(2)] == [502, 200]
    assert api.delete(target.url_path).status_code == 204  # the GET fault leaves DELETE alone
    assert len(server.faults) == 1  # times=None: never used up


def test_faults_apply_in_the_order_added(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(503))
    server.add_fault(Fault.rate_limit())
    server.add_fault(Fault.status(500))
    assert _statuses(api, project.url_path, 4) == [503, 429, 500, 200]


def test_probability_is_reproducible_with_a_seed(server: MagicHourServer, api: httpx.Client) -> None:
    def run(seed: int) -> list[int]:
        with MagicHourServer(seed=seed) as other:
            project = other.create_project()
            other.add_fault(Fault.status(503, times=None, probability=0.5))
            headers = {"Authorization": f"Bearer {other.token}"}
            with httpx.Client(base_url=other.base_url, headers=headers) as client:
                return _statuses(client, project.url_path, 40)

    first = run(1)
    assert first == run(1)
    assert first != run(2)
    assert 5 < first.count(503) < 35
    assert set(first) == {200, 503}


def test_probability_zero_never_hits_and_is_not_used_up(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.status(503, probability=0.0))
    assert _statuses(api, project.url_path, 5) == [200] * 5
    assert len(server.faults) == 1
    server.clear_faults()
    assert server.faults == []


def test_rate_limit_with_seconds(server: MagicHourServer, api: httpx.Client) -> None:
    server.add_fault(Fault.rate_limit(retry_after="1"))
    response = api.get("/v1/image-projects/x")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "1"
    assert response.json() == {"message": "Too Many Requests"}


def test_rate_limit_with_an_http_date(server: MagicHourServer, api: httpx.Client) -> None:
    server.add_fault(Fault.rate_limit(retry_after="http-date", seconds=30))
    response = api.get("/v1/image-projects/x")
    when = email.utils.parsedate_to_datetime(response.headers["retry-after"]).timestamp()
    assert when - time.time() == pytest.approx(30, abs=2)


def test_rate_limit_without_retry_after(server: MagicHourServer, api: httpx.Client) -> None:
    server.add_fault(Fault.rate_limit(retry_after=None))
    response = api.get("/v1/image-projects/x")
    assert response.status_code == 429
    assert "retry-after" not in response.headers


def test_slow_response_outlasts_a_client_timeout(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.slow(0.5, route="get"))
    with pytest.raises(httpx.ReadTimeout):
        api.get(project.url_path, timeout=0.1)
    started = time.monotonic()
    server.add_fault(Fault.slow(0.1))
    assert api.get(project.url_path).status_code == 200
    assert time.monotonic() - started >= 0.1


def test_slow_responses_do_not_block_others(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.slow(5.0, project_id="stuck"))
    with httpx.Client(base_url=server.base_url) as stuck, pytest.raises(httpx.ReadTimeout):
        stuck.get("/v1/image-projects/stuck", timeout=0.05)
    started = time.monotonic()
    assert api.get(project.url_path).status_code == 200
    assert time.monotonic() - started < 4.0, "it did not wait for the stuck one (5 s)"


def test_close_before_any_response(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.close(route="get"))
    with pytest.raises(httpx.RemoteProtocolError):
        api.get(project.url_path)
    assert server.requests[-1].status is None
    assert server.requests[-1].fault == "close"
    assert api.get(project.url_path).status_code == 200


def test_truncated_download(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(size=100_000, name="a.bin")])
    [url] = project.download_urls()
    server.add_fault(Fault.truncate(at=0.5, route="download"))
    received = bytearray()
    lengths: list[str] = []

    def read_all() -> None:
        with cdn.stream("GET", url) as response:
            lengths.append(response.headers["content-length"])
            for chunk in response.iter_raw():
                received.extend(chunk)

    with pytest.raises(httpx.RemoteProtocolError):
        read_all()
    assert lengths == ["100000"]
    assert len(received) == 50_000
    assert bytes(received) == project.output_bytes(0, 0, 50_000)
    assert cdn.get(url).content == project.output_bytes(0)


def test_truncate_applies_to_a_range(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=1000, name="a.bin")])
    [url] = project.download_urls()
    server.add_fault(Fault.truncate(at=0.25))
    path = url.removeprefix(server.download_base_url)
    with socket.create_connection(("127.0.0.1", server.download_port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nRange: bytes=200-\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"206 Partial Content" in head
    assert b"Content-Length: 800" in head
    assert body == project.output_bytes(0, 200, 400)


def test_ignore_range(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(size=2000, name="a.bin")])
    [url] = project.download_urls()
    server.add_fault(Fault.ignore_range())
    ignored = cdn.get(url, headers={"Range": "bytes=1000-"})
    assert ignored.status_code == 200
    assert ignored.content == project.output_bytes(0)
    assert cdn.get(url, headers={"Range": "bytes=1000-"}).status_code == 206


def test_redirect_to_another_valid_url(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(size=3000, name="a.bin")])
    [url] = project.download_urls()
    server.add_fault(Fault.redirect())
    response = cdn.get(url)
    assert response.status_code == 302
    location = response.headers["location"]
    assert location != url
    assert location.startswith(server.download_base_url)
    followed = cdn.get(location)
    assert followed.status_code == 200
    assert followed.content == project.output_bytes(0)
    assert [r.status for r in server.download_requests()] == [302, 200]


def test_bad_json(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.bad_json(route="get"))
    response = api.get(project.url_path)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_truncated_json(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.truncated_json())
    response = api.get(project.url_path)
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()
    whole = api.get(project.url_path).content
    assert whole.startswith(response.content[:20])
    assert 0 < len(response.content) < len(whole)


def test_expired_fault(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project()
    [url] = project.download_urls()
    server.add_fault(Fault.expired(route="download"))
    response = cdn.get(url)
    assert response.status_code == 403
    assert b"expired" in response.content
    assert cdn.get(url).status_code == 200


def test_download_faults_leave_the_api_alone(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    for fault in (Fault.truncate(), Fault.ignore_range(), Fault.redirect(), Fault.expired()):
        server.add_fault(fault)
    assert api.get(project.url_path).status_code == 200
    assert len(server.faults) == 4


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Fault.bad_json(route="download"), "applies to"),
        (lambda: Fault.truncate(route="get"), "applies to"),
        (lambda: Fault.status(503, route="post"), "applies to"),  # type: ignore[arg-type]
        (lambda: Fault.status(99), "between 400 and 599"),
        (lambda: Fault.status(200), "between 400 and 599"),
        (lambda: Fault.status(503, times=0), "times"),
        (lambda: Fault.status(503, probability=1.5), "probability"),
        (lambda: Fault.slow(-1), "seconds"),
        (lambda: Fault.truncate(at=1.0), "fraction"),
        (lambda: Fault(kind="melt"), "Unknown fault kind"),  # type: ignore[arg-type]
    ],
)
def test_bad_faults_are_clear_errors(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        make()


def test_add_fault_wants_a_fault(server: MagicHourServer) -> None:
    with pytest.raises(TypeError, match="Fault"):
        server.add_fault("503")  # type: ignore[arg-type]


# -- raw bytes: trickle, stall, hang, truncate ---------------------------------------------------------


def _raw_get(
    server: MagicHourServer, path: str, *, port: int | None = None, close: bool = True
) -> socket.socket:
    """A GET on a raw socket; with the token on the API only (the download host refuses it)."""
    sock = socket.create_connection(("127.0.0.1", port or server.port), timeout=5)
    headers = "" if port else f"Authorization: Bearer {server.token}\r\n"
    headers += "Connection: close\r\n" if close else ""
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n{headers}\r\n".encode())
    return sock


def _read_to_eof(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def _without_date(response: bytes) -> bytes:
    return re.sub(rb"\r\nDate: [^\r]*", b"", response)


def _silent(sock: socket.socket, seconds: float = 0.3) -> bool:
    """Whether nothing at all (no byte, no close) arrives for `seconds`."""
    sock.settimeout(seconds)
    try:
        sock.recv(1)
    except TimeoutError:
        return True
    finally:
        sock.settimeout(5)
    return False


def _wait_for(condition, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.005)
    return bool(condition())


def test_trickle_sends_the_same_bytes(server: MagicHourServer) -> None:
    # Queued: no signed URL in the body, whose expiry (whole seconds from now) could differ between
    # the two answers when a second turns in between.
    project = server.create_project(timeline=[("queued", None)])
    with _raw_get(server, project.url_path) as sock:
        normal = _read_to_eof(sock)
    server.add_fault(Fault.trickle(chunk=7, interval=0))
    with _raw_get(server, project.url_path) as sock:
        trickled = _read_to_eof(sock)
    assert normal.startswith(b"HTTP/1.1 200 OK\r\n")
    assert _without_date(trickled) == _without_date(normal)
    last = server.requests[-1]
    assert (last.fault, last.status) == ("trickle", 200)
    assert last.bytes_sent == len(normal.partition(b"\r\n\r\n")[2])


def test_trickle_paces_the_head_too(server: MagicHourServer) -> None:
    server.add_fault(Fault.trickle(chunk=5, interval=0.5))
    with _raw_get(server, "/v1/image-projects/x") as sock:
        assert sock.recv(100) == b"HTTP/"  # the first 5 bytes, at once
        assert _silent(sock, 0.2)  # the next 5 only after the interval
        assert sock.recv(100) == b"1.1 4"


def test_trickle_keeps_the_connection_alive(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.trickle(chunk=64, interval=0.001, route="get"))
    trickled, normal = api.get(project.url_path), api.get(project.url_path)
    assert trickled.json()["id"] == normal.json()["id"] == project.id
    assert [r.fault for r in server.requests] == ["trickle", None]
    assert {r.connection_id for r in server.requests} == {1}


def test_a_trickled_download_is_whole(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project(outputs=[Output(size=5000, name="a.bin")])
    [url] = project.download_urls()
    server.add_fault(Fault.trickle(chunk=1000, interval=0.01, route="download"))
    assert cdn.get(url).content == project.output_bytes(0)


def test_stall_sends_part_of_the_body_then_nothing(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=10_000, name="a.bin")])
    [url] = project.download_urls()
    server.add_fault(Fault.stall(at=0.25))
    with _raw_get(server, url.removeprefix(server.download_base_url), port=server.download_port) as sock:
        data = b""
        while b"\r\n\r\n" not in data or len(data.partition(b"\r\n\r\n")[2]) < 2500:
            chunk = sock.recv(65536)
            assert chunk, data
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        assert b"\r\nContent-Length: 10000\r\n" in head
        assert body == project.output_bytes(0, 0, 2500)
        assert _silent(sock)  # neither more bytes nor a close
        assert server.open_download_connections == 1
        assert server.requests[-1].bytes_sent == 2500
        assert server.requests[-1].fault == "stall"
    assert _wait_for(lambda: server.open_download_connections == 0)  # the client's close ends it


def test_a_stalled_api_response_times_out_the_client(server: MagicHourServer, api: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.stall(route="get"))
    with pytest.raises(httpx.ReadTimeout):
        api.get(project.url_path, timeout=0.2)
    assert api.get(project.url_path).status_code == 200  # on a new connection


def test_hang_reads_the_request_and_never_answers(server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.hang())
    with _raw_get(server, project.url_path, close=False) as sock:
        assert _silent(sock)
        assert server.open_connections == 1
        [record] = server.requests
        assert (record.fault, record.status, record.project_id) == ("hang", None, project.id)
    assert _wait_for(lambda: server.open_connections == 0)


def test_hang_times_out_an_httpx_client(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project()
    [url] = project.download_urls()
    server.add_fault(Fault.hang(route="download", times=None))
    with pytest.raises(httpx.ReadTimeout):
        cdn.get(url, timeout=0.2)


def test_stop_ends_hung_and_stalled_connections() -> None:
    server = MagicHourServer()
    server.start()
    try:
        project = server.create_project(outputs=[Output(size=100_000, name="a.bin")])
        [url] = project.download_urls()
        server.add_fault(Fault.hang(route="get"))
        server.add_fault(Fault.stall(route="download"))
        hung = _raw_get(server, project.url_path, close=False)
        stalled = _raw_get(server, url.removeprefix(server.download_base_url), port=server.download_port)
        assert _wait_for(lambda: len(server.requests) == 2)
        assert _silent(hung, 0.1)
    finally:
        server.stop()
    with hung, stalled:
        assert hung.recv(10) == b""
        assert len(_read_to_eof(stalled)) < 100_000


def test_truncate_counts_the_bytes_it_sent(server: MagicHourServer) -> None:
    project = server.create_project(outputs=[Output(size=1_000_000, name="a.bin")])
    [url] = project.download_urls()
    server.add_fault(Fault.truncate(at=0.1))
    with _raw_get(server, url.removeprefix(server.download_base_url), port=server.download_port) as sock:
        data = _read_to_eof(sock)  # the server closes after the cut
    assert data.partition(b"\r\n\r\n")[2] == project.output_bytes(0, 0, 100_000)
    assert server.requests[-1].bytes_sent == 100_000


# -- HTML error pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "title"), [(502, b"502 Bad Gateway"), (503, b"503 Service Unavailable")])
def test_status_can_send_a_gateway_html_page(
    server: MagicHourServer, api: httpx.Client, code: int, title: bytes
) -> None:
    server.add_fault(Fault.status(code, html=True))
    response = api.get("/v1/image-projects/x")
    assert response.status_code == code
    assert response.headers["content-type"] == "text/html"
    assert response.content.startswith(b"<html>")
    assert b"<title>" + title + b"</title>" in response.content
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_rate_limit_can_send_html(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project()
    [url] = project.download_urls()
    server.add_fault(Fault.rate_limit(retry_after="3", html=True, route="download"))
    response = cdn.get(url)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert response.headers["content-type"] == "text/html"
    assert b"429 Too Many Requests" in response.content


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Fault(kind="close", html=True), "html applies to"),
        (lambda: Fault.trickle(chunk=0), "chunk"),
        (lambda: Fault.trickle(interval=-1), "interval"),
        (lambda: Fault.stall(at=1.0), "fraction"),
        (lambda: Fault.hang(times=0), "times"),
    ],
)
def test_bad_new_faults_are_clear_errors(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        make()


def test_the_new_faults_apply_to_every_route() -> None:
    for fault in (Fault.trickle(), Fault.stall(), Fault.hang()):
        assert fault.routes == {"get", "delete", "download", "create", "upload_urls", "upload"}
