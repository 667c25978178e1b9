from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, parse_status_code
from ... import errors

from ...models.error_body import ErrorBody
from ...models.upload_urls_body import UploadUrlsBody
from ...models.upload_urls_response import UploadUrlsResponse


def _get_kwargs(
    *,
    body: UploadUrlsBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/files/upload-urls",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | UploadUrlsResponse | None:
    if response.status_code == 200:
        response_200 = UploadUrlsResponse.from_dict(response.json())

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
) -> Response[ErrorBody | UploadUrlsResponse]:
    return Response(
        status_code=parse_status_code(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadUrlsBody,
) -> Response[ErrorBody | UploadUrlsResponse]:
    """ Generate asset upload urls

     Generates a list of pre-signed upload URLs for the assets required. This API is only necessary if
    you want to upload to Magic Hour's storage. Refer to the [Input Files Guide](/integration/input-
    files) for more details.

    The response array will match the order of items in the request body.

    **Valid file extensions per asset type**:
    - video: mp4, m4v, mov, webm
    - audio: mp3, wav, aac, flac, webm, m4a, opus, ogg, aiff, amr
    - image: png, jpg, jpeg, heic, heif, webp, avif, jp2, tiff, bmp
    - gif: gif, webp, webm

    > Note: `gif` is only supported for face swap API `video_file_path` field.

    Once you receive an upload URL, send a `PUT` request to upload the file directly.

    Example:

    ```
    curl -X PUT --data '@/path/to/file/video.mp4' \\
      https://videos.magichour.ai/api-assets/id/video.mp4?<auth params from the API response>
    ```

    Args:
        body (UploadUrlsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | UploadUrlsResponse]
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
    body: UploadUrlsBody,
) -> ErrorBody | UploadUrlsResponse | None:
    """ Generate asset upload urls

     Generates a list of pre-signed upload URLs for the assets required. This API is only necessary if
    you want to upload to Magic Hour's storage. Refer to the [Input Files Guide](/integration/input-
    files) for more details.

    The response array will match the order of items in the request body.

    **Valid file extensions per asset type**:
    - video: mp4, m4v, mov, webm
    - audio: mp3, wav, aac, flac, webm, m4a, opus, ogg, aiff, amr
    - image: png, jpg, jpeg, heic, heif, webp, avif, jp2, tiff, bmp
    - gif: gif, webp, webm

    > Note: `gif` is only supported for face swap API `video_file_path` field.

    Once you receive an upload URL, send a `PUT` request to upload the file directly.

    Example:

    ```
    curl -X PUT --data '@/path/to/file/video.mp4' \\
      https://videos.magichour.ai/api-assets/id/video.mp4?<auth params from the API response>
    ```

    Args:
        body (UploadUrlsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | UploadUrlsResponse
     """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadUrlsBody,
) -> Response[ErrorBody | UploadUrlsResponse]:
    """ Generate asset upload urls

     Generates a list of pre-signed upload URLs for the assets required. This API is only necessary if
    you want to upload to Magic Hour's storage. Refer to the [Input Files Guide](/integration/input-
    files) for more details.

    The response array will match the order of items in the request body.

    **Valid file extensions per asset type**:
    - video: mp4, m4v, mov, webm
    - audio: mp3, wav, aac, flac, webm, m4a, opus, ogg, aiff, amr
    - image: png, jpg, jpeg, heic, heif, webp, avif, jp2, tiff, bmp
    - gif: gif, webp, webm

    > Note: `gif` is only supported for face swap API `video_file_path` field.

    Once you receive an upload URL, send a `PUT` request to upload the file directly.

    Example:

    ```
    curl -X PUT --data '@/path/to/file/video.mp4' \\
      https://videos.magichour.ai/api-assets/id/video.mp4?<auth params from the API response>
    ```

    Args:
        body (UploadUrlsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | UploadUrlsResponse]
     """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadUrlsBody,
) -> ErrorBody | UploadUrlsResponse | None:
    """ Generate asset upload urls

     Generates a list of pre-signed upload URLs for the assets required. This API is only necessary if
    you want to upload to Magic Hour's storage. Refer to the [Input Files Guide](/integration/input-
    files) for more details.

    The response array will match the order of items in the request body.

    **Valid file extensions per asset type**:
    - video: mp4, m4v, mov, webm
    - audio: mp3, wav, aac, flac, webm, m4a, opus, ogg, aiff, amr
    - image: png, jpg, jpeg, heic, heif, webp, avif, jp2, tiff, bmp
    - gif: gif, webp, webm

    > Note: `gif` is only supported for face swap API `video_file_path` field.

    Once you receive an upload URL, send a `PUT` request to upload the file directly.

    Example:

    ```
    curl -X PUT --data '@/path/to/file/video.mp4' \\
      https://videos.magichour.ai/api-assets/id/video.mp4?<auth params from the API response>
    ```

    Args:
        body (UploadUrlsBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | UploadUrlsResponse
     """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
