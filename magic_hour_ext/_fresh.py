"""The httpx client a create is sent with: the API client's settings, on connections of its own.

A keep-alive connection the server has just closed fails exactly like a request dropped after the
server took it, so a create sent on a pooled connection could fail in a way that cannot be told
apart from a charge. Every create therefore goes on a new connection: a client built from the
AuthenticatedClient's settings (base URL, token and headers, cookies, TLS, proxies) whose
transport is :meth:`DeadlineTransport.one_shot` (one connection, never kept alive).

A client whose ``httpx_args`` give a transport or a mount that is not a DeadlineTransport (a mock,
an ASGI app), or options this module cannot carry over, sends its creates through its own
clients: what its transport does with connections is its business.
"""

from __future__ import annotations

from typing import Any, Final

import httpx

from generated import AuthenticatedClient

from ._transport import ONE_SHOT_LIMITS, DeadlineTransport, proxy_mounts

__all__ = ["fresh_client_kwargs"]

# The httpx_args whose meaning this module keeps on the create's client.
_CARRIED: Final = frozenset({"transport", "mounts", "trust_env"})


def _one_shot(transport: object) -> DeadlineTransport | None:
    return transport.one_shot() if isinstance(transport, DeadlineTransport) else None


def fresh_client_kwargs(api: AuthenticatedClient, timeout: httpx.Timeout) -> dict[str, Any] | None:
    """The keyword arguments of an httpx client like *api*'s whose requests each open a new connection.

    None when *api*'s own transport cannot be copied (see the module docstring). *timeout* is each
    request's.

    Example:
        >>> from magic_hour_ext._config import client_from_env
        >>> kwargs = fresh_client_kwargs(client_from_env({"MAGIC_HOUR_API_KEY": "k"}), httpx.Timeout(5.0))
        >>> kwargs["transport"].limits.max_keepalive_connections, str(kwargs["base_url"])
        (0, 'https://api.magichour.ai')
        >>> mock = httpx.MockTransport(lambda request: httpx.Response(200))
        >>> api = AuthenticatedClient(base_url="http://x", token="k", httpx_args={"transport": mock})
        >>> fresh_client_kwargs(api, httpx.Timeout(5.0)) is None
        True
    """
    args = dict(api._httpx_args)
    if set(args) - _CARRIED:
        return None
    given = args.pop("transport", None)
    transport = DeadlineTransport(verify=api._verify_ssl, limits=ONE_SHOT_LIMITS) if given is None else None
    transport = transport or _one_shot(given)
    if transport is None:
        return None
    mounts: dict[str, httpx.BaseTransport | httpx.AsyncBaseTransport | None] = {}
    raw_mounts = args.pop("mounts", None)
    if raw_mounts is None and given is None and args.get("trust_env", True):
        raw_mounts = proxy_mounts(ONE_SHOT_LIMITS)  # what httpx's own transport would have read
    for pattern, mounted in (raw_mounts or {}).items():
        if mounted is None:
            mounts[pattern] = None
            continue
        fresh = _one_shot(mounted)
        if fresh is None:
            return None
        mounts[pattern] = fresh
    built = api._client or api._async_client  # set by set_httpx_client, or built earlier
    if built is not None:
        where: dict[str, Any] = {
            "base_url": built.base_url,
            "headers": built.headers,
            "cookies": built.cookies,
        }
    else:  # as the generated client builds them
        headers = {**api._headers, api.auth_header_name: api._auth_header_value()}
        where = {"base_url": api._base_url, "headers": headers, "cookies": api._cookies}
    return {
        **args,
        **where,
        "timeout": timeout,
        "follow_redirects": False,
        "transport": transport,
        "mounts": mounts,
    }
