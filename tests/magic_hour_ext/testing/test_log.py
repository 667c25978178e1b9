"""RecordedRequest: what it holds and what its repr hides."""

import socket

import httpx

from magic_hour_ext.testing import MagicHourServer, RecordedRequest


def _record(**changes: object) -> RecordedRequest:
    fields: dict[str, object] = {
        "host": "download",
        "method": "GET",
        "path": "/p/0/output.png",
        "query": "expires=1&signature=deadbeef",
        "headers": httpx.Headers({"Authorization": "Bearer sekrit", "Range": "bytes=5-"}),
        "connection_id": 4,
        "time": 1.0,
        "status": 206,
    }
    fields.update(changes)
    return RecordedRequest(**fields)  # type: ignore[arg-type]


def test_repr_hides_credentials() -> None:
    text = repr(_record(fault="truncate"))
    assert "sekrit" not in text
    assert "deadbeef" not in text
    assert (
        text
        == "RecordedRequest(download GET /p/0/output.png?<redacted> -> 206, connection 4, fault='truncate')"
    )


def test_repr_without_query_or_answer() -> None:
    assert (
        repr(_record(query="", status=None))
        == "RecordedRequest(download GET /p/0/output.png -> None, connection 4)"
    )


def test_the_server_records_each_header_as_sent_and_reads_it_in_any_case(server: MagicHourServer) -> None:
    # Sent raw, in mixed case and twice under one name: what the log holds is the server's reading
    # of the wire, not a dict a test built.
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(
            b"GET /v1/image-projects/p HTTP/1.1\r\nHost: x\r\nX-Trace-ID: abc\r\n"
            b"x-multi: 1\r\nX-Multi: 2\r\nConnection: close\r\n\r\n"
        )
        while sock.recv(65536):
            pass
    [record] = server.requests
    assert record.headers["x-trace-id"] == record.headers["X-TRACE-ID"] == "abc"
    assert record.headers.get_list("X-Multi") == ["1", "2"]
    assert "authorization" not in record.headers
    assert record.status == 401
