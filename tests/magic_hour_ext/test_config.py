from __future__ import annotations

from typing import Any

import anyio
import httpx
import pytest

from generated import AuthenticatedClient
from magic_hour_ext import CheckResult, acheck_result, check_result
from magic_hour_ext import _config as c
from magic_hour_ext._errors import (
    ConfigurationError,
    InvalidArgumentError,
    MissingAPIKeyError,
    MissingWebhookSecretError,
)
from magic_hour_ext.testing import MagicHourServer
from tests.magic_hour_ext._helpers import api_client, statuses_by_gets


def test_client_from_env_uses_key_and_base_url() -> None:
    client = c.client_from_env(
        {"MAGIC_HOUR_API_KEY": "tok-123", "MAGIC_HOUR_BASE_URL": "http://127.0.0.1:9/"}
    )
    assert client.token == "tok-123"
    assert client.get_httpx_client().base_url == "http://127.0.0.1:9"
    assert "tok-123" not in repr(client)


def test_default_base_url() -> None:
    client = c.client_from_env({"MAGIC_HOUR_API_KEY": "k"})
    assert str(client.get_httpx_client().base_url).startswith("https://api.magichour.ai")


@pytest.mark.parametrize("env", [{}, {"MAGIC_HOUR_API_KEY": ""}, {"MAGIC_HOUR_API_KEY": "  "}])
def test_missing_key(env: dict[str, str]) -> None:
    with pytest.raises(MissingAPIKeyError, match="MAGIC_HOUR_API_KEY"):
        c.client_from_env(env)


@pytest.mark.parametrize("url", ["ftp://x", "not a url", "http://"])
def test_bad_base_url(url: str) -> None:
    with pytest.raises(ConfigurationError, match="MAGIC_HOUR_BASE_URL"):
        c.client_from_env({"MAGIC_HOUR_API_KEY": "k", "MAGIC_HOUR_BASE_URL": url})


def test_client_from_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAGIC_HOUR_API_KEY", "from-os")
    monkeypatch.delenv("MAGIC_HOUR_BASE_URL", raising=False)
    assert c.client_from_env().token == "from-os"


@pytest.mark.parametrize(("raw", "expected"), [("", None), ("0.1", 0.1), (" 3 ", 3.0)])
def test_poll_interval(raw: str, expected: float | None) -> None:
    assert c.poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": raw}) == expected
    assert c.poll_interval_from_env({}) is None


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "nan", "inf", "1e-6", "0.099"])
def test_bad_poll_interval(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="MAGIC_HOUR_POLL_INTERVAL"):
        c.poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": raw})


def test_poll_interval_below_the_floor_is_refused_clearly() -> None:
    with pytest.raises(ConfigurationError, match=r"must be at least 0\.1 s, not '1e-6'"):
        c.poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": "1e-6"})
    assert c.poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": "1e-6"}, floor=0.0) == 1e-6


@pytest.mark.parametrize(
    ("url", "floor"),
    [
        ("https://api.magichour.ai", 0.1),
        ("http://10.0.0.1:8000", 0.1),
        ("http://localhost.example", 0.1),
        ("http://127.0.0.1:8000", 0.0),
        ("http://127.8.9.10", 0.0),
        ("http://localhost:1", 0.0),
        ("http://[::1]:8000", 0.0),
        ("http://[::1", 0.1),
    ],
)
def test_poll_floor(url: str, floor: float) -> None:
    assert c.poll_floor(url) == floor


def call(mode: str, client: AuthenticatedClient, project_id: str, **kwargs: Any) -> CheckResult:
    """check_result in *mode*, closing the client's connections afterwards."""
    if mode == "sync":
        with client:
            return check_result(project_id, client=client, **kwargs)

    async def run() -> CheckResult:
        async with client:
            return await acheck_result(project_id, client=client, **kwargs)

    return anyio.run(run, backend=mode)


@pytest.mark.parametrize("source", ["argument", "environment"])
def test_check_result_refuses_a_near_busy_poll_against_a_remote_api(
    mode: str, source: str, server: MagicHourServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = server.create_project()
    # The production base URL decides the floor; the requests (if any) would go to the local
    # server, so this test can never reach the internet.
    client = AuthenticatedClient(base_url=c.DEFAULT_BASE_URL, token=server.token)
    auth = {"Authorization": f"Bearer {server.token}"}
    client.set_httpx_client(httpx.Client(base_url=server.base_url, headers=auth))
    client.set_async_httpx_client(httpx.AsyncClient(base_url=server.base_url, headers=auth))
    kwargs: dict[str, Any] = {"download_outputs": False}
    if source == "argument":
        kwargs["poll_interval"] = 1e-6
        expected: type[Exception] = InvalidArgumentError
    else:
        monkeypatch.setenv("MAGIC_HOUR_POLL_INTERVAL", "1e-6")
        expected = ConfigurationError
    with pytest.raises(expected, match=r"at least 0\.1 s"):
        call(mode, client, project.id, **kwargs)
    assert server.requests == []


def test_fast_polls_stay_allowed_against_a_local_server(mode: str, server: MagicHourServer) -> None:
    project = server.create_project()
    with statuses_by_gets(server, project, ("rendering", 2)):
        result = call(mode, api_client(server), project.id, download_outputs=False, poll_interval=0.01)
    assert result.status == "complete"
    assert len(server.api_requests()) >= 3


@pytest.mark.parametrize("key", ["mhk live", "mhk\nlive", "mhk_lïve", "mhk\x00"])
def test_key_http_cannot_carry_is_refused_without_echo(key: str) -> None:
    with pytest.raises(ConfigurationError, match="MAGIC_HOUR_API_KEY") as info:
        c.client_from_env({"MAGIC_HOUR_API_KEY": key})
    assert key.strip() not in str(info.value)


@pytest.mark.parametrize(
    ("raw", "secrets"),
    [
        ("whsec_a", ("whsec_a",)),
        (" whsec_a\n", ("whsec_a",)),
        ("whsec_new whsec_old", ("whsec_new", "whsec_old")),
    ],
)
def test_webhook_secrets_from_env(raw: str, secrets: tuple[str, ...]) -> None:
    assert c.webhook_secrets_from_env({"MAGIC_HOUR_WEBHOOK_SECRET": raw}) == secrets


@pytest.mark.parametrize("env", [{}, {"MAGIC_HOUR_WEBHOOK_SECRET": ""}, {"MAGIC_HOUR_WEBHOOK_SECRET": " \t"}])
def test_missing_webhook_secret(env: dict[str, str]) -> None:
    with pytest.raises(MissingWebhookSecretError, match="MAGIC_HOUR_WEBHOOK_SECRET is not set"):
        c.webhook_secrets_from_env(env)
