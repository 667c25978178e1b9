from __future__ import annotations

import pytest

from magic_hour_ext._redact import redact_text, redact_url


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
