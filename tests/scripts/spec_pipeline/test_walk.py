"""The walk knows what each object is, so schema rules never touch look-alike keys elsewhere."""

from typing import Any

from spec_pipeline._walk import Site, walk


def test_each_object_is_visited_with_its_kind_and_location() -> None:
    document: dict[str, Any] = {
        "paths": {
            "/a": {
                "parameters": [{"name": "id", "schema": {"type": "string"}}],
                "get": {
                    "requestBody": {
                        "content": {"application/json": {"schema": {"items": {"type": "string"}}}}
                    },
                    "responses": {"200": {"headers": {"X": {"schema": {"oneOf": [{"type": "null"}]}}}}},
                },
            }
        },
        "components": {"schemas": {"A": {"properties": {"properties": {"type": "string"}}}}},
    }
    seen: list[tuple[str, str]] = []

    walk(document, pre=lambda site: seen.append((site.kind, site.location)))

    schemas = [where for kind, where in seen if kind == "schema"]
    assert schemas == [
        "$['paths']['/a']['parameters'][0]['schema']",
        "$['paths']['/a']['get']['requestBody']['content']['application/json']['schema']",
        "$['paths']['/a']['get']['requestBody']['content']['application/json']['schema']['items']",
        "$['paths']['/a']['get']['responses']['200']['headers']['X']['schema']",
        "$['paths']['/a']['get']['responses']['200']['headers']['X']['schema']['oneOf'][0]",
        "$['components']['schemas']['A']",
        "$['components']['schemas']['A']['properties']['properties']",
    ]
    assert ("header", "$['paths']['/a']['get']['responses']['200']['headers']['X']") in seen


def test_a_visitor_may_replace_the_object_and_the_walk_follows_the_replacement() -> None:
    document: dict[str, Any] = {"components": {"schemas": {"A": {"type": "string"}}}}
    seen: list[str] = []

    def visit(site: Site) -> None:
        seen.append(site.location)
        if site.location == "$['components']['schemas']['A']":
            site.container[site.key] = {"oneOf": [{"type": "string"}]}

    walk(document, pre=visit)

    assert seen[-1] == "$['components']['schemas']['A']['oneOf'][0]"


def test_values_that_are_not_objects_are_skipped() -> None:
    document: dict[str, Any] = {"paths": {"/a": "oops", "/b": {"get": {"responses": ["oops"]}}}}
    kinds: list[str] = []

    walk(document, post=lambda site: kinds.append(site.kind))

    assert kinds == ["operation", "path_item", "document"]
