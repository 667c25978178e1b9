from __future__ import annotations

import logging

import httpx
import pytest

from magic_hour_ext._log import SignedURLFilter, install_httpx_filter


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        (httpx.URL("http://h/x.png?expires=1&signature=S"), "http://h/x.png?expires=***&signature=***"),
        (
            "https://b.s3/x?X-Amz-Signature=S&X-Amz-Credential=C",
            "https://b.s3/x?X-Amz-Signature=***&X-Amz-Credential=***",
        ),
        ("http://h/search?q=cats", "http://h/search?q=cats"),
        (42, "42"),
    ],
)
def test_filter_redacts_signed_urls_only(arg: object, expected: str) -> None:
    record = logging.LogRecord("httpx", logging.INFO, "", 0, "HTTP Request: GET %s", (arg,), None)
    assert SignedURLFilter().filter(record)
    assert record.getMessage() == f"HTTP Request: GET {expected}"


def test_installed_once_on_import() -> None:
    import magic_hour_ext  # noqa: F401

    install_httpx_filter()
    filters = [f for f in logging.getLogger("httpx").filters if isinstance(f, SignedURLFilter)]
    assert len(filters) == 1
