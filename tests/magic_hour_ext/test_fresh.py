"""The create's client: the API client's settings on a one-shot transport, or the API client's own."""

from __future__ import annotations

import httpx

from generated import AuthenticatedClient
from magic_hour_ext import DeadlineTransport
from magic_hour_ext._fresh import fresh_client_kwargs
from magic_hour_ext._transport import ONE_SHOT_LIMITS

TIMEOUT = httpx.Timeout(5.0)


def _client(**httpx_args: object) -> AuthenticatedClient:
    return AuthenticatedClient(base_url="https://api.example", token="k", httpx_args=httpx_args)


def test_the_token_and_headers_are_carried_over() -> None:
    kwargs = fresh_client_kwargs(_client().with_headers({"x-app": "demo"}), TIMEOUT)
    assert kwargs is not None
    with httpx.Client(**kwargs) as client:
        assert client.headers["authorization"] == "Bearer k"
        assert client.headers["x-app"] == "demo"
        assert client.timeout == TIMEOUT
        assert not client.follow_redirects


def test_a_deadline_transport_and_its_proxy_mounts_become_one_shot() -> None:
    proxied = DeadlineTransport(proxy="http://proxy.example:3128")
    kwargs = fresh_client_kwargs(
        _client(transport=DeadlineTransport(), mounts={"https://": proxied, "all://local.example": None}),
        TIMEOUT,
    )
    assert kwargs is not None
    assert kwargs["transport"].limits == ONE_SHOT_LIMITS
    assert kwargs["mounts"]["https://"].limits == ONE_SHOT_LIMITS
    assert kwargs["mounts"]["https://"]._proxy == proxied._proxy
    assert kwargs["mounts"]["all://local.example"] is None


def test_transports_it_cannot_copy_keep_the_api_client() -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(200))
    assert fresh_client_kwargs(_client(transport=mock), TIMEOUT) is None
    assert fresh_client_kwargs(_client(mounts={"https://": mock}), TIMEOUT) is None
    assert fresh_client_kwargs(_client(http2=True), TIMEOUT) is None
