from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, parse_status_code
from ... import errors

from ...models.error_body import ErrorBody
from ...models.video_project import VideoProject


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/video-projects/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | VideoProject | None:
    if response.status_code == 200:
        response_200 = VideoProject.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorBody.from_dict(response.json())

        return response_402

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = ErrorBody.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | VideoProject]:
    return Response(
        status_code=parse_status_code(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | VideoProject]:
    """Get video details

     Check the progress of a video project. The `downloads` field is populated after a successful render.

    **Statuses**
    - `queued` — waiting to start
    - `rendering` — in progress
    - `complete` — ready; see `downloads`
    - `error` — a failure occurred (see `error`)
    - `canceled` — user canceled
    - `draft` — not used

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | VideoProject]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | VideoProject | None:
    """Get video details

     Check the progress of a video project. The `downloads` field is populated after a successful render.

    **Statuses**
    - `queued` — waiting to start
    - `rendering` — in progress
    - `complete` — ready; see `downloads`
    - `error` — a failure occurred (see `error`)
    - `canceled` — user canceled
    - `draft` — not used

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | VideoProject
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorBody | VideoProject]:
    """Get video details

     Check the progress of a video project. The `downloads` field is populated after a successful render.

    **Statuses**
    - `queued` — waiting to start
    - `rendering` — in progress
    - `complete` — ready; see `downloads`
    - `error` — a failure occurred (see `error`)
    - `canceled` — user canceled
    - `draft` — not used

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | VideoProject]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorBody | VideoProject | None:
    """Get video details

     Check the progress of a video project. The `downloads` field is populated after a successful render.

    **Statuses**
    - `queued` — waiting to start
    - `rendering` — in progress
    - `complete` — ready; see `downloads`
    - `error` — a failure occurred (see `error`)
    - `canceled` — user canceled
    - `draft` — not used

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | VideoProject
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
