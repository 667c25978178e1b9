"""With every logger at DEBUG and a handler on the root logger, no record shows a secret.

httpx logs each request at INFO, httpcore logs every step of every connection at DEBUG (response
headers included, e.g. a redirect's ``Location`` with its signed query string), stamina logs each
retry with the exception that caused it, and magic_hour_ext logs polls and saved files. A handler
on the root logger sees all of it: none of it may hold the API token or a signed query value.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import stamina

from generated import AuthenticatedClient
from magic_hour_ext import CheckResult, acheck_result, check_result
from magic_hour_ext.testing import Fault, MagicHourServer, Output

TOKEN = "mhk_live_SECRET-TOKEN-0123456789"
# A query value that is not redacted: expires=<digits> or signature=<anything but ***>.
LEAK = re.compile(r"(expires|signature)=(?!\*\*\*)[^&\s'\"]+", re.IGNORECASE)


def texts(caplog: pytest.LogCaptureFixture) -> str:
    """Every record caplog's handler (on the root logger) saw: the message and every extra."""
    return "\n".join(f"{r.name} {r.getMessage()} {r.__dict__!r}" for r in caplog.records)


@pytest.fixture
def server() -> Iterator[MagicHourServer]:
    with MagicHourServer(token=TOKEN) as server:
        yield server


def run(driver: str, server: MagicHourServer, directory: Path) -> CheckResult:
    project = server.create_project(
        timeline=[("rendering", 0.05), ("complete", None)], outputs=[Output(size=5000), Output(size=7000)]
    )
    server.add_fault(Fault.redirect(times=2))
    server.add_fault(Fault.status(503, route="download", times=1))
    server.add_fault(Fault.status(503, route="get", times=1))
    client = AuthenticatedClient(base_url=server.base_url, token=TOKEN)
    kwargs = {"client": client, "download_directory": directory, "poll_interval": 0.1, "timeout": 10}
    with stamina.set_testing(True, attempts=6):
        if driver == "sync":
            return check_result(project.id, **kwargs)  # type: ignore[arg-type]
        return asyncio.run(acheck_result(project.id, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize("driver", ["sync", "async"])
def test_debug_logs_hold_no_token_and_no_signed_query(
    caplog: pytest.LogCaptureFixture, server: MagicHourServer, tmp_path: Path, driver: str
) -> None:
    caplog.set_level(logging.DEBUG)
    result = run(driver, server, tmp_path)
    assert len(result.downloaded_paths) == 2
    # The run went through every path that logs a URL: redirects, retries, downloads.
    assert [r.status for r in server.download_requests()].count(302) == 2
    assert {"httpx", "httpcore.http11", "httpcore.connection", "magic_hour_ext", "stamina"} <= {
        r.name for r in caplog.records
    }
    text = texts(caplog)
    assert "Location" in text
    assert "signature=***" in text
    assert TOKEN not in text
    leaks = sorted({m.group(0) for m in LEAK.finditer(text)})
    assert leaks == []
    secrets = {
        value
        for request in server.download_requests()
        for pair in request.query.split("&")
        if (value := pair.partition("=")[2])
    }
    assert secrets
    assert [s for s in secrets if s in text] == []
