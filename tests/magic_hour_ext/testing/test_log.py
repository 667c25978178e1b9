"""RecordedRequest: what it holds and what its repr hides."""

import httpx

from magic_hour_ext.testing import RecordedRequest


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


def test_headers_are_case_insensitive() -> None:
    assert _record().headers["authorization"] == "Bearer sekrit"
    assert _record().headers["RANGE"] == "bytes=5-"
