"""The operation list, and keeping its operations (and what they use) out of the upstream document."""

from typing import Any

import pytest
from spec_pipeline import Operation, SpecError, parse_operations, select_operations


@pytest.fixture
def upstream() -> dict[str, Any]:
    user = {"$ref": "#/components/schemas/User"}
    return {
        "openapi": "3.0.2",
        "info": {"title": "API", "version": "1"},
        "x-vendor": True,
        "tags": [{"name": "Users"}, {"name": "Files"}],
        "paths": {
            "/files": {"post": {"tags": ["Files"], "responses": {}}},
            "/users/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "delete": {"tags": ["Users"], "responses": {}},
                "get": {
                    "tags": ["Users"],
                    "security": [{"bearer": []}],
                    "responses": {"200": {"content": {"application/json": {"schema": user}}}},
                },
            },
        },
        "components": {
            "parameters": {"Id": {"name": "id", "in": "path"}},
            "schemas": {
                "User": {"properties": {"group": {"$ref": "#/components/schemas/Group"}}},
                "Group": {"type": "string"},
                "File": {"type": "string"},
            },
            "securitySchemes": {"bearer": {"type": "http"}, "key": {"type": "apiKey"}},
        },
    }


def test_only_listed_operations_and_what_they_use_are_kept(upstream: dict[str, Any]) -> None:
    document, missing = select_operations(upstream, [Operation("get", "/users/{id}")])

    assert missing == []
    assert document["paths"] == {
        "/users/{id}": {
            "parameters": [{"$ref": "#/components/parameters/Id"}],
            "get": upstream["paths"]["/users/{id}"]["get"],
        }
    }
    assert document["components"] == {
        "parameters": {"Id": {"name": "id", "in": "path"}},
        "schemas": {"Group": {"type": "string"}, "User": upstream["components"]["schemas"]["User"]},
        "securitySchemes": {"bearer": {"type": "http"}},
    }
    assert document["tags"] == [{"name": "Users"}]
    assert "x-vendor" not in document


def test_the_result_shares_nothing_with_upstream(upstream: dict[str, Any]) -> None:
    document, _ = select_operations(upstream, [Operation("get", "/users/{id}")])

    document["components"]["schemas"]["Group"]["type"] = "integer"

    assert upstream["components"]["schemas"]["Group"] == {"type": "string"}


def test_methods_and_paths_keep_upstream_order_whatever_the_list_order(upstream: dict[str, Any]) -> None:
    listed = [
        Operation("delete", "/users/{id}"),
        Operation("get", "/users/{id}"),
        Operation("post", "/files"),
    ]

    document, _ = select_operations(upstream, listed)

    assert list(document["paths"]) == ["/files", "/users/{id}"]
    assert list(document["paths"]["/users/{id}"]) == ["parameters", "get", "delete"]


def test_listed_operations_upstream_lacks_are_returned(upstream: dict[str, Any]) -> None:
    _, missing = select_operations(upstream, [Operation("put", "/users/{id}"), Operation("get", "/nope")])

    assert missing == ["PUT /users/{id}", "GET /nope"]


@pytest.mark.parametrize(
    ("upstream", "message"),
    [
        ({"swagger": "2.0"}, r"not OpenAPI 3\.x \(Swagger 2\.0\)"),
        ({"openapi": 3.1}, r"not OpenAPI 3\.x \(openapi: 3\.1\)"),
        ({"openapi": "3.0.0", "paths": []}, "has no `paths` object"),
    ],
)
def test_a_document_that_is_not_openapi_3_is_an_error(upstream: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError, match=message):
        select_operations(upstream, [Operation("get", "/a")])


def test_the_list_reads_methods_in_any_case() -> None:
    assert parse_operations({"operations": ["get /a", "DELETE /a/{id}"]}) == [
        Operation("get", "/a"),
        Operation("delete", "/a/{id}"),
    ]


@pytest.mark.parametrize(
    ("listed", "message"),
    [
        ({"operations": []}, "needs `operations`"),
        ({"ops": ["GET /a"]}, "needs `operations`"),
        ({"operations": ["FETCH /a"]}, "'FETCH /a' is not an operation"),
        ({"operations": ["GET a"]}, "'GET a' is not an operation"),
        ({"operations": ["GET /a", "get /a"]}, "lists an operation twice"),
    ],
)
def test_a_malformed_list_is_a_clear_error(listed: dict[str, Any], message: str) -> None:
    with pytest.raises(SpecError, match=message):
        parse_operations(listed, name="operations.yaml")
