from __future__ import annotations

import pytest

from magic_hour_ext import _config as c
from magic_hour_ext._errors import ConfigurationError, MissingAPIKeyError


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


@pytest.mark.parametrize(("raw", "expected"), [("", None), ("0.05", 0.05), (" 3 ", 3.0)])
def test_poll_interval(raw: str, expected: float | None) -> None:
    assert c.poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": raw}) == expected
    assert c.poll_interval_from_env({}) is None


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "nan", "inf"])
def test_bad_poll_interval(raw: str) -> None:
    with pytest.raises(ConfigurationError, match="MAGIC_HOUR_POLL_INTERVAL"):
        c.poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": raw})


@pytest.mark.parametrize("key", ["mhk live", "mhk\nlive", "mhk_lïve", "mhk\x00"])
def test_key_http_cannot_carry_is_refused_without_echo(key: str) -> None:
    with pytest.raises(ConfigurationError, match="MAGIC_HOUR_API_KEY") as info:
        c.client_from_env({"MAGIC_HOUR_API_KEY": key})
    assert key.strip() not in str(info.value)
