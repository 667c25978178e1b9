from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, parse_status_code
from ... import errors

from ...models.error_body import ErrorBody
from ...models.image_to_video_body import ImageToVideoBody
from ...models.image_to_video_response import ImageToVideoResponse


def _get_kwargs(
    *,
    body: ImageToVideoBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/image-to-video",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ImageToVideoResponse | None:
    if response.status_code == 200:
        response_200 = ImageToVideoResponse.from_dict(response.json())

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
) -> Response[ErrorBody | ImageToVideoResponse]:
    return Response(
        status_code=parse_status_code(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImageToVideoBody,
) -> Response[ErrorBody | ImageToVideoResponse]:
    """Image-to-Video

     **What this API does**

    Create the same Image To Video you can make in the browser, but programmatically, so you can
    automate it, run it at scale, or connect it to your own app or workflow.

    **Good for**
    - Automation and batch processing
    - Adding image to video into apps, pipelines, or tools

    **How it works (3 steps)**
    1) Upload your inputs (video, image, or audio) with [Generate Upload
    URLs](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls) and copy the
    `file_path`.
    2) Send a request to create a image to video job with the basic fields.
    3) Check the job status until it's `complete`, then download the result from `downloads`.

    **Key options**
    - Inputs: usually a file, sometimes a YouTube link, depending on project type
    - Resolution: free users are limited to 576px; higher plans unlock HD and larger sizes
    - Extra fields: e.g. `face_swap_mode`, `start_seconds`/`end_seconds`, or a text prompt

    **Cost**
    Credits are only charged for the frames that actually render. You'll see an estimate when the job is
    queued, and the final total after it's done.

    For detailed examples, see the [product page](https://magichour.ai/products/image-to-video).

    Args:
        body (ImageToVideoBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ImageToVideoResponse]
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
    body: ImageToVideoBody,
) -> ErrorBody | ImageToVideoResponse | None:
    """Image-to-Video

     **What this API does**

    Create the same Image To Video you can make in the browser, but programmatically, so you can
    automate it, run it at scale, or connect it to your own app or workflow.

    **Good for**
    - Automation and batch processing
    - Adding image to video into apps, pipelines, or tools

    **How it works (3 steps)**
    1) Upload your inputs (video, image, or audio) with [Generate Upload
    URLs](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls) and copy the
    `file_path`.
    2) Send a request to create a image to video job with the basic fields.
    3) Check the job status until it's `complete`, then download the result from `downloads`.

    **Key options**
    - Inputs: usually a file, sometimes a YouTube link, depending on project type
    - Resolution: free users are limited to 576px; higher plans unlock HD and larger sizes
    - Extra fields: e.g. `face_swap_mode`, `start_seconds`/`end_seconds`, or a text prompt

    **Cost**
    Credits are only charged for the frames that actually render. You'll see an estimate when the job is
    queued, and the final total after it's done.

    For detailed examples, see the [product page](https://magichour.ai/products/image-to-video).

    Args:
        body (ImageToVideoBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ImageToVideoResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImageToVideoBody,
) -> Response[ErrorBody | ImageToVideoResponse]:
    """Image-to-Video

     **What this API does**

    Create the same Image To Video you can make in the browser, but programmatically, so you can
    automate it, run it at scale, or connect it to your own app or workflow.

    **Good for**
    - Automation and batch processing
    - Adding image to video into apps, pipelines, or tools

    **How it works (3 steps)**
    1) Upload your inputs (video, image, or audio) with [Generate Upload
    URLs](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls) and copy the
    `file_path`.
    2) Send a request to create a image to video job with the basic fields.
    3) Check the job status until it's `complete`, then download the result from `downloads`.

    **Key options**
    - Inputs: usually a file, sometimes a YouTube link, depending on project type
    - Resolution: free users are limited to 576px; higher plans unlock HD and larger sizes
    - Extra fields: e.g. `face_swap_mode`, `start_seconds`/`end_seconds`, or a text prompt

    **Cost**
    Credits are only charged for the frames that actually render. You'll see an estimate when the job is
    queued, and the final total after it's done.

    For detailed examples, see the [product page](https://magichour.ai/products/image-to-video).

    Args:
        body (ImageToVideoBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ImageToVideoResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImageToVideoBody,
) -> ErrorBody | ImageToVideoResponse | None:
    """Image-to-Video

     **What this API does**

    Create the same Image To Video you can make in the browser, but programmatically, so you can
    automate it, run it at scale, or connect it to your own app or workflow.

    **Good for**
    - Automation and batch processing
    - Adding image to video into apps, pipelines, or tools

    **How it works (3 steps)**
    1) Upload your inputs (video, image, or audio) with [Generate Upload
    URLs](https://docs.magichour.ai/api-reference/files/generate-asset-upload-urls) and copy the
    `file_path`.
    2) Send a request to create a image to video job with the basic fields.
    3) Check the job status until it's `complete`, then download the result from `downloads`.

    **Key options**
    - Inputs: usually a file, sometimes a YouTube link, depending on project type
    - Resolution: free users are limited to 576px; higher plans unlock HD and larger sizes
    - Extra fields: e.g. `face_swap_mode`, `start_seconds`/`end_seconds`, or a text prompt

    **Cost**
    Credits are only charged for the frames that actually render. You'll see an estimate when the job is
    queued, and the final total after it's done.

    For detailed examples, see the [product page](https://magichour.ai/products/image-to-video).

    Args:
        body (ImageToVideoBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ImageToVideoResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
