"""With every logger at DEBUG and a handler on the root logger, no record shows a secret.

httpx logs each request at INFO, httpcore logs every step of every connection at DEBUG (response
headers included, e.g. a redirect's ``Location`` with its signed query string), stamina logs each
retry with the exception that caused it, and magic_hour_ext logs polls and saved files. A handler
on the root logger sees all of it. Our own records never hold the API token or a signed query
value; the other libraries' hold none once the application has called redact_signed_urls_in_logs.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import stamina

from magic_hour_ext import (
    CheckResult,
    DownloadError,
    acheck_result,
    check_result,
    redact_signed_urls_in_logs,
)
from magic_hour_ext.testing import Fault, MagicHourServer, Output
from tests.magic_hour_ext._helpers import api_client, in_mode

# A query value that is not redacted: expires=<digits> or signature=<anything but ***>.
LEAK = re.compile(r"(expires|signature)=(?!\*\*\*)[^&\s'\"]+", re.IGNORECASE)


def texts(caplog: pytest.LogCaptureFixture) -> str:
    """Every record caplog's handler (on the root logger) saw: the message and every extra."""
    return "\n".join(f"{r.name} {r.getMessage()} {r.__dict__!r}" for r in caplog.records)


def run(mode: str, server: MagicHourServer, directory: Path) -> CheckResult:
    project = server.create_project(
        timeline=[("rendering", 0.05), ("complete", None)], outputs=[Output(size=5000), Output(size=7000)]
    )
    server.add_fault(Fault.redirect(times=2))
    server.add_fault(Fault.status(503, route="download", times=1))
    server.add_fault(Fault.status(503, route="get", times=1))
    kwargs = {
        "client": api_client(server),
        "download_directory": directory,
        "poll_interval": 0.1,
        "timeout": 10,
    }
    with stamina.set_testing(True, attempts=6):
        return in_mode(mode, check_result, acheck_result)(project.id, **kwargs)


def leaks_in(text: str, server: MagicHourServer) -> list[str]:
    """The signed query values (and the token) of this run that *text* shows."""
    secrets = {
        value
        for request in server.download_requests()
        for pair in request.query.split("&")
        if (value := pair.partition("=")[2])
    }
    assert secrets
    return sorted(
        {m.group(0) for m in LEAK.finditer(text)} | {s for s in (*secrets, server.token) if s in text}
    )


@pytest.fixture
def without_redaction(monkeypatch: pytest.MonkeyPatch) -> None:
    """The other libraries' loggers as an application that did not opt in has them."""
    for name in list(logging.Logger.manager.loggerDict):
        if name.split(".")[0] in ("httpx", "httpcore", "stamina"):
            monkeypatch.setattr(logging.getLogger(name), "filters", [])


@pytest.mark.usefixtures("without_redaction")
def test_our_records_and_errors_hold_no_secret_without_opting_in(
    caplog: pytest.LogCaptureFixture, server: MagicHourServer, tmp_path: Path, mode: str
) -> None:
    caplog.set_level(logging.DEBUG)
    project = server.create_project(outputs=[Output(size=5000)])
    server.add_fault(Fault.truncate(at=0.5, route="download", times=None))
    wait = in_mode(mode, check_result, acheck_result)
    with stamina.set_testing(True, attempts=2), pytest.raises(DownloadError) as info:
        wait(project.id, client=api_client(server), download_directory=tmp_path)
    ours = "\n".join(f"{r.getMessage()} {r.__dict__!r}" for r in caplog.records if r.name.startswith("magic"))
    assert "signature=***" in ours + str(info.value)
    assert leaks_in(ours + f"{info.value} {info.value!r}", server) == []
    assert leaks_in(texts(caplog), server) != []  # httpx's own lines: what the opt-in is for


def test_debug_logs_hold_no_token_and_no_signed_query(
    caplog: pytest.LogCaptureFixture, server: MagicHourServer, tmp_path: Path, mode: str
) -> None:
    redact_signed_urls_in_logs()
    caplog.set_level(logging.DEBUG)
    result = run(mode, server, tmp_path)
    assert len(result.downloaded_paths) == 2
    # The run went through every path that logs a URL: redirects, retries, downloads.
    assert [r.status for r in server.download_requests()].count(302) == 2
    assert {"httpx", "httpcore.http11", "httpcore.connection", "magic_hour_ext", "stamina"} <= {
        r.name for r in caplog.records
    }
    text = texts(caplog)
    assert "Location" in text
    assert "signature=***" in text
    assert leaks_in(text, server) == []


# -- readable retries: our own WARNING per retry, resume and URL refresh ----------------------------


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == "magic_hour_ext" and r.levelno == logging.WARNING
    ]


def test_a_retry_is_one_warning_naming_the_request_cause_attempt_and_delay(
    caplog: pytest.LogCaptureFixture, server: MagicHourServer, tmp_path: Path, mode: str
) -> None:
    # Real waits here (no testing switch): the delay logged is the one waited.
    caplog.set_level(logging.WARNING)
    project = server.create_project()
    server.add_fault(Fault.status(503, route="get", times=1))
    wait = in_mode(mode, check_result, acheck_result)
    wait(project.id, client=api_client(server), download_directory=tmp_path)
    (line,) = warnings_of(caplog)
    expected = rf"retrying GET image project '{project.id}' \(503 Service Unavailable\), attempt 2 of 6"
    assert re.fullmatch(expected + r", in 0\.\d+ s", line), line


def test_a_resumed_download_and_a_refreshed_url_say_so(
    caplog: pytest.LogCaptureFixture, server: MagicHourServer, tmp_path: Path, mode: str
) -> None:
    caplog.set_level(logging.WARNING)
    project = server.create_project(outputs=[Output(size=100_000)])
    server.add_fault(Fault.expired(route="download"))
    server.add_fault(Fault.truncate(at=0.4, route="download"))
    wait = in_mode(mode, check_result, acheck_result)
    with stamina.set_testing(True, attempts=6, cap=True):
        wait(project.id, client=api_client(server), download_directory=tmp_path)
    refresh, resume = warnings_of(caplog)
    output = f"output 1 of image project '{project.id}'"
    assert refresh.startswith(f"{output}: the download host refused its URL (403 or 410: expired) (http://")
    assert refresh.endswith("signature=***); fetching the project again for fresh URLs, refresh 1 of 3")
    assert resume == f"{output}: connection lost at 40 %, resuming from 40.0 kB, attempt 2 of 6, in 0 s"
    assert leaks_in("\n".join(warnings_of(caplog)), server) == []
