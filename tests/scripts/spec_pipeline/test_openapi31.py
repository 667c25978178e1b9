"""OpenAPI 3.0 -> 3.1: nullable, example and exclusive bounds, only where they are schema keywords."""

from typing import Any

from spec_pipeline import NAME_KEY, to_openapi_31


def _response_schema(schema: dict[str, Any], **media: Any) -> dict[str, Any]:
    content = {"application/json": {"schema": schema, **media}}
    return {"openapi": "3.0.2", "paths": {"/a": {"get": {"responses": {"200": {"content": content}}}}}}


def _converted(document: dict[str, Any]) -> dict[str, Any]:
    to_openapi_31(document)
    media: dict[str, Any] = document["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]
    return media


def test_the_version_becomes_3_1_0_and_a_3_1_document_is_left_alone() -> None:
    old = {"openapi": "3.0.3"}
    new = {
        "openapi": "3.1.1",
        "components": {"schemas": {"A": {"type": ["string", "null"], "examples": [1]}}},
    }
    to_openapi_31(old)
    to_openapi_31(new)

    assert old["openapi"] == "3.1.0"
    assert new == {
        "openapi": "3.1.1",
        "components": {"schemas": {"A": {"type": ["string", "null"], "examples": [1]}}},
    }


def test_nullable_plain_schemas_gain_a_null_type_and_enums_a_null_value() -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string", "nullable": True, "description": "Name."},
            "mood": {"type": "string", "enum": ["ok"], "nullable": True},
            "any": {"nullable": True},
            "kept": {"type": "string", "nullable": False},
        },
    }

    properties = _converted(_response_schema(schema))["schema"]["properties"]

    assert properties["name"] == {"type": ["string", "null"], "description": "Name."}
    assert properties["mood"] == {"type": ["string", "null"], "enum": ["ok", None]}
    assert properties["any"] == {}
    assert properties["kept"] == {"type": "string"}


def test_a_nullable_named_schema_is_wrapped_so_the_component_stays_non_null() -> None:
    error = {
        "type": "object",
        "properties": {"code": {"type": "string"}},
        "nullable": True,
        "description": "The error.",
        "example": None,
        NAME_KEY: "Error",
    }

    converted = _converted(_response_schema({"type": "object", "properties": {"error": error}}))

    assert converted["schema"]["properties"]["error"] == {
        "description": "The error.",
        "examples": [None],
        "oneOf": [
            {
                "type": "object",
                "properties": {"code": {"type": "string"}},
                "description": "The error.",
                NAME_KEY: "Error",
            },
            {"type": "null"},
        ],
    }


def test_a_nullable_reference_is_wrapped() -> None:
    converted = _converted(
        _response_schema({"allOf": [{"$ref": "#/components/schemas/A"}], "nullable": True})
    )

    assert converted["schema"] == {
        "oneOf": [{"allOf": [{"$ref": "#/components/schemas/A"}]}, {"type": "null"}]
    }


def test_a_body_example_moves_to_the_media_type_and_others_become_examples() -> None:
    schema = {
        "type": "object",
        "properties": {"id": {"type": "string", "example": "x"}},
        "example": {"id": "x"},
    }

    converted = _converted(_response_schema(schema))

    assert converted["example"] == {"id": "x"}
    assert "example" not in converted["schema"]
    assert converted["schema"]["properties"]["id"] == {"type": "string", "examples": ["x"]}


def test_a_media_type_example_wins_over_the_schema_one() -> None:
    converted = _converted(_response_schema({"type": "string", "example": "schema"}, example="media"))

    assert converted["example"] == "media"
    assert converted["schema"] == {"type": "string", "examples": ["schema"]}


def test_example_outside_schemas_is_not_touched() -> None:
    parameter = {"name": "id", "in": "path", "example": "p", "schema": {"type": "string", "example": "s"}}
    document: dict[str, Any] = {"openapi": "3.0.0", "components": {"parameters": {"Id": parameter}}}

    to_openapi_31(document)

    assert document["components"]["parameters"]["Id"] == {
        "name": "id",
        "in": "path",
        "example": "p",
        "schema": {"type": "string", "examples": ["s"]},
    }


def test_boolean_exclusive_bounds_become_numbers() -> None:
    schema = {
        "type": "integer",
        "minimum": 1,
        "exclusiveMinimum": True,
        "maximum": 9,
        "exclusiveMaximum": False,
    }
    document: dict[str, Any] = {"openapi": "3.0.0", "components": {"schemas": {"N": schema}}}

    to_openapi_31(document)

    assert document["components"]["schemas"]["N"] == {"type": "integer", "exclusiveMinimum": 1, "maximum": 9}
