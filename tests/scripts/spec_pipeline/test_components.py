"""x-component-name: named inline objects move to the components, identical ones become one."""

from typing import Any

import pytest
from spec_pipeline import NAME_KEY, SpecError, hoist_components


def _error(message: str = "string", **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": {"message": {"type": message}}, NAME_KEY: "ErrorBody", **extra}


def _document(get_400: dict[str, Any], delete_400: dict[str, Any]) -> dict[str, Any]:
    def response(schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "description": "Bad",
            "content": {"application/json": {"schema": schema}},
            NAME_KEY: "BadRequest",
        }

    return {
        "paths": {
            "/a": {
                "get": {"responses": {"400": response(get_400)}},
                "delete": {"responses": {"400": response(delete_400)}},
            }
        },
        "components": {"securitySchemes": {"bearer": {"type": "http"}}},
    }


def test_identical_objects_become_one_component_inner_ones_first() -> None:
    document = _document(_error(), _error())

    hoist_components(document)

    ref = {"$ref": "#/components/responses/BadRequest"}
    assert document["paths"]["/a"]["get"]["responses"]["400"] == ref
    assert document["paths"]["/a"]["delete"]["responses"]["400"] == ref
    assert document["components"] == {
        "securitySchemes": {"bearer": {"type": "http"}},
        "responses": {
            "BadRequest": {
                "description": "Bad",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
            }
        },
        "schemas": {"ErrorBody": {"type": "object", "properties": {"message": {"type": "string"}}}},
    }


def test_different_objects_with_one_name_are_an_error_naming_both_places() -> None:
    document = _document(_error(), _error(message="integer"))

    with pytest.raises(SpecError) as raised:
        hoist_components(document)

    message = str(raised.value)
    assert "two different schemas are both named 'ErrorBody'" in message
    assert "$['paths']['/a']['get']['responses']['400']['content']['application/json']['schema']" in message
    assert (
        "$['paths']['/a']['delete']['responses']['400']['content']['application/json']['schema']" in message
    )


def test_a_name_that_upstream_already_uses_for_something_else_is_an_error() -> None:
    document = _document(_error(), _error())
    document["components"]["schemas"] = {"ErrorBody": {"type": "string"}}

    with pytest.raises(SpecError, match=r"at \$\['components'\]\['schemas'\]\['ErrorBody'\]"):
        hoist_components(document)


def test_a_name_on_an_existing_component_is_just_dropped() -> None:
    document = {"components": {"schemas": {"A": {"type": "string", NAME_KEY: "A"}}}}

    hoist_components(document)

    assert document == {"components": {"schemas": {"A": {"type": "string"}}}}


@pytest.mark.parametrize(
    ("media_type", "message"),
    [
        (
            {"schema": {"type": "string", NAME_KEY: "not a name"}},
            "'not a name' is not a valid component name",
        ),
        ({"schema": {"type": "string"}, NAME_KEY: "Json"}, "a media type cannot be a component"),
    ],
)
def test_bad_names_are_errors(media_type: dict[str, Any], message: str) -> None:
    document = {
        "paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": media_type}}}}}}
    }

    with pytest.raises(SpecError, match=message):
        hoist_components(document)
