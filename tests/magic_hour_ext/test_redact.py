from __future__ import annotations

import pytest

from magic_hour_ext._redact import redact_signed_queries, redact_text, redact_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://h/a/output.png?expires=1&signature=abc",
            "https://h/a/output.png?expires=***&signature=***",
        ),
        ("https://h/a/output.png", "https://h/a/output.png"),
        ("https://user:pw@h:8443/x?t=1#frag", "https://***@h:8443/x?t=***#***"),
        ("https://h/x?flag", "https://h/x?***"),
        ("http://[::1/x?sig=1", "<unparseable URL>"),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected


def test_redact_text_finds_every_url() -> None:
    text = "a http://h/1.png?signature=S1 and 'https://g/2?x=S2' end"
    out = redact_text(text)
    assert "S1" not in out
    assert "S2" not in out
    assert "http://h/1.png?signature=***" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # httpcore's repr of response headers: a redirect's Location, absolute and relative.
        (
            "[(b'Location', b'http://h/r/x.png?expires=17&signature=S1'), (b'Via', b'1.1')]",
            "[(b'Location', b'http://h/r/x.png?expires=***&signature=***'), (b'Via', b'1.1')]",
        ),
        ("(b'Location', b'/r/x.png?X-Amz-Signature=S1&X-Amz-Credential=C')", None),
        # A quote inside the signature does not end the query (the repr switched to double quotes).
        ("(b'Location', b\"/x?sig=ab'S1\")", "(b'Location', b\"/x?sig=***\")"),
        # An escaped quote inside a single-quoted repr does not end it either.
        ("(b'Location', b'/x?sig=ab\\'S1\\\"Z')", "(b'Location', b'/x?sig=***')"),
        # Unsigned queries and question marks in prose stay.
        ("GET http://h/search?q=cats ok? yes", "GET http://h/search?q=cats ok? yes"),
    ],
)
def test_redact_signed_queries(text: str, expected: str | None) -> None:
    out = redact_signed_queries(text)
    assert "S1" not in out
    if expected is not None:
        assert out == expected
