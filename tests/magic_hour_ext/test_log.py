from __future__ import annotations

import logging

import httpx
import pytest

from magic_hour_ext import redact_signed_urls_in_logs
from magic_hour_ext._log import OTHER_LOGGERS, SignedURLFilter


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


def test_installed_once() -> None:
    redact_signed_urls_in_logs()
    redact_signed_urls_in_logs()
    filters = [f for f in logging.getLogger("httpx").filters if isinstance(f, SignedURLFilter)]
    assert len(filters) == 1


def test_our_own_logger_is_filtered_without_opting_in() -> None:
    assert any(isinstance(f, SignedURLFilter) for f in logging.getLogger("magic_hour_ext").filters)


SIGNED = "http://cdn/x.png?expires=1700000000&signature=SECRETSIG"


def seen(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Every record and its extras, as caplog's handler on the root logger saw them."""
    return [f"{r.getMessage()} {r.__dict__!r}" for r in caplog.records]


@pytest.mark.parametrize("name", ["magic_hour_ext", *OTHER_LOGGERS])
def test_every_emitting_logger_is_filtered(name: str, caplog: pytest.LogCaptureFixture) -> None:
    redact_signed_urls_in_logs()
    caplog.set_level(logging.DEBUG)
    headers = [(b"Location", SIGNED.encode()), (b"Link", b"</r/y.png?sig=SECRETSIG&se=SECRETSE>")]
    logging.getLogger(name).debug(f"receive_response_headers.complete return_value={headers!r}")
    logging.getLogger(name).warning("redirect to %s via %r", SIGNED, (b"/r/y.png?token=SECRETSIG",))
    text = "\n".join(seen(caplog))
    assert len(caplog.records) == 2
    assert "SECRETSIG" not in text
    assert "SECRETSE" not in text
    assert "1700000000" not in text
    assert "expires=***&signature=***" in text


def test_stamina_extras_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    redact_signed_urls_in_logs()
    caplog.set_level(logging.DEBUG)
    cause = repr(httpx.ConnectError(f"refused {SIGNED}"))
    logging.getLogger("stamina").warning(
        "stamina.retry_scheduled", extra={"stamina.caused_by": cause, "stamina.args": (repr(SIGNED),)}
    )
    [text] = seen(caplog)
    assert "SECRETSIG" not in text
    assert "signature=***" in text


def test_exception_and_bytes_arguments_are_redacted() -> None:
    record = logging.LogRecord(
        "httpcore.http11", 10, "", 0, "%s %s %d", (ValueError(SIGNED), SIGNED.encode(), 3), None
    )
    SignedURLFilter().filter(record)
    assert "SECRETSIG" not in record.getMessage()
    assert record.getMessage().endswith(" 3")


def test_unsigned_arguments_keep_their_type() -> None:
    url = httpx.URL("http://h/search?q=cats")
    record = logging.LogRecord("httpx", 20, "", 0, "%s %s", (url, b"x"), None)
    SignedURLFilter().filter(record)
    assert record.args == (url, b"x")
