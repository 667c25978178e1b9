from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, parse_status_code
from ... import errors

from ...models.error_body import ErrorBody
from ...models.head_swap_body import HeadSwapBody
from ...models.head_swap_response import HeadSwapResponse


def _get_kwargs(
    *,
    body: HeadSwapBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/head-swap",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | HeadSwapResponse | None:
    if response.status_code == 200:
        response_200 = HeadSwapResponse.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

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
) -> Response[ErrorBody | HeadSwapResponse]:
    return Response(
        status_code=parse_status_code(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HeadSwapBody,
) -> Response[ErrorBody | HeadSwapResponse]:
    """Head Swap

     Swap a head onto a body image. Each image costs 10 credits. Output resolution depends on your
    subscription; you may set `max_resolution` lower than your plan maximum if desired.

    Args:
        body (HeadSwapBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HeadSwapResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: HeadSwapBody,
) -> ErrorBody | HeadSwapResponse | None:
    """Head Swap

     Swap a head onto a body image. Each image costs 10 credits. Output resolution depends on your
    subscription; you may set `max_resolution` lower than your plan maximum if desired.

    Args:
        body (HeadSwapBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HeadSwapResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: HeadSwapBody,
) -> Response[ErrorBody | HeadSwapResponse]:
    """Head Swap

     Swap a head onto a body image. Each image costs 10 credits. Output resolution depends on your
    subscription; you may set `max_resolution` lower than your plan maximum if desired.

    Args:
        body (HeadSwapBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | HeadSwapResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: HeadSwapBody,
) -> ErrorBody | HeadSwapResponse | None:
    """Head Swap

     Swap a head onto a body image. Each image costs 10 credits. Output resolution depends on your
    subscription; you may set `max_resolution` lower than your plan maximum if desired.

    Args:
        body (HeadSwapBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | HeadSwapResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
