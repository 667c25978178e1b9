"""Response helpers: Range parsing and the messages of status faults (the rest runs over HTTP)."""

import pytest

from magic_hour_ext.testing._responses import message, parse_range, status_message, xml_error


@pytest.mark.parametrize(
    ("header", "size", "expected"),
    [
        ("bytes=0-", 10, (0, 10)),
        ("bytes=3-", 10, (3, 10)),
        ("bytes=3-4", 10, (3, 5)),
        ("bytes=3-400", 10, (3, 10)),
        ("bytes=-4", 10, (6, 10)),
        ("bytes=-40", 10, (0, 10)),
        (" BYTES = 2-3", 10, (2, 4)),
        ("bytes=10-", 10, False),
        ("bytes=-0", 10, False),
        ("bytes=0-", 0, False),
        ("bytes=-5", 0, False),
        ("bytes=4-3", 10, None),
        ("bytes=-", 10, None),
        ("bytes=a-", 10, None),
        ("bytes=1-2,4-5", 10, None),
        ("bytes 1-2", 10, None),
        ("lines=1-2", 10, None),
    ],
)
def test_parse_range(header: str, size: int, expected: tuple[int, int] | bool | None) -> None:
    assert parse_range(header, size) == expected


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (500, "Internal Server Error"),
        (503, "Service Unavailable"),
        (402, "Payment Required"),
        (520, "Server Error (520)"),
        (499, "Error (499)"),
    ],
)
def test_status_message(status: int, text: str) -> None:
    assert status_message(status) == text


def test_error_bodies() -> None:
    assert message(404, "Not Found").body == b'{"message": "Not Found"}'
    forbidden = xml_error(403, "AccessDenied", "Request has expired")
    assert forbidden.body == b"<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>"
    assert ("Content-Type", "application/xml") in forbidden.headers
