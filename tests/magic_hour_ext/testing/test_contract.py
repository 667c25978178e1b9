"""Contract test: the running server's real responses validate against openapi.yaml.

The spec, the server and the generated client are checked against each other, so none of them
can drift unnoticed. Responses are fetched with httpx from the real server and validated with
openapi-core, through two small adapters to its request and response protocols.
"""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.exceptions import OpenAPIError
from werkzeug.datastructures import Headers, ImmutableMultiDict

from generated.catalog import TOOLS
from magic_hour_ext.testing import Fault, MagicHourServer, Output, Render
from magic_hour_ext.testing._projects import KINDS, Kind
from tests.magic_hour_ext.testing._bodies import minimal

SPEC = Path(__file__).parents[3] / "openapi.yaml"
SPEC_SERVER = "https://api.magichour.ai"  # requests to the local server are checked as if sent there


class _OpenAPIRequest:
    """An httpx request, as openapi-core reads one."""

    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        query = parse_qs(request.url.query.decode())
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return SPEC_SERVER

    @property
    def path(self) -> str:
        return urlsplit(
            self._request.url.raw_path.decode()
        ).path  # still percent-encoded: "a%2Fb" is one segment

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        return self._request.content or None

    @property
    def content_type(self) -> str:
        return str(self._request.headers.get("content-type", ""))


class _OpenAPIResponse:
    """An httpx response, as openapi-core reads one."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        return str(self._response.headers.get("content-type", ""))

    @property
    def headers(self) -> Headers:
        return Headers(dict(self._response.headers))

    @property
    def data(self) -> bytes:
        return self._response.content


@pytest.fixture(scope="module")
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(SPEC))


def _validate(openapi: OpenAPI, response: httpx.Response) -> None:
    openapi.validate_response(_OpenAPIRequest(response.request), _OpenAPIResponse(response))


@pytest.mark.parametrize(
    ("timeline", "error"),
    [
        ([("complete", None)], None),
        ([("queued", 60.0), ("complete", None)], None),
        ([("rendering", 60.0), ("complete", None)], None),
        ([("draft", None)], None),
        ([("canceled", None)], None),
        ([("error", None)], ("no_source_face", "Please use an image with a detectable face")),
    ],
)
@pytest.mark.parametrize("kind", KINDS)
def test_get_200_matches_the_spec(
    openapi: OpenAPI,
    server: MagicHourServer,
    api: httpx.Client,
    timeline: list[tuple[str, float | None]],
    error: tuple[str, str] | None,
    kind: Kind,
) -> None:
    project = server.create_project(
        "a/b?c d",
        timeline=timeline,
        error=error,
        outputs=[Output(), Output(size=10, name="%2F..%2Fx.png")],
        kind=kind,
    )
    response = api.get(project.url_path)
    assert response.status_code == 200
    body = response.json()
    # The body checked is the one its timeline promises (not merely some valid project).
    assert body["status"] == timeline[0][0]
    assert len(body["downloads"]) == (2 if body["status"] == "complete" else 0)
    assert body["error"] == (None if error is None else {"code": error[0], "message": error[1]})
    _validate(openapi, response)


@pytest.mark.parametrize("kind", KINDS)
def test_null_name_matches_the_spec(
    openapi: OpenAPI, server: MagicHourServer, api: httpx.Client, kind: Kind
) -> None:
    project = server.create_project(name=None, kind=kind)
    response = api.get(project.url_path)
    assert (response.status_code, response.json()["name"]) == (200, None)
    _validate(openapi, response)


@pytest.mark.parametrize("kind", KINDS)
def test_delete_204_matches_the_spec(
    openapi: OpenAPI, server: MagicHourServer, api: httpx.Client, kind: Kind
) -> None:
    project = server.create_project(kind=kind)
    response = api.delete(project.url_path)
    assert response.status_code == 204
    _validate(openapi, response)


def test_video_template_delete_422_matches_the_spec(
    openapi: OpenAPI, server: MagicHourServer, api: httpx.Client
) -> None:
    response = api.delete(server.create_project(kind="video", template=True).url_path)
    assert response.status_code == 422
    _validate(openapi, response)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_errors_match_the_spec(
    openapi: OpenAPI, server: MagicHourServer, api: httpx.Client, method: str, kind: Kind
) -> None:
    project = server.create_project(kind=kind)
    server.add_fault(Fault.rate_limit(retry_after="2"))
    server.add_fault(Fault.rate_limit(retry_after="http-date", seconds=3))
    for code in (400, 402, 500, 502, 503, 504, 520):
        server.add_fault(Fault.status(code))
    responses = [api.request(method, project.url_path) for _ in range(9)]
    responses.append(api.request(method, f"/v1/{kind}-projects/unknown"))
    responses.append(httpx.request(method, server.base_url + project.url_path))  # no token
    assert [r.status_code for r in responses] == [429, 429, 400, 402, 500, 502, 503, 504, 520, 404, 401]
    assert responses[3].json() == {"message": "Payment Required"}
    assert responses[8].json() == {"message": "Server Error (520)"}
    for response in responses:
        _validate(openapi, response)


def test_the_contract_test_can_fail(openapi: OpenAPI, server: MagicHourServer, api: httpx.Client) -> None:
    """A body that breaks the spec is caught, so passing tests mean something."""
    drifted = [
        server.create_project(extra_fields={"image_count": "one"}),
        server.create_project(extra_fields={"downloads": [{"url": "x"}]}),
        server.create_project(timeline=[("upscaling", None)]),  # the spec's enum is closed
        server.create_project(kind="video", extra_fields={"fps": "thirty"}),
        server.create_project(kind="video", extra_fields={"download": {"url": 1}}),
        server.create_project(kind="audio", extra_fields={"credits_charged": "2"}),
    ]
    for project in drifted:
        with pytest.raises(OpenAPIError):
            _validate(openapi, api.get(project.url_path))


def test_upload_urls_matches_the_spec(openapi: OpenAPI, server: MagicHourServer, api: httpx.Client) -> None:
    good = {"items": [{"type": "video", "extension": "mp4"}, {"type": "audio", "extension": "mp3"}]}
    server.add_fault(Fault.status(503, route="upload_urls"))
    responses = [
        api.post("/v1/files/upload-urls", json=good),
        api.post("/v1/files/upload-urls", json=good),
        api.post("/v1/files/upload-urls", json={"items": []}),
        httpx.post(server.base_url + "/v1/files/upload-urls", json=good),
    ]
    assert [r.status_code for r in responses] == [503, 200, 400, 401]
    for response in responses:
        _validate(openapi, response)


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_every_create_matches_the_spec(openapi: OpenAPI, name: str) -> None:
    tool = TOOLS[name]
    body = minimal(tool.body_schema)
    with (
        MagicHourServer(token="t", credits=10_000) as server,
        httpx.Client(base_url=server.base_url, headers={"Authorization": "Bearer t"}) as api,
    ):
        server.renders[tool.kind] = Render(credits_charged=5_000)  # charged twice, then 402
        server.add_fault(Fault.rate_limit(route="create"))
        server.add_fault(Fault.error_after_create(500))
        responses = [api.post(tool.path, json=body) for _ in range(4)]
        responses.append(api.post(tool.path, json={**body, "unknown": 1}))
        responses.append(httpx.post(server.base_url + tool.path, json=body))
        if tool.file_inputs:
            assets = {**body.get("assets", {}), tool.file_inputs[0].path[-1]: "api-assets/none/0.png"}
            responses.append(api.post(tool.path, json={**body, "assets": assets}))
    expected = [429, 500, 200, 402, 400, 401]
    if tool.file_inputs and tool.file_inputs[0].path[-1] != "*":
        expected.append(422)
    assert [r.status_code for r in responses][: len(expected)] == expected
    for response in responses:
        _validate(openapi, response)
