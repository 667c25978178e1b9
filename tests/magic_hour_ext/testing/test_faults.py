"""Every fault kind, over real HTTP, and the rules for matching and using them up."""

import email.utils
import json
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
    assert time.monotonic() - started < 1.0


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


def _complete(received: bytes) -> bool:
    head, sep, body = received.partition(b"\r\n\r\n")
    return bool(sep) and len(body) >= _content_length(head)


def _content_length(head: bytes) -> int:
    fields = dict(line.split(b": ", 1) for line in head.split(b"\r\n")[1:])
    return int(fields[b"Content-Length"])


def _raw_get(server: MagicHourServer, path: str, seconds: float) -> tuple[bytes, list[float]]:
    """Send one GET on a raw socket; what was received (whole response, or within *seconds*), and when."""
    request = f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.token}\r\n\r\n"
    received, times = b"", []
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(request.encode())
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            sock.settimeout(left)
            try:
                piece = sock.recv(65536)
            except TimeoutError:
                break
            if not piece:
                break
            received += piece
            times.append(time.monotonic())
            if _complete(received):
                break
    return received, times


def test_trickle_sends_the_whole_response_a_few_bytes_at_a_time(server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.trickle(chunk=40, interval=0.05, route="get"))
    received, times = _raw_get(server, project.url_path, 30)
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert json.loads(body)["id"] == project.id  # all of it, in the end
    assert len(times) >= len(received) // 40 // 2  # many small pieces (some may be merged)
    assert times[-1] - times[0] >= 0.05 * (len(received) // 40 - 1)


def test_stall_sends_part_of_the_body_then_nothing(server: MagicHourServer, cdn: httpx.Client) -> None:
    project = server.create_project()
    server.add_fault(Fault.stall(at=0.5, route="get"))
    received, _ = _raw_get(server, project.url_path, 0.5)
    head, _, body = received.partition(b"\r\n\r\n")
    assert len(body) == _content_length(head) // 2
    assert server.open_connections == 1  # still open
    output = server.create_project(outputs=[Output(size=10_000, name="a.bin")])
    server.add_fault(Fault.stall(at=0.25, route="download"))
    with cdn.stream("GET", output.download_urls()[0], timeout=0.3) as response:
        assert response.headers["content-length"] == "10000"
        got = bytearray()

        def read_all() -> None:
            for chunk in response.iter_raw():
                got.extend(chunk)

        with pytest.raises(httpx.ReadTimeout):
            read_all()
    assert len(got) == 2500


def test_hang_never_answers(server: MagicHourServer) -> None:
    project = server.create_project()
    server.add_fault(Fault.hang(route="get"))
    received, _ = _raw_get(server, project.url_path, 0.3)
    assert received == b""
    assert server.requests[-1].fault == "hang"
    assert server.open_connections == 1
