"""What comes from the environment: the API key, the base URL, the poll interval override and the
webhook secrets."""

from __future__ import annotations

import ipaddress
import math
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from generated import AuthenticatedClient

from ._errors import ConfigurationError, MissingAPIKeyError, MissingWebhookSecretError
from ._redact import redact_url
from ._transport import DeadlineTransport, proxy_mounts

__all__ = [
    "DEFAULT_BASE_URL",
    "ENV_API_KEY",
    "ENV_BASE_URL",
    "ENV_POLL_INTERVAL",
    "ENV_WEBHOOK_SECRET",
    "MIN_POLL_INTERVAL",
    "base_url_from_env",
    "check_base_url",
    "client_from_env",
    "poll_floor",
    "poll_interval_from_env",
    "usable_client",
    "webhook_secrets_from_env",
]

ENV_API_KEY = "MAGIC_HOUR_API_KEY"
ENV_BASE_URL = "MAGIC_HOUR_BASE_URL"
ENV_POLL_INTERVAL = "MAGIC_HOUR_POLL_INTERVAL"
ENV_WEBHOOK_SECRET = "MAGIC_HOUR_WEBHOOK_SECRET"  # noqa: S105 - a variable name, not a secret
DEFAULT_BASE_URL = "https://api.magichour.ai"
#: The shortest fixed poll interval accepted (seconds): shorter ones would nearly busy-loop the API.
MIN_POLL_INTERVAL = 0.1


def base_url_from_env(environ: Mapping[str, str] | None = None) -> str:
    """``MAGIC_HOUR_BASE_URL``, checked to be an http(s) URL; the production API when unset or empty.

    Example:
        >>> base_url_from_env({})
        'https://api.magichour.ai'
    """
    env = os.environ if environ is None else environ
    return check_base_url(env.get(ENV_BASE_URL, "").strip() or DEFAULT_BASE_URL, ENV_BASE_URL)


def check_base_url(url: str, name: str = ENV_BASE_URL) -> str:
    """*url* without its trailing slash if it is an http(s) URL, else ConfigurationError naming *name*.

    *name* is where the URL came from (the variable, or a command-line option); a URL without a
    scheme gets a suggestion.

    Example:
        >>> check_base_url("http://127.0.0.1:8000/")
        'http://127.0.0.1:8000'
        >>> check_base_url("127.0.0.1:44803", "--base-url")
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.ConfigurationError: --base-url must be an http:// or https:// URL, \
not '127.0.0.1:44803': did you mean http://127.0.0.1:44803?
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        shown = redact_url(url) if parts is not None and parts.netloc else url
        message = f"{name} must be an http:// or https:// URL, not {shown[:100]!r}"
        if "://" not in url and url.strip() and not any(ch.isspace() for ch in url.strip()):
            message += f": did you mean {'http' if poll_floor('http://' + url) == 0 else 'https'}://{url}?"
        raise ConfigurationError(message)
    return url.rstrip("/")


def client_from_env(environ: Mapping[str, str] | None = None) -> AuthenticatedClient:
    """An AuthenticatedClient for ``MAGIC_HOUR_API_KEY`` and ``MAGIC_HOUR_BASE_URL``, on a DeadlineTransport.

    Its sync and async httpx clients send every request through one :class:`DeadlineTransport`
    (or one through each proxy the environment sets, see ``proxy_mounts``), so the deadline of
    :func:`check_result` holds for every request, body included.

    Raises:
        MissingAPIKeyError: ``MAGIC_HOUR_API_KEY`` is unset or empty.

    Example:
        >>> client = client_from_env({"MAGIC_HOUR_API_KEY": "mhk_live_example"})
        >>> "mhk_live_example" in repr(client)
        False
    """
    env = os.environ if environ is None else environ
    token = env.get(ENV_API_KEY, "").strip()
    if not token:
        raise MissingAPIKeyError(ENV_API_KEY)
    _check_token(token, ENV_API_KEY)
    return AuthenticatedClient(
        base_url=base_url_from_env(env),
        token=token,
        httpx_args={"transport": DeadlineTransport(), "mounts": proxy_mounts()},
    )


def usable_client(client: AuthenticatedClient | None) -> AuthenticatedClient:
    """*client*, or one from the environment when None; either way with a token HTTP can carry.

    Raises:
        MissingAPIKeyError: no client, and ``MAGIC_HOUR_API_KEY`` is unset.
        ConfigurationError: the token has characters an ``Authorization`` header cannot carry.

    Example:
        >>> usable_client(AuthenticatedClient(base_url="https://api.example", token="k")).token
        'k'
    """
    if client is None:
        return client_from_env()
    _check_token(client.token, "the client's token")
    return client


def _check_token(token: str, what: str) -> None:
    """Refuse a token that cannot travel in an ``Authorization`` header (visible ASCII only).

    The message never quotes the token: a pasted key with a newline is still a secret.
    """
    if not all("!" <= ch <= "~" for ch in token):
        raise ConfigurationError(
            f"{what} holds characters an API key cannot have (spaces, control or non-ASCII characters)"
        )


def poll_floor(base_url: str) -> float:
    """The shortest fixed poll interval allowed against *base_url*: MIN_POLL_INTERVAL (0.1 s).

    Except against a loopback host (``localhost``, ``127.0.0.0/8``, ``::1``), such as the local
    server of ``magic_hour_ext.testing``: polling your own machine fast harms no shared API, and
    tests and benchmarks need it. There the floor is 0 (any interval > 0).

    Example:
        >>> poll_floor("https://api.magichour.ai"), poll_floor("http://127.0.0.1:8000")
        (0.1, 0.0)
    """
    try:
        host = urlsplit(base_url).hostname or ""
    except ValueError:
        return MIN_POLL_INTERVAL
    if host == "localhost":
        return 0.0
    try:
        return 0.0 if ipaddress.ip_address(host).is_loopback else MIN_POLL_INTERVAL
    except ValueError:
        return MIN_POLL_INTERVAL


def poll_interval_from_env(
    environ: Mapping[str, str] | None = None, *, floor: float = MIN_POLL_INTERVAL
) -> float | None:
    """``MAGIC_HOUR_POLL_INTERVAL`` in seconds (a fixed interval), or None when unset or empty.

    Raises:
        ConfigurationError: the value is not a finite number of seconds >= *floor* (0.1 s by
            default, see :func:`poll_floor`) and > 0.

    Example:
        >>> poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": "2.5"})
        2.5
        >>> poll_interval_from_env({"MAGIC_HOUR_POLL_INTERVAL": "0.01"})
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.ConfigurationError: MAGIC_HOUR_POLL_INTERVAL must be at least 0.1 s, not '0.01'
    """
    env = os.environ if environ is None else environ
    raw = env.get(ENV_POLL_INTERVAL, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise ConfigurationError(
            f"{ENV_POLL_INTERVAL} must be a positive number of seconds, not {raw[:20]!r}"
        )
    if value < floor:
        raise ConfigurationError(f"{ENV_POLL_INTERVAL} must be at least {floor:g} s, not {raw[:20]!r}")
    return value


def webhook_secrets_from_env(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The webhook secrets in ``MAGIC_HOUR_WEBHOOK_SECRET``: one, or several separated by whitespace.

    Several secrets let a receiver accept the old and the new one while a secret is rotated.

    Raises:
        MissingWebhookSecretError: the variable is unset, empty or blank.

    Example:
        >>> webhook_secrets_from_env({"MAGIC_HOUR_WEBHOOK_SECRET": "whsec_new whsec_old"})
        ('whsec_new', 'whsec_old')
        >>> webhook_secrets_from_env({})
        Traceback (most recent call last):
        ...
        magic_hour_ext._errors.MissingWebhookSecretError: MAGIC_HOUR_WEBHOOK_SECRET is not set: ...
    """
    env = os.environ if environ is None else environ
    secrets = tuple(env.get(ENV_WEBHOOK_SECRET, "").split())
    if not secrets:
        raise MissingWebhookSecretError(ENV_WEBHOOK_SECRET)
    return secrets
