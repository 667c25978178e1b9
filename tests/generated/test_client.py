"""The generated clients: no token in any repr, a timeout by default, and DELETE 204 as success."""

from collections.abc import Iterator
from http import HTTPStatus

import httpx
import pytest

from generated import AuthenticatedClient, Client
from generated.api.image_projects import delete_image_project, get_image_project
from generated.models import ErrorBody

TOKEN = "mhk_live_s3cr3t-token-value"


def _reprs(client: AuthenticatedClient) -> Iterator[str]:
    yield repr(client)
    yield str(client)
    yield repr(client.with_headers({"X-Trace": "1"}))
    yield repr(client.with_timeout(httpx.Timeout(5.0)))


def test_token_is_not_in_any_repr() -> None:
    client = AuthenticatedClient(base_url="https://api.example", token=TOKEN)
    before = list(_reprs(client))
    client.get_httpx_client()  # building the httpx client must not leak it into the repr either
    client.get_async_httpx_client()
    after = list(_reprs(client))

    for text in before + after:
        assert TOKEN not in text
    assert "AuthenticatedClient" in before[0]


def test_secret_headers_are_redacted_in_repr() -> None:
    client = Client(base_url="https://api.example", headers={"Authorization": f"Bearer {TOKEN}", "X-Trace": "1"})
    assert TOKEN not in repr(client)
    assert "X-Trace" in repr(client)


def test_auth_header_reaches_the_server() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    client = AuthenticatedClient(
        base_url="https://api.example", token=TOKEN, httpx_args={"transport": httpx.MockTransport(handler)}
    )
    delete_image_project.sync_detailed("a/b?c", client=client)
    assert seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen[0].url.raw_path == b"/v1/image-projects/a%2Fb%3Fc"


def test_default_timeout_is_finite() -> None:
    client = AuthenticatedClient(base_url="https://api.example", token=TOKEN)
    timeout = client.get_httpx_client().timeout
    assert timeout.read is not None
    assert timeout.connect is not None


def _mock(response: httpx.Response) -> AuthenticatedClient:
    transport = httpx.MockTransport(lambda _: response)
    return AuthenticatedClient(base_url="https://api.example", token=TOKEN, httpx_args={"transport": transport})


def test_delete_204_is_success() -> None:
    client = _mock(httpx.Response(204))
    response = delete_image_project.sync_detailed("cuid-example", client=client)
    assert response.status_code == HTTPStatus.NO_CONTENT
    assert response.parsed is None


def test_delete_404_is_an_error_body() -> None:
    client = _mock(httpx.Response(404, json={"message": "Not Found"}))
    response = delete_image_project.sync_detailed("cuid-example", client=client)
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.parsed == ErrorBody(message="Not Found")


@pytest.mark.parametrize("code", [499, 520])
def test_unregistered_status_codes_do_not_crash(code: int) -> None:
    client = _mock(httpx.Response(code, json={"message": "odd"}))
    response = get_image_project.sync_detailed("cuid-example", client=client)
    assert response.status_code == code
