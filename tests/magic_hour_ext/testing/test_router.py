"""The route table: patterns, parameters, 404 and 405."""

import pytest

from magic_hour_ext.testing._router import MethodNotAllowed, NotFound, Router


@pytest.fixture
def router() -> Router[str]:
    routes: Router[str] = Router()
    routes.add("GET", "/v1/image-projects/{id}", "get image")
    routes.add("delete", "/v1/image-projects/{id}", "delete image")
    routes.add("GET", "/v1/video-projects/{id}", "get video")
    routes.add("POST", "/v1/files/upload-urls", "upload urls")
    routes.add("PUT", "/{path:path}", "upload")
    return routes


@pytest.mark.parametrize(
    ("method", "path", "target", "params"),
    [
        ("GET", "/v1/image-projects/abc", "get image", {"id": "abc"}),
        ("DELETE", "/v1/image-projects/a%2Fb%20c", "delete image", {"id": "a/b c"}),
        ("GET", "/v1/video-projects/v1", "get video", {"id": "v1"}),
        ("POST", "/v1/files/upload-urls", "upload urls", {}),
        ("PUT", "/p/0/a.png", "upload", {"path": "p/0/a.png"}),
        ("PUT", "/", "upload", {"path": ""}),
    ],
)
def test_resolves_targets_and_decoded_parameters(
    router: Router[str], method: str, path: str, target: str, params: dict[str, str]
) -> None:
    assert router.resolve(method, path) == (target, params)


@pytest.mark.parametrize(
    "path", ["/v1/image-projects/", "/v1/image-projects/a/b", "/v1/image-projects", "/v1/files/upload-urls/x"]
)
def test_one_segment_parameters_and_literal_paths(router: Router[str], path: str) -> None:
    with pytest.raises((NotFound, MethodNotAllowed)):
        router.resolve("GET", path)
    with pytest.raises(NotFound):
        Router[str]().resolve("GET", path)


def test_an_unknown_path_is_not_found() -> None:
    routes: Router[str] = Router()
    routes.add("GET", "/v1/image-projects/{id}", "get")
    with pytest.raises(NotFound):
        routes.resolve("GET", "/v1/image-projects/a/b")  # an unencoded "/" is not part of an id


def test_a_known_path_with_another_method_lists_the_allowed_ones(router: Router[str]) -> None:
    with pytest.raises(MethodNotAllowed) as info:
        router.resolve("PATCH", "/v1/image-projects/x")
    assert info.value.allowed == ("GET", "DELETE", "PUT")  # the catch-all PUT matches too


def test_patterns_start_with_a_slash() -> None:
    with pytest.raises(ValueError, match="starts with '/'"):
        Router[str]().add("GET", "v1/x", "x")


def test_literal_parts_are_not_regular_expressions() -> None:
    routes: Router[str] = Router()
    routes.add("GET", "/a.b/{id}", "dot")
    assert routes.resolve("GET", "/a.b/1") == ("dot", {"id": "1"})
    with pytest.raises(NotFound):
        routes.resolve("GET", "/axb/1")
